#include "core/session/host_speech.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/pack/pack_loader.hpp"

namespace lcs::session {
namespace {

bool starts_with_any(std::string_view s, size_t i, std::initializer_list<std::string_view> marks, size_t &length)
{
	for (const auto mark : marks)
		if (s.substr(i, mark.size()) == mark) {
			length = mark.size();
			return true;
		}
	return false;
}

std::string_view trim(std::string_view s)
{
	while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
		s.remove_prefix(1);
	while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
		s.remove_suffix(1);
	return s;
}

} // namespace

int64_t code_points(std::string_view text)
{
	int64_t n = 0;
	for (const unsigned char c : text)
		n += (c & 0xC0) != 0x80 ? 1 : 0;
	return n;
}

std::vector<std::string> split_sentences(std::string_view text)
{
	std::vector<std::string> out;
	size_t start = 0;
	auto cut = [&](size_t end) {
		const auto sentence = trim(text.substr(start, end - start));
		if (!sentence.empty())
			out.emplace_back(sentence);
		start = end;
	};
	for (size_t i = 0; i < text.size();) {
		size_t length = 0;
		if (starts_with_any(text, i, {"。", "！", "？", "；", "…", "!", "?", ";"}, length)) {
			i += length;
			// A run of closing marks (？！, ……, "!!") and a closing quote stay with the sentence.
			while (i < text.size() && starts_with_any(text, i, {"。", "！", "？", "…", "!", "?", "」", "”", "\""}, length))
				i += length;
			cut(i);
		} else if (text[i] == '.' && (i + 1 == text.size() || text[i + 1] == ' ')) {
			++i;
			cut(i);
		} else {
			++i;
		}
	}
	cut(text.size());
	return out;
}

double speaking_pace(const std::string &language)
{
	return language.rfind("zh", 0) == 0 ? 270.0 : 900.0;
}

void HostSpeech::read(std::string_view text, double chars_per_minute, int64_t now_ms)
{
	sentences_ = split_sentences(text);
	due_ms_.clear();
	const double ms_per_char = chars_per_minute > 0 ? 60'000.0 / chars_per_minute : 0;
	double due = 0;
	for (const auto &s : sentences_) {
		due += static_cast<double>(code_points(s)) * ms_per_char;
		due_ms_.push_back(due);
	}
	next_ = 0;
	read_ms_ = 0;
	last_ms_ = now_ms;
}

std::vector<std::string> HostSpeech::step(int64_t now_ms, bool talking)
{
	std::vector<std::string> said;
	if (talking && now_ms > last_ms_)
		read_ms_ += static_cast<double>(now_ms - last_ms_);
	last_ms_ = now_ms;
	while (next_ < sentences_.size() && read_ms_ >= due_ms_[next_])
		said.push_back(sentences_[next_++]);
	return said;
}

std::vector<std::string> load_ad_libs(const std::filesystem::path &audience_dir, const std::string &language,
				      diag::Diagnostics &out)
{
	const auto path = audience_dir / std::filesystem::u8path("host." + language + ".json");
	const std::string name = pack::path_utf8(path);
	std::ifstream in(path, std::ios::binary);
	if (!in) {
		out.push_back({diag::Severity::Error, {name, 0, 0}, "cannot read"});
		return {};
	}
	std::ostringstream text;
	text << in.rdbuf();
	const auto j = nlohmann::json::parse(text.str(), nullptr, false, true);
	if (j.is_discarded() || !j.is_object() || j.value("format", "") != "lcs.host-lines/1" || !j.contains("ad_libs") ||
	    !j["ad_libs"].is_array()) {
		out.push_back({diag::Severity::Error, {name, 0, 0}, "not a valid lcs.host-lines/1 file (an \"ad_libs\" array of strings)"});
		return {};
	}
	std::vector<std::string> lines;
	for (const auto &line : j["ad_libs"])
		if (line.is_string() && !line.get_ref<const std::string &>().empty())
			lines.push_back(line.get<std::string>());
	return lines;
}

} // namespace lcs::session
