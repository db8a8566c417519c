// lcs report LOG: the session's review as JSON, CSV tables, WebVTT captions or FFmpeg chapters.
#include <fstream>
#include <iostream>

#include "app.hpp"
#include "commands/commands.hpp"
#include "core/report/session_report.hpp"
#include "core/report/subtitles.hpp"

namespace lcs::cli {
namespace {
struct Options {
	std::string log;
	std::string format = "json";
	std::string table = "metrics";
	std::string output;
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
			std::string text;
			if (o->format == "json")
				text = report.to_json().dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
			else if (o->format == "csv")
				text = report::to_csv(report, o->table);
			else if (o->format == "vtt")
				text = report::to_webvtt(report);
			else
				text = report::to_ffmetadata_chapters(report);
			if (o->output.empty() || o->output == "-") {
				std::cout << text;
				return ExitCode::Ok;
			}
			std::ofstream out(o->output, std::ios::binary);
			out << text;
			out.close();
			if (!out) {
				std::cerr << "lcs report: cannot write " << o->output << '\n';
				return ExitCode::Environment;
			}
			return ExitCode::Ok;
		});
	cmd->add_option("log", o->log, "Session log (lcs.session/1 JSONL)")->required()->check(CLI::ExistingFile);
	cmd->add_option("--format", o->format, "json, csv, vtt (captions at video time) or chapters (FFmpeg metadata)")
		->check(CLI::IsMember({"json", "csv", "vtt", "chapters"}))
		->capture_default_str();
	cmd->add_option("--table", o->table, "With csv: metrics, segments, products, orders or comments")
		->check(CLI::IsMember({"metrics", "segments", "products", "orders", "comments"}))
		->capture_default_str();
	cmd->add_option("-o,--output", o->output, "Output file (default: stdout)");
}

} // namespace lcs::cli
