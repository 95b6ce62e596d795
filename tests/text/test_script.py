import pytest

from tm.text.script import HAN_RANGES, has_han, is_han


@pytest.mark.parametrize(
    "char",
    ["中", "国", "绿", "\u3400", "\u9fff", "\uf900", "\U00020000", "\U0002a6d6", "\U00030000"],
)
def test_han(char: str) -> None:
    assert is_han(char)


@pytest.mark.parametrize(
    "char",
    # Curly quotes, dashes and the ideographic space and full stop are not ideographs: the
    # classic mistake '\u20000' (U+2000 + '0') would count the first four as Chinese.
    ["\u201c", "\u201d", "\u2014", "\u2000", "\u3000", "\u3002", "\uff0c", "A", "0", "ー"],
)
def test_not_han(char: str) -> None:
    assert not is_han(char)


def test_ranges_are_ordered_single_code_points() -> None:
    for low, high in HAN_RANGES:
        assert len(low) == len(high) == 1
        assert low < high


def test_mixed_text() -> None:
    assert has_han("打开Acme控制台")
    assert not has_han("“CPID” — green power")
