"""Documents per second and peak memory of whole-corpus extraction, at two corpus sizes.

Run from the repository root (the Dask row needs the ``dask`` extra)::

    python benchmarks/scaling.py [--documents 400] [--workers 2] [--no-dask]

The corpus is the articles of ``seeds/`` (about 3.4 kB each) in turn, each copy with its
figures replaced by random ones, written as files to a temporary folder. Each row runs in
a fresh Python process, so that its memory figures are its own, over the first N and then
4N files:

- ``extract_many``, in this process: a generator of paths in, results counted and dropped
  (the streaming use); measured twice, once for time, once under tracemalloc for the peak
  of memory allocated by Python (the figure that must not grow with N);
- ``extract_many(workers=W)``: the same through a process pool (pool start-up included);
- ``osint_claims.dask.to_parquet`` on a ``distributed.LocalCluster`` of W single-threaded
  worker processes, the cluster started and its workers warmed up before timing.

Max RSS is ``ru_maxrss`` of the main process and, for pools and clusters, the largest of
the worker processes. The script prints; it never asserts.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from _context import (
    REPO_ROOT,
    positive_int,
    print_header,
)

from osint_claims import extract_many

FIGURE = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b")
MB = 1024  # ru_maxrss is in kilobytes on Linux


def write_corpus(folder: Path, count: int) -> None:
    """``count`` copies of the seed articles in turn, figures randomised, as files."""
    rng = random.Random(0)
    seeds = [
        path.read_text(encoding="utf-8") for path in sorted((REPO_ROOT / "seeds").glob("*.txt"))
    ]
    for number in range(count):
        text = FIGURE.sub(lambda _: f"{rng.randint(2, 90_000):,}", seeds[number % len(seeds)])
        (folder / f"{number:07d}.txt").write_text(text, encoding="utf-8")


def paths(folder: Path, count: int) -> Iterator[Path]:
    """The first ``count`` files, one at a time (the corpus is never a list in memory)."""
    for number in range(count):
        yield folder / f"{number:07d}.txt"


def max_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / MB


def run_streaming(folder: Path, count: int, workers: int | None, traced: bool) -> dict[str, Any]:
    if traced:
        tracemalloc.start()
    start = time.perf_counter()
    claims = failures = 0
    for result in extract_many(paths(folder, count), workers=workers):
        claims += len(result.claims)
        failures += not result.ok
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20 if traced else None
    return {
        "seconds": seconds,
        "claims": claims,
        "failures": failures,
        "traced_peak_mb": peak,
        "rss_mb": max_rss_mb(),
        "workers_rss_mb": max_rss_mb(resource.RUSAGE_CHILDREN) if workers else None,
    }


def run_dask(folder: Path, count: int, workers: int) -> dict[str, Any]:
    from distributed import Client, LocalCluster  # noqa: PLC0415 - only this row needs it

    import osint_claims.dask  # noqa: PLC0415

    with (
        tempfile.TemporaryDirectory() as output,
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True) as cluster,
        Client(cluster) as client,
    ):
        # Warm up: import the package and build each worker's reader before timing.
        osint_claims.dask.to_parquet(list(paths(folder, 2)), Path(output) / "warm-up")
        start = time.perf_counter()
        written = osint_claims.dask.to_parquet(list(paths(folder, count)), output)
        seconds = time.perf_counter() - start
        rss = client.run(max_rss_mb)
    return {
        "seconds": seconds,
        "claims": written.claims,
        "failures": written.failures,
        "traced_peak_mb": None,
        "rss_mb": max_rss_mb(),
        "workers_rss_mb": max(rss.values()),
    }


def measure(mode: str, folder: Path, count: int, workers: int) -> dict[str, Any]:
    """Run one row in a fresh interpreter and read back what it measured."""
    command = [sys.executable, __file__, "--run", mode, str(folder), str(count), str(workers)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["?"])[-1]}
    row: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return row


def run_one(mode: str, folder: Path, count: int, workers: int) -> None:
    if mode == "dask":
        row = run_dask(folder, count, workers)
    else:
        row = run_streaming(folder, count, workers if mode == "pool" else None, mode == "memory")
    print(json.dumps(row))


def cell(value: float | None, form: str) -> str:
    return "-" if value is None else format(value, form)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--documents", type=positive_int, default=400, help="N (default 400)")
    parser.add_argument("--workers", type=positive_int, default=2, help="W (default 2)")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask rows")
    parser.add_argument("--run", nargs=4, help=argparse.SUPPRESS)  # one row, in a subprocess
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    if args.run:
        mode, folder, count, workers = args.run
        run_one(mode, Path(folder), int(count), int(workers))
        return
    print_header()
    sizes = (args.documents, 4 * args.documents)
    modes = [
        ("in-process", "stream", 1),
        ("in-process, traced", "memory", 1),
        (f"{args.workers} workers", "pool", args.workers),
    ]
    if not args.no_dask:
        modes.append((f"dask, {args.workers} processes", "dask", args.workers))
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        write_corpus(folder, sizes[-1])
        size = sum(path.stat().st_size for path in folder.iterdir())
        print(f"corpus:  {sizes[-1]:,} files, {size / 1e6:.1f} MB (seeds/ with random figures)")
        print()
        print(
            f"{'run':<22} {'documents':>9} {'seconds':>8} {'docs/s':>7} {'claims':>7}"
            f" {'traced peak MB':>14} {'max RSS MB':>10} {'workers RSS MB':>14}"
        )
        for label, mode, workers in modes:
            for count in sizes:
                row = measure(mode, folder, count, workers)
                if "error" in row:
                    print(f"{label:<22} {count:>9,} failed: {row['error']}")
                    continue
                rate = count / row["seconds"]
                note = "  (under tracemalloc: slower)" if mode == "memory" else ""
                print(
                    f"{label:<22} {count:>9,} {row['seconds']:>8.2f} {rate:>7.0f}"
                    f" {row['claims']:>7,} {cell(row['traced_peak_mb'], '.1f'):>14}"
                    f" {row['rss_mb']:>10.0f} {cell(row['workers_rss_mb'], '.0f'):>14}{note}"
                )


if __name__ == "__main__":
    main()
