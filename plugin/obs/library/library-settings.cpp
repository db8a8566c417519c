#include "library/library-settings.hpp"

#include <nlohmann/json.hpp>

namespace lcs::obs::library {
namespace {

constexpr const char *kSection = "LiveCommerceStudio";
constexpr const char *kEntriesKey = "Libraries";
constexpr const char *kCredentialsKey = "LibraryCredentials";

nlohmann::json read_json(config_t *config, const char *name)
{
	const char *value = config_get_string(config, kSection, name);
	return nlohmann::json::parse(value ? value : "", nullptr, false);
}

std::string string_field(const nlohmann::json &object, const char *name)
{
	const auto it = object.find(name);
	return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

std::mutex &config_mutex()
{
	static std::mutex mutex;
	return mutex;
}

std::vector<LibraryEntry> load_library_entries(config_t *config)
{
	std::vector<LibraryEntry> entries;
	if (!config)
		return entries;
	std::lock_guard lock(config_mutex());
	const auto list = read_json(config, kEntriesKey);
	if (!list.is_array())
		return entries;
	for (const auto &item : list) {
		if (!item.is_object())
			continue;
		LibraryEntry e;
		e.source = string_field(item, "source");
		e.id = string_field(item, "id");
		if (const auto v = item.find("version"); v != item.end() && v->is_number_integer() && v->get<int64_t>() > 0)
			e.pinned_version = v->get<int64_t>();
		if (const auto trust = item.find("trust"); trust != item.end() && trust->is_array())
			for (const auto &k : *trust)
				if (k.is_string())
					e.trust.push_back(k.get<std::string>());
		if (!e.source.empty())
			entries.push_back(std::move(e));
	}
	return entries;
}

void save_library_entries(config_t *config, const std::vector<LibraryEntry> &entries)
{
	if (!config)
		return;
	auto list = nlohmann::json::array();
	for (const auto &e : entries)
	{
		nlohmann::json item = {{"source", e.source}, {"trust", e.trust}, {"id", e.id}};
		if (e.pinned_version > 0)
			item["version"] = e.pinned_version;
		list.push_back(std::move(item));
	}
	std::lock_guard lock(config_mutex());
	config_set_string(config, kSection, kEntriesKey, list.dump().c_str());
	config_save_safe(config, "tmp", nullptr);
}

LibraryCredentials load_library_credentials(config_t *config, const std::string &source)
{
	LibraryCredentials c;
	if (!config)
		return c;
	std::lock_guard lock(config_mutex());
	const auto all = read_json(config, kCredentialsKey);
	if (!all.is_object())
		return c;
	const auto it = all.find(source);
	if (it == all.end() || !it->is_object())
		return c;
	c.user = string_field(*it, "user");
	c.password = string_field(*it, "password");
	c.token = string_field(*it, "token");
	return c;
}

void save_library_credentials(config_t *config, const std::string &source, const LibraryCredentials &credentials)
{
	if (!config)
		return;
	std::lock_guard lock(config_mutex());
	auto all = read_json(config, kCredentialsKey);
	if (!all.is_object())
		all = nlohmann::json::object();
	if (credentials.empty())
		all.erase(source);
	else
		all[source] = {{"user", credentials.user}, {"password", credentials.password}, {"token", credentials.token}};
	config_set_string(config, kSection, kCredentialsKey, all.dump().c_str());
	config_save_safe(config, "tmp", nullptr);
}

} // namespace lcs::obs::library
