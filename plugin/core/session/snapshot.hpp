#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/compliance/finding.hpp"
#include "core/metrics/metrics.hpp"
#include "core/pack/library.hpp"
#include "core/promo/engine.hpp"
#include "core/script/cue_view.hpp"
#include "core/util/shared_list.hpp"

// What the session controller publishes for observers (overlays, the dock, obs-websocket).
namespace lcs::session {

// One order as the order ticker shows it.
struct OrderLine {
	int64_t t = 0;
	std::string order_id;
	std::string buyer; // masked ("王**")
	std::string sku;
	std::string product_name;
	int qty = 0;
	int64_t amount_cents = 0;
};

// One comment as the comment feed shows it.
struct FeedComment {
	int64_t t = 0;
	std::string comment_id;
	std::string viewer;
	std::string name; // display name (not masked: comment feeds show nicknames)
	std::string text;
	std::string kind;
	bool answered = false;
};

// What observers (overlays, dock, websocket) read: immutable once published, replaced whole when
// something changed (and once per second of session time); `version` grows with every change.
struct Snapshot {
	uint64_t version = 0;
	int64_t now_ms = 0;
	std::shared_ptr<const pack::Library> library;
	script::CueView cue;
	std::string pinned_sku;
	std::optional<promo::PriceView> pinned;
	std::vector<promo::PriceView> shelf; // every product of the library, in shelf order
	std::map<std::string, int64_t> coupons_claimed; // coupon promotion id → claims this session
	std::vector<int64_t> segment_elapsed_ms; // time spent in each segment of the show (timer running)
	std::vector<std::string> running_promotions;
	std::vector<promo::LuckyBagView> lucky_bags;
	std::vector<OrderLine> recent_orders; // oldest first, at most kRecentOrders
	int64_t orders = 0;
	int64_t units = 0;
	int64_t gmv_cents = 0;
	std::string last_refusal; // why the last refused command was refused ("" when none)

	// The practice session (live room).
	bool session_running = false;
	bool session_ended = false;
	std::string session_id;
	std::string scenario_id;
	std::string log_path;     // the running session's log ("" when none is running)
	std::string last_log_path; // the log of the running or last session
	bool log_finished = false; // the last session's log is complete on disk (the report can read it)
	/// Why the running or last session's log could not be written ("" while it is fine); set as soon
	/// as the writer meets the failure and kept for that session: the log on disk is incomplete.
	std::string log_error;
	std::string trainee;
	uint64_t seed = 0;         // the running or last session's seed (shown so it can be replayed)
	int duration_seconds = 0;
	/// The contract metrics of the running or last session so far (every second, and at its end).
	std::optional<metrics::Metrics> metrics;
	int64_t viewers = 0;
	int64_t follows = 0;
	int64_t likes = 0;
	std::optional<bool> talking;
	int64_t silence_ms = 0; // length of the current silence
	std::vector<FeedComment> comments; // oldest first, at most kRecentComments
	/// Oldest first; shared by every snapshot until a question is asked or answered.
	util::SharedList<FeedComment> open_questions;
	std::string last_answered_id;
	/// Paid traffic: the scenario's ad budget (0: none), what the session has spent of it, the bid
	/// range the platform accepts (CPM, minor units) and the impressions bought so far.
	int64_t ad_budget_cents = 0;
	int64_t ad_spent_cents = 0;
	int64_t min_bid_cpm_cents = 0;
	int64_t max_bid_cpm_cents = 0;
	int64_t paid_impressions = 0;

	/// Compliance (docs/compliance.md): every cue's findings by cue id, checked when the library
	/// is used (null without a checker), so the prompter and the desk mark a cue before it is
	/// said; the current cue's findings; the transcript's latest text (partial or final) and the
	/// findings in what the host said (newest last, at most kRecentSpeechFindings).
	std::shared_ptr<const std::map<std::string, compliance::Findings>> script_findings;
	compliance::Findings cue_findings;
	std::string last_speech;
	bool last_speech_final = true;
	compliance::Findings speech_findings;

	static constexpr size_t kRecentSpeechFindings = 20;
	static constexpr size_t kRecentOrders = 30;
	static constexpr size_t kRecentComments = 60;
};

} // namespace lcs::session
