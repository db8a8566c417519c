#pragma once

#include <mutex>
#include <optional>
#include <string>

#include <QImage>
#include <obs.h>

#include "core/script/cue_view.hpp"
#include "render/gs-texture.hpp"
#include "sources/cue-prompter/cue-prompter-painter.hpp"
#include "sources/cue-prompter/cue-prompter-style.hpp"

namespace lcs::obs {

/// Value of the "pack" setting that means "the file in pack_file".
inline constexpr const char *kCustomPack = "custom";
/// Value of the "pack" setting that closes the script (free practice without a prompter text).
inline constexpr const char *kNoPack = "none";

// State of one lcs_cue_prompter source. update() runs on the UI thread, tick() on the video
// thread, render() wherever OBS renders (the video thread, or another thread holding the graphics
// context, as obs-websocket's screenshots do). Text is rasterised in tick() only when what it
// shows changed; render() only uploads finished images and draws. Two small mutexes guard what
// crosses threads: the settings, and the frame handed from tick() to render().
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
	[[nodiscard]] script::CueView current_view() const;
	static CuePrompterLabels localised_labels();

	obs_source_t *source_;
	void load_pack(obs_data_t *settings);

	mutable std::mutex settings_mutex_;
	std::string pack_status_;      // guarded by settings_mutex_
	bool pack_status_error_ = false; // guarded by settings_mutex_
	CuePrompterStyle style_;    // guarded by settings_mutex_
	uint64_t style_version_ = 0; // guarded by settings_mutex_

	const CuePrompterLabels labels_;

	// tick() only
	CuePrompterStyle ticked_style_;
	uint64_t ticked_style_version_ = ~0ull;
	std::optional<script::CueView> ticked_view_;
	std::string ticked_timer_;

	// handed from tick() to render()
	struct Frame {
		CuePrompterStyle style;
		std::optional<script::CueView> view;
		std::optional<QImage> text;  // new text layer to upload, if any
		std::optional<QImage> timer; // new timer layer to upload, if any
	};
	std::mutex frame_mutex_;
	Frame frame_; // guarded by frame_mutex_

	// render() only (inside the graphics context, which serialises renders)
	render::GsTexture text_texture_;
	render::GsTexture timer_texture_;
};

} // namespace lcs::obs
