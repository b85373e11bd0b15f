"""Ofsted's official ILACS history (tests/data), as inspections and as one collection document.

:func:`import_file` times the national file's import through ``ilacs.importers.ofsted``
where the package has it. :func:`inspections` builds the same inspections for the
collection document: through the importer when it is there, otherwise with the
reader the tests use (``tests/conftest.py``), copied here because a fixture cannot
be called outside pytest.
"""

import csv
import importlib
import importlib.util
from pathlib import Path
from typing import Any

import pendulum

from ilacs import Inspection, InspectionKind, Judgement, LocalAuthority, frameworks
from ilacs.errors import ValidationError

__all__ = ["PATH", "has_importer", "import_file", "inspections"]

#: The official file, from the repository root.
PATH = (
    Path(__file__).resolve().parent.parent
    / "tests"
    / "data"
    / "ofsted_mi_ilacs_history_2018_2025.csv"
)

_KINDS = {
    "ILACS Standard Inspection": InspectionKind.STANDARD,
    "ILACS Short Inspection": InspectionKind.SHORT,
}


def has_importer() -> bool:
    """True when this version of ilacs has ``ilacs.importers.ofsted``."""
    if importlib.util.find_spec("ilacs.importers") is None:
        return False
    return hasattr(importlib.import_module("ilacs.importers"), "ofsted")


def import_file() -> tuple[Inspection, ...]:
    """The inspections ``ilacs.importers.ofsted`` takes from the official file."""
    importers: Any = importlib.import_module("ilacs.importers")
    found: tuple[Inspection, ...] = tuple(importers.ofsted(PATH).inspections)
    return found


def _read() -> tuple[Inspection, ...]:
    with PATH.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    labels = list(rows[0])[8:]
    built = []
    for row in rows:
        start = pendulum.Date.fromisoformat(row["Inspection date"])
        framework = frameworks.for_date(start)
        judgements = []
        for label in labels:
            if not row[label]:
                continue
            try:
                area = framework.area_for_label(label)
            except ValidationError:
                area = framework.area_for_label(f"{label} and care leavers")
            judgements.append(
                Judgement(area=area.id, grade=framework.grade_scale.parse(row[label]))
            )
        built.append(
            Inspection(
                authority=LocalAuthority(
                    name=row["Local authority name"], ons_code=row["Local authority area code"]
                ),
                kind=_KINDS[row["Inspection type"]],
                on_site_start=start,
                published=pendulum.Date.fromisoformat(row["Publication date"]),
                framework=framework.id,
                judgements=tuple(judgements),
            )
        )
    return tuple(built)


def inspections() -> tuple[Inspection, ...]:
    """The official inspections: through the importer where there is one."""
    return import_file() if has_importer() else _read()
