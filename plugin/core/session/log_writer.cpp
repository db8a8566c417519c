#include "core/session/log_writer.hpp"

#include <cerrno>
#include <chrono>
#include <stdexcept>
#include <system_error>

#include "core/platform/file_sync.hpp"

namespace lcs::session {
namespace {
std::string os_reason(int err)
{
	return std::generic_category().message(err != 0 ? err : EIO);
}
} // namespace

LogWriter::LogWriter(const std::string &utf8_path) : path_(utf8_path)
{
	errno = 0;
	file_ = platform::open_utf8(utf8_path.c_str(), "wb");
	if (!file_)
		throw std::runtime_error("cannot open session log " + utf8_path + " for writing: " + os_reason(errno));
	thread_ = std::thread([this] { run(); });
}

LogWriter::~LogWriter()
{
	finish();
	thread_.join();
}

void LogWriter::finish()
{
	{
		std::lock_guard lock(mutex_);
		stopping_ = true;
	}
	wake_.notify_all();
}

bool LogWriter::finished() const
{
	std::lock_guard lock(mutex_);
	return closed_;
}

void LogWriter::wait_finished()
{
	std::unique_lock lock(mutex_);
	drained_.wait(lock, [this] { return closed_; });
}

void LogWriter::write_line(std::string line)
{
	{
		std::lock_guard lock(mutex_);
		queue_.push_back(std::move(line));
	}
	wake_.notify_one();
}

void LogWriter::write(const Events &events)
{
	if (events.empty())
		return;
	{
		std::lock_guard lock(mutex_);
		for (const auto &e : events)
			queue_.push_back(e.to_json_line());
	}
	wake_.notify_one();
}

void LogWriter::drain()
{
	std::unique_lock lock(mutex_);
	if (closed_ || stopping_)
		return;
	sync_requested_ = true;
	wake_.notify_one();
	drained_.wait(lock, [this] { return queue_.empty() && !busy_ && !sync_requested_; });
}

bool LogWriter::healthy(std::string *error) const
{
	if (!failed_.load(std::memory_order_acquire)) {
		if (error)
			error->clear();
		return true;
	}
	std::lock_guard lock(mutex_);
	if (error)
		*error = error_;
	return false;
}

void LogWriter::fail(const char *what, int err)
{
	std::lock_guard lock(mutex_);
	if (!error_.empty())
		return; // the first failure is the one that matters: the file ends there
	error_ = std::string("cannot ") + what + " session log " + path_ + ": " + os_reason(err);
	failed_.store(true, std::memory_order_release);
}

bool LogWriter::write_one(const std::string &line)
{
	// One line at a time, flushed: a crash cuts the file at most inside the last line.
	errno = 0;
	if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() || std::fputc('\n', file_) == EOF ||
	    std::fflush(file_) != 0) {
		fail("write", errno);
		return false;
	}
	return true;
}

bool LogWriter::sync()
{
	errno = 0;
	if (!platform::sync_to_disk(file_)) {
		fail("sync", errno);
		return false;
	}
	return true;
}

void LogWriter::run()
{
	using clock = std::chrono::steady_clock;
	auto last_sync = clock::now();
	bool unsynced = false;
	bool broken = false; // after a failure nothing more is written: the file ends at a line boundary or in the failed line
	std::unique_lock lock(mutex_);
	while (true) {
		wake_.wait_for(lock, std::chrono::milliseconds(250), [this] { return stopping_ || !queue_.empty(); });
		std::deque<std::string> batch;
		batch.swap(queue_);
		busy_ = !batch.empty();
		const bool stop = stopping_;
		const bool sync_requested = sync_requested_;
		lock.unlock();

		for (const auto &line : batch) {
			if (broken)
				break; // the lines are dropped (the session keeps them in memory)
			broken = !write_one(line);
			unsynced = true;
		}
		if (!broken && unsynced && (stop || sync_requested || clock::now() - last_sync >= std::chrono::seconds(1))) {
			broken = !sync();
			last_sync = clock::now();
			unsynced = false;
		}

		lock.lock();
		busy_ = false;
		if (sync_requested)
			sync_requested_ = false;
		if (queue_.empty())
			drained_.notify_all();
		if (stop && queue_.empty()) {
			lock.unlock();
			errno = 0;
			if (!broken && std::fflush(file_) != 0)
				fail("write", errno);
			errno = 0;
			if (std::fclose(file_) != 0)
				fail("close", errno); // kept only when nothing failed before
			file_ = nullptr;
			lock.lock();
			closed_ = true;
			drained_.notify_all();
			return;
		}
	}
}

} // namespace lcs::session
