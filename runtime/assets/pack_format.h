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
inline constexpr uint32_t kVersion = 2;
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
  Catalogue = fourcc('C', 'A', 'T', 'L'), // CatalogueHeader + records + string table: relic texts (one per pack)
  Relic = fourcc('R', 'E', 'L', 'C'),     // RelicRecord[], one per catalogue relic: its instances, meshes, textures
  Scene = fourcc('S', 'C', 'E', 'N'),     // FileChunkHeader + path + a scene/exhibition file, verbatim (one per file)
  Strings = fourcc('S', 'T', 'R', 'S'),   // FileChunkHeader + path + a string-table file, verbatim (one per file)
  Skeleton = fourcc('S', 'K', 'E', 'L'),  // SkeletonHeader + nodes, skins, joints: one per skinned model or relic
  Animation = fourcc('A', 'N', 'I', 'M'), // AnimationHeader + channels + key data: one per clip
  Audio = fourcc('A', 'U', 'D', 'I'),     // AudioChunkHeader + key + locale + path + a sound file, verbatim (one per file)
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

// The vertex the runtime draws (vertex_format == kVertexFormatQuantized24): 24 bytes, quantised so that it is fetched
// as is (Vulkan dequantises the normalised formats) and meshopt-encoded in the pack.
struct PackedVertex {
  uint16_t position[4];  // R16G16B16A16_UNORM within the mesh bounds: p = bounds_min + q / 65535 * extent; [3] = 0
  int8_t normal[4];      // R8G8B8A8_SNORM unit normal; [3] = 0
  int8_t tangent[4];     // R8G8B8A8_SNORM unit tangent; [3] = +127 or -127, the handedness: bitangent =
                         // cross(normal, tangent) * sign
  uint16_t uv[2];        // R16G16_UNORM within the mesh's UV range: uv = uv_min + q / 65535 * uv_extent; v = 0 is
                         // the first row of the image
  uint8_t color[4];      // R8G8B8A8_UNORM, sRGB-encoded RGB and linear alpha; 255s when the source has no colours
};
static_assert(sizeof(PackedVertex) == 24);
inline constexpr uint32_t kVertexFormatQuantized24 = 2;

enum class StreamEncoding : uint32_t {
  Raw = 0,      // vertices as PackedVertex[], indices as uint32_t[]
  Meshopt = 1,  // meshopt_encodeVertexBuffer / meshopt_encodeIndexBuffer (triangle lists)
};

inline constexpr uint32_t kMaxLods = 8;

// A level of detail: a range of the mesh's index stream over the shared vertices, the simplification error it
// carries (the largest deviation from the full-detail surface, in mesh units; 0 for level 0), and the box around the
// vertices it uses. Levels are ordered from full detail to coarsest; errors never decrease.
struct LodRecord {
  uint32_t first_index;
  uint32_t index_count;
  float error;
  uint32_t reserved;
  float bounds_min[3];
  float bounds_max[3];
};
static_assert(sizeof(LodRecord) == 40);

// MeshHeader::flags
inline constexpr uint32_t kMeshHasVertexColors = 1u << 0;
inline constexpr uint32_t kMeshSkinned = 1u << 1;  // a skin stream follows (skin_*), and a SKEL skin names the mesh

// The skin stream of a skinned mesh (MeshHeader::skin_format), one per vertex in the vertex stream's order: four
// joints (indices into the skin's joint list, < MeshHeader::joint_count) and their weights (unorm8, summing to 255;
// unused slots have weight 0 and joint 0).
struct SkinVertex8 {
  uint8_t joints[4];
  uint8_t weights[4];
};
static_assert(sizeof(SkinVertex8) == 8);
struct SkinVertex16 {  // for skins of more than 256 joints
  uint16_t joints[4];
  uint8_t weights[4];
};
static_assert(sizeof(SkinVertex16) == 12);
inline constexpr uint32_t kSkinFormatJoints8 = 1;   // SkinVertex8
inline constexpr uint32_t kSkinFormatJoints16 = 2;  // SkinVertex16
inline constexpr uint32_t skin_vertex_size(uint32_t skin_format) {
  return skin_format == kSkinFormatJoints8 ? 8 : skin_format == kSkinFormatJoints16 ? 12 : 0;
}

