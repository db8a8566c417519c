#include "core/library/http_transport.hpp"

#include <random>

#include "core/library/curl_handle.hpp"
#include "core/library/error.hpp"
#include "core/library/http_status.hpp"
#include "core/library/transport_path.hpp"

namespace lcs::library {

namespace {

std::string random_suffix()
{
	static thread_local std::mt19937_64 engine{std::random_device{}()};
	static constexpr char kHex[] = "0123456789abcdef";
	std::string out;
	uint64_t bits = engine();
	for (int i = 0; i < 16; ++i, bits >>= 4)
		out += kHex[bits & 15];
	return out;
}

bool written(long status)
{
	return status == 200 || status == 201 || status == 204;
}

CurlConfig http_config(const TransportOptions &options, const std::string &scheme, const HttpCredentials &credentials)
{
	CurlConfig config;
	config.options = options;
	config.redirect_protocols = scheme == "https" ? "https" : "http,https"; // never https → http
	config.authorize = [credentials](CURL *easy) { apply_http_credentials(easy, credentials); };
	return config;
}

// A URL typed as it reads ("https://dav/files/李/话术 库/"): spaces and non-ASCII bytes
// percent-encoded, everything else (existing %-escapes too) kept.
std::string encode_typed_url(const std::string &url)
{
	static constexpr char kHex[] = "0123456789ABCDEF";
	std::string out;
	for (const char ch : url) {
		const auto c = static_cast<unsigned char>(ch);
		if (c >= 0x80 || c == ' ') {
			out += '%';
			out += kHex[c >> 4];
			out += kHex[c & 15];
		} else {
			out += ch;
		}
	}
	return out;
}

std::string checked_base(const std::string &typed)
{
	const std::string url = encode_typed_url(typed);
	curl::Url parsed(curl_url());
	if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK)
		throw Error(ErrorKind::Input, url + ": not a valid URL");
	refuse_credentials_in_url(url, parsed.get());
	if (curl::url_part(parsed.get(), CURLUPART_HOST).empty())
		throw Error(ErrorKind::Input, url + ": the URL has no host");
	if (url.find_first_of("?#") != std::string::npos)
		throw Error(ErrorKind::Input, url + ": a library URL cannot have a ?query or #fragment");
	std::string base = url;
	if (base.back() != '/')
		base += '/';
	return base;
}

} // namespace

HttpTransport::HttpTransport(std::string base_url, const TransportOptions &options)
	: base_(checked_base(base_url)), credentials_(resolve_http_credentials(options)),
	  session_(http_config(options, detail::url_scheme(base_), credentials_))
{
}

std::string HttpTransport::url_for(const std::string &path) const
{
	detail::check_transport_path(path, base_);
	return base_ + detail::percent_encode_path(path);
}

HttpRequest HttpTransport::request(std::string method, const std::string &url) const
{
	HttpRequest r;
	r.method = std::move(method);
	r.url = url;
	r.follow_redirects = r.method == "GET" || r.method == "HEAD";
	const std::string bearer = bearer_header(credentials_);
	if (!bearer.empty())
		r.headers.push_back(bearer);
	return r;
}

HttpRequest HttpTransport::get_request(const FetchRequest &fetch, const std::string &if_none_match) const
{
	HttpRequest r = request("GET", url_for(fetch.path));
	r.limits = fetch;
	if (!if_none_match.empty())
		r.headers.push_back("If-None-Match: " + if_none_match);
	return r;
}

FetchResult HttpTransport::fetch(const FetchRequest &fetch, const std::string &if_none_match)
{
	const HttpRequest r = get_request(fetch, if_none_match);
	return http_fetch_result(session_.perform(r), "GET " + r.url, if_none_match);
}

void HttpTransport::fetch_many(const std::vector<FetchRequest> &requests,
			       const std::function<void(size_t, FetchResult &&)> &on_done)
{
	std::vector<HttpRequest> http;
	http.reserve(requests.size());
	for (const FetchRequest &fetch : requests)
		http.push_back(get_request(fetch, {}));
	session_.perform_many(http, [&](size_t i, HttpResponse &&response) {
		on_done(i, http_fetch_result(std::move(response), "GET " + http[i].url, {}));
	});
}

