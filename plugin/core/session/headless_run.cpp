#include "core/session/headless_run.hpp"

#include "core/session/controller.hpp"

namespace lcs::session {

HeadlessResult run_headless(std::shared_ptr<const pack::Library> library,
			    std::shared_ptr<const audience::AudienceData> audience, const HeadlessOptions &options,
			    const std::function<void(int64_t)> &progress)
{
	HeadlessResult result;
	const audience::Scenario *scenario = library ? library->scenario(options.scenario_id) : nullptr;
	if (!scenario) {
		result.error = options.scenario_id.empty() ? "the packs define no scenario"
							   : "no scenario '" + options.scenario_id + "' in the packs";
		return result;
	}
	Controller controller;
	controller.set_audience_data(std::move(audience));
	if (options.compliance)
		controller.set_compliance(options.compliance);
	controller.submit(UseLibrary{library, options.seed.value_or(scenario->seed), nullptr});
	StartSession start;
	start.scenario_id = scenario->id;
	start.seed = options.seed;
	start.trainee = options.trainee;
	start.started_at = options.started_at;
	start.log_path = options.log_path;
	start.duration_seconds = options.duration_seconds;
	controller.submit(start);
	controller.tick(0);
	if (!controller.session_running()) {
		result.error = controller.snapshot()->last_refusal;
		return result;
	}
	Autopilot pilot(options.policy, options.seed.value_or(scenario->seed));
	pilot.set_ad_libs(options.ad_libs);
	pilot.set_transcript(options.transcript);
	int64_t reported = 0;
	while (controller.session_running()) {
		for (auto &command : pilot.act(*controller.snapshot()))
			controller.submit(std::move(command));
		controller.tick(options.step_ms);
		result.events += static_cast<int64_t>(controller.events().size());
		if (progress && controller.now_ms() - reported >= 60'000) {
			reported = controller.now_ms();
			progress(reported);
		}
	}
	result.duration_ms = controller.now_ms();
	controller.wait_for_logs(); // a write or close can still fail while the log is finished
	result.log_error = controller.snapshot()->log_error;
	result.ok = result.log_error.empty();
	result.error = result.log_error;
	return result;
}

} // namespace lcs::session
