#pragma once

#include <memory>
#include <string>
#include <vector>

#include <util/text-lookup.h>

#include "core/audience/audience_data.hpp"
#include "core/session/controller.hpp"
#include "dock/desk-backend.hpp"
#include "studio/traffic-order.hpp"

// The desk's world in the Qt test: a real core controller (the test ticks it), the real bundled
// packs, audience data and rubric from the source tree, and the real locale files read by
// libobs's own text lookup. Only what needs OBS's frontend (opening a file on the desktop,
// creating a scene collection) is recorded instead of done.
namespace lcs::test {

class DeskTestBackend final : public obs::dock::DeskBackend {
public:
	DeskTestBackend(const std::string &language, const std::string &sessions_dir);
	~DeskTestBackend() override;

	[[nodiscard]] std::shared_ptr<const session::Snapshot> snapshot() const override { return controller_.snapshot(); }
	void submit(session::Command command) override { controller_.submit(std::move(command)); }
	[[nodiscard]] const char *text(const char *key) const override;
	[[nodiscard]] std::string language() const override { return language_; }
	[[nodiscard]] std::vector<obs::dock::PackChoice> bundled_packs() const override;
	obs::dock::PackLoadResult use_packs(const std::vector<std::string> &files) override;
	[[nodiscard]] std::vector<std::string> files_in_use() const override { return files_in_use_; }
	void start_session(const obs::dock::SessionRequest &request) override;
	[[nodiscard]] session::BuyTraffic traffic_order() const override { return traffic_order_.order(); }
	void set_traffic_order(int64_t amount_cents, int64_t bid_cpm_cents) override
	{
		traffic_order_.set(amount_cents, bid_cpm_cents);
	}
	[[nodiscard]] std::string rubric_file() const override;
	void open_file(const std::string &path) override { opened.push_back(path); }
	obs::dock::PracticeSceneResult create_practice_scene() override;
	[[nodiscard]] obs::library::LibraryHub *library_hub() const override { return library_hub_; }
	[[nodiscard]] std::vector<std::string> text_sources() const override { return text_source_names; }
	void follow_transcript(const std::string &name) override { followed.push_back(name); }
	/// The team libraries the desk shows (the test owns the hub; null: none).
	void set_library_hub(obs::library::LibraryHub *hub) { library_hub_ = hub; }

	/// Advances the session clock (the video thread's job inside OBS).
	void tick(int64_t ms) { controller_.tick(ms); }

	std::vector<std::string> opened;
	/// The text sources "in OBS" (what TranscriptSource::text_sources lists there).
	std::vector<std::string> text_source_names;
	/// Every follow_transcript call, in order.
	std::vector<std::string> followed;
	/// When set, sessions log there instead of the sessions folder (/dev/full: a full disk).
	std::string log_path_override;
	int practice_scene_requests = 0;
	int use_packs_calls = 0;

private:
	std::string language_;
	std::string sessions_dir_;
	lookup_t *lookup_ = nullptr;
	session::Controller controller_;
	std::shared_ptr<const audience::AudienceData> audience_;
	int session_number_ = 0;
	std::vector<std::string> files_in_use_;
	obs::library::LibraryHub *library_hub_ = nullptr;
	obs::TrafficOrder traffic_order_; // what the studio keeps for the hotkey inside OBS
};

} // namespace lcs::test
