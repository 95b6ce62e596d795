"""Checks editors trust both ways: Chinese → English pairs as news writes them, names and
acronyms rendered in the other script, and the evidence each flag carries."""

from __future__ import annotations

from pathlib import Path

import pytest

from tm.checks import CheckPair, check_pairs
from tm.model import Location

ROOT = Path(__file__).resolve().parents[2]


def _zh_en(zh: str, en: str, unit: str = "1", document: str = "d") -> CheckPair:
    return CheckPair(zh, en, "zh-Hans", "en", Location("t.txt", unit=unit), document)


def _en_zh(en: str, zh: str, unit: str = "1", document: str = "d") -> CheckPair:
    return CheckPair(en, zh, "en", "zh-Hans", Location("t.txt", unit=unit), document)


def _checks(*pairs: CheckPair) -> list[str]:
    return sorted(f.check for f in check_pairs(list(pairs)))


FAITHFUL = [
    ("前11个月进出口总值1.77万亿元。", "Trade totaled 1.77 trillion yuan in the first 11 months."),
    ("当地已转移安置群众30余万人。", "More than 300,000 people have been relocated."),
    ("全市共有2万4801名志愿者。", "The city has 24,801 volunteers."),
    ("新能源汽车占新车销量的四成。", "New energy vehicles made up 40 percent of new car sales."),
    ("比赛于晚上8点开始。", "The match started at 8 p.m."),
    ("首班车于早上6点30分发出。", "The first train leaves at 6:30 a.m."),
    ("会议于上午10点开幕。", "The meeting opened at 10:00."),
    ("产量是去年的3倍。", "Output was thrice last year's."),
    ("产量增长了2倍。", "Output tripled."),
    ("投资规模扩大了一倍。", "Investment doubled."),
    ("总投资达140亿元。", "Fourteen billion yuan has been invested."),
    ("约占世界总里程的三分之二。", "That is about two-thirds of the world's total."),
    ("第19届亚运会开幕。", "The 19th Asian Games opened."),
    ("9点30分开市。", "Trading opens at 9:30."),
    ("国家统计局7日公布数据。", "The statistics bureau released the data on Thursday."),
    ("谢震业以9秒97的成绩夺冠。", "Xie Zhenye won in 9.97 seconds."),
    ("粮食总产量13908亿斤。", "Grain output reached 695.4 million tonnes."),
    ("双方约定每年举行两次会晤。", "The two sides agreed to meet twice a year."),
    ("央行年内两次下调存款准备金率。", "The central bank has cut the reserve ratio two times."),
    ("该市人口在过去20年间翻了一番。", "The city's population has doubled in the past 20 years."),
    ("到2020年实现国内生产总值翻两番。", "GDP was to quadruple by 2020."),
    ("出口额是五年前的三倍。", "Exports are three times what they were five years ago."),
    ("出口额是五年前的三倍。", "Exports have tripled in five years."),
    ("这是他第三次访华。", "It is his third visit to China."),
    ("失业率比上月下降0.2个百分点。", "The jobless rate fell 0.2 percentage point from October."),
    ("失业率比上月下降0.2个百分点。", "The jobless rate was down 0.2 points from October."),
    ("居民消费价格同比上涨0.3%。", "Consumer prices rose 0.3 percent year on year."),
    ("中国队第五次夺得该项赛事冠军。", "It was the fifth title for the Chinese team."),
    ("这是第二次世界大战以来首次。", "It is the first time since World War II."),
]


@pytest.mark.parametrize(("zh", "en"), FAITHFUL)
def test_faithful_numbers_chinese_to_english(zh: str, en: str) -> None:
    assert _checks(_zh_en(zh, en)) == []


@pytest.mark.parametrize(("zh", "en"), FAITHFUL)
def test_faithful_numbers_english_to_chinese(zh: str, en: str) -> None:
    """The same pairs the other way: one model reads both languages."""
    assert "number-mismatch" not in _checks(_en_zh(en, zh))


@pytest.mark.parametrize(
    ("zh", "en", "named"),
    [
        ("利润总额6.2万亿元。", "Profits totaled 62 trillion yuan.", "6.2万亿"),
        ("会议于12月8日至10日举行。", "The meeting ran from December 8 to 12.", "10"),
        ("深证成指下跌13.5%。", "The index fell 15.3 percent.", "13.5%"),
        ("将于9点30分开市。", "Trading opens at 9 a.m.", "30"),
        ("党的二十大报告。", "The report to the 19th National Congress.", "19th"),
        ("近200个国家出席。", "Nearly 202 countries attended.", "202"),
        ("当地已转移安置群众30余万人。", "Some 400,000 people have been relocated.", "400,000"),
        ("“十四五”规划纲要。", "The outline of the 13th Five-Year Plan.", "十四五"),
    ],
)
def test_a_wrong_number_is_caught_and_shown(zh: str, en: str, named: str) -> None:
    findings = check_pairs([_zh_en(zh, en)])
    assert [f.check for f in findings] == ["number-mismatch"]
    assert named in findings[0].message


@pytest.mark.parametrize(
    ("zh", "en", "source_value", "target_value"),
    [
        (
            "双方约定每年举行两次会晤。",
            "The two sides agreed to meet four times a year.",
            None,
            "4",
        ),
        ("今年以来，央行三次下调政策利率。", "The central bank has cut its rate twice.", "3", "2"),
        ("该市人口在过去20年间翻了一番。", "Its population has tripled in 20 years.", "2", "3"),
        ("出口额是五年前的两倍。", "Exports are four times what they were.", "2", "4"),
        ("该书他读了三遍。", "He read the book twice.", "3", "2"),
        # An ordinal each side, neither found on the other: 第五次 is not "fourth".
        ("中国队第五次夺得该项赛事冠军。", "It was the Chinese team's fourth title.", "5", "4"),
        ("第六届进博会于11月开幕。", "The fifth import expo opened in November.", "6", "5"),
        # Percentage points are not percent, either way round.
        (
            "全国城镇调查失业率比上月下降0.2个百分点。",
            "The surveyed urban jobless rate fell 0.2 percent from October.",
            "0.2",
            "0.2",
        ),
        (
            "居民消费价格同比上涨0.3%。",
            "Consumer prices rose 0.3 percentage points year on year.",
            "0.3",
            "0.3",
        ),
    ],
)
def test_a_wrong_count_is_caught_both_ways(
    zh: str, en: str, source_value: str | None, target_value: str
) -> None:
    """Counts and multiples in words are demanded as digits are (两次 is not "four times"),
    with the span and the value read on each side; the same pair the other way round too."""
    for pair, zh_side, en_side in (
        (_zh_en(zh, en), "source", "target"),
        (_en_zh(en, zh), "target", "source"),
    ):
        (finding,) = check_pairs([pair])
        assert finding.check == "number-mismatch"
        values = {(e.side, e.value) for e in finding.evidence}
        assert (en_side, target_value) in values
        if source_value is not None:
            assert (zh_side, source_value) in values
        for evidence in finding.evidence:
            text = zh if evidence.side == zh_side else en
            assert text[evidence.start : evidence.end] == evidence.text


