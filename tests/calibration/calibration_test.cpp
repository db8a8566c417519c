// The calibration test (docs/calibration.md, issue 14): every bundled scenario of every bundled
// pack (both languages) runs with the strong and the weak autopilot on several seeds, headless,
// through the same controller as OBS. Each metric is printed beside its band
// (tests/calibration/bands.json); the test fails when a strong-host metric leaves its band or
// when the strong host no longer beats the weak one by the ratios on every seed.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/audience/audience_data.hpp"
#include "core/metrics/log_reader.hpp"
#include "core/metrics/metrics.hpp"
#include "core/pack/library.hpp"
#include "core/session/headless_run.hpp"

namespace {
using namespace lcs;
namespace fs = std::filesystem;

const fs::path kSource = fs::u8path(LCS_SOURCE_DIR);

const nlohmann::json &bands()
{
	static const nlohmann::json b = [] {
		std::ifstream in(kSource / "tests/calibration/bands.json");
		return nlohmann::json::parse(in);
	}();
	return b;
}

std::shared_ptr<const audience::AudienceData> audience(const std::string &language)
{
	static std::map<std::string, std::shared_ptr<const audience::AudienceData>> cache;
	auto &slot = cache[language];
	if (!slot) {
		diag::Diagnostics d;
		auto loaded = audience::AudienceData::load(kSource / "data/audience", language, d);
		if (loaded)
			slot = std::make_shared<const audience::AudienceData>(std::move(*loaded));
	}
	return slot;
}

struct Case {
	std::string pack; // relative to scripts-library/packs
	std::string scenario;
};

std::vector<Case> bundled_cases()
{
	std::vector<Case> out;
	std::vector<fs::path> files;
	for (const auto &entry : fs::recursive_directory_iterator(kSource / "scripts-library/packs"))
		if (entry.is_regular_file() && entry.path().extension() == ".json")
			files.push_back(entry.path());
	std::sort(files.begin(), files.end());
	for (const auto &file : files) {
		const auto loaded = pack::Library::load({file});
		if (!loaded.library)
			continue;
		for (const auto *s : loaded.library->scenarios())
			out.push_back({fs::relative(file, kSource / "scripts-library/packs").generic_string(), s->id});
	}
	return out;
}

// One session: the contract's metrics, plus comments per minute per 30 viewers online over the
// busiest five minutes (by viewers online).
struct Room {
	metrics::Metrics m;
	double comments_per_30 = 0;
};

Room run(const std::shared_ptr<const pack::Library> &library, const std::string &scenario, uint64_t seed,
	 session::Policy policy, const std::string &tag)
{
	session::HeadlessOptions o;
	o.scenario_id = scenario;
	o.seed = seed;
	o.policy = policy;
	o.log_path = testing::TempDir() + "calibration-" + tag + ".jsonl";
	const auto result = session::run_headless(library, audience(library->language()), o);
	EXPECT_TRUE(result.ok) << result.error;

	metrics::MetricsAccumulator acc;
	std::map<int64_t, int64_t> comments;       // minute → comments
	std::map<int64_t, int64_t> viewer_seconds; // minute → Σ viewers online each second
	int64_t present = 0;
	int64_t second = 0;
	metrics::read_session_log(o.log_path, {}, [&](const nlohmann::json &e) {
		acc.add(e);
		const int64_t t = e["t"].get<int64_t>() / 1000;
		for (; second < t; ++second)
			viewer_seconds[second / 60] += present;
		const auto type = e["type"].get<std::string>();
		if (type == "viewer_join")
			++present;
		else if (type == "viewer_leave")
			--present;
		else if (type == "comment")
			++comments[t / 60];
	});
	Room room;
	room.m = acc.finish();
	// The five minutes with the most viewers online (small rooms make a single minute noisy).
	int64_t best_start = 0;
	int64_t best = -1;
	for (const auto &[start, unused] : viewer_seconds) {
		int64_t vs = 0;
		for (int64_t k = start; k < start + 5; ++k)
			vs += viewer_seconds.count(k) ? viewer_seconds[k] : 0;
		if (vs > best) {
			best = vs;
			best_start = start;
		}
	}
	int64_t said = 0;
	for (int64_t k = best_start; k < best_start + 5; ++k)
		said += comments.count(k) ? comments[k] : 0;
	const double online_minutes = static_cast<double>(std::max<int64_t>(0, best)) / 60.0;
	room.comments_per_30 = online_minutes > 0 ? static_cast<double>(said) / online_minutes * 30.0 : 0.0;
	return room;
}

double value_of(const Room &r, const std::string &metric)
{
	const auto &m = r.m;
	if (metric == "comments_per_min_per_30_online")
		return r.comments_per_30;
	if (metric == "uv_value_yuan")
		return m.uv_value_cents.value_or(0) / 100.0;
	const std::map<std::string, std::optional<double>> rates = {
		{"avg_watch_s", m.avg_watch_s},         {"interaction_rate", m.interaction_rate},
		{"follow_rate", m.follow_rate},         {"click_rate", m.click_rate},
		{"exposure_entry_rate", m.exposure_entry_rate}, {"conversion_rate", m.conversion_rate},
		{"click_to_order_rate", m.click_to_order_rate},
	};
	const auto it = rates.find(metric);
	return it == rates.end() ? 0.0 : it->second.value_or(0.0);
}

std::string shown(double v, const std::string &metric)
{
	std::ostringstream s;
	const bool percent = metric.find("rate") != std::string::npos;
	s << std::fixed << std::setprecision(percent ? 1 : 1) << (percent ? v * 100 : v) << (percent ? "%" : "");
	return s.str();
}

std::string band_text(const nlohmann::json &band, const std::string &metric)
{
	return shown(band[0].get<double>(), metric) + "–" + shown(band[1].get<double>(), metric);
}

void PrintTo(const Case &c, std::ostream *os)
{
	*os << c.pack << " " << c.scenario;
}

class Calibration : public testing::TestWithParam<Case> {};

TEST_P(Calibration, StrongHostInsideTheBandsAndAheadOfTheWeakHost)
{
	const Case &c = GetParam();
	const auto loaded = pack::Library::load({kSource / "scripts-library/packs" / fs::u8path(c.pack)});
	ASSERT_TRUE(loaded.library);
	const auto &library = loaded.library;
	ASSERT_TRUE(audience(library->language())) << "no audience data for " << library->language();
	const auto &b = bands();
	std::vector<uint64_t> seeds = b["seeds"].get<std::vector<uint64_t>>();

	std::vector<Room> strong;
	std::vector<Room> weak;
	for (const uint64_t seed : seeds) {
		const std::string tag = c.scenario + "-" + library->language() + "-" + std::to_string(seed);
		strong.push_back(run(library, c.scenario, seed, session::Policy::Strong, tag + "-strong"));
		weak.push_back(run(library, c.scenario, seed, session::Policy::Weak, tag + "-weak"));
	}

	std::ostringstream table;
	table << "\n" << c.pack << " · " << c.scenario << " (strong host; weak for comparison)\n";
	table << std::left << std::setw(32) << "metric" << std::setw(14) << "band";
	for (const uint64_t seed : seeds)
		table << std::setw(10) << ("seed " + std::to_string(seed));
	table << std::setw(10) << "mean" << "weak mean\n";
	auto mean = [](const std::vector<Room> &rooms, const std::string &metric) {
		double sum = 0;
		for (const auto &r : rooms)
			sum += value_of(r, metric);
		return sum / static_cast<double>(rooms.size());
	};
	auto row = [&](const std::string &metric, const nlohmann::json &band, bool per_seed) {
		const double lo = band[0].get<double>();
		const double hi = band[1].get<double>();
		table << std::setw(32) << metric << std::setw(14) << band_text(band, metric);
		for (size_t i = 0; i < strong.size(); ++i) {
			const double v = value_of(strong[i], metric);
			const bool out = per_seed && (v < lo || v > hi);
			table << std::setw(10) << (shown(v, metric) + (out ? " ✗" : ""));
			if (per_seed) {
				EXPECT_GE(v, lo) << c.scenario << " " << library->language() << " seed " << seeds[i] << ": " << metric;
				EXPECT_LE(v, hi) << c.scenario << " " << library->language() << " seed " << seeds[i] << ": " << metric;
			}
		}
		const double m = mean(strong, metric);
		const bool out = !per_seed && (m < lo || m > hi);
		table << std::setw(10) << (shown(m, metric) + (out ? " ✗" : "")) << shown(mean(weak, metric), metric) << "\n";
		if (!per_seed) {
			EXPECT_GE(m, lo) << c.scenario << " " << library->language() << ": " << metric << " over the seeds";
			EXPECT_LE(m, hi) << c.scenario << " " << library->language() << ": " << metric << " over the seeds";
		}
	};
	for (const auto &[metric, band] : b["per_seed"].items())
		row(metric, band, true);
	for (const auto &[metric, band] : b["over_seeds"].items())
		row(metric, band, false);

	// The average order value, over the seeds (Σ GMV / Σ buyers), by the pack's category.
	const std::string category = library->products().empty() ? "" : library->products().front()->category;
	ASSERT_TRUE(b["aov_yuan_by_category"].contains(category)) << "no AOV band for category '" << category << "'";
	const auto &aov_band = b["aov_yuan_by_category"][category];
	int64_t gmv = 0;
	int64_t buyers = 0;
	for (const auto &r : strong) {
		gmv += r.m.gmv_cents;
		buyers += r.m.buyers;
	}
	const double aov = buyers > 0 ? static_cast<double>(gmv) / static_cast<double>(buyers) / 100.0 : 0.0;
	table << std::setw(32) << ("aov_yuan (" + category + ")") << std::setw(14) << band_text(aov_band, "aov")
	      << std::setw(10 * static_cast<int>(seeds.size())) << "" << shown(aov, "aov") << "\n";
	EXPECT_GE(aov, aov_band[0].get<double>()) << c.scenario << ": AOV";
	EXPECT_LE(aov, aov_band[1].get<double>()) << c.scenario << ": AOV";

	// The strong host ahead of the weak one, on every seed.
	const double gmv_ratio = b["strong_over_weak"]["gmv"].get<double>();
	const double watch_ratio = b["strong_over_weak"]["avg_watch_s"].get<double>();
	table << std::setw(32) << "strong/weak GMV" << std::setw(14) << ("≥ " + shown(gmv_ratio, "x"));
	for (size_t i = 0; i < strong.size(); ++i) {
		const double r = static_cast<double>(strong[i].m.gmv_cents) / static_cast<double>(std::max<int64_t>(1, weak[i].m.gmv_cents));
		table << std::setw(10) << (weak[i].m.gmv_cents == 0 ? std::string("∞") : shown(r, "x"));
		EXPECT_GE(r, gmv_ratio) << c.scenario << " seed " << seeds[i] << ": strong GMV " << strong[i].m.gmv_cents << " weak "
					<< weak[i].m.gmv_cents;
	}
	table << "\n" << std::setw(32) << "strong/weak avg watch" << std::setw(14) << ("≥ " + shown(watch_ratio, "x"));
	for (size_t i = 0; i < strong.size(); ++i) {
		const double r = value_of(strong[i], "avg_watch_s") / std::max(1e-9, value_of(weak[i], "avg_watch_s"));
		table << std::setw(10) << shown(r, "x");
		EXPECT_GE(r, watch_ratio) << c.scenario << " seed " << seeds[i] << ": avg watch";
	}
	table << "\n" << std::setw(32) << "viewers (uv) · peak online";
	for (const auto &r : strong)
		table << std::setw(10) << (std::to_string(r.m.uv) + "·" + std::to_string(r.m.pcu));
	table << "\n" << std::setw(32) << "GMV ¥ strong · weak";
	for (size_t i = 0; i < strong.size(); ++i)
		table << std::setw(10) << (std::to_string(strong[i].m.gmv_cents / 100) + "·" + std::to_string(weak[i].m.gmv_cents / 100));
	table << "\n";
	std::cout << table.str();
}

std::string case_name(const testing::TestParamInfo<Case> &info)
{
	std::string name = fs::path(info.param.pack).stem().string() + "_" + info.param.scenario;
	for (auto &ch : name)
		if (!std::isalnum(static_cast<unsigned char>(ch)))
			ch = '_';
	return name;
}

INSTANTIATE_TEST_SUITE_P(BundledScenarios, Calibration, testing::ValuesIn(bundled_cases()), case_name);

} // namespace
