// Publish to a folder library and sync it into a cache: the round trip, what each publish
// uploads, conflicts between coaches, and what publish refuses.
#include "library/sync_test_util.hpp"

#include "core/library/cache.hpp"

namespace lcs::test {
namespace {
using library::ErrorKind;

class PublishSync : public LibraryFixture {};

TEST_F(PublishSync, RoundTripPutsEveryPackByteForByteUnderCurrent)
{
	write_bytes(work / "tea.json", pack_text("tea"));
	write_bytes(work / "autumn" / "coffee.json", pack_text("coffee"));
	const auto published = publish("first");
	EXPECT_EQ(published.version, 1);
	EXPECT_EQ(published.library, "school");
	EXPECT_EQ(published.objects_uploaded, 2u);
	EXPECT_EQ(published.added, (std::vector<std::string>{"autumn/coffee.json", "tea.json"}));

	const auto synced = sync();
	EXPECT_TRUE(synced.changed);
	EXPECT_EQ(synced.version, 1);
	EXPECT_EQ(synced.publisher, coach.id.hex());
	EXPECT_EQ(synced.message, "first");
	EXPECT_EQ(synced.current_dir, cache / "school" / "current");
	EXPECT_EQ(read_bytes(cache / "school" / "current" / "tea.json"), pack_text("tea"));
	EXPECT_EQ(read_bytes(cache / "school" / "current" / "autumn" / "coffee.json"), pack_text("coffee"));

	const auto state = library::read_cache_state(cache, "school");
	ASSERT_TRUE(state);
	EXPECT_EQ(state->highest_version, 1);
	EXPECT_EQ(state->current_version, 1);
	EXPECT_EQ(state->kept, (std::vector<int64_t>{1}));
	EXPECT_EQ(library::list_cached_libraries(cache).size(), 1u);
}

TEST_F(PublishSync, SecondPublishUploadsOnlyTheChangedPackAndSyncReusesTheRest)
{
	write_bytes(work / "a.json", pack_text("a"));
	write_bytes(work / "b.json", pack_text("b"));
	write_bytes(work / "c.json", pack_text("c"));
	publish();
	sync();
	write_bytes(work / "b.json", pack_text("b", "2"));
	fs::remove(work / "c.json");
	write_bytes(work / "d.json", pack_text("d"));
	const auto second = publish("second");
	EXPECT_EQ(second.version, 2);
	EXPECT_EQ(second.objects_uploaded, 2u); // b's new bytes and d
	EXPECT_EQ(second.changed, (std::vector<std::string>{"b.json"}));
	EXPECT_EQ(second.added, (std::vector<std::string>{"d.json"}));
	EXPECT_EQ(second.removed, (std::vector<std::string>{"c.json"}));

	const auto synced = sync();
	EXPECT_EQ(synced.version, 2);
	EXPECT_EQ(synced.bytes_downloaded, pack_text("b", "2").size() + pack_text("d").size()); // a came from version 1
	EXPECT_EQ(read_bytes(cache / "school" / "current" / "b.json"), pack_text("b", "2"));
	EXPECT_FALSE(fs::exists(cache / "school" / "current" / "c.json"));
	const auto snapshot = library::parse_snapshot(read_bytes(host / "snapshots" / "2.json"), "test");
	ASSERT_TRUE(snapshot.parent);
	EXPECT_EQ(*snapshot.parent, crypto::sha256_hex(read_bytes(host / "snapshots" / "1.json")));
}

TEST_F(PublishSync, NothingChangedPublishesNothing)
{
	write_bytes(work / "a.json", pack_text("a"));
	publish();
	const std::string before = tree_hash(host);
	const auto again = publish("again");
	EXPECT_TRUE(again.unchanged);
	EXPECT_EQ(again.version, 1);
	EXPECT_EQ(tree_hash(host), before);
}

TEST_F(PublishSync, SyncWithNothingNewChangesNothing)
{
	write_bytes(work / "a.json", pack_text("a"));
	publish();
	sync();
	const std::string before = tree_hash(cache);
	const auto again = sync();
	EXPECT_FALSE(again.changed);
	EXPECT_EQ(again.version, 1);
	EXPECT_EQ(tree_hash(cache), before);
}

TEST_F(PublishSync, TwoCoachesAtOnceTheSecondGetsAConflictNamingTheFirst)
{
	write_bytes(work / "a.json", pack_text("a"));
	publish();
	const library::SecretKey other = library::generate_secret_key();
	write_bytes(work / "a.json", pack_text("a", "2"));

	// Coach 2 has read index 1 and uploaded its objects; coach 1 publishes version 2 just then.
	auto racing = std::make_unique<HookTransport>(open_host());
	bool raced = false;
	racing->before_create = [&](const std::string &path) {
		if (path == "snapshots/2.json" && !raced) {
			raced = true;
			write_bytes(work / "a.json", pack_text("a", "3"));
			publish("coach 1", "school", std::nullopt, &other);
			write_bytes(work / "a.json", pack_text("a", "2"));
		}
	};
	const std::string time_of_first = library::format_utc_seconds(clock);
	library::PublishOptions o;
	o.packs = {work};
	o.key = coach;
	o.now_utc_s = clock + 600;
	try {
		library::publish_library(*racing, o);
		FAIL() << "the second publish was not refused";
	} catch (const library::Error &e) {
		EXPECT_EQ(e.kind(), ErrorKind::Conflict);
		EXPECT_EQ(std::string(e.what()), "version 2 was published by " + other.id.hex() + " at " + time_of_first +
							 "; sync, then publish again");
	}
	EXPECT_EQ(host_index().version, 2);
	const auto snapshot = library::parse_snapshot(read_bytes(host / "snapshots" / "2.json"), "test");
	EXPECT_EQ(snapshot.publisher, other.id.hex()); // never overwritten
}

TEST_F(PublishSync, ABrokenPackIsRefusedWithItsPositionAndNothingIsUploaded)
{
	write_bytes(work / "good.json", pack_text("good"));
	write_bytes(work / "bad.json", "{\n  \"format\": \"lcs.pack/1\",\n  \"pack\": 5\n}");
	try {
		publish();
		FAIL() << "a broken pack was published";
	} catch (const library::Error &e) {
		EXPECT_EQ(e.kind(), ErrorKind::Input);
		EXPECT_NE(std::string(e.what()).find((work / "bad.json").string() + ":3:"), std::string::npos) << e.what();
		EXPECT_NE(std::string(e.what()).find("nothing was published"), std::string::npos) << e.what();
	}
	EXPECT_TRUE(fs::is_empty(host));
}

TEST_F(PublishSync, PackPathsAreRelativeToTheFolderOrTheFileNameAndMayNotCollide)
{
	write_bytes(work / "x" / "tea.json", pack_text("tea"));
	write_bytes(temp.path() / "other" / "tea.json", pack_text("tea2"));
	auto target = open_host();
	library::PublishOptions o;
	o.packs = {work / "x" / "tea.json", temp.path() / "other"};
	o.key = coach;
	o.library = "school";
	try {
		library::publish_library(*target, o);
		FAIL() << "two packs at one path were published";
	} catch (const library::Error &e) {
		EXPECT_EQ(e.kind(), ErrorKind::Input);
		EXPECT_NE(std::string(e.what()).find("would both be \"tea.json\""), std::string::npos) << e.what();
	}
	EXPECT_TRUE(fs::is_empty(host));
	o.packs = {work / "x" / "tea.json"};
	EXPECT_EQ(library::publish_library(*target, o).added, (std::vector<std::string>{"tea.json"}));
}

TEST_F(PublishSync, ANewLibraryNeedsAnIdAndAnExistingOneKeepsIts)
{
	write_bytes(work / "a.json", pack_text("a"));
	try {
		publish("m", "");
		FAIL();
	} catch (const library::Error &e) {
		EXPECT_EQ(e.kind(), ErrorKind::Input);
		EXPECT_NE(std::string(e.what()).find("--library"), std::string::npos) << e.what();
	}
	publish("m", "school");
	write_bytes(work / "a.json", pack_text("a", "2"));
	try {
		publish("m", "brand");
		FAIL();
	} catch (const library::Error &e) {
		EXPECT_EQ(e.kind(), ErrorKind::Input);
		EXPECT_NE(std::string(e.what()).find("holds library \"school\", not \"brand\""), std::string::npos) << e.what();
	}
	EXPECT_EQ(publish("m", "").version, 2); // without --library: the target's
}

TEST_F(PublishSync, TheIndexVerifiesAndItsTrustedCommentNamesTheVersion)
{
	write_bytes(work / "a.json", pack_text("a"));
	publish();
	const auto verified = library::verify(read_bytes(host / "index.json"), read_bytes(host / "index.json.minisig"),
					      {coach.public_part()}, "index.json");
	EXPECT_EQ(verified.key_id, coach.id);
	EXPECT_NE(verified.trusted_comment.find("library=school version=1 published_at="), std::string::npos);
}

} // namespace
} // namespace lcs::test

