#include "obs_session.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include <unistd.h>

#include <obs.h>

#include "obs_harness.hpp"
#include "obs_hotkeys.hpp"

namespace lcs::test {
namespace {
std::filesystem::path sessions_dir()
{
	return std::filesystem::path(ObsHarness::get().module_config()) / "live-commerce-studio" / "sessions";
}
} // namespace

size_t session_log_count()
{
	std::error_code ec;
	size_t n = 0;
	for (const auto &e : std::filesystem::directory_iterator(sessions_dir(), ec))
		n += e.path().extension() == ".jsonl" ? 1 : 0;
	return n;
}

std::filesystem::path newest_session_log()
{
	std::filesystem::path newest;
	std::error_code ec;
	for (const auto &e : std::filesystem::directory_iterator(sessions_dir(), ec))
		if (e.path().extension() == ".jsonl" &&
		    (newest.empty() || std::filesystem::last_write_time(e.path(), ec) >= std::filesystem::last_write_time(newest, ec)))
			newest = e.path();
	return newest;
}

std::vector<nlohmann::json> session_lines(const std::filesystem::path &log)
{
	std::vector<nlohmann::json> lines;
	std::ifstream in(log);
	for (std::string line; std::getline(in, line);) {
		auto j = nlohmann::json::parse(line, nullptr, false);
		if (!j.is_discarded())
			lines.push_back(std::move(j));
	}
	return lines;
}

std::string session_end_reason(const std::filesystem::path &log)
{
	for (const auto &j : session_lines(log))
		if (j.value("type", "") == "session_end")
			return j.value("reason", "?");
	return {};
}

std::filesystem::path start_session_by_hotkey()
{
	auto logs = [] {
		std::set<std::filesystem::path> found;
		std::error_code ec;
		for (const auto &e : std::filesystem::directory_iterator(sessions_dir(), ec))
			if (e.path().extension() == ".jsonl")
				found.insert(e.path());
		return found;
	};
	const auto before = logs();
	std::filesystem::path fresh;
	if (!press_hotkey("lcs.start_stop_session"))
		return {};
	ObsHarness::wait_until([&] {
		for (const auto &p : logs())
			if (!before.count(p))
				fresh = p;
		return !fresh.empty();
	}, std::chrono::seconds(10));
	return fresh;
}

std::string write_voice_wav(const std::string &name, int talk_ms, int silence_ms)
{
	const std::string path = testing::TempDir() + "lcs-" + name + "-" + std::to_string(getpid()) + ".wav";
	constexpr uint32_t rate = 48000;
	const uint32_t frames = rate * static_cast<uint32_t>(talk_ms + silence_ms) / 1000;
	const uint32_t bytes = frames * 4;
	std::ofstream out(path, std::ios::binary);
	auto u32 = [&](uint32_t v) { out.write(reinterpret_cast<const char *>(&v), 4); };
	auto u16 = [&](uint16_t v) { out.write(reinterpret_cast<const char *>(&v), 2); };
	out.write("RIFF", 4);
	u32(36 + bytes);
	out.write("WAVEfmt ", 8);
	u32(16);
	u16(1);
	u16(2);
	u32(rate);
	u32(rate * 4);
	u16(4);
	u16(16);
	out.write("data", 4);
	u32(bytes);
	const uint32_t talk_frames = rate * static_cast<uint32_t>(talk_ms) / 1000;
	for (uint32_t i = 0; i < frames; ++i) {
		const double s = i < talk_frames ? 0.5 * std::sin(2.0 * M_PI * 440.0 * i / rate) : 0.0;
		const auto v = static_cast<int16_t>(s * 32767);
		u16(static_cast<uint16_t>(v));
		u16(static_cast<uint16_t>(v));
	}
	return path;
}

bool stop_session_by_hotkey(const std::filesystem::path &log)
{
	return press_hotkey("lcs.start_stop_session") &&
	       ObsHarness::wait_until([&] { return !session_end_reason(log).empty(); }, std::chrono::seconds(10));
}

namespace {
struct LogTap {
	std::mutex mutex;
	std::vector<LogWatch *> watches; // guarded by mutex
	log_handler_t previous = nullptr;
	void *previous_param = nullptr;
};

LogTap &log_tap()
{
	static LogTap tap;
	return tap;
}

void tap_line(int level, const char *format, va_list args, void *)
{
	LogTap &tap = log_tap();
	{
		std::lock_guard lock(tap.mutex);
		if (!tap.watches.empty()) {
			va_list copy;
			va_copy(copy, args);
			char text[4096];
			std::vsnprintf(text, sizeof(text), format, copy);
			va_end(copy);
			for (LogWatch *watch : tap.watches)
				watch->add(text);
		}
	}
	if (tap.previous)
		tap.previous(level, format, args, tap.previous_param);
}
} // namespace

void install_log_tap()
{
	LogTap &tap = log_tap();
	base_get_log_handler(&tap.previous, &tap.previous_param);
	base_set_log_handler(&tap_line, nullptr);
}

LogWatch::LogWatch()
{
	std::lock_guard lock(log_tap().mutex);
	log_tap().watches.push_back(this);
}

LogWatch::~LogWatch()
{
	LogTap &tap = log_tap();
	std::lock_guard lock(tap.mutex);
	tap.watches.erase(std::remove(tap.watches.begin(), tap.watches.end(), this), tap.watches.end());
}

void LogWatch::add(std::string text)
{
	std::lock_guard lock(mutex_);
	lines_.push_back({std::this_thread::get_id(), std::move(text)});
}

LogWatch::Line LogWatch::wait_for(const std::string &needle, std::chrono::milliseconds timeout) const
{
	Line found;
	ObsHarness::wait_until(
		[&] {
			std::lock_guard lock(mutex_);
			for (const auto &line : lines_)
				if (line.text.find(needle) != std::string::npos) {
					found = line;
					return true;
				}
			return false;
		},
		timeout);
	return found;
}

std::thread::id video_thread_id()
{
	struct Probe {
		std::mutex mutex;
		std::thread::id id;
	} probe;
	auto tick = [](void *param, float) {
		auto *p = static_cast<Probe *>(param);
		std::lock_guard lock(p->mutex);
		p->id = std::this_thread::get_id();
	};
	obs_add_tick_callback(tick, &probe);
	ObsHarness::wait_until([&] {
		std::lock_guard lock(probe.mutex);
		return probe.id != std::thread::id();
	});
	obs_remove_tick_callback(tick, &probe); // waits for a tick in progress
	return probe.id;
}

std::string bundled_pack_text(const std::string &relative_path)
{
	const char *data = std::getenv("LCS_MODULE_DATA");
	const std::string root = data && *data ? data : LCS_DEFAULT_MODULE_DATA;
	std::ifstream in(root + "/packs/" + relative_path, std::ios::binary);
	std::ostringstream text;
	text << in.rdbuf();
	return text.str();
}

} // namespace lcs::test
