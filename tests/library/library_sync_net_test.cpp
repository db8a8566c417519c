// Publish and sync whole libraries over real servers on loopback (nginx WebDAV, rclone serve webdav
// with basic auth, npm s3rver), and sync from a hostile web host (lcs_servers.py fault): every
// refusal with its kind (= exit code), its message, and the cache exactly as before.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "library/sync_test_util.hpp"
#include "net_test_util.hpp"
#include "test_server.hpp"

namespace lcs::test {
namespace {
using library::ErrorKind;
using nlohmann::json;

/// Credentials out of the environment for the scope, so only those a test sets are used.
struct NoCredentials {
	EnvVar token{"LCS_LIBRARY_TOKEN", std::nullopt}, user{"LCS_LIBRARY_USER", std::nullopt},
		password{"LCS_LIBRARY_PASSWORD", std::nullopt}, netrc{"NETRC", "/dev/null"};
};

class NetLibrary : public ::testing::Test {
protected:
	NoCredentials no_credentials;
	TempDir temp;
	fs::path packs = temp.path() / "packs";
	fs::path cache = temp.path() / "cache";
	library::SecretKey coach = library::generate_secret_key();
	library::TransportOptions options;

	void SetUp() override
	{
		write_bytes(packs / "tea.json", pack_text("tea"));
		write_bytes(packs / "autumn" / "coffee.json", pack_text("coffee"));
	}
	library::PublishResult publish(const std::string &location, const std::string &library_id = "school")
	{
		auto target = library::open_transport(location, options);
		library::PublishOptions o;
		o.packs = {packs};
		o.key = coach;
		o.library = library_id;
		o.message = "over the network";
		return library::publish_library(*target, o);
	}
	library::SyncResult sync(const std::string &location)
	{
		auto source = library::open_transport(location, options);
		library::SyncOptions o;
		o.cache_dir = cache;
		o.trusted = {coach.public_part()};
		return library::sync_library(*source, o);
	}
	/// Publish 1, sync, publish 2 changing one pack, sync (one object), sync again (one request).
	void round_trip(const std::string &location)
	{
		const auto first = publish(location);
		EXPECT_EQ(first.version, 1);
		EXPECT_EQ(first.objects_uploaded, 2u);
		const auto synced = sync(location);
		EXPECT_EQ(synced.version, 1);
		EXPECT_EQ(read_bytes(cache / "school" / "current" / "autumn" / "coffee.json"), pack_text("coffee"));

		write_bytes(packs / "tea.json", pack_text("tea", "2"));
		const auto second = publish(location, "");
		EXPECT_EQ(second.version, 2);
		EXPECT_EQ(second.objects_uploaded, 1u);
		EXPECT_EQ(second.changed, (std::vector<std::string>{"tea.json"}));
		const auto again = sync(location);
		EXPECT_EQ(again.version, 2);
		EXPECT_EQ(again.bytes_downloaded, pack_text("tea", "2").size());
		EXPECT_EQ(read_bytes(cache / "school" / "current" / "tea.json"), pack_text("tea", "2"));

		const auto nothing = sync(location);
		EXPECT_FALSE(nothing.changed);
		EXPECT_EQ(nothing.requests, 1u) << "an unchanged library costs one request";
	}
};

TEST_F(NetLibrary, RoundTripOnNginxWebdav)
{
	TempDir root;
	TestServer nginx("nginx", {"--root", root.path().string()});
	round_trip(nginx.url() + "team/lib/");
}

TEST_F(NetLibrary, RoundTripOnRcloneWebdavWithBasicAuth)
{
	TempDir root;
	TestServer rclone("rclone", {"--root", root.path().string(), "--user", "coach", "--password", "pa ss"});
	EnvVar user("LCS_LIBRARY_USER", "coach");
	EnvVar password("LCS_LIBRARY_PASSWORD", "pa ss");
	round_trip(rclone.url() + "lib");
}

TEST_F(NetLibrary, RoundTripOnS3rver)
{
	TempDir root;
	TestServer s3("s3", {"--root", (root.path() / "data").string()});
	EnvVar key("AWS_ACCESS_KEY_ID", "S3RVER"), secret("AWS_SECRET_ACCESS_KEY", "S3RVER"),
		session("AWS_SESSION_TOKEN", std::nullopt), region("AWS_REGION", "us-east-1");
	options.s3_endpoint = s3.url();
	round_trip("s3://library/team/school");
}

TEST_F(NetLibrary, TwoCoachesOnNginxTheSecondGetsTheConflict)
{
	TempDir root;
	TestServer nginx("nginx", {"--root", root.path().string()});
	const std::string url = nginx.url() + "lib/";
	publish(url);
	// Coach 2 has read version 1; coach 1's version 2 lands on the server just before coach 2 creates it.
	const auto other = library::generate_secret_key();
	auto racing = std::make_unique<HookTransport>(library::open_transport(url, options));
	bool raced = false;
	racing->before_create = [&](const std::string &path) {
		if (path != "snapshots/2.json" || raced)
			return;
		raced = true;
		write_bytes(packs / "tea.json", pack_text("tea", "7"));
		auto target = library::open_transport(url, options);
		library::PublishOptions o;
		o.packs = {packs};
		o.key = other;
		o.trusted = {coach.public_part()};
		library::publish_library(*target, o);
		write_bytes(packs / "tea.json", pack_text("tea", "8"));
	};
	write_bytes(packs / "tea.json", pack_text("tea", "8"));
	library::PublishOptions o;
	o.packs = {packs};
	o.key = coach;
	std::string message;
	EXPECT_EQ(error_kind([&] { library::publish_library(*racing, o); }, &message), ErrorKind::Conflict);
	EXPECT_NE(message.find("version 2 was published by " + other.id.hex() + " at "), std::string::npos) << message;
	EXPECT_NE(message.find("; sync, then publish again"), std::string::npos) << message;
	EXPECT_EQ(library::parse_snapshot(read_bytes(root.path() / "lib" / "snapshots" / "2.json"), "t").publisher,
		  other.id.hex());
}

/// A library published to a folder, served by the fault server, whose routes a test replaces.
class HostileHost : public NetLibrary {
protected:
	TempDir served;
	fs::path lib = served.path() / "lib";
	fs::path routes_file = temp.path() / "routes.json";
	std::unique_ptr<TestServer> server;
	std::string url;

