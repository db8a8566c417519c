// Issue 11: run_on_ui_thread waited up to 20 s, and a call queued while OBS was exiting might
// never run, so an obs-websocket request (CreatePracticeScene) could hang the shutdown. Now
// closing the queue (OBS_FRONTEND_EVENT_EXIT, module unload) answers every waiter at once, drops
// the queued calls and refuses new ones. This process's main thread plays OBS's UI thread.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include <QCoreApplication>

#include "obs_harness.hpp"
#include "studio/ui-call-queue.hpp"

namespace {
using lcs::obs::UiCall;
using lcs::obs::UiCallQueue;
using lcs::test::ObsHarness;

TEST(UiCalls, AWaitingCallReturnsAtOnceWhenOBSCloses)
{
	UiCallQueue queue;
	std::atomic<bool> ran{false};
	UiCall result = UiCall::Done;
	// The UI thread (here) never turns its loop while the call waits, as when OBS is closing.
	std::thread request([&] { result = queue.run([&] { ran = true; }, std::chrono::seconds(3)); });
	ASSERT_TRUE(ObsHarness::wait_until([&] { return queue.waiting() == 1; }));
	queue.close();
	request.join();
	EXPECT_EQ(result, UiCall::Closing) << "the request waited for a UI loop that had ended";
	QCoreApplication::processEvents();
	EXPECT_FALSE(ran) << "a call dropped at close ran anyway";
}

TEST(UiCalls, ACallAfterCloseIsRefusedAtOnceAndNeverRuns)
{
	UiCallQueue queue;
	queue.close();
	std::atomic<bool> ran{false};
	UiCall result = UiCall::Done;
	std::thread request([&] { result = queue.run([&] { ran = true; }, std::chrono::seconds(3)); });
	request.join();
	EXPECT_EQ(result, UiCall::Closing);
	QCoreApplication::processEvents();
	EXPECT_FALSE(ran);
}

TEST(UiCalls, RunsOnTheUiThreadWhenItsLoopTurns)
{
	UiCallQueue queue;
	std::atomic<bool> done{false};
	std::thread::id ran_on;
	UiCall result = UiCall::TimedOut;
	std::thread request([&] {
		result = queue.run([&] { ran_on = std::this_thread::get_id(); }, std::chrono::minutes(5));
		done = true;
	});
	const bool answered = ObsHarness::wait_until([&] {
		QCoreApplication::processEvents();
		return done.load();
	}, std::chrono::seconds(30));
	if (!answered)
		queue.close(); // let the thread end rather than hang the run
	request.join();
	EXPECT_EQ(result, UiCall::Done);
	EXPECT_EQ(ran_on, std::this_thread::get_id());
	// On the UI thread itself the call runs at once.
	bool direct = false;
	EXPECT_EQ(queue.run([&] { direct = true; }, std::chrono::seconds(0)), UiCall::Done);
	EXPECT_TRUE(direct);
}

} // namespace
