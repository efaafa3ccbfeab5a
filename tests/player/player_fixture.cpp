#include "player_fixture.h"

#include <gtest/gtest.h>

#include <memory>

#include "support/test_support.h"

namespace liyuan::test {

const app::Show& player_show() {
  static std::unique_ptr<app::Show> show = [] {
    auto loaded = app::load_show(data_dir() / "exhibitions" / "player" / "exhibition.yaml");
    if (!loaded) ADD_FAILURE() << loaded.error().to_string();
    return loaded ? std::move(*loaded) : nullptr;
  }();
  if (!show) throw std::runtime_error("the player exhibition did not load");
  return *show;
}

}  // namespace liyuan::test
