"""Who changed the memory, when, and where a unit came from: recorded on every write."""

from __future__ import annotations

import getpass
import os
from datetime import datetime, timezone


def now() -> str:
    """The time recorded for a change, UTC to the second (ISO 8601, as TMX writes dates)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def current_user() -> str | None:
    """Who is recorded as creating or changing a unit: $TM_USER, else the login name."""
    user = os.environ.get("TM_USER")
    if user:
        return user
    try:
        return getpass.getuser()
    except Exception:
        return None


def origin(file: str, line: int | None = None) -> str:
    """A unit's provenance: the file (and line) it was first read from."""
    return file if line is None else f"{file}:{line}"
