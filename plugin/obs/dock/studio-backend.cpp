#include "dock/studio-backend.hpp"

#include <QDesktopServices>
#include <QString>
#include <QUrl>

#include <obs-module.h>

#include "library/library-service.hpp"
#include "studio/practice-collection.hpp"
#include "studio/practice-options.hpp"
#include "studio/studio.hpp"

namespace lcs::obs::dock {

std::shared_ptr<const session::Snapshot> StudioBackend::snapshot() const
{
	// After the module's studio is gone (OBS exiting) the desk sees an empty room.
	static const auto empty = std::make_shared<const session::Snapshot>();
	const Studio *studio = Studio::get();
	return studio ? studio->snapshot() : empty;
}

void StudioBackend::submit(session::Command command)
{
	if (Studio *studio = Studio::get())
		studio->submit(std::move(command));
}

session::BuyTraffic StudioBackend::traffic_order() const
{
	Studio *studio = Studio::get();
	return studio ? studio->traffic_order().order() : TrafficOrder().order();
}

void StudioBackend::set_traffic_order(int64_t amount_cents, int64_t bid_cpm_cents)
{
	if (Studio *studio = Studio::get())
		studio->traffic_order().set(amount_cents, bid_cpm_cents);
}

const char *StudioBackend::text(const char *key) const
{
	return obs_module_text(key);
}

std::string StudioBackend::language() const
{
	return practice_language_for_locale(obs_get_locale() ? obs_get_locale() : "");
}

std::vector<PackChoice> StudioBackend::bundled_packs() const
{
	std::vector<PackChoice> packs;
	if (const Studio *studio = Studio::get())
		for (const auto &p : studio->bundled_packs())
			packs.push_back({studio->bundled_pack_path(p.relative_path), p.name, p.language});
	return packs;
}

PackLoadResult StudioBackend::use_packs(const std::vector<std::string> &files)
{
	Studio *studio = Studio::get();
	if (!studio)
		return {false, "OBS is shutting down"};
	const auto outcome = studio->use_packs(files);
	if (outcome.loaded || outcome.unchanged)
		return {true, obs_module_text("Desk.PackLoaded")};
	std::string message;
	for (const auto &d : outcome.diagnostics)
		if (d.severity == diag::Severity::Error) {
			message = d.to_string();
			break;
		}
	if (message.empty())
		message = obs_module_text("Desk.PackNotLoaded");
	return {false, message};
}

std::vector<std::string> StudioBackend::files_in_use() const
{
	Studio *studio = Studio::get();
	return studio ? studio->files_in_use() : std::vector<std::string>{};
}

void StudioBackend::start_session(const SessionRequest &request)
{
	if (Studio *studio = Studio::get())
		studio->start_session(request.scenario_id, request.trainee, request.seed, request.duration_seconds);
}

std::string StudioBackend::rubric_file() const
{
	char *path = obs_module_file("rubric/default.json");
	std::string file = path ? path : "";
	bfree(path);
	return file;
}

void StudioBackend::open_file(const std::string &path)
{
	QDesktopServices::openUrl(QUrl::fromLocalFile(QString::fromStdString(path)));
}

PracticeSceneResult StudioBackend::create_practice_scene()
{
	const auto outcome = create_practice_collection(!files_in_use().empty());
	PracticeSceneResult result;
	result.ok = outcome.status != PracticeCollectionStatus::Failed;
	switch (outcome.status) {
	case PracticeCollectionStatus::Created:
		result.message = obs_module_text("Desk.PracticeCreated");
		break;
	case PracticeCollectionStatus::Switched:
		result.message = obs_module_text("Desk.PracticeSwitched");
		break;
	case PracticeCollectionStatus::AlreadyOpen:
		result.message = obs_module_text("Desk.PracticeAlreadyOpen");
		break;
	case PracticeCollectionStatus::Failed:
		result.message = obs_module_text("Desk.PracticeFailed");
		break;
	}
	for (const auto &p : outcome.problems)
		result.message += "\n" + p;
	return result;
}

library::LibraryHub *StudioBackend::library_hub() const
{
	// The module keeps the hub from load to unload, longer than any desk.
	return library::library_hub().get();
}

std::vector<std::string> StudioBackend::text_sources() const
{
	return TranscriptSource::text_sources();
}

void StudioBackend::follow_transcript(const std::string &name)
{
	if (Studio *studio = Studio::get())
		studio->transcript().follow(name);
}

} // namespace lcs::obs::dock
