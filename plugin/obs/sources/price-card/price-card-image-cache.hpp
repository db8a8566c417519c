#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>

#include <QImage>

namespace lcs::obs {

// The pinned product's picture for the price card: decoded once per file (keyed by path, size
// and modification time, so an edited image is picked up) and smooth-scaled once per size, not
// at every repaint. One per price card; used by its paint jobs only (the painter thread).
class PriceCardImageCache {
public:
	/// The picture scaled to fit side × side (aspect kept), or null when the file is missing or
	/// not an image.
	const QImage *picture(const std::string &path, int side);

	/// How often a file was decoded and a picture scaled (instrumentation for tests and logs;
	/// any thread).
	[[nodiscard]] uint64_t decodes() const { return decodes_.load(std::memory_order_relaxed); }
	[[nodiscard]] uint64_t scales() const { return scales_.load(std::memory_order_relaxed); }

private:
	std::string path_;
	uintmax_t size_ = 0;
	std::filesystem::file_time_type modified_{};
	bool decoded_ = false;
	QImage original_;
	int side_ = -1;
	QImage scaled_;
	std::atomic<uint64_t> decodes_{0};
	std::atomic<uint64_t> scales_{0};
};

} // namespace lcs::obs
