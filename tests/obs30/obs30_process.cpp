#include "obs30_process.hpp"

#include <cstdlib>
#include <filesystem>

#include <link.h>

namespace lcs::test {

std::string real_path(const std::string &path)
{
	std::error_code ec;
	const auto canonical = std::filesystem::canonical(path, ec);
	return ec ? path : canonical.string();
}

std::vector<std::string> loaded_objects(const std::string &needle)
{
	struct Search {
		const std::string *needle;
		std::vector<std::string> found;
	} search{&needle, {}};
	dl_iterate_phdr(
		[](dl_phdr_info *info, size_t, void *data) {
			auto *s = static_cast<Search *>(data);
			const std::string name = info->dlpi_name ? info->dlpi_name : "";
			if (!name.empty() && std::filesystem::path(name).filename().string().find(*s->needle) != std::string::npos)
				s->found.push_back(real_path(name));
			return 0;
		},
		&search);
	return search.found;
}

std::string env_or_default(const char *name, const std::string &fallback)
{
	const char *v = std::getenv(name);
	return v && *v ? std::string(v) : fallback;
}

} // namespace lcs::test
