// The compliance checker's quality on the labelled corpus (tests/compliance/corpus, docs/compliance.md
// "Measured quality"): precision, recall and F1 per category, the share of clean and trap lines
// flagged (ban or caution), false positives per 1 000 characters of long clean selling talk, and the
// same figures for a baseline of plain substring matching of the same terms (no normalisation, no
// exceptions, no price or urgency facts). Fails when a target of issue 15 is missed: recall ≥ 95 %,
// lines that must not be flagged flagged ≤ 2 %, precision at least 10 points above the baseline.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/compliance/checker.hpp"

namespace {
namespace cc = lcs::compliance;

constexpr double kMinRecall = 0.95;
constexpr double kMaxFlaggedShare = 0.02;
constexpr double kMinPrecisionGain = 0.10;

struct Line {
	std::string language;
	std::string file;
	int number = 0;
	std::string kind; // violation · evasion · trap · clean
	std::set<std::string> expected;
	std::string text;
	cc::PriceFacts product;
	bool has_product = false;
	std::optional<bool> urgency;
	std::vector<std::string> names;
};

std::vector<std::string> split(const std::string &s, char sep)
{
	std::vector<std::string> out;
	std::string part;
	std::istringstream in(s);
	while (std::getline(in, part, sep))
		out.push_back(part);
	return out;
}

int64_t cents(const std::string &amount)
{
	return static_cast<int64_t>(std::stod(amount) * 100.0 + 0.5);
}

bool read_corpus(const std::string &path, const std::string &language, std::vector<Line> &lines)
{
	std::ifstream in(path);
	if (!in) {
		std::fprintf(stderr, "%s: cannot be read\n", path.c_str());
		return false;
	}
	const std::set<std::string> kinds = {"violation", "evasion", "trap", "clean"};
	const auto &known = cc::categories();
	std::string raw;
	int number = 0;
	bool ok = true;
	while (std::getline(in, raw)) {
		++number;
		if (raw.empty() || raw[0] == '#')
			continue;
		const auto cols = split(raw, '\t');
		auto bad = [&](const std::string &why) {
			std::fprintf(stderr, "%s:%d: %s\n", path.c_str(), number, why.c_str());
			ok = false;
		};
		if (cols.size() < 3 || cols.size() > 4) {
			bad("expected 3 or 4 tab-separated columns");
			continue;
		}
		Line line{language, path, number, cols[0], {}, cols[2], {}, false, std::nullopt, {}};
		if (!kinds.contains(line.kind))
			bad("unknown kind '" + line.kind + "'");
		if (cols[1] != "-")
			for (const auto &c : split(cols[1], ',')) {
				if (std::find(known.begin(), known.end(), c) == known.end())
					bad("unknown category '" + c + "'");
				line.expected.insert(c);
			}
		if ((line.kind == "trap" || line.kind == "clean") != line.expected.empty())
			bad("traps and clean lines expect no category, violations and evasions at least one");
		if (cols.size() == 4)
			for (const auto &kv : split(cols[3], ';')) {
				const auto eq = kv.find('=');
				const std::string key = kv.substr(0, eq);
				const std::string value = eq == std::string::npos ? "" : kv.substr(eq + 1);
				if (key == "lowest_7d" || key == "msrp") {
					line.has_product = true;
					line.product.sku = "corpus";
					(key == "msrp" ? line.product.msrp_cents : line.product.lowest_7d_cents) = cents(value);
				} else if (key == "urgency" && (value == "backed" || value == "unbacked")) {
					line.urgency = value == "backed";
				} else if (key == "names") {
					line.names = split(value, '|');
				} else {
					bad("unknown context '" + kv + "'");
				}
			}
		lines.push_back(std::move(line));
	}
	return ok;
}

cc::Context context_of(const Line &line)
{
	cc::Context c;
	c.where = cc::Where::text;
	c.language = line.language;
	c.product = line.has_product ? &line.product : nullptr;
	c.names = line.names;
	c.urgency_backed = line.urgency;
	return c;
}

/// The categories a method flags (ban or caution) in a text.
using Method = std::function<std::set<std::string>(const std::string &text, const cc::Context &context)>;

Method checker_method(const cc::Checker &checker)
{
	return [&checker](const std::string &text, const cc::Context &context) {
		std::set<std::string> out;
		for (const auto &f : checker.check(text, context))
			if (f.severity != cc::Severity::info)
				out.insert(f.category);
		return out;
	};
}

/// Plain substring matching of the same terms, as word-list checkers do.
Method baseline_method(const cc::RuleSet &rules)
{
	return [&rules](const std::string &text, const cc::Context &context) {
		std::set<std::string> out;
		for (const auto *rule : rules.of_language(context.language))
			for (const auto &term : rule->terms)
				if (text.find(term) != std::string::npos)
					out.insert(rule->category);
		return out;
	};
}

size_t count_flags(const cc::Checker &checker, const std::string &text, const std::string &language)
{
	cc::Context c;
	c.language = language;
	size_t n = 0;
	for (const auto &f : checker.check(text, c))
		n += f.severity != cc::Severity::info ? 1 : 0;
	return n;
}

size_t count_baseline_flags(const cc::RuleSet &rules, const std::string &text, const std::string &language)
{
	size_t n = 0;
	for (const auto *rule : rules.of_language(language))
		for (const auto &term : rule->terms)
			for (size_t at = text.find(term); at != std::string::npos; at = text.find(term, at + term.size()))
				++n;
	return n;
}

size_t code_points(const std::string &s)
{
	size_t n = 0;
	for (const unsigned char c : s)
		n += (c & 0xC0) != 0x80 ? 1 : 0;
	return n;
}

struct Counts {
	long tp = 0, fp = 0, fn = 0;
	[[nodiscard]] double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / double(tp + fp); }
	[[nodiscard]] double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / double(tp + fn); }
	[[nodiscard]] double f1() const
	{
		const double p = precision(), r = recall();
		return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
	}
};

