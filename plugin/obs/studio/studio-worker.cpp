#include "studio/studio-worker.hpp"

#include <exception>

#include <util/threading.h>

#include "core/log/log.hpp"

namespace lcs::obs {

StudioWorker::StudioWorker() : thread_([this] { run(); }) {}

StudioWorker::~StudioWorker()
{
	std::deque<std::function<void()>> dropped;
	{
		std::lock_guard lock(mutex_);
		stopping_ = true;
		dropped.swap(jobs_);
	}
	wake_.notify_all();
	dropped.clear(); // outside the lock: a dropped job's captures may wake a waiter
	if (thread_.joinable())
		thread_.join();
}

bool StudioWorker::post(std::function<void()> job)
{
	{
		std::lock_guard lock(mutex_);
		if (stopping_)
			return false;
		jobs_.push_back(std::move(job));
	}
	wake_.notify_one();
	return true;
}

void StudioWorker::run()
{
	os_set_thread_name("lcs: studio worker");
	for (;;) {
		std::function<void()> job;
		{
			std::unique_lock lock(mutex_);
			wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
			if (stopping_)
				return;
			job = std::move(jobs_.front());
			jobs_.pop_front();
		}
		try {
			job();
		} catch (const std::exception &e) {
			lcs::log::logger()->error("studio worker: {}", e.what());
		}
	}
}

} // namespace lcs::obs
