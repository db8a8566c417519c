// Issue 12's performance targets for a team library, against nginx (WebDAV) on loopback:
//   - a first sync of a 1000-pack library (about 50 KB each): <= 3 s (curl multi, a handful at a time);
//   - a sync with nothing new: 1 HTTP request and <= 50 ms;
//   - publishing one changed pack into it uploads one object, one snapshot and one index.
// Prints the figures and their ratios to the targets; exit 1 when a target is missed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/library/minisign.hpp"
#include "core/library/publish.hpp"
#include "core/library/sync.hpp"
#include "core/library/transport.hpp"
#include "test_server.hpp"

namespace fs = std::filesystem;
using namespace lcs::library;

namespace {
constexpr int kPacks = 1000;
constexpr size_t kPackBytes = 50 * 1024;
constexpr double kFirstSyncTargetS = 3.0;
constexpr double kUnchangedTargetMs = 50.0;

std::vector<std::string> read_lines(const fs::path &file)
{
	std::vector<std::string> lines;
	std::ifstream in(file);
	for (std::string line; std::getline(in, line);)
		lines.push_back(line);
	return lines;
}

double seconds_since(std::chrono::steady_clock::time_point start)
{
	return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A valid pack of about kPackBytes: one product whose FAQ pads it out.
std::string pack_text(int n, const std::string &variant)
{
	char id[32];
	std::snprintf(id, sizeof id, "bench-%04d", n);
	std::string faq;
	for (int i = 0; faq.size() < kPackBytes - 1500; ++i)
		faq += std::string(i ? "," : "") + R"({ "q": "Question )" + std::to_string(i) + " of pack " + id +
		       R"(?", "a": "An answer long enough to weigh something in the pack, number )" + std::to_string(i) +
		       " " + variant + R"(." })";
	return std::string(R"({ "format": "lcs.pack/1",
  "pack": { "id": ")") + id + R"(", "name": "Bench", "version": "1.0.0", "language": "en-US",
            "authors": ["bench"], "license": "CC-BY-4.0" },
  "products": [ { "sku": "SKU", "name": "Tea", "list_price_cents": 12800, "stock": 300, "category": "food",
      "selling_points": ["fresh"], "specs": {}, "faq": [ )" + faq + R"( ] } ],
  "promotions": [],
  "segments": [ { "id": "open", "name": "Opening", "kind": "opening", "planned_seconds": 60,
      "cues": [ { "id": "open-1", "text": "Welcome!" } ] } ] })";
}
} // namespace

int main()
{
	const fs::path work = fs::temp_directory_path() / ("lcs-sync-bench-" + std::to_string(::getpid()));
	fs::remove_all(work);
	const fs::path packs = work / "packs";
	fs::create_directories(packs);
	size_t pack_bytes = 0;
	for (int i = 0; i < kPacks; ++i) {
		const std::string text = pack_text(i, "v1");
		pack_bytes += text.size();
		std::ofstream(packs / ("pack-" + std::to_string(i) + ".json"), std::ios::binary) << text;
	}
	const SecretKey key = generate_secret_key();
	int failures = 0;
	{
		const fs::path access_log = work / "access.log";
		lcs::test::TestServer nginx("nginx", {"--root", (work / "www").string(), "--log", access_log.string()});
		const std::string url = nginx.url() + "bench/";
		PublishOptions publish;
		publish.packs = {packs};
		publish.key = key;
		publish.library = "bench";
		publish.message = "first";
		{
			auto target = open_transport(url);
			const PublishResult first = publish_library(*target, publish);
			std::printf("published v%lld: %zu objects, %llu requests\n", static_cast<long long>(first.version),
				    first.objects_uploaded, static_cast<unsigned long long>(first.requests));
		}

		SyncOptions sync;
		sync.cache_dir = work / "cache";
		sync.trusted = {key.public_part()};
		{
			auto source = open_transport(url);
			const auto start = std::chrono::steady_clock::now();
			const SyncResult result = sync_library(*source, sync);
			const double s = seconds_since(start);
			std::printf("first sync: %d packs (%.1f MB) in %.3f s, %llu requests (target <= %.1f s: %.2fx of it)\n",
				    kPacks, static_cast<double>(pack_bytes) / 1e6, s,
				    static_cast<unsigned long long>(result.requests), kFirstSyncTargetS, s / kFirstSyncTargetS);
			if (s > kFirstSyncTargetS || result.packs.size() != static_cast<size_t>(kPacks))
				++failures;
		}
		std::vector<double> ms;
		uint64_t requests = 0;
		for (int i = 0; i < 11; ++i) {
			auto source = open_transport(url);
			const auto start = std::chrono::steady_clock::now();
			const SyncResult result = sync_library(*source, sync);
			ms.push_back(seconds_since(start) * 1000.0);
			requests = std::max(requests, source->request_count());
			if (result.changed)
				++failures;
		}
		std::sort(ms.begin(), ms.end());
		std::printf("sync with nothing new: %llu HTTP request(s) (target 1), median %.2f ms "
			    "(target <= %.0f ms: %.3fx of it)\n",
			    static_cast<unsigned long long>(requests), ms[ms.size() / 2], kUnchangedTargetMs,
			    ms[ms.size() / 2] / kUnchangedTargetMs);
		if (requests != 1 || ms[ms.size() / 2] > kUnchangedTargetMs)
			++failures;

		std::ofstream(packs / "pack-500.json", std::ios::binary) << pack_text(500, "v2");
		const size_t log_lines_before = read_lines(access_log).size();
		{
			auto target = open_transport(url);
			publish.message = "one pack changed";
			const PublishResult second = publish_library(*target, publish);
			// Uploads as the server saw them: this publish's PUTs in nginx's access log (each goes
			// to a temporary name beside its file, then MOVE).
			const auto lines = read_lines(access_log);
			int objects = 0, snapshots = 0, indexes = 0, signatures = 0, other = 0;
			for (size_t i = log_lines_before; i < lines.size(); ++i) {
				const size_t at = lines[i].find("\"PUT /bench/");
				if (at == std::string::npos)
					continue;
				const std::string path = lines[i].substr(at + 12, lines[i].find(' ', at + 12) - at - 12);
				const std::string name = path.substr(path.rfind('/') + 1);
				if (path.rfind("objects/", 0) == 0)
					++objects;
				else if (path.rfind("snapshots/", 0) == 0)
					++snapshots;
				else if (name.rfind(".index.json.minisig.tmp", 0) == 0)
					++signatures;
				else if (name.rfind(".index.json.tmp", 0) == 0)
					++indexes;
				else
					++other;
			}
			std::printf("publish one changed pack: v%lld; uploaded %d object, %d snapshot, %d index (+ %d signature, "
				    "%d other); %zu objects already there; %llu requests in all (target: 1 object, 1 snapshot, "
				    "1 index)\n",
				    static_cast<long long>(second.version), objects, snapshots, indexes, signatures, other,
				    second.objects_present, static_cast<unsigned long long>(second.requests));
			if (objects != 1 || snapshots != 1 || indexes != 1 || signatures != 1 || other != 0 ||
			    second.objects_uploaded != 1)
				++failures;
		}
	}
	fs::remove_all(work);
	if (failures != 0)
		std::printf("FAILED: %d target(s) missed\n", failures);
	return failures == 0 ? 0 : 1;
}
