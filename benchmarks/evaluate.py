"""Score ``osint_claims.extract_quantities`` against the hand-annotated evaluation set.

Run from the repository root::

    python benchmarks/evaluate.py                  # summary
    python benchmarks/evaluate.py --verbose        # plus every sentence with a mismatch
    python benchmarks/evaluate.py --min-a 0.95 --min-b 0.90   # exit 1 when below

The data (``benchmarks/eval/quantities.jsonl``) holds one sentence per line with its gold
quantities, annotated by hand following ``docs/parsing.md``. Predictions are matched to gold
quantities greedily, in text order: each prediction (sorted by span) takes the first unmatched
gold quantity it agrees with. Agreement is scored at three levels:

* **A** -- ``bound``, ``value``, ``low`` and ``high``;
* **B** -- A plus ``approximate`` and ``item`` (compared case-insensitively, whitespace
  collapsed);
* **C** -- B plus ``unit``.

Gold fractions (unit ``fraction``) are written to four decimals, so their figures match within
a relative tolerance of 1e-4 or half a unit in the fourth decimal, whichever is larger.

A line may list ``traps``: substrings (years, dates, times, calibres, model designations,
resolution numbers, footnote marks, URLs, ...) that must never be read as a count. A prediction
is *forbidden* when its span overlaps a trap -- except when the trap sits wholly inside the
span after a figure of the prediction's own, as a calibre or a designation does inside a
counted item ("3,000 155mm shells", "12 T-72B3 tanks").
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from _context import DataError, read_jsonl

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT / "benchmarks" / "eval" / "quantities.jsonl"

BOUNDS = frozenset({"EXACT", "AT_LEAST", "MORE_THAN", "AT_MOST", "LESS_THAN", "RANGE"})
FRACTION_UNIT = "fraction"
FRACTION_REL_TOL = Decimal("1e-4")
FRACTION_ABS_TOL = Decimal("5e-5")
LEVELS = ("A", "B", "C")
LEVEL_NAMES = {
    "A": "value + bounds",
    "B": "A + approximate + item",
    "C": "B + unit",
}

# A figure inside a span, before a trap, shows the trap is part of the counted item.
_FIGURE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|lakhs?"
    r"|crores?|dozens?|scores|several|few|half|quarter)\b",
    re.IGNORECASE,
)

Extractor = Callable[[str], Iterable[Any]]


@dataclass(frozen=True)
class Figure:
    """One quantity, gold or predicted, reduced to the fields that are scored."""

    bound: str
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    approximate: bool
    unit: str | None
    item: str | None
    start: int = -1
    end: int = -1

    def describe(self) -> str:
        def show(number: Decimal | None) -> str:
            return "-" if number is None else format(number, "f")

        parts = [f"{self.bound} {show(self.value)} [{show(self.low)}, {show(self.high)}]"]
        if self.approximate:
            parts.append("~")
        if self.unit is not None:
            parts.append(f"unit={self.unit}")
        if self.item is not None:
            parts.append(f"item={self.item!r}")
        if self.start >= 0:
            parts.append(f"@{self.start}:{self.end}")
        return " ".join(parts)


@dataclass(frozen=True)
class Example:
    """One annotated sentence."""

    line: int
    text: str
    source: str
    gold: tuple[Figure, ...]
    traps: tuple[str, ...]


@dataclass
class Tally:
    """True positives, predictions and gold quantities at one level."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    def f1(self) -> float:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class SentenceResult:
    """What the extractor did on one sentence."""

    example: Example
    predicted: tuple[Figure, ...]
    matched: dict[str, int]
    forbidden: tuple[Figure, ...]
    error: str | None = None

    def perfect(self) -> bool:
        n = len(self.example.gold)
        return (
            self.error is None
            and not self.forbidden
            and self.matched["C"] == n == len(self.predicted)
        )


@dataclass
class Report:
    """Totals over the whole evaluation set."""

    results: list[SentenceResult]
    tallies: dict[str, Tally]
    forbidden: int
    errors: int


# --------------------------------------------------------------------------- loading


def _decimal(raw: object, where: str) -> Decimal | None:
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise DataError(f"{where}: numbers must be strings or null, got {raw!r}")
    try:
        number = Decimal(raw)
    except InvalidOperation:
        raise DataError(f"{where}: not a number: {raw!r}") from None
    if not number.is_finite():
        raise DataError(f"{where}: not a finite number: {raw!r}")
    return number


def _optional_str(raw: object, where: str) -> str | None:
    if raw is None or isinstance(raw, str):
        return raw
    raise DataError(f"{where}: expected a string or null, got {raw!r}")


def _gold_figure(raw: object, where: str) -> Figure:
    if not isinstance(raw, dict):
        raise DataError(f"{where}: a quantity must be an object")
    bound = raw.get("bound")
    if bound not in BOUNDS:
        raise DataError(f"{where}: unknown bound {bound!r}")
    approximate = raw.get("approximate")
    if not isinstance(approximate, bool):
        raise DataError(f"{where}: 'approximate' must be true or false")
    return Figure(
        bound=str(bound),
        value=_decimal(raw.get("value"), where),
        low=_decimal(raw.get("low"), where),
        high=_decimal(raw.get("high"), where),
        approximate=approximate,
        unit=_optional_str(raw.get("unit"), where),
        item=_optional_str(raw.get("item"), where),
    )


