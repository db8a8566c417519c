// `lcs library log` over http:// from the real nginx on loopback (label net): the same versions
// as from the folder, integrity failures exit 1, an unreachable host exit 3.
#include <gtest/gtest.h>

#include <filesystem>

#include "library/test_library.hpp"
#include "test_server.hpp"

namespace {

namespace fs = std::filesystem;
using lcs::library::test::Exec;
using lcs::library::test::read_file;
using lcs::library::test::run_command;
using lcs::library::test::TestLibrary;
using lcs::library::test::write_file;

Exec lcs_run(const std::string &args)
{
	return run_command("env -u LCS_LIBRARY_TOKEN -u LCS_LIBRARY_USER -u LCS_LIBRARY_PASSWORD NETRC=/dev/null " + std::string(LCS_CLI_PATH) + " " + args);
}

TEST(CliLibraryLogNet, OverHttpFromNginxAsFromTheFolder)
{
	const fs::path root = fs::path(::testing::TempDir()) / "lcs-cli-log-net";
	fs::remove_all(root);
	TestLibrary lib(root / "team", "team");
	lib.publish({{"a.json", "A1"}}, "first", "2026-01-01T10:00:00Z");
	lib.publish({{"a.json", "A2"}, {"b/c.json", "C"}}, "second", "2026-01-02T10:00:00Z");
	const std::string pub = (root / "team.pub").string();
	write_file(pub, lcs::library::format_public_key(lib.key.public_part()));

	lcs::test::TestServer nginx("nginx", {"--root", root.string()});
	const Exec folder = lcs_run("library log '" + lib.root().string() + "' --trust '" + pub + "'");
	ASSERT_EQ(folder.code, 0) << folder.out;
	const Exec http = lcs_run("library log " + nginx.url() + "team --trust '" + pub + "'");
	ASSERT_EQ(http.code, 0) << http.out;
	EXPECT_EQ(http.out, folder.out);
	EXPECT_NE(http.out.find("    changed: a.json\n"), std::string::npos) << http.out;

	lib.put("snapshots/1.json", read_file((lib.root() / "snapshots" / "1.json").string()) + "\n");
	const Exec broken = lcs_run("library log " + nginx.url() + "team");
	EXPECT_EQ(broken.code, 1) << broken.out;
	EXPECT_NE(broken.out.find(nginx.url() + "team/snapshots/1.json"), std::string::npos) << broken.out;

	const std::string url = nginx.url();
	nginx.stop();
	const Exec gone = lcs_run("library log " + url + "team");
	EXPECT_EQ(gone.code, 3) << gone.out;
	fs::remove_all(root);
}

} // namespace
