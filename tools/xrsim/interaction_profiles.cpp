#include "interaction_profiles.h"

#include <algorithm>
#include <array>
#include <vector>

namespace xrsim {
namespace {

struct Profile {
  std::string_view path;
  std::vector<std::string_view> both;   // components on both hands ("trigger/value")
  std::vector<std::string_view> left;   // left hand only
  std::vector<std::string_view> right;  // right hand only
};

const std::array<Profile, 5>& profiles() {
  static const std::array<Profile, 5> table = {{
      {"/interaction_profiles/khr/simple_controller", {"select/click", "menu/click", "grip/pose", "aim/pose"}, {}, {}},
      {"/interaction_profiles/oculus/touch_controller",
       {"squeeze/value", "trigger/value", "trigger/touch", "thumbstick/x", "thumbstick/y", "thumbstick/click",
        "thumbstick/touch", "thumbrest/touch", "grip/pose", "aim/pose"},
       {"x/click", "x/touch", "y/click", "y/touch", "menu/click"},
       {"a/click", "a/touch", "b/click", "b/touch", "system/click"}},
      {"/interaction_profiles/valve/index_controller",
       {"system/click",   "system/touch",     "a/click",          "a/touch",       "b/click",       "b/touch",
        "squeeze/value",  "squeeze/force",    "trigger/click",    "trigger/value", "trigger/touch", "thumbstick/x",
        "thumbstick/y",   "thumbstick/click", "thumbstick/touch", "trackpad/x",    "trackpad/y",    "trackpad/force",
        "trackpad/touch", "grip/pose",        "aim/pose"},
       {},
       {}},
      {"/interaction_profiles/htc/vive_controller",
       {"system/click", "squeeze/click", "menu/click", "trigger/click", "trigger/value", "trackpad/x", "trackpad/y",
        "trackpad/click", "trackpad/touch", "grip/pose", "aim/pose"},
       {},
       {}},
      {"/interaction_profiles/microsoft/motion_controller",
       {"menu/click", "squeeze/click", "trigger/value", "thumbstick/x", "thumbstick/y", "thumbstick/click",
        "trackpad/x", "trackpad/y", "trackpad/click", "trackpad/touch", "grip/pose", "aim/pose"},
       {},
       {}},
  }};
  return table;
}

const Profile* find_profile(std::string_view path) {
  for (const Profile& p : profiles())
    if (p.path == path) return &p;
  return nullptr;
}

// True when PROFILE offers COMPONENT_PATH ("trigger/value") on HAND, or an identifier ("trigger") with components.
bool offers(const Profile& profile, Hand hand, std::string_view component_path) {
  const auto matches = [&](std::string_view offered) {
    return offered == component_path || (offered.size() > component_path.size() &&
                                         offered.starts_with(component_path) && offered[component_path.size()] == '/');
  };
  const std::vector<std::string_view>& own = hand == Hand::Left ? profile.left : profile.right;
  return std::any_of(profile.both.begin(), profile.both.end(), matches) || std::any_of(own.begin(), own.end(), matches);
}

}  // namespace

bool is_known_profile(std::string_view profile) {
  return find_profile(profile) != nullptr;
}

std::optional<BindingPath> parse_binding(std::string_view profile_path, std::string_view path) {
  const Profile* profile = find_profile(profile_path);
  if (profile == nullptr) return std::nullopt;
  BindingPath binding;
  std::string_view rest;
  if (path.starts_with("/user/hand/left/")) {
    binding.hand = Hand::Left;
    rest = path.substr(16);
  } else if (path.starts_with("/user/hand/right/")) {
    binding.hand = Hand::Right;
    rest = path.substr(17);
  } else {
    return std::nullopt;
  }
  if (rest == "output/haptic") {
    binding.output = true;
    binding.identifier = "haptic";
    return binding;
  }
  if (!rest.starts_with("input/")) return std::nullopt;
  rest = rest.substr(6);
  if (!offers(*profile, binding.hand, rest)) return std::nullopt;
  const size_t slash = rest.find('/');
  binding.identifier = std::string(rest.substr(0, slash));
  if (slash != std::string_view::npos) binding.component = std::string(rest.substr(slash + 1));
  return binding;
}

}  // namespace xrsim
