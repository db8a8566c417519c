#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/metrics/log_event.hpp"
#include "core/metrics/running_median.hpp"
#include "core/metrics/text_ids.hpp"

// The platform metrics of shared/design/contract.md section 2, computed in one pass over a
// session log's events (streaming: memory grows with viewers and open questions, not with the
// number of events; viewers are counted by dense id, metrics/text_ids.hpp). The JSON keys are a
// contract.
namespace lcs::metrics {

struct Metrics {
	double duration_s = 0;
	int64_t pv = 0;
	int64_t uv = 0;
	int64_t pcu = 0;
	std::optional<double> acu;
	std::optional<double> avg_watch_s;
	int64_t orders = 0;
	int64_t units = 0;
	int64_t buyers = 0;
	int64_t gmv_cents = 0;
	std::optional<double> gpm_cents;
	std::optional<double> uv_value_cents;
	std::optional<double> aov_cents;
	std::optional<double> conversion_rate;
	std::optional<double> interaction_rate;
	std::optional<double> follow_rate;
	int64_t exposed_viewers = 0;
	std::optional<double> click_rate;
	std::optional<double> click_to_order_rate;
	int64_t questions = 0;
	int64_t answered = 0;
	std::optional<double> response_rate;
	std::optional<double> median_response_s;
	std::optional<double> talk_ratio;
	double dead_air_s = 0;
	double longest_silence_s = 0;
	int64_t compliance_flags = 0;
	/// compliance_flags by severity (not contract keys, not in to_json(): for the report and the
	/// rubric); a flag without a severity (older logs) counts in neither.
	int64_t compliance_bans = 0;
	int64_t compliance_cautions = 0;
	int64_t impressions = 0;
	std::optional<double> exposure_entry_rate;
	std::optional<double> product_exposure_rate;
	int64_t ad_spend_cents = 0;
	std::optional<double> roi;
	std::optional<double> speech_chars_per_min;

	/// Per traffic source (the `source` of a viewer's first join; "other" when it has none), in
	/// order of first appearance: the report's "traffic" table (contract section 2).
	struct TrafficRow {
		std::string source;
		int64_t uv = 0;
		int64_t buyers = 0;
		int64_t gmv_cents = 0;
	};
	std::vector<TrafficRow> traffic;

	/// The contract's JSON object (nulls for ratios with a zero denominator).
	[[nodiscard]] nlohmann::ordered_json to_json() const;
	/// The "traffic" array of the report: [{"source","uv","buyers","gmv_cents"}].
	[[nodiscard]] nlohmann::ordered_json traffic_json() const;
};

class MetricsAccumulator {
public:
	/// One event of the log (after the header), in order. An order whose qty or amount_cents is
	/// negative or would overflow the session's 64-bit sums is not counted: add returns false and
	/// says why in `rejected` (a reader reports it as a bad line, see metrics::BadLine).
	bool add(const nlohmann::json &event, std::string *rejected = nullptr);
	/// The same for an event the reader handed over as a LogEvent (read_session_events).
	bool add(const LogEvent &event, std::string *rejected = nullptr);
	[[nodiscard]] Metrics finish() const;

	static constexpr int64_t kDeadAirMs = 3000;

private:
	// Hash and equality that find std::string keys by std::string_view (no copy per lookup).
	struct TextHash {
		using is_transparent = void;
		size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
	};
	template <class V>
	using TextMap = std::unordered_map<std::string, V, TextHash, std::equal_to<>>;

	// What is known of one viewer (by their TextIds id): bits of kJoined … kExposed.
	enum ViewerBit : uint8_t { kJoined = 1, kBuyer = 2, kCommenter = 4, kFollower = 8, kClicker = 16, kExposed = 32 };

	template <class Event>
	bool add_event(const Event &event, std::string *rejected);
	void expose_present();
	uint32_t viewer(std::string_view text); // its id, the per-viewer vectors grown to it
	// Sets `bit` of viewer `id`; true when it was not set (its count is then one more).
	bool mark(uint32_t id, ViewerBit bit, int64_t &count);

	int64_t last_t_ = 0;
	std::optional<int64_t> end_t_;
	int64_t pv_ = 0;
	TextIds viewer_ids_;
	std::vector<uint8_t> viewer_bits_;      // by viewer id
	std::vector<int64_t> joined_at_;        // by viewer id: t of the join they are present since
	std::vector<uint32_t> present_at_;      // by viewer id: index in present_, or TextIds::kNone
	std::vector<uint32_t> viewer_source_;   // by viewer id: index into sources_ (first join), or kNone
	std::vector<uint32_t> present_;         // ids of the viewers present now, in no order
	int64_t uv_ = 0;
	int64_t buyers_ = 0;
	int64_t commenters_ = 0;
	int64_t followers_ = 0;
	int64_t clickers_ = 0;
	int64_t exposed_ = 0;
	int64_t present_since_sum_ = 0; // Σ join t of the viewers in present_ (finish() stays O(1) in them)
	int64_t presence_ms_ = 0;
	int64_t pcu_ = 0;
	int64_t orders_ = 0;
	int64_t units_ = 0;
	int64_t gmv_ = 0;
	int64_t clicking_buyers_ = 0; // viewers both buyers and clickers
	std::multiset<std::string, std::less<>> pinned_;
	TextMap<int64_t> open_questions_; // comment id → t
	int64_t questions_ = 0;
	RunningMedian response_ms_; // answer times of answered questions
	std::optional<std::string> voice_state_;
	int64_t voice_since_ = 0;
	int64_t talk_ms_ = 0;
	int64_t dead_air_ms_ = 0;
	int64_t longest_silence_ms_ = 0;
	int64_t flags_ = 0;
	int64_t bans_ = 0;
	int64_t cautions_ = 0;
	int64_t impressions_ = 0;
	int64_t ad_spend_ = 0;
	int64_t speech_chars_ = 0;
	std::vector<Metrics::TrafficRow> sources_;
};

} // namespace lcs::metrics
