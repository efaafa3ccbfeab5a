// GPU skinning in-process: the Fox packed by the real liyuan-pack, posed by anim::pose_pack, drawn by the renderer
// with the skinned pipeline into an offscreen target, validation on. Poses must differ from each other and from the
// bind pose, stay in the frame and cover a sensible part of it, with zero validation messages.
#include <gtest/gtest.h>

#include <cstdlib>

#include "anim/animation_set.h"
#include "anim/pose.h"
#include "assets/pack_contents.h"
#include "core/image_file.h"
#include "gpu/gpu.h"
#include "present/offscreen/offscreen_presenter.h"
#include "render/framing.h"
#include "render/gpu_assets.h"
#include "render/lighting.h"
#include "render/renderer.h"
#include "render_fixture.h"

namespace liyuan::render {
namespace {

constexpr uint32_t kSize = 192;

class Skinning : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::filesystem::path pack = test::test_pack(test::test_model("Fox/glTF-Binary/Fox.glb"));
    ASSERT_FALSE(pack.empty());
    auto reader = PackReader::open(pack);
    ASSERT_TRUE(reader) << reader.error().to_string();
    reader_ = std::make_unique<PackReader>(std::move(*reader));
    auto contents = load_pack_contents(*reader_);
    ASSERT_TRUE(contents) << contents.error().to_string();
    contents_ = std::move(*contents);
    auto set = anim::AnimationSet::load(*reader_, contents_);
    ASSERT_TRUE(set) << set.error().to_string();
    set_ = std::move(*set);

    gpu::ContextDesc desc;
    desc.validation = true;
    auto context = gpu::create_context(desc);
    ASSERT_TRUE(context) << context.error().to_string();
    report_ = (*context)->validation_report;
    auto gpu = gpu::create_gpu(std::move(*context));
    ASSERT_TRUE(gpu) << gpu.error().to_string();
    gpu_ = std::move(*gpu);
    presenter_ = std::make_unique<present::OffscreenPresenter>(present::OffscreenDesc{kSize, kSize, 1});
    ASSERT_TRUE(presenter_->init(*gpu_));
    RendererDesc renderer_desc;
    renderer_desc.width = renderer_desc.height = kSize;
    renderer_desc.output_format = present::OffscreenPresenter::kFormat;
    auto renderer = Renderer::create(*gpu_, renderer_desc);
    ASSERT_TRUE(renderer) << renderer.error().to_string();
    renderer_ = std::move(*renderer);
    auto assets = GpuAssets::upload(*gpu_, contents_, renderer_->material_layout());
    ASSERT_TRUE(assets) << assets.error().to_string();
    assets_ = std::move(*assets);
    FramingOptions framing;
    framing.fill = 0.55f;  // room for limbs that leave the bind pose's box
    views_ = frame_bounds(assets_->world_bounds(), 1.0f, false, framing);
    lighting_ = studio_lighting(assets_->world_bounds());
    folder_ = test::output_dir();  // the images, for a look when a test fails (output_dir() starts afresh: once)
  }
  void TearDown() override {
    assets_.reset();
    renderer_.reset();
    presenter_.reset();
    gpu_.reset();
    if (report_) {
      EXPECT_EQ(report_->total(), 0u) << "the validation layer reported messages (see the log above)";
    }
  }

  // Renders the pack posed by CLIP at TIME (no clip: the bind pose, the pack's own instances).
  RgbaImage render(const char* clip, double time) {
    std::vector<mat4> palette;
    std::vector<GpuInstance> instances;
    if (clip) {
      auto posed = anim::pose_pack(set_, clip, time, true, palette);
      EXPECT_TRUE(posed) << posed.error().to_string();
      if (!posed) return {};
      for (size_t i = 0; i < posed->size(); ++i) {
        const anim::PosedInstance& p = (*posed)[i];
        instances.push_back(make_instance(*assets_, contents_.instances[i].mesh, p.relic_from_mesh, p.palette_offset));
        EXPECT_GE(p.palette_offset, 0);
      }
    }
    auto frame = presenter_->begin_frame();
    EXPECT_TRUE(frame) << frame.error().to_string();
    if (!frame) return {};
    // No clip: the pack's own instances, in the bind pose.
    FrameInput input{views_, &lighting_, assets_.get(), instances, palette, instances.empty()};
    Status s = renderer_->record(frame->commands, input, *frame->target, frame->target_use, frame->target_use_after);
    EXPECT_TRUE(s) << s.error().to_string();
    auto events = presenter_->end_frame(true);
    EXPECT_TRUE(events) << events.error().to_string();
    EXPECT_EQ(renderer_->last_stats().drawn, 1u);
    RgbaImage image = presenter_->last_views().at(0);
    const std::string name = std::string("skinning-") + (clip ? clip : "bind") + "-" + std::to_string(int(time * 10));
    (void)write_png(folder_ / (name + ".png"), image);
    return image;
  }

