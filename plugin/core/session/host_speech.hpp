#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.hpp"

// What the simulated hosts say (autopilot.hpp): a cue's text read aloud sentence by sentence at a
// human pace, and the lines a careless host ad-libs (data/audience/host.<language>.json).
namespace lcs::session {

/// The sentences of a text, each with its closing punctuation (。！？；…!?; and a full stop followed
/// by a space or the end); spaces between them dropped, empty ones skipped.
[[nodiscard]] std::vector<std::string> split_sentences(std::string_view text);

/// Characters (code points) of UTF-8 text.
[[nodiscard]] int64_t code_points(std::string_view text);

// Reads one text aloud: each sentence is said (returned by step) once the host has talked long
// enough to have spoken it at `chars_per_minute`; the reading clock runs only while the host
// talks. Reading another text drops what is left of the previous one (the host moved on).
class HostSpeech {
public:
	void read(std::string_view text, double chars_per_minute, int64_t now_ms);
	/// The sentences finished by now_ms (usually none, sometimes one).
	[[nodiscard]] std::vector<std::string> step(int64_t now_ms, bool talking);
	[[nodiscard]] bool done() const { return next_ >= sentences_.size(); }

private:
	std::vector<std::string> sentences_;
	std::vector<double> due_ms_; // reading time at which each sentence is finished
	size_t next_ = 0;
	double read_ms_ = 0;
	int64_t last_ms_ = 0;
};

/// A human host's pace (characters a minute) in a language: zh-CN 270, en-US 900 (about 160 words).
[[nodiscard]] double speaking_pace(const std::string &language);

/// The lines a careless host ad-libs (typical violations: 全网最低价, 加微信下单, "lowest price
/// ever"), from <audience_dir>/host.<language>.json (format "lcs.host-lines/1", key "ad_libs").
/// Problems go to `out`; a missing file gives no lines and an error.
[[nodiscard]] std::vector<std::string> load_ad_libs(const std::filesystem::path &audience_dir, const std::string &language,
						    diag::Diagnostics &out);

} // namespace lcs::session
