// Incidents: the scenario's scripted events (an objection wave, a stock-out, a troll; traffic
// spikes are read by traffic.cpp).
#include "core/audience/simulator.hpp"

namespace lcs::audience {

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
			join(t, out, "recommend");
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

} // namespace lcs::audience
