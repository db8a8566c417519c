#include "studio/studio.hpp"

#include <algorithm>
#include <cmath>

#include <obs-module.h>

#include "core/log/log.hpp"
#include "core/pack/library.hpp"
#include "core/pack/pack_loader.hpp"
#include "core/platform/clock.hpp"
#include "websocket/api.hpp"

namespace lcs::obs {
namespace {
Studio *g_studio = nullptr;
}

void Studio::create()
{
	if (!g_studio)
		g_studio = new Studio();
}

void Studio::destroy()
{
	delete g_studio;
	g_studio = nullptr;
}

Studio *Studio::get()
{
	return g_studio;
}

Studio::Studio()
{
	scan_bundled_packs();
	obs_add_tick_callback(&Studio::on_tick, this);
}

Studio::~Studio()
{
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

void Studio::start_session(const std::string &scenario_id, const std::string &trainee, std::optional<uint64_t> seed,
			   int duration_seconds)
{
	controller_.submit(prepare_start(scenario_id, trainee, seed, duration_seconds));
}

session::StartSession Studio::prepare_start(const std::string &scenario_id, const std::string &trainee,
					    std::optional<uint64_t> seed, int duration_seconds)
{
	// No script in use yet: the first bundled pack in OBS's language (else the first bundled pack).
	bool has_script = false;
	{
		std::lock_guard lock(load_mutex_);
		has_script = !files_in_use_.empty();
	}
	if (!has_script && !bundled_.empty()) {
		const std::string locale = obs_get_locale() ? obs_get_locale() : "";
		const BundledPack *choice = &bundled_.front();
		for (const auto &p : bundled_)
			if (p.language == locale) {
				choice = &p;
				break;
			}
		use_packs({bundled_pack_path(choice->relative_path)});
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

void Studio::toggle_session()
{
	// The controller decides on its own thread whether this starts or stops.
	controller_.submit(session::ToggleSession{prepare_start({}, {}, std::nullopt, 0)});
}

std::vector<std::string> Studio::files_in_use()
{
	std::lock_guard lock(load_mutex_);
	return files_in_use_;
}

std::string Studio::bundled_pack_path(const std::string &relative_path) const
{
	for (const auto &p : bundled_)
		if (p.relative_path == relative_path)
			return pack::path_utf8(packs_dir_ / std::filesystem::u8path(relative_path));
	return {};
}

Studio::LoadOutcome Studio::use_packs(const std::vector<std::string> &files)
{
	LoadOutcome outcome;
	std::vector<std::filesystem::file_time_type> times;
	for (const auto &f : files) {
		std::error_code ec;
		times.push_back(std::filesystem::last_write_time(std::filesystem::u8path(f), ec));
	}
	std::lock_guard lock(load_mutex_);
	if (files == files_in_use_ && times == times_in_use_) {
		outcome.unchanged = true;
		return outcome;
	}
	if (files.empty()) {
		controller_.submit(session::UseLibrary{nullptr, 0, nullptr});
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
				 loaded.library->planned_seconds(), files.empty() ? std::string("-") : files.front());
	const std::string language = loaded.library->language();
	controller_.submit(session::UseLibrary{std::move(loaded.library), 0, audience_for(language)});
	files_in_use_ = files;
	times_in_use_ = times;
	outcome.loaded = true;
	return outcome;
}

} // namespace lcs::obs
