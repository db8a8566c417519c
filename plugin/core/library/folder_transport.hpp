#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "core/library/transport.hpp"

namespace lcs::library {

/// A library in a local or mounted folder (a shared drive). Create-only writes go to a temporary
/// file in the same folder, fsync'ed, then link(2)ed to the final name (an existing name makes
/// link fail with EEXIST: nothing changed); on a file system without hard links, O_EXCL.
/// Replace: temporary file + fsync + rename. ETags are the file's size and modification time,
/// so an unchanged index answers NotModified without being read.
class FolderTransport final : public Transport {
public:
	explicit FolderTransport(std::filesystem::path root);

	[[nodiscard]] std::string describe() const override;
	FetchResult fetch(const FetchRequest &request, const std::string &if_none_match = {}) override;
	void fetch_many(const std::vector<FetchRequest> &requests,
			const std::function<void(size_t, FetchResult &&)> &on_done) override;
	bool exists(const std::string &path) override;
	bool create(const std::string &path, std::string_view bytes) override;
	void replace(const std::string &path, std::string_view bytes) override;
	[[nodiscard]] uint64_t request_count() const override { return requests_; }

private:
	[[nodiscard]] std::filesystem::path full_path(const std::string &path) const;
	[[nodiscard]] std::string where(const std::string &path) const;
	std::filesystem::path write_temp(const std::filesystem::path &final_path, std::string_view bytes,
					 const std::string &path) const;

	std::filesystem::path root_;
	std::atomic<uint64_t> requests_{0};
};

/// A folder path or a file:// URL (file:///srv/lib, file://localhost/srv/lib; %-escapes decoded).
std::unique_ptr<Transport> open_folder_transport(const std::string &location);

} // namespace lcs::library
