#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/audience/audience_data.hpp"
#include "core/event/event.hpp"
#include "core/pack/library.hpp"
#include "core/pack/scenario.hpp"
#include "core/promo/engine.hpp"
#include "core/util/rng.hpp"

namespace lcs::audience {

// What the host is doing, as the audience perceives it (the simulator never learns which
// autopilot policy, if any, produces it).
struct HostState {
	std::optional<bool> talking;      // unknown until the first voice input
	int64_t silence_since_ms = 0;      // when the current silence began
	std::string pinned_sku;
	int64_t pinned_since_ms = 0;
	int64_t talk_while_pinned_ms = 0;  // explanation time of the pinned product
	int64_t last_interaction_call_ms = -1'000'000;
};

// A comment the host may answer (questions stay open until answered).
struct OpenQuestion {
	std::string comment_id;
	int viewer = -1;
	int64_t t = 0;
};

// What the room is doing in one simulated second, worked out once from the host's state and the
// promotions engine and read by every part of the room (traffic, leaving, comments, buying).
struct RoomMoment {
	double seconds = 0;        // session time
	double silence_s = 0;      // length of the current silence (0 while talking or before any voice)
	bool talking = false;
	bool pinned = false;
	bool interaction_recent = false; // the host called for interaction in the last 15 s
	bool interaction_fresh = false;  // ... in the last 8 s
	double explained_s = 0;    // how long the pinned product has been talked about
	std::optional<promo::PriceView> view; // the pinned product's price now
	std::vector<promo::LuckyBagView> bags; // lucky bags open now
	bool promo_live = false;   // a promotion on the pinned product or a lucky bag is running
	bool urgent = false;       // countdown, ending soon or almost sold out
	bool coupons = false;      // a coupon can be claimed
	double damping = 1.0;      // comments per viewer thin out in a big room
};

// The simulated room. Viewers are kept as parallel arrays (structure of arrays) so that a room
// of 100 000 ticks in a small fraction of a core; each present viewer is evaluated once per
// simulated second. All randomness comes from the session's seeded generator, consumed in a
// fixed order, so the same scenario, seed and host inputs give the same room.
class Simulator {
public:
	Simulator(std::shared_ptr<const pack::Library> library, std::shared_ptr<const AudienceData> data,
		  const Scenario &scenario, uint64_t seed);

	/// Advances to now_ms (whole simulated seconds), producing events. Orders and coupon claims
	/// go through the promotions engine.
	session::Events advance(int64_t now_ms, const HostState &host, promo::Engine &engine);

	/// Paid traffic bought at now_ms: `count` impressions at a bid of bid_cpm_cents, delivered
	/// over the next minutes as viewers with source "paid" (how many enter and buy depends on
	/// what the room is doing then).
	void add_paid_impressions(int64_t count, int64_t bid_cpm_cents, int64_t now_ms);

	/// The host answered a comment: the asker trusts more; a question closes.
	void on_answered(const std::string &comment_id, int64_t now_ms);

	[[nodiscard]] int64_t present() const { return static_cast<int64_t>(present_.size()); }
	[[nodiscard]] int64_t follows() const { return follows_; }
	[[nodiscard]] int64_t likes() const { return likes_; }
	/// The platform's current rating of the room: the multiplier on its organic impressions,
	/// re-rated every few minutes from how the room did (traffic.cpp).
	[[nodiscard]] double boost() const { return rating_; }
	[[nodiscard]] const std::vector<OpenQuestion> &open_questions() const { return open_questions_; }
	[[nodiscard]] std::string viewer_id(int index) const;
	[[nodiscard]] const std::string &viewer_name(int index) const;

private:
	// The core (simulator.cpp): one simulated second, and the viewers' bookkeeping.
	void step(int64_t t, const HostState &host, promo::Engine &engine, session::Events &out);
	RoomMoment moment(int64_t t, const HostState &host, promo::Engine &engine) const;
	void join(int64_t t, session::Events &out, const char *source);
	void leave(int viewer, int64_t t, session::Events &out);
	int pick_persona(const char *source);

	// Arrivals and traffic (traffic.cpp): impressions, sources, re-rating, paid traffic.
	void setup_sources();
	void initial_viewers(session::Events &out);
	void arrivals(int64_t t, const RoomMoment &m, session::Events &out);
	void deliver_paid(int64_t t, double pull, session::Events &out);
	double pull(const RoomMoment &m) const;
	void rerate();
	void log_impressions(int64_t t, session::Events &out);

