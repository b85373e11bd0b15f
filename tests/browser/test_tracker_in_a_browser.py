"""The action-plan tracker in a real browser: headless Chromium, driven by Selenium.

The app is started exactly as the README says, on a free port of 127.0.0.1; then a
user loads Haringey's plan, sees its nine actions rated as of 19 March 2019,
changes the date, checks a broken document, and looks at the national picture.
Every page is saved as a screenshot in ``test-artefacts/screenshots/``.

These tests run when asked: ``ILACS_BROWSER=1`` runs them (skipping if Chromium
or its driver is missing), ``ILACS_REQUIRE_BROWSER=1`` (as ``.ci/run`` sets it)
runs them and fails without a browser. Otherwise they are skipped at once, so the
quick test run stays quick.
"""

import json
import os
import shlex
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pendulum
import pytest

from ilacs import ActionPlan, progress, serialisation, validate

REQUIRED = os.environ.get("ILACS_REQUIRE_BROWSER") == "1"
ASKED = REQUIRED or os.environ.get("ILACS_BROWSER") == "1"
if not ASKED:
    pytest.skip(
        "browser tests run with ILACS_BROWSER=1 (CI sets ILACS_REQUIRE_BROWSER=1: see .ci/run)",
        allow_module_level=True,
    )

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
try:
    from selenium import webdriver
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webelement import WebElement
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:  # pragma: no cover (the web-test extra brings Selenium)
    webdriver = None  # type: ignore[assignment]

