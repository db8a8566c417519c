#include "core/session/controller.hpp"

#include <algorithm>

// The controller's published state: what observers (overlays, the dock, obs-websocket) read.
namespace lcs::session {

void Controller::publish()
{
	auto next = std::make_shared<Snapshot>();
	next->version = ++version_;
	next->now_ms = now_ms_;
	if (navigator_) {
		next->library = navigator_->library();
		next->cue = navigator_->view();
	}
	next->pinned_sku = pinned_sku_;
	if (engine_) {
		if (!pinned_sku_.empty())
			next->pinned = engine_->price_view(pinned_sku_, now_ms_);
		next->running_promotions = engine_->running();
		next->lucky_bags = engine_->lucky_bags(now_ms_);
		for (const auto *product : engine_->library().products())
			if (auto view = engine_->price_view(product->sku, now_ms_))
				next->shelf.push_back(std::move(*view));
		for (const auto *p : engine_->library().promotions())
			if (std::holds_alternative<promo::Coupon>(p->rule))
				next->coupons_claimed[p->id] = engine_->coupons_claimed(p->id);
	}
	if (navigator_)
		next->segment_elapsed_ms = navigator_->segment_elapsed_ms();
	next->recent_orders.assign(recent_orders_.begin(), recent_orders_.end());
	next->orders = orders_;
	next->units = units_;
	next->gmv_cents = gmv_cents_;
	next->last_refusal = last_refusal_;
	next->last_speech = last_speech_;
	next->last_speech_final = last_speech_final_;
	next->script_findings = compliance_.script_findings();
	if (navigator_)
		next->cue_findings = compliance_.cue_findings(next->cue.cue_id);
	next->speech_findings.assign(compliance_.speech_findings().begin(), compliance_.speech_findings().end());
	next->session_running = simulator_.has_value();
	next->session_ended = session_ended_;
	next->session_id = session_id_;
	next->scenario_id = scenario_id_;
	next->duration_seconds = duration_seconds_;
	next->viewers = simulator_ ? simulator_->present() : final_viewers_;
	next->follows = simulator_ ? simulator_->follows() : final_follows_;
	next->likes = simulator_ ? simulator_->likes() : final_likes_;
	next->ad_budget_cents = ads_.budget_cents;
	next->ad_spent_cents = ad_spent_cents_;
	next->min_bid_cpm_cents = ads_.min_bid_cpm_cents;
	next->max_bid_cpm_cents = ads_.max_bid_cpm_cents;
	next->paid_impressions = paid_impressions_;
	next->talking = host_.talking;
	next->silence_ms = host_.talking && !*host_.talking ? now_ms_ - host_.silence_since_ms : 0;
	next->comments.assign(comments_.begin(), comments_.end());
	if (questions_changed_) {
		published_questions_ = open_questions_;
		questions_changed_ = false;
	}
	next->open_questions = published_questions_;
	next->last_answered_id = last_answered_id_;
	next->log_path = log_ ? log_->path() : std::string();
	next->last_log_path = last_log_path_;
	next->log_finished = session_ended_ && !last_log_path_.empty() &&
			     std::none_of(closing_.begin(), closing_.end(),
					  [&](const std::unique_ptr<LogWriter> &w) { return w->path() == last_log_path_; });
	next->log_error = log_error_;
	next->trainee = trainee_;
	next->seed = seed_;
	next->metrics = metrics_;
	std::lock_guard lock(snapshot_mutex_);
	snapshot_ = std::move(next);
}

} // namespace lcs::session
