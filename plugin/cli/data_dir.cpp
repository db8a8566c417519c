#include "data_dir.hpp"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "core/pack/pack_loader.hpp"
#include "core/platform/executable_path.hpp"

namespace lcs::cli {
namespace {
namespace fs = std::filesystem;

/// argv[0] as the shell resolved it: a path when it has a separator, else the first match in PATH.
fs::path executable_from_argv0(const char *argv0)
{
	std::error_code ec;
	if (!argv0 || !*argv0)
		return {};
	const std::string_view name(argv0);
	if (name.find('/') != std::string_view::npos)
		return fs::weakly_canonical(fs::u8path(name), ec);
	const char *path = std::getenv("PATH");
	for (std::string_view rest = path ? path : ""; !rest.empty();) {
		const size_t colon = rest.find(':');
		const std::string_view folder = rest.substr(0, colon);
		rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
		const fs::path candidate = fs::u8path(folder.empty() ? "." : folder) / fs::u8path(name);
		if (fs::is_regular_file(candidate, ec))
			return fs::weakly_canonical(candidate, ec);
	}
	return {};
}

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

DataDirLookup look_up_data_dir(const std::string &explicit_dir, const char *argv0)
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
	fs::path exe = platform::executable_path();
	if (exe.empty())
		exe = executable_from_argv0(argv0);
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

fs::path find_data_dir(const std::string &explicit_dir, const char *argv0)
{
	return look_up_data_dir(explicit_dir, argv0).dir;
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

std::string describe_looked_in(const DataDirLookup &lookup)
{
	std::string out;
	for (const auto &p : lookup.looked_in)
		out += (out.empty() ? "" : ", ") + pack::path_utf8(p);
	return out.empty() ? "nowhere (set LCS_DATA_DIR or use --data)" : out;
}

} // namespace lcs::cli
