#pragma once

#include <string>

#include <gtest/gtest.h>

#include "core/pack/pack_loader.hpp"

namespace lcs::test {

/// A small valid pack; tests replace parts of it to provoke one problem at a time.
inline std::string valid_pack_text()
{
	return R"({
  // a comment, allowed
  "format": "lcs.pack/1",
  "pack": { "id": "tea", "name": "Tea", "version": "1.0.0", "language": "en-US",
            "authors": ["A"], "license": "CC-BY-4.0" },
  "products": [
    { "sku": "TEA", "name": "Green tea", "list_price_cents": 12800, "stock": 300, "category": "food",
      "selling_points": ["fresh"], "specs": { "origin": "Hangzhou" },
      "faq": [ { "q": "When does it ship?", "a": "Within 48 hours." } ] }
  ],
  "promotions": [
    { "id": "tiers", "type": "tiered_price", "sku": "TEA", "basis": "units",
      "tiers": [ { "up_to": 100, "price_cents": 9900 }, { "price_cents": 10900 } ],
      "strike_price_cents": 12800 }
  ],
  "segments": [
    { "id": "open", "name": "Opening", "kind": "opening", "planned_seconds": 120,
      "cues": [ { "id": "open-1", "text": "Welcome!", "keywords": ["welcome"], "pin": "TEA" },
                { "id": "open-2", "text": "Prices now.", "promotion": "tiers" } ] },
    { "id": "close", "name": "Closing", "kind": "closing", "planned_seconds": 60,
      "cues": [ { "id": "close-1", "text": "Thank you." } ] }
  ]
})";
}

/// Replaces the first occurrence of `from` (which must exist) by `to`.
inline std::string replaced(std::string text, const std::string &from, const std::string &to)
{
	const auto at = text.find(from);
	EXPECT_NE(at, std::string::npos) << "test text lacks: " << from;
	if (at != std::string::npos)
		text.replace(at, from.size(), to);
	return text;
}

/// The 1-based line and column where `needle` starts in `text`.
inline std::pair<int, int> position_of(const std::string &text, const std::string &needle)
{
	const auto at = text.find(needle);
	EXPECT_NE(at, std::string::npos) << "test text lacks: " << needle;
	if (at == std::string::npos)
		return {0, 0};
	int line = 1;
	int column = 1;
	for (size_t i = 0; i < at; ++i) {
		if (text[i] == '\n') {
			++line;
			column = 1;
		} else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
			++column;
		}
	}
	return {line, column};
}

} // namespace lcs::test
