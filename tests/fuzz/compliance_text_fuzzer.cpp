// Fuzz target: any bytes as a text to normalise and check (the normaliser, the pinyin reading and
// the number parser on hostile text). The offset map must stay inside the text and ordered;
// nothing may crash, hang or throw. libFuzzer binary with clang (LCS_BUILD_FUZZERS=ON), and always
// a corpus replay test.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/compliance/normalizer.hpp"
#include "core/compliance/numbers.hpp"
#include "core/compliance/pinyin.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const std::string_view text(reinterpret_cast<const char *>(data), size);
	const auto nt = lcs::compliance::Normalizer::instance().normalize(text);
	if (nt.begin.size() != nt.size() || nt.end.size() != nt.size() || nt.gap.size() != nt.size())
		std::abort();
	for (size_t i = 0; i < nt.size(); ++i) {
		if (nt.begin[i] >= nt.end[i] || nt.end[i] > size)
			std::abort();
		if (i > 0 && nt.begin[i] < nt.begin[i - 1])
			std::abort();
	}
	(void)lcs::compliance::to_utf8(nt.chars);
	(void)lcs::compliance::pinyin::of_text(text);
	return 0;
}
