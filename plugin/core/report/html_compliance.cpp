// The report's 合规 / Compliance section: what the session checked, the flags by severity and the
// findings table with each term in its sentence, the legal basis and what to say instead. A log
// from before the checks existed says what was not checked rather than showing "no findings".
#include <algorithm>
#include <sstream>

#include "core/report/compliance_report.hpp"
#include "core/report/html_common.hpp"

namespace lcs::report::html {
namespace {

constexpr size_t kMaxRows = 200; // a hostile or very long log: the rest is in the JSON and CSV

std::string badge(const std::string &severity, const std::string &text)
{
	return "<span class=\"sev " + Html::esc(severity) + "\">" + Html::esc(text) + "</span>";
}

std::string names_of(const std::vector<std::string> &checks, const Html &h)
{
	std::string out;
	for (const auto &c : checks)
		out += (out.empty() ? "" : h.zh() ? "、" : ", ") + where_name(c, h.zh());
	return out;
}

std::string checks_paragraph(const SessionReport &r, const Html &h)
{
	if (!r.compliance_checks)
		return "<p class=\"not-in-log checks\">" + h.w("checks_none") + "</p>";
	if (r.compliance_checks->empty())
		return "<p class=\"not-in-log checks\">" + h.w("checks_empty") + "</p>";
	std::vector<std::string> not_run;
	for (const auto &c : session_checks())
		if (std::find(r.compliance_checks->begin(), r.compliance_checks->end(), c) == r.compliance_checks->end())
			not_run.push_back(c);
	std::string p = "<p class=\"checks\">" + Html::esc(h.w("checks_ran") + names_of(*r.compliance_checks, h));
	if (!not_run.empty())
		p += " · <span class=\"not-in-log\">" + Html::esc(h.w("checks_not_run") + names_of(not_run, h)) + "</span>";
	return p + "</p>";
}

} // namespace

std::string compliance_section(const SessionReport &r, const Html &h)
{
	std::ostringstream o;
	o << "<h2 id=\"compliance\">" << h.w("compliance") << "</h2>" << checks_paragraph(r, h);
	const auto counts = count_flags(r);
	o << "<p class=\"badges\">" << badge("ban", severity_name("ban", h.zh()) + " " + std::to_string(counts.ban))
	  << badge("caution", severity_name("caution", h.zh()) + " " + std::to_string(counts.caution))
	  << badge("info", severity_name("info", h.zh()) + " " + std::to_string(counts.info));
	if (counts.unrated > 0)
		o << badge("unrated", severity_name("unrated", h.zh()) + " " + std::to_string(counts.unrated));
	o << "</p>";
	if (r.flags.empty()) {
		if (compliance_checked(r))
			o << "<p>" << h.w("no_flags") << "</p>";
		return o.str();
	}
	// Bans first (what to fix first), then cautions and info; in time order within each.
	std::vector<const FlagRow *> rows;
	for (const auto &f : r.flags)
		rows.push_back(&f);
	auto rank = [](const FlagRow &f) {
		const std::string s = flag_severity(f);
		return s == "ban" || s == "unrated" ? 0 : s == "caution" ? 1 : 2;
	};
	std::stable_sort(rows.begin(), rows.end(), [&](const FlagRow *a, const FlagRow *b) { return rank(*a) < rank(*b); });
	o << "<table class=\"compliance\"><tr><th>" << h.w("time") << "</th><th>" << h.w("video") << "</th><th>" << h.w("where")
	  << "</th><th>" << h.w("severity") << "</th><th>" << h.w("category") << "</th><th>" << h.w("said") << "</th><th>"
	  << h.w("legal_basis") << "</th><th>" << h.w("suggestion") << "</th></tr>";
	for (size_t i = 0; i < rows.size() && i < kMaxRows; ++i) {
		const FlagRow &f = *rows[i];
		const std::string severity = flag_severity(f);
		const TermInText said = term_in_text(f);
		o << "<tr class=\"flag-row\" data-severity=\"" << Html::esc(severity) << "\" data-rule=\"" << Html::esc(f.rule) << "\"><td>"
		  << clock_text(f.t) << "</td><td>" << r.video_time(f.t).value_or("—") << "</td><td>" << Html::esc(where_name(f.where, h.zh()))
		  << "</td><td>" << badge(severity, severity_name(severity, h.zh())) << "</td><td>"
		  << Html::esc(category_name(flag_category(f), h.zh())) << "</td><td>";
		if (!said.term.empty())
			o << Html::esc(said.before) << "<mark>" << Html::esc(said.term) << "</mark>" << Html::esc(said.after);
		else // matched after normalisation (最*好): the sentence, then the term as the checker saw it
			o << Html::esc(said.before) << (f.term.empty() ? "" : " · <mark>" + Html::esc(f.term) + "</mark>");
		if (f.confidence == "pinyin")
			o << "<span class=\"legend\">" << h.w("by_sound") << "</span>";
		o << "<br><span class=\"legend\">" << Html::esc(f.rule) << "</span></td><td>" << (f.legal_ref.empty() ? "—" : Html::esc(f.legal_ref))
		  << "</td><td>" << (f.suggestion.empty() ? "—" : Html::esc(f.suggestion)) << "</td></tr>";
	}
	o << "</table>";
	if (rows.size() > kMaxRows) {
		std::string more = h.w("more_flags");
		more.replace(more.find("%1"), 2, std::to_string(rows.size() - kMaxRows));
		o << "<p class=\"legend\">" << Html::esc(more) << "</p>";
	}
	return o.str();
}

} // namespace lcs::report::html
