#include "present/openxr/xr_result.h"

#include <openxr/openxr_reflection.h>

#include <string>

namespace liyuan::present::xr {

const char* xr_result_name(XrResult result) {
  switch (result) {
#define LIYUAN_XR_RESULT_CASE(name, value) \
  case name:                               \
    return #name;
    XR_LIST_ENUM_XrResult(LIYUAN_XR_RESULT_CASE)
#undef LIYUAN_XR_RESULT_CASE
        default : break;
  }
  thread_local std::string unknown;
  unknown = "XrResult(" + std::to_string(int(result)) + ")";
  return unknown.c_str();
}

Status xr_check(XrResult result, const char* call) {
  if (XR_SUCCEEDED(result)) return {};
  return make_error(std::string(call) + " failed: " + xr_result_name(result));
}

}  // namespace liyuan::present::xr
