#include "core/report/rubric.hpp"

#include <algorithm>

#include "core/report/compliance_report.hpp"

namespace lcs::report {

std::optional<double> metric_value(const SessionReport &r, const RubricMetric &metric)
{
	const std::string &key = metric.metric;
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
	const auto &m = r.metrics;
	if (key == "response_score") {
		// One figure for how many questions were answered and how fast: a late answer earns less
		// than a quick one but never less than no answer.
		if (r.questions.empty())
			return std::nullopt;
		double credit = 0;
		for (const auto &q : r.questions)
			if (q.answered_t)
				credit += metric.response.credit(static_cast<double>(*q.answered_t - q.t) / 1000.0);
		// What a human host could answer: each minute counts at most capacity_per_min questions.
		double expected = static_cast<double>(r.questions.size());
		if (metric.response.capacity_per_min > 0) {
			expected = 0;
			for (const auto &minute : r.minutes)
				expected += std::min(static_cast<double>(minute.questions_asked), metric.response.capacity_per_min);
		}
		return expected > 0 ? std::min(1.0, credit / expected) : 0.0;
	}
	// Talk and silence are only known once the voice meter has said something: a log without any
	// voice state has 0 s of dead air because nothing was heard, not because the host kept talking.
	if ((key == "talk_ratio" || key == "dead_air_s" || key == "longest_silence_s") && !r.voice_logged)
		return std::nullopt;
	// Flags by severity, counted only over the checks the header says ran: a metric none of whose
	// places was checked is not measured.
	if (is_compliance_count(key)) {
		if (!compliance_checked(r))
			return std::nullopt;
		const auto &checks = *r.compliance_checks;
		auto ran = [&](const std::string &where) { return std::find(checks.begin(), checks.end(), where) != checks.end(); };
		const auto &count = metric.compliance;
		if (!count.where.empty() && std::none_of(count.where.begin(), count.where.end(), ran))
			return std::nullopt;
		double sum = 0;
		for (const auto &f : r.flags) {
			if (!ran(f.where) || !count.counts(f.where, f.confidence))
				continue;
			const std::string severity = flag_severity(f);
			if (key == "compliance_bans")
				sum += counts_as_ban(f) ? 1 : 0;
			else if (key == "compliance_cautions")
				sum += severity == "caution" ? 1 : 0;
			else
				sum += severity == "caution" ? count.caution : severity == "info" ? count.info : count.ban;
		}
		return sum;
	}
	// Flags only mean something over checks that ran: 0 flags without any check is not compliance.
	if (key == "compliance_flags" && (!r.compliance_checks || r.compliance_checks->empty()))
		return std::nullopt;
	// Viewers came and no product was ever shown to them: the host's doing, so 0, not unmeasured.
	if (key == "click_rate" && !m.click_rate && m.uv > 0 && !r.products.empty())
		return 0.0;
	const auto j = m.to_json();
	if (!j.contains(key) || !j[key].is_number())
		return std::nullopt;
	return j[key].get<double>();
}

namespace {

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
		// Bans first, then cautions, each in time order; info costs nothing and is not shown here.
		for (const auto &e : r.timeline)
			if (e.kind == "flag" && e.severity != "info")
				out.push_back(e);
		std::stable_sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
			return (a.severity == "caution") < (b.severity == "caution");
		});
	} else if (dimension == "selling") {
		for (const auto &e : r.timeline)
			if (e.kind == "pin" || e.kind == "promo_start")
				out.push_back(e);
	}
	if (out.size() > 3)
		out.resize(3);
	return out;
}

double metric_points(const RubricMetric &m, double value)
{
	if (m.lower_is_better)
		return value <= m.target ? 1.0 : std::max(0.0, 1.0 - (value - m.target) / m.tolerance);
	if (m.target <= 0) // the reader refuses this; a rubric built in code might not
		return value > 0 ? 1.0 : 0.0;
	if (m.floor > 0 && m.floor < m.target)
		return std::clamp((value - m.floor) / (m.target - m.floor), 0.0, 1.0);
	return std::clamp(value / m.target, 0.0, 1.0);
}

} // namespace

