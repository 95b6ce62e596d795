"""False flags on clean Chinese → English news pairs (issue 17, the precision round of
helper precision3): each rule's false flag gone on a real sentence, and a truly dropped name or
changed number of the same kind still flagged."""

from __future__ import annotations

from tm.checks import CheckPair, check_pairs
from tm.model import Location


def _zh_en(zh: str, en: str, unit: str = "1", document: str = "d") -> CheckPair:
    return CheckPair(zh, en, "zh-Hans", "en", Location("t.txt", unit=unit), document)


def _messages(*pairs: CheckPair) -> list[str]:
    return [f.message for f in check_pairs(list(pairs))]


def test_a_thousand_times_with_a_separator_is_a_thousand() -> None:
    zh = "青海三江源国家公园的红外相机今年拍到雪豹影像超过1000次。"
    en = (
        "Infrared cameras in the Sanjiangyuan National Park in Qinghai have captured images "
        "of snow leopards more than {} times this year."
    )
    assert _messages(_zh_en(zh, en.format("1,000"))) == []
    (message,) = _messages(_zh_en(zh, en.format("1,100")))
    assert "1000次 (1000)" in message and "1,100 times (1100)" in message


def test_a_name_glossed_in_brackets_is_rendered_by_its_gloss() -> None:
    zh = "比赛总奖金为250万美元，由国际棋联（FIDE）主办。"
    en = "The match, organized by FIDE, carried a prize fund of 2.5 million U.S. dollars."
    assert _messages(_zh_en(zh, en)) == []
    lost = _messages(_zh_en(zh, "The match carried a prize fund of 2.5 million U.S. dollars."))
    assert any("“国际棋联”" in m for m in lost) and any("“FIDE”" in m for m in lost)


def test_an_older_romanisation_renders_the_place() -> None:
    en = (
        "Peking opera was inscribed on UNESCO's Representative List of the Intangible Cultural "
        "Heritage of Humanity in 2010."
    )
    zh = "京剧于2010年被列入联合国教科文组织人类非物质文化遗产代表作名录。"
    assert _messages(_zh_en(zh, en)) == []
    # Shaoxing opera (越剧) is no Peking opera: the English name is not the Chinese one's.
    other = _messages(_zh_en(zh.replace("京剧", "越剧"), en))
    assert other == ["“Peking” is in the English translation but the Chinese renders nothing of it"]


def test_a_count_after_an_enumeration_is_no_name() -> None:
    zh = "中国、坦桑尼亚和赞比亚三国9月签署坦赞铁路激活项目谅解备忘录。"
    en = (
        "China, Tanzania and Zambia signed a memorandum of understanding in September on "
        "revitalizing the Tanzania-Zambia Railway."
    )
    assert _messages(_zh_en(zh, en)) == []
    dropped = "China and Zambia signed a memorandum of understanding in September on the railway."
    assert any("“坦桑尼亚”" in m for m in _messages(_zh_en(zh, dropped)))
    # The Three Kingdoms, counted after nothing, is still a name the English must say.
    leaders = "The leaders of China, Japan and South Korea met in Seoul."
    assert _messages(_zh_en("中日韩三国领导人会议在首尔举行。", leaders)) == []
    # Three characters before it that are no short names (他爱读, "he loves to read") count
    # nothing.
    (read,) = _messages(_zh_en("他爱读三国的故事。", "He loves the stories of that period."))
    assert read.startswith("“三国”")
    story = "He has loved the stories of the period since childhood."
    (message,) = _messages(_zh_en("他从小喜欢读三国的故事。", story))
    assert message.startswith("“三国” is in the Chinese source")


def test_china_left_out_of_a_chinese_company_named_by_its_pinyin() -> None:
    zh = "中国平安22日公布，今年前三季度归母净利润为1139亿元，同比增长36.1%。"
    en = (
        "{} said on Tuesday its net profit attributable to shareholders was 113.9 billion yuan "
        "in the first three quarters, up 36.1 percent year on year."
    )
    assert _messages(_zh_en(zh, en.format("Ping An Insurance"))) == []
    assert _messages(_zh_en(zh, en.format("Ping An"))) == []
    assert any("“中国”" in m for m in _messages(_zh_en(zh, en.format("The insurer"))))
    # China said on its own besides the company is still wanted.
    both = "中国平安22日公布，中国经济前三季度增长4.9%。"
    lost = _messages(_zh_en(both, "Ping An said the economy grew 4.9 percent in nine months."))
    assert any("“中国”" in m for m in lost)