def test_the_flag_carries_its_evidence() -> None:
    zh, en = "利润总额6.2万亿元。", "Profits totaled 62 trillion yuan."
    (finding,) = check_pairs([_zh_en(zh, en)])
    spans = {(e.side, e.text, e.value) for e in finding.evidence}
    assert spans == {
        ("source", "6.2万亿", "6200000000000"),
        ("target", "62 trillion", "62000000000000"),
    }
    for e in finding.evidence:
        text = finding.source if e.side == "source" else finding.target
        assert text is not None and text[e.start : e.end] == e.text


def test_the_month_of_a_bare_day_comes_from_the_document() -> None:
    dateline = _zh_en("本报北京12月8日电 会议开幕。", "BEIJING, Dec. 8 -- The meeting opened.", "1")
    later = _zh_en("10日，会议闭幕。", "The meeting closed on December 10.", "2")
    assert _checks(dateline, later) == []
    wrong = _zh_en("10日，会议闭幕。", "The meeting closed on November 10.", "2")
    assert _checks(dateline, wrong) == ["number-mismatch"]


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("新冠疫情不再构成国际突发卫生事件。", "COVID-19 is no longer a global health emergency."),
        ("二十国集团领导人峰会在新德里举行。", "The G20 summit was held in New Delhi."),
        ("请使用A4纸打印。", "Please print it on A4 paper."),
        ("新电脑预装Windows 11系统。", "The new computer comes with Windows 11."),
        (
            "“十四五”以来，储能装机增长近10倍。",
            "Storage grew nearly tenfold under the 14th Five-Year Plan.",
        ),
        ("华为Mate 60系列手机上市。", "The Huawei Mate 60 phones went on sale."),
    ],
)
def test_numbers_inside_names_are_names(zh: str, en: str) -> None:
    assert _checks(_zh_en(zh, en)) == []
    assert _checks(_en_zh(en, zh)) == []


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("联合国秘书长发表讲话。", "The UN Secretary-General spoke."),
        ("外汇储备规模为3.17万亿美元。", "Reserves stood at 3.17 trillion USD."),
        ("人民币对美元汇率上调。", "The yuan strengthened against the US dollar."),
        ("欧盟将展开调查。", "The EU will open an investigation."),
        ("英国首相访华。", "The UK prime minister visited China."),
        ("国产三维打印设备出口。", "Chinese 3D printers are exported."),
        ("世卫组织发布报告。", "WHO released a report."),
        ("本报北京12月8日电", "BEIJING, Dec. 8"),
        ("中华人民共和国代表团出席。", "The PRC delegation attended."),
    ],
)
def test_acronyms_rendered_in_chinese_words(zh: str, en: str) -> None:
    assert _checks(_zh_en(zh, en)) == []
    assert _checks(_en_zh(en, zh)) == []


def test_an_acronym_dropped_is_caught_both_ways() -> None:
    assert _checks(_zh_en("5G用户达7.54亿户。", "Mobile users numbered 754 million.")) == [
        "entity-missing"
    ]
    assert _checks(_en_zh("The UN Secretary-General spoke.", "秘书长发表讲话。")) == [
        "entity-missing"
    ]


def test_a_latin_name_lost_from_the_chinese_is_caught() -> None:
    en = "Kanner was a smart guy, but a number of his theories didn't pan out."
    kept = _en_zh(en, "Kanner是个很聪明的医生，但他的许多理论都经不起推敲。")
    assert _checks(kept) == []
    lost = _en_zh(en, "是个很聪明的医生，但他的许多理论都经不起推敲。")
    (finding,) = check_pairs([lost])
    assert finding.check == "entity-missing" and "Kanner" in finding.message


def test_names_rendered_by_pinyin_dictionary_or_sound_are_kept() -> None:
    assert _checks(_en_zh("Zhang Min met Li Wei in Chongqing.", "张敏在重庆会见了李伟。")) == []
    assert _checks(_en_zh("I flew to Vienna and Montreal.", "我飞到了维也纳和蒙特利尔。")) == []
    assert _checks(_en_zh("Antonio Guterres spoke.", "古特雷斯发表讲话。")) == []
    assert _checks(_en_zh("Remember the paper.", "记得那篇论文。")) == []  # not a name


def test_a_chinese_name_dropped_from_the_english_is_caught() -> None:
    zh = "中国科学院院士张立群团队发表论文。"
    assert (
        _checks(
            _zh_en(
                zh,
                "A team led by Zhang Liqun of the Chinese Academy of Sciences published a paper.",
            )
        )
        == []
    )
    assert _checks(_zh_en(zh, "A team of the Chinese Academy of Sciences published a paper.")) == [
        "entity-missing"
    ]
    # A surname alone will do: Eddie Wu for 吴泳铭.
    assert _checks(_zh_en("首席执行官吴泳铭表示。", "Chief executive Eddie Wu said.")) == []


def test_a_place_named_earlier_may_be_the_city() -> None:
    first = _zh_en(
        "北京14日最低气温将降至零下15摄氏度。",
        "Beijing's low will fall to minus 15 degrees Celsius on Thursday.",
        "1",
    )
    second = _zh_en(
        "这将是北京今冬以来最冷的一天。", "It will be the city's coldest day this winter.", "2"
    )
    assert _checks(first, second) == []
    assert _checks(_zh_en("游客来自杭州。", "The visitors came from the city.", "1", "other")) == [
        "entity-missing"
    ]


def test_caption_line_breaks_of_the_source_are_kept_in_the_translation() -> None:
    pair = _zh_en(
        "我开车回到家， 在蒙特利尔的寒冬，",
        "I had just driven home,  in the dead of Montreal winter,",
    )
    assert _checks(pair) == []
    assert _checks(
        _zh_en("我开车回到家，在蒙特利尔的寒冬，", "I had driven home,  in Montreal's winter,")
    ) == ["whitespace"]


def test_a_closing_straight_quote_closes_a_quotation_opened_earlier() -> None:
    assert _checks(_zh_en("你必须选一个。”", 'You have to choose."')) == []
    assert (
        _checks(
            _en_zh(
                'Why not, doc? Give me the prescription anyway."',
                "为什么不服用呢？医生，给我开这个药。”",
            )
        )
        == []
    )


def test_a_chinese_headline_is_measured_as_a_headline() -> None:
    assert (
        _checks(
            _zh_en("国务院部署稳就业工作", "State Council lays out steps to stabilize employment")
        )
        == []
    )


