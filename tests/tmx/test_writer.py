"""Writer: valid output, lossless round trips (kit, and random units via hypothesis)."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tm.errors import ValidationError
from tm.memory import Store, export_tmx
from tm.memory.store import unit_key
from tm.memory.transfer import import_tmx
from tm.model import Note, Prop, Tag, Unit, Variant
from tm.tmx import TmxReader, validate_tmx, write_tmx


def roundtrip_file(units: list[Unit], tmp_path: Path, srclang: str = "*all*") -> list[Unit]:
    target = tmp_path / "out.tmx"
    with open(target, "wb") as handle:
        write_tmx(handle, units, srclang=srclang)
    assert validate_tmx(target) == []
    with TmxReader(target) as reader:
        return list(reader)


@pytest.mark.shared_data
def test_kit_round_trips_through_the_store(kit: Path, tmp_path: Path) -> None:
    for path in sorted(kit.glob("*.tmx")):
        with TmxReader(path) as reader:
            original = list(reader)
        store = Store(":memory:")
        import_tmx(store, str(path))
        out = tmp_path / f"{path.stem}.out.tmx"
        with open(out, "wb") as handle:
            export_tmx(store, handle)
        assert validate_tmx(out) == [], path.name
        with TmxReader(out) as reader:
            again = list(reader)
        # The store adds provenance (x-tm-origin); everything else comes back unchanged.
        assert [u.with_(origin=None) for u in again] == [u.with_(origin=None) for u in original]
        assert all(u.origin and u.origin.startswith(path.name) for u in again)


def test_whitespace_cr_and_ideographic_space_survive(tmp_path: Path) -> None:
    unit = Unit(
        (
            Variant("en", ("  two  leading, a tab\t, CR\r\nLF, trailing  ",)),
            Variant("zh-CN", ("\u3000\u3000中国电力\u3000",)),
        )
    )
    assert roundtrip_file([unit], tmp_path) == [unit]


def test_control_character_is_a_clear_error(tmp_path: Path) -> None:
    unit = Unit((Variant("en", ("bell\x07",)),), tuid="t9")
    with pytest.raises(ValidationError, match=r"unit t9: character U\+0007"):
        write_tmx(io.BytesIO(), [unit])


def test_underscore_tag_is_written_canonical_other_tags_as_imported(tmp_path: Path) -> None:
    unit = Unit((Variant("eN-uS", ("a",)), Variant("ZH_CN", ("甲",))))
    (back,) = roundtrip_file([unit], tmp_path)
    assert [v.lang for v in back.variants] == ["eN-uS", "zh-Hans"]


# -- property: any unit XML can hold comes back unchanged ---------------------------------------

# Every character XML 1.0 allows, weighted towards the awkward ones.
XML_CHARS = st.one_of(
    st.sampled_from(list("<>&\"'\t\n\r \u3000\u00a0\u200b\ufeff\ufffd中文“”（）。")),
    st.characters(min_codepoint=0x20, max_codepoint=0xD7FF),
    st.characters(min_codepoint=0xE000, max_codepoint=0xFFFD),
    st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF),
)
TEXT = st.text(XML_CHARS, max_size=40)
ATTR_VALUE = st.text(XML_CHARS, min_size=1, max_size=12)
NAMES = st.sampled_from(["x-client", "x-domain", "x-Context", "client", "subject"])


def _code():  # type: ignore[no-untyped-def]
    return st.lists(TEXT.filter(bool), max_size=1).map(tuple)


def _chunks(depth: int):  # type: ignore[no-untyped-def]
    """Pieces of a segment: text, isolated codes, a bpt ... ept pair around text, or hi."""
    isolated = st.one_of(
        st.builds(lambda c: (Tag("ph", (("x", "1"), ("type", "image")), c),), _code()),
        st.builds(
            lambda pos, c: (Tag("it", (("pos", pos),), c),),
            st.sampled_from(["begin", "end"]),
            _code(),
        ),
        st.builds(lambda c: (Tag("ut", (), c),), _code()),
    )
    pair = st.builds(
        lambda open_code, inner, close_code: (
            Tag("bpt", (("i", "?"),), open_code),
            inner,
            Tag("ept", (("i", "?"),), close_code),
        ),
        _code(),
        TEXT.filter(bool),
        _code(),
    )
    options = [TEXT.map(lambda t: (t,)), isolated, pair]
    if depth:
        options.append(
            content(depth - 1).map(lambda inner: (Tag("hi", (("type", "term"),), inner),))
        )
    return st.one_of(*options)


def _number_pairs(items: tuple[object, ...], counter: list[int]) -> tuple[object, ...]:
    """Give each bpt/ept pair its own `i`, as a well-formed segment has."""
    out: list[object] = []
    for item in items:
        if isinstance(item, Tag) and item.kind == "bpt":
            counter[0] += 1
            item = Tag("bpt", (("i", str(counter[0])),), item.content)
        elif isinstance(item, Tag) and item.kind == "ept":
            item = Tag("ept", (("i", str(counter[0])),), item.content)
        elif isinstance(item, Tag) and item.kind == "hi":
            item = Tag("hi", item.attrs, _number_pairs(item.content, counter))
        out.append(item)
    return tuple(out)


def _merge(chunks: list[tuple[object, ...]]) -> tuple[object, ...]:
    out: list[object] = []
    for item in (piece for chunk in chunks for piece in chunk):
        if isinstance(item, str):
            if not item:
                continue
            if out and isinstance(out[-1], str):
                out[-1] += item
                continue
        out.append(item)
    return tuple(out)


def content(depth: int = 2):  # type: ignore[no-untyped-def]
    return st.lists(_chunks(depth), max_size=4).map(_merge)


def segment_content():  # type: ignore[no-untyped-def]
    return content().map(lambda items: _number_pairs(items, [0]))


LANGS = st.sampled_from(["en-US", "zh-CN", "zh-TW", "zh-Hans", "fr-CA", "ja", "en"])
PROPS = st.lists(st.builds(Prop, NAMES, TEXT), max_size=2).map(tuple)
NOTES = st.lists(st.builds(Note, TEXT), max_size=2).map(tuple)
DATES = st.sampled_from(["20230621T083015Z", "20261124T000000Z"])


def variant_strategy(lang: str):  # type: ignore[no-untyped-def]
    return st.builds(
        Variant,
        st.just(lang),
        segment_content(),
        PROPS,
        NOTES,
        st.lists(st.tuples(st.just("creationdate"), DATES), max_size=1).map(tuple),
    )


UNITS = st.lists(LANGS, min_size=1, max_size=3, unique_by=lambda t: t).flatmap(
    lambda languages: st.builds(
        Unit,
        st.tuples(*[variant_strategy(lang) for lang in languages]),
        st.sampled_from(["segment", "term"]),
        st.sampled_from([None, "approved", "forbidden"]),
        st.one_of(st.none(), ATTR_VALUE),
        PROPS,
        NOTES,
        st.lists(st.tuples(st.just("usagecount"), st.sampled_from(["0", "7"])), max_size=1).map(
            tuple
        ),
    )
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(UNITS, min_size=1, max_size=4))
def test_random_units_round_trip_through_store_and_tmx(units: list[Unit]) -> None:
    store = Store(":memory:")
    with store.atomic():
        results = [store.put(u) for u in units]
    # What the store should hold: one unit per key, in first-seen order, carrying the
    # metadata of the last exact repeat imported.
    expected: dict[bytes, Unit] = {}
    for unit, result in zip(units, results, strict=True):
        key = unit_key(unit)
        assert (result == "created") == (key not in expected)
        expected[key] = unit
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "out.tmx"
        with open(target, "wb") as handle:
            export_tmx(store, handle)
        assert validate_tmx(target) == []
        with TmxReader(target) as reader:
            back = list(reader)
    assert len(back) == len(expected)
    for got, want in zip(back, expected.values(), strict=True):
        assert got.with_(variants=(), origin=None) == want.with_(variants=(), origin=None)
        # Variant order within a repeat follows the first import; compare as a multiset.
        assert sorted(map(repr, got.variants)) == sorted(map(repr, want.variants))


# -- the writer's two paths: a string for plain units, an lxml element for markup ---------------


def _plain(unit: Unit) -> Unit:
    """The unit with its markup flattened to text, so that the writer's fast path takes it."""
    return unit.with_(
        variants=tuple(
            v.__class__(v.lang, (v.text,) if v.text else (), v.props, v.notes, v.attrs)
            for v in unit.variants
        )
    )


