"""The HTTP API and the lookup page: a thin layer over the library, like `tm.cli`.

Every request opens the memory, does one thing and closes it: the server keeps no state of its
own, so several `tm serve` processes over one memory agree, and an approved term is visible to
all of them at the next request. Shapes are those of the CLI's `--json` (DESIGN.md, "The team
server"). Sync endpoints run in Starlette's thread pool, each with its own connection.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from importlib import resources
from typing import Any

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tm.errors import StoreError, TmError
from tm.memory import Store, open_memory
from tm.server.auth import ANONYMOUS_READER, Principal, authenticate

#: A request body larger than this is refused with 413 (an import of a large TMX belongs to
#: `tm import` on the server's machine).
MAX_BODY_BYTES = 32 * 1024 * 1024
TOO_LARGE = f"the body is larger than {MAX_BODY_BYTES // 2**20} MiB"
#: A query longer than this is refused with 400: lookups are for terms and sentences.
MAX_QUERY_CHARS = 2000
#: Most results one request may ask for.
MAX_LIMIT = 100
#: Requests one worker process handles at once (each in a thread with its own connection);
#: more wait their turn in the event loop. Python runs one thread at a time, so more threads
#: than this only contend for the interpreter (and for the PostgreSQL pool): measured with
#: benchmarks/serve_load.py, 40 threads (Starlette's default) served a third of the
#: saturation throughput of 8.
THREADS = 8

IMPORT_FORMATS = {
    "tmx": ".tmx",
    "tbx": ".tbx",
    "csv": ".csv",
    "tsv": ".tsv",
    "application/x-tmx+xml": ".tmx",
    "application/x-tbx+xml": ".tbx",
    "text/csv": ".csv",
    "text/tab-separated-values": ".tsv",
}
#: What `POST /api/terms/import` reads: IMPORT_FORMATS and OmegaT's glossary text.
TERM_IMPORT_FORMATS = {**IMPORT_FORMATS, "txt": ".txt", "utf8": ".utf8", "text/plain": ".txt"}
TERM_MEDIA_TYPES = {
    "tbx": "application/x-tbx+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "tmx": "application/x-tmx+xml",
}


def warm_up() -> None:
    """A lookup in both languages and scripts on an empty memory in RAM: it imports the
    modules and loads the tables (OpenCC, the tokenizers, the term matcher) that requests use."""
    from tm.lookup import lookup

    with Store(":memory:") as store:
        for text in ("Green power transportation", "绿电交通", "綠電交通"):
            lookup(store, text, fuzzy=True)


class HttpError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


Handler = Callable[[Request, Store, Principal], Any]


class Server:
    """The app's settings and its endpoints; `app` is the ASGI application."""

    def __init__(self, memory: str, *, public_read: bool = False, threads: int = THREADS) -> None:
        self.memory = memory
        self.public_read = public_read
        self.threads = threads
        self._limiter: anyio.CapacityLimiter | None = None
        routes = [
            Route("/", self.page, methods=["GET"]),
            Route("/healthz", self.healthz, methods=["GET"]),
            Route("/api/lookup", self._endpoint(self.lookup, "read"), methods=["GET"]),
            Route("/api/concordance", self._endpoint(self.concordance, "read"), methods=["GET"]),
            Route("/api/terms", self._endpoint(self.list_terms, "read"), methods=["GET"]),
            Route(
                "/api/terms",
                self._endpoint(self.add_term, "propose", write=True),
                methods=["POST"],
            ),
            Route(
                "/api/terms/{id:int}",
                self._endpoint(self.change_term, "edit", write=True),
                methods=["PATCH"],
            ),
            Route(
                "/api/terms/{id:int}",
                self._endpoint(self.remove_term, "edit", write=True),
                methods=["DELETE"],
            ),
            Route("/api/terms/export", self._endpoint(self.export_terms, "read"), methods=["GET"]),
            Route(
                "/api/terms/import",
                self._endpoint(self.import_terms, "import", write=True),
                methods=["POST"],
            ),
            Route("/api/terms/review", self._endpoint(self.review_items, "read"), methods=["GET"]),
            Route(
                "/api/terms/{id:int}/review",
                self._endpoint(self.review_term, "edit", write=True),
                methods=["POST"],
            ),
            Route(
                "/api/import", self._endpoint(self.import_, "import", write=True), methods=["POST"]
            ),
            Route("/api/export", self._endpoint(self.export, "read"), methods=["GET"]),
            Route("/api/check", self._endpoint(self.check, "check"), methods=["POST"]),
            Route("/api/stats", self._endpoint(self.stats, "read"), methods=["GET"]),
        ]
        self.app = Starlette(routes=routes, lifespan=self._lifespan)

    @contextlib.asynccontextmanager
    async def _lifespan(self, app: Starlette) -> AsyncIterator[None]:
        """Each worker loads what a lookup needs before it takes requests: the first lookups
        after a start waited most of a second for modules and tables to load."""
        await anyio.to_thread.run_sync(warm_up)
        yield

    # -- plumbing ---------------------------------------------------------------------------
    def _principal(self, request: Request, store: Store) -> Principal:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if not header:
            if self.public_read:
                return ANONYMOUS_READER
            raise HttpError(401, "a token is needed: Authorization: Bearer TOKEN")
        if scheme.lower() != "bearer" or not token.strip():
            raise HttpError(401, "the Authorization header must be: Bearer TOKEN")
        principal = authenticate(store, token.strip())
        if principal is None:
            raise HttpError(401, "unknown or revoked token")
        return principal

    def _endpoint(self, handler: Handler, right: str, *, write: bool = False) -> Callable:
        """Wrap a handler: read the body (bounded), then, in the thread pool with a connection
        of its own, open the memory, authenticate, check the right, and map errors."""

        def run(request: Request, body: bytes) -> Response:
            request.state.body = body
            try:
                with self._open(write) as store:
                    principal = self._principal(request, store)
                    if not principal.may(right):
                        raise HttpError(
                            403, f"the {principal.role} role may not {right} ({principal.name})"
                        )
                    result = handler(request, store, principal)
            except HttpError as exc:
                return JSONResponse({"error": exc.message}, status_code=exc.status)
            except StoreError as exc:
                return JSONResponse({"error": str(exc)}, status_code=503)
            except TmError as exc:
                return JSONResponse({"error": str(exc)}, status_code=400)
            if isinstance(result, Response):
                return result
            created = request.method == "POST" and request.url.path == "/api/terms"
            return JSONResponse(result, status_code=201 if created else 200)

        async def endpoint(request: Request) -> Response:
            body = bytearray()
            length = request.headers.get("content-length")
            if not (length and length.isdigit() and int(length) > MAX_BODY_BYTES):
                async for chunk in request.stream():
                    body += chunk
                    if len(body) > MAX_BODY_BYTES:
                        break
            if len(body) > MAX_BODY_BYTES or (
                length and length.isdigit() and int(length) > MAX_BODY_BYTES
            ):
                return JSONResponse({"error": TOO_LARGE}, status_code=413)
            if self._limiter is None:  # made in the event loop, on the first request
                self._limiter = anyio.CapacityLimiter(self.threads)
            return await anyio.to_thread.run_sync(run, request, bytes(body), limiter=self._limiter)

        return endpoint

    def _open(self, write: bool) -> Store:
        """The memory for one request. A read opens it like a writer, then refuses writes: a
        read-only SQLite open may be `immutable` (tm.memory), which is right for a command
        that reads once, not for a server whose other requests write meanwhile."""
        if self.memory.lower().endswith(".tmx"):
            if write:
                raise HttpError(403, "this server's memory is a TMX file: it is read-only")
            return open_memory(self.memory)
        if write:
            return open_memory(self.memory, write=True)
        store = open_memory(self.memory, write=True)
        store.freeze()
        return store

    @staticmethod
    def _query(request: Request) -> str:
        text = request.query_params.get("q", "")
        if not text.strip():
            raise HttpError(400, "q is empty: give a term or a sentence")
        if len(text) > MAX_QUERY_CHARS:
            raise HttpError(400, f"q is longer than {MAX_QUERY_CHARS} characters")
        return text

    @staticmethod
    def _int(request: Request, name: str, default: int, low: int, high: int) -> int:
        raw = request.query_params.get(name)
        if raw is None or raw == "":
            return default
        try:
            value = int(raw)
        except ValueError:
            raise HttpError(400, f"{name} must be a whole number") from None
        if not low <= value <= high:
            raise HttpError(400, f"{name} must be from {low} to {high}")
        return value

    @staticmethod
    def _body(request: Request) -> bytes:
        body: bytes = request.state.body
        return body

    @staticmethod
    def _json(request: Request) -> dict[str, Any]:
        try:
            data = json.loads(Server._body(request) or b"null")
        except ValueError:
            raise HttpError(400, "the body is not JSON") from None
        if not isinstance(data, dict):
            raise HttpError(400, "the body must be a JSON object")
        return data

    # -- pages ------------------------------------------------------------------------------
    def page(self, request: Request) -> Response:
        html = resources.files("tm.server").joinpath("static/lookup.html").read_text("utf-8")
        return HTMLResponse(
            html,
            headers={
                "Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline';"
                " style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'",
                "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer",
            },
        )

    def healthz(self, request: Request) -> Response:
        try:
            with self._open(write=False) as store:
                store.count()
        except TmError as exc:
            return JSONResponse({"status": "unavailable", "error": str(exc)}, status_code=503)
        return JSONResponse({"status": "ok"})

    # -- reads ------------------------------------------------------------------------------
    def lookup(self, request: Request, store: Store, principal: Principal) -> Any:
        from tm.lookup import lookup

        text = self._query(request)
        fuzzy = "fuzzy" in request.query_params  # `fuzzy` alone: the CLI's default minimum
        min_score = self._int(request, "fuzzy", 75, 0, 100)
        limit = self._int(request, "limit", 10, 1, MAX_LIMIT)
        lang = self._lang(request)
        return lookup(
            store, text, lang=lang, fuzzy=fuzzy, limit=limit, min_score=min_score
        ).as_dict()

    def concordance(self, request: Request, store: Store, principal: Principal) -> Any:
        from tm.fuzzy.concordance import concordance
        from tm.lookup import query_language

        text = self._query(request)
        limit = self._int(request, "limit", 20, 1, MAX_LIMIT)
        lang = self._lang(request) or query_language(text)
        hits = concordance(store, text, lang=lang, limit=limit)
        return {"query": text, "query_lang": lang, "matches": [hit.as_dict() for hit in hits]}

    @staticmethod
    def _lang(request: Request, name: str = "lang") -> str | None:
        from tm import lang as langs

        value = request.query_params.get(name) or None
        if value is not None and not langs.is_well_formed(value):
            raise HttpError(400, f"{name} {value!r} is not a BCP 47 language tag")
        return value

    def list_terms(self, request: Request, store: Store, principal: Principal) -> Any:
        """The terms (`?status=`), or those a `tm terms` command names: `?id=N`, or
        `?source=S[&target=T]` in any surface form and either direction (as locally)."""
        from tm.model import TERM_STATUSES
        from tm.terms.workflow import existing, stored_terms

        params = request.query_params
        status = params.get("status")
        if status and status not in TERM_STATUSES:
            raise HttpError(400, f"status must be one of {', '.join(TERM_STATUSES)}")
        if params.get("id"):
            entries = stored_terms(store, ids=[self._int(request, "id", 0, 1, 2**62)])
        elif params.get("source"):
            entries = existing(store, params["source"], params.get("target") or None)
        else:
            entries = stored_terms(store, statuses=[status] if status else None)
        if status:
            entries = [entry for entry in entries if entry.term.status == status]
        return {"terms": [entry.as_dict() for entry in entries]}

    def export(self, request: Request, store: Store, principal: Principal) -> Any:
        from tm.memory import export_tmx

        params = request.query_params
        spool = tempfile.SpooledTemporaryFile(max_size=8 * 2**20)  # noqa: SIM115 (the stream closes it)
        statuses = [s for s in params.get("status", "").split(",") if s]
        export_tmx(
            store,
            spool,  # type: ignore[arg-type]
            kind=_kind(params.get("kind")),
            statuses=statuses,
            src=params.get("src_lang") or None,
            tgt=params.get("tgt_lang") or None,
        )
        spool.seek(0)
        return StreamingResponse(
            _chunks(spool),
            media_type="application/x-tmx+xml",
            headers={"Content-Disposition": 'attachment; filename="memory.tmx"'},
        )

    def stats(self, request: Request, store: Store, principal: Principal) -> Any:
        return {"units": store.count(), "by_pair": store.stats()}

    # -- writes -----------------------------------------------------------------------------
    def add_term(self, request: Request, store: Store, principal: Principal) -> Any:
        from tm.model import TERM_STATUSES, Term
        from tm.terms.workflow import add_term

        data = self._json(request)
        source, target = _text(data, "source"), _text(data, "target")
        status = data.get("status") or ("approved" if principal.may("edit") else "candidate")
        if status not in TERM_STATUSES:
            raise HttpError(400, f"status must be one of {', '.join(TERM_STATUSES)}")
        if status != "candidate" and not principal.may("edit"):
            raise HttpError(403, f"the {principal.role} role may only propose candidates")
        note = data.get("note")
        if note is not None and not isinstance(note, str):
            raise HttpError(400, "note must be text")
        term = Term(source, target, _language(source), _language(target), status, note or None)
        unit_id, result = add_term(store, term)
        return {"id": unit_id, "result": result, **_term_dict(store, unit_id)}

    def change_term(self, request: Request, store: Store, principal: Principal) -> Any:
        from tm.model import TERM_STATUSES
        from tm.terms.workflow import edit_term, stored_terms

        unit_id = request.path_params["id"]
        found = stored_terms(store, ids=[unit_id])
        if not found:
            raise HttpError(404, f"no term #{unit_id}")
        data = self._json(request)
        allowed = {"source", "target", "status", "note", "domain"}
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise HttpError(400, f"unknown field(s): {', '.join(unknown)}")
        if "status" in data and data["status"] not in TERM_STATUSES:
            raise HttpError(400, f"status must be one of {', '.join(TERM_STATUSES)}")
        changes = {key: _text(data, key) for key in data}
        if "source" in changes:
            changes["source_lang"] = _language(changes["source"])
        if "target" in changes:
            changes["target_lang"] = _language(changes["target"])
        entry = edit_term(store, found[0], **changes)
        return entry.as_dict()

    def _check_inputs(self, data: dict[str, Any], store: Store) -> Any:
        """`tm check` of inputs read by the client, with this memory (its terms unless the
        client sends a glossary's) and the client's project settings: `check_inputs`, as a
        local memory runs it, so both give the same findings."""
        from tm.checks import check_inputs
        from tm.checks.config import config_from
        from tm.remote import finding_json, inputs_from
        from tm.reports import summary
        from tm.terms.workflow import memory_terms

        settings = data.get("settings") or {}
        profiles = data.get("profiles") or []
        if not isinstance(settings, dict):
            raise HttpError(400, "settings must be an object (the [check] table)")
        if not isinstance(profiles, list) or not all(isinstance(p, str) for p in profiles):
            raise HttpError(400, "profiles must be a list of names")
        config = config_from(settings, None, tuple(profiles))
        inputs = inputs_from(data["inputs"])
        terms = _terms(data["terms"]) if "terms" in data else memory_terms(store)
        findings = check_inputs(inputs, terms=terms, memory=store, config=config)
        return {
            "findings": [finding_json(f) for f in findings],
            "summary": summary(findings, list(inputs.files)),
        }

    def remove_term(self, request: Request, store: Store, principal: Principal) -> Any:
        from tm.terms.workflow import remove_terms

        entry = self._stored_term(request, store)
        remove_terms(store, [entry])
        return {"removed": entry.as_dict()}

    def export_terms(self, request: Request, store: Store, principal: Principal) -> Any:
        """`tm terms export`: TBX-Basic by default, or CSV, TSV, TMX (`?format=`)."""
        from tm.glossary import FORMATS
        from tm.terms.workflow import export_terms

        params = request.query_params
        fmt = params.get("format") or "tbx"
        if fmt not in FORMATS:
            raise HttpError(400, f"format must be one of {', '.join(FORMATS)}")
        statuses = self._statuses(request)
        spool = tempfile.SpooledTemporaryFile(max_size=8 * 2**20)  # noqa: SIM115 (the stream closes it)
        count = export_terms(
            store,
            spool,  # type: ignore[arg-type]
            fmt,
            statuses=statuses,
            src=self._lang(request, "src_lang"),
            tgt=self._lang(request, "tgt_lang"),
        )
        spool.seek(0)
        return StreamingResponse(
            _chunks(spool),
            media_type=TERM_MEDIA_TYPES[fmt],
            headers={
                "Content-Disposition": f'attachment; filename="terms.{fmt}"',
                "X-Tm-Count": str(count),
            },
        )

    def import_terms(self, request: Request, store: Store, principal: Principal) -> Any:
        """`tm terms import`: a glossary (TBX, CSV, TSV, OmegaT .txt) or a TMX; a table's
        columns take their languages from `?source_lang=&target_lang=` or their header."""
        from tm.terms.workflow import import_terms

        suffix = self._suffix(request, TERM_IMPORT_FORMATS)
        source_lang = self._lang(request, "source_lang")
        target_lang = self._lang(request, "target_lang")
        with self._upload(request, suffix) as path:
            counts = import_terms(store, path, source_lang=source_lang, target_lang=target_lang)
        return counts.as_dict()

    def review_items(self, request: Request, store: Store, principal: Principal) -> Any:
        """`tm terms review`: the candidates, best first, with their score, evidence and
        the contexts they were found in."""
        from tm.terms.workflow import review_items

        limit = self._int(request, "limit", 0, 0, 100_000)
        return {
            "items": [
                {
                    "term": item.entry.as_dict(),
                    "details": [list(detail) for detail in item.details],
                    "contexts": [list(context) for context in item.contexts],
                }
                for item in review_items(store, limit or None)
            ]
        }

    def review_term(self, request: Request, store: Store, principal: Principal) -> Any:
        """One reviewer's answer to one candidate, `{"answer": "a|r|e|s", "target": …}`,
        applied as `tm terms review` applies it."""
        from tm.terms.workflow import REVIEW_ANSWERS, ReviewItem, apply_review, stored_terms

        entry = self._stored_term(request, store)
        data = self._json(request)
        answer = data.get("answer")
        if answer not in REVIEW_ANSWERS:
            raise HttpError(400, f"answer must be one of {', '.join(REVIEW_ANSWERS)}")
        target = _text(data, "target") if answer == "e" else None
        changed = apply_review(store, ReviewItem(entry, (), ()), answer, target)
        return {"applied": changed, "term": stored_terms(store, ids=[entry.id])[0].as_dict()}

    def _stored_term(self, request: Request, store: Store) -> Any:
        from tm.terms.workflow import stored_terms

        unit_id = request.path_params["id"]
        found = stored_terms(store, ids=[unit_id])
        if not found:
            raise HttpError(404, f"no term #{unit_id}")
        return found[0]

    def _statuses(self, request: Request) -> list[str]:
        from tm.model import TERM_STATUSES

        statuses = [s for s in request.query_params.get("status", "").split(",") if s]
        for status in statuses:
            if status not in TERM_STATUSES:
                raise HttpError(400, f"status must be one of {', '.join(TERM_STATUSES)}")
        return statuses

    def _suffix(self, request: Request, formats: dict[str, str]) -> str:
        fmt = request.query_params.get("format") or request.headers.get("content-type", "")
        suffix = formats.get(fmt.split(";")[0].strip().lower())
        if suffix is None:
            known = "|".join(key for key in formats if "/" not in key)
            raise HttpError(400, f"say the format: ?format={known} or a Content-Type")
        return suffix

    @contextmanager
    def _upload(self, request: Request, suffix: str) -> Iterator[str]:
        """The body as a file in a folder of its own, named as the client's file was (the
        memory records it as the origin)."""
        name = os.path.basename(request.query_params.get("name", "")) or "upload"
        stem = os.path.splitext(name)[0].strip(". ") or "upload"
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, stem + suffix)
            with open(path, "wb") as handle:
                handle.write(self._body(request))
            yield path

    def import_(self, request: Request, store: Store, principal: Principal) -> Any:
        from tm.memory import import_file

        suffix = self._suffix(request, IMPORT_FORMATS)
        with self._upload(request, suffix) as path:
            counts = import_file(store, path)
        return counts.as_dict()

    def check(self, request: Request, store: Store, principal: Principal) -> Any:
        from tm.checks import check_files, check_pairs
        from tm.checks.core import CheckPair
        from tm.model import Location
        from tm.reports import summary
        from tm.reports.formats import finding_dict
        from tm.terms.workflow import memory_terms

        body = self._body(request)
        if not body.lstrip().startswith(b"<"):
            data = self._json(request)
            if "inputs" in data:  # `tm --memory https://… check`: the whole check runs here
                return self._check_inputs(data, store)
        terms = memory_terms(store)
        if body.lstrip().startswith(b"<"):
            with tempfile.TemporaryDirectory() as folder:
                path = os.path.join(folder, "posted.tmx")
                with open(path, "wb") as handle:
                    handle.write(body)
                findings = [
                    replace(f, location=replace(f.location, file="posted.tmx"))
                    for f in check_files([path], terms=terms, memory=store)
                ]
            files = ["posted.tmx"]
        else:
            data = self._json(request)
            if "pairs" in data:
                pairs = [
                    _check_pair(item, number) for number, item in enumerate(_list(data, "pairs"), 1)
                ]
                files = list(dict.fromkeys(p.location.file for p in pairs))
            else:
                source, target = _text(data, "source"), _text(data, "target")
                pairs = [
                    CheckPair(
                        source, target, _language(source), _language(target),
                        Location("posted", 1),
                    )
                ]  # fmt: skip
                files = ["posted"]
            findings = check_pairs(pairs, terms=terms, memory=store)
        return {
            "findings": [finding_dict(f) for f in findings],
            "summary": summary(findings, files),
        }


