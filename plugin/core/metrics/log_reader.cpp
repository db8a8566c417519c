#include "core/metrics/log_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <vector>

#include "core/metrics/contract_check.hpp"
#include "core/metrics/event_fields.hpp"
#include "core/metrics/log_line_parser.hpp"
#include "core/platform/file_sync.hpp"

namespace lcs::metrics {
namespace {
bool is_event(const LogEvent &e)
{
	const LogField *t = e.find("t");
	const LogField *type = e.find("type");
	return t && t->is_integer() && type && type->kind == JsonKind::String;
}

// Whether a line goes deeper than kMaxNesting arrays and objects (outside strings). A line with
// no more than kMaxNesting brackets cannot (the common case: counted without following strings).
bool too_deep(std::string_view line)
{
	size_t openers = 0;
	for (const char c : line)
		openers += (c == '[' || c == '{') ? 1 : 0;
	if (openers <= static_cast<size_t>(kMaxNesting))
		return false;
	int depth = 0;
	bool in_string = false;
	bool escaped = false;
	for (const char c : line) {
		if (in_string) {
			if (escaped)
				escaped = false;
			else if (c == '\\')
				escaped = true;
			else if (c == '"')
				in_string = false;
		} else if (c == '"') {
			in_string = true;
		} else if (c == '[' || c == '{') {
			if (++depth > kMaxNesting)
				return true;
		} else if (c == ']' || c == '}') {
			--depth;
		}
	}
	return false;
}

// What is wrong with a line before it is parsed (too long or too deep), or "". Of a line over
// `limit` bytes only its first `limit` bytes are looked at: nesting found in them is what is
// reported, as when the line was scanned byte by byte.
std::string shape_problem(std::string_view head, size_t line_bytes, size_t limit)
{
	if (too_deep(head.substr(0, std::min(head.size(), limit))))
		return "nested deeper than " + std::to_string(kMaxNesting) + " levels";
	if (line_bytes > limit)
		return "line longer than " + std::to_string(limit) + " bytes";
	return {};
}

// The file read in large chunks into one buffer with simdjson's padding after it; lines are
// handed out as views into it (a line longer than its limit is skipped without being held).
class ChunkedLines {
public:
	explicit ChunkedLines(std::FILE *file) : file_(file) { resize(kInitialBytes); }

	struct Line {
		std::string_view text; // empty for a skipped (overlong) line
		size_t capacity = 0; // readable bytes from text.data() (padding included)
		size_t bytes = 0; // the line's length (kept for an overlong one)
		bool complete = false; // ended by a newline
		std::string head_problem; // for an overlong line: why it was skipped
	};

	// The next line, or false at the end of the file (or a read error: failed()).
	bool next(size_t limit, Line &line)
	{
		bool skipping = false;
		size_t skipped = 0;
		for (;;) {
			if (const void *nl = std::memchr(buf_.data() + scan_, '\n', end_ - scan_)) {
				const size_t at = static_cast<size_t>(static_cast<const char *>(nl) - buf_.data());
				if (skipping) {
					line.text = {};
					line.bytes = skipped + (at - begin_);
				} else {
					line.text = std::string_view(buf_.data() + begin_, at - begin_);
					line.capacity = buf_.size() - begin_;
					line.bytes = line.text.size();
					line.head_problem.clear();
				}
				line.complete = true;
				begin_ = scan_ = at + 1;
				return true;
			}
			scan_ = end_;
			if (!skipping && end_ - begin_ > limit) {
				// Overlong: judged by its first `limit` bytes, then dropped as it streams past.
				line.head_problem = shape_problem(std::string_view(buf_.data() + begin_, end_ - begin_), end_ - begin_, limit);
				skipping = true;
				skipped = 0;
			}
			if (skipping) {
				skipped += end_ - begin_;
				begin_ = scan_ = end_ = 0;
			}
			if (eof_ || !fill(limit)) {
				if (skipping) {
					line.text = {};
					line.bytes = skipped;
					line.complete = false;
					return true;
				}
				if (end_ > begin_) {
					line.text = std::string_view(buf_.data() + begin_, end_ - begin_);
					line.capacity = buf_.size() - begin_;
					line.bytes = line.text.size();
					line.head_problem.clear();
					line.complete = false;
					begin_ = scan_ = end_;
					return true;
				}
				return false;
			}
		}
	}

	[[nodiscard]] bool failed() const { return failed_; }
	[[nodiscard]] int error() const { return errno_; }

private:
	static constexpr size_t kInitialBytes = size_t{1} << 18;

	void resize(size_t bytes)
	{
		bytes_ = bytes;
		buf_.resize(bytes_ + log_line_padding());
	}

	// Reads more after what is kept (moved to the front; the buffer grows when a line fills it,
	// to one byte more than a line may have: a line that fills that is overlong).
	bool fill(size_t limit)
	{
		if (begin_ > 0) {
			std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
			end_ -= begin_;
			scan_ -= begin_;
			begin_ = 0;
		}
		if (end_ == bytes_)
			resize(std::max(bytes_ + 1, std::min(bytes_ * 2, limit + 1)));
		const size_t n = std::fread(buf_.data() + end_, 1, bytes_ - end_, file_);
		if (n == 0) {
			eof_ = true;
			if (std::ferror(file_)) {
				failed_ = true;
				errno_ = errno;
			}
			return false;
		}
		end_ += n;
		return true;
	}

