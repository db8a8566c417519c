#include "core/library/cache_store.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <random>
#include <system_error>

#include <nlohmann/json.hpp>

#include "core/crypto/sha256.hpp"
#include "core/library/error.hpp"
#include "core/library/format.hpp"
#include "core/pack/pack_loader.hpp"
#include "core/platform/dir_link.hpp"
#include "core/platform/file_sync.hpp"

namespace lcs::library::cache_store {
namespace fs = std::filesystem;

namespace {

std::string random_suffix()
{
	std::random_device random;
	char buf[24];
	std::snprintf(buf, sizeof buf, "%08x%08x", random(), random());
	return buf;
}

[[noreturn]] void environment_error(const std::string &what, const fs::path &path, const std::string &why)
{
	throw Error(ErrorKind::Environment, "cannot " + what + " " + pack::path_utf8(path) + ": " + why);
}

std::string state_json(const CacheState &state)
{
	nlohmann::ordered_json j;
	j["schema"] = "lcs.library-cache/1";
	j["library"] = state.library;
	j["highest_version"] = state.highest_version;
	j["current_version"] = state.current_version;
	j["source"] = state.source;
	j["index_etag"] = state.index_etag;
	return j.dump(2) + "\n";
}

void prune(const fs::path &cache_dir, const CacheState &state)
{
	std::optional<CacheState> current;
	try {
		current = read_cache_state(cache_dir, state.library);
	} catch (const Error &) {
		return;
	}
	if (!current)
		return;
	// The current version stays whatever its number; the newest others fill up to kKeptVersions.
	size_t room = kKeptVersions - 1;
	for (auto it = current->kept.rbegin(); it != current->kept.rend(); ++it) {
		if (*it == state.current_version)
			continue;
		if (room > 0) {
			--room;
			continue;
		}
		std::error_code ec; // a version that cannot be removed now is removed by a later sync
		fs::remove_all(version_dir(cache_dir, state.library, *it), ec);
	}
}

} // namespace

fs::path library_dir(const fs::path &cache_dir, const std::string &library)
{
	return cache_dir / fs::u8path(library);
}

fs::path version_dir(const fs::path &cache_dir, const std::string &library, int64_t version)
{
	return library_dir(cache_dir, library) / "versions" / std::to_string(version);
}

fs::path meta_file(const fs::path &version_dir, std::string_view name)
{
	return version_dir / std::string(kMetaDir) / std::string(name);
}

std::string read_file(const fs::path &path, size_t cap)
{
	std::FILE *file = platform::open_utf8(pack::path_utf8(path).c_str(), "rb");
	if (!file)
		environment_error("read", path, "cannot open it");
	std::string bytes;
	char buf[64 * 1024];
	size_t n = 0;
	while ((n = std::fread(buf, 1, sizeof buf, file)) > 0) {
		if (bytes.size() + n > cap) {
			std::fclose(file);
			throw Error(ErrorKind::Integrity,
				    pack::path_utf8(path) + ": longer than " + std::to_string(cap) + " bytes");
		}
		bytes.append(buf, n);
	}
	const bool failed = std::ferror(file) != 0;
	std::fclose(file);
	if (failed)
		environment_error("read", path, "read error");
	return bytes;
}

namespace {

/// Writes a new file; `durable`: fsync'ed before it is closed.
void write_new_file(const fs::path &path, std::string_view bytes, bool durable)
{
	std::FILE *file = platform::open_utf8(pack::path_utf8(path).c_str(), "wb");
	if (!file)
		environment_error("write", path, "cannot create it");
	const bool written = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size() &&
			     std::fflush(file) == 0 && (!durable || platform::sync_to_disk(file));
	const bool closed = std::fclose(file) == 0;
	if (!written || !closed) {
		std::error_code ec;
		fs::remove(path, ec);
		environment_error("write", path, "write failed (disk full?)");
	}
}

} // namespace

void write_file_atomic(const fs::path &path, std::string_view bytes)
{
	const fs::path temp = path.parent_path() / ("." + path.filename().string() + ".tmp-" + random_suffix());
	write_new_file(temp, bytes, true);
	std::error_code ec;
	fs::rename(temp, path, ec);
	if (ec) {
		fs::remove(temp, ec);
		environment_error("write", path, ec.message());
	}
}

void write_state(const fs::path &cache_dir, const CacheState &state)
{
	write_file_atomic(library_dir(cache_dir, state.library) / std::string(kStateFile), state_json(state));
}

void switch_current(const fs::path &cache_dir, const CacheState &state)
{
	const fs::path lib = library_dir(cache_dir, state.library);
	const fs::path current = lib / "current";
	const fs::path before = platform::link_target(current);
	try {
		platform::point_link_at(current, fs::path("versions") / std::to_string(state.current_version));
	} catch (const fs::filesystem_error &e) {
		environment_error("switch", current, e.code().message());
	}
	try {
		write_state(cache_dir, state);
	} catch (const Error &) {
		std::error_code ec;
		if (!before.empty())
			platform::point_link_at(current, before);
		else
			fs::remove(current, ec);
		throw;
	}
	prune(cache_dir, state);
}

StagedVersion::StagedVersion(fs::path cache_dir, std::string library)
	: cache_dir_(std::move(cache_dir)), library_(std::move(library))
{
	std::error_code ec;
	const fs::path lib = library_dir(cache_dir_, library_);
	std::vector<fs::path> missing; // outermost last
	for (fs::path dir = lib / "versions"; !dir.empty() && !fs::is_directory(dir, ec); dir = dir.parent_path()) {
		missing.push_back(dir);
		if (dir == dir.parent_path())
			break;
	}
	for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
		if (!fs::create_directory(*it, ec) && !fs::is_directory(*it)) {
			remove_created();
			environment_error("create the cache folder", *it, ec ? ec.message() : "not a folder");
		}
		created_.push_back(*it);
	}
	staging_ = lib / (".staging-" + random_suffix());
	if (!fs::create_directory(staging_, ec)) {
		remove_created();
		environment_error("create the staging folder", staging_, ec.message());
	}
	fs::create_directory(staging_ / std::string(kMetaDir), ec);
}