// Starts a MESH chunk. Stream offsets are relative to the start of the chunk payload (this header).
struct MeshHeader {
  uint32_t vertex_count;
  uint32_t index_count;      // all LODs together
  uint32_t vertex_format;    // kVertexFormatQuantized24
  uint32_t vertex_stride;    // sizeof(PackedVertex)
  uint32_t material;         // MATL record index
  uint32_t lod_count;        // 1..kMaxLods
  uint32_t vertex_encoding;  // StreamEncoding
  uint32_t index_encoding;   // StreamEncoding
  float bounds_min[3];       // mesh space; also the position quantisation box
  float bounds_max[3];
  float uv_min[2];           // the UV quantisation range
  float uv_extent[2];
  uint32_t flags;            // kMesh* bits
  uint32_t joint_count;      // kMeshSkinned: joints of the skin that names this mesh (skin stream joints are below it)
  uint64_t vertex_offset;
  uint64_t vertex_size;      // encoded bytes
  uint64_t index_offset;
  uint64_t index_size;       // encoded bytes
  LodRecord lods[kMaxLods];  // lod_count of them used, the rest zero
  uint32_t skin_format;      // kMeshSkinned: kSkinFormatJoints8 or kSkinFormatJoints16; else 0
  uint32_t skin_encoding;    // StreamEncoding (Meshopt: the vertex codec at skin_vertex_size(skin_format) bytes)
  uint64_t skin_offset;      // 16-byte aligned, after the index stream; 0 when not skinned
  uint64_t skin_size;        // encoded bytes
};
static_assert(sizeof(MeshHeader) == 456);

// Texel formats. Block-compressed formats are stored as the GPU samples them (no transcoding): BC for desktop GPUs,
// ASTC for standalone headsets. Normal maps in two-channel formats (Bc5Unorm; ASTC normals are encoded R=x, G=y,
// B=0, A=1) carry x, y only: shaders read .rg and reconstruct z = sqrt(1 - x^2 - y^2) for every normal texture.
enum class TextureFormat : uint32_t {
  Rgba8Srgb = 1,      // VK_FORMAT_R8G8B8A8_SRGB
  Rgba8Unorm = 2,     // VK_FORMAT_R8G8B8A8_UNORM
  Bc1Srgb = 16,       // VK_FORMAT_BC1_RGB_SRGB_BLOCK: opaque colour, 8 bytes per 4x4 block
  Bc1Unorm = 17,      // VK_FORMAT_BC1_RGB_UNORM_BLOCK: metallic-roughness / occlusion
  Bc3Srgb = 18,       // VK_FORMAT_BC3_SRGB_BLOCK: colour with alpha, 16 bytes per block
  Bc4Unorm = 19,      // VK_FORMAT_BC4_UNORM_BLOCK: one channel (occlusion alone), 8 bytes per block
  Bc5Unorm = 20,      // VK_FORMAT_BC5_UNORM_BLOCK: normal x, y; 16 bytes per block
  Astc4x4Srgb = 32,   // VK_FORMAT_ASTC_4x4_SRGB_BLOCK
  Astc4x4Unorm = 33,  // VK_FORMAT_ASTC_4x4_UNORM_BLOCK: normals (x, y, 0, 1)
  Astc6x6Srgb = 34,   // VK_FORMAT_ASTC_6x6_SRGB_BLOCK: colour (with or without alpha)
  Astc6x6Unorm = 35,  // VK_FORMAT_ASTC_6x6_UNORM_BLOCK: metallic-roughness / occlusion
};

// The storage unit of a texture format: a block of block_width x block_height texels in block_bytes (1x1 and 4 bytes
// for RGBA8). A level of W x H texels takes ceil(W / bw) * ceil(H / bh) blocks: a 2x2 or 1x1 level is still one
// block. All zeros for a value that is not a TextureFormat.
struct TextureBlock {
  uint32_t block_width;
  uint32_t block_height;
  uint32_t block_bytes;
  bool srgb;
};
constexpr TextureBlock texture_block(uint32_t format) {
  switch (static_cast<TextureFormat>(format)) {
    case TextureFormat::Rgba8Srgb: return {1, 1, 4, true};
    case TextureFormat::Rgba8Unorm: return {1, 1, 4, false};
    case TextureFormat::Bc1Srgb: return {4, 4, 8, true};
    case TextureFormat::Bc1Unorm: return {4, 4, 8, false};
    case TextureFormat::Bc3Srgb: return {4, 4, 16, true};
    case TextureFormat::Bc4Unorm: return {4, 4, 8, false};
    case TextureFormat::Bc5Unorm: return {4, 4, 16, false};
    case TextureFormat::Astc4x4Srgb: return {4, 4, 16, true};
    case TextureFormat::Astc4x4Unorm: return {4, 4, 16, false};
    case TextureFormat::Astc6x6Srgb: return {6, 6, 16, true};
    case TextureFormat::Astc6x6Unorm: return {6, 6, 16, false};
  }
  return {0, 0, 0, false};
}

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

// --- Relic catalogue (CATL), read in place. All offsets are from the start of the chunk payload. ---

