// The packed Fox through the real liyuan-pack: what the SKEL and ANIM chunks hold, the relic's size in every pose,
// and corrupt skeletons and clips rejected with the chunk named.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>

#include "../assets/pack_fixture.h"
#include "anim/animation_set.h"
#include "anim/pose.h"
#include "assets/pack_contents.h"
#include "assets/vertex_format.h"
#include "support/test_support.h"

namespace liyuan::anim {
namespace {

std::filesystem::path fox_model() { return test::data_dir() / "models/Fox/glTF-Binary/Fox.glb"; }

// Packs ARGS' input once per name into the test output folder.
std::filesystem::path packed(const std::string& name, const std::vector<std::string>& input) {
  const std::filesystem::path out = test::output_dir() / "anim" / (name + ".lypak");
  std::filesystem::create_directories(out.parent_path());
  std::vector<std::string> args{"pack"};
  args.insert(args.end(), input.begin(), input.end());
  args.insert(args.end(), {"-o", out.string(), "--no-cache", "-q"});
  const test::CommandResult result = test::run_command(test::pack_exe(), args);
  EXPECT_EQ(result.exit_code, 0) << result.output;
  return out;
}

const std::filesystem::path& fox_pack() {
  static const std::filesystem::path path = packed("fox", {fox_model().string()});
  return path;
}

struct Loaded {
  std::unique_ptr<PackReader> reader;
  PackContents contents;
};

Loaded load(const std::filesystem::path& path) {
  Loaded loaded;
  auto reader = PackReader::open(path);
  EXPECT_TRUE(reader) << reader.error().to_string();
  if (!reader) return loaded;
  loaded.reader = std::make_unique<PackReader>(std::move(*reader));
  auto contents = load_pack_contents(*loaded.reader);
  EXPECT_TRUE(contents) << contents.error().to_string();
  if (contents) loaded.contents = std::move(*contents);
  return loaded;
}

TEST(FoxPack, HoldsTheSkinAndThreeClips) {
  Loaded fox = load(fox_pack());
  ASSERT_EQ(fox.contents.skeletons.size(), 1u);
  const SkeletonChunk& skeleton = fox.contents.skeletons[0];
  ASSERT_EQ(skeleton.skins.size(), 1u);
  EXPECT_EQ(skeleton.skins[0].joint_count, 24u);
  EXPECT_EQ(skeleton.skins[0].mesh, 0u);
  EXPECT_TRUE(fox.contents.meshes[0].header->flags & pack::kMeshSkinned);
  EXPECT_EQ(fox.contents.meshes[0].header->skin_format, pack::kSkinFormatJoints8);
  EXPECT_EQ(skeleton.node_name(skeleton.joints[0]), "_rootJoint");
  ASSERT_EQ(fox.contents.animations.size(), 3u);
  const char* names[] = {"Survey", "Walk", "Run"};
  const float durations[] = {3.41667f, 0.708333f, 1.15833f};
  for (size_t a = 0; a < 3; ++a) {
    EXPECT_EQ(fox.contents.animations[a].name, names[a]);
    EXPECT_NEAR(fox.contents.animations[a].header->duration, durations[a], 1e-4f);
  }
  // Every vertex's weights sum to one and its joints are in the skin.
  const pack::MeshHeader& header = *fox.contents.meshes[0].header;
  std::vector<pack::SkinVertex16> skin(header.vertex_count);
  ASSERT_TRUE(decode_skin(fox.contents.meshes[0], skin));
  for (const pack::SkinVertex16& v : skin) {
    EXPECT_EQ(v.weights[0] + v.weights[1] + v.weights[2] + v.weights[3], 255);
    for (uint16_t j : v.joints) EXPECT_LT(j, 24u);
  }
}

// The posed relic's vertices in relic space: CPU skinning with the palette, exactly as pbr_skinned.vert does it.
Aabb posed_box(const PackContents& contents, const std::vector<PosedInstance>& posed, const std::vector<mat4>& palette,
               uint32_t first_instance) {
  Aabb box;
  for (size_t i = 0; i < posed.size(); ++i) {
    const uint32_t mesh_index = contents.instances[first_instance + i].mesh;
    const MeshChunk& mesh = contents.meshes[mesh_index];
    std::vector<pack::PackedVertex> vertices(mesh.header->vertex_count);
    std::vector<pack::SkinVertex16> skin(mesh.header->vertex_count);
    EXPECT_TRUE(decode_vertices(mesh, vertices));
    EXPECT_TRUE(decode_skin(mesh, skin));
    EXPECT_GE(posed[i].palette_offset, 0);
    for (size_t v = 0; v < vertices.size(); ++v) {
      const vec4 q(vertex::unorm16(vertices[v].position[0]), vertex::unorm16(vertices[v].position[1]),
                   vertex::unorm16(vertices[v].position[2]), 1.0f);
      mat4 blended(0.0f);
      for (int k = 0; k < 4; ++k)
        blended += float(skin[v].weights[k]) / 255.0f * palette[size_t(posed[i].palette_offset) + skin[v].joints[k]];
      box.expand(vec3(posed[i].relic_from_mesh * blended * q));
    }
  }
  return box;
}

TEST(FoxRelic, StandsOnTheFloorAtItsManifestHeightInEveryPose) {
  const std::filesystem::path manifest = test::data_dir() / "exhibitions/gallery/relics/fox.yaml";
  Loaded fox = load(packed("fox-relic", {manifest.string()}));
  ASSERT_EQ(fox.contents.relics.size(), 1u);
  const pack::RelicRecord& relic = fox.contents.relics[0];
  EXPECT_EQ(relic.skeleton, 0);
  EXPECT_EQ(relic.animation_count, 3u);
  auto set = AnimationSet::load(*fox.reader, fox.contents);
  ASSERT_TRUE(set) << set.error().to_string();
  for (const char* clip : {"Survey", "Walk", "Run"}) {
    for (double t : {0.0, 0.3, 0.7, 2.0}) {
      std::vector<mat4> palette;
      auto posed = pose_relic(*set, relic, clip, t, true, palette);
      ASSERT_TRUE(posed) << posed.error().to_string();
      ASSERT_EQ(posed->size(), relic.instance_count);
      EXPECT_EQ(palette.size(), 24u);
      const Aabb box = posed_box(fox.contents, *posed, palette, relic.first_instance);
      EXPECT_NEAR(box.extent().y, 0.45f, 0.07f) << clip << " at " << t;
      EXPECT_NEAR(box.min.y, 0.0f, 0.05f) << clip << " at " << t << ": the fox must stand on the floor";
      EXPECT_LT(std::abs(box.center().x), 0.2f);
    }
  }
  std::vector<mat4> palette;
  auto unknown = pose_relic(*set, relic, "Jump", 0.0, true, palette);
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("relic 'fox' has no clip 'Jump' (its clips: Survey, Walk, Run)"),
            std::string::npos)
      << unknown.error().message;
}

TEST(FoxPack, PosesDifferOverTimeAndLoop) {
  Loaded fox = load(fox_pack());
  auto set = AnimationSet::load(*fox.reader, fox.contents);
  ASSERT_TRUE(set) << set.error().to_string();
  std::vector<mat4> a, b, c;
  ASSERT_TRUE(pose_pack(*set, "Walk", 0.2, true, a));
  ASSERT_TRUE(pose_pack(*set, "Walk", 0.6, true, b));
  ASSERT_TRUE(pose_pack(*set, "Walk", 0.2 + 0.708333, true, c));
  float ab = 0.0f, ac = 0.0f;
  for (size_t j = 0; j < a.size(); ++j)
    for (int k = 0; k < 4; ++k) ab += glm::length(a[j][k] - b[j][k]), ac += glm::length(a[j][k] - c[j][k]);
  EXPECT_GT(ab, 1.0f);
  EXPECT_LT(ac, 1e-2f * ab) << "one period later the pose repeats";
}

// Corruption: the pack's bytes with one field changed, resealed so that only the structural checks can catch it.
class CorruptFox : public ::testing::Test {
 protected:
  void SetUp() override {
    original_ = test::read_bytes(fox_pack());
    bytes_ = original_;
    folder_ = test::output_dir();  // (output_dir() starts the test's folder afresh: call it once)
  }
  void reset() { bytes_ = original_; }
  // The INDEX-th chunk of TYPE's payload offset in the file.
  uint64_t chunk_offset(pack::ChunkType type, uint32_t index) {
    for (const pack::ChunkEntry& e : test::toc_of(bytes_))
      if (e.type == uint32_t(type) && e.index == index) {
        EXPECT_EQ(e.compression, uint32_t(pack::Compression::None));
        return e.offset;
      }
    ADD_FAILURE() << "no such chunk";
    return 0;
  }
  template <typename T>
  T read(uint64_t at) {
    T value;
    std::memcpy(&value, bytes_.data() + at, sizeof value);
    return value;
  }
  template <typename T>
  void write(uint64_t at, const T& value) {
    std::memcpy(bytes_.data() + at, &value, sizeof value);
  }
  // Loads the damaged pack: it must fail, naming CHUNK and saying WHAT.
  void expect_rejected(const std::string& chunk, const std::string& what) {
    test::reseal(bytes_);
    const std::filesystem::path path = folder_ / ("corrupt-" + std::to_string(++written_) + ".lypak");
    test::write_bytes(path, bytes_);
    auto reader = PackReader::open(path);
    ASSERT_TRUE(reader) << reader.error().to_string();
    auto contents = load_pack_contents(*reader);
    ASSERT_FALSE(contents) << "a corrupt " << chunk << " was accepted";
    const std::string message = contents.error().to_string();
    EXPECT_NE(message.find("chunk " + chunk), std::string::npos) << message;
    EXPECT_NE(message.find(what), std::string::npos) << message;
  }
  std::vector<std::byte> original_, bytes_;
  std::filesystem::path folder_;
  int written_ = 0;
};

TEST_F(CorruptFox, NodeParentAfterItself) {
  const uint64_t skel = chunk_offset(pack::ChunkType::Skeleton, 0);
  const auto header = read<pack::SkeletonHeader>(skel);
  write<int32_t>(skel + header.node_offset + 2 * sizeof(pack::SkeletonNode), 2);
  expect_rejected("SKEL#0", "node 2 has parent 2");
}

TEST_F(CorruptFox, JointNamesNoNode) {
  const uint64_t skel = chunk_offset(pack::ChunkType::Skeleton, 0);
  const auto header = read<pack::SkeletonHeader>(skel);
  write<uint32_t>(skel + header.joint_offset + 4 * 5, 9999);
  expect_rejected("SKEL#0", "joint 5 names node 9999");
}

TEST_F(CorruptFox, NonFiniteInverseBind) {
  const uint64_t skel = chunk_offset(pack::ChunkType::Skeleton, 0);
  const auto header = read<pack::SkeletonHeader>(skel);
  write<float>(skel + header.inverse_bind_offset + 64 * 3 + 8, std::numeric_limits<float>::infinity());
  expect_rejected("SKEL#0", "joint 3 has a non-finite inverse bind matrix");
}

TEST_F(CorruptFox, SkinOnAnUnskinnedMeshOrTooManyJoints) {
  const uint64_t skel = chunk_offset(pack::ChunkType::Skeleton, 0);
  const auto header = read<pack::SkeletonHeader>(skel);
  auto skin = read<pack::SkinRecord>(skel + header.skin_offset);
  skin.joint_count = 30;
  write(skel + header.skin_offset, skin);
  expect_rejected("SKEL#0", "joints");
}

TEST_F(CorruptFox, ClipTimesOutOfOrder) {
  const uint64_t anim = chunk_offset(pack::ChunkType::Animation, 1);
  const auto header = read<pack::AnimationHeader>(anim);
  const auto channel = read<pack::AnimationChannel>(anim + header.channel_offset);
  ASSERT_GE(channel.key_count, 3u);
  write<float>(anim + header.data_offset + 4 * (channel.times + 2), 0.01f);
  expect_rejected("ANIM#1", "not ascending");
}

TEST_F(CorruptFox, ClipChannelOutsideTheSkeletonOrData) {
  const uint64_t anim = chunk_offset(pack::ChunkType::Animation, 0);
  const auto header = read<pack::AnimationHeader>(anim);
  auto channel = read<pack::AnimationChannel>(anim + header.channel_offset + sizeof(pack::AnimationChannel));
  channel.node = 400;
  write(anim + header.channel_offset + sizeof(pack::AnimationChannel), channel);
  expect_rejected("ANIM#0", "channel 1: node 400");
  reset();
  channel = read<pack::AnimationChannel>(anim + header.channel_offset);
  channel.values = header.data_count - 2;
  write(anim + header.channel_offset, channel);
  expect_rejected("ANIM#0", "outside the");
}

TEST_F(CorruptFox, ClipNaNValueAndBadSkeleton) {
  const uint64_t anim = chunk_offset(pack::ChunkType::Animation, 2);
  auto header = read<pack::AnimationHeader>(anim);
  const auto channel = read<pack::AnimationChannel>(anim + header.channel_offset);
  write<float>(anim + header.data_offset + 4 * channel.values, std::nanf(""));
  expect_rejected("ANIM#2", "non-finite key values");
  reset();
  header.skeleton = 3;
  write(anim, header);
  expect_rejected("ANIM#2", "names skeleton 3");
}

}  // namespace
}  // namespace liyuan::anim
