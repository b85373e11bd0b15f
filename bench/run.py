"""Every figure of issue 8 in one run: ilacs against pydantic v2 and msgspec, and the hot paths.

From the repository root, after ``pip install -e '.[bench]'``::

    .venv/bin/python bench/run.py            # the full run: a few minutes
    .venv/bin/python bench/run.py --quick    # a smoke run: under a minute

Before it times anything it checks that the three models agree: each reads every
generated document and writes it back byte for byte, and each rejects every invalid
document of ``plans.MUTATIONS``. Speeds are measured in this one process in
interleaved rounds, the order shuffled each round so that drift in the machine's
speed spreads evenly; a figure is the median over the rounds, a ratio the median of
the rounds' paired ratios, with the lowest and highest beside it. Memory and import
times are measured in fresh interpreters.
"""

import argparse
import functools
import gc
import importlib.metadata
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs
import bench_calendar
import msgspec
import official
import plans
import pydantic
import rival_msgspec
import rival_pydantic

from ilacs import Grade, rules, serialisation, validate
from ilacs.calendar import add_working_days
from ilacs.errors import DocumentError
from ilacs.model.action_plans import ActionPlan

HERE = Path(__file__).resolve().parent
SEED = 2018


@attrs.frozen
class Settings:
    """How much to run: the full run, or a quick smoke run."""

    documents: int
    rounds: int
    memory_documents: int
    memory_runs: int
    import_runs: int
    validate_documents: int
    calendar_calls: int
    collection_loads: int


FULL = Settings(
    documents=1000,
    rounds=7,
    memory_documents=500,
    memory_runs=3,
    import_runs=9,
    validate_documents=200,
    calendar_calls=2000,
    collection_loads=5,
)
QUICK = Settings(
    documents=40,
    rounds=3,
    memory_documents=40,
    memory_runs=1,
    import_runs=3,
    validate_documents=20,
    calendar_calls=200,
    collection_loads=1,
)


class UnresolvedReferenceError(ValueError):
    """An action answers an improvement area the inspection lacks, or a grade is off the scale."""


def check_references(plan: ActionPlan) -> ActionPlan:
    """The rivals' checks that are validate's in ilacs: references, and grades on the scale.

    An action answering an improvement area the inspection lacks is ILACS-V030. A
    judgement's outcome may be the id of an outcome on a framework's own scale, so
    whether it is on the framework's scale is validate's to say too; the rivals
    know only Ofsted's four grades.
    """
    for judgement in plan.inspection.judgements:
        if not isinstance(judgement.grade, Grade):
            msg = f"the judgement {judgement.area!r} has no grade on Ofsted's scale"
            raise UnresolvedReferenceError(msg)
    known = {item.id for item in plan.inspection.improvement_areas}
    known.update(item.id for item in plan.inspection.priority_actions)
    for action in plan.actions:
        if not known.issuperset(action.answers):
            msg = f"action {action.id!r} answers an improvement area the inspection lacks"
            raise UnresolvedReferenceError(msg)
    return plan


def ilacs_loads(text: bytes) -> ActionPlan:
    """Load an action plan with ilacs and check its references, as the rivals do."""
    return check_references(serialisation.loads(text, ActionPlan))


def ilacs_loads_alone(text: bytes) -> ActionPlan:
    """Load an action plan with ilacs: construction checks only."""
    return serialisation.loads(text, ActionPlan)


def msgspec_dumps_text(document: rival_msgspec.ActionPlanDocument) -> str:
    """The canonical bytes msgspec writes, as text: for the figure of writing ``str``."""
    return rival_msgspec.dumps(document).decode()


@attrs.frozen
class Model:
    """One library's model of the document: how to read and write it, and its errors.

    ``dumps`` writes UTF-8 bytes, ``dumps_text`` a ``str``: the same canonical text.
    """

    name: str
    loads: Callable[[bytes], Any]
    dumps: Callable[[Any], bytes]
    dumps_text: Callable[[Any], str]
    errors: tuple[type[Exception], ...]


MODELS = (
    Model(
        "ilacs",
        ilacs_loads,
        serialisation.dumps_bytes,
        serialisation.dumps,
        (DocumentError, UnresolvedReferenceError),
    ),
    Model(
        "pydantic",
        rival_pydantic.loads,
        rival_pydantic.dumps_bytes,
        rival_pydantic.dumps,
        (pydantic.ValidationError,),
    ),
    Model(
        "msgspec",
        rival_msgspec.loads,
        rival_msgspec.dumps,
        msgspec_dumps_text,
        (msgspec.ValidationError,),
    ),
)
RIVALS = ("pydantic", "msgspec")


