"""The action-plan tracker of examples/web, through Starlette's test client (no server).

Pages and API answers are the library's own findings, ratings and wire format; a
bad or hostile document gets the findings ``ilacs validate`` gives and never a 500;
a body over 2 MB is refused. The browser tests are in tests/browser.
"""

import doctest
import html
import json
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilacs import ActionPlan, Inspection, national, progress, serialisation, validate

for _module, _extra in [
    ("starlette", "web"),
    ("uvicorn", "web"),
    ("python_multipart", "web"),
    ("jinja2", "web"),
    ("httpx2", "web-test"),
]:
    pytest.importorskip(
        _module,
        reason=f"the tracker needs the {_extra!r} extra: pip install -e '.[{_extra}]'",
    )

import jsonschema  # noqa: E402 (after the skip: the test extra brings it)
import test_edges  # noqa: E402 (the mutated documents of the edge tests)
import test_hardening_wire as hostile  # noqa: E402 (the hostile inputs of the hardening work)
from cli_runner import run_cli  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples" / "web"))
import tracker  # noqa: E402 (examples/web is not a package: it is put on the path above)

PLAN_PATH = ROOT / "examples" / "data" / "haringey-2018-action-plan.json"
PLAN_TEXT = PLAN_PATH.read_text(encoding="utf-8")
PLAN = serialisation.loads(PLAN_TEXT, ActionPlan)
PANEL = pendulum.date(2019, 3, 19)
LATER = pendulum.date(2020, 3, 31)
README_COMMAND = ".venv/bin/python examples/web/tracker.py"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    """The app without pictures (quick), on the repository's national record, today fixed."""
    app = tracker.create_app(today=lambda: PANEL, pictures=False)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture(scope="module")
def drawing() -> Iterator[TestClient]:
    """The app as served: with its pictures."""
    with TestClient(tracker.create_app(), raise_server_exceptions=False) as client:
        yield client


def _upload(client: TestClient, name: str, data: bytes, as_of: str = "2019-03-19") -> Any:  # noqa: ANN401
    return client.post("/check", files={"file": (name, data)}, data={"as_of": as_of})


def _ratings(html: str) -> list[tuple[str, str]]:
    return re.findall(r'data-action="([^"]+)" data-rating="([^"]+)"', html)


def _library_ratings(plan: ActionPlan, day: pendulum.Date) -> list[tuple[str, str]]:
    return [(item.action.id, item.rating.value) for item in progress.summarise(plan, day).actions]


def _findings(page: str) -> list[tuple[str, str, str, str]]:
    rows = re.findall(
        r'<tr class="finding (\w+)">\s*<td>\w+</td>\s*<td><code>([^<]*)</code></td>'
        r"\s*<td><code>([^<]*)</code></td>\s*<td>([^<]*)</td>",
        page,
    )
    return [
        (severity, code, path, html.unescape(message)) for severity, code, path, message in rows
    ]


def _cli_findings(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, Any]:
    """What ``ilacs validate FILE --format json`` says of one file, less the file's name."""
    run = run_cli(capsys, "validate", str(path), "--format", "json")
    assert run.status in {0, 1}, run.err
    (row,) = json.loads(run.out)
    del row["file"]
    return dict(row)


class TestTheApp:
    """The README starts it; its own examples hold."""

    def test_the_readme_gives_the_command_the_browser_tests_use(self) -> None:
        """The README's one command starts the app, as tests/browser starts it."""
        assert README_COMMAND in (ROOT / "README.md").read_text(encoding="utf-8")

    def test_the_apps_doctests_pass(self) -> None:
        """The app's documented examples run."""
        result = doctest.testmod(tracker, optionflags=doctest.ELLIPSIS)
        assert result.attempted > 5
        assert result.failed == 0

    def test_it_listens_on_localhost_only(self) -> None:
        """The server is started on 127.0.0.1, never on every interface."""
        source = (ROOT / "examples" / "web" / "tracker.py").read_text(encoding="utf-8")
        assert 'host="127.0.0.1"' in source
        assert "0.0.0.0" not in source  # noqa: S104 (the address that must not appear)


