"""The reader on real TMX shapes: the LISA compliance kit and exports shaped like other tools'."""

from __future__ import annotations

from pathlib import Path

import pytest

from tm.errors import InputError
from tm.model import Tag, plain_text
from tm.tmx import TmxReader


def read(path: Path) -> list:
    with TmxReader(path) as reader:
        return list(reader)


def by_lang(unit) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {v.lang.lower(): v.text for v in unit.variants}


# -- the LISA TMX Compliance Kit ---------------------------------------------------------------


@pytest.mark.shared_data
def test_every_encoding_decodes_alike(kit: Path) -> None:
    texts = {
        name: [by_lang(u) for u in read(kit / name)]
        for name in (
            "ImportTest1D.tmx",
            "ImportTest1E.tmx",
            "ImportTest1F.tmx",
            "ImportTest1G.tmx",
            "ImportTest1H.tmx",
        )
    }
    reference = texts.pop("ImportTest1D.tmx")
    assert reference[0]["en-us"] == "à=agrave, é=eacute, æ=aelig"
    for name, units in texts.items():
        assert units == reference, name


@pytest.mark.shared_data
def test_whitespace_inside_segments_is_kept(kit: Path) -> None:
    units = read(kit / "ImportTest1A.tmx")
    assert by_lang(units[0])["en-us"] == "First segment with [\t\t   ]"


@pytest.mark.shared_data
def test_ideographic_space_is_content(kit: Path) -> None:
    (unit,) = read(kit / "ImportTest1I.tmx")
    assert by_lang(unit)["ja-jp"] == "Japanese segment with [\u3000\u3000]"


@pytest.mark.shared_data
def test_loose_syntax_and_odd_case_codes(kit: Path) -> None:
    (unit,) = read(kit / "ImportTest1B.tmx")
    assert [v.lang for v in unit.variants] == ["eN-uS", "fR-Ca"]
    assert unit.variant("en-US").text == "Text of the segment"
    assert unit.variant("fr-CA").text == "Texte du segment"


@pytest.mark.shared_data
def test_five_languages_in_changing_order_picked_by_language(kit: Path) -> None:
    units = read(kit / "ImportTest1C.tmx")
    assert all(len(u.variants) == 5 for u in units)
    assert [u.variant("en-GB").text for u in units] == [
        "First entry in UK English",
        "Second entry in UK English",
        "Third entry in UK English",
    ]


@pytest.mark.shared_data
def test_tu_srclang_overrides_header(kit: Path) -> None:
    with TmxReader(kit / "ImportTest1J_many.tmx") as reader:
        assert reader.header.srclang == "es-es"
        units = list(reader)
    assert [u.srclang for u in units] == ["en-us", "en-us", None]


@pytest.mark.shared_data
def test_level1_notes_props_and_attributes_are_kept(kit: Path) -> None:
    with TmxReader(kit / "ImportTest1L.tmx") as reader:
        header = reader.header
        (unit,) = list(reader)
    assert [n.text for n in header.notes] == ["Text of header note 1", "Text of header note 2"]
    assert unit.tuid == "tu001"
    assert unit.attr("usagecount") == "100"
    assert unit.attr("lastusagedate") == "20020523T091200Z"
    assert [n.text for n in unit.notes] == ["Text of tu note 1", "Text of tu note 2"]
    assert unit.props[0].type == "myPropeType" and unit.props[0].encoding == "iso-8859-1"
    fr = unit.variant("fr")
    assert fr is not None and len(fr.props) == 2 and len(fr.notes) == 2
    assert fr.attr("creationid") == "ys"


