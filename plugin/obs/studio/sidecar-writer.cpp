#include "studio/sidecar-writer.hpp"

#include <filesystem>
#include <exception>
#include <fstream>

#include "core/log/log.hpp"
#include "core/metrics/log_reader.hpp"
#include "core/pack/pack_loader.hpp"
#include "core/report/session_report.hpp"
#include "core/report/subtitles.hpp"

namespace lcs::obs {
namespace {
bool log_has_recording_stop(const std::string &log)
{
	bool found = false;
	metrics::read_session_log(log, {}, [&](const nlohmann::json &e) { found = found || e.value("type", "") == "recording_stop"; });
	return found;
}
} // namespace

SidecarWriter::SidecarWriter(std::chrono::milliseconds marker_wait) : marker_wait_(marker_wait) {}

SidecarWriter::~SidecarWriter()
{
	stop();
}

void SidecarWriter::enqueue(std::string log, std::string video)
{
	std::lock_guard lock(mutex_);
	if (stopping_) {
		lcs::log::logger()->warn("captions for {} not written: the module is unloading", video);
		return;
	}
	jobs_.push_back({std::move(log), std::move(video)});
	if (threads_.empty()) {
		threads_.emplace_back(&SidecarWriter::work, this);
		++threads_started_;
	}
	changed_.notify_all();
}

void SidecarWriter::stop()
{
	{
		std::lock_guard lock(mutex_);
		stopping_ = true;
		changed_.notify_all();
	}
	for (auto &t : threads_)
		if (t.joinable())
			t.join();
}

void SidecarWriter::work()
{
	std::unique_lock lock(mutex_);
	for (;;) {
		changed_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
		if (jobs_.empty())
			return; // stopping, nothing left
		const Job job = std::move(jobs_.front());
		jobs_.pop_front();
		// Wait for recording_stop to reach the log (the video thread logs it at its next tick,
		// the log writer writes it soon after); stop() ends the wait: nothing is logged any more.
		const auto deadline = std::chrono::steady_clock::now() + marker_wait_;
		while (!stopping_) {
			lock.unlock();
			const bool marked = log_has_recording_stop(job.log);
			lock.lock();
			if (marked || stopping_ ||
			    changed_.wait_until(lock, std::min(deadline, std::chrono::steady_clock::now() + std::chrono::milliseconds(50)),
						[&] { return stopping_; }) ||
			    std::chrono::steady_clock::now() >= deadline)
				break;
		}
		lock.unlock();
		try {
			write(job);
		} catch (const std::exception &e) {
			lcs::log::logger()->warn("could not write captions next to {}: {}", job.video, e.what());
		}
		lock.lock();
		++jobs_done_;
	}
}

void SidecarWriter::write(const Job &job)
{
	const auto report = report::build_report(job.log);
	const auto base = std::filesystem::u8path(job.video).replace_extension();
	auto write_file = [](const std::filesystem::path &path, const std::string &text) {
		std::ofstream out(path, std::ios::binary);
		out << text;
		return static_cast<bool>(out);
	};
	const auto vtt = std::filesystem::path(base).concat(".vtt");
	const auto chapters = std::filesystem::path(base).concat(".chapters.txt");
	if (write_file(vtt, report::to_webvtt(report)) && write_file(chapters, report::to_ffmetadata_chapters(report)))
		lcs::log::logger()->info("wrote {} and {}", pack::path_utf8(vtt), pack::path_utf8(chapters));
	else
		lcs::log::logger()->warn("could not write captions next to {}", job.video);
}

size_t SidecarWriter::threads_started() const
{
	std::lock_guard lock(mutex_);
	return threads_started_;
}

size_t SidecarWriter::jobs_done() const
{
	std::lock_guard lock(mutex_);
	return jobs_done_;
}

} // namespace lcs::obs
