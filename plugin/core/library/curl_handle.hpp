#pragma once

#include <memory>
#include <string>

#include <curl/curl.h>

// RAII for libcurl's handles. curl_global_init runs once, on first use.
namespace lcs::library::curl {

void global_init();

struct EasyDeleter {
	void operator()(CURL *handle) const { curl_easy_cleanup(handle); }
};
struct MultiDeleter {
	void operator()(CURLM *handle) const { curl_multi_cleanup(handle); }
};
struct ShareDeleter {
	void operator()(CURLSH *handle) const { curl_share_cleanup(handle); }
};
struct UrlDeleter {
	void operator()(CURLU *handle) const { curl_url_cleanup(handle); }
};

using Easy = std::unique_ptr<CURL, EasyDeleter>;
using Multi = std::unique_ptr<CURLM, MultiDeleter>;
using Share = std::unique_ptr<CURLSH, ShareDeleter>;
using Url = std::unique_ptr<CURLU, UrlDeleter>;

Easy make_easy();
Multi make_multi();
/// Connections, DNS answers and TLS sessions shared by every handle of one transport (one thread).
Share make_share();

/// A curl_slist of request headers.
class HeaderList {
public:
	HeaderList() = default;
	HeaderList(const HeaderList &) = delete;
	HeaderList &operator=(const HeaderList &) = delete;
	HeaderList(HeaderList &&other) noexcept : list_(other.list_) { other.list_ = nullptr; }
	~HeaderList() { curl_slist_free_all(list_); }
	void append(const std::string &header);
	[[nodiscard]] curl_slist *get() const { return list_; }

private:
	curl_slist *list_ = nullptr;
};

/// One part of a parsed URL (CURLUPART_HOST, …); empty when absent.
std::string url_part(CURLU *url, CURLUPart part);

} // namespace lcs::library::curl
