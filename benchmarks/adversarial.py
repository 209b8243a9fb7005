"""Does ``osint_claims.extract_quantities`` stay linear on hostile input?

Run from the repository root::

    python benchmarks/adversarial.py [--n 500000] [--repeat 3] [--slow-seconds 5] [--only WORD]

Each input family is built at ``n`` and ``2n`` characters and timed (best of ``--repeat`` runs,
``time.perf_counter``). A time ratio near 2 means linear; a ratio above 3 is flagged
``NOT LINEAR?``. A call longer than ``--slow-seconds`` is reported ``SLOW`` (and a note goes to
stderr while it is still running) but is never stopped. An exception is reported, not raised.
The script prints; it never asserts.
"""

from __future__ import annotations

import argparse
import math
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from _context import (
    osint_claims,
    positive_int,
    print_header,
)

NOT_LINEAR_RATIO = 3.0
NOISY_SECONDS = 0.005  # below this the n-time is too small for the ratio to mean much
LONG_RUN_SECONDS = 1.0  # after a run this long, further repeats add nothing


def fill(unit: str, size: int, tail: str = "") -> str:
    """Whole copies of ``unit`` up to about ``size`` characters, then ``tail``."""
    copies = max(1, (size - len(tail)) // len(unit))
    return unit * copies + tail


def nested(size: int) -> str:
    depth = max(1, (size - 1) // 2)
    return "(" * depth + "1" + ")" * depth


def long_word_then_claim(size: int) -> str:
    tail = " 3,000 troops"
    return "e" * max(1, size - len(tail)) + tail


def e_lines(size: int) -> str:
    """Whole lines only, so this family needs n of at least 200,014 characters."""
    return fill("e" * 200_000 + " 3,000 troops\n", size)


FAMILIES: list[tuple[str, Callable[[int], str]]] = [
    ("digits 1234567890…", lambda s: fill("1234567890", s)),
    ("1,1,1,…", lambda s: fill("1,", s, "1")),
    ("about about … 5", lambda s: fill("about ", s, "5")),
    ("spaces", lambda s: " " * s),
    ("no-break spaces U+00A0", lambda s: "\u00a0" * s),
    ("thin spaces U+2009", lambda s: "\u2009" * s),
    ("mixed spaces ' \\u00a0\\u2009'", lambda s: fill(" \u00a0\u2009", s)),
    ("nested brackets ((…1…))", nested),
    ("1-1-1-1…", lambda s: fill("1-", s, "1")),
    ("one one one …", lambda s: fill("one ", s)),
    ("hundreds of hundreds of …", lambda s: fill("hundreds of ", s, "hundreds")),
    ("hyphen chain a-a-a-…", lambda s: fill("a-", s, "a")),
    ("$$$$…", lambda s: "$" * s),
    ("10,000 to 10,000 to …", lambda s: fill("10,000 to ", s, "10,000")),
    ("e×(size) then ' 3,000 troops'", long_word_then_claim),
    ("lines: 200,000 e + ' 3,000 troops'", e_lines),
    # A few more in the same spirit: digit grouping with (no-break) spaces.
    ("1 1 1 1 …", lambda s: fill("1 ", s, "1")),
    ("1 000 000 000 … (one grouped run)", lambda s: "1" + fill(" 000", s - 1)),
    ("1\\u00a0000\\u00a0000 …", lambda s: "1" + fill("\u00a0000", s - 1)),
    ("3,000 troops 3,000 troops …", lambda s: fill("3,000 troops ", s)),
]


@dataclass
class Timing:
    seconds: float = math.nan
    found: int | None = None
    error: str | None = None
    slow: bool = False


def time_call(label: str, text: str, repeat: int, slow_seconds: float) -> Timing:
    """Best of ``repeat`` calls on ``text``; slow calls are reported, never interrupted."""
    timing = Timing()
    for _ in range(repeat):
        watchdog = threading.Timer(
            slow_seconds,
            lambda: print(
                f"\n  [{label}: still running after {slow_seconds:g} s; not stopped]",
                file=sys.stderr,
                flush=True,
            ),
        )
        watchdog.daemon = True
        watchdog.start()
        start = time.perf_counter()
        try:
            found = len(osint_claims.extract_quantities(text))
        except Exception as exc:  # report it and go on with the other families
            timing.error = f"{type(exc).__name__}: {exc}"[:60]
            return timing
        finally:
            elapsed = time.perf_counter() - start
            watchdog.cancel()
        timing.found = found
        timing.seconds = elapsed if math.isnan(timing.seconds) else min(timing.seconds, elapsed)
        timing.slow = timing.slow or elapsed > slow_seconds
        if elapsed > LONG_RUN_SECONDS:
            break
    return timing


def found_text(timing: Timing) -> str:
    return "-" if timing.found is None else f"{timing.found:,}"


def seconds_text(timing: Timing) -> str:
    return "error" if timing.error else f"{timing.seconds:.4f}"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time osint_claims.extract_quantities on adversarial inputs at n and 2n."
    )
    parser.add_argument(
        "--n",
        type=positive_int,
        default=500_000,
        help="size of the smaller input, in characters (default 500000)",
    )
    parser.add_argument(
        "--repeat",
        type=positive_int,
        default=3,
        help=f"best of this many runs per input; no repeat after a run over "
        f"{LONG_RUN_SECONDS:g} s (default 3)",
    )
    parser.add_argument(
        "--slow-seconds",
        type=float,
        default=5.0,
        help="report SLOW when one call takes longer than this (default 5)",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="WORD",
        help="run only the families whose name contains WORD (case-insensitive; repeatable)",
    )
    parser.add_argument("--list", action="store_true", help="list the families and exit")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    if args.list:
        for name, _ in FAMILIES:
            print(name)
        return
    families = [
        (name, build)
        for name, build in FAMILIES
        if not args.only or any(word.lower() in name.lower() for word in args.only)
    ]

    print_header()
    print(
        f"timing:  best of up to {args.repeat} run(s) (time.perf_counter); n = {args.n:,} chars; "
        f"ratio = time(2n) / time(n), about 2 if linear; SLOW = a call over {args.slow_seconds:g} s"
    )
    print()
    osint_claims.extract_quantities("About 3,000 troops.")  # warm-up: lexicons, compiled patterns

    header = (
        f"{'family':<36} {'chars n':>9} {'time n s':>9} {'time 2n s':>9} {'ratio':>6} "
        f"{'found n':>9} {'found 2n':>9}  note"
    )
    print(header)
    print("-" * len(header))
    flagged = 0
    total_start = time.perf_counter()
    for name, build in families:
        small, large = build(args.n), build(2 * args.n)
        print(f"{name:<36} {len(small):>9,}", end=" ", flush=True)
        first = time_call(f"{name} at n", small, args.repeat, args.slow_seconds)
        second = time_call(f"{name} at 2n", large, args.repeat, args.slow_seconds)
        notes: list[str] = []
        ratio_text = "-"
        if first.error or second.error:
            notes.append(f"ERROR {first.error or second.error}")
        else:
            ratio = second.seconds / first.seconds if first.seconds > 0 else math.inf
            ratio_text = f"{ratio:.2f}"
            if ratio > NOT_LINEAR_RATIO:
                notes.append("NOT LINEAR?")
            if first.seconds < NOISY_SECONDS:
                notes.append("(fast: ratio noisy)")
            if not 1.8 <= len(large) / len(small) <= 2.2:
                notes.append(f"(2n input is {len(large):,} chars: ratio meaningless)")
        if first.slow or second.slow:
            notes.append("SLOW")
        if any(note in ("NOT LINEAR?", "SLOW") or note.startswith("ERROR") for note in notes):
            flagged += 1
        print(
            f"{seconds_text(first):>9} {seconds_text(second):>9} {ratio_text:>6} "
            f"{found_text(first):>9} {found_text(second):>9}  {' '.join(notes)}",
            flush=True,
        )
    print()
    print(
        f"{len(families)} families, {flagged} flagged (NOT LINEAR?, SLOW or ERROR); "
        f"total {time.perf_counter() - total_start:.1f} s"
    )


if __name__ == "__main__":
    main()
