#pragma once

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/diag/diagnostic.hpp"

namespace lcs::metrics {

// Streams a session log (lcs.session/1) line by line without loading it whole. The header (line
// 1) and each event go to the callbacks. A last line cut off by a crash (no newline and not a
// whole JSON object) is dropped; other malformed lines are reported with their line number and
// skipped; unknown event types are passed on (readers ignore what they do not know).
struct ReadReport {
	size_t events = 0;
	bool truncated_last_line = false;
	diag::Diagnostics problems; // malformed lines; an unreadable file or missing header
};

using HeaderCallback = std::function<void(const nlohmann::json &header)>;
using EventCallback = std::function<void(const nlohmann::json &event)>;

ReadReport read_session_log(const std::string &utf8_path, const HeaderCallback &on_header, const EventCallback &on_event);

inline constexpr const char *kSessionSchema = "lcs.session/1";

} // namespace lcs::metrics
