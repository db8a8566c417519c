#include "core/metrics/log_reader.hpp"

#include <cstdio>

#include "core/platform/file_sync.hpp"

namespace lcs::metrics {
namespace {
bool is_event(const nlohmann::json &j)
{
	return j.is_object() && j.contains("t") && j["t"].is_number_integer() && j.contains("type") && j["type"].is_string();
}
} // namespace

ReadReport read_session_log(const std::string &utf8_path, const HeaderCallback &on_header, const EventCallback &on_event)
{
	ReadReport report;
	std::FILE *file = platform::open_utf8(utf8_path.c_str(), "rb");
	if (!file) {
		report.problems.push_back({diag::Severity::Error, {utf8_path, 0, 0}, "cannot open the session log"});
		return report;
	}
	std::string line;
	std::vector<char> buffer(1 << 16);
	int line_number = 0;
	bool header_seen = false;
	int64_t last_t = 0;
	// A badly damaged log must not fill memory with complaints: keep the first ones and count the rest.
	constexpr size_t kMaxProblems = 100;
	size_t dropped = 0;
	auto problem = [&](int at_line, std::string message) {
		if (report.problems.size() < kMaxProblems)
			report.problems.push_back({diag::Severity::Error, {utf8_path, at_line, 1}, std::move(message)});
		else
			++dropped;
	};
	auto handle = [&](bool complete) {
		++line_number;
		if (line.empty() && complete)
			return;
		nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
		if (j.is_discarded() || !j.is_object()) {
			if (!complete) {
				report.truncated_last_line = true; // a crash cut the last line
				return;
			}
			problem(line_number, "not a JSON object; line skipped");
			return;
		}
		if (dropped > 0)
		report.problems.push_back({diag::Severity::Error, {utf8_path, 0, 0}, std::to_string(dropped) + " more malformed lines"});
	if (!header_seen) {
			header_seen = true;
			if (j.value("type", "") != "session" || j.value("schema", "") != kSessionSchema) {
				report.problems.push_back({diag::Severity::Error, {utf8_path, line_number, 1},
							   std::string("line 1 is not an ") + kSessionSchema + " session header"});
				return;
			}
			if (on_header)
				on_header(j);
			return;
		}
		if (!is_event(j)) {
			problem(line_number, "event without integer 't' or string 'type'; skipped");
			return;
		}
		const int64_t t = j["t"].get<int64_t>();
		if (t < last_t) {
			problem(line_number, "'t' decreases; event skipped");
			return;
		}
		last_t = t;
		++report.events;
		if (on_event)
			on_event(j);
	};
	size_t n = 0;
	while ((n = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) {
		for (size_t i = 0; i < n; ++i) {
			if (buffer[i] == '\n') {
				handle(true);
				line.clear();
			} else {
				line.push_back(buffer[i]);
			}
		}
	}
	std::fclose(file);
	if (!line.empty())
		handle(false);
	if (dropped > 0)
		report.problems.push_back({diag::Severity::Error, {utf8_path, 0, 0}, std::to_string(dropped) + " more malformed lines"});
	if (!header_seen)
		report.problems.push_back({diag::Severity::Error, {utf8_path, 1, 1}, "empty log: no session header"});
	return report;
}

} // namespace lcs::metrics
