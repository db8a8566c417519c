// Interoperability with the real minisign CLI (Debian's minisign 0.11, installed by
// installer/deps.sh): what we sign, minisign verifies; what minisign makes, we accept.
// These tests fail, not skip, when minisign is missing.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/library/format.hpp"
#include "core/library/minisign.hpp"
#include "library/library_test_util.hpp"

namespace lcs::library {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::write_file;

std::string q(const fs::path &p)
{
	return "'" + p.string() + "'";
}

class MinisignInterop : public ::testing::Test {
protected:
	void SetUp() override
	{
		ASSERT_EQ(test::run_command("command -v minisign").code, 0) << "the minisign CLI is not installed: run installer/deps.sh (apt: minisign)";
		dir = fs::path(::testing::TempDir()) / ("lcs-minisign-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
		fs::remove_all(dir);
		fs::create_directories(dir);
		index_text = write_index(Index{"team-a", 7, "2026-03-01T08:30:00Z", std::nullopt, {"snapshots/7.json", std::string(64, 'c'), 99}});
		write_file((dir / "index.json").string(), index_text);
	}
	void TearDown() override { fs::remove_all(dir); }

	fs::path dir;
	std::string index_text;
};

TEST_F(MinisignInterop, IndexWeSignVerifiesWithMinisign)
{
	const SecretKey key = generate_secret_key();
	write_file((dir / "team.pub").string(), format_public_key(key.public_part()));
	const std::string comment = "library=team-a version=7 published_at=2026-03-01T08:30:00Z";
	write_file((dir / "index.json.minisig").string(), sign(index_text, key, comment));
	// -H: minisign insists the signature is prehashed ("ED").
	const test::Exec ok = test::run_command("minisign -V -H -m " + q(dir / "index.json") + " -p " + q(dir / "team.pub"));
	EXPECT_EQ(ok.code, 0) << ok.out;
	EXPECT_NE(ok.out.find("Trusted comment: " + comment), std::string::npos) << ok.out;

	write_file((dir / "index.json").string(), index_text + " ");
	const test::Exec changed = test::run_command("minisign -V -m " + q(dir / "index.json") + " -p " + q(dir / "team.pub"));
	EXPECT_NE(changed.code, 0) << changed.out;
}

TEST_F(MinisignInterop, KeyPairAndSignatureMinisignMakesAreAccepted)
{
	const test::Exec gen = test::run_command("minisign -G -W -p " + q(dir / "coach.pub") + " -s " + q(dir / "coach.key"));
	ASSERT_EQ(gen.code, 0) << gen.out;
	const test::Exec sig = test::run_command("minisign -S -s " + q(dir / "coach.key") + " -m " + q(dir / "index.json") + " -t 'library=team-a version=7'");
	ASSERT_EQ(sig.code, 0) << sig.out;

	const PublicKey pub = parse_public_key(read_file((dir / "coach.pub").string()), "coach.pub");
	const SecretKey sec = parse_secret_key(read_file((dir / "coach.key").string()), "coach.key");
	EXPECT_EQ(sec.id, pub.id);
	EXPECT_EQ(sec.public_key, pub.key);
	const std::string sig_text = read_file((dir / "index.json.minisig").string());
	const Verified v = verify(index_text, sig_text, {pub}, "index.json.minisig");
	EXPECT_EQ(v.key_id, pub.id);
	EXPECT_EQ(v.trusted_comment, "library=team-a version=7");
	EXPECT_THROW(verify(index_text + "x", sig_text, {pub}, "s"), Error);

	// And we can sign with minisign's secret key: minisign verifies it with its own .pub.
	write_file((dir / "index.json.minisig").string(), sign(index_text, sec, "ours"));
	const test::Exec back = test::run_command("minisign -V -H -m " + q(dir / "index.json") + " -p " + q(dir / "coach.pub"));
	EXPECT_EQ(back.code, 0) << back.out;
}

TEST_F(MinisignInterop, LegacySignatureMinisignMakesIsAccepted)
{
	ASSERT_EQ(test::run_command("minisign -G -W -p " + q(dir / "k.pub") + " -s " + q(dir / "k.key")).code, 0);
	const test::Exec sig = test::run_command("minisign -S -l -s " + q(dir / "k.key") + " -m " + q(dir / "index.json") + " -t legacy");
	ASSERT_EQ(sig.code, 0) << sig.out;
	const std::string sig_text = read_file((dir / "index.json.minisig").string());
	const PublicKey pub = parse_public_key(read_file((dir / "k.pub").string()), "k.pub");
	EXPECT_EQ(verify(index_text, sig_text, {pub}, "s").trusted_comment, "legacy");
	EXPECT_THROW(verify(index_text + "x", sig_text, {pub}, "s"), Error);
}

TEST_F(MinisignInterop, KeyWeWriteSignsWithMinisignAndItsPubVerifiesMinisign)
{
	const SecretKey key = generate_secret_key();
	write_file((dir / "ours.key").string(), format_secret_key(key));
	write_file((dir / "ours.pub").string(), format_public_key(key.public_part()));
	const test::Exec sig = test::run_command("minisign -S -s " + q(dir / "ours.key") + " -m " + q(dir / "index.json") + " -t by-minisign");
	ASSERT_EQ(sig.code, 0) << sig.out;
	const test::Exec ver = test::run_command("minisign -V -m " + q(dir / "index.json") + " -p " + q(dir / "ours.pub"));
	EXPECT_EQ(ver.code, 0) << ver.out;
	EXPECT_EQ(verify(index_text, read_file((dir / "index.json.minisig").string()), {key.public_part()}, "s").trusted_comment, "by-minisign");
	// minisign derives the same public key file (id and key) from our secret key.
	const test::Exec recreate = test::run_command("minisign -R -s " + q(dir / "ours.key") + " -p " + q(dir / "again.pub"));
	ASSERT_EQ(recreate.code, 0) << recreate.out;
	// The key lines are equal; the untrusted comments may differ in form (minisign prints the id
	// without leading zeros, one key in sixteen), so only the key line is compared.
	const auto key_line = [](const std::string &text) { return text.substr(text.find('\n') + 1); };
	EXPECT_EQ(key_line(read_file((dir / "again.pub").string())), key_line(read_file((dir / "ours.pub").string())));
}

} // namespace
} // namespace lcs::library
