// lcs compare LOG…: sessions side by side (a trainee's progress, or a cohort on one scenario).
#include <algorithm>
#include <iostream>

#include "app.hpp"
#include "commands/commands.hpp"
#include "commands/text_output.hpp"
#include "core/report/compare.hpp"
#include "data_dir.hpp"

namespace lcs::cli {
namespace {
struct Options {
	std::vector<std::string> logs;
	std::string output;
	std::string format = "html";
	std::string lang;
	std::string data;
};
} // namespace

void register_compare(Application &application, const char *argv0)
{
	auto o = std::make_shared<Options>();
	CLI::App *cmd = application.add_command("compare", "Compare sessions side by side (metrics, deltas, rubric, curves)", [o, argv0]() {
		std::vector<report::ComparedSession> sessions;
		const auto lookup = look_up_data_dir(o->data, argv0);
		const auto rubric_file = default_rubric(lookup);
		if (rubric_file.empty()) {
			std::cerr << missing_rubric_message("compare", lookup) << '\n';
			return ExitCode::Environment;
		}
		for (const auto &log : o->logs) {
			report::ComparedSession s{report::build_report(log), std::nullopt};
			for (const auto &p : s.report.problems)
				std::cerr << p.to_string() << '\n';
			if (s.report.header.is_null())
				return ExitCode::InputError;
			diag::Diagnostics problems;
			s.rubric = report::score(s.report, rubric_file, "en-US", problems);
			for (const auto &p : problems)
				std::cerr << p.to_string() << '\n';
			if (!s.rubric)
				return ExitCode::InputError;
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
	cmd->add_option("--data", o->data, "Module data folder");
}

} // namespace lcs::cli
