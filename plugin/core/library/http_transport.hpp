#pragma once

#include <memory>
#include <set>
#include <string>

#include "core/library/http_auth.hpp"
#include "core/library/http_session.hpp"
#include "core/library/transport.hpp"

namespace lcs::library {

/// A library on a web host: GET (with If-None-Match) for sync from any static host or CDN;
/// WebDAV for publish: MKCOL for missing folders (with the trailing slash nginx wants; 405 = it
/// exists), create = PUT to a temporary name in the same folder, then MOVE with "Overwrite: F"
/// (412: the name is taken → false, the temporary file deleted), replace = PUT + MOVE
/// "Overwrite: T". It never relies on If-* headers on PUT (nginx's dav module ignores them).
class HttpTransport final : public Transport {
public:
	HttpTransport(std::string base_url, const TransportOptions &options);

	[[nodiscard]] std::string describe() const override { return base_; }
	FetchResult fetch(const FetchRequest &request, const std::string &if_none_match = {}) override;
	void fetch_many(const std::vector<FetchRequest> &requests,
			const std::function<void(size_t, FetchResult &&)> &on_done) override;
	bool exists(const std::string &path) override;
	bool create(const std::string &path, std::string_view bytes) override;
	void replace(const std::string &path, std::string_view bytes) override;
	[[nodiscard]] uint64_t request_count() const override { return session_.request_count(); }

private:
	[[nodiscard]] std::string url_for(const std::string &path) const;
	[[nodiscard]] HttpRequest request(std::string method, const std::string &url) const;
	[[nodiscard]] HttpRequest get_request(const FetchRequest &fetch, const std::string &if_none_match) const;
	void make_folders(const std::string &path);
	void make_folder(const std::string &url, int depth);
	/// PUTs `bytes` to a temporary name beside `path` and MOVEs it there; the MOVE's response.
	HttpResponse put_and_move(const std::string &path, std::string_view bytes, bool overwrite);

	std::string base_; // ends with '/'
	HttpCredentials credentials_;
	HttpSession session_;
	std::set<std::string> folders_made_;
};

/// http(s)://host/path (a trailing '/' implied); credentials in the URL are refused.
std::unique_ptr<Transport> open_http_transport(const std::string &url, const TransportOptions &options);

} // namespace lcs::library
