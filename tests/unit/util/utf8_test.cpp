// UTF-8 in the core: append_utf8 writes what utf8_sequence reads back, at every length boundary,
// and utf8_sequence refuses what is not well-formed (stray continuation bytes, cut-off
// sequences, overlong forms, surrogates, past U+10FFFF).
#include <gtest/gtest.h>

#include <string>

#include "core/util/utf8.hpp"

namespace {
using lcs::util::append_utf8;
using lcs::util::utf8_sequence;

TEST(Utf8, EveryLengthBoundaryRoundTrips)
{
	for (const uint32_t cp : {0x0u, 0x41u, 0x7Fu, 0x80u, 0x7FFu, 0x800u, 0x4E2Du, 0xD7FFu, 0xE000u, 0xFFFDu, 0xFFFFu,
				  0x10000u, 0x1F600u, 0x10FFFFu}) {
		std::string text = "x";
		append_utf8(text, cp);
		const size_t expected = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		ASSERT_EQ(text.size(), 1 + expected) << std::hex << cp;
		uint32_t read = 0xFFFFFFFF;
		EXPECT_EQ(utf8_sequence(text, 1, &read), expected) << std::hex << cp;
		EXPECT_EQ(read, cp);
	}
	std::string zhong;
	append_utf8(zhong, 0x4E2D);
	EXPECT_EQ(zhong, "中");
}

TEST(Utf8, MalformedSequencesAreRefused)
{
	for (const std::string &bad : {std::string("\x80"), std::string("\xC0\xAF"), std::string("\xC1\xBF"),
				      std::string("\xE0\x80\xAF"), std::string("\xED\xA0\x80"), std::string("\xF4\x90\x80\x80"),
				      std::string("\xF5\x80\x80\x80"), std::string("\xE4\xB8"), std::string("\xE4\x41\xAD"),
				      std::string("\xFF")})
		EXPECT_EQ(utf8_sequence(bad, 0), 0u) << testing::PrintToString(bad);
	EXPECT_EQ(utf8_sequence("abc", 3), 0u); // past the end
}

} // namespace
