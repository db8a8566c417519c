#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace lcs::obs {

// Writes the captions (<video>.vtt) and chapters (<video>.chapters.txt) of stopped recordings
// from the session log, on one worker thread, in the order the recordings stopped. Each job
// first waits (at most `marker_wait`) for the recording_stop event to reach the log on disk.
// stop() — the module unloading — ends that wait at once (OBS's video thread no longer logs
// anything then), writes what is still queued from the logs as they are, and joins the worker.
class SidecarWriter {
public:
	explicit SidecarWriter(std::chrono::milliseconds marker_wait = std::chrono::seconds(5));
	~SidecarWriter();

	SidecarWriter(const SidecarWriter &) = delete;
	SidecarWriter &operator=(const SidecarWriter &) = delete;

	/// Any thread; returns at once. `log` and `video` are UTF-8 paths.
	void enqueue(std::string log, std::string video);
	/// Idempotent; later enqueue() calls are refused (logged).
	void stop();

	/// Worker threads started so far (one at most).
	[[nodiscard]] size_t threads_started() const;
	/// Jobs finished (written or failed) so far.
	[[nodiscard]] size_t jobs_done() const;

private:
	struct Job {
		std::string log;
		std::string video;
	};
	void work();
	void write(const Job &job);

	const std::chrono::milliseconds marker_wait_;
	mutable std::mutex mutex_;
	std::condition_variable changed_;
	std::deque<Job> jobs_;  // guarded by mutex_
	bool stopping_ = false; // guarded by mutex_
	size_t threads_started_ = 0; // guarded by mutex_
	size_t jobs_done_ = 0;       // guarded by mutex_
	std::vector<std::thread> threads_;
};

} // namespace lcs::obs
