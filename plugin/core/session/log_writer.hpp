#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "core/event/event.hpp"

namespace lcs::session {

// Writes a session log (lcs.session/1 JSONL) on its own thread: callers only queue lines, so OBS
// threads never wait on the disk. Every line is flushed to the OS as soon as it is written, and
// fsync'ed at least once a second, so a crash loses at most the last second and the file always
// ends at a line boundary or inside the very last line (which readers drop). A failed write,
// flush, sync or close is recorded with the OS's reason (healthy()); after one, nothing more is
// written (no hole in the middle of the file) but lines are still taken, so the session goes on.
class LogWriter {
public:
	/// Opens (truncates) the file; throws std::runtime_error when it cannot.
	explicit LogWriter(const std::string &utf8_path);
	~LogWriter(); // writes what is queued, syncs, closes
	LogWriter(const LogWriter &) = delete;
	LogWriter &operator=(const LogWriter &) = delete;

	/// Queues one line (without its newline).
	void write_line(std::string line);
	void write(const Event &event) { write_line(event.to_json_line()); }
	void write(const Events &events);

	/// Blocks until everything queued so far is written and synced (tests, the CLI).
	void drain();

	/// Asks the writer to write what is queued, sync and close the file, without waiting.
	/// finished() tells when it is done; destroying a finished writer never blocks.
	void finish();
	[[nodiscard]] bool finished() const;
	/// Blocks until a finish()ed writer has closed its file (the CLI; never an OBS thread).
	void wait_finished();

	[[nodiscard]] const std::string &path() const { return path_; }
	/// False once a write, flush, sync or close failed (a full disk, a removed drive); the message
	/// names the file and the OS's reason ("cannot write session log X: No space left on device").
	/// Cheap: an atomic flag while all is well (the controller asks every tick).
	[[nodiscard]] bool healthy(std::string *error = nullptr) const;

private:
	void run();
	void fail(const char *what, int err);
	bool write_one(const std::string &line);
	bool sync();

	std::string path_;
	std::FILE *file_ = nullptr;
	mutable std::mutex mutex_;
	std::condition_variable wake_;
	std::condition_variable drained_;
	std::deque<std::string> queue_;
	bool stopping_ = false;
	bool busy_ = false;
	bool sync_requested_ = false;
	bool closed_ = false; // the writer thread has closed the file
	std::string error_; // the first failure
	std::atomic<bool> failed_{false};
	std::thread thread_;
};

} // namespace lcs::session
