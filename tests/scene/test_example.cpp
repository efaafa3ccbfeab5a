// The example in docs/scene-format.md is the exhibition in scenes/examples/small, byte for byte, and it lints clean
// and plays as the document says, so the reference cannot rot.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "scene/exhibition.h"
#include "scene/lint.h"
#include "scene/timeline_evaluate.h"
#include "scene_test_util.h"

namespace liyuan::scene {
namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(Example, TheDocumentShowsEveryFileOfTheExampleVerbatim) {
  std::string doc = read(testing::source_dir() / "docs/scene-format.md");
  ASSERT_FALSE(doc.empty());
  // Each example file appears as "<!-- file: PATH -->" followed by a fenced block with its exact contents.
  std::set<std::string> shown;
  const std::string marker = "<!-- file: ";
  for (size_t at = doc.find(marker); at != std::string::npos; at = doc.find(marker, at + 1)) {
    size_t name_end = doc.find(" -->", at);
    std::string name = doc.substr(at + marker.size(), name_end - at - marker.size());
    size_t fence = doc.find("```", name_end);
    size_t body = doc.find('\n', fence) + 1;
    size_t close = doc.find("\n```", body);
    ASSERT_NE(close, std::string::npos) << name;
    std::string block = doc.substr(body, close + 1 - body);
    EXPECT_EQ(block, read(testing::source_dir() / name)) << name << " differs from its copy in docs/scene-format.md";
    shown.insert(name);
  }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(testing::small_example().parent_path())) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    std::string name = std::filesystem::relative(entry.path(), testing::source_dir()).string();
    EXPECT_TRUE(shown.contains(name)) << name << " is not shown in docs/scene-format.md";
  }
}

TEST(Example, LintsCleanAndPlaysAsDocumented) {
  auto diagnostics_list = lint({testing::small_example()});
  for (const Diagnostic& d : diagnostics_list) ADD_FAILURE() << d.to_string();
  Diagnostics diagnostics;
  auto exhibition = load_exhibition(testing::small_example(), diagnostics);
  ASSERT_TRUE(exhibition) << exhibition.error().to_string();
  const SceneGraph& graph = exhibition->graph;
  const Timeline& timeline = exhibition->timeline;
  EXPECT_EQ(graph.node_count(), 9u);
  EXPECT_EQ(timeline.duration, 60.0);

  FrameState attract = evaluate(timeline, graph, 5.0);
  EXPECT_TRUE(attract.in_attract);
  EXPECT_EQ(attract.chapter, 0);
  EXPECT_FALSE(attract.camera);
  EXPECT_EQ(attract.shown[static_cast<size_t>(graph.find_node("music-box"))], 0);

  FrameState tour = evaluate(timeline, graph, 17.0);
  EXPECT_EQ(tour.chapter, 1);
  ASSERT_TRUE(tour.caption);
  EXPECT_EQ(tour.caption->key, "caption.mirror");
  EXPECT_DOUBLE_EQ(tour.caption->remaining, 5.0);
  ASSERT_TRUE(tour.camera);
  EXPECT_FLOAT_EQ(tour.environment.fog_density, 0.02f);

  FrameState music = evaluate(timeline, graph, 43.0);
  ASSERT_EQ(music.clips.size(), 2u);
  EXPECT_EQ(music.clips[0].clip, "open");
  EXPECT_DOUBLE_EQ(music.clips[0].clip_time, 3.0);
  EXPECT_EQ(music.clips[1].clip, "play");
  EXPECT_DOUBLE_EQ(music.clips[1].clip_time, 1.0);
  EXPECT_TRUE(music.clips[1].loop);  // the renderer wraps it by the clip's length
  EXPECT_EQ(music.shown[static_cast<size_t>(graph.find_node("music-box"))], 1);
  EXPECT_EQ(find_marker(timeline, "music"), 40.0);
}

}  // namespace
}  // namespace liyuan::scene
