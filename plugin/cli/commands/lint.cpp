// lcs lint PATH… [--format text|json|sarif]: compliance findings in script packs (cue texts, product
// names and selling points, promotion texts) and in plain text files (.txt, one utterance a line).
#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app.hpp"
#include "commands/commands.hpp"
#include "commands/compliance_rules.hpp"
#include "commands/lint_output.hpp"
#include "core/compliance/string_column.hpp"
#include "core/diag/text_position.hpp"
#include "core/pack/library.hpp"
#include "core/pack/pack_loader.hpp"

namespace lcs::cli {
namespace {
namespace fs = std::filesystem;

struct Options {
	std::vector<std::string> paths;
	std::string format = "text";
	std::string language = "auto";
	std::string min_severity = "info";
	std::string rules;
	std::string data;
};

bool is_text_file(const fs::path &path)
{
	auto ext = path.extension().string();
	std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
	return ext == ".txt";
}

// The language of a plain text file when none is given: en-US when ASCII letters make up more than
// 90 % of its letters (ASCII letters and CJK ideographs), else zh-CN (also for a text without any).
std::string guess_language(std::string_view text)
{
	size_t ascii_letters = 0;
	size_t cjk = 0;
	for (size_t i = 0; i < text.size(); ++i) {
		const auto c = static_cast<unsigned char>(text[i]);
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
			++ascii_letters;
		else if (c >= 0xE3 && c <= 0xE9) // lead bytes of U+3000–U+9FFF: CJK ideographs, kana, CJK punctuation
			++cjk;
	}
	const size_t letters = ascii_letters + cjk;
	return letters > 0 && ascii_letters * 10 > letters * 9 ? "en-US" : "zh-CN";
}

class Linter {
public:
	Linter(const Options &options, const compliance::Checker &checker) : options_(options), checker_(checker) {}

	void lint_pack_file(const fs::path &path)
	{
		auto result = pack::load_pack_file(path);
		for (const auto &d : result.diagnostics)
			std::cerr << d.to_string() << '\n';
		if (!result.ok()) {
			input_error_ = true;
			return;
		}
		for (auto &f : compliance::lint_pack(*result.pack, checker_))
			add({f.where.file, f.where.line, f.where.column, std::move(f.finding), f.field, f.cue_id});
	}

	void lint_text_file(const fs::path &path)
	{
		const std::string name = pack::path_utf8(path);
		std::ifstream in(path, std::ios::binary);
		if (!in) {
			std::cerr << name << ": cannot read the file\n";
			input_error_ = true;
			return;
		}
		std::ostringstream buffer;
		buffer << in.rdbuf();
		std::string text = buffer.str();
		if (const auto bad = diag::first_invalid_utf8(text); bad != std::string::npos) {
			const auto at = diag::TextPositions(text).at(bad);
			std::cerr << name << ":" << at.line << ":" << at.column << ": error: not UTF-8 text\n";
			input_error_ = true;
			return;
		}
		if (text.rfind("\xEF\xBB\xBF", 0) == 0)
			text.erase(0, 3); // a byte order mark is no column
		compliance::Context context;
		context.where = compliance::Where::text;
		context.language = options_.language == "auto" ? guess_language(text) : options_.language;
		// urgency: unknown in a text (caution), no product facts, no product names
		int line_number = 0;
		size_t start = 0;
		while (start <= text.size()) {
			size_t end = text.find('\n', start);
			if (end == std::string::npos)
				end = text.size();
			++line_number;
			std::string_view line(text.data() + start, end - start);
			if (!line.empty() && line.back() == '\r')
				line.remove_suffix(1);
			for (auto &f : checker_.check(line, context)) {
				const int col = 1 + static_cast<int>(compliance::code_points(line.substr(0, f.begin)));
				add({name, line_number, col, std::move(f), "line", ""});
			}
			if (end == text.size())
				break;
			start = end + 1;
		}
	}

	[[nodiscard]] const std::vector<LintRow> &rows() const { return rows_; }
	[[nodiscard]] bool input_error() const { return input_error_; }
	[[nodiscard]] bool any_ban() const
	{
		return std::any_of(rows_.begin(), rows_.end(), [](const LintRow &r) { return r.finding.severity == compliance::Severity::ban; });
	}

private:
	void add(LintRow row)
	{
		if (static_cast<int>(row.finding.severity) >= static_cast<int>(min_severity()))
			rows_.push_back(std::move(row));
	}
	[[nodiscard]] compliance::Severity min_severity() const
	{
		return compliance::severity_from(options_.min_severity).value_or(compliance::Severity::info);
	}

	const Options &options_;
	const compliance::Checker &checker_;
	std::vector<LintRow> rows_;
	bool input_error_ = false;
};

ExitCode run_lint(const Options &options)
{
	auto rules = choose_compliance("lint", options.rules, options.data);
	if (!rules.checker)
		return rules.failure;

	// Inputs in the order given: a .txt file as text; a pack file, or a folder's packs (*.json,
	// *.jsonc; not *.schema.json), as packs.
	diag::Diagnostics problems;
	std::vector<std::pair<fs::path, bool>> inputs; // path, is text
	for (const auto &p : options.paths) {
		const fs::path path = fs::u8path(p);
		std::error_code ec;
		if (fs::is_regular_file(path, ec) && is_text_file(path)) {
			inputs.emplace_back(path, true);
			continue;
		}
		for (auto &file : pack::expand_pack_paths({path}, problems))
			inputs.emplace_back(std::move(file), false);
	}
	for (const auto &d : problems)
		std::cerr << d.to_string() << '\n';

	Linter linter(options, *rules.checker);
	for (const auto &[path, is_text] : inputs) {
		if (is_text)
			linter.lint_text_file(path);
		else
			linter.lint_pack_file(path);
	}

	std::string out;
	if (options.format == "json")
		out = lint_json(linter.rows());
	else if (options.format == "sarif")
		out = lint_sarif(linter.rows());
	else
		out = lint_text(linter.rows());
	std::cout << out << std::flush;

	if (linter.any_ban())
		return ExitCode::InputError;
	return linter.input_error() || diag::has_errors(problems) || inputs.empty() ? ExitCode::InputError : ExitCode::Ok;
}

} // namespace

void register_lint(Application &application)
{
	auto options = std::make_shared<Options>();
	CLI::App *cmd = application.add_command(
		"lint",
		"Compliance findings (Advertising Law, price and platform rules) in script packs and .txt files (one utterance "
		"a line): file:line:col: severity: [rule] message (legal reference); exit 1 when any is a ban",
		[options]() { return run_lint(*options); });
	cmd->add_option("paths", options->paths, "Pack files, folders of packs, or .txt files")->required();
	cmd->add_option("--format", options->format, "text (default), json or sarif (SARIF 2.1.0)")
		->check(CLI::IsMember({"text", "json", "sarif"}));
	cmd->add_option("--language", options->language,
			"Rules for .txt files: zh-CN, en-US or auto (default: en-US when the text is mostly ASCII letters, "
			"else zh-CN); a pack's own language always picks its rules")
		->check(CLI::IsMember({"auto", "zh-CN", "en-US"}));
	cmd->add_option("--severity", options->min_severity, "Show findings from this severity up: info (default, exempted hits too), caution or ban")
		->check(CLI::IsMember({"info", "caution", "ban"}));
	cmd->add_option("--rules", options->rules, "Compliance rule folder (<language>/<category>.json; default: compliance/ in the module data, exit 3 when missing)");
	cmd->add_option("--data", options->data, "Module data folder");
}

} // namespace lcs::cli
