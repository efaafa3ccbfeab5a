#include "furniture.h"

#include <cmath>

#include "palette.h"
#include "shapes.h"

namespace liyuan::hallgen {
namespace {

constexpr float kPi = 3.14159265f;

}  // namespace

Model make_lantern(bool lit) {
  Model model{lit ? "lantern-lit" : "lantern", {}, {}, {}};
  int silk = model.add_material(material::silk(lit));
  int wood = model.add_material(material::dark_lacquer());
  int gold = model.add_material(material::gilt_bronze());
  const float r = 0.25f;  // to the corners of the hexagon
  // Silk panels: a hexagonal drum, slightly waisted.
  add_lathe(model.mesh(silk), mat4(1.0f), {{r * 0.92f, 0.36f}, {r, 0.5f}, {r, 0.72f}, {r * 0.92f, 0.86f}}, 6,
            vec4(1.0f));
  // Frames top and bottom, the bottom closed.
  add_lathe(model.mesh(wood), mat4(1.0f),
            {{0.0f, 0.3f},
             {r * 0.8f, 0.3f},
             {r * 0.8f, 0.3f},
             {r * 1.04f, 0.33f},
             {r * 1.04f, 0.36f},
             {r * 1.04f, 0.36f},
             {r * 0.9f, 0.37f}},
            6, vec4(1.0f));
  add_lathe(model.mesh(wood), mat4(1.0f),
            {{r * 0.9f, 0.85f}, {r * 1.04f, 0.86f}, {r * 1.04f, 0.86f}, {r * 1.04f, 0.9f}}, 6, vec4(1.0f));
  // Corner posts.
  for (int k = 0; k < 6; ++k) {
    float a = float(k) / 6.0f * 2.0f * kPi;
    mat4 at = translation({r * std::sin(a), 0.0f, r * std::cos(a)}) * rotation(float(k) * 60.0f, {0, 1, 0});
    add_box(model.mesh(wood), at, {-0.018f, 0.33f, -0.018f}, {0.018f, 0.9f, 0.018f}, vec4(1.0f));
    // Tassels from the corners: a gilt bead and a red cord.
    mat4 below = translation({r * 1.02f * std::sin(a), 0.0f, r * 1.02f * std::cos(a)});
    add_lathe(model.mesh(gold), below, {{0.0f, 0.2f}, {0.022f, 0.215f}, {0.0f, 0.23f}}, 8, vec4(1.0f));
    add_lathe(model.mesh(silk), below, {{0.0f, 0.04f}, {0.016f, 0.05f}, {0.008f, 0.2f}, {0.0f, 0.2f}}, 6, vec4(1.0f));
  }
  // The central tassel, longer.
  add_lathe(model.mesh(silk), mat4(1.0f), {{0.0f, 0.0f}, {0.03f, 0.02f}, {0.012f, 0.3f}, {0.0f, 0.3f}}, 8, vec4(1.0f));
  // Canopy with flaring eaves, a gilt finial and the cord to the beam.
  add_lathe(model.mesh(wood), mat4(1.0f),
            {{r * 1.0f, 0.9f},
             {r * 1.36f, 0.93f},
             {r * 1.36f, 0.93f},
             {r * 1.3f, 0.95f},
             {r * 0.7f, 0.99f},
             {r * 0.3f, 1.02f},
             {0.0f, 1.02f}},
            6, vec4(1.0f));
  add_lathe(model.mesh(gold), mat4(1.0f), {{0.0f, 1.02f}, {0.04f, 1.04f}, {0.025f, 1.1f}, {0.0f, 1.12f}}, 8,
            vec4(1.0f));
  add_box(model.mesh(wood), {-0.008f, 1.1f, -0.008f}, {0.008f, 2.8f, 0.008f}, vec4(1.0f));
  return model;
}

Model make_banquet_table() {
  Model model{"banquet-table", {}, {}, {}};
  int lacquer = model.add_material(material::dark_lacquer());
  int red = model.add_material(material::red_lacquer());
  int glaze = model.add_material(material::glaze());
  int gold = model.add_material(material::gilt_bronze());
  const float hx = 0.7f, hz = 0.25f, top = 0.36f;
  add_box(model.mesh(lacquer), {-hx, top - 0.04f, -hz}, {hx, top, hz}, vec4(1.0f));
  add_box(model.mesh(red), {-hx + 0.05f, top, -hz + 0.05f}, {hx - 0.05f, top + 0.004f, hz - 0.05f}, vec4(1.0f));
  // Raised ends, curling up a little (qiaotou), and panel legs on a foot rail.
  for (float side : {-1.0f, 1.0f}) {
    const float end0 = side > 0 ? hx - 0.08f : -hx;
    add_box(model.mesh(lacquer), {end0, top, -hz}, {end0 + 0.08f, top + 0.03f, hz}, vec4(1.0f));
    add_box(model.mesh(lacquer), {side * (hx - 0.12f) - 0.03f, 0.04f, -hz + 0.04f},
            {side * (hx - 0.12f) + 0.03f, top - 0.04f, hz - 0.04f}, vec4(1.0f));
    add_box(model.mesh(lacquer), {side * (hx - 0.12f) - 0.06f, 0.0f, -hz + 0.02f},
            {side * (hx - 0.12f) + 0.06f, 0.04f, hz - 0.02f}, vec4(1.0f));
  }
  const vec4 celadon = srgb(150, 178, 146), white = srgb(236, 232, 220), amber = srgb(186, 120, 48);
  const float surface = top + 0.004f;
  // A large celadon dish with fruit, two white bowls, three gilt cups.
  add_lathe(model.mesh(glaze), translation({0.0f, surface, 0.0f}),
            {{0.0f, 0.0f},
             {0.09f, 0.0f},
             {0.09f, 0.0f},
             {0.1f, 0.012f},
             {0.17f, 0.03f},
             {0.18f, 0.04f},
             {0.165f, 0.04f},
             {0.09f, 0.02f},
             {0.0f, 0.018f}},
            32, celadon);
  for (int k = 0; k < 5; ++k) {
    float a = float(k) / 5.0f * 2.0f * kPi;
    vec3 at(0.06f * std::cos(a), surface + 0.045f, 0.06f * std::sin(a));
    add_lathe(model.mesh(glaze), translation(at),
              {{0.0f, -0.03f}, {0.03f, -0.015f}, {0.034f, 0.005f}, {0.02f, 0.03f}, {0.0f, 0.034f}}, 12,
              k % 2 ? amber : srgb(170, 50, 40));
  }
  for (float x : {-0.42f, 0.42f}) {
    add_lathe(model.mesh(glaze), translation({x, surface, 0.02f}),
              {{0.0f, 0.0f},
               {0.035f, 0.0f},
               {0.035f, 0.0f},
               {0.04f, 0.01f},
               {0.075f, 0.06f},
               {0.07f, 0.062f},
               {0.035f, 0.012f},
               {0.0f, 0.012f}},
              24, white);
  }
  for (float x : {-0.25f, 0.25f, 0.56f}) {
    add_lathe(model.mesh(gold), translation({x, surface, -0.1f}),
              {{0.0f, 0.0f},
               {0.022f, 0.0f},
               {0.022f, 0.0f},
               {0.015f, 0.015f},
               {0.035f, 0.05f},
               {0.031f, 0.052f},
               {0.012f, 0.017f},
               {0.0f, 0.017f}},
              16, vec4(1.0f));
  }
  return model;
}

Model make_lattice_screen() {
  Model model{"lattice-screen", {}, {}, {}};
  int lacquer = model.add_material(material::red_lacquer());
  int paper = model.add_material(material::window_paper());
  int stone = model.add_material(material::stone());
  int dark = model.add_material(material::dark_lacquer());
  const float leaf = 0.6f, height = 2.0f, frame = 0.05f, depth = 0.04f;
  // Leaves hinged edge to edge, turned alternately +-12 degrees; the whole screen is centred on x = 0.
  const float fold = 12.0f, cos_fold = std::cos(glm::radians(fold)), sin_fold = std::sin(glm::radians(fold));
  vec3 hinge(-2.0f * leaf * cos_fold, 0.0f, 0.0f);
  for (int k = 0; k < 4; ++k) {
    const float turn = k % 2 ? -fold : fold;
    mat4 at = translation(hinge) * rotation(turn, {0, 1, 0});
    hinge += leaf * vec3(cos_fold, 0.0f, k % 2 ? sin_fold : -sin_fold);
    Mesh& wood = model.mesh(lacquer);
    add_box(wood, at, {0.0f, 0.08f, -depth / 2}, {frame, height, depth / 2}, vec4(1.0f));
    add_box(wood, at, {leaf - frame, 0.08f, -depth / 2}, {leaf, height, depth / 2}, vec4(1.0f));
    add_box(wood, at, {frame, height - frame, -depth / 2}, {leaf - frame, height, depth / 2}, vec4(1.0f));
    add_box(wood, at, {frame, 0.08f, -depth / 2}, {leaf - frame, 0.08f + frame, depth / 2}, vec4(1.0f));
    add_box(wood, at, {frame, 0.7f, -depth / 2}, {leaf - frame, 0.7f + frame, depth / 2}, vec4(1.0f));
    // A solid dark lower panel, then the lattice over paper.
    add_box(model.mesh(dark), at, {frame, 0.08f + frame, -0.01f}, {leaf - frame, 0.7f, 0.01f}, vec4(1.0f));
    add_box(model.mesh(paper), at, {frame, 0.7f + frame, -0.004f}, {leaf - frame, height - frame, 0.004f}, vec4(1.0f));
    for (float x = frame + 0.1f; x < leaf - frame - 0.02f; x += 0.1f)
      add_box(wood, at, {x - 0.012f, 0.7f + frame, -0.015f}, {x + 0.012f, height - frame, 0.015f}, vec4(1.0f));
    for (float y = 0.7f + frame + 0.1f; y < height - frame - 0.02f; y += 0.1f)
      add_box(wood, at, {frame, y - 0.012f, -0.015f}, {leaf - frame, y + 0.012f, 0.015f}, vec4(1.0f));
    // Stone feet under each leaf.
    add_box(model.mesh(stone), at, {0.05f, 0.0f, -0.08f}, {0.17f, 0.08f, 0.08f}, vec4(1.0f));
    add_box(model.mesh(stone), at, {leaf - 0.17f, 0.0f, -0.08f}, {leaf - 0.05f, 0.08f, 0.08f}, vec4(1.0f));
  }
  return model;
}

Model make_plinth() {
  Model model{"plinth", {}, {}, {}};
  int stone = model.add_material(material::stone());
  int lacquer = model.add_material(material::dark_lacquer());
  int gold = model.add_material(material::gilt_bronze());
  add_box(model.mesh(stone), {-0.4f, 0.0f, -0.4f}, {0.4f, 0.1f, 0.4f}, vec4(0.8f, 0.78f, 0.74f, 1.0f));
  add_box(model.mesh(lacquer), {-0.35f, 0.1f, -0.35f}, {0.35f, 0.82f, 0.35f}, vec4(1.0f));
  add_box(model.mesh(gold), {-0.355f, 0.74f, -0.355f}, {0.355f, 0.77f, 0.355f}, vec4(1.0f));
  add_box(model.mesh(lacquer), {-0.4f, 0.82f, -0.4f}, {0.4f, 0.9f, 0.4f}, vec4(1.0f));
  return model;
}

Model make_display_case() {
  Model model{"display-case", {}, {}, {}};
  int glass = model.add_material(material::glass());
  int frame = model.add_material(material::gilt_bronze());
  const float h = 0.38f, top = 0.9f, e = 0.012f;
  Mesh& pane = model.mesh(glass);
  // Four sides and a lid, each seen from outside (double-sided when drawn).
  add_quad(pane, {-h, 0, h}, {h, 0, h}, {h, top, h}, {-h, top, h}, vec4(1.0f));
  add_quad(pane, {h, 0, -h}, {-h, 0, -h}, {-h, top, -h}, {h, top, -h}, vec4(1.0f));
  add_quad(pane, {h, 0, h}, {h, 0, -h}, {h, top, -h}, {h, top, h}, vec4(1.0f));
  add_quad(pane, {-h, 0, -h}, {-h, 0, h}, {-h, top, h}, {-h, top, -h}, vec4(1.0f));
  add_quad(pane, {-h, top, h}, {h, top, h}, {h, top, -h}, {-h, top, -h}, vec4(1.0f));
  Mesh& edges = model.mesh(frame);
  for (float x : {-h, h})
    for (float z : {-h, h}) add_box(edges, {x - e, 0.0f, z - e}, {x + e, top, z + e}, vec4(1.0f));
  for (float y : {0.0f + e, top - e}) {
    for (float z : {-h, h}) add_box(edges, {-h - e, y - e, z - e}, {h + e, y + e, z + e}, vec4(1.0f));
    for (float x : {-h, h}) add_box(edges, {x - e, y - e, -h - e}, {x + e, y + e, h + e}, vec4(1.0f));
  }
  return model;
}

}  // namespace liyuan::hallgen
