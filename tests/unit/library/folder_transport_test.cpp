#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "core/library/error.hpp"
#include "core/library/folder_transport.hpp"
#include "core/library/transport.hpp"

namespace fs = std::filesystem;
using lcs::library::Error;
using lcs::library::ErrorKind;
using lcs::library::FetchRequest;
using lcs::library::FetchResult;
using lcs::library::open_transport;

namespace {

class FolderTransportTest : public ::testing::Test {
protected:
	void SetUp() override
	{
		root_ = fs::temp_directory_path() /
			("lcs-folder-transport-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
			 ::testing::UnitTest::GetInstance()->current_test_info()->name());
		fs::remove_all(root_);
		fs::create_directories(root_);
	}
	void TearDown() override { fs::remove_all(root_); }

	void write(const std::string &relative, const std::string &bytes)
	{
		fs::create_directories((root_ / relative).parent_path());
		std::ofstream(root_ / relative, std::ios::binary) << bytes;
	}
	std::string read(const std::string &relative)
	{
		std::ifstream in(root_ / relative, std::ios::binary);
		std::stringstream text;
		text << in.rdbuf();
		return text.str();
	}
	// Every entry under the root (to see that no temporary file is left behind).
	std::vector<std::string> entries()
	{
		std::vector<std::string> names;
		for (const auto &entry : fs::recursive_directory_iterator(root_))
			names.push_back(fs::relative(entry.path(), root_).generic_string());
		std::sort(names.begin(), names.end());
		return names;
	}

	fs::path root_;
};

ErrorKind kind_of(const std::function<void()> &call, std::string *message = nullptr)
{
	try {
		call();
	} catch (const Error &error) {
		if (message)
			*message = error.what();
		return error.kind();
	}
	ADD_FAILURE() << "no lcs::library::Error thrown";
	return ErrorKind::Environment;
}

} // namespace

TEST_F(FolderTransportTest, FetchesAFileWithItsCapsAndAnEtag)
{
	write("index.json", "{\"v\":1}");
	auto transport = open_transport(root_.string());
	EXPECT_EQ(transport->describe(), root_.string());
	const FetchResult result = transport->fetch({"index.json", 1024, std::nullopt});
	EXPECT_EQ(result.status, FetchResult::Status::Ok);
	EXPECT_EQ(result.body, "{\"v\":1}");
	EXPECT_FALSE(result.etag.empty());
	EXPECT_EQ(result.etag.front(), '"');

	const FetchResult same = transport->fetch({"index.json", 1024, std::nullopt}, result.etag);
	EXPECT_EQ(same.status, FetchResult::Status::NotModified);
	EXPECT_TRUE(same.body.empty());

	transport->replace("index.json", "{\"v\":22}");
	const FetchResult changed = transport->fetch({"index.json", 1024, std::nullopt}, result.etag);
	EXPECT_EQ(changed.status, FetchResult::Status::Ok);
	EXPECT_EQ(changed.body, "{\"v\":22}");
	EXPECT_NE(changed.etag, result.etag);
}

TEST_F(FolderTransportTest, MissingFilesAndFoldersAreNotFound)
{
	auto transport = open_transport(root_.string());
	EXPECT_EQ(transport->fetch({"index.json", 10, std::nullopt}).status, FetchResult::Status::NotFound);
	EXPECT_EQ(transport->fetch({"no/such/folder/x", 10, std::nullopt}).status, FetchResult::Status::NotFound);
	fs::create_directories(root_ / "objects");
	EXPECT_EQ(transport->fetch({"objects", 10, std::nullopt}).status, FetchResult::Status::NotFound);
	auto nowhere = open_transport((root_ / "not-created-yet").string());
	EXPECT_EQ(nowhere->fetch({"index.json", 10, std::nullopt}).status, FetchResult::Status::NotFound);
	EXPECT_FALSE(nowhere->exists("index.json"));
}

