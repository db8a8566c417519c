#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "core/compliance/checker.hpp"

// Every rule's examples are its unit tests: a `match` example gives a finding of the rule at its
// severity, a `no_match` example none of that rule, an `exempt` example an info finding of the rule
// with the reason. Run over the shipped data set (data/compliance) and the test fixtures.
namespace lcs::compliance {
namespace {

void check_examples(const std::filesystem::path &dir)
{
	const auto load = load_checker(dir);
	for (const auto &d : load.diagnostics) {
		if (d.severity == diag::Severity::Error)
			ADD_FAILURE() << d.to_string();
		else
			std::printf("%s\n", d.to_string().c_str());
	}
	ASSERT_TRUE(load.checker) << dir;
	size_t examples = 0;
	for (const Rule &rule : load.checker->rules().rules) {
		Context context;
		context.language = rule.language;
		auto of_rule = [&rule](const Findings &findings) {
			Findings out;
			for (const auto &f : findings)
				if (f.rule == rule.id)
					out.push_back(f);
			return out;
		};
		// Needs: a price claim without evidence is a caution; urgency is judged as not backed.
		const Severity expected = rule.needs == Needs::price_claim ? std::min(rule.severity, Severity::caution)
									    : rule.severity;
		context.urgency_backed = false;
		for (const auto &text : rule.must_match) {
			++examples;
			const Findings found = of_rule(load.checker->check(text, context));
			const bool ok = std::any_of(found.begin(), found.end(), [&](const Finding &f) {
				return f.severity == expected && f.exempt_reason.empty();
			});
			EXPECT_TRUE(ok) << rule.where.to_string() << " " << rule.id << ": match example not found: " << text;
		}
		for (const auto &text : rule.must_not_match) {
			++examples;
			const Findings found = of_rule(load.checker->check(text, context));
			EXPECT_TRUE(found.empty()) << rule.where.to_string() << " " << rule.id << ": no_match example found: " << text
						   << " (" << found.front().term << ")";
		}
		for (const auto &text : rule.must_exempt) {
			++examples;
			const Findings found = of_rule(load.checker->check(text, context));
			const bool ok = !found.empty() && std::all_of(found.begin(), found.end(), [](const Finding &f) {
				return f.severity == Severity::info && !f.exempt_reason.empty();
			});
			EXPECT_TRUE(ok) << rule.where.to_string() << " " << rule.id << ": exempt example not exempted: " << text;
		}
	}
	EXPECT_GT(examples, 0u);
}

TEST(ComplianceRuleExamples, FixtureRules)
{
	check_examples(std::filesystem::path(LCS_SOURCE_DIR) / "tests/unit/compliance/fixtures");
}

TEST(ComplianceRuleExamples, ShippedRules)
{
	const auto dir = std::filesystem::path(LCS_SOURCE_DIR) / "data/compliance";
	if (!std::filesystem::exists(dir))
		GTEST_SKIP() << "no data/compliance in this tree yet";
	check_examples(dir);
}

} // namespace
} // namespace lcs::compliance
