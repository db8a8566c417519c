#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// minisign's key and signature files (https://jedisct1.github.io/minisign/), with OpenSSL only:
// keys "Ed", signatures "ED" (Ed25519 over BLAKE2b-512 of the data) plus the global signature
// over (signature || trusted comment). Every parse error throws library::Error (Integrity for
// signatures, Input for key files) naming `where` and what is wrong.
namespace lcs::library {

/// A key id: 8 bytes as stored in the files (little-endian); hex() prints it as minisign does
/// (most significant byte first, 16 uppercase hex digits).
struct KeyId {
	std::array<uint8_t, 8> bytes{};
	[[nodiscard]] std::string hex() const;
	bool operator==(const KeyId &) const = default;
};

struct PublicKey {
	KeyId id;
	std::array<uint8_t, 32> key{};
};

struct SecretKey {
	KeyId id;
	std::array<uint8_t, 32> seed{};       // Ed25519 private key (libsodium's sk is seed || public key)
	std::array<uint8_t, 32> public_key{}; // derived from the seed; checked on load
	[[nodiscard]] PublicKey public_part() const { return {id, public_key}; }
};

/// A new key pair from the system's random source, with a random key id.
SecretKey generate_secret_key();

/// The text of an unencrypted secret key file, as `minisign -G -W` writes it (checksum included,
/// so minisign itself accepts it).
std::string format_secret_key(const SecretKey &key);
/// The text of a public key file (`untrusted comment: minisign public key <ID>` + base64 line).
std::string format_public_key(const PublicKey &key);

/// Reads a secret key file's text. Refuses an encrypted key ("encrypted with a password: make an
/// unencrypted one with `minisign -G -W` or `lcs keygen`"), a bad checksum or a seed that does
/// not give the stored public key.
SecretKey parse_secret_key(std::string_view text, const std::string &where);
/// Reads a public key: a .pub file's text, or the bare base64 line (`minisign -P <line>`).
PublicKey parse_public_key(std::string_view text, const std::string &where);

/// A secret key file (`--key`); Error(Input) naming it when it cannot be read or parsed.
SecretKey load_secret_key_file(const std::string &path);
/// A public key (`--trust`): a .pub file, or the bare base64 line when no such file exists.
PublicKey load_public_key(const std::string &file_or_line);

/// A .minisig file for `data`: prehashed ("ED"), with both comments on one line each. The trusted
/// comment is signed too (it must be printable UTF-8, one line, under 8 KiB, else Error(Input));
/// for a library index it is `library=<id> version=<N> published_at=<time>`
/// (index_trusted_comment() in format.hpp), so `minisign -V` shows what was signed.
std::string sign(std::string_view data, const SecretKey &key, std::string_view trusted_comment,
		 std::string_view untrusted_comment = "signature from lcs secret key");

struct Verified {
	KeyId key_id;
	std::string trusted_comment;
};

/// Checks `signature_text` (a .minisig file) over `data` against the trusted keys, before anything
/// else reads `data`. Accepts minisign's prehashed "ED" signatures and, as minisign 0.11 does by
/// default, its legacy "Ed" ones (Ed25519 over the data itself). A signature file over
/// kMaxSignatureBytes is refused unread. Throws Error(Integrity): not a minisign signature (with what it looks like,
/// e.g. an HTML page), made by a key not trusted (its id), signature or global signature wrong.
Verified verify(std::string_view data, std::string_view signature_text, const std::vector<PublicKey> &trusted,
		const std::string &where);

} // namespace lcs::library
