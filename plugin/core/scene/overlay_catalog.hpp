#pragma once

#include <array>
#include <string_view>

// The overlay sources this version of the OBS module registers (ids of contract.md section 4).
// The practice scene is laid out from this list, and a libobs test checks the module registers
// every id in it, so the two cannot drift apart.
namespace lcs::scene {

inline constexpr std::string_view kCuePrompter = "lcs_cue_prompter";
inline constexpr std::string_view kPriceCard = "lcs_price_card";
inline constexpr std::string_view kOrderTicker = "lcs_order_ticker";

inline constexpr std::string_view kCommentFeed = "lcs_comment_feed";
inline constexpr std::string_view kRoomStats = "lcs_room_stats";

inline constexpr std::array<std::string_view, 5> kRegisteredOverlays = {kCuePrompter, kPriceCard, kOrderTicker,
									 kCommentFeed, kRoomStats};

} // namespace lcs::scene
