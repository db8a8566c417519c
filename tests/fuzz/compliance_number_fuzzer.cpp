// Fuzz target: any bytes through the amount parser at every offset. An amount's span must lie in
// the text and start where it was asked; cents are never negative.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/compliance/numbers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const std::string_view text(reinterpret_cast<const char *>(data), size);
	for (size_t at = 0; at <= size && at < 256; ++at) {
		for (const bool bare : {false, true})
			if (const auto a = lcs::compliance::parse_amount_at(text, at, bare))
				if (a->begin != at || a->end <= a->begin || a->end > size || a->cents < 0)
					std::abort();
		if (const auto a = lcs::compliance::find_amount(text, at, 6))
			if (a->begin < at || a->end <= a->begin || a->end > size || a->cents < 0)
				std::abort();
	}
	return 0;
}
