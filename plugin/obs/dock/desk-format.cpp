#include "dock/desk-format.hpp"

#include <QLabel>

#include "core/util/money.hpp"

namespace lcs::obs::dock {

QString tr_text(const DeskBackend &backend, const char *key)
{
	return QString::fromUtf8(backend.text(key));
}

QString hotkey_tip(const DeskBackend &backend, const char *hotkey_key)
{
	return tr_text(backend, "Desk.HotkeyTip").arg(tr_text(backend, hotkey_key));
}

QString clock(int64_t ms)
{
	const int64_t total = ms > 0 ? ms / 1000 : 0;
	const int64_t h = total / 3600, m = (total / 60) % 60, s = total % 60;
	if (h > 0)
		return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
	return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString yuan(int64_t cents)
{
	return QString::fromStdString(util::format_yuan(cents));
}

QString percent(const std::optional<double> &ratio)
{
	if (!ratio)
		return QStringLiteral("–");
	return QStringLiteral("%1%").arg(*ratio * 100.0, 0, 'f', 1);
}

QString decimal(const std::optional<double> &value)
{
	if (!value)
		return QStringLiteral("–");
	return QString::number(*value, 'f', 1);
}

void show_log_error(const DeskBackend &backend, QLabel &label, const std::string &error)
{
	if (error.empty()) {
		label.hide();
		label.clear();
		return;
	}
	const QString text = tr_text(backend, "Desk.LogWriteFailed").arg(utf8(error));
	if (label.text() != text)
		label.setText(text);
	label.show();
}

QString utf8(const std::string &s)
{
	return QString::fromStdString(s);
}

} // namespace lcs::obs::dock