class TestPages:
    """The pages show the library's findings and ratings, every text escaped."""

    def test_the_home_page_offers_the_form_with_the_security_headers(
        self, client: TestClient
    ) -> None:
        """A form to upload or paste a document; no script may run, nothing is cached."""
        page = client.get("/")
        assert page.status_code == 200
        assert 'type="file"' in page.text
        assert "<textarea" in page.text
        assert "default-src 'none'" in page.headers["content-security-policy"]
        assert page.headers["cache-control"] == "no-store"
        assert "<script" not in page.text

    def test_haringeys_plan_shows_its_nine_areas_rated_as_the_library_rates_them(
        self, client: TestClient
    ) -> None:
        """Nine actions, each red, amber or green as progress.summarise says on 19 March 2019."""
        page = _upload(client, PLAN_PATH.name, PLAN_TEXT.encode())
        assert page.status_code == 200
        ratings = _ratings(page.text)
        assert len(ratings) == 9
        assert re.findall(r'<li class="area" data-area="([^"]+)"', page.text) == [
            f"ia-{number}" for number in range(1, 10)
        ]
        assert ratings == _library_ratings(PLAN, PANEL)
        summary = progress.summarise(PLAN, PANEL)
        shown = html.unescape(page.text)
        for item in summary.actions:
            assert item.reason in shown
        assert _findings(page.text) == [
            (item.severity.value, item.code, item.path, item.message)
            for item in validate(PLAN_TEXT)
        ]
        assert str(summary.submission) in shown

    def test_a_later_day_changes_the_ratings(self, client: TestClient) -> None:
        """The same plan as of 31 March 2020: the library's ratings, different from March 2019."""
        page = _upload(client, PLAN_PATH.name, PLAN_TEXT.encode(), as_of=LATER.isoformat())
        assert _ratings(page.text) == _library_ratings(PLAN, LATER)
        assert _ratings(page.text) != _library_ratings(PLAN, PANEL)

    def test_the_date_form_carries_the_document_back(self, client: TestClient) -> None:
        """Pasted text and a name come back in the page's own form: nothing is kept on the server."""
        page = client.post(
            "/check", data={"text": PLAN_TEXT, "name": PLAN_PATH.name, "as_of": "2020-03-31"}
        )
        assert _ratings(page.text) == _library_ratings(PLAN, LATER)
        assert f'value="{PLAN_PATH.name}"' in page.text

    def test_a_yaml_plan_reads_as_its_json(self, client: TestClient) -> None:
        """The same plan written as YAML gets the same board."""
        page = _upload(client, "plan.yaml", serialisation.dumps_yaml(PLAN).encode())
        assert _ratings(page.text) == _library_ratings(PLAN, PANEL)

    def test_the_deadlines_show_the_rule_behind_each(self, client: TestClient) -> None:
        """Each deadline in words, with its basis and source."""
        page = _upload(client, "haringey.json", serialisation.dumps(PLAN.inspection).encode())
        assert "Action plan: due 18 March 2019, 70 working days after receipt" in page.text
        assert "SI 2007/462" in page.text

    def test_the_example_link_opens_haringeys_plan(self, client: TestClient) -> None:
        """/example is Haringey's plan as of the panel's meeting."""
        assert _ratings(client.get("/example").text) == _library_ratings(PLAN, PANEL)

    def test_a_broken_document_gets_the_findings_of_ilacs_validate(
        self, client: TestClient, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Every finding, with its code, path and message, as the command line gives them."""
        data = json.loads(PLAN_TEXT)
        data["inspection"]["judgements"][0]["grade"] = "Very good indeed"
        del data["inspection"]["authority"]
        data["actions"][0]["answers"] = ["ia-99"]
        path = tmp_path / "broken.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        page = _upload(client, path.name, path.read_bytes())
        assert page.status_code == 200
        expected = _cli_findings(capsys, path)
        assert not expected["ok"]
        assert _findings(page.text) == [
            (item["severity"], item["code"], item["path"], item["message"])
            for item in expected["findings"]
        ]
        assert "the document does not load" in page.text

    def test_text_from_a_document_is_escaped(self, client: TestClient) -> None:
        """A name holding markup is shown as text, never run."""
        data = json.loads(PLAN_TEXT)
        data["inspection"]["authority"]["name"] = "<script>alert(1)</script>"
        page = _upload(client, "x.json", json.dumps(data).encode())
        assert "<script>" not in page.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text

    @pytest.mark.parametrize("as_of", ["19/03/2019", "2019-02-30", "9999-12-31", "1066-10-14"])
    def test_a_bad_day_is_a_message_not_an_error_page(self, client: TestClient, as_of: str) -> None:
        """A day that is not one, or one the calendar does not cover, is explained on the page."""
        page = _upload(client, PLAN_PATH.name, PLAN_TEXT.encode(), as_of=as_of)
        assert page.status_code in {200, 400}
        assert 'id="problem"' in page.text
        assert "Traceback" not in page.text

    def test_no_document_is_a_message(self, client: TestClient) -> None:
        """A form with neither file nor text says what to give."""
        page = client.post("/check", data={"as_of": "2019-03-19"})
        assert page.status_code == 400
        assert "give a document" in page.text

    def test_an_upload_leaves_no_file_behind(
        self, client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A large upload (spooled past 1 MB) leaves nothing in the temporary folder."""
        monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
        data = json.loads(PLAN_TEXT)
        data["actions"][0]["title"] = "x" * 1_500_000
        page = _upload(client, "large.json", json.dumps(data).encode())
        assert page.status_code == 200
        assert list(tmp_path.iterdir()) == []

    def test_the_national_page_shows_an_authoritys_inspections_in_date_order(
        self, client: TestClient, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """Haringey's inspections first on site first, with grades, beside the national tables."""
        page = client.get("/national", params={"as_of": "2024-03-31", "authority": "HARINGEY"})
        assert page.status_code == 200
        starts = re.findall(r'<tr class="inspection">\s*<td>([^<]+)</td>', page.text)
        assert starts == ["29 October 2018", "13 February 2023"]
        latest = national.latest(official_inspections, as_of=pendulum.date(2024, 3, 31))
        assert f"latest graded inspection ({len(latest)})" in page.text
        assert "Requires improvement to be good" in page.text
        assert "What is due next: the last full inspection began on 13 February 2023" in (
            html.unescape(page.text)
        )

    def test_an_unknown_authority_is_a_message(self, client: TestClient) -> None:
        """No such authority: a 400 page saying so."""
        page = client.get("/national", params={"authority": "Atlantis"})
        assert page.status_code == 400
        assert "no inspection of an authority named &#39;Atlantis&#39;" in page.text

    def test_the_national_record_may_be_an_inspections_document(
        self, official_inspections: tuple[Inspection, ...], tmp_path: Path
    ) -> None:
        """--national takes an ilacs inspections document as well as Ofsted's CSV."""
        record = tmp_path / "record.json"
        record.write_text(serialisation.dumps(official_inspections), encoding="utf-8")
        with TestClient(tracker.create_app(record, pictures=False)) as client:
            answer = client.get("/api/national/latest", params={"as_of": "2024-03-31"})
        assert serialisation.loads(answer.text) == national.latest(
            official_inspections, as_of=pendulum.date(2024, 3, 31)
        )

    def test_a_missing_national_record_is_a_message(self) -> None:
        """A record that cannot be read: each national page and call says so, no 500."""
        app = tracker.create_app(ROOT / "no-such-record.csv", pictures=False)
        with TestClient(app, raise_server_exceptions=False) as client:
            for path in ("/national", "/api/national/latest", "/api/national/authorities/x"):
                answer = client.get(path)
                assert answer.status_code in {200, 400}, path
                assert "cannot read" in answer.text

    def test_the_pages_draw_the_pictures(self, drawing: TestClient) -> None:
        """The plan's ratings each month, the national shares and the grade history, as SVG."""
        page = drawing.get("/example")
        assert 'id="plan-picture"' in page.text
        assert "data:image/svg+xml;base64," in page.text
        page = drawing.get("/national", params={"as_of": "2024-03-31", "authority": "Haringey"})
        assert 'id="england-picture"' in page.text
        assert 'id="history-picture"' in page.text


class TestApi:
    """The API takes and gives the library's wire format, described by the library's schemas."""

    def test_the_openapi_schemas_are_the_librarys(self, client: TestClient) -> None:
        """Every document type's schema in the OpenAPI document is json_schema's, unchanged."""
        spec = client.get("/api/openapi.json").json()
        assert spec["openapi"].startswith("3.1")
        schemas = spec["components"]["schemas"]
        assert set(schemas) == set(serialisation.DOCUMENT_TYPES)
        for kind in serialisation.DOCUMENT_TYPES:
            assert schemas[kind] == serialisation.json_schema(kind)
            assert client.get(f"/api/schemas/{kind}").json() == serialisation.json_schema(kind)

    def test_every_reference_in_the_openapi_document_resolves(self, client: TestClient) -> None:
        """Each $ref to a component names one that exists."""
        spec = client.get("/api/openapi.json").json()
        refs = re.findall(r'"\$ref": "#/components/schemas/(\w+)"', json.dumps(spec["paths"]))
        assert refs
        assert set(refs) <= set(spec["components"]["schemas"])

    def test_an_unknown_schema_is_a_404(self, client: TestClient) -> None:
        """A document type that does not exist: 404 with the known ones."""
        answer = client.get("/api/schemas/nonsense")
        assert answer.status_code == 404
        assert "action_plan" in answer.json()["error"]

    def test_validate_gives_the_librarys_report(self, client: TestClient) -> None:
        """/api/validate answers ValidationReport.to_json() for the body."""
        answer = client.post(
            "/api/validate", content=PLAN_TEXT, headers={"content-type": "application/json"}
        )
        assert answer.status_code == 200
        assert answer.text == validate(PLAN_TEXT).to_json()

    def test_canonical_gives_the_wire_format_that_the_schema_describes(
        self, client: TestClient
    ) -> None:
        """A YAML plan comes back as the canonical JSON document, valid against the schema."""
        answer = client.post(
            "/api/canonical",
            content=serialisation.dumps_yaml(PLAN),
            headers={"content-type": "application/yaml"},
        )
        assert answer.status_code == 200
        assert answer.text == serialisation.dumps(PLAN)
        jsonschema.validate(answer.json(), serialisation.json_schema("action_plan"))

    def test_a_document_that_does_not_load_is_a_422_with_its_findings(
        self, client: TestClient
    ) -> None:
        """Canonical and summary answer 422 with the findings when the body does not load."""
        for path in ("/api/canonical", "/api/plans/summary"):
            answer = client.post(path, content=b'{"schema_version": 1}')
            assert answer.status_code == 422
            assert answer.json()["findings"][0]["code"] == "ILACS-V001"

    def test_summary_gives_the_librarys_ratings(self, client: TestClient) -> None:
        """Each action's rating and reason as progress.summarise gives them."""
        answer = client.post(
            "/api/plans/summary", params={"as_of": "2019-03-19"}, content=PLAN_TEXT
        )
        assert answer.status_code == 200
        body = answer.json()
        summary = progress.summarise(PLAN, PANEL)
        assert [(item["id"], item["rating"]) for item in body["actions"]] == _library_ratings(
            PLAN, PANEL
        )
        assert [item["reason"] for item in body["actions"]] == [
            item.reason for item in summary.actions
        ]
        assert body["counts"] == {rating.value: n for rating, n in summary.counts.items()}

    def test_summary_needs_a_plan(self, client: TestClient) -> None:
        """An inspection is not a plan: 422."""
        answer = client.post("/api/plans/summary", content=serialisation.dumps(PLAN.inspection))
        assert answer.status_code == 422

    def test_latest_is_an_inspections_document(
        self, client: TestClient, official_inspections: tuple[Inspection, ...]
    ) -> None:
        """Each authority's latest inspection as of a day, as the library's collection document."""
        answer = client.get("/api/national/latest", params={"as_of": "2024-03-31"})
        assert answer.status_code == 200
        found = serialisation.loads(answer.text, "inspections")
        assert found == national.latest(official_inspections, as_of=pendulum.date(2024, 3, 31))
        jsonschema.validate(answer.json(), serialisation.json_schema("inspections"))

    def test_an_authoritys_journey_is_its_inspections_in_date_order(
        self, client: TestClient
    ) -> None:
        """By name in any letter case or by URN; 404 when the record has none."""
        by_name = client.get("/api/national/authorities/haringey")
        by_urn = client.get("/api/national/authorities/80498")
        assert by_name.text == by_urn.text
        found = serialisation.loads(by_name.text, "inspections")
        assert isinstance(found, tuple)
        assert [str(item.on_site_start) for item in found] == ["2018-10-29", "2023-02-13"]
        assert client.get("/api/national/authorities/atlantis").status_code == 404
        assert client.get("/api/national/authorities/" + "9" * 5000).status_code == 404

    def test_not_utf8_is_a_400(self, client: TestClient) -> None:
        """Bytes that are not text: a 400 saying so."""
        answer = client.post("/api/validate", content=b"\xff\xfe{}")
        assert answer.status_code == 400
        assert "not UTF-8" in answer.json()["error"]

    def test_an_unknown_path_is_a_json_404_under_api(self, client: TestClient) -> None:
        """Under /api/ errors are JSON; elsewhere short text."""
        assert client.get("/api/nothing").json() == {"error": "Not Found"}
        assert client.get("/nothing").text == "404: Not Found"
        assert client.get("/api/validate").status_code == 405


def _texts(params: list[Any], index: int) -> list[Any]:
    """The texts of the hardening tests' parameter sets, with their ids."""
    return [pytest.param(param.values[index], id=param.id) for param in params]


HOSTILE_TEXTS = [
    *_texts(hostile.HUGE_INTEGER_TEXTS, 1),
    *_texts(hostile.URNS_TOO_LARGE, 1),
    *_texts(hostile.BAD_PACK_FILES, 0),
    *[pytest.param(json.dumps(param.values[0]), id=param.id) for param in hostile.LARGE_BAD_VALUES],
]


class TestHostileDocuments:
    """The hardening work's hostile documents get ilacs validate's findings, never a 500."""

    @pytest.mark.parametrize("text", HOSTILE_TEXTS)
    def test_a_hostile_document_gets_the_findings_of_ilacs_validate(
        self,
        client: TestClient,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        text: str | bytes,
    ) -> None:
        """The page and the API give the command line's findings; bytes not UTF-8 are a 400."""
        data = text.encode() if isinstance(text, str) else text
        suffix = (
            ".yaml"
            if isinstance(text, str) and not text.lstrip().startswith(("{", "["))
            else ".json"
        )
        path = tmp_path / f"hostile{suffix}"
        path.write_bytes(data)
        page = _upload(client, path.name, data)
        media = "application/yaml" if suffix == ".yaml" else "application/json"
        answer = client.post("/api/validate", content=data, headers={"content-type": media})
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            assert page.status_code == 400
            assert answer.status_code == 400
            return
        expected = _cli_findings(capsys, path)
        assert page.status_code == 200
        assert answer.status_code == 200
        assert answer.json() == expected
        assert _findings(page.text) == [
            (item["severity"], item["code"], item["path"], item["message"])
            for item in expected["findings"]
        ]


LIMIT = tracker.MAX_BODY


class TestOversizedBodies:
    """A body over 2 MB is refused with 413, whether its length is declared or not."""

    @pytest.mark.parametrize("path", ["/api/validate", "/api/canonical", "/check"])
    def test_a_declared_length_over_the_limit_is_refused(
        self, client: TestClient, path: str
    ) -> None:
        """Content-Length past the limit: 413 before anything is read."""
        answer = client.post(path, content=b"{" + b" " * LIMIT + b"}")
        assert answer.status_code == 413
        assert "larger than 2,097,152 bytes" in answer.json()["error"]

    def test_a_body_without_a_length_is_counted_as_it_comes(self, client: TestClient) -> None:
        """A chunked body is refused once it passes the limit."""

        def chunks() -> Iterator[bytes]:
            for _ in range(40):
                yield b" " * 100_000

        answer = client.post("/api/validate", content=chunks())
        assert answer.status_code == 413

    def test_an_upload_over_the_limit_is_refused(self, client: TestClient) -> None:
        """A file of 3 MB in the form: 413."""
        answer = _upload(client, "big.json", b" " * (3 * 1024 * 1024))
        assert answer.status_code == 413

    def test_a_body_at_the_limit_is_read(self, client: TestClient) -> None:
        """Just under the limit is a document like any other (here one that does not load)."""
        answer = client.post("/api/validate", content=b"[" + b" " * (LIMIT - 2) + b"]")
        assert answer.status_code == 200
        assert answer.json()["ok"] is False


_PATHS = [
    "/",
    "/check",
    "/example",
    "/national",
    "/api",
    "/api/validate",
    "/api/canonical",
    "/api/plans/summary",
    "/api/national/latest",
    "/api/schemas/inspection",
    "/api/national/authorities/Haringey",
    "/style.css",
    "/api/openapi.json",
    "/%00",
    "/..",
]


class TestNoServerError:
    """No request makes the app answer 500."""

    @test_edges._harness(200 if test_edges.THOROUGH else 25)  # noqa: SLF001 (the edge tests' settings)
    @given(st.data())
    def test_mutated_documents_and_odd_requests_never_get_a_500(
        self, client: TestClient, data: st.DataObject
    ) -> None:
        """Mutated real documents, as JSON or YAML, posted as pages and API calls, with odd days."""
        _, document = test_edges._mutated(data)  # noqa: SLF001
        form, text = test_edges._text_of(document, data)  # noqa: SLF001
        as_of = data.draw(st.sampled_from([*test_edges._DATES, "", "x" * 100]), label="as_of")  # noqa: SLF001
        name = "doc.yaml" if form == "yaml" else "doc.json"
        answers = [
            client.post("/check", files={"file": (name, text.encode())}, data={"as_of": as_of}),
            client.post("/api/plans/summary", params={"as_of": as_of}, content=text),
            client.post("/api/validate", content=text),
        ]
        path = data.draw(st.sampled_from(_PATHS), label="path")
        method = data.draw(st.sampled_from(["GET", "POST", "PUT", "HEAD"]), label="method")
        query = data.draw(
            st.dictionaries(
                st.sampled_from(["as_of", "authority", "pictures", "x"]),
                st.text(max_size=20),
                max_size=3,
            ),
            label="query",
        )
        answers.append(client.request(method, path, params=query, content=text[:1000]))
        for answer in answers:
            assert answer.status_code < 500, (answer.status_code, answer.text[:500])
            assert "Traceback" not in answer.text
