#include "core/library/http_status.hpp"

namespace lcs::library {

namespace {

// S3 and WebDAV errors say what went wrong in their body: <Code>…</Code> or a short text.
std::string body_reason(const std::string &body)
{
	const size_t code = body.find("<Code>");
	if (code != std::string::npos) {
		const size_t end = body.find("</Code>", code);
		if (end != std::string::npos && end - code < 128)
			return body.substr(code + 6, end - code - 6);
	}
	return {};
}

} // namespace

Error http_status_error(const HttpResponse &response, const std::string &where, const std::string &hint)
{
	const long status = response.status;
	std::string message = where + ": answered HTTP " + std::to_string(status);
	const std::string reason = body_reason(response.body);
	if (!reason.empty())
		message += " (" + reason + ")";
	if (status >= 300 && status < 400 && !response.location.empty())
		message += ", a redirect to " + response.location;
	if (!hint.empty())
		message += "; " + hint;
	if (status == 401 || status == 403)
		return Error(ErrorKind::Input, message + (hint.empty() ? "; check the credentials" : ""));
	if (status == 408 || status == 429 || status >= 500)
		return Error(ErrorKind::Unreachable, message);
	return Error(ErrorKind::Integrity, message);
}

FetchResult http_fetch_result(HttpResponse &&response, const std::string &where, const std::string &if_none_match)
{
	FetchResult result;
	switch (response.status) {
	case 200:
		result.body = std::move(response.body);
		result.etag = std::move(response.etag);
		return result;
	case 304:
		if (if_none_match.empty())
			throw Error(ErrorKind::Integrity, where + ": answered 304 Not Modified with nothing cached "
								  "(the request had no If-None-Match)");
		result.status = FetchResult::Status::NotModified;
		result.etag = response.etag.empty() ? if_none_match : std::move(response.etag);
		return result;
	case 404:
	case 410:
		result.status = FetchResult::Status::NotFound;
		return result;
	default:
		throw http_status_error(response, where);
	}
}

} // namespace lcs::library
