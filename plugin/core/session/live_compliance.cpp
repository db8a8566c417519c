#include "core/session/live_compliance.hpp"

#include <algorithm>

#include "core/compliance/normalizer.hpp"
#include "core/compliance/script_check.hpp"

namespace lcs::session {
namespace {

bool reportable(const compliance::Finding &f)
{
	return f.severity != compliance::Severity::info;
}

} // namespace

bool stock_is_low(int64_t left, int64_t starting)
{
	if (left <= 0)
		return false; // sold out: nothing left to hurry for
	return left <= kLowStockUnits || left * 100 <= starting * kLowStockPercent;
}

bool urgency_backed(const promo::Engine &engine, const std::string &pinned_sku)
{
	for (const auto &id : engine.running())
		if (const auto *p = engine.library().promotion(id); p && std::holds_alternative<promo::FlashSale>(p->rule))
			return true;
	if (pinned_sku.empty())
		return false;
	const auto *product = engine.library().product(pinned_sku);
	return product && stock_is_low(engine.stock_left(pinned_sku), product->stock);
}

std::vector<std::string> keywords_said(std::string_view text, const std::vector<std::string> &pending)
{
	std::vector<std::string> said;
	const auto &normalizer = compliance::Normalizer::instance();
	const std::u32string folded = normalizer.key(text);
	for (const auto &keyword : pending) {
		const std::u32string k = normalizer.key(keyword);
		if (!k.empty() && folded.find(k) != std::u32string::npos)
			said.push_back(keyword);
	}
	return said;
}

Event flag_event(int64_t now_ms, const compliance::Finding &finding, compliance::Where where, const std::string &text,
		 const std::string &cue_id)
{
	Event e{now_ms, "compliance_flag", nlohmann::json::object()};
	e.fields["where"] = std::string(compliance::to_string(where));
	e.fields["rule"] = finding.rule;
	e.fields["term"] = finding.term;
	e.fields["category"] = finding.category;
	e.fields["severity"] = std::string(compliance::to_string(finding.severity));
	e.fields["text"] = text;
	if (!cue_id.empty())
		e.fields["cue_id"] = cue_id;
	e.fields["confidence"] = std::string(compliance::to_string(finding.confidence));
	if (!finding.legal_ref.empty())
		e.fields["legal_ref"] = finding.legal_ref;
	if (!finding.suggestion.empty())
		e.fields["suggestion"] = finding.suggestion;
	if (finding.claimed_cents)
		e.fields["claimed_cents"] = *finding.claimed_cents;
	if (finding.evidence_cents)
		e.fields["evidence_cents"] = *finding.evidence_cents;
	return e;
}

void LiveCompliance::set_checker(std::shared_ptr<const compliance::Checker> checker)
{
	checker_ = std::move(checker);
	check_library();
}

void LiveCompliance::use_library(std::shared_ptr<const pack::Library> library)
{
	library_ = std::move(library);
	cue_texts_.clear();
	names_.clear();
	if (library_) {
		for (const auto *segment : library_->segments())
			for (const auto &cue : segment->cues)
				cue_texts_[cue.id] = cue.text;
		for (const auto *product : library_->products())
			names_.push_back(product->name);
		for (const auto &pack : library_->packs())
			if (!pack.meta.brand.empty() && std::find(names_.begin(), names_.end(), pack.meta.brand) == names_.end())
				names_.push_back(pack.meta.brand);
	}
	check_library();
}

void LiveCompliance::check_library()
{
	script_.reset();
	if (checker_ && library_)
		script_ = std::make_shared<const ScriptFindings>(compliance::check_script(*library_, *checker_));
}

void LiveCompliance::start_session()
{
	flagged_cues_.clear();
	speech_findings_.clear();
}

const compliance::Findings &LiveCompliance::cue_findings(const std::string &cue_id) const
{
	static const compliance::Findings kNone;
	if (!script_)
		return kNone;
	const auto it = script_->find(cue_id);
	return it == script_->end() ? kNone : it->second;
}

Events LiveCompliance::cue_shown(int64_t now_ms, const std::string &cue_id)
{
	Events out;
	const auto &findings = cue_findings(cue_id);
	if (findings.empty() || !flagged_cues_.insert(cue_id).second)
		return out;
	const auto text = cue_texts_.find(cue_id);
	for (const auto &f : findings)
		if (reportable(f))
			out.push_back(flag_event(now_ms, f, compliance::Where::cue, text == cue_texts_.end() ? std::string() : text->second,
						 cue_id));
	return out;
}

Events LiveCompliance::speech(int64_t now_ms, const std::string &text, const pack::Product *pinned, bool backed)
{
	Events out;
	if (!checker_ || text.empty())
		return out;
	compliance::Context context;
	context.where = compliance::Where::speech;
	context.language = library_ ? library_->language() : std::string("zh-CN");
	compliance::PriceFacts facts;
	if (pinned) {
		facts = compliance::price_facts(*pinned);
		context.product = &facts;
	}
	context.names = names_;
	context.urgency_backed = backed;
	for (auto &f : checker_->check(text, context)) {
		if (!reportable(f))
			continue;
		out.push_back(flag_event(now_ms, f, compliance::Where::speech, text));
		speech_findings_.push_back(std::move(f));
		while (speech_findings_.size() > kRecentSpeechFindings)
			speech_findings_.pop_front();
	}
	return out;
}

} // namespace lcs::session
