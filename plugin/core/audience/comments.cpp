// Comments, likes and follows: how a present viewer takes part in the room. Most viewers lurk; a
// viewer comments at their persona's rate (thinned out in a big room), asks questions that stay
// open until the host answers, objects to the pinned product, enters a lucky bag with its keyword,
// answers a call for interaction, likes while the host talks and follows as trust grows.
#include "core/audience/simulator.hpp"

#include <algorithm>
#include <cstdio>

#include "core/util/money.hpp"

namespace lcs::audience {
namespace {
// After the host calls for interaction, each present viewer answers ("1", "扣1") with this
// chance per second for 8 s: about one viewer in sixteen.
constexpr double kInteractionAnswerPerSecond = 0.008;

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

const std::vector<std::string> &Simulator::reactions(const char *key) const
{
	static const std::vector<std::string> none;
	const auto it = data_->corpus.reaction.find(key);
	return it == data_->corpus.reaction.end() ? none : it->second;
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
	++window_.comments;
	if (kind == "question") {
		open_question_[static_cast<size_t>(viewer)] = 1;
		question_t_[static_cast<size_t>(viewer)] = t;
		open_questions_.push_back({id, viewer, t});
	}
}

void Simulator::take_part(int v, int64_t t, const HostState &host, const RoomMoment &m, promo::Engine &engine,
			  session::Events &out)
{
	const auto vi = static_cast<size_t>(v);
	const Persona &p = *mix_personas_[persona_[vi]];
	if (m.talking && m.pinned)
		trust_[vi] = std::min(1.0, trust_[vi] + 0.002);

	// Comments.
	if (m.interaction_fresh && !p.troll && rng_.chance(kInteractionAnswerPerSecond * m.damping)) {
		comment(v, "interaction", pick_text(data_->corpus.interaction, host.pinned_sku, engine, t), t, out);
	} else if (rng_.chance(p.comment_per_min / 60.0 * m.damping)) {
		const double r = rng_.unit();
		const double question_share = p.question_per_min / std::max(0.01, p.comment_per_min);
		if (p.troll) {
			comment(v, "troll", pick_text(data_->corpus.troll, host.pinned_sku, engine, t), t, out);
		} else if (m.silence_s >= 5 && r < 0.5) {
			comment(v, "reaction", pick_text(reactions("bored"), host.pinned_sku, engine, t), t, out);
		} else if (open_question_[vi] < 0 && r < question_share) {
			// A third of the questions are the pack's own FAQ for the pinned product.
			const pack::Product *product = m.pinned ? library_->product(host.pinned_sku) : nullptr;
			if (product && !product->faq.empty() && rng_.chance(0.33)) {
				comment(v, "question", product->faq[rng_.below(product->faq.size())].question, t, out);
			} else {
				const auto &topic = pick_topic(p.question_topics);
				const auto it = data_->corpus.question.find(topic);
				if (it != data_->corpus.question.end())
					comment(v, "question", pick_text(it->second, host.pinned_sku, engine, t), t, out);
			}
		} else if (m.pinned && r < question_share + 0.2) {
			const auto &topic = pick_topic(p.objection_topics);
			const auto it = data_->corpus.objection.find(topic);
			if (it != data_->corpus.objection.end())
				comment(v, "objection", pick_text(it->second, host.pinned_sku, engine, t), t, out);
		} else if (!m.bags.empty() && !entered_bag_[vi] && r < 0.8) {
			// Entering the lucky bag: a comment with its keyword.
			const std::string text = pick_text(keyword_claims_, host.pinned_sku, engine, t, m.bags.front().keyword);
			comment(v, "claim", text, t, out);
			engine.on_comment(viewer_id(v), text, followed_[vi] != 0, t);
			entered_bag_[vi] = 1;
		} else {
			comment(v, "reaction", pick_text(reactions(rng_.chance(0.2) ? "greeting" : "positive"), host.pinned_sku, engine, t),
				t, out);
		}
	}
	if (rng_.chance(0.02 * (m.talking ? 1.5 : 0.5)))
		++likes_;

	// Follow.
	if (!followed_[vi] && rng_.chance(p.follow_per_min / 60.0 * (1.0 + trust_[vi] + (m.interaction_recent ? 1.0 : 0.0)))) {
		followed_[vi] = 1;
		++follows_;
		session::Event e{t, "follow", {}};
		e.fields["viewer"] = viewer_id(v);
		out.push_back(std::move(e));
	}
}

} // namespace lcs::audience
