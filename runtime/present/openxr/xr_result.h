// XrResult → words. Every OpenXR failure Liyuan reports names its XrResult, so that a curator can look it up.
#pragma once

#include "core/error.h"
#include "present/openxr/xr_headers.h"

namespace liyuan::present::xr {

// "XR_ERROR_RUNTIME_UNAVAILABLE" for that value (from the headers' reflection list, so it works without an instance);
// "XrResult(N)" for values this build does not know.
const char* xr_result_name(XrResult result);

// Success for any non-negative result (XR_SUCCESS and the qualified successes), otherwise an Error
// "CALL failed: XR_ERROR_…".
Status xr_check(XrResult result, const char* call);

}  // namespace liyuan::present::xr
