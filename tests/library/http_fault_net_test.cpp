// The HTTP transport against a hostile server (lcs_servers.py fault): bodies with and without a
// length over their caps, lies about the length, stalls, redirects to file:// or another host,
// a 304 to an unconditional request, server errors.
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/library/transport.hpp"
#include "net_test_util.hpp"
#include "test_server.hpp"

using lcs::library::ErrorKind;
using lcs::library::FetchResult;
using lcs::library::open_transport;
using lcs::library::TransportOptions;
using lcs::test::error_kind;
using lcs::test::EnvVar;
using lcs::test::header_of;
using lcs::test::read_jsonl;
using lcs::test::TempFolder;
using lcs::test::TestServer;
using lcs::test::write_file;
using nlohmann::json;

namespace {

class FaultTest : public ::testing::Test {
protected:
	FaultTest()
		: folder_("fault"), token_("LCS_LIBRARY_TOKEN", std::nullopt), user_("LCS_LIBRARY_USER", std::nullopt),
		  netrc_("NETRC", "/dev/null")
	{
		routes(json::object());
		server_ = std::make_unique<TestServer>(
			"fault", std::vector<std::string>{"--routes", routes_path(), "--log", log_path()});
	}

	std::string routes_path() const { return (folder_.path() / "routes.json").string(); }
	std::string log_path() const { return (folder_.path() / "requests.jsonl").string(); }
	void routes(const json &table) { write_file(folder_.path() / "routes.json", table.dump()); }
	const std::string &url() const { return server_->url(); }
	std::vector<json> requests() const { return read_jsonl(log_path()); }

	TempFolder folder_;
	EnvVar token_, user_, netrc_;
	std::unique_ptr<TestServer> server_;
};

std::string fetch_error(lcs::library::Transport &transport, const std::string &path, uint64_t max,
			std::optional<uint64_t> exact, ErrorKind expected)
{
	std::string message;
	EXPECT_EQ(error_kind([&] { transport.fetch({path, max, exact}); }, &message), expected) << message;
	return message;
}

} // namespace

TEST_F(FaultTest, ABodyOverItsCapIsRefusedWithOrWithoutALength)
{
	const std::string big(200000, 'x');
	routes({{"/chunked", {{"body", big}, {"length", "chunked"}}},
		{"/unsized", {{"body", big}, {"length", "none"}}},
		{"/declared", {{"body", big}}},
		{"/fits", {{"body", big}, {"length", "chunked"}}}});
	auto transport = open_transport(url());
	std::string m = fetch_error(*transport, "chunked", 65536, std::nullopt, ErrorKind::Integrity);
	EXPECT_NE(m.find("sent more than 65536 bytes, over the cap of 65536 bytes"), std::string::npos) << m;
	EXPECT_NE(m.find(url() + "chunked"), std::string::npos) << m;
	m = fetch_error(*transport, "unsized", 65536, std::nullopt, ErrorKind::Integrity);
	EXPECT_NE(m.find("over the cap"), std::string::npos) << m;
	m = fetch_error(*transport, "declared", 65536, std::nullopt, ErrorKind::Integrity);
	EXPECT_NE(m.find("declares 200000 bytes"), std::string::npos) << m;
	// exact_size: a longer body is refused as it arrives.
	m = fetch_error(*transport, "chunked", 1 << 20, 1000, ErrorKind::Integrity);
	EXPECT_NE(m.find("exactly 1000 bytes"), std::string::npos) << m;
	EXPECT_EQ(transport->fetch({"fits", 200000, 200000}).body, big);
}

TEST_F(FaultTest, FetchManyStopsAtTheFirstBadObjectAndThrowsItsError)
{
	json table = json::object();
	std::vector<lcs::library::FetchRequest> requests;
	for (int i = 0; i < 30; ++i) {
		const std::string path = "objects/" + std::to_string(i);
		table["/" + path] = {{"body", std::string(1000, 'o')}};
		requests.push_back({path, 1000, 1000});
	}
	table["/objects/7"] = {{"body", std::string(5000, 'o')}, {"length", "chunked"}};
	table["/objects/20"] = {{"status", 500}};
	routes(table);
	auto transport = open_transport(url());
	size_t done = 0;
	std::string message;
	EXPECT_EQ(error_kind([&] { transport->fetch_many(requests, [&](size_t, FetchResult &&) { ++done; }); }, &message),
		  ErrorKind::Integrity);
	EXPECT_NE(message.find(url() + "objects/7"), std::string::npos) << message;
	EXPECT_LT(done, requests.size());

	requests.erase(requests.begin() + 7);
	EXPECT_EQ(error_kind([&] { transport->fetch_many(requests, [](size_t, FetchResult &&) {}); }, &message),
		  ErrorKind::Unreachable);
	EXPECT_NE(message.find("objects/20: answered HTTP 500"), std::string::npos) << message;

	// on_done may throw to stop the rest: the exception comes out as it is.
	EXPECT_THROW(transport->fetch_many(requests, [](size_t, FetchResult &&) { throw std::logic_error("stop"); }),
		     std::logic_error);
}

