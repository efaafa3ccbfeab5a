// Exit codes of the `liyuan` command (documented in README.md and `liyuan --help`).
#pragma once

namespace liyuan::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;     // bad input (a corrupt pack, a missing file) or a failed render
inline constexpr int kExitUsage = 2;       // bad command line
inline constexpr int kExitValidation = 3;  // the run worked but the Vulkan validation layer reported messages

}  // namespace liyuan::app
