#include "core/crypto/base64.hpp"

#include <openssl/evp.h>

namespace lcs::crypto {
namespace {
bool is_alphabet(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}
} // namespace

std::string base64_encode(std::string_view bytes)
{
	std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
	const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()),
				      reinterpret_cast<const unsigned char *>(bytes.data()), static_cast<int>(bytes.size()));
	out.resize(static_cast<size_t>(n));
	return out;
}

std::optional<std::string> base64_decode(std::string_view text)
{
	if (text.size() % 4 != 0 || text.size() > (1U << 30))
		return std::nullopt;
	size_t padding = 0;
	if (!text.empty() && text.back() == '=')
		padding = text.size() >= 2 && text[text.size() - 2] == '=' ? 2 : 1;
	for (size_t i = 0; i < text.size() - padding; ++i)
		if (!is_alphabet(text[i]))
			return std::nullopt;
	if (text.empty())
		return std::string();
	std::string out(text.size() / 4 * 3, '\0');
	const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char *>(out.data()),
				      reinterpret_cast<const unsigned char *>(text.data()), static_cast<int>(text.size()));
	if (n < 0 || static_cast<size_t>(n) != out.size())
		return std::nullopt;
	out.resize(out.size() - padding); // EVP_DecodeBlock counts the padding as zero bytes
	return out;
}

} // namespace lcs::crypto
