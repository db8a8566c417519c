#include "core/session/autopilot.hpp"

#include <algorithm>

namespace lcs::session {

bool parse_policy(const std::string &name, Policy &out)
{
	if (name == "strong")
		out = Policy::Strong;
	else if (name == "weak")
		out = Policy::Weak;
	else if (name == "idle")
		out = Policy::Idle;
	else
		return false;
	return true;
}

Autopilot::Autopilot(Policy policy, uint64_t seed)
	: policy_(policy), rng_(seed ^ 0xA0701107ull),
	  traffic_(policy == Policy::Weak ? TrafficBuyer::Style::AllAtOnce : TrafficBuyer::Style::Paced),
	  speech_rng_(seed ^ 0x5BEEC4ull)
{
}

void Autopilot::say_cue(const Snapshot &s, double pace, std::vector<Command> &out)
{
	const auto &cue = s.cue;
	if (cue.has_script && cue.cue_id != reading_cue_) {
		reading_cue_ = cue.cue_id;
		const std::string language = s.library ? s.library->language() : std::string("zh-CN");
		speech_.read(cue.cue_id.empty() ? std::string_view() : std::string_view(cue.cue_text), speaking_pace(language) * pace,
			     s.now_ms);
	}
	for (auto &sentence : speech_.step(s.now_ms, talking_))
		if (transcript_)
			out.push_back(SpeechText{std::move(sentence), true});
}

void Autopilot::ad_lib(const Snapshot &s, std::vector<Command> &out)
{
	if (ad_libs_.empty())
		return;
	if (next_ad_lib_ms_ < 0)
		next_ad_lib_ms_ = s.now_ms + speech_rng_.between(40'000, 100'000);
	if (!talking_ || s.now_ms < next_ad_lib_ms_)
		return;
	const auto line = speech_rng_.below(ad_libs_.size());
	if (transcript_)
		out.push_back(SpeechText{ad_libs_[line], true});
	next_ad_lib_ms_ = s.now_ms + speech_rng_.between(60'000, 150'000);
}

std::vector<Command> Autopilot::act(const Snapshot &s)
{
	std::vector<Command> out;
	if (!s.session_running)
		return out;
	if (policy_ == Policy::Strong)
		strong(s, out);
	else if (policy_ == Policy::Weak)
		weak(s, out);
	else if (!started_voice_) {
		out.push_back(Voice{false});
		started_voice_ = true;
	}
	return out;
}

void Autopilot::strong(const Snapshot &s, std::vector<Command> &out)
{
	const int64_t now = s.now_ms;
	// Voice: talking, with a short breath now and then (never 3 s of dead air).
	if (!started_voice_ || now >= next_voice_change_ms_) {
		talking_ = !started_voice_ || !talking_;
		started_voice_ = true;
		out.push_back(Voice{talking_});
		next_voice_change_ms_ = now + (talking_ ? rng_.between(15'000, 30'000) : rng_.between(600, 1800));
	}
	// What it says first: the rest of the cue on screen (before moving on from it).
	say_cue(s, 1.0, out);
	// Script at its planned pace; the cue's product pinned, the cue's promotion launched.
	const auto &cue = s.cue;
	if (cue.has_script && !cue.cue_id.empty()) {
		if (cue.cue_id != last_cue_) {
			last_cue_ = cue.cue_id;
			cue_shown_ms_ = now;
			const int64_t per_cue = cue.segment_planned_ms / std::max(1, cue.cue_count);
			cue_dwell_ms_ = per_cue * rng_.between(85, 110) / 100;
			if (!cue.pin_sku.empty() && cue.pin_sku != s.pinned_sku)
				out.push_back(PinProduct{cue.pin_sku});
			if (!cue.promo_id.empty() && !launched_.count(cue.promo_id)) {
				launched_.insert(cue.promo_id);
				out.push_back(StartPromotion{cue.promo_id});
			}
		} else if (now - cue_shown_ms_ >= cue_dwell_ms_) {
			out.push_back(NextCue{});
		}
		if (s.pinned_sku.empty() && s.library && !s.library->products().empty())
			out.push_back(PinProduct{s.library->products().front()->sku});
	} else if (cue.has_script && s.library) {
		// The script is done: keep selling, product by product.
		if (now - cue_shown_ms_ >= 60'000) {
			cue_shown_ms_ = now;
			out.push_back(PinNextProduct{});
		}
	}
	// Questions as a person handles them: one at a time, buying ones first, some left waiting.
	product_names_.clear();
	for (const auto &p : s.shelf)
		product_names_.push_back(p.name);
	if (auto id = triage_.step(now, s.open_questions.items(), product_names_, rng_))
		out.push_back(AnswerComment{std::move(*id)});
	if (auto buy = traffic_.step(s, rng_))
		out.push_back(std::move(*buy));
	if (now - last_interaction_ms_ >= 120'000) {
		last_interaction_ms_ = now;
		out.push_back(CallInteraction{});
	}
}

void Autopilot::weak(const Snapshot &s, std::vector<Command> &out)
{
	const int64_t now = s.now_ms;
	// Voice: talks in bursts, then long silences.
	if (!started_voice_ || now >= next_voice_change_ms_) {
		talking_ = !started_voice_ || !talking_;
		started_voice_ = true;
		out.push_back(Voice{talking_});
		next_voice_change_ms_ = now + (talking_ ? rng_.between(15'000, 30'000) : rng_.between(8'000, 20'000));
	}
	say_cue(s, 0.75, out);
	ad_lib(s, out);
	// Script at half pace; pins what the script says but never launches promotions.
	const auto &cue = s.cue;
	if (cue.has_script && !cue.cue_id.empty()) {
		if (cue.cue_id != last_cue_) {
			last_cue_ = cue.cue_id;
			cue_shown_ms_ = now;
			const int64_t per_cue = cue.segment_planned_ms / std::max(1, cue.cue_count);
			cue_dwell_ms_ = per_cue * rng_.between(150, 250) / 100;
			if (!cue.pin_sku.empty() && cue.pin_sku != s.pinned_sku && rng_.chance(0.5))
				out.push_back(PinProduct{cue.pin_sku});
		} else if (now - cue_shown_ms_ >= cue_dwell_ms_) {
			out.push_back(NextCue{});
		}
	}
	if (auto buy = traffic_.step(s, rng_))
		out.push_back(std::move(*buy));
}

} // namespace lcs::session
