#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/diag/diagnostic.hpp"

// A practice scenario (docs/scenarios.md): who comes to the room, how traffic moves over the show
// and what happens when. Packs define them; the same scenario and seed give the same room.
namespace lcs::audience {

struct TrafficPoint {
	int at_seconds = 0;
	double multiplier = 1.0;
};

struct Incident {
	std::string id;
	std::string kind; // objection_wave · stock_out · troll · traffic_spike
	int at_seconds = 0;
	int count = 0;          // objection_wave, troll: comments
	double multiplier = 1.0; // traffic_spike
	int duration_seconds = 0;
	std::string sku;        // stock_out
};

// Paid traffic (投流) the trainee may buy during the session: a budget and the bids the platform
// accepts, as price per thousand impressions (CPM) in minor units.
struct AdBudget {
	int64_t budget_cents = 0; // 0: this scenario has no paid traffic
	int64_t min_bid_cpm_cents = 0;
	int64_t max_bid_cpm_cents = 0;
};

struct Scenario {
	std::string id;
	std::string name;
	int duration_seconds = 1500;
	uint64_t seed = 1;
	double arrivals_per_minute = 60;
	int initial_viewers = 20;
	std::map<std::string, double> personas; // persona id → share
	std::vector<TrafficPoint> traffic;      // piecewise linear, by time
	std::vector<Incident> incidents;
	/// The organic traffic mix: source (recommend · follow · search · short_video · other) →
	/// share of organic arrivals. Empty: the platform's typical mix (docs/calibration.md).
	std::map<std::string, double> sources;
	AdBudget ads;
	diag::Location where;

	/// Traffic multiplier at second s (linear between points; flat outside).
	[[nodiscard]] double traffic_at(double seconds) const;
};

} // namespace lcs::audience