def test_the_news_evaluation_holds_its_figures() -> None:
    """corpora/zh-en-news: at most one clean pair in fifteen flagged, flags on the marked
    errors at three times their base rate or more, each injected kind caught at least 95 %
    of the time, names dropped from the English included (38 of 40 today)."""
    from tm.checks.evaluate import evaluate_news

    result = evaluate_news(ROOT / "corpora" / "zh-en-news")
    assert len({f.location.unit for f in result.clean_flagged}) <= result.clean / 15
    assert result.precision >= 3 * result.base_rate
    for kind, n in result.injected.items():
        assert result.caught[kind] >= 0.95 * n, kind


def test_news_conventions_that_are_not_errors() -> None:
    pairs = [
        _zh_en(
            "四中全会审议通过了决定。",
            "The fourth plenary session of the 19th CPC Central Committee adopted a decision.",
            "1",
        ),
        _zh_en(
            "中欧班列累计开行超过8万列。", "China-Europe freight trains made 80,000 trips.", "2"
        ),
        _zh_en("欧洲央行行长拉加德表示。", "ECB President Christine Lagarde said.", "3"),
    ]
    assert _checks(*pairs) == []
    # A name starting the sentence is still a name, and Jun is a given name, not June.
    assert _checks(_en_zh("Wang Jun met a delegation.", "王军会见了代表团。")) == []


def test_a_misspelt_pinyin_name_is_caught() -> None:
    zh = "张伟代表公司在签约仪式上致辞。"
    assert _checks(_zh_en(zh, "Zhang Wei spoke at the signing ceremony.")) == []
    (finding,) = check_pairs([_zh_en(zh, "Zhang Wen spoke at the signing ceremony.")])
    assert finding.check == "entity-missing" and "Zhang Wen" in finding.message


NAMES_KEPT = [
    ("华为公司29日发布年报。", "Huawei released its annual report on Friday."),
    ("此前，阿里巴巴在纽约和香港两地上市。", "Alibaba is listed in both New York and Hong Kong."),
    ("对欧盟出口下降3.4%。", "Exports to the EU fell 3.4 percent."),
    ("我国算力总规模位居全球第二。", "The country's computing power ranks second in the world."),
    ("教育部数据显示。", "The Ministry of Education said."),
    ("国家统计局7日公布数据。", "The statistics bureau released the data on Thursday."),
    ("开普勒望远镜的数据。", "Kepler's data."),
    (
        "第十三届部长级会议在阿联酋阿布扎比举行。",
        "The 13th Ministerial Conference was held in Abu Dhabi, the UAE.",
    ),
]
NAMES_LOST = [
    ("华为公司29日发布年报。", "The company released its annual report on Friday.", "华为"),
    (
        "此前，阿里巴巴在纽约和香港两地上市。",
        "It is listed in both New York and Hong Kong.",
        "阿里巴巴",
    ),
    ("对欧盟出口下降3.4%。", "Exports to the bloc fell 3.4 percent.", "欧盟"),
    (
        "我国算力总规模位居全球第二。",
        "Its total computing power ranks second in the world.",
        "我国",
    ),
    ("教育部数据显示。", "The of Education said.", "教育部"),
    ("国庆假期8天。", "The holiday lasted eight days.", "国庆"),
    ("会议在阿联酋阿布扎比举行。", "The meeting was held in the UAE.", "阿布扎比"),
]


@pytest.mark.parametrize(("zh", "en"), NAMES_KEPT)
def test_names_rendered_are_not_flagged_either_way(zh: str, en: str) -> None:
    """A name CC-CEDICT knows is rendered by its English name, an acronym, two words in three
    of a long name, or a person's last name; in either direction."""
    assert "entity-missing" not in _checks(_zh_en(zh, en))
    assert "entity-missing" not in _checks(_en_zh(en, zh))


@pytest.mark.parametrize(("zh", "en", "name"), NAMES_LOST)
def test_names_dropped_from_the_english_are_caught_either_way(zh: str, en: str, name: str) -> None:
    for pair in (_zh_en(zh, en), _en_zh(en, zh)):
        messages = [f.message for f in check_pairs([pair]) if f.check == "entity-missing"]
        assert any(f"“{name}”" in m for m in messages), messages


def test_a_name_kept_in_latin_is_kept_whole() -> None:
    """English → Chinese: the Chinese keeps "John" of "Lorna and John" in Latin and loses
    Lorna; a quotation in “” is no title that could render her."""
    en = "Lorna and John knew how hard it was."
    assert "entity-missing" in _checks(_en_zh(en, "John知道这有多难。"))
    assert "entity-missing" not in _checks(_en_zh(en, "Lorna和John知道这有多难。"))
    # 扶正 ("to set upright"), which the tagger takes for a person, renders no name.
    en = 'Zosia Zaks once said, "We need all hands on deck to right the ship of humanity."'
    zh = "曾经有人说过，“我们需要双手扶着甲板来扶正人性的船舶。”"
    assert "entity-missing" in _checks(_en_zh(en, zh))


def test_a_name_flag_carries_its_evidence() -> None:
    """The name's span on the side that has it, and the English it wants."""
    zh, en = "华为公司29日发布年报。", "The company released its annual report on Friday."
    (finding,) = [f for f in check_pairs([_zh_en(zh, en)]) if f.check == "entity-missing"]
    (evidence,) = finding.evidence
    assert (evidence.side, evidence.value) == ("source", "Huawei")
    assert zh[evidence.start : evidence.end] == evidence.text == "华为"
    (finding,) = [f for f in check_pairs([_en_zh(en, zh)]) if f.check == "entity-missing"]
    assert finding.evidence[0].side == "target"


@pytest.mark.parametrize(
    ("en", "kept", "lost"),
    [
        ("Gao Ping said storage is key.", "高平表示，储能是关键。", "表示，储能是关键。"),
        (
            "The project in Xi'an cost 12 billion yuan.",
            "西安项目投资120亿元。",
            "项目投资120亿元。",
        ),
    ],
)
def test_a_pinyin_name_dropped_from_the_chinese_is_caught(en: str, kept: str, lost: str) -> None:
    """English → Chinese: a Chinese name in pinyin is a name though English spells words so
    (ping, wei); Xi'an is one word."""
    assert "entity-missing" not in _checks(_en_zh(en, kept))
    assert "entity-missing" in _checks(_en_zh(en, lost))
    assert "entity-missing" not in _checks(_en_zh("We've met Li Wei.", "我们见过李伟。"))


def test_a_word_taken_for_a_name_and_translated_is_not_a_dropped_name() -> None:
    """jieba tags 夏粮 (summer grain) as a person's name, and CC-CEDICT lacks it whole: the
    English translating each of its characters renders it. A real name dropped is still
    caught when the English translates only some of its characters (群 group)."""
    zh = "河南省夏粮产量约占全国的四分之一。"
    en = "Henan Province produces about a quarter of the country's summer grain."
    assert "entity-missing" not in _checks(_zh_en(zh, en))
    assert "entity-missing" not in _checks(_en_zh(en, zh))
    zh = "中国科学院院士张立群团队发表论文。"
    lost = _checks(_zh_en(zh, "A group of the Chinese Academy of Sciences published a paper."))
    assert lost == ["entity-missing"]


