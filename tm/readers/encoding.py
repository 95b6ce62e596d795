"""Decode a text file whatever its encoding, or say clearly that it cannot be decided.

A BOM decides (UTF-8, UTF-16 LE/BE); then strict UTF-8, which is what almost every file is and
which random bytes almost never pass; then charset-normalizer's statistical guess, accepted
only among the encodings Chinese and English documents really come in (GB18030/GBK, Big5,
UTF-16) and only when it is confident.
"""

from __future__ import annotations

import codecs

from tm.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Encodings a guess may land on; anything else is reported as undecidable.
PLAUSIBLE = {
    "gb18030",
    "gbk",
    "gb2312",
    "big5",
    "big5hkscs",
    "cp950",
    "cp936",
    "utf_16",
    "utf_16_le",
    "utf_16_be",
    "ascii",
    "utf_8",
}
#: The most chaos charset-normalizer may see in its best guess (0 clean, 1 noise).
MAX_CHAOS = 0.2


def decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding name). Raises `InputError` when the encoding cannot be decided."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"invalid {encoding} after its byte-order mark: {exc.reason}", file=name
                ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        encoding = best.encoding.lower().replace("-", "_")
        if encoding in PLAUSIBLE and best.chaos <= MAX_CHAOS:
            return str(best), encoding
    raise InputError(
        "cannot decide the text encoding (not UTF-8, UTF-16, GB18030 or Big5)",
        file=name,
        hint="convert the file to UTF-8",
    )
