// Device memory sub-allocation: a few large VkDeviceMemory blocks, carved into many resources, instead of one
// allocation per buffer or image (drivers limit allocations to a few thousand, and each costs time).
//
// Blocks are kept per memory type and per resource kind (linear buffers apart from optimal-tiling images), which
// honours bufferImageGranularity without tracking neighbours. Within a block, a first-fit free list with coalescing.
// Host-visible blocks are mapped once, for their whole life.
#pragma once

#include <vulkan/vulkan.h>

#include <map>
#include <memory>
#include <vector>

#include "core/error.h"

namespace liyuan::gpu {

enum class ResourceKind : uint32_t { Linear = 0, Optimal = 1 };

struct Allocation {
  VkDeviceMemory memory = VK_NULL_HANDLE;
  VkDeviceSize offset = 0;
  VkDeviceSize size = 0;
  void* mapped = nullptr;  // host pointer to `offset` when the memory is host-visible
  uint32_t block = UINT32_MAX;
};

struct MemoryStats {
  uint32_t blocks = 0;
  uint32_t allocations = 0;
  VkDeviceSize reserved_bytes = 0;  // sum of block sizes
  VkDeviceSize used_bytes = 0;      // sum of live allocation sizes
};

class MemoryAllocator {
 public:
  // BLOCK_SIZE is the default size of a new block; larger requests get a block of their own.
  MemoryAllocator(VkPhysicalDevice physical, VkDevice device, VkDeviceSize block_size = 64ull << 20);
  ~MemoryAllocator();
  MemoryAllocator(const MemoryAllocator&) = delete;
  MemoryAllocator& operator=(const MemoryAllocator&) = delete;

  // Finds room for REQUIREMENTS in memory that has every REQUIRED property (and PREFERRED ones when such memory
  // exists). Errors say which properties could not be met or that the device is out of memory.
  Result<Allocation> allocate(const VkMemoryRequirements& requirements, VkMemoryPropertyFlags required,
                              VkMemoryPropertyFlags preferred, ResourceKind kind);
  // Returns ALLOCATION's range to its block. Freeing a default-constructed Allocation does nothing.
  void free(const Allocation& allocation);

  MemoryStats stats() const;

 private:
  struct Block {
    VkDeviceMemory memory = VK_NULL_HANDLE;
    VkDeviceSize size = 0;
    void* mapped = nullptr;
    uint32_t memory_type = 0;
    ResourceKind kind = ResourceKind::Linear;
    std::map<VkDeviceSize, VkDeviceSize> free_ranges;  // offset → size, coalesced
    uint32_t live = 0;
  };

  int find_memory_type(uint32_t type_bits, VkMemoryPropertyFlags flags) const;
  bool allocate_in_block(Block& block, const VkMemoryRequirements& requirements, VkDeviceSize* offset);
  Result<uint32_t> create_block(uint32_t memory_type, ResourceKind kind, VkDeviceSize size);

  VkDevice device_;
  VkPhysicalDeviceMemoryProperties properties_{};
  VkDeviceSize block_size_;
  std::vector<Block> blocks_;
  uint32_t allocations_ = 0;
  VkDeviceSize used_bytes_ = 0;
};

}  // namespace liyuan::gpu
