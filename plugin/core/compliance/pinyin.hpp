#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Toneless pinyin (Unihan kMandarin, the customary reading of each character): 最 → zui, 醉 → zui.
namespace lcs::compliance::pinyin {

/// The syllable number of a Han character, or nullopt when it has no reading.
[[nodiscard]] std::optional<uint16_t> of(char32_t cp);
/// The syllable number of a toneless lower-case syllable ("zui", "lv"), or nullopt.
[[nodiscard]] std::optional<uint16_t> syllable(std::string_view latin);
/// The text of a syllable number.
[[nodiscard]] std::string_view text(uint16_t syllable);
/// Splits a run of lower-case Latin letters into syllables (zuihao → zui hao), preferring
/// long syllables; nullopt when it is no pinyin at all (an English word).
[[nodiscard]] std::optional<std::vector<std::pair<size_t, uint16_t>>> split(std::u32string_view letters);
/// Syllables of UTF-8 text, space separated (醉好 → "zui hao"; characters without one are skipped).
[[nodiscard]] std::string of_text(std::string_view text);

} // namespace lcs::compliance::pinyin
