// lcs keygen -o KEY [--force]: a minisign key pair for publishing a team library.
#include <iostream>

#include "app.hpp"
#include "commands/commands.hpp"
#include "core/library/error.hpp"
#include "core/library/key_files.hpp"
#include "core/library/minisign.hpp"

namespace lcs::cli {
namespace {
struct Options {
	std::string output;
	bool force = false;
};

// The base64 line of a public key file (what `minisign -P` and `lcs sync --trust` take).
std::string public_key_line(const library::PublicKey &key)
{
	const std::string file = library::format_public_key(key);
	const size_t nl = file.find('\n');
	return file.substr(nl + 1, file.size() - nl - 2);
}
} // namespace

void register_keygen(Application &application)
{
	auto o = std::make_shared<Options>();
	CLI::App *cmd = application.add_command(
		"keygen", "Make a key pair for publishing a team library: KEY (secret, unencrypted, mode 0600) and KEY.pub", [o]() {
			const library::SecretKey key = library::generate_secret_key();
			try {
				library::write_key_pair(key, o->output, o->force);
			} catch (const library::Error &e) {
				std::cerr << "lcs keygen: " << e.what() << '\n';
				return e.kind() == library::ErrorKind::Environment ? ExitCode::Environment : ExitCode::InputError;
			}
			const std::string pub = library::public_key_path_for(o->output).string();
			std::cout << "key id: " << key.id.hex() << '\n'
				  << "public key: " << public_key_line(key.public_part()) << '\n'
				  << "secret key: " << o->output << " (unencrypted: keep it secret; publish with --key " << o->output << ")\n"
				  << "public key file: " << pub << " (give it to the team: lcs sync SOURCE --trust " << pub << ")\n";
			return ExitCode::Ok;
		});
	cmd->footer("The files are minisign's: `minisign -S -s KEY` signs with KEY and `minisign -V -p KEY.pub` verifies.\n"
		    "An existing KEY or KEY.pub is refused (exit 1) unless --force; a file that cannot be written: exit 3.");
	cmd->add_option("-o,--output", o->output, "Secret key file to write (KEY.pub is written beside it)")->required();
	cmd->add_flag("--force", o->force, "Replace an existing KEY and KEY.pub");
}

} // namespace lcs::cli
