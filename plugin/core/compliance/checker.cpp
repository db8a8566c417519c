#include "core/compliance/checker.hpp"

#include <algorithm>

#include "core/compliance/aho_corasick.hpp"
#include "core/compliance/exemptions.hpp"
#include "core/compliance/normalizer.hpp"
#include "core/compliance/numbers.hpp"
#include "core/compliance/sound_matcher.hpp"

namespace lcs::compliance {
namespace {

// A price claim's amount comes right after the term: 原价三百九十九, 划线价：¥199, 原价是 199 元.
constexpr size_t kPriceClaimSkip = 6;

struct Pattern {
	uint32_t rule;
	uint32_t term;
	bool ascii_word; // a Latin term: matched on word boundaries
};

struct CompiledException {
	std::vector<std::u32string> phrases, after, before;
	const RuleException *source;
};

struct Hit {
	uint32_t rule;
	uint32_t term;
	size_t begin; // normalised characters
	size_t end;
	Confidence confidence;
};

bool ascii_alnum(char32_t c)
{
	return (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9');
}

bool all_ascii(std::u32string_view s)
{
	return std::all_of(s.begin(), s.end(), [](char32_t c) { return c < 0x80; });
}

bool starts_with(std::u32string_view text, size_t at, std::u32string_view s)
{
	return text.size() - at >= s.size() && text.compare(at, s.size(), s) == 0;
}

bool ends_with(std::u32string_view text, size_t end, std::u32string_view s)
{
	return end >= s.size() && text.compare(end - s.size(), s.size(), s) == 0;
}

std::string legal_ref(const Rule &rule)
{
	std::string out;
	for (const auto &b : rule.legal_basis)
		out += (out.empty() ? "" : "; ") + b.to_string();
	return out;
}

} // namespace

std::string_view to_string(Where where)
{
	switch (where) {
	case Where::pack: return "pack";
	case Where::cue: return "cue";
	case Where::speech: return "speech";
	case Where::price: return "price";
	case Where::text: return "text";
	}
	return "text";
}

struct Checker::Impl {
	RuleSet rules;
	AhoCorasick automaton;
	std::vector<Pattern> patterns;
	std::vector<std::vector<CompiledException>> exceptions; // by rule
	SoundMatcher sound;

	explicit Impl(RuleSet r) : rules(std::move(r))
	{
		const Normalizer &norm = Normalizer::instance();
		exceptions.resize(rules.rules.size());
		std::vector<SoundMatcher::Term> sound_terms;
		for (size_t ri = 0; ri < rules.rules.size(); ++ri) {
			const Rule &rule = rules.rules[ri];
			for (size_t ti = 0; ti < rule.terms.size(); ++ti) {
				const std::u32string key = norm.key(rule.terms[ti]);
				if (key.empty())
					continue;
				automaton.add(key);
				patterns.push_back({static_cast<uint32_t>(ri), static_cast<uint32_t>(ti), all_ascii(key)});
				if (rule.by_sound && !all_ascii(key))
					sound_terms.push_back({static_cast<uint32_t>(ri), static_cast<uint32_t>(ti), key});
			}
			for (const auto &e : rule.exceptions) {
				CompiledException c{{}, {}, {}, &e};
				for (const auto &p : e.phrases)
					c.phrases.push_back(norm.key(p));
				for (const auto &p : e.after)
					c.after.push_back(norm.key(p));
				for (const auto &p : e.before)
					c.before.push_back(norm.key(p));
				exceptions[ri].push_back(std::move(c));
			}
		}
		automaton.build();
		sound.build(std::move(sound_terms));
	}

