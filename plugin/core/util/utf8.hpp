#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lcs::util {

/// Length (1–4) of the well-formed UTF-8 sequence at `at`, or 0 when there is none (a stray or
/// cut-off byte, an overlong form, a surrogate, past U+10FFFF); its code point into `code_point`.
size_t utf8_sequence(std::string_view text, size_t at, uint32_t *code_point = nullptr);

/// Appends the UTF-8 encoding of `code_point` (a scalar value: at most U+10FFFF, no surrogate).
void append_utf8(std::string &out, uint32_t code_point);

} // namespace lcs::util
