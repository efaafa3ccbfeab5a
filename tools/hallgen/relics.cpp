#include "relics.h"

#include <cmath>

#include "palette.h"
#include "shapes.h"

namespace liyuan::hallgen {
namespace {

constexpr float kTau = 6.2831853f;

// Sancai streaks: bands of amber, green and cream wandering round the pot and running downwards.
vec4 sancai(float angle, float y, float biscuit_below, int32_t seed) {
  if (y < biscuit_below) return srgb(228, 206, 182);  // unglazed foot
  float wander = ring_noise(angle, y, 9.0f, 6.0f, seed) * 0.6f;
  float stripe = std::fmod(angle * 7.0f + wander + 10.0f, 1.0f);
  vec4 color = stripe < 0.38f ? srgb(186, 112, 36) : stripe < 0.7f ? srgb(58, 116, 62) : srgb(232, 214, 168);
  // Glaze thins and lightens towards the lower edge of the glaze, where it ran and stopped.
  float drip = glm::clamp((y - biscuit_below) / 0.05f, 0.0f, 1.0f);
  return glm::mix(srgb(232, 214, 168), color, drip);
}

// A half-sphere boss of RADIUS at P on a surface facing NORMAL (+Z here), for grapes and knobs.
void add_boss(Mesh& mesh, const mat4& to_surface, const vec3& p, float radius, const vec4& color) {
  std::vector<vec2> dome;
  for (int i = 0; i <= 4; ++i) {
    float a = float(i) / 4.0f * 1.5707963f;
    dome.push_back({radius * std::cos(a), radius * std::sin(a)});
  }
  add_lathe(mesh, to_surface * translation(p) * rotation(90.0f, {1, 0, 0}), dome, 8, color);
}

}  // namespace

Model make_sancai_vase() {
  Model model{"sancai-vase", {}, {}, {}};
  int glaze = model.add_material(material::glaze());
  std::vector<vec2> profile = {{0.0f, 0.0f}, {0.07f, 0.0f}, {0.07f, 0.0f}, {0.075f, 0.02f}, {0.068f, 0.03f}};
  // Body: a squat globe from 0.03 to 0.27 m, widest (0.15) at 0.13 m.
  for (int i = 1; i <= 14; ++i) {
    float t = float(i) / 14.0f, a = -1.3f + t * 2.75f;
    profile.push_back({0.15f * std::cos(a) + 0.0f * t, 0.13f + 0.12f * std::sin(a)});
  }
  // Neck rising and narrowing, then the flared dish mouth.
  for (float y : {0.29f, 0.32f, 0.35f, 0.38f, 0.41f}) profile.push_back({0.036f - (y - 0.29f) * 0.03f, y});
  profile.insert(profile.end(), {{0.045f, 0.43f},
                                 {0.07f, 0.45f},
                                 {0.075f, 0.46f},
                                 {0.075f, 0.46f},
                                 {0.06f, 0.46f},
                                 {0.03f, 0.42f},
                                 {0.0f, 0.42f}});
  add_lathe(model.mesh(glaze), mat4(1.0f), profile, 64,
            [](float angle, float y) { return sancai(angle, y, 0.05f, 11); });
  return model;
}

Model make_sancai_jar() {
  Model model{"sancai-jar", {}, {}, {}};
  int glaze = model.add_material(material::glaze());
  auto dappled = [](float angle, float y) {
    if (y < 0.04f) return srgb(230, 208, 184);
    float spot = ring_noise(angle, y, 26.0f, 40.0f, 21);
    if (spot > 0.78f) return srgb(40, 70, 150);  // cobalt blue spots
    vec4 c = sancai(angle, y, 0.04f, 23);
    return spot < 0.22f ? srgb(234, 220, 176) : c;
  };
  std::vector<vec2> body = {{0.0f, 0.0f}, {0.085f, 0.0f}, {0.085f, 0.0f}, {0.09f, 0.015f}};
  // Ovoid body widest (0.165 m) high on the shoulder, at 0.2 m.
  for (int i = 1; i <= 16; ++i) {
    float t = float(i) / 16.0f;
    float y = 0.015f + t * 0.265f;
    float r = 0.09f + 0.075f * std::sin(std::pow(t, 0.8f) * 3.1415926f * 0.78f) - 0.02f * t * t * t;
    if (t > 0.85f) r = glm::mix(r, 0.075f, (t - 0.85f) / 0.15f);
    body.push_back({r, y});
  }
  body.insert(body.end(), {{0.072f, 0.295f}, {0.078f, 0.3f}, {0.078f, 0.3f}, {0.0f, 0.3f}});
  add_lathe(model.mesh(glaze), mat4(1.0f), body, 64, dappled);
  // The lid: a low dome with a pearl knob.
  add_lathe(model.mesh(glaze), mat4(1.0f),
            {{0.0f, 0.3f},
             {0.085f, 0.3f},
             {0.085f, 0.3f},
             {0.086f, 0.31f},
             {0.07f, 0.33f},
             {0.035f, 0.345f},
             {0.02f, 0.35f},
             {0.03f, 0.36f},
             {0.026f, 0.375f},
             {0.012f, 0.38f},
             {0.0f, 0.38f}},
            48, dappled);
  return model;
}

Model make_bronze_mirror() {
  Model model{"bronze-mirror", {}, {}, {}};
  int metal = model.add_material(material::bronze());
  int stand = model.add_material(material::dark_lacquer());
  const vec4 bronze = srgb(150, 112, 64), verdigris = srgb(84, 140, 112), dark = srgb(92, 70, 44);
  auto patina = [&](float angle, float r) {
    float n = ring_noise(angle, r, 14.0f, 60.0f, 31);
    return n > 0.62f ? verdigris : n < 0.25f ? dark : bronze;
  };
  // The mirror stands on its rim, tilted back 12 degrees, its decorated back facing +Z. Its axis is local +Y turned
  // onto +Z; the profile gives (radius, height above the polished face).
  const float radius = 0.12f, centre_y = 0.165f;
  const mat4 to_disc = translation({0.0f, centre_y, 0.0f}) * rotation(-12.0f, {1, 0, 0}) * rotation(90.0f, {1, 0, 0});
  add_lathe(model.mesh(metal), to_disc,
            {{0.0f, 0.0f},
             {radius, 0.0f},
             {radius, 0.0f},
             {radius, 0.012f},
             {radius, 0.012f},
             {0.108f, 0.014f},
             {0.104f, 0.006f},
             {0.085f, 0.006f},
             {0.083f, 0.01f},
             {0.08f, 0.006f},
             {0.058f, 0.006f},
             {0.056f, 0.011f},
             {0.053f, 0.006f},
             {0.024f, 0.006f},
             {0.022f, 0.012f},
             {0.015f, 0.022f},
             {0.0f, 0.026f}},
            64, [&](float angle, float h) { return patina(angle, h); });
  // Grapes: bosses in the inner field and the outer band; beasts suggested by larger ones round the knob.
  const mat4 face = to_disc * rotation(-90.0f, {1, 0, 0});  // local Z = the mirror's axis, out of the back
  for (int k = 0; k < 6; ++k) {
    float a = (float(k) + 0.5f) / 6.0f * kTau;
    add_boss(model.mesh(metal), face, {0.04f * std::cos(a), 0.04f * std::sin(a), 0.006f}, 0.009f, bronze);
  }
  for (int k = 0; k < 16; ++k) {
    float a = float(k) / 16.0f * kTau, r = 0.068f + 0.006f * float(k % 2);
    add_boss(model.mesh(metal), face, {r * std::cos(a), r * std::sin(a), 0.006f}, 0.0055f, patina(float(k) / 16, 0.0f));
  }
  for (int k = 0; k < 24; ++k) {
    float a = float(k) / 24.0f * kTau;
    add_boss(model.mesh(metal), face, {0.094f * std::cos(a), 0.094f * std::sin(a), 0.006f}, 0.0045f, bronze);
  }
  // The stand: a foot and a cradle holding the rim.
  add_box(model.mesh(stand), {-0.09f, 0.0f, -0.07f}, {0.09f, 0.025f, 0.07f}, vec4(1.0f));
  add_box(model.mesh(stand), {-0.05f, 0.025f, -0.035f}, {0.05f, 0.06f, 0.035f}, vec4(1.0f));
  for (float x : {-0.07f, 0.07f})
    add_box(model.mesh(stand), {x - 0.012f, 0.025f, -0.03f}, {x + 0.012f, 0.09f, 0.0f}, vec4(1.0f));
  return model;
}

Model make_bronze_ding() {
  Model model{"bronze-ding", {}, {}, {}};
  int metal = model.add_material(material::bronze());
  const vec4 patina = srgb(88, 118, 96), bronze = srgb(130, 100, 60), deep = srgb(50, 64, 52);
  auto surface = [&](float angle, float y) {
    float n = ring_noise(angle, y, 11.0f, 22.0f, 41);
    vec4 c = n > 0.7f ? bronze : n < 0.3f ? deep : patina;
    // The relief band: a meander of light and dark (a taotie frieze, simplified).
    if (y > 0.29f && y < 0.33f) c = std::fmod(angle * 24.0f, 1.0f) < 0.5f ? deep : bronze;
    return c;
  };
  // The bowl from 0.16 m (its base, above the legs) to the lip at 0.38 m, 0.2 m in radius, with a rolled rim.
  std::vector<vec2> bowl = {{0.0f, 0.16f}};
  for (int i = 1; i <= 8; ++i) {
    float a = float(i) / 8.0f * 1.5707963f;
    bowl.push_back({0.19f * std::sin(a), 0.16f + 0.13f * (1.0f - std::cos(a))});
  }
  bowl.insert(bowl.end(), {{0.196f, 0.3f},
                           {0.198f, 0.31f},
                           {0.196f, 0.32f},
                           {0.19f, 0.34f},
                           {0.195f, 0.37f},
                           {0.2f, 0.38f},
                           {0.2f, 0.38f},
                           {0.175f, 0.38f},
                           {0.175f, 0.38f},
                           {0.17f, 0.36f},
                           {0.0f, 0.36f}});
  add_lathe(model.mesh(metal), mat4(1.0f), bowl, 48, surface);
  // Three legs, hoofed at the foot, under the bowl at 120 degrees.
  for (int k = 0; k < 3; ++k) {
    float a = (float(k) / 3.0f + 0.0833f) * kTau;
    mat4 at = translation({0.12f * std::sin(a), 0.0f, 0.12f * std::cos(a)});
    add_lathe(model.mesh(metal), at,
              {{0.0f, 0.0f},
               {0.038f, 0.0f},
               {0.038f, 0.0f},
               {0.034f, 0.03f},
               {0.024f, 0.06f},
               {0.026f, 0.14f},
               {0.032f, 0.2f},
               {0.0f, 0.22f}},
              16, surface);
  }
  // Two upright loop handles on the rim, facing each other across X.
  for (float side : {-1.0f, 1.0f}) {
    float x = side * 0.16f;
    add_box(model.mesh(metal), {x - 0.012f, 0.36f, -0.075f}, {x + 0.012f, 0.46f, -0.05f}, patina);
    add_box(model.mesh(metal), {x - 0.012f, 0.36f, 0.05f}, {x + 0.012f, 0.46f, 0.075f}, patina);
    add_box(model.mesh(metal), {x - 0.012f, 0.435f, -0.075f}, {x + 0.012f, 0.46f, 0.075f}, bronze);
  }
  return model;
}

}  // namespace liyuan::hallgen
