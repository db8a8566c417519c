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

/// The snapshot kept in a version folder (verified when it was synced), or null when unreadable.
nlohmann::json read_kept_snapshot(const fs::path &version_dir)
{
	std::error_code ec;
	const fs::path snapshot = version_dir / ".lcs" / "snapshot.json";
	const auto size = fs::file_size(snapshot, ec);
	if (ec || size > kMaxSnapshotBytes)
		return nullptr;
	std::ifstream in(snapshot, std::ios::binary);
	std::ostringstream text;
	text << in.rdbuf();
	return nlohmann::json::parse(text.str(), nullptr, false);
}

/// The version a kept snapshot is of, when it is of `library` and (with a sha256) lists
/// `relative` with those bytes.
std::optional<int64_t> version_holding(const nlohmann::json &snapshot, const std::string &library,
				       const std::string &relative, std::string_view sha256)
{
	try {
		if (snapshot.at("library").get<std::string>() != library)
			return std::nullopt;
		const auto version = snapshot.at("version").get<int64_t>();
		if (sha256.empty())
			return version;
		for (const auto &pack : snapshot.at("packs"))
			if (pack.at("path").get<std::string>() == relative && pack.at("sha256").get<std::string>() == sha256)
				return version;
	} catch (const std::exception &) {
	}
	return std::nullopt;
}

std::string utf8(const fs::path &path)
{
	const auto text = path.generic_u8string();
	return std::string(text.begin(), text.end());
}

} // namespace

std::optional<Provenance> provenance_of(const fs::path &pack_file, std::string_view sha256)
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
		const std::string library = utf8(library_dir.filename());
		const std::string relative = utf8(resolved.lexically_relative(dir));
		const auto here = version_holding(read_kept_snapshot(dir), library, relative, sha256);
		if (here && (!version_dir || std::to_string(*here) == name))
			return Provenance{library, *here};
		if (sha256.empty())
			return std::nullopt;
		// current/ moved on since the pack was read: the newest kept version with these bytes.
		std::optional<int64_t> best;
		for (const auto &entry : fs::directory_iterator(library_dir / "versions", ec)) {
			const std::string kept = entry.path().filename().string();
			if (!is_version_name(kept))
				continue;
			const auto v = version_holding(read_kept_snapshot(entry.path()), library, relative, sha256);
			if (v && std::to_string(*v) == kept && (!best || *v > *best))
				best = v;
		}
		if (best)
			return Provenance{library, *best};
		return std::nullopt;
	}
	return std::nullopt;
}

} // namespace lcs::library
