#include "core/pack/pack_loader.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/crypto/sha256.hpp"
#include "core/diag/text_position.hpp"
#include "core/pack/json_reader.hpp"
#include "core/pack/pack_reader.hpp"

namespace lcs::pack {
namespace {

diag::Diagnostic error_at(const std::string &name, std::string_view text, size_t offset, std::string message)
{
	const auto lc = diag::TextPositions(text).at(offset);
	return {diag::Severity::Error, {name, lc.line, lc.column}, std::move(message)};
}

/// nlohmann's message without its "[json.exception.parse_error.101] parse error at line 1, column 2: " prefix.
std::string syntax_message(const std::string &what)
{
	const auto colon = what.find(": ");
	std::string tail = colon == std::string::npos ? what : what.substr(colon + 2);
	return "JSON syntax error: " + tail;
}

} // namespace

std::string path_utf8(const std::filesystem::path &path)
{
	const auto u8 = path.u8string();
	return std::string(u8.begin(), u8.end());
}

LoadResult load_pack_text(std::string_view text, const std::string &name)
{
	LoadResult result;
	if (text.size() > kMaxPackBytes) {
		result.diagnostics.push_back({diag::Severity::Error, {name, 0, 0},
					      "file is " + std::to_string(text.size()) + " bytes; a pack may have at most " +
						      std::to_string(kMaxPackBytes) + " bytes"});
		return result;
	}
	if (const size_t nul = text.find('\0'); nul != std::string_view::npos) {
		result.diagnostics.push_back(error_at(name, text, nul, "binary data (NUL byte): not a text file"));
		return result;
	}
	if (const size_t bad = diag::first_invalid_utf8(text); bad != std::string_view::npos) {
		result.diagnostics.push_back(error_at(name, text, bad, "invalid UTF-8: packs must be UTF-8 text"));
		return result;
	}
	// A UTF-8 byte-order mark is tolerated (some Windows editors write one).
	size_t bom = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
	const std::string_view body = text.substr(bom);

	nlohmann::json document;
	try {
		document = nlohmann::json::parse(body.begin(), body.end(), nullptr, true, true);
	} catch (const nlohmann::json::parse_error &e) {
		const size_t offset = e.byte > 0 ? e.byte - 1 : 0;
		result.diagnostics.push_back(error_at(name, text, offset + bom, syntax_message(e.what())));
		return result;
	} catch (const nlohmann::json::out_of_range &e) {
		result.diagnostics.push_back(error_at(name, text, bom + overflow_offset(body, e.what()),
						      "a number too large for a double"));
		return result;
	}

	ReadContext ctx(name, text, result.diagnostics);
	if (ctx.locator().too_deep_offset() != std::string_view::npos) {
		result.diagnostics.push_back(error_at(name, text, ctx.locator().too_deep_offset(),
						      "nesting deeper than " + std::to_string(kMaxPackDepth) + " levels"));
		return result;
	}
	auto pack = read_pack(document, ctx);
	if (pack) {
		pack->path = name;
		pack->sha256 = crypto::sha256_hex(text);
		result.pack = std::move(pack);
	}
	return result;
}

LoadResult load_pack_file(const std::filesystem::path &path)
{
	const std::string name = path_utf8(path);
	std::error_code ec;
	const auto size = std::filesystem::file_size(path, ec);
	if (ec) {
		LoadResult r;
		r.diagnostics.push_back({diag::Severity::Error, {name, 0, 0}, "cannot read: " + ec.message()});
		return r;
	}
	if (size > kMaxPackBytes) {
		LoadResult r;
		r.diagnostics.push_back({diag::Severity::Error, {name, 0, 0},
					 "file is " + std::to_string(size) + " bytes; a pack may have at most " +
						 std::to_string(kMaxPackBytes) + " bytes"});
		return r;
	}
	std::ifstream in(path, std::ios::binary);
	std::ostringstream buffer;
	buffer << in.rdbuf();
	if (!in) {
		LoadResult r;
		r.diagnostics.push_back({diag::Severity::Error, {name, 0, 0}, "cannot read the file"});
		return r;
	}
	return load_pack_text(buffer.str(), name);
}

} // namespace lcs::pack
