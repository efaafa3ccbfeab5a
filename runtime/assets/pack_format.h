// The .lypak file format, shared by the content tool (writer) and the runtime (reader). See docs/pack-format.md.
//
// Layout (little-endian, every chunk aligned to kChunkAlignment so it can be read in place from an mmap):
//   FileHeader (64 bytes) | chunk payloads ... | table of contents (ChunkEntry[chunk_count])
// Each ChunkEntry names a typed chunk and carries the XXH3-64 of its stored bytes; the header carries the XXH3-64 of
// the table of contents, so one flipped bit anywhere is detected and attributed to a chunk (or to the header/TOC).
// Structs here are plain data with fixed sizes (static_asserts below): changing one means bumping kVersion.
#pragma once

#include <cstddef>
#include <cstdint>

namespace liyuan::pack {

inline constexpr char kMagic[8] = {'L', 'Y', 'P', 'A', 'K', '\r', '\n', '\x1a'};
inline constexpr uint32_t kVersion = 1;
inline constexpr uint64_t kChunkAlignment = 64;

// Four-character chunk type codes, readable in a hex dump.
constexpr uint32_t fourcc(char a, char b, char c, char d) {
  return uint32_t(uint8_t(a)) | uint32_t(uint8_t(b)) << 8 | uint32_t(uint8_t(c)) << 16 | uint32_t(uint8_t(d)) << 24;
}

enum class ChunkType : uint32_t {
  Meta = fourcc('M', 'E', 'T', 'A'),      // UTF-8 JSON: generator, source file names, title (one per pack)
  Material = fourcc('M', 'A', 'T', 'L'),  // MaterialRecord[] (one per pack)
  Instance = fourcc('I', 'N', 'S', 'T'),  // InstanceRecord[] (one per pack): which mesh stands where
  Mesh = fourcc('M', 'E', 'S', 'H'),      // MeshHeader + encoded vertex and index streams (one per mesh)
  Texture = fourcc('T', 'E', 'X', 'R'),   // TextureHeader + mip levels, largest first (one per texture)
};

enum class Compression : uint32_t { None = 0, Zstd = 1 };

struct FileHeader {
  char magic[8];           // kMagic
  uint32_t version;        // kVersion
  uint32_t chunk_count;    // entries in the table of contents
  uint64_t toc_offset;     // byte offset of ChunkEntry[chunk_count]
  uint64_t toc_checksum;   // XXH3-64 of the table of contents bytes
  uint64_t file_size;      // total file size, to detect truncation before reading anything else
  uint64_t header_checksum;  // XXH3-64 of this struct's first 40 bytes (magic .. file_size)
  uint8_t reserved[16];    // zero
};
static_assert(sizeof(FileHeader) == 64);

struct ChunkEntry {
  uint32_t type;         // ChunkType
  uint32_t index;        // 0-based index among chunks of the same type (MESH#3 is mesh 3)
  uint64_t offset;       // from the start of the file; a multiple of kChunkAlignment
  uint64_t size;         // stored bytes
  uint64_t raw_size;     // bytes after decompression (== size when compression is None)
  uint32_t compression;  // Compression
  uint32_t reserved;     // zero
  uint64_t checksum;     // XXH3-64 of the stored bytes
};
static_assert(sizeof(ChunkEntry) == 48);

enum class AlphaMode : uint32_t { Opaque = 0, Mask = 1, Blend = 2 };

inline constexpr int32_t kNoTexture = -1;

// glTF 2.0 metallic-roughness material. Texture fields index TEXR chunks, or kNoTexture.
struct MaterialRecord {
  float base_color_factor[4];  // linear RGBA
  float emissive_factor[3];    // linear RGB
  float metallic_factor;
  float roughness_factor;
  float normal_scale;
  float occlusion_strength;
  float alpha_cutoff;          // for AlphaMode::Mask
  uint32_t alpha_mode;         // AlphaMode
  uint32_t double_sided;       // 0 or 1
  int32_t base_color_texture;          // sRGB RGBA
  int32_t metallic_roughness_texture;  // linear; G = roughness, B = metallic (glTF convention)
  int32_t normal_texture;              // linear tangent-space normal in RGB
  int32_t occlusion_texture;           // linear; R = occlusion
  int32_t emissive_texture;            // sRGB RGB
  uint32_t reserved;
};
static_assert(sizeof(MaterialRecord) == 80);

// One placement of a mesh. Transforms are column-major 4x4, metres, Y up.
struct InstanceRecord {
  float world_from_mesh[16];
  uint32_t mesh;  // MESH chunk index
  uint32_t reserved[3];
};
static_assert(sizeof(InstanceRecord) == 80);

// The vertex the runtime draws (vertex_format == kVertexFormatFloat48).
struct PackedVertex {
  float position[3];
  float normal[3];
  float uv[2];       // top-left origin: v = 0 is the first row of the image
  float tangent[4];  // xyz tangent, w = handedness (+1 or -1); bitangent = cross(normal, tangent) * w
};
static_assert(sizeof(PackedVertex) == 48);
inline constexpr uint32_t kVertexFormatFloat48 = 1;

enum class StreamEncoding : uint32_t {
  Raw = 0,      // vertices as PackedVertex[], indices as uint32_t[]
  Meshopt = 1,  // meshopt_encodeVertexBuffer / meshopt_encodeIndexBuffer (triangle lists)
};

inline constexpr uint32_t kMaxLods = 8;

// A level of detail: a range of the mesh's index stream, and the simplification error that range carries
// (relative to the mesh's bounding-box diagonal; 0 for the full-detail level).
struct LodRecord {
  uint32_t first_index;
  uint32_t index_count;
  float error;
  uint32_t reserved;
};
static_assert(sizeof(LodRecord) == 16);

// Starts a MESH chunk. Stream offsets are relative to the start of the chunk payload (this header).
struct MeshHeader {
  uint32_t vertex_count;
  uint32_t index_count;      // all LODs together
  uint32_t vertex_format;    // kVertexFormatFloat48
  uint32_t vertex_stride;    // sizeof(PackedVertex)
  uint32_t material;         // MATL record index
  uint32_t lod_count;        // 1..kMaxLods
  uint32_t vertex_encoding;  // StreamEncoding
  uint32_t index_encoding;   // StreamEncoding
  float bounds_min[3];       // mesh space
  float bounds_max[3];
  uint64_t vertex_offset;
  uint64_t vertex_size;      // encoded bytes
  uint64_t index_offset;
  uint64_t index_size;       // encoded bytes
  LodRecord lods[kMaxLods];
  uint32_t reserved[10];     // zero; pads the header to 256 bytes
};
static_assert(sizeof(MeshHeader) == 256);

enum class TextureFormat : uint32_t {
  Rgba8Srgb = 1,   // VK_FORMAT_R8G8B8A8_SRGB
  Rgba8Unorm = 2,  // VK_FORMAT_R8G8B8A8_UNORM
};

inline constexpr uint32_t kMaxMips = 16;

// Starts a TEXR chunk. Mip offsets are relative to the start of the chunk payload (this header); level 0 is largest.
struct TextureHeader {
  uint32_t width;
  uint32_t height;
  uint32_t mip_count;  // 1..kMaxMips, a full chain down to 1x1
  uint32_t format;     // TextureFormat
  uint64_t mip_offset[kMaxMips];
  uint64_t mip_size[kMaxMips];
};
static_assert(sizeof(TextureHeader) == 272);

// "MESH" for ChunkType::Mesh, used in messages and by `liyuan-pack inspect`.
inline const char* chunk_type_name(uint32_t type) {
  switch (static_cast<ChunkType>(type)) {
    case ChunkType::Meta: return "META";
    case ChunkType::Material: return "MATL";
    case ChunkType::Instance: return "INST";
    case ChunkType::Mesh: return "MESH";
    case ChunkType::Texture: return "TEXR";
  }
  return "????";
}

}  // namespace liyuan::pack
