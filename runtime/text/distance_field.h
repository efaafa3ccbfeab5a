// A signed distance field from a glyph's coverage bitmap: the exact Euclidean distance transform of Felzenszwalb and
// Huttenlocher ("Distance Transforms of Sampled Functions", 2012), seeded with sub-pixel distances from anti-aliased
// coverage as Mapbox's TinySDF does. FreeType 2.12's own SDF renderers take 5–14 ms per CJK glyph here; this takes
// tens of microseconds, so a page of new glyphs fits in one frame.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace liyuan::text {

// The distance field of a WIDTH x HEIGHT coverage bitmap (0 outside, 255 inside; PITCH bytes a row), padded by SPREAD
// pixels on every side: (WIDTH + 2 SPREAD) x (HEIGHT + 2 SPREAD) bytes, 128 on the outline, larger inside, reaching 0
// and 255 at SPREAD pixels from it (FreeType's FT_RENDER_MODE_SDF convention).
std::vector<uint8_t> distance_field(std::span<const uint8_t> coverage, uint32_t width, uint32_t height, int pitch,
                                    uint32_t spread);

}  // namespace liyuan::text
