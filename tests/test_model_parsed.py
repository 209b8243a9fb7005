"""``Quantity._parsed``, the parsers' constructor, agrees with ``Quantity(..., Span(...))``."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from osint_claims.errors import ModelError
from osint_claims.model import Bound, Change, Quantity, Span

_FIGURES = st.none() | st.sampled_from(
    [Decimal(text) for text in ("0", "5", "5.0", "6", "-1", "Infinity", "NaN", "sNaN")]
)


def _outcome(build: object) -> object:
    try:
        return build() if callable(build) else build
    except (ModelError, ArithmeticError) as error:
        return type(error), str(error)


@given(
    value=_FIGURES,
    low=_FIGURES,
    high=_FIGURES,
    bound=st.sampled_from(Bound),
    approximate=st.booleans(),
    change=st.none() | st.sampled_from(Change),
    word=st.none() | st.text(max_size=3),
    start=st.integers(-2, 5),
    end=st.integers(-2, 5),
    text=st.text(max_size=3),
)
def test_parsed_is_the_constructor(
    *,
    value: Decimal | None,
    low: Decimal | None,
    high: Decimal | None,
    bound: Bound,
    approximate: bool,
    change: Change | None,
    word: str | None,
    start: int,
    end: int,
    text: str,
) -> None:
    def public() -> Quantity:
        span = Span(start, end)
        return Quantity(value, low, high, bound, approximate, change, word, word, word, span, text)

    def parsed() -> Quantity:
        return Quantity._parsed(
            value,
            low,
            high,
            bound=bound,
            approximate=approximate,
            change=change,
            unit=word,
            item=word,
            per=word,
            start=start,
            end=end,
            text=text,
        )

    expected, got = _outcome(public), _outcome(parsed)
    assert type(got) is type(expected)
    if isinstance(expected, Quantity):
        assert isinstance(got, Quantity)
        assert repr(got) == repr(expected)
        assert got == expected
        assert hash(got) == hash(expected)
    else:
        assert got == expected
