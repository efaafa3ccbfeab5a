#include "scene/scene_graph.h"

#include <gtest/gtest.h>

#include "scene/build_scene.h"
#include "scene/parse_scene.h"
#include "scene_test_util.h"

namespace liyuan::scene {
namespace {

void expect_near(const vec3& a, const vec3& b) {
  EXPECT_NEAR(a.x, b.x, 1e-5f);
  EXPECT_NEAR(a.y, b.y, 1e-5f);
  EXPECT_NEAR(a.z, b.z, 1e-5f);
}

TEST(SceneGraph, WorldTransformsComposeParentBeforeChild) {
  SceneGraph graph;
  Transform hall;
  hall.translation = vec3(10, 0, 0);
  hall.rotation = glm::angleAxis(glm::radians(90.0f), vec3(0, 1, 0));
  hall.scale = vec3(2.0f);
  Transform item;
  item.translation = vec3(0, 0, -1);
  int32_t h = graph.add_node("hall", -1, hall);
  int32_t i = graph.add_node("item", h, item);
  std::vector<mat4> world(graph.node_count());
  compute_world_transforms(graph.parents, graph.local, world);
  // (0, 0, -1) scaled by 2 → (0, 0, -2), turned 90° about +Y → (-2, 0, 0), moved → (8, 0, 0).
  expect_near(vec3(world[static_cast<size_t>(i)][3]), vec3(8, 0, 0));
  EXPECT_EQ(graph.find_node("item"), i);
  EXPECT_EQ(graph.find_node("nothing"), -1);
}

TEST(SceneGraph, ANodeIsShownOnlyWhenItsAncestorsAreActive) {
  SceneGraph graph;
  graph.add_node("a", -1, {}, false);
  graph.add_node("b", 0, {}, true);
  graph.add_node("c", -1, {}, true);
  std::vector<uint8_t> shown(3);
  compute_effective_active(graph.parents, graph.active, shown);
  EXPECT_EQ(shown, (std::vector<uint8_t>{0, 0, 1}));
}

TEST(SceneGraph, BuildPutsParentsFirstWhateverTheFileOrder) {
  Diagnostics diagnostics;
  auto built = testing::build_from_text(R"(nodes:
  - {name: lamp, parent: case, light: {intensity: 3}}
  - {name: case, parent: hall, translation: [0, 1, 0]}
  - {name: hall, translation: [5, 0, 0]}
  - {name: mirror, relic: {id: bronze-mirror}, viewpoint: {fov: 50}}
)", diagnostics);
  ASSERT_FALSE(diagnostics.has_errors()) << diagnostics.first_error().to_string();
  const SceneGraph& g = built.graph;
  ASSERT_EQ(g.node_count(), 4u);
  for (size_t n = 0; n < g.node_count(); ++n) EXPECT_LT(g.parents[n], static_cast<int32_t>(n));
  EXPECT_EQ(g.names, (std::vector<std::string>{"hall", "case", "lamp", "mirror"}));
  ASSERT_EQ(g.lights.size(), 1u);
  EXPECT_EQ(g.lights[0].node, g.find_node("lamp"));
  EXPECT_EQ(g.lights[0].intensity, 3.0f);
  ASSERT_EQ(g.relics.size(), 1u);
  EXPECT_EQ(g.relics[0].relic_id, "bronze-mirror");
  EXPECT_EQ(g.viewpoints[0].fov_degrees, 50.0f);
  std::vector<mat4> world(g.node_count());
  compute_world_transforms(g.parents, g.local, world);
  expect_near(vec3(world[static_cast<size_t>(g.find_node("lamp"))][3]), vec3(5, 1, 0));
}

TEST(SceneGraph, BuildReportsDuplicatesUnknownParentsAndCycles) {
  Diagnostics diagnostics;
  auto built = testing::build_from_text(R"(nodes:
  - {name: hall}
  - {name: hall}
  - {name: lamp, parent: hal}
  - {name: a, parent: b}
  - {name: b, parent: a}
)", diagnostics);
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics.items()) lines.push_back(d.to_string());
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "scene.yaml:3:12: error: node name 'hall' is already used at scene.yaml:2:12");
  EXPECT_EQ(lines[1], "scene.yaml:4:26: error: unknown parent node 'hal'; did you mean 'hall'?");
  EXPECT_EQ(lines[2], "scene.yaml:6:23: error: node 'b' is its own ancestor (a cycle of parents)");
  // What could be kept is kept: hall, and lamp as a root.
  EXPECT_EQ(built.graph.names, (std::vector<std::string>{"hall", "lamp"}));
}

}  // namespace
}  // namespace liyuan::scene