	/// Why this hit is exempt (a rule's exception, then the general ones), or empty.
	std::string exemption(const Hit &hit, const NormalizedText &nt, const TextExemptions &general,
			      const Context &context, std::string *note) const
	{
		const Rule &rule = rules.rules[hit.rule];
		// A sound hit is read as the term it sounds like (醉好先冷藏 is the tip 最好先冷藏).
		std::u32string substituted;
		Hit at = hit;
		if (hit.confidence == Confidence::pinyin) {
			const std::u32string key = Normalizer::instance().key(rule.terms[hit.term]);
			substituted = nt.chars.substr(0, hit.begin) + key + nt.chars.substr(hit.end);
			at.end = hit.begin + key.size();
		}
		const std::u32string_view chars = substituted.empty() ? std::u32string_view(nt.chars) : substituted;
		for (const auto &e : exceptions[hit.rule]) {
			bool applies = false;
			for (const auto &a : e.after)
				applies = applies || starts_with(chars, at.end, a);
			for (const auto &b : e.before)
				applies = applies || ends_with(chars, at.begin, b);
			for (const auto &p : e.phrases) {
				// An occurrence of the phrase that covers the hit.
				if (p.size() < at.end - at.begin)
					continue;
				const size_t lo = at.end >= p.size() ? at.end - p.size() : 0;
				for (size_t s = lo; s <= at.begin && !applies; ++s)
					applies = starts_with(chars, s, p);
			}
			if (applies) {
				*note = e.source->note.in(context.language);
				return e.source->reason;
			}
		}
		auto allowed = [&rule](const char *what) {
			return std::find(rule.allow.begin(), rule.allow.end(), what) != rule.allow.end();
		};
		if (allowed("product_name") && general.in_name(hit.begin, hit.end))
			return "product_name";
		if (allowed("quoted") && general.quoted(nt.byte_begin(hit.begin), nt.byte_end(hit.end)))
			return "quoted";
		if (allowed("negated") && general.negated(hit.begin))
			return "negated";
		return {};
	}
};

Checker::Checker(RuleSet rules) : impl_(std::make_unique<Impl>(std::move(rules))) {}
Checker::~Checker() = default;
Checker::Checker(Checker &&) noexcept = default;
Checker &Checker::operator=(Checker &&) noexcept = default;

const RuleSet &Checker::rules() const
{
	return impl_->rules;
}

Findings Checker::check(std::string_view text, const Context &context) const
{
	const Impl &im = *impl_;
	const NormalizedText nt = Normalizer::instance().normalize(text);
	std::vector<AhoCorasick::Hit> raw;
	im.automaton.find(nt.chars, raw);

	std::vector<Hit> hits;
	for (const auto &h : raw) {
		const Pattern &p = im.patterns[h.pattern];
		const Rule &rule = im.rules.rules[p.rule];
		if (rule.language != context.language)
			continue;
		if (p.ascii_word) {
			// Latin terms on word boundaries: a dropped space or symbol, a break, or a non-Latin neighbour.
			const bool left = h.begin == 0 || nt.gap[h.begin] || !ascii_alnum(nt.chars[h.begin - 1]);
			const bool right = h.end == nt.size() || nt.gap[h.end] || !ascii_alnum(nt.chars[h.end]);
			if (!left || !right)
				continue;
		}
		const std::string_view original = text.substr(nt.byte_begin(h.begin), nt.byte_end(h.end) - nt.byte_begin(h.begin));
		const Confidence confidence = original == rule.terms[p.term] ? Confidence::exact : Confidence::normalized;
		hits.push_back({p.rule, p.term, h.begin, h.end, confidence});
	}
	// By sound (pinyin), reported with lower confidence at the rule's severity: an evasion such as
	// 醉好 or zui低 is deliberate, so it is not softened (docs/compliance.md).
	for (const auto &s : im.sound.find(nt)) {
		const Rule &rule = im.rules.rules[s.rule];
		if (rule.language == context.language)
			hits.push_back({s.rule, s.term, s.begin, s.end, Confidence::pinyin});
	}

	// Overlapping hits of one rule: the longest (then the surest) stands for them.
	std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) {
		if (a.rule != b.rule)
			return a.rule < b.rule;
		if (a.end - a.begin != b.end - b.begin)
			return a.end - a.begin > b.end - b.begin;
		if (a.confidence != b.confidence)
			return a.confidence < b.confidence;
		return a.begin < b.begin;
	});
	std::vector<Hit> kept;
	for (const auto &h : hits) {
		const bool overlaps = std::any_of(kept.begin(), kept.end(), [&h](const Hit &k) {
			return k.rule == h.rule && k.begin < h.end && h.begin < k.end;
		});
		if (!overlaps)
			kept.push_back(h);
	}

	Findings out;
	if (kept.empty())
		return out;
	const TextExemptions general(text, nt, context);
	for (const auto &h : kept) {
		const Rule &rule = im.rules.rules[h.rule];
		Finding f;
		f.rule = rule.id;
		f.category = rule.category;
		f.severity = rule.severity;
		f.confidence = h.confidence;
		f.begin = nt.byte_begin(h.begin);
		f.end = nt.byte_end(h.end);
		f.term = std::string(text.substr(f.begin, f.end - f.begin));
		f.message = rule.message.in(context.language);
		f.suggestion = rule.suggestion.in(context.language);
		f.legal_ref = legal_ref(rule);
		std::string note;
		f.exempt_reason = im.exemption(h, nt, general, context, &note);
		if (!f.exempt_reason.empty()) {
			f.severity = Severity::info;
			if (!note.empty())
				f.message = note;
			out.push_back(std::move(f));
			continue;
		}
		if (rule.needs == Needs::urgency) {
			// Urgency is fine while a deadline or low stock is live; unknown (a plain text) is a caution.
			if (context.urgency_backed.value_or(false))
				continue;
			if (!context.urgency_backed)
				f.severity = std::min(f.severity, Severity::caution);
		} else if (rule.needs == Needs::price_claim) {
			const PriceFacts *p = context.product;
			const bool evidence = p && (p->lowest_7d_cents || p->msrp_cents);
			const auto amount = find_amount(text, f.end, kPriceClaimSkip);
			if (amount) {
				f.claimed_cents = amount->cents;
				f.end = amount->end;
				f.term = std::string(text.substr(f.begin, f.end - f.begin));
			}
			if (!evidence) {
				// No product or no evidence for any reference price: the claim cannot be backed.
				f.severity = std::min(f.severity, Severity::caution);
			} else if (!amount) {
				// A reference price named without an amount: nothing to compare; the evidence exists.
				continue;
			} else {
				const bool within_7d = p->lowest_7d_cents && amount->cents <= *p->lowest_7d_cents;
				const bool is_msrp = p->msrp_cents && amount->cents == *p->msrp_cents;
				if (within_7d || is_msrp)
					continue;
				f.severity = Severity::ban;
				f.evidence_cents = p->lowest_7d_cents ? p->lowest_7d_cents : p->msrp_cents;
			}
		}
		out.push_back(std::move(f));
	}
	std::sort(out.begin(), out.end(), [](const Finding &a, const Finding &b) {
		if (a.begin != b.begin)
			return a.begin < b.begin;
		if (a.end != b.end)
			return a.end < b.end;
		return a.rule < b.rule;
	});
	return out;
}

CheckerLoad load_checker(const std::filesystem::path &dir)
{
	CheckerLoad result;
	RuleSetLoad load = load_rule_set(dir);
	result.diagnostics = std::move(load.diagnostics);
	if (load.rules.rules.empty())
		return result;
	result.checker = std::make_shared<const Checker>(std::move(load.rules));
	return result;
}

} // namespace lcs::compliance
