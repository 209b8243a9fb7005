"""Score ``osint_claims.extract_claims`` against the hand-annotated claims set.

Run from the repository root::

    python benchmarks/evaluate_claims.py            # scores
    python benchmarks/evaluate_claims.py --errors   # plus every mismatch, one per line

The data (``benchmarks/eval/claims.jsonl``) holds one sentence (or short snippet) per line,
its publication date and its expected claims, annotated by hand following ``docs/claims.md``
and ``docs/dates.md``. A predicted claim matches an expected one when the expected figure
(a substring of the text) overlaps the claim's quantity span; pairs are taken greedily in
text order. Field accuracy is counted over matched pairs only; precision and recall count
matched pairs against all predicted and all expected claims. It prints and never asserts.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import _context
from _context import REPO_ROOT, DataError, osint_claims, read_jsonl

DEFAULT_DATA = REPO_ROOT / "benchmarks" / "eval" / "claims.jsonl"
FIELDS = ("predicate", "subject", "recipient", "originator", "hedge", "period", "cumulative")

Value = str | bool | None


@dataclass(frozen=True)
class Expected:
    """One expected claim: its figure's place in the text and its scored fields."""

    figure: str
    start: int
    end: int
    fields: dict[str, Value]


@dataclass(frozen=True)
class Example:
    """One annotated sentence."""

    line: int
    text: str
    published: date
    claims: tuple[Expected, ...]


@dataclass(frozen=True)
class Predicted:
    """One predicted claim reduced to its span and scored fields."""

    figure: str
    start: int
    end: int
    fields: dict[str, Value]


@dataclass
class Report:
    """Totals over the evaluation set."""

    sentences: int = 0
    expected: int = 0
    predicted: int = 0
    matched: int = 0
    right: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    raised: int = 0


# --------------------------------------------------------------------------- loading


def _expected(raw: object, text: str, where: str, taken: set[int]) -> Expected:
    if not isinstance(raw, dict):
        raise DataError(f"{where}: a claim must be an object")
    figure = raw.get("figure")
    if not isinstance(figure, str) or not figure:
        raise DataError(f"{where}: 'figure' must be a non-empty string")
    start = text.find(figure)
    while start >= 0 and start in taken:  # the same figure twice: take the next occurrence
        start = text.find(figure, start + 1)
    if start < 0:
        raise DataError(f"{where}: figure {figure!r} does not occur in the text")
    taken.add(start)
    values: dict[str, Value] = {}
    for name in FIELDS:
        value = raw.get(name)
        if name == "cumulative":
            if value is not None and not isinstance(value, bool):
                raise DataError(f"{where}: 'cumulative' must be true, false or null")
        elif value is not None and not isinstance(value, str):
            raise DataError(f"{where}: {name!r} must be a string or null")
        values[name] = value
    if values["predicate"] is None:
        raise DataError(f"{where}: 'predicate' is required")
    if values["hedge"] is None:
        values["hedge"] = "stated"
    return Expected(figure, start, start + len(figure), values)


def _example(raw: object, line: int) -> Example:
    where = f"line {line}"
    if not isinstance(raw, dict):
        raise DataError(f"{where}: expected a JSON object")
    text, published, claims = raw.get("text"), raw.get("published"), raw.get("claims")
    if not isinstance(text, str) or not text:
        raise DataError(f"{where}: 'text' must be a non-empty string")
    if not isinstance(published, str):
        raise DataError(f"{where}: 'published' must be a YYYY-MM-DD string")
    try:
        day = date.fromisoformat(published)
    except ValueError:
        raise DataError(f"{where}: bad date {published!r}") from None
    if not isinstance(claims, list):
        raise DataError(f"{where}: 'claims' must be a list")
    taken: set[int] = set()
    expected = tuple(
        _expected(c, text, f"{where}, claim {i + 1}", taken) for i, c in enumerate(claims)
    )
    return Example(line, text, day, expected)


def load_examples(path: Path) -> list[Example]:
    """Read and validate the evaluation file."""
    return read_jsonl(path, _example)


# --------------------------------------------------------------------------- predictions


def _actor_id(actor: Any) -> str | None:
    return None if actor is None else str(actor.id)


