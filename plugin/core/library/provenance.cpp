// provenance_of (cache.hpp): which synced library version a pack file lies in. Kept apart from the
// rest of the cache so the session header needs nothing else of the library code.
#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "core/library/cache.hpp"

namespace lcs::library {
namespace fs = std::filesystem;

namespace {

bool is_version_name(const std::string &name)
{
	return !name.empty() && name.size() <= 18 && name.front() != '0' &&
	       std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

std::optional<Provenance> provenance_of(const fs::path &pack_file)
{
	std::error_code ec;
	const fs::path resolved = fs::weakly_canonical(pack_file, ec); // current/ → versions/<N>/
	if (ec)
		return std::nullopt;
	for (fs::path dir = resolved.parent_path(); dir.has_relative_path(); dir = dir.parent_path()) {
		const std::string name = dir.filename().string();
		// versions/<N>/, or current/ itself where it is a copy rather than a symlink (Windows).
		const bool version_dir = is_version_name(name) && dir.parent_path().filename() == "versions";
		const bool current_copy = name == "current" && fs::is_regular_file(dir.parent_path() / "state.json", ec);
		if (!version_dir && !current_copy)
			continue;
		const fs::path library_dir = version_dir ? dir.parent_path().parent_path() : dir.parent_path();
		const fs::path snapshot = dir / ".lcs" / "snapshot.json";
		const auto size = fs::file_size(snapshot, ec);
		if (ec || size > kMaxSnapshotBytes)
			continue;
		try {
			std::ifstream in(snapshot, std::ios::binary);
			std::ostringstream text;
			text << in.rdbuf();
			// Only the two fields the header needs: the snapshot was verified when it was synced.
			const auto j = nlohmann::json::parse(text.str());
			Provenance p{j.at("library").get<std::string>(), j.at("version").get<int64_t>()};
			if ((version_dir && std::to_string(p.version) != name) || library_dir.filename() != fs::u8path(p.library))
				return std::nullopt;
			return p;
		} catch (const std::exception &) {
			return std::nullopt;
		}
	}
	return std::nullopt;
}

} // namespace lcs::library