def test_a_hyphenated_name_and_a_dictionary_cross_reference_render_names() -> None:
    """Ningbo-Zhoushan Port is rendered by 宁波舟山港 (each city by its pinyin); 腾讯's entry is
    "see 腾讯控股有限公司", whose entry is Tencent Holdings Limited."""
    port = "Ningbo-Zhoushan Port handled 1.12 billion tonnes of cargo in the first 10 months."
    assert _checks(_zh_en("宁波舟山港前10个月完成货物吞吐量11.2亿吨。", port)) == []
    assert "entity-missing" in _checks(_zh_en("苏州港前10个月完成货物吞吐量11.2亿吨。", port))
    zh = "腾讯控股15日发布第三季度业绩。"
    assert (
        _checks(_zh_en(zh, "Tencent Holdings released its third-quarter results on Wednesday."))
        == []
    )


# Names the third round taught the check to see (from the misses on corpora/zh-en-news-heldout
# and IWSLT), each with its faithful rendering beside it; both directions.
PEOPLE_AND_PLACES = [
    # A person CC-CEDICT knows (马化腾 "Ma Huateng aka Pony Ma"): the tagger's name, not a word.
    (
        "腾讯董事会主席马化腾表示，公司将加大投入。",
        [
            "Ma Huateng, chairman of Tencent, said the company would invest more.",
            "Tencent chairman Pony Ma said the company would invest more.",
        ],
        "Tencent's chairman said the company would invest more.",
        "马化腾",
    ),
    # A rarer surname (怀) right after a title.
    (
        "教育部部长怀进鹏要求确保考试安全。",
        ["Education Minister Huai Jinpeng called for safe exams."],
        "The education minister called for safe exams.",
        "怀进鹏",
    ),
    # A name the tagger calls an idiom, framed by a title and a verb of saying.
    (
        "中国民生银行首席经济学家温彬认为，降息有助于提振市场。",
        ["Wen Bin, chief economist at China Minsheng Bank, said the cut would help the market."],
        "The chief economist at China Minsheng Bank said the cut would help the market.",
        "温彬",
    ),
    # A Chinese name made of characters also used to spell foreign names: a name by sound needs
    # an English name left to render it.
    (
        "郑钦文以2比0战胜队友朱琳，夺得金牌。",
        ["Zheng Qinwen beat teammate Zhu Lin 2-0 to win the gold medal."],
        "Zheng Qinwen beat her teammate 2-0 to win the gold medal.",
        "朱琳",
    ),
    # A city after its country: 秘鲁 is a name of its own, not the start of 秘鲁利马 by sound.
    (
        "明年的会议将在秘鲁利马举行。",
        ["Next year's meeting will be held in Lima, Peru."],
        "Next year's meeting will be held in Peru.",
        "利马",
    ),
    # A place that begins a longer name: rendered by the longer name or by its own.
    (
        "腾讯控股15日在香港交易所发布业绩。",
        [
            "Tencent Holdings released its results on the Hong Kong Stock Exchange on Wednesday.",
            "Tencent Holdings released its results on the Hong Kong bourse on Wednesday.",
        ],
        "Tencent Holdings released its results on the Stock Exchange on Wednesday.",
        "香港交易所",
    ),
    # A name joined by "of" must keep what follows "of".
    (
        "中国人民银行20日公布数据。",
        ["The People's Bank of China released the data on Monday."],
        "The People's Bank of Japan released the data on Monday.",
        "中国人民银行",
    ),
    (
        "教育部数据显示。",
        ["The Ministry of Education said."],
        "The Ministry of Science said.",
        "教育部",
    ),
]


@pytest.mark.parametrize(("zh", "faithful", "lost", "name"), PEOPLE_AND_PLACES)
def test_people_and_places_rendered_or_lost_either_way(
    zh: str, faithful: list[str], lost: str, name: str
) -> None:
    for en in faithful:
        assert "entity-missing" not in _checks(_zh_en(zh, en)), en
        assert "entity-missing" not in _checks(_en_zh(en, zh)), en
    for pair in (_zh_en(zh, lost), _en_zh(lost, zh)):
        messages = [f.message for f in check_pairs([pair]) if f.check == "entity-missing"]
        assert any(f"“{name}”" in m for m in messages), messages


def test_words_starting_with_a_rare_surname_are_not_people() -> None:
    """强 and 和 are surnames too; without a title before them, 强降雨 and 和小微 are words."""
    pairs = [
        (
            "受持续强降雨影响，北江发生洪水。",
            "Continuous heavy rain caused a flood on the Beijiang.",
        ),
        (
            "将加大对制造业和小微企业的信贷支持。",
            "It will lend more to manufacturers and small firms.",
        ),
        (
            "中国石化将在广州建成600座加氢站。",
            "Sinopec will build 600 hydrogen stations in Guangzhou.",
        ),
    ]
    for zh, en in pairs:
        assert "entity-missing" not in _checks(_zh_en(zh, en)), zh
        assert "entity-missing" not in _checks(_en_zh(en, zh)), zh


def test_a_foreign_name_by_sound_is_still_rendered_by_its_english_name() -> None:
    zh, en = "罗斯在会上发言。", "Ross spoke at the meeting."
    assert "entity-missing" not in _checks(_zh_en(zh, en))
    assert "entity-missing" not in _checks(_en_zh(en, zh))


def test_an_acronym_in_the_plural_is_the_acronym() -> None:
    """CEOs is CEO: kept as 公司CEO们, lost when the Chinese says only 公司们; TEUs are 标准箱."""
    en = "The people in power: editors, producers, CEOs, lawmakers."
    assert "entity-missing" not in _checks(
        _en_zh(en, "那些有权的人：主编们，制作人们，公司CEO们，法律制定者。")
    )
    lost = [
        f.message
        for f in check_pairs([_en_zh(en, "那些有权的人：主编们，制作人们，公司们，法律制定者。")])
    ]
    assert any("“CEO”" in m for m in lost), lost
    zh, teu = "集装箱吞吐量达到2960万标准箱。", "Container throughput reached 29.6 million TEUs."
    assert _checks(_zh_en(zh, teu)) == [] and _checks(_en_zh(teu, zh)) == []


def test_an_ordinary_word_of_a_name_kept_in_latin_is_lost_unless_translated() -> None:
    """Iris of Iris van Herpen is a name (a flower too); President of President Obama is 总统."""
    en = "This was for a Paris fashion show with Iris van Herpen."
    assert "entity-missing" not in _checks(
        _en_zh(en, "这是和Iris van Herpen为巴黎时装展创造的作品。")
    )
    lost = [
        f.message for f in check_pairs([_en_zh(en, "这是和van Herpen为巴黎时装展创造的作品。")])
    ]
    assert any("“Iris”" in m for m in lost), lost
    assert "entity-missing" not in _checks(_en_zh("President Obama spoke.", "总统Obama讲了话。"))


