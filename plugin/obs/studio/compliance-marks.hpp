#pragma once

#include "core/compliance/finding.hpp"

// What the prompter and the desk mark on a cue or a sentence: its flags (ban and caution; an
// exempted hit, kept as info, is no mark).
namespace lcs::obs {

/// The finding a mark shows: the first ban, else the first caution; null when there is neither.
inline const compliance::Finding *mark_finding(const compliance::Findings &findings)
{
	const compliance::Finding *caution = nullptr;
	for (const auto &f : findings) {
		if (f.severity == compliance::Severity::ban)
			return &f;
		if (f.severity == compliance::Severity::caution && !caution)
			caution = &f;
	}
	return caution;
}

/// How many of the findings are flags (ban or caution).
inline size_t flag_count(const compliance::Findings &findings)
{
	size_t n = 0;
	for (const auto &f : findings)
		n += f.severity != compliance::Severity::info ? 1 : 0;
	return n;
}

} // namespace lcs::obs
