"""The action-plan tracker: a web app on ilacs, for an improvement team in a browser.

Check an inspection or an action plan (JSON or YAML, uploaded or pasted) and see
every validation finding beside the document; see a plan's red, amber and green
board as of a day, with each rating's reason, the deadlines with the rule behind
each, and the plan's ratings over time; see the national picture as of a day and an
authority's inspections when one is chosen. A JSON API under ``/api/`` takes and
gives the library's own wire format, described by ``/api/openapi.json``, which
embeds the library's JSON Schemas.

The app is a consumer of ilacs' public API only: every page and answer is made
from the library's values (no second model of an inspection or a plan). It keeps
nothing: a document lives as long as the request that carries it, and a page that
shows one carries it back in its own form for the next date.

Run it (it listens on 127.0.0.1 only): ``python examples/web/tracker.py`` and open
http://127.0.0.1:8000/ (``--port`` to change the port, ``--national FILE`` for
another national record: Ofsted's CSV or an ilacs inspections document).
"""

import argparse
import base64
import sys
from collections.abc import Awaitable, Callable, Mapping, MutableMapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
import pendulum
import uvicorn
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

import ilacs
from ilacs import (
    ActionPlan,
    Inspection,
    deadlines,
    history,
    importers,
    national,
    progress,
    serialisation,
)
from ilacs.errors import DocumentError, IlacsError
from ilacs.reports import pictures

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "data"
#: Ofsted's official ILACS history as the repository keeps it (see tests/data/README.md).
OFFICIAL = HERE.parent.parent / "tests" / "data" / "ofsted_mi_ilacs_history_2018_2025.csv"
HARINGEY_PLAN = EXAMPLES / "haringey-2018-action-plan.json"

#: The largest request body the app reads, in bytes: a plan is tens of kilobytes.
MAX_BODY = 2 * 1024 * 1024
#: The largest document text the forms carry, in characters.
MAX_TEXT = MAX_BODY
YAML_SUFFIXES = (".yaml", ".yml")
DOCUMENT_TYPES = tuple(serialisation.DOCUMENT_TYPES)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Sent with every answer: no script, no frame, nothing fetched from elsewhere.
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
        " base-uri 'none'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
}


class InputError(IlacsError, ValueError):
    """A form or query value the app cannot use, such as a day not written YYYY-MM-DD.

    >>> str(InputError("'as_of' must be a day written YYYY-MM-DD (got '19/03/2019')"))
    "'as_of' must be a day written YYYY-MM-DD (got '19/03/2019')"
    """


# Reading what the user sends.


def parse_day(text: str | None, field: str, default: pendulum.Date) -> pendulum.Date:
    """A day from a form or query value written YYYY-MM-DD; ``default`` when none is given.

    >>> parse_day("2019-03-19", "as_of", pendulum.date(2020, 1, 1))
    Date(2019, 3, 19)
    >>> parse_day("19/03/2019", "as_of", pendulum.date(2020, 1, 1))
    Traceback (most recent call last):
    ...
    tracker.InputError: 'as_of' must be a day written YYYY-MM-DD (got '19/03/2019')
    """
    if text is None or not text.strip():
        return default
    try:
        day = pendulum.Date.fromisoformat(text.strip())
    except ValueError:
        shown = text if len(text) <= 40 else f"{text[:40]}..."
        msg = f"{field!r} must be a day written YYYY-MM-DD (got {shown!r})"
        raise InputError(msg) from None
    return pendulum.date(day.year, day.month, day.day)


def is_yaml(name: str, text: str) -> bool:
    """Whether a document is YAML, as ``ilacs validate`` decides: by its name, else its text.

    >>> is_yaml("plan.yml", "{}"), is_yaml("", '{"a": 1}'), is_yaml("", "kind: standard")
    (True, False, True)
    """
    suffix = Path(name).suffix.lower()
    if suffix in YAML_SUFFIXES:
        return True
    if suffix == ".json":
        return False
    start = text.lstrip("\ufeff").lstrip()[:1]
    return start not in {"", "{", "["}


