#pragma once

#include <string>
#include <string_view>

namespace lcs::crypto {

/// SHA-256 of the bytes, as 64 lowercase hex digits (OpenSSL underneath).
std::string sha256_hex(std::string_view bytes);

} // namespace lcs::crypto
