#include "core/session/controller.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>

#include "core/util/money.hpp"

// The controller's command handling: what each Command does to the script, the shelf, the
// promotions, the room and the host, and the events it logs.
namespace lcs::session {
namespace {
template<class... Ts> struct Overloaded : Ts... {
	using Ts::operator()...;
};
template<class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;
} // namespace

void Controller::apply(const Command &command)
{
	auto skus = [this]() {
		std::vector<std::string> out;
		if (engine_)
			for (const auto *p : engine_->library().products())
				out.push_back(p->sku);
		return out;
	};
	auto cycle_pin = [&](int step) {
		const auto all = skus();
		if (all.empty())
			return;
		const auto it = std::find(all.begin(), all.end(), pinned_sku_);
		long index = it == all.end() ? (step > 0 ? -1 : 0) : static_cast<long>(it - all.begin());
		const long n = static_cast<long>(all.size());
		index = ((index + step) % n + n) % n;
		pin(all[static_cast<size_t>(index)]);
	};
	std::visit(Overloaded{
			   [&](const UseLibrary &c) {
				   if (simulator_)
					   end_session("script_changed");
				   if (c.audience)
					   audience_data_ = c.audience;
				   if (c.compliance)
					   compliance_.set_checker(c.compliance);
				   pin("");
				   navigator_.emplace(c.library);
				   compliance_.use_library(c.library); // every cue checked, before it is shown
				   engine_.reset();
				   if (c.library)
					   engine_.emplace(c.library, c.seed);
				   started_promotions_.clear();
				   navigation(navigator_->begin());
			   },
			   [&](const NextCue &) {
				   if (navigator_)
					   navigation(navigator_->next_cue());
			   },
			   [&](const PreviousCue &) {
				   if (navigator_)
					   navigation(navigator_->previous_cue());
			   },
			   [&](const NextSegment &) {
				   if (navigator_)
					   navigation(navigator_->next_segment());
			   },
			   [&](const PreviousSegment &) {
				   if (navigator_)
					   navigation(navigator_->previous_segment());
			   },
			   [&](const JumpToSegment &c) {
				   if (navigator_)
					   navigation(navigator_->jump_to_segment(c.segment_id));
			   },
			   [&](const ToggleSegmentTimer &) {
				   if (navigator_)
					   navigator_->set_paused(!navigator_->paused());
			   },
			   [&](const MarkKeywordSaid &c) {
				   if (navigator_)
					   navigator_->mark_keyword_said(c.keyword);
			   },
			   [&](const PinProduct &c) {
				   if (engine_ && engine_->library().product(c.sku))
					   pin(c.sku);
				   else
					   refuse("pin " + c.sku, promo::Refusal::UnknownProduct);
			   },
			   [&](const UnpinProduct &) { pin(""); },
			   [&](const PinNextProduct &) { cycle_pin(1); },
			   [&](const PinPreviousProduct &) { cycle_pin(-1); },
			   [&](const StartPromotion &c) {
				   if (!engine_)
					   return;
				   auto o = engine_->start(c.promo_id, now_ms_);
				   if (!o.ok())
					   return refuse("start " + c.promo_id, o.refusal);
				   started_promotions_.insert(c.promo_id);
				   absorb(std::move(o.events));
			   },
			   [&](const StopPromotion &c) {
				   if (!engine_)
					   return;
				   auto o = engine_->stop(c.promo_id, now_ms_);
				   if (!o.ok())
					   return refuse("stop " + c.promo_id, o.refusal);
				   absorb(std::move(o.events));
			   },
			   [&](const ToggleSegmentPromotion &) {
				   if (!engine_ || !navigator_ || !navigator_->library())
					   return;
				   const auto &segments = navigator_->library()->segments();
				   const auto index = static_cast<size_t>(navigator_->segment_index());
				   if (index >= segments.size())
					   return;
				   std::vector<std::string> ids;
				   for (const auto &cue : segments[index]->cues)
					   if (cue.promotion && std::find(ids.begin(), ids.end(), *cue.promotion) == ids.end())
						   ids.push_back(*cue.promotion);
				   for (const auto &id : ids)
					   if (engine_->is_running(id)) {
						   apply(StopPromotion{id});
						   return;
					   }
				   for (const auto &id : ids)
					   if (!started_promotions_.count(id)) {
						   apply(StartPromotion{id});
						   return;
					   }
			   },
			   [&](const PlaceOrder &c) {
				   if (!engine_)
					   return;
				   const std::string sku = c.sku.empty() ? pinned_sku_ : c.sku;
				   auto o = engine_->place({c.viewer, sku, c.qty, c.coupon_id}, now_ms_);
				   if (!o.ok())
					   return refuse("order " + sku, o.refusal);
				   absorb(std::move(o.events));
			   },
			   [&](const StartSession &c) { start_session(c); },
			   [&](const StopSession &c) {
				   if (simulator_)
					   end_session(c.shutdown ? "shutdown" : "stopped");
			   },
			   [&](const ToggleSession &c) {
				   if (simulator_)
					   end_session("stopped");
				   else
					   start_session(c.start);
			   },
			   [&](const Voice &c) { set_voice(c.talking); },
			   [&](const AnswerComment &c) {
				   auto it = open_questions_.begin();
				   if (!c.comment_id.empty())
					   it = std::find_if(open_questions_.begin(), open_questions_.end(),
							     [&](const FeedComment &q) { return q.comment_id == c.comment_id; });
				   if (it == open_questions_.end()) {
					   last_refusal_ = "answer " + c.comment_id + ": no such open question";
					   return;
				   }
				   Event e{now_ms_, "comment_answered", {}};
				   e.fields["comment_id"] = it->comment_id;
				   if (simulator_)
					   simulator_->on_answered(it->comment_id, now_ms_);
				   open_questions_.erase(it);
				   questions_changed_ = true;
				   absorb({std::move(e)});
			   },
			   [&](const CallInteraction &) { host_.last_interaction_call_ms = now_ms_; },
			   [&](const BuyTraffic &c) { buy_traffic(c); },
			   [&](const SpeechText &c) { speech(c); },
			   [&](const RecordingStarted &c) {
				   if (!simulator_)
					   return;
				   Event e{now_ms_, "recording_start", {}};
				   if (!c.path.empty())
					   e.fields["path"] = c.path;
				   absorb({std::move(e)});
			   },
			   [&](const RecordingStopped &c) {
				   if (!simulator_)
					   return;
				   Event e{now_ms_, "recording_stop", {}};
				   if (!c.path.empty())
					   e.fields["path"] = c.path;
				   absorb({std::move(e)});
			   },
			   [&](const InjectComment &c) {
				   char id[32];
				   std::snprintf(id, sizeof id, "k-%06lld", static_cast<long long>(next_injected_++));
				   Event e{now_ms_, "comment", {}};
				   e.fields["comment_id"] = c.comment_id.empty() ? std::string(id) : c.comment_id;
				   e.fields["viewer"] = c.viewer;
				   e.fields["text"] = c.text;
				   e.fields["kind"] = c.kind;
				   absorb({std::move(e)});
			   },
			   [&](const ClaimCoupon &c) {
				   if (!engine_)
					   return;
				   auto o = engine_->claim_coupon(c.viewer, c.coupon_id, now_ms_);
				   if (!o.ok())
					   return refuse("claim " + c.coupon_id, o.refusal);
				   absorb(std::move(o.events));
			   },
		   },
		   command);
}

void Controller::navigation(script::NavigationEvents nav)
{
	Events out;
	for (const auto &n : nav) {
		Event e;
		e.t = now_ms_;
		if (n.kind == script::NavigationEvent::Kind::SegmentStart) {
			e.type = "segment_start";
			e.fields["segment_id"] = n.segment_id;
			e.fields["planned_ms"] = n.planned_ms;
		} else {
			e.type = "cue_shown";
			e.fields["cue_id"] = n.cue_id;
			e.fields["segment_id"] = n.segment_id;
		}
		out.push_back(std::move(e));
		if (simulator_ && n.kind == script::NavigationEvent::Kind::CueShown) {
			auto flags = compliance_.cue_shown(now_ms_, n.cue_id);
			std::move(flags.begin(), flags.end(), std::back_inserter(out));
		}
	}
	absorb(std::move(out));
}

void Controller::pin(const std::string &sku)
{
	if (sku == pinned_sku_)
		return;
	host_.pinned_sku = sku;
	host_.pinned_since_ms = now_ms_;
	host_.talk_while_pinned_ms = 0;
	Events out;
	if (!pinned_sku_.empty()) {
		Event e{now_ms_, "product_unpin", {}};
		e.fields["sku"] = pinned_sku_;
		out.push_back(std::move(e));
	}
	pinned_sku_ = sku;
	if (!sku.empty()) {
		Event e{now_ms_, "product_pin", {}};
		e.fields["sku"] = sku;
		out.push_back(std::move(e));
	}
	absorb(std::move(out));
}

void Controller::refuse(const std::string &what, promo::Refusal refusal)
{
	last_refusal_ = what + ": " + promo::refusal_name(refusal);
}

void Controller::buy_traffic(const BuyTraffic &c)
{
	const int64_t left = ads_.budget_cents - ad_spent_cents_;
	const int64_t bid = c.bid_cpm_cents > 0 ? c.bid_cpm_cents : ads_.min_bid_cpm_cents;
	if (!simulator_)
		last_refusal_ = "buy traffic: no session is running";
	else if (ads_.budget_cents <= 0)
		last_refusal_ = "buy traffic: this scenario has no ad budget";
	else if (c.amount_cents <= 0)
		last_refusal_ = "buy traffic: the amount must be more than 0";
	else if (c.amount_cents > left)
		last_refusal_ = "buy traffic: " + util::format_yuan(c.amount_cents) + " is more than the budget left (" +
				util::format_yuan(left) + ")";
	else if (bid <= 0 || bid < ads_.min_bid_cpm_cents || bid > ads_.max_bid_cpm_cents)
		last_refusal_ = "buy traffic: the bid must be " + util::format_yuan(ads_.min_bid_cpm_cents) + "–" +
				util::format_yuan(ads_.max_bid_cpm_cents) + " per thousand impressions";
	else {
		const int64_t impressions = c.amount_cents * 1000 / bid;
		ad_spent_cents_ += c.amount_cents;
		paid_impressions_ += impressions;
		Event e{now_ms_, "ad_spend", {}};
		e.fields["amount_cents"] = c.amount_cents;
		e.fields["impressions"] = impressions;
		if (!c.campaign.empty())
			e.fields["campaign"] = c.campaign;
		simulator_->add_paid_impressions(impressions, bid, now_ms_);
		absorb({std::move(e)});
	}
}

void Controller::set_voice(bool talking)
{
	if (host_.talking && *host_.talking == talking)
		return;
	host_.talking = talking;
	if (!talking)
		host_.silence_since_ms = now_ms_;
	Event e{now_ms_, "voice", {}};
	e.fields["state"] = talking ? "talk" : "silence";
	absorb({std::move(e)});
}

void Controller::speech(const SpeechText &c)
{
	last_speech_ = c.text;
	last_speech_final_ = c.final;
	if (!c.final || c.text.empty())
		return; // partial text: the transcript view only
	if (navigator_)
		for (const auto &keyword : keywords_said(c.text, navigator_->view().keywords_pending))
			navigator_->mark_keyword_said(keyword);
	const pack::Product *pinned = engine_ && !pinned_sku_.empty() ? engine_->library().product(pinned_sku_) : nullptr;
	const bool backed = engine_ && urgency_backed(*engine_, pinned_sku_);
	auto flags = compliance_.speech(now_ms_, c.text, pinned, backed);
	if (!simulator_)
		return; // checked for the transcript view; nothing is logged outside a session
	Event e{now_ms_, "speech", {}};
	e.fields["text"] = c.text;
	e.fields["final"] = true;
	Events out{std::move(e)};
	std::move(flags.begin(), flags.end(), std::back_inserter(out));
	absorb(std::move(out));
}
} // namespace lcs::session
