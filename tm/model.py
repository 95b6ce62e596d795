"""The plain, frozen data every stage speaks: readers produce it, the memory stores it, writers
and checks consume it. Nothing here does I/O."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from tm import lang as langs

#: TMX Level 2 inline elements. `bpt ept it ph ut` hold native code; `hi` and `sub` hold text.
INLINE_KINDS = ("bpt", "ept", "it", "ph", "hi", "sub", "ut")
#: Inline elements whose content is native code (not translatable text).
CODE_KINDS = frozenset({"bpt", "ept", "it", "ph", "ut"})

UNIT_KINDS = ("segment", "term")
#: TBX-Basic administrative statuses plus `candidate` for terms nobody has reviewed yet.
TERM_STATUSES = ("candidate", "approved", "admitted", "forbidden", "obsolete")

Attrs = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Location:
    """Where a thing came from; every segment and finding carries one."""

    file: str
    line: int | None = None
    column: int | None = None
    paragraph: int | None = None
    cue: int | None = None
    unit: str | None = None

    def __str__(self) -> str:
        text = self.file
        if self.line is not None:
            text += f":{self.line}"
        elif self.paragraph is not None:
            text += f":¶{self.paragraph}"
        return text


@dataclass(frozen=True)
class Tag:
    """One TMX inline element, kept typed with its attributes so export loses nothing."""

    kind: str
    attrs: Attrs = ()
    content: tuple[str | Tag, ...] = ()

    def get(self, name: str, default: str | None = None) -> str | None:
        for key, value in self.attrs:
            if key == name:
                return value
        return default


Content = tuple[str | Tag, ...]


def plain_text(content: Content) -> str:
    """The text used for matching and checks: native code and sub-flows are not text."""
    if len(content) == 1 and type(content[0]) is str:
        return content[0]
    parts: list[str] = []
    for item in content:
        if isinstance(item, str):
            parts.append(item)
        elif item.kind == "hi":
            parts.append(plain_text(item.content))
    return "".join(parts)


def has_markup(content: Content) -> bool:
    return any(not isinstance(item, str) for item in content)


@dataclass(frozen=True)
class Prop:
    type: str
    value: str
    lang: str | None = None
    encoding: str | None = None


@dataclass(frozen=True)
class Note:
    text: str
    lang: str | None = None
    encoding: str | None = None


@dataclass(frozen=True)
class Variant:
    """One language version of a unit (a TMX `tuv`).

    `lang` is the tag exactly as it was imported; compare languages only through `tm.lang`.
    `attrs` holds the other TMX attributes (dates, ids, usagecount ...) in their original order.
    """

    lang: str
    content: Content
    props: tuple[Prop, ...] = ()
    notes: tuple[Note, ...] = ()
    attrs: Attrs = ()

    @property
    def text(self) -> str:
        return plain_text(self.content)

    def attr(self, name: str) -> str | None:
        return dict(self.attrs).get(name)


@dataclass(frozen=True)
class Unit:
    """A translation unit (TMX `tu`) of any number of languages, or a term entry.

    `kind` is `segment` or `term`; `status` applies to terms (see `TERM_STATUSES`).
    `origin` is the provenance, `file:line` of the place it was first read from.
    """

    variants: tuple[Variant, ...]
    kind: str = "segment"
    status: str | None = None
    tuid: str | None = None
    props: tuple[Prop, ...] = ()
    notes: tuple[Note, ...] = ()
    attrs: Attrs = ()
    origin: str | None = None
    location: Location | None = field(default=None, compare=False)

    def attr(self, name: str) -> str | None:
        return dict(self.attrs).get(name)

    def variant(self, lang: str) -> Variant | None:
        """The first variant in `lang` (matched through `tm.lang`, never across scripts)."""
        for variant in self.variants:
            if langs.matches(lang, variant.lang):
                return variant
        return None

    @property
    def srclang(self) -> str | None:
        return self.attr("srclang")

    def source_language(self, default: str | None = None) -> str:
        """The canonical source language: the unit's own srclang, else `default` (the file's),
        else its first variant's. A `*all*`, or a language the unit lacks, falls through."""
        own = self.attr("srclang") if self.attrs else None
        if own is None and default and langs.same(default, self.variants[0].lang):
            return langs.canonical(self.variants[0].lang)  # the common case, quickly
        for candidate in (own, default):
            if candidate and candidate != langs.ALL:
                for variant in self.variants:
                    if langs.same(candidate, variant.lang):
                        return langs.canonical(variant.lang)
        return langs.canonical(self.variants[0].lang)

    def with_(self, **changes: object) -> Unit:
        return replace(self, **changes)  # type: ignore[arg-type]


# Hot-path constructors. A frozen dataclass's `__init__` sets each field through
# `object.__setattr__`, a call per field; readers that build millions of units (the TMX import)
# fill the instance's `__dict__` in one step instead: the same object (equal, hashable, printable,
# replaceable), built in about a third of the time. Every field is given, in the class's order;
# tests/tmx/test_reader.py holds them to the classes' fields.
_new = object.__new__
_set = object.__setattr__


def new_location(file: str, line: int | None, unit: str | None) -> Location:
    """`Location(file, line, unit=unit)`, quickly (a TMX unit's location)."""
    location = _new(Location)
    _set(
        location,
        "__dict__",
        {"file": file, "line": line, "column": None, "paragraph": None, "cue": None, "unit": unit},
    )
    return location


