"""A team server's memory used from the command line: `tm --memory https://host/ …`.

The CLI's lookup, check, import and terms commands call the server's API instead of opening a
memory, so CI needs only the URL and a token (`$TM_TOKEN`). The server runs the same library,
so the answers are the ones a local memory gives. Standard library only (urllib): the client
side of `tm` needs no HTTP dependency.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from tm.errors import InputError, StoreError, UsageError

#: How long one request may take before the server is declared unreachable.
TIMEOUT_SECONDS = 120.0
SCHEMES = ("http://", "https://")

_SUFFIX_FORMAT = {".tmx": "tmx", ".tbx": "tbx", ".csv": "csv", ".tsv": "tsv"}
_TERM_SUFFIX_FORMAT = {**_SUFFIX_FORMAT, ".txt": "txt", ".utf8": "utf8"}


def is_url(memory: str) -> bool:
    return memory.startswith(SCHEMES)


class RemoteMemory:
    """The API of one `tm serve`, with the token from `$TM_TOKEN` unless one is given."""

    def __init__(self, url: str, token: str | None = None) -> None:
        self.url = url.rstrip("/")
        self.token = token if token is not None else os.environ.get("TM_TOKEN")

    # -- plumbing ---------------------------------------------------------------------------
    def _call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        body: bytes | None = None,
        content_type: str = "application/json",
        raw: bool = False,
    ) -> Any:
        """The answer's JSON; with `raw`, (its bytes, its headers) instead."""
        query = "?" + urllib.parse.urlencode(params) if params else ""
        request = urllib.request.Request(self.url + path + query, data=body, method=method)
        if body is not None:
            request.add_header("Content-Type", content_type)
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                payload = response.read()
                headers = dict(response.headers)
        except urllib.error.HTTPError as error:
            raise self._error(error) from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise StoreError(f"cannot reach the server: {reason}", file=self.url) from None
        if raw:
            return payload, headers
        try:
            return json.loads(payload)
        except ValueError:
            raise StoreError("the server's answer is not JSON", file=self.url) from None

    def _error(self, error: urllib.error.HTTPError) -> Exception:
        try:
            message = json.loads(error.read()).get("error", error.reason)
        except (ValueError, AttributeError):
            message = str(error.reason)
        if error.code == 401:
            hint = "set $TM_TOKEN to a token from `tm serve token add`"
            return StoreError(f"the server refused the token: {message}", file=self.url, hint=hint)
        if error.code == 403:
            return StoreError(f"not allowed: {message}", file=self.url)
        if error.code in (400, 404, 413):
            return UsageError(str(message))
        return StoreError(f"the server answered {error.code}: {message}", file=self.url)

    def _json(self, method: str, path: str, data: dict[str, Any]) -> Any:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        return self._call(method, path, body=body)

    # -- the API ----------------------------------------------------------------------------
    def lookup(
        self, text: str, *, fuzzy: float | None = None, limit: int = 10, lang: str | None = None
    ) -> Any:
        params: dict[str, Any] = {"q": text, "limit": limit}
        if fuzzy is not None:
            params["fuzzy"] = int(fuzzy)
        if lang:
            params["lang"] = lang
        return self._call("GET", "/api/lookup", params=params)

    def terms(self, status: str | None = None) -> list[dict[str, Any]]:
        data = self._call("GET", "/api/terms", params={"status": status} if status else None)
        return list(data["terms"])

    def select_term(
        self, source: str | None, target: str | None, term_id: int | None
    ) -> dict[str, Any]:
        """The one term named by id, or by source (and target) in any surface form, found by
        the server as the local `tm terms` commands find it; `UsageError` when none or
        several match."""
        if term_id is not None:
            found = self._call("GET", "/api/terms", params={"id": term_id})["terms"]
        elif source:
            params = {"source": source, **({"target": target} if target else {})}
            found = self._call("GET", "/api/terms", params=params)["terms"]
        else:
            raise UsageError("name a term: SOURCE [TARGET], or --id N")
        if not found:
            what = f"#{term_id}" if term_id is not None else repr(source)
            raise UsageError(f"no term {what} on the server")
        if len(found) > 1:
            listing = "; ".join(f"#{t['id']} {t['target']} ({t['status']})" for t in found)
            raise UsageError(
                f"{len(found)} terms match {source!r}: {listing}; name the target or --id"
            )
        return dict(found[0])

    def add_term(self, fields: dict[str, Any]) -> dict[str, Any]:
        return dict(self._json("POST", "/api/terms", fields))

    def change_term(self, term_id: int, fields: dict[str, Any]) -> dict[str, Any]:
        return dict(self._json("PATCH", f"/api/terms/{term_id}", fields))

    def remove_term(self, term_id: int) -> dict[str, Any]:
        return dict(self._call("DELETE", f"/api/terms/{term_id}")["removed"])

    def import_file(self, path: str) -> dict[str, int]:
        """`tm import` of one file into the server's memory."""
        return self._upload("/api/import", path, _SUFFIX_FORMAT, {})

    def import_terms(
        self, path: str, *, source_lang: str | None = None, target_lang: str | None = None
    ) -> dict[str, int]:
        """`tm terms import` of one glossary (or TMX) into the server's memory."""
        given = {"source_lang": source_lang, "target_lang": target_lang}
        extra = {key: value for key, value in given.items() if value}
        return self._upload("/api/terms/import", path, _TERM_SUFFIX_FORMAT, extra)

    def _upload(
        self, path_: str, path: str, formats: dict[str, str], extra: dict[str, str]
    ) -> dict[str, int]:
        suffix = os.path.splitext(path)[1].lower()
        if suffix not in formats:
            raise InputError(
                f"cannot import {suffix or 'a file without suffix'} into a server "
                f"(known: {', '.join(sorted(formats))})",
                file=path,
            )
        try:
            with open(path, "rb") as handle:
                body = handle.read()
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror}", file=path) from None
        params = {"format": formats[suffix], "name": os.path.basename(path), **extra}
        return dict(self._call("POST", path_, params=params, body=body))

    def export_terms(
        self,
        fmt: str,
        *,
        statuses: tuple[str, ...] = (),
        src: str | None = None,
        tgt: str | None = None,
    ) -> tuple[bytes, int]:
        """`tm terms export` from the server: the file's bytes and how many pairs it holds."""
        given = {"format": fmt, "status": ",".join(statuses), "src_lang": src, "tgt_lang": tgt}
        params = {key: value for key, value in given.items() if value}
        payload, headers = self._call("GET", "/api/terms/export", params=params, raw=True)
        count = next((v for k, v in headers.items() if k.lower() == "x-tm-count"), "0")
        return payload, int(count)

    def review_items(self, limit: int | None = None) -> list[dict[str, Any]]:
        """The candidates to review, as `GET /api/terms/review` gives them."""
        params = {"limit": limit} if limit else None
        return list(self._call("GET", "/api/terms/review", params=params)["items"])

    def review(self, term_id: int, answer: str, target: str | None = None) -> dict[str, Any]:
        """One review answer (a, r, e, s) applied on the server."""
        fields = {"answer": answer, **({"target": target} if target else {})}
        return dict(self._json("POST", f"/api/terms/{term_id}/review", fields))

    def check(self, pairs: list[dict[str, Any]]) -> dict[str, Any]:
        """The server's checks over pairs built here (their locations kept)."""
        return dict(self._json("POST", "/api/check", {"pairs": pairs}))

    def stats(self) -> dict[str, Any]:
        return dict(self._call("GET", "/api/stats"))


