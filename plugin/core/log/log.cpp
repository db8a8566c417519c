#include "core/log/log.hpp"

#include <mutex>

#include <spdlog/sinks/stdout_color_sinks.h>

namespace lcs::log {
namespace {
std::mutex g_mutex;
std::shared_ptr<spdlog::logger> g_logger;

std::shared_ptr<spdlog::logger> make_default()
{
	auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
	auto created = std::make_shared<spdlog::logger>("lcs", std::move(sink));
	created->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [lcs] [%l] %v");
	created->set_level(spdlog::level::info);
	return created;
}
} // namespace

std::shared_ptr<spdlog::logger> logger()
{
	std::lock_guard lock(g_mutex);
	if (!g_logger)
		g_logger = make_default();
	return g_logger;
}

void set_sinks(std::vector<spdlog::sink_ptr> sinks)
{
	auto replacement = std::make_shared<spdlog::logger>("lcs", sinks.begin(), sinks.end());
	replacement->set_level(spdlog::level::debug);
	std::lock_guard lock(g_mutex);
	if (g_logger)
		replacement->set_level(g_logger->level());
	g_logger = std::move(replacement);
}

} // namespace lcs::log
