"""Figures beyond what the model holds, and the caller's decimal context (issue 14).

A figure holds at most 28 significant digits and lies below 10**28: beyond that it is out
of range. ``extract_*`` pass it over (no quantity, no exception, the rest still read);
``parse_number`` and ``parse_quantity`` raise ``FigureRangeError``. Nothing is rounded to
fit. The caller's decimal context never changes a result, nor makes one raise.
"""

from __future__ import annotations

import decimal
import pickle
from datetime import date
from decimal import Decimal

import pytest

from osint_claims import (
    Bound,
    Claim,
    FigureRangeError,
    Predicate,
    Quantity,
    Tolerance,
    compare,
    consensus,
    convert,
    extract_claims,
    extract_quantities,
    parse_number,
    parse_quantity,
    share,
    to_json,
    total,
)
from osint_claims._decimals import in_range, product, whole_share
from osint_claims._figures import figure_text

# Numerals out of range, alone: parse_number raises, extract_quantities finds nothing.
OUT_OF_RANGE = [
    "10000000000000000000 billion",
    "10000000000000000trillion",
    "1.2345678901234567890123456789 million",
    "12345678901234567890123456789",
    "1" * 31,
    "1" * 5_000,
    "10,000,000,000,000,000,000,000,000,000",
    "999,999,999,999,999,999,999,999,999.99",
    "0.00000000000000000000000000001",
]

# At the edge, in range: read exactly.
IN_RANGE = [
    ("9999999999999999999999999999", Decimal("9999999999999999999999999999")),
    ("999999999999999999 billion", Decimal("999999999999999999000000000")),
    ("1.234567890123456789012345678 million", Decimal("1234567.890123456789012345678")),
    ("0000000000000000000000000000001", Decimal(1)),
    ("1,234,567", Decimal(1234567)),
    ("1,000,000,000,000,000,000,000,000,000", Decimal(10**27)),
    ("999,999,999,999,999,999,999,999,999.9", Decimal("999999999999999999999999999.9")),
]


@pytest.mark.parametrize("text", OUT_OF_RANGE)
def test_parse_number_reports_a_figure_out_of_range(text: str) -> None:
    with pytest.raises(FigureRangeError) as caught:
        parse_number(text)
    assert caught.value.where == "parse_number"
    assert caught.value.figure == text


@pytest.mark.parametrize("text", OUT_OF_RANGE)
def test_extract_quantities_passes_over_a_figure_out_of_range(text: str) -> None:
    assert extract_quantities(f"{text} troops") == []
    # What comes after it is still read.
    [after] = extract_quantities(f"{text} troops and 300 tanks")
    assert (after.value, after.item) == (Decimal(300), "tanks")


@pytest.mark.parametrize(("text", "value"), IN_RANGE)
def test_figures_at_the_edge_of_the_range_read_exactly(text: str, value: Decimal) -> None:
    assert parse_number(text) == value
    [quantity] = extract_quantities(f"{text} troops")
    assert quantity.value == value


def test_parse_quantity_reports_an_out_of_range_figure_that_would_come_first() -> None:
    with pytest.raises(FigureRangeError, match="parse_quantity"):
        parse_quantity("$10000000000000000000bn in aid")
    with pytest.raises(FigureRangeError):
        parse_quantity("10000000000000000000 billion troops and 300 tanks")
    first = parse_quantity("300 tanks and 10000000000000000000 billion troops")
    assert first is not None and first.value == 300


def test_a_range_whose_scaled_end_is_out_of_range_is_no_range() -> None:
    found = extract_quantities("from 10000000000000000 to 12 trillion dollars")
    assert [q.value for q in found] == [Decimal(10000000000000000), Decimal(12 * 10**12)]


def test_an_error_out_of_range_names_the_figure_and_pickles() -> None:
    error = FigureRangeError("parse_number", "1" * 100)
    assert len(str(error)) < 200
    again = pickle.loads(pickle.dumps(error))
    assert (again.where, again.figure) == ("parse_number", "1" * 100)


