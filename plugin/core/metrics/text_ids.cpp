#include "core/metrics/text_ids.hpp"

namespace lcs::metrics {
namespace {
// FNV-1a over the bytes, then a 64-bit finaliser (murmur3's) so that the low bits that pick a
// slot depend on every byte: viewer ids differ only in their last digits.
uint32_t text_hash(std::string_view text)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (const unsigned char c : text) {
		h ^= c;
		h *= 0x100000001b3ULL;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return static_cast<uint32_t>(h);
}
} // namespace

size_t TextIds::slot_of(std::string_view text, uint32_t hash) const
{
	const size_t mask = slots_.size() - 1;
	for (size_t i = hash & mask;; i = (i + 1) & mask) {
		const uint32_t entry = slots_[i];
		if (entry == 0)
			return i;
		const uint32_t id = entry - 1;
		if (hashes_[id] == hash && this->text(id) == text)
			return i;
	}
}

uint32_t TextIds::find(std::string_view text) const
{
	if (slots_.empty())
		return kNone;
	const uint32_t entry = slots_[slot_of(text, text_hash(text))];
	return entry == 0 ? kNone : entry - 1;
}

uint32_t TextIds::intern(std::string_view text)
{
	if (slots_.empty())
		slots_.assign(64, 0);
	const uint32_t hash = text_hash(text);
	size_t slot = slot_of(text, hash);
	if (slots_[slot] != 0)
		return slots_[slot] - 1;
	const uint32_t id = size();
	chars_.append(text);
	offsets_.push_back(chars_.size());
	hashes_.push_back(hash);
	slots_[slot] = id + 1;
	// At most half full: probes stay short.
	if (static_cast<size_t>(size()) * 2 > slots_.size())
		grow();
	return id;
}

void TextIds::grow()
{
	std::vector<uint32_t> slots(slots_.size() * 2, 0);
	const size_t mask = slots.size() - 1;
	for (uint32_t id = 0; id < size(); ++id) {
		size_t i = hashes_[id] & mask;
		while (slots[i] != 0)
			i = (i + 1) & mask;
		slots[i] = id + 1;
	}
	slots_ = std::move(slots);
}

} // namespace lcs::metrics
