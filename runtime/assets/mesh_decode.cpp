// Mesh stream decoding: meshopt or raw streams into caller-owned arrays, with every index range-checked.
#include "assets/pack_contents.h"

#include <fmt/format.h>
#include <meshoptimizer.h>

#include <cstring>

namespace liyuan {

Status decode_vertices(const MeshChunk& mesh, std::span<pack::PackedVertex> out) {
  if (!mesh.header) return make_error("vertex stream: mesh has no header");
  const pack::MeshHeader& h = *mesh.header;
  if (out.size() != h.vertex_count) {
    return make_error(fmt::format("vertex stream: output holds {} vertices, the mesh has {}", out.size(), h.vertex_count));
  }
  if (h.vertex_stride != sizeof(pack::PackedVertex)) {
    return make_error(fmt::format("vertex stream: stride {} is not {}", h.vertex_stride, sizeof(pack::PackedVertex)));
  }
  const auto& in = mesh.vertex_stream;
  switch (static_cast<pack::StreamEncoding>(h.vertex_encoding)) {
    case pack::StreamEncoding::Raw:
      if (in.size() != out.size_bytes()) {
        return make_error(fmt::format("vertex stream: {} raw bytes, expected {}", in.size(), out.size_bytes()));
      }
      if (!out.empty()) std::memcpy(out.data(), in.data(), in.size());
      return {};
    case pack::StreamEncoding::Meshopt: {
      const int rc = meshopt_decodeVertexBuffer(out.data(), out.size(), sizeof(pack::PackedVertex),
                                                reinterpret_cast<const unsigned char*>(in.data()), in.size());
      if (rc != 0) return make_error(fmt::format("vertex stream: meshopt decoding failed (code {})", rc));
      return {};
    }
  }
  return make_error(fmt::format("vertex stream: unknown encoding {}", h.vertex_encoding));
}

Status decode_skin(const MeshChunk& mesh, std::span<pack::SkinVertex16> out) {
  if (!mesh.header) return make_error("skin stream: mesh has no header");
  const pack::MeshHeader& h = *mesh.header;
  if (!(h.flags & pack::kMeshSkinned)) return make_error("skin stream: the mesh is not skinned");
  if (out.size() != h.vertex_count) {
    return make_error(fmt::format("skin stream: output holds {} vertices, the mesh has {}", out.size(), h.vertex_count));
  }
  const uint32_t stride = pack::skin_vertex_size(h.skin_format);
  if (stride == 0) return make_error(fmt::format("skin stream: unknown format {}", h.skin_format));
  // Decoded in place at the start of OUT when it is narrower: SkinVertex8 never outgrows SkinVertex16.
  auto* raw = reinterpret_cast<unsigned char*>(out.data());
  const size_t bytes = size_t(h.vertex_count) * stride;
  const auto& in = mesh.skin_stream;
  switch (static_cast<pack::StreamEncoding>(h.skin_encoding)) {
    case pack::StreamEncoding::Raw:
      if (in.size() != bytes) return make_error(fmt::format("skin stream: {} raw bytes, expected {}", in.size(), bytes));
      if (bytes > 0) std::memcpy(raw, in.data(), bytes);
      break;
    case pack::StreamEncoding::Meshopt: {
      const int rc = meshopt_decodeVertexBuffer(raw, h.vertex_count, stride,
                                                reinterpret_cast<const unsigned char*>(in.data()), in.size());
      if (rc != 0) return make_error(fmt::format("skin stream: meshopt decoding failed (code {})", rc));
      break;
    }
    default: return make_error(fmt::format("skin stream: unknown encoding {}", h.skin_encoding));
  }
  if (h.skin_format == pack::kSkinFormatJoints8) {
    for (size_t v = out.size(); v-- > 0;) {  // back to front: each wide record lies at or after its narrow one
      pack::SkinVertex8 narrow;
      std::memcpy(&narrow, raw + v * sizeof narrow, sizeof narrow);
      pack::SkinVertex16 wide{};
      for (int k = 0; k < 4; ++k) wide.joints[k] = narrow.joints[k], wide.weights[k] = narrow.weights[k];
      std::memcpy(&out[v], &wide, sizeof wide);
    }
  }
  for (size_t v = 0; v < out.size(); ++v) {
    for (int k = 0; k < 4; ++k) {
      if (out[v].joints[k] >= h.joint_count) {
        return make_error(fmt::format("skin stream: vertex {} names joint {}, but the skin has {}", v,
                                      out[v].joints[k], h.joint_count));
      }
    }
  }
  return {};
}

Status decode_indices(const MeshChunk& mesh, std::span<uint32_t> out) {
  if (!mesh.header) return make_error("index stream: mesh has no header");
  const pack::MeshHeader& h = *mesh.header;
  if (out.size() != h.index_count) {
    return make_error(fmt::format("index stream: output holds {} indices, the mesh has {}", out.size(), h.index_count));
  }
  if (h.index_count % 3 != 0) {
    return make_error(fmt::format("index stream: {} indices is not a whole number of triangles", h.index_count));
  }
  const auto& in = mesh.index_stream;
  switch (static_cast<pack::StreamEncoding>(h.index_encoding)) {
    case pack::StreamEncoding::Raw:
      if (in.size() != out.size_bytes()) {
        return make_error(fmt::format("index stream: {} raw bytes, expected {}", in.size(), out.size_bytes()));
      }
      if (!out.empty()) std::memcpy(out.data(), in.data(), in.size());
      break;
    case pack::StreamEncoding::Meshopt: {
      const int rc = meshopt_decodeIndexBuffer(out.data(), out.size(), sizeof(uint32_t),
                                               reinterpret_cast<const unsigned char*>(in.data()), in.size());
      if (rc != 0) return make_error(fmt::format("index stream: meshopt decoding failed (code {})", rc));
      break;
    }
    default: return make_error(fmt::format("index stream: unknown encoding {}", h.index_encoding));
  }
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] >= h.vertex_count) {
      return make_error(fmt::format("index stream: index {} at position {} is out of range (the mesh has {} vertices)",
                                    out[i], i, h.vertex_count));
    }
  }
  return {};
}

}  // namespace liyuan
