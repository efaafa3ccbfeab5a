// The gpu layer on a real Vulkan device (lavapipe in CI) with validation on; every test ends with zero messages.
#include <gtest/gtest.h>

#include <cstring>

#include "gpu/barriers.h"
#include "gpu/buffer.h"
#include "gpu/commands.h"
#include "gpu/gpu.h"
#include "gpu/image.h"
#include "gpu/pipeline_cache.h"
#include "gpu/upload.h"
#include "render/renderer.h"
#include "support/test_support.h"

namespace liyuan::gpu {
namespace {

class GpuTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ContextDesc desc;
    desc.validation = true;
    auto context = create_context(desc);
    ASSERT_TRUE(context) << context.error().to_string();
    report_ = (*context)->validation_report;
    auto gpu = create_gpu(std::move(*context));
    ASSERT_TRUE(gpu) << gpu.error().to_string();
    gpu_ = std::move(*gpu);
  }
  void TearDown() override {
    gpu_.reset();
    if (report_) {
      EXPECT_EQ(report_->total(), 0u) << "the validation layer reported messages (see the log above)";
    }
  }
  std::unique_ptr<Gpu> gpu_;
  std::shared_ptr<ValidationReport> report_;
};

TEST_F(GpuTest, ValidationIsOnWithSynchronisationValidation) { EXPECT_TRUE(gpu_->context->validation); }

TEST_F(GpuTest, ManyBuffersShareFewMemoryBlocks) {
  std::vector<Buffer> buffers;
  for (int i = 0; i < 200; ++i) {
    auto buffer = create_buffer(*gpu_, 4096 + i * 16, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, MemoryUsage::GpuOnly);
    ASSERT_TRUE(buffer) << buffer.error().to_string();
    buffers.push_back(*buffer);
  }
  MemoryStats stats = gpu_->memory->stats();
  EXPECT_EQ(stats.allocations, 200u);
  EXPECT_LE(stats.blocks, 2u) << "buffers must be sub-allocated, not one allocation each";
  // No two live buffers overlap in the same memory.
  for (size_t i = 0; i < buffers.size(); ++i)
    for (size_t j = i + 1; j < buffers.size(); ++j) {
      const Allocation& a = buffers[i].memory;
      const Allocation& b = buffers[j].memory;
      if (a.memory != b.memory) continue;
      EXPECT_TRUE(a.offset + a.size <= b.offset || b.offset + b.size <= a.offset) << i << " overlaps " << j;
    }
  for (Buffer& buffer : buffers) destroy_buffer(*gpu_, buffer);
  EXPECT_EQ(gpu_->memory->stats().allocations, 0u);
  EXPECT_EQ(gpu_->memory->stats().used_bytes, 0u);
}

TEST_F(GpuTest, FreedRangesAreReusedAndCoalesced) {
  auto a = create_buffer(*gpu_, 1 << 20, VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUsage::GpuOnly);
  auto b = create_buffer(*gpu_, 1 << 20, VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUsage::GpuOnly);
  ASSERT_TRUE(a && b);
  VkDeviceSize first_offset = a->memory.offset;
  destroy_buffer(*gpu_, *a);
  destroy_buffer(*gpu_, *b);
  // After both are freed the block is one free range again: a buffer twice the size fits at the start.
  auto c = create_buffer(*gpu_, 2 << 20, VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUsage::GpuOnly);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->memory.offset, first_offset);
  EXPECT_EQ(gpu_->memory->stats().blocks, 1u);
  destroy_buffer(*gpu_, *c);
}

TEST_F(GpuTest, StagingUploadReachesTheBuffer) {
  auto target = create_buffer(*gpu_, 1024, VK_BUFFER_USAGE_TRANSFER_DST_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT,
                              MemoryUsage::GpuOnly);
  auto readback = create_buffer(*gpu_, 1024, VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUsage::Readback);
  ASSERT_TRUE(target && readback);
  {
    Uploader uploader(*gpu_);
    Status s = uploader.upload_buffer(*target, 0, 1024, [](std::span<std::byte> out) {
      for (size_t i = 0; i < out.size(); ++i) out[i] = std::byte(i * 7);
      return Status{};
    });
    ASSERT_TRUE(s) << s.error().to_string();
    ASSERT_TRUE(uploader.flush());
  }
  auto commands = begin_commands(*gpu_);
  ASSERT_TRUE(commands);
  VkBufferCopy region{0, 0, 1024};
  vkCmdCopyBuffer(*commands, target->handle, readback->handle, 1, &region);
  copies_to_host_barrier(*commands);
  ASSERT_TRUE(submit_and_wait(*gpu_, *commands));
  const auto* bytes = static_cast<const uint8_t*>(readback->mapped());
  for (size_t i = 0; i < 1024; ++i) ASSERT_EQ(bytes[i], uint8_t(i * 7)) << "at byte " << i;
  destroy_buffer(*gpu_, *target);
  destroy_buffer(*gpu_, *readback);
}

