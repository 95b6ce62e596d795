"""Which script a text is written in. Ranges are written as full code points (`\\U00020000`):
the short `\\u20000` form is U+2000 followed by '0' and would count quotes as Chinese."""

from __future__ import annotations

import re

#: Han ideographs: URO, Extension A, compatibility ideographs, Extensions B-I and the
#: supplementary compatibility block (Unicode 15.1 blocks).
HAN_RANGES = (
    ("\u3400", "\u4dbf"),
    ("\u4e00", "\u9fff"),
    ("\uf900", "\ufaff"),
    ("\U00020000", "\U0002ebef"),
    ("\U0002f800", "\U0002fa1f"),
    ("\U00030000", "\U000323af"),
)
_HAN = re.compile("[" + "".join(f"{a}-{b}" for a, b in HAN_RANGES) + "]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def is_han(char: str) -> bool:
    return bool(_HAN.fullmatch(char))


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


def han_ratio(text: str) -> float:
    """Share of Han characters among the letters (Han + Latin) of `text`; 0.0 when none."""
    han = len(_HAN.findall(text))
    latin = len(_LATIN.findall(text))
    return han / (han + latin) if han + latin else 0.0
