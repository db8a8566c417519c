#include <gtest/gtest.h>

#include <string>

#include "core/version.hpp"

TEST(Version, BannerNamesProjectAndVersion)
{
	const std::string banner = lcs::version_banner();
	EXPECT_EQ(banner, std::string("live-commerce-studio ") + lcs::kVersionString);
	EXPECT_EQ(std::string(lcs::kModuleName), "live-commerce-studio");
	EXPECT_EQ(std::to_string(lcs::kVersionMajor) + "." + std::to_string(lcs::kVersionMinor) + "." +
			  std::to_string(lcs::kVersionPatch),
		  lcs::kVersionString);
}
