#include "architecture.h"

#include <cmath>

#include "palette.h"
#include "shapes.h"

namespace liyuan::hallgen {
namespace {

constexpr float kHalfWidth = 10.0f;  // outer column lines at x = +-10
constexpr float kHalfDepth = 6.0f;   // and z = +-6
constexpr float kBay = 4.0f;
constexpr float kWallHalfThickness = 0.18f;
constexpr float kWallHeight = 5.0f;

// The carpet runner's colour (sRGB bytes) at (u across, v along) in metres from its corner.
vec3 carpet_color(float u, float width, float v) {
  float edge = std::min(u, width - u);
  if (edge < 0.06f) return {40, 36, 70};    // indigo edge
  if (edge < 0.16f) return {196, 150, 60};  // gold border
  if (edge < 0.2f) return {40, 36, 70};
  // A repeating medallion (baoxiang flower) down the red field.
  float cell = std::fmod(v, 1.2f) - 0.6f, across = u - width * 0.5f;
  float r = std::sqrt(cell * cell + across * across);
  if (r < 0.12f) return {210, 170, 80};
  if (r < 0.26f) return {46, 92, 80};
  if (r < 0.3f) return {210, 170, 80};
  return {142, 26, 22};
}

constexpr float kCarpetWidth = 1.8f;
constexpr float kCarpetRepeat = 1.2f;

// One repeat of the carpet's pattern, 1.8 m across by 1.2 m along, at about 7 mm a pixel.
Image make_carpet_image() {
  Image image{"carpet", 256, 170, {}};
  image.rgb.resize(size_t(image.width) * size_t(image.height) * 3);
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      vec3 c = carpet_color((float(x) + 0.5f) / float(image.width) * kCarpetWidth, kCarpetWidth,
                            (float(y) + 0.5f) / float(image.height) * kCarpetRepeat);
      for (int k = 0; k < 3; ++k)
        image.rgb[(size_t(y) * size_t(image.width) + size_t(x)) * 3 + size_t(k)] = (unsigned char)c[k];
    }
  }
  return image;
}

// A horizontal beam along X or Z between A and B (centre line at height Y0..Y1, WIDTH across), in COLOR.
void add_beam(Mesh& mesh, const vec3& a, const vec3& b, float y0, float y1, float width, const vec4& color) {
  vec3 lo = glm::min(a, b), hi = glm::max(a, b);
  if (std::abs(b.x - a.x) > std::abs(b.z - a.z))
    add_box(mesh, {lo.x, y0, lo.z - width / 2}, {hi.x, y1, lo.z + width / 2}, color);
  else
    add_box(mesh, {lo.x - width / 2, y0, lo.z}, {lo.x + width / 2, y1, hi.z}, color);
}

// The tile texture: 4 x 4 tiles of 0.8 m, 128 pixels each, every tile its own shade of dark stone with faint
// clouding, and dark joints between them. Repeats every 3.2 m.
Image make_tile_image() {
  Image image{"floor-tiles", 512, 512, {}};
  image.rgb.resize(size_t(image.width) * size_t(image.height) * 3);
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      int tx = x / 128, ty = y / 128, px = x % 128, py = y % 128;
      bool joint = px < 2 || py < 2;
      float shade = 0.85f + 0.3f * hash01(tx, ty, 7);
      float cloud = 0.82f + 0.36f * value_noise(float(x) / 23.0f, float(y) / 31.0f, 5 + tx * 4 + ty);
      float warm = 0.03f * hash01(tx, ty, 9);
      vec3 c = joint ? vec3(24, 23, 21) : vec3(62, 64, 61) * shade * cloud * vec3(1.0f + warm, 1.0f, 1.0f - warm);
      for (int k = 0; k < 3; ++k)
        image.rgb[(size_t(y) * size_t(image.width) + size_t(x)) * 3 + size_t(k)] =
            (unsigned char)std::lround(glm::clamp(c[k], 0.0f, 255.0f));
    }
  }
  return image;
}

}  // namespace