def test_a_name_of_fiction_used_in_its_plain_sense() -> None:
    zh = "大桥全长55公里，于2018年10月开通。"
    assert _messages(_zh_en(zh, "The 55-kilometer bridge opened in October 2018.")) == []
    assert _messages(_zh_en(zh, "The bridge, 55 kilometers long, opened in October 2018.")) == []
    assert _messages(_zh_en(zh, "The 55-kilometer link opened in October 2018.")) != []
    # A name that says the sense itself (长江 'Yangtze River') is not said by "the river".
    (lost,) = _messages(_zh_en("长江全长6300公里。", "The river is 6,300 kilometers long."))
    assert lost.startswith("“长江”")


def test_an_acronym_spelt_by_a_short_chinese_name() -> None:
    """世界羽联 is short for 世界羽毛球联合会, the Badminton World Federation: BWF."""
    zh = "2024年世界羽联世界巡回赛总决赛15日在杭州落幕。"
    assert (
        _messages(_zh_en(zh, "The 2024 BWF World Tour Finals ended in Hangzhou on Sunday.")) == []
    )
    # An acronym of another body, or one whose last letter is no federation's, is lost.
    for other in ("ATP", "BWC"):
        en = f"The 2024 {other} World Tour Finals ended in Hangzhou on Sunday."
        assert _messages(_zh_en(zh, en)) == [
            f"“{other}” is in the English translation but not in the Chinese"
        ]


def test_a_coined_chinese_name_translated_in_quotation_marks() -> None:
    zh = "“港车北上”政策实施以来，已有约9万辆香港私家车获批。"
    en = "About 90,000 Hong Kong private cars have been approved since the {} scheme began."
    official = '"Northbound Travel for Hong Kong Vehicles"'
    assert _messages(_zh_en(zh, en.format(official))) == []
    # Another scheme's name, or the same name with no coined Chinese name quoted, is lost.
    other = _messages(_zh_en(zh, en.format('"Southbound Travel for Macao Vessels"')))
    assert "“Southbound Travel” is in the English translation" in other[0]
    unquoted = _messages(_zh_en("该政策实施以来，已有约9万辆香港私家车获批。", en.format(official)))
    assert unquoted == [
        "“Northbound Travel” is in the English translation but the Chinese renders nothing of it"
    ]


def test_a_place_lost_from_a_compound_of_short_names() -> None:
    """坦赞铁路 joins 坦桑尼亚 and 赞比亚 by their first characters: rendered "Tanzania-Zambia
    Railway", each place is said twice."""
    zh = "中国、坦桑尼亚和赞比亚三国9月签署坦赞铁路激活项目谅解备忘录。"
    en = (
        "China, Tanzania and Zambia signed a memorandum of understanding in September on "
        "revitalizing the {}."
    )
    assert _messages(_zh_en(zh, en.format("Tanzania-Zambia Railway"))) == []
    assert _messages(_zh_en(zh, en.format("railway"))) == []  # not by the places: no ask
    (lost,) = _messages(_zh_en(zh, en.format("Zambia Railway")))
    assert lost.startswith("“坦桑尼亚” is in the Chinese source") and "outside 坦赞" in lost


def test_a_place_said_again_inside_a_quoted_name_is_said_outside_it_too() -> None:
    zh = "“港车北上”政策实施以来，已有约9万辆香港私家车获批。"
    scheme = '"Northbound Travel for Hong Kong Vehicles"'
    lost = f"About 90,000 private cars have been approved since the {scheme} scheme began."
    assert _messages(_zh_en(zh, lost)) == [
        "“香港” is in the Chinese source but not in the English (no Hong Kong outside “港车北上”)"
    ]


def test_a_name_said_but_for_the_word_of_its_kind() -> None:
    """商务部 is 'Department of Commerce' in CC-CEDICT and the Ministry of Commerce in China's
    English; 釜山 'Busan Metropolitan City' is Busan."""
    zh = "商务部国际贸易谈判副代表李咏表示，将推动RCEP高质量实施。"
    en = (
        "Li Yong, deputy China international trade representative at the {}, said China would "
        "push for high-quality implementation of RCEP."
    )
    assert _messages(_zh_en(zh, en.format("Ministry of Commerce"))) == []
    assert any("“商务部”" in m for m in _messages(_zh_en(zh, en.format("ministry"))))
    busan = "中国乒乓球队在釜山世乒赛团体赛中包揽男女团体冠军。"
    titles = "China swept the men's and women's titles at the World Team Championships in {}."
    assert _messages(_zh_en(busan, titles.format("Busan"))) == []
    assert any("“釜山”" in m for m in _messages(_zh_en(busan, titles.format("Seoul"))))


