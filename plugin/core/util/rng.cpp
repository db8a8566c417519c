#include "core/util/rng.hpp"

namespace lcs::util {
namespace {
uint64_t splitmix64(uint64_t &x)
{
	uint64_t z = (x += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}
constexpr uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}
} // namespace

Rng::Rng(uint64_t seed)
{
	for (auto &s : s_)
		s = splitmix64(seed);
}

uint64_t Rng::next()
{
	const uint64_t result = rotl(s_[1] * 5, 7) * 9;
	const uint64_t t = s_[1] << 17;
	s_[2] ^= s_[0];
	s_[3] ^= s_[1];
	s_[1] ^= s_[2];
	s_[0] ^= s_[3];
	s_[2] ^= t;
	s_[3] = rotl(s_[3], 45);
	return result;
}

uint64_t Rng::below(uint64_t bound)
{
	if (bound <= 1)
		return 0;
	// Rejection sampling on the top of the range: exact and portable.
	const uint64_t limit = ~uint64_t{0} - (~uint64_t{0} % bound);
	uint64_t x = 0;
	do {
		x = next();
	} while (x >= limit);
	return x % bound;
}

int64_t Rng::between(int64_t lo, int64_t hi)
{
	if (hi <= lo)
		return lo;
	return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo) + 1));
}

double Rng::unit()
{
	return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

bool Rng::chance(double p)
{
	if (p <= 0.0)
		return false;
	if (p >= 1.0)
		return true;
	return unit() < p;
}

} // namespace lcs::util
