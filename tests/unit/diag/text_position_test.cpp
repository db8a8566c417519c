// Byte offsets to line and column (code points): right for UTF-8, and linear work overall however
// long a line is (a minified pack is one line).
#include <gtest/gtest.h>

#include <string>

#include "core/diag/text_position.hpp"

namespace {
using lcs::diag::TextPositions;

/// Line and column the slow, obvious way.
TextPositions::LineColumn reference(const std::string &text, size_t offset)
{
	TextPositions::LineColumn lc;
	for (size_t i = 0; i < offset && i < text.size(); ++i) {
		if (text[i] == '\n') {
			++lc.line;
			lc.column = 1;
		} else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
			++lc.column;
		}
	}
	return lc;
}

/// About `bytes` of minified pack-like JSON on one line, with Chinese (3-byte) text in it.
std::string minified_pack(size_t bytes)
{
	std::string text = R"({"format":"lcs.pack/1","segments":[)";
	for (int i = 0; text.size() < bytes; ++i)
		text += R"({"id":"s)" + std::to_string(i) + R"(","name":"开场 warm-up","cues":[{"id":"c)" + std::to_string(i) +
			R"(","text":"家人们好，今天的福利 price ¥59"}]},)";
	text.back() = ']';
	return text + "}";
}

TEST(TextPositions, LinesAndColumnsCountCodePoints)
{
	const std::string text = "{\n  \"名\": \"值\",\n\t\"x\": 1\n}";
	const TextPositions positions(text);
	for (size_t offset = 0; offset <= text.size() + 2; ++offset) {
		const auto got = positions.at(offset);
		const auto want = reference(text, offset);
		EXPECT_EQ(got.line, want.line) << "offset " << offset;
		EXPECT_EQ(got.column, want.column) << "offset " << offset;
	}
}

TEST(TextPositions, ManyLookupsInAMinifiedMegabytePackDoLinearWork)
{
	const std::string text = minified_pack(1u << 20);
	const TextPositions positions(text);
	size_t lookups = 0;
	for (size_t offset = 0; offset < text.size(); offset += 61, ++lookups) {
		const auto lc = positions.at(offset);
		if (lookups % 997 == 0) { // spot checks against the obvious count
			const auto want = reference(text, offset);
			ASSERT_EQ(lc.line, want.line) << "offset " << offset;
			ASSERT_EQ(lc.column, want.column) << "offset " << offset;
		}
	}
	// Backwards too: the order of lookups does not matter.
	for (size_t offset = text.size(); offset > 0; offset -= std::min<size_t>(offset, 4099), ++lookups)
		(void)positions.at(offset);
	// Linear: the index is built once, and each lookup examines a bounded stretch of bytes (not the
	// line from its start, which is the whole megabyte here).
	const size_t budget = 2 * text.size() + lookups * 256;
	EXPECT_LE(positions.bytes_scanned(), budget)
		<< lookups << " lookups in " << text.size() << " bytes examined " << positions.bytes_scanned() << " bytes";
}

} // namespace
