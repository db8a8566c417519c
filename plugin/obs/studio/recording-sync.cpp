#include "studio/recording-sync.hpp"

#include <memory>
#include <mutex>

#include <obs-frontend-api.h>
#include <obs.hpp>

#include "studio/frontend.hpp"
#include "studio/sidecar-writer.hpp"
#include "studio/studio.hpp"

namespace lcs::obs {
namespace {

std::mutex g_mutex;
std::unique_ptr<SidecarWriter> g_sidecars; // guarded by g_mutex; one worker for every recording
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

void on_frontend_event(enum obs_frontend_event event, void *)
{
	if (event == OBS_FRONTEND_EVENT_EXIT)
		close_ui_calls(); // no request may wait on the UI loop that is ending
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
		if (!g_sidecars)
			g_sidecars = std::make_unique<SidecarWriter>();
		g_sidecars->enqueue(snap->log_path, video);
	} else if (event == OBS_FRONTEND_EVENT_EXIT) {
		studio->shutdown_session(); // the log's session_end says "shutdown"
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
	std::unique_ptr<SidecarWriter> sidecars;
	{
		std::lock_guard lock(g_mutex);
		sidecars = std::move(g_sidecars);
	}
	if (sidecars)
		sidecars->stop(); // bounded: no more waiting for the log, the queue written, one join
}

} // namespace lcs::obs