namespace lcs::test {
namespace {

TEST_F(PublishSync, EachNewIndexDiffersInSizeFromTheOneItReplaces)
{
	// Web servers whose ETag is size + modification second would otherwise answer 304 to a
	// trainee who synced in the second of the previous publish.
	write_bytes(work / "a.json", pack_text("a", "1"));
	publish();
	for (int v = 2; v <= 4; ++v) {
		const auto before = fs::file_size(host / "index.json");
		write_bytes(work / "a.json", pack_text("a", std::to_string(v)));
		publish();
		EXPECT_NE(fs::file_size(host / "index.json"), before);
		EXPECT_EQ(host_index().version, v);
	}
	EXPECT_EQ(sync().version, 4);
}

TEST_F(PublishSync, AnIndexSignedByAKeyThePublisherDoesNotTrustIsRefusedAndNothingIsWritten)
{
	write_bytes(work / "a.json", pack_text("a"));
	publish();
	const auto before = read_bytes(host / "index.json");
	write_bytes(work / "a.json", pack_text("a", "2"));
	const library::SecretKey stranger = library::generate_secret_key();
	library::PublishOptions o;
	o.packs = {work};
	o.key = stranger;
	o.now_utc_s = clock;
	try {
		library::publish_library(*open_host(), o);
		FAIL() << "a publish onto an index signed by an untrusted key went through";
	} catch (const library::Error &e) {
		EXPECT_EQ(e.kind(), ErrorKind::Integrity);
		const std::string message = e.what();
		EXPECT_NE(message.find(coach.id.hex()), std::string::npos) << message;
		EXPECT_NE(message.find("--trust"), std::string::npos) << message;
	}
	EXPECT_EQ(read_bytes(host / "index.json"), before);
	EXPECT_FALSE(std::filesystem::exists(host / "snapshots" / "2.json"));

	o.trusted = {coach.public_part()};
	const auto r = library::publish_library(*open_host(), o);
	EXPECT_EQ(r.version, 2);
	EXPECT_EQ(r.publisher, stranger.id.hex());
}

} // namespace
} // namespace lcs::test
