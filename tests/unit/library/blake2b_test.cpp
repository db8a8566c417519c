// BLAKE2b against RFC 7693's test vector and digests computed with Python's hashlib.blake2b
// (an independent implementation), at the lengths and block boundaries that matter.
#include <gtest/gtest.h>

#include <string>

#include "core/crypto/blake2b.hpp"
#include "core/crypto/ed25519.hpp"

namespace {

std::string hex(const uint8_t *p, size_t n)
{
	static constexpr char kHex[] = "0123456789abcdef";
	std::string out;
	for (size_t i = 0; i < n; ++i) {
		out.push_back(kHex[p[i] >> 4]);
		out.push_back(kHex[p[i] & 0xF]);
	}
	return out;
}

std::string b2(const std::string &data, size_t n)
{
	const auto d = lcs::crypto::blake2b(data, n);
	return hex(d.data(), d.size());
}

std::string bytes_0_to_255_three_times()
{
	std::string s;
	for (int k = 0; k < 3; ++k)
		for (int i = 0; i < 256; ++i)
			s.push_back(static_cast<char>(i));
	return s;
}

TEST(Blake2b, Rfc7693AppendixAVector)
{
	EXPECT_EQ(b2("abc", 64), "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
				 "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
}

TEST(Blake2b, MatchesPythonHashlibAtOtherLengths)
{
	// /usr/bin/python3 -c "import hashlib; print(hashlib.blake2b(DATA, digest_size=N).hexdigest())"
	EXPECT_EQ(b2("", 32), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
	EXPECT_EQ(b2("abc", 32), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
	EXPECT_EQ(b2("abc", 1), "6b");
	EXPECT_EQ(b2(std::string(128, 'x'), 32), "164ffb7089bae6f5a62fb0795e751dc9e88eac92e1a5b2fafe93a25abf2d9c3b"); // one full block
	EXPECT_EQ(b2(std::string(129, 'x'), 20), "b85c7523f829292bdc8f1fbc761fe0b26c017371");                           // one byte more
	EXPECT_EQ(b2(std::string(127, 'x'), 48),
		  "3095de923b8664327cc552a0d46f43f7950e11a66e81678dcb6205e624325183f8bc817fb0a611aa4cccd23adc7f228e");
	EXPECT_EQ(b2(bytes_0_to_255_three_times(), 32), "b8007121274217790e2923e0ad7027986e5a99d5531ef6ae7d294140fc81615d");
}

TEST(Blake2b, ThirtyTwoBytesIsNotATruncatedSixtyFour)
{
	EXPECT_NE(b2("abc", 32), b2("abc", 64).substr(0, 64));
}

TEST(Blake2b, SixtyFourBytesAgreesWithOpenSsl)
{
	for (const std::string &data : {std::string(), std::string("abc"), std::string(1000, 'q'), bytes_0_to_255_three_times()}) {
		const auto ours = lcs::crypto::blake2b(data, 64);
		const auto openssl = lcs::crypto::blake2b512(data);
		EXPECT_EQ(hex(ours.data(), ours.size()), hex(openssl.data(), openssl.size())) << data.size();
	}
}

TEST(Blake2b, RefusesLengthsOutsideOneToSixtyFour)
{
	EXPECT_THROW(lcs::crypto::blake2b("abc", 0), std::invalid_argument);
	EXPECT_THROW(lcs::crypto::blake2b("abc", 65), std::invalid_argument);
}

} // namespace
