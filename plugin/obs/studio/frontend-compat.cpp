#include "studio/frontend-compat.hpp"

#include <QDockWidget>
#include <QMainWindow>

#include <obs-config.h>
#include <obs-frontend-api.h>

#if LIBOBS_API_MAJOR_VER < 31 && !defined(_WIN32)
#include <dlfcn.h>
#define LCS_FRONTEND_LOOKUP 1 // an older SDK: newer calls looked up in the running OBS
#else
#define LCS_FRONTEND_LOOKUP 0
#endif

namespace lcs::obs {
namespace {

#if LCS_FRONTEND_LOOKUP
template<typename Fn> Fn frontend_function(const char *name)
{
	// obs-frontend-api is linked by OBS itself (and by us), so it is in the global scope.
	return reinterpret_cast<Fn>(dlsym(RTLD_DEFAULT, name));
}

using GetConfig = config_t *(*)();
using AddDock = void *(*)(void *);

GetConfig user_config_call()
{
	static const GetConfig call = frontend_function<GetConfig>("obs_frontend_get_user_config");
	return call;
}
#endif

#if LIBOBS_API_MAJOR_VER < 30
using AddDockByIdCall = bool (*)(const char *, const char *, void *);

AddDockByIdCall dock_by_id_call()
{
#if LCS_FRONTEND_LOOKUP
	static const AddDockByIdCall call = frontend_function<AddDockByIdCall>("obs_frontend_add_dock_by_id");
	return call;
#else
	return nullptr;
#endif
}

// OBS 29's own dock, as obs_frontend_add_dock_by_id makes it from 30: in the main window's
// layout (OBS restores the saved window state after loading modules), floating and hidden.
bool add_own_dock(const char *id, const char *title, QWidget *widget)
{
#if LCS_FRONTEND_LOOKUP
	// Looked up too: OBS 32 removed obs_frontend_add_dock, and a module naming it would not load.
	static const auto add = frontend_function<AddDock>("obs_frontend_add_dock");
#else
	const auto add = &obs_frontend_add_dock;
#endif
	auto *main_window = static_cast<QMainWindow *>(obs_frontend_get_main_window());
	if (!add || !main_window)
		return false;
	auto *dock = new QDockWidget(main_window);
	dock->setObjectName(QString::fromUtf8(id));
	dock->setWindowTitle(QString::fromUtf8(title));
	dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
			  QDockWidget::DockWidgetFloatable);
	dock->setWidget(widget);
	main_window->addDockWidget(Qt::RightDockWidgetArea, dock);
	dock->setFloating(true);
	dock->setVisible(false);
	add(dock);
	return true;
}
#endif

} // namespace

FrontendCalls frontend_calls()
{
	FrontendCalls calls;
#if LIBOBS_API_MAJOR_VER >= 30
	calls.dock_by_id = true;
#else
	calls.dock_by_id = dock_by_id_call() != nullptr;
#endif
#if LIBOBS_API_MAJOR_VER >= 31
	calls.user_config = true;
#elif LCS_FRONTEND_LOOKUP
	calls.user_config = user_config_call() != nullptr;
#endif
	return calls;
}

config_t *user_settings_config()
{
#if LIBOBS_API_MAJOR_VER >= 31
	return obs_frontend_get_user_config();
#else
#if LCS_FRONTEND_LOOKUP
	if (const auto call = user_config_call())
		return call();
#endif
	return obs_frontend_get_global_config();
#endif
}

bool add_dock(const char *id, const char *title, QWidget *widget)
{
#if LIBOBS_API_MAJOR_VER >= 30
	return obs_frontend_add_dock_by_id(id, title, widget);
#else
	if (const auto call = dock_by_id_call())
		return call(id, title, widget);
	return add_own_dock(id, title, widget);
#endif
}

} // namespace lcs::obs
