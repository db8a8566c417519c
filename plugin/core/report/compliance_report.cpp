#include "core/report/compliance_report.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace lcs::report {
namespace {

using Names = std::map<std::string, std::pair<const char *, const char *>>; // id → {zh-CN, en-US}

std::string name_in(const Names &names, const std::string &id, bool zh, const char *zh_unknown, const char *en_unknown)
{
	if (const auto it = names.find(id); it != names.end())
		return zh ? it->second.first : it->second.second;
	if (id.empty())
		return zh ? zh_unknown : en_unknown;
	return id;
}

// The contract's categories (section 3), in its order.
const std::vector<std::string> &category_ids()
{
	static const std::vector<std::string> ids = {"absolute", "medical", "efficacy", "price", "urgency", "off_platform", "inducement"};
	return ids;
}

} // namespace

const std::vector<std::string> &session_checks()
{
	static const std::vector<std::string> checks = {"cue", "speech", "price"};
	return checks;
}

std::string flag_severity(const FlagRow &flag)
{
	if (flag.severity == "ban" || flag.severity == "caution" || flag.severity == "info")
		return flag.severity;
	return "unrated";
}

std::string flag_category(const FlagRow &flag)
{
	if (!flag.category.empty())
		return flag.category;
	return flag.where == "price" ? "price" : "";
}

bool counts_as_ban(const FlagRow &flag)
{
	const std::string severity = flag_severity(flag);
	return severity == "ban" || severity == "unrated";
}

ComplianceCounts count_flags(const SessionReport &r)
{
	ComplianceCounts c;
	for (const auto &f : r.flags) {
		const std::string severity = flag_severity(f);
		++(severity == "ban" ? c.ban : severity == "caution" ? c.caution : severity == "info" ? c.info : c.unrated);
	}
	return c;
}

bool compliance_checked(const SessionReport &r)
{
	return r.compliance_checks && !r.compliance_checks->empty();
}

nlohmann::ordered_json compliance_json(const SessionReport &r)
{
	nlohmann::ordered_json j;
	auto flags = nlohmann::ordered_json::array();
	for (const auto &f : r.flags) {
		nlohmann::ordered_json entry = {{"t", f.t}};
		if (const auto v = r.video_time(f.t))
			entry["video_time"] = *v;
		entry["rule"] = f.rule;
		entry["term"] = f.term;
		entry["where"] = f.where;
		entry["severity"] = flag_severity(f);
		entry["severity_logged"] = !f.severity.empty();
		entry["category"] = flag_category(f);
		entry["confidence"] = f.confidence.empty() ? "exact" : f.confidence;
		entry["text"] = f.text;
		entry["legal_ref"] = f.legal_ref;
		entry["suggestion"] = f.suggestion;
		entry["cue_id"] = f.cue_id;
		flags.push_back(std::move(entry));
	}
	j["flags"] = flags;
	nlohmann::ordered_json by_category = nlohmann::ordered_json::object();
	for (const auto &id : category_ids())
		by_category[id] = 0;
	for (const auto &f : r.flags) {
		std::string category = flag_category(f);
		if (std::find(category_ids().begin(), category_ids().end(), category) == category_ids().end())
			category = "other";
		by_category[category] = by_category.value(category, 0) + 1;
	}
	j["by_category"] = by_category;
	const auto counts = count_flags(r);
	j["by_severity"] = {{"ban", counts.ban}, {"caution", counts.caution}, {"info", counts.info}, {"unrated", counts.unrated}};
	j["checks"] = r.compliance_checks ? nlohmann::ordered_json(*r.compliance_checks) : nlohmann::ordered_json(nullptr);
	auto not_checked = nlohmann::ordered_json::array();
	for (const auto &check : session_checks())
		if (!r.compliance_checks || std::find(r.compliance_checks->begin(), r.compliance_checks->end(), check) == r.compliance_checks->end())
			not_checked.push_back(check);
	j["not_checked"] = not_checked;
	return j;
}

std::string severity_name(const std::string &severity, bool zh)
{
	static const Names names = {{"ban", {"禁用", "Ban"}},
				    {"caution", {"慎用", "Caution"}},
				    {"info", {"提示", "Info"}},
				    {"unrated", {"未分级（按禁用计）", "Not rated (counted as a ban)"}}};
	return name_in(names, severity, zh, "未分级（按禁用计）", "Not rated (counted as a ban)");
}

std::string category_name(const std::string &category, bool zh)
{
	static const Names names = {{"absolute", {"绝对化用语", "Absolute terms"}},
				    {"medical", {"疾病/医疗功效", "Medical claims"}},
				    {"efficacy", {"化妆品功效", "Cosmetic efficacy"}},
				    {"price", {"价格欺诈/原价", "Price (original price)"}},
				    {"urgency", {"虚假限时限量", "False urgency"}},
				    {"off_platform", {"引导站外交易", "Off-platform trading"}},
				    {"inducement", {"诱导互动/打赏", "Inducement"}}};
	return name_in(names, category, zh, "未分类", "Uncategorised");
}

std::string where_name(const std::string &where, bool zh)
{
	static const Names names = {{"cue", {"提词", "Cue"}},
				    {"speech", {"口播", "Speech"}},
				    {"price", {"价格", "Price"}},
				    {"pack", {"商品资料", "Pack"}}};
	return name_in(names, where, zh, "—", "—");
}

TermInText term_in_text(const FlagRow &flag)
{
	const std::string &text = flag.text.empty() ? flag.term : flag.text;
	const size_t at = flag.term.empty() ? std::string::npos : text.find(flag.term);
	if (at == std::string::npos)
		return {text, "", ""};
	return {text.substr(0, at), flag.term, text.substr(at + flag.term.size())};
}

} // namespace lcs::report
