#include "core/metrics/log_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "core/metrics/contract_check.hpp"
#include "core/metrics/event_fields.hpp"
#include "core/platform/file_sync.hpp"

namespace lcs::metrics {
namespace {
bool is_event(const nlohmann::json &j)
{
	return j.is_object() && j.contains("t") && j["t"].is_number_integer() && j.contains("type") && j["type"].is_string();
}

// Collects one line while watching its length and its nesting (outside strings), so an overlong
// or too deeply nested line is known without parsing it, and an overlong one is not held whole.
class LineScanner {
public:
	void reset(size_t limit)
	{
		text_.clear();
		bytes_ = 0;
		limit_ = limit;
		depth_ = 0;
		in_string_ = escaped_ = too_long_ = too_deep_ = false;
	}

	void push(char c)
	{
		++bytes_;
		if (too_long_ || too_deep_)
			return; // the line is bad already: nothing more of it is kept
		if (bytes_ > limit_) {
			too_long_ = true;
			std::string().swap(text_);
			return;
		}
		text_.push_back(c);
		if (in_string_) {
			if (escaped_)
				escaped_ = false;
			else if (c == '\\')
				escaped_ = true;
			else if (c == '"')
				in_string_ = false;
		} else if (c == '"') {
			in_string_ = true;
		} else if (c == '[' || c == '{') {
			if (++depth_ > kMaxNesting) {
				too_deep_ = true;
				std::string().swap(text_);
			}
		} else if (c == ']' || c == '}') {
			--depth_;
		}
	}

	[[nodiscard]] size_t bytes() const { return bytes_; }
	[[nodiscard]] size_t limit() const { return limit_; }
	[[nodiscard]] bool too_long() const { return too_long_; }
	[[nodiscard]] bool too_deep() const { return too_deep_; }
	[[nodiscard]] const std::string &text() const { return text_; }

private:
	std::string text_;
	size_t bytes_ = 0;
	size_t limit_ = 0;
	int depth_ = 0;
	bool in_string_ = false;
	bool escaped_ = false;
	bool too_long_ = false;
	bool too_deep_ = false;
};
} // namespace

int64_t max_event_t(int64_t planned_seconds)
{
	if (planned_seconds <= 0 || planned_seconds >= kMaxSessionMs / 1000)
		return kMaxSessionMs;
	const int64_t planned_ms = planned_seconds * 1000;
	return std::min(planned_ms + std::max(planned_ms, kMinTimeMarginMs), kMaxSessionMs);
}

ReadReport read_session_log(const std::string &utf8_path, const HeaderCallback &on_header, const EventCallback &on_event)
{
	ReadReport report;
	std::FILE *file = platform::open_utf8(utf8_path.c_str(), "rb");
	if (!file) {
		report.problems.push_back({diag::Severity::Error, {utf8_path, 0, 0}, std::string("cannot open the session log: ") + std::strerror(errno)});
		return report;
	}
	LineScanner line;
	line.reset(kMaxHeaderLineBytes);
	std::vector<char> buffer(1 << 16);
	int line_number = 0;
	bool header_seen = false;
	bool refused = false;
	int64_t last_t = 0;
	int64_t t_limit = kMaxSessionMs;
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
		if (line.bytes() == 0)
			return;
		std::string bad;
		if (line.too_long())
			bad = "line longer than " + std::to_string(line.limit()) + " bytes";
		else if (line.too_deep())
			bad = "nested deeper than " + std::to_string(kMaxNesting) + " levels";
		nlohmann::json j;
		if (bad.empty()) {
			j = nlohmann::json::parse(line.text(), nullptr, false);
			if (j.is_discarded() || !j.is_object()) {
				if (!complete) {
					report.truncated_last_line = true; // a crash cut the last line
					return;
				}
				bad = "not a JSON object";
			}
		}
		if (!header_seen) {
			// The first line is the header: if it cannot be read as one, the log is not read at all.
			header_seen = true;
			if (bad.empty() && (field_string(j, "type") != "session" || field_string(j, "schema") != kSessionSchema))
				bad = std::string("line 1 is not an ") + kSessionSchema + " session header";
			else if (bad.empty())
				bad = check_header_types(j);
			else
				bad = "session header: " + bad;
			if (!bad.empty()) {
				refused = true;
				report.problems.push_back({diag::Severity::Error, {utf8_path, line_number, 1}, bad + "; the log is not read"});
				return;
			}
			const auto scenario = j.find("scenario");
			t_limit = max_event_t(scenario != j.end() ? field_int(*scenario, "duration_seconds") : 0);
			if (on_header)
				on_header(j);
			return;
		}
		if (!bad.empty()) {
			problem(line_number, bad + "; line skipped");
			return;
		}
		if (!is_event(j)) {
			problem(line_number, "event without integer 't' or string 'type'; skipped");
			return;
		}
		const auto &tj = j["t"];
		if (tj.is_number_unsigned() ? tj.get<uint64_t>() > static_cast<uint64_t>(t_limit) : tj.get<int64_t>() > t_limit) {
			problem(line_number, "'t' is beyond " + std::to_string(t_limit) + " ms, far past the session's planned length; event skipped");
			return;
		}
		const int64_t t = tj.get<int64_t>();
		if (t < 0) {
			problem(line_number, "'t' is negative; event skipped");
			return;
		}
		if (t < last_t) {
			problem(line_number, "'t' decreases; event skipped");
			return;
		}
		if (std::string why = check_event_types(j); !why.empty()) {
			problem(line_number, why + "; event skipped");
			return;
		}
		try {
			if (on_event)
				on_event(j);
		} catch (const BadLine &rejected) {
			problem(line_number, rejected.what());
			return;
		}
		last_t = t;
		++report.events;
	};
	size_t n = 0;
	while (!refused && (n = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) {
		for (size_t i = 0; i < n && !refused; ++i) {
			if (buffer[i] == '\n') {
				handle(true);
				line.reset(header_seen ? kMaxEventLineBytes : kMaxHeaderLineBytes);
			} else {
				line.push(buffer[i]);
			}
		}
	}
	const bool read_failed = std::ferror(file) != 0;
	const int read_errno = errno;
	std::fclose(file);
	if (read_failed)
		report.problems.push_back({diag::Severity::Error, {utf8_path, 0, 0}, std::string("cannot read the session log: ") + std::strerror(read_errno)});
	else if (!refused && line.bytes() > 0)
		handle(false);
	if (dropped > 0)
		report.problems.push_back({diag::Severity::Error, {utf8_path, 0, 0}, std::to_string(dropped) + " more malformed lines"});
	if (!header_seen && !read_failed)
		report.problems.push_back({diag::Severity::Error, {utf8_path, 1, 1}, "empty log: no session header"});
	return report;
}

} // namespace lcs::metrics
