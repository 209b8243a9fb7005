"""Claims of the showcase articles, against the analyst-readable table
``tests/cases/seed_claims.txt``. Nothing in the library knows these texts."""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from osint_claims.actors import ActorRegistry
from osint_claims.articles import read_article
from osint_claims.claims import extract_claims
from osint_claims.model import Actor, Claim

ROOT = Path(__file__).resolve().parent.parent
TABLE = Path(__file__).parent / "cases" / "seed_claims.txt"


@dataclass(frozen=True)
class Expectation:
    line: int
    seed: str
    figure: str
    checks: dict[str, str]


def _read_table() -> list[Expectation]:
    rows = []
    for number, raw in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        seed, figure, checks = (part.strip() for part in raw.split(" | ", 2))
        parsed = {} if checks == "none" else dict(p.split("=", 1) for p in shlex.split(checks))
        rows.append(Expectation(number, seed, figure, parsed))
    return rows


@cache
def _claims(seed: str, related: bool = False) -> tuple[Claim, ...]:
    [path] = sorted((ROOT / "seeds").glob(f"{seed}_*.txt"))
    return tuple(extract_claims(read_article(path), related=related))


def _resolve(name: str) -> Actor:
    actor = ActorRegistry.default().resolve(name)
    assert actor is not None, f"the registry does not know {name!r}"
    return actor


def _check(claim: Claim, key: str, expected: str) -> None:
    quantity = claim.quantity
    attribution = claim.attribution
    actual: object
    if key in ("value", "low", "high"):
        actual = getattr(quantity, key)
        assert actual is not None and Decimal(str(actual)) == Decimal(expected), (key, actual)
        return
    if key in ("subject", "recipient"):
        assert getattr(claim, key) == _resolve(expected), (key, getattr(claim, key))
        return
    if key == "originator":
        assert attribution.originator == _resolve(expected), (key, attribution.originator)
        return
    if key == "originators":
        wanted = [_resolve(name) for name in expected.split(",")]
        assert list(attribution.originators) == wanted, (key, attribution.originators)
        return
    if key == "outlet":
        assert attribution.outlet == _resolve(expected), (key, attribution.outlet)
        return
    if key == "via":
        if expected == "none":
            assert attribution.via == (), (key, attribution.via)
        else:
            assert _resolve(expected) in attribution.via, (key, attribution.via)
        return
    actual = {
        "predicate": claim.predicate.key,
        "hedge": claim.hedge.value,
        "bound": quantity.bound.name,
        "approx": "yes" if quantity.approximate else "no",
        "change": quantity.change.value if quantity.change else "none",
        "cumulative": {True: "yes", False: "no", None: "unknown"}[claim.cumulative],
        "per": quantity.per,
        "item": quantity.item,
        "segment": claim.evidence.segment.name,
        "unit": quantity.unit,
        "derived": "yes" if claim.derived else "no",
        "part_of": str(claim.part_of.value) if claim.part_of else "none",
        "period": f"{claim.period.start}..{claim.period.end}" if claim.period else "none",
    }.get(key, f"<unknown key {key}>")
    assert actual == expected, (key, actual)


EXPECTATIONS = _read_table()


@pytest.mark.parametrize(
    "row", EXPECTATIONS, ids=[f"L{r.line}:{r.seed}:{r.figure}" for r in EXPECTATIONS]
)
def test_seed_claim(row: Expectation) -> None:
    related = row.checks.get("related") == "yes"
    found = [c for c in _claims(row.seed, related) if c.quantity.text.startswith(row.figure)]
    if not row.checks:
        assert found == [], f"line {row.line}: expected no claim, got {len(found)}"
        return
    nth = int(row.checks.get("nth", "1"))
    assert len(found) >= nth, f"line {row.line}: no claim for {row.figure!r}"
    claim = found[nth - 1]
    for key, expected in row.checks.items():
        if key not in ("nth", "related"):
            _check(claim, key, expected)


def test_page_furniture_yields_no_claims() -> None:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        article = read_article(path)
        carrying = {s.span for s in article.sentences}
        for claim in extract_claims(article):
            assert any(span.start <= claim.quantity.span.start < span.end for span in carrying), (
                claim.quantity.text
            )
