// The cache across versions: five kept, roll back with --version from the cache or the source,
// offline use, a publish caught between its two index writes, and provenance for session headers.
#include "library/sync_test_util.hpp"

#include "core/library/cache.hpp"
#include "core/pack/library.hpp"
#include "core/session/header.hpp"

namespace lcs::test {
namespace {
using library::ErrorKind;

class Cache : public LibraryFixture {
protected:
	/// Publishes versions 1..n, each changing a.json; b.json stays.
	void publish_versions(int n, bool sync_each)
	{
		write_bytes(work / "b.json", pack_text("b"));
		for (int v = 1; v <= n; ++v) {
			write_bytes(work / "a.json", pack_text("a", std::to_string(v)));
			publish("version " + std::to_string(v));
			if (sync_each)
				sync();
		}
	}
	fs::path current_a() { return cache / "school" / "current" / "a.json"; }
};

TEST_F(Cache, KeepsTheFiveNewestVersions)
{
	publish_versions(7, true);
	const auto state = library::read_cache_state(cache, "school");
	ASSERT_TRUE(state);
	EXPECT_EQ(state->kept, (std::vector<int64_t>{3, 4, 5, 6, 7}));
	EXPECT_EQ(state->current_version, 7);
	EXPECT_EQ(fs::read_symlink(cache / "school" / "current"), fs::path("versions/7"));
	EXPECT_EQ(read_bytes(current_a()), pack_text("a", "7"));
}

TEST_F(Cache, VersionFromTheCacheNeedsNoHostAndKeepsTheRollbackGuard)
{
	publish_versions(3, true);
	auto source = std::make_unique<HookTransport>(open_host());
	source->unreachable = true; // a roll back to a kept version works offline
	const auto r = library::sync_library(*source, sync_options(1));
	EXPECT_TRUE(r.changed);
	EXPECT_EQ(r.version, 1);
	EXPECT_EQ(read_bytes(current_a()), pack_text("a", "1"));
	const auto state = library::read_cache_state(cache, "school");
	EXPECT_EQ(state->current_version, 1);
	EXPECT_EQ(state->highest_version, 3);
	// A plain sync goes back to the newest.
	EXPECT_EQ(sync().version, 3);
	EXPECT_EQ(read_bytes(current_a()), pack_text("a", "3"));
}

TEST_F(Cache, VersionFromTheSourceWalksTheParentChain)
{
	publish_versions(4, false);
	const auto r = sync(2);
	EXPECT_EQ(r.version, 2);
	EXPECT_EQ(r.message, "version 2");
	EXPECT_EQ(read_bytes(current_a()), pack_text("a", "2"));
	EXPECT_EQ(library::read_cache_state(cache, "school")->highest_version, 4);
	expect_refused(ErrorKind::Input, "version 9 of library school is not published", 9);
}

TEST_F(Cache, VersionFromTheSourceRefusesABrokenChain)
{
	publish_versions(3, false);
	write_bytes(host / "snapshots" / "2.json", read_bytes(host / "snapshots" / "1.json"));
	expect_refused(ErrorKind::Integrity, "snapshots/2.json: SHA-256 is", 2);
}

TEST_F(Cache, OfflineFallsBackToTheCachedVersion)
{
	publish_versions(1, true);
	auto source = std::make_unique<HookTransport>(open_host());
	source->unreachable = true;
	const auto r = library::sync_or_use_cache(*source, "school", sync_options());
	EXPECT_TRUE(r.offline);
	EXPECT_FALSE(r.changed);
	EXPECT_EQ(r.version, 1);
	EXPECT_NE(r.offline_reason.find("cannot connect"), std::string::npos);
	EXPECT_EQ(read_bytes(r.current_dir / "a.json"), pack_text("a", "1"));
	// Without a cached version, or with an integrity failure, it still throws.
	auto o = sync_options();
	o.cache_dir = temp.path() / "empty";
	EXPECT_THROW(library::sync_or_use_cache(*source, "school", o), library::Error);
	source->unreachable = false;
	write_bytes(host / "index.json", read_bytes(host / "index.json") + " "); // no longer what was signed
	EXPECT_THROW(library::sync_or_use_cache(*source, "school", sync_options()), library::Error);
}

TEST_F(Cache, APublishBetweenTheTwoIndexReadsIsReadAgainOnce)
{
	publish_versions(1, false);
	auto source = std::make_unique<HookTransport>(open_host());
	bool published = false;
	source->before_fetch = [&](const std::string &path) {
		if (path == "index.json.minisig" && !published) {
			published = true; // index 1 was read; version 2's signature and index land now
			write_bytes(work / "a.json", pack_text("a", "2"));
			publish("version 2");
		}
	};
	EXPECT_EQ(library::sync_library(*source, sync_options()).version, 2);
	EXPECT_EQ(read_bytes(current_a()), pack_text("a", "2"));
}

TEST_F(Cache, AFileEditedInTheCacheIsDownloadedAgainNotReused)
{
	publish_versions(1, true);
	fs::remove(cache / "school" / "versions" / "1" / "b.json");
	write_bytes(cache / "school" / "versions" / "1" / "b.json", "edited");
	write_bytes(work / "a.json", pack_text("a", "2"));
	publish();
	sync();
	EXPECT_EQ(read_bytes(cache / "school" / "current" / "b.json"), pack_text("b"));
}

TEST_F(Cache, ADamagedStateFileRefusesTheSyncAndIsLeftAlone)
{
	publish_versions(1, true);
	write_bytes(cache / "school" / "state.json", "{ not json");
	write_bytes(work / "a.json", pack_text("a", "2"));
	publish();
	expect_refused(ErrorKind::Integrity, "state.json");
}

TEST_F(Cache, AHeaderNamesTheVersionOfTheBytesLoadedEvenWhenCurrentMovedOnSince)
{
	publish_versions(1, true);
	// The desk loaded a.json of version 1 through current/; then an update made version 2 current.
	const auto loaded = pack::Library::load({current_a()});
	ASSERT_TRUE(loaded.library);
	write_bytes(work / "a.json", pack_text("a", "2"));
	publish("version 2");
	sync();
	ASSERT_EQ(library::provenance_of(current_a())->version, 2);
	audience::Scenario scenario;
	scenario.id = "s";
	const auto header = session::make_header(*loaded.library, scenario, {"t", "2027-01-01T00:00:00Z", 1, 60});
	EXPECT_EQ(header.at("packs")[0].at("library_version"), 1); // the bytes in use, not current/'s
	EXPECT_EQ(library::provenance_of(current_a(), loaded.library->packs()[0].sha256)->version, 1);
	// Bytes no kept version has (edited in the cache by hand): no library is claimed.
	EXPECT_FALSE(library::provenance_of(current_a(), std::string(64, 'a')));
}

TEST_F(Cache, ProvenanceAndTheSessionHeaderNameTheLibraryVersion)
{
	publish_versions(2, true);
	const auto p = library::provenance_of(current_a());
	ASSERT_TRUE(p);
	EXPECT_EQ(p->library, "school");
	EXPECT_EQ(p->version, 2);
	const auto kept = library::provenance_of(cache / "school" / "versions" / "1" / "a.json");
	ASSERT_TRUE(kept);
	EXPECT_EQ(kept->version, 1);
	EXPECT_FALSE(library::provenance_of(work / "a.json"));

	const auto loaded = pack::Library::load({current_a(), work / "b.json"});
	ASSERT_TRUE(loaded.library) << (loaded.diagnostics.empty() ? "" : loaded.diagnostics.front().to_string());
	audience::Scenario scenario;
	scenario.id = "s";
	const auto header = session::make_header(*loaded.library, scenario, {"t", "2027-01-01T00:00:00Z", 1, 60});
	const auto &packs = header.at("packs");
	ASSERT_EQ(packs.size(), 2u);
	EXPECT_EQ(packs[0].at("library"), "school");
	EXPECT_EQ(packs[0].at("library_version"), 2);
	EXPECT_FALSE(packs[1].contains("library")); // a pack outside a library: as before
	EXPECT_EQ(packs[1].size(), 3u);
}

} // namespace
} // namespace lcs::test