def _example(raw: object, line: int) -> Example:
    where = f"line {line}"
    if not isinstance(raw, dict):
        raise DataError(f"{where}: expected a JSON object")
    text, source = raw.get("text"), raw.get("source")
    if not isinstance(text, str) or not text:
        raise DataError(f"{where}: 'text' must be a non-empty string")
    if not isinstance(source, str):
        raise DataError(f"{where}: 'source' must be a string")
    quantities = raw.get("quantities")
    if not isinstance(quantities, list):
        raise DataError(f"{where}: 'quantities' must be a list")
    traps = raw.get("traps", [])
    if not isinstance(traps, list) or not all(isinstance(t, str) and t for t in traps):
        raise DataError(f"{where}: 'traps' must be a list of non-empty strings")
    for trap in traps:
        if trap not in text:
            raise DataError(f"{where}: trap {trap!r} does not occur in the text")
    gold = tuple(_gold_figure(q, f"{where}, quantity {i + 1}") for i, q in enumerate(quantities))
    return Example(line=line, text=text, source=source, gold=gold, traps=tuple(traps))


def load_examples(path: Path) -> list[Example]:
    """Read and validate the evaluation file."""
    return read_jsonl(path, _example)


# --------------------------------------------------------------------------- predictions


def _predicted_number(raw: object) -> Decimal | None:
    if raw is None:
        return None
    return raw if isinstance(raw, Decimal) else Decimal(str(raw))


def to_figure(quantity: Any) -> Figure:
    """Read the scored fields off one predicted ``Quantity`` (or anything shaped like it)."""
    bound = quantity.bound
    bound_name = str(getattr(bound, "name", bound)).upper()
    span = quantity.span
    return Figure(
        bound=bound_name,
        value=_predicted_number(quantity.value),
        low=_predicted_number(quantity.low),
        high=_predicted_number(quantity.high),
        approximate=bool(quantity.approximate),
        unit=quantity.unit,
        item=quantity.item,
        start=int(span.start),
        end=int(span.end),
    )


# --------------------------------------------------------------------------- matching


def _same_number(gold: Decimal | None, predicted: Decimal | None, fraction: bool) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if not fraction:
        return gold == predicted
    tolerance = max(FRACTION_REL_TOL * max(abs(gold), abs(predicted)), FRACTION_ABS_TOL)
    return abs(gold - predicted) <= tolerance


def normalise_item(item: str | None) -> str | None:
    """Case-fold and collapse whitespace; an empty item counts as no item."""
    if item is None:
        return None
    folded = " ".join(item.split()).casefold()
    return folded or None


def agrees(gold: Figure, predicted: Figure, level: str) -> bool:
    """Whether a prediction matches a gold quantity at ``level`` (A, B or C)."""
    fraction = gold.unit == FRACTION_UNIT
    if gold.bound != predicted.bound or not all(
        _same_number(g, p, fraction)
        for g, p in (
            (gold.value, predicted.value),
            (gold.low, predicted.low),
            (gold.high, predicted.high),
        )
    ):
        return False
    if level == "A":
        return True
    if gold.approximate != predicted.approximate:
        return False
    if normalise_item(gold.item) != normalise_item(predicted.item):
        return False
    return level == "B" or gold.unit == predicted.unit


def match(gold: Sequence[Figure], predicted: Sequence[Figure], level: str) -> int:
    """Greedy in-order matching; returns the number of matched pairs."""
    taken = [False] * len(gold)
    matched = 0
    for guess in predicted:
        for index, truth in enumerate(gold):
            if not taken[index] and agrees(truth, guess, level):
                taken[index] = True
                matched += 1
                break
    return matched


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    found = []
    start = text.find(needle)
    while start >= 0:
        found.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return found


def is_forbidden(text: str, traps: Sequence[str], predicted: Figure) -> bool:
    """Whether a prediction's span overlaps a trap that is not part of its counted item."""
    for trap in traps:
        for start, end in _occurrences(text, trap):
            if start >= predicted.end or end <= predicted.start:
                continue
            inside = predicted.start < start and end <= predicted.end
            if inside and _FIGURE.search(text[predicted.start : start]):
                continue
            return True
    return False


# --------------------------------------------------------------------------- evaluation


def score_sentence(example: Example, extract: Extractor) -> SentenceResult:
    """Run the extractor on one sentence and score it at every level."""
    try:
        predicted = tuple(
            sorted(
                (to_figure(q) for q in extract(example.text)),
                key=lambda f: (f.start, f.end),
            )
        )
    except Exception as exc:  # one bad sentence must not stop the benchmark
        return SentenceResult(
            example=example,
            predicted=(),
            matched=dict.fromkeys(LEVELS, 0),
            forbidden=(),
            error=f"{type(exc).__name__}: {exc}",
        )
    matched = {level: match(example.gold, predicted, level) for level in LEVELS}
    forbidden = tuple(f for f in predicted if is_forbidden(example.text, example.traps, f))
    return SentenceResult(example, predicted, matched, forbidden)


