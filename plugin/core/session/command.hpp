#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "core/audience/audience_data.hpp"
#include "core/compliance/checker.hpp"
#include "core/pack/library.hpp"

// Inputs to the session controller. Whatever thread they come from (hotkey, dock, websocket),
// they are queued and applied in order at the next tick.
namespace lcs::session {

struct NextCue {};
struct PreviousCue {};
struct NextSegment {};
struct PreviousSegment {};
struct JumpToSegment {
	std::string segment_id;
};
struct ToggleSegmentTimer {};
struct MarkKeywordSaid {
	std::string keyword; // empty: the next pending one
};
/// Replaces the script (packs chosen in OBS). The show restarts at its first cue; stock and
/// promotions start afresh.
struct UseLibrary {
	std::shared_ptr<const pack::Library> library;
	uint64_t seed = 0;
	/// The audience data of the library's language (needed to start sessions); may be null.
	std::shared_ptr<const audience::AudienceData> audience;
	/// The compliance checker to use from now on (as set_compliance, but in order with this
	/// library, from any thread: OBS loads the rules on its worker); null keeps the one in use.
	std::shared_ptr<const compliance::Checker> compliance = nullptr;
};

struct PinProduct {
	std::string sku;
};
struct UnpinProduct {};
struct PinNextProduct {};
struct PinPreviousProduct {};
struct StartPromotion {
	std::string promo_id;
};
struct StopPromotion {
	std::string promo_id;
};
/// Stops the running promotion of the current segment, or starts the segment's next one.
struct ToggleSegmentPromotion {};
struct PlaceOrder {
	std::string viewer;
	std::string sku; // empty: the pinned product
	int qty = 1;
	std::optional<std::string> coupon_id;
};
struct ClaimCoupon {
	std::string viewer;
	std::string coupon_id;
};

/// Starts a practice session on the library in use: clock to 0, stock and promotions afresh, the
/// scenario's audience, the session log (when log_path is set).
struct StartSession {
	std::string scenario_id; // empty: the first scenario of the packs
	std::optional<uint64_t> seed; // none: the scenario's seed
	std::string trainee;
	std::string started_at;  // ISO-8601 UTC; the caller reads the clock (logs stay reproducible)
	std::string log_path;    // UTF-8; empty: no log file
	int duration_seconds = 0; // 0: the scenario's duration
};
/// Ends the running session: reason "stopped", or "shutdown" when OBS is closing.
struct StopSession {
	bool shutdown = false;
};
/// Stops the running session, or starts one with these settings (decided when applied, so a
/// hotkey pressed twice quickly cannot act on a stale view).
struct ToggleSession {
	StartSession start;
};
/// The microphone: talk or silence (from the voice meter or an autopilot).
struct Voice {
	bool talking = false;
};
/// Marks a comment answered; an empty id answers the oldest open question.
struct AnswerComment {
	std::string comment_id;
};
/// Buys paid traffic (投流) from the scenario's ad budget: amount_cents at a bid of bid_cpm_cents
/// per thousand impressions (0: the scenario's lowest bid). Refused (last_refusal) when no
/// session runs, the scenario has no budget, the bid is outside its range or the amount is more
/// than what is left of the budget; the budget is never overspent.
struct BuyTraffic {
	int64_t amount_cents = 0;
	int64_t bid_cpm_cents = 0;
	std::string campaign; // optional label logged with the spend
};
/// What the host says, from a transcript (obs-websocket SpeechText, or an OBS text source a
/// captioning plugin writes): partial text while the sentence is being recognised, then the final
/// text once. Only final text is logged (`speech`) and checked for compliance.
struct SpeechText {
	std::string text;
	bool final = true;
};
/// The host asks the chat to type 1 (扣1).
struct CallInteraction {};
/// OBS started or stopped recording (frontend events); logged while a session runs so the
/// review can point into the video.
struct RecordingStarted {
	std::string path;
};
struct RecordingStopped {
	std::string path;
};
/// A comment typed in by a coach (or a test) as if from a viewer.
struct InjectComment {
	std::string text;
	std::string kind = "question";
	std::string viewer = "coach";
	std::string comment_id; // empty: the controller numbers it (k-NNNNNN)
};

using Command = std::variant<NextCue, PreviousCue, NextSegment, PreviousSegment, JumpToSegment, ToggleSegmentTimer,
			     MarkKeywordSaid, UseLibrary, PinProduct, UnpinProduct, PinNextProduct, PinPreviousProduct,
			     StartPromotion, StopPromotion, ToggleSegmentPromotion, PlaceOrder, ClaimCoupon, StartSession,
			     StopSession, ToggleSession, Voice, AnswerComment, CallInteraction, InjectComment,
			     RecordingStarted, RecordingStopped, BuyTraffic, SpeechText>;

} // namespace lcs::session
