// The HTTP transport against real servers on loopback: nginx (static GET + ETag, WebDAV),
// rclone serve webdav (basic auth from the environment and from a netrc file).
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/library/transport.hpp"
#include "net_test_util.hpp"
#include "test_server.hpp"

using lcs::library::ErrorKind;
using lcs::library::FetchRequest;
using lcs::library::FetchResult;
using lcs::library::open_transport;
using lcs::library::TransportOptions;
using lcs::test::error_kind;
using lcs::test::EnvVar;
using lcs::test::files_under;
using lcs::test::read_file;
using lcs::test::TempFolder;
using lcs::test::TestServer;
using lcs::test::write_file;

namespace {

// No credentials from the developer's environment leak into these tests.
struct CleanEnvironment {
	EnvVar token{"LCS_LIBRARY_TOKEN", std::nullopt};
	EnvVar user{"LCS_LIBRARY_USER", std::nullopt};
	EnvVar password{"LCS_LIBRARY_PASSWORD", std::nullopt};
	EnvVar netrc{"NETRC", "/dev/null"};
};

} // namespace

TEST(NginxHttp, AnUnchangedIndexCostsOneRequestAnd304)
{
	CleanEnvironment clean;
	TempFolder root("nginx");
	write_file(root.path() / "lib" / "index.json", R"({"version":1})");
	TestServer nginx("nginx", {"--root", root.str()});
	auto transport = open_transport(nginx.url() + "lib");
	EXPECT_EQ(transport->describe(), nginx.url() + "lib/");

	const FetchResult first = transport->fetch({"index.json", 1024, std::nullopt});
	ASSERT_EQ(first.status, FetchResult::Status::Ok);
	EXPECT_EQ(first.body, R"({"version":1})");
	ASSERT_FALSE(first.etag.empty());
	EXPECT_EQ(transport->request_count(), 1u);

	const FetchResult second = transport->fetch({"index.json", 1024, std::nullopt}, first.etag);
	EXPECT_EQ(second.status, FetchResult::Status::NotModified);
	EXPECT_TRUE(second.body.empty());
	EXPECT_EQ(transport->request_count(), 2u);

	write_file(root.path() / "lib" / "index.json", R"({"version":2, "more": true})");
	const FetchResult third = transport->fetch({"index.json", 1024, std::nullopt}, first.etag);
	EXPECT_EQ(third.status, FetchResult::Status::Ok);
	EXPECT_EQ(third.body, R"({"version":2, "more": true})");
	EXPECT_NE(third.etag, first.etag);

	EXPECT_EQ(transport->fetch({"missing.json", 1024, std::nullopt}).status, FetchResult::Status::NotFound);
	EXPECT_TRUE(transport->exists("index.json"));
	EXPECT_FALSE(transport->exists("missing.json"));
	EXPECT_EQ(transport->request_count(), 6u);
}