Model make_floor() {
  Model model{"hall-floor", {}, {}, {}};
  model.images.push_back(make_tile_image());
  model.images.push_back(make_carpet_image());
  Material polished = material::polished_stone();
  polished.base_color_texture = "floor-tiles";
  int tiles = model.add_material(polished);
  int joints = model.add_material(material::grout());
  Material textile = material::textile();
  textile.base_color_texture = "carpet";
  int carpet = model.add_material(textile);
  const float extent_x = kHalfWidth + 0.4f, extent_z = kHalfDepth + 0.4f, repeat = 3.2f;
  add_box(model.mesh(joints), {-extent_x, 0.0f, -extent_z}, {extent_x, 0.099f, extent_z}, vec4(1.0f));
  // The tiled top: one quad, the texture repeating every 3.2 m (tile joints line up with the edges).
  Mesh& top = model.mesh(tiles);
  const vec3 up(0.0f, 1.0f, 0.0f);
  auto corner = [&](float x, float z) {
    return top.add_vertex({x, 0.1f, z}, up, vec4(1.0f), {(x + extent_x) / repeat, (z + extent_z) / repeat});
  };
  uint32_t a = corner(-extent_x, extent_z), b = corner(extent_x, extent_z), c = corner(extent_x, -extent_z),
           d = corner(-extent_x, -extent_z);
  top.add_triangle(a, b, c);
  top.add_triangle(a, c, d);
  // The runner: a textured quad (the pattern repeats every 1.2 m) on an indigo felt base.
  const float z_start = -5.2f, z_end = 6.2f;
  Mesh& rug = model.mesh(carpet);
  auto rug_corner = [&](float x, float z) {
    return rug.add_vertex({x, 0.108f, z}, up, vec4(1.0f), {x / kCarpetWidth + 0.5f, (z_end - z) / kCarpetRepeat});
  };
  a = rug_corner(-kCarpetWidth / 2, z_end);
  b = rug_corner(kCarpetWidth / 2, z_end);
  c = rug_corner(kCarpetWidth / 2, z_start);
  d = rug_corner(-kCarpetWidth / 2, z_start);
  rug.add_triangle(a, b, c);
  rug.add_triangle(a, c, d);
  add_box(model.mesh(joints), {-kCarpetWidth / 2, 0.1f, z_start}, {kCarpetWidth / 2, 0.1075f, z_end}, srgb(40, 36, 70));
  return model;
}

