#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include <util/config-file.h>

// The team libraries OBS knows, kept the OBS way: in OBS's user configuration (user.ini from OBS 31,
// global.ini before; section [LiveCommerceStudio], next to the desk's PackFiles). "Libraries" holds the list as JSON
// (source, trusted public key lines, the library id once a sync learned it); credentials live in
// their own key "LibraryCredentials" (JSON by source), are never logged and never shown again.
namespace lcs::obs::library {

struct LibraryEntry {
	std::string source;             // folder, file://, http(s)://, s3://bucket/prefix (no credentials)
	std::vector<std::string> trust; // public keys: the base64 line, or a .pub file's text
	std::string id;                 // the library id, once known
	int64_t pinned_version = 0;     // rolled back to this version (kept across OBS starts); 0: the newest

	bool operator==(const LibraryEntry &) const = default;
};

struct LibraryCredentials {
	std::string user;
	std::string password;
	std::string token; // bearer token (WebDAV / static host)
	[[nodiscard]] bool empty() const { return user.empty() && password.empty() && token.empty(); }
	bool operator==(const LibraryCredentials &) const = default;
};

/// One lock for every writer of OBS's global config from this module (the desk's settings, the
/// libraries): config_save_safe from two threads at once would race on the same temporary file.
std::mutex &config_mutex();

std::vector<LibraryEntry> load_library_entries(config_t *config);
void save_library_entries(config_t *config, const std::vector<LibraryEntry> &entries);

/// The credentials kept for a source; empty when none.
LibraryCredentials load_library_credentials(config_t *config, const std::string &source);
/// Keeps (or, when `credentials` is empty, forgets) a source's credentials and saves the file.
void save_library_credentials(config_t *config, const std::string &source, const LibraryCredentials &credentials);

} // namespace lcs::obs::library