namespace lcs::test {
namespace {

TEST_F(Cache, ProvenanceThroughACopiedCurrentFolder)
{
	// Where symlinks are not allowed, current/ is a copy of the version's folder.
	write_bytes(work / "a.json", pack_text("a"));
	publish();
	sync();
	const fs::path current = cache / "school" / "current";
	fs::remove(current);
	fs::copy(cache / "school" / "versions" / "1", current, fs::copy_options::recursive);
	const auto p = library::provenance_of(current / "a.json");
	ASSERT_TRUE(p);
	EXPECT_EQ(p->library, "school");
	EXPECT_EQ(p->version, 1);
}

} // namespace
} // namespace lcs::test

namespace lcs::test {
namespace {

TEST_F(Cache, AnUnchangedIndexIsOneRequestButStillExpiresAndStillNeedsATrustedKey)
{
	write_bytes(work / "a.json", pack_text("a"));
	publish("m", "school", 3600);
	sync();
	const auto again = sync();
	EXPECT_FALSE(again.changed);
	EXPECT_EQ(again.requests, 1u); // the index, answered "not modified"

	// A coach whose key the trainee dropped: the cached index no longer counts either.
	auto source = open_host();
	auto o = sync_options();
	o.trusted = {library::generate_secret_key().public_part()};
	const std::string before = tree_hash(cache);
	EXPECT_THROW(library::sync_library(*source, o), library::Error);

	clock += 7200; // past "expires", with the host still answering "not modified"
	expect_refused(ErrorKind::Integrity, "expired at");
	EXPECT_EQ(tree_hash(cache), before);
}

} // namespace
} // namespace lcs::test

