// Captions and relic panels on screen, through `liyuan render` on lavapipe: golden images in zh-Hans, ja, en and ar
// (Arabic right to left with joined letters, CJK without tofu — the goldens were looked at), text in both eyes of a
// stereo frame, the show's pack carrying its PO files, and a language switch that shows in the very next frame.
#include <gtest/gtest.h>

#include <cmath>

#include "app/gpu_session.h"
#include "app/offscreen_frames.h"
#include "app/scene_frame.h"
#include "app/show.h"
#include "app/show_text.h"
#include "core/image_file.h"
#include "scene/timeline_evaluate.h"
#include "support/image_compare.h"
#include "support/test_support.h"

namespace liyuan::test {
namespace {

std::filesystem::path captions() { return data_dir() / "exhibitions" / "captions" / "exhibition.yaml"; }

const char* kSize = "800x450";
constexpr double kCaptionTime = 1.0;  // caption.welcome

// Renders the captions exhibition with ARGS added; returns the image (empty on failure, which is reported).
RgbaImage render(const std::filesystem::path& out, std::vector<std::string> args,
                 const std::filesystem::path& input = captions(), const char* size = kSize) {
  std::vector<std::string> command = {"render", input.string(), "--out", out.string(), "--size", size};
  command.insert(command.end(), args.begin(), args.end());
  CommandResult result = run_command(runtime_exe(), command);
  EXPECT_EQ(result.exit_code, 0) << result.output;
  auto image = read_png(out);
  return image ? *image : RgbaImage{};
}

// The fraction of pixels that differ by more than 16/255 between A and B.
double changed_fraction(const RgbaImage& a, const RgbaImage& b) {
  return compare_images(a, b, {16, 0.0}).differing_fraction;
}

class TextGolden : public testing::TestWithParam<const char*> {};

TEST_P(TextGolden, CaptionAndPanelMatchTheirGoldenImages) {
  const std::string locale = GetParam();
  auto dir = output_dir();
  RgbaImage caption = render(dir / "caption.png", {"--time", "1", "--locale", locale});
  std::string failure = check_against_golden(dir / "caption.png", "text_caption_" + locale, dir);
  EXPECT_TRUE(failure.empty()) << failure;
  RgbaImage panel = render(dir / "panel.png", {"--time", "11", "--locale", locale, "--panel", "bottle"});
  failure = check_against_golden(dir / "panel.png", "text_panel_" + locale, dir);
  EXPECT_TRUE(failure.empty()) << failure;
  // The text is really there: the same frames without text differ (a caption's plate covers about 2 % of the
  // image, a panel's about 10 %).
  RgbaImage bare_caption = render(dir / "bare_caption.png", {"--time", "1", "--no-text"});
  RgbaImage bare_panel = render(dir / "bare_panel.png", {"--time", "11", "--no-text"});
  EXPECT_GT(changed_fraction(caption, bare_caption), 0.01);
  EXPECT_GT(changed_fraction(panel, bare_panel), 0.05);
}

INSTANTIATE_TEST_SUITE_P(Locales, TextGolden, testing::Values("en", "zh-Hans", "ja", "ar"),
                         [](const testing::TestParamInfo<const char*>& param) {
                           std::string name = param.param;
                           std::erase(name, '-');
                           return name;
                         });

TEST(TextRender, LanguagesLookDifferentAndAnUnofferedLocaleFallsBackToTheDefault) {
  auto dir = output_dir();
  RgbaImage english = render(dir / "en.png", {"--time", "1", "--locale", "en"});
  RgbaImage arabic = render(dir / "ar.png", {"--time", "1", "--locale", "ar"});
  EXPECT_GT(changed_fraction(english, arabic), 0.003);
  // Korean is not offered: the default (English) caption is shown, with a warning.
  CommandResult result = run_command(runtime_exe(), {"render", captions().string(), "--out", (dir / "ko.png").string(),
                                                     "--size", kSize, "--time", "1", "--locale", "ko"});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("locale 'ko' is not offered by this exhibition (en, zh-Hans, ja, ar); showing 'en'"),
            std::string::npos)
      << result.output;
  auto korean = read_png(dir / "ko.png");
  ASSERT_TRUE(korean);
  EXPECT_TRUE(compare_images(*korean, english, {}).matches);
}

TEST(TextRender, APanelNeedsANodeWithAHotspot) {
  auto dir = output_dir();
  for (auto [node, message] : {std::pair{"nosuch", "--panel: no node is named 'nosuch'"},
                               std::pair{"visitor", "--panel: node 'visitor' has no hotspot, so it opens no panel"}}) {
    CommandResult result = run_command(runtime_exe(), {"render", captions().string(), "--out",
                                                       (dir / "x.png").string(), "--panel", node});
    EXPECT_EQ(result.exit_code, 1) << result.output;
    EXPECT_NE(result.output.find(message), std::string::npos) << result.output;
  }
}

TEST(TextRender, AMissingTranslationShowsTheDefaultLanguage) {
  // caption.thanks (8-10 s) has no Japanese: the Japanese frame equals the English one.
  auto dir = output_dir();
  RgbaImage japanese = render(dir / "ja.png", {"--time", "9", "--locale", "ja"});
  RgbaImage english = render(dir / "en.png", {"--time", "9", "--locale", "en"});
  EXPECT_TRUE(compare_images(japanese, english, {}).matches);
}

TEST(TextRender, CaptionsShowInBothEyes) {
  auto dir = output_dir();
  RgbaImage stereo = render(dir / "stereo.png", {"--time", "1", "--locale", "ar", "--stereo"}, captions(), "400x225");
  RgbaImage bare = render(dir / "bare.png", {"--time", "1", "--no-text", "--stereo"}, captions(), "400x225");
  ASSERT_EQ(stereo.width, 800u);
  ASSERT_EQ(bare.width, 800u);
  // Each eye's half, compared with the same eye without text.
  for (uint32_t eye = 0; eye < 2; ++eye) {
    RgbaImage a{400, 225, {}}, b{400, 225, {}};
    for (uint32_t y = 0; y < 225; ++y) {
      auto row = [&](const RgbaImage& image) { return image.pixels.begin() + (size_t(y) * 800 + eye * 400) * 4; };
      a.pixels.insert(a.pixels.end(), row(stereo), row(stereo) + 400 * 4);
      b.pixels.insert(b.pixels.end(), row(bare), row(bare) + 400 * 4);
    }
    EXPECT_GT(changed_fraction(a, b), 0.01) << "no caption in eye " << eye;
  }
}

TEST(TextRender, APackCarriesThePoFiles) {
  auto dir = output_dir();
  auto pack = dir / "captions.lypak";
  CommandResult packed = run_command(pack_exe(), {"pack", captions().string(), "-o", pack.string(), "--no-cache", "-q"});
  ASSERT_EQ(packed.exit_code, 0) << packed.output;
  render(dir / "caption.png", {"--time", "1", "--locale", "ar"}, pack);
  std::string failure = check_against_golden(dir / "caption.png", "text_caption_ar", dir);
  EXPECT_TRUE(failure.empty()) << failure;
}

TEST(TextRender, ALanguageSwitchShowsInTheNextFrame) {
  auto show = app::load_show(captions());
  ASSERT_TRUE(show) << show.error().to_string();
  auto session = app::GpuSession::create();
  ASSERT_TRUE(session) << session.error().to_string();
  auto dir = output_dir();
  {
    auto frames = app::OffscreenFrames::create(session->gpu(), (*show)->contents, app::OffscreenFramesDesc{800, 450});
    ASSERT_TRUE(frames) << frames.error().to_string();
    auto text = app::ShowText::create(**show, "en");
    ASSERT_TRUE(text) << text.error().to_string();
    const scene::FrameState state = scene::evaluate((*show)->exhibition.timeline, (*show)->exhibition.graph, kCaptionTime);
    auto render_frame = [&](const std::filesystem::path& out) {
      app::SceneFrame scene = app::build_scene_frame(**show, (*frames)->assets(), state, 800.0f / 450.0f, false);
      app::FrameSetup setup{scene.views, scene.lighting, scene.instances, scene.joint_matrices};
      auto overlay = (*text)->build(state, setup.views, 1.0 / 90.0);
      ASSERT_TRUE(overlay) << overlay.error().to_string();
      setup.text = *overlay;
      ASSERT_TRUE((*frames)->render(setup));
      ASSERT_TRUE(write_png(out, (*frames)->last_views()[0]));
    };
    render_frame(dir / "before.png");
    const size_t english_glyphs = (*text)->atlas_glyphs();
    ASSERT_TRUE((*text)->set_locale("ar"));
    render_frame(dir / "after.png");
    // The Arabic glyphs were rendered into the atlas and uploaded in the frame that needed them: that one frame
    // already matches a fresh process's Arabic caption.
    EXPECT_GT((*text)->atlas_glyphs(), english_glyphs);
    std::string failure = check_against_golden(dir / "after.png", "text_caption_ar", dir);
    EXPECT_TRUE(failure.empty()) << failure;
  }
  EXPECT_EQ(session->finish(), 0u) << "Vulkan validation messages (above)";
}

TEST(TextRender, AnAnchoredCaptionStandsAtItsAnchorAndTheOthersFollowTheHead) {
  auto show = app::load_show(captions());
  ASSERT_TRUE(show) << show.error().to_string();
  auto text = app::ShowText::create(**show, "en");
  ASSERT_TRUE(text) << text.error().to_string();
  const scene::SceneGraph& graph = (*show)->exhibition.graph;
  render::View eye;
  eye.world_from_eye = glm::translate(mat4(1.0f), vec3(0.35f, 1.6f, 2.0f));
  // The plate is the first quad; its centre is origin + (right + up) / 2.
  auto plate_centre = [&](double time) {
    const scene::FrameState state = scene::evaluate((*show)->exhibition.timeline, graph, time);
    auto overlay = (*text)->build(state, std::span(&eye, 1), 0.0);
    EXPECT_TRUE(overlay);
    EXPECT_FALSE(!overlay || (*overlay)->quads.empty());
    if (!overlay || (*overlay)->quads.empty()) return vec3(0.0f);
    const render::TextQuad& plate = (*overlay)->quads.front();
    EXPECT_EQ(plate.origin_kind.w, LY_TEXT_KIND_PLATE);
    return vec3(plate.origin_kind) + 0.5f * (vec3(plate.right) + vec3(plate.up));
  };
  // caption.welcome: 2 m ahead of the eye, 14 degrees below it.
  const vec3 ahead = plate_centre(1.0);
  EXPECT_NEAR(glm::length(ahead - vec3(0.35f, 1.6f, 2.0f)), 2.0f, 0.01f);
  EXPECT_NEAR(ahead.y, 1.6f - 2.0f * std::sin(glm::radians(14.0f)), 0.01f);
  // caption.bottle is anchored to bottle-label at (-0.6, 1.3, 0.2) and no wider than its 0.8 m.
  const vec3 anchored = plate_centre(5.0);
  EXPECT_NEAR(glm::length(anchored - vec3(-0.6f, 1.3f, 0.2f)), 0.0f, 0.01f);
  const scene::FrameState state = scene::evaluate((*show)->exhibition.timeline, graph, 5.0);
  auto overlay = (*text)->build(state, std::span(&eye, 1), 0.0);
  ASSERT_TRUE(overlay);
  const float width = glm::length(vec3((*overlay)->quads.front().right));
  EXPECT_LT(width, 0.8f + 0.1f);  // the text's 0.8 m plus the plate's margins
  EXPECT_GT(width, 0.3f);
}

}  // namespace
}  // namespace liyuan::test
