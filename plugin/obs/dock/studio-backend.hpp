#pragma once

#include "dock/desk-backend.hpp"

// The desk inside OBS: the module's studio, obs_module_text, OBS's language, the desktop.
namespace lcs::obs::dock {

class StudioBackend final : public DeskBackend {
public:
	[[nodiscard]] std::shared_ptr<const session::Snapshot> snapshot() const override;
	void submit(session::Command command) override;
	[[nodiscard]] const char *text(const char *key) const override;
	[[nodiscard]] std::string language() const override;
	[[nodiscard]] std::vector<PackChoice> bundled_packs() const override;
	PackLoadResult use_packs(const std::vector<std::string> &files) override;
	[[nodiscard]] std::vector<std::string> files_in_use() const override;
	void start_session(const SessionRequest &request) override;
	[[nodiscard]] session::BuyTraffic traffic_order() const override;
	void set_traffic_order(int64_t amount_cents, int64_t bid_cpm_cents) override;
	[[nodiscard]] std::string rubric_file() const override;
	void open_file(const std::string &path) override;
	PracticeSceneResult create_practice_scene() override;
	[[nodiscard]] library::LibraryHub *library_hub() const override;
	[[nodiscard]] std::vector<std::string> text_sources() const override;
	void follow_transcript(const std::string &name) override;
};

} // namespace lcs::obs::dock