bool HttpTransport::exists(const std::string &path)
{
	const HttpRequest r = request("HEAD", url_for(path));
	const HttpResponse response = session_.perform(r);
	if (response.status == 200)
		return true;
	if (response.status == 404 || response.status == 410)
		return false;
	throw http_status_error(response, "HEAD " + r.url);
}

namespace {

bool folder_there(long status)
{
	// 201 made; 405 it exists (nginx, Nextcloud); rclone answers 201 for an existing one too.
	return status == 201 || status == 405 || status == 200 || status == 204;
}

// "http://h/a/b/" → "http://h/a/"; empty at the host's root.
std::string parent_url(const std::string &url)
{
	const size_t host = url.find("://");
	const size_t root = url.find('/', host == std::string::npos ? 0 : host + 3);
	if (root == std::string::npos || root + 1 >= url.size())
		return {};
	const size_t slash = url.rfind('/', url.size() - 2);
	return slash == std::string::npos || slash < root ? std::string() : url.substr(0, slash + 1);
}

} // namespace

void HttpTransport::make_folder(const std::string &url, int depth)
{
	const HttpResponse response = session_.perform(request("MKCOL", url));
	if (folder_there(response.status))
		return;
	const std::string parent = parent_url(url);
	if (response.status == 409 && depth < 16 && !parent.empty()) { // the folder above is missing too
		make_folder(parent, depth + 1);
		const HttpResponse again = session_.perform(request("MKCOL", url));
		if (folder_there(again.status))
			return;
		throw http_status_error(again, "MKCOL " + url);
	}
	throw http_status_error(response, "MKCOL " + url, response.status == 409 ? "the folder above it does not exist" : "");
}

void HttpTransport::make_folders(const std::string &path)
{
	// The library's own folder, then each folder on the way to `path`, top down; once each.
	// Folder URLs end with '/': nginx's MKCOL wants it.
	std::vector<std::string> folders{""};
	for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
		folders.push_back(path.substr(0, slash + 1));
	for (const std::string &folder : folders) {
		if (folders_made_.count(folder) != 0)
			continue;
		make_folder(base_ + detail::percent_encode_path(folder), 0);
		folders_made_.insert(folder);
	}
}

HttpResponse HttpTransport::put_and_move(const std::string &path, std::string_view bytes, bool overwrite)
{
	const std::string target = url_for(path);
	make_folders(path);
	const size_t slash = path.rfind('/');
	const std::string folder = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
	const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
	const std::string temp = url_for(folder + "." + name + ".tmp-" + random_suffix());

	HttpRequest put = request("PUT", temp);
	put.upload = bytes;
	const HttpResponse put_response = session_.perform(put);
	if (!written(put_response.status))
		throw http_status_error(put_response, "PUT " + temp);

	HttpRequest move = request("MOVE", temp);
	move.headers.push_back("Destination: " + target);
	move.headers.push_back(overwrite ? "Overwrite: T" : "Overwrite: F");
	HttpResponse moved;
	try {
		moved = session_.perform(move);
	} catch (...) {
		try {
			session_.perform(request("DELETE", temp));
		} catch (const Error &) {
		}
		throw;
	}
	if (!written(moved.status)) {
		try {
			session_.perform(request("DELETE", temp)); // best effort: a stray temporary file is harmless
		} catch (const Error &) {
		}
	}
	return moved;
}

bool HttpTransport::create(const std::string &path, std::string_view bytes)
{
	const HttpResponse moved = put_and_move(path, bytes, false);
	if (written(moved.status))
		return true;
	if (moved.status == 412)
		return false; // the name is taken: nothing changed
	throw http_status_error(moved, "MOVE to " + url_for(path));
}

void HttpTransport::replace(const std::string &path, std::string_view bytes)
{
	const HttpResponse moved = put_and_move(path, bytes, true);
	if (!written(moved.status))
		throw http_status_error(moved, "MOVE to " + url_for(path));
}

std::unique_ptr<Transport> open_http_transport(const std::string &url, const TransportOptions &options)
{
	return std::make_unique<HttpTransport>(url, options);
}

} // namespace lcs::library
