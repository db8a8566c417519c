#include "dock/finding-text.hpp"

#include <QStringList>

#include "dock/desk-format.hpp"

namespace lcs::obs::dock {

QString severity_text(const DeskBackend &backend, compliance::Severity severity)
{
	switch (severity) {
	case compliance::Severity::ban:
		return tr_text(backend, "Compliance.Ban");
	case compliance::Severity::caution:
		return tr_text(backend, "Compliance.Caution");
	case compliance::Severity::info:
		break;
	}
	return tr_text(backend, "Compliance.Exempt");
}

QColor severity_color(compliance::Severity severity)
{
	switch (severity) {
	case compliance::Severity::ban:
		return {0xd9, 0x53, 0x4f};
	case compliance::Severity::caution:
		return {0xf0, 0xad, 0x4e};
	case compliance::Severity::info:
		break;
	}
	return {0x99, 0x99, 0x99};
}

QString finding_line(const DeskBackend &backend, const compliance::Finding &f)
{
	return QStringLiteral("%1 · %2 · %3").arg(severity_text(backend, f.severity), utf8(f.term), utf8(f.rule));
}

QString findings_tip(const DeskBackend &backend, const compliance::Findings &findings)
{
	QStringList parts;
	for (const auto &f : findings) {
		QString part = finding_line(backend, f);
		if (!f.message.empty())
			part += QStringLiteral("\n") + utf8(f.message);
		if (!f.suggestion.empty())
			part += QStringLiteral("\n") + tr_text(backend, "Compliance.Suggestion").arg(utf8(f.suggestion));
		if (!f.legal_ref.empty())
			part += QStringLiteral("\n") + tr_text(backend, "Compliance.LegalBasis").arg(utf8(f.legal_ref));
		if (!f.exempt_reason.empty())
			part += QStringLiteral("\n") + tr_text(backend, "Compliance.ExemptBecause").arg(utf8(f.exempt_reason));
		parts << part;
	}
	return parts.join(QStringLiteral("\n\n"));
}

} // namespace lcs::obs::dock