def _chunks(spool: Any) -> Iterator[bytes]:
    with spool:
        while block := spool.read(64 * 1024):
            yield block


def _terms(value: Any) -> list[Any]:
    """A glossary's terms as the client sends them (`tm check --glossary G` on a server)."""
    from tm.model import TERM_STATUSES, Term

    if not isinstance(value, list):
        raise HttpError(400, "terms must be a list")
    terms = []
    for number, item in enumerate(value, 1):
        if not isinstance(item, dict) or not all(
            isinstance(item.get(key), str) and item[key]
            for key in ("source", "target", "source_lang", "target_lang")
        ):
            raise HttpError(400, f"term {number}: source, target and their languages are text")
        status = item.get("status") or "approved"
        if status not in TERM_STATUSES:
            raise HttpError(400, f"term {number}: status must be one of {', '.join(TERM_STATUSES)}")
        note, domain = item.get("note"), item.get("domain")
        terms.append(
            Term(
                item["source"], item["target"], item["source_lang"], item["target_lang"], status,
                note if isinstance(note, str) else None,
                domain if isinstance(domain, str) else None,
            )
        )  # fmt: skip
    return terms


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        raise HttpError(400, f"{key} must be a non-empty list")
    return value


def _check_pair(item: Any, number: int) -> Any:
    """A pair as the CLI sends it (`tm --memory https://… check`), its location kept."""
    from tm.checks.core import CheckPair
    from tm.model import Location

    if not isinstance(item, dict) or not isinstance(item.get("source"), str):
        raise HttpError(400, f"pair {number}: source must be text")
    target = item.get("target")
    where = item.get("location") or {}
    if not isinstance(where, dict):
        raise HttpError(400, f"pair {number}: location must be an object")
    location = Location(
        str(where.get("file") or "posted"),
        _opt_int(where.get("line")),
        paragraph=_opt_int(where.get("paragraph")),
        cue=_opt_int(where.get("cue")),
        unit=str(where["unit"]) if where.get("unit") is not None else None,
    )
    source_lang = item.get("source_lang") or _language(item["source"])
    target_lang = item.get("target_lang") or (_language(target) if target else None)
    return CheckPair(
        item["source"],
        target if isinstance(target, str) else None,
        str(source_lang),
        str(target_lang) if target_lang else None,
        location,
        str(item.get("document") or location.file),
    )


