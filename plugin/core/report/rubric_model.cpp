#include "core/report/rubric_model.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/metrics/metrics.hpp"

namespace lcs::report {

std::string LocalisedText::in(const std::string &language) const
{
	if (const auto it = by_language.find(language); it != by_language.end())
		return it->second;
	if (const auto it = by_language.find(""); it != by_language.end())
		return it->second;
	return by_language.empty() ? std::string() : by_language.begin()->second;
}

double ResponseCredit::credit(double answer_s) const
{
	if (answer_s <= fast_s)
		return 1.0;
	if (answer_s >= slow_s)
		return late_credit;
	return late_credit + (1.0 - late_credit) * (slow_s - answer_s) / (slow_s - fast_s);
}

bool ComplianceCount::counts(const std::string &where_value, const std::string &confidence_value) const
{
	const std::string c = confidence_value.empty() ? "exact" : confidence_value;
	return (where.empty() || std::find(where.begin(), where.end(), where_value) != where.end()) &&
	       (confidence.empty() || std::find(confidence.begin(), confidence.end(), c) != confidence.end());
}

bool is_compliance_count(const std::string &metric)
{
	return metric == "compliance_penalty" || metric == "compliance_bans" || metric == "compliance_cautions";
}

const std::vector<std::string> &rubric_metric_keys()
{
	// Every contract metric (as the report's JSON names them), then the ones the rubric derives.
	static const std::vector<std::string> keys = [] {
		std::vector<std::string> k;
		const nlohmann::ordered_json contract = metrics::Metrics{}.to_json();
		for (auto it = contract.begin(); it != contract.end(); ++it)
			k.push_back(it.key());
		for (const char *derived : {"segments_covered", "segment_overrun_ratio", "response_score", "compliance_penalty",
					    "compliance_bans", "compliance_cautions"})
			k.emplace_back(derived);
		return k;
	}();
	return keys;
}

} // namespace lcs::report
