// ShowWatch on real files (inotify): saves in place and by rename count, other files in the folder do not, a burst of
// saves settles once, and a show's watch list names every file it was read from.
#include <gtest/gtest.h>

#include "app/show.h"
#include "app/show_watch.h"
#include "app_test_util.h"

namespace liyuan::test {
namespace {

using app::ShowWatch;

TEST(ShowWatch, SavesInPlaceAndByRenameAreSeenOtherFilesAreNot) {
  auto dir = output_dir();
  auto watched = dir / "hall.yaml";
  write_text(watched, "a");
  auto watch = ShowWatch::create({watched}, 0.02);
  ASSERT_TRUE(watch) << watch.error().to_string();
  EXPECT_FALSE(watch->settled());

  write_text(dir / "notes.txt", "not watched");
  EXPECT_FALSE(watch->wait_settled(0.2)) << "a file nobody watches changed, and it counted";

  write_text(watched, "b");
  ASSERT_TRUE(watch->wait_settled(5.0)) << "a save in place was not seen";
  auto changes = watch->take_changes();
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].filename(), "hall.yaml");
  EXPECT_FALSE(watch->settled()) << "take_changes() should forget what it returned";

  save_by_rename(watched, "c");
  ASSERT_TRUE(watch->wait_settled(5.0)) << "a save by rename (vim, IDEs) was not seen";
  EXPECT_EQ(watch->take_changes().size(), 1u);
}

TEST(ShowWatch, ABurstOfSavesSettlesOnceQuiet) {
  auto dir = output_dir();
  auto a = dir / "a.yaml", b = dir / "b.yaml";
  write_text(a, "1");
  write_text(b, "1");
  auto watch = ShowWatch::create({a, b}, 0.3);
  ASSERT_TRUE(watch);
  write_text(a, "2");
  write_text(b, "2");
  EXPECT_FALSE(watch->settled()) << "settled before the debounce time had passed";
  ASSERT_TRUE(watch->wait_settled(5.0));
  EXPECT_EQ(watch->take_changes().size(), 2u) << "both files of the burst should be reported together";
}

TEST(ShowWatch, AShowsSourceFilesAreEveryFileItWasReadFrom) {
  auto dir = output_dir();
  auto exhibition = write_cube_exhibition(dir, cube_hall(0.0));
  auto show = app::load_show(exhibition);
  ASSERT_TRUE(show) << show.error().to_string();
  std::vector<std::string> names;
  for (const auto& file : app::show_source_files(exhibition, **show)) names.push_back(file.filename().string());
  for (const char* expected : {"exhibition.yaml", "hall.yaml", "strings.yaml", "cube.yaml", "cube.obj"})
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected << " is not watched";
}

}  // namespace
}  // namespace liyuan::test
