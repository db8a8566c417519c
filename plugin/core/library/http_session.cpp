#include "core/library/http_session.hpp"

#include <algorithm>
#include <exception>
#include <map>
#include <memory>

#include "core/library/error.hpp"

namespace lcs::library {

HttpSession::HttpSession(CurlConfig config)
	: config_(std::move(config)), share_(curl::make_share()), easy_(curl::make_easy()), multi_(curl::make_multi())
{
	curl_multi_setopt(multi_.get(), CURLMOPT_MAX_TOTAL_CONNECTIONS,
			  static_cast<long>(std::max(1, config_.options.parallel_transfers)));
}

HttpResponse HttpSession::perform(const HttpRequest &request)
{
	HttpExchange exchange(easy_.get(), share_.get(), config_, request);
	const CURLcode code = curl_easy_perform(easy_.get());
	++requests_;
	HttpResponse response = exchange.result(code);
	requests_ += response.requests - 1;
	return response;
}

void HttpSession::perform_many(const std::vector<HttpRequest> &requests,
			       const std::function<void(size_t, HttpResponse &&)> &on_done)
{
	const size_t parallel = static_cast<size_t>(std::max(1, config_.options.parallel_transfers));
	while (pool_.size() < std::min(parallel, requests.size()))
		pool_.push_back(curl::make_easy());

	struct Running {
		size_t index;
		CURL *easy;
		std::unique_ptr<HttpExchange> exchange;
	};
	std::map<CURL *, Running> running;
	std::vector<CURL *> idle;
	for (size_t i = 0; i < std::min(parallel, requests.size()); ++i)
		idle.push_back(pool_[i].get());
	size_t next = 0;
	CURLM *multi = multi_.get();

	auto cancel_all = [&] {
		for (auto &[easy, run] : running)
			curl_multi_remove_handle(multi, easy);
		running.clear();
	};
	try {
		while (next < requests.size() || !running.empty()) {
			while (next < requests.size() && !idle.empty()) {
				CURL *easy = idle.back();
				idle.pop_back();
				auto exchange = std::make_unique<HttpExchange>(easy, share_.get(), config_, requests[next]);
				running.emplace(easy, Running{next, easy, std::move(exchange)});
				curl_multi_add_handle(multi, easy);
				++next;
			}
			int still = 0;
			const CURLMcode mc = curl_multi_perform(multi, &still);
			if (mc != CURLM_OK)
				throw Error(ErrorKind::Unreachable, std::string("curl multi: ") + curl_multi_strerror(mc));
			int queued = 0;
			while (CURLMsg *message = curl_multi_info_read(multi, &queued)) {
				if (message->msg != CURLMSG_DONE)
					continue;
				CURL *easy = message->easy_handle;
				const CURLcode code = message->data.result;
				curl_multi_remove_handle(multi, easy);
				auto node = running.extract(easy);
				idle.push_back(easy);
				++requests_;
				HttpResponse response = node.mapped().exchange->result(code);
				requests_ += response.requests - 1;
				on_done(node.mapped().index, std::move(response));
			}
			const bool can_start = next < requests.size() && !idle.empty();
			if (!running.empty() && !can_start)
				curl_multi_poll(multi, nullptr, 0, 200, nullptr);
		}
	} catch (...) {
		cancel_all();
		throw;
	}
}

} // namespace lcs::library
