#include "core/report/rubric.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/pack/pack_loader.hpp"

namespace lcs::report {

std::optional<double> metric_value(const SessionReport &r, const std::string &key)
{
	if (key == "segments_covered" || key == "segment_overrun_ratio") {
		if (r.segments.empty())
			return std::nullopt;
		int64_t covered = 0, overrun = 0, planned = 0;
		for (const auto &s : r.segments) {
			covered += s.actual_ms > 0 ? 1 : 0;
			overrun += std::max<int64_t>(0, s.actual_ms - s.planned_ms);
			planned += s.planned_ms;
		}
		if (key == "segments_covered")
			return static_cast<double>(covered) / static_cast<double>(r.segments.size());
		return planned > 0 ? std::optional<double>(static_cast<double>(overrun) / static_cast<double>(planned)) : std::nullopt;
	}
	const auto j = r.metrics.to_json();
	if (!j.contains(key) || j[key].is_null())
		return std::nullopt;
	return j[key].get<double>();
}

namespace {
std::string localised(const nlohmann::json &names, const std::string &language)
{
	if (names.is_string())
		return names.get<std::string>();
	if (names.is_object()) {
		if (names.contains(language))
			return names[language].get<std::string>();
		if (!names.empty())
			return names.begin()->get<std::string>();
	}
	return {};
}

std::vector<TimelineEntry> moments_for(const std::string &dimension, const SessionReport &r)
{
	std::vector<TimelineEntry> out;
	if (dimension == "delivery") {
		for (const auto &e : r.timeline)
			if (e.kind == "dead_air")
				out.push_back(e);
		std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.duration_ms > b.duration_ms; });
	} else if (dimension == "audience_care") {
		std::vector<QuestionRow> qs = r.questions;
		const int64_t end = static_cast<int64_t>(r.metrics.duration_s * 1000);
		std::sort(qs.begin(), qs.end(), [&](const auto &a, const auto &b) {
			return a.answered_t.value_or(end) - a.t > b.answered_t.value_or(end) - b.t;
		});
		for (const auto &q : qs)
			out.push_back({q.t, "question", q.text, q.answered_t.value_or(end) - q.t});
	} else if (dimension == "script") {
		for (const auto &s : r.segments)
			if (s.actual_ms > s.planned_ms && s.first_start_ms)
				out.push_back({*s.first_start_ms, "segment", s.name, s.actual_ms - s.planned_ms});
		std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.duration_ms > b.duration_ms; });
	} else if (dimension == "compliance") {
		for (const auto &e : r.timeline)
			if (e.kind == "flag")
				out.push_back(e);
	} else if (dimension == "selling") {
		for (const auto &e : r.timeline)
			if (e.kind == "pin" || e.kind == "promo_start")
				out.push_back(e);
	}
	if (out.size() > 3)
		out.resize(3);
	return out;
}
} // namespace

std::optional<RubricResult> score(const SessionReport &report, const std::filesystem::path &rubric_file,
				  const std::string &language, diag::Diagnostics &problems)
{
	std::ifstream in(rubric_file, std::ios::binary);
	std::ostringstream text;
	text << in.rdbuf();
	const auto j = nlohmann::json::parse(text.str(), nullptr, false, true);
	if (!in || j.is_discarded() || j.value("format", "") != "lcs.rubric/1" || !j.contains("dimensions")) {
		problems.push_back({diag::Severity::Error, {pack::path_utf8(rubric_file), 0, 0}, "not an lcs.rubric/1 file"});
		return std::nullopt;
	}
	RubricResult result;
	result.name = localised(j.value("name", nlohmann::json()), language);
	double weight_sum = 0;
	for (const auto &d : j["dimensions"]) {
		DimensionScore dim;
		dim.id = d.value("id", "");
		dim.name = localised(d.value("name", nlohmann::json()), language);
		dim.weight = d.value("weight", 1.0);
		double points = 0, weights = 0;
		for (const auto &m : d.value("metrics", nlohmann::json::array())) {
			MetricScore ms;
			ms.metric = m.value("metric", "");
			ms.target = m.value("target", 0.0);
			ms.lower_is_better = m.value("lower_is_better", false);
			ms.weight = m.value("weight", 1.0);
			const double tolerance = m.value("tolerance", ms.target > 0 ? ms.target : 1.0);
			ms.value = metric_value(report, ms.metric);
			if (ms.value) {
				if (ms.lower_is_better)
					ms.score = *ms.value <= ms.target ? 1.0 : std::max(0.0, 1.0 - (*ms.value - ms.target) / tolerance);
				else
					ms.score = ms.target <= 0 ? 1.0 : std::min(1.0, *ms.value / ms.target);
				points += ms.score * ms.weight;
				weights += ms.weight;
			}
			dim.metrics.push_back(ms);
		}
		dim.score = weights > 0 ? 100.0 * points / weights : 100.0;
		dim.moments = moments_for(dim.id, report);
		result.total += dim.score * dim.weight;
		weight_sum += dim.weight;
		result.dimensions.push_back(std::move(dim));
	}
	result.total = weight_sum > 0 ? result.total / weight_sum : 0;
	for (const auto &t : j.value("tiers", nlohmann::json::array()))
		if (result.total >= t.value("min", 0.0)) {
			result.tier = localised(t.value("name", nlohmann::json()), language);
			break;
		}
	std::vector<size_t> order(result.dimensions.size());
	for (size_t i = 0; i < order.size(); ++i)
		order[i] = i;
	std::stable_sort(order.begin(), order.end(),
			 [&](size_t a, size_t b) { return result.dimensions[a].score < result.dimensions[b].score; });
	for (size_t i = 0; i < order.size() && i < 3; ++i)
		if (result.dimensions[order[i]].score < 100.0)
			result.fix_first.push_back(order[i]);
	return result;
}

nlohmann::ordered_json RubricResult::to_json() const
{
	nlohmann::ordered_json j;
	j["name"] = name;
	j["total"] = total;
	j["tier"] = tier;
	auto dims = nlohmann::ordered_json::array();
	for (const auto &d : dimensions) {
		auto metrics = nlohmann::ordered_json::array();
		for (const auto &m : d.metrics)
			metrics.push_back({{"metric", m.metric},
					   {"value", m.value ? nlohmann::ordered_json(*m.value) : nlohmann::ordered_json(nullptr)},
					   {"target", m.target},
					   {"lower_is_better", m.lower_is_better},
					   {"weight", m.weight},
					   {"score", m.score}});
		dims.push_back({{"id", d.id}, {"name", d.name}, {"weight", d.weight}, {"score", d.score}, {"metrics", metrics}});
	}
	j["dimensions"] = dims;
	auto fix = nlohmann::ordered_json::array();
	for (const size_t i : fix_first) {
		auto moments = nlohmann::ordered_json::array();
		for (const auto &m : dimensions[i].moments)
			moments.push_back({{"t", m.t}, {"kind", m.kind}, {"label", m.label}, {"duration_ms", m.duration_ms}});
		fix.push_back({{"dimension", dimensions[i].id}, {"score", dimensions[i].score}, {"moments", moments}});
	}
	j["fix_first"] = fix;
	return j;
}

} // namespace lcs::report
