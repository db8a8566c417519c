// The module as OBS sees it: identity, locale, and every overlay the practice scene relies on.
#include <gtest/gtest.h>

#include <string>

#include <obs-module.h>

#include "core/scene/overlay_catalog.hpp"
#include "obs_harness.hpp"

namespace {
using lcs::test::ObsHarness;

obs_module_t *our_module()
{
	return obs_get_module("live-commerce-studio");
}

TEST(Module, IsLoadedUnderItsContractName)
{
	obs_module_t *module = our_module();
	ASSERT_NE(module, nullptr);
	EXPECT_STREQ(obs_get_module_file_name(module), "live-commerce-studio.so");
}

TEST(Module, NameIsLocalised)
{
	const char *name = obs_get_module_name(our_module());
	ASSERT_NE(name, nullptr);
	if (ObsHarness::get().locale() == "zh-CN")
		EXPECT_STREQ(name, "直播带货练习室");
	else
		EXPECT_STREQ(name, "Live Commerce Studio");
	EXPECT_NE(obs_get_module_description(our_module()), nullptr);
}

TEST(Module, RegistersEveryOverlayOfTheCatalog)
{
	for (const auto id : lcs::scene::kRegisteredOverlays) {
		const std::string source_id(id);
		EXPECT_NE(obs_source_get_display_name(source_id.c_str()), nullptr) << source_id;
	}
}

} // namespace
