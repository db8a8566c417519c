#include "core/crypto/ed25519.hpp"

#include <memory>
#include <stdexcept>

#include <openssl/evp.h>
#include <openssl/rand.h>

namespace lcs::crypto {
namespace {

struct PkeyFree {
	void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
};
struct MdCtxFree {
	void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

Pkey private_key(const Ed25519Seed &seed)
{
	Pkey key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()));
	if (!key)
		throw std::runtime_error("OpenSSL cannot make an Ed25519 private key");
	return key;
}

MdCtx new_ctx()
{
	MdCtx ctx(EVP_MD_CTX_new());
	if (!ctx)
		throw std::runtime_error("OpenSSL is out of memory");
	return ctx;
}

const unsigned char *bytes(std::string_view s)
{
	return reinterpret_cast<const unsigned char *>(s.data());
}

} // namespace

Ed25519Seed random_seed()
{
	Ed25519Seed seed{};
	if (RAND_bytes(seed.data(), static_cast<int>(seed.size())) != 1)
		throw std::runtime_error("the system's random source failed (RAND_bytes)");
	return seed;
}

Ed25519PublicKey ed25519_public_key(const Ed25519Seed &seed)
{
	const Pkey key = private_key(seed);
	Ed25519PublicKey out{};
	size_t length = out.size();
	if (EVP_PKEY_get_raw_public_key(key.get(), out.data(), &length) != 1 || length != out.size())
		throw std::runtime_error("OpenSSL cannot derive an Ed25519 public key");
	return out;
}

Ed25519Signature ed25519_sign(const Ed25519Seed &seed, std::string_view message)
{
	const Pkey key = private_key(seed);
	const MdCtx ctx = new_ctx();
	Ed25519Signature out{};
	size_t length = out.size();
	if (EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
	    EVP_DigestSign(ctx.get(), out.data(), &length, bytes(message), message.size()) != 1 || length != out.size())
		throw std::runtime_error("OpenSSL cannot make an Ed25519 signature");
	return out;
}

bool ed25519_verify(const Ed25519PublicKey &key, std::string_view message, const Ed25519Signature &signature)
{
	const Pkey pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, key.data(), key.size()));
	if (!pkey)
		return false; // not a point on the curve: nothing can verify against it
	const MdCtx ctx = new_ctx();
	if (EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1)
		return false;
	return EVP_DigestVerify(ctx.get(), signature.data(), signature.size(), bytes(message), message.size()) == 1;
}

std::array<uint8_t, 64> blake2b512(std::string_view data)
{
	std::array<uint8_t, 64> out{};
	unsigned int length = 0;
	if (EVP_Digest(data.data(), data.size(), out.data(), &length, EVP_blake2b512(), nullptr) != 1 || length != out.size())
		throw std::runtime_error("OpenSSL BLAKE2b-512 failed");
	return out;
}

} // namespace lcs::crypto
