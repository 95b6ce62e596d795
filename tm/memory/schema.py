"""Numbered migrations on `PRAGMA user_version`; each runs once, inside a transaction.

Add a migration by appending to `MIGRATIONS`; never edit one that has shipped.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: units of any number of languages, their variants, and what was imported when.
    """
    CREATE TABLE unit (
        id INTEGER PRIMARY KEY,
        key BLOB NOT NULL UNIQUE,          -- hash of kind + (language, content with markup)
        kind TEXT NOT NULL CHECK (kind IN ('segment', 'term')),
        status TEXT CHECK (status IS NULL OR status IN
            ('candidate', 'approved', 'admitted', 'forbidden', 'obsolete')),
        tuid TEXT,
        srclang TEXT,                      -- canonical source language (tm.lang)
        attrs TEXT NOT NULL DEFAULT '[]',  -- TMX tu attributes, JSON pairs in order
        props TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '[]',
        origin TEXT,                       -- provenance: file:line first read from
        created_at TEXT NOT NULL,
        created_by TEXT,
        changed_at TEXT NOT NULL,
        changed_by TEXT
    );
    CREATE INDEX unit_term_status ON unit (status) WHERE kind = 'term';
    -- A variant's id is (unit id << 10) | position: a unit's variants are one rowid range, so
    -- no index on unit_id is needed (the store deletes that range with the unit).
    CREATE TABLE variant (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        lang TEXT NOT NULL,                -- the tag as imported, kept for export
        lang_key TEXT NOT NULL,            -- canonical tag, the only one compared
        content TEXT,                      -- inline content as JSON; NULL: just `plain`
        plain TEXT NOT NULL,               -- derived text for matching
        norm TEXT,                         -- folded text, terms only (lookup)
        attrs TEXT NOT NULL DEFAULT '[]',
        props TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX variant_norm ON variant (norm) WHERE norm IS NOT NULL;
    CREATE TABLE import (
        id INTEGER PRIMARY KEY,
        file TEXT NOT NULL,
        at TEXT NOT NULL,
        by TEXT,
        header TEXT NOT NULL DEFAULT '{}',
        report TEXT NOT NULL DEFAULT '{}'
    );
    """,
    # 2: segments found without touching terms (concordance and fuzzy candidates scanned
    # every term variant of a large glossary).
    """
    CREATE INDEX unit_kind ON unit (kind);
    """,
    # 3: the team server's access tokens. Only a hash of each secret is kept; the id is the
    # token's public part, so a request finds its row by id and compares hashes in constant
    # time.
    """
    CREATE TABLE token (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL,
        hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT
    );
    """,
]

VERSION = len(MIGRATIONS)
