#include "core/library/body_sink.hpp"

#include <algorithm>

namespace lcs::library {

BodySink::BodySink(const FetchRequest &request, std::string where)
	: where_(std::move(where)), max_bytes_(request.max_bytes), exact_size_(request.exact_size)
{
	if (max_bytes_ != 0)
		limit_ = max_bytes_;
	if (exact_size_)
		limit_ = std::min(limit_, *exact_size_);
}

Error BodySink::over_limit(uint64_t size, bool declared) const
{
	const std::string amount = declared ? "declares " + std::to_string(size) + " bytes"
					    : "sent more than " + std::to_string(limit_) + " bytes";
	if (exact_size_ && *exact_size_ == limit_)
		return Error(ErrorKind::Integrity, where_ + ": " + amount + ", but it should be exactly " +
							   std::to_string(*exact_size_) + " bytes");
	return Error(ErrorKind::Integrity,
		     where_ + ": " + amount + ", over the cap of " + std::to_string(max_bytes_) + " bytes");
}

bool BodySink::append(const char *data, size_t size)
{
	if (error_)
		return false;
	if (size > limit_ - received_) {
		error_ = over_limit(received_ + size, false);
		return false;
	}
	body_.append(data, size);
	received_ += size;
	return true;
}

void BodySink::check_declared(uint64_t declared) const
{
	if (declared > limit_)
		throw over_limit(declared, true);
}

bool BodySink::accept_declared(uint64_t declared)
{
	if (declared <= limit_)
		return true;
	error_ = over_limit(declared, true);
	return false;
}

void BodySink::finish() const
{
	if (error_)
		throw *error_;
	if (exact_size_ && received_ < *exact_size_)
		throw Error(ErrorKind::Integrity, where_ + ": truncated: " + std::to_string(received_) + " of " +
							  std::to_string(*exact_size_) + " bytes");
}

void BodySink::reset()
{
	body_.clear();
	received_ = 0;
	error_.reset();
}

} // namespace lcs::library