	void SetUp() override
	{
		NetLibrary::SetUp();
		fs::create_directories(lib);
		write_routes(json::object());
		server = std::make_unique<TestServer>(
			"fault", std::vector<std::string>{"--root", served.path().string(), "--routes", routes_file.string()});
		url = server->url() + "lib/";
		publish(lib.string());
		v1_index = read_bytes(lib / "index.json");
		v1_signature = read_bytes(lib / "index.json.minisig");
		sync(url); // the trainee has version 1
		write_bytes(packs / "tea.json", pack_text("tea", "2"));
		publish(lib.string(), "");
	}
	void write_routes(const json &routes) { write_bytes(routes_file, routes.dump()); }
	std::string object_route(const std::string &text)
	{
		return "/lib/" + library::object_path(crypto::sha256_hex(text));
	}
	/// The sync must be refused with `kind` and a message containing `needle`; the cache unchanged.
	void expect_refused(ErrorKind kind, const std::string &needle)
	{
		const std::string before = tree_hash(cache);
		std::string message;
		EXPECT_EQ(error_kind([&] { sync(url); }, &message), kind) << message;
		EXPECT_NE(message.find(needle), std::string::npos) << message;
		EXPECT_EQ(tree_hash(cache), before) << "the refused sync changed the cache";
	}
	std::string v1_index, v1_signature;
};

TEST_F(HostileHost, TheGenuineLibrarySyncsThroughIt)
{
	EXPECT_EQ(sync(url).version, 2);
}

TEST_F(HostileHost, BadSignature)
{
	write_routes({{"/lib/index.json.minisig", {{"body", library::sign("other bytes", coach, "x")}}}});
	expect_refused(ErrorKind::Integrity, url + "index.json");
}

TEST_F(HostileHost, WrongKey)
{
	const auto stranger = library::generate_secret_key();
	write_routes({{"/lib/index.json.minisig", {{"body", library::sign(read_bytes(lib / "index.json"), stranger, "x")}}}});
	expect_refused(ErrorKind::Integrity, stranger.id.hex());
}

TEST_F(HostileHost, ReplayedOlderIndex)
{
	EXPECT_EQ(sync(url).version, 2);
	write_routes({{"/lib/index.json", {{"body", v1_index}}}, {"/lib/index.json.minisig", {{"body", v1_signature}}}});
	expect_refused(ErrorKind::Integrity, "is version 1 of library school, but version 2 was already trusted");
}

TEST_F(HostileHost, ExpiredIndex)
{
	auto index = library::parse_index(read_bytes(lib / "index.json"), "t");
	index.expires = "2020-01-01T00:00:00Z";
	const std::string bytes = library::write_index(index);
	write_routes({{"/lib/index.json", {{"body", bytes}}},
		      {"/lib/index.json.minisig", {{"body", library::sign(bytes, coach, "x")}}}});
	expect_refused(ErrorKind::Integrity, "expired at 2020-01-01T00:00:00Z");
}

TEST_F(HostileHost, CorruptedObject)
{
	std::string bad = pack_text("tea", "2");
	bad[5] ^= 1;
	write_routes({{object_route(pack_text("tea", "2")), {{"body", bad}}}});
	expect_refused(ErrorKind::Integrity, "SHA-256 is " + crypto::sha256_hex(bad));
}

TEST_F(HostileHost, TruncatedObjectWithAndWithoutALength)
{
	const std::string good = pack_text("tea", "2");
	const std::string route = object_route(good);
	write_routes({{route, {{"body", good.substr(0, 100)}, {"length", good.size()}}}}); // a lying length
	expect_refused(ErrorKind::Integrity, route.substr(5));
	write_routes({{route, {{"body", good.substr(0, 100)}, {"length", "none"}}}});
	expect_refused(ErrorKind::Integrity, route.substr(5));
}

TEST_F(HostileHost, OversizedObjectWithAndWithoutALength)
{
	const std::string big = pack_text("tea", "2") + std::string(100000, ' ');
	const std::string route = object_route(pack_text("tea", "2"));
	write_routes({{route, {{"body", big}}}});
	expect_refused(ErrorKind::Integrity, route.substr(5));
	write_routes({{route, {{"body", big}, {"length", "chunked"}}}});
	expect_refused(ErrorKind::Integrity, route.substr(5));
	write_routes({{route, {{"body", big}, {"length", "none"}}}});
	expect_refused(ErrorKind::Integrity, route.substr(5));
}

TEST_F(HostileHost, StalledConnectionIsUnreachable)
{
	options.low_speed_time_s = 1;
	options.total_timeout_s = 5;
	write_routes({{object_route(pack_text("tea", "2")), {{"body", pack_text("tea", "2")}, {"stall_after", 50}}}});
	expect_refused(ErrorKind::Unreachable, "timed out");
}

TEST_F(HostileHost, RedirectToFile)
{
	write_routes({{"/lib/index.json", {{"redirect", "file:///etc/passwd"}}}});
	expect_refused(ErrorKind::Integrity, "file:///etc/passwd");
}

TEST_F(HostileHost, RedirectToAnotherHostServingAnotherLibrary)
{
	TempDir elsewhere;
	const auto stranger = library::generate_secret_key();
	const std::string bytes = read_bytes(lib / "index.json");
	write_bytes(elsewhere.path() / "index.json", bytes);
	write_bytes(elsewhere.path() / "index.json.minisig", library::sign(bytes, stranger, "x"));
	TestServer other("fault", {"--root", elsewhere.path().string()});
	write_routes({{"/lib/index.json", {{"redirect", other.url() + "index.json"}}},
		      {"/lib/index.json.minisig", {{"redirect", other.url() + "index.json.minisig"}}}});
	expect_refused(ErrorKind::Integrity, stranger.id.hex());
}

TEST_F(HostileHost, UnsafePathsInASignedSnapshot)
{
	auto index = library::parse_index(read_bytes(lib / "index.json"), "t");
	auto snapshot = library::parse_snapshot(read_bytes(lib / "snapshots" / "2.json"), "t");
	snapshot.packs.front().path = "../../escaped.json";
	const std::string snapshot_bytes = library::write_snapshot(snapshot);
	index.snapshot.sha256 = crypto::sha256_hex(snapshot_bytes);
	index.snapshot.size = snapshot_bytes.size();
	const std::string bytes = library::write_index(index);
	write_routes({{"/lib/snapshots/2.json", {{"body", snapshot_bytes}}},
		      {"/lib/index.json", {{"body", bytes}}},
		      {"/lib/index.json.minisig", {{"body", library::sign(bytes, coach, "x")}}}});
	expect_refused(ErrorKind::Integrity, url + "snapshots/2.json");
	EXPECT_FALSE(fs::exists(temp.path() / "escaped.json"));
}

TEST_F(HostileHost, CaptivePortalHtmlInsteadOfTheIndex)
{
	const std::string portal = "<!DOCTYPE html><html><body>Log in to Hotel-WiFi</body></html>";
	write_routes({{"/lib/index.json", {{"body", portal}}}, {"/lib/index.json.minisig", {{"body", portal}}}});
	expect_refused(ErrorKind::Integrity, url + "index.json");
}

TEST_F(HostileHost, A304WithNothingCached)
{
	fs::remove_all(cache);
	write_routes({{"/lib/index.json", {{"status", 304}, {"body", ""}}}});
	expect_refused(ErrorKind::Integrity, "304");
	EXPECT_EQ(tree_hash(cache), "absent");
}

TEST_F(HostileHost, AStoppedServerIsUnreachableAndTheCacheStillServesOffline)
{
	server->stop();
	expect_refused(ErrorKind::Unreachable, "127.0.0.1");
	auto source = library::open_transport(url, options);
	library::SyncOptions o;
	o.cache_dir = cache;
	o.trusted = {coach.public_part()};
	const auto r = library::sync_or_use_cache(*source, "school", o);
	EXPECT_TRUE(r.offline);
	EXPECT_EQ(r.version, 1);
	EXPECT_EQ(read_bytes(r.current_dir / "tea.json"), pack_text("tea"));
}

} // namespace
} // namespace lcs::test
