"""Generated hostile inputs through the public functions: what raises, and what breaks.

Run from the repository root::

    python benchmarks/fuzz.py [--inputs 100000] [--seed 14] [--family NAME] [--every 5]

Each input comes from one of the families of ``benchmarks/_families.py`` (huge figures,
case folding, blanks, mixed scripts, damaged sentences), in turn, from one seeded random
generator: the same command gives the same inputs. Each goes through ``read_article``,
``extract_claims`` (of that article), ``extract_quantities``, ``parse_quantity`` and
``parse_number`` (of the whole text and of each quantity's own text), and the results
through the JSON serialiser and back. Every ``--every``-th input is read once more under a
hostile decimal context (precision 3, ``Inexact`` trapped, ``Emax`` 9), which must change
nothing.

The report gives, per family, the inputs and calls, the exceptions of the documented types
(``FigureRangeError`` from ``parse_number`` and ``parse_quantity``: a figure out of range),
every other exception by function and type (the goal is none), and the broken invariants:
a span that does not hold its text, bounds out of order, a figure out of range, a JSON
round trip that changes a result, a result the decimal context changed. The first example of
each unexpected exception or broken invariant is printed, to reproduce. The script prints;
it never asserts.
"""

from __future__ import annotations

import argparse
import decimal
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from _context import osint_claims, positive_int, print_header
from _families import FAMILIES, family_names

from osint_claims import (
    Claim,
    FigureRangeError,
    Quantity,
    extract_claims,
    extract_quantities,
    from_json,
    parse_number,
    parse_quantity,
    read_article,
    to_json,
)
from osint_claims._decimals import in_range

# The errors each function may raise on purpose, by its documentation.
DOCUMENTED: dict[str, tuple[type[BaseException], ...]] = {
    "parse_number": (FigureRangeError,),
    "parse_quantity": (FigureRangeError,),
}
HOSTILE_CONTEXT = decimal.Context(prec=3, Emax=9, Emin=-9, traps=[decimal.Inexact])


class Tally:
    """What one family's inputs did."""

    def __init__(self) -> None:
        self.inputs = 0
        self.calls = 0
        self.seconds = 0.0
        self.documented: Counter[str] = Counter()
        self.unexpected: Counter[str] = Counter()
        self.broken: Counter[str] = Counter()


def _span_problems(text: str, quantity: Quantity) -> list[str]:
    problems = []
    start, end = quantity.span.start, quantity.span.end
    if not 0 <= start <= end <= len(text) or text[start:end] != quantity.text:
        problems.append("span does not hold the text")
    low, value, high = quantity.low, quantity.value, quantity.high
    if (low is not None and high is not None and low > high) or (
        value is not None
        and ((low is not None and low > value) or (high is not None and value > high))
    ):
        problems.append("bounds out of order")
    if any(figure is not None and not in_range(figure) for figure in (low, value, high)):
        problems.append("figure out of range")
    return problems