Model make_column() {
  Model model{"hall-column", {}, {}, {}};
  int stone = model.add_material(material::stone());
  int lacquer = model.add_material(material::red_lacquer());
  int wood = model.add_material(material::painted_wood());
  // Base: a square stone block, then a lotus cushion whose petals are carved in light and shade.
  add_box(model.mesh(stone), {-0.46f, 0.0f, -0.46f}, {0.46f, 0.12f, 0.46f}, vec4(1.0f));
  std::vector<vec2> cushion = {{0.0f, 0.12f},  {0.42f, 0.12f}, {0.42f, 0.12f}, {0.44f, 0.16f}, {0.43f, 0.2f},
                               {0.39f, 0.25f}, {0.34f, 0.28f}, {0.33f, 0.3f},  {0.33f, 0.3f},  {0.0f, 0.3f}};
  add_lathe(model.mesh(stone), mat4(1.0f), cushion, 48, [](float angle, float y) {
    float petal = 0.5f + 0.5f * std::cos(angle * 2.0f * 3.14159265f * 16.0f);
    float shade = y > 0.14f && y < 0.28f ? 0.72f + 0.28f * petal : 0.95f;
    return vec4(vec3(shade), 1.0f);
  });
  // Shaft: radius 0.30 at the foot, swelling slightly in the lower third, 0.255 under the capital (entasis).
  std::vector<vec2> shaft;
  for (int i = 0; i <= 12; ++i) {
    float t = float(i) / 12.0f;
    float r = 0.30f + 0.01f * std::sin(t * 3.14159265f * 1.5f) - 0.045f * t * t;
    shaft.push_back({r, 0.3f + t * 3.95f});
  }
  add_lathe(model.mesh(lacquer), mat4(1.0f), shaft, 32, vec4(1.0f));
  // Capital block (ludou): a tapered block on the column head.
  const vec4 ochre = srgb(176, 72, 40), teal = srgb(44, 104, 92), blue = srgb(40, 64, 110), white = srgb(225, 218, 200);
  Mesh& bracket = model.mesh(wood);
  add_box(bracket, {-0.24f, 4.25f, -0.24f}, {0.24f, 4.36f, 0.24f}, teal);
  add_box(bracket, {-0.3f, 4.36f, -0.3f}, {0.3f, 4.5f, 0.3f}, teal);
  // Two tiers of crossing arms (gong), each tipped with small blocks (sandou); the upper tier reaches further.
  struct Tier {
    float y0, y1, reach, width;
  };
  for (const Tier& tier : {Tier{4.5f, 4.64f, 0.7f, 0.16f}, Tier{4.76f, 4.9f, 1.05f, 0.16f}}) {
    for (int axis = 0; axis < 2; ++axis) {
      mat4 turn = rotation(axis == 0 ? 0.0f : 90.0f, {0, 1, 0});
      // The arm, with its lower edge cut back towards the ends (juansha) by a narrower lower box.
      add_box(bracket, turn, {-tier.reach, tier.y0 + 0.05f, -tier.width / 2}, {tier.reach, tier.y1, tier.width / 2},
              ochre);
      add_box(bracket, turn, {-tier.reach + 0.12f, tier.y0, -tier.width / 2},
              {tier.reach - 0.12f, tier.y0 + 0.05f, tier.width / 2}, ochre);
      // Painted white edge along the arm's face.
      add_box(bracket, turn, {-tier.reach + 0.02f, tier.y1 - 0.025f, -tier.width / 2 - 0.004f},
              {tier.reach - 0.02f, tier.y1 - 0.01f, tier.width / 2 + 0.004f}, white);
      for (float end : {-tier.reach + 0.1f, 0.0f, tier.reach - 0.1f}) {
        add_box(bracket, turn, {end - 0.12f, tier.y1, -0.12f}, {end + 0.12f, tier.y1 + 0.1f, 0.12f},
                end == 0.0f ? blue : teal);
      }
    }
  }
  // Top: a cross of short joists (shuatou) meeting the beams at 5.0 m.
  add_box(bracket, {-0.18f, 4.9f + 0.0f, -0.18f}, {0.18f, 5.0f, 0.18f}, blue);
  return model;
}