  std::unique_ptr<PackReader> reader_;
  PackContents contents_;
  anim::AnimationSet set_;
  std::shared_ptr<gpu::ValidationReport> report_;
  std::unique_ptr<gpu::Gpu> gpu_;
  std::unique_ptr<present::OffscreenPresenter> presenter_;
  std::unique_ptr<Renderer> renderer_;
  std::unique_ptr<GpuAssets> assets_;
  std::vector<View> views_;
  Lighting lighting_;
  std::filesystem::path folder_;
};

bool same_pixel(const uint8_t* a, const uint8_t* b, int tolerance) {
  for (int c = 0; c < 3; ++c)
    if (std::abs(int(a[c]) - int(b[c])) > tolerance) return false;
  return true;
}

// Fraction of pixels that differ by more than 24/255 in any channel.
double differing(const RgbaImage& a, const RgbaImage& b) {
  size_t count = 0;
  for (uint32_t y = 0; y < a.height; ++y)
    for (uint32_t x = 0; x < a.width; ++x) count += !same_pixel(a.pixel(x, y), b.pixel(x, y), 24);
  return double(count) / (double(a.width) * a.height);
}

// Fraction of pixels that are not the background (the corner's colour); FAILS when the figure touches the border.
double coverage(const RgbaImage& image, bool& touches_border) {
  const uint8_t* background = image.pixel(0, 0);
  size_t count = 0;
  touches_border = false;
  for (uint32_t y = 0; y < image.height; ++y)
    for (uint32_t x = 0; x < image.width; ++x) {
      if (same_pixel(image.pixel(x, y), background, 6)) continue;
      ++count;
      if (x < 2 || y < 2 || x >= image.width - 2 || y >= image.height - 2) touches_border = true;
    }
  return double(count) / (double(image.width) * image.height);
}

TEST_F(Skinning, PosesMoveTheFoxAndStayInTheFrame) {
  const RgbaImage bind = render(nullptr, 0.0);
  const RgbaImage walk_early = render("Walk", 0.2);
  const RgbaImage walk_late = render("Walk", 0.6);
  const RgbaImage survey = render("Survey", 1.5);
  ASSERT_FALSE(bind.pixels.empty() || walk_early.pixels.empty() || walk_late.pixels.empty() || survey.pixels.empty());

  EXPECT_GT(differing(walk_early, walk_late), 0.01) << "Walk at 0.2 s and 0.6 s look the same: the legs did not move";
  EXPECT_GT(differing(bind, walk_early), 0.01) << "the posed fox looks like the bind pose";
  EXPECT_GT(differing(bind, survey), 0.01) << "Survey looks like the bind pose";
  for (const RgbaImage* image : {&bind, &walk_early, &walk_late, &survey}) {
    bool touches_border = false;
    const double covered = coverage(*image, touches_border);
    EXPECT_GT(covered, 0.04) << "the fox (nearly) vanished: skinning put it elsewhere";
    EXPECT_LT(covered, 0.6) << "the fox fills the frame: skinning exploded it";
    EXPECT_FALSE(touches_border) << "the posed fox leaves the frame";
  }
  // The posed fox covers about as much as the bind pose: same size, not stretched or shrunk.
  bool unused = false;
  EXPECT_NEAR(coverage(walk_early, unused) / coverage(bind, unused), 1.0, 0.5);
}

TEST_F(Skinning, MissingPaletteDrawsTheBindPose) {
  // Instances that claim joint matrices the frame does not have are drawn unposed rather than reading past the
  // palette.
  std::vector<GpuInstance> instances;
  for (const pack::InstanceRecord& record : contents_.instances)
    instances.push_back(make_instance(*assets_, record.mesh, glm::make_mat4(record.world_from_mesh), 0));
  const RgbaImage bind = render(nullptr, 0.0);
  auto frame = presenter_->begin_frame();
  ASSERT_TRUE(frame);
  FrameInput input{views_, &lighting_, assets_.get(), instances, {}};
  ASSERT_TRUE(renderer_->record(frame->commands, input, *frame->target, frame->target_use, frame->target_use_after));
  ASSERT_TRUE(presenter_->end_frame(true));
  EXPECT_LT(differing(bind, presenter_->last_views().at(0)), 0.002);
}

}  // namespace
}  // namespace liyuan::render
