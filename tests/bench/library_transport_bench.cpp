// The HTTP transport's share of a team-library sync, against nginx on loopback (issue 12's
// targets): fetching a 1000-pack library's objects (50 KB each) with curl multi, a handful at a
// time, and the one conditional request an unchanged library costs. Prints the figures and the
// ratios to the targets; fails when a target is missed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/library/transport.hpp"
#include "test_server.hpp"

namespace fs = std::filesystem;
using lcs::library::FetchRequest;
using lcs::library::FetchResult;

namespace {
constexpr int kPacks = 1000;
constexpr size_t kPackBytes = 50 * 1024;
constexpr double kFirstSyncTargetS = 3.0;
constexpr double kUnchangedTargetMs = 50.0;

double seconds_since(std::chrono::steady_clock::time_point start)
{
	return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
} // namespace

int main()
{
	const fs::path root = fs::temp_directory_path() / ("lcs-transport-bench-" + std::to_string(::getpid()));
	fs::remove_all(root);
	std::vector<FetchRequest> objects;
	for (int i = 0; i < kPacks; ++i) {
		char name[64];
		std::snprintf(name, sizeof name, "objects/%02x/pack-%04d", i % 256, i);
		fs::create_directories((root / name).parent_path());
		std::string bytes(kPackBytes, static_cast<char>('a' + i % 26));
		bytes.replace(0, std::min(bytes.size(), std::strlen(name)), name);
		std::ofstream(root / name, std::ios::binary) << bytes;
		objects.push_back({name, 16u << 20, kPackBytes});
	}
	std::ofstream(root / "index.json", std::ios::binary) << std::string(600, 'i');

	int failures = 0;
	{
		lcs::test::TestServer nginx("nginx", {"--root", root.string()});
		auto transport = lcs::library::open_transport(nginx.url());

		const auto start = std::chrono::steady_clock::now();
		const FetchResult index = transport->fetch({"index.json", 65536, std::nullopt});
		uint64_t bytes = 0;
		transport->fetch_many(objects, [&](size_t, FetchResult &&result) { bytes += result.body.size(); });
		const double first = seconds_since(start);
		std::printf("first fetch: index + %d objects of %zu KB (%.1f MB) in %.3f s, %llu requests "
			    "(target <= %.1f s: %.2fx of it)\n",
			    kPacks, kPackBytes / 1024, static_cast<double>(bytes) / 1e6, first,
			    static_cast<unsigned long long>(transport->request_count()), kFirstSyncTargetS,
			    first / kFirstSyncTargetS);
		if (first > kFirstSyncTargetS || bytes != kPacks * kPackBytes)
			++failures;

		std::vector<double> ms;
		for (int i = 0; i < 21; ++i) {
			auto fresh = lcs::library::open_transport(nginx.url()); // a new sync: a new connection
			const auto t = std::chrono::steady_clock::now();
			const FetchResult again = fresh->fetch({"index.json", 65536, std::nullopt}, index.etag);
			ms.push_back(seconds_since(t) * 1000.0);
			if (again.status != FetchResult::Status::NotModified || fresh->request_count() != 1)
				++failures;
		}
		std::sort(ms.begin(), ms.end());
		std::printf("unchanged library: 1 request (304), median %.2f ms, worst %.2f ms "
			    "(target <= %.0f ms: %.3fx of it)\n",
			    ms[ms.size() / 2], ms.back(), kUnchangedTargetMs, ms[ms.size() / 2] / kUnchangedTargetMs);
		if (ms[ms.size() / 2] > kUnchangedTargetMs)
			++failures;
	}
	fs::remove_all(root);
	if (failures != 0)
		std::printf("FAILED: %d target(s) missed\n", failures);
	return failures == 0 ? 0 : 1;
}
