#include "core/library/http_exchange.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/library/error.hpp"

namespace lcs::library {

namespace {

bool starts_with_nocase(std::string_view text, std::string_view prefix)
{
	if (text.size() < prefix.size())
		return false;
	for (size_t i = 0; i < prefix.size(); ++i)
		if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
			return false;
	return true;
}

std::string trimmed(std::string_view text)
{
	while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
		text.remove_prefix(1);
	while (!text.empty() && (text.back() == '\r' || text.back() == '\n' || text.back() == ' ' || text.back() == '\t'))
		text.remove_suffix(1);
	return std::string(text);
}

bool is_2xx(long status)
{
	return status >= 200 && status < 300;
}

} // namespace

HttpExchange::HttpExchange(CURL *easy, CURLSH *share, const CurlConfig &config, const HttpRequest &request)
	: easy_(easy), config_(config), request_(request), sink_(request.limits, request.method + " " + request.url)
{
	const TransportOptions &o = config.options;
	curl_easy_reset(easy_);
	curl_easy_setopt(easy_, CURLOPT_SHARE, share);
	curl_easy_setopt(easy_, CURLOPT_URL, request.url.c_str());
	curl_easy_setopt(easy_, CURLOPT_ERRORBUFFER, error_);
	curl_easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(easy_, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
	curl_easy_setopt(easy_, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(easy_, CURLOPT_REDIR_PROTOCOLS_STR, config.redirect_protocols.c_str());
	curl_easy_setopt(easy_, CURLOPT_FOLLOWLOCATION, request.follow_redirects ? 1L : 0L);
	curl_easy_setopt(easy_, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(easy_, CURLOPT_UNRESTRICTED_AUTH, 0L); // credentials never go to another host
	curl_easy_setopt(easy_, CURLOPT_NOPROXY, "localhost,127.0.0.1,::1");
	curl_easy_setopt(easy_, CURLOPT_CONNECTTIMEOUT, o.connect_timeout_s);
	curl_easy_setopt(easy_, CURLOPT_LOW_SPEED_LIMIT, 1024L);
	curl_easy_setopt(easy_, CURLOPT_LOW_SPEED_TIME, o.low_speed_time_s);
	curl_easy_setopt(easy_, CURLOPT_TIMEOUT, o.total_timeout_s);
	curl_easy_setopt(easy_, CURLOPT_USERAGENT, o.user_agent.c_str());
	curl_easy_setopt(easy_, CURLOPT_HEADERFUNCTION, &HttpExchange::on_header);
	curl_easy_setopt(easy_, CURLOPT_HEADERDATA, this);
	curl_easy_setopt(easy_, CURLOPT_WRITEFUNCTION, &HttpExchange::on_write);
	curl_easy_setopt(easy_, CURLOPT_WRITEDATA, this);
	if (o.cancel) { // curl calls it about once a second even while a host sends nothing
		curl_easy_setopt(easy_, CURLOPT_NOPROGRESS, 0L);
		curl_easy_setopt(easy_, CURLOPT_XFERINFOFUNCTION, &HttpExchange::on_progress);
		curl_easy_setopt(easy_, CURLOPT_XFERINFODATA, this);
	}

	if (request.method == "HEAD") {
		curl_easy_setopt(easy_, CURLOPT_NOBODY, 1L);
	} else if (request.method == "PUT") {
		curl_easy_setopt(easy_, CURLOPT_UPLOAD, 1L);
		curl_easy_setopt(easy_, CURLOPT_READFUNCTION, &HttpExchange::on_read);
		curl_easy_setopt(easy_, CURLOPT_READDATA, this);
		curl_easy_setopt(easy_, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(request.upload.size()));
		if (request.no_expect)
			headers_.append("Expect:"); // no 100-continue round trip
	} else if (request.method != "GET") {
		curl_easy_setopt(easy_, CURLOPT_CUSTOMREQUEST, request.method.c_str());
	}
	for (const std::string &header : request.headers)
		headers_.append(header);
	curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, headers_.get());
	if (config.authorize)
		config.authorize(easy_);
}

HttpExchange::~HttpExchange()
{
	// The handle outlives this exchange (it keeps its connection): leave it no pointer into us.
	curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, nullptr);
	curl_easy_setopt(easy_, CURLOPT_ERRORBUFFER, nullptr);
	curl_easy_setopt(easy_, CURLOPT_HEADERDATA, nullptr);
	curl_easy_setopt(easy_, CURLOPT_WRITEDATA, nullptr);
	curl_easy_setopt(easy_, CURLOPT_READDATA, nullptr);
	curl_easy_setopt(easy_, CURLOPT_XFERINFODATA, nullptr);
	curl_easy_setopt(easy_, CURLOPT_NOPROGRESS, 1L);
}

std::string HttpExchange::where() const
{
	return request_.method + " " + request_.url;
}

size_t HttpExchange::on_header(char *data, size_t size, size_t count, void *self_ptr)
{
	auto *self = static_cast<HttpExchange *>(self_ptr);
	const size_t bytes = size * count;
	const std::string_view line(data, bytes);
	if (starts_with_nocase(line, "HTTP/")) { // a new response (after a 1xx or a redirect)
		const size_t space = line.find(' ');
		self->status_ = space == std::string_view::npos ? 0 : std::strtol(std::string(line.substr(space + 1, 3)).c_str(), nullptr, 10);
		self->etag_.clear();
		self->location_.clear();
		self->content_length_.reset();
		self->sink_.reset();
		self->error_body_.clear();
	} else if (starts_with_nocase(line, "etag:")) {
		self->etag_ = trimmed(line.substr(5));
	} else if (starts_with_nocase(line, "location:")) {
		self->location_ = trimmed(line.substr(9));
	} else if (starts_with_nocase(line, "content-length:")) {
		const std::string value = trimmed(line.substr(15));
		char *end = nullptr;
		const unsigned long long n = std::strtoull(value.c_str(), &end, 10);
		if (!value.empty() && end && *end == '\0')
			self->content_length_ = n;
	} else if (trimmed(line).empty() && is_2xx(self->status_) && self->content_length_ &&
		   self->request_.method != "HEAD") {
		if (!self->sink_.accept_declared(*self->content_length_))
			return 0; // refused before any of the body arrives
	}
	return bytes;
}

size_t HttpExchange::on_write(char *data, size_t size, size_t count, void *self_ptr)
{
	auto *self = static_cast<HttpExchange *>(self_ptr);
	const size_t bytes = size * count;
	if (!is_2xx(self->status_)) {
		const size_t keep = std::min(bytes, size_t{4096} - std::min(self->error_body_.size(), size_t{4096}));
		self->error_body_.append(data, keep);
		return bytes;
	}
	return self->sink_.append(data, bytes) ? bytes : 0;
}

size_t HttpExchange::on_read(char *data, size_t size, size_t count, void *self_ptr)
{
	auto *self = static_cast<HttpExchange *>(self_ptr);
	const size_t n = std::min(size * count, self->request_.upload.size() - self->uploaded_);
	std::memcpy(data, self->request_.upload.data() + self->uploaded_, n);
	self->uploaded_ += n;
	return n;
}

int HttpExchange::on_progress(void *self, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
	const auto &cancel = static_cast<HttpExchange *>(self)->config_.options.cancel;
	return cancel && cancel->load() ? 1 : 0; // non-zero: curl aborts the transfer
}

HttpResponse HttpExchange::result(CURLcode code)
{
	const std::string at = where();
	const std::string detail = error_[0] != '\0' ? std::string(error_) : std::string(curl_easy_strerror(code));
	long redirects = 0;
	curl_easy_getinfo(easy_, CURLINFO_REDIRECT_COUNT, &redirects);
	switch (code) {
	case CURLE_OK:
		break;
	case CURLE_WRITE_ERROR:
	case CURLE_FILESIZE_EXCEEDED:
		if (sink_.error())
			throw *sink_.error();
		throw Error(ErrorKind::Integrity, at + ": the body is over its cap of " + std::to_string(request_.limits.max_bytes) +
							  " bytes");
	case CURLE_PARTIAL_FILE:
		throw Error(ErrorKind::Integrity, at + ": truncated: " + std::to_string(sink_.received()) + " of the " +
							  (content_length_ ? std::to_string(*content_length_) : std::string("?")) +
							  " bytes it declared (" + detail + ")");
	case CURLE_UNSUPPORTED_PROTOCOL:
		throw Error(ErrorKind::Integrity, at + ": refused a redirect to " +
							  (location_.empty() ? std::string("another scheme") : location_) +
							  " (a library may only redirect to " + config_.redirect_protocols + ")");
	case CURLE_TOO_MANY_REDIRECTS:
		throw Error(ErrorKind::Integrity, at + ": more than 5 redirects");
	case CURLE_OPERATION_TIMEDOUT:
		throw Error(ErrorKind::Unreachable, at + ": timed out (" + detail + "; connect " +
							    std::to_string(config_.options.connect_timeout_s) + " s, stalled " +
							    std::to_string(config_.options.low_speed_time_s) + " s, total " +
							    std::to_string(config_.options.total_timeout_s) + " s)");
	case CURLE_ABORTED_BY_CALLBACK:
		throw Error(ErrorKind::Unreachable, at + ": cancelled");
	case CURLE_URL_MALFORMAT:
		throw Error(ErrorKind::Input, at + ": not a valid URL (" + detail + ")");
	default:
		throw Error(ErrorKind::Unreachable, at + ": " + detail);
	}
	HttpResponse response;
	curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &response.status);
	response.requests = 1 + static_cast<uint64_t>(redirects);
	response.etag = etag_;
	response.location = location_;
	if (is_2xx(response.status)) {
		if (request_.method != "HEAD")
			sink_.finish(); // throws "truncated" for a body shorter than its exact size
		response.body = sink_.take();
	} else {
		response.body = std::move(error_body_);
	}
	return response;
}

} // namespace lcs::library
