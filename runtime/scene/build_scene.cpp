#include "scene/build_scene.h"

#include <fmt/format.h>

#include <unordered_map>

#include "scene/did_you_mean.h"

namespace liyuan::scene {
namespace {

enum class Mark : uint8_t { Unvisited, InChain, Placed, Dropped };

template <typename Component>
void add_component(std::vector<Component>& components, const std::optional<Component>& component, int32_t node) {
  if (!component) return;
  components.push_back(*component);
  components.back().node = node;
}

}  // namespace

std::string location_string(const Location& where) {
  std::string out = where.file;
  if (where.line > 0) out += fmt::format(":{}:{}", where.line, where.column);
  return out;
}

std::string closest_node_name(const SceneGraph& graph, std::string_view name) {
  std::vector<std::string_view> names(graph.names.begin(), graph.names.end());
  return closest_match(name, names);
}

SceneGraph build_scene_graph(std::span<const SceneFileDocument> scenes, Diagnostics& diagnostics) {
  std::vector<const NodeDocument*> nodes;
  std::unordered_map<std::string, size_t> by_name;
  for (const SceneFileDocument& scene : scenes) {
    for (const NodeDocument& node : scene.nodes) {
      auto [it, inserted] = by_name.emplace(node.name.name, nodes.size());
      if (!inserted) {
        diagnostics.error(node.name.at, fmt::format("node name '{}' is already used at {}", node.name.name,
                                                    location_string(nodes[it->second]->name.at)));
        continue;
      }
      nodes.push_back(&node);
    }
  }

  SceneGraph graph;
  std::vector<Mark> marks(nodes.size(), Mark::Unvisited);
  std::vector<int32_t> graph_index(nodes.size(), -1);
  std::vector<size_t> chain;
  for (size_t first = 0; first < nodes.size(); ++first) {
    // Walk up from FIRST until a placed node or a root, then place the chain top-down.
    chain.clear();
    size_t current = first;
    int32_t parent_index = -1;
    bool cycle = false;
    while (marks[current] == Mark::Unvisited) {
      marks[current] = Mark::InChain;
      chain.push_back(current);
      const auto& parent = nodes[current]->parent;
      if (!parent) break;
      auto it = by_name.find(parent->name);
      if (it == by_name.end()) break;  // reported when placed
      current = it->second;
      if (marks[current] == Mark::InChain) {
        cycle = true;
        break;
      }
    }
    if (cycle) {
      const NodeDocument& node = *nodes[chain.back()];
      diagnostics.error(node.parent->at, fmt::format("node '{}' is its own ancestor (a cycle of parents)",
                                                     node.name.name));
      for (size_t i : chain) marks[i] = Mark::Dropped;
      continue;
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      const NodeDocument& node = *nodes[*it];
      parent_index = -1;
      if (node.parent) {
        auto found = by_name.find(node.parent->name);
        if (found == by_name.end()) {
          std::vector<std::string_view> names;
          for (const NodeDocument* n : nodes) names.push_back(n->name.name);
          std::string suggestion = closest_match(node.parent->name, names);
          diagnostics.error(node.parent->at, suggestion.empty()
                                                 ? fmt::format("unknown parent node '{}'", node.parent->name)
                                                 : fmt::format("unknown parent node '{}'; did you mean '{}'?",
                                                               node.parent->name, suggestion));
        } else if (marks[found->second] == Mark::Dropped) {
          marks[*it] = Mark::Dropped;
          continue;
        } else {
          parent_index = graph_index[found->second];
        }
      }
      int32_t index = graph.add_node(node.name.name, parent_index, node.transform, node.active);
      graph_index[*it] = index;
      marks[*it] = Mark::Placed;
      add_component(graph.relics, node.relic, index);
      add_component(graph.lights, node.light, index);
      add_component(graph.viewpoints, node.viewpoint, index);
      add_component(graph.hotspots, node.hotspot, index);
      add_component(graph.display_cases, node.display_case, index);
      add_component(graph.audio_sources, node.audio_source, index);
      add_component(graph.caption_anchors, node.caption_anchor, index);
    }
  }

  const Location* environment_at = nullptr;
  for (const SceneFileDocument& scene : scenes) {
    if (!scene.environment) continue;
    if (environment_at) {
      diagnostics.error(scene.environment->at, fmt::format("'environment' is already given at {}",
                                                           location_string(*environment_at)));
      continue;
    }
    environment_at = &scene.environment->at;
    graph.environment = scene.environment->value;
  }
  return graph;
}

}  // namespace liyuan::scene