def _opt_int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise HttpError(400, "line, paragraph and cue must be whole numbers")
    return value


def _kind(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    kinds = {"segments": "segment", "segment": "segment", "terms": "term", "term": "term"}
    if value not in kinds:
        raise HttpError(400, "kind must be segments or terms")
    return kinds[value]


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise HttpError(400, f"{key} must be non-empty text")
    return value.strip()


def _language(text: str) -> str:
    """A text's language, decided as everywhere else in tm."""
    from tm.lookup import query_language

    return query_language(text)


def _term_dict(store: Store, unit_id: int) -> dict[str, Any]:
    from tm.terms.workflow import stored_terms

    return stored_terms(store, ids=[unit_id])[0].as_dict()


def create_app(memory: str, *, public_read: bool = False, threads: int = THREADS) -> Starlette:
    """The ASGI application serving `memory` (a path, as `--memory` takes)."""
    return Server(memory, public_read=public_read, threads=threads).app


def app_from_environment() -> Starlette:
    """The app `tm serve` starts in each worker process (uvicorn's factory), configured by
    the environment `tm serve` sets, since worker processes get no arguments."""
    return create_app(
        os.environ["TM_SERVE_MEMORY"],
        public_read=bool(os.environ.get("TM_SERVE_PUBLIC_READ")),
        threads=int(os.environ.get("TM_SERVE_THREADS") or THREADS),
    )
