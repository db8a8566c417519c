#pragma once

#include <array>
#include <cstdint>
#include <string_view>

// Ed25519 (RFC 8032, pure: no prehash of its own) and BLAKE2b-512, with OpenSSL 3 only: what
// minisign's signatures are made of.
namespace lcs::crypto {

using Ed25519Seed = std::array<uint8_t, 32>;
using Ed25519PublicKey = std::array<uint8_t, 32>;
using Ed25519Signature = std::array<uint8_t, 64>;

/// 32 bytes from the system's random source (RAND_bytes); throws std::runtime_error if it fails.
Ed25519Seed random_seed();
Ed25519PublicKey ed25519_public_key(const Ed25519Seed &seed);
Ed25519Signature ed25519_sign(const Ed25519Seed &seed, std::string_view message);
bool ed25519_verify(const Ed25519PublicKey &key, std::string_view message, const Ed25519Signature &signature);

/// BLAKE2b with OpenSSL's fixed 64-byte output (EVP_blake2b512).
std::array<uint8_t, 64> blake2b512(std::string_view data);

} // namespace lcs::crypto
