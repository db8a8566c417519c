// lcs compare LOG…: sessions side by side (a trainee's progress, or a cohort on one scenario).
#include <algorithm>
#include <iostream>

#include "app.hpp"
#include "commands/commands.hpp"
#include "commands/rubric_choice.hpp"
#include "commands/text_output.hpp"
#include "core/report/compare.hpp"

namespace lcs::cli {
namespace {
struct Options {
	std::vector<std::string> logs;
	std::string output;
	std::string format = "html";
	std::string lang;
	std::string rubric;
	std::string data;
};
} // namespace

void register_compare(Application &application)
{
	auto o = std::make_shared<Options>();
	CLI::App *cmd = application.add_command("compare", "Compare sessions side by side (metrics, deltas, rubric, curves)", [o]() {
		std::vector<report::ComparedSession> sessions;
		const auto choice = choose_rubric("compare", o->rubric, o->data); // read once for every log
		if (!choice.rubric)
			return choice.failure;
		for (const auto &log : o->logs) {
			report::ComparedSession s{report::build_report(log), std::nullopt};
			for (const auto &p : s.report.problems)
				std::cerr << p.to_string() << '\n';
			if (s.report.header.is_null())
				return ExitCode::InputError;
			s.rubric = report::score(s.report, *choice.rubric, "en-US");
			sessions.push_back(std::move(s));
		}
		std::stable_sort(sessions.begin(), sessions.end(), [](const auto &a, const auto &b) {
			return a.report.header.value("started_at", "") < b.report.header.value("started_at", "");
		});
		std::string lang = o->lang;
		if (lang.empty())
			lang = sessions.front().report.header.value("scenario", nlohmann::json::object()).value("language", "en-US");
		const std::string text = o->format == "json"
						 ? report::compare_json(sessions).dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n"
						 : report::compare_html(sessions, lang);
		return write_text_output(text, o->output, "compare");
	});
	cmd->add_option("logs", o->logs, "Session logs")->required(); // unreadable: exit 1, named
	cmd->add_option("-o,--output", o->output, "Output file (default: stdout)");
	cmd->add_option("--format", o->format, "html or json")->check(CLI::IsMember({"html", "json"}))->capture_default_str();
	cmd->add_option("--lang", o->lang, "zh-CN or en-US")->check(CLI::IsMember({"zh-CN", "en-US"}));
	cmd->add_option("--rubric", o->rubric, "Coach rubric (lcs.rubric/1, docs/rubric.md; default: rubric/default.json in the module data, exit 3 when it is missing)");
	cmd->add_option("--data", o->data, "Module data folder");
}

} // namespace lcs::cli
