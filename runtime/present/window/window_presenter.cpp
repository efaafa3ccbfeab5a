#include "present/window/window_presenter.h"

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>

#include <cmath>
#include <cstdlib>

#include "core/clock.h"
#include "core/log.h"
#include "gpu/barriers.h"
#include "gpu/commands.h"
#include "gpu/vk_result.h"
#include "present/window/cursor_ray.h"

namespace liyuan::present {
namespace {

// The last error GLFW reported (it reports through a callback, not return values).
std::string& glfw_error() {
  static std::string error;
  return error;
}

void remember_glfw_error(int, const char* description) {
  glfw_error() = description ? description : "";
}

// Swapchain images as the presentation engine takes them. The stage covers every command of the frame, matching
// the stage the "rendered" semaphore is signalled at.
constexpr gpu::ImageUse kPresent{VK_IMAGE_LAYOUT_PRESENT_SRC_KHR, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT,
                                 VK_ACCESS_2_NONE};
// An image just acquired: its contents are not kept, and the first use waits on the acquire semaphore, which is
// waited for at ALL_COMMANDS, so any stage chains to it.
constexpr gpu::ImageUse kAcquiredForDrawing{VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                                            VK_ACCESS_2_NONE};
constexpr gpu::ImageUse kAcquiredForTransfer{VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT,
                                             VK_ACCESS_2_NONE};
constexpr gpu::ImageUse kTransferWrite{VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT,
                                       VK_ACCESS_2_TRANSFER_WRITE_BIT};
// The stereo image between frames: last read by the previous frame's copy, which the frame fence has retired.
constexpr gpu::ImageUse kStereoReused{VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT,
                                      VK_ACCESS_2_NONE};
constexpr float kEyeSeparation = 0.063f;  // metres, as the offscreen stereo render
constexpr double kHudRefreshSeconds = 0.25;

}  // namespace

Result<std::unique_ptr<WindowPresenter>> WindowPresenter::open(const WindowDesc& desc) {
  const char* display = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  if ((!display || !*display) && (!wayland || !*wayland)) return make_error("no display (DISPLAY is not set)");
  glfwSetErrorCallback(&remember_glfw_error);
  if (!glfwInit())
    return make_error(fmt::format("no display (cannot open '{}': {})", display ? display : wayland, glfw_error()));
  if (!glfwVulkanSupported()) {
    glfwTerminate();
    return make_error("the window cannot use Vulkan (GLFW finds no Vulkan loader or surface support)");
  }
  std::unique_ptr<WindowPresenter> presenter(new WindowPresenter(desc));
  glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
  glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
  GLFWmonitor* monitor = desc.fullscreen ? glfwGetPrimaryMonitor() : nullptr;
  int width = int(desc.width), height = int(desc.height);
  if (monitor) {
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    width = mode->width;
    height = mode->height;
  }
  presenter->window_ = glfwCreateWindow(width, height, desc.title.c_str(), monitor, nullptr);
  if (!presenter->window_) return make_error(fmt::format("the window could not be created: {}", glfw_error()));
  if (desc.hide_cursor) glfwSetInputMode(presenter->window_, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
  presenter->input_.attach(presenter->window_);
  presenter->start_seconds_ = monotonic_seconds();
  return presenter;
}

WindowPresenter::~WindowPresenter() {
  shutdown();
  if (window_) glfwDestroyWindow(window_);
  glfwTerminate();
}

Status WindowPresenter::prepare_context(gpu::ContextDesc& desc) {
  uint32_t count = 0;
  const char** extensions = glfwGetRequiredInstanceExtensions(&count);
  if (!extensions) return make_error(fmt::format("the window cannot use Vulkan: {}", glfw_error()));
  for (uint32_t i = 0; i < count; ++i) desc.instance_extensions.push_back(extensions[i]);
  desc.device_extensions.push_back(VK_KHR_SWAPCHAIN_EXTENSION_NAME);
  return {};
}

Status WindowPresenter::init(gpu::Gpu& gpu) {
  gpu_ = &gpu;
  if (Status s = gpu::vk_check(glfwCreateWindowSurface(gpu.context->instance, window_, nullptr, &surface_),
                               "glfwCreateWindowSurface");
      !s)
    return s;
  VkSemaphoreCreateInfo semaphore{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
  if (Status s = gpu::vk_check(vkCreateSemaphore(gpu.device(), &semaphore, nullptr, &acquired_), "vkCreateSemaphore");
      !s)
    return s;
  VkFenceCreateInfo fence{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
  return gpu::vk_check(vkCreateFence(gpu.device(), &fence, nullptr, &frame_done_), "vkCreateFence");
}

void WindowPresenter::wait_for_previous_frame() {
  if (!fence_pending_) return;
  vkWaitForFences(gpu_->device(), 1, &frame_done_, VK_TRUE, UINT64_MAX);
  vkResetFences(gpu_->device(), 1, &frame_done_);
  fence_pending_ = false;
  vkFreeCommandBuffers(gpu_->device(), gpu_->command_pool, 1, &commands_);
  commands_ = VK_NULL_HANDLE;
}

Status WindowPresenter::make_stereo_target() {
  gpu::destroy_image(*gpu_, stereo_target_);
  if (!desc_.stereo || !swapchain_.handle) return {};
  gpu::ImageDesc desc;
  desc.format = swapchain_.format;
  desc.width = std::max(1u, swapchain_.extent.width / 2);
  desc.height = swapchain_.extent.height;
  desc.layers = 2;
  desc.view_type = VK_IMAGE_VIEW_TYPE_2D_ARRAY;
  desc.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
  auto image = gpu::create_image(*gpu_, desc);
  if (!image) return image.error();
  stereo_target_ = *image;
  return {};
}

Status WindowPresenter::remake_swapchain() {
  vkDeviceWaitIdle(gpu_->device());
  int width = 0, height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  auto made = create_swapchain(*gpu_, surface_, VkExtent2D{uint32_t(width), uint32_t(height)}, desc_.vsync, swapchain_);
  if (!made) return made.error();
  remake_needed_ = false;
  if (*made) {
    ++swapchain_generations_;
    log::debug("window: swapchain {} at {}x{}", swapchain_generations_, swapchain_.extent.width,
               swapchain_.extent.height);
  }
  return make_stereo_target();
}

double WindowPresenter::clock_seconds() const {
  return monotonic_seconds() - start_seconds_;
}

Result<PresenterFrame> WindowPresenter::begin_frame() {
  wait_for_previous_frame();
  PresenterFrame frame;
  frame.target_use = frame.target_use_after = gpu::use::kUndefined;
  frame.view_count = desc_.stereo ? 2u : 1u;
  frame.display_time = desc_.fixed_fps > 0.0 ? double(frame_index_) / desc_.fixed_fps : clock_seconds();
  // Sound is scheduled one frame ahead: the fixed step, else the last frame's length (a 60 Hz guess at first).
  frame.display_period = desc_.fixed_fps > 0.0 ? 1.0 / desc_.fixed_fps
                                               : (frame_seconds_ > 0.0 && frame_seconds_ < 0.5 ? frame_seconds_ : 1.0 / 60.0);
  ++frame_index_;
  frame.should_render = false;

  int width = 0, height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  if (width == 0 || height == 0 || glfwGetWindowAttrib(window_, GLFW_ICONIFIED)) {
    glfwWaitEventsTimeout(0.1);  // minimised: nothing to draw, and no reason to spin
    return frame;
  }
  if (swapchain_.extent.width != uint32_t(width) || swapchain_.extent.height != uint32_t(height)) remake_needed_ = true;
  uint32_t index = 0;
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (remake_needed_)
      if (Status s = remake_swapchain(); !s) return s.error();
    if (!swapchain_.handle) return frame;
    VkResult acquired =
        vkAcquireNextImageKHR(gpu_->device(), swapchain_.handle, UINT64_MAX, acquired_, VK_NULL_HANDLE, &index);
    if (acquired == VK_ERROR_OUT_OF_DATE_KHR) {
      remake_needed_ = true;
      continue;
    }
    if (acquired == VK_SUBOPTIMAL_KHR)
      remake_needed_ = true;  // usable now; made again after this frame
    else if (Status s = gpu::vk_check(acquired, "vkAcquireNextImageKHR"); !s)
      return s.error();
    image_index_ = index;
    break;
  }
  if (!image_index_) return frame;

  auto commands = gpu::begin_commands(*gpu_);
  if (!commands) return commands.error();
  commands_ = *commands;
  frame.should_render = true;
  frame.commands = commands_;
  if (desc_.stereo) {
    frame.target = &stereo_target_;
    frame.target_use = kStereoReused;
    frame.target_use_after = gpu::use::kTransferSrc;
  } else {
    frame.target = &swapchain_.images[index];
    frame.target_use = kAcquiredForDrawing;
    frame.target_use_after = kPresent;
  }
  if (free_roam_) {
    const gpu::ImageDesc& target = frame.target->desc;
    float vertical = last_views_.empty() ? 1.0f : last_views_[0].fov.up - last_views_[0].fov.down;
    render::Fov fov = render::symmetric_fov(vertical, float(target.width) / float(target.height));
    mat4 pose = camera_.world_from_eye();
    if (desc_.stereo) {
      vec3 right = vec3(pose[0]) * (0.5f * kEyeSeparation);
      mat4 left_eye = pose, right_eye = pose;
      left_eye[3] -= vec4(right, 0.0f);
      right_eye[3] += vec4(right, 0.0f);
      frame.device_views = {render::View{left_eye, fov}, render::View{right_eye, fov}};
    } else {
      frame.device_views = {render::View{pose, fov}};
    }
    frame.views_in_world = true;
  }
  return frame;
}

void WindowPresenter::record_stereo_copy(VkCommandBuffer commands, const gpu::Image& image) {
  gpu::transition_image(commands, image, kAcquiredForTransfer, kTransferWrite);
  uint32_t half = stereo_target_.desc.width;
  VkImageCopy regions[2] = {};
  for (uint32_t eye = 0; eye < 2; ++eye) {
    regions[eye].srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, eye, 1};
    regions[eye].dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    regions[eye].dstOffset = {int32_t(eye * half), 0, 0};
    regions[eye].extent = {half, stereo_target_.desc.height, 1};
  }
  vkCmdCopyImage(commands, stereo_target_.handle, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, image.handle,
                 VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 2, regions);
  gpu::transition_image(commands, image, kTransferWrite, kPresent);
}

void WindowPresenter::record_clear(VkCommandBuffer commands, const gpu::Image& image) {
  gpu::transition_image(commands, image, kAcquiredForTransfer, kTransferWrite);
  VkClearColorValue black{{0.0f, 0.0f, 0.0f, 1.0f}};
  VkImageSubresourceRange range{VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
  vkCmdClearColorImage(commands, image.handle, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, &black, 1, &range);
  gpu::transition_image(commands, image, kTransferWrite, kPresent);
}

Result<PresenterEvents> WindowPresenter::end_frame(bool rendered) {
  if (image_index_) {
    uint32_t index = *image_index_;
    image_index_.reset();
    const gpu::Image& image = swapchain_.images[index];
    if (!rendered)
      record_clear(commands_, image);
    else if (desc_.stereo)
      record_stereo_copy(commands_, image);
    if (Status s = gpu::vk_check(vkEndCommandBuffer(commands_), "vkEndCommandBuffer"); !s) return s.error();
    VkSemaphoreSubmitInfo wait{VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO};
    wait.semaphore = acquired_;
    wait.stageMask = VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT;
    VkSemaphoreSubmitInfo signal{VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO};
    signal.semaphore = swapchain_.rendered[index];
    signal.stageMask = VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT;
    VkCommandBufferSubmitInfo command_info{VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO};
    command_info.commandBuffer = commands_;
    VkSubmitInfo2 submit{VK_STRUCTURE_TYPE_SUBMIT_INFO_2};
    submit.waitSemaphoreInfoCount = 1;
    submit.pWaitSemaphoreInfos = &wait;
    submit.commandBufferInfoCount = 1;
    submit.pCommandBufferInfos = &command_info;
    submit.signalSemaphoreInfoCount = 1;
    submit.pSignalSemaphoreInfos = &signal;
    if (Status s = gpu::vk_check(vkQueueSubmit2(gpu_->context->queue, 1, &submit, frame_done_), "vkQueueSubmit2"); !s)
      return s.error();
    fence_pending_ = true;
    VkPresentInfoKHR present{VK_STRUCTURE_TYPE_PRESENT_INFO_KHR};
    present.waitSemaphoreCount = 1;
    present.pWaitSemaphores = &swapchain_.rendered[index];
    present.swapchainCount = 1;
    present.pSwapchains = &swapchain_.handle;
    present.pImageIndices = &index;
    VkResult presented = vkQueuePresentKHR(gpu_->context->queue, &present);
    if (presented == VK_ERROR_OUT_OF_DATE_KHR || presented == VK_SUBOPTIMAL_KHR)
      remake_needed_ = true;
    else if (Status s = gpu::vk_check(presented, "vkQueuePresentKHR"); !s)
      return s.error();
    if (presented != VK_ERROR_OUT_OF_DATE_KHR) ++frames_presented_;
  } else if (commands_) {
    vkEndCommandBuffer(commands_);
    vkFreeCommandBuffers(gpu_->device(), gpu_->command_pool, 1, &commands_);
    commands_ = VK_NULL_HANDLE;
  }

  glfwPollEvents();
  double now = clock_seconds();
  frame_seconds_ = now - last_display_time_;
  last_display_time_ = now;
  last_input_ = input_.take_frame_input(frame_seconds_);
  if (last_input_.toggle_fullscreen) toggle_fullscreen();
  if (last_input_.guided && free_roam_) {
    free_roam_ = false;
    log::info("window: guided camera");
  }
  if (last_input_.free_roam_requested && !free_roam_ && !last_views_.empty()) {
    free_roam_ = true;
    mat4 pose = last_views_[0].world_from_eye;
    if (last_views_.size() == 2) pose[3] = 0.5f * (last_views_[0].world_from_eye[3] + last_views_[1].world_from_eye[3]);
    camera_.place(pose);
    log::info("window: free roam (G for the guided camera)");
  }
  if (free_roam_)
    camera_.update(frame_seconds_, last_input_.move, last_input_.fast, last_input_.look_yaw, last_input_.look_pitch);

  PresenterEvents events;
  for (const InputEvent& command : last_input_.commands)
    events.input.push_back(command.command == Command::Select ? ray_through_cursor(command) : command);
  events.quit = glfwWindowShouldClose(window_);
  return events;
}

InputEvent WindowPresenter::ray_through_cursor(const InputEvent& click) const {
  InputEvent select = click;
  if (last_views_.empty()) {
    select.direction = vec3(0.0f);  // nothing drawn yet: a ray that hits nothing
    return select;
  }
  int width = 1, height = 1;
  glfwGetWindowSize(window_, &width, &height);
  Ray ray =
      cursor_ray(last_views_, click.origin.x / float(std::max(width, 1)), click.origin.y / float(std::max(height, 1)));
  select.origin = ray.origin;
  select.direction = ray.direction;
  return select;
}

void WindowPresenter::on_frame_drawn(const DrawnFrame& frame) {
  last_views_.assign(frame.views.begin(), frame.views.end());
  update_title(frame);
}

// The heads-up display, until text is drawn in the frame: frame time, timeline time and chapter in the title.
void WindowPresenter::update_title(const DrawnFrame& frame) {
  std::string title = desc_.title;
  if (frame.hud) {
    double now = clock_seconds();
    if (now - hud_updated_at_ < kHudRefreshSeconds && !shown_title_.empty() && shown_title_ != desc_.title) return;
    hud_updated_at_ = now;
    title = fmt::format("{} — {:.1f} ms — {:.1f} s — {}{}{}", desc_.title, frame_seconds_ * 1000.0, frame.timeline_time,
                        frame.chapter_name.empty() ? "no chapter" : frame.chapter_name, frame.paused ? " — paused" : "",
                        free_roam_ ? " — free roam" : "");
  }
  if (title == shown_title_) return;
  shown_title_ = title;
  glfwSetWindowTitle(window_, title.c_str());
}

void WindowPresenter::toggle_fullscreen() {
  if (glfwGetWindowMonitor(window_)) {
    glfwSetWindowMonitor(window_, nullptr, windowed_x_, windowed_y_, windowed_width_, windowed_height_, GLFW_DONT_CARE);
    return;
  }
  glfwGetWindowPos(window_, &windowed_x_, &windowed_y_);
  glfwGetWindowSize(window_, &windowed_width_, &windowed_height_);
  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
  if (mode) glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
}

void WindowPresenter::shutdown() {
  if (!gpu_) return;
  vkDeviceWaitIdle(gpu_->device());
  fence_pending_ = false;
  if (commands_) vkFreeCommandBuffers(gpu_->device(), gpu_->command_pool, 1, &commands_);
  commands_ = VK_NULL_HANDLE;
  gpu::destroy_image(*gpu_, stereo_target_);
  destroy_swapchain(*gpu_, swapchain_);
  if (acquired_) vkDestroySemaphore(gpu_->device(), acquired_, nullptr);
  if (frame_done_) vkDestroyFence(gpu_->device(), frame_done_, nullptr);
  if (surface_) vkDestroySurfaceKHR(gpu_->context->instance, surface_, nullptr);
  acquired_ = VK_NULL_HANDLE;
  frame_done_ = VK_NULL_HANDLE;
  surface_ = VK_NULL_HANDLE;
  gpu_ = nullptr;
}

}  // namespace liyuan::present
