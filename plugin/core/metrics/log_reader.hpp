#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "core/diag/diagnostic.hpp"
#include "core/metrics/log_event.hpp"

namespace lcs::metrics {

// Streams a session log (lcs.session/1) line by line without loading it whole. The header (line
// 1) and each event go to the callbacks. A last line cut off by a crash (no newline and not a
// whole JSON object) is dropped; other malformed lines are reported with their line number and
// skipped; unknown event types are passed on (readers ignore what they do not know).
//
// A hostile log cannot make the reader (or what is built on it) crash or grow without bound: a
// line over its length limit is skipped to its newline without being held, a line nested deeper
// than kMaxNesting is refused before it is parsed, a known field of the wrong JSON type is a bad
// line, and a `t` far beyond the session's planned length is a bad line that leaves later events
// alone (docs/contract-notes.md, session log). A header that is too long, too deep or has a
// mistyped field refuses the whole log (no header, no events, a problem at its line).
struct ReadReport {
	size_t events = 0;
	bool truncated_last_line = false;
	diag::Diagnostics problems; // malformed lines; an unreadable file or missing header
};

using HeaderCallback = std::function<void(const nlohmann::json &header)>;
using EventCallback = std::function<void(const nlohmann::json &event)>;

/// Thrown by an event callback to reject the event it was given (e.g. a sum it would overflow):
/// the reader reports what() at the event's line, does not count the event, and reads on.
class BadLine : public std::runtime_error {
public:
	using std::runtime_error::runtime_error;
};

ReadReport read_session_log(const std::string &utf8_path, const HeaderCallback &on_header, const EventCallback &on_event);

/// The same reader (same verdicts, problems and report), handing each event over as a LogEvent
/// (its fields parsed by simdjson, no JSON tree built): the fast path for what reads every event
/// of long logs (the report, the metrics). The event's views are valid only during the callback.
using EventViewCallback = std::function<void(const LogEvent &event)>;
ReadReport read_session_events(const std::string &utf8_path, const HeaderCallback &on_header, const EventViewCallback &on_event);

inline constexpr const char *kSessionSchema = "lcs.session/1";

// The reader's limits on one log.
inline constexpr size_t kMaxHeaderLineBytes = size_t{16} << 20; // the header lists every cue of the packs
inline constexpr size_t kMaxEventLineBytes = size_t{1} << 20;
inline constexpr int kMaxNesting = 64; // arrays and objects inside each other on one line
inline constexpr int64_t kMaxSessionMs = int64_t{48} * 3600 * 1000; // twice the desk's longest session
inline constexpr int64_t kMinTimeMarginMs = int64_t{10} * 60 * 1000;

/// The latest `t` accepted in a session planned to last `planned_seconds` (≤ 0: not known): the
/// plan plus the plan again or 10 minutes, whichever is more, and never more than kMaxSessionMs.
int64_t max_event_t(int64_t planned_seconds);

} // namespace lcs::metrics
