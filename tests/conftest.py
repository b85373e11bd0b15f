"""Shared test settings: Hypothesis profiles, chosen by HYPOTHESIS_PROFILE.

- ``quick`` (the default): few examples, for development.
- ``thorough``: many examples and no deadline, for CI (``.ci/run`` sets it).
"""

import csv
import os
from pathlib import Path

import pendulum
import pytest
from hypothesis import HealthCheck, settings

from ilacs import Inspection, InspectionKind, Judgement, LocalAuthority, frameworks
from ilacs.errors import ValidationError

settings.register_profile("quick", max_examples=30, deadline=None)
settings.register_profile(
    "thorough",
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))

#: Real national data copied into the repository (see tests/data/README.md).
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def official_inspections() -> tuple[Inspection, ...]:
    """Ofsted's official ILACS history as inspections.

    The official file prints the 2018 framework's combined judgement under the
    "children in care" column, so a label the framework lacks is tried with
    " and care leavers" added.
    """
    kinds = {
        "ILACS Standard Inspection": InspectionKind.STANDARD,
        "ILACS Short Inspection": InspectionKind.SHORT,
    }
    with (DATA / "ofsted_mi_ilacs_history_2018_2025.csv").open(
        encoding="utf-8", newline=""
    ) as file:
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
                kind=kinds[row["Inspection type"]],
                on_site_start=start,
                published=pendulum.Date.fromisoformat(row["Publication date"]),
                framework=framework.id,
                judgements=tuple(judgements),
            )
        )
    return tuple(built)
