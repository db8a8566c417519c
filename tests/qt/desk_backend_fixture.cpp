#include "desk_backend_fixture.hpp"

#include <filesystem>

#include "core/pack/library.hpp"

namespace lcs::test {
namespace {

std::string source(const std::string &relative)
{
	return std::string(LCS_SOURCE_DIR) + "/" + relative;
}

} // namespace

DeskTestBackend::DeskTestBackend(const std::string &language, const std::string &sessions_dir)
	: language_(language), sessions_dir_(sessions_dir)
{
	// As OBS does it: English first, the UI language on top.
	lookup_ = text_lookup_create(source("data/locale/en-US.ini").c_str());
	if (language != "en-US")
		text_lookup_add(lookup_, source("data/locale/" + language + ".ini").c_str());
	diag::Diagnostics problems;
	auto data = audience::AudienceData::load(std::filesystem::u8path(source("data/audience")), language, problems);
	if (data)
		audience_ = std::make_shared<const audience::AudienceData>(std::move(*data));
	controller_.set_audience_data(audience_);
}

DeskTestBackend::~DeskTestBackend()
{
	controller_.shutdown();
	text_lookup_destroy(lookup_);
}

const char *DeskTestBackend::text(const char *key) const
{
	const char *out = key;
	text_lookup_getstr(lookup_, key, &out);
	return out;
}

std::vector<obs::dock::PackChoice> DeskTestBackend::bundled_packs() const
{
	std::vector<obs::dock::PackChoice> packs;
	for (const char *name : {"farm-origin", "apparel-members", "beauty-demo"})
		for (const char *lang : {"zh-CN", "en-US"})
			packs.push_back({source(std::string("scripts-library/packs/") + name + "/" + name + "." + lang + ".json"),
					 name, lang});
	return packs;
}

obs::dock::PackLoadResult DeskTestBackend::use_packs(const std::vector<std::string> &files)
{
	++use_packs_calls;
	std::vector<std::filesystem::path> paths;
	for (const auto &f : files)
		paths.push_back(std::filesystem::u8path(f));
	auto loaded = pack::Library::load(paths);
	if (!loaded.library)
		return {false, loaded.diagnostics.empty() ? "not loaded" : loaded.diagnostics.front().to_string()};
	controller_.submit(session::UseLibrary{std::move(loaded.library), 0, audience_});
	files_in_use_ = files;
	return {true, "loaded"};
}

void DeskTestBackend::start_session(const obs::dock::SessionRequest &request)
{
	session::StartSession start;
	start.scenario_id = request.scenario_id;
	start.trainee = request.trainee;
	start.seed = request.seed;
	start.duration_seconds = request.duration_seconds;
	start.started_at = "2026-11-26T08:00:00Z";
	start.log_path = sessions_dir_ + "/desk-session-" + std::to_string(++session_number_) + ".jsonl";
	if (!log_path_override.empty())
		start.log_path = log_path_override;
	controller_.submit(start);
}

std::string DeskTestBackend::rubric_file() const
{
	return source("data/rubric/default.json");
}

obs::dock::PracticeSceneResult DeskTestBackend::create_practice_scene()
{
	++practice_scene_requests;
	return {true, text("Desk.PracticeCreated")};
}

} // namespace lcs::test
