// The hall itself: floor, columns with their bracket sets, beams and ceiling, walls with lattice windows and doors.
// Plan (metres, +Y up, the entrance towards +Z): columns on a 4 m grid at x = -10..10, z = -6..6; walls on the
// outer column lines; tiles top at local y = 0.1 (the floor node sits at y = -0.1).
#pragma once

#include "mesh.h"

namespace liyuan::hallgen {

// The floor: dark polished tiles 0.8 m square (a generated texture) on a slab, and a carpet runner with a repeating
// medallion (a generated texture) down the central aisle.
// Spans x -10.4..10.4, z -6.4..6.4; 0.108 m high.
Model make_floor();

// One column, 5.0 m: a carved stone base with lotus petals, a red lacquered shaft with entasis, and a two-tier
// bracket set (dougong) of blocks and crossing arms on top, ready to carry the beams at 5.0 m.
Model make_column();

// Beams and ceiling, 1.65 m high, meant for y = 3.95: architraves painted red with white blocks between the column
// heads, beams above the bracket sets, and a grid ceiling of 1 m coffers painted green with gilt and red rosettes.
Model make_ceiling();

// The walls, 5.0 m high, around the column grid: lime plaster above a red dado, vertical-bar lattice windows
// (zhiling) glowing with daylight in every bay, and lattice doors in the middle bay of the front (+Z) wall.
Model make_walls();

}  // namespace liyuan::hallgen
