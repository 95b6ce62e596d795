"""Language tags: the only place that compares them.

Tags arrive in every shape real tools write (`zh-cn`, `ZH_CN`, `eN-uS`, `zh-CHS`). They are
canonicalised to BCP 47, and Chinese is identified by *script*, because script is what decides
whether a translation can be reused: zh-CN, zh-SG, zh-Hans are one language; zh-TW, zh-HK, zh-MO
and zh-Hant are another; nothing ever falls back across scripts.
"""

from __future__ import annotations

import re
from functools import lru_cache

ALL = "*all*"

_WELL_FORMED = re.compile(r"^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$")
# ISO 639-2/3 codes tools write for Chinese, and Microsoft's legacy script tags.
_CHINESE = {"zh", "zho", "chi", "cmn"}
_HANT_REGIONS = {"TW", "HK", "MO"}
_LEGACY_SCRIPT = {"CHS": "Hans", "CHT": "Hant"}


def is_well_formed(tag: str) -> bool:
    """True when `tag` has BCP 47 / RFC 3066 syntax (what TMX's xml:lang requires)."""
    return bool(_WELL_FORMED.match(tag))


@lru_cache(maxsize=4096)
def canonical(tag: str) -> str:
    """The canonical BCP 47 spelling used as the language's identity.

    Case is normalised (`en-US`, `zh-Hant`), `_` becomes `-`, and Chinese is reduced to its
    script: `zh-Hans` or `zh-Hant` (a bare `zh` is Simplified, as in the tools that write it).
    """
    cleaned = tag.strip().replace("_", "-")
    if not cleaned:
        return ""
    if cleaned == ALL:
        return ALL
    parts = [p for p in cleaned.split("-") if p]
    language = parts[0].lower()
    rest = parts[1:]
    if language in _CHINESE:
        return "zh-" + _chinese_script(rest)
    out = [language]
    for part in rest:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def _chinese_script(subtags: list[str]) -> str:
    script = None
    region = None
    for part in subtags:
        upper = part.upper()
        if upper in _LEGACY_SCRIPT:
            script = _LEGACY_SCRIPT[upper]
        elif len(part) == 4 and part.isalpha():
            script = part.title()
        elif len(part) == 2 and part.isalpha():
            region = upper
    if script in ("Hans", "Hant"):
        return script
    return "Hant" if region in _HANT_REGIONS else "Hans"


@lru_cache(maxsize=4096)
def primary(tag: str) -> str:
    """The language subtag alone: `en` for en-US, `zh` for zh-Hant."""
    return canonical(tag).split("-", 1)[0]


@lru_cache(maxsize=4096)
def is_chinese(tag: str) -> bool:
    return primary(tag) == "zh"


def matches(requested: str, tag: str) -> bool:
    """Whether `tag` is in the language range `requested` (RFC 4647 basic filtering).

    `en` matches en-US and en-GB; `en-US` matches only en-US; zh-CN matches zh-Hans and zh-SG
    but never zh-TW.
    """
    want = canonical(requested)
    have = canonical(tag)
    if not want or want == ALL:
        return True
    return have == want or have.startswith(want + "-")


@lru_cache(maxsize=4096)
def same(a: str, b: str) -> bool:
    """Whether two tags name the same language (and, for Chinese, the same script)."""
    return canonical(a) == canonical(b)
