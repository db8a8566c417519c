#include "data_dir.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/pack/pack_loader.hpp"
#include "core/platform/executable_path.hpp"

namespace lcs::cli {
namespace {
namespace fs = std::filesystem;

bool inside(const fs::path &file, const fs::path &folder)
{
	std::error_code ec;
	const fs::path f = fs::weakly_canonical(folder, ec);
	if (ec || f.empty())
		return false;
	const auto [end, _] = std::mismatch(f.begin(), f.end(), file.begin(), file.end());
	return end == f.end();
}

} // namespace

DataDirLookup look_up_data_dir(const std::string &explicit_dir)
{
	DataDirLookup lookup;
	std::error_code ec;
	auto usable = [&](const fs::path &p) {
		lookup.looked_in.push_back(p);
		return !p.empty() && fs::is_directory(p / "audience", ec);
	};
	if (!explicit_dir.empty()) {
		lookup.dir = fs::u8path(explicit_dir);
		lookup.looked_in.push_back(lookup.dir);
		return lookup;
	}
	if (const char *env = std::getenv("LCS_DATA_DIR"); env && *env && usable(fs::u8path(env))) {
		lookup.dir = fs::u8path(env);
		return lookup;
	}
	const fs::path exe = platform::executable_path();
	if (!exe.empty()) {
		const fs::path installed = exe.parent_path().parent_path() / "share" / "obs" / "obs-plugins" / "live-commerce-studio";
		if (usable(installed)) {
			lookup.dir = installed;
			return lookup;
		}
	}
	// The source tree serves an lcs in its build tree (or one whose location is unknown).
	if (exe.empty() || inside(exe, fs::u8path(LCS_BUILD_DIR))) {
		const fs::path source = fs::u8path(LCS_SOURCE_DATA_DIR);
		if (usable(source))
			lookup.dir = source;
	}
	return lookup;
}

fs::path default_rubric(const DataDirLookup &lookup)
{
	std::error_code ec;
	if (lookup.dir.empty())
		return {};
	const fs::path file = lookup.dir / "rubric" / "default.json";
	return fs::is_regular_file(file, ec) ? file : fs::path();
}

std::string missing_rubric_message(const std::string &command, const DataDirLookup &lookup)
{
	return "lcs " + command + ": the coach rubric rubric/default.json was not found (looked in " +
	       describe_looked_in(lookup) + "); give one with --rubric FILE or the data folder with --data DIR or LCS_DATA_DIR";
}

fs::path compliance_dir(const DataDirLookup &lookup)
{
	std::error_code ec;
	if (lookup.dir.empty())
		return {};
	const fs::path dir = lookup.dir / "compliance";
	return fs::is_directory(dir, ec) ? dir : fs::path();
}

std::string missing_compliance_message(const std::string &command, const DataDirLookup &lookup)
{
	return "lcs " + command + ": the compliance rules compliance/<language>/*.json were not found (looked in " +
	       describe_looked_in(lookup) + "); give the rule folder with --rules DIR or the data folder with --data DIR or LCS_DATA_DIR";
}

std::string describe_looked_in(const DataDirLookup &lookup)
{
	std::string out;
	for (const auto &p : lookup.looked_in)
		out += (out.empty() ? "" : ", ") + pack::path_utf8(p);
	return out.empty() ? "nowhere (set LCS_DATA_DIR or use --data)" : out;
}

} // namespace lcs::cli