TEST_F(GpuTest, MipChainUploadsEveryLevel) {
  ImageDesc desc;
  desc.format = VK_FORMAT_R8G8B8A8_UNORM;
  desc.width = 64;
  desc.height = 16;
  desc.mip_levels = full_mip_count(64, 16);
  desc.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
  EXPECT_EQ(desc.mip_levels, 7u);
  auto image = create_image(*gpu_, desc);
  ASSERT_TRUE(image) << image.error().to_string();
  std::vector<std::vector<std::byte>> levels;
  std::vector<std::span<const std::byte>> views;
  for (uint32_t level = 0; level < desc.mip_levels; ++level)
    levels.emplace_back(size_t(std::max(1u, 64u >> level)) * std::max(1u, 16u >> level) * 4, std::byte(level));
  for (auto& level : levels) views.emplace_back(level);
  Uploader uploader(*gpu_);
  ASSERT_TRUE(uploader.upload_image(*image, views));
  ASSERT_TRUE(uploader.flush());
  destroy_image(*gpu_, *image);
}

std::vector<std::byte> read_bytes(const std::filesystem::path& path) {
  std::vector<std::byte> bytes(std::filesystem::file_size(path));
  std::FILE* f = std::fopen(path.c_str(), "rb");
  size_t n = std::fread(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
  bytes.resize(n);
  return bytes;
}

// Lavapipe keeps no pipeline binaries (its cache data is the bare 32-byte header), so what can be checked on every
// device is the file itself: written on shutdown, stamped with this device, and refused when foreign or tampered.
TEST_F(GpuTest, PipelineCacheIsSavedOnShutdownWithThisDevicesHeader) {
  std::filesystem::path path = liyuan::test::output_dir() / "cache" / "pipelines.bin";
  {
    auto renderer = render::Renderer::create(*gpu_, {64, 64, 1, VK_FORMAT_R8G8B8A8_SRGB, 1.0f});
    ASSERT_TRUE(renderer) << renderer.error().to_string();
  }
  VkPhysicalDeviceProperties properties = gpu_->context->properties;
  gpu_->pipeline_cache_path = path;
  gpu_.reset();
  ASSERT_TRUE(std::filesystem::exists(path)) << "the cache was not written on shutdown";
  auto bytes = read_bytes(path);
  ASSERT_GE(bytes.size(), sizeof(VkPipelineCacheHeaderVersionOne));
  VkPipelineCacheHeaderVersionOne header;
  std::memcpy(&header, bytes.data(), sizeof header);
  EXPECT_EQ(header.vendorID, properties.vendorID);
  EXPECT_EQ(header.deviceID, properties.deviceID);
  EXPECT_EQ(std::memcmp(header.pipelineCacheUUID, properties.pipelineCacheUUID, VK_UUID_SIZE), 0);
}

TEST_F(GpuTest, PipelineCacheFromAnotherDriverIsRefused) {
  std::filesystem::path path = liyuan::test::output_dir() / "pipelines.bin";
  ASSERT_TRUE(save_pipeline_cache(*gpu_->context, gpu_->pipeline_cache, path));
  auto bytes = read_bytes(path);
  EXPECT_TRUE(pipeline_cache_data_matches(*gpu_->context, bytes));
  auto tampered = bytes;
  tampered[offsetof(VkPipelineCacheHeaderVersionOne, pipelineCacheUUID)] ^= std::byte{1};
  EXPECT_FALSE(pipeline_cache_data_matches(*gpu_->context, tampered)) << "another driver version's cache";
  std::vector<std::byte> junk(256, std::byte{'x'});
  EXPECT_FALSE(pipeline_cache_data_matches(*gpu_->context, junk));
  EXPECT_FALSE(pipeline_cache_data_matches(*gpu_->context, std::span(bytes).first(10))) << "a truncated header";
}

TEST_F(GpuTest, UnreadablePipelineCacheFileIsNotAnError) {
  std::filesystem::path path = liyuan::test::output_dir() / "foreign.bin";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  std::fputs("not a pipeline cache", f);
  std::fclose(f);
  auto cache = load_pipeline_cache(*gpu_->context, path);
  ASSERT_TRUE(cache) << "a foreign cache file must not stop the show";
  vkDestroyPipelineCache(gpu_->device(), *cache, nullptr);
}

}  // namespace
}  // namespace liyuan::gpu
