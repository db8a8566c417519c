// The compliance checker at scale, against the full shipped rule set (data/compliance): linting
// 10 000 cue texts (the bundled packs' cues, repeated) within 100 ms, and one utterance in a
// session within 1 ms. The binary fails (exit 1) when a target is missed; the figures go to the
// README and docs/compliance.md.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>

#include "core/compliance/checker.hpp"
#include "core/pack/pack_loader.hpp"

namespace {
constexpr double kBudgetMs10kCues = 100.0;
constexpr double kBudgetMsUtterance = 1.0;
double g_cues_ms = 0.0;
double g_utterance_ms = 0.0;

struct Texts {
	std::vector<std::pair<std::string, std::string>> cues; // language, text
};

const lcs::compliance::Checker &checker()
{
	static const auto load = lcs::compliance::load_checker(std::filesystem::path(LCS_SOURCE_DIR) / "data/compliance");
	if (!load.checker) {
		std::fprintf(stderr, "no rules loaded from data/compliance\n");
		std::exit(2);
	}
	return *load.checker;
}

const Texts &texts()
{
	static const Texts t = [] {
		Texts out;
		for (const auto &e : std::filesystem::recursive_directory_iterator(std::filesystem::path(LCS_SOURCE_DIR) /
										    "scripts-library/packs")) {
			if (e.path().extension() != ".json")
				continue;
			const auto load = lcs::pack::load_pack_file(e.path());
			if (!load.pack)
				continue;
			for (const auto &s : load.pack->segments)
				for (const auto &c : s.cues)
					out.cues.emplace_back(load.pack->meta.language, c.text);
		}
		return out;
	}();
	return t;
}

void BM_Lint10kCues(benchmark::State &state)
{
	const auto &c = checker();
	const auto &cues = texts().cues;
	if (cues.empty()) {
		state.SkipWithError("no cue texts");
		return;
	}
	lcs::compliance::Context zh, en;
	zh.where = en.where = lcs::compliance::Where::cue;
	en.language = "en-US";
	size_t findings = 0;
	for (auto _ : state)
		for (size_t i = 0; i < 10000; ++i) {
			const auto &[language, text] = cues[i % cues.size()];
			findings += c.check(text, language == "en-US" ? en : zh).size();
		}
	state.counters["findings"] = static_cast<double>(findings) / static_cast<double>(state.iterations());
	state.counters["distinct_cues"] = static_cast<double>(cues.size());
	state.SetLabel("10 000 cue texts");
}
BENCHMARK(BM_Lint10kCues)->Unit(benchmark::kMillisecond)->Iterations(10);

void BM_OneUtterance(benchmark::State &state)
{
	const auto &c = checker();
	const std::string text = "家人们这款蜂蜜真的是全网最低价，原价三百九十九今天只要九十九，最后一波了手慢无，加我微信还有优惠";
	lcs::compliance::Context context;
	context.where = lcs::compliance::Where::speech;
	context.urgency_backed = false;
	for (auto _ : state)
		benchmark::DoNotOptimize(c.check(text, context));
	state.SetLabel("one utterance (50 characters)");
}
BENCHMARK(BM_OneUtterance)->Unit(benchmark::kMicrosecond);

class BudgetReporter : public benchmark::ConsoleReporter {
public:
	void ReportRuns(const std::vector<Run> &runs) override
	{
		for (const auto &run : runs) {
			const double ms = run.GetAdjustedRealTime() *
					  (run.time_unit == benchmark::kMicrosecond ? 1e-3 : run.time_unit == benchmark::kNanosecond ? 1e-6 : 1.0);
			if (run.benchmark_name().find("Lint10kCues") != std::string::npos)
				g_cues_ms = std::max(g_cues_ms, ms);
			if (run.benchmark_name().find("OneUtterance") != std::string::npos)
				g_utterance_ms = std::max(g_utterance_ms, ms);
		}
		ConsoleReporter::ReportRuns(runs);
	}
};

} // namespace

int main(int argc, char **argv)
{
	benchmark::Initialize(&argc, argv);
	BudgetReporter reporter;
	benchmark::RunSpecifiedBenchmarks(&reporter);
	benchmark::Shutdown();
	std::printf("compliance: 10 000 cue texts in %.2f ms (budget %.0f ms); one utterance in %.4f ms (budget %.0f ms); %zu rules\n",
		    g_cues_ms, kBudgetMs10kCues, g_utterance_ms, kBudgetMsUtterance, checker().rules().rules.size());
	return g_cues_ms <= kBudgetMs10kCues && g_utterance_ms <= kBudgetMsUtterance ? 0 : 1;
}
