// XR_EXT_user_presence, which the 1.0.20 headers predate: its constants and structures as the registry defines them
// (extension number 471), so xrsim can offer it. Applications built against the same SDK declare them the same way.
#pragma once

#include "openxr_includes.h"

#ifndef XR_EXT_user_presence
#define XR_EXT_user_presence 1
#define XR_EXT_user_presence_SPEC_VERSION 1
#define XR_EXT_USER_PRESENCE_EXTENSION_NAME "XR_EXT_user_presence"

inline constexpr XrStructureType XR_TYPE_EVENT_DATA_USER_PRESENCE_CHANGED_EXT = XrStructureType(1000470000);
inline constexpr XrStructureType XR_TYPE_SYSTEM_USER_PRESENCE_PROPERTIES_EXT = XrStructureType(1000470001);

struct XrEventDataUserPresenceChangedEXT {
  XrStructureType type;
  const void* next;
  XrSession session;
  XrBool32 isUserPresent;
};

struct XrSystemUserPresencePropertiesEXT {
  XrStructureType type;
  void* next;
  XrBool32 supportsUserPresence;
};
#endif
