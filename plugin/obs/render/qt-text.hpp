#pragma once

#include <cstdint>
#include <string>

#include <QColor>
#include <QFont>
#include <QString>

// Small helpers shared by the overlays that rasterise text with Qt (QPainter on a QImage, which
// Qt allows off the GUI thread). Qt picks fallback fonts per glyph, so Chinese renders even when
// the chosen face has only Latin glyphs, as long as one CJK font is installed.
namespace lcs::obs::render {

/// True when a QGuiApplication exists: Qt's font database needs one. Inside OBS there always is;
/// a bare libobs host must create one (the integration tests do).
bool text_rendering_available();

/// The platform's CJK-capable default face: "Microsoft YaHei", "PingFang SC" or "WenQuanYi Micro Hei".
const char *default_cjk_face();

/// A font with a pixel size, from an OBS font property's face/style.
QFont make_font(const std::string &face, const std::string &style, int pixel_size, bool bold);

/// OBS colour (0xAABBGGRR) to QColor.
QColor to_qcolor(uint32_t abgr);

/// UTF-8 std::string to QString.
inline QString qstr(const std::string &utf8)
{
	return QString::fromUtf8(utf8.data(), static_cast<int>(utf8.size()));
}

} // namespace lcs::obs::render
