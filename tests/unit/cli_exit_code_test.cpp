// Runs the real lcs binary and checks the exit-code convention of the contract.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <utility>
#include <vector>

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

// A small valid session log, or one with `replace` swapped in for `with` (to break it).
std::string write_log(const std::string &name, const std::string &replace = "", const std::string &with = "")
{
	std::string text =
		R"({"type":"session","schema":"lcs.session/1","session_id":"s","started_at":"2026-01-01T00:00:00Z","trainee":"t","scenario":{"id":"x","duration_seconds":60},"seed":1,"packs":[],"products":[],"promotions":[]}
{"t":0,"type":"viewer_join","viewer":"a"}
{"t":1000,"type":"comment","comment_id":"c1","viewer":"a","text":"?","kind":"question"}
{"t":2000,"type":"session_end"}
)";
	if (!replace.empty())
		text.replace(text.find(replace), replace.size(), with);
	const std::string path = testing::TempDir() + "lcs-cli-" + name + ".jsonl";
	std::ofstream(path, std::ios::binary) << text;
	return path;
}

bool mentions(const Result &r, const std::string &text)
{
	return r.out.find(text) != std::string::npos;
}

TEST(CliExitCodes, MissingInputFileIsAnInputErrorForEveryCommand)
{
	const std::string missing = testing::TempDir() + "lcs-no-such-file.jsonl";
	const std::string good = write_log("good");
	const std::string folder = testing::TempDir();
	const std::vector<std::pair<std::string, std::string>> cases = {
		{"report " + missing, missing},
		{"report " + folder, folder},
		{"compare " + good + " " + missing, missing},
		{"validate " + missing, missing},
		{"scenarios " + missing, missing},
		{"simulate --pack " + missing + " --seed 1 --duration 10 --policy idle -o " + missing + ".out", missing},
		{"report " + good + " --rubric " + missing, missing},
	};
	for (const auto &[args, named] : cases) {
		const Result r = run(args);
		EXPECT_EQ(r.code, 1) << args << "\n" << r.out;
		EXPECT_TRUE(mentions(r, named)) << args << "\n" << r.out;
	}
}

TEST(CliExitCodes, WronglyTypedHeaderFieldIsAnInputErrorWithFileAndLine)
{
	const std::string log = write_log("typed-header", R"("session_id":"s")", R"("session_id":42)");
	for (const char *command : {"report ", "report --format html ", "compare ", "compare --format json "}) {
		const Result r = run(command + log);
		EXPECT_EQ(r.code, 1) << command << "\n" << r.out;
		EXPECT_TRUE(mentions(r, log + ":1:")) << command << "\n" << r.out;
		EXPECT_TRUE(mentions(r, "session_id")) << command << "\n" << r.out;
	}
}

TEST(CliExitCodes, WronglyTypedEventFieldIsAReportedBadLineNotAnEnvironmentError)
{
	const std::string log = write_log("typed-event", R"("comment_id":"c1")", R"("comment_id":7)");
	const Result r = run("report --format csv --table comments " + log);
	EXPECT_EQ(r.code, 0) << r.out; // the rest of the log is reviewed
	EXPECT_TRUE(mentions(r, log + ":3:")) << r.out;
	EXPECT_TRUE(mentions(r, "comment_id")) << r.out;
}

TEST(CliExitCodes, DeeplyNestedLogIsAnInputErrorNotACrash)
{
	// A million nested arrays in the header crashed the release build (stack overflow, SIGSEGV).
	const std::string deep = std::string(1000000, '[') + std::string(1000000, ']');
	const std::string log = write_log("deep", R"("promotions":[])", R"("promotions":[],"x":)" + deep);
	const Result r = run("report " + log);
	EXPECT_EQ(r.code, 1) << r.out.substr(0, 2000);
	EXPECT_TRUE(mentions(r, log + ":1:")) << r.out.substr(0, 2000);
}

TEST(CliExitCodes, MistypedJsonInputIsAnInputErrorNotAnEnvironmentError)
{
	// A rubric whose weight is a string: whatever reads it, it is the input that is wrong.
	const std::string rubric = testing::TempDir() + "lcs-cli-mistyped-rubric.json";
	std::ofstream(rubric, std::ios::binary)
		<< R"({"format":"lcs.rubric/1","name":"r","dimensions":[{"id":"d","weight":"heavy","metrics":[]}],"tiers":[]})";
	const Result r = run("report " + write_log("rubric-log") + " --rubric " + rubric);
	EXPECT_EQ(r.code, 1) << r.out;
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
