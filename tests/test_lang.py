import pytest

from tm import lang


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en-us", "en-US"),
        ("eN-uS", "en-US"),
        ("EN_US", "en-US"),
        ("fr-ca", "fr-CA"),
        ("zh-cn", "zh-Hans"),
        ("ZH_CN", "zh-Hans"),
        ("zh-SG", "zh-Hans"),
        ("zh-Hans", "zh-Hans"),
        ("zh-Hans-CN", "zh-Hans"),
        ("zh", "zh-Hans"),
        ("zh-CHS", "zh-Hans"),
        ("cmn-Hans", "zh-Hans"),
        ("zh-TW", "zh-Hant"),
        ("zh-hk", "zh-Hant"),
        ("zh-MO", "zh-Hant"),
        ("zh-Hant", "zh-Hant"),
        ("zh-Hant-CN", "zh-Hant"),
        ("zh-CHT", "zh-Hant"),
        ("sr-latn-rs", "sr-Latn-RS"),
        ("es-419", "es-419"),
        ("*all*", "*all*"),
    ],
)
def test_canonical(tag: str, expected: str) -> None:
    assert lang.canonical(tag) == expected


def test_simplified_tags_are_one_language_and_never_match_traditional() -> None:
    for a in ("zh-CN", "zh-SG", "zh-Hans", "zh-cn"):
        for b in ("zh-CN", "zh-SG", "zh-Hans", "zh"):
            assert lang.same(a, b)
        for t in ("zh-TW", "zh-HK", "zh-MO", "zh-Hant"):
            assert not lang.same(a, t)
            assert not lang.matches(a, t)
            assert not lang.matches(t, a)


def test_range_matching_follows_rfc4647() -> None:
    assert lang.matches("en", "en-US")
    assert lang.matches("en", "en-GB")
    assert lang.matches("en-US", "eN-uS")
    assert not lang.matches("en-US", "en-GB")
    assert not lang.matches("en-US", "en")


@pytest.mark.parametrize("tag", ["en-US", "zh-Hans", "x-klingon", "i-default", "de-CH-1901"])
def test_well_formed(tag: str) -> None:
    assert lang.is_well_formed(tag)


@pytest.mark.parametrize("tag", ["ZH_CN", "en US", "", "en-", "toolongtag9"])
def test_not_well_formed(tag: str) -> None:
    assert not lang.is_well_formed(tag)
