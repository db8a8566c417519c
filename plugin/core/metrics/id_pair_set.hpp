#pragma once

#include <cstdint>
#include <vector>

// A set of (a, b) pairs of TextIds ids — (product, viewer): "this viewer clicked this product" —
// in one open-addressing table of 64-bit keys: no allocation per element, memory grows with the
// pairs actually seen (not with products × viewers).
namespace lcs::metrics {

class IdPairSet {
public:
	/// Adds (a, b); true when it was not there yet.
	bool insert(uint32_t a, uint32_t b)
	{
		if (slots_.empty())
			slots_.assign(64, kEmpty);
		const uint64_t key = (uint64_t{a} << 32) | b;
		size_t i = slot_of(key);
		if (slots_[i] == key)
			return false;
		slots_[i] = key;
		if (++size_ * 2 > slots_.size())
			grow();
		return true;
	}
	[[nodiscard]] bool contains(uint32_t a, uint32_t b) const
	{
		return !slots_.empty() && slots_[slot_of((uint64_t{a} << 32) | b)] != kEmpty;
	}
	[[nodiscard]] size_t size() const { return size_; }

private:
	// No pair has it: ids are below TextIds::kNone.
	static constexpr uint64_t kEmpty = UINT64_MAX;

	static uint64_t mix(uint64_t key)
	{
		key ^= key >> 33;
		key *= 0xff51afd7ed558ccdULL;
		key ^= key >> 33;
		return key;
	}
	[[nodiscard]] size_t slot_of(uint64_t key) const
	{
		const size_t mask = slots_.size() - 1;
		size_t i = static_cast<size_t>(mix(key)) & mask;
		while (slots_[i] != kEmpty && slots_[i] != key)
			i = (i + 1) & mask;
		return i;
	}
	void grow()
	{
		std::vector<uint64_t> old(slots_.size() * 2, kEmpty);
		old.swap(slots_);
		for (const uint64_t key : old)
			if (key != kEmpty)
				slots_[slot_of(key)] = key;
	}

	std::vector<uint64_t> slots_;
	size_t size_ = 0;
};

} // namespace lcs::metrics
