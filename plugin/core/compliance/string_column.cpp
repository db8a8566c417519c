#include "core/compliance/string_column.hpp"

#include <cstdint>

namespace lcs::compliance {
namespace {

bool continuation(char c)
{
	return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

std::optional<uint32_t> hex4(std::string_view text, size_t at)
{
	if (at + 4 > text.size())
		return std::nullopt;
	uint32_t v = 0;
	for (size_t i = 0; i < 4; ++i) {
		const int h = hex_value(text[at + i]);
		if (h < 0)
			return std::nullopt;
		v = v * 16 + static_cast<uint32_t>(h);
	}
	return v;
}

size_t utf8_bytes(uint32_t code_point)
{
	return code_point < 0x80 ? 1 : code_point < 0x800 ? 2 : code_point < 0x10000 ? 3 : 4;
}

} // namespace

size_t code_points(std::string_view text)
{
	size_t n = 0;
	for (const char c : text)
		n += continuation(c) ? 0 : 1;
	return n;
}

StringColumns::StringColumns(std::optional<std::string_view> source) : source_(source)
{
	if (!source_)
		return;
	line_starts_.push_back(0);
	for (size_t i = 0; i < source_->size(); ++i)
		if ((*source_)[i] == '\n')
			line_starts_.push_back(i + 1);
}

diag::Location StringColumns::locate(const diag::Location &quote, std::string_view value, size_t offset) const
{
	diag::Location where = quote;
	if (quote.line <= 0 || quote.column <= 0)
		return where; // the position of the value is unknown: the file alone
	offset = std::min(offset, value.size());
	if (const auto column = raw_column(quote, value, offset))
		where.column = *column;
	else
		where.column = quote.column + 1 + static_cast<int>(code_points(value.substr(0, offset)));
	return where;
}

std::optional<int> StringColumns::raw_column(const diag::Location &quote, std::string_view value, size_t offset) const
{
	if (!source_ || static_cast<size_t>(quote.line) > line_starts_.size())
		return std::nullopt;
	const std::string_view text = *source_;
	// The quote: column - 1 code points into its line.
	size_t at = line_starts_[static_cast<size_t>(quote.line) - 1];
	for (int c = 1; c < quote.column && at < text.size() && text[at] != '\n'; ++c) {
		++at;
		while (at < text.size() && continuation(text[at]))
			++at;
	}
	if (at >= text.size() || text[at] != '"')
		return std::nullopt;
	++at;
	int column = quote.column + 1;
	size_t decoded = 0; // bytes of value matched so far
	while (decoded < offset) {
		if (at >= text.size() || text[at] == '"' || text[at] == '\n')
			return std::nullopt;
		if (text[at] != '\\') { // one code point as written: it must be the value's next one
			size_t n = 1;
			while (at + n < text.size() && continuation(text[at + n]))
				++n;
			if (text.substr(at, n) != value.substr(decoded, n))
				return std::nullopt;
			at += n;
			decoded += n;
			column += 1;
			continue;
		}
		if (at + 1 >= text.size())
			return std::nullopt;
		const char e = text[at + 1];
		if (e != 'u') { // \" \\ \/ \b \f \n \r \t: one byte of the value, two characters of the file
			at += 2;
			decoded += 1;
			column += 2;
			continue;
		}
		auto unit = hex4(text, at + 2);
		if (!unit)
			return std::nullopt;
		uint32_t code_point = *unit;
		size_t raw = 6;
		if (*unit >= 0xD800 && *unit < 0xDC00 && at + 7 < text.size() && text[at + 6] == '\\' && text[at + 7] == 'u') {
			if (auto low = hex4(text, at + 8); low && *low >= 0xDC00 && *low < 0xE000) {
				code_point = 0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00);
				raw = 12;
			}
		}
		at += raw;
		decoded += utf8_bytes(code_point);
		column += static_cast<int>(raw);
	}
	return decoded == offset ? std::optional<int>(column) : std::nullopt;
}

} // namespace lcs::compliance
