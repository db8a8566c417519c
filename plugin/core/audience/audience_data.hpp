#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diag/diagnostic.hpp"

// The data the simulated audience is made of (data/audience/): personas with their habits, the
// comment corpora per language, viewer names. Loaded once; read-only afterwards.
namespace lcs::audience {

struct Persona {
	std::string id;
	double patience_s = 120;       // mean stay when nothing happens
	double wtp_min = 0.7;          // willingness to pay, as a share of the list price
	double wtp_max = 1.0;
	double question_per_min = 0.2;
	double comment_per_min = 0.5;
	double follow_per_min = 0.02;
	double click_propensity = 1.0;
	double buy_propensity = 1.0;
	double dead_air_sensitivity = 1.0;
	double promo_attraction = 1.0;
	bool troll = false;
	std::vector<std::pair<std::string, double>> question_topics;
	std::vector<std::pair<std::string, double>> objection_topics;
};

struct Corpus {
	std::map<std::string, std::vector<std::string>> question;  // by topic
	std::map<std::string, std::vector<std::string>> objection; // by topic
	std::map<std::string, std::vector<std::string>> reaction;  // positive, greeting, bought, bored
	std::vector<std::string> interaction;
	std::vector<std::string> claim;
	std::vector<std::string> troll;
};

struct AudienceData {
	std::vector<Persona> personas;
	Corpus corpus;
	std::vector<std::string> names;
	std::string language;

	[[nodiscard]] const Persona *persona(const std::string &id) const;

	/// Loads personas.json, comments.<language>.json and names.<language>.json from the folder
	/// (the module's data/audience). Problems go to `out`; returns nothing when unusable.
	static std::optional<AudienceData> load(const std::filesystem::path &audience_dir, const std::string &language,
						diag::Diagnostics &out);
};

} // namespace lcs::audience
