// XR_EXT_user_presence (OpenXR 1.0.29), declared here because Debian 12's headers (1.0.20) predate it. The values
// and layouts are the registry's; a newer SDK's own declarations win.
#pragma once

#include "present/openxr/xr_headers.h"

#ifndef XR_EXT_user_presence
#define XR_EXT_user_presence 1
#define XR_EXT_USER_PRESENCE_EXTENSION_NAME "XR_EXT_user_presence"
namespace liyuan::present::xr {
inline constexpr XrStructureType kTypeEventDataUserPresenceChanged = XrStructureType(1000470000);
struct XrEventDataUserPresenceChangedEXT {
  XrStructureType type;
  const void* next;
  XrSession session;
  XrBool32 isUserPresent;
};
}  // namespace liyuan::present::xr
#else
namespace liyuan::present::xr {
inline constexpr XrStructureType kTypeEventDataUserPresenceChanged = XR_TYPE_EVENT_DATA_USER_PRESENCE_CHANGED_EXT;
using ::XrEventDataUserPresenceChangedEXT;
}  // namespace liyuan::present::xr
#endif
