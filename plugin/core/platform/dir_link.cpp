#include "core/platform/dir_link.hpp"

#include <random>
#include <string>
#include <system_error>

namespace lcs::platform {
namespace fs = std::filesystem;

namespace {

fs::path temporary_sibling(const fs::path &path, const char *tag)
{
	std::random_device random;
	const auto suffix = std::to_string(random()) + std::to_string(random());
	return path.parent_path() / (path.filename().string() + tag + suffix);
}

void copy_folder_over(const fs::path &link, const fs::path &source)
{
	const fs::path fresh = temporary_sibling(link, ".copy-");
	fs::copy(source, fresh, fs::copy_options::recursive);
	std::error_code ec;
	const fs::path old = temporary_sibling(link, ".old-");
	const bool had_old = fs::exists(fs::symlink_status(link, ec));
	if (had_old)
		fs::rename(link, old);
	try {
		fs::rename(fresh, link);
	} catch (const fs::filesystem_error &) {
		if (had_old)
			fs::rename(old, link, ec);
		fs::remove_all(fresh, ec);
		throw;
	}
	if (had_old)
		fs::remove_all(old, ec);
}

} // namespace

void point_link_at(const fs::path &link, const fs::path &target)
{
#if defined(_WIN32)
	constexpr bool kTrySymlink = false; // needs developer mode or an elevated process
#else
	constexpr bool kTrySymlink = true;
#endif
	if (kTrySymlink) {
		const fs::path temp = temporary_sibling(link, ".new-");
		std::error_code ec;
		fs::create_directory_symlink(target, temp, ec);
		if (!ec) {
			try {
				fs::rename(temp, link); // rename(2) replaces a symlink in one step
			} catch (const fs::filesystem_error &) {
				fs::remove(temp, ec);
				throw;
			}
			return;
		}
	}
	copy_folder_over(link, link.parent_path() / target);
}

fs::path link_target(const fs::path &link)
{
	std::error_code ec;
	if (!fs::is_symlink(fs::symlink_status(link, ec)))
		return {};
	auto target = fs::read_symlink(link, ec);
	return ec ? fs::path{} : target;
}

void link_or_copy_file(const fs::path &from, const fs::path &to)
{
	std::error_code ec;
	fs::create_hard_link(from, to, ec);
	if (!ec)
		return;
	fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

} // namespace lcs::platform
