#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/audience/audience_data.hpp"
#include "core/audience/simulator.hpp"
#include "core/compliance/checker.hpp"
#include "core/event/event.hpp"
#include "core/metrics/metrics.hpp"
#include "core/promo/engine.hpp"
#include "core/script/cue_navigator.hpp"
#include "core/session/command.hpp"
#include "core/session/live_compliance.hpp"
#include "core/session/log_writer.hpp"
#include "core/session/snapshot.hpp"
#include "core/util/command_queue.hpp"

namespace lcs::session {

// The one place session state changes. submit() may be called from any thread; tick() from one
// thread only (inside OBS: the video thread, through a libobs tick callback; in the CLI: the
// fast-forward loop). Observers call snapshot() from any thread.
class Controller {
public:
	Controller();

	void submit(Command command);
	/// Applies queued commands in order, then advances the session clock by dt_ms.
	void tick(int64_t dt_ms);
	[[nodiscard]] std::shared_ptr<const Snapshot> snapshot() const;

	/// The session-log events of the last tick, in order.
	[[nodiscard]] const Events &events() const { return events_; }
	[[nodiscard]] int64_t now_ms() const { return now_ms_; }

	/// Display names for viewer ids not from the simulated audience (tests, coaches).
	void set_viewer_name(const std::string &viewer, const std::string &name);
	/// The audience data (personas, corpora, names) of the library's language; sessions need it.
	void set_audience_data(std::shared_ptr<const audience::AudienceData> data);
	/// The compliance checker (data/compliance); without one, sessions check promotion prices only.
	/// May be called from any thread (a loader thread): it takes effect at the next tick, which
	/// checks the script in use with it and publishes the findings.
	void set_compliance(std::shared_ptr<const compliance::Checker> checker);
	[[nodiscard]] bool session_running() const { return simulator_.has_value(); }
	/// Ends a running session now (reason "shutdown"): its log gets session_end and is closed.
	void shutdown();
	/// Blocks until every ended session's log is written and closed, then publishes (the CLI and
	/// tests; never on an OBS thread).
	void wait_for_logs();

private:
	void apply(const Command &command);
	void navigation(script::NavigationEvents events);
	void pin(const std::string &sku);
	void refuse(const std::string &what, promo::Refusal refusal);
	void absorb(Events events);
	void publish();
	void start_session(const StartSession &c);
	void end_session(const std::string &reason);
	void set_voice(bool talking);
	void advance_room(int64_t from_ms);
	void buy_traffic(const BuyTraffic &c);
	void speech(const SpeechText &c);
	bool take_pending_checker();
	bool note_log_health(const LogWriter &log);
	[[nodiscard]] std::string display_name(const std::string &viewer) const;

	util::CommandQueue<Command> queue_;
	std::optional<script::CueNavigator> navigator_;
	std::optional<promo::Engine> engine_;
	std::set<std::string> started_promotions_;
	std::string pinned_sku_;
	std::deque<OrderLine> recent_orders_;
	std::map<std::string, std::string> viewer_names_;
	int64_t orders_ = 0;
	int64_t units_ = 0;
	int64_t gmv_cents_ = 0;
	std::string last_refusal_;
	std::shared_ptr<const audience::AudienceData> audience_data_;
	LiveCompliance compliance_;
	std::mutex pending_checker_mutex_;
	std::optional<std::shared_ptr<const compliance::Checker>> pending_checker_; // set_compliance, until the next tick
	std::string last_speech_;
	bool last_speech_final_ = true;
	std::optional<audience::Simulator> simulator_;
	std::unique_ptr<LogWriter> log_;
	std::vector<std::unique_ptr<LogWriter>> closing_; // ended sessions' logs still being written
	const LogWriter *session_log_ = nullptr; // the running or last session's log until it is closed
	std::string log_error_;                  // its first failure ("" while fine)
	audience::HostState host_;
	std::string session_id_;
	std::string scenario_id_;
	int duration_seconds_ = 0;
	bool session_ended_ = false;
	std::deque<FeedComment> comments_;
	std::vector<FeedComment> open_questions_; // oldest first
	// What snapshots share of open_questions_: built again at the next publish once it changed.
	util::SharedList<FeedComment> published_questions_;
	bool questions_changed_ = true;
	int64_t next_injected_ = 1;
	int64_t final_viewers_ = 0;
	int64_t final_follows_ = 0;
	int64_t final_likes_ = 0;
	std::string last_answered_id_;
	std::string last_log_path_;
	std::string trainee_;
	uint64_t seed_ = 0;
	audience::AdBudget ads_;
	int64_t ad_spent_cents_ = 0;
	int64_t paid_impressions_ = 0;
	metrics::MetricsAccumulator live_metrics_;
	std::optional<metrics::Metrics> metrics_;
	Events events_;
	int64_t now_ms_ = 0;
	uint64_t version_ = 0;
	int64_t last_published_second_ = -1;

	mutable std::mutex snapshot_mutex_;
	std::shared_ptr<const Snapshot> snapshot_;
};

} // namespace lcs::session
