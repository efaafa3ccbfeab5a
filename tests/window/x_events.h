// Real X input for window tests: key presses and clicks sent to a GLFW window through the X server (XSendEvent), so
// they arrive the way a keyboard's and a mouse's do, through GLFW's event processing.
#pragma once

struct GLFWwindow;

namespace liyuan::test {

// X modifier masks (Xlib's ShiftMask, ControlMask, Mod1Mask) for send_key.
inline constexpr unsigned kShift = 1u << 0;
inline constexpr unsigned kControl = 1u << 2;
inline constexpr unsigned kAlt = 1u << 3;

// Presses and releases the key KEYSYM (an XK_* value) on WINDOW with MODIFIERS held.
void send_key(GLFWwindow* window, unsigned long keysym, unsigned modifiers = 0);
// Presses (DOWN) or releases the key KEYSYM alone, for keys held over several frames.
void send_key_event(GLFWwindow* window, unsigned long keysym, bool down);
// Moves the pointer to X, Y (window pixels) and clicks the left button there.
void send_click(GLFWwindow* window, int x, int y);

}  // namespace liyuan::test
