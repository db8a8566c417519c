#pragma once

#include <QColor>
#include <QString>

#include "core/compliance/finding.hpp"
#include "dock/desk-backend.hpp"

// How the desk words a compliance finding: the severity's name and colour, a one-line summary
// and a tooltip with the rule, the message, the suggestion and the legal basis.
namespace lcs::obs::dock {

/// "Banned" / "禁用", "Caution" / "注意", "Exempt" / "豁免".
QString severity_text(const DeskBackend &backend, compliance::Severity severity);
/// Red for ban, amber for caution, grey for info.
QColor severity_color(compliance::Severity severity);
/// "Banned · 最好 · absolute.best".
QString finding_line(const DeskBackend &backend, const compliance::Finding &finding);
/// Every finding, one paragraph each: severity, rule and term, message, suggestion, legal basis.
QString findings_tip(const DeskBackend &backend, const compliance::Findings &findings);

} // namespace lcs::obs::dock
