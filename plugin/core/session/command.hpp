#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>

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

using Command = std::variant<NextCue, PreviousCue, NextSegment, PreviousSegment, JumpToSegment, ToggleSegmentTimer,
			     MarkKeywordSaid, UseLibrary, PinProduct, UnpinProduct, PinNextProduct, PinPreviousProduct,
			     StartPromotion, StopPromotion, ToggleSegmentPromotion, PlaceOrder, ClaimCoupon>;

} // namespace lcs::session
