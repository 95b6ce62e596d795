"""Identifiers the database assigns (schema 5), on every backend: a memory made by schema 4,
with tm's own ids (max + 1 for units, unit << 10 | position for variants), opens, reads the
same and takes new writes; a unit may have any number of variants."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tm.lookup import lookup
from tm.memory import import_file, open_memory, schema
from tm.memory.codec import content_json
from tm.memory.identity import key_of
from tm.model import Term, Unit, Variant
from tm.terms.workflow import add_term, edit_term, remove_terms, select, set_status
from tm.text.fold import fold

SEED = Path(__file__).resolve().parents[2] / "corpora" / "seed"

#: (id, kind, status, source language, [(language, text)]) as tm stored them before schema 5.
SENTENCE = [
    ("zh-CN", "重庆高速集团与中国电力签署战略合作协议。"),
    ("en-US", "Chongqing Expressway Group and CPID signed a strategic cooperation agreement."),
]
TERM = [("zh-CN", "绿电交通"), ("en", "green-power transportation")]
OLD_UNITS = [(1, "segment", None, "zh-Hans", SENTENCE), (2, "term", "approved", "zh-Hans", TERM)]


def _raw(url: str) -> tuple[Callable[[str, tuple[Any, ...]], None], Callable[[], None]]:
    """(execute, close) on a connection that bypasses tm, autocommitting."""
    if url.startswith("postgresql://"):
        import psycopg

        conn = psycopg.connect(url, autocommit=True)
        return (lambda sql, args=(): conn.execute(sql.replace("?", "%s"), args or None)), conn.close
    db = sqlite3.connect(url, isolation_level=None)
    return (lambda sql, args=(): db.execute(sql, args)), db.close


def _make_schema_4_memory(url: str) -> None:
    execute, close = _raw(url)
    postgres = url.startswith("postgresql://")
    for migration in (schema.POSTGRES_MIGRATIONS if postgres else schema.MIGRATIONS)[:4]:
        for statement in migration.split(";\n"):
            if statement.strip():
                execute(statement, ())
    if postgres:
        execute("CREATE TABLE tm_schema (version INTEGER NOT NULL)", ())
        execute("INSERT INTO tm_schema (version) VALUES (4)", ())
    else:
        execute("PRAGMA user_version = 4", ())
    for unit_id, kind, status, srclang, variants in OLD_UNITS:
        identities = [(lang.replace("-CN", "-Hans").replace("-US", ""), content_json((text,)))
                      for lang, text in variants]  # fmt: skip
        execute(
            "INSERT INTO unit (id, key, kind, status, srclang, origin, created_at, created_by,"
            " changed_at, changed_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (unit_id, key_of(kind, identities), kind, status, srclang, "old.tmx:1",
             "2025-01-02T03:04:05Z", "lwang", "2025-01-02T03:04:05Z", "lwang"),
        )  # fmt: skip
        for position, ((lang, text), (lang_key, _)) in enumerate(
            zip(variants, identities, strict=True)
        ):
            execute(
                "INSERT INTO variant (id, unit_id, position, lang, lang_key, plain, norm)"
                " VALUES (?,?,?,?,?,?,?)",
                ((unit_id << 10) | position, unit_id, position, lang, lang_key, text,
                 fold(text) if kind == "term" else None),
            )  # fmt: skip
    execute("INSERT INTO fuzzy_state (pending) VALUES (1)", ())  # indexed on first use
    close()


def test_a_schema_4_memory_reads_the_same_and_takes_writes(memory_url: str) -> None:
    _make_schema_4_memory(memory_url)
    with open_memory(memory_url) as store:
        stored = list(store.units())
        assert [s.id for s in stored] == [1, 2]
        assert [[(v.lang, v.text) for v in s.unit.variants] for s in stored] == [
            variants for *_, variants in OLD_UNITS
        ]
        found = lookup(store, "重庆高速集团与中国电力签署战略合作协议。")
        assert [m.target for m in found.matches] == [SENTENCE[1][1]]
        assert ("绿电交通", "green-power transportation") in {
            (t.source, t.target) for t in lookup(store, "推动绿电交通").terms
        }
    with open_memory(memory_url, write=True) as store:
        counts = import_file(store, str(SEED / "seed.tmx"))
        new_id, result = add_term(store, Term("储能", "energy storage", "zh-Hans", "en"))
        assert result == "created" and new_id > 2
        ids = [s.id for s in store.units()]
        assert len(ids) == len(set(ids)) == 3 + counts.created
        [old] = select(store, unit_id=2)
        set_status(store, [old], "forbidden", "say green electricity")
        edited = edit_term(store, select(store, unit_id=2)[0], target="green-electricity transport")
        assert edited.id == 2 and edited.term.status == "forbidden"
        assert edited.term.target == "green-electricity transport"
        assert remove_terms(store, select(store, "储能")) == 1
        store.delete(1)
        assert [s.id for s in store.units(ids=[1, 2])] == [2]
        assert store.count() == 1 + counts.created


def test_a_unit_with_more_than_1024_variants_round_trips(memory_url: str) -> None:
    variants = tuple(Variant("en", (f"Reading number {i} of the meter.",)) for i in range(1100))
    unit = Unit((Variant("zh-Hans", ("电表读数。",)), *variants))
    with open_memory(memory_url, write=True) as store:
        unit_id, result = store.add(unit, srclang="zh-Hans")
        assert result == "created"
        second, _ = store.add(Unit((Variant("en", ("Meter.",)), Variant("zh-Hans", ("电表",)))))
        [stored] = store.units(ids=[unit_id])
        assert stored.unit.variants == unit.variants
        assert [s.unit.variants[0].text for s in store.units(ids=[second])] == ["Meter."]
        assert store.add(unit, srclang="zh-Hans") == (unit_id, "skipped")


def _key_as_defined(kind: str, identities: list[tuple[str, str]]) -> bytes:
    """The unit key as memories hold it (schema 1 on): blake2b-128 of the kind, then each
    variant's canonical language and content JSON, sorted. Written out here so that a faster
    computation of it cannot drift from what stored memories were keyed with."""
    import hashlib

    text = kind + "".join(f"\x00{lang}\x00{content}" for lang, content in sorted(identities))
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


def test_the_unit_key_is_what_stored_memories_were_keyed_with() -> None:
    from tm.memory.identity import identities, unit_key
    from tm.model import Tag

    bold = Tag("bpt", (("i", "1"), ("type", "bold")), ("<b>",))
    end = Tag("ept", (("i", "1"),), ("</b>",))
    zh, en = SENTENCE[0][1], SENTENCE[1][1]
    units = [
        Unit((Variant("en-US", (en,)), Variant("zh-CN", (zh,)))),
        Unit((Variant("zh-CN", (zh,)), Variant("en-US", (en,)))),  # the other order
        Unit((Variant("en", ('Say "hi"\\\t',)), Variant("en", ("say hi",))), kind="term"),
        Unit((Variant("en", ("say hi",)), Variant("en", ('Say "hi"\\\t',))), kind="term"),
        Unit((Variant("zh-CN", (bold, "绿电", end)), Variant("en-US", ("Green", bold)))),
        Unit((Variant("zh", ()), Variant("zh_cn", ("",)))),  # empty content, same language
        Unit((Variant("en", ("Green power",)),)),
        Unit((Variant("fr", ("énergie",)), Variant("en", ("power",)), Variant("zh-TW", ("電",)))),
    ]
    for unit in units:
        expected = _key_as_defined(unit.kind, identities(unit))
        assert unit_key(unit) == key_of(unit.kind, identities(unit)) == expected
    assert unit_key(units[0]) == unit_key(units[1])
    assert unit_key(units[2]) == unit_key(units[3])
    # A fixed value: this unit's key in every memory made so far (computed by tm at d323912).
    green = Unit((Variant("zh-CN", ("绿电",)), Variant("en-US", ("Green power",))))
    assert unit_key(green).hex() == "9d8fd7264e7eab655f7f2431735685c4"
    assert identities(units[0]) == [("en-US", f'["{en}"]'), ("zh-Hans", f'["{zh}"]')]
