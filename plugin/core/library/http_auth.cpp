#include "core/library/http_auth.hpp"

#include <cstdlib>

#include "core/library/curl_handle.hpp"
#include "core/library/error.hpp"

namespace lcs::library {

namespace {
std::string env(const char *name)
{
	const char *value = std::getenv(name);
	return value ? std::string(value) : std::string();
}
} // namespace

HttpCredentials resolve_http_credentials(const TransportOptions &options)
{
	HttpCredentials credentials;
	credentials.netrc_file = env("NETRC");
	if (!options.bearer_token.empty() || !options.user.empty()) {
		credentials.bearer_token = options.bearer_token;
		credentials.user = options.user;
		credentials.password = options.password;
		return credentials;
	}
	credentials.bearer_token = env("LCS_LIBRARY_TOKEN");
	if (credentials.bearer_token.empty()) {
		credentials.user = env("LCS_LIBRARY_USER");
		credentials.password = env("LCS_LIBRARY_PASSWORD");
	}
	return credentials;
}

std::string bearer_header(const HttpCredentials &credentials)
{
	return credentials.bearer_token.empty() ? std::string() : "Authorization: Bearer " + credentials.bearer_token;
}

void apply_http_credentials(CURL *easy, const HttpCredentials &credentials)
{
	if (!credentials.bearer_token.empty())
		return; // the header is in the request
	if (!credentials.user.empty()) {
		curl_easy_setopt(easy, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
		curl_easy_setopt(easy, CURLOPT_USERNAME, credentials.user.c_str());
		curl_easy_setopt(easy, CURLOPT_PASSWORD, credentials.password.c_str());
		return;
	}
	curl_easy_setopt(easy, CURLOPT_NETRC, static_cast<long>(CURL_NETRC_OPTIONAL));
	if (!credentials.netrc_file.empty())
		curl_easy_setopt(easy, CURLOPT_NETRC_FILE, credentials.netrc_file.c_str());
}

void refuse_credentials_in_url(const std::string &url, CURLU *parsed)
{
	if (!curl::url_part(parsed, CURLUPART_USER).empty() || !curl::url_part(parsed, CURLUPART_PASSWORD).empty()) {
		const size_t scheme_end = url.find("://");
		const size_t at = url.find('@');
		const std::string shown = scheme_end != std::string::npos && at != std::string::npos
						  ? url.substr(0, scheme_end + 3) + "…" + url.substr(at)
						  : std::string("the URL");
		throw Error(ErrorKind::Input,
			    shown + ": credentials in a URL are refused (they end up in shell history and logs); put "
				    "credentials in ~/.netrc or LCS_LIBRARY_TOKEN, or LCS_LIBRARY_USER and LCS_LIBRARY_PASSWORD");
	}
}

} // namespace lcs::library
