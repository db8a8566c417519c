#include "commands/rubric_choice.hpp"

#include <filesystem>
#include <iostream>

#include "core/report/rubric_file.hpp"
#include "data_dir.hpp"

namespace lcs::cli {

RubricChoice choose_rubric(const std::string &command, const std::string &rubric_option, const std::string &data_option)
{
	RubricChoice choice;
	std::filesystem::path file = std::filesystem::u8path(rubric_option);
	if (rubric_option.empty()) {
		const auto lookup = look_up_data_dir(data_option);
		file = default_rubric(lookup);
		if (file.empty()) {
			std::cerr << missing_rubric_message(command, lookup) << '\n';
			choice.failure = ExitCode::Environment;
			return choice;
		}
	}
	diag::Diagnostics problems;
	choice.rubric = report::read_rubric_file(file, problems);
	for (const auto &p : problems)
		std::cerr << p.to_string() << '\n';
	if (!choice.rubric)
		choice.failure = ExitCode::InputError;
	return choice;
}

} // namespace lcs::cli