struct Figures {
	std::map<std::string, Counts> by_category;
	Counts all;
	long must_not_lines = 0, must_not_flagged = 0; // traps and clean lines
	long clean_lines = 0, clean_flagged = 0;
	long trap_lines = 0, trap_flagged = 0;
	long evasion_cats = 0, evasion_found = 0;
	std::vector<std::string> misses, false_flags;
};

Figures measure(const std::vector<Line> &lines, const Method &method)
{
	Figures f;
	for (const auto &c : cc::categories())
		f.by_category[c];
	for (const auto &line : lines) {
		const auto found = method(line.text, context_of(line));
		for (const auto &c : cc::categories()) {
			const bool want = line.expected.contains(c), got = found.contains(c);
			Counts &k = f.by_category[c];
			k.tp += want && got;
			k.fp += !want && got;
			k.fn += want && !got;
			if (want && !got)
				f.misses.push_back(line.file + ":" + std::to_string(line.number) + ": missed " + c + ": " + line.text);
			if (!want && got)
				f.false_flags.push_back(line.file + ":" + std::to_string(line.number) + ": flagged " + c + ": " + line.text);
			if (line.kind == "evasion" && want) {
				++f.evasion_cats;
				f.evasion_found += got;
			}
		}
		if (line.expected.empty()) {
			const bool flagged = !found.empty();
			++f.must_not_lines;
			f.must_not_flagged += flagged;
			(line.kind == "clean" ? f.clean_lines : f.trap_lines)++;
			(line.kind == "clean" ? f.clean_flagged : f.trap_flagged) += flagged;
		}
	}
	for (const auto &[c, k] : f.by_category) {
		f.all.tp += k.tp;
		f.all.fp += k.fp;
		f.all.fn += k.fn;
	}
	return f;
}

double share(long part, long whole)
{
	return whole == 0 ? 0.0 : double(part) / double(whole);
}

