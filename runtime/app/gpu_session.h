// The GPU for one run of a command: context + services, with validation as the environment asks, and a final
// verdict on validation messages (any message is a bug: commands exit with kExitValidation).
#pragma once

#include <memory>

#include "core/error.h"
#include "gpu/gpu.h"
#include "present/presenter.h"

namespace liyuan::app {

class GpuSession {
 public:
  // Creates the Vulkan context (validation per LIYUAN_VALIDATION / build type) and the Gpu.
  static Result<GpuSession> create();
  // As create(), with what PRESENTER needs of the context (surface extensions, OpenXR's creation hooks).
  static Result<GpuSession> create(present::Presenter& presenter);

  gpu::Gpu& gpu() { return *gpu_; }

  // Destroys the Gpu (objects created on it must be gone), then returns how many validation messages were reported
  // over the whole run, including those on destruction.
  uint32_t finish();

 private:
  static Result<GpuSession> create_session(const gpu::ContextDesc& desc);
  std::unique_ptr<gpu::Gpu> gpu_;
  std::shared_ptr<gpu::ValidationReport> report_;
};

}  // namespace liyuan::app
