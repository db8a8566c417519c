#include "studio/recording-sync.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

#include <obs-frontend-api.h>
#include <obs.hpp>

#include "core/log/log.hpp"
#include "core/metrics/log_reader.hpp"
#include "core/pack/pack_loader.hpp"
#include "core/report/session_report.hpp"
#include "core/report/subtitles.hpp"
#include "studio/frontend.hpp"
#include "studio/studio.hpp"

namespace lcs::obs {
namespace {

std::mutex g_mutex;
std::vector<std::thread> g_writers; // guarded by g_mutex
bool g_started = false;

std::string current_recording_path()
{
	OBSOutputAutoRelease output = obs_frontend_get_recording_output();
	if (!output)
		return {};
	OBSDataAutoRelease settings = obs_output_get_settings(output);
	const char *path = obs_data_get_string(settings, "path");
	return path ? path : "";
}

bool log_has_recording_stop(const std::string &log)
{
	bool found = false;
	metrics::read_session_log(log, {}, [&](const nlohmann::json &e) { found = found || e.value("type", "") == "recording_stop"; });
	return found;
}

/// Worker: waits for recording_stop to reach the log, then writes the captions and chapters.
void write_sidecars(std::string log, std::string video)
{
	for (int i = 0; i < 100 && !log_has_recording_stop(log); ++i)
		std::this_thread::sleep_for(std::chrono::milliseconds(50));
	const auto report = report::build_report(log);
	const auto base = std::filesystem::u8path(video).replace_extension();
	auto write = [](const std::filesystem::path &path, const std::string &text) {
		std::ofstream out(path, std::ios::binary);
		out << text;
		return static_cast<bool>(out);
	};
	const auto vtt = std::filesystem::path(base).concat(".vtt");
	const auto chapters = std::filesystem::path(base).concat(".chapters.txt");
	if (write(vtt, report::to_webvtt(report)) && write(chapters, report::to_ffmetadata_chapters(report)))
		lcs::log::logger()->info("wrote {} and {}", pack::path_utf8(vtt), pack::path_utf8(chapters));
	else
		lcs::log::logger()->warn("could not write captions next to {}", video);
}

void on_frontend_event(enum obs_frontend_event event, void *)
{
	Studio *studio = Studio::get();
	if (!studio)
		return;
	if (event == OBS_FRONTEND_EVENT_RECORDING_STARTED) {
		studio->submit(session::RecordingStarted{current_recording_path()});
	} else if (event == OBS_FRONTEND_EVENT_RECORDING_STOPPED) {
		char *last = obs_frontend_get_last_recording();
		const std::string video = last ? last : current_recording_path();
		bfree(last);
		studio->submit(session::RecordingStopped{video});
		const auto snap = studio->snapshot();
		if (!snap->session_running || snap->log_path.empty() || video.empty())
			return;
		std::lock_guard lock(g_mutex);
		g_writers.emplace_back(write_sidecars, snap->log_path, video);
	} else if (event == OBS_FRONTEND_EVENT_EXIT) {
		studio->shutdown_session();
	}
}

} // namespace

void start_recording_sync()
{
	if (g_started || !frontend_available())
		return;
	obs_frontend_add_event_callback(on_frontend_event, nullptr);
	g_started = true;
}

void stop_recording_sync()
{
	if (g_started) {
		obs_frontend_remove_event_callback(on_frontend_event, nullptr);
		g_started = false;
	}
	std::vector<std::thread> writers;
	{
		std::lock_guard lock(g_mutex);
		writers.swap(g_writers);
	}
	for (auto &w : writers)
		w.join();
}

} // namespace lcs::obs