void print(const char *title, const Figures &f, double fp_per_1000)
{
	std::printf("\n%s\n", title);
	std::printf("  %-13s %9s %7s %6s %4s %4s %4s\n", "category", "precision", "recall", "F1", "TP", "FP", "FN");
	for (const auto &[c, k] : f.by_category)
		std::printf("  %-13s %8.1f%% %6.1f%% %6.3f %4ld %4ld %4ld\n", c.c_str(), 100 * k.precision(),
			    100 * k.recall(), k.f1(), k.tp, k.fp, k.fn);
	std::printf("  %-13s %8.1f%% %6.1f%% %6.3f %4ld %4ld %4ld\n", "all (micro)", 100 * f.all.precision(),
		    100 * f.all.recall(), f.all.f1(), f.all.tp, f.all.fp, f.all.fn);
	std::printf("  evasions found: %.1f%% (%ld of %ld)\n", 100 * share(f.evasion_found, f.evasion_cats),
		    f.evasion_found, f.evasion_cats);
	std::printf("  clean lines flagged (ban/caution): %.1f%% (%ld of %ld)\n", 100 * share(f.clean_flagged, f.clean_lines),
		    f.clean_flagged, f.clean_lines);
	std::printf("  trap lines flagged: %.1f%% (%ld of %ld)\n", 100 * share(f.trap_flagged, f.trap_lines),
		    f.trap_flagged, f.trap_lines);
	std::printf("  clean + trap lines flagged: %.1f%% (%ld of %ld)\n",
		    100 * share(f.must_not_flagged, f.must_not_lines), f.must_not_flagged, f.must_not_lines);
	std::printf("  false positives per 1 000 characters of long clean text: %.2f\n", fp_per_1000);
}

std::string read_all(const std::string &path)
{
	std::ifstream in(path, std::ios::binary);
	std::ostringstream s;
	s << in.rdbuf();
	return s.str();
}

} // namespace

int main(int argc, char **argv)
{
	const std::string root = LCS_SOURCE_DIR;
	const bool verbose = argc > 1 && std::string(argv[1]) == "--verbose";
	auto load = cc::load_checker(root + "/data/compliance");
	for (const auto &d : load.diagnostics)
		std::fprintf(stderr, "%s\n", d.to_string().c_str());
	if (!load.checker) {
		std::fprintf(stderr, "data/compliance could not be loaded\n");
		return 1;
	}
	const cc::Checker &checker = *load.checker;
	std::vector<Line> lines;
	const std::string corpus = root + "/tests/compliance/corpus/";
	bool ok = read_corpus(corpus + "zh-CN.tsv", "zh-CN", lines) && read_corpus(corpus + "en-US.tsv", "en-US", lines);
	if (!ok)
		return 1;

	size_t chars = 0, flags = 0, baseline_flags = 0;
	for (const char *language : {"zh-CN", "en-US"}) {
		std::istringstream text(read_all(corpus + "clean_long." + language + ".txt"));
		std::string paragraph;
		while (std::getline(text, paragraph)) {
			chars += code_points(paragraph);
			flags += count_flags(checker, paragraph, language);
			baseline_flags += count_baseline_flags(checker.rules(), paragraph, language);
		}
	}
	const double per_1000 = chars == 0 ? 0.0 : 1000.0 * double(flags) / double(chars);
	const double baseline_per_1000 = chars == 0 ? 0.0 : 1000.0 * double(baseline_flags) / double(chars);

	const Figures ours = measure(lines, checker_method(checker));
	const Figures base = measure(lines, baseline_method(checker.rules()));
	std::printf("compliance quality: %zu labelled lines, %zu characters of long clean text, rules %s (%zu)\n",
		    lines.size(), chars, checker.rules().version.c_str(), checker.rules().rules.size());
	print("checker (normalisation, sound, exceptions, price and urgency facts)", ours, per_1000);
	print("baseline (plain substring matching of the same terms)", base, baseline_per_1000);
	if (verbose || ours.all.recall() < kMinRecall) {
		for (const auto &m : ours.misses)
			std::printf("  %s\n", m.c_str());
	}
	if (verbose || share(ours.must_not_flagged, ours.must_not_lines) > kMaxFlaggedShare) {
		for (const auto &m : ours.false_flags)
			std::printf("  %s\n", m.c_str());
	}

	int failed = 0;
	auto require = [&failed](bool holds, const char *what) {
		std::printf("%s: %s\n", holds ? "ok" : "MISSED", what);
		failed += holds ? 0 : 1;
	};
	std::printf("\n");
	require(ours.all.recall() >= kMinRecall, "recall >= 95 %");
	require(share(ours.must_not_flagged, ours.must_not_lines) <= kMaxFlaggedShare,
		"clean and trap lines flagged <= 2 %");
	require(ours.all.precision() >= base.all.precision() + kMinPrecisionGain,
		"precision at least 10 points above the substring baseline");
	return failed == 0 ? 0 : 1;
}
