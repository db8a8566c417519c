#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

// BLAKE2b (RFC 7693), unkeyed, with any output length from 1 to 64 bytes.
//
// Why our own: minisign's secret-key checksum is BLAKE2b with a 32-byte output (libsodium's
// crypto_generichash default). BLAKE2b's output length is a parameter of the hash (it is mixed
// into the initial state), so it is not a truncated BLAKE2b-512. OpenSSL 3.0 (Debian 12) fixes
// EVP's BLAKE2B-512 at 64 bytes: its "size" parameter only exists from 3.2 (3.0 ignores it and
// still returns 64 bytes) and BLAKE2BMAC requires a key. The 64-byte prehash of minisign's "ED"
// signatures uses OpenSSL's EVP_blake2b512(); this file is only for the other lengths.
namespace lcs::crypto {

/// BLAKE2b of `data` with an `out_len`-byte digest (1..64; anything else throws
/// std::invalid_argument).
std::vector<uint8_t> blake2b(std::string_view data, size_t out_len);

} // namespace lcs::crypto