// A string in the catalogue's string table: SIZE bytes of UTF-8 at OFFSET (followed by a NUL, not counted).
struct StringRef {
  uint32_t offset;  // from the start of the string table
  uint32_t size;
};
static_assert(sizeof(StringRef) == 8);

// Starts a CATL chunk. The arrays and the string table follow in this order, each 8-byte aligned.
struct CatalogueHeader {
  uint32_t relic_count;     // CatalogueRelic records at relic_offset
  uint32_t relic_offset;
  uint32_t text_count;      // CatalogueText records at text_offset
  uint32_t text_offset;
  uint32_t clip_count;      // StringRef records (animation clip names) at clip_offset
  uint32_t clip_offset;
  uint32_t strings_offset;  // the string table: UTF-8, each string followed by a NUL
  uint32_t strings_size;
  uint32_t reserved[8];     // zero
};
static_assert(sizeof(CatalogueHeader) == 64);

// One relic's descriptive record (what a label in a museum says). Texts per locale are a range of CatalogueText.
struct CatalogueRelic {
  StringRef id;          // lowercase slug: [a-z0-9]+(-[a-z0-9]+)*, unique in the pack
  StringRef source;      // the model file as the manifest names it, relative to the manifest
  StringRef inventory;   // museum inventory number ("" when none)
  StringRef provenance;  // ("" when none)
  StringRef credit;
  StringRef licence;
  uint32_t first_text;   // CatalogueText range, sorted by locale tag (bytewise), one per locale
  uint32_t text_count;   // >= 1
  uint32_t first_clip;   // clip-name range (StringRef) the scene may play
  uint32_t clip_count;
  float size[3];         // real-world bounding size in metres after scaling: x width, y height, z depth
  uint32_t reserved;     // zero
};
static_assert(sizeof(CatalogueRelic) == 80);

// A relic's texts in one locale.
struct CatalogueText {
  StringRef locale;       // BCP-47 tag: "zh-Hans", "en", "ar"
  StringRef title;        // non-empty
  StringRef description;  // ("" when none)
  StringRef period;       // dynasty or period ("" when none)
};
static_assert(sizeof(CatalogueText) == 32);

// --- Relic geometry (RELC): record i belongs to catalogue relic i. ---

// Which ranges of the pack-wide arrays one relic owns. Its INST records place its meshes in relic space (metres, Y up,
// front towards +Z, base centred on the origin); a scene places the relic as a whole. Instance records in the range
// name meshes in the relic's mesh range only; meshes name materials in its material range; materials name textures in
// its texture range.
struct RelicRecord {
  uint32_t first_instance;
  uint32_t instance_count;
  uint32_t first_mesh;
  uint32_t mesh_count;
  uint32_t first_material;
  uint32_t material_count;
  uint32_t first_texture;
  uint32_t texture_count;
  float bounds_min[3];  // relic space, metres
  float bounds_max[3];
  int32_t skeleton;          // SKEL chunk index, or -1 when the relic has no skinned meshes
  uint32_t first_animation;  // ANIM chunk range: the relic's clips (they animate its skeleton)
  uint32_t animation_count;
  uint32_t reserved[3];      // zero
};
static_assert(sizeof(RelicRecord) == 80);

// --- Skeletons (SKEL) and animation clips (ANIM), read in place. Offsets are from the start of the chunk payload;
// every section is 16-byte aligned. ---

// Starts a SKEL chunk: a node hierarchy (the joints and their ancestors in the source), the skins binding meshes to
// joints, and the transform that puts the source's space into the pack's (relic space: the importer's units, axes and
// pivot normalisation, and a relic's placement). A skinned mesh's vertices are posed in the source space as
// sum(weight * global(joint) * inverse_bind(joint)) and then placed by root_transform; its INST transform is the bind
// pose (what a renderer without animation draws).
struct SkeletonHeader {
  uint32_t node_count;           // SkeletonNode records at node_offset
  uint32_t node_offset;
  uint32_t skin_count;           // SkinRecord records at skin_offset
  uint32_t skin_offset;
  uint32_t joint_count;          // uint32_t node indices at joint_offset, all skins' joints in skin order
  uint32_t joint_offset;
  uint32_t inverse_bind_offset;  // float[16] per joint (column-major), same order as the joints
  uint32_t strings_offset;       // node names: UTF-8, each followed by a NUL
  uint32_t strings_size;
  uint32_t reserved[3];          // zero
  float root_transform[16];      // column-major: pack (relic) space from the source's space
};
static_assert(sizeof(SkeletonHeader) == 112);