	std::FILE *file_;
	std::vector<char> buf_;
	size_t bytes_ = 0; // usable bytes of buf_ (the padding follows)
	size_t begin_ = 0; // start of the current line
	size_t scan_ = 0; // where to look for its newline
	size_t end_ = 0; // end of what was read
	bool eof_ = false;
	bool failed_ = false;
	int errno_ = 0;
};
} // namespace

int64_t max_event_t(int64_t planned_seconds)
{
	if (planned_seconds <= 0 || planned_seconds >= kMaxSessionMs / 1000)
		return kMaxSessionMs;
	const int64_t planned_ms = planned_seconds * 1000;
	return std::min(planned_ms + std::max(planned_ms, kMinTimeMarginMs), kMaxSessionMs);
}

ReadReport read_session_events(const std::string &utf8_path, const HeaderCallback &on_header, const EventViewCallback &on_event)
{
	ReadReport report;
	std::FILE *file = platform::open_utf8(utf8_path.c_str(), "rb");
	if (!file) {
		report.problems.push_back({diag::Severity::Error, {utf8_path, 0, 0}, std::string("cannot open the session log: ") + std::strerror(errno)});
		return report;
	}
	ChunkedLines lines(file);
	LogLineParser parser;
	LogEvent event;
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
	auto handle_header = [&](const ChunkedLines::Line &line, std::string bad) {
		nlohmann::json j;
		if (bad.empty()) {
			j = nlohmann::json::parse(line.text.begin(), line.text.end(), nullptr, false);
			if (j.is_discarded() || !j.is_object()) {
				if (!line.complete) {
					report.truncated_last_line = true; // a crash cut the last line
					return;
				}
				bad = "not a JSON object";
			}
		}
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
	};
	auto handle_event = [&](const ChunkedLines::Line &line, std::string bad) {
		if (bad.empty() && !parser.parse(line.text.data(), line.text.size(), line.capacity, event)) {
			if (!line.complete) {
				report.truncated_last_line = true; // a crash cut the last line
				return;
			}
			bad = "not a JSON object";
		}
		if (!bad.empty()) {
			problem(line_number, bad + "; line skipped");
			return;
		}
		if (!is_event(event)) {
			problem(line_number, "event without integer 't' or string 'type'; skipped");
			return;
		}
		const LogField &tf = *event.find("t");
		if (tf.kind == JsonKind::Uint ? tf.uinteger > static_cast<uint64_t>(t_limit) : tf.integer > t_limit) {
			problem(line_number, "'t' is beyond " + std::to_string(t_limit) + " ms, far past the session's planned length; event skipped");
			return;
		}
		const int64_t t = tf.integer;
		if (t < 0) {
			problem(line_number, "'t' is negative; event skipped");
			return;
		}
		if (t < last_t) {
			problem(line_number, "'t' decreases; event skipped");
			return;
		}
		if (std::string why = check_event_types(event); !why.empty()) {
			problem(line_number, why + "; event skipped");
			return;
		}
		try {
			if (on_event)
				on_event(event);
		} catch (const BadLine &rejected) {
			problem(line_number, rejected.what());
			return;
		}
		last_t = t;
		++report.events;
	};
	ChunkedLines::Line line;
	while (!refused && lines.next(header_seen ? kMaxEventLineBytes : kMaxHeaderLineBytes, line)) {
		if (!line.complete && lines.failed())
			break; // what a failed read left is not a line
		++line_number;
		if (line.bytes == 0)
			continue;
		const size_t limit = header_seen ? kMaxEventLineBytes : kMaxHeaderLineBytes;
		std::string bad = line.text.size() == line.bytes ? shape_problem(line.text, line.bytes, limit) : line.head_problem;
		if (!header_seen)
			handle_header(line, std::move(bad));
		else
			handle_event(line, std::move(bad));
	}
	std::fclose(file);
	const bool read_failed = lines.failed();
	if (read_failed)
		report.problems.push_back({diag::Severity::Error, {utf8_path, 0, 0}, std::string("cannot read the session log: ") + std::strerror(lines.error())});
	if (dropped > 0)
		report.problems.push_back({diag::Severity::Error, {utf8_path, 0, 0}, std::to_string(dropped) + " more malformed lines"});
	if (!header_seen && !read_failed)
		report.problems.push_back({diag::Severity::Error, {utf8_path, 1, 1}, "empty log: no session header"});
	return report;
}

ReadReport read_session_log(const std::string &utf8_path, const HeaderCallback &on_header, const EventCallback &on_event)
{
	EventViewCallback as_json;
	if (on_event)
		as_json = [&](const LogEvent &e) { on_event(e.to_json()); };
	return read_session_events(utf8_path, on_header, as_json);
}

} // namespace lcs::metrics
