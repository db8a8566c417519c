#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include <obs.h>

#include "core/session/command.hpp"
#include "core/session/transcript_follower.hpp"

namespace lcs::obs {

// Follows an OBS text source as the host's transcript (what a captioning plugin writes into a
// text_ft2_source or text_gdiplus): every change of its "text" setting goes through a
// TranscriptFollower (core) and becomes SpeechText commands. libobs applies a video source's new
// settings on the video thread and then emits the source's "update" signal there, so the text is
// read in that signal, right after the source itself read it; a tick callback (the video thread)
// finalises an utterance that has settled and, once a second, finds the chosen source by name
// (it may be created after the choice, renamed back, or removed). The source is held by a weak
// reference; the signal connection is an RAII watch that disconnects only while the source is
// alive (a destroyed source takes its signal handler with it). Nothing here blocks or reads a
// file; the mutex guards the choice and the follower, never held across a libobs call that could
// wait for another thread.
class TranscriptSource {
public:
	using Submit = std::function<void(session::Command)>;
	explicit TranscriptSource(Submit submit);
	~TranscriptSource();
	TranscriptSource(const TranscriptSource &) = delete;
	TranscriptSource &operator=(const TranscriptSource &) = delete;

	/// Follows the text source named `name` from now on ("" follows none); any thread. Its text at
	/// that moment is not speech: only what it shows next is.
	void follow(const std::string &name);
	[[nodiscard]] std::string followed() const;
	/// True while the chosen source exists and is watched.
	[[nodiscard]] bool watching() const;

	/// Text sources the desk offers (text_ft2_source, text_gdiplus, or any source whose settings
	/// have a "text" string), by name, sorted; UI thread.
	[[nodiscard]] static std::vector<std::string> text_sources();

private:
	// The "update" signal connection of one source, RAII.
	class Watch {
	public:
		Watch(obs_source_t *source, TranscriptSource *owner);
		~Watch();
		Watch(const Watch &) = delete;
		Watch &operator=(const Watch &) = delete;
		/// The source is gone or removed from OBS.
		[[nodiscard]] bool lost() const;

	private:
		obs_weak_source_t *weak_;
		TranscriptSource *owner_;
	};

	static void on_update(void *param, calldata_t *data);
	static void on_tick(void *param, float seconds);
	void text_changed(obs_source_t *source);
	void tick();
	void submit_all(std::vector<session::SpeechText> texts);

	Submit submit_;
	mutable std::mutex mutex_;
	std::string wanted_;         // guarded by mutex_
	uint64_t wanted_version_ = 0; // guarded by mutex_
	bool watching_ = false;      // guarded by mutex_
	session::TranscriptFollower follower_; // guarded by mutex_

	// video thread (tick) only
	std::unique_ptr<Watch> watch_;
	uint64_t watched_version_ = 0;
	std::string watched_name_;
	uint64_t last_search_ns_ = 0;
};

} // namespace lcs::obs
