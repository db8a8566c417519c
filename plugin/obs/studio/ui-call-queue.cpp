#include "studio/ui-call-queue.hpp"

#include <QCoreApplication>
#include <QObject>
#include <QThread>

namespace lcs::obs {

UiCallQueue::UiCallQueue() : state_(std::make_shared<State>())
{
	if (QCoreApplication *app = QCoreApplication::instance()) {
		receiver_ = new QObject();
		receiver_->moveToThread(app->thread());
	}
}

UiCallQueue::~UiCallQueue()
{
	close();
	if (receiver_ && QThread::currentThread() == receiver_->thread())
		delete receiver_; // ~QObject removes the calls still posted to it
	else if (receiver_)
		receiver_->deleteLater();
}

UiCall UiCallQueue::run(std::function<void()> work, std::chrono::milliseconds timeout)
{
	if (!receiver_)
		return UiCall::NoFrontend;
	if (QThread::currentThread() == receiver_->thread()) {
		{
			std::lock_guard lock(state_->mutex);
			if (state_->closed)
				return UiCall::Closing;
		}
		work();
		return UiCall::Done;
	}
	struct Call {
		bool done = false;
	};
	auto call = std::make_shared<Call>();
	auto state = state_;
	std::unique_lock lock(state_->mutex);
	if (state_->closed)
		return UiCall::Closing;
	// Posted under the lock: close() (on the UI thread) either refuses this call or finds it
	// posted and removes it, so no call of this module is left in Qt's queue after unload.
	QMetaObject::invokeMethod(
		receiver_,
		[state, call, work = std::move(work)] {
			{
				std::lock_guard running(state->mutex);
				if (state->closed)
					return; // OBS is closing: its waiter was answered already
			}
			work();
			std::lock_guard running(state->mutex);
			call->done = true;
			state->changed.notify_all();
		},
		Qt::QueuedConnection);
	++state_->waiting;
	const bool woke = state_->changed.wait_for(lock, timeout, [&] { return call->done || state_->closed; });
	--state_->waiting;
	if (call->done)
		return UiCall::Done;
	return woke ? UiCall::Closing : UiCall::TimedOut;
}

void UiCallQueue::close()
{
	{
		std::lock_guard lock(state_->mutex);
		state_->closed = true;
		state_->changed.notify_all();
	}
	// On the UI thread the dropped calls are freed now: none is left for Qt to run or delete
	// after the module is unloaded (their code is the module's).
	if (receiver_ && QThread::currentThread() == receiver_->thread())
		QCoreApplication::removePostedEvents(receiver_);
}

size_t UiCallQueue::waiting() const
{
	std::lock_guard lock(state_->mutex);
	return state_->waiting;
}

} // namespace lcs::obs
