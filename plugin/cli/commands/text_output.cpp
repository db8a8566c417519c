#include "commands/text_output.hpp"

#include <fstream>
#include <iostream>

namespace lcs::cli {

ExitCode write_text_output(const std::string &text, const std::string &path, const char *command)
{
	if (path.empty() || path == "-") {
		std::cout << text;
		return ExitCode::Ok;
	}
	std::ofstream out(path, std::ios::binary);
	out << text;
	out.close();
	if (!out) {
		std::cerr << "lcs " << command << ": cannot write " << path << '\n';
		return ExitCode::Environment;
	}
	return ExitCode::Ok;
}

} // namespace lcs::cli
