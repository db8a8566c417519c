#include "render/paint-worker.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include <util/threading.h>

namespace lcs::obs::render {

struct PaintSlot::State {
	std::mutex mutex;
	std::optional<PaintJob> job;        // guarded by mutex: the newest job not started yet
	std::vector<uint32_t> swatches;     // guarded by mutex: the colours that job keeps
	std::optional<PaintedImage> result; // guarded by mutex: the newest image not taken yet
	bool queued = false;                // guarded by mutex: in the worker's queue
	std::atomic<uint64_t> submitted{0};
	std::atomic<uint64_t> painted{0};
};

// The painter thread and its queue of slots with a job waiting (each slot at most once).
class PaintWorker {
public:
	/// The running painter, started when none is.
	static std::shared_ptr<PaintWorker> acquire()
	{
		static std::mutex mutex;
		static std::weak_ptr<PaintWorker> current; // guarded by mutex
		std::lock_guard lock(mutex);
		auto worker = current.lock();
		if (!worker) {
			worker = std::shared_ptr<PaintWorker>(new PaintWorker());
			current = worker;
		}
		return worker;
	}

	~PaintWorker()
	{
		{
			std::lock_guard lock(mutex_);
			stop_ = true;
		}
		wake_.notify_one();
		thread_.join();
	}

	PaintWorker(const PaintWorker &) = delete;
	PaintWorker &operator=(const PaintWorker &) = delete;

	/// Queues `state` (whose job was just set) unless it is queued already.
	void enqueue(const std::shared_ptr<PaintSlot::State> &state)
	{
		{
			std::lock_guard lock(mutex_);
			queue_.push_back(state);
		}
		wake_.notify_one();
	}

private:
	PaintWorker() : thread_([this] { run(); }) {}

	void run()
	{
		os_set_thread_name("lcs-painter");
		for (;;) {
			std::shared_ptr<PaintSlot::State> state;
			{
				std::unique_lock lock(mutex_);
				wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
				if (stop_)
					return;
				state = std::move(queue_.front());
				queue_.pop_front();
			}
			std::optional<PaintJob> job;
			std::vector<uint32_t> swatches;
			{
				std::lock_guard lock(state->mutex);
				job.swap(state->job);
				swatches.swap(state->swatches);
				state->queued = false;
			}
			if (!job || !*job)
				continue; // cancelled by a slot that died
			PaintedImage painted;
			painted.image = (*job)();
			// What the texture takes, converted here rather than on the video thread.
			if (!painted.image.isNull() && painted.image.format() != QImage::Format_RGBA8888)
				painted.image = painted.image.convertToFormat(QImage::Format_RGBA8888);
			painted.bands = VisibleBands::of(painted.image);
			painted.image = Swatches::append(painted.image, swatches, &painted.swatches);
			std::lock_guard lock(state->mutex);
			state->result = std::move(painted);
			state->painted.fetch_add(1, std::memory_order_relaxed);
		}
	}

	std::mutex mutex_;
	std::condition_variable wake_;
	std::deque<std::shared_ptr<PaintSlot::State>> queue_; // guarded by mutex_
	bool stop_ = false;                                    // guarded by mutex_
	std::thread thread_;                                   // last: starts once the rest exists
};

PaintSlot::PaintSlot() : state_(std::make_shared<State>()), worker_(PaintWorker::acquire()) {}

PaintSlot::~PaintSlot()
{
	std::lock_guard lock(state_->mutex);
	state_->job.reset(); // a queued job is dropped; one running finishes into the orphaned state
}

void PaintSlot::submit(PaintJob job, std::vector<uint32_t> swatches)
{
	bool enqueue = false;
	{
		std::lock_guard lock(state_->mutex);
		state_->job = std::move(job);
		state_->swatches = std::move(swatches);
		enqueue = !state_->queued;
		state_->queued = true;
	}
	state_->submitted.fetch_add(1, std::memory_order_relaxed);
	if (enqueue)
		worker_->enqueue(state_);
}

std::optional<PaintedImage> PaintSlot::take()
{
	std::optional<PaintedImage> out;
	std::lock_guard lock(state_->mutex);
	out.swap(state_->result);
	return out;
}

uint64_t PaintSlot::submitted() const
{
	return state_->submitted.load(std::memory_order_relaxed);
}

uint64_t PaintSlot::painted() const
{
	return state_->painted.load(std::memory_order_relaxed);
}

} // namespace lcs::obs::render
