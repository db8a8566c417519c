// Arrivals and traffic: how many viewers the platform sends into the room each second.
#include "core/audience/simulator.hpp"

#include <algorithm>

namespace lcs::audience {

void Simulator::arrivals(int64_t t, const RoomMoment &m, session::Events &out)
{
	// Platform traffic: the scenario's curve, spikes, and a boost that follows engagement.
	double spike = 1.0;
	for (const auto &inc : scenario_.incidents)
		if (inc.kind == "traffic_spike" && m.seconds >= inc.at_seconds && m.seconds < inc.at_seconds + inc.duration_seconds)
			spike *= inc.multiplier;
	int comments_60 = 0;
	int orders_60 = 0;
	for (const int c : recent_comments_)
		comments_60 += c;
	for (const int o : recent_orders_)
		orders_60 += o;
	const double room = std::max<double>(20.0, static_cast<double>(present_.size()));
	const double engagement = (static_cast<double>(comments_60) + 8.0 * orders_60) / room;
	double target = std::clamp(0.6 + 1.5 * engagement, 0.5, 2.5);
	if (m.silence_s >= 3)
		target *= 0.8;
	boost_ += (target - boost_) * 0.05;
	const double rate = scenario_.arrivals_per_minute / 60.0 * scenario_.traffic_at(m.seconds) * spike * boost_;
	arrival_carry_ += rate;
	int arrivals = static_cast<int>(arrival_carry_);
	arrival_carry_ -= arrivals;
	if (rng_.chance(arrival_carry_)) {
		++arrivals;
		arrival_carry_ -= 1.0;
	}
	for (int i = 0; i < arrivals; ++i)
		join(t, out);
	deliver_paid(t, m, out);
}

void Simulator::add_paid_impressions(int64_t count, int64_t /*bid_cpm_cents*/, int64_t /*now_ms*/)
{
	if (count <= 0)
		return;
	paid_pending_ += count;
	// Shown over the next two minutes.
	paid_per_second_ = std::max<int64_t>(1, (paid_pending_ + 119) / 120);
}

void Simulator::deliver_paid(int64_t t, const RoomMoment &m, session::Events &out)
{
	if (paid_pending_ <= 0)
		return;
	const int64_t shown = std::min(paid_pending_, paid_per_second_);
	paid_pending_ -= shown;
	session::Event e{t, "impressions", {}};
	e.fields["count"] = shown;
	e.fields["source"] = "paid";
	out.push_back(std::move(e));
	// Entry from a paid impression: what the room is doing when the viewer sees it.
	const double enter = 0.04 * (m.talking ? 1.5 : 0.6) * (m.pinned ? 1.3 : 1.0) * (m.promo_live ? 1.4 : 1.0);
	for (int64_t i = 0; i < shown; ++i)
		if (rng_.chance(enter))
			join(t, out, "paid");
}

} // namespace lcs::audience
