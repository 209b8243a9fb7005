"""Score ``osint_claims.extract_claims`` against the hand-annotated claim sets.

Run from the repository root::

    python benchmarks/evaluate_claims.py                 # both sets
    python benchmarks/evaluate_claims.py --set articles  # the news pages only
    python benchmarks/evaluate_claims.py --errors        # plus every mismatch, one per line

Two sets:

- ``sentences`` (``benchmarks/eval/claims.jsonl``): one sentence (or short snippet) per line,
  its publication date and its expected claims, annotated following ``docs/claims.md`` and
  ``docs/dates.md``; actors by registry id or, for those the registry does not know, names.
- ``articles`` (``benchmarks/eval/articles/``): whole news pages from many conflicts and
  outlets, each a ``.txt`` page and a ``.json`` annotation written before the library ran on
  it (``benchmarks/eval/articles/README.md``), scored by split (``dev``, ``test``) and in
  all. Actors are registry ids or, for those the registry does not know, names.

A predicted claim matches an expected one when the expected figure overlaps the claim's
quantity span; pairs are taken greedily in text order. Field accuracy is counted over
matched pairs only; precision and recall count matched pairs against all predicted and all
expected claims. It prints and never asserts.

How actors compare (both sets): an expected id, or a name the registry resolves, matches the
same registered actor; ``subject`` and ``agent`` compare the state a force or body belongs
to ("il-idf" is Israel's side, as "il" is). An expected name the registry does not know
matches a predicted actor whose name (or alias) has the same words, states named in any
form ("Malian", "Mali") counted as one word, or all the distinctive words of the other
("Diallo" for "Amina Diallo"; "army" alone is not distinctive).
"""

from __future__ import annotations

import argparse
import json
import re
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
FIELDS = (
    "predicate",
    "subject",
    "agent",
    "recipient",
    "originator",
    "hedge",
    "period",
    "cumulative",
)
SENTENCE_ACTORS = ("subject", "agent", "recipient", "originator")

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
    fields: dict[str, Any]


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


