#include "app/gpu_session.h"

#include "core/log.h"

namespace liyuan::app {

Result<GpuSession> GpuSession::create() {
  gpu::ContextDesc desc;
  desc.validation = gpu::validation_requested_by_environment();
  auto context = gpu::create_context(desc);
  if (!context) return context.error();
  GpuSession session;
  session.report_ = (*context)->validation_report;
  log::info("gpu: {}", (*context)->describe());
  auto gpu = gpu::create_gpu(std::move(*context));
  if (!gpu) return gpu.error();
  session.gpu_ = std::move(*gpu);
  return session;
}

uint32_t GpuSession::finish() {
  gpu_.reset();
  return report_ ? report_->total() : 0;
}

}  // namespace liyuan::app
