"""The quantity parser against the analyst-readable table ``tests/cases/quantities.txt``."""

from __future__ import annotations

from decimal import Decimal

import pytest

from osint_claims import Quantity, extract_quantities
from tables import Case, read_table

CASES = read_table("quantities.txt")


def _shown(quantity: Quantity, key: str) -> str:
    """The value of one checked field, written as the table writes it."""
    if key == "approx":
        return "yes" if quantity.approximate else "no"
    if key == "bound":
        return quantity.bound.name
    if key == "change":
        return quantity.change.value if quantity.change else "none"
    value = getattr(quantity, key)
    return "none" if value is None else str(value)


def _same(key: str, shown: str, expected: str) -> bool:
    if key in ("value", "low", "high") and shown != "none" and expected != "none":
        return Decimal(shown) == Decimal(expected)
    return shown == expected


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_table(case: Case) -> None:
    found = extract_quantities(case.text)
    summary = [(q.text, q.value, q.bound.name, q.unit, q.item) for q in found]
    assert len(found) == len(case.expected), f"line {case.line}: got {summary}"
    for quantity, expected in zip(found, case.expected, strict=True):
        for key, value in expected.items():
            shown = _shown(quantity, key)
            assert _same(key, shown, value), (
                f"line {case.line}: {key} is {shown}, expected {value} in {quantity.text!r}"
            )
        assert quantity.text == case.text[quantity.span.start : quantity.span.end]
        assert quantity.text == quantity.text.strip(), f"line {case.line}: span takes spaces"
