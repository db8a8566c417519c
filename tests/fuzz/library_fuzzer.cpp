// Fuzz target: any bytes as a library's index, snapshot, signature or key file. Each reader must
// refuse with library::Error (nothing else may escape), never crash or hang; what parses must
// write back and parse again. Built like pack_fuzzer.cpp (libFuzzer with clang, and always as a
// corpus replay test).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "core/crypto/ed25519.hpp"
#include "core/library/error.hpp"
#include "core/library/format.hpp"
#include "core/library/minisign.hpp"

namespace {
template <typename F> void refuses_cleanly(F &&f)
{
	try {
		f();
	} catch (const lcs::library::Error &) {
		// the one way to refuse
	} catch (...) {
		std::abort();
	}
}

// A fixed key: signatures in the corpus are made by other keys, so verification runs to
// "unknown key" after the whole file is parsed, which is the part under test.
const lcs::library::PublicKey &fuzz_key()
{
	static const lcs::library::PublicKey key = [] {
		lcs::crypto::Ed25519Seed seed{};
		seed.fill(7);
		lcs::library::PublicKey k;
		k.key = lcs::crypto::ed25519_public_key(seed);
		return k;
	}();
	return key;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	using namespace lcs::library;
	const std::string_view text(reinterpret_cast<const char *>(data), size);
	std::optional<Index> index;
	refuses_cleanly([&] { index = parse_index(text, "f"); });
	if (index) // what parses writes back and parses again (an exception here is a finding)
		(void)parse_index(write_index(*index), "f");
	std::optional<Snapshot> snapshot;
	refuses_cleanly([&] { snapshot = parse_snapshot(text, "f"); });
	if (snapshot)
		(void)parse_snapshot(write_snapshot(*snapshot), "f");
	refuses_cleanly([&] { (void)verify("data", text, {fuzz_key()}, "f"); });
	refuses_cleanly([&] { (void)parse_public_key(text, "f"); });
	refuses_cleanly([&] { (void)parse_secret_key(text, "f"); });
	refuses_cleanly([&] { check_relative_path(text, "f"); });
	(void)parse_utc_seconds(text);
	return 0;
}