	// Leaving (leaving.cpp): whether a present viewer stays this second.
	bool stays(int viewer, int64_t t, const RoomMoment &m);

	// Comments, likes and follows (comments.cpp): how a viewer takes part.
	void take_part(int viewer, int64_t t, const HostState &host, const RoomMoment &m, promo::Engine &engine,
		       session::Events &out);
	void comment(int viewer, const std::string &kind, const std::string &text, int64_t t, session::Events &out);
	std::string pick_text(const std::vector<std::string> &list, const std::string &sku, promo::Engine &engine, int64_t t,
			      const std::string &keyword = {});
	const std::string &pick_topic(const std::vector<std::pair<std::string, double>> &weights);
	const std::vector<std::string> &reactions(const char *key) const;

	// Incidents (incidents.cpp): the scenario's scripted events.
	void incidents(int64_t t, promo::Engine &engine, session::Events &out);

	// Buying (buying.cpp): the pinned product's funnel, exposure → click → order.
	void shop(int viewer, int64_t t, const RoomMoment &m, promo::Engine &engine, session::Events &out);

	std::shared_ptr<const pack::Library> library_;
	std::shared_ptr<const AudienceData> data_;
	Scenario scenario_;
	util::Rng rng_;
	std::vector<const Persona *> mix_personas_;
	std::vector<double> mix_weights_;
	std::vector<std::string> keyword_claims_; // claim lines holding {keyword}

	// Viewers (structure of arrays), by index; ids are "v<index>".
	std::vector<uint8_t> persona_;
	// Decision state in double (not float): with logistic() below, every decision is + − × ÷ on
	// IEEE doubles, the same bits on every platform.
	std::vector<double> wtp_;     // willingness to pay, share of list price
	std::vector<double> trust_;
	std::vector<uint8_t> present_flag_;
	std::vector<uint8_t> clicked_;  // clicked the product at least once
	std::vector<int64_t> click_t_;  // when the viewer last clicked (deciding on the page); -1: not
	std::vector<uint8_t> bought_;
	std::vector<uint8_t> followed_;
	std::vector<uint8_t> entered_bag_;
	std::vector<int32_t> name_;
	std::vector<int32_t> open_question_; // index into open_questions_ order, -1: none
	std::vector<int64_t> question_t_;
	std::vector<uint32_t> present_; // indices of present viewers
	std::vector<uint32_t> slot_;    // viewer → position in present_

	std::vector<OpenQuestion> open_questions_;
	int64_t next_comment_ = 1;
	int64_t clock_ms_ = 0;          // last simulated second
	// Organic traffic, one entry per source in a fixed order (traffic.cpp).
	struct TrafficSource {
		const char *id = "";
		double impression_share = 0; // of organic impressions
		double entry_factor = 1;     // entry per impression against the base rate
		double carry = 0;            // fraction of an impression not yet shown
		int64_t unlogged = 0;        // shown since the last `impressions` event
	};
	std::vector<TrafficSource> sources_;
	std::vector<double> arrival_shares_;     // of organic arrivals, same order as sources_
	double impressions_per_s_ = 0;           // organic impressions in a neutral room, before curve and rating
	double rating_ = 1.0;                    // the platform's rating (a step every re-rating)
	// What the platform saw since the last re-rating.
	struct RatingWindow {
		int64_t impressions = 0;
		int64_t entries = 0;
		int64_t viewer_seconds = 0;
		int64_t comments = 0;
		int64_t orders = 0;
		int64_t leaves = 0;
	} window_;
	std::deque<int> recent_comments_; // per second, last 60 s
	std::deque<int> recent_orders_;
	int64_t follows_ = 0;
	int64_t likes_ = 0;
	std::vector<uint8_t> incident_done_;
	int troll_viewer_ = -1;
	// Paid impressions bought and not yet shown, how many to show per second, how well the bids
	// place them (entry factor) and those shown but not yet logged.
	int64_t paid_pending_ = 0;
	int64_t paid_per_second_ = 0;
	double paid_entry_factor_ = 1.0;
	int64_t paid_unlogged_ = 0;
};

/// A shorter product name for comments ("岭上蜂田 秦岭中蜂土蜂蜜 500g" → "秦岭中蜂土蜂蜜").
std::string short_product_name(const std::string &name);

} // namespace lcs::audience