TEST_F(FolderTransportTest, AFileOverItsCapIsRefusedWithoutBeingRead)
{
	write("small", std::string(100, 'x'));
	auto transport = open_transport(root_.string());
	std::string message;
	EXPECT_EQ(kind_of([&] { transport->fetch({"small", 99, std::nullopt}); }, &message), ErrorKind::Integrity);
	EXPECT_NE(message.find("cap of 99 bytes"), std::string::npos) << message;
	EXPECT_NE(message.find((root_ / "small").string()), std::string::npos) << message;
	EXPECT_EQ(transport->fetch({"small", 100, std::nullopt}).body.size(), 100u);

	// A sparse 64 GiB file: reading it all would run out of memory; the cap refuses it first.
	{
		std::ofstream(root_ / "huge", std::ios::binary) << 'x';
	}
	fs::resize_file(root_ / "huge", uint64_t{64} << 30);
	EXPECT_EQ(kind_of([&] { transport->fetch({"huge", 1 << 20, std::nullopt}); }, &message), ErrorKind::Integrity);
	EXPECT_NE(message.find("declares 68719476736 bytes"), std::string::npos) << message;
}

TEST_F(FolderTransportTest, ExactSizeIsChecked)
{
	write("object", "0123456789");
	auto transport = open_transport(root_.string());
	EXPECT_EQ(transport->fetch({"object", 1000, 10}).body, "0123456789");
	std::string message;
	EXPECT_EQ(kind_of([&] { transport->fetch({"object", 1000, 11}); }, &message), ErrorKind::Integrity);
	EXPECT_NE(message.find("truncated: 10 of 11 bytes"), std::string::npos) << message;
	EXPECT_EQ(kind_of([&] { transport->fetch({"object", 1000, 9}); }, &message), ErrorKind::Integrity);
	EXPECT_NE(message.find("exactly 9 bytes"), std::string::npos) << message;
}

TEST_F(FolderTransportTest, FetchManyReportsEachFileAndStopsWhenTheCallbackThrows)
{
	std::vector<FetchRequest> requests;
	for (int i = 0; i < 20; ++i) {
		write("objects/" + std::to_string(i), std::string(static_cast<size_t>(i), 'a'));
		requests.push_back({"objects/" + std::to_string(i), 100, static_cast<uint64_t>(i)});
	}
	requests.push_back({"objects/missing", 100, std::nullopt});
	auto transport = open_transport(root_.string());
	std::vector<int> seen(requests.size(), 0);
	transport->fetch_many(requests, [&](size_t i, FetchResult &&result) {
		++seen[i];
		if (i < 20)
			EXPECT_EQ(result.body, std::string(i, 'a'));
		else
			EXPECT_EQ(result.status, FetchResult::Status::NotFound);
	});
	EXPECT_EQ(seen, std::vector<int>(requests.size(), 1));
	EXPECT_EQ(transport->request_count(), requests.size());

	size_t calls = 0;
	EXPECT_THROW(transport->fetch_many(requests,
					   [&](size_t, FetchResult &&) {
						   if (++calls == 3)
							   throw std::runtime_error("stop");
					   }),
		     std::runtime_error);
	EXPECT_EQ(calls, 3u);
}

TEST_F(FolderTransportTest, CreateIsCreateOnlyAndMakesParentFolders)
{
	auto transport = open_transport(root_.string());
	EXPECT_FALSE(transport->exists("snapshots/1.json"));
	EXPECT_TRUE(transport->create("snapshots/1.json", "first"));
	EXPECT_TRUE(transport->exists("snapshots/1.json"));
	EXPECT_FALSE(transport->create("snapshots/1.json", "second"));
	EXPECT_EQ(read("snapshots/1.json"), "first");
	EXPECT_TRUE(transport->create("objects/ab/cdef", ""));
	EXPECT_EQ(read("objects/ab/cdef"), "");
	EXPECT_EQ(entries(), (std::vector<std::string>{"objects", "objects/ab", "objects/ab/cdef", "snapshots",
						       "snapshots/1.json"}));
}

TEST_F(FolderTransportTest, OfManyWritersAtOnceExactlyOneCreatesTheFile)
{
	constexpr int kWriters = 8;
	std::atomic<int> winners{0};
	std::vector<std::string> bodies(kWriters);
	std::vector<char> won(kWriters, 0); // not vector<bool>: each thread writes its own element
	std::vector<std::thread> threads;
	for (int i = 0; i < kWriters; ++i) {
		bodies[static_cast<size_t>(i)] = "writer " + std::to_string(i) + std::string(100000, 'x');
		threads.emplace_back([&, i] {
			auto transport = open_transport(root_.string());
			if (transport->create("snapshots/2.json", bodies[static_cast<size_t>(i)])) {
				++winners;
				won[static_cast<size_t>(i)] = 1;
			}
		});
	}
	for (auto &thread : threads)
		thread.join();
	EXPECT_EQ(winners.load(), 1);
	for (int i = 0; i < kWriters; ++i) {
		if (won[static_cast<size_t>(i)] != 0) {
			EXPECT_EQ(read("snapshots/2.json"), bodies[static_cast<size_t>(i)]);
		}
	}
	EXPECT_EQ(entries(), (std::vector<std::string>{"snapshots", "snapshots/2.json"}));
}