@pytest.mark.shared_data
def test_level2_inline_markup_is_typed_not_flattened(kit: Path) -> None:
    units = read(kit / "ImportTest2A.tmx")
    en = units[0].variant("en-US")
    assert en.text == "The big black cat sleeps."
    tags = [item for item in en.content if isinstance(item, Tag)]
    assert [t.kind for t in tags] == ["bpt", "ept", "bpt", "ept"]
    assert tags[0].get("type") == "bold" and tags[0].get("i") == "1"
    assert tags[0].content == ("<b>",)
    it_unit = next(
        u
        for u in units
        if any(isinstance(i, Tag) and i.kind == "it" for i in u.variants[0].content)
    )
    it_tag = next(i for i in it_unit.variants[0].content if isinstance(i, Tag))
    assert it_tag.get("pos") in ("begin", "end")


@pytest.mark.shared_data
def test_sub_inside_ph_is_kept_and_not_in_plain_text(kit: Path) -> None:
    (unit,) = read(kit / "ImportTest2C.tmx")
    en = unit.variant("en-US")
    assert en.text == "Click  to start."
    ph = next(i for i in en.content if isinstance(i, Tag) and i.kind == "ph")
    sub = next(i for i in ph.content if isinstance(i, Tag))
    assert sub.kind == "sub" and plain_text(sub.content) == "Start Here!"


# -- exports shaped like other tools' ----------------------------------------------------------


def test_trados_studio_export(tmx_data: Path) -> None:
    with TmxReader(tmx_data / "trados-studio.tmx") as reader:
        assert reader.header.attr("creationtool") == "SDL Language Platform"
        units = list(reader)
    first = units[0]
    assert (
        first.variant("zh-Hans").text
        == "2023年6月21日，中国电力总裁高平在重庆会见了重庆高速集团董事长滕英明。"
    )
    assert first.variant("en").text.startswith("On June 21, 2023, Mr. Gao Ping")
    assert {p.type: p.value for p in first.props}["x-ConfirmationLevel"] == "ApprovedSignOff"
    assert first.attr("usagecount") == "3"
    ph = units[1].variant("zh-CN").content[-1]
    assert isinstance(ph, Tag) and ph.kind == "ph" and ph.get("type") == "3"


def test_memoq_utf16_le_with_bom(tmx_data: Path) -> None:
    raw = (tmx_data / "memoq.tmx").read_bytes()
    assert raw[:2] == b"\xff\xfe"
    units = read(tmx_data / "memoq.tmx")
    assert units[0].variant("zh-Hans").text == "中国电力\u3000重庆高速集团"
    assert units[1].variant("zh-CN").text.startswith("双方将本着“产业融合")
    assert units[0].variant("en-GB").text == "CPID and Chongqing Expressway Group"


def test_utf16_big_endian(tmp_path: Path, tmx_data: Path) -> None:
    text = (tmx_data / "memoq.tmx").read_bytes()[2:].decode("utf-16-le")
    target = tmp_path / "be.tmx"
    target.write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    assert [by_lang(u) for u in read(target)] == [by_lang(u) for u in read(tmx_data / "memoq.tmx")]


def test_utf8_with_bom(tmp_path: Path, tmx_data: Path) -> None:
    target = tmp_path / "bom.tmx"
    target.write_bytes(b"\xef\xbb\xbf" + (tmx_data / "omegat.tmx").read_bytes())
    assert len(read(target)) == 3


def test_us_ascii_with_character_references(tmp_path: Path) -> None:
    target = tmp_path / "ascii.tmx"
    target.write_bytes(
        b'<?xml version="1.0" encoding="us-ascii"?>\n<tmx version="1.4"><header creationtool="x"'
        b' creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en"'
        b' datatype="plaintext"/><body><tu><tuv xml:lang="en"><seg>Green power</seg></tuv>'
        b'<tuv xml:lang="zh-CN"><seg>&#x7EFF;&#30005;</seg></tuv></tu></body></tmx>'
    )
    (unit,) = read(target)
    assert unit.variant("zh-Hans").text == "绿电"


