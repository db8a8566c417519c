// index.json and snapshots/<N>.json: round trips, deterministic bytes, and every refusal.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/library/format.hpp"
#include "library/library_test_util.hpp"

namespace lcs::library {
namespace {

using test::throws_error;

const std::string kSha(64, 'a');
const std::string kSha2 = std::string(63, 'b') + "0";

Index sample_index()
{
	Index i;
	i.library = "team-a";
	i.version = 3;
	i.published_at = "2026-03-01T08:30:00Z";
	i.expires = "2026-04-01T00:00:00Z";
	i.snapshot = {"snapshots/3.json", kSha, 1234};
	return i;
}

Snapshot sample_snapshot()
{
	Snapshot s;
	s.library = "team-a";
	s.version = 3;
	s.parent = kSha2;
	s.published_at = "2026-03-01T08:30:00Z";
	s.publisher = "44671CCF9D1AC114";
	s.message = "新品：秋季护肤 \"quoted\"";
	s.packs = {{"skincare/autumn.json", kSha, 50000, "autumn", "1.2.0"}, {"basics.json", kSha2, 10, "basics", "1.0.0"}};
	return s;
}

nlohmann::json index_json()
{
	return nlohmann::json::parse(write_index(sample_index()));
}

nlohmann::json snapshot_json()
{
	return nlohmann::json::parse(write_snapshot(sample_snapshot()));
}

TEST(LibraryFormat, IndexRoundTripsCompactWithATrailingNewline)
{
	const std::string text = write_index(sample_index());
	EXPECT_EQ(text, "{\"schema\":\"lcs.library/1\",\"library\":\"team-a\",\"version\":3,\"published_at\":\"2026-03-01T08:30:00Z\","
			"\"expires\":\"2026-04-01T00:00:00Z\",\"snapshot\":{\"path\":\"snapshots/3.json\",\"sha256\":\"" +
				kSha + "\",\"size\":1234}}\n");
	const Index back = parse_index(text, "index.json");
	EXPECT_EQ(back.library, "team-a");
	EXPECT_EQ(back.version, 3);
	EXPECT_EQ(back.published_at, "2026-03-01T08:30:00Z");
	EXPECT_EQ(back.expires, "2026-04-01T00:00:00Z");
	EXPECT_EQ(back.snapshot.path, "snapshots/3.json");
	EXPECT_EQ(back.snapshot.sha256, kSha);
	EXPECT_EQ(back.snapshot.size, 1234U);
	EXPECT_EQ(write_index(back), text);

	Index no_expiry = sample_index();
	no_expiry.expires.reset();
	EXPECT_EQ(write_index(no_expiry).find("expires"), std::string::npos);
	EXPECT_FALSE(parse_index(write_index(no_expiry), "i").expires);
	auto null_expiry = index_json();
	null_expiry["expires"] = nullptr;
	EXPECT_FALSE(parse_index(null_expiry.dump(), "i").expires);
}

TEST(LibraryFormat, SnapshotRoundTripsWithPacksSortedByPath)
{
	const std::string text = write_snapshot(sample_snapshot());
	ASSERT_EQ(text.back(), '\n');
	EXPECT_EQ(text.find('\n'), text.size() - 1);
	const Snapshot back = parse_snapshot(text, "snapshots/3.json");
	EXPECT_EQ(back.library, "team-a");
	EXPECT_EQ(back.version, 3);
	EXPECT_EQ(back.parent, kSha2);
	EXPECT_EQ(back.publisher, "44671CCF9D1AC114");
	EXPECT_EQ(back.message, sample_snapshot().message);
	ASSERT_EQ(back.packs.size(), 2U);
	EXPECT_EQ(back.packs[0].path, "basics.json");
	EXPECT_EQ(back.packs[1].path, "skincare/autumn.json");
	EXPECT_EQ(back.packs[1].size, 50000U);
	EXPECT_EQ(back.packs[1].id, "autumn");
	EXPECT_EQ(back.packs[1].version, "1.2.0");
	EXPECT_EQ(write_snapshot(back), text); // deterministic: same snapshot, same bytes

	Snapshot first = sample_snapshot();
	first.version = 1;
	first.parent.reset();
	const std::string v1 = write_snapshot(first);
	EXPECT_NE(v1.find("\"parent\":null"), std::string::npos);
	EXPECT_FALSE(parse_snapshot(v1, "s").parent);
}

TEST(LibraryFormat, OverTheCapIsRefusedBeforeParsing)
{
	const std::string big = "{\"pad\":\"" + std::string(kMaxIndexBytes, 'x') + "\"}";
	EXPECT_TRUE(throws_error([&] { parse_index(big, "index.json"); }, ErrorKind::Integrity, {"index.json", "over its cap of 65536"}));
	// Not even valid JSON: still the cap that refuses it.
	EXPECT_TRUE(throws_error([&] { parse_index(std::string(kMaxIndexBytes + 1, '['), "i"); }, ErrorKind::Integrity, {"cap"}));
	EXPECT_TRUE(throws_error([&] { parse_snapshot(std::string(kMaxSnapshotBytes + 1, ' '), "s"); }, ErrorKind::Integrity, {"cap"}));
}

TEST(LibraryFormat, NotJsonOrHtmlIsNamed)
{
	EXPECT_TRUE(throws_error([] { parse_index("<!DOCTYPE html><html><body>portal</body></html>", "http://h/index.json"); },
				 ErrorKind::Integrity, {"http://h/index.json", "HTML page"}));
	EXPECT_TRUE(throws_error([] { parse_index("{\"schema\":", "i"); }, ErrorKind::Integrity, {"not valid JSON"}));
	EXPECT_TRUE(throws_error([] { parse_index("[1,2]", "i"); }, ErrorKind::Integrity, {"JSON object expected"}));
}

TEST(LibraryFormat, WrongSchemaIsRefused)
{
	auto j = index_json();
	j["schema"] = "lcs.library/2";
	EXPECT_TRUE(throws_error([&] { parse_index(j.dump(), "i"); }, ErrorKind::Integrity, {"\"lcs.library/2\"", "expected \"lcs.library/1\""}));
	// A snapshot is not an index, and the other way round.
	EXPECT_TRUE(throws_error([] { parse_index(write_snapshot(sample_snapshot()), "i"); }, ErrorKind::Integrity, {"schema"}));
	EXPECT_TRUE(throws_error([] { parse_snapshot(write_index(sample_index()), "s"); }, ErrorKind::Integrity, {"schema"}));
	j.erase("schema");
	EXPECT_TRUE(throws_error([&] { parse_index(j.dump(), "i"); }, ErrorKind::Integrity, {"\"schema\" is missing"}));
}

TEST(LibraryFormat, EveryIndexFieldsTypeIsChecked)
{
	const auto refused = [](const std::function<void(nlohmann::json &)> &edit, const std::string &part) {
		auto j = index_json();
		edit(j);
		EXPECT_TRUE(throws_error([&] { parse_index(j.dump(), "index.json"); }, ErrorKind::Integrity, {"index.json", part})) << j.dump();
	};
	refused([](auto &j) { j["library"] = 5; }, "\"library\" must be a string");
	refused([](auto &j) { j["library"] = "Team A"; }, "not a library id");
	refused([](auto &j) { j["version"] = "3"; }, "\"version\" must be an integer");
	refused([](auto &j) { j["version"] = 3.0; }, "\"version\" must be an integer");
	refused([](auto &j) { j["version"] = 0; }, "at least 1");
	refused([](auto &j) { j["version"] = -2; }, "at least 1");
	refused([](auto &j) { j["version"] = 18446744073709551615ULL; }, "\"version\"");
	refused([](auto &j) { j["published_at"] = 1700000000; }, "\"published_at\" must be a string");
	refused([](auto &j) { j["published_at"] = "yesterday"; }, "ISO-8601");
	refused([](auto &j) { j["expires"] = 5; }, "\"expires\" must be a string");
	refused([](auto &j) { j["expires"] = "2026-02-30T00:00:00Z"; }, "ISO-8601");
	refused([](auto &j) { j["snapshot"] = "snapshots/3.json"; }, "\"snapshot\" must be an object");
	refused([](auto &j) { j["snapshot"].erase("sha256"); }, "\"sha256\" is missing");
	refused([](auto &j) { j["snapshot"]["sha256"] = std::string(64, 'A'); }, "64 lowercase hex");
	refused([](auto &j) { j["snapshot"]["sha256"] = std::string(63, 'a'); }, "64 lowercase hex");
	refused([](auto &j) { j["snapshot"]["sha256"] = std::string(63, 'a') + "g"; }, "64 lowercase hex");
	refused([](auto &j) { j["snapshot"]["size"] = -1; }, "non-negative integer");
	refused([](auto &j) { j["snapshot"]["size"] = "12"; }, "non-negative integer");
	refused([](auto &j) { j["snapshot"]["size"] = kMaxSnapshotBytes + 1; }, "over the cap");
	refused([](auto &j) { j["snapshot"]["path"] = "/etc/passwd"; }, "absolute");
	refused([](auto &j) { j["snapshot"]["path"] = "../other/3.json"; }, "\"..\"");
}

TEST(LibraryFormat, EverySnapshotFieldIsChecked)
{
	const auto refused = [](const std::function<void(nlohmann::json &)> &edit, const std::string &part) {
		auto j = snapshot_json();
		edit(j);
		EXPECT_TRUE(throws_error([&] { parse_snapshot(j.dump(), "snapshots/3.json"); }, ErrorKind::Integrity, {"snapshots/3.json", part}))
			<< j.dump();
	};
	refused([](auto &j) { j["parent"] = nullptr; }, "only version 1 has no parent");
	refused([](auto &j) { j.erase("parent"); }, "\"parent\" is missing");
	refused([](auto &j) { j["parent"] = "abc"; }, "previous snapshot's sha256");
	refused([](auto &j) { j["version"] = 1; }, "version 1 cannot have a parent");
	refused([](auto &j) { j["publisher"] = "44671ccf9d1ac114"; }, "key id");
	refused([](auto &j) { j["publisher"] = 7; }, "\"publisher\" must be a string");
	refused([](auto &j) { j["message"] = nullptr; }, "\"message\" must be a string");
	refused([](auto &j) { j["message"] = std::string(5000, 'm'); }, "over 4096");
	refused([](auto &j) { j["packs"] = nlohmann::json::object(); }, "\"packs\" must be an array");
	refused([](auto &j) { j["packs"][0] = "basics.json"; }, "packs[0]");
	refused([](auto &j) { j["packs"][1].erase("id"); }, "packs[1]");
	refused([](auto &j) { j["packs"][1]["version"] = 2; }, "\"version\" must be a string");
	refused([](auto &j) { j["packs"][0]["size"] = kMaxObjectBytes + 1; }, "over the cap");
	refused([](auto &j) { j["packs"][0]["sha256"] = "x"; }, "64 lowercase hex");
	refused([](auto &j) { j["packs"][1]["path"] = "basics.json"; }, "listed twice");
	refused([](auto &j) { j["packs"][0]["path"] = "skincare"; }, "both a pack and the folder");
}

TEST(LibraryFormat, UnsafePackPathsAreRefused)
{
	const auto refused = [](const std::string &path, const std::string &part) {
		auto j = snapshot_json();
		j["packs"][0]["path"] = path;
		EXPECT_TRUE(throws_error([&] { parse_snapshot(j.dump(), "s"); }, ErrorKind::Integrity, {"packs[0]", "unsafe path", part})) << path;
	};
	refused("/etc/x.json", "absolute");
	refused("../x.json", "\"..\"");
	refused("a/../../x.json", "\"..\"");
	refused("a/./x.json", "\".\"");
	refused("a\\x.json", "backslash");
	refused("C:/x.json", "drive letter");
	refused("c:x.json", "drive letter");
	refused("a/b:stream", "colon");
	refused("a//x.json", "empty segment");
	refused("a/", "empty segment");
	refused("", "empty");
	refused(std::string("a\0b.json", 8), "NUL");
	refused("a\nb.json", "control character");
	refused("a\x1b[31m.json", "control character");
	refused("a\x7f.json", "control character");
	refused(std::string(1025, 'a'), "1024");
}

TEST(LibraryFormat, PathsThatAreNotUtf8AreRefused)
{
	// JSON cannot carry them (the parser refuses the document), but a path from elsewhere can.
	EXPECT_TRUE(throws_error([] { check_relative_path("\xff\xfe.json", "p"); }, ErrorKind::Integrity, {"UTF-8"}));
	EXPECT_TRUE(throws_error([] { check_relative_path("\xc0\xaf.json", "p"); }, ErrorKind::Integrity, {"UTF-8"})); // an overlong '/'
	EXPECT_TRUE(throws_error([] { check_relative_path("a\xe6\x8a", "p"); }, ErrorKind::Integrity, {"UTF-8"}));    // cut off
	EXPECT_TRUE(throws_error([] { check_relative_path("\xed\xa0\x80", "p"); }, ErrorKind::Integrity, {"UTF-8"})); // a surrogate
	const std::string doc = "{\"schema\":\"lcs.library/1\",\"library\":\"a\",\"version\":1,\"published_at\":\"2026-01-01T00:00:00Z\","
				"\"snapshot\":{\"path\":\"\xff.json\",\"sha256\":\"" + kSha + "\",\"size\":1}}";
	EXPECT_TRUE(throws_error([&] { parse_index(doc, "i"); }, ErrorKind::Integrity, {"not valid JSON"}));
}

TEST(LibraryFormat, SafePathsAndNames)
{
	EXPECT_NO_THROW(check_relative_path("a.json", "p"));
	EXPECT_NO_THROW(check_relative_path("护肤/秋季 新品.json", "p"));
	EXPECT_NO_THROW(check_relative_path("a/..b/c..json", "p"));
	EXPECT_NO_THROW(check_relative_path(std::string(1024, 'a'), "p"));
	EXPECT_TRUE(is_valid_library_id("team-a.v2_x"));
	EXPECT_TRUE(is_valid_library_id("0"));
	EXPECT_FALSE(is_valid_library_id(""));
	EXPECT_FALSE(is_valid_library_id("-a"));
	EXPECT_FALSE(is_valid_library_id(".a"));
	EXPECT_FALSE(is_valid_library_id("Team"));
	EXPECT_FALSE(is_valid_library_id("a/b"));
	EXPECT_FALSE(is_valid_library_id(std::string(65, 'a')));
	EXPECT_TRUE(is_valid_library_id(std::string(64, 'a')));
	EXPECT_EQ(snapshot_path(12), "snapshots/12.json");
	EXPECT_EQ(object_path(kSha), "objects/aa/" + kSha);
}

TEST(LibraryFormat, TrustedCommentNamesLibraryVersionAndTime)
{
	EXPECT_EQ(index_trusted_comment(sample_index()), "library=team-a version=3 published_at=2026-03-01T08:30:00Z");
}

TEST(UtcTime, ParsesAndFormatsWithoutTheTimeZone)
{
	EXPECT_EQ(parse_utc_seconds("1970-01-01T00:00:00Z"), 0);
	EXPECT_EQ(parse_utc_seconds("2026-03-01T08:30:00Z"), 1772353800); // date -u -d 2026-03-01T08:30:00Z +%s
	EXPECT_EQ(parse_utc_seconds("2000-02-29T23:59:59Z"), 951868799);
	EXPECT_EQ(parse_utc_seconds("1969-12-31T23:59:59Z"), -1);
	EXPECT_EQ(parse_utc_seconds("2026-03-01T08:30:00.123Z"), 1772353800);
	EXPECT_EQ(format_utc_seconds(1772353800), "2026-03-01T08:30:00Z");
	EXPECT_EQ(format_utc_seconds(951868799), "2000-02-29T23:59:59Z");
	EXPECT_EQ(format_utc_seconds(-1), "1969-12-31T23:59:59Z");
	for (int64_t t = -86400LL * 800; t < 86400LL * 365 * 500; t += 86400LL * 37 + 3607)
		ASSERT_EQ(parse_utc_seconds(format_utc_seconds(t)), t) << t;
}

TEST(UtcTime, RefusesWhatIsNotAUtcTime)
{
	for (const char *bad : {"", "2026-03-01", "2026-03-01T08:30:00", "2026-03-01T08:30:00+08:00", "2026-03-01 08:30:00Z",
				"2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-02-29T00:00:00Z", "2100-02-29T00:00:00Z",
				"2026-04-31T00:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T08:60:00Z", "2026-03-01T08:30:60Z",
				"2026-03-01T08:30:00.Z", "2026-03-01T08:30:00,5Z", "2026-03-01T08:30:00.1234567890Z", "２026-03-01T08:30:00Z",
				"+026-03-01T08:30:00Z"})
		EXPECT_FALSE(parse_utc_seconds(bad)) << bad;
	EXPECT_TRUE(parse_utc_seconds("2024-02-29T00:00:00Z"));
	EXPECT_TRUE(parse_utc_seconds("2000-02-29T00:00:00Z"));
}

} // namespace
} // namespace lcs::library
