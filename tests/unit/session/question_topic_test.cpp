// Reading a question's topic from its text as a host skims the chat: buying questions (price,
// coupon, stock, size, shipping, how to buy) apart from the rest, in both languages.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "core/pack/library.hpp"
#include "core/session/question_topic.hpp"

namespace {
using namespace lcs;
using session::classify_question;
using session::QuestionTopic;

struct Example {
	const char *text;
	QuestionTopic topic;
};

TEST(QuestionTopic, ReadsChineseQuestions)
{
	const Example examples[] = {
		{"这个多少钱", QuestionTopic::Price},
		{"现在拍是¥59吗", QuestionTopic::Price},
		{"有券吗", QuestionTopic::Coupon},
		{"满减怎么算的呀", QuestionTopic::Coupon},
		{"还有货吗", QuestionTopic::Stock},
		{"是现货还是预售", QuestionTopic::Stock},
		{"160斤穿什么码", QuestionTopic::Size},
		{"一瓶多少毫升", QuestionTopic::Size},
		{"什么时候发货", QuestionTopic::Shipping},
		{"新疆包邮吗", QuestionTopic::Shipping},
		{"链接在哪", QuestionTopic::HowToBuy},
		{"怎么拍", QuestionTopic::HowToBuy},
		{"退货运费谁出", QuestionTopic::AfterSales},      // 运费, but about a return
		{"不合适能换码吗", QuestionTopic::AfterSales},    // 码, but an exchange
		{"降价了能补差价吗", QuestionTopic::AfterSales}, // 价, but after the sale
		{"有溯源码吗", QuestionTopic::Authenticity},      // 码, but a trace code
		{"是正品吗", QuestionTopic::Authenticity},
		{"适合多大年纪", QuestionTopic::ProductUse},      // 多大, but an age
		{"怎么保存", QuestionTopic::Other},
		{"是纯棉的吗", QuestionTopic::Other},
	};
	for (const auto &e : examples)
		EXPECT_EQ(session::topic_name(classify_question(e.text)), std::string(session::topic_name(e.topic))) << e.text;
}

TEST(QuestionTopic, ReadsEnglishQuestions)
{
	const Example examples[] = {
		{"How much is it??", QuestionTopic::Price},
		{"is ¥59 the final price?", QuestionTopic::Price},
		{"any discount codes?", QuestionTopic::Coupon},
		{"is it in stock or preorder", QuestionTopic::Stock},
		{"sold out already?", QuestionTopic::Stock},
		{"I'm 5'5 and 130 lbs, which size?", QuestionTopic::Size},
		{"will it fit a 15 inch laptop", QuestionTopic::Size},
		{"when does it ship?", QuestionTopic::Shipping},
		{"Free shipping?", QuestionTopic::Shipping},
		{"where's the link", QuestionTopic::HowToBuy},
		{"how do I buy this", QuestionTopic::HowToBuy},
		{"who pays return shipping", QuestionTopic::AfterSales},      // shipping, but a return
		{"can I exchange for another size", QuestionTopic::AfterSales}, // size, but an exchange
		{"where do you get your stock", QuestionTopic::Authenticity},   // stock, but provenance
		{"is this legit?", QuestionTopic::Authenticity},
		{"how long does it last once opened", QuestionTopic::ProductUse},
		{"is it beginner friendly", QuestionTopic::Other},
		{"any benefit for dry skin?", QuestionTopic::Other}, // "fit" only as a whole word
	};
	for (const auto &e : examples)
		EXPECT_EQ(session::topic_name(classify_question(e.text)), std::string(session::topic_name(e.topic))) << e.text;
}

TEST(QuestionTopic, ProductNamesAreReadAsNames)
{
	// "5斤装" and "2.5 kg box" in a name are no size question: with the shelf's names known, a
	// question about keeping the fruit is about the product, not about buying it.
	const std::vector<std::string> zh = {"岭上蜂田 秦岭中蜂土蜂蜜 500g", "岭上蜂田 周至翠香猕猴桃 5斤装"};
	EXPECT_EQ(classify_question("周至翠香猕猴桃 5斤装怎么保存"), QuestionTopic::Size); // read word by word
	EXPECT_EQ(classify_question("周至翠香猕猴桃 5斤装怎么保存", zh), QuestionTopic::Other);
	EXPECT_EQ(classify_question("周至翠香猕猴桃 5斤装多少钱", zh), QuestionTopic::Price);
	const std::vector<std::string> en = {"Lingshang Zhouzhi Cuixiang kiwifruit, 2.5 kg box"};
	const std::string keep = "how should I keep the Lingshang Zhouzhi Cuixiang kiwifruit, 2.5 kg box?";
	EXPECT_EQ(classify_question(keep), QuestionTopic::Size);
	EXPECT_EQ(classify_question(keep, en), QuestionTopic::Other);
	EXPECT_EQ(classify_question("is the LINGSHANG ZHOUZHI CUIXIANG KIWIFRUIT in stock?", en), QuestionTopic::Stock);
}

// The simulator's question corpus labels each template by topic; price, size and shipping are
// buying questions, the rest are not. Filled in with the bundled packs' product names and a
// price, the reader must agree with the labels on nearly all of them (a host skimming the chat
// misreads one now and then; every miss is printed).
TEST(QuestionTopic, AgreesWithTheCorpusLabels)
{
	const std::string root = LCS_SOURCE_DIR;
	for (const std::string language : {"zh-CN", "en-US"}) {
		std::vector<std::string> names;
		for (const char *pack : {"farm-origin/farm-origin", "beauty-demo/beauty-demo", "apparel-members/apparel-members"}) {
			const auto loaded = pack::Library::load({root + "/scripts-library/packs/" + pack + "." + language + ".json"});
			ASSERT_TRUE(loaded.library) << pack;
			for (const auto *p : loaded.library->products())
				names.push_back(p->name);
		}
		std::ifstream in(root + "/data/audience/comments." + language + ".json");
		const auto corpus = nlohmann::json::parse(in);
		int total = 0;
		int agree = 0;
		for (const auto &[topic, templates] : corpus["question"].items()) {
			const bool buying = topic == "price" || topic == "size" || topic == "shipping";
			for (const auto &t : templates)
				for (const auto &name : names) {
					std::string text = t.get<std::string>();
					for (size_t at; (at = text.find("{product}")) != std::string::npos;)
						text.replace(at, 9, name.substr(0, name.find(',')));
					for (size_t at; (at = text.find("{price}")) != std::string::npos;)
						text.replace(at, 7, "¥59.90");
					const auto read = classify_question(text, names);
					++total;
					if (session::is_buying(read) == buying)
						++agree;
					else
						std::cout << language << " " << topic << ": \"" << text << "\" read as "
							  << session::topic_name(read) << "\n";
				}
		}
		ASSERT_GT(total, 200) << language;
		EXPECT_GE(agree * 100, total * 97) << language << ": " << agree << " of " << total;
	}
}

} // namespace