# -- `tm check` on a server's memory: what crosses the wire ---------------------------------
#
# The client reads the inputs (they are its files) and the project's settings; the server runs
# `tm.checks.check_inputs` on them with its memory (drift needs the memory's segments and its
# fuzzy index) and its terms, exactly as a local memory is given to the checks; the findings
# come back whole. One codec, used by both ends, so nothing is lost on the way.

#: Settings that name files on the client: the server gets their contents, not their names.
LOCAL_SETTINGS = ("glossary", "memory", "baseline", "fail-on")


def location_json(location: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(location)


def location_from(data: Any) -> Any:
    from tm.model import Location

    if not isinstance(data, dict) or not isinstance(data.get("file"), str):
        raise UsageError("a location needs a file")
    fields = ("line", "column", "paragraph", "cue")
    numbers = {key: data.get(key) for key in fields}
    if any(
        v is not None and (isinstance(v, bool) or not isinstance(v, int)) for v in numbers.values()
    ):
        raise UsageError("line, column, paragraph and cue must be whole numbers")
    unit = data.get("unit")
    return Location(data["file"], unit=None if unit is None else str(unit), **numbers)


def inputs_json(inputs: Any) -> dict[str, Any]:
    """What `tm.checks.check_inputs` reads of an `Inputs`: pairs, caption cues, files."""
    return {
        "pairs": [
            {
                "source": p.source,
                "target": p.target,
                "source_lang": p.source_lang,
                "target_lang": p.target_lang,
                "location": location_json(p.location),
                "document": p.document,
            }
            for p in inputs.pairs
        ],
        "cues": [
            {
                "location": location_json(where),
                "block": {
                    "text": block.text,
                    "location": location_json(block.location),
                    "kind": block.kind,
                    "start_ms": block.start_ms,
                    "end_ms": block.end_ms,
                    "lines": list(block.lines),
                },
                "lang": lang,
            }
            for where, (block, lang) in inputs.cues.items()
        ],
        "files": [os.fspath(f) for f in inputs.files],
        "alone": [os.fspath(f) for f in inputs.alone],
    }


def inputs_from(data: Any) -> Any:
    """The `Inputs` of `inputs_json`; `UsageError` for a malformed one."""
    from tm.model import Block, Pair
    from tm.pairs import Inputs

    if not isinstance(data, dict):
        raise UsageError("inputs must be an object")
    try:
        pairs = [
            Pair(
                _str(p["source"]),
                None if p.get("target") is None else _str(p["target"]),
                _str(p["source_lang"]),
                None if p.get("target_lang") is None else _str(p["target_lang"]),
                location_from(p["location"]),
                _str(p.get("document") or ""),
            )
            for p in data.get("pairs", [])
        ]
        cues = {}
        for cue in data.get("cues", []):
            block = cue["block"]
            cues[location_from(cue["location"])] = (
                Block(
                    _str(block["text"]),
                    location_from(block["location"]),
                    _str(block.get("kind", "paragraph")),
                    block.get("start_ms"),
                    block.get("end_ms"),
                    tuple(_str(line) for line in block.get("lines", [])),
                ),
                _str(cue["lang"]),
            )
        files = [_str(f) for f in data.get("files", [])]
        alone = [_str(f) for f in data.get("alone", [])]
    except (KeyError, TypeError, AttributeError):
        raise UsageError("inputs: each pair needs source, source_lang and location") from None
    return Inputs(pairs=pairs, cues=cues, files=files, alone=alone)


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def finding_json(finding: Any) -> dict[str, Any]:
    """`tm check --format json`'s finding, with the location's column too."""
    from tm.reports.formats import finding_dict

    data = finding_dict(finding)
    data["location"] = location_json(finding.location)
    return data


def finding_from(data: dict[str, Any]) -> Any:
    from tm.model import Evidence, Finding

    return Finding(
        check=data["check"],
        severity=data["severity"],
        message=data["message"],
        location=location_from(data["location"]),
        source=data.get("source"),
        target=data.get("target"),
        suggestion=data.get("suggestion"),
        category=data.get("category", "other"),
        evidence=tuple(Evidence(**e) for e in data.get("evidence", [])),
    )


def check_remotely(
    remote: RemoteMemory,
    inputs: Any,
    *,
    settings: dict[str, Any],
    profiles: tuple[str, ...] = (),
    terms: list[Any] | None = None,
) -> list[Any]:
    """The findings `tm check` gives for `inputs` with the server's memory: its checks run
    there, on the inputs read here, with this project's settings (`settings`: the `[check]`
    table; the files it names stay here) and a glossary's `terms` if one was given (else the
    memory's terms, as locally)."""
    body: dict[str, Any] = {
        "inputs": inputs_json(inputs),
        "settings": {k: v for k, v in settings.items() if k not in LOCAL_SETTINGS},
        "profiles": list(profiles),
    }
    if terms is not None:
        body["terms"] = [
            {
                "source": t.source, "target": t.target, "source_lang": t.source_lang,
                "target_lang": t.target_lang, "status": t.status, "note": t.note,
                "domain": t.domain,
            }
            for t in terms
        ]  # fmt: skip
    answer = remote._json("POST", "/api/check", body)
    return [finding_from(f) for f in answer["findings"]]
