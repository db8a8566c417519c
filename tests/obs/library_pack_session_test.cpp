// A pack from a synced team library, chosen in OBS through the library cache's current/ folder,
// runs a session whose header names the library and the version (issue 12): the module's studio
// loads the pack on its worker by that path, and the header's provenance resolves current/ to
// the version it points at.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <obs.hpp>

#include "core/library/minisign.hpp"
#include "core/library/publish.hpp"
#include "core/library/sync.hpp"
#include "obs_harness.hpp"
#include "obs_session.hpp"

namespace {
using lcs::test::ObsHarness;
namespace fs = std::filesystem;
namespace lib = lcs::library;

TEST(LibraryPackSession, ASessionOnALibraryPackNamesTheLibraryAndVersion)
{
	// One folder per locale run: the zh-CN and en-US runs of this suite go in parallel.
	const fs::path dir = fs::path(testing::TempDir()) / ("obs-library-pack-" + ObsHarness::get().locale());
	fs::remove_all(dir);
	fs::create_directories(dir / "library");
	const std::string name = "farm-origin." + ObsHarness::get().locale() + ".json";
	const fs::path pack = dir / name;
	{
		std::ofstream out(pack, std::ios::binary);
		out << lcs::test::bundled_pack_text("farm-origin/" + name);
	}
	const auto key = lib::generate_secret_key();
	lib::PublishOptions publish;
	publish.packs = {pack};
	publish.key = key;
	publish.library = "team-obs";
	publish.message = "for the libobs test";
	{
		const auto target = lib::open_transport((dir / "library").string());
		lib::publish_library(*target, publish);
		lib::publish_library(*target, [&] {
			auto second = publish; // version 2: the same pack, another message
			second.message = "second";
			std::ofstream(pack, std::ios::binary | std::ios::app) << "\n";
			return second;
		}());
	}
	lib::SyncOptions options;
	options.cache_dir = dir / "cache";
	options.trusted = {key.public_part()};
	options.version = 1; // rolled back: current/ points at version 1, not the newest
	const auto source = lib::open_transport((dir / "library").string());
	const auto synced = lib::sync_library(*source, options);
	ASSERT_EQ(synced.version, 1);
	const fs::path in_current = synced.current_dir / name;
	ASSERT_TRUE(fs::exists(in_current));

	lcs::test::LogWatch watch;
	OBSDataAutoRelease settings = obs_data_create();
	obs_data_set_string(settings, "pack", "custom");
	obs_data_set_string(settings, "pack_file", "");
	OBSSourceAutoRelease prompter = obs_source_create("lcs_cue_prompter", "library prompter", settings, nullptr);
	OBSDataAutoRelease change = obs_data_create();
	obs_data_set_string(change, "pack", "custom");
	obs_data_set_string(change, "pack_file", in_current.string().c_str());
	obs_source_update(prompter, change); // chosen: replaces the script in use, on the studio's worker
	ASSERT_FALSE(watch.wait_for("from " + in_current.string()).text.empty()) << "the library's pack never loaded";
	ObsHarness::wait_frames(3);

	const auto log = lcs::test::start_session_by_hotkey();
	ASSERT_FALSE(log.empty());
	std::vector<nlohmann::json> lines;
	ObsHarness::wait_until([&] {
		lines = lcs::test::session_lines(log);
		return !lines.empty();
	}, std::chrono::seconds(10));
	ASSERT_FALSE(lines.empty());
	const auto &packs = lines.front()["packs"];
	ASSERT_EQ(packs.size(), 1u) << packs.dump();
	EXPECT_EQ(packs[0].value("library", ""), "team-obs") << packs.dump();
	EXPECT_EQ(packs[0].value("library_version", 0), 1) << packs.dump();
	EXPECT_TRUE(lcs::test::stop_session_by_hotkey(log));
}

} // namespace