def check_agreement(texts: Sequence[bytes]) -> str:
    """Fail unless all three accept, and write back, every document and reject every mutation."""
    for model in MODELS:
        for text in texts:
            value = model.loads(text)
            if model.dumps(value) != text or model.dumps_text(value).encode() != text:
                msg = f"{model.name} does not write a document back byte for byte"
                raise AssertionError(msg)
    base = next(t for t in texts if b'"baseline"' in t and b'"completed": "' in t).decode()
    invalid = plans.invalid(base)
    for name, mutated in invalid.items():
        for model in MODELS:
            try:
                model.loads(mutated.encode())
            except model.errors:
                continue
            msg = f"{model.name} accepts an invalid document: {name}"
            raise AssertionError(msg)
    return (
        f"{len(texts)} documents read and written back byte for byte by all three;"
        f" {len(invalid)} invalid documents rejected by all three"
    )


# -- timing ---------------------------------------------------------------------------


def _seconds(function: Callable[[Any], object], items: Sequence[Any]) -> float:
    gc.collect()
    start = time.perf_counter()
    for item in items:
        function(item)
    return time.perf_counter() - start


@attrs.frozen
class Task:
    """One timed measurement: a figure for one subject, as a value per round."""

    figure: str
    subject: str
    measure: Callable[[], float]


Results = dict[str, dict[str, list[float]]]


def _rate(function: Callable[[Any], object], items: Sequence[Any]) -> Callable[[], float]:
    return lambda: len(items) / _seconds(function, items)


def _per_item(
    function: Callable[[Any], object], items: Sequence[Any], scale: float
) -> Callable[[], float]:
    return lambda: _seconds(function, items) / len(items) * scale


def _scaled(measure: Callable[[], float], factor: float) -> Callable[[], float]:
    return lambda: measure() * factor


def _calendar_rate(calls: int) -> Callable[[], float]:
    starts = bench_calendar.start_dates()

    def measure() -> float:
        per_date = [
            bench_calendar.per_call(functools.partial(add_working_days, day, 70), calls)
            for day in starts
        ]
        return 1e6 / statistics.median(per_date)

    return measure


def speed_tasks(settings: Settings, texts: Sequence[bytes]) -> list[Task]:
    """Every timed figure, for each subject it applies to."""
    tasks = []
    found = official.inspections()
    collection = serialisation.dumps(found).encode()
    collection_loads: dict[str, Callable[[bytes], object]] = {
        "ilacs": lambda text: serialisation.loads(text, tuple),
        "pydantic": rival_pydantic.loads_inspections,
        "msgspec": rival_msgspec.loads_inspections,
    }
    for model in MODELS:
        values = [model.loads(text) for text in texts]
        tasks.append(Task("decode", model.name, _rate(model.loads, texts)))
        tasks.append(Task("encode", model.name, _rate(model.dumps, values)))
        tasks.append(Task("encode text", model.name, _rate(model.dumps_text, values)))
        round_trip = functools.partial(lambda m, text: m.dumps(m.loads(text)), model)
        tasks.append(Task("round trip", model.name, _rate(round_trip, texts)))
        files = [collection] * settings.collection_loads
        rate = _rate(collection_loads[model.name], files)
        tasks.append(Task("collection", model.name, _scaled(rate, len(found))))
    tasks.append(Task("decode alone", "ilacs", _rate(ilacs_loads_alone, texts)))
    values = [ilacs_loads(text) for text in texts]
    inspections = [plan.inspection for plan in values]
    tasks.append(Task("calendar", "ilacs", _calendar_rate(settings.calendar_calls)))
    tasks.append(Task("rules", "ilacs", _per_item(rules.evaluate, inspections, 1e6)))
    tasks.append(
        Task("validate", "ilacs", _per_item(validate, values[: settings.validate_documents], 1e3))
    )
    if official.has_importer():
        tasks.append(
            Task("national file", "ilacs", _per_item(lambda _: official.import_file(), [0], 1e3))
        )
    return tasks


def run_rounds(tasks: Sequence[Task], rounds: int) -> Results:
    """Run every task once to warm up, then once a round in a new shuffled order each round."""
    for task in tasks:
        task.measure()
    results: Results = {}
    order = list(tasks)
    shuffle = random.Random(SEED)
    for number in range(rounds):
        shuffle.shuffle(order)
        for task in order:
            results.setdefault(task.figure, {}).setdefault(task.subject, []).append(task.measure())
        print(f"  round {number + 1} of {rounds} done", file=sys.stderr)
    return results


