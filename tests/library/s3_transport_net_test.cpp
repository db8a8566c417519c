// The S3 transport against npm s3rver (which checks SigV4 signatures with its S3RVER/S3RVER
// account), and every signature s3rver received recomputed by python3-botocore.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/library/s3_transport.hpp"
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
using lcs::test::header_of;
using lcs::test::read_jsonl;
using lcs::test::TempFolder;
using lcs::test::TestServer;

namespace {

class S3Test : public ::testing::Test {
protected:
	S3Test()
		: data_("s3rver"), key_("AWS_ACCESS_KEY_ID", "S3RVER"), secret_("AWS_SECRET_ACCESS_KEY", "S3RVER"),
		  token_("AWS_SESSION_TOKEN", std::nullopt), region_("AWS_REGION", "us-east-1"),
		  default_region_("AWS_DEFAULT_REGION", std::nullopt)
	{
		server_ = std::make_unique<TestServer>(
			"s3", std::vector<std::string>{"--root", (data_.path() / "data").string(), "--log", log_path()});
		options_.s3_endpoint = server_->url();
	}
	std::string log_path() const { return (data_.path() / "requests.jsonl").string(); }

	TempFolder data_;
	EnvVar key_, secret_, token_, region_, default_region_;
	std::unique_ptr<TestServer> server_;
	TransportOptions options_;
};

} // namespace

TEST_F(S3Test, CreateReplaceFetchAndExistsOnS3rver)
{
	auto transport = open_transport("s3://library/team/lib", options_);
	EXPECT_EQ(transport->describe(), "s3://library/team/lib/");
	EXPECT_FALSE(transport->exists("snapshots/1.json"));
	EXPECT_EQ(transport->fetch({"index.json", 100, std::nullopt}).status, FetchResult::Status::NotFound);
	EXPECT_TRUE(transport->create("snapshots/1.json", "first"));
	EXPECT_FALSE(transport->create("snapshots/1.json", "second"));
	EXPECT_TRUE(transport->exists("snapshots/1.json"));
	EXPECT_EQ(transport->fetch({"snapshots/1.json", 100, 5}).body, "first");

	transport->replace("index.json", "index one");
	transport->replace("index.json", "index two");
	const FetchResult index = transport->fetch({"index.json", 100, std::nullopt});
	EXPECT_EQ(index.body, "index two");
	ASSERT_FALSE(index.etag.empty());
	const auto before = transport->request_count();
	EXPECT_EQ(transport->fetch({"index.json", 100, std::nullopt}, index.etag).status, FetchResult::Status::NotModified);
	EXPECT_EQ(transport->request_count(), before + 1);

	// Keys with characters SigV4 encodes, and an empty object.
	EXPECT_TRUE(transport->create("objects/a b+c~d(1).json", ""));
	EXPECT_EQ(transport->fetch({"objects/a b+c~d(1).json", 100, 0}).body, "");

	std::vector<FetchRequest> many;
	for (int i = 0; i < 40; ++i) {
		const std::string path = "objects/" + std::to_string(i);
		transport->replace(path, std::string(static_cast<size_t>(i * 100), 'q'));
		many.push_back({path, 1 << 20, static_cast<uint64_t>(i * 100)});
	}
	size_t done = 0;
	transport->fetch_many(many, [&](size_t i, FetchResult &&result) {
		++done;
		EXPECT_EQ(result.body, std::string(i * 100, 'q'));
	});
	EXPECT_EQ(done, many.size());

	// Every request was signed and carried the body's hash; create sent If-None-Match: *.
	const auto requests = read_jsonl(log_path());
	size_t conditional_puts = 0;
	for (const auto &request : requests) {
		EXPECT_TRUE(header_of(request, "authorization").has_value()) << request.dump();
		EXPECT_EQ(header_of(request, "x-amz-content-sha256").value_or(""), request["body_sha256"]) << request.dump();
		EXPECT_LT(request["status"].get<int>(), 500) << request.dump();
		if (request["method"] == "PUT" && header_of(request, "if-none-match") == "*")
			++conditional_puts;
	}
	EXPECT_EQ(conditional_puts, 2u); // snapshots/1.json and the empty object; the refused create stopped at HEAD
}

