"""Numbered migrations, one list per backend; each runs once, inside a transaction.

SQLite keeps its version in `PRAGMA user_version`, PostgreSQL in a one-row table `tm_schema`.
Add a migration by appending to both lists (the same change in each engine's words); never
edit one that has shipped. PostgreSQL's text columns that are compared or sorted are
`COLLATE "C"`: code-point order and ASCII-only case folding, as SQLite does.
"""

from __future__ import annotations

#: Migration 7, the same on both backends: a text's exact key is a polynomial over its tokens'
#: hashes (tm.fuzzy.index.exact_key), made for a whole import at once with numpy, where it was
#: a hash of the text; the keys change, so the index is rebuilt on first use (as for 6).
_EXACT_KEYS_REDONE = """
    DELETE FROM fuzzy_key;
    DELETE FROM fuzzy_state;
    INSERT INTO fuzzy_state (pending) SELECT 1 WHERE EXISTS (SELECT 1 FROM unit);
    """

#: Migration 8, the same on both backends but for the BLOB type: no `fuzzy_df` (a gram's count
#: is the sum of `n` over its `fuzzy_post` rows), and exact keys packed per chunk
#: (tm.memory.exact_keys) instead of one randomly placed row per text: 2.3 and 2 million
#: random B-tree writes at 1,000,000 units. Both of `fuzzy_post`'s indexes carry each row's
#: size `n`: a query's gram counts read the (gram, chunk) index alone (reading the rows took
#: 160 us a query against 45 us for `fuzzy_df`), a merge finds its grams in the chunk index
#: alone. The index is rebuilt on first use (as for 6, 7).
_PACKED_KEYS = """
    DROP TABLE fuzzy_df;
    DROP TABLE fuzzy_key;
    {post}
    DELETE FROM fuzzy_chunk;
    CREATE TABLE fuzzy_keys (
        chunk {integer} NOT NULL,          -- the write (or merge) that made the row
        low {integer} NOT NULL,            -- its smallest key (a bound after deletions)
        keys {blob} NOT NULL,              -- int64 little-endian, ascending
        units {blob} NOT NULL,             -- int64 little-endian, by (key, unit)
        PRIMARY KEY (chunk, low)
    ){without_rowid};
    DELETE FROM fuzzy_state;
    INSERT INTO fuzzy_state (pending) SELECT 1 WHERE EXISTS (SELECT 1 FROM unit);
    """

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
    # 3: the fuzzy-match index (tm.fuzzy.index): an exact key per text, and token bigrams
    # with each text's length, so candidates come from posting lists within a length window
    # instead of a scan of every segment. Plain tables (no FTS5): PostgreSQL runs them too.
    # A memory that already holds units is indexed on first use (`fuzzy_state` says so).
    """
    CREATE TABLE fuzzy_key (
        key INTEGER NOT NULL,              -- hash of the folded text and its namespace
        unit INTEGER NOT NULL,
        PRIMARY KEY (key, unit)
    ) WITHOUT ROWID;
    CREATE TABLE fuzzy_gram (
        gram INTEGER NOT NULL,             -- 31-bit hash of a token bigram and its namespace
        len INTEGER NOT NULL,              -- the text's length in tokens
        unit INTEGER NOT NULL,
        PRIMARY KEY (gram, len, unit)
    ) WITHOUT ROWID;
    CREATE TABLE fuzzy_df (
        gram INTEGER PRIMARY KEY,
        n INTEGER NOT NULL                 -- how many texts hold the gram
    );
    CREATE TABLE fuzzy_state (pending INTEGER NOT NULL);
    INSERT INTO fuzzy_state (pending) SELECT 1 WHERE EXISTS (SELECT 1 FROM unit);
    """,
    # 4: the team server's access tokens. Only a hash of each secret is kept; the id is the
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
    # 5: identifiers assigned by the database. A unit's id was max(id) + 1 computed by tm and
    # a variant's id (unit id << 10) | position (at most 1024 variants a unit): now SQLite
    # chooses both rowids, and variants are found through this index on their unit. Existing
    # ids stay as they were (new ones continue above them).
    """
    CREATE INDEX variant_unit ON variant (unit_id);
    """,
    # 6: the fuzzy index's postings packed per gram and write (tm.memory.postings): a few
    # rows per gram instead of one per text and gram (80 million rows at 1,000,000 units made
    # the index 3/4 of an import). Grams are hashed anew (tm.fuzzy.index), so the index is
    # rebuilt on first use, as migration 3 does for an unindexed memory.
    """
    DROP TABLE fuzzy_gram;
    DELETE FROM fuzzy_key;
    DELETE FROM fuzzy_df;
    CREATE TABLE fuzzy_post (
        gram INTEGER NOT NULL,             -- 45-bit hash of a token bigram and its namespace
        chunk INTEGER NOT NULL,            -- the write (or merge) that made the row
        n INTEGER NOT NULL,                -- postings in the row
        umin INTEGER NOT NULL,             -- its smallest and largest unit (deleting a unit
        umax INTEGER NOT NULL,             -- reads only the rows that may hold it)
        lens BLOB NOT NULL,                -- uint16 little-endian, ascending
        units BLOB NOT NULL,               -- uint32 or int64 little-endian, by (len, unit)
        PRIMARY KEY (gram, chunk)
    );
    CREATE INDEX fuzzy_post_chunk ON fuzzy_post (chunk);
    -- Chunks are merged (tm.memory.postings.merge) when FANOUT of one level accumulate, so
    -- a gram has a few rows however many writes made the memory.
    CREATE TABLE fuzzy_chunk (
        id INTEGER PRIMARY KEY,
        level INTEGER NOT NULL,            -- 0: one write; n + 1: FANOUT chunks of level n
        postings INTEGER NOT NULL
    );
    DELETE FROM fuzzy_state;
    INSERT INTO fuzzy_state (pending) SELECT 1 WHERE EXISTS (SELECT 1 FROM unit);
    """,
    _EXACT_KEYS_REDONE,  # 7
    _PACKED_KEYS.format(  # 8
        integer="INTEGER",
        blob="BLOB",
        without_rowid=" WITHOUT ROWID",
        # SQLite's primary key cannot carry a column: (gram, chunk) is unique, as before, by
        # how rows are written (one per gram and chunk).
        post="""DROP TABLE fuzzy_post;
    CREATE TABLE fuzzy_post (
        gram INTEGER NOT NULL,
        chunk INTEGER NOT NULL,
        n INTEGER NOT NULL,
        umin INTEGER NOT NULL,
        umax INTEGER NOT NULL,
        lens BLOB NOT NULL,
        units BLOB NOT NULL
    );
    CREATE INDEX fuzzy_post_gram ON fuzzy_post (gram, chunk, n);
    CREATE INDEX fuzzy_post_chunk ON fuzzy_post (chunk, gram, n);""",
    ),
]

