"""Throughput of ``osint_claims.extract_quantities``, with quantulum3 as a baseline if installed.

Run from the repository root::

    python benchmarks/throughput.py [--size-mb 1] [--repeat 3] [--baseline-chars 100000]

The input is every ``seeds/*.txt`` file (UTF-8) joined by blank lines, repeated until it is at
least ``--size-mb`` megabytes (10**6 bytes of UTF-8). ``extract_quantities`` is called once on
that whole text; the best of ``--repeat`` runs is reported. quantulum3 (the ``bench`` extra) is
much slower, so by default it is timed on a sample of the same text (its first whole paragraphs
up to ``--baseline-chars`` characters), called once per paragraph, paragraphs exactly as given.
The script prints; it never asserts.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.metadata
import io
import logging
import math
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from _context import (
    add_seeds_option,
    osint_claims,
    positive_int,
    print_header,
)

MB = 1_000_000
SEPARATOR = "\n\n"
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
WARM_UP = "About 3,000 troops and 170mm guns, 5 km away, cost $1.5bn."

T = TypeVar("T")
Parser = Callable[[str], Sequence[object]]


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Silence warnings, logging and anything printed (quantulum3 is chatty)."""
    sink = io.StringIO()
    previous = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        with (
            warnings.catch_warnings(),
            contextlib.redirect_stdout(sink),
            contextlib.redirect_stderr(sink),
        ):
            warnings.simplefilter("ignore")
            yield
    finally:
        logging.disable(previous)


def load_quantulum3() -> tuple[Parser | None, str]:
    """``quantulum3.parser.parse`` and its version, or None and the reason it is unavailable."""
    try:
        with quiet():
            module = importlib.import_module("quantulum3.parser")
    except Exception as exc:  # ImportError, or a broken install
        return None, f"{type(exc).__name__}: {exc}"
    parse: Parser = module.parse
    try:
        version = importlib.metadata.version("quantulum3")
    except importlib.metadata.PackageNotFoundError:
        version = "?"
    return parse, version


def load_seeds(directory: Path) -> list[str]:
    """The text of every ``*.txt`` file in ``directory``, sorted by name, without edge newlines."""
    files = sorted(directory.glob("*.txt"))
    if not files:
        sys.exit(f"no *.txt files in {directory}")
    return [path.read_text(encoding="utf-8").strip("\n") for path in files]


def build_text(seeds: Sequence[str], size_bytes: int) -> tuple[str, int]:
    """The seeds joined by blank lines, repeated (also joined by blank lines) to ``size_bytes``.

    Returns the text and the number of copies.
    """
    base = SEPARATOR.join(seeds)
    unit = len(base.encode("utf-8")) + len(SEPARATOR)
    copies = max(1, math.ceil((size_bytes + len(SEPARATOR)) / unit))
    return SEPARATOR.join([base] * copies), copies


def sample_paragraphs(text: str, chars: int) -> tuple[str, list[str]]:
    """The first whole paragraphs of ``text`` totalling at least ``chars`` (0: all of it).

    Returns the sample (a prefix of ``text``) and its non-blank paragraphs, unmodified.
    """
    sample = text
    if chars > 0:
        for match in PARAGRAPH_BREAK.finditer(text):
            if match.start() >= chars:
                sample = text[: match.start()]
                break
    paragraphs = [p for p in PARAGRAPH_BREAK.split(sample) if p.strip()]
    return sample, paragraphs


def best_of(repeat: int, run: Callable[[], T]) -> tuple[float, T]:
    """The shortest wall time (``time.perf_counter``) of ``repeat`` runs, and the last result."""
    start = time.perf_counter()
    result = run()
    best = time.perf_counter() - start
    for _ in range(repeat - 1):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def each_paragraph(parse: Parser, paragraphs: Sequence[str]) -> Callable[[], int]:
    """A run that parses every paragraph separately and counts what was found."""

    def run() -> int:
        return sum(len(parse(paragraph)) for paragraph in paragraphs)

    return run


