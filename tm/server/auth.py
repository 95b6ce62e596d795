"""Access tokens for `tm serve`: made once, stored as a hash, checked in constant time.

A token reads `tm_<id>_<secret>`. The id is public (it names the row); only a SHA-256 of the
secret is kept, so a copy of the memory gives nobody a working token. The secret is 32 random
bytes, so a plain hash is enough (a slow password hash protects low-entropy passwords, which
these are not). Roles and their rights are data (roles.json).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from tm.errors import UsageError
from tm.memory.store import Store

PREFIX = "tm_"


@lru_cache(maxsize=1)
def roles() -> dict[str, frozenset[str]]:
    """Role name -> the rights it holds (roles.json beside this module)."""
    data = json.loads(resources.files("tm.server").joinpath("roles.json").read_text("utf-8"))
    return {name: frozenset(rights) for name, rights in data["roles"].items()}


@dataclass(frozen=True)
class Principal:
    """Who is asking: a token's name and role, or the anonymous reader of --public-read."""

    name: str
    role: str

    def may(self, right: str) -> bool:
        if self.role == PUBLIC_ROLE:
            return right == "read"
        return right in roles().get(self.role, frozenset())


#: Who asks without a token when the server runs with --public-read: reads only.
PUBLIC_ROLE = "public"
ANONYMOUS_READER = Principal("(no token)", PUBLIC_ROLE)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(store: Store, name: str, role: str) -> str:
    """A new token for `name`, returned once; only its hash is stored. `UsageError` for an
    unknown role or a name in use."""
    if role not in roles():
        raise UsageError(f"unknown role {role!r} (one of: {', '.join(sorted(roles()))})")
    if not name.strip():
        raise UsageError("a token needs a name")
    token_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    store.add_token(token_id, name, role, _digest(secret))
    return f"{PREFIX}{token_id}_{secret}"


def authenticate(store: Store, token: str) -> Principal | None:
    """The token's principal, or None when it is malformed, unknown or revoked."""
    if not token.startswith(PREFIX):
        return None
    token_id, _, secret = token[len(PREFIX) :].partition("_")
    if not token_id or not secret:
        return None
    row = store.token(token_id)
    # Compare even when the id is unknown, so timing does not tell which ids exist.
    expected = row[2] if row else _digest(secrets.token_urlsafe(32))
    if not hmac.compare_digest(expected, _digest(secret)) or row is None:
        return None
    return Principal(row[0], row[1])
