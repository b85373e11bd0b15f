# ruff: noqa: INP001 (a Sphinx extension of the docs, found through sys.path in conf.py)
"""A Sphinx extension that draws the pictures of the how-to on pictures at each build.

The pictures are made from the repository's real data (``tests/data``, ``examples/data``)
by :mod:`ilacs.reports.pictures`, as the how-to shows, and written to
``docs/how-to/_pictures/`` before Sphinx reads the pages, so the page always shows
what the code draws today.
"""

from pathlib import Path
from typing import TYPE_CHECKING

import pendulum

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["draw", "setup"]


def draw(root: Path, folder: Path) -> list[Path]:
    """Draw the how-to's pictures from the data under ``root`` into ``folder``."""
    from ilacs import ActionPlan, authorities, national, serialisation  # noqa: PLC0415 (at build)
    from ilacs.reports import pictures  # noqa: PLC0415
    from ilacs.tables import importers  # noqa: PLC0415

    data, examples = root / "tests" / "data", root / "examples" / "data"
    official = importers.ofsted(data / "ofsted_mi_ilacs_history_2018_2025.csv").inspections
    community = importers.community(data / "ofsted_csc_ilacs_history.csv").inspections
    plan = serialisation.loads(
        (examples / "haringey-2018-action-plan.json").read_text(encoding="utf-8"), ActionPlan
    )
    days = [pendulum.date(year, 3, 31) for year in range(2019, 2026)]
    london = [
        item.urn
        for item in authorities.in_region("London", include_abolished=True)
        if item.urn is not None
    ]
    drawn = {
        "history.png": pictures.grade_history(
            community,
            "Haringey",
            as_of=pendulum.date(2026, 8, 22),
            source="the community scrape of Ofsted's reports, 22 August 2026",
        ),
        "england.png": pictures.national_distribution(
            national.over_time(official, days=days),
            source="Ofsted, Local authority inspection outcomes as at 31 March 2025",
        ),
        "london-care-leavers.png": pictures.national_distribution(
            national.over_time(
                official, days=days[-3:], area="care_leavers", authorities=london, group="London"
            ),
            source="Ofsted, Local authority inspection outcomes as at 31 March 2025",
        ),
        "plan.png": pictures.plan_status(
            plan,
            pictures.monthly(pendulum.date(2018, 12, 5), pendulum.date(2020, 3, 31)),
            source="Haringey's action plan as recorded on 19 March 2019 (illustrative due dates;"
            " no progress recorded after that day)",
        ),
    }
    folder.mkdir(exist_ok=True)
    for name, picture in drawn.items():
        pictures.save(picture, folder / name, dpi=100)
    return [folder / name for name in drawn]


def _draw(app: "Sphinx") -> None:
    source = Path(app.srcdir)
    draw(source.parent, source / "how-to" / "_pictures")


def setup(app: "Sphinx") -> dict[str, object]:
    """Draw the pictures when the builder starts."""
    app.connect("builder-inited", _draw)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
