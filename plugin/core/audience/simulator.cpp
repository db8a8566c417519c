#include "core/audience/simulator.hpp"

#include <algorithm>
#include <cstdio>

#include "core/audience/logistic.hpp"
#include "core/util/money.hpp"

namespace lcs::audience {
namespace {
constexpr double kCommentDampingViewers = 1500.0;

std::string replace_all(std::string s, const std::string &from, const std::string &to)
{
	for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
		s.replace(at, from.size(), to);
	return s;
}
} // namespace

std::string short_product_name(const std::string &name)
{
	if (const auto comma = name.find(','); comma != std::string::npos)
		return name.substr(0, comma);
	// Space-separated parts: the longest one (brand and size are usually the short ends).
	std::vector<std::string> parts;
	size_t start = 0;
	while (start <= name.size()) {
		const size_t end = name.find(' ', start);
		parts.push_back(name.substr(start, end == std::string::npos ? std::string::npos : end - start));
		if (end == std::string::npos)
			break;
		start = end + 1;
	}
	if (parts.size() < 3)
		return name;
	return *std::max_element(parts.begin(), parts.end(), [](const auto &a, const auto &b) { return a.size() < b.size(); });
}

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

int Simulator::pick_persona()
{
	double total = 0;
	for (const double w : mix_weights_)
		total += w;
	double r = rng_.unit() * total;
	for (size_t i = 0; i < mix_weights_.size(); ++i) {
		r -= mix_weights_[i];
		if (r < 0)
			return static_cast<int>(i);
	}
	return static_cast<int>(mix_weights_.size()) - 1;
}

const std::string &Simulator::pick_topic(const std::vector<std::pair<std::string, double>> &weights)
{
	static const std::string fallback = "price";
	double total = 0;
	for (const auto &[topic, w] : weights)
		total += w;
	double r = rng_.unit() * total;
	for (const auto &[topic, w] : weights) {
		r -= w;
		if (r < 0)
			return topic;
	}
	return weights.empty() ? fallback : weights.back().first;
}

std::string Simulator::pick_text(const std::vector<std::string> &list, const std::string &sku, promo::Engine &engine,
				 int64_t t, const std::string &keyword)
{
	if (list.empty())
		return keyword.empty() ? std::string("1") : keyword;
	std::string text = list[rng_.below(list.size())];
	if (text.find("{product}") != std::string::npos || text.find("{price}") != std::string::npos) {
		std::string product_sku = sku;
		if (product_sku.empty()) {
			const auto products = library_->products();
			product_sku = products.empty() ? std::string() : products[rng_.below(products.size())]->sku;
		}
		const auto view = engine.price_view(product_sku, t);
		text = replace_all(text, "{product}", view ? short_product_name(view->name) : std::string());
		text = replace_all(text, "{price}", view ? util::format_yuan(view->price_cents) : std::string());
	}
	return replace_all(text, "{keyword}", keyword);
}

void Simulator::join(int64_t t, session::Events &out, const char *source)
{
	const int index = static_cast<int>(persona_.size());
	const int persona = pick_persona();
	const Persona &p = *mix_personas_[static_cast<size_t>(persona)];
	persona_.push_back(static_cast<uint8_t>(persona));
	wtp_.push_back(p.wtp_min + (p.wtp_max - p.wtp_min) * rng_.unit());
	trust_.push_back(p.id == "loyal_fan" ? 0.5 : 0.2);
	present_flag_.push_back(1);
	clicked_.push_back(0);
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

void Simulator::add_paid_impressions(int64_t count, int64_t /*bid_cpm_cents*/, int64_t /*now_ms*/)
{
	if (count <= 0)
		return;
	paid_pending_ += count;
	// Shown over the next two minutes.
	paid_per_second_ = std::max<int64_t>(1, (paid_pending_ + 119) / 120);
}

void Simulator::deliver_paid(int64_t t, bool talking, bool pinned, bool promo_live, session::Events &out)
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
	const double enter = 0.04 * (talking ? 1.5 : 0.6) * (pinned ? 1.3 : 1.0) * (promo_live ? 1.4 : 1.0);
	for (int64_t i = 0; i < shown; ++i)
		if (rng_.chance(enter))
			join(t, out, "paid");
}

void Simulator::leave(int viewer, int64_t t, session::Events &out)
{
	const uint32_t pos = slot_[static_cast<size_t>(viewer)];
	const uint32_t last = present_.back();
	present_[pos] = last;
	slot_[last] = pos;
	present_.pop_back();
	present_flag_[static_cast<size_t>(viewer)] = 0;
	session::Event e{t, "viewer_leave", {}};
	e.fields["viewer"] = viewer_id(viewer);
	out.push_back(std::move(e));
}

void Simulator::comment(int viewer, const std::string &kind, const std::string &text, int64_t t, session::Events &out)
{
	char id[32];
	std::snprintf(id, sizeof id, "c-%06lld", static_cast<long long>(next_comment_++));
	session::Event e{t, "comment", {}};
	e.fields["comment_id"] = id;
	e.fields["viewer"] = viewer_id(viewer);
	e.fields["text"] = text;
	e.fields["kind"] = kind;
	out.push_back(std::move(e));
	if (!recent_comments_.empty())
		++recent_comments_.back();
	if (kind == "question") {
		open_question_[static_cast<size_t>(viewer)] = 1;
		question_t_[static_cast<size_t>(viewer)] = t;
		open_questions_.push_back({id, viewer, t});
	}
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

void Simulator::incidents(int64_t t, promo::Engine &engine, session::Events &out)
{
	const int64_t second = t / 1000;
	for (size_t i = 0; i < scenario_.incidents.size(); ++i) {
		const Incident &inc = scenario_.incidents[i];
		if (incident_done_[i] || second < inc.at_seconds)
			continue;
		incident_done_[i] = 1;
		session::Event e{t, "incident", {}};
		e.fields["incident_id"] = inc.id;
		e.fields["kind"] = inc.kind;
		out.push_back(std::move(e));
		if (inc.kind == "stock_out") {
			auto ended = engine.set_stock(inc.sku, 0, t);
			out.insert(out.end(), ended.begin(), ended.end());
		} else if (inc.kind == "troll") {
			join(t, out);
			troll_viewer_ = static_cast<int>(persona_.size()) - 1;
		}
	}
	// Ongoing incidents: an objection wave spreads over its first seconds, a troll posts.
	for (size_t i = 0; i < scenario_.incidents.size(); ++i) {
		const Incident &inc = scenario_.incidents[i];
		const int64_t since = second - inc.at_seconds;
		if (!incident_done_[i] || since < 0)
			continue;
		if (inc.kind == "objection_wave" && since < (inc.count + 1) / 2 && !present_.empty()) {
			for (int k = 0; k < 2; ++k) {
				const int v = static_cast<int>(present_[rng_.below(present_.size())]);
				const auto &topics = data_->corpus.objection;
				const auto price = topics.find("price");
				comment(v, "objection", pick_text(price == topics.end() ? std::vector<std::string>{} : price->second, {}, engine, t), t, out);
			}
		} else if (inc.kind == "troll" && troll_viewer_ >= 0 && since < inc.count * 3 && since % 3 == 0 &&
			   present_flag_[static_cast<size_t>(troll_viewer_)]) {
			comment(troll_viewer_, "troll", pick_text(data_->corpus.troll, {}, engine, t), t, out);
		}
	}
}

session::Events Simulator::advance(int64_t now_ms, const HostState &host, promo::Engine &engine)
{
	session::Events out;
	if (clock_ms_ == 0 && persona_.empty()) {
		for (int i = 0; i < scenario_.initial_viewers; ++i)
			join(0, out);
	}
	while (clock_ms_ + 1000 <= now_ms) {
		clock_ms_ += 1000;
		step(clock_ms_, host, engine, out);
	}
	return out;
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

	const double seconds = static_cast<double>(t) / 1000.0;
	const double silence_s = host.talking && !*host.talking ? static_cast<double>(t - host.silence_since_ms) / 1000.0 : 0.0;
	const bool talking = host.talking.value_or(false);
	const bool pinned = !host.pinned_sku.empty();
	const bool interaction_recent = t - host.last_interaction_call_ms < 15'000;
	const double explained_s = static_cast<double>(host.talk_while_pinned_ms) / 1000.0;
	const auto view = pinned ? engine.price_view(host.pinned_sku, t) : std::nullopt;
	const auto bags = engine.lucky_bags(t);
	const bool promo_live = (view && !view->promo_type.empty()) || !bags.empty();
	const bool urgent = view && (view->countdown_ms || (view->ends_in_ms && *view->ends_in_ms < 120'000) ||
				     (view->sale_stock_left && *view->sale_stock_left < 20));
	const bool coupons = [&] {
		for (const auto &id : engine.running())
			if (const auto *p = library_->promotion(id); p && std::holds_alternative<promo::Coupon>(p->rule))
				return true;
		return false;
	}();

	// Platform traffic: the scenario's curve, spikes, and a boost that follows engagement.
	double spike = 1.0;
	for (const auto &inc : scenario_.incidents)
		if (inc.kind == "traffic_spike" && seconds >= inc.at_seconds && seconds < inc.at_seconds + inc.duration_seconds)
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
	if (silence_s >= 3)
		target *= 0.8;
	boost_ += (target - boost_) * 0.05;
	const double rate = scenario_.arrivals_per_minute / 60.0 * scenario_.traffic_at(seconds) * spike * boost_;
	arrival_carry_ += rate;
	int arrivals = static_cast<int>(arrival_carry_);
	arrival_carry_ -= arrivals;
	if (rng_.chance(arrival_carry_)) {
		++arrivals;
		arrival_carry_ -= 1.0;
	}
	for (int i = 0; i < arrivals; ++i)
		join(t, out);
	deliver_paid(t, talking, pinned, promo_live, out);

	const double damping = 1.0 / (1.0 + static_cast<double>(present_.size()) / kCommentDampingViewers);
	const auto &reactions = data_->corpus.reaction;
	auto reaction = [&](const char *key) -> const std::vector<std::string> & {
		static const std::vector<std::string> none;
		const auto it = reactions.find(key);
		return it == reactions.end() ? none : it->second;
	};

	// Back to front: a leaving viewer is swapped with the last present one.
	for (size_t k = present_.size(); k-- > 0;) {
		const int v = static_cast<int>(present_[k]);
		const auto vi = static_cast<size_t>(v);
		const Persona &p = *mix_personas_[persona_[vi]];

		// Stay or leave.
		double hazard = 1.0 / p.patience_s;
		if (silence_s >= 3)
			hazard *= 1.0 + p.dead_air_sensitivity * (silence_s - 2.0) / 4.0;
		else if (talking)
			hazard *= 0.75;
		if (open_question_[vi] >= 0) {
			const double age = static_cast<double>(t - question_t_[vi]) / 1000.0;
			if (age > 15)
				hazard *= 1.0 + age / 30.0;
		}
		hazard *= 1.0 - 0.4 * trust_[vi];
		if (pinned)
			hazard *= 0.7;
		if (promo_live)
			hazard /= 1.0 + 0.5 * p.promo_attraction;
		if (interaction_recent)
			hazard *= 0.8;
		if (rng_.chance(hazard)) {
			leave(v, t, out);
			continue;
		}
		if (talking && pinned)
			trust_[vi] = std::min(1.0, trust_[vi] + 0.002);

		// Comments.
		if (interaction_recent && t - host.last_interaction_call_ms < 8000 && !p.troll && rng_.chance(0.06 * damping * 3)) {
			comment(v, "interaction", pick_text(data_->corpus.interaction, host.pinned_sku, engine, t), t, out);
		} else if (rng_.chance(p.comment_per_min / 60.0 * damping)) {
			const double r = rng_.unit();
			const double question_share = p.question_per_min / std::max(0.01, p.comment_per_min);
			if (p.troll) {
				comment(v, "troll", pick_text(data_->corpus.troll, host.pinned_sku, engine, t), t, out);
			} else if (silence_s >= 5 && r < 0.5) {
				comment(v, "reaction", pick_text(reaction("bored"), host.pinned_sku, engine, t), t, out);
			} else if (open_question_[vi] < 0 && r < question_share) {
				// A third of the questions are the pack's own FAQ for the pinned product.
				const pack::Product *product = pinned ? library_->product(host.pinned_sku) : nullptr;
				if (product && !product->faq.empty() && rng_.chance(0.33)) {
					comment(v, "question", product->faq[rng_.below(product->faq.size())].question, t, out);
				} else {
					const auto &topic = pick_topic(p.question_topics);
					const auto it = data_->corpus.question.find(topic);
					if (it != data_->corpus.question.end())
						comment(v, "question", pick_text(it->second, host.pinned_sku, engine, t), t, out);
				}
			} else if (pinned && r < question_share + 0.2) {
				const auto &topic = pick_topic(p.objection_topics);
				const auto it = data_->corpus.objection.find(topic);
				if (it != data_->corpus.objection.end())
					comment(v, "objection", pick_text(it->second, host.pinned_sku, engine, t), t, out);
			} else if (!bags.empty() && !entered_bag_[vi] && r < 0.8) {
				// Entering the lucky bag: a comment with its keyword.
				const std::string text = pick_text(keyword_claims_, host.pinned_sku, engine, t, bags.front().keyword);
				comment(v, "claim", text, t, out);
				engine.on_comment(viewer_id(v), text, followed_[vi] != 0, t);
				entered_bag_[vi] = 1;
			} else {
				comment(v, "reaction", pick_text(reaction(rng_.chance(0.2) ? "greeting" : "positive"), host.pinned_sku, engine, t),
					t, out);
			}
		}
		if (rng_.chance(0.02 * (talking ? 1.5 : 0.5)))
			++likes_;

		// Follow.
		if (!followed_[vi] && rng_.chance(p.follow_per_min / 60.0 * (1.0 + trust_[vi] + (interaction_recent ? 1.0 : 0.0)))) {
			followed_[vi] = 1;
			++follows_;
			session::Event e{t, "follow", {}};
			e.fields["viewer"] = viewer_id(v);
			out.push_back(std::move(e));
		}

		// Funnel: exposed to the pinned product → click → order.
		if (!view || p.troll)
			continue;
		if (!clicked_[vi]) {
			const double p_click = 0.004 * p.click_propensity * (1.0 + std::min(explained_s, 60.0) / 30.0) *
					       (promo_live ? 1.5 : 1.0) * (0.5 + trust_[vi]);
			if (rng_.chance(p_click)) {
				clicked_[vi] = 1;
				session::Event e{t, "product_click", {}};
				e.fields["viewer"] = viewer_id(v);
				e.fields["sku"] = view->sku;
				out.push_back(std::move(e));
				if (coupons && rng_.chance(0.6))
					for (const auto &id : engine.running())
						if (const auto *def = library_->promotion(id); def && std::holds_alternative<promo::Coupon>(def->rule)) {
							auto claim = engine.claim_coupon(viewer_id(v), id, t);
							out.insert(out.end(), claim.events.begin(), claim.events.end());
						}
			}
		} else if (bought_[vi] < 2 && view->stock_left > 0) {
			const double list = static_cast<double>(view->list_price_cents);
			const double value_ok = logistic((wtp_[vi] * list - static_cast<double>(view->price_cents)) / list * 12.0);
			const double urgency = 1.0 + (urgent ? 0.8 : 0.0);
			// Trust decides: a viewer whose question went unanswered, in a room with dead air, rarely buys.
			const double confidence = (0.15 + trust_[vi]) * (0.15 + trust_[vi]);
			const double p_buy = 0.012 * p.buy_propensity * value_ok * urgency * confidence * (bought_[vi] ? 0.3 : 1.0) *
					     (silence_s >= 3 ? 0.5 : 1.0);
			if (rng_.chance(p_buy)) {
				const int qty = rng_.chance(0.2) ? 2 : 1;
				auto placed = engine.place({viewer_id(v), view->sku, qty, {}}, t);
				if (placed.ok()) {
					++bought_[vi];
					trust_[vi] = std::min(1.0, trust_[vi] + 0.05);
					++recent_orders_.back();
					out.insert(out.end(), placed.events.begin(), placed.events.end());
					if (rng_.chance(0.3 * damping))
						comment(v, "reaction", pick_text(reaction("bought"), view->sku, engine, t), t, out);
				}
			}
		}
	}
}

} // namespace lcs::audience
