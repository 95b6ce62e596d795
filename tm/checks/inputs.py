"""What `tm check` reads: now `tm.pairs`, the one input dispatcher; this name stays for
callers of `read_inputs`."""

from __future__ import annotations

from tm.pairs import CAPTIONS, Inputs, pairs_from_paths


def read_inputs(
    paths: list[str], *, source_lang: str | None = None, target_lang: str | None = None
) -> Inputs:
    """The pairs to check (see `tm.pairs.pairs_from_paths`)."""
    return pairs_from_paths(paths, source_lang=source_lang, target_lang=target_lang)


__all__ = ["CAPTIONS", "Inputs", "read_inputs"]
