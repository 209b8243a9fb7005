"""The fuzz suite that stays (issue 14): hypothesis properties over the public functions, on
the input families of ``benchmarks/_families.py`` (huge figures, case-folding letters,
blanks of every kind, mixed scripts, damaged sentences).

Each example is a family and a random generator hypothesis draws (and shrinks). The number
of examples per property is ``OSINT_CLAIMS_FUZZ_EXAMPLES`` (default 500: the whole suite
stays well under ten minutes on the project's 2-core machine); ``benchmarks/fuzz.py`` runs
100,000 inputs of the same families and prints what they did.
"""

from __future__ import annotations

import decimal
import os
import random
import sys
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from _families import FAMILIES, family_names

EXAMPLES = int(os.environ.get("OSINT_CLAIMS_FUZZ_EXAMPLES", "500"))
fuzz = settings(
    max_examples=EXAMPLES,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
texts = st.builds(
    lambda name, rng: FAMILIES[name](rng),
    st.sampled_from(family_names()),
    st.randoms(use_true_random=False),
)
HOSTILE = decimal.Context(prec=3, Emax=9, Emin=-9, traps=[decimal.Inexact, decimal.Rounded])


def _holds(text: str, quantity: Quantity) -> None:
    """The invariants of a quantity read from ``text``."""
    start, end = quantity.span.start, quantity.span.end
    assert 0 <= start <= end <= len(text)
    assert text[start:end] == quantity.text
    low, value, high = quantity.low, quantity.value, quantity.high
    for figure in (low, value, high):
        assert figure is None or in_range(figure)
    if low is not None and high is not None:
        assert low <= high
    if value is not None:
        assert low is None or low <= value
        assert high is None or value <= high


@fuzz
@given(texts)
@example("10000000000000000000 billion")
@example("$10000000000000000000bn were pledged, officials said.")
@example("1,234,567 troops \u2009\u2028 ſome 300 drones, 5 kilometreſ")
def test_extract_quantities_reads_every_family_and_holds_its_invariants(text: str) -> None:
    quantities = extract_quantities(text)
    for quantity in quantities:
        _holds(text, quantity)
    assert from_json(to_json(quantities), list[Quantity]) == quantities


@fuzz
@given(texts)
def test_the_decimal_context_changes_nothing(text: str) -> None:
    expected = extract_quantities(text)
    with decimal.localcontext(HOSTILE):
        assert extract_quantities(text) == expected


@fuzz
@given(texts)
@example("10000000000000000trillion")
@example("1.2345678901234567890123456789 million")
def test_parse_number_gives_a_figure_in_range_none_or_the_range_error(text: str) -> None:
    for candidate in (text, *text.split(",")[:3]):
        try:
            value = parse_number(candidate)
        except FigureRangeError as error:
            assert error.where == "parse_number"
            continue
        assert value is None or (isinstance(value, Decimal) and in_range(value))


@fuzz
@given(texts)
def test_parse_quantity_gives_the_first_quantity_or_the_range_error(text: str) -> None:
    try:
        quantity = parse_quantity(text)
    except FigureRangeError as error:
        assert error.where == "parse_quantity"
        return
    found = extract_quantities(text)
    assert quantity == (found[0] if found else None)


@fuzz
@given(texts)
@example("ſent 3 troops, the miniſtry ſaid")
def test_read_article_and_extract_claims_read_every_family(text: str) -> None:
    article = read_article(text)
    for segment in article.segments:
        assert article.text[segment.span.start : segment.span.end] == segment.text
    claims = extract_claims(article)
    for claim in claims:
        if not claim.derived:
            _holds(article.text, claim.quantity)
    assert from_json(to_json(claims), list[Claim]) == claims


@settings(max_examples=max(EXAMPLES // 4, 10))
@given(st.randoms(use_true_random=False))
def test_a_family_is_a_function_of_its_generator(rng: random.Random) -> None:
    # What lets a seed reproduce a run of benchmarks/fuzz.py.
    seed = rng.randrange(2**32)
    for family in FAMILIES.values():
        assert family(random.Random(seed)) == family(random.Random(seed))
