#include "studio/studio.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <future>
#include <thread>

#include <obs-module.h>

#include "core/log/log.hpp"
#include "core/pack/library.hpp"
#include "core/pack/pack_loader.hpp"
#include "core/platform/clock.hpp"
#include "websocket/api.hpp"

namespace lcs::obs {
namespace {
// Published with release after construction, read with acquire: whoever sees the pointer sees a
// constructed studio. Leases and destroy() use sequentially consistent order so that either a new
// lease sees null or destroy() sees the lease and waits for it.
std::atomic<Studio *> g_studio{nullptr};
std::atomic<int> g_leases{0};
} // namespace

void Studio::create()
{
	if (!g_studio.load(std::memory_order_acquire))
		g_studio.store(new Studio(), std::memory_order_seq_cst);
}

void Studio::destroy()
{
	Studio *studio = g_studio.exchange(nullptr, std::memory_order_seq_cst);
	// A lease taken before the exchange may still use the studio: wait for it (a request's work).
	while (g_leases.load(std::memory_order_seq_cst) > 0)
		std::this_thread::sleep_for(std::chrono::milliseconds(1));
	delete studio;
}

Studio *Studio::get()
{
	return g_studio.load(std::memory_order_acquire);
}

Studio::Lease Studio::lease()
{
	g_leases.fetch_add(1, std::memory_order_seq_cst);
	Studio *studio = g_studio.load(std::memory_order_seq_cst);
	if (!studio)
		g_leases.fetch_sub(1, std::memory_order_seq_cst);
	return Lease(studio);
}

Studio::Lease::~Lease()
{
	if (studio_)
		g_leases.fetch_sub(1, std::memory_order_seq_cst);
}

Studio::Studio()
	: transcript_(std::make_unique<TranscriptSource>([this](session::Command c) { controller_.submit(std::move(c)); })),
	  worker_(std::make_unique<StudioWorker>())
{
	scan_bundled_packs();
	worker_->post([this] { load_compliance(); }); // never on the UI thread that loads modules
	obs_add_tick_callback(&Studio::on_tick, this);
}

Studio::~Studio()
{
	transcript_.reset(); // no more text from a source
	worker_.reset(); // the load running finishes, queued ones are dropped
	obs_remove_tick_callback(&Studio::on_tick, this);
	controller_.shutdown(); // a running session's log gets its session_end
}

void Studio::on_tick(void *param, float seconds)
{
	static_cast<Studio *>(param)->tick(seconds);
}

void Studio::tick(float seconds)
{
	// Whole milliseconds to the core; the fraction is carried so no time is lost or invented.
	pending_ms_ += static_cast<double>(seconds) * 1000.0;
	const auto whole = static_cast<int64_t>(std::floor(pending_ms_));
	pending_ms_ -= static_cast<double>(whole);
	controller_.tick(whole);
	emit_websocket_events();
	for (const auto &e : controller_.events())
		if (e.type == "session_end")
			lcs::log::logger()->info("practice session ended ({})", e.fields.value("reason", ""));
	// Tell the log why a command was refused (a hotkey pressed at the wrong moment, say).
	const auto snap = controller_.snapshot();
	if (snap->session_running && snap->session_id != logged_session_) {
		logged_session_ = snap->session_id;
		lcs::log::logger()->info("practice session {} started (scenario {}); log: {}", snap->session_id, snap->scenario_id,
					 snap->log_path.empty() ? "(none)" : snap->log_path);
	}
	// A session log that cannot be written (a full disk): once per session, the session goes on.
	if (snap->log_error != logged_log_error_) {
		logged_log_error_ = snap->log_error;
		if (!logged_log_error_.empty())
			lcs::log::logger()->error("practice session {}: {}; the session goes on, its log is incomplete",
						  snap->session_id, logged_log_error_);
	}
	if (snap->last_refusal != last_refusal_) {
		last_refusal_ = snap->last_refusal;
		if (!last_refusal_.empty())
			lcs::log::logger()->warn("refused: {}", last_refusal_);
	}
}

void Studio::scan_bundled_packs()
{
	char *dir = obs_module_file("packs");
	if (!dir) {
		lcs::log::logger()->warn("no bundled packs folder in the module data");
		return;
	}
	packs_dir_ = std::filesystem::u8path(dir);
	bfree(dir);
	diag::Diagnostics ignored;
	for (const auto &file : pack::expand_pack_paths({packs_dir_}, ignored)) {
		auto loaded = pack::load_pack_file(file);
		if (!loaded.ok()) {
			lcs::log::logger()->warn("bundled pack {} does not load", pack::path_utf8(file));
			continue;
		}
		const auto relative = std::filesystem::relative(file, packs_dir_).generic_u8string();
		bundled_.push_back({std::string(relative.begin(), relative.end()), loaded.pack->meta.name,
				    loaded.pack->meta.language});
	}
	lcs::log::logger()->info("{} bundled script pack(s) in {}", bundled_.size(), pack::path_utf8(packs_dir_));
}

std::shared_ptr<const audience::AudienceData> Studio::audience_for(const std::string &language)
{
	if (const auto it = audiences_.find(language); it != audiences_.end())
		return it->second;
	char *dir = obs_module_file("audience");
	if (!dir) {
		lcs::log::logger()->warn("no audience data in the module data folder: sessions cannot start");
		return nullptr;
	}
	diag::Diagnostics problems;
	auto data = audience::AudienceData::load(std::filesystem::u8path(dir), language, problems);
	bfree(dir);
	for (const auto &d : problems)
		lcs::log::logger()->warn("audience data: {}", d.to_string());
	std::shared_ptr<const audience::AudienceData> shared =
		data ? std::make_shared<const audience::AudienceData>(std::move(*data)) : nullptr;
	audiences_[language] = shared;
	return shared;
}

void Studio::load_compliance()
{
	char *dir = obs_module_file("compliance");
	if (!dir) {
		lcs::log::logger()->warn("no compliance rules in the module data folder: only promotion prices are checked");
		return;
	}
	const std::filesystem::path folder = std::filesystem::u8path(dir);
	bfree(dir);
	auto loaded = compliance::load_checker(folder);
	for (const auto &d : loaded.diagnostics)
		lcs::log::logger()->warn("compliance rules: {}", d.to_string());
	if (!loaded.checker) {
		lcs::log::logger()->error("compliance rules not loaded from {}: only promotion prices are checked",
					  pack::path_utf8(folder));
		return;
	}
	lcs::log::logger()->info("compliance rules loaded: {} rule(s) from {}", loaded.checker->rules().rules.size(),
				 pack::path_utf8(folder));
	// The first job on the worker: every script chosen after it (load_now) brings the checker to
	// the controller with it, in order, so no cue is shown unchecked.
	compliance_ = std::move(loaded.checker);
}

std::string Studio::sessions_folder()
{
	char *dir = obs_module_config_path("sessions");
	if (!dir)
		return {};
	std::string folder = dir;
	bfree(dir);
	std::error_code ec;
	std::filesystem::create_directories(std::filesystem::u8path(folder), ec);
	return ec ? std::string() : folder;
}

bool Studio::run_on_worker(const std::function<void()> &work)
{
	if (worker_->on_worker_thread()) {
		work();
		return true;
	}
	auto ran = std::make_shared<std::promise<void>>();
	auto finished = ran->get_future();
	// A job dropped at shutdown destroys the promise unfulfilled: the wait ends with broken_promise.
	if (!worker_->post([ran, &work] {
		    work();
		    ran->set_value();
	    }))
		return false;
	try {
		finished.get();
		return true;
	} catch (const std::future_error &) {
		return false;
	}
}

void Studio::start_session(const std::string &scenario_id, const std::string &trainee, std::optional<uint64_t> seed,
			   int duration_seconds)
{
	run_on_worker([&] { controller_.submit(prepare_start(scenario_id, trainee, seed, duration_seconds)); });
}

session::StartSession Studio::prepare_start(const std::string &scenario_id, const std::string &trainee,
					    std::optional<uint64_t> seed, int duration_seconds)
{
	// No script in use yet: the first bundled pack in OBS's language (else the first bundled pack).
	if (files_in_use_.empty() && !bundled_.empty()) {
		const std::string locale = obs_get_locale() ? obs_get_locale() : "";
		const BundledPack *choice = &bundled_.front();
		for (const auto &p : bundled_)
			if (p.language == locale) {
				choice = &p;
				break;
			}
		load_now({bundled_pack_path(choice->relative_path)}, Choice::IfNoneInUse);
	}
	session::StartSession start;
	start.scenario_id = scenario_id;
	start.trainee = trainee.empty() ? std::string("trainee") : trainee;
	start.started_at = platform::utc_now_iso8601();
	start.seed = seed;
	start.duration_seconds = duration_seconds;
	if (const std::string folder = sessions_folder(); !folder.empty()) {
		std::string stamp = start.started_at;
		for (char &c : stamp)
			if (c == ':')
				c = '-';
		const std::string base = folder + "/" + stamp + (scenario_id.empty() ? std::string() : "-" + scenario_id);
		start.log_path = base + ".jsonl";
		std::error_code ec;
		for (int n = 2; std::filesystem::exists(std::filesystem::u8path(start.log_path), ec); ++n)
			start.log_path = base + "-" + std::to_string(n) + ".jsonl"; // never overwrite a session
	}
	return start;
}

void Studio::submit_in_order(session::Command command)
{
	worker_->post([this, c = std::move(command)]() mutable { controller_.submit(std::move(c)); });
}

void Studio::buy_traffic_order()
{
	worker_->post([this] { controller_.submit(traffic_order_.command_for(*controller_.snapshot())); });
}

void Studio::toggle_session()
{
	// On the worker, in order with the other hotkeys (submit_in_order). The controller still
	// decides when it applies the command whether it starts or stops (a start pressed twice
	// quickly is a start, then a stop).
	worker_->post([this] {
		if (controller_.snapshot()->session_running)
			controller_.submit(session::StopSession{});
		else
			controller_.submit(session::ToggleSession{prepare_start({}, {}, std::nullopt, 0)});
	});
}

std::vector<std::string> Studio::files_in_use() const
{
	std::lock_guard lock(in_use_mutex_);
	return files_in_use_;
}

std::string Studio::bundled_pack_path(const std::string &relative_path) const
{
	for (const auto &p : bundled_)
		if (p.relative_path == relative_path)
			return pack::path_utf8(packs_dir_ / std::filesystem::u8path(relative_path));
	return {};
}

void Studio::request_packs(std::vector<std::string> files, Choice choice, LoadDone done)
{
	worker_->post([this, files = std::move(files), choice, done = std::move(done)] {
		const auto outcome = load_now(files, choice);
		if (done)
			done(outcome);
	});
}

Studio::LoadOutcome Studio::use_packs(const std::vector<std::string> &files)
{
	LoadOutcome outcome;
	if (!run_on_worker([&] { outcome = load_now(files, Choice::Replace); }))
		outcome.diagnostics.push_back({diag::Severity::Error, {}, "OBS is shutting down: the script was not loaded"});
	return outcome;
}

Studio::LoadOutcome Studio::load_now(const std::vector<std::string> &files, Choice choice)
{
	LoadOutcome outcome;
	if (choice == Choice::IfNoneInUse && !files_in_use_.empty()) {
		// A default never replaces the script in use, whoever chose it (the desk, say).
		(files == files_in_use_ ? outcome.unchanged : outcome.kept) = true;
		return outcome;
	}
	std::vector<std::filesystem::file_time_type> times;
	for (const auto &f : files) {
		std::error_code ec;
		times.push_back(std::filesystem::last_write_time(std::filesystem::u8path(f), ec));
	}
	if (files == files_in_use_ && times == times_in_use_) {
		outcome.unchanged = true;
		return outcome;
	}
	if (files.empty()) {
		controller_.submit(session::UseLibrary{nullptr, 0, nullptr, compliance_});
		std::lock_guard lock(in_use_mutex_);
		files_in_use_.clear();
		times_in_use_.clear();
		lcs::log::logger()->info("script closed");
		outcome.loaded = true;
		return outcome;
	}
	std::vector<std::filesystem::path> paths;
	for (const auto &f : files)
		paths.push_back(std::filesystem::u8path(f));
	auto loaded = pack::Library::load(paths);
	outcome.diagnostics = std::move(loaded.diagnostics);
	for (const auto &d : outcome.diagnostics)
		lcs::log::logger()->warn("pack: {}", d.to_string());
	if (!loaded.library) {
		lcs::log::logger()->error("script pack not loaded; the previous script stays in use");
		return outcome;
	}
	lcs::log::logger()->info("script in use: {} segment(s), {} s planned, from {}", loaded.library->segments().size(),
				 loaded.library->planned_seconds(), files.front());
	const std::string language = loaded.library->language();
	controller_.submit(session::UseLibrary{std::move(loaded.library), 0, audience_for(language), compliance_});
	std::lock_guard lock(in_use_mutex_);
	files_in_use_ = files;
	times_in_use_ = times;
	outcome.loaded = true;
	return outcome;
}

} // namespace lcs::obs
