#include "core/session/transcript_follower.hpp"

#include <algorithm>

namespace lcs::session {
namespace {

bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s)
{
	while (!s.empty() && is_space(static_cast<unsigned char>(s.front())))
		s.remove_prefix(1);
	while (!s.empty() && is_space(static_cast<unsigned char>(s.back())))
		s.remove_suffix(1);
	return s;
}

/// Bytes of the common prefix of a and b, backed off to a UTF-8 character boundary.
size_t common_prefix(std::string_view a, std::string_view b)
{
	const auto mismatch = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
	size_t n = static_cast<size_t>(mismatch.first - a.begin());
	while (n > 0 && n < a.size() && (static_cast<unsigned char>(a[n]) & 0xC0) == 0x80)
		--n;
	return n;
}

} // namespace

bool continues_utterance(std::string_view current, std::string_view next)
{
	if (current.empty())
		return true;
	if (next.substr(0, current.size()) == current)
		return true;
	// A recogniser revises the words it heard last ("今天给打架" → "今天给大家介绍"): the same
	// utterance while at least half of it stays.
	const size_t shared = common_prefix(current, next);
	return shared > 0 && shared * 2 >= current.size();
}

void TranscriptFollower::reset()
{
	shown_.clear();
	base_ = 0;
	utterance_.clear();
	utterance_final_ = true;
	changed_ms_ = 0;
	last_final_.clear();
}

void TranscriptFollower::baseline(std::string_view text)
{
	reset();
	shown_.assign(text);
	utterance_.assign(trim(text));
	last_final_ = utterance_;
}

void TranscriptFollower::finish(std::vector<SpeechText> &out)
{
	if (utterance_final_ || utterance_.empty())
		return;
	utterance_final_ = true;
	if (utterance_ == last_final_)
		return;
	last_final_ = utterance_;
	out.push_back(SpeechText{utterance_, true});
}

std::vector<SpeechText> TranscriptFollower::observe(std::string_view text, int64_t now_ms)
{
	std::vector<SpeechText> out;
	if (text == shown_) {
		if (!utterance_final_ && now_ms - changed_ms_ >= settle_ms_)
			finish(out);
		return out;
	}
	// A rolling display: what was final stays in front, the new utterance is what follows it.
	std::string_view next;
	if (base_ > 0 && text.size() >= base_ && text.substr(0, base_) == std::string_view(shown_).substr(0, base_)) {
		next = trim(text.substr(base_));
	} else {
		base_ = 0;
		next = trim(text);
	}
	const bool same_utterance = !utterance_.empty() && !utterance_final_ && continues_utterance(utterance_, next);
	if (!same_utterance)
		finish(out); // replaced (or cleared): the utterance shown before is over
	if (base_ == 0 && !same_utterance && utterance_final_ && !utterance_.empty() &&
	    text.substr(0, shown_.size()) == shown_ && text.size() > shown_.size()) {
		// The display appended to a final utterance: the rest is a new one (rolling captions).
		base_ = shown_.size();
		next = trim(text.substr(base_));
	}
	shown_.assign(text);
	if (next == utterance_ && !next.empty())
		return out; // only the spacing around it changed
	utterance_.assign(next);
	changed_ms_ = now_ms;
	utterance_final_ = utterance_.empty();
	if (!utterance_.empty())
		out.push_back(SpeechText{utterance_, false});
	return out;
}

std::vector<SpeechText> TranscriptFollower::idle(int64_t now_ms)
{
	std::vector<SpeechText> out;
	if (!utterance_final_ && now_ms - changed_ms_ >= settle_ms_)
		finish(out);
	return out;
}

} // namespace lcs::session
