// The hall's furnishings: hanging palace lanterns, low banquet tables, plinths and glass display cases.
#pragma once

#include "mesh.h"

namespace liyuan::hallgen {

// A hexagonal palace lantern on its cord, 2.8 m from the tassels to the hook: red silk panels in a dark wooden
// frame under a flared canopy. LIT makes the silk glow (the lantern's light itself is a scene light at the panels'
// centre, 0.61 m above the model's base).
Model make_lantern(bool lit);

// A low banquet table (an), 1.4 m by 0.5 m, lacquered black and red, laid with a celadon dish, bowls and gilt cups.
Model make_banquet_table();

// A folding lattice screen (pingfeng) of four leaves, 2.4 m wide and 2.0 m high, set in a shallow zigzag: red
// lacquered frames, a square lattice over pale paper in the upper part, solid panels below, on low stone feet.
Model make_lattice_screen();

// A plinth for a display case, 0.9 m high and 0.8 m square: dark lacquer with a stone foot and a gilt band.
Model make_plinth();

// A glass display case, 0.76 m square and 0.9 m high, open at the bottom (it stands on a plinth): clear blended glass
// in a thin gilt-bronze frame.
Model make_display_case();

}  // namespace liyuan::hallgen
