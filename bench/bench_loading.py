"""Show that loading a collection of inspections is linear in its size.

Builds deterministic collections of 250 to 4,000 graded inspections (every area
judged, a few improvement areas each), dumps each once, then times ``loads`` on
each size in interleaved rounds and prints the median microseconds per inspection.
Linear loading shows as a flat column; the last line gives the largest ratio.
Run it: ``.venv/bin/python bench/bench_loading.py`` (about half a minute).
"""

import random
import statistics
import time

import pendulum

from ilacs import (
    Grade,
    ImprovementArea,
    Inspection,
    InspectionKind,
    Judgement,
    LocalAuthority,
    frameworks,
    serialisation,
)

SIZES = (250, 500, 1000, 2000, 4000)
ROUNDS = 5


def _inspections(count: int, seed: int = 2018) -> tuple[Inspection, ...]:
    rng = random.Random(seed)
    first = pendulum.date(2018, 1, 8)
    result = []
    for number in range(count):
        start = first.add(days=rng.randrange(0, 3000))
        framework = frameworks.for_date(start)
        result.append(
            Inspection(
                authority=LocalAuthority(
                    name=f"Authority {number % 153}", urn=80000 + number % 153
                ),
                kind=InspectionKind.STANDARD,
                on_site_start=start,
                on_site_end=start.add(days=11),
                published=start.add(days=rng.randrange(30, 60)),
                judgements=tuple(
                    Judgement(area=area, grade=rng.choice(list(Grade)))
                    for area in framework.area_ids
                ),
                improvement_areas=tuple(
                    ImprovementArea(id=f"ia-{n}", text=f"Area for improvement number {n}.")
                    for n in range(1, rng.randrange(2, 9))
                ),
            )
        )
    return tuple(result)


def main() -> None:
    """Time loads per inspection for each collection size."""
    texts = {size: serialisation.dumps(_inspections(size)) for size in SIZES}
    timings: dict[int, list[float]] = {size: [] for size in SIZES}
    for _ in range(ROUNDS):
        for size in SIZES:
            start = time.perf_counter()
            loaded = serialisation.loads(texts[size])
            timings[size].append((time.perf_counter() - start) / size * 1e6)
            assert len(loaded) == size  # type: ignore[arg-type]  # noqa: S101
    print(f"{'inspections':>12} {'median µs/inspection':>22} {'spread (min-max)':>20}")
    medians = {}
    for size in SIZES:
        medians[size] = statistics.median(timings[size])
        low, high = min(timings[size]), max(timings[size])
        print(f"{size:>12} {medians[size]:>22.1f} {f'{low:.1f}-{high:.1f}':>20}")
    ratio = max(medians.values()) / min(medians.values())
    print(f"largest/smallest median per inspection: {ratio:.2f} (1.00 is perfectly linear)")


if __name__ == "__main__":
    main()
