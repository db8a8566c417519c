// `lcs keygen`, run as the real binary; its keys checked with the real minisign CLI too.
#include <gtest/gtest.h>

#include <filesystem>
#include <sys/stat.h>

#include "core/library/minisign.hpp"
#include "library/library_test_util.hpp"

namespace {

namespace fs = std::filesystem;
using lcs::library::test::Exec;
using lcs::library::test::read_file;
using lcs::library::test::run_command;
using lcs::library::test::write_file;

Exec lcs_run(const std::string &args)
{
	return run_command(std::string(LCS_CLI_PATH) + " " + args);
}

class CliKeygen : public ::testing::Test {
protected:
	void SetUp() override
	{
		dir = fs::path(::testing::TempDir()) / ("lcs-keygen-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
		fs::remove_all(dir);
		fs::create_directories(dir);
		key = (dir / "coach.key").string();
		pub = key + ".pub";
	}
	void TearDown() override { fs::remove_all(dir); }
	fs::path dir;
	std::string key, pub;
};

unsigned mode_of(const std::string &path)
{
	struct stat st {};
	return ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0;
}

TEST_F(CliKeygen, WritesAnUnencryptedPairAndPrintsTheIdAndPublicKey)
{
	const Exec r = lcs_run("keygen -o '" + key + "'");
	ASSERT_EQ(r.code, 0) << r.out;
	EXPECT_EQ(mode_of(key), 0600U);
	const std::string pub_text = read_file(pub);
	const auto secret = lcs::library::parse_secret_key(read_file(key), key);
	const auto public_key = lcs::library::parse_public_key(pub_text, pub);
	EXPECT_EQ(secret.id, public_key.id);
	EXPECT_EQ(secret.public_key, public_key.key);
	EXPECT_NE(r.out.find("key id: " + public_key.id.hex() + "\n"), std::string::npos) << r.out;
	const std::string line = pub_text.substr(pub_text.find('\n') + 1, pub_text.size() - pub_text.find('\n') - 2);
	EXPECT_NE(r.out.find("public key: " + line + "\n"), std::string::npos) << r.out;
}

TEST_F(CliKeygen, AnExistingKeyIsRefusedUnlessForced)
{
	ASSERT_EQ(lcs_run("keygen -o '" + key + "'").code, 0);
	const std::string before = read_file(key), before_pub = read_file(pub);
	const Exec again = lcs_run("keygen -o '" + key + "'");
	EXPECT_EQ(again.code, 1) << again.out;
	EXPECT_NE(again.out.find(key + " already exists"), std::string::npos) << again.out;
	EXPECT_NE(again.out.find("--force"), std::string::npos) << again.out;
	EXPECT_EQ(read_file(key), before);
	EXPECT_EQ(read_file(pub), before_pub);

	const Exec forced = lcs_run("keygen --force -o '" + key + "'");
	EXPECT_EQ(forced.code, 0) << forced.out;
	EXPECT_NE(read_file(key), before);
	EXPECT_NE(read_file(pub), before_pub);
	EXPECT_EQ(mode_of(key), 0600U);
	EXPECT_EQ(lcs::library::parse_secret_key(read_file(key), key).id, lcs::library::parse_public_key(read_file(pub), pub).id);
	for (const auto &entry : fs::directory_iterator(dir)) // no temporary file left
		EXPECT_TRUE(entry.path() == key || entry.path() == pub) << entry.path();
}

TEST_F(CliKeygen, AnExistingPublicKeyAloneIsRefusedAndNothingIsWritten)
{
	write_file(pub, "someone's key\n");
	const Exec r = lcs_run("keygen -o '" + key + "'");
	EXPECT_EQ(r.code, 1) << r.out;
	EXPECT_NE(r.out.find(pub + " already exists"), std::string::npos) << r.out;
	EXPECT_FALSE(fs::exists(key));
	EXPECT_EQ(read_file(pub), "someone's key\n");
}

TEST_F(CliKeygen, AFileThatCannotBeWrittenIsAnEnvironmentError)
{
	const std::string missing = (dir / "no-such-folder" / "k.key").string();
	const Exec r = lcs_run("keygen -o '" + missing + "'");
	EXPECT_EQ(r.code, 3) << r.out;
	EXPECT_NE(r.out.find(missing), std::string::npos) << r.out;
	EXPECT_NE(r.out.find("cannot be written"), std::string::npos) << r.out;
	// KEY writable but KEY.pub not (a folder of that name): no half pair is left.
	fs::create_directories(pub);
	write_file((fs::path(pub) / "x").string(), "x");
	const Exec half = lcs_run("keygen --force -o '" + key + "'");
	EXPECT_EQ(half.code, 3) << half.out;
}

TEST_F(CliKeygen, UsageAndHelp)
{
	EXPECT_EQ(lcs_run("keygen").code, 2);
	const Exec help = lcs_run("keygen --help");
	EXPECT_EQ(help.code, 0);
	EXPECT_NE(help.out.find("--force"), std::string::npos) << help.out;
	EXPECT_NE(help.out.find("minisign"), std::string::npos) << help.out;
}

TEST_F(CliKeygen, MinisignSignsWithTheKeyAndVerifiesWithThePub)
{
	ASSERT_EQ(run_command("command -v minisign").code, 0) << "the minisign CLI is not installed: run installer/deps.sh (apt: minisign)";
	ASSERT_EQ(lcs_run("keygen -o '" + key + "'").code, 0);
	const std::string file = (dir / "index.json").string();
	write_file(file, "{\"schema\":\"lcs.library/1\"}\n");
	const Exec s = run_command("minisign -S -s '" + key + "' -m '" + file + "' -t 'library=a version=1'");
	ASSERT_EQ(s.code, 0) << s.out;
	const Exec v = run_command("minisign -V -H -p '" + pub + "' -m '" + file + "'");
	EXPECT_EQ(v.code, 0) << v.out;
	const auto verified = lcs::library::verify(read_file(file), read_file(file + ".minisig"), {lcs::library::load_public_key(pub)}, "sig");
	EXPECT_EQ(verified.trusted_comment, "library=a version=1");
}

} // namespace
