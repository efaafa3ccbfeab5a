#include "present/window/window_input.h"

#include <GLFW/glfw3.h>

#include <cmath>
#include <cstring>

namespace liyuan::present {
namespace {

constexpr float kStickDeadZone = 0.2f;

float stick(float value) {
  return std::fabs(value) < kStickDeadZone ? 0.0f : value;
}

InputEvent command(Command c, double amount = 0.0) {
  InputEvent event;
  event.command = c;
  event.amount = amount;
  return event;
}

}  // namespace

void WindowInput::attach(GLFWwindow* window) {
  window_ = window;
  glfwSetWindowUserPointer(window, this);
  glfwSetKeyCallback(window, &WindowInput::on_key);
  glfwSetMouseButtonCallback(window, &WindowInput::on_mouse_button);
  glfwSetCursorPosCallback(window, &WindowInput::on_cursor);
}

void WindowInput::on_key(GLFWwindow* window, int key, int, int action, int mods) {
  static_cast<WindowInput*>(glfwGetWindowUserPointer(window))->key(key, action, mods);
}

void WindowInput::key(int key, int action, int mods) {
  pending_.touched = true;
  if (action == GLFW_RELEASE) return;
  bool shift = (mods & GLFW_MOD_SHIFT) != 0;
  if (action == GLFW_PRESS) pending_.keys.push_back({key, mods});
  // Seeking repeats while the key is held; everything else acts once per press.
  switch (key) {
    case GLFW_KEY_RIGHT:
      pending_.commands.push_back(command(Command::Seek, shift ? kLongSeekSeconds : kSeekSeconds));
      return;
    case GLFW_KEY_LEFT:
      pending_.commands.push_back(command(Command::Seek, -(shift ? kLongSeekSeconds : kSeekSeconds)));
      return;
    default:
      break;
  }
  if (action != GLFW_PRESS) return;
  switch (key) {
    case GLFW_KEY_SPACE:
      pending_.commands.push_back(command(Command::TogglePause));
      break;
    case GLFW_KEY_LEFT_BRACKET:
      pending_.commands.push_back(command(Command::Chapter, -1));
      break;
    case GLFW_KEY_RIGHT_BRACKET:
      pending_.commands.push_back(command(Command::Chapter, +1));
      break;
    case GLFW_KEY_L:
      pending_.commands.push_back(command(Command::NextLocale));
      break;
    case GLFW_KEY_H:
      pending_.commands.push_back(command(Command::ToggleHud));
      break;
    case GLFW_KEY_F:
      pending_.toggle_fullscreen = true;
      break;
    case GLFW_KEY_G:
      pending_.guided = true;
      break;
    case GLFW_KEY_ESCAPE:
      glfwSetWindowShouldClose(window_, GLFW_TRUE);
      break;
    default:
      break;
  }
}

void WindowInput::on_mouse_button(GLFWwindow* window, int button, int action, int) {
  auto* self = static_cast<WindowInput*>(glfwGetWindowUserPointer(window));
  self->pending_.touched = true;
  if (button == GLFW_MOUSE_BUTTON_RIGHT) self->looking_ = action == GLFW_PRESS;
  if (button == GLFW_MOUSE_BUTTON_LEFT && action == GLFW_PRESS) {
    double x = 0.0, y = 0.0;
    glfwGetCursorPos(window, &x, &y);
    InputEvent select = command(Command::Select);
    select.origin = vec3(float(x), float(y), 0.0f);
    self->pending_.commands.push_back(select);
  }
}

void WindowInput::on_cursor(GLFWwindow* window, double x, double y) {
  auto* self = static_cast<WindowInput*>(glfwGetWindowUserPointer(window));
  if (self->cursor_known_ && (x != self->cursor_x_ || y != self->cursor_y_)) {
    self->pending_.touched = true;
    if (self->looking_) {
      self->pending_.look_yaw -= float(x - self->cursor_x_) * kMouseRadiansPerPixel;
      self->pending_.look_pitch -= float(y - self->cursor_y_) * kMouseRadiansPerPixel;
      self->pending_.free_roam_requested = true;
    }
  }
  self->cursor_x_ = x;
  self->cursor_y_ = y;
  self->cursor_known_ = true;
}

void WindowInput::gamepad(double dt) {
  GLFWgamepadstate state;
  if (!glfwJoystickIsGamepad(GLFW_JOYSTICK_1) || !glfwGetGamepadState(GLFW_JOYSTICK_1, &state)) return;
  auto pressed = [&](int button) { return state.buttons[button] && !gamepad_buttons_[button]; };
  if (pressed(GLFW_GAMEPAD_BUTTON_START)) pending_.commands.push_back(command(Command::TogglePause));
  if (pressed(GLFW_GAMEPAD_BUTTON_LEFT_BUMPER)) pending_.commands.push_back(command(Command::Chapter, -1));
  if (pressed(GLFW_GAMEPAD_BUTTON_RIGHT_BUMPER)) pending_.commands.push_back(command(Command::Chapter, +1));
  if (pressed(GLFW_GAMEPAD_BUTTON_Y)) pending_.commands.push_back(command(Command::NextLocale));
  if (pressed(GLFW_GAMEPAD_BUTTON_BACK)) pending_.guided = true;
  if (pressed(GLFW_GAMEPAD_BUTTON_A)) {
    int width = 0, height = 0;
    glfwGetWindowSize(window_, &width, &height);
    InputEvent select = command(Command::Select);
    select.origin = vec3(0.5f * float(width), 0.5f * float(height), 0.0f);
    pending_.commands.push_back(select);
  }
  for (int b = 0; b <= GLFW_GAMEPAD_BUTTON_LAST; ++b)
    if (state.buttons[b]) pending_.touched = true;
  std::memcpy(gamepad_buttons_, state.buttons, sizeof gamepad_buttons_);
  vec3 walk(stick(state.axes[GLFW_GAMEPAD_AXIS_LEFT_X]), 0.0f, -stick(state.axes[GLFW_GAMEPAD_AXIS_LEFT_Y]));
  float yaw = -stick(state.axes[GLFW_GAMEPAD_AXIS_RIGHT_X]) * kStickRadiansPerSecond * float(dt);
  float pitch = -stick(state.axes[GLFW_GAMEPAD_AXIS_RIGHT_Y]) * kStickRadiansPerSecond * float(dt);
  if (walk != vec3(0.0f) || yaw != 0.0f || pitch != 0.0f) {
    pending_.move += walk;
    pending_.look_yaw += yaw;
    pending_.look_pitch += pitch;
    pending_.touched = pending_.free_roam_requested = true;
  }
}

WindowFrameInput WindowInput::take_frame_input(double dt) {
  auto held = [&](int key) { return glfwGetKey(window_, key) == GLFW_PRESS ? 1.0f : 0.0f; };
  vec3 walk(held(GLFW_KEY_D) - held(GLFW_KEY_A), held(GLFW_KEY_E) - held(GLFW_KEY_Q),
            held(GLFW_KEY_W) - held(GLFW_KEY_S));
  if (walk != vec3(0.0f)) {
    pending_.move += walk;
    pending_.free_roam_requested = true;
  }
  pending_.fast = held(GLFW_KEY_LEFT_SHIFT) + held(GLFW_KEY_RIGHT_SHIFT) > 0.0f;
  gamepad(dt);
  pending_.move = glm::clamp(pending_.move, vec3(-1.0f), vec3(1.0f));
  WindowFrameInput taken = std::move(pending_);
  pending_ = {};
  return taken;
}

}  // namespace liyuan::present
