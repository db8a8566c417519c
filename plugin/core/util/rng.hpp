#pragma once

#include <cstdint>

namespace lcs::util {

// The session's one source of randomness: xoshiro256** seeded through splitmix64. Written out
// (rather than std::mt19937 with std::uniform_*_distribution) because the standard distributions
// differ between standard libraries, and a seeded scenario must give the same session on Linux,
// Windows and macOS.
class Rng {
public:
	explicit Rng(uint64_t seed);

	uint64_t next();
	/// Uniform integer in [0, bound) (bound > 0), without modulo bias.
	uint64_t below(uint64_t bound);
	/// Uniform integer in [lo, hi].
	int64_t between(int64_t lo, int64_t hi);
	/// Uniform double in [0, 1).
	double unit();
	/// True with probability p (clamped to [0, 1]).
	bool chance(double p);

private:
	uint64_t s_[4];
};

} // namespace lcs::util