def decode(data: bytes) -> str:
    r"""A document's bytes as text: UTF-8, with or without a byte-order mark.

    >>> decode(b"\xef\xbb\xbf{}")
    '{}'
    >>> decode(b"\xff")
    Traceback (most recent call last):
    ...
    tracker.InputError: the document is not UTF-8 text (invalid start byte at byte 0)
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        msg = f"the document is not UTF-8 text ({error.reason} at byte {error.start})"
        raise InputError(msg) from None


def load(name: str, text: str) -> serialisation.Document:
    """The document in a text, read as JSON or YAML; raises DocumentError when it cannot be.

    >>> load("", HARINGEY_PLAN.read_text(encoding="utf-8")).inspection.authority.name
    'Haringey'
    """
    if is_yaml(name, text):
        return serialisation.loads_yaml(text)
    return serialisation.loads(text)


def check(name: str, text: str) -> tuple[serialisation.Document | None, ilacs.ValidationReport]:
    """The document (None if it does not load) and every finding, as ``ilacs validate`` gives them.

    >>> document, report = check("plan.json", '{"schema_version": 1}')
    >>> document is None, report.codes[0]
    (True, 'ILACS-V001')
    """
    try:
        document = load(name, text)
    except DocumentError as error:
        return None, ilacs.ValidationReport.from_error(error)
    return document, ilacs.validate(document)


# Pictures, inline: an <img> of an SVG runs no script, whatever text it holds.


def picture_uri(picture: pictures.GradeHistory | pictures.StackedCounts) -> str:
    """The picture as an SVG ``data:`` address for an ``<img>``."""
    svg = pictures.render(picture, "svg", width=8, height=4.5)
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def plan_picture(plan: ActionPlan, as_of: pendulum.Date, source: str) -> str | None:
    """The plan's ratings each month from the report's receipt to ``as_of``, if there are days."""
    inspection = plan.inspection
    start = inspection.report_received or inspection.published or inspection.on_site_end
    if start is None or as_of <= start:
        return None
    return picture_uri(pictures.plan_status(plan, pictures.monthly(start, as_of), source=source))


# The national record.


def read_national(path: Path) -> tuple[Inspection, ...]:
    """The inspections in Ofsted's CSV (or workbook), or in an ilacs inspections document.

    >>> len(read_national(OFFICIAL))
    271
    """
    if path.suffix.lower() in {".csv", ".ods", ".xlsx"}:
        return importers.ofsted(path).inspections
    text = path.read_text(encoding="utf-8-sig")
    document = load(path.name, text)
    if not isinstance(document, tuple):
        msg = f"{path.name}: the national record must be an inspections document"
        raise InputError(msg)
    return document


def journey(inspections: Sequence[Inspection], authority: str) -> history.History:
    """An authority's history in the record: by its name in any letter case, or its URN.

    >>> found = journey(read_national(OFFICIAL), "haringey")
    >>> [str(item.on_site_start) for item in found.events]
    ['2018-10-29', '2023-02-13']
    >>> journey(read_national(OFFICIAL), "80498") == found
    True
    """
    wanted = authority.strip()
    # A URN has six digits; a longer number is a name no authority has.
    key: int | str = int(wanted) if wanted.isdigit() and len(wanted) <= 9 else wanted
    try:
        return history.History.of(key, inspections)
    except IlacsError:
        shown = wanted if len(wanted) <= 60 else f"{wanted[:60]}..."
        msg = f"no inspection of an authority named {shown!r} is in the record"
        raise InputError(msg) from None


# What the templates show.


def day(value: pendulum.Date | None) -> str:
    """A day as people write it, or "not recorded".

    >>> day(pendulum.date(2019, 3, 19)), day(None)
    ('19 March 2019', 'not recorded')
    """
    return "not recorded" if value is None else f"{value.day} {value.format('MMMM YYYY')}"


def area_label(area: str, framework: str | None = None) -> str:
    """A judgement area's label in its framework pack (the newest pack that has it if none is named).

    >>> area_label("care_leavers")
    'The experiences and progress of care leavers'
    """
    packs = [ilacs.frameworks.get(framework)] if framework else ilacs.frameworks.all()[::-1]
    for pack in packs:
        if area in pack.area_ids:
            return pack.area(area).label
    return area


def outcome(value: object) -> str:
    """A judgement's outcome in words: a grade's label, an outcome's id, or "none".

    >>> outcome(ilacs.Grade.GOOD), outcome("positive"), outcome(None)
    ('Good', 'positive', 'none')
    """
    if value is None:
        return "none"
    return value.label if isinstance(value, ilacs.Grade) else str(value)


# The app.


def local_today() -> pendulum.Date:
    """Today's date where the app runs: the day a page shows until the user picks one."""
    return pendulum.today().date()