def to_predicted(claim: Any, text: str) -> Predicted:
    """Read the scored fields off one ``Claim``."""
    span = claim.quantity.span
    period = claim.period
    values: dict[str, Value] = {
        "predicate": str(claim.predicate.key),
        "subject": _actor_id(claim.subject),
        "recipient": _actor_id(claim.recipient),
        "originator": _actor_id(claim.attribution.originator),
        "hedge": str(claim.hedge.value),
        "period": None if period is None else f"{period.start}..{period.end}",
        "cumulative": claim.cumulative,
    }
    start, end = int(span.start), int(span.end)
    return Predicted(text[start:end], start, end, values)


def match(
    expected: Sequence[Expected], predicted: Sequence[Predicted]
) -> list[tuple[Expected, Predicted]]:
    """Greedy in-order pairing of predictions with expected claims whose figure they overlap."""
    taken = [False] * len(expected)
    pairs = []
    for guess in sorted(predicted, key=lambda p: (p.start, p.end)):
        for index, truth in enumerate(expected):
            if not taken[index] and truth.start < guess.end and guess.start < truth.end:
                taken[index] = True
                pairs.append((truth, guess))
                break
    return pairs


# --------------------------------------------------------------------------- evaluation


def evaluate(examples: Sequence[Example]) -> Report:
    """Run ``extract_claims`` on every example and tally the scores."""
    report = Report(sentences=len(examples))
    for example in examples:
        report.expected += len(example.claims)
        try:
            claims = osint_claims.extract_claims(example.text, published=example.published)
            predicted = [to_predicted(c, example.text) for c in claims]
        except Exception as exc:  # one bad sentence must not stop the benchmark
            report.raised += 1
            report.errors.append(f"{example.line}\tRAISED\t-\t{type(exc).__name__}: {exc}")
            continue
        report.predicted += len(predicted)
        pairs = match(example.claims, predicted)
        report.matched += len(pairs)
        for truth, guess in pairs:
            for name in FIELDS:
                if truth.fields[name] == guess.fields[name]:
                    report.right[name] += 1
                else:
                    report.errors.append(
                        f"{example.line}\t{name}\t{truth.fields[name]}\t{guess.fields[name]}"
                        f"\t[{truth.figure}]"
                    )
        paired_truth = {id(t) for t, _ in pairs}
        paired_guess = {id(g) for _, g in pairs}
        for truth in example.claims:
            if id(truth) not in paired_truth:
                report.errors.append(f"{example.line}\tMISSED\t{truth.figure}\t-")
        for guess in predicted:
            if id(guess) not in paired_guess:
                report.errors.append(f"{example.line}\tSPURIOUS\t-\t{guess.figure}")
    return report


def format_report(report: Report) -> str:
    """The scores."""
    precision = report.matched / report.predicted if report.predicted else 0.0
    recall = report.matched / report.expected if report.expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    lines = [
        f"sentences:   {report.sentences}",
        f"expected:    {report.expected}",
        f"predicted:   {report.predicted}",
        f"matched:     {report.matched}",
        f"precision:   {precision:.3f}",
        f"recall:      {recall:.3f}",
        f"F1:          {f1:.3f}",
        "",
        f"{'field':<12}{'right':>7}{'of':>6}{'accuracy':>10}",
    ]
    for name in FIELDS:
        right = report.right[name]
        accuracy = right / report.matched if report.matched else 0.0
        lines.append(f"{name:<12}{right:>7}{report.matched:>6}{accuracy:>10.3f}")
    if report.raised:
        lines.append(f"\nsentences where the extractor raised: {report.raised}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- command line


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="evaluation JSONL")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="print every mismatch: line, field, expected, got (tab-separated)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit status."""
    args = _parse_args(argv)
    _context.print_header()
    try:
        examples = load_examples(args.data)
    except (OSError, DataError) as exc:
        print(f"error: {args.data}: {exc}", file=sys.stderr)
        return 2
    report = evaluate(examples)
    print(f"data: {args.data}")
    print()
    if args.errors:
        print("line\tfield\texpected\tgot")
        print("\n".join(report.errors) if report.errors else "no mismatches")
        print()
    print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
