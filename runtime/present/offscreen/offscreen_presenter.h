// The presenter for no display at all: renders into an image, reads it back, and keeps each view as an RGBA image
// (tests, previews, `liyuan render`, video frames).
#pragma once

#include <vector>

#include "core/image_file.h"
#include "gpu/buffer.h"
#include "present/presenter.h"

namespace liyuan::present {

struct OffscreenDesc {
  uint32_t width = 1280;
  uint32_t height = 720;
  uint32_t view_count = 1;
  double fps = 30.0;  // frames per second of display time: frame i is seen at i / fps
};

class OffscreenPresenter final : public Presenter {
 public:
  explicit OffscreenPresenter(const OffscreenDesc& desc) : desc_(desc) {}
  ~OffscreenPresenter() override { shutdown(); }

  const char* name() const override { return "offscreen"; }
  Status init(gpu::Gpu& gpu) override;
  Result<PresenterFrame> begin_frame() override;
  // Submits, waits, and reads every view back (see last_views()); without RENDERED, only retires the commands.
  Result<PresenterEvents> end_frame(bool rendered) override;
  void shutdown() override;

  static constexpr VkFormat kFormat = VK_FORMAT_R8G8B8A8_SRGB;
  // The views of the last finished frame, left eye first.
  const std::vector<RgbaImage>& last_views() const { return views_; }

 private:
  OffscreenDesc desc_;
  gpu::Gpu* gpu_ = nullptr;
  gpu::Image target_;
  gpu::Buffer readback_;
  VkCommandBuffer commands_ = VK_NULL_HANDLE;
  uint64_t frame_index_ = 0;
  std::vector<RgbaImage> views_;
};

}  // namespace liyuan::present
