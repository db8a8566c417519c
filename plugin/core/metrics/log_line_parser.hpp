#pragma once

#include <cstddef>
#include <memory>

#include "core/metrics/log_event.hpp"

// Parses one event line of a session log with simdjson On-Demand (one parser, reused), into a
// LogEvent. It accepts exactly the lines nlohmann::json::parse accepts as a JSON object (an
// initial UTF-8 byte-order mark skipped, nothing but whitespace after the object; nested arrays
// and objects are checked by nlohmann/json itself), so the reader's verdicts do not depend on
// which parser read the line.
namespace lcs::metrics {

/// The bytes of padding simdjson may read past the end of a line (they need not be zero).
size_t log_line_padding();

class LogLineParser {
public:
	LogLineParser();
	~LogLineParser();
	LogLineParser(const LogLineParser &) = delete;
	LogLineParser &operator=(const LogLineParser &) = delete;

	/// Parses [data, data + size) into `event`; `capacity` ≥ size + log_line_padding() bytes from
	/// data are readable. Returns false when the line is not one whole JSON object. The views in
	/// `event` stay valid until the next parse.
	bool parse(const char *data, size_t size, size_t capacity, LogEvent &event);

private:
	struct Impl;
	std::unique_ptr<Impl> impl_;
};

} // namespace lcs::metrics
