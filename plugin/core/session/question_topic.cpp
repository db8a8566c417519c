#include "core/session/question_topic.hpp"

#include <algorithm>
#include <initializer_list>

namespace lcs::session {
namespace {

// The words a host's eye catches, per topic, tried in this order (the first group with a match
// wins). ASCII keywords match whole words ("fit" is not in "benefit"); a trailing '*' matches a
// word's beginning ("ship*": ship, ships, shipping). Other keywords (Chinese, symbols) match
// anywhere in the text.
struct KeywordGroup {
	QuestionTopic topic;
	std::initializer_list<std::string_view> zh;
	std::initializer_list<std::string_view> en;
};

const KeywordGroup kGroups[] = {
	{QuestionTopic::AfterSales,
	 {"退", "售后", "保修", "无理由", "赔", "补发", "补差价", "破损", "坏了", "少发", "漏了", "质量有问题", "能换",
	  "换货", "换码", "换色", "换颜色", "换个"},
	 {"return*", "refund*", "exchange*", "warranty", "swap*", "support", "broken", "damaged", "leak*", "resend*",
	  "doesn't work", "does not work", "replace*", "defect*", "money back"}},
	{QuestionTopic::Authenticity,
	 {"正品", "真品", "假货", "假的", "防伪", "官方", "旗舰", "质检", "检测", "报告", "厂家", "专柜", "授权", "验货",
	  "吊牌", "溯源", "工厂", "仿", "批次", "货源", "同一款", "同款", "证书", "资质"},
	 {"legit", "authentic", "genuine", "authori*", "lab test*", "who makes", "same as", "serial", "tags",
	  "certificat*", "factory", "knockoff*", "knock-off*", "fake", "counterfeit", "batch", "your stock", "verify"}},
	{QuestionTopic::ProductUse, {"年纪", "年龄", "开封", "保质期"}, {"once opened", "shelf life"}},
	{QuestionTopic::Coupon,
	 {"券", "优惠", "满减", "红包", "打折", "折扣", "几折", "福利", "会员", "抵扣", "返现", "秒杀", "活动"},
	 {"coupon*", "discount*", "code", "codes", "promo*", "voucher*", "deal", "deals", "store credit", "sale",
	  "member*", "bogo", "flash"}},
	{QuestionTopic::Price,
	 {"钱", "价", "便宜", "贵", "到手", "赠品", "送一", "买一", "买二", "家庭装", "套装", "单买", "元", "块钱", "多少块",
	  "¥", "￥", "划算", "值不值"},
	 {"price*", "how much", "cost", "costs", "cheap*", "expensive", "pricey", "do better", "$", "worth", "per unit"}},
	{QuestionTopic::Stock,
	 {"现货", "库存", "有货", "没货", "还有吗", "还有没有", "预售", "卖完", "售罄", "补货", "还剩", "剩多少", "抢完",
	  "断货", "没了吗", "抢不到"},
	 {"in stock", "out of stock", "stock left", "sold out", "restock*", "preorder*", "pre-order*", "available",
	  "any left", "still have", "back in"}},
	{QuestionTopic::Size,
	 {"码", "尺寸", "多大", "多重", "规格", "含量", "毫升", "几个", "多高", "长宽高", "肩宽", "腰围", "胸围", "一家三口",
	  "够吃", "够用", "旅行装", "小样", "单果", "量大", "能用多久", "多长", "多宽", "容量", "克重", "几斤", "多少克",
	  "斤", "身高", "体重", "偏大", "偏小"},
	 {"size*", "fit", "fits", "run small", "run big", "runs small", "runs big", "small or big", "heavy", "weigh*",
	  "ml", "oz", "lbs", "inch*", "cm", "kg", "how many", "dimension*", "how big", "how long does one",
	  "how long will", "xs", "family of", "tall", "true to", "petite", "length", "width"}},
	{QuestionTopic::Shipping,
	 {"发货", "快递", "包邮", "邮费", "运费", "物流", "寄", "发吗", "能发", "发不发", "发什么", "哪里发", "冷链", "地址",
	  "到货", "几天能到", "多久到", "能到", "包装", "压坏", "配送", "顺丰", "夏天发", "天热", "送到", "偏远"},
	 {"ship*", "deliver*", "arriv*", "carrier*", "tracking", "track", "express", "courier*", "postage", "go out",
	  "goes out", "address", "packed", "packag*", "crushed", "cold chain", "overnight", "international*",
	  "customs"}},
	{QuestionTopic::HowToBuy,
	 {"链接", "怎么买", "怎么拍", "怎么下单", "在哪买", "哪里买", "小黄车", "购物车", "拍哪个", "上车", "下单", "付款",
	  "拍不了", "拍下"},
	 {"link*", "cart", "checkout", "check out", "how do i buy", "how to buy", "how do i order", "how to order",
	  "where do i buy", "where can i buy", "where to buy", "purchase*", "buy it", "buy this", "order this"}},
};

bool word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool ascii(std::string_view s)
{
	return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string lower_ascii(std::string_view s)
{
	std::string out(s);
	for (auto &c : out)
		if (c >= 'A' && c <= 'Z')
			c = static_cast<char>(c - 'A' + 'a');
	return out;
}

bool contains_keyword(const std::string &text, std::string_view keyword)
{
	const bool prefix = !keyword.empty() && keyword.back() == '*';
	if (prefix)
		keyword.remove_suffix(1);
	if (keyword.empty())
		return false;
	const bool wordwise = ascii(keyword) && word_char(keyword.front());
	for (size_t at = text.find(keyword); at != std::string::npos; at = text.find(keyword, at + 1)) {
		if (!wordwise)
			return true;
		const size_t end = at + keyword.size();
		const bool starts = at == 0 || !word_char(text[at - 1]);
		const bool ends = prefix || end == text.size() || !word_char(text[end]);
		if (starts && ends)
			return true;
	}
	return false;
}

void blank_out(std::string &text, const std::string &part)
{
	if (part.size() < 4) // "Lip", "g", "12": too short to tell a name from a word
		return;
	std::string out;
	size_t from = 0;
	for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, from)) {
		out.append(text, from, at - from).push_back(' ');
		from = at + part.size();
	}
	if (from > 0) {
		out.append(text, from, std::string::npos);
		text = std::move(out);
	}
}

// The question with the products' names (whole, before a comma, and each space-separated part)
// taken out, longest first, and runs of spaces made one.
std::string without_names(std::string text, const std::vector<std::string> &product_names)
{
	std::vector<std::string> parts;
	for (const auto &raw : product_names) {
		const std::string name = lower_ascii(raw);
		parts.push_back(name);
		if (const auto comma = name.find(','); comma != std::string::npos)
			parts.push_back(name.substr(0, comma));
		size_t start = 0;
		while (start < name.size()) {
			size_t end = name.find_first_of(" ,", start);
			if (end == std::string::npos)
				end = name.size();
			parts.push_back(name.substr(start, end - start));
			start = end + 1;
		}
	}
	std::stable_sort(parts.begin(), parts.end(), [](const auto &a, const auto &b) { return a.size() > b.size(); });
	for (const auto &part : parts)
		blank_out(text, part);
	std::string squeezed;
	for (const char c : text)
		if (c != ' ' || (!squeezed.empty() && squeezed.back() != ' '))
			squeezed.push_back(c);
	return squeezed;
}

} // namespace

