"""One source with several translations, one translation with several sources: within the
inputs, and against the memory's segments when a memory is given."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from tm.checks.core import CheckPair, Context
from tm.model import Finding
from tm.text.fold import fold


def check_segment_consistency(pairs: list[CheckPair], context: Context) -> Iterator[Finding]:
    by_source: dict[str, dict[str, CheckPair]] = defaultdict(dict)
    by_target: dict[str, dict[str, CheckPair]] = defaultdict(dict)
    for pair in pairs:
        if not pair.bilingual or not pair.target or len(pair.source) < 2:
            continue
        by_source[fold(pair.source)].setdefault(fold(pair.target), pair)
        by_target[fold(pair.target)].setdefault(fold(pair.source), pair)
    config = context.config
    for table, what, other in (
        (by_source, "source", "translations"),
        (by_target, "translation", "sources"),
    ):
        for variants in table.values():
            if len(variants) < 2:
                continue
            first, *rest = variants.values()
            for pair in rest:
                yield config.finding(
                    "segment-inconsistent",
                    f"the same {what} has other {other}: see {first.location}",
                    pair,
                    suggestion=first.target if what == "source" else None,
                )
