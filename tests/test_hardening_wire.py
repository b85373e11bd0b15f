"""Regression tests for issue 12: documents and packs on the wire, and shared state.

Bad input ends in exactly one :class:`~ilacs.errors.IlacsError` whose message names
the problem and stays short, never a bare ValueError, TypeError, RecursionError,
OverflowError, UnicodeDecodeError, AssertionError or AttributeError, and never a hang
or a runaway allocation; a valid value is accepted. The registry of framework packs
is safe to fill from several threads, and a built-in pack is not replaced in silence.
"""

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest

import ilacs
from ilacs import (
    Grade,
    Inspection,
    InspectionKind,
    Judgement,
    LocalAuthority,
    deadlines,
    frameworks,
    reports,
    serialisation,
    tabular,
)
from ilacs.errors import IlacsError, UnknownFrameworkError, ValidationError

#: The longest message an error may carry: enough to name the problem, never the input.
SHORT = 4000
#: The largest urn the model takes: the largest integer every JSON reader keeps exactly.
LARGEST_URN = 2**53 - 1

HARINGEY = Inspection(
    authority=LocalAuthority(name="Haringey", urn=80498),
    kind=InspectionKind.STANDARD,
    on_site_start=pendulum.date(2018, 10, 29),
    on_site_end=pendulum.date(2018, 11, 9),
    judgements=(Judgement(area="overall_effectiveness", grade=Grade.REQUIRES_IMPROVEMENT),),
)
HARINGEY_YAML = serialisation.dumps_yaml(HARINGEY)
HARINGEY_JSON = serialisation.dumps(HARINGEY)

#: A standard inspection near the end of pendulum's calendar, valid in every field.
FAR_FUTURE = Inspection(
    authority=LocalAuthority(name="Haringey"),
    kind=InspectionKind.STANDARD,
    on_site_start=pendulum.date(9999, 5, 28),
    on_site_end=pendulum.date(9999, 6, 1),
    judgements=tuple(
        Judgement(area=area, grade=Grade.GOOD)
        for area in ("leaders", "help_and_protection", "children_in_care", "care_leavers")
    ),
)

#: A JSON integer longer than Python's 4,300-digit limit on int and str conversions.
HUGE_INTEGER = '{"schema_version": ' + "9" * 5000 + "}"


def _document(**changes: Any) -> dict[str, Any]:  # noqa: ANN401 (any key's value)
    document = serialisation.to_dict(HARINGEY)
    document.update(changes)
    return document


def _authority(**changes: Any) -> dict[str, Any]:  # noqa: ANN401 (any key's value)
    return _document(authority={**serialisation.to_dict(HARINGEY)["authority"], **changes})


def _pack(**changes: Any) -> dict[str, Any]:  # noqa: ANN401 (any key's value)
    pack: dict[str, Any] = frameworks.to_dict(frameworks.get("ilacs-2018"))
    pack.update(changes)
    return pack


def _with_key(mapping: dict[str, Any], *, key: object) -> dict[object, Any]:
    """The mapping with one more key, which is not a string."""
    changed: dict[object, Any] = {}
    changed.update(mapping)
    changed[key] = "x"
    return changed


def _nested(depth: int) -> object:
    value: object = "Haringey"
    for _ in range(depth):
        value = [value]
    return value


def _laughs(levels: int, width: int) -> str:
    """An inspection document whose authority name is a billion-laughs list of aliases."""
    names = "abcdefghijklmnopqrstuvwxyz"
    leaves = ", ".join(['"lol"'] * width)
    anchors = [f"&a [{leaves}]"]
    anchors.extend(
        f"&{names[level]} [{', '.join([f'*{names[level - 1]}'] * width)}]"
        for level in range(1, levels)
    )
    return HARINGEY_YAML.replace("name: Haringey", f"name: [{', '.join(anchors)}]")


def _short_error(call: Callable[[], object]) -> IlacsError:
    """The one IlacsError the call raises, after checking its message is short."""
    with pytest.raises(IlacsError) as info:
        call()
    assert len(str(info.value)) < SHORT, len(str(info.value))
    return info.value