class Runner:
    """Calls the public functions on one input, counting into a family's tally."""

    def __init__(self, examples: dict[str, str]) -> None:
        self.examples = examples  # the first input of each unexpected outcome

    def call(self, tally: Tally, name: str, text: str, function: Callable[[], Any]) -> Any:
        tally.calls += 1
        try:
            return function()
        except DOCUMENTED.get(name, ()) as error:
            tally.documented[f"{name}: {type(error).__name__}"] += 1
        except Exception as error:  # counting every kind is the point
            key = f"{name}: {type(error).__name__}"
            tally.unexpected[key] += 1
            self.examples.setdefault(key, f"{text!r} -> {error}")
        return None

    def broken(self, tally: Tally, problem: str, text: str) -> None:
        tally.broken[problem] += 1
        self.examples.setdefault(problem, repr(text))

    def run(self, tally: Tally, text: str, *, hostile: bool) -> None:
        tally.inputs += 1
        article = self.call(tally, "read_article", text, lambda: read_article(text))
        if article is not None:
            claims = self.call(tally, "extract_claims", text, lambda: extract_claims(article))
            if claims:
                self._round_trip(tally, text, claims, list[Claim])
        quantities = self.call(tally, "extract_quantities", text, lambda: extract_quantities(text))
        self.call(tally, "parse_quantity", text, lambda: parse_quantity(text))
        self.call(tally, "parse_number", text, lambda: parse_number(text))
        for quantity in quantities or ():
            for problem in _span_problems(text, quantity):
                self.broken(tally, problem, text)
            self._parse_figure(tally, text[quantity.span.start : quantity.span.end])
        if quantities:
            self._round_trip(tally, text, quantities, list[Quantity])
        if hostile:
            self._in_hostile_context(tally, text, quantities)

    def _parse_figure(self, tally: Tally, figure: str) -> None:
        self.call(tally, "parse_number", figure, lambda: parse_number(figure))

    def _round_trip(self, tally: Tally, text: str, results: list[Any], kind: Any) -> None:
        written = self.call(tally, "to_json", text, lambda: to_json(results))
        if written is not None:
            back = self.call(tally, "from_json", text, lambda: from_json(written, kind))
            if back is not None and back != results:
                self.broken(tally, "JSON round trip changed a result", text)

    def _in_hostile_context(self, tally: Tally, text: str, expected: list[Quantity] | None) -> None:
        with decimal.localcontext(HOSTILE_CONTEXT):
            name = "extract_quantities (hostile context)"
            found = self.call(tally, name, text, lambda: extract_quantities(text))
        if expected is not None and found is not None and found != expected:
            self.broken(tally, "the decimal context changed a result", text)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=positive_int, default=100_000, help="default 100,000")
    parser.add_argument("--seed", type=int, default=14, help="default 14")
    parser.add_argument(
        "--every",
        type=positive_int,
        default=5,
        help="read every N-th input again in a hostile decimal context",
    )
    parser.add_argument(
        "--family",
        action="append",
        choices=family_names(),
        help="only this family (repeatable; default all)",
    )
    args = parser.parse_args(argv)
    print_header()
    names = args.family or family_names()
    rng = random.Random(args.seed)
    tallies = {name: Tally() for name in names}
    runner = Runner({})
    started = time.perf_counter()
    for index in range(args.inputs):
        name = names[index % len(names)]
        text = FAMILIES[name](rng)
        tally = tallies[name]
        begun = time.perf_counter()
        runner.run(tally, text, hostile=index % args.every == 0)
        tally.seconds += time.perf_counter() - begun
    elapsed = time.perf_counter() - started
    _report(tallies, runner.examples, elapsed, args.seed)


def _report(tallies: dict[str, Tally], examples: dict[str, str], elapsed: float, seed: int) -> None:
    total = Tally()
    print(f"seed {seed}; {elapsed:.0f} s in all\n")
    print(
        f"{'family':<20}{'inputs':>9}{'calls':>10}{'documented':>12}{'unexpected':>12}"
        f"{'broken':>8}{'ms/input':>10}"
    )
    for name, tally in tallies.items():
        print(
            f"{name:<20}{tally.inputs:>9,}{tally.calls:>10,}{sum(tally.documented.values()):>12,}"
            f"{sum(tally.unexpected.values()):>12,}{sum(tally.broken.values()):>8,}"
            f"{1000 * tally.seconds / max(tally.inputs, 1):>10.2f}"
        )
        total.inputs += tally.inputs
        total.calls += tally.calls
        total.documented += tally.documented
        total.unexpected += tally.unexpected
        total.broken += tally.broken
    print(
        f"{'all':<20}{total.inputs:>9,}{total.calls:>10,}{sum(total.documented.values()):>12,}"
        f"{sum(total.unexpected.values()):>12,}{sum(total.broken.values()):>8,}"
    )
    for title, attribute in (
        ("documented errors", "documented"),
        ("unexpected exceptions", "unexpected"),
        ("broken invariants", "broken"),
    ):
        print(f"\n{title}, by family:")
        shown = False
        for name, tally in tallies.items():
            counts: Counter[str] = getattr(tally, attribute)
            for key, count in sorted(counts.items()):
                print(f"  {name:<20}{key:<52}{count:>9,}")
                shown = True
        if not shown:
            print("  none")
    if examples:
        print("\nfirst example of each:")
        for key, example in examples.items():
            print(f"  {key}: {example[:300]}")
    print(f"\nosint_claims from {osint_claims.__file__}")


if __name__ == "__main__":
    main()