def report(label: str, seconds: float, chars: int, nbytes: int, found: int) -> float:
    """Print one timing line; return characters per second."""
    rate = chars / seconds if seconds > 0 else math.inf
    mb_rate = nbytes / MB / seconds if seconds > 0 else math.inf
    print(
        f"  {label:<34} {seconds:9.3f} s {rate:>14,.0f} chars/s {mb_rate:8.3f} MB/s"
        f"   quantities found: {found:,}"
    )
    return rate


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time osint_claims.extract_quantities (and quantulum3, if installed)."
    )
    parser.add_argument(
        "--size-mb",
        type=float,
        default=1.0,
        help="repeat the seed texts to at least this many MB (10**6 UTF-8 bytes; default 1)",
    )
    parser.add_argument(
        "--repeat",
        type=positive_int,
        default=3,
        help="report the best of this many runs (default 3)",
    )
    parser.add_argument(
        "--baseline-chars",
        type=int,
        default=100_000,
        help="size of the sample given to quantulum3, in characters, rounded up to a whole "
        "paragraph; 0 means the whole text (default 100000)",
    )
    parser.add_argument(
        "--no-baseline", action="store_true", help="do not time quantulum3 even if installed"
    )
    add_seeds_option(parser)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    print_header()

    seeds = load_seeds(args.seeds)
    text, copies = build_text(seeds, int(args.size_mb * MB))
    text_bytes = len(text.encode("utf-8"))
    seed_chars = len(SEPARATOR.join(seeds))
    print(
        f"input:   {len(seeds)} seed files from {args.seeds} ({seed_chars:,} chars) joined by "
        f"blank lines, repeated {copies}x: {len(text):,} chars, {text_bytes:,} UTF-8 bytes"
    )
    print(
        f"timing:  best of {args.repeat} run(s) (time.perf_counter), each parser warmed "
        "up first on one short sentence; 1 MB = 10**6 bytes"
    )
    print()

    osint_claims.extract_quantities(WARM_UP)
    print("osint_claims.extract_quantities, whole text in one call:")
    seconds, quantities = best_of(args.repeat, lambda: osint_claims.extract_quantities(text))
    ours = report("osint_claims (whole text)", seconds, len(text), text_bytes, len(quantities))
    print()

    if args.no_baseline:
        print("quantulum3 baseline: skipped (--no-baseline)")
        return
    parse, version = load_quantulum3()
    if parse is None:
        print(f"quantulum3 baseline: not available ({version}); only osint_claims was timed.")
        print("  install it with: pip install -e '.[bench]'")
        return

    sample, paragraphs = sample_paragraphs(text, args.baseline_chars)
    sample_bytes = len(sample.encode("utf-8"))
    extent = "the whole text" if len(sample) == len(text) else "a sample of the same text"
    print(
        f"quantulum3 {version} baseline: quantulum3.parser.parse on {extent}: its first "
        f"{len(sample):,} chars"
    )
    print(
        f"  (whole paragraphs), one call per paragraph ({len(paragraphs):,} calls), each "
        "paragraph exactly as given;"
    )
    print("  osint_claims is timed on the same paragraphs too, for a like-for-like comparison.")
    with quiet():
        parse(WARM_UP)
        q_seconds, q_found = best_of(args.repeat, each_paragraph(parse, paragraphs))
    theirs = report(
        "quantulum3 (sample, per paragraph)", q_seconds, len(sample), sample_bytes, q_found
    )
    o_seconds, o_found = best_of(
        args.repeat, each_paragraph(osint_claims.extract_quantities, paragraphs)
    )
    same = report(
        "osint_claims (same, per paragraph)", o_seconds, len(sample), sample_bytes, o_found
    )
    print()
    print(
        f"ratio ours/quantulum3 (chars/s): {ours / theirs:,.1f}x "
        "(our whole-text run vs quantulum3 on the sample)"
    )
    print(f"ratio ours/quantulum3 (chars/s): {same / theirs:,.1f}x (both on the same paragraphs)")


if __name__ == "__main__":
    main()
