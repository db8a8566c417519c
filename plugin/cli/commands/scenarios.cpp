// lcs scenarios PATH…: the scenarios the packs define, one id a line.
#include <iostream>

#include "app.hpp"
#include "commands/commands.hpp"
#include "core/pack/library.hpp"
#include "core/pack/pack_loader.hpp"

namespace lcs::cli {

void register_scenarios(Application &application)
{
	auto paths = std::make_shared<std::vector<std::string>>();
	auto verbose = std::make_shared<bool>(false);
	CLI::App *cmd = application.add_command("scenarios", "List the scenarios that packs define, one id a line", [paths, verbose]() {
		diag::Diagnostics diagnostics;
		std::vector<std::filesystem::path> inputs;
		for (const auto &p : *paths)
			inputs.emplace_back(std::filesystem::u8path(p));
		bool failed = false;
		for (const auto &file : pack::expand_pack_paths(inputs, diagnostics)) {
			auto r = pack::load_pack_file(file);
			for (const auto &d : r.diagnostics)
				if (d.severity == diag::Severity::Error) {
					std::cerr << d.to_string() << '\n';
					failed = true;
				}
			if (!r.ok())
				continue;
			for (const auto &s : r.pack->scenarios) {
				std::cout << s.id;
				if (*verbose)
					std::cout << '\t' << s.name << '\t' << s.duration_seconds << " s\t" << r.pack->meta.id;
				std::cout << '\n';
			}
		}
		for (const auto &d : diagnostics)
			if (d.severity == diag::Severity::Error) {
				std::cerr << d.to_string() << '\n';
				failed = true;
			}
		return failed ? ExitCode::InputError : ExitCode::Ok;
	});
	cmd->add_option("paths", *paths, "Pack files or folders")->required();
	cmd->add_flag("-v,--verbose", *verbose, "Also print name, duration and pack");
}

} // namespace lcs::cli