namespace lcs::test {
namespace {

TEST_F(Cache, ProgressCountsTheObjectsDownloaded)
{
	publish_versions(1, false);
	auto o = sync_options();
	std::vector<std::pair<size_t, size_t>> calls;
	o.on_progress = [&](size_t done, size_t total) { calls.emplace_back(done, total); };
	auto source = open_host();
	library::sync_library(*source, o);
	EXPECT_EQ(calls, (std::vector<std::pair<size_t, size_t>>{{1, 2}, {2, 2}}));
}

} // namespace
} // namespace lcs::test

namespace lcs::test {
namespace {

TEST_F(Cache, ACacheThatCannotBeWrittenIsAnEnvironmentErrorAndStaysAsItWas)
{
	publish_versions(1, false);
	write_bytes(cache, "a file where the cache folder should be");
	const std::string before = tree_hash(cache);
	auto source = open_host();
	try {
		library::sync_library(*source, sync_options());
		FAIL() << "synced into a file";
	} catch (const library::Error &e) {
		EXPECT_EQ(e.kind(), ErrorKind::Environment) << e.what();
		EXPECT_NE(std::string(e.what()).find(cache.string()), std::string::npos) << e.what();
	}
	EXPECT_EQ(tree_hash(cache), before);
	EXPECT_EQ(read_bytes(cache), "a file where the cache folder should be");
}

TEST_F(Cache, AVersionDirectoryInTheWayIsReplacedOnlyWhenTheNewOneIsComplete)
{
	// A leftover versions/2 (an interrupted sync) does not block version 2, and is not used.
	publish_versions(1, true);
	write_bytes(cache / "school" / "versions" / "2" / "a.json", "leftover");
	write_bytes(work / "a.json", pack_text("a", "2"));
	publish();
	EXPECT_EQ(sync().version, 2);
	EXPECT_EQ(read_bytes(cache / "school" / "current" / "a.json"), pack_text("a", "2"));
}

} // namespace
} // namespace lcs::test
