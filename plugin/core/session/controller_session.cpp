#include "core/session/controller.hpp"

#include "core/session/header.hpp"

// A practice session's start and end: a fresh room and its log, then session_end, the final
// metrics and the log handed to its writer thread to finish.
namespace lcs::session {

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
	questions_changed_ = true;
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
} // namespace lcs::session
