// Keyboard, mouse and gamepad of a desktop window, turned into the commands every presenter shares (input.h) and
// into the free-roam camera's movement. GLFW calls back into this object while events are polled.
//
// Keys for curators: space pause, ← → seek 10 s (with Shift 60 s), [ ] chapters, L next language, F fullscreen,
// H heads-up display, G back to the guided camera, Esc quit. W A S D (Q E down and up, Shift faster) and the mouse
// with its right button held walk and look (free roam); a left click selects what is under the cursor.
// Gamepad: left stick walks, right stick looks, A selects at the centre, Start pauses, LB RB chapters, Y language,
// Back guided camera.
#pragma once

#include <vector>

#include "core/math.h"
#include "present/input.h"

struct GLFWwindow;

namespace liyuan::present {

// One key press as GLFW reports it (GLFW_KEY_*, GLFW_MOD_*), for presenters that read keys themselves (the kiosk).
struct KeyPress {
  int key = 0;
  int mods = 0;
};

// What the window's devices asked for since the last take_frame_input().
struct WindowFrameInput {
  std::vector<InputEvent> commands;  // Select events carry the cursor position in ORIGIN.xy (pixels), see below
  std::vector<KeyPress> keys;        // every key pressed, in order
  bool touched = false;              // any key, button, mouse movement or gamepad input at all
  bool toggle_fullscreen = false;
  bool guided = false;      // back to the timeline's camera
  vec3 move{0.0f};          // free roam: x right, y up, z forward, each in [-1, 1]
  float look_yaw = 0.0f;    // radians, positive to the left
  float look_pitch = 0.0f;  // radians, positive up
  bool fast = false;
  bool free_roam_requested = false;  // walking or looking happened
};

class WindowInput {
 public:
  // Routes WINDOW's callbacks here. WINDOW's user pointer is set to this object, which must outlive it.
  void attach(GLFWwindow* window);
  // Collects what happened since the last call: callbacks' events, held keys and the first gamepad over DT seconds.
  // A Select command's ORIGIN holds the cursor's (x, y) in window pixels, DIRECTION is unset: the presenter turns
  // it into a ray through its last views.
  WindowFrameInput take_frame_input(double dt);

  static constexpr double kSeekSeconds = 10.0;
  static constexpr double kLongSeekSeconds = 60.0;
  static constexpr float kMouseRadiansPerPixel = 0.003f;
  static constexpr float kStickRadiansPerSecond = 2.0f;

 private:
  static void on_key(GLFWwindow* window, int key, int scancode, int action, int mods);
  static void on_mouse_button(GLFWwindow* window, int button, int action, int mods);
  static void on_cursor(GLFWwindow* window, double x, double y);
  void key(int key, int action, int mods);
  void gamepad(double dt);

  GLFWwindow* window_ = nullptr;
  WindowFrameInput pending_;
  double cursor_x_ = 0.0, cursor_y_ = 0.0;
  bool cursor_known_ = false;
  bool looking_ = false;  // right mouse button held
  unsigned char gamepad_buttons_[15] = {};
};

}  // namespace liyuan::present
