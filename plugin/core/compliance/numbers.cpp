#include "core/compliance/numbers.hpp"

#include <limits>

#include "core/util/utf8.hpp"

namespace lcs::compliance {
namespace {

constexpr int64_t kMaxUnits = 1'000'000'000'000LL; // amounts up to 10^12 main units

struct Reader {
	std::string_view text;
	size_t at;

	[[nodiscard]] char32_t peek(size_t *len = nullptr) const
	{
		uint32_t cp = 0;
		const size_t n = util::utf8_sequence(text, at, &cp);
		if (len)
			*len = n;
		return n == 0 ? 0 : static_cast<char32_t>(cp);
	}
	bool take(char32_t c)
	{
		size_t n = 0;
		if (peek(&n) == c && n != 0) {
			at += n;
			return true;
		}
		return false;
	}
	void next()
	{
		size_t n = 0;
		(void)peek(&n);
		at += n == 0 ? 1 : n;
	}
	/// Takes an ASCII word case-insensitively when it is not followed by another letter.
	bool take_word(std::string_view word)
	{
		if (text.size() - at < word.size())
			return false;
		for (size_t i = 0; i < word.size(); ++i) {
			char c = text[at + i];
			if (c >= 'A' && c <= 'Z')
				c = static_cast<char>(c + 32);
			if (c != word[i])
				return false;
		}
		const size_t after = at + word.size();
		if (after < text.size()) {
			const char c = text[after];
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
				return false;
		}
		at = after;
		return true;
	}
};

int ascii_digit(char32_t c)
{
	if (c >= U'0' && c <= U'9')
		return static_cast<int>(c - U'0');
	if (c >= 0xFF10 && c <= 0xFF19) // full-width digits
		return static_cast<int>(c - 0xFF10);
	return -1;
}

int chinese_digit(char32_t c)
{
	switch (c) {
	case U'零': case U'〇': return 0;
	case U'一': case U'壹': case U'幺': return 1;
	case U'二': case U'两': case U'贰': case U'兩': return 2;
	case U'三': case U'叁': return 3;
	case U'四': case U'肆': return 4;
	case U'五': case U'伍': return 5;
	case U'六': case U'陆': case U'陸': return 6;
	case U'七': case U'柒': return 7;
	case U'八': case U'捌': return 8;
	case U'九': case U'玖': return 9;
	default: return -1;
	}
}

int64_t chinese_unit(char32_t c)
{
	switch (c) {
	case U'十': case U'拾': return 10;
	case U'百': case U'佰': return 100;
	case U'千': case U'仟': return 1000;
	case U'万': case U'萬': return 10000;
	case U'亿': case U'億': return 100000000;
	default: return 0;
	}
}

/// Arabic digits with optional thousands separators and decimals, in hundredths; then 万/千.
std::optional<int64_t> arabic(Reader &r)
{
	int64_t units = 0;
	int digits = 0;
	for (;;) {
		const int d = ascii_digit(r.peek());
		if (d >= 0) {
			if (units > kMaxUnits / 10)
				return std::nullopt;
			units = units * 10 + d;
			++digits;
			r.next();
			continue;
		}
		// A thousands separator: a comma followed by exactly three digits.
		if (digits > 0 && r.peek() == U',' && r.at + 3 < r.text.size() + 0 &&
		    ascii_digit(static_cast<unsigned char>(r.text[r.at + 1])) >= 0 &&
		    ascii_digit(static_cast<unsigned char>(r.text[r.at + 2])) >= 0 &&
		    ascii_digit(static_cast<unsigned char>(r.text[r.at + 3])) >= 0 &&
		    (r.at + 4 >= r.text.size() || ascii_digit(static_cast<unsigned char>(r.text[r.at + 4])) < 0 ||
		     r.text[r.at + 4] == ',')) {
			r.next();
			continue;
		}
		break;
	}
	if (digits == 0)
		return std::nullopt;
	int64_t cents = units * 100;
	if ((r.peek() == U'.' || r.peek() == 0xFF0E) && ascii_digit(static_cast<unsigned char>(r.at + 1 < r.text.size() ? r.text[r.at + 1] : 0)) >= 0) {
		r.next();
		int64_t scale = 10;
		while (ascii_digit(r.peek()) >= 0) {
			cents += ascii_digit(r.peek()) * scale;
			scale /= 10;
			r.next();
		}
	}
	if (r.take(U'万') || r.take(U'萬'))
		cents *= 10000;
	else if (r.take(U'千'))
		cents *= 1000;
	if (cents / 100 > kMaxUnits)
		return std::nullopt;
	return cents;
}

/// A Chinese numeral (一千零一, 三百九十九, 一万二, 一九九) in whole units.
std::optional<int64_t> chinese(Reader &r)
{
	int64_t total = 0;   // everything above the current 万/亿 section
	int64_t section = 0; // below 万
	int digit = -1;      // a digit waiting for its unit
	int64_t last_unit = 0; // the unit just read (for 一万二 = 12000, 三百五 = 350)
	bool zero_between = false;
	int count = 0;
	int64_t digits_only = 0;
	bool only_digits = true;
	for (;;) {
		const char32_t c = r.peek();
		const int d = chinese_digit(c);
		const int64_t unit = chinese_unit(c);
		if (d < 0 && unit == 0)
			break;
		r.next();
		++count;
		if (d >= 0) {
			if (only_digits) {
				if (digits_only > kMaxUnits / 10)
					return std::nullopt;
				digits_only = digits_only * 10 + d;
			}
			if (d == 0) {
				zero_between = true;
				continue;
			}
			digit = d;
			continue;
		}
		only_digits = false;
		const int64_t n = digit >= 0 ? digit : (unit == 10 && section == 0 ? 1 : 0);
		if (unit >= 10000) {
			section += n;
			if (total + section > kMaxUnits / unit)
				return std::nullopt;
			total = (total + section) * unit;
			section = 0;
		} else {
			section += n * unit;
		}
		last_unit = unit;
		digit = -1;
		zero_between = false;
	}
	if (count == 0)
		return std::nullopt;
	if (only_digits)
		return digits_only; // 一九九 read digit by digit
	if (digit >= 0) {
		// A digit after a unit without 零 counts in the next lower unit: 一万二, 三百五, 两千八.
		if (!zero_between && last_unit >= 100)
			section += digit * (last_unit / 10);
		else
			section += digit;
	}
	const int64_t value = total + section;
	if (value > kMaxUnits)
		return std::nullopt;
	return value;
}

/// A small number of jiao or fen after 块/毛 (九块九, 八毛五), Chinese or Arabic; -1 when none.
int small_digit(Reader &r)
{
	const char32_t c = r.peek();
	int d = chinese_digit(c);
	if (d < 0)
		d = ascii_digit(c);
	if (d < 0)
		return -1;
	Reader probe = r;
	probe.next();
	// 九块九十 is not 9.9: a unit after it means something else.
	if (chinese_unit(probe.peek()) != 0 || ascii_digit(probe.peek()) >= 0)
		return -1;
	r = probe;
	return d;
}

bool is_sentence_end(char32_t c)
{
	return c == U'。' || c == U'！' || c == U'？' || c == U'!' || c == U'?' || c == U';' || c == U'；' || c == U'\n' ||
	       c == U'\r';
}

} // namespace

std::optional<Amount> parse_amount_at(std::string_view text, size_t at, bool bare_numerals)
{
	Reader r{text, at};
	bool currency = false;
	if (r.take(U'¥') || r.take(U'￥') || r.take(U'$') || r.take(U'＄'))
		currency = true;
	else if (r.take_word("us$") || r.take_word("rmb") || r.take_word("cny") || r.take_word("usd")) {
		currency = true;
		while (r.peek() == U' ')
			r.next();
	}
	const size_t number_at = r.at;
	std::optional<int64_t> cents = arabic(r);
	bool arabic_number = cents.has_value();
	if (!cents) {
		r.at = number_at;
		if (const auto units = chinese(r))
			cents = *units * 100;
	}
	if (!cents)
		return std::nullopt;
	// A Chinese number needs a unit or a currency sign to be money (一次, 第一 are not).
	bool unit = currency;
	const size_t after_number = r.at;
	if (r.take(U'元') || r.take(U'块') || r.take(U'圆') || r.take(U'塊')) {
		unit = true;
		r.take(U'钱');
		if (const int jiao = small_digit(r); jiao >= 0) {
			*cents += jiao * 10;
			if (r.take(U'毛') || r.take(U'角'))
				if (const int fen = small_digit(r); fen >= 0) {
					*cents += fen;
					r.take(U'分');
				}
		}
	} else if (r.take(U'毛') || r.take(U'角')) {
		// 八毛五: the number was jiao.
		unit = true;
		*cents /= 10;
		if (const int fen = small_digit(r); fen >= 0) {
			*cents += fen;
			r.take(U'分');
		}
	} else {
		Reader words = r;
		while (words.peek() == U' ')
			words.next();
		if (words.take_word("dollars") || words.take_word("dollar") || words.take_word("bucks") ||
		    words.take_word("yuan") || words.take_word("rmb") || words.take_word("usd")) {
			unit = true;
			r = words;
		}
	}
	if (!unit && !arabic_number && !bare_numerals)
		return std::nullopt;
	if (!unit)
		r.at = after_number;
	return Amount{*cents, at, r.at};
}

std::optional<Amount> find_amount(std::string_view text, size_t from, size_t max_skip)
{
	size_t at = from;
	for (size_t skipped = 0; at < text.size() && skipped <= max_skip; ++skipped) {
		if (auto a = parse_amount_at(text, at, true))
			return a;
		uint32_t cp = 0;
		const size_t n = util::utf8_sequence(text, at, &cp);
		if (n == 0) {
			++at;
			continue;
		}
		if (is_sentence_end(static_cast<char32_t>(cp)))
			return std::nullopt;
		at += n;
	}
	return std::nullopt;
}

} // namespace lcs::compliance
