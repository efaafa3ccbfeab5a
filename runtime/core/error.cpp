#include "core/error.h"

namespace liyuan {

std::string Error::to_string() const {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line > 0) {
      out += ":" + std::to_string(where.line);
      if (where.column > 0) out += ":" + std::to_string(where.column);
    }
    out += ": ";
  }
  if (!where.chunk.empty()) out += "chunk " + where.chunk + ": ";
  out += message;
  return out;
}

}  // namespace liyuan
