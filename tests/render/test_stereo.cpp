// Stereo: the second view of a frame shows the same world as the first. On lavapipe 22.3 one multiview pass put the
// triangles its clipper cut in view 1 into layer 0, so the right eye lost the tour's floor; the renderer now draws
// each view in its own pass there (render/view_passes.h). These tests render frames that need clipping.
#include <gtest/gtest.h>

#include <memory>

#include "assets/pack_contents.h"
#include "core/image_file.h"
#include "gpu/gpu.h"
#include "present/offscreen/offscreen_presenter.h"
#include "render/framing.h"
#include "render/gpu_assets.h"
#include "render/lighting.h"
#include "render/renderer.h"
#include "render/view_passes.h"
#include "render_fixture.h"
#include "support/image_compare.h"

namespace liyuan::render {
namespace {

// Mean luminance (0..255) of the pixels of IMAGE in columns [X0, X1) and rows [Y0, height).
double mean_luminance(const RgbaImage& image, uint32_t x0, uint32_t x1, uint32_t y0) {
  double sum = 0;
  size_t count = 0;
  for (uint32_t y = y0; y < image.height; ++y)
    for (uint32_t x = x0; x < x1; ++x, ++count) {
      const uint8_t* p = image.pixel(x, y);
      sum += 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
    }
  return count ? sum / double(count) : 0.0;
}

TEST(Stereo, TheTourFloorShowsInBothEyes) {
  // The floor (a cube scaled 6 x 0.1 x 6) reaches past every edge of both eyes' pictures, so each of its triangles is
  // clipped: the lower third of each eye is mostly floor, lit by the lantern, and must be about as bright in both.
  auto dir = test::output_dir();
  for (const char* time : {"1", "9"}) {
    auto out = dir / (std::string("tour-stereo-") + time + ".png");
    test::CommandResult result =
        test::run_liyuan({"render", (test::data_dir() / "exhibitions" / "tour" / "exhibition.yaml").string(), "--out",
                          out.string(), "--size", "320x180", "--time", time, "--stereo", "--no-text"});
    ASSERT_EQ(result.exit_code, 0) << result.output;
    auto image = read_png(out);
    ASSERT_TRUE(image) << image.error().to_string();
    ASSERT_EQ(image->width, 640u);
    const uint32_t lower_third = image->height * 2 / 3;
    const double left = mean_luminance(*image, 0, 320, lower_third);
    const double right = mean_luminance(*image, 320, 640, lower_third);
    EXPECT_GT(left, 40.0) << "at " << time << " s the floor should be lit in the left eye (" << out << ")";
    EXPECT_NEAR(right, left, 0.2 * left) << "at " << time << " s the right eye's floor differs from the left's ("
                                         << out << ")";
  }
}

TEST(Stereo, ViewPassesFollowTheDriver) {
  EXPECT_FALSE(multiview_draws_every_view(VK_DRIVER_ID_MESA_LLVMPIPE));
  EXPECT_TRUE(multiview_draws_every_view(VK_DRIVER_ID_NVIDIA_PROPRIETARY));
  EXPECT_TRUE(multiview_draws_every_view(VK_DRIVER_ID_MESA_RADV));
  EXPECT_TRUE(lit_pass_per_view(ViewPasses::Auto, 2, VK_DRIVER_ID_MESA_LLVMPIPE));
  EXPECT_FALSE(lit_pass_per_view(ViewPasses::Auto, 2, VK_DRIVER_ID_QUALCOMM_PROPRIETARY));
  EXPECT_FALSE(lit_pass_per_view(ViewPasses::Auto, 1, VK_DRIVER_ID_MESA_LLVMPIPE)) << "one view is one plain pass";
  EXPECT_TRUE(lit_pass_per_view(ViewPasses::OnePerView, 2, VK_DRIVER_ID_NVIDIA_PROPRIETARY));
  EXPECT_FALSE(lit_pass_per_view(ViewPasses::Multiview, 2, VK_DRIVER_ID_MESA_LLVMPIPE));
}

// Two views from one pose (no eye separation) of a plain cube, framed so close that its faces reach past every edge
// and all its triangles are clipped, drawn through the Renderer API with each way of drawing two views.
class StereoViews : public ::testing::Test {
 protected:
  static constexpr uint32_t kSize = 128;

  void SetUp() override {
    const std::filesystem::path pack = test::test_pack(test::test_model("cube/cube.obj"));
    ASSERT_FALSE(pack.empty());
    auto reader = PackReader::open(pack);
    ASSERT_TRUE(reader) << reader.error().to_string();
    reader_ = std::make_unique<PackReader>(std::move(*reader));
    auto contents = load_pack_contents(*reader_);
    ASSERT_TRUE(contents) << contents.error().to_string();
    contents_ = std::move(*contents);
    gpu::ContextDesc desc;
    desc.validation = true;
    auto context = gpu::create_context(desc);
    ASSERT_TRUE(context) << context.error().to_string();
    report_ = (*context)->validation_report;
    auto gpu = gpu::create_gpu(std::move(*context));
    ASSERT_TRUE(gpu) << gpu.error().to_string();
    gpu_ = std::move(*gpu);
    folder_ = test::output_dir();
  }
  void TearDown() override {
    gpu_.reset();
    if (report_) {
      EXPECT_EQ(report_->total(), 0u) << "the validation layer reported messages (see the log above)";
    }
  }

