// minisign's signature files:
//   untrusted comment: <text>
//   base64(sig_alg "ED" or "Ed" || key id || Ed25519 signature)
//   trusted comment: <text>
//   base64(Ed25519 signature over (the signature above || the trusted comment's text))
// "ED" signs BLAKE2b-512 of the data, legacy "Ed" the data itself.
#include <algorithm>
#include <cstring>

#include "core/crypto/base64.hpp"
#include "core/crypto/ed25519.hpp"
#include "core/library/error.hpp"
#include "core/library/format.hpp"
#include "core/library/minisign.hpp"
#include "core/library/minisign_text.hpp"

namespace lcs::library {
namespace {

namespace text = minisign_text;

constexpr size_t kMaxCommentBytes = 8192 - 32; // under minisign's TRUSTEDCOMMENTMAXBYTES with its prefix

std::string_view as_view(const std::array<uint8_t, 64> &bytes)
{
	return {reinterpret_cast<const char *>(bytes.data()), bytes.size()};
}

void check_comment(std::string_view comment, const char *which)
{
	if (comment.size() > kMaxCommentBytes || !text::is_printable_comment(comment))
		throw Error(ErrorKind::Input, std::string("the ") + which + " comment must be one line of printable UTF-8 under 8 KiB");
}

struct ParsedSignature {
	bool prehashed = true;
	KeyId key_id;
	crypto::Ed25519Signature signature{};
	std::string trusted_comment;
	crypto::Ed25519Signature global_signature{};
};

[[noreturn]] void fail(const std::string &where, const std::string &what)
{
	throw Error(ErrorKind::Integrity, where + ": " + what);
}

ParsedSignature parse_signature(std::string_view file_text, const std::string &where)
{
	if (file_text.size() > kMaxSignatureBytes)
		fail(where, "over " + std::to_string(kMaxSignatureBytes) + " bytes, not a library signature");
	const auto lines = text::lines(file_text);
	if (lines.empty() || lines[0].substr(0, text::kUntrustedPrefix.size()) != text::kUntrustedPrefix)
		fail(where, text::describe_unexpected(file_text) + "; expected a minisign signature");
	if (lines.size() < 4)
		fail(where, "only " + std::to_string(lines.size()) + " of the 4 lines of a minisign signature (cut off?)");
	for (size_t i = 4; i < lines.size(); ++i)
		if (!lines[i].empty())
			fail(where, "unexpected text on line " + std::to_string(i + 1) + " after the global signature");

	ParsedSignature out;
	const auto sig = crypto::base64_decode(lines[1]);
	if (!sig || sig->size() != 2 + 8 + 64)
		fail(where, "line 2 is not a minisign signature (not base64 of 74 bytes: damaged?)");
	if (sig->compare(0, 2, "ED") == 0)
		out.prehashed = true;
	else if (sig->compare(0, 2, "Ed") == 0)
		out.prehashed = false;
	else
		fail(where, "unsupported signature algorithm (minisign's \"ED\" or \"Ed\" expected)");
	std::memcpy(out.key_id.bytes.data(), sig->data() + 2, 8);
	std::memcpy(out.signature.data(), sig->data() + 10, 64);

	if (lines[2].substr(0, text::kTrustedPrefix.size()) != text::kTrustedPrefix)
		fail(where, "line 3 does not start with \"trusted comment: \"");
	out.trusted_comment = std::string(lines[2].substr(text::kTrustedPrefix.size()));
	if (!text::is_printable_comment(out.trusted_comment))
		fail(where, "the trusted comment has unprintable characters");

	const auto global = crypto::base64_decode(lines[3]);
	if (!global || global->size() != 64)
		fail(where, "line 4 is not a global signature (not base64 of 64 bytes: damaged?)");
	std::memcpy(out.global_signature.data(), global->data(), 64);
	return out;
}

std::string ids_of(const std::vector<PublicKey> &keys)
{
	std::string out;
	for (const auto &k : keys)
		out += (out.empty() ? "" : ", ") + k.id.hex();
	return out.empty() ? "none" : out;
}

} // namespace

std::string sign(std::string_view data, const SecretKey &key, std::string_view trusted_comment, std::string_view untrusted_comment)
{
	check_comment(trusted_comment, "trusted");
	check_comment(untrusted_comment, "untrusted");
	const auto prehash = crypto::blake2b512(data);
	const auto signature = crypto::ed25519_sign(key.seed, as_view(prehash));
	std::string global_input(as_view(signature));
	global_input += trusted_comment;
	const auto global = crypto::ed25519_sign(key.seed, global_input);

	std::string sig_bytes = "ED";
	sig_bytes.append(reinterpret_cast<const char *>(key.id.bytes.data()), key.id.bytes.size());
	sig_bytes += as_view(signature);
	std::string out;
	out += text::kUntrustedPrefix;
	out += untrusted_comment;
	out += '\n';
	out += crypto::base64_encode(sig_bytes) + "\n";
	out += text::kTrustedPrefix;
	out += trusted_comment;
	out += '\n';
	out += crypto::base64_encode(as_view(global)) + "\n";
	return out;
}

Verified verify(std::string_view data, std::string_view signature_text, const std::vector<PublicKey> &trusted, const std::string &where)
{
	const ParsedSignature sig = parse_signature(signature_text, where);
	std::vector<const PublicKey *> candidates;
	for (const auto &k : trusted)
		if (k.id == sig.key_id)
			candidates.push_back(&k);
	if (candidates.empty())
		fail(where, "signed by key " + sig.key_id.hex() + ", which is not a trusted key (trusted: " + ids_of(trusted) + ")");

	std::string global_input(as_view(sig.signature));
	global_input += sig.trusted_comment;
	const auto prehash = sig.prehashed ? crypto::blake2b512(data) : std::array<uint8_t, 64>{};
	const std::string_view message = sig.prehashed ? as_view(prehash) : data;
	bool data_ok = false;
	for (const PublicKey *k : candidates) {
		const bool ok = crypto::ed25519_verify(k->key, message, sig.signature);
		if (!ok)
			continue;
		data_ok = true;
		if (crypto::ed25519_verify(k->key, global_input, sig.global_signature))
			return {sig.key_id, sig.trusted_comment};
	}
	if (!data_ok)
		fail(where, "the signature by key " + sig.key_id.hex() + " does not match the signed file (changed since it was signed?)");
	fail(where, "the trusted comment's signature is wrong (the trusted comment was changed)");
}

} // namespace lcs::library
