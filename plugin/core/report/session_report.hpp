#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diag/diagnostic.hpp"
#include "core/metrics/metrics.hpp"

// The review of one session, built in one streaming pass over its log: the contract metrics,
// per-segment and per-product figures, the timeline of notable moments (with their time in the
// OBS recording when the log has recording_start), and the raw orders and comments for tables.
namespace lcs::report {

struct SegmentRow {
	std::string segment_id;
	std::string name;
	std::string kind;
	int64_t planned_ms = 0;
	int64_t actual_ms = 0;
	std::optional<int64_t> first_start_ms;
	int64_t viewers_at_start = 0;
	int64_t viewers_at_end = 0;
	int64_t orders = 0;
	int64_t gmv_cents = 0;
	int64_t questions = 0;
	int64_t answered = 0;
};

struct ProductRow {
	std::string sku;
	std::string name;
	int64_t exposed = 0;
	int64_t clicks = 0;
	int64_t orders = 0;
	int64_t units = 0;
	int64_t buyers = 0;
	int64_t gmv_cents = 0;
	std::optional<double> conversion_rate; // buyers / exposed
};

struct TimelineEntry {
	int64_t t = 0;
	std::string kind; // segment · cue · pin · unpin · promo_start · promo_tier · promo_end · incident · flag · dead_air · recording_start · recording_stop · session_end
	std::string label;
	int64_t duration_ms = 0; // dead air
	std::string severity{};  // flag: ban · caution · info · unrated (compliance_report.hpp)
};

// Compact copies of the events the tables and captions need (the log itself is streamed).
struct OrderRow {
	int64_t t = 0;
	std::string order_id, viewer, sku, promo_id, coupon_id;
	int64_t qty = 0, unit_price_cents = 0, discount_cents = 0, amount_cents = 0;
};
struct QuestionRow {
	int64_t t = 0;
	std::string comment_id, viewer, text;
	std::optional<int64_t> answered_t;
};

/// One compliance_flag event as logged (contract section 1 and docs/contract-notes.md): rule, term
/// and where always; the rest may be empty (older logs have only rule, term, where: price and text).
struct FlagRow {
	int64_t t = 0;
	std::string rule, term, where, text;
	std::string category;   // as logged; compliance_report.hpp infers "price" for an older price flag
	std::string severity;   // as logged (ban · caution · info); empty in older logs
	std::string confidence; // exact · normalized · pinyin; empty: exact
	std::string legal_ref, suggestion, cue_id;
};

// One minute of the session, for the charts.
struct MinuteRow {
	int64_t minute = 0;
	int64_t viewers = 0;       // present at the end of the minute
	int64_t orders = 0;        // during the minute
	int64_t comments = 0;      // during the minute
	int64_t gmv_cumulative_cents = 0;
	int64_t impressions = 0;   // times the room was shown in a feed during the minute (impressions events)
	std::vector<int64_t> impressions_by_source; // of those, by the event's source (SessionReport::sources order)
	// Present at the end of the minute by the source of each viewer's first join, in the order of
	// SessionReport::sources (shorter when a source first appears later).
	std::vector<int64_t> viewers_by_source;
	int64_t questions_asked = 0;    // during the minute
	int64_t questions_answered = 0; // answers given during the minute (to questions of any minute)
	int64_t questions_waiting = 0;  // asked and not yet answered at the end of the minute
};

// One purchase of paid traffic (投流).
struct AdSpendRow {
	int64_t t = 0;
	int64_t amount_cents = 0;
	int64_t impressions = 0;
	std::string campaign;
};

struct SessionReport {
	nlohmann::json header;
	metrics::Metrics metrics;
	std::vector<SegmentRow> segments;
	std::vector<ProductRow> products;
	std::vector<TimelineEntry> timeline;
	std::vector<OrderRow> orders;
	std::vector<QuestionRow> questions; // comments of kind question (others are streamed when needed)
	std::vector<MinuteRow> minutes;
	std::vector<AdSpendRow> ad_spend;
	std::vector<FlagRow> flags; // every compliance_flag, in log order
	std::vector<std::string> sources; // viewer sources in order of first appearance ("other" for a join without one)
	bool sources_logged = false;     // some viewer_join carried a source (older logs have none)
	bool impressions_logged = false; // some impressions or ad_spend event (older logs have none)
	bool voice_logged = false;       // some voice state was logged
	std::optional<std::vector<std::string>> compliance_checks; // the header's, when it has them
	int64_t clickers = 0; // distinct viewers who clicked any product
	std::string log_path;
	std::optional<int64_t> recording_start_ms;
	std::string recording_path;
	bool truncated = false;
	diag::Diagnostics problems;

	/// `lcs report --format json`: {"metrics","traffic","segments","products","timeline","ad_spend",
	/// "compliance"} (+ "session"); "compliance" as compliance_json (compliance_report.hpp).
	[[nodiscard]] nlohmann::ordered_json to_json() const;
	/// Time in the recording ("hh:mm:ss") for a session time, when the log has recording_start.
	[[nodiscard]] std::optional<std::string> video_time(int64_t t) const;
};

/// Reads a log (streaming) and builds its report.
SessionReport build_report(const std::string &utf8_path);

/// "hh:mm:ss" (or "hh:mm:ss.mmm" with millis).
std::string clock_text(int64_t ms, bool millis = false);

} // namespace lcs::report
