#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/compliance/checker.hpp"
#include "core/event/event.hpp"
#include "core/pack/library.hpp"
#include "core/promo/engine.hpp"

// Compliance while the show runs (docs/compliance.md; docs/contract-notes.md, "Compliance in
// sessions"): the script's findings by cue, computed when a library is used, so the prompter and
// the desk mark a cue before it is said; a compliance_flag (where: cue) for each ban or caution
// finding of a cue the first time it is shown in a session; what the host says (final transcript
// text) checked with the session's facts (the pinned product's prices, whether urgency is backed)
// and flagged (where: speech). Exempted hits (info) are never flags. Owned by the controller and
// driven from its tick thread only.
namespace lcs::session {

/// A product's stock is low (little left: urgency is backed) while 0 < left ≤ max(20 units, 10 %
/// of its starting stock).
inline constexpr int64_t kLowStockUnits = 20;
inline constexpr int64_t kLowStockPercent = 10;
[[nodiscard]] bool stock_is_low(int64_t left, int64_t starting);

/// Whether urgency claims (最后一波, 手慢无) are backed now: a flash sale runs (its countdown or its
/// sale), or the pinned product's stock is low.
[[nodiscard]] bool urgency_backed(const promo::Engine &engine, const std::string &pinned_sku);

/// The keywords of `pending` that `text` says, compared on the compliance normaliser's text (NFKC,
/// case folding, traditional → simplified, spaces and punctuation dropped: "ＲＡＷ  honey" says
/// "Raw Honey").
[[nodiscard]] std::vector<std::string> keywords_said(std::string_view text, const std::vector<std::string> &pending);

class LiveCompliance {
public:
	using ScriptFindings = std::map<std::string, compliance::Findings>;

	/// A new checker (null: sessions check promotion prices only); checks the library again.
	void set_checker(std::shared_ptr<const compliance::Checker> checker);
	[[nodiscard]] bool checking() const { return checker_ != nullptr; }
	/// The library in use (UseLibrary): every cue is checked (compliance::check_script).
	void use_library(std::shared_ptr<const pack::Library> library);
	/// A session starts: every cue may be flagged again, the speech findings are forgotten.
	void start_session();

	/// Every cue's findings by cue id (null without a checker or a library).
	[[nodiscard]] const std::shared_ptr<const ScriptFindings> &script_findings() const { return script_; }
	/// One cue's findings (empty when it has none).
	[[nodiscard]] const compliance::Findings &cue_findings(const std::string &cue_id) const;

	/// A cue shown during a session: a compliance_flag (where: cue) per ban or caution finding,
	/// the first time the cue is shown in the session (going back to it does not flag it again).
	[[nodiscard]] Events cue_shown(int64_t now_ms, const std::string &cue_id);
	/// Final speech during a session, checked with the facts: a compliance_flag (where: speech)
	/// per ban or caution finding (they also join the recent speech findings).
	[[nodiscard]] Events speech(int64_t now_ms, const std::string &text, const pack::Product *pinned, bool urgency_backed);
	/// Ban and caution findings of the latest speech, oldest first (at most kRecentSpeechFindings).
	[[nodiscard]] const std::deque<compliance::Finding> &speech_findings() const { return speech_findings_; }

	static constexpr size_t kRecentSpeechFindings = 20;

private:
	void check_library();

	std::shared_ptr<const compliance::Checker> checker_;
	std::shared_ptr<const pack::Library> library_;
	std::shared_ptr<const ScriptFindings> script_;
	std::map<std::string, std::string> cue_texts_; // cue id → text
	std::vector<std::string> names_;              // product names and brands of the library
	std::set<std::string> flagged_cues_;          // cues already flagged this session
	std::deque<compliance::Finding> speech_findings_;
};

/// A compliance_flag event for one finding (where: cue or speech); `text` is the cue or sentence.
[[nodiscard]] Event flag_event(int64_t now_ms, const compliance::Finding &finding, compliance::Where where,
			       const std::string &text, const std::string &cue_id = {});

} // namespace lcs::session
