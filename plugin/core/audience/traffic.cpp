// Arrivals and traffic, as the platform gives them (docs/calibration.md, docs/scenarios.md).
//
// The platform shows the room in its feeds: organic impressions per source (recommend, follow,
// search, short_video, other) at a rate set by the scenario's arrivals, its traffic curve and
// spikes, and the platform's rating of the room. Each impression becomes a viewer with a
// probability: a base entry rate, times the source's own factor (a follower who sees the room is
// far likelier to tap in than a stranger in the recommendation feed), times the room's pull at
// that second (talk or dead air, a pinned product, a live promotion, recent engagement). Every
// three minutes the platform re-rates the room from what it saw (entry, stay, comments, orders):
// a step up after a good stretch, down after a bad one. Paid impressions (投流) are shown over
// the next minutes and enter by the same pull, with a factor from the bid.
#include "core/audience/simulator.hpp"

#include <algorithm>

namespace lcs::audience {
namespace {
// Entry per impression in a neutral room (the host talking, a product pinned, nothing else),
// for a recommendation-feed impression.
constexpr double kBaseEntryRate = 0.13;

struct SourceDefaults {
	const char *id;
	double typical_share; // of organic arrivals when the scenario gives no mix
	double entry_factor;
};
// The typical organic mix of a small/mid room: the recommendation feed over half, short videos
// up to ~20 %, followers up to ~15 %, search, the rest (docs/calibration.md).
constexpr SourceDefaults kSources[] = {
	{"recommend", 0.56, 1.0}, {"short_video", 0.16, 1.3}, {"follow", 0.12, 2.5}, {"search", 0.09, 1.8}, {"other", 0.07, 0.8},
};

// Re-rating: what the platform compares the stretch with, and how far one re-rating moves.
constexpr double kStayReferenceS = 50.0;           // mean stay
constexpr double kCommentsReferencePerViewerMin = 0.15; // ≈ 5 comments a minute per 30 online
constexpr double kOrdersReferencePerViewerMin = 0.02;
constexpr double kRatingStepMin = 0.8;
constexpr double kRatingStepMax = 1.25;
constexpr double kRatingMin = 0.4;
constexpr double kRatingMax = 2.5;

// Paid impressions: shown over about this many seconds after a purchase.
constexpr int64_t kPaidDeliverySeconds = 150;
constexpr double kPaidEntryFactor = 0.3;     // bought impressions reach a cold audience: ~4 % enter
constexpr double kReferenceBidCpmCents = 4000; // ¥40 per thousand

double index_of(double value, double reference)
{
	return std::clamp(value / reference, 0.0, 2.0);
}
} // namespace

void Simulator::setup_sources()
{
	// Arrival shares: the scenario's organic mix, or the typical one. Impression shares follow
	// from them so that arrivals come in the given mix: a source whose impressions enter more
	// often needs fewer of them.
	double arrivals_total = 0;
	for (const auto &d : kSources) {
		const auto it = scenario_.sources.find(d.id);
		const double share = scenario_.sources.empty() ? d.typical_share : it == scenario_.sources.end() ? 0.0 : it->second;
		sources_.push_back({d.id, share / d.entry_factor, d.entry_factor, 0, 0});
		arrival_shares_.push_back(share);
		arrivals_total += share;
	}
	double impressions_total = 0;
	for (const auto &s : sources_)
		impressions_total += s.impression_share;
	for (auto &s : sources_)
		s.impression_share = impressions_total > 0 ? s.impression_share / impressions_total : 0;
	for (auto &a : arrival_shares_)
		a = arrivals_total > 0 ? a / arrivals_total : 0;
	// Arrivals per impression in a neutral room, over the mix.
	double entry = 0;
	for (const auto &s : sources_)
		entry += s.impression_share * kBaseEntryRate * s.entry_factor;
	impressions_per_s_ = entry > 0 ? scenario_.arrivals_per_minute / 60.0 / entry : 0;
}

void Simulator::initial_viewers(session::Events &out)
{
	// The viewers already there at the start came from the same feeds: their impressions are
	// logged at t = 0 so that the room's entry rate counts them too.
	for (int i = 0; i < scenario_.initial_viewers; ++i) {
		double r = rng_.unit();
		size_t s = 0;
		while (s + 1 < sources_.size() && (r -= arrival_shares_[s]) >= 0)
			++s;
		join(0, out, sources_[s].id);
		sources_[s].carry += 1.0 / (kBaseEntryRate * sources_[s].entry_factor);
	}
	for (auto &s : sources_) {
		const auto shown = static_cast<int64_t>(s.carry);
		s.unlogged += shown;
		s.carry -= static_cast<double>(shown);
	}
	log_impressions(0, out);
}

double Simulator::pull(const RoomMoment &m) const
{
	// What a viewer who sees the room in a feed sees: talk or dead air, a product on the cart, a
	// live offer, a lively chat.
	double f = m.talking ? 1.0 : m.silence_s >= 3 ? 0.45 : 0.85;
	f *= m.pinned ? 1.1 : 0.85;
	if (m.promo_live)
		f *= 1.2;
	int comments_60 = 0;
	int orders_60 = 0;
	for (const int c : recent_comments_)
		comments_60 += c;
	for (const int o : recent_orders_)
		orders_60 += o;
	const double room = std::max<double>(20.0, static_cast<double>(present_.size()));
	f *= 1.0 + std::min(0.3, 0.5 * (static_cast<double>(comments_60) + 5.0 * orders_60) / room);
	return f;
}

void Simulator::arrivals(int64_t t, const RoomMoment &m, session::Events &out)
{
	double spike = 1.0;
	for (const auto &inc : scenario_.incidents)
		if (inc.kind == "traffic_spike" && m.seconds >= inc.at_seconds && m.seconds < inc.at_seconds + inc.duration_seconds)
			spike *= inc.multiplier;
	const double shown_per_s = impressions_per_s_ * scenario_.traffic_at(m.seconds) * spike * rating_;
	const double room_pull = pull(m);
	for (auto &s : sources_) {
		s.carry += shown_per_s * s.impression_share;
		const auto shown = static_cast<int64_t>(s.carry);
		s.carry -= static_cast<double>(shown);
		s.unlogged += shown;
		window_.impressions += shown;
		const double enter = std::min(0.9, kBaseEntryRate * s.entry_factor * room_pull);
		for (int64_t i = 0; i < shown; ++i)
			if (rng_.chance(enter)) {
				join(t, out, s.id);
				++window_.entries;
			}
	}
	deliver_paid(t, room_pull, out);
}

void Simulator::rerate()
{
	// The platform's view of the last stretch, each part against a typical room (1 = typical).
	const double viewer_minutes = std::max(1.0, static_cast<double>(window_.viewer_seconds) / 60.0);
	const double entry = window_.impressions > 0
				     ? index_of(static_cast<double>(window_.entries) / static_cast<double>(window_.impressions), kBaseEntryRate)
				     : 1.0;
	const double stay = index_of(static_cast<double>(window_.viewer_seconds) / std::max<double>(1.0, static_cast<double>(window_.leaves)),
				     kStayReferenceS);
	const double talk = index_of(static_cast<double>(window_.comments) / viewer_minutes, kCommentsReferencePerViewerMin);
	const double buy = index_of(static_cast<double>(window_.orders) / viewer_minutes, kOrdersReferencePerViewerMin);
	const double performance = 0.3 * entry + 0.3 * stay + 0.2 * talk + 0.2 * buy;
	rating_ = std::clamp(rating_ * std::clamp(performance, kRatingStepMin, kRatingStepMax), kRatingMin, kRatingMax);
	window_ = {};
}

void Simulator::add_paid_impressions(int64_t count, int64_t bid_cpm_cents, int64_t /*now_ms*/)
{
	if (count <= 0)
		return;
	// A higher bid wins better placements: fewer impressions for the money, each likelier to enter.
	const double bid = std::clamp(static_cast<double>(bid_cpm_cents) / kReferenceBidCpmCents, 0.25, 4.0);
	const double factor = kPaidEntryFactor * (0.7 + 0.3 * bid);
	paid_entry_factor_ = (paid_entry_factor_ * static_cast<double>(paid_pending_) + factor * static_cast<double>(count)) /
			     static_cast<double>(paid_pending_ + count);
	paid_pending_ += count;
	paid_per_second_ = std::max<int64_t>(1, (paid_pending_ + kPaidDeliverySeconds - 1) / kPaidDeliverySeconds);
}

void Simulator::deliver_paid(int64_t t, double room_pull, session::Events &out)
{
	if (paid_pending_ <= 0)
		return;
	const int64_t shown = std::min(paid_pending_, paid_per_second_);
	paid_pending_ -= shown;
	paid_unlogged_ += shown;
	const double enter = std::min(0.9, kBaseEntryRate * paid_entry_factor_ * room_pull);
	for (int64_t i = 0; i < shown; ++i)
		if (rng_.chance(enter))
			join(t, out, "paid");
}

void Simulator::log_impressions(int64_t t, session::Events &out)
{
	auto log = [&](const char *source, int64_t &count) {
		if (count <= 0)
			return;
		session::Event e{t, "impressions", {}};
		e.fields["count"] = count;
		e.fields["source"] = source;
		out.push_back(std::move(e));
		count = 0;
	};
	for (auto &s : sources_)
		log(s.id, s.unlogged);
	log("paid", paid_unlogged_);
}

} // namespace lcs::audience
