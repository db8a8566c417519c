#include "commands/library_cli.hpp"

#include <filesystem>
#include <iostream>
#include <system_error>

#include "core/library/cache_store.hpp"
#include "core/pack/pack_loader.hpp"

namespace lcs::cli {
namespace fs = std::filesystem;

namespace {

std::string read_key_file(const std::string &file)
{
	try {
		return library::cache_store::read_file(fs::u8path(file), 64 * 1024);
	} catch (const library::Error &e) {
		throw library::Error(library::ErrorKind::Input, e.what());
	}
}

} // namespace

ExitCode exit_code_of(library::ErrorKind kind)
{
	switch (kind) {
	case library::ErrorKind::Integrity:
	case library::ErrorKind::Input:
	case library::ErrorKind::Conflict:
		return ExitCode::InputError;
	case library::ErrorKind::Unreachable:
	case library::ErrorKind::Environment:
		return ExitCode::Environment;
	}
	return ExitCode::Environment;
}

ExitCode run_library_command(const std::string &command, const std::function<ExitCode()> &body)
{
	try {
		return body();
	} catch (const library::Error &e) {
		std::cerr << "lcs " << command << ": " << e.what() << '\n';
		return exit_code_of(e.kind());
	}
}

library::PublicKey read_public_key(const std::string &file_or_key)
{
	std::error_code ec;
	if (fs::is_regular_file(fs::u8path(file_or_key), ec))
		return library::parse_public_key(read_key_file(file_or_key), file_or_key);
	if (file_or_key.find('/') == std::string::npos && file_or_key.size() >= 40 && file_or_key.size() <= 64 &&
	    file_or_key.rfind("RW", 0) == 0)
		return library::parse_public_key(file_or_key, "--trust " + file_or_key);
	throw library::Error(library::ErrorKind::Input,
			     "--trust " + file_or_key + ": no such public key file (give a .pub file or its key line)");
}

library::SecretKey read_secret_key(const std::string &file)
{
	return library::parse_secret_key(read_key_file(file), file);
}

} // namespace lcs::cli
