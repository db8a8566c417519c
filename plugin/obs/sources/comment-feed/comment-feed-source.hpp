#pragma once

namespace lcs::obs {

inline constexpr const char *kCommentFeedSourceId = "lcs_comment_feed";

/// Registers lcs_comment_feed: the simulated chat with names, question badges, unanswered
/// questions highlighted and ageing; a readable sample when the chat runs fast (the log keeps all).
void register_comment_feed_source();

} // namespace lcs::obs
