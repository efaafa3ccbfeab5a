// Cache keys from content hashes, and a small length-prefixed binary form of RelicChunks.
#include "relic_cache.h"

#include "assets/pack_format.h"
#include "core/atomic_file.h"
#include "core/hash.h"
#include "core/mapped_file.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

namespace liyuan::packer {
namespace {

constexpr char kEntryMagic[8] = {'L', 'Y', 'R', 'E', 'L', 'I', 'C', '1'};

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return text;
}

std::string percent_decode(const std::string& uri) {
  std::string out;
  for (size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && std::isxdigit(uint8_t(uri[i + 1])) && std::isxdigit(uint8_t(uri[i + 2]))) {
      out += char(std::stoi(uri.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += uri[i];
    }
  }
  return out;
}

bool read_file(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  out = bytes.str();
  return !in.bad();
}

class Writer {
 public:
  template <typename T>
  void pod(const T& value) {
    const auto* p = reinterpret_cast<const std::byte*>(&value);
    out.insert(out.end(), p, p + sizeof(T));
  }
  void bytes(std::span<const std::byte> data) {
    pod(uint64_t(data.size()));
    out.insert(out.end(), data.begin(), data.end());
  }
  void text(const std::string& s) { bytes(std::as_bytes(std::span(s.data(), s.size()))); }
  template <typename T>
  void records(const std::vector<T>& v) {
    bytes(std::as_bytes(std::span(v.data(), v.size())));
  }
  std::vector<std::byte> out;
};

class Reader {
 public:
  explicit Reader(std::span<const std::byte> data) : data_(data) {}
  template <typename T>
  bool pod(T& value) {
    if (data_.size() - at_ < sizeof(T)) return false;
    std::memcpy(&value, data_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return true;
  }
  bool bytes(std::vector<std::byte>& out) {
    uint64_t size = 0;
    if (!pod(size) || data_.size() - at_ < size) return false;
    out.assign(data_.begin() + ptrdiff_t(at_), data_.begin() + ptrdiff_t(at_ + size));
    at_ += size;
    return true;
  }
  bool text(std::string& out) {
    std::vector<std::byte> raw;
    if (!bytes(raw)) return false;
    out.assign(reinterpret_cast<const char*>(raw.data()), raw.size());
    return true;
  }
  template <typename T>
  bool records(std::vector<T>& out) {
    std::vector<std::byte> raw;
    if (!bytes(raw) || raw.size() % sizeof(T) != 0) return false;
    out.resize(raw.size() / sizeof(T));
    if (!raw.empty()) std::memcpy(out.data(), raw.data(), raw.size());
    return true;
  }
  bool count(uint32_t& n, uint32_t limit) { return pod(n) && n <= limit; }
  bool done() const { return at_ == data_.size(); }

 private:
  std::span<const std::byte> data_;
  size_t at_ = 0;
};

}  // namespace

uint64_t tool_fingerprint() {
  auto exe = MappedFile::open("/proc/self/exe");
  if (!exe) return 0;
  return hash_bytes(exe->bytes());
}

std::vector<std::filesystem::path> model_dependencies(const std::filesystem::path& model) {
  std::set<std::filesystem::path> files{model};
  const std::filesystem::path folder = model.parent_path();
  std::error_code error;
  if (lowercase(model.extension().string()) == ".gltf") {
    std::string text;
    if (read_file(model, text)) {
      const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
      for (const char* key : {"buffers", "images"}) {
        if (!doc.is_object() || !doc.contains(key) || !doc[key].is_array()) continue;
        for (const auto& item : doc[key]) {
          if (!item.is_object() || !item.contains("uri") || !item["uri"].is_string()) continue;
          const std::string uri = item["uri"].get<std::string>();
          if (uri.rfind("data:", 0) == 0) continue;
          files.insert(folder / percent_decode(uri));
        }
      }
    }
  } else {
    static const std::set<std::string> kExtensions = {".png", ".jpg", ".jpeg", ".tga", ".bmp", ".psd", ".gif",
                                                      ".hdr", ".pic", ".pnm", ".ppm", ".pgm", ".mtl", ".bin"};
    // Subfolders too (an MTL's "map_Kd textures/albedo.png", an FBX's textures/ folder), three levels deep.
    std::filesystem::recursive_directory_iterator it(folder.empty() ? "." : folder, error), end;
    for (; !error && it != end; it.increment(error)) {
      if (it.depth() >= 3) it.disable_recursion_pending();
      if (it->is_regular_file(error) && kExtensions.count(lowercase(it->path().extension().string()))) {
        files.insert(it->path());
      }
    }
  }
  std::vector<std::filesystem::path> out;
  for (const auto& file : files) {
    if (std::filesystem::is_regular_file(file, error)) out.push_back(file);
  }
  return out;
}

Result<uint64_t> relic_cache_key(const RelicManifest& manifest, const TextureOptions& options, uint64_t fingerprint) {
  Hasher hasher;
  auto feed = [&](const void* data, size_t size) { hasher.update({static_cast<const std::byte*>(data), size}); };
  auto feed_text = [&](const std::string& text) {
    const uint64_t size = text.size();
    feed(&size, sizeof size);
    feed(text.data(), text.size());
  };
  const uint32_t versions[4] = {kPackerCacheVersion, pack::kVersion, options.max_texture_size,
                                uint32_t(options.target)};
  feed(versions, sizeof versions);
  feed(&fingerprint, sizeof fingerprint);
  feed_text(manifest.text);
  const std::filesystem::path folder = manifest.source_path.parent_path();
  for (const std::filesystem::path& file : model_dependencies(manifest.source_path)) {
    std::string bytes;
    if (!read_file(file, bytes)) return make_error(file.string() + ": cannot read the file");
    feed_text(file.lexically_relative(folder).generic_string());
    feed_text(bytes);
  }
  return hasher.digest();
}

std::vector<std::byte> serialize_relic(const RelicChunks& relic) {
  Writer w;
  w.pod(kEntryMagic);
  w.records(relic.materials);
  w.records(relic.instances);
  w.pod(uint32_t(relic.meshes.size()));
  for (const auto& mesh : relic.meshes) w.bytes(mesh);
  w.records(relic.texture_jobs);
  w.pod(uint32_t(relic.textures.size()));
  for (const BuiltTexture& t : relic.textures) {
    w.pod(uint32_t(t.chunk.compression));
    w.pod(t.chunk.raw_size);
    w.bytes(t.chunk.bytes);
    w.text(t.stats.source);
    w.pod(t.stats.format);
    w.pod(t.stats.width);
    w.pod(t.stats.height);
    w.pod(t.stats.rgba8_bytes);
    w.pod(t.stats.stored_bytes);
  }
  w.bytes(relic.skeleton);
  w.pod(uint32_t(relic.animations.size()));
  for (const auto& animation : relic.animations) w.bytes(animation);
  w.pod(relic.bounds.min);
  w.pod(relic.bounds.max);
  w.pod(relic.vertices);
  w.pod(uint32_t(relic.warnings.size()));
  for (const std::string& warning : relic.warnings) w.text(warning);
  w.pod(hash_bytes(w.out));
  return std::move(w.out);
}

std::optional<RelicChunks> deserialize_relic(std::span<const std::byte> bytes) {
  if (bytes.size() < sizeof(kEntryMagic) + sizeof(uint64_t)) return std::nullopt;
  uint64_t stored_hash = 0;
  std::memcpy(&stored_hash, bytes.data() + bytes.size() - sizeof stored_hash, sizeof stored_hash);
  const auto body = bytes.first(bytes.size() - sizeof stored_hash);
  if (hash_bytes(body) != stored_hash || std::memcmp(body.data(), kEntryMagic, sizeof kEntryMagic) != 0) {
    return std::nullopt;
  }
  Reader r(body.subspan(sizeof kEntryMagic));
  RelicChunks relic;
  constexpr uint32_t kLimit = 1u << 20;
  uint32_t count = 0;
  if (!r.records(relic.materials) || !r.records(relic.instances) || !r.count(count, kLimit)) return std::nullopt;
  relic.meshes.resize(count);
  for (auto& mesh : relic.meshes) {
    if (!r.bytes(mesh)) return std::nullopt;
  }
  if (!r.records(relic.texture_jobs) || !r.count(count, kLimit)) return std::nullopt;
  relic.textures.resize(count);
  for (BuiltTexture& t : relic.textures) {
    uint32_t compression = 0;
    if (!r.pod(compression) || compression > uint32_t(pack::Compression::Zstd) || !r.pod(t.chunk.raw_size) ||
        !r.bytes(t.chunk.bytes) || !r.text(t.stats.source) || !r.pod(t.stats.format) || !r.pod(t.stats.width) ||
        !r.pod(t.stats.height) || !r.pod(t.stats.rgba8_bytes) || !r.pod(t.stats.stored_bytes)) {
      return std::nullopt;
    }
    t.chunk.compression = pack::Compression(compression);
  }
  if (!r.bytes(relic.skeleton) || !r.count(count, kLimit)) return std::nullopt;
  relic.animations.resize(count);
  for (auto& animation : relic.animations) {
    if (!r.bytes(animation)) return std::nullopt;
  }
  if (!r.pod(relic.bounds.min) || !r.pod(relic.bounds.max) || !r.pod(relic.vertices) || !r.count(count, kLimit)) {
    return std::nullopt;
  }
  relic.warnings.resize(count);
  for (std::string& warning : relic.warnings) {
    if (!r.text(warning)) return std::nullopt;
  }
  if (!r.done()) return std::nullopt;
  return relic;
}

std::filesystem::path RelicCache::entry(uint64_t key) const { return folder_ / fmt::format("{:016x}.relic", key); }

std::optional<RelicChunks> RelicCache::load(uint64_t key) const {
  std::error_code error;
  if (!std::filesystem::is_regular_file(entry(key), error)) return std::nullopt;
  auto mapped = MappedFile::open(entry(key));
  if (!mapped) return std::nullopt;
  return deserialize_relic(mapped->bytes());
}

Status RelicCache::store(uint64_t key, const RelicChunks& relic) const {
  std::error_code error;
  std::filesystem::create_directories(folder_, error);
  if (error) return make_error(folder_.string() + ": cannot create the cache folder: " + error.message());
  const std::vector<std::byte> bytes = serialize_relic(relic);
  return write_file_atomically(entry(key), bytes);
}

}  // namespace liyuan::packer