def test_a_disagreement_of_kind_or_ordinal_says_what_disagrees() -> None:
    (points,) = check_pairs(
        [_zh_en("失业率比上月下降0.2个百分点。", "The jobless rate fell 0.2 percent.")]
    )
    assert points.message == "“0.2个百分点” (percentage points) against “0.2 percent” (percent)"
    (ordinal,) = check_pairs(
        [_en_zh("It was the Chinese team's fourth title.", "中国队第五次夺得该项赛事冠军。")]
    )
    assert ordinal.message == "the ordinals disagree: “fourth” against “第五次”"


@pytest.mark.parametrize(
    ("zh", "kept", "lost"),
    [
        # A rarer surname (米, also "rice" and "metre") in a two-character name after a title.
        (
            "该公司新闻发言人米锋在发布会上说，新产品将于明年上市。",
            "Company spokesman Mi Feng told reporters the new product would launch next year.",
            "A company spokesman told reporters the new product would launch next year.",
        ),
        # The tagger cuts 赵|海军 ("navy"): the surname after a title is joined to it again.
        (
            "公司联席首席执行官赵海军在业绩会上表示，需求正在回升。",
            "Co-chief executive Zhao Haijun told an earnings call that demand was recovering.",
            "The co-chief executive told an earnings call that demand was recovering.",
        ),
    ],
)
def test_a_person_after_a_title_dropped_from_the_english_is_caught(
    zh: str, kept: str, lost: str
) -> None:
    assert "entity-missing" not in _checks(_zh_en(zh, kept))
    (finding,) = [f for f in check_pairs([_zh_en(zh, lost)]) if f.check == "entity-missing"]
    assert finding.evidence[0].text in ("米锋", "赵海军")
    # The other way, the pinyin name kept is no false alarm.
    assert "entity-missing" not in _checks(_en_zh(kept, zh))


def test_words_after_a_title_that_are_no_person_stay_unflagged() -> None:
    """A title followed by an ordinary word (海军 navy, 米 metre) is not a person."""
    zh = "海军司令员出席仪式，跑道长3000米。"
    en = "The navy commander attended the ceremony; the runway is 3,000 metres long."
    assert "entity-missing" not in _checks(_zh_en(zh, en))


def test_a_company_that_is_also_a_common_word_is_demanded_before_company() -> None:
    """小米 is Xiaomi and millet, 大众 Volkswagen and the masses: before 公司 or 集团 the word is
    the company, and the English that loses it is caught; without it, millet is a word."""
    zh = "小米公司周四发布了新款手机。"
    assert _checks(_zh_en(zh, "Xiaomi released a new phone on Thursday.")) == []
    assert _checks(_zh_en(zh, "The company released a new phone on Thursday.")) == [
        "entity-missing"
    ]
    zh = "大众集团上调了全年销量预期。"
    assert _checks(_zh_en(zh, "Volkswagen raised its sales forecast for the year.")) == []
    assert _checks(_zh_en(zh, "The group raised its sales forecast for the year.")) == [
        "entity-missing"
    ]
    assert _checks(_zh_en("农民种植小米和玉米。", "Farmers grow millet and corn.")) == []
    # A modifier before 公司 is no company: 现代 "modern" (also Hyundai) in corporate governance.
    en = "A modern corporate governance structure should be built."
    assert _checks(_zh_en("要建立现代公司治理结构。", en)) == []
    # The other way: Xiaomi deleted from the Chinese.
    en = "Xiaomi released a new phone on Thursday."
    assert _checks(_en_zh(en, "小米周四发布了新款手机。")) == []
    assert "entity-missing" in _checks(_en_zh(en, "公司周四发布了新款手机。"))


@pytest.mark.parametrize(
    ("zh", "kept", "lost"),
    [
        (
            "长江三角洲地区经济增长较快。",
            "The Yangtze River Delta region grew quickly.",
            "The River Delta region grew quickly.",
        ),
        (
            "长江三角洲城市群发展迅速。",
            "Cities of the Yangtze River Delta are growing fast.",
            "Cities of the Delta are growing fast.",
        ),
    ],
)
def test_a_name_left_with_only_its_ordinary_words_is_not_rendered(
    zh: str, kept: str, lost: str
) -> None:
    """Two words in three of a name render it, but not when the one lost is the name's own
    first word and what is left is ordinary words (River Delta)."""
    assert "entity-missing" not in _checks(_zh_en(zh, kept))
    assert "entity-missing" in _checks(_zh_en(zh, lost))


def test_a_name_whose_first_word_is_an_ordinary_word_keeps_its_two_in_three() -> None:
    """Apple Inc (苹果公司) by Apple, PRC National Day (国庆节) by National Day: the first word is
    an ordinary word or an acronym, and the rest renders the name as before."""
    assert _checks(_zh_en("苹果公司发布新款手机。", "Apple released a new phone.")) == []
    assert (
        _checks(
            _zh_en(
                "国庆节假期出游人数增长。", "More people travelled over the National Day holiday."
            )
        )
        == []
    )


def test_a_name_joined_by_of_cut_at_the_front_is_caught() -> None:
    """中国工商银行 is the Industrial and Commercial Bank of China: "Commercial Bank of China" lost
    its start, and "Bank of China" is another bank; the whole name or ICBC renders it."""
    zh = "中国工商银行前三季度净利润同比增长。"
    tail = "net profit rose year on year in the first three quarters."
    assert _checks(_zh_en(zh, f"Industrial and Commercial Bank of China's {tail}")) == []
    assert _checks(_zh_en(zh, f"ICBC's {tail}")) == []
    assert _checks(_zh_en(zh, f"Commercial Bank of China's {tail}")) == ["entity-missing"]
    assert _checks(_zh_en(zh, f"Bank of China's {tail}")) == ["entity-missing"]
    # 工商银行 is also ICBC's in acronyms.json: one finding, not one a rule.
    short = "工商银行前三季度净利润同比增长。"
    assert _checks(_zh_en(short, f"Commercial Bank of China's {tail}")) == ["entity-missing"]


def test_a_body_by_its_full_chinese_name_wants_its_acronym_or_its_full_name() -> None:
    """亚奥理事会 (the tagger cuts it 亚|奥|理事会, CC-CEDICT lacks it) is the Olympic Council of
    Asia, OCA in acronyms.json: the English keeps the acronym or a name whose initials spell
    it; "the Olympic Council of" lost Asia. Both ways."""
    zh = "亚奥理事会代理主席在杭州出席了会议。"
    tail = "attended the meeting in Hangzhou."
    assert _checks(_zh_en(zh, f"The acting president of the Olympic Council of Asia {tail}")) == []
    assert _checks(_zh_en(zh, f"The acting president of the OCA {tail}")) == []
    assert _checks(_zh_en(zh, f"The acting president of the Olympic Council of {tail}")) == [
        "entity-missing"
    ]
    assert _checks(_zh_en(zh, f"The acting president {tail}")) == ["entity-missing"]
    assert _checks(_en_zh(f"The acting president of the OCA {tail}", zh)) == []
    zh = "世界卫生组织发布了新的指南。"
    assert _checks(_zh_en(zh, "The World Health Organization issued new guidelines.")) == []
    assert _checks(_zh_en(zh, "New guidelines were issued.")) == ["entity-missing"]
    # A paraphrase on an acronym that renders part of the body: the UN's children's agency.
    zh = "联合国儿童基金会发布报告。"
    assert _checks(_zh_en(zh, "The UN children's agency released a report.")) == []


