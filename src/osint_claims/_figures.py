"""Private: quantities and claims written the way an analyst reads them in a report.

>>> from decimal import Decimal
>>> from osint_claims.model import Bound, Quantity
>>> figure_text(Quantity(None, Decimal(10000), Decimal(12000), Bound.RANGE, approximate=True))
'~10,000–12,000'
>>> figure_text(Quantity(Decimal(1000), Decimal(1000), None, Bound.MORE_THAN))
'more than 1,000'
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ._intervals import plain
from .model import Actor, Bound, Claim, Quantity

_BOUND_WORDS = {
    Bound.AT_LEAST: "at least ",
    Bound.MORE_THAN: "more than ",
    Bound.AT_MOST: "up to ",
    Bound.LESS_THAN: "fewer than ",
}


def number_text(value: Decimal) -> str:
    """A figure with thousands separators: 11000 -> "11,000", 2666.67 -> "2,667".

    >>> number_text(Decimal("11000")), number_text(Decimal("0.6667")), number_text(Decimal(-5))
    ('11,000', '0.67', '-5')
    """
    text = plain(value)
    whole, dot, decimals = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    grouped = f"{int(digits):,}"
    return f"{sign}{grouped}{dot}{decimals}"


def figure_text(quantity: Quantity) -> str:
    """The figure with its bound, approximation, unit and rate, without the counted item.

    >>> figure_text(Quantity.exact(Decimal(1300), unit="km2"))
    '1,300 km2'
    """
    if quantity.bound is Bound.RANGE and quantity.low is not None and quantity.high is not None:
        text = f"{number_text(quantity.low)}–{number_text(quantity.high)}"
    else:
        value = quantity.value
        if value is None:
            value = quantity.low if quantity.low is not None else quantity.high
        text = number_text(value) if value is not None else "?"
        text = _BOUND_WORDS.get(quantity.bound, "") + text
    if quantity.approximate:
        text = "~" + text
    if quantity.unit == "percent":
        text += "%"
    elif quantity.unit:
        text += f" {quantity.unit}"
    if quantity.per:
        text += f" a {quantity.per}"
    return text


def names_text(actors: Sequence[Actor]) -> str:
    """Names as a list is read aloud: "A", "A and B", "A, B and C".

    >>> from osint_claims.model import Actor
    >>> names_text([Actor("kr", "Seoul"), Actor("ua", "Kyiv"), Actor("us", "Washington")])
    'Seoul, Kyiv and Washington'
    """
    names = [actor.name for actor in actors]
    return names[0] if len(names) < 2 else f"{', '.join(names[:-1])} and {names[-1]}"


def claim_label(claim: Claim) -> str:
    """The figure and who stands behind it: "11,000 (Joint Chiefs of Staff)".

    >>> from osint_claims.model import Predicate
    >>> claim_label(Claim(Quantity.exact(Decimal(300)), Predicate.KILLED))
    '300 (unattributed)'
    """
    attribution = claim.attribution
    who = names_text(attribution.originators) if attribution.originators else ""
    if not who:
        who = attribution.outlet.name if attribution.outlet is not None else "unattributed"
    return f"{figure_text(claim.quantity)} ({who})"
