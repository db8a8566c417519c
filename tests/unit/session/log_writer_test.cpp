#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <cstring>
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

// A full disk: the line cannot be written. The writer says so (the path and the OS's reason),
// keeps accepting lines (the session goes on) and drain() still returns.
TEST(LogWriter, FailedWriteIsReported)
{
	lcs::session::LogWriter writer("/dev/full");
	EXPECT_TRUE(writer.healthy());
	writer.write_line("{\"type\":\"session\"}");
	writer.drain();
	std::string error;
	EXPECT_FALSE(writer.healthy(&error));
	EXPECT_NE(error.find("/dev/full"), std::string::npos) << error;
	EXPECT_NE(error.find(std::strerror(ENOSPC)), std::string::npos) << error;
	// Later lines are taken (nothing blocks) and the first error stays.
	for (int i = 0; i < 10; ++i)
		writer.write_line("{\"t\":" + std::to_string(i) + ",\"type\":\"x\"}");
	writer.drain();
	std::string later;
	EXPECT_FALSE(writer.healthy(&later));
	EXPECT_EQ(later, error);
}

// Files that cannot be synced (a character device, a pipe) are not a failure: fsync says EINVAL.
TEST(LogWriter, AFileThatCannotBeSyncedIsNotAFailure)
{
	auto writer = std::make_unique<lcs::session::LogWriter>("/dev/null");
	writer->write_line("{\"type\":\"session\"}");
	writer->drain();
	writer->finish();
	writer->wait_finished();
	std::string error;
	EXPECT_TRUE(writer->healthy(&error)) << error;
}

// A writer asked to finish at once still reports what went wrong on the way to closing.
TEST(LogWriter, AFinishedWriterStillReportsTheFailure)
{
	auto writer = std::make_unique<lcs::session::LogWriter>("/dev/full");
	writer->write_line("{\"type\":\"session\"}");
	writer->finish();
	writer->wait_finished();
	ASSERT_TRUE(writer->finished());
	std::string error;
	EXPECT_FALSE(writer->healthy(&error));
	EXPECT_NE(error.find("/dev/full"), std::string::npos) << error;
}

TEST(LogWriter, UnwritablePathThrows)
{
	EXPECT_THROW(lcs::session::LogWriter("/nonexistent-dir/x/y.jsonl"), std::runtime_error);
}

} // namespace