def test_a_faith_said_by_its_people_adjective() -> None:
    zh = "我不是生长在一个犹太教的家庭，但我小的时候，我的祖母曾经告诉我希伯来圣经的故事。"
    en = (
        "I wasn't raised in a religious {} home, but when I was young, my grandmother used to "
        "tell me stories from the Hebrew Bible."
    )
    assert _messages(_zh_en(zh, en.format("Jewish"))) == []
    (lost,) = _messages(_zh_en(zh, en.format("Christian")))
    assert lost.startswith("“犹太教”")


def test_a_piece_of_a_longer_name_the_english_renders() -> None:
    zh = "但据葛兰素史克制药公司估计，90%的药品只对30%到50%的人有用。"
    en = "But {} estimates that 90 percent of the drugs work in only 30 to 50 percent of people."
    assert _messages(_zh_en(zh, en.format("GlaxoSmithKline"))) == []
    assert _messages(_zh_en(zh, en.format("Pfizer"))) != []


def test_an_acronym_spelt_out_renders_it_both_ways() -> None:
    zh = "中国与东盟贸易额前10个月达到5.17万亿元。"
    en = "Trade between China and {} reached 5.17 trillion yuan in the first 10 months."
    assert _messages(_zh_en(zh, en.format("the Association of Southeast Asian Nations"))) == []
    assert _messages(_zh_en(zh, en.format("ASEAN"))) == []
    (lost,) = _messages(_zh_en(zh, en.format("the bloc")))
    assert lost.startswith("“东盟”")
    # Spelt out for another body's Chinese name, it renders nothing of it.
    other = _messages(
        _zh_en(zh.replace("东盟", "欧盟"), en.format("the Association of Southeast Asian Nations"))
    )
    assert any("“欧盟”" in m for m in other)


def test_u_umlaut_written_u() -> None:
    zh = "北京大学教授吕植领导的团队已在该地区开展调查十余年。"
    en = "A team led by Peking University professor {} has surveyed the area for over a decade."
    assert _messages(_zh_en(zh, en.format("Lu Zhi"))) == []
    assert _messages(_zh_en(zh, en.format("Lü Zhi"))) == []
    lost = _messages(_zh_en(zh, en.format("Lu Zhang")))
    assert any(m.startswith("“吕植”") for m in lost)


def test_a_body_lost_its_kind_word_is_lost() -> None:
    """The kind of a body joined by "of" must be said, if not the dictionary's: "the of
    Education" has lost the Ministry."""
    zh = "教育部数据显示，2024届全国普通高校毕业生预计达1179万人。"
    en = "China expects 11.79 million college graduates in 2024, according to the {}Education."
    assert _messages(_zh_en(zh, en.format("Ministry of "))) == []
    assert any("“教育部”" in m for m in _messages(_zh_en(zh, en.format("of "))))


def test_a_person_jieba_knows_by_name_is_a_person() -> None:
    """jieba tags some people it knows in full nrfg (李咏), not nr: the name is wanted all
    the same."""
    zh = "商务部国际贸易谈判副代表李咏表示，将推动RCEP高质量实施。"
    en = (
        "{}deputy China international trade representative at the Ministry of Commerce, said "
        "China would push for high-quality implementation of RCEP."
    )
    assert _messages(_zh_en(zh, en.format("Li Yong, "))) == []
    assert _messages(_zh_en(zh, en.format("A "))) == [
        "“李咏” is in the Chinese source but not in the English (no Liyong)"
    ]


def test_the_conventions_hold_whichever_side_is_the_source() -> None:
    """A pair gives the same findings in either order: the English as the source too."""
    pairs = [
        (
            "2024年世界羽联世界巡回赛总决赛在杭州落幕。",
            "The 2024 BWF World Tour Finals ended in Hangzhou.",
        ),
        ("比赛由国际棋联（FIDE）主办。", "The match was organized by FIDE."),
        (
            "京剧于2010年被列入联合国教科文组织人类非物质文化遗产代表作名录。",
            "Peking opera was inscribed on UNESCO's Representative List of the Intangible "
            "Cultural Heritage of Humanity in 2010.",
        ),
        ("大桥全长55公里，于2018年10月开通。", "The 55-kilometer bridge opened in October 2018."),
        (
            "北京大学教授吕植领导的团队已在该地区开展调查十余年。",
            "A team led by Peking University professor Lu Zhi has surveyed the area for more "
            "than a decade.",
        ),
    ]
    for zh, en in pairs:
        reverse = CheckPair(en, zh, "en", "zh-Hans", Location("t.txt", unit="1"), "d")
        assert _messages(_zh_en(zh, en)) == [] == _messages(reverse), (zh, en)
    lost = CheckPair(
        "The match was organized by the chess body.",
        "比赛由国际棋联（FIDE）主办。",
        "en",
        "zh-Hans",
        Location("t.txt", unit="1"),
        "d",
    )
    assert any("“国际棋联”" in m for m in _messages(lost))