TEST_F(FolderTransportTest, ReplaceOverwritesAtomicallyAndLeavesNoTemporaryFile)
{
	auto transport = open_transport(root_.string());
	transport->replace("index.json", "one");
	transport->replace("index.json", "two");
	transport->replace("index.json.minisig", "sig");
	EXPECT_EQ(read("index.json"), "two");
	EXPECT_EQ(entries(), (std::vector<std::string>{"index.json", "index.json.minisig"}));
	EXPECT_EQ(transport->request_count(), 3u);
}

TEST_F(FolderTransportTest, RequestCountCountsEveryFileOperation)
{
	auto transport = open_transport(root_.string());
	EXPECT_EQ(transport->request_count(), 0u);
	transport->create("a", "1");
	transport->exists("a");
	transport->fetch({"a", 10, std::nullopt});
	transport->fetch({"b", 10, std::nullopt});
	transport->replace("a", "2");
	EXPECT_EQ(transport->request_count(), 5u);
}

TEST_F(FolderTransportTest, PathsOutsideTheRootAreRefused)
{
	write("inside", "x");
	auto transport = open_transport((root_ / "lib").string());
	for (const std::string bad : {"../inside", "a/../../inside", "/etc/passwd", "a\\b", "C:/x", "", "a//b", "./a"}) {
		std::string message;
		EXPECT_EQ(kind_of([&] { transport->fetch({bad, 10, std::nullopt}); }, &message), ErrorKind::Integrity) << bad;
		EXPECT_NE(message.find("unsafe path"), std::string::npos) << message;
		EXPECT_EQ(kind_of([&] { transport->create(bad, "x"); }), ErrorKind::Integrity) << bad;
		EXPECT_EQ(kind_of([&] { transport->replace(bad, "x"); }), ErrorKind::Integrity) << bad;
		EXPECT_EQ(kind_of([&] { transport->exists(bad); }), ErrorKind::Integrity) << bad;
	}
	EXPECT_FALSE(fs::exists(root_ / "lib"));
}

TEST_F(FolderTransportTest, FileUrlsAreDecoded)
{
	const fs::path folder = root_ / "我的 库%";
	fs::create_directories(folder);
	std::ofstream(folder / "index.json", std::ios::binary) << "hello";
	const std::string url = "file://" + root_.string() + "/%E6%88%91%E7%9A%84%20%E5%BA%93%25";
	auto transport = open_transport(url);
	EXPECT_EQ(transport->describe(), folder.string());
	EXPECT_EQ(transport->fetch({"index.json", 10, std::nullopt}).body, "hello");
	auto local = open_transport("file://localhost" + root_.string() + "/%E6%88%91%E7%9A%84%20%E5%BA%93%25/");
	EXPECT_EQ(local->fetch({"index.json", 10, std::nullopt}).body, "hello");
	auto upper_case = open_transport("FILE://" + url.substr(7));
	EXPECT_TRUE(upper_case->exists("index.json"));
}

TEST_F(FolderTransportTest, BadLocationsAreInputErrors)
{
	std::string message;
	EXPECT_EQ(kind_of([&] { open_transport("file://server/share/lib"); }, &message), ErrorKind::Input);
	EXPECT_NE(message.find("file:///path"), std::string::npos) << message;
	EXPECT_EQ(kind_of([&] { open_transport("file:///srv/%zzlib"); }, &message), ErrorKind::Input);
	EXPECT_NE(message.find("%-escape"), std::string::npos) << message;
	EXPECT_EQ(kind_of([&] { open_transport("file:///srv/a%00b"); }), ErrorKind::Input);
	EXPECT_EQ(kind_of([&] { open_transport("file:///srv/lib?x=1"); }), ErrorKind::Input);
	EXPECT_EQ(kind_of([&] { open_transport("gopher://host/lib"); }, &message), ErrorKind::Input);
	EXPECT_NE(message.find("gopher://"), std::string::npos) << message;
	EXPECT_EQ(kind_of([&] { open_transport(""); }), ErrorKind::Input);
}
