#include "core/library/cache.hpp"

#include <algorithm>
#include <cstdlib>
#include <system_error>

#include <nlohmann/json.hpp>

#include "core/library/cache_store.hpp"
#include "core/library/error.hpp"
#include "core/pack/pack_loader.hpp"

namespace lcs::library {
namespace fs = std::filesystem;

namespace {

fs::path env_path(const char *name)
{
	const char *value = std::getenv(name);
	return value && *value ? fs::u8path(value) : fs::path{};
}

std::optional<int64_t> version_number(const std::string &name)
{
	if (name.empty() || name.size() > 18 || name.front() == '0')
		return std::nullopt;
	if (!std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }))
		return std::nullopt;
	return std::stoll(name);
}

std::vector<int64_t> kept_versions(const fs::path &library_dir)
{
	std::vector<int64_t> kept;
	std::error_code ec;
	for (fs::directory_iterator it(library_dir / "versions", ec), end; !ec && it != end; it.increment(ec)) {
		const auto n = version_number(it->path().filename().string());
		std::error_code ec2;
		if (n && fs::is_regular_file(cache_store::meta_file(it->path(), cache_store::kSnapshotFile), ec2))
			kept.push_back(*n);
	}
	std::sort(kept.begin(), kept.end());
	return kept;
}

template <typename T> T field(const nlohmann::json &j, const char *name, const std::string &where)
{
	const auto it = j.find(name);
	if (it == j.end())
		return T{};
	try {
		return it->get<T>();
	} catch (const nlohmann::json::exception &) {
		throw Error(ErrorKind::Integrity, where + ": \"" + name + "\" has the wrong type");
	}
}

} // namespace

fs::path default_cache_dir()
{
	if (auto dir = env_path("LCS_LIBRARY_CACHE"); !dir.empty())
		return dir;
#if defined(_WIN32)
	if (auto dir = env_path("LOCALAPPDATA"); !dir.empty())
		return dir / "live-commerce-studio" / "libraries";
#endif
	if (auto dir = env_path("XDG_CACHE_HOME"); !dir.empty())
		return dir / "live-commerce-studio" / "libraries";
	if (auto home = env_path("HOME"); !home.empty())
		return home / ".cache" / "live-commerce-studio" / "libraries";
	return fs::temp_directory_path() / "live-commerce-studio" / "libraries";
}

std::optional<CacheState> read_cache_state(const fs::path &cache_dir, const std::string &library)
{
	const fs::path dir = cache_store::library_dir(cache_dir, library);
	const fs::path file = dir / cache_store::kStateFile;
	std::error_code ec;
	if (!fs::exists(file, ec))
		return std::nullopt;
	const std::string where = pack::path_utf8(file);
	const std::string text = cache_store::read_file(file, 64 * 1024);
	const auto j = nlohmann::json::parse(text, nullptr, false);
	if (j.is_discarded() || !j.is_object())
		throw Error(ErrorKind::Integrity, where + ": the cache's state is damaged (not a JSON object); "
							  "remove the folder " + pack::path_utf8(dir) + " and sync again");
	CacheState state;
	state.library = field<std::string>(j, "library", where);
	state.highest_version = field<int64_t>(j, "highest_version", where);
	state.current_version = field<int64_t>(j, "current_version", where);
	state.source = field<std::string>(j, "source", where);
	state.index_etag = field<std::string>(j, "index_etag", where);
	if (state.library != library)
		throw Error(ErrorKind::Integrity, where + ": names library \"" + state.library + "\", expected \"" + library + "\"");
	if (state.current_version < 0 || state.highest_version < state.current_version)
		throw Error(ErrorKind::Integrity, where + ": current version " + std::to_string(state.current_version) +
							  " above the highest trusted version " +
							  std::to_string(state.highest_version));
	state.kept = kept_versions(dir);
	return state;
}

std::vector<CacheState> list_cached_libraries(const fs::path &cache_dir)
{
	std::vector<CacheState> libraries;
	std::error_code ec;
	for (fs::directory_iterator it(cache_dir, ec), end; !ec && it != end; it.increment(ec)) {
		const std::string name = it->path().filename().string();
		if (!is_valid_library_id(name))
			continue;
		try {
			if (auto state = read_cache_state(cache_dir, name))
				libraries.push_back(std::move(*state));
		} catch (const Error &) {
			// a damaged entry is not a library the caller can use; sync reports it
		}
	}
	std::sort(libraries.begin(), libraries.end(),
		  [](const CacheState &a, const CacheState &b) { return a.library < b.library; });
	return libraries;
}

} // namespace lcs::library
