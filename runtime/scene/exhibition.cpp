#include "scene/exhibition.h"

#include "scene/build_scene.h"
#include "scene/build_timeline.h"
#include "scene/lint_checks.h"

namespace liyuan::scene {

Exhibition check_exhibition(const std::filesystem::path& path, Diagnostics& diagnostics, const DocumentSource& source) {
  Exhibition exhibition;
  exhibition.sources = load_exhibition_sources(path, diagnostics, source);
  check_references(exhibition.sources, diagnostics);
  check_sounds(exhibition.sources, diagnostics);
  exhibition.graph = build_scene_graph(exhibition.sources.scenes, diagnostics);
  exhibition.timeline =
      build_timeline(exhibition.sources.scenes, exhibition.graph, exhibition.sources.relics, diagnostics);
  if (const TimelineDocument* timeline = find_timeline_document(exhibition.sources.scenes)) {
    check_timeline(*timeline, diagnostics);
  }
  return exhibition;
}

Result<Exhibition> load_exhibition(const std::filesystem::path& path, Diagnostics& diagnostics,
                                   const DocumentSource& source) {
  Exhibition exhibition = check_exhibition(path, diagnostics, source);
  if (diagnostics.has_errors()) return diagnostics.first_error();
  return exhibition;
}

}  // namespace liyuan::scene