def to_predicted(claim: Any, text: str) -> Predicted:
    """Read the scored fields off one ``Claim``."""
    span = claim.quantity.span
    period = claim.period
    values: dict[str, Any] = {
        "predicate": str(claim.predicate.key),
        "subject": claim.subject,
        "agent": claim.agent,
        "recipient": claim.recipient,
        "originator": claim.attribution.originator,
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


def evaluate(examples: Sequence[Example], matcher: ActorMatcher) -> Report:
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
                want, got = truth.fields[name], guess.fields[name]
                if name in SENTENCE_ACTORS:
                    role = "subject" if name == "recipient" else name
                    right = matcher.same(want if isinstance(want, str) else None, got, role)
                else:
                    right = want == got
                if right:
                    report.right[name] += 1
                else:
                    report.errors.append(
                        f"{example.line}\t{name}\t{want}\t{_shown(got)}\t[{truth.figure}]"
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


# --------------------------------------------------------------------------- articles

ARTICLES = REPO_ROOT / "benchmarks" / "eval" / "articles"
ARTICLE_FIELDS = ("predicate", "subject", "agent", "originator", "hedge")
ACTOR_FIELDS = ("subject", "agent", "originator")
# Words too common in names of bodies to tell two apart on their own.
GENERIC = frozenset(
    """the a an of for and in at on to from s army military forces force ministry
    government officials official authorities police office agency group network
    council committee health defence defense interior foreign security armed
    spokesman spokeswoman spokesperson national state local regional media""".split()
)


@dataclass(frozen=True)
class ArticleClaim:
    """One expected claim of a page: where its figure stands and its fields."""

    figure: str
    start: int
    end: int
    fields: dict[str, str | None]


@dataclass(frozen=True)
class Article:
    """One annotated page."""

    name: str
    text: str
    published: date
    split: str
    claims: tuple[ArticleClaim, ...]
    not_claims: tuple[tuple[int, int], ...]


@dataclass
class ArticleReport:
    """Totals over a set of pages."""

    articles: int = 0
    expected: int = 0
    predicted: int = 0
    matched: int = 0
    named: int = 0  # matched claims whose expected originator is not null
    named_right: int = 0
    not_claim_hits: int = 0
    right: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    raised: int = 0


def _place(text: str, raw: dict[str, Any], where: str) -> tuple[int, int]:
    figure, context = raw.get("figure"), raw.get("context")
    if not isinstance(figure, str) or not isinstance(context, str):
        raise DataError(f"{where}: 'figure' and 'context' must be strings")
    at = text.find(context)
    if at < 0 or text.find(context, at + 1) >= 0:
        raise DataError(f"{where}: context {context!r} is not found exactly once")
    inner = context.find(figure)
    if inner < 0:
        raise DataError(f"{where}: figure {figure!r} is not in its context")
    return at + inner, at + inner + len(figure)


def load_articles(folder: Path) -> list[Article]:
    """Read and validate every annotated page of ``folder``."""
    articles = []
    for path in sorted(folder.glob("*.json")):
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        raw = json.loads(path.read_text(encoding="utf-8"))
        claims = []
        for index, item in enumerate(raw.get("claims", [])):
            where = f"{path.name}: claim {index + 1}"
            start, end = _place(text, item, where)
            fields = {name: item.get(name) for name in ARTICLE_FIELDS}
            claims.append(ArticleClaim(item["figure"], start, end, fields))
        not_claims = tuple(
            _place(text, item, f"{path.name}: not_claim {index + 1}")
            for index, item in enumerate(raw.get("not_claims", []))
        )
        articles.append(
            Article(
                path.stem,
                text,
                date.fromisoformat(raw["published"]),
                str(raw.get("split", "dev")),
                tuple(sorted(claims, key=lambda c: c.start)),
                not_claims,
            )
        )
    return articles


class ActorMatcher:
    """Decides whether a predicted actor is the annotated one (see the module docstring)."""

    def __init__(self) -> None:
        self.registry = osint_claims.ActorRegistry.default()

    def _root(self, actor: Any) -> str:
        """The side an actor stands for: its state, or the armed group itself."""
        for link in self.registry.lineage(actor.id):
            if link.kind.value in ("state", "armed_group"):
                return str(link.id)
        return str(actor.id)

    def _words(self, name: str) -> frozenset[str]:
        words = set()
        for raw in re.findall(r"[\w'-]+", name):
            written = raw.removesuffix("'s").strip("'")
            word = written.lower()
            # as written first: some names match only with their capitals ("Niger")
            actor = None
            if word:
                actor = self.registry.resolve(written) or self.registry.resolve(word)
            if actor is not None and actor.kind.value == "state":
                words.add(str(actor.id))
            elif word:
                words.update(part for part in word.split("-") if part)
        return frozenset(words)

    def _names_match(self, expected: str, names: Sequence[str]) -> bool:
        want = self._words(expected)
        for name in names:
            got = self._words(name)
            if not want or not got:
                continue
            if want == got:
                return True
            small, large = (want, got) if len(want) <= len(got) else (got, want)
            if small <= large and small - GENERIC:
                return True
        return False

    def same(self, expected: str | None, actor: Any, role: str) -> bool:
        if expected is None or actor is None:
            return expected is None and actor is None
        known = self.registry.get(expected) or self.registry.resolve(expected)
        registered = self.registry.get(actor.id) == actor
        if known is not None:
            if role != "originator":
                return self._root(known) == (self._root(actor) if registered else actor.id)
            if registered:
                return bool(known.id == actor.id)
            return self._names_match(str(known.name), [actor.name])
        names = [actor.name, *actor.aliases]
        if role != "originator" and registered:
            names.extend(a.name for a in self.registry.lineage(actor.id))
        return self._names_match(expected, names)


def _article_predicted(claim: Any) -> dict[str, Any]:
    return {
        "predicate": str(claim.predicate.key),
        "subject": claim.subject,
        "agent": getattr(claim, "agent", None),
        "originator": claim.attribution.originator,
        "hedge": str(claim.hedge.value),
    }


def _shown(value: Any) -> str:
    if value is None or isinstance(value, (str, bool)):
        return str(value)
    return f"{value.id}|{value.name}"


def evaluate_articles(articles: Sequence[Article], matcher: ActorMatcher) -> ArticleReport:
    """Run ``extract_claims`` on every page and tally the scores."""
    report = ArticleReport(articles=len(articles))
    for article in articles:
        report.expected += len(article.claims)
        try:
            claims = osint_claims.extract_claims(article.text, published=article.published)
        except Exception as exc:  # one bad page must not stop the benchmark
            report.raised += 1
            report.errors.append(f"{article.name}\tRAISED\t-\t{type(exc).__name__}: {exc}")
            continue
        seen: set[tuple[int, int]] = set()
        predicted = []
        for claim in claims:
            span = (int(claim.quantity.span.start), int(claim.quantity.span.end))
            if span not in seen:  # derived claims share their figure's span
                seen.add(span)
                predicted.append((span, claim))
        report.predicted += len(predicted)
        taken = [False] * len(article.claims)
        for (start, end), claim in predicted:
            for index, truth in enumerate(article.claims):
                if not taken[index] and truth.start < end and start < truth.end:
                    taken[index] = True
                    report.matched += 1
                    _score_pair(report, matcher, article, truth, claim)
                    break
            else:
                hit = any(a < end and start < b for a, b in article.not_claims)
                report.not_claim_hits += hit
                kind = "NOT-A-CLAIM" if hit else "SPURIOUS"
                report.errors.append(f"{article.name}\t{kind}\t-\t{article.text[start:end]}")
        for index, truth in enumerate(article.claims):
            if not taken[index]:
                report.errors.append(f"{article.name}\tMISSED\t{truth.figure}\t-")
    return report


def _score_pair(
    report: ArticleReport, matcher: ActorMatcher, article: Article, truth: ArticleClaim, claim: Any
) -> None:
    got = _article_predicted(claim)
    for name in ARTICLE_FIELDS:
        wanted = truth.fields[name]
        if name in ACTOR_FIELDS:
            right = matcher.same(wanted, got[name], name)
        else:
            right = wanted == got[name] or (
                name == "hedge" and wanted is None and got[name] == "stated"
            )
        if right:
            report.right[name] += 1
        else:
            report.errors.append(
                f"{article.name}\t{name}\t{wanted}\t{_shown(got[name])}\t[{truth.figure}]"
            )
        if name == "originator" and wanted is not None:
            report.named += 1
            report.named_right += right


def format_article_report(title: str, report: ArticleReport) -> str:
    """The scores of one set of pages."""
    precision = report.matched / report.predicted if report.predicted else 0.0
    recall = report.matched / report.expected if report.expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    lines = [
        f"{title}: {report.articles} pages, {report.expected} expected, "
        f"{report.predicted} predicted, {report.matched} matched",
        f"  precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  "
        f"not-claims predicted: {report.not_claim_hits}",
    ]
    for name in ARTICLE_FIELDS:
        accuracy = report.right[name] / report.matched if report.matched else 0.0
        lines.append(f"  {name:<12}{report.right[name]:>5}{report.matched:>6}{accuracy:>8.3f}")
    named = report.named_right / report.named if report.named else 0.0
    lines.append(f"  {'originator where a source is named':<36}{named:.3f} of {report.named}")
    if report.raised:
        lines.append(f"  pages where the extractor raised: {report.raised}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- command line


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="evaluation JSONL")
    parser.add_argument("--articles", type=Path, default=ARTICLES, help="folder of annotated pages")
    parser.add_argument(
        "--set",
        choices=("all", "sentences", "articles"),
        default="all",
        help="which evaluation set to run (default: both)",
    )
    parser.add_argument(
        "--split",
        choices=("all", "dev", "test", "holdout"),
        default="all",
        help="with --errors, list the mismatches of this split of the pages only",
    )
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
    if args.set in ("all", "sentences"):
        try:
            examples = load_examples(args.data)
        except (OSError, DataError) as exc:
            print(f"error: {args.data}: {exc}", file=sys.stderr)
            return 2
        report = evaluate(examples, ActorMatcher())
        print(f"data: {args.data}")
        print()
        if args.errors:
            print("line\tfield\texpected\tgot")
            print("\n".join(report.errors) if report.errors else "no mismatches")
            print()
        print(format_report(report))
        print()
    if args.set in ("all", "articles"):
        try:
            articles = load_articles(args.articles)
        except (OSError, ValueError, KeyError, DataError) as exc:
            print(f"error: {args.articles}: {exc}", file=sys.stderr)
            return 2
        matcher = ActorMatcher()
        print(f"data: {args.articles}")
        splits = sorted({a.split for a in articles}, key=("dev", "test", "holdout").index)
        for split in (*splits, "all"):
            chosen = [a for a in articles if split in ("all", a.split)]
            report_a = evaluate_articles(chosen, matcher)
            if args.errors and split == args.split:
                print("page\tfield\texpected\tgot")
                print("\n".join(report_a.errors) if report_a.errors else "no mismatches")
            print(format_article_report(f"articles ({split})", report_a))
    return 0


if __name__ == "__main__":
    sys.exit(main())
