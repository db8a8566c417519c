#include "core/library/curl_handle.hpp"

#include <mutex>
#include <new>

namespace lcs::library::curl {

void global_init()
{
	static std::once_flag once;
	std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Easy make_easy()
{
	global_init();
	Easy easy(curl_easy_init());
	if (!easy)
		throw std::bad_alloc();
	return easy;
}

Multi make_multi()
{
	global_init();
	Multi multi(curl_multi_init());
	if (!multi)
		throw std::bad_alloc();
	return multi;
}

Share make_share()
{
	global_init();
	Share share(curl_share_init());
	if (!share)
		throw std::bad_alloc();
	curl_share_setopt(share.get(), CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
	curl_share_setopt(share.get(), CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
	curl_share_setopt(share.get(), CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
	return share;
}

void HeaderList::append(const std::string &header)
{
	curl_slist *next = curl_slist_append(list_, header.c_str());
	if (!next)
		throw std::bad_alloc();
	list_ = next;
}

std::string url_part(CURLU *url, CURLUPart part)
{
	char *text = nullptr;
	if (curl_url_get(url, part, &text, 0) != CURLUE_OK || !text)
		return {};
	std::string out(text);
	curl_free(text);
	return out;
}

} // namespace lcs::library::curl
