// Fuzz target: any bytes as a session log (lcs.session/1), through the streaming reader and what
// `lcs report` builds on it (the report, its JSON, the default rubric's score). Nothing may crash,
// hang, throw or grow without bound; the reader's counts must agree with what it handed on. The
// reader takes a path, so each input is written to a file of this process first. libFuzzer binary
// with clang (LCS_BUILD_FUZZERS=ON), and always a corpus replay test.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include <unistd.h>

#include "core/metrics/contract_check.hpp"
#include "core/metrics/log_reader.hpp"
#include "core/report/rubric.hpp"
#include "core/report/rubric_file.hpp"
#include "core/report/session_report.hpp"

#ifndef LCS_FUZZ_RUBRIC
#error "LCS_FUZZ_RUBRIC (data/rubric/default.json) must be defined"
#endif

namespace {
const std::string &log_file()
{
	static const std::string path = [] {
		const std::filesystem::path dir = std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
		return (dir / ("lcs-fuzz-log-" + std::to_string(getpid()) + ".jsonl")).string();
	}();
	return path;
}

const std::optional<lcs::report::Rubric> &rubric()
{
	static const auto r = [] {
		lcs::diag::Diagnostics problems;
		auto read = lcs::report::read_rubric_file(LCS_FUZZ_RUBRIC, problems);
		if (!read)
			std::abort(); // the bundled rubric must read
		return read;
	}();
	return r;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const std::string &path = log_file();
	if (FILE *f = std::fopen(path.c_str(), "wb")) {
		if (size && std::fwrite(data, 1, size, f) != size)
			std::abort();
		std::fclose(f);
	} else {
		std::abort();
	}
	size_t headers = 0, events = 0;
	const auto read = lcs::metrics::read_session_log(
		path,
		[&](const nlohmann::json &h) {
			++headers;
			(void)lcs::metrics::check_header(h);
		},
		[&](const nlohmann::json &e) {
			++events;
			(void)lcs::metrics::check_event(e);
		});
	if (headers > 1 || read.events != events || (headers == 0 && events != 0))
		std::abort();
	for (const auto &p : read.problems)
		(void)p.to_string();
	const auto report = lcs::report::build_report(path);
	(void)report.to_json().dump();
	(void)lcs::report::score(report, *rubric(), "zh-CN").to_json().dump();
	return 0;
}
