"""Is there a translation at all: empty, the source again, Chinese with no Chinese in it, or a
length far from what English and Chinese usually have (Chinese is much shorter)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from tm import lang as langs
from tm.checks.core import CheckPair, Context
from tm.model import Finding
from tm.text.fold import fold
from tm.text.script import has_han

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'.-]*")


def check_completeness(pair: CheckPair, context: Context) -> Iterator[Finding]:
    if not pair.bilingual or pair.target_lang is None:
        return
    config = context.config
    source, target = pair.source.strip(), (pair.target or "").strip()
    if not source:
        return
    if not target:
        yield config.finding("target-empty", "the source has text, the translation none", pair)
        return
    if not _LETTERS.search(source):
        return  # numbers, codes, punctuation: the same on both sides
    same_script = has_han(source) == has_han(target)
    if (
        same_script
        and langs.primary(pair.source_lang) != langs.primary(pair.target_lang)
        and fold(source) == fold(target)
    ):
        yield config.finding("untranslated", "the translation is the source, untranslated", pair)
        return
    if langs.is_chinese(pair.target_lang) and not has_han(target) and _LETTERS.search(target):
        yield config.finding("untranslated", "the Chinese translation has no Chinese", pair)
        return
    if langs.is_chinese(pair.source_lang) == langs.is_chinese(pair.target_lang):
        return
    zh, en = (source, target) if langs.is_chinese(pair.source_lang) else (target, source)
    # Latin names and numbers inside the Chinese are the same on both sides: left out.
    shared = [w for w in _LATIN_RUN.findall(zh) if w in en]
    zh_chars = len(zh) - zh.count(" ") - zh.count("\u3000") - sum(len(w) for w in shared)
    en_chars = len(en) - en.count("  ") - sum(len(w) for w in shared)
    if zh_chars <= 0:
        return
    if min(zh_chars, en_chars) < config.threshold("length_min_chars"):
        return
    ratio = math.log(en_chars / zh_chars)
    mean, sd = _calibration(pair, zh, config)
    sigmas = (ratio - mean) / sd
    if abs(sigmas) > config.threshold("length_sigmas"):
        usual = math.exp(mean)
        side = "Chinese" if sigmas > 0 else "English"
        yield config.finding(
            "length-ratio",
            f"{en_chars} English characters for {zh_chars} Chinese ({en_chars / zh_chars:.1f}:1, "
            f"usually about {usual:.1f}:1): the {side} may be incomplete",
            pair,
        )


_SENTENCE_END = re.compile(r"[。！？!?.…”’」』）)]\s*$")


def _calibration(pair: CheckPair, zh: str, config) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Mean and spread of log(English / Chinese characters) for this pair's direction: a
    translator from Chinese writes against denser Chinese (news) than one into Chinese, and a
    headline (no sentence-final mark) is denser still. Measured, not mirrored: see
    data/thresholds.json."""
    if not langs.is_chinese(pair.source_lang):
        return config.threshold("length_log_mean"), config.threshold("length_log_sd")
    sd = config.threshold("length_log_sd_zh_en")
    if not _SENTENCE_END.search(zh):
        return config.threshold("length_log_mean_headline"), sd
    return config.threshold("length_log_mean_zh_en"), sd
