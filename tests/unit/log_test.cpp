#include <gtest/gtest.h>

#include <spdlog/sinks/ostream_sink.h>

#include <sstream>

#include "core/log/log.hpp"

namespace {

TEST(Log, LoggerExistsBeforeAnySinkIsInstalled)
{
	ASSERT_NE(lcs::log::logger(), nullptr);
	EXPECT_EQ(lcs::log::logger()->name(), "lcs");
}

TEST(Log, SetSinksRoutesLinesToTheNewSink)
{
	std::ostringstream out;
	auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
	sink->set_pattern("%l|%v");
	lcs::log::set_sinks({sink});
	lcs::log::logger()->warn("pack {} failed", "farm");
	lcs::log::logger()->flush();
	EXPECT_EQ(out.str(), "warning|pack farm failed\n");

	lcs::log::set_sinks({});
	lcs::log::logger()->warn("dropped");
	EXPECT_EQ(out.str(), "warning|pack farm failed\n");
}

TEST(Log, SetSinksKeepsTheLevel)
{
	lcs::log::logger()->set_level(spdlog::level::err);
	std::ostringstream out;
	auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
	lcs::log::set_sinks({sink});
	lcs::log::logger()->info("hidden");
	EXPECT_TRUE(out.str().empty());
	lcs::log::logger()->set_level(spdlog::level::info);
	lcs::log::set_sinks({});
}

} // namespace