def test_tmx11_lang_attribute(tmx_data: Path) -> None:
    units = read(tmx_data / "tmx11-lang.tmx")
    assert units[0].variant("zh-Hant").text == "清潔能源開發"
    assert units[0].variant("zh-Hans") is None  # never across scripts
    assert units[1].variant("zh-Hans").text == "清洁能源开发"
    assert units[1].variant("zh-TW") is None


def test_default_namespace_and_multilingual_tu(tmx_data: Path) -> None:
    with TmxReader(tmx_data / "namespaced.tmx") as reader:
        assert reader.header.srclang == "*all*"
        (unit,) = list(reader)
    assert by_lang(unit) == {
        "en": "Energy storage systems",
        "zh-hans": "储能系统",
        "zh-hant": "儲能系統",
        "ja": "エネルギー貯蔵システム",
    }


def test_twenty_thousand_character_segment(tmp_path: Path) -> None:
    long_zh = "绿电交通产业战略合作。" * 2000
    target = tmp_path / "long.tmx"
    target.write_text(
        '<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="block"'
        ' o-tmf="x" adminlang="en" srclang="zh-CN" datatype="plaintext"/><body><tu>'
        f'<tuv xml:lang="zh-CN"><seg>{long_zh}</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv>'
        "</tu></body></tmx>",
        encoding="utf-8",
    )
    (unit,) = read(target)
    assert len(unit.variant("zh-CN").text) == 22000


# -- errors: one line, the file and the place --------------------------------------------------

