#pragma once

#include <string>

#include <curl/curl.h>

#include "core/library/transport.hpp"

// Credentials for a web or WebDAV host, never from the command line and never in a URL:
// TransportOptions (the desk's, from OBS's config) first, else the environment
// (LCS_LIBRARY_TOKEN → "Authorization: Bearer", LCS_LIBRARY_USER + LCS_LIBRARY_PASSWORD → basic),
// else ~/.netrc (or the file NETRC names) for the host, when it has an entry.
namespace lcs::library {

struct HttpCredentials {
	std::string bearer_token;
	std::string user;
	std::string password;
	std::string netrc_file; // from NETRC; empty = curl's default ~/.netrc
};

HttpCredentials resolve_http_credentials(const TransportOptions &options);

/// The request header for a bearer token ("Authorization: Bearer …"), empty when none.
std::string bearer_header(const HttpCredentials &credentials);

/// Basic auth (user/password) or netrc on the handle. curl sends neither to another host on a
/// redirect (CURLOPT_UNRESTRICTED_AUTH is off), nor a custom Authorization header.
void apply_http_credentials(CURL *easy, const HttpCredentials &credentials);

/// Throws Error(Input) when `url` carries user:password (or a user) before its host.
void refuse_credentials_in_url(const std::string &url, CURLU *parsed);

} // namespace lcs::library
