#include "studio/frontend.hpp"

#include <QApplication>

namespace lcs::obs {

bool frontend_available()
{
	return qobject_cast<QApplication *>(QCoreApplication::instance()) != nullptr;
}

} // namespace lcs::obs
