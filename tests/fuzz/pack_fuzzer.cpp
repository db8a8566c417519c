// Fuzz target: any bytes as a pack file. Loading must never crash, hang or throw, and a pack that
// loads must link. Built as a libFuzzer binary with clang (LCS_BUILD_FUZZERS=ON), and always as a
// corpus replay test.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/pack/library.hpp"
#include "core/pack/pack_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const std::string_view text(reinterpret_cast<const char *>(data), size);
	auto result = lcs::pack::load_pack_text(text, "fuzz.json");
	if (result.pack) {
		lcs::diag::Diagnostics out;
		const auto library = lcs::pack::Library::link({*result.pack}, out);
		(void)library.planned_seconds();
	}
	for (const auto &d : result.diagnostics)
		(void)d.to_string();
	return 0;
}
