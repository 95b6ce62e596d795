"""TMX 1.4b: streaming reader, streaming writer, validator and the inline-markup model."""

from tm.tmx.reader import Header, TmxReader, read_tmx
from tm.tmx.validate import Problem, validate_tmx
from tm.tmx.writer import TmxWriter, write_tmx

__all__ = ["Header", "Problem", "TmxReader", "TmxWriter", "read_tmx", "validate_tmx", "write_tmx"]
