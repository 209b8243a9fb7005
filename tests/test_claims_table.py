"""Claims against the analyst-readable tables ``tests/cases/claims.txt`` (sentences) and
``tests/cases/related.txt`` (pages read with ``related=True``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from osint_claims import ActorRegistry, Claim, extract_claims
from tables import Case, read_table

PUBLISHED = date(2025, 3, 27)
SENTENCES = read_table("claims.txt")
PAGES = read_table("related.txt")


def _names(names: str) -> list[str]:
    registry = ActorRegistry.default()
    ids = []
    for name in names.split(","):
        actor = registry.resolve(name.strip())
        assert actor is not None, f"the registry does not know {name!r}"
        ids.append(actor.id)
    return ids


def _shown(claim: Claim, key: str, expected: str) -> tuple[object, object]:
    """What the claim shows for ``key``, and what the table asks for, comparable."""
    quantity = claim.quantity
    if key in ("value", "low", "high"):
        value = getattr(quantity, key)
        return value, Decimal(expected)
    if key in ("subject", "recipient"):
        actor = getattr(claim, key)
        return (actor.id if actor else "none"), (
            _names(expected)[0] if expected != "none" else "none"
        )
    if key == "originators":
        return [a.id for a in claim.attribution.originators], _names(expected) if expected else []
    if key == "derived_from":
        return [str(q.value) for q in claim.derived_from], expected.split(",")
    shown = {
        "item": quantity.item,
        "predicate": claim.predicate.key,
        "hedge": claim.hedge.value,
        "derived": "yes" if claim.derived else "no",
        "segment": claim.evidence.segment.name,
        "period": f"{claim.period.start}..{claim.period.end}" if claim.period else "none",
        "as_of": str(claim.as_of),
    }.get(key, f"<unknown key {key}>")
    return shown, expected


def _check(case: Case, related: bool) -> None:
    claims = extract_claims(case.text, published=PUBLISHED, related=related)
    summary = [(c.quantity.text, c.quantity.item, c.evidence.segment.name) for c in claims]
    assert len(claims) == len(case.expected), f"line {case.line}: got {summary}"
    for claim, expected in zip(claims, case.expected, strict=True):
        for key, value in expected.items():
            shown, wanted = _shown(claim, key, value)
            assert shown == wanted, f"line {case.line}: {key} is {shown!r}, expected {wanted!r}"


@pytest.mark.parametrize("case", SENTENCES, ids=[c.id for c in SENTENCES])
def test_sentence_table(case: Case) -> None:
    _check(case, related=False)


@pytest.mark.parametrize("case", PAGES, ids=[c.id for c in PAGES])
def test_related_table(case: Case) -> None:
    _check(case, related=True)