def new_variant(
    lang: str, content: Content, props: tuple[Prop, ...], notes: tuple[Note, ...], attrs: Attrs
) -> Variant:
    """`Variant(lang, content, props, notes, attrs)`, quickly."""
    variant = _new(Variant)
    _set(
        variant,
        "__dict__",
        {"lang": lang, "content": content, "props": props, "notes": notes, "attrs": attrs},
    )
    return variant


def new_unit(
    variants: tuple[Variant, ...],
    kind: str,
    status: str | None,
    tuid: str | None,
    props: tuple[Prop, ...],
    notes: tuple[Note, ...],
    attrs: Attrs,
    origin: str | None,
    location: Location | None,
) -> Unit:
    """`Unit(variants, kind, status, tuid, props, notes, attrs, origin, location)`, quickly."""
    unit = _new(Unit)
    _set(
        unit,
        "__dict__",
        {
            "variants": variants,
            "kind": kind,
            "status": status,
            "tuid": tuid,
            "props": props,
            "notes": notes,
            "attrs": attrs,
            "origin": origin,
            "location": location,
        },
    )
    return unit


@dataclass(frozen=True)
class Block:
    """A piece of a document as its reader found it: a paragraph, heading, list item, table
    cell or caption cue, with where it came from. Sentences are split from blocks later."""

    text: str
    location: Location
    kind: str = "paragraph"
    start_ms: int | None = None
    end_ms: int | None = None
    lines: tuple[str, ...] = ()  # a caption cue's lines as displayed


@dataclass(frozen=True)
class Document:
    """What every reader returns, whatever the format."""

    path: str
    format: str
    blocks: tuple[Block, ...]
    encoding: str | None = None


#: The prop that keeps a term's subject field (TBX `subjectField`) in TMX and in the memory.
DOMAIN_PROP = "x-tm-domain"


@dataclass(frozen=True)
class Term:
    """One term pair as glossaries and people see it: a source term, one rendering of it, and
    the rendering's status. Several targets per source are several `Term`s (one approved,
    others admitted or forbidden); in the memory each is one term unit of two variants."""

    source: str
    target: str
    source_lang: str
    target_lang: str
    status: str = "approved"
    note: str | None = None
    domain: str | None = None
    location: Location | None = field(default=None, compare=False)

    def unit(self, props: tuple[Prop, ...] = (), notes: tuple[Note, ...] = ()) -> Unit:
        """The term as a memory unit; `props` and `notes` are added to its own."""
        return Unit(
            variants=(
                Variant(self.source_lang, (self.source,)),
                Variant(self.target_lang, (self.target,)),
            ),
            kind="term",
            status=self.status,
            notes=((Note(self.note),) if self.note else ()) + notes,
            props=((Prop(DOMAIN_PROP, self.domain),) if self.domain else ()) + props,
            location=self.location,
        )

    @classmethod
    def from_unit(cls, unit: Unit, srclang: str | None = None) -> Term | None:
        """The unit's first variant in its source language paired with the first in another
        language; `None` for a unit with one language only."""
        source = unit.variant(srclang) if srclang else None
        source = source or unit.variants[0]
        others = [v for v in unit.variants if not langs.same(v.lang, source.lang)]
        # Another language before another script of the same one (zh-Hans → en, not zh-Hant).
        others.sort(key=lambda v: langs.primary(v.lang) == langs.primary(source.lang))
        target = others[0] if others else None
        if target is None:
            return None
        domain = next((p.value for p in unit.props if p.type == DOMAIN_PROP), None)
        note = "\n".join(n.text for n in unit.notes) or None
        return cls(
            source.text,
            target.text,
            source.lang,
            target.lang,
            unit.status or "approved",
            note,
            domain,
            unit.location,
        )


@dataclass(frozen=True)
class Pair:
    """A source text and its translation, or one monolingual text (`target` is None), with
    their languages (as the input or the user tagged them), where the source came from and
    which input file the pair belongs to. What `tm.pairs` builds from any input, and what
    checks, term extraction and scoring consume."""

    source: str
    target: str | None
    source_lang: str
    target_lang: str | None
    location: Location
    document: str = ""  # which input file it belongs to (consistency is per document)

    @property
    def bilingual(self) -> bool:
        return self.target is not None and self.target_lang is not None

    def sides(self) -> list[tuple[str, str, str]]:
        """(role, text, language) of each side present."""
        out = [("source", self.source, self.source_lang)]
        if self.target is not None and self.target_lang is not None:
            out.append(("target", self.target, self.target_lang))
        return out


#: Finding severities, most serious first.
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Evidence:
    """Why a finding was raised: the span of one side it rests on (offsets into that side's
    text) and the value read there, so that an editor sees the reason, not just the verdict."""

    side: str  # "source" or "target"
    text: str
    start: int
    end: int
    value: str | None = None


@dataclass(frozen=True)
class Finding:
    """One problem a check found: which check, how serious, where, and what to do instead."""

    check: str
    severity: str
    message: str
    location: Location
    source: str | None = None
    target: str | None = None
    suggestion: str | None = None
    category: str = "other"
    evidence: tuple[Evidence, ...] = ()