RubricResult score(const SessionReport &report, const Rubric &rubric, const std::string &language)
{
	RubricResult result;
	result.name = rubric.name.in(language);
	double total = 0, weight_sum = 0;
	for (const auto &d : rubric.dimensions) {
		DimensionScore dim;
		dim.id = d.id;
		dim.name = d.name.in(language);
		dim.weight = d.weight;
		double points = 0, weights = 0;
		for (const auto &m : d.metrics) {
			MetricScore ms;
			ms.metric = m.metric;
			ms.target = m.target;
			ms.lower_is_better = m.lower_is_better;
			ms.floor = m.floor;
			ms.weight = m.weight;
			ms.pass_limit = m.pass_limit;
			if (is_compliance_count(m.metric))
				ms.counts = m.compliance;
			ms.value = metric_value(report, m);
			if (ms.value) {
				ms.score = metric_points(m, *ms.value);
				if (m.pass_limit && (m.lower_is_better ? *ms.value > *m.pass_limit : *ms.value < *m.pass_limit)) {
					ms.gate_failed = true;
					result.gates_failed.push_back(d.id + "/" + m.metric);
				}
				points += *ms.score * ms.weight;
				weights += ms.weight;
			}
			dim.metrics.push_back(ms);
		}
		if (weights > 0) {
			dim.score = 100.0 * points / weights;
			total += *dim.score * dim.weight;
			weight_sum += dim.weight;
		} else {
			result.complete = false; // not measured: out of the total, never full marks
		}
		dim.moments = moments_for(dim.id, report);
		result.dimensions.push_back(std::move(dim));
	}
	for (const auto &t : rubric.tiers)
		if (t.min > 0 && (result.pass_mark == 0 || t.min < result.pass_mark))
			result.pass_mark = t.min;
	if (weight_sum > 0) {
		result.uncapped_total = total / weight_sum;
		result.total = result.uncapped_total;
		// A failed gate: the session does not pass, however the rest scored.
		if (!result.gates_failed.empty() && result.pass_mark > 0)
			result.total = std::min(*result.total, result.pass_mark - 1.0);
	}
	if (result.total && result.complete)
		for (const auto &t : rubric.tiers)
			if (*result.total >= t.min) {
				result.tier = t.name.in(language);
				break;
			}
	std::vector<size_t> order;
	for (size_t i = 0; i < result.dimensions.size(); ++i)
		if (result.dimensions[i].score && *result.dimensions[i].score < 100.0)
			order.push_back(i);
	std::stable_sort(order.begin(), order.end(),
			 [&](size_t a, size_t b) { return *result.dimensions[a].score < *result.dimensions[b].score; });
	for (size_t i = 0; i < order.size() && i < 3; ++i)
		result.fix_first.push_back(order[i]);
	return result;
}

std::optional<RubricResult> score(const SessionReport &report, const std::filesystem::path &rubric_file,
				  const std::string &language, diag::Diagnostics &problems)
{
	const auto rubric = read_rubric_file(rubric_file, problems);
	if (!rubric)
		return std::nullopt;
	return score(report, *rubric, language);
}

nlohmann::ordered_json RubricResult::to_json() const
{
	nlohmann::ordered_json j;
	auto optional = [](const std::optional<double> &v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr); };
	j["name"] = name;
	j["total"] = optional(total);
	j["uncapped_total"] = optional(uncapped_total);
	j["pass_mark"] = pass_mark;
	j["gates_failed"] = gates_failed;
	j["complete"] = complete;
	auto not_measured = nlohmann::ordered_json::array();
	for (const auto &d : dimensions)
		if (!d.score)
			not_measured.push_back(d.id);
	j["not_measured"] = not_measured;
	j["tier"] = tier;
	auto dims = nlohmann::ordered_json::array();
	for (const auto &d : dimensions) {
		auto metrics = nlohmann::ordered_json::array();
		for (const auto &m : d.metrics) {
			metrics.push_back({{"metric", m.metric},
					   {"value", optional(m.value)},
					   {"measured", m.value.has_value()},
					   {"target", m.target},
					   {"lower_is_better", m.lower_is_better},
					   {"floor", m.floor},
					   {"weight", m.weight},
					   {"pass_limit", optional(m.pass_limit)},
					   {"gate_failed", m.gate_failed},
					   {"score", optional(m.score)}});
			if (m.counts) {
				auto &entry = metrics.back();
				entry["where"] = m.counts->where;
				entry["confidence"] = m.counts->confidence;
				if (m.metric == "compliance_penalty")
					entry["severity_weights"] = nlohmann::ordered_json{{"ban", m.counts->ban}, {"caution", m.counts->caution}, {"info", m.counts->info}};
			}
		}
		dims.push_back({{"id", d.id}, {"name", d.name}, {"weight", d.weight}, {"measured", d.score.has_value()},
				{"score", optional(d.score)}, {"metrics", metrics}});
	}
	j["dimensions"] = dims;
	auto fix = nlohmann::ordered_json::array();
	for (const size_t i : fix_first) {
		auto moments = nlohmann::ordered_json::array();
		for (const auto &m : dimensions[i].moments) {
			nlohmann::ordered_json moment = {{"t", m.t}, {"kind", m.kind}, {"label", m.label}, {"duration_ms", m.duration_ms}};
			if (!m.severity.empty())
				moment["severity"] = m.severity;
			moments.push_back(std::move(moment));
		}
		fix.push_back({{"dimension", dimensions[i].id}, {"score", optional(dimensions[i].score)}, {"moments", moments}});
	}
	j["fix_first"] = fix;
	return j;
}

} // namespace lcs::report