def evaluate(examples: Iterable[Example], extract: Extractor) -> Report:
    """Score ``extract`` on every example."""
    results = [score_sentence(example, extract) for example in examples]
    tallies = {level: Tally() for level in LEVELS}
    for result in results:
        for level, tally in tallies.items():
            tally.matched += result.matched[level]
            tally.predicted += len(result.predicted)
            tally.gold += len(result.example.gold)
    return Report(
        results=results,
        tallies=tallies,
        forbidden=sum(len(r.forbidden) for r in results),
        errors=sum(r.error is not None for r in results),
    )


# --------------------------------------------------------------------------- output


def format_summary(report: Report) -> str:
    """The headline numbers."""
    first = report.tallies["A"]
    lines = [
        f"sentences:   {len(report.results)}",
        f"gold:        {first.gold}",
        f"predicted:   {first.predicted}",
        "",
        f"{'level':<6}{'scored':<26}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for level in LEVELS:
        tally = report.tallies[level]
        lines.append(
            f"{level:<6}{LEVEL_NAMES[level]:<26}{tally.matched:>7}"
            f"{tally.precision():>8.3f}{tally.recall():>8.3f}{tally.f1():>8.3f}"
        )
    lines += ["", f"forbidden predictions (span overlaps a trap): {report.forbidden}"]
    if report.errors:
        lines.append(f"sentences where the extractor raised: {report.errors}")
    return "\n".join(lines)


def format_by_source(report: Report) -> str:
    """Level-A and level-C F1 per source tag."""
    groups: dict[str, dict[str, Tally]] = {}
    for result in report.results:
        tallies = groups.setdefault(result.example.source, {"A": Tally(), "C": Tally()})
        for level, tally in tallies.items():
            tally.matched += result.matched[level]
            tally.predicted += len(result.predicted)
            tally.gold += len(result.example.gold)
    lines = [f"{'source':<24}{'gold':>6}{'F1 A':>8}{'F1 C':>8}"]
    for source in sorted(groups):
        a, c = groups[source]["A"], groups[source]["C"]
        lines.append(f"{source:<24}{a.gold:>6}{a.f1():>8.3f}{c.f1():>8.3f}")
    return "\n".join(lines)


def format_mismatches(report: Report) -> str:
    """Every sentence the extractor did not get exactly right, gold against predicted."""
    blocks = []
    for result in report.results:
        if result.perfect():
            continue
        example = result.example
        lines = [f"--- line {example.line} [{example.source}] {example.text}"]
        if result.error is not None:
            lines.append(f"  ERROR     {result.error}")
        lines += [f"  gold      {figure.describe()}" for figure in example.gold]
        for figure in result.predicted:
            mark = "  FORBIDDEN" if figure in result.forbidden else ""
            snippet = example.text[figure.start : figure.end]
            lines.append(f"  predicted {figure.describe()} {snippet!r}{mark}")
        counts = ", ".join(f"{level}={result.matched[level]}" for level in LEVELS)
        lines.append(f"  matched   {counts} of {len(example.gold)}")
        blocks.append("\n".join(lines))
    return "\n".join(blocks) if blocks else "no mismatches"


# --------------------------------------------------------------------------- command line


def load_extractor(spec: str) -> Extractor:
    """Import ``module:function``; the library is looked up under ``src/`` if not installed."""
    module_name, _, function_name = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        source_dir = str(REPO_ROOT / "src")
        if source_dir in sys.path:
            raise
        sys.path.insert(0, source_dir)
        module = importlib.import_module(module_name)
    extract: Extractor = getattr(module, function_name or "extract_quantities")
    return extract


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="evaluation JSONL")
    parser.add_argument(
        "--extractor",
        default="osint_claims:extract_quantities",
        help="module:function to evaluate (default: %(default)s)",
    )
    parser.add_argument("--verbose", action="store_true", help="print every mismatch")
    parser.add_argument("--by-source", action="store_true", help="print F1 per source tag")
    for level in LEVELS:
        parser.add_argument(
            f"--min-{level.lower()}",
            type=float,
            default=None,
            metavar="F1",
            help=f"exit 1 when level-{level} F1 is below this",
        )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit status."""
    args = _parse_args(argv)
    try:
        examples = load_examples(args.data)
    except (OSError, DataError) as exc:
        print(f"error: {args.data}: {exc}", file=sys.stderr)
        return 2
    try:
        extract = load_extractor(args.extractor)
    except (ImportError, AttributeError) as exc:
        print(f"error: cannot load {args.extractor}: {exc}", file=sys.stderr)
        return 2
    report = evaluate(examples, extract)
    if args.verbose:
        print(format_mismatches(report))
        print()
    if args.by_source:
        print(format_by_source(report))
        print()
    print(format_summary(report))
    failed = False
    for level in LEVELS:
        minimum: float | None = getattr(args, f"min_{level.lower()}")
        f1 = report.tallies[level].f1()
        if minimum is not None and f1 < minimum:
            print(f"FAIL: level {level} F1 {f1:.3f} is below {minimum:.3f}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
