#include "core/session/controller.hpp"

#include <algorithm>

#include "core/util/mask_name.hpp"

// The controller's clock: each tick applies the queued commands, advances the promotions and the
// room second by second, and takes every event into the state observers see and the live metrics.
namespace lcs::session {
namespace {
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
			if (c.kind == "question") {
				open_questions_.push_back(c);
				questions_changed_ = true;
			}
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
} // namespace lcs::session
