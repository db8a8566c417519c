// The script library against nginx on loopback (issue 12's figures): a first sync of a
// 1000-pack library (50 KB each) within 3 s, a sync with nothing new in one request within 50 ms,
// and publishing one changed pack over WebDAV as one object, one snapshot and one index.
// Prints the figures; exits 1 when a target is missed.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "core/library/minisign.hpp"
#include "core/library/publish.hpp"
#include "core/library/sync.hpp"
#include "core/library/transport.hpp"
#include "test_server.hpp"

namespace {
namespace fs = std::filesystem;
using namespace lcs;

std::string pack_of(int i, const std::string &tag)
{
	std::string cues;
	const std::string line = "欢迎来到直播间，今天给大家带来的是新茶，" + tag + " ";
	for (int j = 0; j < 110; ++j)
		cues += std::string(j ? "," : "") + R"({"id":"c)" + std::to_string(i) + "-" + std::to_string(j) +
			R"(","text":")" + line + line + line + line + line + R"("})";
	return R"({"format":"lcs.pack/1","pack":{"id":"p)" + std::to_string(i) +
	       R"(","name":"Tea","version":"1.0.0","language":"zh-CN","authors":["A"],"license":"CC-BY-4.0"},)" +
	       R"("products":[{"sku":"S)" + std::to_string(i) +
	       R"(","name":"Tea","list_price_cents":100,"stock":3,"category":"food","selling_points":["x"]}],)" +
	       R"("segments":[{"id":"s)" + std::to_string(i) + R"(","name":"Open","kind":"opening","planned_seconds":60,"cues":[)" +
	       cues + "]}]}";
}

void write(const fs::path &file, const std::string &bytes)
{
	fs::create_directories(file.parent_path());
	std::ofstream(file, std::ios::binary) << bytes;
}

double seconds_since(std::chrono::steady_clock::time_point start)
{
	return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int main()
{
	std::random_device random;
	const fs::path temp = fs::temp_directory_path() / ("lcs-library-bench-" + std::to_string(random()));
	const fs::path packs = temp / "packs", root = temp / "root", cache = temp / "cache";
	for (int i = 0; i < 1000; ++i)
		write(packs / ("p" + std::to_string(1000 + i) + ".json"), pack_of(i, "v1"));
	const auto key = library::generate_secret_key();
	int failed = 0;
	{
		lcs::test::TestServer nginx("nginx", {"--root", root.string()});
		const std::string url = nginx.url() + "lib/";
		library::PublishOptions publish;
		publish.packs = {packs};
		publish.key = key;
		publish.library = "bench";
		fs::create_directories(root / "lib");
		{
			auto folder = library::open_transport((root / "lib").string());
			library::publish_library(*folder, publish); // set-up, not measured
		}
		library::SyncOptions sync;
		sync.cache_dir = cache;
		sync.trusted = {key.public_part()};

		auto source = library::open_transport(url);
		auto start = std::chrono::steady_clock::now();
		const auto first = library::sync_library(*source, sync);
		const double first_s = seconds_since(start);
		std::printf("first sync of 1000 packs (%.1f MB) from nginx: %.2f s, %llu requests (target 3 s)\n",
			    static_cast<double>(first.bytes_downloaded) / 1e6, first_s,
			    static_cast<unsigned long long>(first.requests));
		failed += first_s > 3.0 || first.packs.size() != 1000;

		start = std::chrono::steady_clock::now();
		const auto again = library::sync_library(*source, sync);
		const double again_ms = seconds_since(start) * 1000;
		std::printf("sync with nothing new: %.1f ms, %llu request(s) (target 50 ms, 1 request)\n", again_ms,
			    static_cast<unsigned long long>(again.requests));
		failed += again_ms > 50.0 || again.requests != 1 || again.changed;

		write(packs / "p1500.json", pack_of(500, "v2"));
		auto target = library::open_transport(url);
		publish.library.clear();
		start = std::chrono::steady_clock::now();
		const auto one = library::publish_library(*target, publish);
		std::printf("publish of one changed pack over WebDAV: %.2f s, %zu object uploaded, %llu requests "
			    "in all (reads of the index and snapshot, then one object, one snapshot, the signature and the "
			    "index written, each a PUT to a temporary name + MOVE, with MKCOLs)\n",
			    seconds_since(start), one.objects_uploaded, static_cast<unsigned long long>(one.requests));
		failed += one.objects_uploaded != 1 || one.changed.size() != 1;
	}
	std::error_code ec;
	fs::remove_all(temp, ec);
	return failed ? 1 : 0;
}
