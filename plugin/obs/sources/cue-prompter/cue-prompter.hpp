#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <QImage>
#include <obs.h>

#include "core/script/cue_view.hpp"
#include "render/raster-layer.hpp"
#include "sources/cue-prompter/cue-prompter-painter.hpp"
#include "sources/cue-prompter/cue-prompter-style.hpp"

namespace lcs::obs {

/// Value of the "pack" setting that means "the file in pack_file".
inline constexpr const char *kCustomPack = "custom";
/// Value of the "pack" setting that closes the script (free practice without a prompter text).
inline constexpr const char *kNoPack = "none";

// State of one lcs_cue_prompter source. The constructor runs where the source is created (the UI
// thread when a scene collection loads); update() on the video thread (libobs defers a video
// source's update to its next tick); tick() on the video thread; render() wherever OBS renders
// (the video thread, or another thread holding the graphics context, as obs-websocket's
// screenshots do). tick() asks the module's painter thread (render/paint-worker.hpp) to rasterise
// text only when what it shows changed, never waiting for it; render() only uploads finished
// images and draws. Small mutexes guard what crosses threads: the settings, the
// pack status (written by the studio's worker), and the frame handed from tick() to render().
//
// The script: the prompter's pack setting is a choice only when it changes (a cosmetic change
// touches nothing), and a prompter being created (a scene collection loading) only offers its
// pack when no script is in use yet, so neither ends a session nor overrides the desk's choice.
// Packs load on the studio's worker; update() never reads a file.
class CuePrompter {
public:
	CuePrompter(obs_data_t *settings, obs_source_t *source);

	void update(obs_data_t *settings);
	/// The outcome of the last pack load, for the properties view ("" when fine).
	[[nodiscard]] std::string pack_status(bool *is_error) const;
	void tick(float seconds);
	void render();
	[[nodiscard]] uint32_t width() const;
	[[nodiscard]] uint32_t height() const;

private:
	static CuePrompterLabels localised_labels();

	obs_source_t *source_;
	void choose_pack(obs_data_t *settings, bool created);
	void apply_style(obs_data_t *settings);

	// The outcome of this prompter's last pack choice, written by the studio's worker (shared: a
	// load may finish after the prompter is gone).
	struct PackStatus {
		std::mutex mutex;
		std::string text;   // guarded by mutex
		bool error = false; // guarded by mutex
		void set(std::string t, bool e);
	};
	const std::shared_ptr<PackStatus> pack_status_;
	std::string pack_setting_; // the pack setting last seen ("pack" and "pack_file"); constructor, update()

	mutable std::mutex settings_mutex_;
	CuePrompterStyle style_;    // guarded by settings_mutex_
	uint64_t style_version_ = 0; // guarded by settings_mutex_

	const CuePrompterLabels labels_;

	// tick() only
	CuePrompterStyle ticked_style_;
	uint64_t ticked_style_version_ = ~0ull;
	std::optional<script::CueView> ticked_view_;
	std::optional<CueMark> ticked_mark_;
	std::string ticked_timer_;

	// handed from tick() to render(): the style and what the segment bar shows
	struct Bar {
		bool has_script = false;
		int64_t elapsed_ms = 0;
		int64_t planned_ms = 0;
	};
	struct Frame {
		CuePrompterStyle style;
		std::optional<Bar> bar; // none until the first tick
	};
	std::mutex frame_mutex_;
	Frame frame_; // guarded by frame_mutex_

	// Painted on the painter thread: tick() submits, render() (inside the graphics context,
	// which serialises renders) uploads and draws.
	render::RasterLayer text_layer_;
	render::RasterLayer timer_layer_;
};

} // namespace lcs::obs