Model make_ceiling() {
  Model model{"hall-ceiling", {}, {}, {}};
  int wood = model.add_material(material::painted_wood());
  Mesh& mesh = model.mesh(wood);
  const float base = 3.95f;  // the node's height: local y = world y - base
  auto y = [&](float world) { return world - base; };
  const vec4 red = srgb(160, 34, 24), white = srgb(226, 218, 198), dark = srgb(96, 34, 22), teal = srgb(44, 104, 92);
  // Architraves (lan'e) between the column heads, red with white blocks: Tang's "seven red, eight white".
  for (float z = -kHalfDepth; z <= kHalfDepth + 0.01f; z += kBay) {
    add_beam(mesh, {-kHalfWidth, 0, z}, {kHalfWidth, 0, z}, y(3.95f), y(4.3f), 0.24f, red);
    for (float x = -kHalfWidth; x < kHalfWidth - 0.01f; x += kBay) {
      for (int k = 0; k < 4; ++k) {
        float x0 = x + 0.55f + float(k) * 0.78f;
        add_box(mesh, {x0, y(4.03f), z - 0.125f}, {x0 + 0.45f, y(4.22f), z + 0.125f}, white);
      }
    }
  }
  for (float x = -kHalfWidth; x <= kHalfWidth + 0.01f; x += kBay) {
    add_beam(mesh, {x, 0, -kHalfDepth}, {x, 0, kHalfDepth}, y(3.95f), y(4.3f), 0.24f, red);
    for (float z = -kHalfDepth; z < kHalfDepth - 0.01f; z += kBay) {
      for (int k = 0; k < 4; ++k) {
        float z0 = z + 0.55f + float(k) * 0.78f;
        add_box(mesh, {x - 0.125f, y(4.03f), z0}, {x + 0.125f, y(4.22f), z0 + 0.45f}, white);
      }
    }
  }
  // Beams over the bracket sets: the deep ones run front to back, the lighter ones side to side; ends painted teal.
  for (float x = -kHalfWidth; x <= kHalfWidth + 0.01f; x += kBay) {
    add_beam(mesh, {x, 0, -kHalfDepth - 0.3f}, {x, 0, kHalfDepth + 0.3f}, y(5.0f), y(5.45f), 0.32f, dark);
    for (float z = -kHalfDepth; z <= kHalfDepth + 0.01f; z += kBay)
      add_box(mesh, {x - 0.165f, y(5.05f), z - 0.5f}, {x + 0.165f, y(5.4f), z + 0.5f}, teal);
  }
  for (float z = -kHalfDepth; z <= kHalfDepth + 0.01f; z += kBay)
    add_beam(mesh, {-kHalfWidth - 0.3f, 0, z}, {kHalfWidth + 0.3f, 0, z}, y(5.0f), y(5.36f), 0.26f, dark);
  // The ceiling: ribs on a 1 m grid, and between them painted panels facing down.
  const vec4 rib = srgb(70, 40, 26);
  for (float x = -kHalfWidth; x <= kHalfWidth + 0.01f; x += 1.0f)
    add_box(mesh, {x - 0.05f, y(5.45f), -kHalfDepth}, {x + 0.05f, y(5.6f), kHalfDepth}, rib);
  for (float z = -kHalfDepth; z <= kHalfDepth + 0.01f; z += 1.0f)
    add_box(mesh, {-kHalfWidth, y(5.46f), z - 0.05f}, {kHalfWidth, y(5.59f), z + 0.05f}, rib);
  const vec4 field = srgb(36, 78, 70), gilt = srgb(200, 160, 70), rosette = srgb(170, 40, 30);
  for (int i = 0; i < 20; ++i) {
    for (int j = 0; j < 12; ++j) {
      float cx = -kHalfWidth + 0.5f + float(i), cz = -kHalfDepth + 0.5f + float(j);
      auto down_quad = [&](float half, float h, const vec4& c, bool diamond) {
        // Counter-clockwise seen from below.
        vec3 p[4];
        for (int k = 0; k < 4; ++k) {
          float a = (diamond ? 0.0f : 0.785398f) + float(k) * 1.5707963f;
          float r = diamond ? half : half * 1.41421356f;
          p[k] = {cx + r * std::cos(a), y(h), cz + r * std::sin(a)};
        }
        add_quad(mesh, p[0], p[1], p[2], p[3], c);
      };
      down_quad(0.5f, 5.6f, vary(field, 0.08f, hash01(i, j, 3)), false);
      down_quad(0.36f, 5.598f, gilt, true);
      down_quad(0.2f, 5.596f, field, false);
      down_quad(0.13f, 5.594f, rosette, true);
    }
  }
  return model;
}

