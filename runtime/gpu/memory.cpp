#include "gpu/memory.h"

#include <string>

#include "gpu/vk_result.h"

namespace liyuan::gpu {
namespace {

VkDeviceSize align_up(VkDeviceSize value, VkDeviceSize alignment) {
  return alignment > 1 ? (value + alignment - 1) / alignment * alignment : value;
}

}  // namespace

MemoryAllocator::MemoryAllocator(VkPhysicalDevice physical, VkDevice device, VkDeviceSize block_size)
    : device_(device), block_size_(block_size) {
  vkGetPhysicalDeviceMemoryProperties(physical, &properties_);
}

MemoryAllocator::~MemoryAllocator() {
  for (Block& block : blocks_) {
    if (block.memory == VK_NULL_HANDLE) continue;
    if (block.mapped) vkUnmapMemory(device_, block.memory);
    vkFreeMemory(device_, block.memory, nullptr);
  }
}

int MemoryAllocator::find_memory_type(uint32_t type_bits, VkMemoryPropertyFlags flags) const {
  for (uint32_t i = 0; i < properties_.memoryTypeCount; ++i)
    if ((type_bits & (1u << i)) && (properties_.memoryTypes[i].propertyFlags & flags) == flags)
      return static_cast<int>(i);
  return -1;
}

bool MemoryAllocator::allocate_in_block(Block& block, const VkMemoryRequirements& requirements,
                                        VkDeviceSize* offset) {
  for (auto it = block.free_ranges.begin(); it != block.free_ranges.end(); ++it) {
    VkDeviceSize start = align_up(it->first, requirements.alignment);
    VkDeviceSize end = it->first + it->second;
    if (start + requirements.size > end) continue;
    VkDeviceSize range_start = it->first;
    block.free_ranges.erase(it);
    if (start > range_start) block.free_ranges[range_start] = start - range_start;
    if (end > start + requirements.size) block.free_ranges[start + requirements.size] = end - start - requirements.size;
    *offset = start;
    return true;
  }
  return false;
}

Result<uint32_t> MemoryAllocator::create_block(uint32_t memory_type, ResourceKind kind, VkDeviceSize size) {
  VkMemoryAllocateInfo info{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
  info.allocationSize = size;
  info.memoryTypeIndex = memory_type;
  Block block;
  if (Status s = vk_check(vkAllocateMemory(device_, &info, nullptr, &block.memory), "vkAllocateMemory"); !s)
    return make_error(s.error().message + " (a block of " + std::to_string(size >> 20) + " MiB)");
  if (properties_.memoryTypes[memory_type].propertyFlags & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT) {
    if (Status s = vk_check(vkMapMemory(device_, block.memory, 0, VK_WHOLE_SIZE, 0, &block.mapped), "vkMapMemory");
        !s) {
      vkFreeMemory(device_, block.memory, nullptr);
      return s.error();
    }
  }
  block.size = size;
  block.memory_type = memory_type;
  block.kind = kind;
  block.free_ranges[0] = size;
  // Reuse a slot of a released block, if any.
  for (uint32_t i = 0; i < blocks_.size(); ++i) {
    if (blocks_[i].memory == VK_NULL_HANDLE) {
      blocks_[i] = std::move(block);
      return i;
    }
  }
  blocks_.push_back(std::move(block));
  return static_cast<uint32_t>(blocks_.size() - 1);
}

Result<Allocation> MemoryAllocator::allocate(const VkMemoryRequirements& requirements, VkMemoryPropertyFlags required,
                                             VkMemoryPropertyFlags preferred, ResourceKind kind) {
  int type = find_memory_type(requirements.memoryTypeBits, required | preferred);
  if (type < 0) type = find_memory_type(requirements.memoryTypeBits, required);
  if (type < 0)
    return make_error("no memory type with properties 0x" + std::to_string(required) + " for this resource");
  uint32_t memory_type = static_cast<uint32_t>(type);

  VkDeviceSize offset = 0;
  uint32_t block_index = UINT32_MAX;
  for (uint32_t i = 0; i < blocks_.size(); ++i) {
    Block& block = blocks_[i];
    if (block.memory == VK_NULL_HANDLE || block.memory_type != memory_type || block.kind != kind) continue;
    if (allocate_in_block(block, requirements, &offset)) {
      block_index = i;
      break;
    }
  }
  if (block_index == UINT32_MAX) {
    VkDeviceSize size = requirements.size > block_size_ ? align_up(requirements.size, 1 << 20) : block_size_;
    auto created = create_block(memory_type, kind, size);
    if (!created) return created.error();
    block_index = *created;
    if (!allocate_in_block(blocks_[block_index], requirements, &offset))
      return make_error("internal: a new memory block could not hold its first allocation");
  }
  Block& block = blocks_[block_index];
  ++block.live;
  ++allocations_;
  used_bytes_ += requirements.size;
  Allocation allocation;
  allocation.memory = block.memory;
  allocation.offset = offset;
  allocation.size = requirements.size;
  allocation.block = block_index;
  allocation.mapped = block.mapped ? static_cast<std::byte*>(block.mapped) + offset : nullptr;
  return allocation;
}

void MemoryAllocator::free(const Allocation& allocation) {
  if (allocation.block >= blocks_.size()) return;
  Block& block = blocks_[allocation.block];
  auto [it, inserted] = block.free_ranges.emplace(allocation.offset, allocation.size);
  if (!inserted) return;  // double free: ignore rather than corrupt the list
  auto next = std::next(it);
  if (next != block.free_ranges.end() && it->first + it->second == next->first) {
    it->second += next->second;
    block.free_ranges.erase(next);
  }
  if (it != block.free_ranges.begin()) {
    auto previous = std::prev(it);
    if (previous->first + previous->second == it->first) {
      previous->second += it->second;
      block.free_ranges.erase(it);
    }
  }
  --block.live;
  --allocations_;
  used_bytes_ -= allocation.size;
  // A block that is empty and oversized (a dedicated one) goes back to the driver at once.
  if (block.live == 0 && block.size > block_size_) {
    if (block.mapped) vkUnmapMemory(device_, block.memory);
    vkFreeMemory(device_, block.memory, nullptr);
    block = Block{};
  }
}

MemoryStats MemoryAllocator::stats() const {
  MemoryStats stats;
  for (const Block& block : blocks_) {
    if (block.memory == VK_NULL_HANDLE) continue;
    ++stats.blocks;
    stats.reserved_bytes += block.size;
  }
  stats.allocations = allocations_;
  stats.used_bytes = used_bytes_;
  return stats;
}

}  // namespace liyuan::gpu
