#pragma once

#include <string>

namespace lcs::platform {

/// The current UTC time as ISO-8601 ("2026-11-26T01:02:03Z"). Only live sessions read the wall
/// clock, to stamp started_at; the session logic itself never does.
std::string utc_now_iso8601();

} // namespace lcs::platform
