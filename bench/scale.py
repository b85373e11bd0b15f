"""Collections of 1,000 to 1,000,000 inspections: time and peak memory per inspection.

Ofsted's 271 official inspections (``official.py``), repeated to each size, are
written and read back two ways: as one ``inspections`` document
(``serialisation.dumps_bytes`` and ``serialisation.loads``), and as JSON Lines, one
inspection a line (``serialisation.write_jsonl`` and ``serialisation.load_jsonl``,
which pauses the cyclic garbage collector while it loads). Before timing it checks
that both read back what was written. Each size runs in a fresh interpreter, so
that one size's garbage does not weigh on the next; times are the median of the
rounds (100 at 1,000 inspections, 10 at 10,000, 3 from 100,000: about the same
work at each size) in processor time, peak memory is what ``tracemalloc`` saw while writing, over
the size of the JSON written. The last two columns are the memory held by the
inspections read from JSON Lines, and the peak while reading them, per inspection.

    .venv/bin/python bench/scale.py            # 1k to 1M: about ten minutes, 10 GB of memory
    .venv/bin/python bench/scale.py --upto 100000   # 1k to 100k: a few minutes
    .venv/bin/python bench/scale.py --quick    # 1k and 5k
"""

import argparse
import gc
import io
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

import official

from ilacs import Inspection, serialisation

HERE = Path(__file__).resolve().parent


def _collection(size: int) -> tuple[Inspection, ...]:
    found = official.inspections()
    return tuple(found[index % len(found)] for index in range(size))


def _jsonl(inspections: Sequence[Inspection]) -> bytes:
    out = io.BytesIO()
    serialisation.write_jsonl(inspections, out)
    return out.getvalue()


def _peak(write: Callable[[], bytes]) -> tuple[int, int]:
    """The peak bytes traced while ``write`` runs, and the length of what it wrote."""
    gc.collect()
    tracemalloc.start()
    written = write()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, len(written)


def _read_memory(read: Callable[[], object]) -> tuple[int, int]:
    """The bytes traced as held by what ``read`` returns, and the peak while it ran."""
    gc.collect()
    tracemalloc.start()
    loaded = read()
    gc.collect()
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del loaded
    return held, peak


def _seconds(function: Callable[[], object]) -> float:
    # Processor time, not wall time: on a shared machine, the time other programs
    # hold the processor would be counted as this one's.
    gc.collect()
    start = time.process_time()
    function()
    return time.process_time() - start


def measure(size: int, rounds: int) -> str:
    """One line of figures for ``size`` inspections, measured in this interpreter."""
    inspections = _collection(size)
    document = serialisation.dumps_bytes(inspections)
    lines = _jsonl(inspections)
    if serialisation.loads(document, tuple) != inspections:
        msg = "the collection document does not read back equal"
        raise AssertionError(msg)
    if serialisation.load_jsonl(lines.splitlines(), Inspection) != inspections:
        msg = "the JSON Lines do not read back equal"
        raise AssertionError(msg)
    tasks: dict[str, Callable[[], object]] = {
        "document load": lambda: serialisation.loads(document, tuple),
        "jsonl load": lambda: serialisation.load_jsonl(lines.splitlines(), Inspection),
        "document dump": lambda: serialisation.dumps_bytes(inspections),
        "jsonl dump": lambda: _jsonl(inspections),
    }
    times: dict[str, list[float]] = {name: [] for name in tasks}
    for _ in range(rounds):
        for name, task in tasks.items():
            times[name].append(_seconds(task))
    per = {name: statistics.median(found) / size * 1e6 for name, found in times.items()}
    document_peak, document_size = _peak(lambda: serialisation.dumps_bytes(inspections))
    lines_peak, lines_size = _peak(lambda: _jsonl(inspections))
    split = lines.splitlines()
    held, read_peak = _read_memory(lambda: serialisation.load_jsonl(split, Inspection))
    return (
        f"{size:>9,} {per['document load']:>10.1f} {per['jsonl load']:>10.1f}"
        f" {per['document dump']:>10.1f} {per['jsonl dump']:>10.1f}"
        f" {document_peak / document_size:>10.2f} {lines_peak / lines_size:>10.2f}"
        f" {held / size / 1024:>10.2f} {read_peak / size / 1024:>10.2f}"
    )


def rounds_for(size: int) -> int:
    """Rounds enough for about the same work at each size, and at least 3."""
    return max(3, 100_000 // size)


def main(arguments: Sequence[str] | None = None) -> None:
    """Run each size in a fresh interpreter and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="1k and 5k only")
    parser.add_argument("--upto", type=int, default=1_000_000, help="the largest size to run")
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args(arguments)
    if options.size:
        print(measure(options.size, rounds_for(options.size)))
        return
    sizes = (
        (1_000, 5_000)
        if options.quick
        else tuple(size for size in (1_000, 10_000, 100_000, 1_000_000) if size <= options.upto)
    )
    print(
        "µs of processor time per inspection (medians of the rounds);"
        " peak memory while writing / JSON size;"
        " KB per inspection held after reading JSON Lines, and at the peak while reading"
    )
    print(
        f"{'size':>9} {'doc load':>10} {'jsonl load':>10} {'doc dump':>10}"
        f" {'jsonl dump':>10} {'doc peak':>10} {'jsonl peak':>10} {'held KB':>10} {'read peak':>10}"
    )
    for size in sizes:
        result = subprocess.run(  # noqa: S603 (this interpreter, running this script)
            [sys.executable, str(HERE / "scale.py"), "--size", str(size)],
            capture_output=True,
            text=True,
            check=True,
        )
        print(result.stdout.strip())


if __name__ == "__main__":
    main()