_MISSING = [
    what
    for what, found in [
        ("chromium", CHROMIUM),
        ("chromedriver (chromium-driver)", CHROMEDRIVER),
        ("selenium (the web-test extra)", webdriver),
    ]
    if not found
]
if _MISSING:
    message = f"the browser tests need {', '.join(_MISSING)}"
    if REQUIRED:
        pytest.fail(f"{message} (ILACS_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(message, allow_module_level=True)

ROOT = Path(__file__).resolve().parents[2]
#: The README's command that starts the app (tests/test_web.py checks the README gives it).
README_COMMAND = ".venv/bin/python examples/web/tracker.py"
SCREENSHOTS = ROOT / "test-artefacts" / "screenshots"
PLAN_PATH = ROOT / "examples" / "data" / "haringey-2018-action-plan.json"
PLAN = serialisation.loads(PLAN_PATH.read_text(encoding="utf-8"), ActionPlan)
PANEL = pendulum.date(2019, 3, 19)
LATER = pendulum.date(2020, 3, 31)
WAIT = 30


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The app, started as the README starts it, on a free port of 127.0.0.1."""
    port = _free_port()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    log = SCREENSHOTS.parent / "tracker.log"
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(
            [*shlex.split(README_COMMAND), "--port", str(port)],
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    address = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + WAIT
        while True:
            if process.poll() is not None:
                pytest.fail(f"the app stopped at once:\n{log.read_text(encoding='utf-8')}")
            try:
                with urllib.request.urlopen(f"{address}/", timeout=2) as answer:  # noqa: S310
                    if answer.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the app did not answer on {address} within {WAIT} s")
            time.sleep(0.2)
        yield address
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium, driven through the system's chromedriver."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1400,1000",
        "--lang=en-GB",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(WAIT)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()


def _screenshot(driver: Any, name: str) -> Path:  # noqa: ANN401 (a Selenium driver)
    """The whole page as a PNG in the artefacts folder."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1400, min(max(int(height), 1000), 8000))
    path = SCREENSHOTS / f"{name}.png"
    assert driver.save_screenshot(str(path))
    driver.set_window_size(1400, 1000)
    return path


def _set(driver: Any, element: WebElement, value: str) -> None:  # noqa: ANN401
    """Set a field's value as a user's typing would leave it (a date, or a long text)."""
    driver.execute_script("arguments[0].value = arguments[1];", element, value)


def _submit(driver: Any, button_id: str) -> None:  # noqa: ANN401
    """Press a button and wait for the next page."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.ID, button_id).click()
    WebDriverWait(driver, WAIT).until(expected_conditions.staleness_of(old))


def _ratings(driver: Any) -> list[tuple[str, str]]:  # noqa: ANN401
    return [
        (str(row.get_attribute("data-action")), str(row.get_attribute("data-rating")))
        for row in driver.find_elements(By.CSS_SELECTOR, "tr.action")
    ]


def _library_ratings(day: pendulum.Date) -> list[tuple[str, str]]:
    return [(item.action.id, item.rating.value) for item in progress.summarise(PLAN, day).actions]


def _check(driver: Any, server: str, path: Path, as_of: str) -> None:  # noqa: ANN401
    """Upload a file on the home page, as of a day."""
    driver.get(f"{server}/")
    driver.find_element(By.ID, "file").send_keys(str(path))
    _set(driver, driver.find_element(By.ID, "as_of"), as_of)
    _submit(driver, "check")


def _picture_drawn(driver: Any, element_id: str) -> bool:  # noqa: ANN401
    image = driver.find_element(By.ID, element_id)
    return bool(driver.execute_script("return arguments[0].naturalWidth > 0", image))


class TestTheTrackerInABrowser:
    """What a council's improvement team does with the tracker, in Chromium."""

    def test_the_home_page_offers_to_check_a_document(self, server: str, browser: Any) -> None:  # noqa: ANN401
        """The form: a file, or pasted text, and a day."""
        browser.get(f"{server}/")
        assert "Check an inspection or an action plan" in browser.page_source
        assert browser.find_element(By.ID, "file").get_attribute("type") == "file"
        _screenshot(browser, "01-home")

    def test_haringeys_plan_shows_its_nine_areas_and_actions_rated_as_of_the_panels_meeting(
        self,
        server: str,
        browser: Any,  # noqa: ANN401
    ) -> None:
        """The nine areas for improvement, and nine actions red, amber or green as the library says."""
        _check(browser, server, PLAN_PATH, PANEL.isoformat())
        assert "Action plan for Haringey" in browser.find_element(By.CLASS_NAME, "lede").text
        areas = browser.find_elements(By.CSS_SELECTOR, "li.area")
        assert [area.get_attribute("data-area") for area in areas] == [
            area.id for area in PLAN.inspection.improvement_areas
        ]
        assert len(areas) == 9
        assert "Pathways to private fostering" in areas[8].text
        ratings = _ratings(browser)
        assert len(ratings) == 9
        assert ratings == _library_ratings(PANEL)
        heading = browser.find_element(By.ID, "board-title").text
        assert heading == "The board as of 19 March 2019"
        assert _picture_drawn(browser, "plan-picture")
        assert "Action plan: due 18 March 2019" in browser.find_element(By.ID, "deadlines").text
        _screenshot(browser, "02-haringey-plan-2019-03-19")

    def test_changing_the_date_changes_the_ratings(self, server: str, browser: Any) -> None:  # noqa: ANN401
        """The page's own date form, set to 31 March 2020: the library's ratings for that day."""
        _check(browser, server, PLAN_PATH, PANEL.isoformat())
        before = _ratings(browser)
        _set(browser, browser.find_element(By.ID, "as_of"), LATER.isoformat())
        _submit(browser, "show")
        after = _ratings(browser)
        assert after == _library_ratings(LATER)
        assert after != before
        assert browser.find_element(By.ID, "board-title").text == "The board as of 31 March 2020"
        _screenshot(browser, "03-haringey-plan-2020-03-31")

    def test_a_broken_document_shows_its_findings(
        self,
        server: str,
        browser: Any,  # noqa: ANN401
        tmp_path: Path,
    ) -> None:
        """Each finding's code, path and message, as ilacs validate gives them."""
        data = json.loads(PLAN_PATH.read_text(encoding="utf-8"))
        data["inspection"]["judgements"][0]["grade"] = "Very good indeed"
        del data["inspection"]["authority"]
        data["actions"][0]["due"] = "2019-02-30"
        path = tmp_path / "broken-plan.json"
        text = json.dumps(data, indent=2)
        path.write_text(text, encoding="utf-8")
        _check(browser, server, path, PANEL.isoformat())
        rows = browser.find_elements(By.CSS_SELECTOR, "tr.finding")
        shown = [tuple(cell.text for cell in row.find_elements(By.TAG_NAME, "td")) for row in rows]
        expected = [
            (item.severity.value, item.code, item.path, item.message) for item in validate(text)
        ]
        assert shown == expected
        assert len(expected) >= 3
        assert "the document does not load" in browser.find_element(By.ID, "verdict").text
        _screenshot(browser, "04-broken-plan-findings")

    def test_markup_in_a_document_is_shown_not_run(self, server: str, browser: Any) -> None:  # noqa: ANN401
        """A pasted plan whose authority is named with a script: the name is text on the page."""
        data = json.loads(PLAN_PATH.read_text(encoding="utf-8"))
        data["inspection"]["authority"]["name"] = "<script>alert('x')</script>"
        browser.get(f"{server}/")
        _set(browser, browser.find_element(By.ID, "text"), json.dumps(data))
        _set(browser, browser.find_element(By.ID, "as_of"), PANEL.isoformat())
        _submit(browser, "check")
        with pytest.raises(NoAlertPresentException):
            browser.switch_to.alert.text  # noqa: B018 (reading it asks whether one is open)
        lede = browser.find_element(By.CLASS_NAME, "lede").text
        assert "Action plan for <script>alert('x')</script>" in lede
        _screenshot(browser, "05-markup-shown-as-text")

    def test_the_national_picture_and_an_authoritys_inspections(
        self,
        server: str,
        browser: Any,  # noqa: ANN401
    ) -> None:
        """As of 31 March 2024, Haringey chosen: its two inspections in date order, and pictures."""
        browser.get(f"{server}/national?as_of=2024-03-31")
        Select(browser.find_element(By.ID, "authority")).select_by_visible_text("Haringey")
        _submit(browser, "show")
        rows = browser.find_elements(By.CSS_SELECTOR, "tr.inspection")
        assert [row.find_element(By.TAG_NAME, "td").text for row in rows] == [
            "29 October 2018",
            "13 February 2023",
        ]
        assert "Good" in rows[1].text
        assert _picture_drawn(browser, "history-picture")
        assert _picture_drawn(browser, "england-picture")
        assert "(151)" in browser.find_element(By.ID, "latest-title").text
        _screenshot(browser, "06-national-haringey-2024-03-31")

    def test_the_api_page_links_the_openapi_document(self, server: str, browser: Any) -> None:  # noqa: ANN401
        """The API page, and the OpenAPI document it links to."""
        browser.get(f"{server}/api")
        _screenshot(browser, "07-api")
        browser.find_element(By.LINK_TEXT, "the OpenAPI document").click()
        assert '"openapi"' in browser.page_source
