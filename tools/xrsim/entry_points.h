// The table of OpenXR functions xrsim implements, and the wrapper that every entry point runs through: it takes
// the runtime lock and records each error code returned in the report. Each concern's file adds its functions.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <unordered_map>

#include "objects.h"

namespace xrsim {

struct FunctionEntry {
  PFN_xrVoidFunction function = nullptr;
  const char* extension = nullptr;  // the extension that must be enabled, or nullptr for core functions
};
using FunctionTable = std::unordered_map<std::string, FunctionEntry>;

// Records an error code returned by FUNCTION in the report.
void record_error(const char* function, XrResult result);

template <size_t N>
struct FunctionName {
  char text[N];
  constexpr FunctionName(const char (&name)[N]) { std::copy_n(name, N, text); }
};

template <FunctionName name, auto implementation>
struct Entry;

// The exported form of IMPLEMENTATION: locked, with failures recorded under NAME.
template <FunctionName name, typename... Args, XrResult (*implementation)(Args...)>
struct Entry<name, implementation> {
  static XRAPI_ATTR XrResult XRAPI_CALL call(Args... args) {
    std::lock_guard lock(runtime().mutex);
    const XrResult result = implementation(args...);
    if (XR_FAILED(result)) record_error(name.text, result);
    return result;
  }
};

// Adds IMPLEMENTATION to TABLE as NAME, available when EXTENSION (nullptr: core) is enabled.
template <FunctionName name, auto implementation>
void add_function(FunctionTable& table, const char* extension = nullptr) {
  table[name.text] = {reinterpret_cast<PFN_xrVoidFunction>(&Entry<name, implementation>::call), extension};
}

void add_instance_functions(FunctionTable& table);
void add_system_functions(FunctionTable& table);
void add_path_functions(FunctionTable& table);
void add_event_functions(FunctionTable& table);
void add_vulkan_enable2_functions(FunctionTable& table);
void add_session_functions(FunctionTable& table);
void add_frame_functions(FunctionTable& table);
void add_swapchain_functions(FunctionTable& table);
void add_space_functions(FunctionTable& table);
void add_action_functions(FunctionTable& table);

}  // namespace xrsim
