// lcs publish PACK_OR_FOLDER… --to TARGET --key KEY [--trust PUBKEY…] [--library ID] [--message TEXT]: the packs as
// the library's next version (contract.md sections 3 and 5).
#include <iostream>

#include "app.hpp"
#include "commands/commands.hpp"
#include "core/library/minisign.hpp"
#include "core/library/publish.hpp"

namespace lcs::cli {
namespace {

struct Options {
	std::vector<std::string> packs;
	std::string to;
	std::string key;
	std::string library;
	std::string message;
	std::string endpoint;
	std::vector<std::string> trust;
};

void print_paths(const char *label, const std::vector<std::string> &paths)
{
	for (const auto &p : paths)
		std::cout << "  " << label << ' ' << p << '\n';
}

ExitCode run_publish(const Options &o)
{
	library::PublishOptions options;
	for (const auto &p : o.packs)
		options.packs.push_back(std::filesystem::u8path(p));
	options.key = library::load_secret_key_file(o.key);
	for (const auto &t : o.trust)
		options.trusted.push_back(library::load_public_key(t));
	options.library = o.library;
	options.message = o.message;
	library::TransportOptions transport_options;
	transport_options.s3_endpoint = o.endpoint;
	auto target = library::open_transport(o.to, transport_options);
	const auto r = library::publish_library(*target, options);
	if (r.unchanged) {
		std::cout << "nothing changed since version " << r.version << " of " << r.library << " at "
			  << target->describe() << ": nothing published\n";
		return ExitCode::Ok;
	}
	std::cout << "published version " << r.version << " of " << r.library << " to " << target->describe() << '\n'
		  << "  publisher " << r.publisher << ", " << r.published_at << '\n'
		  << "  packs: " << r.added.size() << " added, " << r.changed.size() << " changed, " << r.removed.size()
		  << " removed\n";
	print_paths("+", r.added);
	print_paths("~", r.changed);
	print_paths("-", r.removed);
	std::cout << "  objects: " << r.objects_uploaded << " uploaded, " << r.objects_present << " already there\n";
	return ExitCode::Ok;
}

} // namespace

void register_publish(Application &application)
{
	auto o = std::make_shared<Options>();
	CLI::App *cmd = application.add_command(
		"publish",
		"Publish packs as a team library's next version: validates them, uploads what the library lacks, "
		"writes the new snapshot create-only and the signed index last",
		[o]() { return run_publish(*o); });
	cmd->add_option("packs", o->packs, "Pack files or folders (paths in the library are relative to the folder)")
		->required();
	cmd->add_option("--to", o->to,
			"The library: a folder or file:// URL, http(s):// (WebDAV), s3://bucket/prefix. Credentials from "
			"LCS_LIBRARY_TOKEN, LCS_LIBRARY_USER/LCS_LIBRARY_PASSWORD, ~/.netrc or AWS_* variables")
		->required();
	cmd->add_option("--key", o->key, "Your minisign secret key file (lcs keygen, or minisign -G -W)")->required();
	cmd->add_option("--trust", o->trust,
			"The other coaches' public keys (.pub files or key lines): the library's index must be signed by "
			"your key or one of these");
	cmd->add_option("--library", o->library, "Id of a new library (only for its first version)");
	cmd->add_option("--message", o->message, "What changed, shown by lcs library log and in OBS");
	cmd->add_option("--endpoint", o->endpoint, "S3 only: the endpoint URL (e.g. https://oss-cn-hangzhou.aliyuncs.com)");
}

} // namespace lcs::cli