def test_a_name_cut_at_the_front_may_be_a_later_mention() -> None:
    """The document gave the Chinese Academy of Sciences whole: "the Academy of Sciences"
    later renders 中国科学院; alone in its document it lost Chinese."""
    first = _zh_en(
        "中国科学院发布了年度报告。", "The Chinese Academy of Sciences released its annual report."
    )
    later = _zh_en(
        "中国科学院还公布了新计划。", "The Academy of Sciences also announced a new plan.", "2"
    )
    assert _checks(first, later) == []
    assert _checks(_zh_en(later.source, later.target)) == ["entity-missing"]


def test_an_acronym_is_rendered_by_its_name_spelt_out() -> None:
    """CC-CEDICT gives 东南亚国家联盟 as "ASEAN (Association of Southeast Asian Nations)" and
    联合国教科文组织 as "UNESCO, United Nations Educational, …": the name spelt out renders it,
    both ways; the IOC is 国际奥委会 (acronyms.json)."""
    pairs = [
        (
            "东南亚国家联盟成员国领导人出席会议。",
            "Leaders of the Association of Southeast Asian Nations attended.",
        ),
        (
            "联合国教科文组织将该遗址列入名录。",
            "The United Nations Educational, Scientific and Cultural Organization listed the site.",
        ),
        ("国际奥林匹克委员会主席出席开幕式。", "The IOC president attended the opening."),
    ]
    for zh, en in pairs:
        assert _checks(_zh_en(zh, en)) == []
        assert _checks(_en_zh(en, zh)) == []
    zh, en = pairs[0]
    assert _checks(_zh_en(zh, "Leaders of the member states attended.")) == ["entity-missing"]


def test_a_bodys_short_name_is_no_person() -> None:
    """卫健委 (the National Health Commission, 国家卫生健康委员会 shortened) is tagged as a
    person; a word ending in 委, 办, 局, 部 … is a body's short name. A person beside it who is
    dropped is still flagged."""
    zh = "国家卫健委表示，疫情总体平稳。"
    assert _checks(_zh_en(zh, "The National Health Commission said the epidemic was stable.")) == []
    zh = "国家卫健委主任马晓伟表示，疫情总体平稳。"
    en = "The head of the National Health Commission said the epidemic was stable."
    assert _checks(_zh_en(zh, en)) == ["entity-missing"]
    assert _checks(_zh_en(zh, f"Ma Xiaowei, the {en[4:]}")) == []


def test_a_name_at_the_front_of_a_common_word_is_not_that_name() -> None:
    """卫生部门 "health departments" starts with 卫生部 (the Ministry of Health), but 部门
    "department" is a word: no ministry. The ministry itself, dropped, is still flagged."""
    assert (
        _checks(
            _zh_en("各地卫生部门加强了监测。", "Local health authorities stepped up monitoring.")
        )
        == []
    )
    assert _checks(_zh_en("卫生部发布了新规定。", "New rules were issued.")) == ["entity-missing"]
    assert _checks(
        _zh_en("卫生部门和卫生部都发布了新规定。", "Health authorities issued new rules.")
    ) == ["entity-missing"]


def test_a_surname_in_wade_giles_or_cantonese_renders_the_name() -> None:
    """Joe Tsai for 蔡崇信 (Tsai is 蔡 in Wade-Giles), Tsai Chung-hsin too; but not a surname
    that is another's (Chan is 陈), nor the name dropped."""
    zh = "阿里巴巴董事长蔡崇信表示，公司将继续投资。"
    tail = "said the company would keep investing."
    assert _checks(_zh_en(zh, f"Alibaba chairman Joe Tsai {tail}")) == []
    assert _checks(_zh_en(zh, f"Alibaba chairman Tsai Chung-hsin {tail}")) == []
    assert _checks(_zh_en(zh, f"Alibaba chairman Joe Chan {tail}")) == ["entity-missing"]
    assert _checks(_zh_en(zh, f"Alibaba's chairman {tail}")) == ["entity-missing"]
    zh = "财政司司长陈茂波表示，经济将继续复苏。"  # Chan: 陈 in Hong Kong's Cantonese spelling
    tail = "said the economy would keep recovering."
    assert _checks(_zh_en(zh, f"Financial Secretary Paul Chan {tail}")) == []
    assert _checks(_zh_en(zh, f"The Financial Secretary {tail}")) == ["entity-missing"]


def test_a_paraphrase_on_a_dotted_acronym_renders_the_body() -> None:
    """ "The U.N. cultural agency" (AP's dotted UN) for 联合国教科文组织, as "the UN children's
    agency" for 联合国儿童基金会: one rule whichever path found the body. Without the UN the
    agency is not named."""
    zh = "联合国教科文组织将该遗址列入世界遗产名录。"
    tail = "cultural agency added the site to its World Heritage List."
    assert _checks(_zh_en(zh, f"The U.N. {tail}")) == []
    assert _checks(_zh_en(zh, f"The UN {tail}")) == []
    assert _checks(_zh_en(zh, f"A {tail}")) == ["entity-missing"]
    zh = "联合国儿童基金会发布报告。"
    assert _checks(_zh_en(zh, "The U.N. children's agency released a report.")) == []
    assert _checks(_zh_en(zh, "A children's agency released a report.")) == ["entity-missing"]


# Names the sixth round taught the check to see (2026-12-03; from IWSLT's misses and sentences
# written for these tests, not from corpora/zh-en-news-heldout-3).


def test_a_name_of_ordinary_words_kept_in_latin_and_lost_is_caught_both_ways() -> None:
    """A translator who keeps names in Latin keeps Windows and “The Voice” too: deleted, they
    are lost, though a dictionary writes every word of them in lower case."""
    en = "After the upgrade, the office laptops no longer run Windows, Maria said."
    kept = "升级之后，办公室的笔记本电脑不再运行Windows了，Maria说。"
    lost = "升级之后，办公室的笔记本电脑不再运行了，Maria说。"
    assert _checks(_en_zh(en, kept)) == [] and _checks(_zh_en(kept, en)) == []
    for pair in (_en_zh(en, lost), _zh_en(lost, en)):
        messages = [f.message for f in check_pairs([pair]) if f.check == "entity-missing"]
        assert any("“Windows”" in m for m in messages), messages
    # Translated by a dictionary word, it is rendered (视窗 'Windows (the Microsoft …)').
    translated = "升级之后，办公室的笔记本电脑不再运行视窗系统了，Maria说。"
    assert _checks(_en_zh(en, translated)) == []
    en = 'Every Friday Tom and his sister watch "The Voice" together.'
    assert _checks(_en_zh(en, "每周五Tom都和妹妹一起看“The Voice”。")) == []
    lost_show = [f.message for f in check_pairs([_en_zh(en, "每周五Tom都和妹妹一起看。")])]
    assert any("“Voice”" in m for m in lost_show), lost_show
    # A title left in the Chinese may render it: not flagged.
    assert _checks(_en_zh(en, "每周五Tom都和妹妹一起看《好声音》。")) == []


