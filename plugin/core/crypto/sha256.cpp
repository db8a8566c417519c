#include "core/crypto/sha256.hpp"

#include <array>
#include <stdexcept>

#include <openssl/evp.h>

namespace lcs::crypto {

std::string sha256_hex(std::string_view bytes)
{
	std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
	unsigned int length = 0;
	if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1)
		throw std::runtime_error("SHA-256 failed");
	static constexpr char kHex[] = "0123456789abcdef";
	std::string out;
	out.reserve(length * 2);
	for (unsigned int i = 0; i < length; ++i) {
		out.push_back(kHex[digest[i] >> 4]);
		out.push_back(kHex[digest[i] & 0x0F]);
	}
	return out;
}

} // namespace lcs::crypto