class Tracker:
    """The pages and the API over one national record, which it reads when first asked.

    >>> from starlette.testclient import TestClient
    >>> with TestClient(create_app()) as client:
    ...     client.get("/").status_code
    200
    """

    def __init__(
        self, national_path: Path, today: Callable[[], pendulum.Date], *, pictures: bool = True
    ) -> None:
        self.national_path = national_path
        self.today = today
        self.pictures = pictures
        self._national: tuple[Inspection, ...] | None = None
        self.templates = jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            autoescape=True,  # every piece of text a document holds is escaped
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.templates.filters["day"] = day
        self.templates.filters["area"] = area_label
        self.templates.filters["outcome"] = outcome

    @property
    def national(self) -> tuple[Inspection, ...]:
        """The national record's inspections."""
        if self._national is None:
            try:
                self._national = read_national(self.national_path)
            except OSError as error:
                msg = f"cannot read the national record {self.national_path.name}: {error.strerror}"
                raise InputError(msg) from None
        return self._national

    def page(self, template: str, status: int = 200, **context: object) -> HTMLResponse:
        """A page rendered from a template, every value escaped."""
        html = self.templates.get_template(template).render(
            version=ilacs.__version__, max_body=MAX_BODY, **context
        )
        return HTMLResponse(html, status_code=status)

    # Pages.

    async def home(self, _request: Request) -> Response:
        """The form to check a document."""
        return self.page("home.html", as_of=self.today().isoformat())

    async def example(self, request: Request) -> Response:
        """Haringey's 2018 action plan, as if uploaded, as of 19 March 2019 unless told."""
        text = HARINGEY_PLAN.read_text(encoding="utf-8")
        as_of = request.query_params.get("as_of", "2019-03-19")
        return self.document_page(HARINGEY_PLAN.name, text, as_of)

    async def check_page(self, request: Request) -> Response:
        """A document uploaded or pasted: its findings beside it, and its board or deadlines."""
        async with request.form(max_files=1, max_fields=8, max_part_size=MAX_BODY) as form:
            upload = form.get("file")
            pasted = form.get("text")
            as_of = form.get("as_of")
            name = ""
            try:
                if isinstance(upload, UploadFile) and upload.filename:
                    name = upload.filename
                    text = decode(await upload.read(MAX_BODY + 1))
                elif isinstance(pasted, str) and pasted.strip():
                    name = str(form.get("name") or "")
                    text = pasted
                else:
                    msg = "give a document: choose a file or paste its text"
                    raise InputError(msg)  # noqa: TRY301 (answered below, with the form again)
            except InputError as error:
                return self.page("home.html", 400, as_of=self.today().isoformat(), error=str(error))
        return self.document_page(name, text, as_of if isinstance(as_of, str) else None)

    def document_page(self, name: str, text: str, as_of_text: str | None) -> Response:
        """The page for one document: findings, then what the library says of it on a day."""
        if len(text) > MAX_TEXT:
            return self.page(
                "home.html",
                413,
                as_of=self.today().isoformat(),
                error=f"the document is longer than {MAX_TEXT:,} characters",
            )
        document, report = check(name, text)
        context: dict[str, object] = {
            "name": name,
            "text": text,
            "report": report,
            "document": document,
            "as_of": as_of_text or self.today().isoformat(),
            "as_of_day": as_of_text or day(self.today()),
            "is_plan": isinstance(document, ActionPlan),
            "summary": None,
            "deadlines": (),
            "picture": None,
            "problem": None,
        }
        status = 200
        try:
            as_of = parse_day(as_of_text, "as_of", self.today())
            context["as_of"], context["as_of_day"] = as_of.isoformat(), day(as_of)
            if isinstance(document, ActionPlan):
                context["summary"] = progress.summarise(document, as_of)
                context["deadlines"] = deadlines.for_inspection(document.inspection)
                if self.pictures:
                    source = f"{name or 'the plan'}, as recorded"
                    context["picture"] = plan_picture(document, as_of, source)
            elif isinstance(document, Inspection):
                context["deadlines"] = deadlines.for_inspection(document)
        except IlacsError as error:
            # What `ilacs report` says of such a document, as an input error.
            context["problem"] = str(error)
            status = 400 if isinstance(error, InputError) else 200
        return self.page("document.html", status, **context)

    async def national_page(self, request: Request) -> Response:
        """The national picture as of a day, and an authority's inspections when one is chosen."""
        query = request.query_params
        chosen = query.get("authority", "").strip()
        context: dict[str, object] = {
            "as_of": query.get("as_of") or self.today().isoformat(),
            "as_of_day": query.get("as_of") or day(self.today()),
            "chosen": chosen,
            "latest": (),
            "distributions": (),
            "authorities": (),
            "journey": (),
            "chosen_history": None,
            "due_next": None,
            "england": None,
            "history": None,
            "problem": None,
        }
        status = 200
        try:
            as_of = parse_day(query.get("as_of"), "as_of", self.today())
            context["as_of"], context["as_of_day"] = as_of.isoformat(), day(as_of)
            record = self.national
            context["authorities"] = sorted({item.authority.name for item in record})
            context["latest"] = national.latest(record, as_of=as_of)
            context["distributions"] = national.distributions(record, as_of=as_of)
            source = f"{self.national_path.name}, as of {as_of.isoformat()}"
            drawn = self.pictures and query.get("pictures", "1") != "0"
            if drawn:
                days = [as_of.subtract(years=years) for years in range(5, -1, -1)]
                context["england"] = picture_uri(
                    pictures.national_distribution(
                        national.over_time(record, days=days), source=source
                    )
                )
            if chosen:
                found = journey(record, chosen)
                context["chosen_history"] = found
                context["journey"] = tuple(
                    item for item in found.events if item.on_site_start <= as_of
                )
                context["due_next"] = found.due_next(as_of, observed=history.observed_gaps(record))
                if drawn:
                    authority = found.authority.urn or found.authority.name
                    context["history"] = picture_uri(
                        pictures.grade_history(record, authority, as_of=as_of, source=source)
                    )
        except IlacsError as error:
            context["problem"] = str(error)
            status = 400 if isinstance(error, InputError) else 200
        return self.page("national.html", status, **context)

    async def api_page(self, _request: Request) -> Response:
        """What the API offers, for people."""
        return self.page("api.html", document_types=DOCUMENT_TYPES)

    async def style(self, _request: Request) -> Response:
        """The one style sheet."""
        css = (HERE / "static" / "style.css").read_text(encoding="utf-8")
        return Response(css, media_type="text/css")

    # The API.

    async def read_document(self, request: Request) -> tuple[str, str]:
        """A request body's name (from its content type) and text; an InputError if not text."""
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        name = "body.yaml" if "yaml" in media else "body.json" if "json" in media else ""
        return name, decode(await request.body())

    async def api_validate(self, request: Request) -> Response:
        """Every finding for a document, as ``ilacs validate --format json`` gives one file's."""
        try:
            name, text = await self.read_document(request)
        except InputError as error:
            return error_json(str(error), 400)
        _, report = check(name, text)
        return Response(report.to_json(), media_type="application/json")

    async def api_canonical(self, request: Request) -> Response:
        """A document (JSON or YAML) as canonical JSON: every key, in the library's order."""
        try:
            name, text = await self.read_document(request)
        except InputError as error:
            return error_json(str(error), 400)
        document, report = check(name, text)
        if document is None:
            return Response(report.to_json(), status_code=422, media_type="application/json")
        return Response(serialisation.dumps(document), media_type="application/json")

    async def api_summary(self, request: Request) -> Response:
        """An action plan's ratings as of a day, each with its reason."""
        try:
            as_of = parse_day(request.query_params.get("as_of"), "as_of", self.today())
            name, text = await self.read_document(request)
        except InputError as error:
            return error_json(str(error), 400)
        document, report = check(name, text)
        if document is None:
            return Response(report.to_json(), status_code=422, media_type="application/json")
        if not isinstance(document, ActionPlan):
            return error_json("a summary needs an action_plan document", 422)
        try:
            summary = progress.summarise(document, as_of)
        except IlacsError as error:
            return error_json(str(error), 422)
        return JSONResponse(summary_json(summary))

    async def api_schema(self, request: Request) -> Response:
        """The library's JSON Schema of a document type."""
        kind = request.path_params["document_type"]
        if kind not in DOCUMENT_TYPES:
            return error_json(f"no document type {kind!r}: one of {', '.join(DOCUMENT_TYPES)}", 404)
        return JSONResponse(serialisation.json_schema(kind))

    async def api_latest(self, request: Request) -> Response:
        """Each authority's latest graded inspection as of a day, as an inspections document."""
        try:
            as_of = parse_day(request.query_params.get("as_of"), "as_of", self.today())
            found = national.latest(self.national, as_of=as_of)
        except IlacsError as error:
            return error_json(str(error), 400)
        return Response(serialisation.dumps(found), media_type="application/json")

    async def api_journey(self, request: Request) -> Response:
        """An authority's inspections in the record, in order, as an inspections document."""
        try:
            record = self.national
        except IlacsError as error:
            return error_json(str(error), 400)
        try:
            found = journey(record, request.path_params["authority"])
        except IlacsError as error:
            return error_json(str(error), 404)
        return Response(serialisation.dumps(found.events), media_type="application/json")

    async def api_openapi(self, _request: Request) -> Response:
        """The OpenAPI document of the API."""
        return JSONResponse(openapi())


