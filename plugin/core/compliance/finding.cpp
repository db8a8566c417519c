#include "core/compliance/finding.hpp"

#include <algorithm>

namespace lcs::compliance {

std::string_view to_string(Severity severity)
{
	switch (severity) {
	case Severity::info: return "info";
	case Severity::caution: return "caution";
	case Severity::ban: return "ban";
	}
	return "info";
}

std::optional<Severity> severity_from(std::string_view text)
{
	if (text == "info")
		return Severity::info;
	if (text == "caution")
		return Severity::caution;
	if (text == "ban")
		return Severity::ban;
	return std::nullopt;
}

const std::vector<std::string> &categories()
{
	static const std::vector<std::string> kCategories = {"absolute", "medical", "efficacy", "price",
							     "urgency", "off_platform", "inducement"};
	return kCategories;
}

std::string_view to_string(Confidence confidence)
{
	switch (confidence) {
	case Confidence::exact: return "exact";
	case Confidence::normalized: return "normalized";
	case Confidence::pinyin: return "pinyin";
	}
	return "exact";
}

Severity worst(const Findings &findings)
{
	Severity w = Severity::info;
	for (const auto &f : findings)
		w = std::max(w, f.severity);
	return w;
}

} // namespace lcs::compliance
