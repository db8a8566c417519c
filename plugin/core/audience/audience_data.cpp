#include "core/audience/audience_data.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/pack/pack_loader.hpp"

namespace lcs::audience {
namespace {

std::optional<nlohmann::json> read_json(const std::filesystem::path &path, const char *format, diag::Diagnostics &out)
{
	const std::string name = pack::path_utf8(path);
	std::ifstream in(path, std::ios::binary);
	if (!in) {
		out.push_back({diag::Severity::Error, {name, 0, 0}, "cannot read"});
		return std::nullopt;
	}
	std::ostringstream text;
	text << in.rdbuf();
	auto j = nlohmann::json::parse(text.str(), nullptr, false, true);
	if (j.is_discarded() || !j.is_object() || j.value("format", "") != format) {
		out.push_back({diag::Severity::Error, {name, 0, 0}, std::string("not a valid ") + format + " file"});
		return std::nullopt;
	}
	return j;
}

std::vector<std::string> strings(const nlohmann::json &j)
{
	std::vector<std::string> out;
	if (j.is_array())
		for (const auto &s : j)
			if (s.is_string() && !s.get_ref<const std::string &>().empty())
				out.push_back(s.get<std::string>());
	return out;
}

std::map<std::string, std::vector<std::string>> by_topic(const nlohmann::json &j)
{
	std::map<std::string, std::vector<std::string>> out;
	if (j.is_object())
		for (const auto &[k, v] : j.items())
			out[k] = strings(v);
	return out;
}

std::vector<std::pair<std::string, double>> weights(const nlohmann::json &j)
{
	std::vector<std::pair<std::string, double>> out;
	if (j.is_object())
		for (const auto &[k, v] : j.items())
			if (v.is_number() && v.get<double>() > 0)
				out.emplace_back(k, v.get<double>());
	return out;
}

} // namespace

const Persona *AudienceData::persona(const std::string &id) const
{
	for (const auto &p : personas)
		if (p.id == id)
			return &p;
	return nullptr;
}

std::optional<AudienceData> AudienceData::load(const std::filesystem::path &dir, const std::string &language,
					       diag::Diagnostics &out)
{
	AudienceData data;
	data.language = language;
	const auto personas = read_json(dir / "personas.json", "lcs.personas/1", out);
	const auto comments = read_json(dir / std::filesystem::u8path("comments." + language + ".json"), "lcs.comments/1", out);
	const auto names = read_json(dir / std::filesystem::u8path("names." + language + ".json"), "lcs.names/1", out);
	if (!personas || !comments || !names)
		return std::nullopt;
	for (const auto &p : (*personas)["personas"]) {
		Persona persona;
		persona.id = p.value("id", "");
		persona.patience_s = p.value("patience_s", 120.0);
		persona.wtp_min = p.value("wtp_min", 0.7);
		persona.wtp_max = p.value("wtp_max", 1.0);
		persona.question_per_min = p.value("question_per_min", 0.2);
		persona.comment_per_min = p.value("comment_per_min", 0.5);
		persona.follow_per_min = p.value("follow_per_min", 0.02);
		persona.click_propensity = p.value("click_propensity", 1.0);
		persona.buy_propensity = p.value("buy_propensity", 1.0);
		persona.dead_air_sensitivity = p.value("dead_air_sensitivity", 1.0);
		persona.promo_attraction = p.value("promo_attraction", 1.0);
		persona.troll = p.value("troll", false);
		persona.question_topics = weights(p.value("question_topics", nlohmann::json::object()));
		persona.objection_topics = weights(p.value("objection_topics", nlohmann::json::object()));
		data.personas.push_back(std::move(persona));
	}
	const auto &c = *comments;
	data.corpus.question = by_topic(c.value("question", nlohmann::json::object()));
	data.corpus.objection = by_topic(c.value("objection", nlohmann::json::object()));
	data.corpus.reaction = by_topic(c.value("reaction", nlohmann::json::object()));
	data.corpus.interaction = strings(c.value("interaction", nlohmann::json::array()));
	data.corpus.claim = strings(c.value("claim", nlohmann::json::array()));
	data.corpus.troll = strings(c.value("troll", nlohmann::json::array()));
	data.names = strings((*names)["names"]);
	if (data.personas.empty() || data.names.empty() || data.corpus.question.empty() || data.corpus.interaction.empty()) {
		out.push_back({diag::Severity::Error, {pack::path_utf8(dir), 0, 0}, "audience data is incomplete"});
		return std::nullopt;
	}
	return data;
}

} // namespace lcs::audience
