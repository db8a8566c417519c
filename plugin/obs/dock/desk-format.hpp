#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <QString>

class QLabel;

#include "dock/desk-backend.hpp"

// How the desk writes numbers: the same in every panel.
namespace lcs::obs::dock {

/// Localised text of a key.
QString tr_text(const DeskBackend &backend, const char *key);
/// A tooltip naming the OBS hotkey that does the same (its name as Settings → Hotkeys lists it).
QString hotkey_tip(const DeskBackend &backend, const char *hotkey_key);
/// "m:ss" (or "h:mm:ss" from an hour on); negative values are shown as 0:00.
QString clock(int64_t ms);
/// "¥59.90".
QString yuan(int64_t cents);
/// "12.5%", or "–" when there is no value (a zero denominator).
QString percent(const std::optional<double> &ratio);
/// A number with at most one decimal, or "–".
QString decimal(const std::optional<double> &value);
QString utf8(const std::string &s);
/// Shows why the session log cannot be written on `label` (hidden while it can).
void show_log_error(const DeskBackend &backend, QLabel &label, const std::string &error);

} // namespace lcs::obs::dock
