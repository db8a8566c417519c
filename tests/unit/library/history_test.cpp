// library log: versions walked back through parent hashes, from a folder library and a cache.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/library/folder_transport.hpp"
#include "core/library/history.hpp"
#include "library/test_library.hpp"

namespace lcs::library {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::TestLibrary;
using test::throws_error;
using Strings = std::vector<std::string>;

class LibraryHistory : public ::testing::Test {
protected:
	void SetUp() override
	{
		lib.publish({{"a.json", "A1"}, {"b.json", "B1"}}, "first", "2026-01-01T10:00:00Z");
		lib.publish({{"a.json", "A2"}, {"c/d.json", "D1"}}, "change a, drop b, add d", "2026-01-02T10:00:00Z");
		lib.publish({{"a.json", "A2"}, {"c/d.json", "D1"}, {"e.json", "E"}}, "add e", "2026-01-03T10:00:00Z");
	}
	void TearDown() override { fs::remove_all(lib.root()); }

	std::vector<VersionEntry> log(const std::vector<PublicKey> &trusted = {})
	{
		FolderTransport t(lib.root());
		return library_log(t, trusted);
	}

	TestLibrary lib{fs::path(::testing::TempDir()) / ("lcs-history-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name())), "team"};
};

TEST_F(LibraryHistory, ListsVersionsNewestFirstWithTheirDiffs)
{
	const auto v = log({lib.key.public_part()});
	ASSERT_EQ(v.size(), 3U);
	EXPECT_EQ(v[0].version, 3);
	EXPECT_EQ(v[0].published_at, "2026-01-03T10:00:00Z");
	EXPECT_EQ(v[0].publisher, lib.key.id.hex());
	EXPECT_EQ(v[0].message, "add e");
	EXPECT_EQ(v[0].packs, (Strings{"a.json", "c/d.json", "e.json"}));
	EXPECT_EQ(v[0].added, Strings{"e.json"});
	EXPECT_TRUE(v[0].changed.empty());
	EXPECT_TRUE(v[0].removed.empty());
	EXPECT_EQ(v[1].version, 2);
	EXPECT_EQ(v[1].added, Strings{"c/d.json"});
	EXPECT_EQ(v[1].changed, Strings{"a.json"});
	EXPECT_EQ(v[1].removed, Strings{"b.json"});
	EXPECT_EQ(v[2].version, 1);
	EXPECT_EQ(v[2].added, (Strings{"a.json", "b.json"}));
	EXPECT_TRUE(v[2].changed.empty() && v[2].removed.empty());
	for (const auto &e : v)
		EXPECT_TRUE(e.diff_known);
}

TEST_F(LibraryHistory, TheSignatureIsCheckedOnlyWhenKeysAreGiven)
{
	const SecretKey other = generate_secret_key();
	EXPECT_TRUE(throws_error([&] { log({other.public_part()}); }, ErrorKind::Integrity, {"index.json.minisig", lib.key.id.hex(), "not a trusted key"}));
	lib.put("index.json", read_file((lib.root() / "index.json").string()) + " ");
	EXPECT_TRUE(throws_error([&] { log({lib.key.public_part()}); }, ErrorKind::Integrity, {"does not match"}));
	EXPECT_EQ(log().size(), 3U); // informative without keys
	fs::remove(lib.root() / "index.json.minisig");
	EXPECT_TRUE(throws_error([&] { log({lib.key.public_part()}); }, ErrorKind::Integrity, {"index.json.minisig", "not found", "not signed"}));
}

TEST_F(LibraryHistory, AChangedParentSnapshotIsRefusedByTheHashItsChildNames)
{
	const fs::path v1 = lib.root() / "snapshots" / "1.json";
	std::string text = read_file(v1.string());
	text.replace(text.find("first"), 5, "FIRST");
	lib.put("snapshots/1.json", text);
	EXPECT_TRUE(throws_error([&] { log(); }, ErrorKind::Integrity, {"snapshots/1.json", "sha256", "snapshots/2.json names"}));
}

TEST_F(LibraryHistory, TheIndexSnapshotMustHaveTheNamedSizeAndHash)
{
	std::string text = read_file((lib.root() / "snapshots" / "3.json").string());
	lib.put("snapshots/3.json", text + "\n");
	EXPECT_TRUE(throws_error([&] { log(); }, ErrorKind::Integrity, {"snapshots/3.json"}));
	text.replace(text.find("add e"), 5, "add E");
	lib.put("snapshots/3.json", text);
	EXPECT_TRUE(throws_error([&] { log(); }, ErrorKind::Integrity, {"snapshots/3.json", "index.json names"}));
}

TEST_F(LibraryHistory, AMissingParentIsRefused)
{
	fs::remove(lib.root() / "snapshots" / "2.json");
	EXPECT_TRUE(throws_error([&] { log(); }, ErrorKind::Integrity, {"snapshots/2.json", "not found"}));
}

TEST_F(LibraryHistory, AParentThatIsNotThePreviousVersionIsRefused)
{
	// Version 2's file, hash-consistent, but the wrong version number or library.
	TestLibrary other(lib.root().string() + "-other", "elsewhere");
	const std::string foreign = other.publish({{"x.json", "X"}}, "m", "2026-01-01T00:00:00Z");
	TestLibrary chained(lib.root().string() + "-chained", "team");
	chained.put("snapshots/1.json", foreign); // the library "elsewhere"'s version 1
	Snapshot s = parse_snapshot(read_file((lib.root() / "snapshots" / "2.json").string()), "s");
	s.parent = crypto::sha256_hex(foreign);
	const std::string v2 = write_snapshot(s);
	chained.put("snapshots/2.json", v2);
	Index i{"team", 2, "2026-01-02T10:00:00Z", std::nullopt, {"snapshots/2.json", crypto::sha256_hex(v2), v2.size()}};
	chained.put("index.json", write_index(i));
	FolderTransport t(chained.root());
	EXPECT_TRUE(throws_error([&] { library_log(t, {}); }, ErrorKind::Integrity, {"snapshots/1.json", "belongs to library \"elsewhere\""}));
	fs::remove_all(other.root());
	fs::remove_all(chained.root());
}

TEST_F(LibraryHistory, AFolderThatIsNotALibraryIsNamed)
{
	const fs::path empty = lib.root().string() + "-empty";
	fs::create_directories(empty);
	FolderTransport t(empty);
	EXPECT_TRUE(throws_error([&] { library_log(t, {}); }, ErrorKind::Integrity, {"index.json", "not found", "not a library"}));
	fs::remove_all(empty);
}

// A cache folder of one library as sync leaves it: versions/<N>/.lcs/{snapshot,index}.json.
void cache_version(const fs::path &cache, const TestLibrary &lib, int64_t n)
{
	const fs::path meta = cache / "versions" / std::to_string(n) / ".lcs";
	fs::create_directories(meta);
	fs::copy_file(lib.root() / snapshot_path(n), meta / "snapshot.json", fs::copy_options::overwrite_existing);
}

TEST_F(LibraryHistory, FromACacheTheKeptVersionsWithTheDiffsItCanTell)
{
	lib.publish({{"a.json", "A3"}, {"e.json", "E"}}, "v4", "2026-01-04T10:00:00Z");
	lib.publish({{"a.json", "A3"}}, "v5", "2026-01-05T10:00:00Z");
	const fs::path cache = lib.root().string() + "-cache";
	fs::remove_all(cache);
	for (const int64_t n : {2, 3, 5})
		cache_version(cache, lib, n);
	fs::copy_file(lib.root() / "index.json", cache / "versions" / "5" / ".lcs" / "index.json");
	fs::create_directories(cache / "versions" / ".staging-x"); // not a version: ignored
	const auto v = library_log_from_cache(cache.string());
	ASSERT_EQ(v.size(), 3U);
	EXPECT_EQ(v[0].version, 5);
	EXPECT_FALSE(v[0].diff_known); // 4 is not kept
	EXPECT_EQ(v[0].packs, Strings{"a.json"});
	EXPECT_EQ(v[1].version, 3);
	EXPECT_TRUE(v[1].diff_known);
	EXPECT_EQ(v[1].added, Strings{"e.json"});
	EXPECT_EQ(v[2].version, 2);
	EXPECT_FALSE(v[2].diff_known);

	// A cached snapshot changed after the sync: the link from its child no longer holds.
	const fs::path v2 = cache / "versions" / "2" / ".lcs" / "snapshot.json";
	std::string text = read_file(v2.string());
	text.replace(text.find("drop b"), 6, "DROP B");
	test::write_file(v2.string(), text);
	EXPECT_TRUE(throws_error([&] { library_log_from_cache(cache.string()); }, ErrorKind::Integrity, {"versions/2/.lcs/snapshot.json", "sha256"}));
	// The newest one against the index synced with it.
	cache_version(cache, lib, 2);
	const fs::path v5 = cache / "versions" / "5" / ".lcs" / "snapshot.json";
	text = read_file(v5.string());
	text.replace(text.find("v5"), 2, "V5");
	test::write_file(v5.string(), text);
	EXPECT_TRUE(throws_error([&] { library_log_from_cache(cache.string()); }, ErrorKind::Integrity, {"versions/5/.lcs/snapshot.json", "index.json names"}));
	EXPECT_TRUE(throws_error([&] { library_log_from_cache(lib.root().string()); }, ErrorKind::Input, {"not a cached library"}));
	fs::remove_all(cache);
}

} // namespace
} // namespace lcs::library