def error_json(message: str, status: int) -> Response:
    """An API error: ``{"error": message}``."""
    return JSONResponse({"error": message}, status_code=status)


def summary_json(summary: progress.PlanSummary) -> dict[str, object]:
    """A plan's summary as JSON: the library's ratings and reasons, with the plan's ids."""
    return {
        "authority": summary.plan.inspection.authority.name,
        "as_of": summary.as_of.isoformat(),
        "counts": {rating.value: count for rating, count in summary.counts.items()},
        "submission": str(summary.submission),
        "actions": [
            {
                "id": item.action.id,
                "status": item.status.value,
                "rating": item.rating.value,
                "reason": item.reason,
                "milestones": [
                    {"id": m.id, "rating": m.rating.value, "reason": m.reason}
                    for m in item.milestones
                ],
            }
            for item in summary.actions
        ],
        "unanswered": [area.id for area in summary.unanswered],
        "unlinked": [action.id for action in summary.unlinked],
        "upcoming": [str(item) for item in summary.upcoming],
    }


def _document_body(description: str) -> dict[str, object]:
    """A request body of any document type, as JSON or YAML."""
    any_document = {"oneOf": [{"$ref": f"#/components/schemas/{kind}"} for kind in DOCUMENT_TYPES]}
    return {
        "description": description,
        "required": True,
        "content": {
            "application/json": {"schema": any_document},
            "application/yaml": {"schema": any_document},
        },
    }