# -- fresh interpreters -----------------------------------------------------------------


def memory_per_document(name: str, count: int) -> float:
    """Bytes held per loaded document, traced in this (fresh) interpreter."""
    # Bytes, as from a file or a socket: decoding a str, pydantic and msgspec would
    # each leave a UTF-8 copy cached in it, which is not held by the document.
    texts = [text.encode() for text in plans.texts(count, SEED)]
    loads: Callable[[bytes], object] = {
        "ilacs": ilacs_loads_alone,
        "pydantic": rival_pydantic.loads,
        "msgspec": rival_msgspec.loads,
    }[name]
    loads(texts[0])  # once first: what the first load builds (hooks, code) is not per document
    gc.collect()
    tracemalloc.start()
    loaded = [loads(text) for text in texts]
    gc.collect()
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del loaded
    return held / count


def _child(*arguments: str) -> str:
    result = subprocess.run(  # noqa: S603 (this interpreter, running this script)
        [sys.executable, str(HERE / "run.py"), *arguments],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def memory(settings: Settings) -> dict[str, list[float]]:
    """Bytes per document for each model, each measured in a fresh interpreter."""
    found: dict[str, list[float]] = {name: [] for name in ("ilacs", *RIVALS)}
    for _ in range(settings.memory_runs):
        for name, values in found.items():
            values.append(
                float(_child("--memory-of", name, "--documents", str(settings.memory_documents)))
            )
    return found


_STATEMENTS = {
    "ilacs": "import ilacs",
    # What a program that reads and writes documents loads: the wire as well.
    "ilacs wire": "import ilacs.serialisation, ilacs.wire.mirrors",
    "pydantic": "from pydantic import BaseModel",
    "msgspec": "import msgspec",
    "bare": "pass",
}


def _cumulative_import_us(package: str, env: dict[str, str]) -> float:
    result = subprocess.run(  # noqa: S603 (this interpreter)
        [sys.executable, "-X", "importtime", "-c", f"import {package}"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    for line in result.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[2].strip() == package:
            return float(parts[1])
    msg = f"-X importtime printed no line for {package}"
    raise AssertionError(msg)


def _wall_ms(statement: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", statement], check=True, env=env)  # noqa: S603 (this interpreter)
    return (time.perf_counter() - start) * 1e3


def import_times(runs: int) -> dict[str, list[float]]:
    """Milliseconds: ``import ilacs`` under -X importtime, and each import over a bare interpreter.

    As from an installed package: with bytecode cached (in a folder of its own, so
    the source tree gets none), even where PYTHONDONTWRITEBYTECODE is set.
    """
    found: dict[str, list[float]] = {"ilacs cumulative": []}
    found.update({name: [] for name in ("ilacs", "ilacs wire", *RIVALS)})
    shuffle = random.Random(SEED)
    order = list(_STATEMENTS)
    with tempfile.TemporaryDirectory() as cache:
        env = {
            **{key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"},
            "PYTHONPYCACHEPREFIX": cache,
        }
        for name in order:  # once, to write the bytecode
            _wall_ms(_STATEMENTS[name], env)
        for _ in range(runs):
            found["ilacs cumulative"].append(_cumulative_import_us("ilacs", env) / 1e3)
            shuffle.shuffle(order)
            walls = {name: _wall_ms(_STATEMENTS[name], env) for name in order}
            for name in ("ilacs", "ilacs wire", *RIVALS):
                found[name].append(walls[name] - walls["bare"])
    return found


# -- the table ----------------------------------------------------------------------------


def _spread(values: Sequence[float]) -> str:
    middle = statistics.median(values)
    if len(values) < 2 or middle == 0:
        return ""
    return f"±{(max(values) - min(values)) / 2 / middle:.0%}"


def _number(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _ratio(ours: Sequence[float], theirs: Sequence[float]) -> str:
    # Paired: round n of one subject against round n of the other.
    ratios = [mine / other for mine, other in zip(ours, theirs, strict=True)]
    middle = statistics.median(ratios)
    if len(ratios) < 2:
        return f"{middle:.2f}"
    return f"{middle:.2f} ({min(ratios):.2f}-{max(ratios):.2f})"


ROWS = (
    # figure, label, unit
    ("decode", "JSON to validated objects (+ references)", "docs/s"),
    ("decode alone", "JSON to objects, ilacs loads alone", "docs/s"),
    ("encode", "objects to JSON (bytes)", "docs/s"),
    ("encode text", "objects to JSON (str)", "docs/s"),
    ("round trip", "round trip (JSON to objects to JSON)", "docs/s"),
    ("collection", "official collection, JSON to objects", "insp./s"),
    ("memory", "memory held per document", "KB"),
    ("import cumulative", "import ilacs (-X importtime, cumulative)", "ms"),
    ("import", "import over a bare interpreter (wall)", "ms"),
    ("import wire", "the same, ilacs with the wire", "ms"),
    ("calendar", "add_working_days(d, 70)", "calls/s"),
    ("rules", "rules.evaluate, per inspection", "µs"),
    ("validate", "validate, per action-plan document", "ms"),
    ("national file", "importers.ofsted on the official file", "ms"),
)


def print_table(results: Results) -> None:
    """The figures, each subject's median and spread, and ilacs' ratios to the rivals."""
    header = (
        f"{'figure':<44}{'unit':>8}{'ilacs':>14}{'pydantic':>14}{'msgspec':>14}"
        f"{'ilacs/pydantic':>20}{'ilacs/msgspec':>20}"
    )
    print(header)
    print("-" * len(header))
    for figure, label, unit in ROWS:
        if figure not in results:
            continue
        by_subject = results[figure]
        cells = []
        for subject in ("ilacs", *RIVALS):
            values = by_subject.get(subject)
            cells.append(
                f"{_number(statistics.median(values))} {_spread(values)}" if values else "-"
            )
        ratios = []
        for rival in RIVALS:
            theirs = by_subject.get(rival)
            ours = by_subject.get("ilacs")
            ratios.append(_ratio(ours, theirs) if ours and theirs else "-")
        print(
            f"{label:<44}{unit:>8}{cells[0]:>14}{cells[1]:>14}{cells[2]:>14}"
            f"{ratios[0]:>20}{ratios[1]:>20}"
        )


def _versions() -> str:
    names = ("ilacs", "attrs", "cattrs", "pendulum", "pydantic", "pydantic-core", "msgspec")
    return ", ".join(f"{name} {importlib.metadata.version(name)}" for name in names)


def main(arguments: Sequence[str] | None = None) -> None:
    """Run every benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="a smoke run: few documents")
    parser.add_argument("--memory-of", help=argparse.SUPPRESS)
    parser.add_argument("--documents", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args(arguments)
    settings = QUICK if options.quick else FULL
    if options.memory_of:
        print(
            memory_per_document(options.memory_of, options.documents or settings.memory_documents)
        )
        return

    began = time.perf_counter()
    print(
        f"Python {platform.python_version()} on {platform.machine()},"
        f" {os.cpu_count()} cores; {_versions()}"
    )
    values = plans.plans(settings.documents, SEED)
    # Bytes, as from a file or a socket, for all three.
    texts = [serialisation.dumps(value).encode() for value in values]
    counts = [plans.count(value) for value in values]
    print(
        f"{len(texts)} action-plan documents: on average"
        f" {statistics.mean(o for o, _ in counts):.0f} objects,"
        f" {statistics.mean(d for _, d in counts):.0f} dates,"
        f" {statistics.mean(len(value.actions) for value in values):.0f} actions and"
        f" {statistics.mean(len(text) for text in texts) / 1e3:.1f} kB of JSON each"
    )
    print(f"agreement: {check_agreement(texts)}")
    print(f"timing {settings.rounds} interleaved rounds...", file=sys.stderr)
    results = run_rounds(speed_tasks(settings, texts), settings.rounds)
    print("memory and import times in fresh interpreters...", file=sys.stderr)
    results["memory"] = {
        name: [held / 1e3 for held in found] for name, found in memory(settings).items()
    }
    imports = import_times(settings.import_runs)
    results["import cumulative"] = {"ilacs": imports.pop("ilacs cumulative")}
    results["import wire"] = {"ilacs": imports.pop("ilacs wire")}
    results["import wire"].update({rival: imports[rival] for rival in RIVALS})
    results["import"] = imports
    print()
    print_table(results)
    print()
    print(
        "medians over the rounds, ±half their range; ratios are ilacs over the rival, paired"
        " by round: median (lowest-highest). For docs/s and calls/s higher is better,"
        " for ms, µs and KB lower is better."
    )
    if "national file" not in results:
        print("ilacs.importers.ofsted is not in this version: no national-file import figure")
    print(f"finished in {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
