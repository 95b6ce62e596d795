"""The memory's contract, run on every backend (SQLite and a real PostgreSQL): what one
backend does, the other does the same, so the team server cannot drift from the embedded
default."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from tm.lookup import lookup
from tm.memory import export_tmx, import_file, open_memory
from tm.model import Term
from tm.terms.workflow import add_term, edit_term, remove_terms, select, set_status
from tm.tmx import TmxReader

ROOT = Path(__file__).resolve().parents[2]
TMX_SHAPES = sorted((ROOT / "tests" / "data" / "tmx").glob("*.tmx"))
SEED = ROOT / "corpora" / "seed"


def units_of(path: str) -> list[tuple]:
    with TmxReader(path) as reader:
        return sorted(
            (u.kind, u.status, tuple((v.lang, v.content) for v in u.variants)) for u in reader
        )


def exported(memory: str, **filters: object) -> bytes:
    buffer = io.BytesIO()
    with open_memory(memory) as store:
        export_tmx(store, buffer, **filters)  # type: ignore[arg-type]
    return buffer.getvalue()


@pytest.mark.parametrize("shape", TMX_SHAPES, ids=[p.stem for p in TMX_SHAPES])
def test_import_export_round_trip(memory_url: str, shape: Path, tmp_path: Path) -> None:
    with open_memory(memory_url, write=True) as store:
        import_file(store, str(shape))
    out = tmp_path / "out.tmx"
    out.write_bytes(exported(memory_url))
    assert units_of(str(out)) == units_of(str(shape))


def test_an_exact_repeat_is_the_same_unit(memory_url: str) -> None:
    with open_memory(memory_url, write=True) as store:
        first = import_file(store, str(SEED / "seed.tmx"))
        again = import_file(store, str(SEED / "seed.tmx"))
        assert first.created > 0
        assert again.created == 0 and again.read == first.read
        assert store.count() == first.created


def test_the_term_workflow(memory_url: str) -> None:
    with open_memory(memory_url, write=True) as store:
        unit_id, result = add_term(
            store, Term("绿电交通", "green electricity transport", "zh-Hans", "en", "candidate")
        )
        assert result == "created"
        [entry] = select(store, "绿电交通")
        set_status(store, [entry], "forbidden", "use green-power transportation")
        add_term(store, Term("绿电交通", "green-power transportation", "zh-Hans", "en"))
        statuses = {e.term.target: e.term.status for e in select(store, "绿电交通")}
        assert statuses == {
            "green electricity transport": "forbidden",
            "green-power transportation": "approved",
        }
        [forbidden] = select(store, "绿电交通", "green electricity transport")
        changed = edit_term(store, forbidden, note="seen in the 2025 draft")
        assert changed.id == unit_id and changed.term.note == "seen in the 2025 draft"
        assert remove_terms(store, [changed]) == 1
        assert [e.term.target for e in select(store, "绿电交通")] == ["green-power transportation"]


def test_lookups_agree(memory_url: str) -> None:
    with open_memory(memory_url, write=True) as store:
        import_file(store, str(SEED / "seed.tmx"))
        import_file(store, str(SEED / "glossary.tbx"))
    with open_memory(memory_url) as store:
        found = lookup(store, "绿电交通")
        assert ("绿电交通", "green-power transportation") in {
            (t.source, t.target) for t in found.terms
        }
        english = lookup(store, "chongqing expressway group")  # case folded on both
        assert english.concordance
        assert all("chongqing" in hit.source.lower() for hit in english.concordance)


FOLDING = [
    ("en", "The delegation visited the ÉLYSÉE PALACE in Paris."),
    ("en", "The Élysée Palace answered the letter."),
    ("en", "Elysee is spelt without accents in this ASCII feed."),
    ("en", "ÉNERGIE Storage in Chongqing"),
    ("zh-CN", "双方签署了绿电交通战略合作协议。"),
    ("en", "ÉLYSÉE " * 1500 + "at length."),
]


def test_concordance_folds_case_the_same_on_every_backend(memory_url: str, tmp_path: Path) -> None:
    """SQLite's LIKE folds ASCII only, PostgreSQL's folds nothing: both find a text whatever
    the case of its letters, accented or not, and a Chinese phrase as written."""
    tmx = tmp_path / "fold.tmx"
    body = "".join(
        f'<tu><tuv xml:lang="{lang}"><seg>{text}</seg></tuv>'
        f'<tuv xml:lang="{"zh-CN" if lang == "en" else "en"}"><seg>{i}</seg></tuv></tu>'
        for i, (lang, text) in enumerate(FOLDING)
    )
    tmx.write_text(
        '<tmx version="1.4"><header creationtool="t" creationtoolversion="1"'
        ' segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>'
        f"<body>{body}</body></tmx>",
        encoding="utf-8",
    )
    with open_memory(memory_url, write=True) as store:
        import_file(store, str(tmx))

        def texts(query: str, lang: str = "en", limit: int = 10) -> list[str]:
            return [plain for _id, plain in store.concordance(query, lang, limit)]

        both = [FOLDING[0][1], FOLDING[1][1]]
        assert texts("élysée palace") == both
        assert texts("ÉLYSÉE")[:2] == both
        assert texts("Élysée", limit=1) == both[:1]
        assert texts("elysee") == [FOLDING[2][1]]  # an accent is not case
        assert texts("énergie storage") == texts("STORAGE") == [FOLDING[3][1]]
        assert texts("绿电交通战略", "zh-Hans") == [FOLDING[4][1]]
        assert texts("绿电交通 战略", "zh-Hans") == []
        long_query = "élysée " * 1450  # past the LIKE pattern limit: compared in Python
        assert texts(long_query) == [FOLDING[5][1]]
        assert texts(long_query + "in short.") == []
        assert texts(FOLDING[0][1].lower()) == [FOLDING[0][1]]
        # Several texts in one statement (a lookup's terms): the rows any of them finds.
        rows = store.concordance_any(["ÉLYSÉE", "storage", "战略"], "en", 10)
        assert [plain for _id, plain in rows] == [*both, FOLDING[3][1], FOLDING[5][1]]
        zh_rows = store.concordance_any(["交通", "élysée"], "zh-Hans", 10)
        assert [plain for _id, plain in zh_rows] == [FOLDING[4][1]]


def test_concurrent_writers_both_complete(memory_url: str, tmp_path: Path) -> None:
    with open_memory(memory_url, write=True):
        pass  # create the schema first, as `tm import` does
    errors: list[BaseException] = []

    def write(number: int) -> None:
        try:
            with open_memory(memory_url, write=True) as store:
                for i in range(20):
                    add_term(
                        store, Term(f"术语{number}-{i}", f"term {number}-{i}", "zh-Hans", "en")
                    )
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    with open_memory(memory_url) as store:
        assert store.count(kind="term") == 80


def test_a_killed_import_leaves_the_memory_as_before(memory_url: str, tmp_path: Path) -> None:
    with open_memory(memory_url, write=True) as store:
        import_file(store, str(SEED / "seed.tmx"))
        before = store.count()
    (tmp_path / "before.tmx").write_bytes(exported(memory_url))
    script = textwrap.dedent(
        f"""
        import sys, time
        from tm.memory import open_memory
        from tm.model import Unit, Variant
        def units():
            for i in range(5000):
                yield (Unit(variants=(Variant("en", (f"Sentence {{i}}.",)),
                       Variant("zh-Hans", (f"第{{i}}句。",)))), "en", None)
            print("written", flush=True)  # 5000 units: ten whole batches, all written
            time.sleep(60)

        with open_memory({memory_url!r}, write=True) as store:
            store.import_units(units(), file="killed.tmx", header={{}})
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=dict(os.environ)
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "written"
    child.send_signal(signal.SIGKILL)
    child.wait()
    with open_memory(memory_url) as store:
        assert store.count() == before
    (tmp_path / "after.tmx").write_bytes(exported(memory_url))
    assert units_of(str(tmp_path / "after.tmx")) == units_of(str(tmp_path / "before.tmx"))


