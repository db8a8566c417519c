// lcs sync SOURCE --trust PUBKEY… [--cache DIR] [--version N]: a team library's newest (or version N)
// trusted version into the local cache (contract.md sections 3 and 5).
#include <iostream>
#include <unistd.h>

#include "app.hpp"
#include "commands/commands.hpp"
#include "core/library/minisign.hpp"
#include "core/library/cache.hpp"
#include "core/library/sync.hpp"
#include "core/pack/pack_loader.hpp"

namespace lcs::cli {
namespace {

struct Options {
	std::string source;
	std::vector<std::string> trust;
	std::string cache;
	std::optional<int64_t> version;
	std::string endpoint;
};

ExitCode run_sync(const Options &o)
{
	library::SyncOptions options;
	for (const auto &t : o.trust)
		options.trusted.push_back(library::load_public_key(t));
	options.cache_dir = o.cache.empty() ? library::default_cache_dir() : std::filesystem::u8path(o.cache);
	options.version = o.version;
	const bool tty = isatty(STDERR_FILENO) != 0;
	if (tty)
		options.on_progress = [](size_t done, size_t total) {
			std::cerr << "\r  " << done << "/" << total << " objects verified" << (done == total ? "\n" : "")
				  << std::flush;
		};
	library::TransportOptions transport_options;
	transport_options.s3_endpoint = o.endpoint;
	auto source = library::open_transport(o.source, transport_options);
	const auto r = library::sync_library(*source, options);
	if (!r.changed)
		std::cout << "already up to date: ";
	else
		std::cout << "synced: ";
	std::cout << "version " << r.version << " of " << r.library << " from " << source->describe() << '\n'
		  << "  published by " << r.publisher << " at " << r.published_at;
	if (!r.message.empty())
		std::cout << ": " << r.message;
	std::cout << '\n'
		  << "  " << r.packs.size() << " pack(s) in " << pack::path_utf8(r.current_dir) << '\n';
	if (r.changed)
		std::cout << "  " << r.bytes_downloaded << " bytes downloaded, " << r.requests << " request(s)\n";
	return ExitCode::Ok;
}

} // namespace

void register_sync(Application &application)
{
	auto o = std::make_shared<Options>();
	CLI::App *cmd = application.add_command(
		"sync",
		"Bring a team library's newest trusted version (or --version N) into the local cache; exit 1 when "
		"integrity fails, 3 when the source cannot be reached (the cache is then unchanged)",
		[o]() { return run_sync(*o); });
	cmd->add_option("source", o->source, "The library: a folder or file:// URL, http(s)://, s3://bucket/prefix")
		->required();
	cmd->add_option("--trust", o->trust, "The coaches' public keys (.pub files or key lines); at least one")
		->required();
	cmd->add_option("--cache", o->cache,
			"The cache folder (default: $LCS_LIBRARY_CACHE, else ~/.cache/live-commerce-studio/libraries); "
			"packs land in DIR/<library>/current/");
	cmd->add_option("--version", o->version, "Use this version (kept in the cache, or still published): a roll back")
		->check(CLI::PositiveNumber);
	cmd->add_option("--endpoint", o->endpoint, "S3 only: the endpoint URL");
}

} // namespace lcs::cli
