// `lcs library log`, run as the real binary on a folder library and on a cache folder.
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "library/test_library.hpp"

namespace {

namespace fs = std::filesystem;
using lcs::library::test::Exec;
using lcs::library::test::read_file;
using lcs::library::test::run_command;
using lcs::library::test::TestLibrary;
using lcs::library::test::write_file;

Exec lcs_run(const std::string &args)
{
	return run_command(std::string(LCS_CLI_PATH) + " " + args);
}

class CliLibraryLog : public ::testing::Test {
protected:
	void SetUp() override
	{
		lib.publish({{"a.json", "A1"}, {"b.json", "B1"}}, "first", "2026-01-01T10:00:00Z");
		lib.publish({{"a.json", "A2"}, {"c.json", "C1"}}, "秋季新品\x1b[31m", "2026-01-02T10:00:00Z");
		write_file(pub, lcs::library::format_public_key(lib.key.public_part()));
	}
	void TearDown() override
	{
		fs::remove_all(lib.root());
		fs::remove(pub);
	}
	std::string q(const fs::path &p) const { return "'" + p.string() + "'"; }

	TestLibrary lib{fs::path(::testing::TempDir()) / ("lcs-cli-log-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name())), "team"};
	std::string pub = lib.root().string() + ".pub";
};

TEST_F(CliLibraryLog, TextHasOneBlockPerVersionNewestFirst)
{
	const Exec r = lcs_run("library log " + q(lib.root()) + " --trust " + q(pub));
	ASSERT_EQ(r.code, 0) << r.out;
	const std::string id = lib.key.id.hex();
	const std::string expected = "version 2  2026-01-02T10:00:00Z  publisher " + id + "\n"
				     "    秋季新品?[31m\n" // the escape sequence from the library is not passed to the terminal
				     "    packs: 2\n"
				     "    added: c.json\n"
				     "    changed: a.json\n"
				     "    removed: b.json\n"
				     "\n"
				     "version 1  2026-01-01T10:00:00Z  publisher " + id + "\n"
				     "    first\n"
				     "    packs: 2\n"
				     "    added: a.json, b.json\n"
				     "    changed: -\n"
				     "    removed: -\n";
	EXPECT_EQ(r.out, expected);
}

TEST_F(CliLibraryLog, JsonListsTheSameVersions)
{
	const Exec r = lcs_run("library log --format json " + q(lib.root()));
	ASSERT_EQ(r.code, 0) << r.out;
	const auto doc = nlohmann::json::parse(r.out);
	ASSERT_EQ(doc["versions"].size(), 2U);
	EXPECT_EQ(doc["versions"][0]["version"], 2);
	EXPECT_EQ(doc["versions"][0]["publisher"], lib.key.id.hex());
	EXPECT_EQ(doc["versions"][0]["changed"], nlohmann::json::array({"a.json"}));
	EXPECT_EQ(doc["versions"][0]["removed"], nlohmann::json::array({"b.json"}));
	EXPECT_EQ(doc["versions"][1]["added"], nlohmann::json::array({"a.json", "b.json"}));
	EXPECT_EQ(doc["versions"][1]["message"], "first");
	EXPECT_TRUE(doc["versions"][1]["diff_known"].get<bool>());
}

TEST_F(CliLibraryLog, AnUntrustedKeyOrABrokenChainIsExitOne)
{
	const auto other = lcs::library::generate_secret_key();
	const std::string other_pub = lib.root().string() + "-other.pub";
	write_file(other_pub, lcs::library::format_public_key(other.public_part()));
	const Exec untrusted = lcs_run("library log " + q(lib.root()) + " --trust " + q(other_pub));
	EXPECT_EQ(untrusted.code, 1) << untrusted.out;
	EXPECT_NE(untrusted.out.find("signed by key " + lib.key.id.hex()), std::string::npos) << untrusted.out;
	fs::remove(other_pub);

	lib.put("snapshots/1.json", read_file((lib.root() / "snapshots" / "1.json").string()) + " ");
	const Exec broken = lcs_run("library log " + q(lib.root()));
	EXPECT_EQ(broken.code, 1) << broken.out;
	EXPECT_NE(broken.out.find("snapshots/1.json"), std::string::npos) << broken.out;
}

TEST_F(CliLibraryLog, ACacheFolderIsReadAndACacheRootAsksWhichLibrary)
{
	const fs::path cache = lib.root().string() + "-cache";
	fs::remove_all(cache);
	for (const int n : {1, 2}) {
		const fs::path meta = cache / "team" / "versions" / std::to_string(n) / ".lcs";
		fs::create_directories(meta);
		fs::copy_file(lib.root() / "snapshots" / (std::to_string(n) + ".json"), meta / "snapshot.json");
	}
	write_file((cache / "team" / "state.json").string(), "{}");
	const Exec r = lcs_run("library log " + q(cache / "team"));
	ASSERT_EQ(r.code, 0) << r.out;
	EXPECT_EQ(r.out.rfind("version 2  2026-01-02T10:00:00Z", 0), 0U) << r.out;
	EXPECT_NE(r.out.find("    removed: b.json\n"), std::string::npos) << r.out;
	const Exec root = lcs_run("library log " + q(cache));
	EXPECT_EQ(root.code, 2) << root.out;
	EXPECT_NE(root.out.find((cache / "team").string()), std::string::npos) << root.out;
	fs::remove_all(cache);
}

TEST_F(CliLibraryLog, UsageAndHelp)
{
	EXPECT_EQ(lcs_run("library").code, 2);
	EXPECT_EQ(lcs_run("library log").code, 2);
	EXPECT_EQ(lcs_run("library log " + q(lib.root()) + " --format xml").code, 2);
	const Exec help = lcs_run("library log --help");
	EXPECT_EQ(help.code, 0);
	EXPECT_NE(help.out.find("--trust"), std::string::npos) << help.out;
	const Exec missing = lcs_run("library log " + q(lib.root()) + " --trust /no/such.pub");
	EXPECT_EQ(missing.code, 1) << missing.out;
	EXPECT_NE(missing.out.find("/no/such.pub"), std::string::npos) << missing.out;
}

} // namespace
