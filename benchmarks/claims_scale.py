"""Throughput and linearity of ``osint_claims.extract_claims`` on one very large input.

Run from the repository root::

    python benchmarks/claims_scale.py [--size-mb 50] [--variant story] [--variant junk]

Each variant is built once at ``--size-mb`` megabytes (10**6 UTF-8 bytes; default 50) and
``extract_claims`` is timed on its first half (n) and on the whole (2n), one call each
after a warm-up on a short sentence. The script prints characters per second (wall time),
the wall and CPU time ratios 2n/n (about 2 is linear; both above 3 is flagged ``NOT
LINEAR?``) and the claims found. It prints; it never asserts. ``junk`` is ``--size-mb``
million random bytes, so about 1.5 times as many UTF-8 bytes.

Variants (all by default):

- ``story``: the seeds' own claim-bearing text (title, headings and body sentences as
  ``read_article`` finds them), each copy a block of lines, repeated: one long article of
  real news prose.
- ``pages``: the seed files exactly as given (furniture, captions, "Read more" lists),
  joined by blank lines and repeated, read with ``related=True``: after the first "Read
  more" every line is a related headline or teaser, each read on its own.
- ``run-on``: the story with every full stop, question mark, exclamation mark and line
  break made a space: one sentence of ``--size-mb`` megabytes.
- ``junk``: pseudo-random bytes (fixed seed) read as Latin-1: control characters, digits,
  punctuation and line breaks, about 1.5 UTF-8 bytes a character.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from _context import (
    add_seeds_option,
    osint_claims,
    print_header,
)

MB = 1_000_000
PUBLISHED = date(2025, 3, 27)
WARM_UP = "North Korea sent about 3,000 troops to Russia last month, Seoul said."
BREAKS = re.compile(r"[.!?\n]+")
VARIANTS = ("story", "pages", "run-on", "junk")


def seed_paths(directory: Path) -> list[Path]:
    paths = sorted(directory.glob("*.txt"))
    if not paths:
        sys.exit(f"no *.txt files in {directory}")
    return paths


def repeated(unit: str, size_bytes: int) -> str:
    """``unit`` repeated until the text holds at least ``size_bytes`` UTF-8 bytes."""
    copies = max(1, math.ceil(size_bytes / len(unit.encode("utf-8"))))
    return unit * copies


def story_unit(paths: Sequence[Path]) -> str:
    """The seeds' claim-bearing sentences, one a line, a blank line after each article."""
    articles = []
    for path in paths:
        article = osint_claims.read_article(path)
        articles.append("\n".join(s.text for s in article.sentences))
    return "\n\n".join(articles) + "\n\n"


def build(variant: str, paths: Sequence[Path], size_bytes: int) -> str:
    if variant == "story":
        return repeated(story_unit(paths), size_bytes)
    if variant == "pages":
        pages = "\n\n".join(p.read_text(encoding="utf-8").strip("\n") for p in paths)
        return repeated(pages + "\n\n", size_bytes)
    if variant == "run-on":
        return repeated(BREAKS.sub(" ", story_unit(paths)), size_bytes)
    if variant == "junk":
        return random.Random(0).randbytes(size_bytes).decode("latin-1")
    raise ValueError(variant)


def timed(text: str, related: bool) -> tuple[float, float, int]:
    """Wall and CPU seconds for one ``extract_claims`` call on ``text``, and the claims it
    found. CPU time is printed too: on a shared machine it moves less than wall time."""
    wall, cpu = time.perf_counter(), time.process_time()
    found = osint_claims.extract_claims(text, published=PUBLISHED, related=related)
    return time.perf_counter() - wall, time.process_time() - cpu, len(found)


def measure(variant: str, text: str) -> None:
    related = variant == "pages"
    half = text[: len(text) // 2]
    walls: list[float] = []
    cpus: list[float] = []
    for label, part in (("n", half), ("2n", text)):
        seconds, cpu, found = timed(part, related)
        nbytes = len(part.encode("utf-8"))
        rate = len(part) / seconds if seconds > 0 else math.inf
        walls.append(seconds)
        cpus.append(cpu)
        print(
            f"  {variant:<7} {label:<3} {len(part):>12,} chars {nbytes / MB:8.1f} MB "
            f"{seconds:9.2f} s (cpu {cpu:8.2f} s) {rate:>12,.0f} chars/s   claims: {found:,}",
            flush=True,
        )
    ratio = walls[1] / walls[0] if walls[0] > 0 else math.inf
    cpu_ratio = cpus[1] / cpus[0] if cpus[0] > 0 else math.inf
    flag = "   NOT LINEAR?" if min(ratio, cpu_ratio) > 3 else ""
    print(
        f"  {variant:<7} time(2n)/time(n) = {ratio:.2f} wall, {cpu_ratio:.2f} cpu{flag}",
        flush=True,
    )


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time osint_claims.extract_claims on one large input at n and 2n."
    )
    parser.add_argument(
        "--size-mb",
        type=float,
        default=50.0,
        help="size of the whole input (2n), in MB of 10**6 UTF-8 bytes (default 50)",
    )
    parser.add_argument(
        "--variant",
        action="append",
        choices=VARIANTS,
        help="which input to build; repeatable (default: all of them)",
    )
    add_seeds_option(parser)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    print_header()
    paths = seed_paths(args.seeds)
    size = int(args.size_mb * MB)
    print(
        f"input:   {args.size_mb:g} MB (2n) per variant from {len(paths)} seed files in "
        f"{args.seeds}; n is its first half; published={PUBLISHED}"
    )
    print(
        "timing:  one call each (time.perf_counter; cpu: time.process_time) after a warm-up; "
        "1 MB = 10**6 bytes"
    )
    print()
    osint_claims.extract_claims(WARM_UP, published=PUBLISHED)
    for variant in args.variant or VARIANTS:
        text = build(variant, paths, size)
        measure(variant, text)
        del text


if __name__ == "__main__":
    main()