def test_the_range_rule() -> None:
    assert in_range(Decimal("1E+27")) and not in_range(Decimal("1E+28"))
    assert in_range(Decimal("-9.999999999999999999999999999E+27"))
    assert in_range(Decimal("1E-28")) and not in_range(Decimal("1E-29"))
    assert not in_range(Decimal("Infinity")) and not in_range(Decimal("sNaN"))
    assert product(Decimal(10**14), Decimal(10**13)) == Decimal(10**27)
    assert product(Decimal(10**14), Decimal(10**14)) is None
    assert whole_share(Decimal(10**27) * 9, Decimal(2)) is None


# The caller's decimal context, however odd, never changes a result nor makes one raise.
HOSTILE_CONTEXTS = [
    decimal.Context(prec=5),
    decimal.Context(prec=1),
    decimal.Context(traps=[decimal.Inexact]),
    decimal.Context(traps=[decimal.Inexact, decimal.Rounded, decimal.Clamped]),
    decimal.Context(Emax=5, Emin=-5),
    decimal.Context(prec=3, rounding=decimal.ROUND_DOWN, Emax=3, Emin=-3),
]

TEXTS = [
    "1,234,567 troops",
    "1.2 million troops and 2.5bn dollars",
    "two-thirds of the 4,000 casualties",
    "between 10,000 and 12,333 soldiers, one in six wounded",
    "tens of thousands of people, a quarter of a million refugees",
    "about 500 square miles, 70 or 80,000 fighters, 3.5m",
    "1.2345678901234567890123456789 troops",
]


def _everything() -> list[object]:
    """The results of the figure-handling public functions on TEXTS."""
    results: list[object] = []
    for text in TEXTS:
        quantities = extract_quantities(text)
        results += [to_json(quantities), [q.best for q in quantities]]
        results += [figure_text(q) for q in quantities]
    results.append([parse_number(t) for t in ("two-thirds", "1.5 million", "one in six")])
    base = Claim(
        Quantity(Decimal(4000), Decimal(4000), Decimal(4000), approximate=True, item="casualties"),
        Predicate.CASUALTIES,
    )
    third = Claim(
        Quantity.exact(parse_number("two-thirds") or 0, unit="fraction"), Predicate.KILLED
    )
    killed = Claim(Quantity.exact(Decimal(1234567), item="killed"), Predicate.KILLED)
    wounded = Claim(
        Quantity(None, Decimal(10000), Decimal(12333), item="wounded"), Predicate.WOUNDED
    )
    area = Claim(Quantity.exact(Decimal("512.345"), unit="mi2"), Predicate.SEIZED)
    results.append(to_json(share(third, base)))
    results.append(to_json(total([killed, wounded])))
    results.append(to_json(convert(area, "km2")))
    results.append(str(compare(killed, wounded)))
    results.append(str(compare(base, killed, tolerance=Tolerance(relative=Decimal("0.13")))))
    agreed = consensus([killed, wounded, base])
    results.append((agreed.low, agreed.best, agreed.high, agreed.conservative))
    results.append(Tolerance().interval(wounded))
    return results


def test_the_callers_decimal_context_changes_no_result() -> None:
    expected = _everything()
    for context in HOSTILE_CONTEXTS:
        with decimal.localcontext(context):
            assert _everything() == expected, context
            # ... and is left as the caller set it.
            assert decimal.getcontext().prec == context.prec


def test_a_midpoint_is_computed_in_the_librarys_context() -> None:
    quantity = Quantity(None, Decimal(1), Decimal(2), Bound.RANGE)
    with decimal.localcontext(prec=1):
        assert quantity.best == Decimal("1.5")


def test_extract_claims_passes_over_a_pledge_out_of_range() -> None:
    assert extract_claims("$10000000000000000000bn were pledged, officials said.") == []
    [claim] = extract_claims("$10000000000000000000bn and $3bn were pledged, officials said.")
    assert claim.quantity.value == Decimal(3 * 10**9)


# A share of a base is derived in the library's context, whatever the caller's is.
def test_extract_claims_derives_a_share_in_the_librarys_context() -> None:
    text = "Around 4,000 casualties, with two-thirds killed, Zelensky said."
    expected = to_json(extract_claims(text, published=date(2025, 3, 27)))
    with decimal.localcontext(decimal.Context(traps=[decimal.Inexact])):
        assert to_json(extract_claims(text, published=date(2025, 3, 27))) == expected
