// Fuzz target: any bytes as a coach rubric file (lcs.rubric/1). Reading must never crash, hang or
// throw; a rubric that reads has only finite numbers where it scores, and scores a session (an
// empty one: every metric unmeasured) to points between 0 and 1. Every problem is a diagnostic.
// libFuzzer binary with clang (LCS_BUILD_FUZZERS=ON), and always a corpus replay test.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/report/rubric.hpp"
#include "core/report/rubric_file.hpp"
#include "core/report/session_report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const std::string_view text(reinterpret_cast<const char *>(data), size);
	lcs::diag::Diagnostics problems;
	const auto rubric = lcs::report::read_rubric_text(text, "fuzz.json", problems);
	for (const auto &p : problems)
		(void)p.to_string();
	if (!rubric)
		return 0;
	for (const auto &d : rubric->dimensions) {
		(void)d.name.in("zh-CN");
		for (const auto &m : d.metrics) {
			if (!std::isfinite(m.target) || !std::isfinite(m.weight) || !std::isfinite(m.tolerance))
				std::abort();
			(void)m.response.credit(0);
			(void)m.response.credit(1e9);
		}
	}
	static const lcs::report::SessionReport empty_session;
	const auto result = lcs::report::score(empty_session, *rubric, "en-US");
	(void)result.to_json().dump();
	return 0;
}