TEST_F(FaultTest, ATruncatedBodyIsRefused)
{
	routes({{"/lie", {{"body", std::string(1000, 'y')}, {"length", 5000}}},
		{"/short", {{"body", std::string(1000, 'y')}, {"length", "none"}}}});
	auto transport = open_transport(url());
	std::string m = fetch_error(*transport, "lie", 1 << 20, std::nullopt, ErrorKind::Integrity);
	EXPECT_NE(m.find("truncated"), std::string::npos) << m;
	m = fetch_error(*transport, "short", 1 << 20, 1001, ErrorKind::Integrity);
	EXPECT_NE(m.find("truncated: 1000 of 1001 bytes"), std::string::npos) << m;
}

TEST_F(FaultTest, AStalledServerTimesOutAsUnreachable)
{
	routes({{"/stall", {{"body", std::string(100000, 'z')}, {"stall_after", 100}}},
		{"/slow", {{"delay", 30}, {"body", "late"}}}});
	TransportOptions options;
	options.low_speed_time_s = 1;
	options.total_timeout_s = 3;
	auto transport = open_transport(url(), options);
	std::string m = fetch_error(*transport, "stall", 1 << 20, std::nullopt, ErrorKind::Unreachable);
	EXPECT_NE(m.find("timed out"), std::string::npos) << m;
	m = fetch_error(*transport, "slow", 1 << 20, std::nullopt, ErrorKind::Unreachable);
	EXPECT_NE(m.find("timed out"), std::string::npos) << m;
}

TEST_F(FaultTest, ACancelEndsATransferAStalledServerHolds)
{
	// OBS closing while a host stalls: the transfer stops on the cancel flag, not after the
	// stall time-out (a minute here), so the message says "cancelled", not "timed out".
	routes({{"/stall", {{"body", std::string(100000, 'z')}, {"stall_after", 100}}}});
	auto cancel = std::make_shared<std::atomic<bool>>(false);
	TransportOptions options;
	options.low_speed_time_s = 60;
	options.total_timeout_s = 120;
	options.cancel = cancel;
	auto transport = open_transport(url(), options);
	std::thread closer([&] {
		std::this_thread::sleep_for(std::chrono::milliseconds(300));
		cancel->store(true);
	});
	std::string m = fetch_error(*transport, "stall", 1 << 20, std::nullopt, ErrorKind::Unreachable);
	closer.join();
	EXPECT_NE(m.find("cancelled"), std::string::npos) << m;
	// Once cancelled, a new request stops at once too.
	m = fetch_error(*transport, "stall", 1 << 20, std::nullopt, ErrorKind::Unreachable);
	EXPECT_NE(m.find("cancelled"), std::string::npos) << m;
}

TEST_F(FaultTest, RedirectsNeverGoToFileOrOtherSchemes)
{
	routes({{"/to-file", {{"redirect", "file:///etc/passwd"}}},
		{"/to-ftp", {{"redirect", "ftp://127.0.0.1/x"}}},
		{"/loop", {{"redirect", url() + "loop"}}},
		{"/moved", {{"redirect", url() + "here"}, {"status", 301}}},
		{"/here", {{"body", "arrived"}}}});
	auto transport = open_transport(url());
	std::string m = fetch_error(*transport, "to-file", 1000, std::nullopt, ErrorKind::Integrity);
	EXPECT_NE(m.find("refused a redirect to file:///etc/passwd"), std::string::npos) << m;
	m = fetch_error(*transport, "to-ftp", 1000, std::nullopt, ErrorKind::Integrity);
	EXPECT_NE(m.find("refused a redirect"), std::string::npos) << m;
	m = fetch_error(*transport, "loop", 1000, std::nullopt, ErrorKind::Integrity);
	EXPECT_NE(m.find("more than 5 redirects"), std::string::npos) << m;
	const auto before = transport->request_count();
	EXPECT_EQ(transport->fetch({"moved", 1000, std::nullopt}).body, "arrived");
	EXPECT_EQ(transport->request_count(), before + 2); // the redirect and the GET
}

