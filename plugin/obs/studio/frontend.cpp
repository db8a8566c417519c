#include "studio/frontend.hpp"

#include <QApplication>
#include <QThread>

namespace lcs::obs {

bool frontend_available()
{
	return qobject_cast<QApplication *>(QCoreApplication::instance()) != nullptr;
}

bool run_on_ui_thread(const std::function<void()> &work)
{
	if (!frontend_available())
		return false;
	QCoreApplication *app = QCoreApplication::instance();
	if (QThread::currentThread() == app->thread())
		work();
	else
		QMetaObject::invokeMethod(app, work, Qt::BlockingQueuedConnection);
	return true;
}

} // namespace lcs::obs