def test_tokens_are_kept_by_every_backend(memory_url: str) -> None:
    from tm.server.auth import authenticate, create_token

    with open_memory(memory_url, write=True) as store:
        token = create_token(store, "ci-bot", "ci")
        principal = authenticate(store, token)
        assert principal is not None and principal.role == "ci"
        assert authenticate(store, token[:-1] + ("x" if token[-1] != "x" else "y")) is None
        store.revoke_token("ci-bot")
        assert authenticate(store, token) is None


def test_a_memory_opened_for_reading_refuses_every_write(memory_url: str) -> None:
    """Read-only is how the memory was opened, on every backend: each write method refuses
    (PostgreSQL's connection could write; the memory does not let it)."""
    from tm.errors import StoreError

    term = Term("储能", "energy storage", "zh-Hans", "en")
    with open_memory(memory_url, write=True) as store:
        unit_id, _ = add_term(store, term)
    unit = Term("储能", "energy-storage system", "zh-Hans", "en").unit()
    with open_memory(memory_url) as store:
        assert store.readonly
        writes = [
            lambda: store.put(unit),
            lambda: store.add(unit),
            lambda: store.put_many([(unit, "zh-Hans", None)]),
            lambda: store.import_units(iter([(unit, "zh-Hans", None)]), file="x.tbx", header={}),
            lambda: store.set_status([unit_id], "forbidden"),
            lambda: store.replace(unit_id, unit),
            lambda: store.delete(unit_id),
            lambda: store.add_token("abc", "ci-bot", "ci", "digest"),
            lambda: store.revoke_token("ci-bot"),
        ]
        for write in writes:
            with pytest.raises(StoreError, match="read-only"):
                write()
    with open_memory(memory_url) as store:
        assert [(e.term.target, e.term.status) for e in select(store, "储能")] == [
            ("energy storage", "approved")
        ]
        assert store.tokens() == []