TEST(NginxHttp, FetchManyGetsEveryFileInParallel)
{
	CleanEnvironment clean;
	TempFolder root("nginx");
	std::vector<FetchRequest> requests;
	for (int i = 0; i < 300; ++i) {
		const std::string path = "objects/" + std::to_string(i % 16) + "/obj-" + std::to_string(i);
		write_file(root.path() / path, std::string(static_cast<size_t>(1000 + i * 37), static_cast<char>('a' + i % 26)));
		requests.push_back({path, 1 << 20, static_cast<uint64_t>(1000 + i * 37)});
	}
	TempFolder logs("logs");
	TestServer nginx("nginx", {"--root", root.str(), "--log", (logs.path() / "access.log").string()});
	TransportOptions options;
	options.parallel_transfers = 4;
	auto transport = open_transport(nginx.url(), options);
	std::vector<int> seen(requests.size(), 0);
	transport->fetch_many(requests, [&](size_t i, FetchResult &&result) {
		++seen[i];
		ASSERT_EQ(result.status, FetchResult::Status::Ok);
		EXPECT_EQ(result.body, std::string(1000 + i * 37, static_cast<char>('a' + i % 26)));
	});
	EXPECT_EQ(seen, std::vector<int>(requests.size(), 1));
	EXPECT_EQ(transport->request_count(), requests.size());
	// Connections are kept and reused: at most parallel_transfers of them for 300 requests.
	std::set<std::string> connections;
	size_t lines = 0;
	std::istringstream log(read_file(logs.path() / "access.log"));
	for (std::string line; std::getline(log, line); ++lines)
		connections.insert(line.substr(line.rfind(" conn=") + 6));
	EXPECT_EQ(lines, requests.size());
	EXPECT_LE(connections.size(), 4u);

	// A wrong size in the list stops the lot with the object's URL.
	requests[123].exact_size = 5;
	std::string message;
	EXPECT_EQ(error_kind([&] { transport->fetch_many(requests, [](size_t, FetchResult &&) {}); }, &message),
		  ErrorKind::Integrity);
	EXPECT_NE(message.find("obj-123"), std::string::npos) << message;
	// The transport is still usable after the cancelled transfers.
	EXPECT_EQ(transport->fetch(requests[0]).status, FetchResult::Status::Ok);
}

TEST(NginxWebdav, CreateIsCreateOnlyReplaceReplacesAndFoldersAreMade)
{
	CleanEnvironment clean;
	TempFolder root("nginx");
	TestServer nginx("nginx", {"--root", root.str()});
	auto transport = open_transport(nginx.url() + "team/lib/");
	EXPECT_FALSE(transport->exists("snapshots/1.json"));
	EXPECT_TRUE(transport->create("snapshots/1.json", "first"));
	EXPECT_TRUE(transport->create("objects/ab/abcdef", "object bytes"));
	EXPECT_FALSE(transport->create("snapshots/1.json", "second"));
	EXPECT_EQ(read_file(root.path() / "team/lib/snapshots/1.json"), "first");
	EXPECT_TRUE(transport->exists("snapshots/1.json"));

	transport->replace("index.json", "index one");
	transport->replace("index.json", "index two");
	EXPECT_EQ(read_file(root.path() / "team/lib/index.json"), "index two");
	EXPECT_EQ(transport->fetch({"index.json", 100, std::nullopt}).body, "index two");

	// No temporary file is left behind, whether the MOVE succeeded or was refused.
	EXPECT_EQ(files_under(root.path()),
		  (std::vector<std::string>{"team/lib/index.json", "team/lib/objects/ab/abcdef", "team/lib/snapshots/1.json"}));

	// A second publisher (another transport, so no folder cache) is refused the same name.
	auto other = open_transport(nginx.url() + "team/lib");
	EXPECT_FALSE(other->create("snapshots/1.json", "other"));
	EXPECT_TRUE(other->create("snapshots/2.json", "other"));
	EXPECT_EQ(read_file(root.path() / "team/lib/snapshots/1.json"), "first");
}

TEST(NginxWebdav, AUrlTypedWithSpacesAndChineseWorks)
{
	CleanEnvironment clean;
	TempFolder root("nginx");
	TestServer nginx("nginx", {"--root", root.str()});
	auto transport = open_transport(nginx.url() + "团队/话术 库");
	EXPECT_EQ(transport->describe(), nginx.url() + "%E5%9B%A2%E9%98%9F/%E8%AF%9D%E6%9C%AF%20%E5%BA%93/");
	EXPECT_TRUE(transport->create("snapshots/1.json", "one"));
	EXPECT_EQ(read_file(root.path() / "团队/话术 库/snapshots/1.json"), "one");
	EXPECT_EQ(transport->fetch({"snapshots/1.json", 10, 3}).body, "one");
}

