#pragma once

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "core/crypto/sha256.hpp"
#include "core/library/error.hpp"
#include "core/library/format.hpp"
#include "core/library/minisign.hpp"
#include "core/library/publish.hpp"
#include "core/library/sync.hpp"
#include "core/library/transport.hpp"

namespace lcs::test {
namespace fs = std::filesystem;

inline std::string read_bytes(const fs::path &file)
{
	std::ifstream in(file, std::ios::binary);
	std::ostringstream s;
	s << in.rdbuf();
	return s.str();
}

inline void write_bytes(const fs::path &file, const std::string &bytes)
{
	fs::create_directories(file.parent_path());
	std::ofstream out(file, std::ios::binary | std::ios::trunc);
	out << bytes;
}

/// A fresh folder under the system's temporary folder, removed at the end.
class TempDir {
public:
	TempDir()
	{
		std::random_device random;
		path_ = fs::temp_directory_path() / ("lcs-library-test-" + std::to_string(random()) + std::to_string(random()));
		fs::create_directories(path_);
	}
	~TempDir()
	{
		std::error_code ec;
		fs::remove_all(path_, ec);
	}
	TempDir(const TempDir &) = delete;
	TempDir &operator=(const TempDir &) = delete;
	[[nodiscard]] const fs::path &path() const { return path_; }

private:
	fs::path path_;
};

/// Everything under a folder — names, symlink targets, file bytes — as one hash: what "the cache
/// is exactly as it was" is checked with. A folder that does not exist hashes as "absent".
inline std::string tree_hash(const fs::path &root)
{
	std::error_code ec;
	if (!fs::exists(fs::symlink_status(root, ec)))
		return "absent";
	std::map<std::string, std::string> entries;
	for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
		const std::string rel = fs::relative(it->path(), root).generic_string();
		if (it->is_symlink())
			entries[rel] = "link:" + fs::read_symlink(it->path()).generic_string();
		else if (it->is_directory())
			entries[rel] = "dir";
		else
			entries[rel] = "file:" + crypto::sha256_hex(read_bytes(it->path()));
	}
	std::string all;
	for (const auto &[k, v] : entries)
		all += k + "\t" + v + "\n";
	return crypto::sha256_hex(all);
}

/// A small valid pack; `tag` changes its bytes (and the cue text) so packs differ.
inline std::string pack_text(const std::string &id, const std::string &tag = "1")
{
	return R"({
  "format": "lcs.pack/1",
  "pack": { "id": ")" + id + R"(", "name": "Tea", "version": "1.0.)" + tag + R"(", "language": "en-US",
            "authors": ["A"], "license": "CC-BY-4.0" },
  "products": [ { "sku": "SKU-)" + id + R"(", "name": "Green tea", "list_price_cents": 12800, "stock": 300,
                  "category": "food", "selling_points": ["fresh"] } ],
  "segments": [
    { "id": "open-)" + id + R"(", "name": "Opening", "kind": "opening", "planned_seconds": 120,
      "cues": [ { "id": "open-)" + id + R"(-1", "text": "Welcome! )" + tag + R"(" } ] }
  ]
})";
}

/// A transport that passes everything to another one, with hooks for the tests: run something
/// before a given file is created or fetched, fail as an unreachable host.
class HookTransport : public library::Transport {
public:
	explicit HookTransport(std::unique_ptr<library::Transport> inner) : inner_(std::move(inner)) {}

	std::function<void(const std::string &path)> before_create;
	std::function<void(const std::string &path)> before_fetch;
	bool unreachable = false;

	[[nodiscard]] std::string describe() const override { return inner_->describe(); }
	library::FetchResult fetch(const library::FetchRequest &request, const std::string &if_none_match) override
	{
		check_reachable();
		if (before_fetch)
			before_fetch(request.path);
		return inner_->fetch(request, if_none_match);
	}
	void fetch_many(const std::vector<library::FetchRequest> &requests,
			const std::function<void(size_t, library::FetchResult &&)> &on_done) override
	{
		check_reachable();
		inner_->fetch_many(requests, on_done);
	}
	bool exists(const std::string &path) override
	{
		check_reachable();
		return inner_->exists(path);
	}
	bool create(const std::string &path, std::string_view bytes) override
	{
		check_reachable();
		if (before_create)
			before_create(path);
		return inner_->create(path, bytes);
	}
	void replace(const std::string &path, std::string_view bytes) override
	{
		check_reachable();
		inner_->replace(path, bytes);
	}
	[[nodiscard]] uint64_t request_count() const override { return inner_->request_count(); }

private:
	void check_reachable() const
	{
		if (unreachable)
			throw library::Error(library::ErrorKind::Unreachable, describe() + ": cannot connect (test)");
	}
	std::unique_ptr<library::Transport> inner_;
};

/// A folder library, a coach's key, the packs they publish and a trainee's cache.
class LibraryFixture : public ::testing::Test {
protected:
	TempDir temp;
	fs::path host = temp.path() / "host";
	fs::path work = temp.path() / "work"; // the coach's pack folder
	fs::path cache = temp.path() / "cache";
	library::SecretKey coach = library::generate_secret_key();
	int64_t clock = 1'800'000'000; // 2027-01-15T08:00:00Z

	void SetUp() override { fs::create_directories(host); }

	std::unique_ptr<library::Transport> open_host() { return library::open_transport(host.string()); }

	library::PublishResult publish(const std::string &message = "m", const std::string &library_id = "school",
				       std::optional<int64_t> expires_after = std::nullopt,
				       const library::SecretKey *key = nullptr)
	{
		auto target = open_host();
		library::PublishOptions o;
		o.packs = {work};
		o.key = key ? *key : coach;
		if (key)
			o.trusted = {coach.public_part()}; // another coach of the same team
		o.library = library_id;
		o.message = message;
		o.now_utc_s = clock;
		o.expires_after_s = expires_after;
		clock += 60;
		return library::publish_library(*target, o);
	}

	library::SyncOptions sync_options(std::optional<int64_t> version = std::nullopt)
	{
		library::SyncOptions o;
		o.cache_dir = cache;
		o.trusted = {coach.public_part()};
		o.version = version;
		o.now_utc_s = clock;
		return o;
	}

	library::SyncResult sync(std::optional<int64_t> version = std::nullopt)
	{
		auto source = open_host();
		return library::sync_library(*source, sync_options(version));
	}

	/// Runs a sync that must be refused with `kind` and a message containing `needle`, and checks
	/// that the cache is exactly as before.
	void expect_refused(library::ErrorKind kind, const std::string &needle,
			    std::optional<int64_t> version = std::nullopt)
	{
		const std::string before = tree_hash(cache);
		try {
			sync(version);
			ADD_FAILURE() << "sync was not refused (expected: " << needle << ")";
		} catch (const library::Error &e) {
			EXPECT_EQ(e.kind(), kind) << e.what();
			EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
		}
		EXPECT_EQ(tree_hash(cache), before) << "the refused sync changed the cache";
	}

	/// Replaces index.json by `index` (re-signed with `key`).
	void write_signed_index(const library::Index &index, const library::SecretKey &key)
	{
		const std::string bytes = library::write_index(index);
		write_bytes(host / "index.json", bytes);
		write_bytes(host / "index.json.minisig", library::sign(bytes, key, "test"));
	}

	library::Index host_index() { return library::parse_index(read_bytes(host / "index.json"), "test"); }
};

} // namespace lcs::test
