// The flat scene graph: nodes in arrays, each with a parent index (parents come before their children, so one pass
// in order computes world transforms), and components in arrays of their own that name their node.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/math.h"
#include "scene/components.h"

namespace liyuan::scene {

struct SceneGraph {
  // One entry per node, all the same length.
  std::vector<std::string> names;
  std::vector<int32_t> parents;  // -1 for a root; otherwise < the node's own index
  std::vector<Transform> local;
  std::vector<uint8_t> active;   // the node's own flag; a node is shown when it and all its ancestors are active

  std::vector<RelicInstance> relics;
  std::vector<Light> lights;
  std::vector<Viewpoint> viewpoints;
  std::vector<Hotspot> hotspots;
  std::vector<DisplayCase> display_cases;
  std::vector<AudioSource> audio_sources;
  std::vector<CaptionAnchor> caption_anchors;
  Environment environment;

  std::unordered_map<std::string, int32_t> index_by_name;

  size_t node_count() const { return names.size(); }
  // The index of the node named NAME, or -1.
  int32_t find_node(std::string_view name) const;
  // Appends a node (PARENT must be -1 or an existing index) and returns its index.
  int32_t add_node(std::string name, int32_t parent, const Transform& local_transform, bool is_active = true);
};

// The index of NODE's component in COMPONENTS (any of the graph's component arrays), or -1.
template <typename Component>
int32_t find_component(const std::vector<Component>& components, int32_t node) {
  for (size_t i = 0; i < components.size(); ++i) {
    if (components[i].node == node) return static_cast<int32_t>(i);
  }
  return -1;
}

// Writes each node's world matrix into WORLD (same length as LOCAL and PARENTS): world = world[parent] * local.
void compute_world_transforms(std::span<const int32_t> parents, std::span<const Transform> local,
                              std::span<mat4> world);

// Writes into SHOWN whether each node and all its ancestors are active.
void compute_effective_active(std::span<const int32_t> parents, std::span<const uint8_t> active,
                              std::span<uint8_t> shown);

}  // namespace liyuan::scene
