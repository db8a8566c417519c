#include "core/session/log_writer.hpp"

#include <chrono>
#include <stdexcept>

#include "core/platform/file_sync.hpp"

namespace lcs::session {

LogWriter::LogWriter(const std::string &utf8_path) : path_(utf8_path)
{
	file_ = platform::open_utf8(utf8_path.c_str(), "wb");
	if (!file_)
		throw std::runtime_error("cannot open session log " + utf8_path + " for writing");
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
	std::lock_guard lock(mutex_);
	if (error)
		*error = error_;
	return error_.empty();
}

void LogWriter::run()
{
	using clock = std::chrono::steady_clock;
	auto last_sync = clock::now();
	bool unsynced = false;
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
			// One line at a time, flushed: a crash cuts the file at most inside the last line.
			const bool ok = std::fwrite(line.data(), 1, line.size(), file_) == line.size() &&
					std::fputc('\n', file_) != EOF && std::fflush(file_) == 0;
			if (!ok) {
				std::lock_guard error_lock(mutex_);
				if (error_.empty())
					error_ = "write to " + path_ + " failed";
			}
			unsynced = true;
		}
		if (unsynced && (stop || sync_requested || clock::now() - last_sync >= std::chrono::seconds(1))) {
			platform::sync_to_disk(file_);
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
			std::fflush(file_);
			platform::sync_to_disk(file_);
			std::fclose(file_);
			file_ = nullptr;
			lock.lock();
			closed_ = true;
			drained_.notify_all();
			return;
		}
	}
}

} // namespace lcs::session
