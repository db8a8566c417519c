#include "core/library/s3_transport.hpp"

#include <cstdlib>

#include "core/crypto/sha256.hpp"
#include "core/library/error.hpp"
#include "core/library/http_status.hpp"
#include "core/library/transport_path.hpp"

namespace lcs::library {

namespace {

std::string env(const char *name)
{
	const char *value = std::getenv(name);
	return value ? std::string(value) : std::string();
}

S3Credentials resolve_s3_credentials(const TransportOptions &options)
{
	S3Credentials c;
	if (!options.user.empty()) {
		c.access_key = options.user;
		c.secret_key = options.password;
	} else {
		c.access_key = env("AWS_ACCESS_KEY_ID");
		c.secret_key = env("AWS_SECRET_ACCESS_KEY");
		c.session_token = env("AWS_SESSION_TOKEN");
	}
	c.region = env("AWS_REGION");
	if (c.region.empty())
		c.region = env("AWS_DEFAULT_REGION");
	if (c.region.empty())
		c.region = "us-east-1";
	return c;
}

CurlConfig s3_config(const TransportOptions &options, const S3Credentials &credentials)
{
	CurlConfig config;
	config.options = options;
	config.redirect_protocols = "https"; // S3 requests never follow redirects; this is a fence
	if (!credentials.access_key.empty()) {
		const std::string sigv4 = "aws:amz:" + credentials.region + ":s3";
		config.authorize = [sigv4, credentials](CURL *easy) {
			curl_easy_setopt(easy, CURLOPT_AWS_SIGV4, sigv4.c_str());
			curl_easy_setopt(easy, CURLOPT_USERNAME, credentials.access_key.c_str());
			curl_easy_setopt(easy, CURLOPT_PASSWORD, credentials.secret_key.c_str());
		};
	}
	return config;
}

bool valid_bucket(const std::string &bucket)
{
	if (bucket.size() < 3 || bucket.size() > 63)
		return false;
	for (const char c : bucket)
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'))
			return false;
	return bucket.front() != '-' && bucket.front() != '.' && bucket.back() != '-' && bucket.back() != '.';
}

const std::string kEmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

} // namespace

S3Transport::S3Transport(std::string bucket, std::string prefix, const TransportOptions &options)
	: bucket_(std::move(bucket)), prefix_(std::move(prefix)), endpoint_(options.s3_endpoint),
	  credentials_(resolve_s3_credentials(options)), session_(s3_config(options, credentials_))
{
	while (!endpoint_.empty() && endpoint_.back() == '/')
		endpoint_.pop_back();
	if (!endpoint_.empty()) {
		const std::string scheme = detail::url_scheme(endpoint_);
		if (scheme != "http" && scheme != "https")
			throw Error(ErrorKind::Input, endpoint_ + ": an S3 endpoint is an http:// or https:// URL");
		if (endpoint_.find('@') != std::string::npos)
			throw Error(ErrorKind::Input, "the S3 endpoint has credentials in it; put them in AWS_ACCESS_KEY_ID "
						      "and AWS_SECRET_ACCESS_KEY");
	}
	if (!prefix_.empty() && prefix_.back() != '/')
		prefix_ += '/';
}

std::string S3Transport::describe() const
{
	return "s3://" + bucket_ + "/" + prefix_;
}

std::string S3Transport::where(const std::string &method, const std::string &path) const
{
	return method + " " + describe() + path;
}

std::string S3Transport::url_for(const std::string &path) const
{
	detail::check_transport_path(path, describe());
	const std::string key = prefix_ + path;
	for (const char c : key)
		if (static_cast<unsigned char>(c) >= 0x80)
			throw Error(ErrorKind::Input, describe() + path + ": S3 object keys must be ASCII (SigV4 as libcurl "
								    "signs it); rename the file");
	const std::string encoded = detail::percent_encode_path(key);
	if (endpoint_.empty())
		return "https://" + bucket_ + ".s3." + credentials_.region + ".amazonaws.com/" + encoded;
	const size_t placeholder = endpoint_.find("{bucket}");
	if (placeholder != std::string::npos) // virtual-hosted style: https://{bucket}.oss-cn-hangzhou.aliyuncs.com
		return std::string(endpoint_).replace(placeholder, 8, bucket_) + "/" + encoded;
	return endpoint_ + "/" + bucket_ + "/" + encoded;
}

HttpRequest S3Transport::request(std::string method, const std::string &path, std::string_view body) const
{
	HttpRequest r;
	r.method = std::move(method);
	r.url = url_for(path);
	r.follow_redirects = false; // a redirect from S3 means another region or endpoint: say so
	r.no_expect = false;        // libcurl signs every header we set, even "Expect:" that removes one
	r.upload = body;
	r.headers.push_back("x-amz-content-sha256: " + (body.empty() ? kEmptySha256 : crypto::sha256_hex(body)));
	if (!credentials_.session_token.empty())
		r.headers.push_back("x-amz-security-token: " + credentials_.session_token);
	return r;
}

HttpRequest S3Transport::get_request(const FetchRequest &fetch, const std::string &if_none_match) const
{
	HttpRequest r = request("GET", fetch.path);
	r.limits = fetch;
	if (!if_none_match.empty())
		r.headers.push_back("If-None-Match: " + if_none_match);
	return r;
}

namespace {
std::string s3_hint(long status)
{
	if (status == 301 || status == 307 || status == 400)
		return "is AWS_REGION the bucket's region, and --endpoint right?";
	if (status == 403)
		return "check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (and AWS_REGION: it is part of the signature)";
	return {};
}
} // namespace

FetchResult S3Transport::fetch(const FetchRequest &fetch, const std::string &if_none_match)
{
	HttpResponse response = session_.perform(get_request(fetch, if_none_match));
	if (response.status >= 300 && response.status != 304 && response.status != 404)
		throw http_status_error(response, where("GET", fetch.path), s3_hint(response.status));
	return http_fetch_result(std::move(response), where("GET", fetch.path), if_none_match);
}

void S3Transport::fetch_many(const std::vector<FetchRequest> &requests,
			     const std::function<void(size_t, FetchResult &&)> &on_done)
{
	std::vector<HttpRequest> http;
	http.reserve(requests.size());
	for (const FetchRequest &fetch : requests)
		http.push_back(get_request(fetch, {}));
	session_.perform_many(http, [&](size_t i, HttpResponse &&response) {
		const std::string at = where("GET", requests[i].path);
		if (response.status >= 300 && response.status != 404)
			throw http_status_error(response, at, s3_hint(response.status));
		on_done(i, http_fetch_result(std::move(response), at, {}));
	});
}

bool S3Transport::exists(const std::string &path)
{
	const HttpResponse response = session_.perform(request("HEAD", path));
	if (response.status == 200)
		return true;
	if (response.status == 404)
		return false;
	throw http_status_error(response, where("HEAD", path), s3_hint(response.status));
}

bool S3Transport::create(const std::string &path, std::string_view bytes)
{
	if (exists(path))
		return false;
	HttpRequest put = request("PUT", path, bytes);
	put.headers.push_back("If-None-Match: *");
	const HttpResponse response = session_.perform(put);
	if (response.status == 200 || response.status == 201 || response.status == 204)
		return true;
	if (response.status == 412 || response.status == 409) // taken (409: a conditional write raced ours)
		return false;
	throw http_status_error(response, where("PUT", path), s3_hint(response.status));
}

void S3Transport::replace(const std::string &path, std::string_view bytes)
{
	const HttpResponse response = session_.perform(request("PUT", path, bytes));
	if (response.status != 200 && response.status != 201 && response.status != 204)
		throw http_status_error(response, where("PUT", path), s3_hint(response.status));
}

std::unique_ptr<Transport> open_s3_transport(const std::string &url, const TransportOptions &options)
{
	const std::string rest = url.substr(5); // after "s3://"
	const size_t slash = rest.find('/');
	const std::string bucket = rest.substr(0, slash);
	std::string prefix = slash == std::string::npos ? std::string() : rest.substr(slash + 1);
	if (bucket.empty())
		throw Error(ErrorKind::Input, url + ": an S3 location is s3://bucket/prefix (no bucket given)");
	if (!valid_bucket(bucket))
		throw Error(ErrorKind::Input, url + ": \"" + bucket + "\" is not a valid bucket name (3-63 of a-z 0-9 . -)");
	if (url.find_first_of("?#") != std::string::npos)
		throw Error(ErrorKind::Input, url + ": an S3 location cannot have a ?query or #fragment");
	while (!prefix.empty() && prefix.back() == '/')
		prefix.pop_back();
	if (!prefix.empty())
		detail::check_transport_path(prefix, url);
	return std::make_unique<S3Transport>(bucket, prefix, options);
}

} // namespace lcs::library
