// The real lcs binary, installed the way a user has it: found by PATH from any folder, its data
// in the install layout beside it; and what it says when that data is missing.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace {
namespace fs = std::filesystem;

struct Result {
	int code = -1;
	std::string out; // stdout and stderr
};

/// Runs a shell command line in `folder` with PATH starting at `path_first` and no LCS_DATA_DIR.
Result run_in(const fs::path &folder, const fs::path &path_first, const std::string &command_line)
{
	Result r;
	const std::string command = "cd '" + folder.string() + "' && env -u LCS_DATA_DIR PATH='" + path_first.string() +
				    ":/usr/bin:/bin' " + command_line + " 2>&1";
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

std::string read(const fs::path &file)
{
	std::ifstream in(file, std::ios::binary);
	std::ostringstream s;
	s << in.rdbuf();
	return s.str();
}

/// A fresh folder for the running test, removed again when the test ends.
class Scratch {
public:
	Scratch()
		: dir_(fs::path(testing::TempDir()) / ("lcs-" + std::string(testing::UnitTest::GetInstance()->current_test_info()->name())))
	{
		fs::remove_all(dir_);
		fs::create_directories(dir_);
	}
	~Scratch()
	{
		std::error_code ec;
		fs::remove_all(dir_, ec);
	}
	Scratch(const Scratch &) = delete;
	Scratch &operator=(const Scratch &) = delete;
	operator const fs::path &() const { return dir_; }
	fs::path operator/(const fs::path &p) const { return dir_ / p; }

private:
	fs::path dir_;
};

const fs::path kSource = LCS_SOURCE_DIR;
const std::string kPack = (kSource / "scripts-library/packs/farm-origin/farm-origin.en-US.json").string();

/// prefix/bin/lcs (a copy, not in the build tree) with or without prefix/share/… data; the
/// installed rubric has its own name so the test can tell it from the source tree's.
fs::path install_copy(const fs::path &prefix, bool with_data)
{
	fs::create_directories(prefix / "bin");
	// A hard link is a file of its own for /proc/self/exe and costs no disk (the binary is 70 MB,
	// 140 MB under ASan); a copy where the build tree is on another file system.
	std::error_code ec;
	fs::create_hard_link(LCS_CLI_PATH, prefix / "bin" / "lcs", ec);
	if (ec)
		fs::copy_file(LCS_CLI_PATH, prefix / "bin" / "lcs");
	if (with_data) {
		const fs::path data = prefix / "share/obs/obs-plugins/live-commerce-studio";
		fs::create_directories(data / "rubric");
		fs::copy(kSource / "data/audience", data / "audience", fs::copy_options::recursive);
		fs::copy(kSource / "data/locale", data / "locale", fs::copy_options::recursive);
		std::string rubric = read(kSource / "data/rubric/default.json");
		const std::string name = "Default coach rubric";
		rubric.replace(rubric.find(name), name.size(), "Installed test rubric");
		std::ofstream(data / "rubric/default.json", std::ios::binary) << rubric;
	}
	return prefix / "bin";
}

TEST(CliDataDir, LcsFromPathFindsItsInstalledData)
{
	const Scratch root;
	const fs::path bin = install_copy(root / "prefix", true);
	// Also through a symlink elsewhere on PATH (as /usr/local/bin links often are).
	fs::create_directories(root / "links");
	fs::create_symlink(bin / "lcs", root / "links" / "lcs");
	fs::create_directories(root / "work");
	for (const fs::path &on_path : {bin, root / "links"}) {
		const Result sim = run_in(root / "work", on_path,
					  "lcs simulate --pack '" + kPack + "' --seed 3 --duration 60 --policy strong -o s.jsonl");
		ASSERT_EQ(sim.code, 0) << on_path << ": " << sim.out;
		const Result rep = run_in(root / "work", on_path, "lcs report s.jsonl -o r.json");
		ASSERT_EQ(rep.code, 0) << rep.out;
		const std::string json = read(root / "work" / "r.json");
		EXPECT_NE(json.find("\"rubric\""), std::string::npos) << on_path;
		EXPECT_NE(json.find("Installed test rubric"), std::string::npos) << on_path << ": the report must use the installed rubric";
	}
}

TEST(CliDataDir, ReportSaysWhenTheRubricIsMissing)
{
	const Scratch root;
	const fs::path bin = install_copy(root / "bare", false); // an lcs with no data anywhere near it
	fs::create_directories(root / "work");
	const Result sim = run_in(root / "work", bin, "'" LCS_CLI_PATH "' simulate --pack '" + kPack +
							     "' --seed 3 --duration 60 --policy strong -o s.jsonl");
	ASSERT_EQ(sim.code, 0) << sim.out;
	for (const char *format : {"json", "html"}) {
		const Result rep = run_in(root / "work", bin, std::string("lcs report s.jsonl --format ") + format + " -o r.out");
		EXPECT_EQ(rep.code, 3) << format << ": " << rep.out; // an environment problem (a broken install)
		EXPECT_NE(rep.out.find("rubric/default.json was not found"), std::string::npos) << rep.out;
		EXPECT_NE(rep.out.find("--rubric"), std::string::npos) << rep.out;
	}
	// Without the default rubric, an explicit one still works, and tables do not need one.
	EXPECT_EQ(run_in(root / "work", bin, "lcs report s.jsonl --rubric '" + (kSource / "data/rubric/default.json").string() + "' -o r.json").code, 0);
	EXPECT_EQ(run_in(root / "work", bin, "lcs report s.jsonl --format csv -o r.csv").code, 0);
	// lcs compare says the same, and takes the --rubric its message names.
	const Result cmp = run_in(root / "work", bin, "lcs compare s.jsonl s.jsonl --format json -o c.json");
	EXPECT_EQ(cmp.code, 3) << cmp.out;
	EXPECT_NE(cmp.out.find("rubric/default.json was not found"), std::string::npos) << cmp.out;
	EXPECT_EQ(run_in(root / "work", bin, "lcs compare s.jsonl s.jsonl --format json --rubric '" +
					      (kSource / "data/rubric/default.json").string() + "' -o c.json").code, 0);
	const Result sim2 = run_in(root / "work", bin, "lcs simulate --pack '" + kPack + "' --seed 3 --duration 60 --policy strong -o t.jsonl");
	EXPECT_EQ(sim2.code, 3) << sim2.out;
	EXPECT_NE(sim2.out.find("audience data not found"), std::string::npos) << sim2.out;
}

TEST(CliSeed, SixtyFourBitSeedInReportHtmlAndCompare)
{
	const Scratch root;
	const fs::path build_bin = fs::path(LCS_CLI_PATH).parent_path();
	ASSERT_EQ(run_in(root, build_bin, "lcs simulate --pack '" + kPack + "' --seed 5000000000 --duration 60 --policy weak -o s.jsonl").code, 0);
	EXPECT_EQ(run_in(root, build_bin, "lcs report s.jsonl -o r.json").code, 0);
	EXPECT_NE(read(root / "r.json").find("\"seed\": 5000000000"), std::string::npos) << read(root / "r.json").substr(0, 400);
	EXPECT_EQ(run_in(root, build_bin, "lcs report s.jsonl --format html -o r.html").code, 0);
	EXPECT_NE(read(root / "r.html").find("Seed: 5000000000"), std::string::npos);
	EXPECT_EQ(run_in(root, build_bin, "lcs compare s.jsonl s.jsonl --format json -o c.json").code, 0);
	EXPECT_NE(read(root / "c.json").find("#5000000000"), std::string::npos);
	EXPECT_EQ(run_in(root, build_bin, "lcs compare s.jsonl s.jsonl -o c.html").code, 0);
	EXPECT_NE(read(root / "c.html").find("#5000000000"), std::string::npos);
	EXPECT_EQ(run_in(root, build_bin, "lcs simulate --pack '" + kPack + "' --seed -1 --duration 60 --policy weak -o n.jsonl").code, 2);
}

TEST(CliRubric, WronglyTypedRubricFieldIsAnInputErrorWithFileAndPath)
{
	const Scratch root;
	const fs::path build_bin = fs::path(LCS_CLI_PATH).parent_path();
	ASSERT_EQ(run_in(root, build_bin, "lcs simulate --pack '" + kPack + "' --seed 3 --duration 60 --policy weak -o s.jsonl").code, 0);
	std::string rubric = read(kSource / "data/rubric/default.json");
	rubric.replace(rubric.find("\"weight\": 30"), 12, "\"weight\": \"30\"");
	std::ofstream(root / "bad.json", std::ios::binary) << rubric;
	const Result r = run_in(root, build_bin, "lcs report s.jsonl --rubric bad.json");
	EXPECT_EQ(r.code, 1) << r.out;
	EXPECT_NE(r.out.find("bad.json:5:"), std::string::npos) << r.out;
	EXPECT_NE(r.out.find("/dimensions/0/weight must be a number"), std::string::npos) << r.out;
	EXPECT_EQ(r.out.find("type_error"), std::string::npos) << r.out;
}

} // namespace
