#include "studio/frontend.hpp"

#include <memory>
#include <mutex>

#include <QApplication>

namespace lcs::obs {
namespace {
std::mutex g_mutex;
std::shared_ptr<UiCallQueue> g_queue; // guarded by g_mutex; made at the first call
bool g_closed = false;                // guarded by g_mutex
} // namespace

bool frontend_available()
{
	return qobject_cast<QApplication *>(QCoreApplication::instance()) != nullptr;
}

UiCall run_on_ui_thread(std::function<void()> work, std::chrono::milliseconds timeout)
{
	if (!frontend_available())
		return UiCall::NoFrontend;
	std::shared_ptr<UiCallQueue> queue;
	{
		std::lock_guard lock(g_mutex);
		if (g_closed)
			return UiCall::Closing;
		if (!g_queue)
			g_queue = std::make_shared<UiCallQueue>();
		queue = g_queue;
	}
	return queue->run(std::move(work), timeout);
}

void close_ui_calls()
{
	std::shared_ptr<UiCallQueue> queue;
	{
		std::lock_guard lock(g_mutex);
		g_closed = true;
		queue = std::move(g_queue);
	}
	if (queue)
		queue->close();
}

} // namespace lcs::obs
