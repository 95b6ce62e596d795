"""Conventions of a news agency's English that the names check once called losses (issue 17,
the lead's round after precision3): the reporters of the byline, an agency named without
"News Agency", a person's name after a title that the Chinese renders by another reading, a
place inside a storm's name. Each false flag gone on a sentence of our own, and a real loss of
the same kind still flagged."""

from __future__ import annotations

from tm.checks import CheckPair, check_pairs
from tm.checks.name_evidence import pinyin_name_word
from tm.checks.name_pairs import after_title
from tm.model import Location


def _messages(zh: str, en: str, *, english_first: bool = False) -> list[str]:
    if english_first:
        pair = CheckPair(en, zh, "en", "zh-Hans", Location("t.txt", unit="1"), "d")
    else:
        pair = CheckPair(zh, en, "zh-Hans", "en", Location("t.txt", unit="1"), "d")
    return [f.message for f in check_pairs([pair])]


_VISIT_ZH = (
    "新华社北京12月2日电（记者张晓松、朱基钗）"
    "国家主席习近平2日在人民大会堂会见来访的越南国家主席梁强。"
)
_VISIT_EN = (
    "BEIJING, Dec. 2 (Xinhua) -- Chinese President Xi Jinping met with visiting Vietnamese "
    "President Luong Cuong at the Great Hall of the People in Beijing on Tuesday."
)


def test_the_byline_the_agency_and_a_vietnamese_name_are_rendered_by_convention() -> None:
    assert _messages(_VISIT_ZH, _VISIT_EN) == []
    assert _messages(_VISIT_ZH, _VISIT_EN, english_first=True) == []


def test_a_reporter_named_outside_the_byline_is_still_wanted() -> None:
    zh = "记者张晓松在现场看到，习近平与梁强亲切握手。"
    en = "At the scene, a reporter saw Xi Jinping shake hands warmly with Luong Cuong."
    assert any("“张晓松”" in m for m in _messages(zh, en))


def test_the_agency_dropped_altogether_is_still_lost() -> None:
    zh = "据路透社报道，特斯拉首席执行官马斯克周一表示，公司将在上海新建一座储能超级工厂。"
    reported = (
        "Tesla CEO Elon Musk said on Monday that the company would build a new "
        "energy-storage megafactory in Shanghai, Reuters reported."
    )
    assert _messages(zh, reported) == []
    dropped = reported.replace(", Reuters reported", "")
    assert any("“路透社”" in m for m in _messages(zh, dropped))


def test_a_japanese_name_after_a_title_pairs_with_the_chinese_name() -> None:
    zh = "日本首相石破茂于10月1日宣布辞职。"
    en = "Japanese Prime Minister Shigeru Ishiba announced his resignation on Oct. 1."
    assert _messages(zh, en) == []
    # Only the title left: the name is lost.
    lost = _messages(zh, "The Japanese prime minister announced his resignation on Oct. 1.")
    assert any("“石破茂”" in m for m in lost)


def test_the_title_is_cut_off_the_name_only_before_a_name() -> None:
    zh = "越南国家主席梁强"
    assert after_title("Vietnamese President Luong Cuong", zh) == "Luong Cuong"
    assert after_title("Great Hall", zh) == "Great Hall"  # ordinary words throughout
    assert after_title("Luong Cuong", zh) == "Luong Cuong"


def test_a_word_of_a_pinyin_name_has_one_or_two_syllables_and_no_interjection() -> None:
    assert pinyin_name_word("liqun") and pinyin_name_word("ouyang") and pinyin_name_word("xi")
    assert not pinyin_name_word("luong")  # lu-o-ng only with the interjection ng
    assert not pinyin_name_word("shigeru")  # three syllables
    assert not pinyin_name_word("eddie")


def test_a_place_inside_a_storms_name_is_no_place() -> None:
    zh = "据中国气象局消息，今年第26号台风“桦加沙”预计将于24日在广东沿海登陆。"
    en = (
        "Typhoon Ragasa, the 26th of the year, is expected to make landfall on the coast of "
        "Guangdong on Wednesday, according to the China Meteorological Administration."
    )
    assert _messages(zh, en) == []
    # Gaza outside the storm's name is a place the English must say.
    gaza = "联合国称，加沙地带的人道主义局势持续恶化。"
    assert any(
        "加沙" in m
        for m in _messages(gaza, "The UN said the humanitarian situation continued to deteriorate.")
    )


def test_an_english_given_name_before_the_surname_in_pinyin() -> None:
    zh = "英伟达首席执行官黄仁勋在台北国际电脑展上发表主题演讲。"
    en = "Nvidia CEO Jensen Huang delivered a keynote speech at Computex in Taipei."
    assert _messages(zh, en) == []
    # No one named in the Chinese: a name the Chinese does not render.
    other = _messages(zh.replace("黄仁勋", ""), en)
    assert any("“Jensen Huang”" in m for m in other)


def test_a_name_blended_from_the_glosses_of_the_chinese_name() -> None:
    zh = "据欧盟统计局初步数据，欧元区10月通胀率为2.1%。"
    en = (
        "Eurozone inflation stood at 2.1 percent in October, according to a flash estimate "
        "from Eurostat."
    )
    assert _messages(zh, en) == []
    # An agency whose name the Chinese does not give: Eurostat is rendered by nothing.
    vague = "据初步数据，欧元区10月通胀率为2.1%。"
    assert any("“Eurostat”" in m for m in _messages(vague, en))


def test_a_stan_countrys_adjective_renders_the_country() -> None:
    zh = "哈萨克斯坦总统托卡耶夫将出席在天津举行的上合组织峰会。"
    en = "Kazakh President Kassym-Jomart Tokayev will attend the SCO summit in Tianjin."
    assert _messages(zh, en) == []
    dropped = "President Kassym-Jomart Tokayev will attend the SCO summit in Tianjin."
    assert any("“哈萨克斯坦”" in m for m in _messages(zh, dropped))


def test_a_name_by_sound_the_tagger_cuts_is_counted_once() -> None:
    """泽连斯基 comes from jieba as 泽|连斯基, both tagged as people; its tail 斯基 is no second
    name by sound wanting an English name of its own."""
    zh = "土耳其总统埃尔多安与乌克兰总统泽连斯基通电话。"
    en = (
        "Turkish President Recep Tayyip Erdogan held a phone call with Ukrainian President "
        "Volodymyr Zelensky."
    )
    assert _messages(zh, en) == []
    alone = "乌克兰总统泽连斯基当天发表视频讲话。"
    assert _messages(alone, "Ukrainian President Volodymyr Zelensky gave a video address.") == []
    dropped = _messages(alone, "The Ukrainian president gave a video address that day.")
    assert any("泽连斯基" in m for m in dropped) and not any("乌克兰" in m for m in dropped)
