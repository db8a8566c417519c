// minisign keys and signatures, without the minisign CLI (minisign_interop_test.cpp runs it).
#include <gtest/gtest.h>

#include "core/crypto/base64.hpp"
#include "core/crypto/ed25519.hpp"
#include "core/library/minisign.hpp"
#include "library/library_test_util.hpp"

namespace lcs::library {
namespace {

using test::fixture;
using test::read_file;
using test::throws_error;

// Made by `minisign -G -W` 0.11: an unencrypted key, all-zero checksum.
constexpr const char *kMinisignKey =
	"untrusted comment: minisign encrypted secret key\n"
	"RWQAAEIyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAFMEanc8cZ0SokdSLwEFMp2973KlxQc5m5SEhnq8jIiMW2jOVmnaN"
	"51ukLe9vuSJC2Z41dniDKEpmIffrkyMRbKRdJtI/Hc9WAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
constexpr const char *kMinisignPub = "untrusted comment: minisign public key 44671CCF9D1AC114\n"
				     "RWQUwRqdzxxnRFukLe9vuSJC2Z41dniDKEpmIffrkyMRbKRdJtI/Hc9W\n";

// The key's base64 line decoded, changed by `edit`, encoded back.
std::string edit_key(const std::string &file, const std::function<void(std::string &)> &edit)
{
	const size_t nl = file.find('\n');
	const std::string line = file.substr(nl + 1, file.find('\n', nl + 1) - nl - 1);
	std::string bytes = *crypto::base64_decode(line);
	edit(bytes);
	return file.substr(0, nl + 1) + crypto::base64_encode(bytes) + "\n";
}

std::vector<std::string> sig_lines(const std::string &sig)
{
	std::vector<std::string> out;
	std::istringstream in(sig);
	for (std::string l; std::getline(in, l);)
		out.push_back(l);
	return out;
}

TEST(MinisignKeys, KeyIdPrintsMostSignificantByteFirst)
{
	const PublicKey pub = parse_public_key(kMinisignPub, "x.pub");
	EXPECT_EQ(pub.id.bytes[0], 0x14); // stored little-endian
	EXPECT_EQ(pub.id.hex(), "44671CCF9D1AC114");
}

TEST(MinisignKeys, PublicKeyFromFileTextOrBareLine)
{
	const PublicKey file = parse_public_key(kMinisignPub, "x.pub");
	const PublicKey line = parse_public_key("RWQUwRqdzxxnRFukLe9vuSJC2Z41dniDKEpmIffrkyMRbKRdJtI/Hc9W", "-P");
	EXPECT_EQ(file.id, line.id);
	EXPECT_EQ(file.key, line.key);
}

TEST(MinisignKeys, AByteOrderMarkAndWindowsLineEndingsAreAccepted)
{
	std::string crlf = kMinisignPub;
	crlf.replace(crlf.find('\n'), 1, "\r\n");
	EXPECT_EQ(parse_public_key("\xEF\xBB\xBF" + crlf, "x.pub").id.hex(), "44671CCF9D1AC114");
}

TEST(MinisignKeys, UnencryptedMinisignKeyWithoutChecksumIsAccepted)
{
	const SecretKey key = parse_secret_key(kMinisignKey, "x.key");
	const PublicKey pub = parse_public_key(kMinisignPub, "x.pub");
	EXPECT_EQ(key.id, pub.id);
	EXPECT_EQ(key.public_key, pub.key);
	EXPECT_EQ(crypto::ed25519_public_key(key.seed), pub.key);
}

TEST(MinisignKeys, KeyMinisignDecryptedKeepsItsChecksumAndOursIsTheSame)
{
	const std::string file = read_file(fixture("minisign-decrypted.key"));
	const SecretKey key = parse_secret_key(file, "minisign-decrypted.key");
	EXPECT_EQ(key.id.hex(), "DE4F6F4A5AE334BC");
	const PublicKey pub = parse_public_key(read_file(fixture("minisign-encrypted.pub")), "minisign-encrypted.pub");
	EXPECT_EQ(key.public_key, pub.key);
	// The checksum we write for this key is byte for byte the one minisign computed.
	const auto decode = [](const std::string &f) {
		const size_t nl = f.find('\n');
		return *crypto::base64_decode(f.substr(nl + 1, f.find('\n', nl + 1) - nl - 1));
	};
	const std::string theirs = decode(file), ours = decode(format_secret_key(key));
	ASSERT_EQ(theirs.size(), 158U);
	ASSERT_EQ(ours.size(), 158U);
	EXPECT_NE(theirs.substr(126), std::string(32, '\0'));
	EXPECT_EQ(ours.substr(126), theirs.substr(126));
	EXPECT_EQ(ours.substr(54, 72), theirs.substr(54, 72)); // key id || seed || public key
}

TEST(MinisignKeys, DamagedChecksumIsRefused)
{
	const std::string file = edit_key(read_file(fixture("minisign-decrypted.key")), [](std::string &b) { b[140] ^= 1; });
	EXPECT_TRUE(throws_error([&] { parse_secret_key(file, "k.key"); }, ErrorKind::Input, {"k.key", "checksum is wrong"}));
}

TEST(MinisignKeys, PublicHalfThatDoesNotMatchTheSeedIsRefused)
{
	const std::string file = edit_key(kMinisignKey, [](std::string &b) { b[100] ^= 1; });
	EXPECT_TRUE(throws_error([&] { parse_secret_key(file, "k.key"); }, ErrorKind::Input, {"k.key", "public half does not match"}));
}

TEST(MinisignKeys, EncryptedKeyIsRefusedWithHowToMakeAnUnencryptedOne)
{
	EXPECT_TRUE(throws_error([&] { parse_secret_key(read_file(fixture("minisign-encrypted.key")), "team.key"); }, ErrorKind::Input,
				 {"team.key", "encrypted with a password", "minisign -G -W", "lcs keygen"}));
}

TEST(MinisignKeys, GeneratedKeysRoundTripThroughTheirFiles)
{
	const SecretKey key = generate_secret_key();
	EXPECT_EQ(crypto::ed25519_public_key(key.seed), key.public_key);
	const SecretKey back = parse_secret_key(format_secret_key(key), "k");
	EXPECT_EQ(back.id, key.id);
	EXPECT_EQ(back.seed, key.seed);
	EXPECT_EQ(back.public_key, key.public_key);
	const std::string pub_text = format_public_key(key.public_part());
	EXPECT_EQ(pub_text.rfind("untrusted comment: minisign public key " + key.id.hex() + "\n", 0), 0U) << pub_text;
	const PublicKey pub = parse_public_key(pub_text, "k.pub");
	EXPECT_EQ(pub.id, key.id);
	EXPECT_EQ(pub.key, key.public_key);
	EXPECT_NE(generate_secret_key().id, key.id);
}

TEST(MinisignKeys, WrongKindOfKeyIsNamed)
{
	EXPECT_TRUE(throws_error([] { parse_secret_key(kMinisignPub, "a.pub"); }, ErrorKind::Input, {"a.pub", "this is a public key"}));
	EXPECT_TRUE(throws_error([] { parse_public_key(kMinisignKey, "a.key"); }, ErrorKind::Input, {"a.key", "SECRET key"}));
}

TEST(MinisignKeys, MalformedKeyFilesAreRefusedWithWhatIsWrong)
{
	const auto refused = [](const std::string &text, std::initializer_list<std::string> parts) {
		EXPECT_TRUE(throws_error([&] { parse_public_key(text, "p.pub"); }, ErrorKind::Input, parts)) << text;
	};
	refused("", {"p.pub", "empty"});
	refused("<!DOCTYPE html><html><body>Login</body></html>", {"p.pub", "HTML page"});
	refused("untrusted comment: minisign public key 44671CCF9D1AC114\n", {"p.pub", "key line is missing"});
	refused("untrusted comment: x\nRWQUwRqdzxxnRFukLe9vuSJC2Z41dniDKEpmIffrkyMRbKRdJtI/Hc9\n", {"p.pub", "not valid base64"});
	refused("untrusted comment: x\nRWQUwRqdzxxnRFukLe9vuSJC2Z41dniDKEpmIffrkyMRbKRdJtI/Hc9W \n", {"p.pub", "not valid base64"});
	refused("untrusted comment: x\nRWQUwRqdzxxnRFuk\n", {"p.pub", "12 bytes", "42"});
	refused("untrusted comment: x\nRWQUwRqdzxxnRFukLe9vuSJC2Z41dniDKEpmIffrkyMRbKRdJtI/Hc9W\nmore\n", {"p.pub", "unexpected text"});
	refused(edit_key(kMinisignPub, [](std::string &b) { b[1] = 'X'; }), {"p.pub", "unsupported signature algorithm"});
	EXPECT_TRUE(throws_error([] { parse_secret_key(edit_key(kMinisignKey, [](std::string &b) { b[4] = 'Z'; }), "s"); }, ErrorKind::Input,
				 {"unsupported checksum"}));
	EXPECT_TRUE(throws_error([] { parse_secret_key(edit_key(kMinisignKey, [](std::string &b) { b[2] = 'Q'; }), "s"); }, ErrorKind::Input,
				 {"unsupported key derivation"}));
	EXPECT_TRUE(throws_error([] { load_public_key("/no/such/dir/team.pub"); }, ErrorKind::Input, {"/no/such/dir/team.pub", "cannot be read"}));
}

TEST(MinisignKeys, LoadPublicKeyTakesABareLineWhenNoSuchFileExists)
{
	EXPECT_EQ(load_public_key("RWQUwRqdzxxnRFukLe9vuSJC2Z41dniDKEpmIffrkyMRbKRdJtI/Hc9W").id.hex(), "44671CCF9D1AC114");
	EXPECT_EQ(load_public_key(fixture("minisign-encrypted.pub")).id.hex(), "DE4F6F4A5AE334BC");
}

class MinisignSignatures : public ::testing::Test {
protected:
	SecretKey key = generate_secret_key();
	std::string data = "{\"schema\":\"lcs.library/1\"}\n";
	std::string sig = sign(data, key, "library=team version=3 published_at=2026-01-01T00:00:00Z");
	std::vector<PublicKey> trusted{key.public_part()};
};

TEST_F(MinisignSignatures, SignedDataVerifiesWithItsKeyIdAndTrustedComment)
{
	const Verified v = verify(data, sig, trusted, "index.json.minisig");
	EXPECT_EQ(v.key_id, key.id);
	EXPECT_EQ(v.trusted_comment, "library=team version=3 published_at=2026-01-01T00:00:00Z");
	const auto lines = sig_lines(sig);
	ASSERT_EQ(lines.size(), 4U);
	EXPECT_EQ(lines[0], "untrusted comment: signature from lcs secret key");
	EXPECT_EQ(crypto::base64_decode(lines[1])->substr(0, 2), "ED"); // always prehashed
}

TEST_F(MinisignSignatures, ChangedDataIsRefused)
{
	std::string changed = data;
	changed[3] ^= 1;
	EXPECT_TRUE(throws_error([&] { verify(changed, sig, trusted, "index.json.minisig"); }, ErrorKind::Integrity,
				 {"index.json.minisig", key.id.hex(), "does not match the signed file"}));
	EXPECT_TRUE(throws_error([&] { verify(data + " ", sig, trusted, "s"); }, ErrorKind::Integrity, {"does not match"}));
}

TEST_F(MinisignSignatures, ChangedTrustedCommentIsRefusedByTheGlobalSignature)
{
	std::string changed = sig;
	changed.replace(changed.find("version=3"), 9, "version=9");
	EXPECT_TRUE(throws_error([&] { verify(data, changed, trusted, "s"); }, ErrorKind::Integrity, {"trusted comment", "changed"}));
}

TEST_F(MinisignSignatures, UnknownKeyIsNamedByItsId)
{
	const SecretKey other = generate_secret_key();
	EXPECT_TRUE(throws_error([&] { verify(data, sig, {other.public_part()}, "https://h/lib/index.json.minisig"); }, ErrorKind::Integrity,
				 {"https://h/lib/index.json.minisig", "signed by key " + key.id.hex(), "not a trusted key", other.id.hex()}));
	EXPECT_TRUE(throws_error([&] { verify(data, sig, {}, "s"); }, ErrorKind::Integrity, {"not a trusted key", "trusted: none"}));
}

TEST_F(MinisignSignatures, AnyOfSeveralTrustedKeysVerifies)
{
	const SecretKey a = generate_secret_key(), b = generate_secret_key();
	const std::vector<PublicKey> team{a.public_part(), key.public_part(), b.public_part()};
	EXPECT_EQ(verify(data, sig, team, "s").key_id, key.id);
	EXPECT_EQ(verify(data, sign(data, b, "c"), team, "s").key_id, b.id);
}

TEST_F(MinisignSignatures, SameIdButOtherKeyMaterialIsRefused)
{
	PublicKey impostor = generate_secret_key().public_part();
	impostor.id = key.id;
	EXPECT_TRUE(throws_error([&] { verify(data, sig, {impostor}, "s"); }, ErrorKind::Integrity, {"does not match"}));
}

TEST_F(MinisignSignatures, LegacyUnhashedSignatureIsAccepted)
{
	// "Ed": Ed25519 over the data itself (what `minisign -S -l` writes).
	const auto s = crypto::ed25519_sign(key.seed, data);
	std::string bytes = "Ed" + std::string(reinterpret_cast<const char *>(key.id.bytes.data()), 8) +
			    std::string(reinterpret_cast<const char *>(s.data()), 64);
	const std::string comment = "legacy";
	const auto g = crypto::ed25519_sign(key.seed, std::string(reinterpret_cast<const char *>(s.data()), 64) + comment);
	const std::string legacy = "untrusted comment: x\n" + crypto::base64_encode(bytes) + "\ntrusted comment: " + comment + "\n" +
				   crypto::base64_encode(std::string(reinterpret_cast<const char *>(g.data()), 64)) + "\n";
	EXPECT_EQ(verify(data, legacy, trusted, "s").trusted_comment, "legacy");
	std::string changed = data;
	changed[0] = '[';
	EXPECT_TRUE(throws_error([&] { verify(changed, legacy, trusted, "s"); }, ErrorKind::Integrity, {"does not match"}));
}

TEST_F(MinisignSignatures, WindowsLineEndingsStillVerify)
{
	std::string crlf;
	for (const auto &l : sig_lines(sig))
		crlf += l + "\r\n";
	EXPECT_EQ(verify(data, crlf, trusted, "s").key_id, key.id);
}

TEST_F(MinisignSignatures, MalformedSignaturesSayWhatTheyLookLike)
{
	const auto refused = [&](const std::string &text, std::initializer_list<std::string> parts) {
		EXPECT_TRUE(throws_error([&] { verify(data, text, trusted, "http://h/index.json.minisig"); }, ErrorKind::Integrity, parts))
			<< text;
	};
	const auto lines = sig_lines(sig);
	refused("", {"http://h/index.json.minisig", "is empty"});
	refused("<!DOCTYPE html>\n<html><head><title>Wi-Fi login</title></head><body>Please log in</body></html>\n", {"HTML page", "captive portal"});
	refused("<html>\n<body>502 Bad Gateway</body></html>", {"HTML page"});
	refused("{\"error\":\"not found\"}", {"JSON"});
	refused(std::string("\x89PNG\r\n\x1a\n\0\0", 10), {"binary"});
	refused("hello world\n", {"does not start with \"untrusted comment: \""});
	refused(lines[0] + "\n" + lines[1] + "\n", {"only 2 of the 4 lines"});
	refused(lines[0] + "\n" + lines[1].substr(0, 50) + "\n" + lines[2] + "\n" + lines[3] + "\n", {"line 2", "not base64 of 74 bytes"});
	refused(lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n" + lines[3].substr(0, 40) + "\n", {"line 4"});
	refused(lines[0] + "\n" + lines[1] + "\n" + "comment: x\n" + lines[3] + "\n", {"line 3", "trusted comment: "});
	refused(lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\x01\n" + lines[3] + "\n", {"unprintable"});
	refused(sig + "extra\n", {"unexpected text on line 5"});
	refused(sig + std::string(5000, '\n'), {"over 4096 bytes"});
	std::string alg = *crypto::base64_decode(lines[1]);
	alg[1] = 'x';
	refused(lines[0] + "\n" + crypto::base64_encode(alg) + "\n" + lines[2] + "\n" + lines[3] + "\n", {"unsupported signature algorithm"});
}

TEST_F(MinisignSignatures, CommentsMustBeOnePrintableLine)
{
	EXPECT_TRUE(throws_error([&] { sign(data, key, "two\nlines"); }, ErrorKind::Input, {"trusted comment"}));
	EXPECT_TRUE(throws_error([&] { sign(data, key, "ok", "bad\r"); }, ErrorKind::Input, {"untrusted comment"}));
	EXPECT_TRUE(throws_error([&] { sign(data, key, std::string(9000, 'a')); }, ErrorKind::Input, {"8 KiB"}));
	const std::string chinese = "团队话术库 version=2\tok";
	EXPECT_EQ(verify(data, sign(data, key, chinese), trusted, "s").trusted_comment, chinese);
}

} // namespace
} // namespace lcs::library
