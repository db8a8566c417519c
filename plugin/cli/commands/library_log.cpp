// lcs library log SOURCE_OR_CACHE [--trust PUBKEY…] [--format text|json]: a library's versions.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app.hpp"
#include "commands/commands.hpp"
#include "core/library/error.hpp"
#include "core/library/format.hpp"
#include "core/library/history.hpp"
#include "core/library/transport.hpp"

namespace lcs::cli {
namespace {

namespace fs = std::filesystem;

struct Options {
	std::string location;
	std::vector<std::string> trust;
	std::string format = "text";
	std::string endpoint;
};

// A library's folder in a cache (versions/, no index.json) rather than a library itself.
bool is_cache_folder(const std::string &location)
{
	std::error_code ec;
	return location.find("://") == std::string::npos && fs::is_directory(fs::path(location) / "versions", ec) &&
	       !fs::exists(fs::path(location) / library::kIndexPath, ec);
}

// The cache root (one folder per library, each with state.json): say which ids to pick from.
std::vector<std::string> cached_ids(const std::string &location)
{
	std::vector<std::string> ids;
	std::error_code ec;
	if (location.find("://") != std::string::npos || !fs::is_directory(location, ec) || fs::exists(fs::path(location) / library::kIndexPath, ec))
		return ids;
	for (const auto &entry : fs::directory_iterator(location, ec))
		if (fs::exists(entry.path() / "state.json", ec))
			ids.push_back(entry.path().filename().string());
	std::sort(ids.begin(), ids.end());
	return ids;
}

// Text from a library for a terminal: control characters (escape sequences) shown as '?'.
std::string printable(const std::string &text)
{
	std::string out;
	for (const char c : text)
		out += (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F ? '?' : c;
	return out;
}

std::string list(const std::vector<std::string> &paths)
{
	if (paths.empty())
		return "-";
	std::string out;
	for (const auto &p : paths)
		out += (out.empty() ? "" : ", ") + printable(p);
	return out;
}

std::string as_text(const std::vector<library::VersionEntry> &versions)
{
	std::string out;
	for (const auto &v : versions) {
		if (!out.empty())
			out += '\n';
		out += "version " + std::to_string(v.version) + "  " + printable(v.published_at) + "  publisher " + printable(v.publisher) + "\n";
		out += "    " + (v.message.empty() ? std::string("(no message)") : printable(v.message)) + "\n";
		out += "    packs: " + std::to_string(v.packs.size()) + "\n";
		if (!v.diff_known) {
			out += "    changes: unknown (version " + std::to_string(v.version - 1) + " is not at hand)\n";
			continue;
		}
		out += "    added: " + list(v.added) + "\n";
		out += "    changed: " + list(v.changed) + "\n";
		out += "    removed: " + list(v.removed) + "\n";
	}
	return out;
}

std::string as_json(const std::vector<library::VersionEntry> &versions, const std::string &source)
{
	nlohmann::ordered_json doc;
	doc["source"] = source;
	auto list_json = nlohmann::ordered_json::array();
	for (const auto &v : versions) {
		nlohmann::ordered_json e;
		e["version"] = v.version;
		e["published_at"] = v.published_at;
		e["publisher"] = v.publisher;
		e["message"] = v.message;
		e["packs"] = v.packs;
		e["diff_known"] = v.diff_known;
		e["added"] = v.added;
		e["changed"] = v.changed;
		e["removed"] = v.removed;
		list_json.push_back(std::move(e));
	}
	doc["versions"] = std::move(list_json);
	return doc.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

ExitCode run_log(const Options &o)
{
	std::vector<library::VersionEntry> versions;
	std::string source = o.location;
	if (is_cache_folder(o.location)) {
		if (!o.trust.empty())
			std::cerr << "lcs library log: " << o.location << " is a cache (verified when it was synced): --trust is not needed\n";
		versions = library::library_log_from_cache(o.location);
	} else if (const auto ids = cached_ids(o.location); !ids.empty()) {
		std::string names;
		for (const auto &id : ids)
			names += "\n  " + (fs::path(o.location) / id).string();
		std::cerr << "lcs library log: " << o.location << " is a cache of several libraries; name one:" << names << '\n';
		return ExitCode::UsageError;
	} else {
		std::vector<library::PublicKey> trusted;
		for (const auto &t : o.trust)
			trusted.push_back(library::load_public_key(t));
		library::TransportOptions options;
		options.s3_endpoint = o.endpoint;
		const auto transport = library::open_transport(o.location, options);
		source = transport->describe();
		versions = library::library_log(*transport, trusted);
	}
	std::cout << (o.format == "json" ? as_json(versions, source) : as_text(versions));
	return ExitCode::Ok;
}

} // namespace

void register_library(Application &application)
{
	auto o = std::make_shared<Options>();
	// `log` is the one subcommand so far (required), so the handler is its.
	CLI::App *lib = application.add_command("library", "Team script libraries: library log", [o]() { return run_log(*o); });
	lib->require_subcommand(1, 1);
	CLI::App *log = lib->add_subcommand("log", "List a library's versions: number, time, publisher key id, message, packs added/changed/removed");
	log->add_option("source", o->location,
			"The library (folder, file://, http(s)://, s3://bucket/prefix) or its folder in a cache (<cache>/<library id>)")
		->required();
	log->add_option("--trust", o->trust, "Public key(s) (file or base64 line): the index's signature is then checked (exit 1 if not)");
	log->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
	log->add_option("--endpoint", o->endpoint, "s3:// only: the S3-compatible endpoint URL");
	log->footer("Snapshots are walked back through their parent hashes, each checked. Exit 1: a snapshot, the signature or the\n"
		    "index is wrong; 3: the source cannot be reached.");
}

} // namespace lcs::cli
