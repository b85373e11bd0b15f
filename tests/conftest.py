"""Shared test settings: Hypothesis profiles, chosen by HYPOTHESIS_PROFILE.

- ``quick`` (the default): few examples, for development.
- ``thorough``: many examples and no deadline, for CI (``.ci/run`` sets it).
"""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from ilacs import Inspection, importers

settings.register_profile("quick", max_examples=20, deadline=None)
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
    """Ofsted's official ILACS history as inspections, through the importer (271 rows)."""
    result = importers.ofsted(DATA / "ofsted_mi_ilacs_history_2018_2025.csv")
    assert not result.skipped, result.summary()
    return result.inspections
