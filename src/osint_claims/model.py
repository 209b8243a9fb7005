"""The typed model: plain, frozen attrs classes and their enums.

Pure data: this module imports nothing else of ours but the errors, and knows no parser and
no JSON (see :mod:`osint_claims.serialize` for that).

>>> q = Quantity.exact(Decimal(3000), item="troops")
>>> q.low == q.high == q.value == Decimal(3000)
True
>>> q.bound
<Bound.EXACT: 'exact'>
"""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from .errors import ModelError

__all__ = ["Bound", "Change", "Quantity", "Span"]


class Bound(enum.Enum):
    """How the stated figure bounds the true one."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    RANGE = "range"


class Change(enum.Enum):
    """Whether a figure reports a change rather than a level."""

    INCREASE = "increase"
    DECREASE = "decrease"


def _check_span(instance: Span, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ModelError("Span", f"{attribute.name} {value} is negative")
    if attribute.name == "end" and value < instance.start:
        raise ModelError("Span", f"end {value} is before start {instance.start}")


@attrs.frozen(slots=True)
class Span:
    """Character offsets ``[start, end)`` into the string the caller passed.

    >>> Span(5, 10).slice("sent 3,000 troops")
    '3,000'
    >>> len(Span(4, 9))
    5
    """

    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field(validator=_check_span)

    def slice(self, text: str) -> str:
        """Return the part of ``text`` this span covers."""
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


def _optional_decimal(value: Decimal | int | str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


@attrs.frozen(slots=True)
class Quantity:
    """A number-and-unit phrase read from text: a figure, its bounds and what it counts.

    ``value`` is the single figure stated (``None`` for a range or a vague amount);
    ``low``/``high`` the interval it allows (``None`` = open). See ``docs/parsing.md``.

    >>> Quantity(value=None, low=Decimal(10000), high=Decimal(12000), bound=Bound.RANGE).high
    Decimal('12000')
    >>> Quantity(value=Decimal(5), low=Decimal(6), high=None, bound=Bound.AT_LEAST)
    Traceback (most recent call last):
    ...
    osint_claims.errors.ModelError: Quantity: low 6 is above value 5
    """

    value: Decimal | None = attrs.field(converter=_optional_decimal)
    low: Decimal | None = attrs.field(converter=_optional_decimal)
    high: Decimal | None = attrs.field(converter=_optional_decimal)
    bound: Bound = Bound.EXACT
    approximate: bool = False
    change: Change | None = None
    unit: str | None = None
    item: str | None = None
    per: str | None = None
    span: Span = Span(0, 0)
    text: str = ""

    def __attrs_post_init__(self) -> None:
        low, value, high = self.low, self.value, self.high
        if low is not None and value is not None and low > value:
            raise ModelError("Quantity", f"low {low} is above value {value}")
        if value is not None and high is not None and value > high:
            raise ModelError("Quantity", f"value {value} is above high {high}")
        if low is not None and high is not None and low > high:
            raise ModelError("Quantity", f"low {low} is above high {high}")
        if any(x is not None and not x.is_finite() for x in (low, value, high)):
            raise ModelError("Quantity", "figures must be finite numbers")

    @classmethod
    def exact(
        cls, value: Decimal | int | str, *, unit: str | None = None, item: str | None = None
    ) -> Quantity:
        """A plain stated figure: ``value == low == high``.

        >>> Quantity.exact(40, unit="percent").unit
        'percent'
        """
        figure = Decimal(value)
        return cls(value=figure, low=figure, high=figure, unit=unit, item=item)

    @property
    def best(self) -> Decimal | None:
        """The single figure that best stands for this quantity.

        The stated value, else the midpoint of a closed range, else the one bound given.

        >>> Quantity(value=None, low=Decimal(10), high=Decimal(12), bound=Bound.RANGE).best
        Decimal('11')
        """
        if self.value is not None:
            return self.value
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high