HEADER = (
    '<header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x"'
    ' adminlang="en" srclang="en" datatype="plaintext"/>'
)


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (b"", None, "empty file"),
        (
            b"<tmx version='1.4'>\n" + HEADER.encode() + b"\n<body>\n<tu><tuv xml:lang='en'>",
            4,
            "truncated XML",
        ),
        (b"<xliff version='1.2'/>", 1, "not a TMX file"),
        (
            "<tmx version='1.4'>\n" + HEADER + "<body><tu>\n<tuv xml:lang='en'>\n</tuv></tu>"
            "</body></tmx>",
            3,
            "no <seg>",
        ),
        ("<tmx version='1.4'>" + HEADER + "<body>\n<tu></tu></body></tmx>", 2, "no <tuv>"),
        (
            "<tmx version='1.4'>"
            + HEADER
            + "<body>\n<tu><tuv><seg>x</seg></tuv></tu></body></tmx>",
            2,
            "without xml:lang",
        ),
        (
            "<tmx version='1.4'>" + HEADER + "<body>\n<tu><tuv xml:lang='en'><seg>a\x01b</seg>"
            "</tuv></tu></body></tmx>",
            2,
            "malformed XML",
        ),
        (
            "<tmx version='1.4'>" + HEADER + "<body>\n<tu><tuv xml:lang='en'><seg>a&#1;b</seg>"
            "</tuv></tu></body></tmx>",
            2,
            "malformed XML",
        ),
        (
            b'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">'
            + HEADER.encode()
            + b'<body><tu><tuv xml:lang="fr"><seg>caf\xe9</seg></tuv></tu></body></tmx>',
            2,
            "encoding",
        ),
        (b'<?xml version="1.0" encoding="x-no-such-charset"?><tmx/>', 1, "encoding"),
        (
            "<tmx version='1.4'>" + HEADER + "<body><tu><tuv xml:lang='en'><seg>a<b>x</b></seg>"
            "</tuv></tu></body></tmx>",
            1,
            "<b> is not allowed",
        ),
    ],
)
def test_bad_input_is_one_error_with_file_and_line(
    tmp_path: Path, content: bytes | str, line: int | None, message: str
) -> None:
    target = tmp_path / "bad.tmx"
    if isinstance(content, str):
        target.write_text(content, encoding="utf-8")
    else:
        target.write_bytes(content)
    with pytest.raises(InputError) as info:
        read(target)
    error = info.value
    assert error.file == str(target)
    assert error.line == line
    assert message in error.message
    assert "\n" not in str(error)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "absent.tmx")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE tmx [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>&lol3;</seg></tuv></tu></body></tmx>
"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>&xxe;</seg></tuv></tu></body></tmx>
"""


@pytest.mark.parametrize("payload", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_entity_declarations_are_refused(tmp_path: Path, payload: bytes) -> None:
    target = tmp_path / "hostile.tmx"
    target.write_bytes(payload)
    with pytest.raises(InputError, match="declares entities"):
        read(target)


def test_plain_doctype_is_accepted_and_not_fetched(tmp_path: Path, tmx_data: Path) -> None:
    # omegat.tmx names tmx14.dtd, which does not exist next to it: it must not be loaded.
    assert len(read(tmx_data / "omegat.tmx")) == 3


# -- the fast paths (a tuv of one plain seg) read what the general path reads -----------------

FAST_AND_SLOW = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence"
 o-tmf="x" adminlang="en" srclang="en-US" datatype="plaintext"/><body>
<tu tuid="1" creationdate="20230621T083015Z" creationid="LIWEI" usagecount="3">
  <note>客户术语表已核对。</note>
  <prop type="x-client">CPID</prop>
  <tuv xml:lang="en-US" changedate="20230622T101500Z"><seg>Green power for transport.</seg></tuv>
  <tuv xml:lang="zh-CN"><prop type="x-reviewed">yes</prop><seg>绿电进交通。</seg></tuv>
</tu>
<tu tuid="2">
  <tuv xml:lang="en-US"><seg><bpt i="1" type="bold">&lt;b&gt;</bpt>Green<ept
    i="1">&lt;/b&gt;</ept> power</seg></tuv>
  <tuv xml:lang="zh-CN"><note>加粗</note><seg><bpt i="1" type="bold">&lt;b&gt;</bpt>绿电<ept
    i="1">&lt;/b&gt;</ept></seg></tuv>
</tu>
<tu><prop type="x-tm-kind">term</prop><prop type="x-tm-status">approved</prop>
  <prop type="x-tm-origin">seed.tmx:12</prop><prop type="x-tm-other">kept</prop>
  <tuv xml:lang="en-US"><seg></seg></tuv><tuv xml:lang="zh-CN"><seg>中国电力</seg></tuv>
</tu>
</body></tmx>
"""


def test_fast_and_general_paths_read_alike(tmp_path: Path) -> None:
    """Each unit has one tuv read by the fast path (a lone seg) and one by the general path
    (a prop or note beside the seg): both must give exactly the model below."""
    from tm.model import Note, Prop, Unit, Variant

    path = tmp_path / "paths.tmx"
    path.write_text(FAST_AND_SLOW, encoding="utf-8")
    bold = Tag("bpt", (("i", "1"), ("type", "bold")), ("<b>",))
    end = Tag("ept", (("i", "1"),), ("</b>",))
    expected = [
        Unit(
            (
                Variant(
                    "en-US",
                    ("Green power for transport.",),
                    attrs=(("changedate", "20230622T101500Z"),),
                ),
                Variant("zh-CN", ("绿电进交通。",), props=(Prop("x-reviewed", "yes"),)),
            ),
            tuid="1",
            props=(Prop("x-client", "CPID"),),
            notes=(Note("客户术语表已核对。"),),
            attrs=(
                ("creationdate", "20230621T083015Z"),
                ("creationid", "LIWEI"),
                ("usagecount", "3"),
            ),
        ),
        Unit(
            (
                Variant("en-US", (bold, "Green", end, " power")),
                Variant("zh-CN", (bold, "绿电", end), notes=(Note("加粗"),)),
            ),
            tuid="2",
        ),
        Unit(
            (Variant("en-US", ()), Variant("zh-CN", ("中国电力",))),
            kind="term",
            status="approved",
            origin="seed.tmx:12",
            props=(Prop("x-tm-other", "kept"),),
        ),
    ]
    units = read(path)
    assert units == expected
    assert [u.location.unit for u in units if u.location] == ["1", "2", "#3"]


def test_repeated_props_and_notes_are_shared_never_conflated(tmp_path: Path) -> None:
    """The reader shares a prop or note met before (real files repeat a client or project on
    most units); one differing in type, text, language or encoding is its own."""
    from tm.model import Note, Prop

    annotations = (
        '<note>核对</note><note xml:lang="zh-CN">核对</note><note o-encoding="gb2312">核对</note>'
        '<prop type="x-client">CPID</prop><prop type="x-client" xml:lang="zh-CN">CPID</prop>'
        '<prop type="x-client" o-encoding="gb2312">CPID</prop><prop type="x-project">CPID</prop>'
        '<prop type="x-client"/><prop type="x-client">SPIC</prop>'
    )
    long_note = "这条说明很长。" * 40  # long texts are not kept for sharing
    unit = (
        f"<tu>{annotations}<note>{long_note}</note>"
        '<tuv xml:lang="en"><seg>Green power</seg></tuv></tu>'
    )
    path = tmp_path / "shared.tmx"
    path.write_text(
        f'<tmx version="1.4"><header srclang="en"/><body>{unit}\n{unit}</body></tmx>',
        encoding="utf-8",
    )
    first, second = read(path)
    assert first.notes == (
        Note("核对"),
        Note("核对", "zh-CN"),
        Note("核对", None, "gb2312"),
        Note(long_note),
    )
    assert first.props == (
        Prop("x-client", "CPID"),
        Prop("x-client", "CPID", "zh-CN"),
        Prop("x-client", "CPID", None, "gb2312"),
        Prop("x-project", "CPID"),
        Prop("x-client", ""),
        Prop("x-client", "SPIC"),
    )
    assert second == first
    assert all(a is b for a, b in zip(first.props, second.props, strict=True))
    assert first.notes[0] is second.notes[0] and first.notes[-1] is not second.notes[-1]


def test_the_readers_quick_constructors_build_the_same_objects() -> None:
    """`new_unit`, `new_variant` and `new_location` skip the dataclasses' `__init__`: what they
    build must be the object the class builds (every field, equality, hash, replace, repr),
    and they must name every field, so a field added to the model is not silently left out."""
    import dataclasses

    from tm.model import (
        Location,
        Note,
        Prop,
        Unit,
        Variant,
        new_location,
        new_unit,
        new_variant,
    )

    bold = Tag("bpt", (("i", "1"),), ("<b>",))
    props, notes = (Prop("x-client", "CPID"),), (Note("客户术语表已核对。", "zh-CN"),)
    attrs = (("changedate", "20230622T101500Z"),)
    unit_fields = (
        (Variant("en", ("Green power",)),),
        "term",
        "approved",
        "7",
        props,
        notes,
        attrs,
        "seed.tmx:3",
        Location("a.tmx", 12),
    )
    cases = [
        (new_location("a.tmx", 12, "7"), Location("a.tmx", 12, unit="7")),
        (
            new_variant("zh-CN", (bold, "绿电"), props, notes, attrs),
            Variant("zh-CN", (bold, "绿电"), props, notes, attrs),
        ),
        (new_unit(*unit_fields), Unit(*unit_fields)),
    ]
    for quick, built in cases:
        assert type(quick) is type(built)
        assert list(vars(quick)) == [f.name for f in dataclasses.fields(built)]
        assert quick == built and hash(quick) == hash(built) and repr(quick) == repr(built)
        with pytest.raises(dataclasses.FrozenInstanceError):
            quick.file = "b.tmx"  # type: ignore[union-attr]
    quick_unit = cases[2][0]
    assert isinstance(quick_unit, Unit)
    assert quick_unit.with_(tuid="8") == cases[2][1].with_(tuid="8")  # type: ignore[union-attr]
