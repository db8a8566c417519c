#pragma once

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/library/error.hpp"

// Shared by the transport tests against real servers (label net).
namespace lcs::test {

/// A fresh folder under the temp dir, removed at the end.
class TempFolder {
public:
	explicit TempFolder(const std::string &name)
	{
		const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
		path_ = std::filesystem::temp_directory_path() /
			("lcs-net-" + std::string(info ? info->name() : "x") + "-" + name + "-" + std::to_string(::getpid()));
		std::filesystem::remove_all(path_);
		std::filesystem::create_directories(path_);
	}
	~TempFolder() { std::filesystem::remove_all(path_); }
	[[nodiscard]] const std::filesystem::path &path() const { return path_; }
	[[nodiscard]] std::string str() const { return path_.string(); }

private:
	std::filesystem::path path_;
};

/// Sets (or with nullopt, unsets) an environment variable for a scope.
class EnvVar {
public:
	EnvVar(const char *name, std::optional<std::string> value) : name_(name)
	{
		if (const char *old = std::getenv(name))
			old_ = old;
		if (value)
			::setenv(name, value->c_str(), 1);
		else
			::unsetenv(name);
	}
	~EnvVar()
	{
		if (old_)
			::setenv(name_, old_->c_str(), 1);
		else
			::unsetenv(name_);
	}

private:
	const char *name_;
	std::optional<std::string> old_;
};

inline std::string read_file(const std::filesystem::path &path)
{
	std::ifstream in(path, std::ios::binary);
	std::stringstream text;
	text << in.rdbuf();
	return text.str();
}

inline void write_file(const std::filesystem::path &path, const std::string &bytes)
{
	std::filesystem::create_directories(path.parent_path());
	std::ofstream(path, std::ios::binary) << bytes;
}

/// The JSON lines of a request log (lcs_servers.py --log).
inline std::vector<nlohmann::json> read_jsonl(const std::filesystem::path &path)
{
	std::vector<nlohmann::json> lines;
	std::ifstream in(path);
	for (std::string line; std::getline(in, line);)
		if (!line.empty())
			lines.push_back(nlohmann::json::parse(line));
	return lines;
}

/// A request's header (case-insensitive name), or nullopt.
inline std::optional<std::string> header_of(const nlohmann::json &request, const std::string &name)
{
	for (const auto &pair : request.at("headers")) {
		std::string key = pair.at(0).get<std::string>();
		for (auto &c : key)
			c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
		if (key == name)
			return pair.at(1).get<std::string>();
	}
	return std::nullopt;
}

/// Every file under `root` (relative, '/'-separated), sorted.
inline std::vector<std::string> files_under(const std::filesystem::path &root)
{
	std::vector<std::string> names;
	for (const auto &entry : std::filesystem::recursive_directory_iterator(root))
		if (entry.is_regular_file())
			names.push_back(std::filesystem::relative(entry.path(), root).generic_string());
	std::sort(names.begin(), names.end());
	return names;
}

/// Runs `call`, which must throw lcs::library::Error; its kind, and the message in *message.
inline library::ErrorKind error_kind(const std::function<void()> &call, std::string *message = nullptr)
{
	try {
		call();
	} catch (const library::Error &error) {
		if (message)
			*message = error.what();
		return error.kind();
	}
	ADD_FAILURE() << "no lcs::library::Error thrown";
	return library::ErrorKind::Environment;
}

} // namespace lcs::test
