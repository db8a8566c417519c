#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>

class QObject;

namespace lcs::obs {

enum class UiCall {
	Done,       // `work` ran
	NoFrontend, // no OBS main window in this process
	TimedOut,   // the UI thread did not get to it in time (OBS busy); it may still run
	Closing,    // OBS is exiting or the module unloading: `work` did not run and never will
};

// Calls handed from other threads to the thread of the QCoreApplication (OBS's UI thread), and
// waited for. No wait outlives the UI loop: close() (OBS exiting, the module unloading) wakes
// every waiter at once with UiCall::Closing, drops the calls not yet run, and answers later calls
// at once. run_on_ui_thread() (frontend.hpp) uses the module's one queue.
class UiCallQueue {
public:
	UiCallQueue();
	~UiCallQueue(); // close(); on the UI thread (drops the queued calls with their receiver)

	UiCallQueue(const UiCallQueue &) = delete;
	UiCallQueue &operator=(const UiCallQueue &) = delete;

	/// Runs `work` on the UI thread and waits for it at most `timeout` (runs it at once when
	/// called there). `work` must own what it touches: it may run after a time-out.
	UiCall run(std::function<void()> work, std::chrono::milliseconds timeout);

	/// Any thread, idempotent. On the UI thread it also frees what the dropped calls held.
	void close();

	/// Calls waiting for the UI thread now (for tests and diagnostics).
	[[nodiscard]] size_t waiting() const;

private:
	struct State {
		mutable std::mutex mutex;
		std::condition_variable changed;
		bool closed = false;
		size_t waiting = 0;
	};
	std::shared_ptr<State> state_; // shared with the posted calls, which may outlive a wait
	QObject *receiver_ = nullptr;  // lives on the UI thread; deleting it drops the posted calls
};

} // namespace lcs::obs