StagedVersion::~StagedVersion()
{
	if (committed_)
		return;
	std::error_code ec;
	fs::remove_all(staging_, ec);
	remove_created();
}

void StagedVersion::remove_created()
{
	std::error_code ec;
	for (auto it = created_.rbegin(); it != created_.rend(); ++it)
		fs::remove(*it, ec); // only when still empty
	created_.clear();
}

void StagedVersion::write(const std::string &relative, std::string_view bytes)
{
	check_relative_path(relative, "a file of library " + library_);
	const fs::path target = staging_ / fs::u8path(relative);
	std::error_code ec;
	fs::create_directories(target.parent_path(), ec);
	if (ec)
		environment_error("create", target.parent_path(), ec.message());
	// Nothing sees the staging folder: no temporary name, and one sync_file_system() at commit.
	if (fs::exists(fs::symlink_status(target, ec)))
		environment_error("write", target, "already written in this version");
	write_new_file(target, bytes, false);
}

bool StagedVersion::reuse(const std::string &relative, const fs::path &from, std::string_view sha256, uint64_t size)
{
	check_relative_path(relative, "a file of library " + library_);
	std::error_code ec;
	if (!fs::is_regular_file(from, ec) || fs::file_size(from, ec) != size || ec)
		return false;
	try {
		if (crypto::sha256_hex(read_file(from, size)) != sha256)
			return false; // changed in the cache since (e.g. edited): download it again
	} catch (const Error &) {
		return false;
	}
	const fs::path target = staging_ / fs::u8path(relative);
	fs::create_directories(target.parent_path(), ec);
	try {
		platform::link_or_copy_file(from, target);
	} catch (const fs::filesystem_error &e) {
		environment_error("copy " + pack::path_utf8(from) + " to", target, e.code().message());
	}
	return true;
}

void StagedVersion::commit(const CacheState &state)
{
	const fs::path target = version_dir(cache_dir_, library_, state.current_version);
	if (!platform::sync_file_system(pack::path_utf8(staging_).c_str()))
		environment_error("put on disk", staging_, std::error_code(errno, std::generic_category()).message());
	std::error_code ec;
	fs::path aside; // a leftover folder of this number (an interrupted sync, a damaged kept copy)
	if (fs::exists(fs::symlink_status(target, ec))) {
		aside = target.parent_path() / (".old-" + target.filename().string() + "-" + random_suffix());
		fs::rename(target, aside, ec);
		if (ec)
			environment_error("replace", target, ec.message());
	}
	fs::rename(staging_, target, ec);
	if (ec) {
		if (!aside.empty())
			fs::rename(aside, target, ec);
		environment_error("move the new version into", target, ec.message());
	}
	try {
		switch_current(cache_dir_, state);
	} catch (const Error &) {
		fs::rename(target, staging_, ec);
		if (!aside.empty())
			fs::rename(aside, target, ec);
		throw;
	}
	committed_ = true;
	if (!aside.empty())
		fs::remove_all(aside, ec);
}

} // namespace lcs::library::cache_store
