#pragma once

namespace lcs::obs {

inline constexpr const char *kRoomStatsSourceId = "lcs_room_stats";

/// Registers lcs_room_stats: viewers, likes, follows, orders and GMV as a live room shows them,
/// the session clock, and a dead-air warning while the microphone is silent.
void register_room_stats_source();

} // namespace lcs::obs
