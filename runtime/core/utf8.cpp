#include "core/utf8.h"

#include <cstdint>

namespace liyuan {

bool is_valid_utf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const uint8_t lead = uint8_t(text[i]);
    size_t length = 0;
    uint8_t low = 0x80, high = 0xbf;
    if (lead == 0) return false;
    if (lead < 0x80) length = 1;
    else if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead == 0xe0) length = 3, low = 0xa0;
    else if ((lead >= 0xe1 && lead <= 0xec) || lead == 0xee || lead == 0xef) length = 3;
    else if (lead == 0xed) length = 3, high = 0x9f;
    else if (lead == 0xf0) length = 4, low = 0x90;
    else if (lead >= 0xf1 && lead <= 0xf3) length = 4;
    else if (lead == 0xf4) length = 4, high = 0x8f;
    else return false;
    if (text.size() - i < length) return false;
    if (length > 1 && (uint8_t(text[i + 1]) < low || uint8_t(text[i + 1]) > high)) return false;
    for (size_t k = 2; k < length; ++k) {
      if (uint8_t(text[i + k]) < 0x80 || uint8_t(text[i + k]) > 0xbf) return false;
    }
    i += length;
  }
  return true;
}

}  // namespace liyuan
