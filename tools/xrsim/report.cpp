#include "report.h"

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"

namespace xrsim {

std::string result_name(XrResult result) {
  switch (result) {
#define XRSIM_RESULT_CASE(name, value) \
  case name:                           \
    return #name;
    XR_LIST_ENUM_XrResult(XRSIM_RESULT_CASE)
#undef XRSIM_RESULT_CASE
            default : return "XR_UNKNOWN_RESULT_" +
                      std::to_string(int(result));
  }
}

std::string session_state_name(XrSessionState state) {
  switch (state) {
#define XRSIM_STATE_CASE(name, value) \
  case name:                          \
    return #name;
    XR_LIST_ENUM_XrSessionState(XRSIM_STATE_CASE)
#undef XRSIM_STATE_CASE
            default : return "XR_SESSION_STATE_UNKNOWN_" +
                      std::to_string(int(state));
  }
}

std::string Report::to_json() const {
  nlohmann::ordered_json json;
  json["frames"] = nlohmann::ordered_json::array();
  for (const Frame& f : frames)
    json["frames"].push_back({{"index", f.index},
                              {"session", f.session},
                              {"predicted_display_time", f.predicted_display_time},
                              {"display_time", f.display_time},
                              {"layer_count", f.layer_count},
                              {"depth", f.depth}});
  json["transitions"] = nlohmann::ordered_json::array();
  for (const Transition& t : transitions)
    json["transitions"].push_back({{"frame", t.frame}, {"session", t.session}, {"state", t.state}});
  json["haptics"] = nlohmann::ordered_json::array();
  for (const Haptic& h : haptics)
    json["haptics"].push_back({{"frame", h.frame},
                               {"action", h.action},
                               {"hand", h.hand},
                               {"duration_ns", h.duration_ns},
                               {"frequency", h.frequency},
                               {"amplitude", h.amplitude}});
  json["captures"] = captures;
  json["errors"] = nlohmann::ordered_json::array();
  for (const ErrorReturned& e : errors) json["errors"].push_back({{"function", e.function}, {"result", e.result}});
  json["messages"] = messages;
  return json.dump(2) + "\n";
}

liyuan::Status Report::write(const std::string& path) const {
  const std::string text = to_json();
  return liyuan::write_file_atomically(path, std::as_bytes(std::span<const char>(text.data(), text.size())));
}

}  // namespace xrsim
