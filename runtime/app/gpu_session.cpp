#include "app/gpu_session.h"

#include "core/log.h"

namespace liyuan::app {

Result<GpuSession> GpuSession::create_session(const gpu::ContextDesc& desc) {
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

Result<GpuSession> GpuSession::create() {
  gpu::ContextDesc desc;
  desc.validation = gpu::validation_requested_by_environment();
  return create_session(desc);
}

Result<GpuSession> GpuSession::create(present::Presenter& presenter) {
  gpu::ContextDesc desc;
  desc.validation = gpu::validation_requested_by_environment();
  if (Status s = presenter.prepare_context(desc); !s) return s.error();
  return create_session(desc);
}

uint32_t GpuSession::finish() {
  gpu_.reset();
  return report_ ? report_->total() : 0;
}

}  // namespace liyuan::app
