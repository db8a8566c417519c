#include "render/qt-text.hpp"

#include <QGuiApplication>

namespace lcs::obs::render {

bool text_rendering_available()
{
	return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
}

const char *default_cjk_face()
{
#if defined(_WIN32)
	return "Microsoft YaHei";
#elif defined(__APPLE__)
	return "PingFang SC";
#else
	return "WenQuanYi Micro Hei";
#endif
}

QFont make_font(const std::string &face, const std::string &style, int pixel_size, bool bold)
{
	QFont font(qstr(face.empty() ? std::string(default_cjk_face()) : face));
	if (!style.empty() && !bold)
		font.setStyleName(qstr(style));
	font.setPixelSize(pixel_size > 0 ? pixel_size : 1);
	if (bold)
		font.setBold(true);
	font.setStyleStrategy(QFont::PreferAntialias);
	font.setHintingPreference(QFont::PreferNoHinting);
	return font;
}

QColor to_qcolor(uint32_t abgr)
{
	return QColor(static_cast<int>(abgr & 0xFF), static_cast<int>((abgr >> 8) & 0xFF),
		      static_cast<int>((abgr >> 16) & 0xFF), static_cast<int>((abgr >> 24) & 0xFF));
}

} // namespace lcs::obs::render
