"""tm: an English-Chinese translation memory and terminology tool.

The command line is a thin layer over this library: everything it does can be imported.
"""

from __future__ import annotations

__version__ = "0.1.0"

from tm.errors import InputError, StoreError, TmError, UsageError, ValidationError
from tm.model import Location, Note, Prop, Tag, Unit, Variant

__all__ = [
    "InputError",
    "Location",
    "Match",
    "Note",
    "Prop",
    "StoreError",
    "Tag",
    "TmError",
    "Unit",
    "UsageError",
    "ValidationError",
    "Variant",
    "__version__",
    "fuzzy_matches",
    "open_memory",
]

#: Re-exported lazily (PEP 562) so that `import tm` stays light: no SQLite, rapidfuzz, OpenCC.
_LAZY = {
    "open_memory": "tm.memory.transfer",
    "fuzzy_matches": "tm.fuzzy.match",
    "Match": "tm.fuzzy.match",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tm' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
