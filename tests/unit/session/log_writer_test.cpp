#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/session/log_writer.hpp"

namespace {
std::string read_all(const std::string &path)
{
	std::ifstream in(path, std::ios::binary);
	std::ostringstream s;
	s << in.rdbuf();
	return s.str();
}

TEST(LogWriter, WritesLinesInOrderAndEachIsVisibleAfterDrain)
{
	const std::string path = testing::TempDir() + "writer.jsonl";
	lcs::session::LogWriter writer(path);
	writer.write_line("{\"type\":\"session\"}");
	lcs::session::Event e{5, "voice", {}};
	e.fields["state"] = "talk";
	writer.write(e);
	writer.drain();
	EXPECT_EQ(read_all(path), "{\"type\":\"session\"}\n{\"t\":5,\"type\":\"voice\",\"state\":\"talk\"}\n");
	EXPECT_TRUE(writer.healthy());
}

TEST(LogWriter, FinishClosesInTheBackgroundWithoutLosingLines)
{
	const std::string path = testing::TempDir() + "writer-finish.jsonl";
	auto writer = std::make_unique<lcs::session::LogWriter>(path);
	for (int i = 0; i < 1000; ++i)
		writer->write_line("{\"t\":" + std::to_string(i) + ",\"type\":\"x\"}");
	writer->finish(); // returns at once
	const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
	while (!writer->finished() && std::chrono::steady_clock::now() < deadline)
		std::this_thread::sleep_for(std::chrono::milliseconds(5));
	ASSERT_TRUE(writer->finished());
	writer.reset();
	const std::string text = read_all(path);
	EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1000);
	EXPECT_NE(text.find("{\"t\":999,\"type\":\"x\"}\n"), std::string::npos);
}

TEST(LogWriter, UnwritablePathThrows)
{
	EXPECT_THROW(lcs::session::LogWriter("/nonexistent-dir/x/y.jsonl"), std::runtime_error);
}

} // namespace