POSTGRES_MIGRATIONS: list[str] = [
    # 1: as SQLite's 1; ids are 64-bit (a variant's id is the unit's shifted by 10 bits).
    """
    CREATE TABLE unit (
        id BIGINT PRIMARY KEY,
        key BYTEA NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('segment', 'term')),
        status TEXT CHECK (status IS NULL OR status IN
            ('candidate', 'approved', 'admitted', 'forbidden', 'obsolete')),
        tuid TEXT COLLATE "C",
        srclang TEXT COLLATE "C",
        attrs TEXT NOT NULL DEFAULT '[]',
        props TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '[]',
        origin TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT,
        changed_at TEXT NOT NULL,
        changed_by TEXT
    );
    CREATE INDEX unit_term_status ON unit (status) WHERE kind = 'term';
    CREATE TABLE variant (
        id BIGINT PRIMARY KEY,
        unit_id BIGINT NOT NULL,
        position INTEGER NOT NULL,
        lang TEXT NOT NULL,
        lang_key TEXT COLLATE "C" NOT NULL,
        content TEXT,
        plain TEXT COLLATE "C" NOT NULL,
        norm TEXT COLLATE "C",
        attrs TEXT NOT NULL DEFAULT '[]',
        props TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX variant_norm ON variant (norm) WHERE norm IS NOT NULL;
    -- Joins go through the unit id here: PostgreSQL would scan for the id range instead.
    CREATE INDEX variant_unit ON variant (unit_id);
    CREATE SEQUENCE tm_writes;
    CREATE TABLE import (
        id BIGSERIAL PRIMARY KEY,
        file TEXT NOT NULL,
        at TEXT NOT NULL,
        "by" TEXT,
        header TEXT NOT NULL DEFAULT '{}',
        report TEXT NOT NULL DEFAULT '{}'
    );
    """,
    # 2: as SQLite's 2.
    """
    CREATE INDEX unit_kind ON unit (kind);
    """,
    # 3: as SQLite's 3 (64-bit keys and units; PostgreSQL has no WITHOUT ROWID: its tables
    # are heaps, the primary keys their indexes).
    """
    CREATE TABLE fuzzy_key (
        key BIGINT NOT NULL,
        unit BIGINT NOT NULL,
        PRIMARY KEY (key, unit)
    );
    CREATE TABLE fuzzy_gram (
        gram BIGINT NOT NULL,
        len INTEGER NOT NULL,
        unit BIGINT NOT NULL,
        PRIMARY KEY (gram, len, unit)
    );
    CREATE TABLE fuzzy_df (
        gram BIGINT PRIMARY KEY,
        n INTEGER NOT NULL
    );
    CREATE TABLE fuzzy_state (pending INTEGER NOT NULL);
    INSERT INTO fuzzy_state (pending) SELECT 1 WHERE EXISTS (SELECT 1 FROM unit);
    """,
    # 4: as SQLite's 4.
    """
    CREATE TABLE token (
        id TEXT COLLATE "C" PRIMARY KEY,
        name TEXT COLLATE "C" NOT NULL UNIQUE,
        role TEXT NOT NULL,
        hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT
    );
    """,
    # 5: as SQLite's 5: unit and variant ids from sequences (a writer reserves a block of
    # unit ids in one statement; concurrent writers never collide), starting above the ids
    # already used (variants' were bit-packed: they keep them).
    """
    CREATE SEQUENCE unit_id_seq AS BIGINT OWNED BY unit.id;
    SELECT setval('unit_id_seq', (SELECT coalesce(max(id), 0) + 1 FROM unit), false);
    ALTER TABLE unit ALTER COLUMN id SET DEFAULT nextval('unit_id_seq');
    CREATE SEQUENCE variant_id_seq AS BIGINT OWNED BY variant.id;
    SELECT setval('variant_id_seq', (SELECT coalesce(max(id), 0) + 1 FROM variant), false);
    ALTER TABLE variant ALTER COLUMN id SET DEFAULT nextval('variant_id_seq');
    """,
    # 6: as SQLite's 6. The arrays are stored uncompressed (EXTERNAL): they do not compress,
    # and trying costs CPU on every write.
    """
    DROP TABLE fuzzy_gram;
    DELETE FROM fuzzy_key;
    DELETE FROM fuzzy_df;
    CREATE TABLE fuzzy_post (
        gram BIGINT NOT NULL,
        chunk BIGINT NOT NULL,
        n INTEGER NOT NULL,
        umin BIGINT NOT NULL,
        umax BIGINT NOT NULL,
        lens BYTEA NOT NULL,
        units BYTEA NOT NULL,
        PRIMARY KEY (gram, chunk)
    );
    ALTER TABLE fuzzy_post ALTER COLUMN lens SET STORAGE EXTERNAL;
    ALTER TABLE fuzzy_post ALTER COLUMN units SET STORAGE EXTERNAL;
    CREATE INDEX fuzzy_post_chunk ON fuzzy_post (chunk);
    CREATE TABLE fuzzy_chunk (
        id BIGINT PRIMARY KEY,
        level INTEGER NOT NULL,
        postings BIGINT NOT NULL
    );
    DELETE FROM fuzzy_state;
    INSERT INTO fuzzy_state (pending) SELECT 1 WHERE EXISTS (SELECT 1 FROM unit);
    """,
    _EXACT_KEYS_REDONE,  # 7
    _PACKED_KEYS.format(  # 8
        integer="BIGINT",
        blob="BYTEA",
        without_rowid="",
        post="""DELETE FROM fuzzy_post;
    ALTER TABLE fuzzy_post DROP CONSTRAINT fuzzy_post_pkey;
    ALTER TABLE fuzzy_post ADD PRIMARY KEY (gram, chunk) INCLUDE (n);
    DROP INDEX fuzzy_post_chunk;
    CREATE INDEX fuzzy_post_chunk ON fuzzy_post (chunk, gram, n);""",
    )
    + """
    ALTER TABLE fuzzy_keys ALTER COLUMN keys SET STORAGE EXTERNAL;
    ALTER TABLE fuzzy_keys ALTER COLUMN units SET STORAGE EXTERNAL;
    """,
]

VERSION = len(MIGRATIONS)
assert len(POSTGRES_MIGRATIONS) == VERSION, "every migration has both backends' version"


def migrations(dialect: str) -> list[str]:
    """The migrations of a backend (`sqlite` or `postgresql`)."""
    return POSTGRES_MIGRATIONS if dialect == "postgresql" else MIGRATIONS
