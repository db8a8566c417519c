// lcs publish and lcs sync through the real binary: what they print and their exit codes
// (contract.md section 3), on a folder library.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

#include "library/sync_test_util.hpp"

namespace lcs::test {
namespace {

struct Result {
	int code = -1;
	std::string out;
};

Result run(const std::string &args)
{
	Result r;
	const std::string command = std::string(LCS_CLI_PATH) + " " + args + " 2>&1";
	FILE *pipe = popen(command.c_str(), "r");
	if (!pipe)
		return r;
	std::array<char, 4096> buf{};
	size_t n = 0;
	while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0)
		r.out.append(buf.data(), n);
	const int status = pclose(pipe);
	r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	return r;
}

class CliLibrary : public ::testing::Test {
protected:
	TempDir temp;
	fs::path host = temp.path() / "host";
	fs::path packs = temp.path() / "packs";
	fs::path cache = temp.path() / "cache";
	library::SecretKey key = library::generate_secret_key();
	fs::path key_file = temp.path() / "coach.key";
	fs::path pub_file = temp.path() / "coach.key.pub";

	void SetUp() override
	{
		fs::create_directories(host);
		write_bytes(key_file, library::format_secret_key(key));
		write_bytes(pub_file, library::format_public_key(key.public_part()));
		write_bytes(packs / "tea.json", pack_text("tea"));
	}
	Result publish(const std::string &extra = "--library school --message 'first'")
	{
		return run("publish " + packs.string() + " --to " + host.string() + " --key " + key_file.string() + " " + extra);
	}
	Result sync(const std::string &extra = "")
	{
		return run("sync " + host.string() + " --trust " + pub_file.string() + " --cache " + cache.string() + " " + extra);
	}
};

TEST_F(CliLibrary, PublishThenSyncThenNothingNew)
{
	const auto p = publish();
	EXPECT_EQ(p.code, 0) << p.out;
	EXPECT_NE(p.out.find("published version 1 of school"), std::string::npos) << p.out;
	EXPECT_NE(p.out.find("publisher " + key.id.hex()), std::string::npos) << p.out;
	EXPECT_NE(p.out.find("1 added, 0 changed, 0 removed"), std::string::npos) << p.out;
	EXPECT_NE(p.out.find("objects: 1 uploaded"), std::string::npos) << p.out;

	const auto s = sync();
	EXPECT_EQ(s.code, 0) << s.out;
	EXPECT_NE(s.out.find("synced: version 1 of school"), std::string::npos) << s.out;
	EXPECT_NE(s.out.find((cache / "school" / "current").string()), std::string::npos) << s.out;
	EXPECT_EQ(read_bytes(cache / "school" / "current" / "tea.json"), pack_text("tea"));

	const auto again = sync();
	EXPECT_EQ(again.code, 0) << again.out;
	EXPECT_NE(again.out.find("already up to date: version 1"), std::string::npos) << again.out;

	const auto unchanged = publish("");
	EXPECT_EQ(unchanged.code, 0) << unchanged.out;
	EXPECT_NE(unchanged.out.find("nothing changed since version 1"), std::string::npos) << unchanged.out;
}

TEST_F(CliLibrary, ASecondCoachWhoseVersionWasTakenExitsOneWithTheConflict)
{
	ASSERT_EQ(publish().code, 0);
	// Another coach has created snapshot 2 and not yet written the index.
	auto first = library::parse_snapshot(read_bytes(host / "snapshots" / "1.json"), "test");
	first.version = 2;
	first.parent = crypto::sha256_hex(read_bytes(host / "snapshots" / "1.json"));
	first.publisher = "0123456789ABCDEF";
	first.published_at = "2027-01-02T03:04:05Z";
	write_bytes(host / "snapshots" / "2.json", library::write_snapshot(first));
	write_bytes(packs / "tea.json", pack_text("tea", "2"));
	const auto r = publish("--message second");
	EXPECT_EQ(r.code, 1) << r.out;
	EXPECT_NE(r.out.find("version 2 was published by 0123456789ABCDEF at 2027-01-02T03:04:05Z; sync, then publish again"),
		  std::string::npos)
		<< r.out;
}

TEST_F(CliLibrary, IntegrityFailuresExitOneAndLeaveTheCache)
{
	ASSERT_EQ(publish().code, 0);
	ASSERT_EQ(sync().code, 0);
	write_bytes(packs / "tea.json", pack_text("tea", "2"));
	ASSERT_EQ(publish("").code, 0);
	std::string index = read_bytes(host / "index.json");
	write_bytes(host / "index.json", index + " ");
	const std::string before = tree_hash(cache);
	const auto r = sync();
	EXPECT_EQ(r.code, 1) << r.out;
	EXPECT_NE(r.out.find("lcs sync: "), std::string::npos) << r.out;
	EXPECT_EQ(tree_hash(cache), before);

	const auto stranger = library::generate_secret_key();
	write_bytes(temp.path() / "stranger.pub", library::format_public_key(stranger.public_part()));
	write_bytes(host / "index.json", index);
	const auto wrong_key = run("sync " + host.string() + " --trust " + (temp.path() / "stranger.pub").string() +
				   " --cache " + cache.string());
	EXPECT_EQ(wrong_key.code, 1) << wrong_key.out;
	EXPECT_NE(wrong_key.out.find(key.id.hex()), std::string::npos) << wrong_key.out; // names the unknown key
	EXPECT_EQ(tree_hash(cache), before);
}

TEST_F(CliLibrary, ABrokenPackExitsOneAndPublishesNothing)
{
	write_bytes(packs / "broken.json", "{ \"format\": ");
	const auto r = publish();
	EXPECT_EQ(r.code, 1) << r.out;
	EXPECT_NE(r.out.find((packs / "broken.json").string() + ":1:"), std::string::npos) << r.out;
	EXPECT_TRUE(fs::is_empty(host));
}

TEST_F(CliLibrary, RollBackWithVersion)
{
	ASSERT_EQ(publish().code, 0);
	write_bytes(packs / "tea.json", pack_text("tea", "2"));
	ASSERT_EQ(publish("").code, 0);
	ASSERT_EQ(sync().code, 0);
	const auto r = sync("--version 1");
	EXPECT_EQ(r.code, 0) << r.out;
	EXPECT_NE(r.out.find("version 1 of school"), std::string::npos) << r.out;
	EXPECT_EQ(read_bytes(cache / "school" / "current" / "tea.json"), pack_text("tea"));
}

TEST_F(CliLibrary, UsageErrorsExitTwoAndHelpNamesTheOptions)
{
	EXPECT_EQ(run("sync " + host.string()).code, 2); // no --trust
	EXPECT_EQ(run("publish " + packs.string() + " --key " + key_file.string()).code, 2); // no --to
	EXPECT_EQ(sync("--version 0").code, 2);
	const auto help = run("publish --help");
	EXPECT_EQ(help.code, 0);
	for (const char *option : {"--to", "--key", "--library", "--message", "--endpoint"})
		EXPECT_NE(help.out.find(option), std::string::npos) << option;
	const auto sync_help = run("sync --help");
	for (const char *option : {"--trust", "--cache", "--version", "--endpoint"})
		EXPECT_NE(sync_help.out.find(option), std::string::npos) << option;
}

TEST_F(CliLibrary, AnUnreachableSourceExitsThreeAndLeavesTheCache)
{
	ASSERT_EQ(publish().code, 0);
	ASSERT_EQ(sync().code, 0);
	const std::string before = tree_hash(cache);
	// Nothing listens on port 1 of loopback: the connection is refused at once.
	const auto r = run("sync http://127.0.0.1:1/lib/ --trust " + pub_file.string() + " --cache " + cache.string());
	EXPECT_EQ(r.code, 3) << r.out;
	EXPECT_NE(r.out.find("127.0.0.1:1"), std::string::npos) << r.out;
	EXPECT_EQ(tree_hash(cache), before);
}

TEST_F(CliLibrary, AnUnreadableKeyIsAnInputError)
{
	const auto r = run("publish " + packs.string() + " --to " + host.string() + " --key " +
			   (temp.path() / "missing.key").string() + " --library school");
	EXPECT_EQ(r.code, 1) << r.out;
	EXPECT_NE(r.out.find("missing.key"), std::string::npos) << r.out;
}

} // namespace
} // namespace lcs::test