_REPORT = {
    "type": "object",
    "description": "ilacs.ValidationReport.to_json(): ok, and every finding in document order",
    "required": ["ok", "findings"],
    "properties": {
        "ok": {"type": "boolean"},
        "findings": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["code", "severity", "path", "message", "source"],
                "properties": {
                    "code": {"type": "string", "pattern": "^ILACS-V[0-9]{3}$"},
                    "severity": {"enum": ["error", "warning", "info"]},
                    "path": {"type": "string"},
                    "message": {"type": "string"},
                    "source": {"type": "string"},
                },
            },
        },
    },
}
_ERROR = {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}
_AS_OF = {
    "name": "as_of",
    "in": "query",
    "description": "The day, YYYY-MM-DD (today if not given).",
    "schema": {"type": "string", "format": "date"},
}


def _answer(description: str, schema: Mapping[str, object]) -> dict[str, object]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def openapi() -> dict[str, object]:
    """The OpenAPI 3.1 document of the API; its schemas are ``ilacs.serialisation.json_schema``.

    >>> spec = openapi()
    >>> spec["components"]["schemas"]["action_plan"] == serialisation.json_schema("action_plan")
    True
    """
    report = _answer("The findings (the document may not have loaded)", _REPORT)
    not_loaded = _answer("The document does not load: its findings", _REPORT)
    error = _answer("Not UTF-8 text, or a value the API cannot use", _ERROR)
    inspections = _answer("An inspections document", {"$ref": "#/components/schemas/inspections"})
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "ilacs action-plan tracker",
            "version": ilacs.__version__,
            "description": (
                "Request and response documents are ilacs' wire format (schema version"
                f" {serialisation.SCHEMA_VERSION}); their schemas are the library's own."
                f" Bodies are at most {MAX_BODY:,} bytes."
            ),
        },
        "paths": {
            "/api/validate": {
                "post": {
                    "summary": "Every validation finding for a document",
                    "requestBody": _document_body("A document, as JSON or YAML"),
                    "responses": {"200": report, "400": error, "413": error},
                }
            },
            "/api/canonical": {
                "post": {
                    "summary": "A document as canonical JSON",
                    "requestBody": _document_body("A document, as JSON or YAML"),
                    "responses": {
                        "200": _answer(
                            "The same document, canonical",
                            {
                                "oneOf": [
                                    {"$ref": f"#/components/schemas/{kind}"}
                                    for kind in DOCUMENT_TYPES
                                ]
                            },
                        ),
                        "400": error,
                        "413": error,
                        "422": not_loaded,
                    },
                }
            },
            "/api/plans/summary": {
                "post": {
                    "summary": "An action plan's red, amber and green as of a day, with reasons",
                    "parameters": [_AS_OF],
                    "requestBody": {
                        "required": True,
                        "content": {
                            media: {"schema": {"$ref": "#/components/schemas/action_plan"}}
                            for media in ("application/json", "application/yaml")
                        },
                    },
                    "responses": {
                        "200": _answer("ilacs.progress.summarise, as JSON", {"type": "object"}),
                        "400": error,
                        "413": error,
                        "422": not_loaded,
                    },
                }
            },
            "/api/national/latest": {
                "get": {
                    "summary": "Each authority's latest graded inspection as of a day",
                    "parameters": [_AS_OF],
                    "responses": {"200": inspections, "400": error},
                }
            },
            "/api/national/authorities/{authority}": {
                "get": {
                    "summary": "An authority's inspections, first on site first",
                    "parameters": [
                        {
                            "name": "authority",
                            "in": "path",
                            "required": True,
                            "description": "Its name (any letter case) or Ofsted URN",
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {"200": inspections, "404": error},
                }
            },
            "/api/schemas/{document_type}": {
                "get": {
                    "summary": "The JSON Schema of a document type",
                    "parameters": [
                        {
                            "name": "document_type",
                            "in": "path",
                            "required": True,
                            "schema": {"enum": list(DOCUMENT_TYPES)},
                        }
                    ],
                    "responses": {
                        "200": _answer("ilacs.serialisation.json_schema", {"type": "object"}),
                        "404": error,
                    },
                }
            },
        },
        "components": {
            "schemas": {kind: serialisation.json_schema(kind) for kind in DOCUMENT_TYPES}
        },
    }


# Guards around every request.


class BoundedBody:
    """ASGI middleware: a body longer than ``limit`` bytes is refused with 413, unread.

    A declared length over the limit is refused before any byte is read; a body
    sent in chunks is counted as it arrives.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one request, counting its body."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await too_large(self.limit)(scope, receive, send)
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLargeError
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except _TooLargeError:
            if not started:
                await too_large(self.limit)(scope, receive, send)


class _TooLargeError(Exception):
    """A body went past the limit while it was read."""


def too_large(limit: int) -> Response:
    """The answer to a body over the limit, as JSON for the API and as text for pages."""
    message = f"the request is larger than {limit:,} bytes"
    return with_headers(JSONResponse({"error": message}, status_code=413))


def with_headers(response: Response) -> Response:
    """The response with the security headers."""
    response.headers.update(SECURITY_HEADERS)
    return response


class SecurityHeaders:
    """ASGI middleware: the security headers on every answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one request, with the headers."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def headed(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (key, value)
                    for key, value in message.get("headers", [])
                    if key.decode("latin-1").lower() not in SECURITY_HEADERS
                ]
                headers.extend(
                    (key.encode("latin-1"), value.encode("latin-1"))
                    for key, value in SECURITY_HEADERS.items()
                )
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, headed)


