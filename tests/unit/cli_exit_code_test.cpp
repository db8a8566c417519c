// Runs the real lcs binary and checks the exit-code convention of the contract.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

#include "core/version.hpp"

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

TEST(CliExitCodes, VersionPrintsBannerAndSucceeds)
{
	const Result r = run("--version");
	EXPECT_EQ(r.code, 0);
	EXPECT_NE(r.out.find(lcs::version_banner()), std::string::npos) << r.out;
}

TEST(CliExitCodes, HelpSucceedsAndExplainsExitCodes)
{
	const Result r = run("--help");
	EXPECT_EQ(r.code, 0);
	EXPECT_NE(r.out.find("Exit codes"), std::string::npos) << r.out;
}

TEST(CliExitCodes, UnknownOptionIsAUsageError)
{
	EXPECT_EQ(run("--no-such-option").code, 2);
}

TEST(CliExitCodes, NoCommandIsAUsageError)
{
	const Result r = run("");
	EXPECT_EQ(r.code, 2);
	EXPECT_NE(r.out.find("Usage"), std::string::npos) << r.out;
}

// A log that cannot be written (a full disk) is an environment error: exit 3, naming the file and
// the reason, never "wrote …".
TEST(CliExitCodes, SimulateToAFullDiskExitsThree)
{
	const std::string source = LCS_SOURCE_DIR;
	const Result r = run("simulate --pack " + source + "/scripts-library/packs/farm-origin/farm-origin.zh-CN.json --seed 1 " +
			     "--duration 30 --policy strong --data " + source + "/data -o /dev/full");
	EXPECT_EQ(r.code, 3) << r.out;
	EXPECT_NE(r.out.find("/dev/full"), std::string::npos) << r.out;
	EXPECT_NE(r.out.find("No space left on device"), std::string::npos) << r.out;
	EXPECT_EQ(r.out.find("wrote"), std::string::npos) << r.out;
}

} // namespace
