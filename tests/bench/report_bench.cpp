// The review of a long session: a 1 000 000-event log (about four hours of a busy room) is
// reported in one streaming pass. Measures the time and the peak memory of `build_report` and
// fails when they exceed the budget (the log must never be loaded whole).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include <sys/resource.h>
#include <unistd.h>

#include "core/report/session_report.hpp"
#include "core/util/rng.hpp"

namespace {
constexpr long kEvents = 1'000'000;
constexpr double kBudgetSeconds = 30.0;
constexpr long kBudgetPeakMiB = 256;

long peak_rss_mib()
{
	rusage usage{};
	getrusage(RUSAGE_SELF, &usage);
	return usage.ru_maxrss / 1024; // Linux: KiB
}

void write_log(const std::string &path)
{
	std::ofstream out(path, std::ios::binary);
	out << R"({"type":"session","schema":"lcs.session/1","session_id":"bench","started_at":"2026-01-01T00:00:00Z","trainee":"b","scenario":{"id":"bench"},"seed":1,"packs":[],"products":[{"sku":"A","name":"A","list_price_cents":8900,"stock":100000}],"promotions":[],"segments":[{"segment_id":"s","name":"S","kind":"explain","planned_ms":14400000,"cues":[]}]})"
	    << '\n';
	lcs::util::Rng rng(7);
	long written = 0;
	long viewers = 0;
	int64_t t = 0;
	out << R"({"t":0,"type":"segment_start","segment_id":"s","planned_ms":14400000})" << '\n'
	    << R"({"t":0,"type":"product_pin","sku":"A"})" << '\n';
	written = 2;
	while (written < kEvents) {
		t += static_cast<int64_t>(rng.below(30));
		const auto k = rng.below(100);
		const long v = viewers > 0 ? static_cast<long>(rng.below(static_cast<uint64_t>(viewers))) : 0;
		if (k < 15 || viewers == 0) {
			out << R"({"t":)" << t << R"(,"type":"viewer_join","viewer":"v)" << viewers++ << R"("})" << '\n';
		} else if (k < 25) {
			out << R"({"t":)" << t << R"(,"type":"viewer_leave","viewer":"v)" << v << R"("})" << '\n';
		} else if (k < 80) {
			const bool question = k < 40;
			out << R"({"t":)" << t << R"(,"type":"comment","comment_id":"c)" << written << R"(","viewer":"v)" << v
			    << R"(","text":"这个多少钱呀，什么时候发货？","kind":")" << (question ? "question" : "reaction") << R"("})" << '\n';
			if (question && rng.chance(0.5)) {
				t += 2000; // answered two seconds later
				out << R"({"t":)" << t << R"(,"type":"comment_answered","comment_id":"c)" << written << R"("})" << '\n';
				++written;
			}
		} else if (k < 88) {
			out << R"({"t":)" << t << R"(,"type":"product_click","viewer":"v)" << v << R"(","sku":"A"})" << '\n';
		} else if (k < 95) {
			out << R"({"t":)" << t << R"(,"type":"order","order_id":"o)" << written << R"(","viewer":"v)" << v
			    << R"(","sku":"A","qty":1,"unit_price_cents":8900,"discount_cents":3000,"amount_cents":5900})" << '\n';
		} else {
			out << R"({"t":)" << t << R"(,"type":"voice","state":")" << (rng.chance(0.5) ? "talk" : "silence") << R"("})" << '\n';
		}
		++written;
	}
	out << R"({"t":)" << t + 1 << R"(,"type":"session_end"})" << '\n';
}
} // namespace

int main()
{
	const std::string path = "/tmp/lcs-report-bench-" + std::to_string(getpid()) + ".jsonl";
	write_log(path);
	const long before = peak_rss_mib();
	const auto start = std::chrono::steady_clock::now();
	const auto report = lcs::report::build_report(path);
	const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
	const long peak = peak_rss_mib();
	std::remove(path.c_str());
	std::printf("report of a %ld-event log: %.2f s, peak memory %ld MiB (%ld MiB before the report); "
		    "%lld orders, uv %lld\n",
		    kEvents, seconds, peak, before, static_cast<long long>(report.metrics.orders),
		    static_cast<long long>(report.metrics.uv));
	const bool ok = seconds <= kBudgetSeconds && peak <= kBudgetPeakMiB && report.metrics.orders > 0;
	std::printf("%s (budget %.0f s, %ld MiB)\n", ok ? "within budget" : "OVER BUDGET", kBudgetSeconds, kBudgetPeakMiB);
	return ok ? 0 : 1;
}