TEST_F(FaultTest, CredentialsNeverFollowARedirectToAnotherHost)
{
	TempFolder other_log("other");
	TestServer other("fault", {"--log", (other_log.path() / "log.jsonl").string()});
	routes({{"/index.json", {{"redirect", other.url() + "index.json"}}}});
	for (const bool bearer : {true, false}) {
		std::remove((other_log.path() / "log.jsonl").string().c_str());
		std::remove(log_path().c_str());
		TransportOptions options;
		if (bearer) {
			options.bearer_token = "TOKEN-123";
		} else {
			options.user = "coach";
			options.password = "pw";
		}
		auto transport = open_transport(url(), options);
		EXPECT_EQ(transport->fetch({"index.json", 1000, std::nullopt}).status, FetchResult::Status::NotFound);
		const auto here = requests();
		ASSERT_EQ(here.size(), 1u);
		// The library's own host got the credentials ...
		EXPECT_EQ(header_of(here[0], "authorization").value_or(""), bearer ? "Bearer TOKEN-123" : "Basic Y29hY2g6cHc=");
		// ... the other host (another port on loopback) did not.
		const auto there = read_jsonl(other_log.path() / "log.jsonl");
		ASSERT_EQ(there.size(), 1u);
		EXPECT_EQ(there[0]["path"], "/index.json");
		EXPECT_FALSE(header_of(there[0], "authorization").has_value()) << there[0].dump();
	}
}

TEST_F(FaultTest, CredentialsComeFromOptionsThenTheEnvironmentAndAreNeverShown)
{
	routes({{"/index.json", {{"body", "{}"}}}});
	auto authorization_sent = [&](const TransportOptions &options) {
		std::remove(log_path().c_str());
		auto transport = open_transport(url(), options);
		EXPECT_EQ(transport->describe(), url());
		transport->fetch({"index.json", 100, std::nullopt});
		const auto sent = requests();
		return sent.empty() ? std::string("?") : header_of(sent.back(), "authorization").value_or("");
	};
	EXPECT_EQ(authorization_sent({}), "");
	{
		EnvVar token("LCS_LIBRARY_TOKEN", "env-token");
		EXPECT_EQ(authorization_sent({}), "Bearer env-token");
		TransportOptions desk;
		desk.user = "coach";
		desk.password = "pw";
		EXPECT_EQ(authorization_sent(desk), "Basic Y29hY2g6cHc="); // the desk's stored credentials win
	}
	EnvVar user("LCS_LIBRARY_USER", "coach");
	EnvVar password("LCS_LIBRARY_PASSWORD", "pw");
	EXPECT_EQ(authorization_sent({}), "Basic Y29hY2g6cHc=");
	TransportOptions bearer;
	bearer.bearer_token = "desk-token";
	EXPECT_EQ(authorization_sent(bearer), "Bearer desk-token");
}

TEST_F(FaultTest, A304ToAnUnconditionalRequestIsAnIntegrityError)
{
	routes({{"/index.json", {{"status", 304}, {"headers", {{"ETag", "\"abc\""}}}}}});
	auto transport = open_transport(url());
	const std::string m = fetch_error(*transport, "index.json", 1000, std::nullopt, ErrorKind::Integrity);
	EXPECT_NE(m.find("answered 304 Not Modified with nothing cached"), std::string::npos) << m;
	EXPECT_EQ(transport->fetch({"index.json", 1000, std::nullopt}, "\"abc\"").status, FetchResult::Status::NotModified);
	const auto sent = requests();
	ASSERT_EQ(sent.size(), 2u);
	EXPECT_FALSE(header_of(sent[0], "if-none-match").has_value());
	EXPECT_EQ(header_of(sent[1], "if-none-match").value_or(""), "\"abc\"");
}

TEST_F(FaultTest, StatusesMapToTheirKinds)
{
	routes({{"/gone", {{"status", 410}}},
		{"/boom", {{"status", 503}, {"body", "maintenance"}}},
		{"/forbidden", {{"status", 403}}},
		{"/teapot", {{"status", 418}}},
		{"/dropped", {{"drop", true}}},
		{"/portal", {{"body", "<html>Log in to the hotel Wi-Fi</html>"}}}});
	auto transport = open_transport(url() + "");
	EXPECT_EQ(transport->fetch({"gone", 100, std::nullopt}).status, FetchResult::Status::NotFound);
	std::string m = fetch_error(*transport, "boom", 100, std::nullopt, ErrorKind::Unreachable);
	EXPECT_NE(m.find("HTTP 503"), std::string::npos) << m;
	m = fetch_error(*transport, "forbidden", 100, std::nullopt, ErrorKind::Input);
	EXPECT_NE(m.find("HTTP 403"), std::string::npos) << m;
	m = fetch_error(*transport, "teapot", 100, std::nullopt, ErrorKind::Integrity);
	EXPECT_NE(m.find("GET " + url() + "teapot: answered HTTP 418"), std::string::npos) << m;
	fetch_error(*transport, "dropped", 100, std::nullopt, ErrorKind::Unreachable);
	// A captive portal's 200 is a body like any other: the sync's signature check refuses it.
	EXPECT_EQ(transport->fetch({"portal", 100, std::nullopt}).status, FetchResult::Status::Ok);

	const std::string stopped = url();
	server_->stop();
	m = fetch_error(*transport, "index.json", 100, std::nullopt, ErrorKind::Unreachable);
	EXPECT_NE(m.find(stopped), std::string::npos) << m;
}
