#include "data_dir.hpp"

#include <cstdlib>

namespace lcs::cli {

std::filesystem::path find_data_dir(const std::string &explicit_dir, const char *argv0)
{
	namespace fs = std::filesystem;
	std::error_code ec;
	auto usable = [&](const fs::path &p) { return !p.empty() && fs::is_directory(p / "audience", ec); };
	if (!explicit_dir.empty())
		return fs::u8path(explicit_dir);
	if (const char *env = std::getenv("LCS_DATA_DIR"); env && *env && usable(fs::u8path(env)))
		return fs::u8path(env);
	if (argv0) {
		const fs::path exe = fs::weakly_canonical(fs::u8path(argv0), ec);
		const fs::path installed = exe.parent_path().parent_path() / "share" / "obs" / "obs-plugins" / "live-commerce-studio";
		if (usable(installed))
			return installed;
	}
	const fs::path source = fs::u8path(LCS_SOURCE_DATA_DIR);
	if (usable(source))
		return source;
	return {};
}

} // namespace lcs::cli
