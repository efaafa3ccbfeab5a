#include "window_fixture.h"

#include <thread>

#include "support/test_support.h"

namespace liyuan::test {
namespace {
std::unique_ptr<XvfbServer>& shared_server() {
  static std::unique_ptr<XvfbServer> server;
  return server;
}
}  // namespace

void WindowTest::SetUpTestSuite() {
  if (!shared_server()) {
    auto started = XvfbServer::start(1280, 720);
    ASSERT_TRUE(started) << started.error().to_string();
    shared_server() = std::move(*started);
  }
  shared_server()->make_current();
}

XvfbServer& WindowTest::server() {
  return *shared_server();
}

std::filesystem::path water_bottle_pack() {
  static std::filesystem::path pack;
  if (!pack.empty()) return pack;
  std::filesystem::path dir = std::filesystem::path(std::getenv("LIYUAN_TEST_OUTPUT")) / "window-packs";
  std::filesystem::create_directories(dir);
  std::filesystem::path out = dir / "water-bottle.lypak";
  CommandResult packed = run_command(pack_exe(), {"pack", water_bottle_gltf().string(), "-o", out.string()});
  EXPECT_EQ(packed.exit_code, 0) << packed.output;
  if (packed.exit_code == 0) pack = out;
  return pack;
}

RgbaImage settled_screenshot(const XvfbServer& server, int x, int y, uint32_t width, uint32_t height) {
  RgbaImage previous;
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto screen = server.screenshot();
    EXPECT_TRUE(screen) << screen.error().to_string();
    if (!screen) return {};
    RgbaImage area = crop(*screen, uint32_t(x), uint32_t(y), width, height);
    bool lit = false;
    for (size_t i = 0; i < area.pixels.size() && !lit; i += 4)
      lit = area.pixels[i] > 16 || area.pixels[i + 1] > 16 || area.pixels[i + 2] > 16;
    if (lit && area.pixels == previous.pixels) return area;
    previous = std::move(area);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ADD_FAILURE() << "the window's picture never settled on the X server";
  return previous;
}

}  // namespace liyuan::test
