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
]
