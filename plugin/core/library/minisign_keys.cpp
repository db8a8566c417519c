// minisign's key files: the public key ("Ed" || key id || Ed25519 public key, base64) and the
// secret key (sig_alg "Ed", kdf_alg, cksum_alg "B2", kdf salt, opslimit, memlimit, then key id ||
// seed || public key || checksum). An unencrypted key has kdf_alg all zero. The checksum is
// BLAKE2b-256(sig_alg || key id || seed || public key); `minisign -G -W` leaves it all zero (it
// computes one only when it encrypts), a key it decrypted with `-C -W` keeps the real one.
#include <algorithm>
#include <cstring>
#include <filesystem>

#include "core/crypto/base64.hpp"
#include "core/crypto/blake2b.hpp"
#include "core/crypto/ed25519.hpp"
#include "core/library/error.hpp"
#include "core/library/minisign.hpp"
#include "core/library/minisign_text.hpp"

namespace lcs::library {
namespace {

namespace text = minisign_text;

constexpr size_t kPublicKeyBytes = 2 + 8 + 32;
constexpr size_t kSecretKeyBytes = 2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32;
constexpr size_t kKeyIdAt = 54; // after sig_alg, kdf_alg, cksum_alg, salt, opslimit, memlimit
constexpr size_t kSkAt = kKeyIdAt + 8;
constexpr size_t kChecksumAt = kSkAt + 64;
constexpr size_t kMaxKeyFileBytes = 64 * 1024;

template <size_t N> std::array<uint8_t, N> take(std::string_view bytes, size_t at)
{
	std::array<uint8_t, N> out{};
	std::memcpy(out.data(), bytes.data() + at, N);
	return out;
}

std::array<uint8_t, 32> checksum(const SecretKey &key)
{
	std::string input = "Ed";
	input.append(reinterpret_cast<const char *>(key.id.bytes.data()), key.id.bytes.size());
	input.append(reinterpret_cast<const char *>(key.seed.data()), key.seed.size());
	input.append(reinterpret_cast<const char *>(key.public_key.data()), key.public_key.size());
	const auto digest = crypto::blake2b(input, 32);
	std::array<uint8_t, 32> out{};
	std::copy(digest.begin(), digest.end(), out.begin());
	return out;
}

// The base64 line of a key file: the line after the comment, or a lone line.
std::string_view key_line(std::string_view file_text, const std::string &where, const char *what)
{
	const auto lines = text::lines(file_text);
	std::vector<std::string_view> filled;
	for (const auto line : lines)
		if (!line.empty())
			filled.push_back(line);
	if (filled.size() == 1 && filled[0].substr(0, text::kUntrustedPrefix.size()) != text::kUntrustedPrefix)
		return filled[0];
	if (lines.size() >= 2 && lines[0].substr(0, text::kUntrustedPrefix.size()) == text::kUntrustedPrefix) {
		for (size_t i = 2; i < lines.size(); ++i)
			if (!lines[i].empty())
				throw Error(ErrorKind::Input, where + ": unexpected text after the key on line " + std::to_string(i + 1) + " (not a minisign " + what + ")");
		return lines[1];
	}
	if (lines.size() == 1)
		throw Error(ErrorKind::Input, where + ": only a comment line, the key line is missing (a cut-off minisign " + what + "?)");
	throw Error(ErrorKind::Input, where + ": " + text::describe_unexpected(file_text) + "; expected a minisign " + what);
}

std::string decode_key(std::string_view file_text, const std::string &where, const char *what)
{
	auto bytes = crypto::base64_decode(key_line(file_text, where, what));
	const std::string looks = text::describe_unexpected(file_text);
	if (!bytes && looks.find("untrusted comment") == std::string::npos)
		throw Error(ErrorKind::Input, where + ": " + looks + "; expected a minisign " + what);
	if (!bytes)
		throw Error(ErrorKind::Input, where + ": the key line is not valid base64 (damaged, or not a minisign " + std::string(what) + ")");
	return *bytes;
}

} // namespace

std::string KeyId::hex() const
{
	static constexpr char kHex[] = "0123456789ABCDEF";
	std::string out;
	for (auto it = bytes.rbegin(); it != bytes.rend(); ++it) {
		out.push_back(kHex[*it >> 4]);
		out.push_back(kHex[*it & 0x0F]);
	}
	return out;
}

SecretKey generate_secret_key()
{
	SecretKey key;
	key.seed = crypto::random_seed();
	const auto id_source = crypto::random_seed();
	std::copy_n(id_source.begin(), key.id.bytes.size(), key.id.bytes.begin());
	key.public_key = crypto::ed25519_public_key(key.seed);
	return key;
}

std::string format_secret_key(const SecretKey &key)
{
	std::string bytes = "Ed";
	bytes.append(2, '\0'); // kdf_alg: none (unencrypted)
	bytes += "B2";
	bytes.append(32 + 8 + 8, '\0'); // salt, opslimit, memlimit: unused without a kdf
	bytes.append(reinterpret_cast<const char *>(key.id.bytes.data()), key.id.bytes.size());
	bytes.append(reinterpret_cast<const char *>(key.seed.data()), key.seed.size());
	bytes.append(reinterpret_cast<const char *>(key.public_key.data()), key.public_key.size());
	const auto sum = checksum(key);
	bytes.append(reinterpret_cast<const char *>(sum.data()), sum.size());
	return std::string(text::kUntrustedPrefix) + "minisign unencrypted secret key " + key.id.hex() + "\n" +
	       crypto::base64_encode(bytes) + "\n";
}

std::string format_public_key(const PublicKey &key)
{
	std::string bytes = "Ed";
	bytes.append(reinterpret_cast<const char *>(key.id.bytes.data()), key.id.bytes.size());
	bytes.append(reinterpret_cast<const char *>(key.key.data()), key.key.size());
	return std::string(text::kUntrustedPrefix) + "minisign public key " + key.id.hex() + "\n" + crypto::base64_encode(bytes) + "\n";
}

SecretKey parse_secret_key(std::string_view file_text, const std::string &where)
{
	const std::string bytes = decode_key(file_text, where, "secret key");
	if (bytes.size() == kPublicKeyBytes)
		throw Error(ErrorKind::Input, where + ": this is a public key; a secret key is needed here");
	if (bytes.size() != kSecretKeyBytes)
		throw Error(ErrorKind::Input, where + ": the key is " + std::to_string(bytes.size()) + " bytes, a minisign secret key is " +
						     std::to_string(kSecretKeyBytes) + " (damaged, or not a minisign secret key)");
	if (bytes.compare(0, 2, "Ed") != 0)
		throw Error(ErrorKind::Input, where + ": unsupported signature algorithm (minisign's \"Ed\" expected)");
	if (bytes.compare(4, 2, "B2") != 0)
		throw Error(ErrorKind::Input, where + ": unsupported checksum algorithm (minisign's \"B2\" expected)");
	if (bytes.compare(2, 2, "Sc") == 0)
		throw Error(ErrorKind::Input, where + ": encrypted with a password: make an unencrypted one with `minisign -G -W` or `lcs keygen`");
	if (bytes[2] != '\0' || bytes[3] != '\0')
		throw Error(ErrorKind::Input, where + ": unsupported key derivation function");
	SecretKey key;
	key.id.bytes = take<8>(bytes, kKeyIdAt);
	key.seed = take<32>(bytes, kSkAt);
	key.public_key = take<32>(bytes, kSkAt + 32);
	const auto stored = take<32>(bytes, kChecksumAt);
	const bool no_checksum = std::all_of(stored.begin(), stored.end(), [](uint8_t b) { return b == 0; });
	if (!no_checksum && stored != checksum(key))
		throw Error(ErrorKind::Input, where + ": the key's checksum is wrong (the key file is damaged)");
	if (crypto::ed25519_public_key(key.seed) != key.public_key)
		throw Error(ErrorKind::Input, where + ": the key's public half does not match its secret half (the key file is damaged)");
	return key;
}

PublicKey parse_public_key(std::string_view file_text, const std::string &where)
{
	const std::string bytes = decode_key(file_text, where, "public key");
	if (bytes.size() == kSecretKeyBytes)
		throw Error(ErrorKind::Input, where + ": this is a SECRET key; give its .pub file (and keep the secret key secret)");
	if (bytes.size() != kPublicKeyBytes)
		throw Error(ErrorKind::Input, where + ": the key is " + std::to_string(bytes.size()) + " bytes, a minisign public key is " +
						     std::to_string(kPublicKeyBytes) + " (damaged, or not a minisign public key)");
	if (bytes.compare(0, 2, "Ed") != 0)
		throw Error(ErrorKind::Input, where + ": unsupported signature algorithm (minisign's \"Ed\" expected)");
	PublicKey key;
	key.id.bytes = take<8>(bytes, 2);
	key.key = take<32>(bytes, 10);
	return key;
}

SecretKey load_secret_key_file(const std::string &path)
{
	return parse_secret_key(text::read_small_file(path, kMaxKeyFileBytes), path);
}

PublicKey load_public_key(const std::string &file_or_line)
{
	std::error_code ec;
	const auto decoded = crypto::base64_decode(file_or_line);
	if (std::filesystem::exists(file_or_line, ec) || !decoded || decoded->size() != kPublicKeyBytes)
		return parse_public_key(text::read_small_file(file_or_line, kMaxKeyFileBytes), file_or_line);
	return parse_public_key(file_or_line, "the public key given on the command line");
}

} // namespace lcs::library