TEST_F(S3Test, BotocoreComputesTheSameSignatures)
{
	auto transport = open_transport("s3://library/lib", options_);
	EXPECT_TRUE(transport->create("snapshots/1.json", R"({"version":1})"));
	transport->replace("index.json", std::string(100000, 'i'));
	transport->replace("objects/odd key~(x)!*'.txt", "odd");
	EXPECT_TRUE(transport->exists("index.json"));
	EXPECT_EQ(transport->fetch({"index.json", 1 << 20, std::nullopt}).body.size(), 100000u);
	EXPECT_EQ(transport->fetch({"objects/odd key~(x)!*'.txt", 10, std::nullopt}).body, "odd");
	EXPECT_EQ(transport->fetch({"nothing", 10, std::nullopt}).status, FetchResult::Status::NotFound);

	const std::string command = "/usr/bin/python3 '" + std::string(LCS_TEST_SERVERS_DIR) + "/sigv4_check.py' '" +
				    log_path() + "' --access-key S3RVER --secret-key S3RVER --region us-east-1 > '" +
				    log_path() + ".check' 2>&1";
	const int status = std::system(command.c_str());
	EXPECT_EQ(status, 0) << lcs::test::read_file(log_path() + ".check");
	const std::string checked = lcs::test::read_file(log_path() + ".check");
	EXPECT_NE(checked.find(" signed requests, 0 wrong"), std::string::npos) << checked;
	std::cout << checked; // what botocore checked, for the log

	// The check can fail: one changed byte of the body (its hash) or of a signature is caught.
	auto requests = read_jsonl(log_path());
	ASSERT_FALSE(requests.empty());
	for (int tamper = 0; tamper < 2; ++tamper) {
		auto changed = requests;
		for (auto &pair : changed[1]["headers"]) {
			std::string &value = pair[1].get_ref<std::string &>();
			if (tamper == 0 && pair[0] == "Authorization")
				value.back() = value.back() == '0' ? '1' : '0';
			if (tamper == 1 && pair[0] == "x-amz-content-sha256")
				changed[1]["body_sha256"] = value = std::string(64, 'a');
		}
		std::string lines;
		for (const auto &request : changed)
			lines += request.dump() + "\n";
		lcs::test::write_file(log_path() + ".tampered", lines);
		const std::string again = "/usr/bin/python3 '" + std::string(LCS_TEST_SERVERS_DIR) + "/sigv4_check.py' '" +
					  log_path() + ".tampered' --access-key S3RVER --secret-key S3RVER > /dev/null 2>&1";
		EXPECT_NE(std::system(again.c_str()), 0) << "tampering " << tamper << " went unnoticed";
	}
}

// s3rver 3.7.1 checks the access key (SigV4 signatures it does not verify: botocore does, above).
TEST_F(S3Test, AnUnknownAccessKeyIsRefusedByTheServer)
{
	EnvVar wrong("AWS_ACCESS_KEY_ID", "NOT-A-KEY");
	auto transport = open_transport("s3://library/lib", options_);
	std::string message;
	EXPECT_EQ(error_kind([&] { transport->replace("index.json", "x"); }, &message), ErrorKind::Input);
	EXPECT_NE(message.find("InvalidAccessKeyId"), std::string::npos) << message;
	EXPECT_NE(message.find("AWS_ACCESS_KEY_ID"), std::string::npos) << message;
	EXPECT_NE(message.find("PUT s3://library/lib/index.json"), std::string::npos) << message;
}

TEST(S3Location, BadLocationsAndKeysAreInputErrors)
{
	std::string message;
	EXPECT_EQ(error_kind([] { open_transport("s3://"); }, &message), ErrorKind::Input);
	EXPECT_NE(message.find("no bucket"), std::string::npos) << message;
	EXPECT_EQ(error_kind([] { open_transport("s3://Bad_Bucket/x"); }), ErrorKind::Input);
	EXPECT_EQ(error_kind([] { open_transport("s3://bucket/x?list"); }), ErrorKind::Input);
	EXPECT_EQ(error_kind([] { open_transport("s3://bucket/../x"); }), ErrorKind::Integrity);
	TransportOptions options;
	options.s3_endpoint = "ftp://127.0.0.1:1";
	EXPECT_EQ(error_kind([&] { open_transport("s3://bucket/x", options); }), ErrorKind::Input);

	EnvVar region("AWS_REGION", "cn-hangzhou");
	lcs::library::S3Transport aws("bucket", "lib", TransportOptions{});
	EXPECT_EQ(aws.url_for("objects/a b"), "https://bucket.s3.cn-hangzhou.amazonaws.com/lib/objects/a%20b");
	EXPECT_EQ(error_kind([&] { (void)aws.url_for("objects/话术.json"); }, &message), ErrorKind::Input);
	EXPECT_NE(message.find("ASCII"), std::string::npos) << message;
	TransportOptions minio;
	minio.s3_endpoint = "http://127.0.0.1:9000/";
	lcs::library::S3Transport path_style("bucket", "", minio);
	EXPECT_EQ(path_style.url_for("index.json"), "http://127.0.0.1:9000/bucket/index.json");
	EXPECT_EQ(path_style.describe(), "s3://bucket/");
	TransportOptions oss;
	oss.s3_endpoint = "https://{bucket}.oss-cn-hangzhou.aliyuncs.com";
	lcs::library::S3Transport virtual_hosted("team-lib", "v1", oss);
	EXPECT_EQ(virtual_hosted.url_for("index.json"), "https://team-lib.oss-cn-hangzhou.aliyuncs.com/v1/index.json");
}
