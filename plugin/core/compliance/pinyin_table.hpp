#pragma once

#include <cstddef>
#include <cstdint>

// The generated pinyin table (pinyin_table_gen.py, at build time from Unihan's kMandarin): code
// points with a Mandarin reading, sorted, and the index of each one's toneless syllable in
// kSyllables (sorted, lower case, ü as v).
namespace lcs::compliance::pinyin_table {

extern const char *const kSyllables[];
extern const size_t kSyllableCount;
extern const char32_t kCodePoints[];
extern const uint16_t kReadings[];
extern const size_t kCount;

} // namespace lcs::compliance::pinyin_table
