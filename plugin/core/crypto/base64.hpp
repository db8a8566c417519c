#pragma once

#include <optional>
#include <string>
#include <string_view>

// Standard base64 (RFC 4648 section 4, with '=' padding), through OpenSSL's EVP_EncodeBlock and
// EVP_DecodeBlock. Decoding is strict: whatever EVP_DecodeBlock would tolerate (whitespace,
// missing or misplaced padding) is refused here, so a damaged line is never half-read.
namespace lcs::crypto {

std::string base64_encode(std::string_view bytes);
/// nullopt unless `text` is canonical padded base64 (length a multiple of 4, only A-Z a-z 0-9 + /,
/// '=' only as the last one or two characters).
std::optional<std::string> base64_decode(std::string_view text);

} // namespace lcs::crypto
