// Command buffers recorded once, submitted, and waited for: uploads, offscreen frames, readbacks.
#pragma once

#include <vulkan/vulkan.h>

#include "core/error.h"
#include "gpu/gpu.h"

namespace liyuan::gpu {

// A primary command buffer from the GPU's pool, in the recording state.
Result<VkCommandBuffer> begin_commands(Gpu& gpu);
// Ends COMMANDS, submits it to the queue, waits for it to finish and frees it (also on failure).
Status submit_and_wait(Gpu& gpu, VkCommandBuffer commands);

}  // namespace liyuan::gpu
