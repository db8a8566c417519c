#include "core/report/session_report.hpp"
#include "core/report/compliance_report.hpp"

#include <cstdio>

namespace lcs::report {

std::string clock_text(int64_t ms, bool millis)
{
	if (ms < 0)
		ms = 0;
	char buf[40];
	if (millis)
		std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld.%03lld", static_cast<long long>(ms / 3600000),
			      static_cast<long long>(ms / 60000 % 60), static_cast<long long>(ms / 1000 % 60),
			      static_cast<long long>(ms % 1000));
	else
		std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(ms / 3600000),
			      static_cast<long long>(ms / 60000 % 60), static_cast<long long>(ms / 1000 % 60));
	return buf;
}

std::optional<std::string> SessionReport::video_time(int64_t t) const
{
	if (!recording_start_ms || t < *recording_start_ms)
		return std::nullopt;
	return clock_text(t - *recording_start_ms);
}

nlohmann::ordered_json SessionReport::to_json() const
{
	nlohmann::ordered_json j;
	j["metrics"] = metrics.to_json();
	j["traffic"] = metrics.traffic_json();
	auto segs = nlohmann::ordered_json::array();
	for (const auto &s : segments)
		segs.push_back({{"segment_id", s.segment_id}, {"name", s.name}, {"kind", s.kind}, {"planned_ms", s.planned_ms},
				{"actual_ms", s.actual_ms}, {"viewers_at_start", s.viewers_at_start}, {"viewers_at_end", s.viewers_at_end},
				{"orders", s.orders}, {"gmv_cents", s.gmv_cents}, {"questions", s.questions}, {"answered", s.answered}});
	j["segments"] = segs;
	auto prods = nlohmann::ordered_json::array();
	for (const auto &p : products)
		prods.push_back({{"sku", p.sku}, {"name", p.name}, {"exposed", p.exposed}, {"clicks", p.clicks}, {"orders", p.orders},
				 {"units", p.units}, {"buyers", p.buyers}, {"gmv_cents", p.gmv_cents},
				 {"conversion_rate", p.conversion_rate ? nlohmann::ordered_json(*p.conversion_rate) : nlohmann::ordered_json(nullptr)}});
	j["products"] = prods;
	auto tl = nlohmann::ordered_json::array();
	for (const auto &e : timeline) {
		nlohmann::ordered_json entry = {{"t", e.t}, {"kind", e.kind}, {"label", e.label}};
		if (e.duration_ms)
			entry["duration_ms"] = e.duration_ms;
		if (const auto v = video_time(e.t))
			entry["video_time"] = *v;
		if (!e.severity.empty())
			entry["severity"] = e.severity;
		tl.push_back(entry);
	}
	j["timeline"] = tl;
	auto ads = nlohmann::ordered_json::array();
	for (const auto &a : ad_spend) {
		nlohmann::ordered_json entry = {{"t", a.t}, {"amount_cents", a.amount_cents}, {"impressions", a.impressions}};
		if (!a.campaign.empty())
			entry["campaign"] = a.campaign;
		ads.push_back(entry);
	}
	j["ad_spend"] = ads;
	j["compliance"] = compliance_json(*this);
	// A log without a header (empty, or refused) has a null header: its session fields are empty.
	static const nlohmann::json kNoHeader = nlohmann::json::object();
	const nlohmann::json &h = header.is_object() ? header : kNoHeader;
	j["session"] = {{"session_id", h.value("session_id", "")},
			{"trainee", h.value("trainee", "")},
			{"started_at", h.value("started_at", "")},
			{"scenario", h.value("scenario", nlohmann::json::object())},
			{"seed", h.value("seed", uint64_t{0})},
			{"truncated", truncated}};
	return j;
}

} // namespace lcs::report
