"""The memory: a SQLite store of units (segments and terms), and files in and out of it."""

from tm.memory.store import Counts, Store
from tm.memory.transfer import export_tmx, import_file, open_memory

__all__ = ["Counts", "Store", "export_tmx", "import_file", "open_memory"]
