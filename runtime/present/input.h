// What a visitor or a curator asks for, in words every presenter shares. Each presenter turns its own devices
// (keys, mouse and gamepad; OpenXR actions; a kiosk's touch) into these commands, and the app's show player acts
// on them, so that "pause" or "teleport" means the same whichever device asked.
#pragma once

#include <cstdint>
#include <string>

#include "core/math.h"

namespace liyuan::present {

enum class Command : uint8_t {
  TogglePause,     // pause or resume the timeline
  Seek,            // jump by AMOUNT seconds of timeline time (negative: back)
  Chapter,         // AMOUNT chapters on (+1) or back (-1); back within 2 s of a chapter start goes to the one before
  NextLocale,      // the exhibition's next locale, wrapping
  SetLocale,       // the locale TEXT (a BCP-47 tag the exhibition offers)
  ToggleHud,       // the curator's heads-up display
  Select,          // pick along the ray ORIGIN + s·DIRECTION (world space): opens a hotspot's panel
  Teleport,        // move the visitor to POINT on the floor (world space)
  SnapTurn,        // turn the visitor by AMOUNT radians about +Y (positive: to the left)
  Menu,            // the visitor's menu (closes an open panel)
  VisitorArrived,  // somebody is here: the attract loop lets go
  VisitorLeft,     // nobody is here any more: back to the attract loop (or the start)
};

struct InputEvent {
  Command command = Command::TogglePause;
  double amount = 0.0;
  vec3 origin{0.0f};
  vec3 direction{0.0f, 0.0f, -1.0f};
  vec3 point{0.0f};
  std::string text;
  // ORIGIN, DIRECTION and POINT are in the visitor's stage space (a headset's controllers), not the hall's: the show
  // places them in the hall where the visitor stands.
  bool stage_space = false;
};

}  // namespace liyuan::present
