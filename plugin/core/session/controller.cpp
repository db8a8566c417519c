#include "core/session/controller.hpp"

#include <algorithm>
#include <iterator>

#include <cstdio>

#include "core/session/header.hpp"
#include "core/util/mask_name.hpp"
#include "core/util/money.hpp"

namespace lcs::session {
namespace {
template<class... Ts> struct Overloaded : Ts... {
	using Ts::operator()...;
};
template<class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

/// The event as its session-log line reads it (what the metrics consume).
nlohmann::json as_log_line(const Event &e)
{
	nlohmann::json line = nlohmann::json::object();
	if (e.fields.is_object())
		for (const auto &[key, value] : e.fields.items())
			line[key] = value;
	line["t"] = e.t;
	line["type"] = e.type;
	return line;
}
} // namespace

Controller::Controller()
{
	snapshot_ = std::make_shared<const Snapshot>();
}

void Controller::submit(Command command)
{
	queue_.push(std::move(command));
}

void Controller::set_viewer_name(const std::string &viewer, const std::string &name)
{
	viewer_names_[viewer] = name;
}

void Controller::set_audience_data(std::shared_ptr<const audience::AudienceData> data)
{
	audience_data_ = std::move(data);
}

void Controller::set_compliance(std::shared_ptr<const compliance::Checker> checker)
{
	std::lock_guard lock(pending_checker_mutex_);
	pending_checker_ = std::move(checker);
}

bool Controller::take_pending_checker()
{
	std::optional<std::shared_ptr<const compliance::Checker>> checker;
	{
		std::lock_guard lock(pending_checker_mutex_);
		checker.swap(pending_checker_);
	}
	if (!checker)
		return false;
	compliance_.set_checker(std::move(*checker)); // checks the script in use again
	return true;
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

std::string Controller::display_name(const std::string &viewer) const
{
	if (const auto it = viewer_names_.find(viewer); it != viewer_names_.end())
		return it->second;
	if (simulator_ && viewer.size() > 1 && viewer[0] == 'v') {
		const std::string &name = simulator_->viewer_name(std::atoi(viewer.c_str() + 1));
		if (!name.empty())
			return name;
	}
	return viewer;
}

void Controller::absorb(Events events)
{
	for (auto &e : events) {
		if (e.type == "order") {
			OrderLine line;
			line.t = e.t;
			line.order_id = e.fields["order_id"].get<std::string>();
			line.buyer = util::mask_name(display_name(e.fields["viewer"].get<std::string>()));
			line.sku = e.fields["sku"].get<std::string>();
			if (engine_)
				if (const auto *p = engine_->library().product(line.sku))
					line.product_name = p->name;
			line.qty = e.fields["qty"].get<int>();
			line.amount_cents = e.fields["amount_cents"].get<int64_t>();
			++orders_;
			units_ += line.qty;
			gmv_cents_ += line.amount_cents;
			recent_orders_.push_back(std::move(line));
			while (recent_orders_.size() > Snapshot::kRecentOrders)
				recent_orders_.pop_front();
		} else if (e.type == "comment") {
			FeedComment c;
			c.t = e.t;
			c.comment_id = e.fields["comment_id"].get<std::string>();
			c.viewer = e.fields["viewer"].get<std::string>();
			c.name = display_name(c.viewer);
			c.text = e.fields["text"].get<std::string>();
			c.kind = e.fields["kind"].get<std::string>();
			if (c.kind == "question")
				open_questions_.push_back(c);
			comments_.push_back(std::move(c));
			while (comments_.size() > Snapshot::kRecentComments)
				comments_.pop_front();
		} else if (e.type == "comment_answered") {
			const auto id = e.fields["comment_id"].get<std::string>();
			for (auto &c : comments_)
				if (c.comment_id == id)
					c.answered = true;
			last_answered_id_ = id;
		}
		if (simulator_)
			live_metrics_.add(as_log_line(e));
		events_.push_back(std::move(e));
	}
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

void Controller::start_session(const StartSession &c)
{
	if (simulator_)
		end_session("restarted");
	const auto library = navigator_ ? navigator_->library() : nullptr;
	const audience::Scenario *scenario = library ? library->scenario(c.scenario_id) : nullptr;
	if (!library || !scenario || !audience_data_) {
		last_refusal_ = !library ? "start session: no script pack in use"
			       : !scenario ? "start session: no scenario '" + c.scenario_id + "' in the packs"
					    : "start session: audience data missing";
		return;
	}
	SessionInfo info;
	info.trainee = c.trainee;
	info.started_at = c.started_at;
	info.seed = c.seed.value_or(scenario->seed);
	info.duration_seconds = c.duration_seconds > 0 ? c.duration_seconds : scenario->duration_seconds;
	info.checks_words = compliance_.checking();
	std::unique_ptr<LogWriter> log;
	if (!c.log_path.empty()) {
		try {
			log = std::make_unique<LogWriter>(c.log_path);
		} catch (const std::exception &e) {
			last_refusal_ = std::string("start session: ") + e.what();
			return;
		}
		log->write_line(make_header(*library, *scenario, info).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
	}
	// A fresh room: clock, show, stock, promotions, audience, host state.
	events_.clear();
	now_ms_ = 0;
	last_published_second_ = -1;
	pinned_sku_.clear();
	// The voice meter reports changes only: a host already talking (or silent) when Start is
	// pressed stays so, and the new session's log says it at t = 0 (a silence counts from 0).
	const auto voice = host_.talking;
	host_ = audience::HostState{};
	recent_orders_.clear();
	comments_.clear();
	open_questions_.clear();
	orders_ = units_ = gmv_cents_ = 0;
	started_promotions_.clear();
	navigator_.emplace(library);
	compliance_.start_session();
	last_speech_.clear();
	last_speech_final_ = true;
	engine_.emplace(library, info.seed);
	simulator_.emplace(library, audience_data_, *scenario, info.seed ^ 0x5EED5EEDull);
	log_ = std::move(log);
	session_log_ = log_.get();
	log_error_.clear();
	session_id_ = make_session_id(*scenario, info);
	last_log_path_ = log_ ? log_->path() : std::string();
	trainee_ = info.trainee;
	seed_ = info.seed;
	ads_ = scenario->ads;
	ad_spent_cents_ = 0;
	paid_impressions_ = 0;
	live_metrics_ = metrics::MetricsAccumulator{};
	metrics_.reset();
	scenario_id_ = scenario->id;
	duration_seconds_ = info.duration_seconds;
	session_ended_ = false;
	navigation(navigator_->begin());
	if (voice)
		set_voice(*voice);
	absorb(simulator_->advance(now_ms_, host_, *engine_)); // the room's first viewers, at t = 0
}

void Controller::shutdown()
{
	if (simulator_) {
		events_.clear();
		end_session("shutdown");
	}
}

bool Controller::note_log_health(const LogWriter &log)
{
	if (!log_error_.empty())
		return false; // the first failure stays for the session
	std::string error;
	if (log.healthy(&error))
		return false;
	log_error_ = std::move(error);
	return true;
}

void Controller::wait_for_logs()
{
	for (auto &w : closing_) {
		w->wait_finished();
		if (w.get() == session_log_) {
			note_log_health(*w);
			session_log_ = nullptr;
		}
	}
	closing_.clear();
	publish();
}

void Controller::end_session(const std::string &reason)
{
	Event e{now_ms_, "session_end", {}};
	e.fields["reason"] = reason;
	absorb({std::move(e)});
	if (log_) {
		// The writer thread finishes the file; this (maybe OBS's video) thread never waits on disk.
		log_->write(events_); // events_ stays: observers (websocket events) still see session_end
		log_->finish();
		closing_.push_back(std::move(log_));
	}
	metrics_ = live_metrics_.finish();
	final_viewers_ = simulator_->present();
	final_follows_ = simulator_->follows();
	final_likes_ = simulator_->likes();
	simulator_.reset();
	session_ended_ = true;
}

void Controller::tick(int64_t dt_ms)
{
	events_.clear();
	// A log the writer thread finished is news for observers (the report can read it now).
	// A failed write of this session's log is news at once (the desk and the OBS log say it); a
	// closed log is checked one last time (its close may have failed) before it goes.
	bool log_news = session_log_ && note_log_health(*session_log_);
	const bool log_closed = std::erase_if(closing_, [&](const std::unique_ptr<LogWriter> &w) {
		if (!w->finished())
			return false;
		if (w.get() == session_log_) {
			log_news = note_log_health(*w) || log_news;
			session_log_ = nullptr;
		}
		return true;
	}) > 0;
	const bool new_checker = take_pending_checker();
	const auto commands = queue_.drain();
	for (const auto &c : commands)
		apply(c);
	const int64_t from_ms = now_ms_;
	if (dt_ms > 0)
		now_ms_ += dt_ms;
	if (navigator_)
		navigator_->tick(dt_ms);
	if (host_.talking.value_or(false) && !pinned_sku_.empty() && dt_ms > 0)
		host_.talk_while_pinned_ms += dt_ms;
	advance_room(from_ms);
	if (simulator_ && duration_seconds_ > 0 && now_ms_ >= static_cast<int64_t>(duration_seconds_) * 1000)
		end_session("duration");
	if (log_)
		log_->write(events_);

	const int64_t second = now_ms_ / 1000;
	if (!commands.empty() || !events_.empty() || second != last_published_second_ || log_closed || log_news || new_checker) {
		if (simulator_ && second != last_published_second_)
			metrics_ = live_metrics_.finish(); // once a second: cost grows with viewers present
		last_published_second_ = second;
		publish();
	}
}

void Controller::advance_room(int64_t from_ms)
{
	if (!engine_)
		return;
	// The audience lives in whole seconds, the promotions engine at the tick's time. They advance
	// together, second by second: at each whole second the engine first (expiries, time tiers),
	// then the room at that second (its orders see the engine as it is then); the engine reaches
	// the tick's own time last. So every event is logged in time order whatever the tick length
	// (OBS ticks every ~17 ms, the CLI every 100 ms).
	if (simulator_)
		for (int64_t second = (from_ms / 1000 + 1) * 1000; second <= now_ms_; second += 1000) {
			absorb(engine_->tick(second));
			absorb(simulator_->advance(second, host_, *engine_));
		}
	absorb(engine_->tick(now_ms_));
}

std::shared_ptr<const Snapshot> Controller::snapshot() const
{
	std::lock_guard lock(snapshot_mutex_);
	return snapshot_;
}

} // namespace lcs::session
