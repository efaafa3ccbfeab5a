// Includes and paths: cycles name the file and line, absolute paths and escapes are refused.
#include <gtest/gtest.h>
#include "support/test_support.h"

#include "scene/lint.h"
#include "scene/safe_path.h"
#include "scene_test_util.h"

namespace liyuan::scene {
namespace {

using testing::lint_lines;
using testing::write_file;
using Lines = std::vector<std::string>;

std::filesystem::path exhibition(const std::filesystem::path& dir, std::string_view includes) {
  return write_file(dir, "exhibition.yaml", "id: x\ndefault_locale: en\ninclude: " + std::string(includes) + "\n");
}

TEST(Includes, ACycleNamesTheFileAndLineThatClosesIt) {
  auto dir = test::output_dir();
  write_file(dir, "hall.yaml", "include:\n  - tour/tour.yaml\nnodes: [{name: a}]\n");
  write_file(dir, "tour/tour.yaml", "# the tour\ninclude: [../hall.yaml]\n");
  EXPECT_EQ(lint_lines(exhibition(dir, "[hall.yaml]"), dir),
            (Lines{"tour/tour.yaml:2:11: error: include cycle: hall.yaml -> tour/tour.yaml -> hall.yaml"}));
}

TEST(Includes, AFileIncludingItselfIsACycle) {
  auto dir = test::output_dir();
  write_file(dir, "hall.yaml", "include: [hall.yaml]\n");
  EXPECT_EQ(lint_lines(exhibition(dir, "[hall.yaml]"), dir),
            (Lines{"hall.yaml:1:11: error: include cycle: hall.yaml -> hall.yaml"}));
}

TEST(Includes, AFileReachedTwiceIsReadOnce) {
  auto dir = test::output_dir();
  write_file(dir, "a.yaml", "include: [common.yaml]\n");
  write_file(dir, "b.yaml", "include: [common.yaml]\n");
  write_file(dir, "common.yaml", "nodes: [{name: shared}]\n");
  EXPECT_EQ(lint_lines(exhibition(dir, "[a.yaml, b.yaml]"), dir), Lines{});  // no "name already used"
}

TEST(Includes, AbsolutePathsAndEscapesAreRefused) {
  auto dir = test::output_dir();
  write_file(dir, "inner/ok.yaml", "nodes: [{name: a}]\n");
  EXPECT_EQ(lint_lines(exhibition(dir, "[/etc/hall.yaml, ../hall.yaml, inner/../../x.yaml, 'C:/hall.yaml', "
                                       "'inner\\ok.yaml', inner/../inner/ok.yaml]"), dir),
            (Lines{"exhibition.yaml:3:11: error: absolute paths are not allowed: '/etc/hall.yaml'; write it relative "
                   "to the file that names it",
                   "exhibition.yaml:3:27: error: '../hall.yaml' leaves the exhibition folder; keep every file inside it",
                   "exhibition.yaml:3:41: error: 'inner/../../x.yaml' leaves the exhibition folder; keep every file "
                   "inside it",
                   "exhibition.yaml:3:61: error: absolute paths are not allowed: 'C:/hall.yaml'; write it relative to "
                   "the file that names it",
                   "exhibition.yaml:3:77: error: use '/' between folders, not '\\': 'inner\\ok.yaml'"}));
}

TEST(Includes, IncludingAnExhibitionFileIsAnError) {
  auto dir = test::output_dir();
  write_file(dir, "other.yaml", "id: other\ndefault_locale: en\n");
  EXPECT_EQ(lint_lines(exhibition(dir, "[other.yaml]"), dir),
            (Lines{"exhibition.yaml:3:11: error: 'other.yaml' is an exhibition file; include only scene files"}));
}

TEST(SafePath, FoldsDotsInsideTheFolder) {
  auto inside = resolve_document_path("tour", "../hall/./main.yaml");
  ASSERT_TRUE(inside) << inside.error().message;
  EXPECT_EQ(inside->string(), "hall/main.yaml");
  EXPECT_EQ(resolve_document_path("a/b", "../../c.yaml")->string(), "c.yaml");
  EXPECT_FALSE(resolve_document_path("a/b", "../../../c.yaml"));
  EXPECT_FALSE(resolve_document_path("", "relics/../../content/vase.yaml"));
  EXPECT_FALSE(resolve_document_path("", "tour/.."));
  EXPECT_FALSE(resolve_document_path("", ""));
}

}  // namespace
}  // namespace liyuan::scene
