#include "tang_palace.h"

#include <gtest/gtest.h>

namespace liyuan::test {

std::filesystem::path source_dir() {
  return LIYUAN_SOURCE_DIR;
}

std::filesystem::path tang_palace() {
  return source_dir() / "scenes" / "tang-palace" / "exhibition.yaml";
}

std::filesystem::path hallgen_exe() {
  return LIYUAN_HALLGEN_EXE;
}

scene::Exhibition load_tang_palace() {
  scene::Diagnostics diagnostics;
  auto exhibition = scene::load_exhibition(tang_palace(), diagnostics);
  EXPECT_TRUE(exhibition) << (exhibition ? "" : exhibition.error().to_string());
  return exhibition ? std::move(*exhibition) : scene::Exhibition{};
}

}  // namespace liyuan::test