TEST(HttpWebdav, WritesToAHostWithoutWebdavAreRefusedWithTheStatus)
{
	CleanEnvironment clean;
	TempFolder root("fault");
	TestServer fault("fault", {"--root", root.str()}); // answers 404 to MKCOL/PUT: not a WebDAV host
	auto transport = open_transport(fault.url() + "lib");
	std::string message;
	EXPECT_EQ(error_kind([&] { transport->create("snapshots/1.json", "x"); }, &message), ErrorKind::Integrity);
	EXPECT_NE(message.find("MKCOL " + fault.url() + "lib/"), std::string::npos) << message;
	EXPECT_NE(message.find("HTTP 404"), std::string::npos) << message;
}

namespace {

void round_trip(lcs::library::Transport &transport, const std::filesystem::path &root)
{
	EXPECT_TRUE(transport.create("snapshots/1.json", "one"));
	EXPECT_FALSE(transport.create("snapshots/1.json", "two"));
	transport.replace("index.json", "A");
	transport.replace("index.json", "B");
	EXPECT_EQ(read_file(root / "lib/snapshots/1.json"), "one");
	EXPECT_EQ(read_file(root / "lib/index.json"), "B");
	const FetchResult fetched = transport.fetch({"index.json", 10, 1});
	EXPECT_EQ(fetched.body, "B");
	EXPECT_TRUE(transport.exists("snapshots/1.json"));
	EXPECT_EQ(files_under(root), (std::vector<std::string>{"lib/index.json", "lib/snapshots/1.json"}));
}

} // namespace

TEST(RcloneWebdav, BasicAuthFromTheEnvironment)
{
	CleanEnvironment clean;
	TempFolder root("rclone");
	TestServer rclone("rclone", {"--root", root.str(), "--user", "coach", "--password", "s3cret pass"});
	{
		auto anonymous = open_transport(rclone.url() + "lib");
		std::string message;
		EXPECT_EQ(error_kind([&] { anonymous->fetch({"index.json", 10, std::nullopt}); }, &message), ErrorKind::Input);
		EXPECT_NE(message.find("HTTP 401"), std::string::npos) << message;
	}
	EnvVar user("LCS_LIBRARY_USER", "coach");
	EnvVar password("LCS_LIBRARY_PASSWORD", "s3cret pass");
	auto transport = open_transport(rclone.url() + "lib");
	round_trip(*transport, root.path());
	EXPECT_EQ(transport->describe(), rclone.url() + "lib/");
}

TEST(RcloneWebdav, BasicAuthFromANetrcFileAndOptionsWin)
{
	CleanEnvironment clean;
	TempFolder root("rclone");
	TempFolder home("home");
	TestServer rclone("rclone", {"--root", root.str(), "--user", "coach", "--password", "netrc-pass"});
	write_file(home.path() / "netrc", "machine 127.0.0.1\n  login coach\n  password netrc-pass\n");
	EnvVar netrc("NETRC", (home.path() / "netrc").string());
	auto transport = open_transport(rclone.url() + "lib");
	round_trip(*transport, root.path());

	// Options (the desk's stored credentials) come before netrc: a wrong password is an Input error.
	TransportOptions wrong;
	wrong.user = "coach";
	wrong.password = "nope";
	auto refused = open_transport(rclone.url() + "lib", wrong);
	EXPECT_EQ(error_kind([&] { refused->exists("index.json"); }), ErrorKind::Input);
}

TEST(HttpTransport, CredentialsInTheUrlAreRefused)
{
	std::string message;
	EXPECT_EQ(error_kind([&] { open_transport("https://coach:secret@dav.example.com/lib/"); }, &message),
		  ErrorKind::Input);
	EXPECT_NE(message.find("~/.netrc"), std::string::npos) << message;
	EXPECT_NE(message.find("LCS_LIBRARY_"), std::string::npos) << message;
	EXPECT_EQ(message.find("secret"), std::string::npos) << message;
	EXPECT_EQ(error_kind([&] { open_transport("http://coach@dav.example.com/lib/"); }), ErrorKind::Input);
	EXPECT_EQ(error_kind([&] { open_transport("https://example.com/lib?x=1"); }), ErrorKind::Input);
	EXPECT_EQ(error_kind([&] { open_transport("http://"); }), ErrorKind::Input);
}