def test_a_quotation_or_sentence_starting_with_a_capital_is_no_name() -> None:
    """The first word of a sentence or of a quotation ("You know", "Yeah!") is no name, even
    where the translator keeps names in Latin."""
    en = 'Then the doctor, Dr. Wong, says, "You know, I would like to give you a drug."'
    zh = "然后Wong医生说：“我想给你开点药。”"
    assert _checks(_en_zh(en, zh)) == []


def test_a_title_the_dictionary_translates_renders_its_english_and_no_other_name() -> None:
    """“雨人” is 'Rain Man' (CC-CEDICT) and 奥斯卡 'Oscar (Academy Award)': names by sound and
    titles the English has by those names are not left to render Raymond Babbitt."""
    en = (
        'After Dustin Hoffman\'s performance as Raymond Babbitt earned "Rain Man" four '
        "Academy Awards, everyone knew the film."
    )
    rest = "之后，“雨人”赢得了四项奥斯卡大奖，人人都知道这部电影。"
    kept, lost = f"在Dustin Hoffman扮演了Raymond Babbitt{rest}", f"在Dustin Hoffman扮演了{rest}"
    assert _checks(_en_zh(en, kept)) == []
    messages = [f.message for f in check_pairs([_en_zh(en, lost)])]
    assert any("“Raymond Babbitt”" in m for m in messages), messages
    # A bracketed gloss in lower case in the English is not the name: 诺贝尔 'Nobel (Prize)'.
    en = "The Nobel Assembly announced the prize in Stockholm."
    assert _checks(_en_zh(en, "诺贝尔大会在斯德哥尔摩宣布了这一奖项。")) == []


@pytest.mark.parametrize(
    ("zh", "rendered", "lost", "name"),
    [
        (  # the tagger cuts 物|联网 ('Internet of things (IoT)')
            "该省的移动物联网连接数突破1亿个。",
            "Mobile Internet of Things connections in the province exceeded 100 million.",
            "Mobile connections in the province exceeded 100 million.",
            "物联网",
        ),
        (  # 京沪|高铁 ('Beijing-Shanghai High-Speed Railway'), Beijing lost
            "京沪高铁今年发送旅客超过2亿人次。",
            "The Beijing-Shanghai high-speed railway carried more than 200 million passengers "
            "this year.",
            "The Shanghai high-speed railway carried more than 200 million passengers this year.",
            "京沪高铁",
        ),
    ],
)
def test_a_dictionary_name_the_tagger_cuts_into_tokens_is_demanded(
    zh: str, rendered: str, lost: str, name: str
) -> None:
    for make in (_zh_en, lambda z, e: _en_zh(e, z)):
        assert _checks(make(zh, rendered)) == []
        messages = [f.message for f in check_pairs([make(zh, lost)])]
        assert any(f"“{name}”" in m for m in messages), messages


def test_a_place_lost_from_a_name_spelt_out_beside_its_acronym_is_caught_both_ways() -> None:
    """亚洲开发银行（ADB） as "the Development Bank (ADB)": its initials spell less than ADB and
    亚洲 is lost, though "Asian" later in the sentence says Asia's name. A name spelt from
    syllables (TEPCO) is whole when its places are there."""
    zh = "亚洲开发银行（ADB）预计，亚洲新兴经济体今年将增长4.9%。"
    whole = "The Asian Development Bank (ADB) expects emerging Asian economies to grow 4.9 percent."
    cut = "The Development Bank (ADB) expects emerging Asian economies to grow 4.9 percent."
    for make in (_zh_en, lambda z, e: _en_zh(e, z)):
        assert _checks(make(zh, whole)) == []
        messages = [f.message for f in check_pairs([make(zh, cut)])]
        assert any("“亚洲”" in m and "Development Bank" in m for m in messages), messages
    zh = "东京电力公司（TEPCO）24日开始排放处理水。"
    en = "Tokyo Electric Power Company (TEPCO) began releasing the treated water on Thursday."
    assert _checks(_zh_en(zh, en)) == [] and _checks(_en_zh(en, zh)) == []


def test_a_dotted_acronym_renders_its_country() -> None:
    """美国 as "U.S." in an adjective (news copy dots the acronym), as US and America do; a
    sentence that loses the country is still flagged."""
    zh = "原告为美国运动品牌新百伦（New Balance），被告为广州一家鞋业公司。"
    tail = "sportswear brand New Balance, and the defendant a shoe company in Guangzhou."
    assert _checks(_zh_en(zh, f"The plaintiff was U.S. {tail}")) == []
    assert _checks(_zh_en(zh, f"The plaintiff was US {tail}")) == []
    assert _checks(_zh_en(zh, f"The plaintiff was {tail}")) == ["entity-missing"]
    zh = "英国首相在伦敦会见了来访的美国国务卿。"
    en = "The British prime minister met the visiting U.K. secretary of state in London."
    assert _checks(_zh_en(zh, en)) == ["entity-missing"]  # U.K. is not U.S.


def test_a_place_adjective_renders_the_place_in_the_chinese() -> None:
    """Egyptian for 埃及, Swedish kronor for 瑞典克朗, a Chinese-Indonesian venture for 中印尼合资:
    the English makes the Chinese place an adjective; a nationality the Chinese has no place
    for is still a name it lost."""
    assert (
        _checks(
            _zh_en(
                "大英博物馆将向上海博物馆出借40余件古埃及文物。",
                "The British Museum will lend more than 40 ancient Egyptian artifacts to the "
                "Shanghai Museum.",
            )
        )
        == []
    )
    assert (
        _checks(
            _zh_en(
                "两人将平分1100万瑞典克朗的奖金。", "The two will share 11 million Swedish kronor."
            )
        )
        == []
    )
    assert (
        _checks(
            _zh_en(
                "项目由中印尼合资企业KCIC公司负责运营。",
                "The line is operated by KCIC, a Chinese-Indonesian joint venture.",
            )
        )
        == []
    )
    assert _checks(
        _zh_en(
            "大英博物馆将向上海博物馆出借40余件古代文物。",
            "The British Museum will lend more than 40 ancient Egyptian artifacts to the "
            "Shanghai Museum.",
        )
    ) == ["entity-missing"]


