#include "log/obs-log-sink.hpp"

#include <mutex>
#include <string>

#include <obs-module.h>
#include <spdlog/sinks/base_sink.h>

#include "core/log/log.hpp"
#include "core/version.hpp"

namespace lcs::obs {
namespace {

int obs_level(spdlog::level::level_enum level)
{
	switch (level) {
	case spdlog::level::critical:
	case spdlog::level::err:
		return LOG_ERROR;
	case spdlog::level::warn:
		return LOG_WARNING;
	case spdlog::level::info:
		return LOG_INFO;
	default:
		return LOG_DEBUG;
	}
}

class ObsLogSink final : public spdlog::sinks::base_sink<std::mutex> {
protected:
	void sink_it_(const spdlog::details::log_msg &msg) override
	{
		const std::string text(msg.payload.data(), msg.payload.size());
		blog(obs_level(msg.level), "[%s] %s", lcs::kModuleName, text.c_str());
	}
	void flush_() override {}
};

} // namespace

void route_core_log_to_obs()
{
	lcs::log::set_sinks({std::make_shared<ObsLogSink>()});
	lcs::log::logger()->set_level(spdlog::level::debug);
}

void detach_core_log_from_obs()
{
	lcs::log::set_sinks({});
}

} // namespace lcs::obs
