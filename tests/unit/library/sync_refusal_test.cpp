// What sync refuses from a folder library, each with its message and the cache exactly as before.
#include "library/sync_test_util.hpp"

namespace lcs::test {
namespace {
using library::ErrorKind;

class SyncRefusal : public LibraryFixture {
protected:
	void SetUp() override
	{
		LibraryFixture::SetUp();
		write_bytes(work / "a.json", pack_text("a"));
		write_bytes(work / "b.json", pack_text("b"));
		publish("v1");
		sync(); // the cache holds version 1
		write_bytes(work / "b.json", pack_text("b", "2"));
		publish("v2");
	}

	std::string object_of(const std::string &text) { return library::object_path(crypto::sha256_hex(text)); }

	/// Rewrites snapshot 2 through `edit`, then the index to name it, signed by the coach.
	void rewrite_snapshot(const std::function<void(library::Snapshot &)> &edit)
	{
		if (genuine_snapshot.empty())
			genuine_snapshot = read_bytes(host / "snapshots" / "2.json");
		auto snapshot = library::parse_snapshot(genuine_snapshot, "test");
		edit(snapshot);
		const std::string bytes = library::write_snapshot(snapshot);
		write_bytes(host / "snapshots" / "2.json", bytes);
		auto index = host_index();
		index.snapshot.sha256 = crypto::sha256_hex(bytes);
		index.snapshot.size = bytes.size();
		write_signed_index(index, coach);
	}
	std::string genuine_snapshot;
};

TEST_F(SyncRefusal, BadSignature)
{
	std::string index = read_bytes(host / "index.json");
	index.insert(index.find("\"version\""), " ");
	write_bytes(host / "index.json", index);
	expect_refused(ErrorKind::Integrity, "index.json");
}

TEST_F(SyncRefusal, MissingSignature)
{
	fs::remove(host / "index.json.minisig");
	expect_refused(ErrorKind::Integrity, "index.json.minisig: not found");
}

TEST_F(SyncRefusal, UnknownKey)
{
	const auto stranger = library::generate_secret_key();
	write_signed_index(host_index(), stranger);
	expect_refused(ErrorKind::Integrity, stranger.id.hex());
}

TEST_F(SyncRefusal, AnyOfSeveralTrustedCoachesIsAccepted)
{
	const auto second_coach = library::generate_secret_key();
	write_signed_index(host_index(), second_coach);
	auto o = sync_options();
	o.trusted = {library::generate_secret_key().public_part(), second_coach.public_part(), coach.public_part()};
	auto source = open_host();
	EXPECT_EQ(library::sync_library(*source, o).version, 2);
}

TEST_F(SyncRefusal, RollbackToAnOlderIndexNamesBothVersions)
{
	sync(); // version 2 trusted
	auto index = host_index();
	index.version = 1;
	index.snapshot = {"snapshots/1.json", crypto::sha256_hex(read_bytes(host / "snapshots" / "1.json")),
			  fs::file_size(host / "snapshots" / "1.json")};
	write_signed_index(index, coach); // a genuine old index, replayed
	expect_refused(ErrorKind::Integrity, "is version 1 of library school, but version 2 was already trusted");
}

TEST_F(SyncRefusal, Expired)
{
	auto index = host_index();
	index.expires = library::format_utc_seconds(clock - 1);
	write_signed_index(index, coach);
	expect_refused(ErrorKind::Integrity, "expired at " + *index.expires);
}

TEST_F(SyncRefusal, CorruptedObject)
{
	const std::string object = object_of(pack_text("b", "2"));
	std::string bytes = pack_text("b", "2");
	bytes[10] ^= 1;
	write_bytes(host / object, bytes);
	expect_refused(ErrorKind::Integrity, object + " (pack b.json): SHA-256 is " + crypto::sha256_hex(bytes));
}

TEST_F(SyncRefusal, TruncatedObject)
{
	const std::string object = object_of(pack_text("b", "2"));
	write_bytes(host / object, pack_text("b", "2").substr(0, 20));
	expect_refused(ErrorKind::Integrity, object);
}

TEST_F(SyncRefusal, OversizedObject)
{
	const std::string object = object_of(pack_text("b", "2"));
	write_bytes(host / object, pack_text("b", "2") + "\n");
	expect_refused(ErrorKind::Integrity, object);
}

TEST_F(SyncRefusal, MissingObject)
{
	const std::string object = object_of(pack_text("b", "2"));
	fs::remove(host / object);
	expect_refused(ErrorKind::Integrity, object + " (pack b.json): not found");
}

TEST_F(SyncRefusal, SnapshotNotTheOneTheIndexNames)
{
	write_bytes(host / "snapshots" / "2.json", read_bytes(host / "snapshots" / "1.json"));
	expect_refused(ErrorKind::Integrity, "snapshots/2.json");
}

TEST_F(SyncRefusal, UnsafePathsInASignedSnapshot)
{
	for (const std::string bad : {"../evil.json", "/etc/evil.json", "a\\b.json", "C:/evil.json", "a/./b.json",
				      ".lcs/snapshot.json", "a//b.json"}) {
		SCOPED_TRACE(bad);
		rewrite_snapshot([&](library::Snapshot &s) { s.packs.back().path = bad; });
		expect_refused(ErrorKind::Integrity, "snapshots/2.json");
		EXPECT_FALSE(fs::exists(temp.path() / "evil.json"));
	}
}

TEST_F(SyncRefusal, APackThatIsAlsoAFolderOfAnother)
{
	rewrite_snapshot([&](library::Snapshot &s) {
		s.packs.back().path = "a.json/b.json";
	});
	expect_refused(ErrorKind::Integrity, "snapshots/2.json");
}

TEST_F(SyncRefusal, IndexOverItsSizeCap)
{
	write_bytes(host / "index.json", std::string(library::kMaxIndexBytes + 1, ' '));
	expect_refused(ErrorKind::Integrity, "index.json");
}

TEST_F(SyncRefusal, AnHtmlPageInsteadOfTheIndex)
{
	write_bytes(host / "index.json", "<html><body>Please log in to the hotel Wi-Fi</body></html>");
	write_bytes(host / "index.json.minisig", "<html><body>Please log in to the hotel Wi-Fi</body></html>");
	expect_refused(ErrorKind::Integrity, "index.json");
}

TEST_F(SyncRefusal, NoLibraryAtTheSource)
{
	fs::remove(host / "index.json");
	expect_refused(ErrorKind::Integrity, "index.json: not found");
}

TEST_F(SyncRefusal, APublishedVersionThatChangedAfterwards)
{
	sync(); // version 2 in use
	rewrite_snapshot([&](library::Snapshot &s) { s.message = "rewritten"; });
	expect_refused(ErrorKind::Integrity, "a published version may not change");
}

TEST_F(SyncRefusal, UnreachableSourceIsUnreachableAndLeavesTheCache)
{
	auto source = std::make_unique<HookTransport>(open_host());
	source->unreachable = true;
	const std::string before = tree_hash(cache);
	try {
		library::sync_library(*source, sync_options());
		FAIL();
	} catch (const library::Error &e) {
		EXPECT_EQ(e.kind(), ErrorKind::Unreachable);
	}
	EXPECT_EQ(tree_hash(cache), before);
}

TEST_F(SyncRefusal, AFailedFirstSyncLeavesNoCacheFolderBehind)
{
	const fs::path fresh = temp.path() / "fresh-cache";
	const std::string object = object_of(pack_text("a"));
	write_bytes(host / object, "tampered");
	auto o = sync_options();
	o.cache_dir = fresh;
	auto source = open_host();
	EXPECT_THROW(library::sync_library(*source, o), library::Error);
	EXPECT_EQ(tree_hash(fresh), "absent");
}

} // namespace
} // namespace lcs::test