def test_an_acronym_spelt_by_the_initials_of_a_chinese_name() -> None:
    """CSL for 中超 (CC-CEDICT: Chinese Super League), JD for 京东 (glossed by its pinyin,
    Jingdong): the acronym's letters are the name's initials. An acronym nothing in the
    Chinese spells is still missing from it."""
    assert (
        _checks(
            _zh_en(
                "本赛季中超场均观众达到2.4万人。",
                "Average CSL attendance this season reached 24,000.",
            )
        )
        == []
    )
    assert (
        _checks(
            _zh_en(
                "京东表示，其平台上有超过1.7万个品牌的成交额同比翻番。",
                "JD said more than 17,000 brands on its platform had doubled their sales.",
            )
        )
        == []
    )
    assert _checks(
        _zh_en(
            "该平台表示，有超过1.7万个品牌的成交额同比翻番。",
            "JD said more than 17,000 brands on its platform had doubled their sales.",
        )
    ) == ["entity-missing"]


def test_one_unexplained_name_each_side_is_the_same_name() -> None:
    """Maersk for 马士基, Rayong for 罗勇府: no dictionary links them, but one name on each side
    left unexplained is the same name by sound or by its own brand. Flagged still: the name
    lost (no name left to render it), two Chinese names against one English, and a name
    CC-CEDICT links to other characters (Paris is 巴黎, not 洛杉矶)."""
    zh = "马士基表示，受红海局势影响，其船舶将继续绕行好望角。"
    tail = (
        "said its vessels would keep sailing around the Cape of Good Hope because of the Red Sea."
    )
    assert _checks(_zh_en(zh, f"Maersk {tail}")) == []
    assert _checks(_zh_en(zh, f"The company {tail}")) == ["entity-missing"]
    zh = "比亚迪在泰国罗勇府的工厂7月投产。"
    assert (
        _checks(_zh_en(zh, "BYD's plant in Rayong, Thailand, went into production in July.")) == []
    )
    assert _checks(_zh_en(zh, "BYD's plant in Thailand went into production in July.")) == [
        "entity-missing"
    ]
    zh = "马士基和赫伯罗特表示，其船舶将继续绕行好望角。"
    en = "Maersk said its vessels would keep sailing around the Cape of Good Hope."
    assert _checks(_zh_en(zh, en)) == ["entity-missing"]
    zh = "2028年洛杉矶奥运会将新增五个比赛项目。"
    en = "The 2028 Paris Olympics will add five sports."
    assert _checks(_zh_en(zh, en)) == ["entity-missing"]


def test_a_chinese_surname_spelt_otherwise_renders_the_person_both_ways() -> None:
    """Nancy Ip for 叶玉如 (Ip is 叶 in Hong Kong's spelling), Lawrence Wong for 黄循财 and a
    later "Wong" once the document has named him: the English name is rendered as the Chinese
    one is. A surname that is another's (Chan is 陈) is no rendering."""
    zh = "生命科学奖授予香港科技大学的叶玉如。"
    tail = "of the Hong Kong University of Science and Technology."
    assert _checks(_zh_en(zh, f"The life science prize went to Nancy Ip {tail}")) == []
    assert _checks(_zh_en(zh, f"The life science prize went to Nancy Chan {tail}")) == [
        "entity-missing",
        "entity-missing",
    ]
    first = _zh_en(
        "新加坡总理黄循财将于11月访华。",
        "Singaporean Prime Minister Lawrence Wong will visit China in November.",
        unit="1",
    )
    later = _zh_en("黄循财还将访问天津。", "Wong will also visit Tianjin.", unit="2")
    assert _checks(first, later) == []
    assert _checks(_zh_en("黄循财还将访问天津。", "He will also visit Tianjin.")) == [
        "entity-missing"
    ]


def test_an_english_name_the_chinese_writes_by_sound_is_rendered() -> None:
    """The Oliver E. Buckley Prize for 巴克利奖: one run (a middle initial inside), and the
    Chinese holds a name by sound that nothing in the English renders, so the two are one name.
    Without 巴克利 the prize is a name the Chinese lost; a common word that looks like a name
    by sound (比赛 "match") renders no English name (Kaoru Mitoma for 三笘薰 stays flagged)."""
    en = "Tsinghua University professor Xue Qikun has previously won the Oliver E. Buckley Prize."
    assert _checks(_zh_en("清华大学教授薛其坤此前曾获得巴克利奖。", en)) == []
    assert _checks(_zh_en("清华大学教授薛其坤此前曾获得这一荣誉。", en)) == ["entity-missing"]
    assert _checks(
        _zh_en(
            "日本队前锋三笘薰在比赛中打进两球。",
            "Japan forward Kaoru Mitoma scored twice in the match.",
        )
    ) == ["entity-missing"]


def test_a_title_a_time_zone_and_a_doubled_pinyin_name_are_no_lost_names() -> None:
    """国务院总理 as "Premier" (the title names the office; without it the State Council is
    lost), 北京时间 left to the converted date (a time zone, not a place), and Qian Qian for
    钱前 (a name in pinyin, not a word doubled; "the the" still is)."""
    zh = "国务院总理李强在人民大会堂同新加坡总理举行会谈。"
    tail = "held talks with the Singaporean prime minister at the Great Hall of the People."
    assert _checks(_zh_en(zh, f"Premier Li Qiang {tail}")) == []
    assert _checks(_zh_en(zh, f"Li Qiang {tail}")) == ["entity-missing"]
    zh = "北京时间10月7日，2024年诺贝尔生理学或医学奖揭晓。"
    assert (
        _checks(
            _zh_en(zh, "The 2024 Nobel Prize in Physiology or Medicine was announced on October 7.")
        )
        == []
    )
    zh = "中国农业科学院研究员钱前表示，新品种的亩产比常规稻高出两成左右。"
    en = (
        "Qian Qian, a researcher at the Chinese Academy of Agricultural Sciences, said the new "
        "variety yields about 20 percent more per mu than conventional rice."
    )
    assert _checks(_zh_en(zh, en)) == []
    assert _checks(_zh_en(zh, en.replace("than conventional", "than the the conventional"))) == [
        "doubled-word"
    ]


def test_a_word_ending_in_an_acronym_is_rendered_with_the_acronym() -> None:
    """microRNA for 微小核糖核酸 (核糖核酸 is RNA), mRNA for 信使核糖核酸: the prefix in lower case
    is in Chinese words of its own; with no RNA in the Chinese the word is missing."""
    en = "The prize went to two scientists for the discovery of microRNA."
    assert _checks(_zh_en("该奖项授予两位科学家，以表彰他们发现微小核糖核酸。", en)) == []
    assert _checks(_zh_en("该奖项授予两位科学家，以表彰他们的发现。", en)) == ["entity-missing"]
    en = "The company will build an mRNA vaccine plant."
    assert _checks(_zh_en("该公司将建设一座信使核糖核酸疫苗工厂。", en)) == []
