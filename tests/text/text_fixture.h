// One font library for all text tests (opening the Noto faces once), with the SDF spread the runtime uses.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "text/font_library.h"

namespace liyuan::test {

// The shared library; fails the calling test (and returns null) when the Debian font packages are missing.
text::FontLibrary* fonts();

// The chain for LOCALE in regular weight; an empty chain after a test failure.
text::FontChain chain(const char* locale);

}  // namespace liyuan::test
