#include "sources/price-card/price-card-image-cache.hpp"

#include <system_error>

#include <QString>

namespace lcs::obs {

const QImage *PriceCardImageCache::picture(const std::string &path, int side)
{
	std::error_code ec;
	const auto file = std::filesystem::u8path(path);
	const uintmax_t size = std::filesystem::file_size(file, ec);
	const auto modified = ec ? std::filesystem::file_time_type{} : std::filesystem::last_write_time(file, ec);
	if (ec) {
		// Missing (or unreadable) now: forget it, so it is read again once it is back.
		decoded_ = false;
		original_ = QImage();
		scaled_ = QImage();
		side_ = -1;
		return nullptr;
	}
	if (!decoded_ || path != path_ || size != size_ || modified != modified_) {
		path_ = path;
		size_ = size;
		modified_ = modified;
		decoded_ = true;
		original_ = QImage(QString::fromStdString(path)); // UTF-8
		decodes_.fetch_add(1, std::memory_order_relaxed);
		scaled_ = QImage();
		side_ = -1;
	}
	if (original_.isNull() || side <= 0)
		return nullptr;
	if (side != side_) {
		scaled_ = original_.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
		scales_.fetch_add(1, std::memory_order_relaxed);
		side_ = side;
	}
	return &scaled_;
}

} // namespace lcs::obs