bool is_buying(QuestionTopic topic)
{
	switch (topic) {
	case QuestionTopic::HowToBuy:
	case QuestionTopic::Coupon:
	case QuestionTopic::Price:
	case QuestionTopic::Stock:
	case QuestionTopic::Size:
	case QuestionTopic::Shipping:
		return true;
	default:
		return false;
	}
}

const char *topic_name(QuestionTopic topic)
{
	switch (topic) {
	case QuestionTopic::AfterSales:
		return "after_sales";
	case QuestionTopic::Authenticity:
		return "authenticity";
	case QuestionTopic::ProductUse:
		return "product_use";
	case QuestionTopic::HowToBuy:
		return "how_to_buy";
	case QuestionTopic::Coupon:
		return "coupon";
	case QuestionTopic::Price:
		return "price";
	case QuestionTopic::Stock:
		return "stock";
	case QuestionTopic::Size:
		return "size";
	case QuestionTopic::Shipping:
		return "shipping";
	case QuestionTopic::Other:
		break;
	}
	return "other";
}

QuestionTopic classify_question(std::string_view raw, const std::vector<std::string> &product_names)
{
	const std::string text = without_names(lower_ascii(raw), product_names);
	for (const auto &group : kGroups) {
		for (const auto list : {group.zh, group.en})
			for (const auto keyword : list)
				if (contains_keyword(text, keyword))
					return group.topic;
	}
	return QuestionTopic::Other;
}

} // namespace lcs::session
