// XrPath atoms: interning path strings per instance and checking the spec's well-formedness rules.
#pragma once

#include <string>
#include <string_view>

#include "objects.h"

namespace xrsim {

// True when TEXT is a well-formed path: starts with '/', segments of [a-z0-9-_.] that are not '.' or '..',
// no empty segment, no trailing '/'.
bool is_well_formed_path(std::string_view text);
// The atom for TEXT (well-formed), created on first use.
XrPath intern_path(Instance& instance, const std::string& text);
// The string of PATH, or "" when PATH is not an atom of INSTANCE.
const std::string& path_string(const Instance& instance, XrPath path);

}  // namespace xrsim
