// The five interaction profiles xrsim accepts suggestions for, and which binding paths each of them offers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "script.h"

namespace xrsim {

// A binding path split into its parts: /user/hand/<hand>/<input|output>/<identifier>[/<component>].
struct BindingPath {
  Hand hand = Hand::Right;
  bool output = false;
  std::string identifier;  // "trigger", "thumbstick", "grip", "haptic"
  std::string component;   // "value", "click", "x", "pose", or "" when left out
};

// True when PROFILE is one of the five accepted interaction profile paths.
bool is_known_profile(std::string_view profile);
// The parts of PATH when it is a binding PROFILE offers (a full input path, or an identifier path whose component
// the runtime chooses, or output/haptic); nullopt otherwise.
std::optional<BindingPath> parse_binding(std::string_view profile, std::string_view path);

}  // namespace xrsim
