"""Show that working-day arithmetic costs the same for any date and any count.

Times ``add_working_days(d, 70)`` for twenty start dates spread over 1995 to 2095,
against ``add_working_days(d, 7000)`` (about 27 years; counted backwards where forwards
would pass 2100) and against a naive loop that steps one day at a time. Repeats are
interleaved across start dates so that drift in the machine's speed spreads evenly.

Run with ``.venv/bin/python bench/bench_calendar.py``.
"""

import functools
import random
import statistics
import time
import timeit
from collections.abc import Callable

import pendulum

from ilacs.calendar import add_working_days, default_calendar

START_DATES = 20
REPEATS = 9
FAST_CALLS = 2_000
NAIVE_CALLS = 20
DEADLINE = 70
LONG = 7_000
# 7000 working days is about 27.5 years: starts after this count backwards instead.
LAST_FORWARD_START = pendulum.date(2070, 1, 1)


def naive_add_working_days(day: pendulum.Date, n: int) -> pendulum.Date:
    """Step one day at a time until ``n`` working days have passed (``n`` > 0)."""
    calendar = default_calendar()
    current = day
    remaining = n
    while remaining:
        current = current.add(days=1)
        if calendar.is_working_day(current):
            remaining -= 1
    return current


def per_call(function: Callable[[], object], calls: int) -> float:
    """Return the microseconds one call of ``function`` takes, over ``calls`` calls."""
    return timeit.Timer(function).timeit(number=calls) / calls * 1e6


def start_dates() -> list[pendulum.Date]:
    """Twenty start dates spread evenly from 1995 to 2095."""
    first, last = pendulum.date(1995, 1, 2).toordinal(), pendulum.date(2095, 12, 1).toordinal()
    step = (last - first) // (START_DATES - 1)
    return [pendulum.Date.fromordinal(first + index * step) for index in range(START_DATES)]


def main() -> None:
    """Time the three variants and print the table and the summary."""
    began = time.perf_counter()
    default_calendar().add_working_days(pendulum.date(2000, 1, 4), 1)
    built = time.perf_counter() - began

    starts = start_dates()
    longs = {day: LONG if day < LAST_FORWARD_START else -LONG for day in starts}
    for day in starts:
        if naive_add_working_days(day, DEADLINE) != add_working_days(day, DEADLINE):
            msg = f"the naive loop and the calendar disagree from {day}"
            raise AssertionError(msg)

    timings: dict[str, dict[pendulum.Date, list[float]]] = {
        "n=70": {day: [] for day in starts},
        "n=+-7000": {day: [] for day in starts},
        "naive n=70": {day: [] for day in starts},
    }
    order = list(starts)
    shuffle = random.Random(2018)
    for _ in range(REPEATS):
        shuffle.shuffle(order)
        for day in order:
            long = longs[day]
            timings["n=70"][day].append(
                per_call(functools.partial(add_working_days, day, DEADLINE), FAST_CALLS)
            )
            timings["n=+-7000"][day].append(
                per_call(functools.partial(add_working_days, day, long), FAST_CALLS)
            )
            timings["naive n=70"][day].append(
                per_call(functools.partial(naive_add_working_days, day, DEADLINE), NAIVE_CALLS)
            )

    medians = {
        variant: {day: statistics.median(times) for day, times in by_day.items()}
        for variant, by_day in timings.items()
    }
    print(f"holiday tables built once in {built * 1e3:.1f} ms (imports holidays, 1990-2100)")
    print(f"median microseconds per call over {REPEATS} interleaved repeats")
    print()
    print(f"{'start':<12}{'n=70':>10}{'n=+-7000':>12}{'naive n=70':>14}")
    for day in starts:
        sign = "+" if longs[day] > 0 else "-"
        print(
            f"{day.isoformat():<12}{medians['n=70'][day]:>10.2f}"
            f"{medians['n=+-7000'][day]:>11.2f}{sign}"
            f"{medians['naive n=70'][day]:>14.1f}"
        )
    print()
    print(f"{'variant':<12}{'median':>10}{'max/min':>10}{'calls/s':>12}")
    for variant, by_day in medians.items():
        values = list(by_day.values())
        overall = statistics.median(values)
        print(
            f"{variant:<12}{overall:>10.2f}{max(values) / min(values):>10.2f}"
            f"{1e6 / overall:>12,.0f}"
        )
    print()
    print("+ counts forwards, - backwards (forwards would pass 2100)")
    print(f"finished in {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