async def http_error(request: Request, error: Exception) -> Response:
    """A 4xx as a short answer: JSON under /api/, plain text elsewhere; never a traceback."""
    status = error.status_code if isinstance(error, HTTPException) else 500
    detail = error.detail if isinstance(error, HTTPException) else "internal error"
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": detail}, status_code=status)
    return PlainTextResponse(f"{status}: {detail}", status_code=status)


def create_app(
    national_path: Path | str | None = None,
    *,
    today: Callable[[], pendulum.Date] | None = None,
    pictures: bool = True,
) -> Starlette:
    """The app: pages, the API, and the guards around them (a body of at most 2 MB).

    ``national_path`` is the national record (Ofsted's CSV or an inspections
    document; the repository's copy of Ofsted's CSV by default); ``today`` gives the
    day the pages show until the user chooses one; ``pictures=False`` leaves the
    pictures out (they take a tenth of a second each to draw).

    >>> create_app().url_path_for("national_page")
    '/national'
    """
    tracker = Tracker(
        Path(national_path) if national_path else OFFICIAL, today or local_today, pictures=pictures
    )
    routes = [
        Route("/", tracker.home, name="home"),
        Route("/check", tracker.check_page, methods=["POST"], name="check_page"),
        Route("/example", tracker.example, name="example"),
        Route("/national", tracker.national_page, name="national_page"),
        Route("/api", tracker.api_page, name="api_page"),
        Route("/style.css", tracker.style, name="style"),
        Route("/api/openapi.json", tracker.api_openapi, name="api_openapi"),
        Route("/api/validate", tracker.api_validate, methods=["POST"], name="api_validate"),
        Route("/api/canonical", tracker.api_canonical, methods=["POST"], name="api_canonical"),
        Route("/api/plans/summary", tracker.api_summary, methods=["POST"], name="api_summary"),
        Route("/api/schemas/{document_type}", tracker.api_schema, name="api_schema"),
        Route("/api/national/latest", tracker.api_latest, name="api_latest"),
        Route("/api/national/authorities/{authority}", tracker.api_journey, name="api_journey"),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: http_error})
    app.add_middleware(BoundedBody, limit=MAX_BODY)
    app.add_middleware(SecurityHeaders)
    return app


def main(argv: Sequence[str] | None = None) -> None:
    """Serve the app on 127.0.0.1 (only this computer can reach it) until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--port", type=int, default=8000, help="the port (default 8000)")
    parser.add_argument(
        "--national",
        type=Path,
        default=None,
        help="the national record: Ofsted's CSV or an inspections document",
    )
    args = parser.parse_args(argv)
    if args.national is not None and not args.national.is_file():
        parser.error(f"--national: no such file {args.national}")
    print(f"ilacs tracker on http://127.0.0.1:{args.port}/ (Ctrl-C stops it)", file=sys.stderr)
    uvicorn.run(
        create_app(args.national),
        host="127.0.0.1",
        port=args.port,
        log_level="warning",
        # Uvicorn's own limit on a request's header size and the app's on its body.
        h11_max_incomplete_event_size=64 * 1024,
    )


if __name__ == "__main__":
    main()
