#include "scene/scene_graph.h"

#include <cassert>

namespace liyuan::scene {

int32_t SceneGraph::find_node(std::string_view name) const {
  auto it = index_by_name.find(std::string(name));
  return it == index_by_name.end() ? -1 : it->second;
}

int32_t SceneGraph::add_node(std::string name, int32_t parent, const Transform& local_transform, bool is_active) {
  auto index = static_cast<int32_t>(names.size());
  assert(parent < index);
  index_by_name.emplace(name, index);
  names.push_back(std::move(name));
  parents.push_back(parent);
  local.push_back(local_transform);
  active.push_back(is_active ? 1 : 0);
  return index;
}

void compute_world_transforms(std::span<const int32_t> parents, std::span<const Transform> local,
                              std::span<mat4> world) {
  for (size_t i = 0; i < local.size(); ++i) {
    mat4 m = local[i].matrix();
    world[i] = parents[i] >= 0 ? world[static_cast<size_t>(parents[i])] * m : m;
  }
}

void compute_effective_active(std::span<const int32_t> parents, std::span<const uint8_t> active,
                              std::span<uint8_t> shown) {
  for (size_t i = 0; i < active.size(); ++i) {
    shown[i] = active[i] && (parents[i] < 0 || shown[static_cast<size_t>(parents[i])]) ? 1 : 0;
  }
}

}  // namespace liyuan::scene
