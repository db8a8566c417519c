#pragma once

#include <memory>
#include <string>

#include "core/library/http_session.hpp"
#include "core/library/transport.hpp"

namespace lcs::library {

struct S3Credentials {
	std::string access_key;    // options.user, else AWS_ACCESS_KEY_ID; empty = unsigned requests (a public bucket)
	std::string secret_key;    // options.password, else AWS_SECRET_ACCESS_KEY
	std::string session_token; // AWS_SESSION_TOKEN
	std::string region;        // AWS_REGION, else AWS_DEFAULT_REGION, else us-east-1
};

/// A library under an S3 prefix (AWS, MinIO, OSS, COS, …), signed with SigV4 by libcurl
/// (CURLOPT_AWS_SIGV4). libcurl 7.88 hashes only POSTFIELDS bodies, so every request carries
/// x-amz-content-sha256 (the body's SHA-256; the empty string's for GET/HEAD), and it signs the
/// path as written, so object keys (ASCII only) are URI-encoded the SigV4 way and never carry a
/// query. Path-style URLs (endpoint/bucket/key) when an endpoint is given (virtual-hosted style
/// when the endpoint has a "{bucket}" placeholder: https://{bucket}.cos.ap-guangzhou.myqcloud.com), else
/// https://bucket.s3.REGION.amazonaws.com/key. create = HEAD, then PUT with "If-None-Match: *"
/// (412 → false): race-free only where the server honours If-None-Match (AWS since 2024, MinIO);
/// elsewhere (s3rver, older gateways) the HEAD is all that stands between two publishers.
class S3Transport final : public Transport {
public:
	S3Transport(std::string bucket, std::string prefix, const TransportOptions &options);

	[[nodiscard]] std::string describe() const override;
	FetchResult fetch(const FetchRequest &request, const std::string &if_none_match = {}) override;
	void fetch_many(const std::vector<FetchRequest> &requests,
			const std::function<void(size_t, FetchResult &&)> &on_done) override;
	bool exists(const std::string &path) override;
	bool create(const std::string &path, std::string_view bytes) override;
	void replace(const std::string &path, std::string_view bytes) override;
	[[nodiscard]] uint64_t request_count() const override { return session_.request_count(); }

	[[nodiscard]] std::string url_for(const std::string &path) const; // also for tests

private:
	[[nodiscard]] HttpRequest request(std::string method, const std::string &path, std::string_view body = {}) const;
	[[nodiscard]] HttpRequest get_request(const FetchRequest &fetch, const std::string &if_none_match) const;
	[[nodiscard]] std::string where(const std::string &method, const std::string &path) const;
	void put(const std::string &path, std::string_view bytes);

	std::string bucket_;
	std::string prefix_; // "" or ending with '/'
	std::string endpoint_;
	S3Credentials credentials_;
	HttpSession session_;
};

/// s3://bucket/prefix; Error(Input) without a bucket or with an invalid bucket name.
std::unique_ptr<Transport> open_s3_transport(const std::string &url, const TransportOptions &options);

} // namespace lcs::library