@contextlib.contextmanager
def _memory_ceiling(extra: int) -> Iterator[None]:
    """Make allocations beyond ``extra`` more bytes of address space fail, on Linux.

    So that a runaway allocation fails the test in a second or two instead of taking
    the machine's memory; elsewhere the block runs unguarded.
    """
    statm = Path("/proc/self/statm")
    if sys.platform != "linux" or not statm.exists():
        yield
        return
    import resource  # noqa: PLC0415 (POSIX only)

    used = int(statm.read_text().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    ceiling = used + extra
    for limit in (soft, hard):
        if limit != resource.RLIM_INFINITY:
            ceiling = min(ceiling, limit)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


#: (reader, text): an integer of more than 4,300 digits in the text.
HUGE_INTEGER_TEXTS = [
    pytest.param(serialisation.loads, HUGE_INTEGER, id="loads"),
    pytest.param(serialisation.loads_yaml, HUGE_INTEGER, id="loads_yaml"),
]

#: (reader, text): an inspection document whose urn is past the largest the model takes.
URNS_TOO_LARGE = [
    pytest.param(
        serialisation.loads_yaml,
        HARINGEY_YAML.replace("urn: 80498", "urn: 0x" + "f" * 4000),
        id="yaml-4000-hex-digits",
    ),
    pytest.param(
        serialisation.loads,
        HARINGEY_JSON.replace('"urn": 80498', f'"urn": {LARGEST_URN + 1}'),
        id="json-2**53",
    ),
]

#: (call, the key as the message should name it): a mapping key that is not a string.
NON_STRING_KEYS = [
    pytest.param(lambda: serialisation.loads_yaml(HARINGEY_YAML + "1: x\n"), "1", id="yaml-int"),
    pytest.param(
        lambda: serialisation.loads_yaml(HARINGEY_YAML + "true: x\n"), "True", id="yaml-true"
    ),
    pytest.param(
        lambda: serialisation.loads_yaml(
            HARINGEY_YAML.replace("authority:\n", "authority:\n  false: x\n")
        ),
        "False",
        id="yaml-nested-false",
    ),
    pytest.param(
        lambda: serialisation.loads_yaml(
            HARINGEY_YAML.replace("authority:\n", "authority:\n  ~: x\n")
        ),
        "None",
        id="yaml-nested-null",
    ),
    pytest.param(
        lambda: serialisation.from_dict(_with_key(_document(), key=1)), "1", id="from_dict"
    ),
    pytest.param(
        lambda: serialisation.from_dict(
            _document(authority=_with_key(_document()["authority"], key=True))
        ),
        "True",
        id="from_dict-nested",
    ),
    pytest.param(lambda: frameworks.from_dict(_with_key(_pack(), key=1)), "1", id="pack"),
    pytest.param(
        lambda: frameworks.from_dict(
            _pack(grade_scale=_with_key(_pack()["grade_scale"], key=True)),
        ),
        "True",
        id="pack-nested",
    ),
]

_PACK_TEXT = json.dumps(_pack(), indent=2)

#: (file contents, a fragment the message must hold besides the file's name).
BAD_PACK_FILES = [
    pytest.param(
        (_PACK_TEXT[:-2] + ',\n  "id": "ilacs-2099"\n}').encode(),
        "'id'",
        id="duplicate-id",
    ),
    pytest.param(
        b'{"id": "\xff"}',
        "UTF-8",
        id="invalid-utf-8",
    ),
    pytest.param(
        b"[" * 100_000,
        "$",
        id="nested-100000-deep",
    ),
    pytest.param(
        HUGE_INTEGER.encode(),
        "$",
        id="5000-digit-integer",
    ),
    pytest.param(
        _PACK_TEXT.replace('"schema_version": 2', '"schema_version": NaN').encode(),
        "NaN is not a JSON number",
        id="nan",
    ),
]

#: A public function given an argument of the wrong type.
WRONG_ARGUMENTS = [
    pytest.param(lambda: frameworks.register(None), id="register-None"),  # type: ignore[arg-type]
    pytest.param(lambda: frameworks.unregister([]), id="unregister-list"),  # type: ignore[arg-type]
    pytest.param(lambda: serialisation.json_schema(None), id="json_schema-None"),  # type: ignore[arg-type]
    pytest.param(
        lambda: serialisation.register_document_type("x"),  # type: ignore[arg-type]
        id="register_document_type-str",
    ),
]

#: A document whose bad value is large: the message must not repeat it in full.
LARGE_BAD_VALUES = [
    pytest.param(_authority(name=["lol"] * 100_000), id="list-of-100000-strings"),
    pytest.param(_document(**{"k" * 100_000: 1}), id="100000-character-key"),
]


class TestHugeIntegers:
    """Integers past Python's digit limit, or past what the model keeps, are refused."""

    @pytest.mark.parametrize(("reader", "text"), HUGE_INTEGER_TEXTS)
    def test_an_integer_of_5000_digits_is_a_document_error(
        self, reader: Callable[[str], object], text: str
    ) -> None:
        """Both loads and loads_yaml refuse it with one short IlacsError."""
        _short_error(lambda: reader(text))

    def test_an_integer_of_5000_digits_in_a_pack_file_is_a_document_error(
        self, tmp_path: Path
    ) -> None:
        """frameworks.load refuses it too, naming the file."""
        path = tmp_path / "huge.json"
        path.write_text(HUGE_INTEGER, encoding="utf-8")
        error = _short_error(lambda: frameworks.load(path))
        assert "huge.json" in str(error)

    @pytest.mark.parametrize(("reader", "text"), URNS_TOO_LARGE)
    def test_a_urn_past_2_to_the_53_is_refused_at_load_naming_the_urn(
        self, reader: Callable[[str], object], text: str
    ) -> None:
        """A urn that dumps, to_csv and repr could not write never gets into the model."""
        error = _short_error(lambda: reader(text))
        assert "urn" in str(error)

    def test_a_local_authority_refuses_a_urn_of_4800_digits(self) -> None:
        """The constructor bounds the urn as loading does."""
        with pytest.raises(ValidationError, match="urn") as info:
            LocalAuthority(name="Haringey", urn=int("f" * 4000, 16))
        assert len(str(info.value)) < SHORT

    def test_the_largest_urn_is_written_and_read_everywhere(self) -> None:
        """2**53 - 1 survives JSON, YAML, CSV and repr."""
        authority = attrs.evolve(HARINGEY.authority, urn=LARGEST_URN)
        inspection = attrs.evolve(HARINGEY, authority=authority)
        assert serialisation.loads(serialisation.dumps(inspection)) == inspection
        assert serialisation.loads_yaml(serialisation.dumps_yaml(inspection)) == inspection
        assert str(LARGEST_URN) in tabular.to_csv([inspection])
        assert str(LARGEST_URN) in repr(authority)


class TestNonStringKeys:
    """A mapping key that is not a string (YAML's 1:, on: or yes:) is named, not a TypeError."""

    @pytest.mark.parametrize(("call", "key"), NON_STRING_KEYS)
    def test_a_non_string_key_is_a_document_error_naming_it(
        self, call: Callable[[], object], key: str
    ) -> None:
        """loads_yaml, serialisation.from_dict and frameworks.from_dict name the key."""
        message = str(_short_error(call))
        assert "key" in message
        assert key in message

    def test_validate_reports_a_non_string_key_as_a_finding(self) -> None:
        """ilacs.validate(dict) returns a report naming the key; it does not raise."""
        report = ilacs.validate(_with_key(_document(), key=1))
        assert not report.ok
        assert any("key" in finding.message and "1" in finding.message for finding in report)


class TestDeadlinesNearTheEndOfTime:
    """Month-based deadlines past year 9999 are an IlacsError or a deadline, never a ValueError."""

    def test_deadlines_for_an_inspection_in_9999_never_raise_a_bare_error(self) -> None:
        """deadlines.for_inspection gives deadlines or one IlacsError."""
        with contextlib.suppress(IlacsError):
            deadlines.for_inspection(FAR_FUTURE)

    def test_a_briefing_on_an_inspection_in_9999_never_raises_a_bare_error(self) -> None:
        """reports.briefing gives a briefing or one IlacsError."""
        with contextlib.suppress(IlacsError):
            reports.briefing(FAR_FUTURE, pendulum.date(9999, 6, 2))

    def test_a_deadline_outside_the_calendar_is_a_calendar_error(self) -> None:
        """Working days past the calendar's years already end in an IlacsError."""
        received = attrs.evolve(HARINGEY, report_received=pendulum.date(2018, 12, 5))
        _short_error(lambda: reports.briefing(received, pendulum.date(2101, 1, 4)))

    def test_a_pack_of_10_to_the_300_months_never_overflows(self) -> None:
        """The pack is refused, or its deadline is an IlacsError: never an OverflowError."""
        pack = _pack()
        for rule in pack["deadlines"]:
            if rule["months"] is not None:
                rule["months"] = 10**300
        _short_error(lambda: _next_inspection_from(pack))


def _next_inspection_from(pack: dict[str, Any]) -> object:
    framework = frameworks.from_dict(pack)
    rule = next(rule for rule in framework.deadlines if rule.months is not None)
    return deadlines.dates_from(rule, pendulum.date(2018, 11, 9))


class TestPackFilesAndArguments:
    """frameworks.load and the registries refuse bad input with one IlacsError."""

    @pytest.mark.parametrize(("contents", "fragment"), BAD_PACK_FILES)
    def test_a_bad_pack_file_is_a_document_error_naming_the_file(
        self, tmp_path: Path, contents: bytes, fragment: str
    ) -> None:
        """Duplicate keys, bad UTF-8, deep nesting and huge numbers are DocumentErrors."""
        path = tmp_path / "bad-pack.json"
        path.write_bytes(contents)
        message = str(_short_error(lambda: frameworks.load(path)))
        assert "bad-pack.json" in message
        assert fragment in message

    @pytest.mark.parametrize("call", WRONG_ARGUMENTS)
    def test_a_wrong_argument_is_an_ilacs_error(self, call: Callable[[], object]) -> None:
        """register, unregister, json_schema and register_document_type check their input."""
        _short_error(call)

    @pytest.mark.parametrize("depth", [990, 5000])
    def test_a_value_nested_deep_in_a_string_field_is_named_at_its_path(self, depth: int) -> None:
        """The problem is at $.authority.name, says a string was expected, and is short."""
        document = _authority(name=_nested(depth))
        error = _short_error(lambda: serialisation.from_dict(document))
        message = str(error)
        assert "$.authority.name" in message
        assert "expected a string" in message
        assert "unknown error" not in message
        assert "recursion" not in message


class TestResources:
    """Small inputs never cost much time or memory, and never give a huge message."""

    def test_a_billion_laughs_in_a_string_field_fails_fast_with_a_short_message(self) -> None:
        """8 levels of 9 aliases (43 million strings from under 1 KB) take under 2 s."""
        text = _laughs(levels=8, width=9)
        assert len(text) < 3000
        started = time.perf_counter()
        with _memory_ceiling(256 * 2**20), pytest.raises(IlacsError) as info:
            serialisation.loads_yaml(text)
        elapsed = time.perf_counter() - started
        message = str(info.value)
        assert len(message) < SHORT, len(message)
        assert "$.authority.name" in message
        assert "expected a string" in message
        assert elapsed < 2, elapsed

    @pytest.mark.parametrize("document", LARGE_BAD_VALUES)
    def test_a_large_bad_value_gives_a_short_message(self, document: dict[str, Any]) -> None:
        """The message names the problem without copying 100,000 items into it."""
        _short_error(lambda: serialisation.from_dict(document))


#: Run in a fresh interpreter: 30 rounds of 8 threads asking a freshly reset registry
#: for a built-in pack at once; prints each failure. The public API has no reset, so
#: each round reloads the module that defines frameworks.get, where the registry lives.
_RACE = """
import importlib, sys, threading
import ilacs.frameworks

home = sys.modules[ilacs.frameworks.get.__module__]

sys.setswitchinterval(1e-6)
failures = []

def ask(barrier):
    barrier.wait()
    try:
        ilacs.frameworks.get("ilacs-2026")
    except Exception as error:
        failures.append(f"{type(error).__name__}: {error}")

for _ in range(30):
    importlib.reload(home)
    barrier = threading.Barrier(8)
    threads = [threading.Thread(target=ask, args=(barrier,)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
print("\\n".join(failures[:5]))
"""


class TestSharedRegistry:
    """The framework registry is filled once, safely, and built-in packs stay put."""

    def test_threads_that_ask_for_a_pack_at_once_all_get_it(self) -> None:
        """8 threads on a fresh registry never see it half-filled (30 rounds)."""
        result = subprocess.run(
            [sys.executable, "-c", _RACE], capture_output=True, text=True, timeout=60, check=False
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "", result.stdout

    def test_a_built_in_pack_cannot_be_replaced_in_silence(self) -> None:
        """register(modified built-in, replace=True) is a FrameworkError outside scoped()."""
        built_in = frameworks.get("ilacs-2026")
        modified = attrs.evolve(built_in, name="Not Ofsted's framework")
        try:
            error = _short_error(lambda: frameworks.register(modified, replace=True))
            assert "ilacs-2026" in str(error)
            assert "built-in" in str(error)
            assert frameworks.get("ilacs-2026") is built_in
        finally:
            if frameworks.get("ilacs-2026") is not built_in:
                frameworks.register(built_in, replace=True)

    def test_a_user_pack_can_still_be_replaced(self) -> None:
        """replace=True still replaces a pack a user registered."""
        trial = attrs.evolve(frameworks.get("ilacs-2026"), id="ilacs-2026-trial", series="trial")
        renamed = attrs.evolve(trial, name="A renamed trial")
        frameworks.register(trial)
        try:
            assert frameworks.register(renamed, replace=True) is renamed
            assert frameworks.get("ilacs-2026-trial") is renamed
        finally:
            frameworks.unregister("ilacs-2026-trial")

    def test_scoped_restores_the_registry_afterwards(self) -> None:
        """Inside frameworks.scoped() a built-in may be replaced; afterwards it is back."""
        built_in = frameworks.get("ilacs-2026")
        modified = attrs.evolve(built_in, name="Not Ofsted's framework")
        trial = attrs.evolve(built_in, id="ilacs-2026-trial", series="trial")
        with frameworks.scoped():
            frameworks.register(modified, replace=True)
            frameworks.register(trial)
            assert frameworks.get("ilacs-2026") is modified
        assert frameworks.get("ilacs-2026") is built_in
        with pytest.raises(UnknownFrameworkError):
            frameworks.get("ilacs-2026-trial")
