#include "x_events.h"

#include <GLFW/glfw3.h>
#include <X11/Xlib.h>

// GLFW's native access, declared as glfw3native.h declares it: that header also includes Xrandr.h, whose -dev
// package the project does not need otherwise.
extern "C" {
Display* glfwGetX11Display(void);
Window glfwGetX11Window(GLFWwindow* window);
}

namespace liyuan::test {

namespace {

void send_key_events(GLFWwindow* window, unsigned long keysym, unsigned modifiers, bool press, bool release) {
  Display* display = glfwGetX11Display();
  XKeyEvent event{};
  event.display = display;
  event.window = glfwGetX11Window(window);
  event.root = DefaultRootWindow(display);
  event.time = CurrentTime;
  event.x = event.y = event.x_root = event.y_root = 1;
  event.same_screen = True;
  event.keycode = XKeysymToKeycode(display, KeySym(keysym));
  event.state = modifiers;
  if (press) {
    event.type = KeyPress;
    XSendEvent(display, event.window, True, KeyPressMask, reinterpret_cast<XEvent*>(&event));
  }
  if (release) {
    event.type = KeyRelease;
    XSendEvent(display, event.window, True, KeyReleaseMask, reinterpret_cast<XEvent*>(&event));
  }
  XFlush(display);
}

}  // namespace

void send_key(GLFWwindow* window, unsigned long keysym, unsigned modifiers) {
  send_key_events(window, keysym, modifiers, true, true);
}

void send_key_event(GLFWwindow* window, unsigned long keysym, bool down) {
  send_key_events(window, keysym, 0, down, !down);
}

void send_click(GLFWwindow* window, int x, int y) {
  glfwSetCursorPos(window, x, y);  // a real pointer warp: GLFW reads the position back from the server
  Display* display = glfwGetX11Display();
  XButtonEvent event{};
  event.display = display;
  event.window = glfwGetX11Window(window);
  event.root = DefaultRootWindow(display);
  event.time = CurrentTime;
  event.x = x;
  event.y = y;
  event.same_screen = True;
  event.button = Button1;
  event.type = ButtonPress;
  XSendEvent(display, event.window, True, ButtonPressMask, reinterpret_cast<XEvent*>(&event));
  event.type = ButtonRelease;
  XSendEvent(display, event.window, True, ButtonReleaseMask, reinterpret_cast<XEvent*>(&event));
  XFlush(display);
}

}  // namespace liyuan::test