  // Renders both views drawn as PASSES; returns them side by side (left: view 0), also written to NAME.png.
  RgbaImage render(ViewPasses passes, const std::string& name, bool* per_view = nullptr) {
    present::OffscreenPresenter presenter(present::OffscreenDesc{kSize, kSize, 2});
    EXPECT_TRUE(presenter.init(*gpu_));
    RendererDesc renderer_desc;
    renderer_desc.width = renderer_desc.height = kSize;
    renderer_desc.view_count = 2;
    renderer_desc.output_format = present::OffscreenPresenter::kFormat;
    renderer_desc.view_passes = passes;
    auto renderer = Renderer::create(*gpu_, renderer_desc);
    EXPECT_TRUE(renderer) << renderer.error().to_string();
    if (!renderer) return {};
    if (per_view) *per_view = (*renderer)->lit_pass_per_view();
    auto assets = GpuAssets::upload(*gpu_, contents_, (*renderer)->material_layout());
    EXPECT_TRUE(assets) << assets.error().to_string();
    if (!assets) return {};
    FramingOptions framing;
    framing.fill = 3.0f;  // the cube reaches three times as far as the picture's edges
    std::vector<View> views = frame_bounds((*assets)->world_bounds(), 1.0f, true, framing, 0.0f);
    Lighting lighting = studio_lighting((*assets)->world_bounds());
    auto frame = presenter.begin_frame();
    EXPECT_TRUE(frame) << frame.error().to_string();
    if (!frame) return {};
    FrameInput input{views, &lighting, assets->get(), {}, {}, true};
    Status s = (*renderer)->record(frame->commands, input, *frame->target, frame->target_use, frame->target_use_after);
    EXPECT_TRUE(s) << s.error().to_string();
    auto events = presenter.end_frame(true);
    EXPECT_TRUE(events) << events.error().to_string();
    RgbaImage pair = join_side_by_side(presenter.last_views());
    (void)write_png(folder_ / (name + ".png"), pair);
    return pair;
  }

  // How much the two halves of PAIR differ.
  static test::ImageComparison compare_halves(const RgbaImage& pair) {
    RgbaImage halves[2];
    for (int h = 0; h < 2; ++h) {
      halves[h].width = pair.width / 2;
      halves[h].height = pair.height;
      for (uint32_t y = 0; y < pair.height; ++y)
        for (uint32_t x = 0; x < pair.width / 2; ++x) {
          const uint8_t* p = pair.pixel(h * (pair.width / 2) + x, y);
          halves[h].pixels.insert(halves[h].pixels.end(), p, p + 4);
        }
    }
    return test::compare_images(halves[1], halves[0], {8, 0.0});
  }

  std::unique_ptr<PackReader> reader_;
  PackContents contents_;
  std::shared_ptr<gpu::ValidationReport> report_;
  std::unique_ptr<gpu::Gpu> gpu_;
  std::filesystem::path folder_;
};

TEST_F(StereoViews, OnePoseGivesTwoEqualViews) {
  for (ViewPasses passes : {ViewPasses::Auto, ViewPasses::OnePerView}) {
    const std::string name = passes == ViewPasses::Auto ? "auto" : "one-per-view";
    RgbaImage pair = render(passes, name);
    ASSERT_EQ(pair.width, 2 * kSize);
    // The cube's lit faces cover the picture.
    EXPECT_GT(mean_luminance(pair, 0, kSize, 0), 30.0) << name;
    test::ImageComparison comparison = compare_halves(pair);
    EXPECT_EQ(comparison.differing_fraction, 0.0) << name << ": " << comparison.summary;
  }
}

TEST_F(StereoViews, LavapipeMultiviewStillMisdrawsView1) {
  // The reason for ViewPasses::Auto's choice, measured: when this fails on lavapipe, the installed Mesa draws
  // multiview correctly and render/view_passes.cpp can stop singling it out (for that version onwards).
  bool per_view = true;
  RgbaImage pair = render(ViewPasses::Multiview, "multiview", &per_view);
  EXPECT_FALSE(per_view);
  test::ImageComparison comparison = compare_halves(pair);
  if (driver_id(*gpu_) == VK_DRIVER_ID_MESA_LLVMPIPE) {
    EXPECT_GT(comparison.differing_fraction, 0.25) << comparison.summary;
  } else {
    EXPECT_EQ(comparison.differing_fraction, 0.0) << comparison.summary;
  }
}

}  // namespace
}  // namespace liyuan::render
