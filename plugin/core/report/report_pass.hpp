#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/metrics/id_pair_set.hpp"
#include "core/metrics/log_event.hpp"
#include "core/metrics/metrics.hpp"
#include "core/metrics/text_ids.hpp"
#include "core/report/session_report.hpp"

// The one streaming pass over a session log that fills a SessionReport (build_report). Viewers and
// SKUs are counted by dense id (metrics/text_ids.hpp): per-viewer state in vectors, per-product
// viewer sets as one integer pair set each, so an event costs a hash of its viewer id and no
// allocation once the viewer is known. Internal to core/report: report_pass.cpp (viewers,
// products, questions) and report_pass_timeline.cpp (the header, the timeline, the end).
namespace lcs::report {
class ReportPass {
	using IdPairSet = metrics::IdPairSet;
	using LogEvent = metrics::LogEvent;
	using TextIds = metrics::TextIds;
	static constexpr uint32_t kNone = TextIds::kNone;

public:
	explicit ReportPass(SessionReport &r) : r_(r) {}

	void header(const nlohmann::json &h);
	void event(const LogEvent &e);
	void finish();

private:
	void viewer_event(std::string_view type, const LogEvent &e, int64_t t, MinuteRow &minute);
	void product_event(std::string_view type, const LogEvent &e, int64_t t, MinuteRow &minute);
	void comment_event(std::string_view type, const LogEvent &e, int64_t t, MinuteRow &minute);
	void other_event(std::string_view type, const LogEvent &e, int64_t t, MinuteRow &minute);

	uint32_t viewer(std::string_view text); // its id, the per-viewer vectors grown to it
	uint32_t sku(std::string_view text);    // its id, the per-SKU vectors grown to it
	size_t source_index(std::string_view source);
	MinuteRow &minute_at(int64_t t);
	ProductRow &product_row(std::string_view sku_text);
	void close_segment(int64_t t);
	void expose(uint32_t viewer_id);

	SessionReport &r_;
	metrics::MetricsAccumulator acc_;
	std::map<std::string, size_t, std::less<>> segment_index_;
	std::map<std::string, std::string, std::less<>> cue_text_;
	std::optional<size_t> current_segment_;
	int64_t segment_since_ = 0;
	std::optional<std::string> voice_;
	int64_t voice_since_ = 0;
	int64_t last_t_ = 0;
	bool ended_ = false;
	int64_t gmv_total_ = 0;
	std::vector<int64_t> present_by_source_;
	int64_t waiting_ = 0; // questions asked and not yet answered

	TextIds viewer_ids_;
	std::vector<uint32_t> present_at_;    // by viewer id: index in present_, or kNone
	std::vector<uint32_t> viewer_source_; // by viewer id: index into r_.sources (first join), or kNone
	std::vector<bool> clicked_any_;       // by viewer id: clicked some product
	std::vector<uint32_t> present_;       // ids of the viewers present now, in no order
	int64_t clickers_ = 0;

	TextIds sku_ids_;
	std::vector<uint32_t> product_of_; // by SKU id: index into r_.products, or kNone
	std::vector<uint32_t> pins_;       // by SKU id: times pinned and not unpinned
	std::vector<uint32_t> pinned_;     // SKU ids with pins_ > 0
	std::vector<int64_t> exposed_, clicks_, buyers_; // by SKU id: distinct viewers
	IdPairSet exposed_pairs_, click_pairs_, buyer_pairs_; // (SKU id, viewer id)

	TextIds question_ids_;                 // comment ids of questions
	std::vector<size_t> question_row_;     // by question id: index in r_.questions (the latest asked)
	std::vector<size_t> question_segment_; // by question id: segment it was asked in, or SIZE_MAX
};

} // namespace lcs::report