// A node of the hierarchy at rest. Parents come before their children (parent < own index), so one pass in order
// computes every global transform: global = global(parent) * T * R * S.
struct SkeletonNode {
  int32_t parent;        // node index < this one, or -1 for a root
  StringRef name;        // into the chunk's string table (the source node name)
  float translation[3];
  float rotation[4];     // unit quaternion x, y, z, w
  float scale[3];
  uint32_t reserved[3];  // zero
};
static_assert(sizeof(SkeletonNode) == 64);

// One mesh's skin: a range of the chunk's joints (and inverse bind matrices).
struct SkinRecord {
  uint32_t mesh;         // MESH chunk index (flagged kMeshSkinned, with joint_count == this skin's)
  uint32_t first_joint;
  uint32_t joint_count;  // >= 1
  uint32_t reserved;     // zero
};
static_assert(sizeof(SkinRecord) == 16);

enum class AnimationPath : uint32_t { Translation = 0, Rotation = 1, Scale = 2 };
enum class Interpolation : uint32_t { Linear = 0, Step = 1 };

// Starts an ANIM chunk: one clip of one skeleton.
struct AnimationHeader {
  uint32_t skeleton;       // SKEL chunk index
  float duration;          // seconds, >= every key time
  uint32_t channel_count;  // AnimationChannel records at channel_offset
  uint32_t channel_offset;
  uint32_t data_offset;    // float[data_count]: every channel's times and values
  uint32_t data_count;
  uint32_t name_offset;    // the clip's name: UTF-8 (non-empty), followed by a NUL
  uint32_t name_size;
  uint32_t reserved[8];    // zero
};
static_assert(sizeof(AnimationHeader) == 64);

// One animated property of one node. Times are seconds from the clip's start, ascending; values are 3 floats per key
// (translation, scale) or 4 (rotation: unit quaternion x, y, z, w).
struct AnimationChannel {
  uint32_t node;           // SKEL node index
  uint32_t path;           // AnimationPath
  uint32_t interpolation;  // Interpolation
  uint32_t key_count;      // >= 1
  uint32_t times;          // index of the first time in the data array
  uint32_t values;         // index of the first value component in the data array
  uint32_t reserved[2];    // zero
};
static_assert(sizeof(AnimationChannel) == 32);

// --- Files carried verbatim (SCEN, STRS) ---

// Starts a SCEN or STRS chunk: the file's path (path_size bytes of UTF-8 right after this header: relative to the
// exhibition file's folder, '/'-separated, no "." or ".." parts), then its bytes from data_offset to the chunk end.
// SCEN#0 of an exhibition pack is the exhibition file itself.
struct FileChunkHeader {
  uint32_t path_size;
  uint32_t reserved;     // zero
  uint64_t data_offset;  // >= sizeof(FileChunkHeader) + path_size
};
static_assert(sizeof(FileChunkHeader) == 16);

// --- Sound files carried verbatim (AUDI) ---

// How an AUDI chunk's file is encoded (told by its first bytes; the runtime decodes it with libsndfile).
enum class AudioCodec : uint32_t { Wav = 1, Flac = 2, Vorbis = 3, Opus = 4 };

// Starts an AUDI chunk: the sound's key (the clip key of the exhibition's `sounds:` table), its locale ("" when the
// file is the same in every locale), the source file's path (relative to the exhibition file's folder, for
// messages), each right after the other after this header as UTF-8, then the file's bytes, exactly as authored (still
// compressed as the source is), from data_offset to the chunk end. Stored uncompressed so it is read in place.
struct AudioChunkHeader {
  uint32_t key_size;     // > 0
  uint32_t locale_size;
  uint32_t path_size;    // > 0
  uint32_t codec;        // AudioCodec
  uint64_t data_offset;  // >= sizeof(AudioChunkHeader) + key_size + locale_size + path_size
};
static_assert(sizeof(AudioChunkHeader) == 24);

// "MESH" for ChunkType::Mesh, used in messages and by `liyuan-pack inspect`.
inline const char* chunk_type_name(uint32_t type) {
  switch (static_cast<ChunkType>(type)) {
    case ChunkType::Meta: return "META";
    case ChunkType::Material: return "MATL";
    case ChunkType::Instance: return "INST";
    case ChunkType::Mesh: return "MESH";
    case ChunkType::Texture: return "TEXR";
    case ChunkType::Catalogue: return "CATL";
    case ChunkType::Relic: return "RELC";
    case ChunkType::Scene: return "SCEN";
    case ChunkType::Strings: return "STRS";
    case ChunkType::Skeleton: return "SKEL";
    case ChunkType::Animation: return "ANIM";
    case ChunkType::Audio: return "AUDI";
  }
  return "????";
}

}  // namespace liyuan::pack
