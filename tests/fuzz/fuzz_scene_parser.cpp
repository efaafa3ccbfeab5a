// libFuzzer target for the scene parser: arbitrary bytes as a translators' PO file (its plural rule evaluated), a
// scene file, an exhibition file, a relic manifest and a string table; when a scene parses, it is also built and evaluated, so the timeline code sees fuzzed data too.
// Nothing here touches the file system. The same entry point runs under gcc in test_fuzz_corpus.cpp.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "scene/build_scene.h"
#include "scene/build_timeline.h"
#include "scene/lint_checks.h"
#include "scene/parse_exhibition.h"
#include "scene/parse_scene.h"
#include "scene/po_file.h"
#include "scene/timeline_evaluate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace liyuan::scene;
  if (size > 64 * 1024) return 0;  // scene files are small; longer inputs only slow the search down
  std::string_view text(reinterpret_cast<const char*>(data), size);

  if (auto po = parse_po(text, "fuzz.po")) {
    for (uint64_t n : {0ull, 1ull, 2ull, 5ull, 11ull, 101ull, 1000000ull, ~0ull}) (void)po->plural.index(n);
  }

  Diagnostics diagnostics;
  auto root = parse_yaml(text, "fuzz.yaml");
  if (!root) return 0;
  if (is_exhibition_root(*root)) {
    (void)parse_exhibition(*root, "fuzz.yaml", diagnostics);
    return 0;
  }
  (void)parse_relic_manifest(text, "fuzz.yaml", diagnostics);
  StringTables strings;
  parse_string_table(text, "fuzz.yaml", strings, diagnostics);

  ValueReader reader("fuzz.yaml", diagnostics);
  std::vector<SceneFileDocument> scenes{parse_scene_file(*root, reader)};
  SceneGraph graph = build_scene_graph(scenes, diagnostics);
  Timeline timeline = build_timeline(scenes, graph, {}, diagnostics);
  if (const TimelineDocument* document = find_timeline_document(scenes)) check_timeline(*document, diagnostics);
  for (const Diagnostic& d : diagnostics.items()) (void)d.to_string();

  FrameState frame;
  for (double t : {-1.0, 0.0, 0.37, timeline.duration * 0.5, timeline.duration, timeline.duration + 1.0}) {
    evaluate_into(timeline, graph, t, frame);
  }
  (void)events_crossed(timeline, 0.0, timeline.duration);
  return 0;
}