def both_paths(unit: Unit, srclang: str | None) -> tuple[str | None, str]:
    from lxml import etree

    from tm.tmx.writer import TmxWriter

    writer = TmxWriter(io.BytesIO(), srclang="en-US")
    fast = writer._unit_xml(unit, srclang)
    general = etree.tostring(writer._unit_element(unit, srclang), encoding="unicode")
    return fast, general


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(UNITS, st.sampled_from([None, "en-US", "zh-CN", "fr-CA"]))
def test_plain_units_are_written_alike_by_both_paths(unit: Unit, srclang: str | None) -> None:
    fast, general = both_paths(_plain(unit), srclang)
    assert fast == general


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(UNITS, st.sampled_from([None, "en-US", "zh-CN"]))
def test_units_with_markup_are_written_alike_by_both_paths(unit: Unit, srclang: str | None) -> None:
    fast, general = both_paths(unit, srclang)
    assert fast == general


def test_both_paths_agree_on_languages_encodings_and_empty_values() -> None:
    unit = Unit(
        (
            Variant("eN-uS", (), (Prop("x-a", "", "en", "utf-8"),), (Note("", "ZH_CN"),)),
            Variant("ZH_CN", ("绿电\r\n\t&<>\"'",), attrs=(("changedate", 'a"&<>\n\r\t'),)),
        ),
        kind="term",
        status="approved",
        tuid="t&1",
        origin="seed.tmx:3",
        notes=(Note("备注", "zh-CN", "gb2312"),),
        attrs=(("creationid", "LIWEI"), ("srclang", "zh-CN")),
    )
    fast, general = both_paths(unit, "en-US")
    assert fast == general
    assert fast is not None and "<seg/>" in fast and "<note></note>" not in fast


def test_markup_is_written_as_libxml2_writes_it() -> None:
    marked = Unit(
        (
            Variant(
                "en",
                (
                    Tag("bpt", (("i", "1"), ("type", "bold")), ("<b>",)),
                    "Green & clean",
                    Tag("ept", (("i", "1"),), ("</b>",)),
                    Tag("ph", (("x", "2"),)),
                    Tag("hi", (("type", "x-term"),), ("a", Tag("sub", (), ("b",)), "c")),
                ),
            ),
        )
    )
    fast, general = both_paths(marked, None)
    assert fast == general
    assert fast is not None and '<ph x="2"/>' in fast and "&lt;b&gt;</bpt>Green &amp; clean" in fast


def test_odd_markup_and_attribute_names_take_the_element_path() -> None:
    empty_text = Unit((Variant("en", ("a", Tag("ph", (("x", "1"),), ("",)))),))
    assert both_paths(empty_text, None)[0] is None
    unknown = Unit((Variant("en", ("a", Tag("b", (), ("x",)))),))
    assert both_paths(unknown, None)[0] is None
    odd = Unit((Variant("en", ("a",)),), attrs=(("creationid", "a"), ("creationid", "b")))
    assert both_paths(odd, None)[0] is None
