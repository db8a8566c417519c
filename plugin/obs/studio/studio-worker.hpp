#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace lcs::obs {

// The studio's one background thread for file work: reading and parsing script packs, preparing
// a session's start (audience data, the sessions folder). Jobs run one after another in the order
// they were posted, so the last choice of script wins. Neither OBS's video thread nor its hotkey
// thread ever waits for a disk: they only post. The queue's mutex is held for pushing and popping,
// never while a job runs.
class StudioWorker {
public:
	StudioWorker();
	/// Stops: the job running finishes, jobs still queued are dropped (destroyed without running),
	/// then the thread is joined. Jobs are short (one pack load), so unloading waits briefly.
	~StudioWorker();
	StudioWorker(const StudioWorker &) = delete;
	StudioWorker &operator=(const StudioWorker &) = delete;

	/// Queues a job; false (the job dropped) once stopping.
	bool post(std::function<void()> job);
	/// True on the worker's own thread (a job may do directly what others post).
	[[nodiscard]] bool on_worker_thread() const { return std::this_thread::get_id() == thread_.get_id(); }

private:
	void run();

	std::mutex mutex_;
	std::condition_variable wake_;
	std::deque<std::function<void()>> jobs_; // guarded by mutex_
	bool stopping_ = false;                  // guarded by mutex_
	std::thread thread_;                     // last: starts once the rest is ready
};

} // namespace lcs::obs
