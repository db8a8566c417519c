// lcs report LOG: the session's review as JSON, CSV tables, WebVTT captions or FFmpeg chapters.
#include <iostream>

#include "app.hpp"
#include "commands/commands.hpp"
#include "commands/rubric_choice.hpp"
#include "commands/text_output.hpp"
#include "core/report/session_report.hpp"
#include "core/report/html_report.hpp"
#include "core/report/rubric.hpp"
#include "core/report/subtitles.hpp"

namespace lcs::cli {
namespace {
struct Options {
	std::string log;
	std::string format = "json";
	std::string table = "metrics";
	std::string output;
	std::string lang;
	std::string rubric;
	std::string data;
};
} // namespace

void register_report(Application &application)
{
	auto o = std::make_shared<Options>();
	CLI::App *cmd = application.add_command(
		"report", "Review a session log: metrics, segments, products, timeline (json), tables (csv), captions (vtt), chapters",
		[o]() {
			const auto report = report::build_report(o->log);
			for (const auto &p : report.problems)
				std::cerr << p.to_string() << '\n';
			if (report.header.is_null())
				return ExitCode::InputError;
			// Language: --lang, else the log's (the pack's) language.
			std::string lang = o->lang;
			if (lang.empty())
				lang = report.header.value("scenario", nlohmann::json::object()).value("language", "en-US");
			// Rubric (json and html): never silently without one (commands/rubric_choice.hpp).
			std::optional<report::RubricResult> rubric;
			if (o->format == "json" || o->format == "html") {
				const auto choice = choose_rubric("report", o->rubric, o->data);
				if (!choice.rubric)
					return choice.failure;
				rubric = report::score(report, *choice.rubric, lang);
			}
			std::string text;
			if (o->format == "json") {
				auto j = report.to_json();
				if (rubric)
					j["rubric"] = rubric->to_json();
				text = j.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
			} else if (o->format == "html")
				text = report::to_html(report, rubric, lang);
			else if (o->format == "csv")
				text = report::to_csv(report, o->table);
			else if (o->format == "vtt")
				text = report::to_webvtt(report);
			else
				text = report::to_ffmetadata_chapters(report);
			return write_text_output(text, o->output, "report");
		});
	cmd->add_option("log", o->log, "Session log (lcs.session/1 JSONL)")->required(); // unreadable: exit 1, named
	cmd->add_option("--format", o->format, "json, html (one self-contained file), csv, vtt (captions at video time) or chapters (FFmpeg metadata)")
		->check(CLI::IsMember({"json", "html", "csv", "vtt", "chapters"}))
		->capture_default_str();
	cmd->add_option("--table", o->table, "With csv: metrics, segments, products, orders, comments, traffic (per viewer source), minutes (curves and triage per minute), ad_spend or compliance (each flag)")
		->check(CLI::IsMember({"metrics", "segments", "products", "orders", "comments", "traffic", "minutes", "ad_spend", "compliance"}))
		->capture_default_str();
	cmd->add_option("-o,--output", o->output, "Output file (default: stdout)");
	cmd->add_option("--lang", o->lang, "zh-CN or en-US (default: the log's language)")->check(CLI::IsMember({"zh-CN", "en-US"}));
	cmd->add_option("--rubric", o->rubric, "Coach rubric for json and html (lcs.rubric/1, docs/rubric.md; default: rubric/default.json in the module data, exit 3 when it is missing)");
	cmd->add_option("--data", o->data, "Module data folder");
}

} // namespace lcs::cli
