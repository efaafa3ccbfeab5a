// The show the player's tests play: tests/data/exhibitions/player, packed once per test executable.
#pragma once

#include "app/show.h"

namespace liyuan::test {

// The player exhibition, loaded (and packed into the test cache) on first use; fails the test when it cannot be.
const app::Show& player_show();

}  // namespace liyuan::test
