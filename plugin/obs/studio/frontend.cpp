#include "studio/frontend.hpp"

#include <condition_variable>
#include <memory>
#include <mutex>

#include <QApplication>
#include <QThread>

namespace lcs::obs {

bool frontend_available()
{
	return qobject_cast<QApplication *>(QCoreApplication::instance()) != nullptr;
}

UiCall run_on_ui_thread(std::function<void()> work, std::chrono::milliseconds timeout)
{
	if (!frontend_available())
		return UiCall::NoFrontend;
	QCoreApplication *app = QCoreApplication::instance();
	if (QThread::currentThread() == app->thread()) {
		work();
		return UiCall::Done;
	}
	// Shared with the posted call, which outlives this function when the wait times out.
	struct Completion {
		std::mutex mutex;
		std::condition_variable done_cv;
		bool done = false;
	};
	auto completion = std::make_shared<Completion>();
	QMetaObject::invokeMethod(
		app,
		[completion, work = std::move(work)] {
			work();
			std::lock_guard lock(completion->mutex);
			completion->done = true;
			completion->done_cv.notify_all();
		},
		Qt::QueuedConnection);
	std::unique_lock lock(completion->mutex);
	return completion->done_cv.wait_for(lock, timeout, [&] { return completion->done; }) ? UiCall::Done
											 : UiCall::TimedOut;
}

} // namespace lcs::obs
