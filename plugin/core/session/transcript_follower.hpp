#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/session/command.hpp"

namespace lcs::session {

// Turns the successive texts of a caption display (an OBS text source a captioning plugin writes)
// into the transcript the controller understands: SpeechText partials while an utterance grows or
// is revised, and one final per utterance — when the display is replaced by a new utterance (not
// an extension or a revision of the one shown), when it is cleared, or when it stays unchanged for
// settle_ms. A display that keeps earlier sentences and appends (a rolling caption) is followed
// too: once its text was final, only what is appended after it is the next utterance. The same
// final text is never given twice in a row. Plain logic: the caller brings the times and submits
// what it returns; not thread-safe (one caller, or the caller's lock).
class TranscriptFollower {
public:
	static constexpr int64_t kDefaultSettleMs = 1500;
	explicit TranscriptFollower(int64_t settle_ms = kDefaultSettleMs) : settle_ms_(settle_ms) {}

	/// The display shows `text` at `now_ms` (any monotonic clock): what to submit, in order.
	std::vector<SpeechText> observe(std::string_view text, int64_t now_ms);
	/// No new text by `now_ms`: the final of an utterance that has settled, if any.
	std::vector<SpeechText> idle(int64_t now_ms);
	/// Forgets everything (another source is followed).
	void reset();
	/// Starts from what the display shows now, which is not speech (it was there before anyone
	/// listened): only what it shows next is.
	void baseline(std::string_view text);

	/// What the display showed last, and the utterance in it (trimmed; without the rolling prefix).
	[[nodiscard]] const std::string &shown() const { return shown_; }
	[[nodiscard]] const std::string &utterance() const { return utterance_; }

private:
	void finish(std::vector<SpeechText> &out);

	int64_t settle_ms_;
	std::string shown_;        // the display's whole text as last seen
	size_t base_ = 0;          // bytes of shown_ already given as final (a rolling display)
	std::string utterance_;    // the utterance being recognised (trimmed)
	bool utterance_final_ = true; // utterance_ was given as final (or is empty)
	int64_t changed_ms_ = 0;   // when utterance_ last changed
	std::string last_final_;   // never give the same final twice in a row
};

/// True when `next` continues `current` (the same utterance, grown or with its tail revised by the
/// recogniser): it starts with it, or shares at least half of it as a common prefix.
[[nodiscard]] bool continues_utterance(std::string_view current, std::string_view next);

} // namespace lcs::session