Model make_walls() {
  Model model{"hall-walls", {}, {}, {}};
  int plaster = model.add_material(material::plaster());
  int lacquer = model.add_material(material::red_lacquer());
  int paper = model.add_material(material::window_paper());
  const vec4 lime = srgb(226, 214, 188), dado = srgb(120, 40, 28), band = srgb(214, 200, 170);
  // A wall runs along local +X from 0 to LENGTH at depth 0 (thickness across Z); TO_HALL places it.
  auto add_wall = [&](const mat4& to_hall, float length, bool door_in_middle) {
    for (float x0 = 0.0f; x0 < length - 0.01f; x0 += kBay) {
      const bool door = door_in_middle && std::abs(x0 + kBay / 2 - length / 2) < 0.1f;
      const float open0 = x0 + 0.9f, open1 = x0 + kBay - 0.9f;
      const float sill = door ? 0.0f : 1.2f, head = door ? 3.4f : 3.0f;
      const float t = kWallHalfThickness;
      Mesh& wall = model.mesh(plaster);
      // Piers either side of the opening, sill below, lintel and frieze above: dado to 0.9 m, lime above.
      for (auto [a, b] : {std::pair{x0, open0}, std::pair{open1, x0 + kBay}}) {
        add_box(wall, to_hall, {a, 0.0f, -t}, {b, 0.9f, t}, dado);
        add_box(wall, to_hall, {a, 0.9f, -t}, {b, kWallHeight, t}, lime);
      }
      if (!door) {
        add_box(wall, to_hall, {open0, 0.0f, -t}, {open1, 0.9f, t}, dado);
        add_box(wall, to_hall, {open0, 0.9f, -t}, {open1, sill, t}, lime);
      }
      add_box(wall, to_hall, {open0, head, -t}, {open1, 3.9f, t}, lime);
      add_box(wall, to_hall, {open0, 3.9f, -t}, {open1, kWallHeight, t}, band);
      // The frame, proud of the wall on the inner (+Z) side, and the bars.
      Mesh& frame = model.mesh(lacquer);
      const vec4 red(1.0f);
      if (!door) add_box(frame, to_hall, {open0 - 0.1f, sill - 0.1f, -t - 0.03f}, {open1 + 0.1f, sill, t + 0.03f}, red);
      add_box(frame, to_hall, {open0 - 0.1f, head, -t - 0.03f}, {open1 + 0.1f, head + 0.12f, t + 0.03f}, red);
      add_box(frame, to_hall, {open0 - 0.1f, sill, -t - 0.03f}, {open0, head, t + 0.03f}, red);
      add_box(frame, to_hall, {open1, sill, -t - 0.03f}, {open1 + 0.1f, head, t + 0.03f}, red);
      if (door) {
        // Two lattice leaves: solid lower panels, a grid above, a stile between them.
        float mid = (open0 + open1) / 2;
        add_box(frame, to_hall, {mid - 0.04f, 0.0f, -0.06f}, {mid + 0.04f, head, 0.06f}, red);
        add_box(frame, to_hall, {open0, 0.0f, -0.04f}, {open1, 1.1f, 0.04f}, red);
        add_box(frame, to_hall, {open0, 1.1f, -0.06f}, {open1, 1.2f, 0.06f}, red);
        for (float gx = open0 + 0.15f; gx < open1 - 0.05f; gx += 0.15f)
          add_box(frame, to_hall, {gx - 0.02f, 1.2f, -0.03f}, {gx + 0.02f, head, 0.03f}, red);
        for (float gy = 1.35f; gy < head - 0.05f; gy += 0.15f)
          add_box(frame, to_hall, {open0, gy - 0.02f, -0.03f}, {open1, gy + 0.02f, 0.03f}, red);
      } else {
        // Zhiling: square vertical bars set on edge, 0.14 m apart.
        for (float bx = open0 + 0.1f; bx < open1 - 0.05f; bx += 0.14f) {
          mat4 bar = to_hall * translation({bx, 0.0f, 0.0f}) * rotation(45.0f, {0, 1, 0});
          add_box(frame, bar, {-0.03f, sill, -0.03f}, {0.03f, head, 0.03f}, red);
        }
      }
      // Paper behind the lattice, facing into the hall (+Z of the wall), glowing with the daylight outside.
      float paper_z = door ? -0.045f : -0.05f, p0 = door ? 1.2f : sill;
      vec3 a = vec3(to_hall * vec4(open0, p0, paper_z, 1)), b = vec3(to_hall * vec4(open1, p0, paper_z, 1));
      vec3 c = vec3(to_hall * vec4(open1, head, paper_z, 1)), d = vec3(to_hall * vec4(open0, head, paper_z, 1));
      add_quad(model.mesh(paper), a, b, c, d, vec4(1.0f));
    }
  };
  // Back (-Z) wall faces +Z already; the others turn so their inner side faces the hall.
  add_wall(translation({-kHalfWidth, 0, -kHalfDepth}), 2 * kHalfWidth, false);
  add_wall(translation({kHalfWidth, 0, kHalfDepth}) * rotation(180.0f, {0, 1, 0}), 2 * kHalfWidth, true);
  add_wall(translation({-kHalfWidth, 0, kHalfDepth}) * rotation(90.0f, {0, 1, 0}), 2 * kHalfDepth, false);
  add_wall(translation({kHalfWidth, 0, -kHalfDepth}) * rotation(-90.0f, {0, 1, 0}), 2 * kHalfDepth, false);
  return model;
}

}  // namespace liyuan::hallgen
