"""The memory: units (segments and terms) behind the `Memory` protocol, stored in SQLite or
PostgreSQL (`Store`), and files in and out of it."""

from tm.memory.protocol import Counts, Memory, StoredUnit
from tm.memory.store import Store
from tm.memory.transfer import export_tmx, import_file, open_memory

__all__ = ["Counts", "Memory", "Store", "StoredUnit", "export_tmx", "import_file", "open_memory"]
