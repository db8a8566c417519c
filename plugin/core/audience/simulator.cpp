// The simulator's core: construction, one simulated second (what the room is doing, then each
// present viewer in turn) and the viewers' bookkeeping. The parts of the room live in their own
// files: traffic.cpp (arrivals), leaving.cpp, comments.cpp, buying.cpp, incidents.cpp.
#include "core/audience/simulator.hpp"

#include <algorithm>
#include <string_view>

namespace lcs::audience {
namespace {
constexpr double kCommentDampingViewers = 1500.0;
} // namespace

// How often the platform re-rates the room and how often shown impressions are logged.
constexpr int64_t kRerateSeconds = 180;
constexpr int64_t kImpressionsLogSeconds = 10;

Simulator::Simulator(std::shared_ptr<const pack::Library> library, std::shared_ptr<const AudienceData> data,
		     const Scenario &scenario, uint64_t seed)
	: library_(std::move(library)), data_(std::move(data)), scenario_(scenario), rng_(seed)
{
	for (const auto &[id, share] : scenario_.personas)
		if (const Persona *p = data_->persona(id); p && share > 0) {
			mix_personas_.push_back(p);
			mix_weights_.push_back(share);
		}
	if (mix_personas_.empty())
		for (const auto &p : data_->personas) {
			mix_personas_.push_back(&p);
			mix_weights_.push_back(1.0);
		}
	incident_done_.assign(scenario_.incidents.size(), 0);
	for (const auto &c : data_->corpus.claim)
		if (c.find("{keyword}") != std::string::npos)
			keyword_claims_.push_back(c);
	if (keyword_claims_.empty())
		keyword_claims_.push_back("{keyword}");
	setup_sources();
}

std::string Simulator::viewer_id(int index) const
{
	return "v" + std::to_string(index);
}

const std::string &Simulator::viewer_name(int index) const
{
	static const std::string none;
	if (index < 0 || static_cast<size_t>(index) >= name_.size())
		return none;
	return data_->names[static_cast<size_t>(name_[static_cast<size_t>(index)])];
}

namespace {
// Who comes depends a little on where from: followers are more often the room's fans, bought
// traffic less often (docs/calibration.md).
double source_persona_weight(const char *source, const std::string &persona)
{
	const std::string_view s = source ? source : "";
	if (persona == "loyal_fan")
		return s == "follow" ? 4.0 : s == "paid" ? 0.3 : 1.0;
	if (persona == "newcomer")
		return s == "paid" || s == "short_video" ? 1.4 : s == "follow" ? 0.5 : 1.0;
	return 1.0;
}
} // namespace

int Simulator::pick_persona(const char *source)
{
	double total = 0;
	for (size_t i = 0; i < mix_weights_.size(); ++i)
		total += mix_weights_[i] * source_persona_weight(source, mix_personas_[i]->id);
	double r = rng_.unit() * total;
	for (size_t i = 0; i < mix_weights_.size(); ++i) {
		r -= mix_weights_[i] * source_persona_weight(source, mix_personas_[i]->id);
		if (r < 0)
			return static_cast<int>(i);
	}
	return static_cast<int>(mix_weights_.size()) - 1;
}

void Simulator::join(int64_t t, session::Events &out, const char *source)
{
	const int index = static_cast<int>(persona_.size());
	const int persona = pick_persona(source);
	const Persona &p = *mix_personas_[static_cast<size_t>(persona)];
	persona_.push_back(static_cast<uint8_t>(persona));
	wtp_.push_back(p.wtp_min + (p.wtp_max - p.wtp_min) * rng_.unit());
	trust_.push_back(p.id == "loyal_fan" ? 0.5 : 0.2);
	present_flag_.push_back(1);
	clicked_.push_back(0);
	click_t_.push_back(-1);
	bought_.push_back(0);
	followed_.push_back(0);
	entered_bag_.push_back(0);
	name_.push_back(static_cast<int32_t>(rng_.below(data_->names.size())));
	open_question_.push_back(-1);
	question_t_.push_back(0);
	slot_.push_back(static_cast<uint32_t>(present_.size()));
	present_.push_back(static_cast<uint32_t>(index));
	session::Event e{t, "viewer_join", {}};
	e.fields["viewer"] = viewer_id(index);
	e.fields["persona"] = p.id;
	if (source)
		e.fields["source"] = source;
	out.push_back(std::move(e));
}

void Simulator::leave(int viewer, int64_t t, session::Events &out)
{
	const uint32_t pos = slot_[static_cast<size_t>(viewer)];
	const uint32_t last = present_.back();
	present_[pos] = last;
	slot_[last] = pos;
	present_.pop_back();
	present_flag_[static_cast<size_t>(viewer)] = 0;
	++window_.leaves;
	session::Event e{t, "viewer_leave", {}};
	e.fields["viewer"] = viewer_id(viewer);
	out.push_back(std::move(e));
}

void Simulator::on_answered(const std::string &comment_id, int64_t /*now_ms*/)
{
	const auto it = std::find_if(open_questions_.begin(), open_questions_.end(),
				     [&](const OpenQuestion &q) { return q.comment_id == comment_id; });
	if (it == open_questions_.end())
		return;
	const auto v = static_cast<size_t>(it->viewer);
	trust_[v] = std::min(1.0, trust_[v] + 0.35);
	open_question_[v] = -1;
	open_questions_.erase(it);
}

session::Events Simulator::advance(int64_t now_ms, const HostState &host, promo::Engine &engine)
{
	session::Events out;
	if (clock_ms_ == 0 && persona_.empty())
		initial_viewers(out);
	while (clock_ms_ + 1000 <= now_ms) {
		clock_ms_ += 1000;
		step(clock_ms_, host, engine, out);
	}
	return out;
}

RoomMoment Simulator::moment(int64_t t, const HostState &host, promo::Engine &engine) const
{
	RoomMoment m;
	m.seconds = static_cast<double>(t) / 1000.0;
	m.silence_s = host.talking && !*host.talking ? static_cast<double>(t - host.silence_since_ms) / 1000.0 : 0.0;
	m.talking = host.talking.value_or(false);
	m.pinned = !host.pinned_sku.empty();
	m.interaction_recent = t - host.last_interaction_call_ms < 15'000;
	m.interaction_fresh = t - host.last_interaction_call_ms < 8000;
	m.explained_s = static_cast<double>(host.talk_while_pinned_ms) / 1000.0;
	if (m.pinned)
		m.view = engine.price_view(host.pinned_sku, t);
	m.bags = engine.lucky_bags(t);
	const auto &view = m.view;
	m.promo_live = (view && !view->promo_type.empty()) || !m.bags.empty();
	m.urgent = view && (view->countdown_ms || (view->ends_in_ms && *view->ends_in_ms < 120'000) ||
			    (view->sale_stock_left && *view->sale_stock_left < 20));
	for (const auto &id : engine.running())
		if (const auto *p = library_->promotion(id); p && std::holds_alternative<promo::Coupon>(p->rule))
			m.coupons = true;
	m.damping = 1.0 / (1.0 + static_cast<double>(present_.size()) / kCommentDampingViewers);
	return m;
}

void Simulator::step(int64_t t, const HostState &host, promo::Engine &engine, session::Events &out)
{
	recent_comments_.push_back(0);
	recent_orders_.push_back(0);
	while (recent_comments_.size() > 60)
		recent_comments_.pop_front();
	while (recent_orders_.size() > 60)
		recent_orders_.pop_front();

	incidents(t, engine, out);

	RoomMoment m = moment(t, host, engine);
	arrivals(t, m, out);
	m.damping = 1.0 / (1.0 + static_cast<double>(present_.size()) / kCommentDampingViewers);

	window_.viewer_seconds += static_cast<int64_t>(present_.size());
	// Back to front: a leaving viewer is swapped with the last present one.
	for (size_t k = present_.size(); k-- > 0;) {
		const int v = static_cast<int>(present_[k]);
		if (!stays(v, t, m)) {
			leave(v, t, out);
			continue;
		}
		take_part(v, t, host, m, engine, out);
		shop(v, t, m, engine, out);
	}
	if (t % (kRerateSeconds * 1000) == 0)
		rerate();
	if (t % (kImpressionsLogSeconds * 1000) == 0)
		log_impressions(t, out);
}

} // namespace lcs::audience
