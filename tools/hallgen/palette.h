// The hall's colours and materials, in one place so the pieces agree: red lacquer, stone, bronze, glazes.
#pragma once

#include <cstdint>

#include "mesh.h"

namespace liyuan::hallgen {

// A deterministic pseudo-random number in [0, 1) from integer coordinates (no global state, no library RNG).
float hash01(int32_t x, int32_t y = 0, int32_t z = 0);

// Smooth deterministic value noise in about [0, 1] over the plane (bilinear between hashed lattice points).
float value_noise(float x, float y, int32_t seed);

// Smooth deterministic noise round a lathe-turned surface, seamless where the angle wraps: ANGLE in [0, 1) round the
// axis (about FREQUENCY cells round it), Y along it (Y_FREQUENCY cells a metre). About [0, 1].
float ring_noise(float angle, float y, float frequency, float y_frequency, int32_t seed);

// COLOR scaled in brightness by 1 + AMOUNT * (2 * u - 1), alpha kept.
vec4 vary(const vec4& color, float amount, float u);

namespace material {
Material red_lacquer();     // columns, frames: deep vermilion, glossy
Material dark_lacquer();    // table tops, plinths: near-black, glossy
Material painted_wood();    // brackets and beams: matte red-ochre paint (vertex colours carry the bands)
Material stone();           // column bases, plinths: pale carved limestone
Material polished_stone();  // floor tiles: dark, polished (the tile texture varies each tile)
Material grout();           // the joints between tiles
Material plaster();         // walls: warm lime-white (vertex colours carry the dado)
Material window_paper();    // paper behind the lattices, lit by daylight from outside
Material glass();           // display cases: clear, blended
Material gilt_bronze();     // case frames, fittings
Material silk(bool lit);    // lantern panels: red silk, glowing when LIT
Material textile();         // the carpet runner (a texture carries its pattern)
Material glaze();           // sancai and celadon: glossy ceramic (vertex colours carry the glaze)
Material bronze();          // mirror, cauldron: patinated bronze (vertex colours carry the verdigris)
}  // namespace material

}  // namespace liyuan::hallgen
