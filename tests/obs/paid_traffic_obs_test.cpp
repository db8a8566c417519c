// Buying paid traffic (投流) inside OBS, in headless libobs with the freshly built module: the
// vendor request BuyTraffic (checked at once, applied at the next frame, malformed data refused
// with the field named), GetStatus's budget fields, and the "buy paid traffic" hotkey (¥50 at the
// lowest bid by default, what is left when less; saved in the profile with the other hotkeys).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>
#include <obs.hpp>
#include <util/config-file.h>

#include "core/util/money.hpp"
#include "fake_websocket.hpp"
#include "obs_harness.hpp"
#include "obs_hotkeys.hpp"
#include "obs_session.hpp"
#include "studio/hotkey-storage.hpp"
#include "studio/hotkey-specs.hpp"

namespace {
using lcs::test::ObsHarness;
namespace fs = std::filesystem;

/// The answer of a vendor request; `data` is its requestData (JSON; empty: none at all).
OBSDataAutoRelease call(const std::string &type, const std::string &data = {})
{
	OBSDataAutoRelease request = data.empty() ? nullptr : obs_data_create_from_json(data.c_str());
	OBSDataAutoRelease response = obs_data_create();
	EXPECT_TRUE(lcs::test::module_websocket().call(type, request, response)) << "no request " << type;
	return response;
}

std::string error_of(obs_data_t *response)
{
	EXPECT_FALSE(obs_data_get_bool(response, "ok")) << obs_data_get_json(response);
	return obs_data_get_string(response, "error");
}

int64_t status_int(const char *field)
{
	auto status = call("GetStatus");
	return obs_data_get_int(status, field);
}

/// The bundled farm pack of this run's language with ¥300 of ads (bids ¥20–¥80 per thousand).
fs::path farm_with_budget()
{
	const std::string name = "farm-origin." + ObsHarness::get().locale() + ".json";
	auto pack = nlohmann::json::parse(lcs::test::bundled_pack_text("farm-origin/" + name));
	pack["scenarios"][0]["ads"] = {{"budget_cents", 30000}, {"min_bid_cpm_cents", 2000}, {"max_bid_cpm_cents", 8000}};
	const fs::path dir = fs::path(testing::TempDir()) / ("obs-paid-traffic-" + ObsHarness::get().locale());
	fs::create_directories(dir);
	const fs::path file = dir / ("ads-" + name);
	std::ofstream(file, std::ios::binary) << pack.dump();
	return file;
}

TEST(PaidTrafficInObs, TheVendorRequestAndTheHotkeyBuyFromTheBudgetAndNeverOverspend)
{
	auto &websocket = lcs::test::module_websocket();
	ASSERT_TRUE(websocket.has_request("BuyTraffic")) << "the module did not register its vendor requests";

	// The script in use: the pack with a budget, chosen in a prompter's properties.
	const fs::path pack = farm_with_budget();
	lcs::test::LogWatch watch;
	OBSDataAutoRelease settings = obs_data_create();
	obs_data_set_string(settings, "pack", "custom");
	obs_data_set_string(settings, "pack_file", "");
	OBSSourceAutoRelease prompter = obs_source_create("lcs_cue_prompter", "paid traffic prompter", settings, nullptr);
	OBSDataAutoRelease change = obs_data_create();
	obs_data_set_string(change, "pack", "custom");
	obs_data_set_string(change, "pack_file", pack.string().c_str());
	obs_source_update(prompter, change);
	ASSERT_FALSE(watch.wait_for("from " + pack.string()).text.empty()) << "the pack never loaded";
	ObsHarness::wait_frames(3);

	// No session yet: refused at once, with why.
	EXPECT_EQ(error_of(call("BuyTraffic", R"({"amountCents":5000})")), "no session is running");

	const auto log = lcs::test::start_session_by_hotkey();
	ASSERT_FALSE(log.empty());
	ASSERT_TRUE(ObsHarness::wait_until([] { return status_int("adBudgetCents") == 30000; }));
	{
		auto status = call("GetStatus");
		EXPECT_EQ(obs_data_get_int(status, "adSpentCents"), 0);
		EXPECT_EQ(obs_data_get_int(status, "adBudgetLeftCents"), 30000);
		EXPECT_EQ(obs_data_get_int(status, "minBidCpmCents"), 2000);
		EXPECT_EQ(obs_data_get_int(status, "maxBidCpmCents"), 8000);
		EXPECT_EQ(obs_data_get_int(status, "paidImpressions"), 0);
	}

	// Malformed requests name the field; nothing is bought.
	EXPECT_EQ(error_of(call("BuyTraffic")), "field 'amountCents' is required (a whole number ≥ 1)");
	EXPECT_EQ(error_of(call("BuyTraffic", R"({"campaign":"x"})")), "field 'amountCents' is required (a whole number ≥ 1)");
	for (const char *bad : {R"({"amountCents":-5000})", R"({"amountCents":0})", R"({"amountCents":50.5})",
				R"({"amountCents":"5000"})", R"({"amountCents":true})"})
		EXPECT_EQ(error_of(call("BuyTraffic", bad)), "field 'amountCents' must be a whole number ≥ 1") << bad;
	EXPECT_EQ(error_of(call("BuyTraffic", R"({"amountCents":5000,"bidCpmCents":"high"})")),
		  "field 'bidCpmCents' must be a whole number ≥ 0");
	EXPECT_EQ(error_of(call("BuyTraffic", R"({"amountCents":5000,"campaign":7})")), "field 'campaign' must be a string");
	EXPECT_EQ(error_of(call("BuyTraffic", R"({"amountCents":5000,"bidCpmCents":9000})")),
		  "field 'bidCpmCents': the bid must be " + lcs::util::format_yuan(2000) + "–" + lcs::util::format_yuan(8000) +
			  " per thousand impressions");
	ObsHarness::wait_frames(3);
	EXPECT_EQ(status_int("adSpentCents"), 0);

	// ¥100 at ¥40 per thousand: 2 500 impressions, applied at the next frame.
	{
		auto bought = call("BuyTraffic", R"({"amountCents":10000,"bidCpmCents":4000,"campaign":"remote"})");
		ASSERT_TRUE(obs_data_get_bool(bought, "ok")) << obs_data_get_json(bought);
		EXPECT_EQ(obs_data_get_int(bought, "amountCents"), 10000);
		EXPECT_EQ(obs_data_get_int(bought, "bidCpmCents"), 4000);
		EXPECT_EQ(obs_data_get_int(bought, "budgetLeftCents"), 20000);
	}
	ASSERT_TRUE(ObsHarness::wait_until([] { return status_int("adSpentCents") == 10000; }));
	EXPECT_EQ(status_int("paidImpressions"), 2500);

	// More than is left: refused with the amounts, nothing spent.
	EXPECT_EQ(error_of(call("BuyTraffic", R"({"amountCents":25000})")),
		  "field 'amountCents': " + lcs::util::format_yuan(25000) + " is more than the budget left (" +
			  lcs::util::format_yuan(20000) + ")");

	// The hotkey without the desk: ¥50 at the lowest bid (¥20): 2 500 more impressions.
	ASSERT_TRUE(lcs::test::press_hotkey("lcs.buy_traffic"));
	ASSERT_TRUE(ObsHarness::wait_until([] { return status_int("adSpentCents") == 15000; }));
	EXPECT_EQ(status_int("paidImpressions"), 5000);

	// ¥30 left: the hotkey buys what is left; once nothing is, it is refused and says why.
	ASSERT_TRUE(obs_data_get_bool(call("BuyTraffic", R"({"amountCents":12000})"), "ok"));
	ASSERT_TRUE(ObsHarness::wait_until([] { return status_int("adSpentCents") == 27000; }));
	ASSERT_TRUE(lcs::test::press_hotkey("lcs.buy_traffic"));
	ASSERT_TRUE(ObsHarness::wait_until([] { return status_int("adSpentCents") == 30000; }));
	ASSERT_TRUE(lcs::test::press_hotkey("lcs.buy_traffic"));
	ASSERT_TRUE(ObsHarness::wait_until([] {
		auto status = call("GetStatus");
		return std::string(obs_data_get_string(status, "lastRefusal")).find("budget left") != std::string::npos;
	}));
	EXPECT_EQ(status_int("adSpentCents"), 30000);
	EXPECT_EQ(status_int("adBudgetLeftCents"), 0);
	EXPECT_EQ(error_of(call("BuyTraffic", R"({"amountCents":1})")),
		  "field 'amountCents': " + lcs::util::format_yuan(1) + " is more than the budget left (" +
			  lcs::util::format_yuan(0) + ")");

	// The session log has every purchase as ad_spend, never more than the budget.
	EXPECT_TRUE(lcs::test::stop_session_by_hotkey(log));
	int64_t logged = 0;
	std::vector<int64_t> amounts;
	std::string campaign;
	for (const auto &line : lcs::test::session_lines(log))
		if (line.value("type", "") == "ad_spend") {
			amounts.push_back(line.value("amount_cents", int64_t{0}));
			logged += amounts.back();
			if (campaign.empty())
				campaign = line.value("campaign", "");
		}
	EXPECT_EQ(amounts, (std::vector<int64_t>{10000, 5000, 12000, 3000}));
	EXPECT_EQ(logged, 30000);
	EXPECT_EQ(campaign, "remote");
}

TEST(PaidTrafficInObs, TheHotkeyIsSavedInTheProfileWithTheOthers)
{
	const auto names = lcs::obs::hotkey_names();
	ASSERT_NE(std::find(names.begin(), names.end(), "lcs.buy_traffic"), names.end());
	ASSERT_NE(lcs::test::hotkey_named("lcs.buy_traffic"), OBS_INVALID_HOTKEY_ID);

	const std::string file = testing::TempDir() + "lcs-traffic-profile-" + ObsHarness::get().locale() + ".ini";
	config_t *profile = config_create(file.c_str());
	ASSERT_NE(profile, nullptr);
	obs_key_combination_t combo = {};
	combo.key = OBS_KEY_F15;
	obs_hotkey_load_bindings(lcs::test::hotkey_named("lcs.buy_traffic"), &combo, 1);
	lcs::obs::save_hotkey_bindings(profile, names);
	const char *saved = config_get_string(profile, "Hotkeys", "lcs.buy_traffic");
	ASSERT_NE(saved, nullptr);
	EXPECT_NE(std::string(saved).find("OBS_KEY_F15"), std::string::npos) << saved;

	obs_hotkey_load_bindings(lcs::test::hotkey_named("lcs.buy_traffic"), nullptr, 0);
	lcs::obs::load_hotkey_bindings(profile, names);
	OBSDataArrayAutoRelease bindings = obs_hotkey_save(lcs::test::hotkey_named("lcs.buy_traffic"));
	ASSERT_EQ(obs_data_array_count(bindings), 1u);
	OBSDataAutoRelease binding = obs_data_array_item(bindings, 0);
	EXPECT_STREQ(obs_data_get_string(binding, "key"), "OBS_KEY_F15");

	obs_hotkey_load_bindings(lcs::test::hotkey_named("lcs.buy_traffic"), nullptr, 0); // none left behind
	config_close(profile);
	std::remove(file.c_str());
}

} // namespace
