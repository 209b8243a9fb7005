"""Private interval arithmetic on figures: the values a quantity allows.

An :class:`Interval` has Decimal ends; ``None`` is unbounded. ``low_open``/``high_open``
mark strict ends ("more than 1,000" excludes 1,000).

>>> from decimal import Decimal
>>> Interval(Decimal(10), Decimal(12)).contains(Interval(Decimal(11), Decimal(11)))
True
>>> half_unit(Decimal(11000)), half_unit(Decimal(220)), half_unit(Decimal("1.25"))
(Decimal('500'), Decimal('5'), Decimal('0.005'))
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from ._decimals import CONTEXT, FIGURE_DIGITS
from .model import Bound, Quantity

_HALF = Decimal("0.5")
_CENTS = Decimal("0.01")


def half_unit(value: Decimal) -> Decimal:
    """Half a unit of the last significant digit of ``value``: the rounding it allows.

    >>> half_unit(Decimal(4000)), half_unit(Decimal(0))
    (Decimal('500'), Decimal('0.5'))
    """
    if value == 0:
        return _HALF
    exponent = value.normalize(CONTEXT).as_tuple().exponent
    assert isinstance(exponent, int)  # finite figures only: Quantity rejects the rest
    if 0 < exponent <= FIGURE_DIGITS:
        return Decimal(5 * 10 ** (exponent - 1))  # written out: 500, not 5E+2
    return Decimal((0, (5,), exponent - 1))


def rounds_to(value: Decimal, rounded: Decimal) -> bool:
    """Whether ``rounded`` could be ``value`` rounded at ``rounded``'s last digit.

    >>> rounds_to(Decimal(11400), Decimal(11000)), rounds_to(Decimal(11000), Decimal(11400))
    (True, False)
    """
    return CONTEXT.abs(CONTEXT.subtract(value, rounded)) <= half_unit(rounded)


@attrs.frozen(slots=True)
class Interval:
    """The values a figure allows; ``None`` ends are unbounded."""

    low: Decimal | None
    high: Decimal | None
    low_open: bool = False
    high_open: bool = False

    @classmethod
    def of(cls, quantity: Quantity) -> Interval:
        """The values ``quantity`` states, before any tolerance."""
        bound = quantity.bound
        return cls(
            quantity.low,
            quantity.high,
            low_open=bound is Bound.MORE_THAN,
            high_open=bound is Bound.LESS_THAN,
        )

    def widened(self, low_margin: Decimal, high_margin: Decimal) -> Interval:
        """This interval with each finite end pushed out by its margin."""
        return Interval(
            None if self.low is None else CONTEXT.subtract(self.low, low_margin),
            None if self.high is None else CONTEXT.add(self.high, high_margin),
            self.low_open,
            self.high_open,
        )

    def scaled(self, factor: Decimal) -> Interval:
        """This interval times a positive ``factor`` (a unit conversion)."""
        return Interval(
            None if self.low is None else CONTEXT.multiply(self.low, factor),
            None if self.high is None else CONTEXT.multiply(self.high, factor),
            self.low_open,
            self.high_open,
        )

    @property
    def point(self) -> Decimal | None:
        """The single value when the interval allows only one."""
        if self.low is not None and self.low == self.high:
            return self.low
        return None

    def _low_key(self) -> tuple[int, Decimal, int]:
        # Orders lower ends: unbounded first, then by value, a closed end before an open one.
        if self.low is None:
            return (0, Decimal(0), 0)
        return (1, self.low, 1 if self.low_open else 0)

    def _high_key(self) -> tuple[int, Decimal, int]:
        # Orders upper ends: by value, an open end before a closed one, unbounded last.
        if self.high is None:
            return (1, Decimal(0), 0)
        return (0, self.high, 0 if self.high_open else 1)

    def contains(self, other: Interval) -> bool:
        """Whether every value ``other`` allows, this one allows too."""
        return self._low_key() <= other._low_key() and other._high_key() <= self._high_key()

    def overlaps(self, other: Interval) -> bool:
        """Whether some value is allowed by both."""
        return not (self.below(other) or other.below(self))

    def below(self, other: Interval) -> bool:
        """Whether every value of this interval lies below every value of ``other``."""
        if self.high is None or other.low is None:
            return False
        if self.high < other.low:
            return True
        return self.high == other.low and (self.high_open or other.low_open)

    def describe(self) -> str:
        """The interval in mathematical notation: "[10000, 12000]", "(1000, ∞)"."""
        low = "-∞" if self.low is None else plain(self.low)
        high = "∞" if self.high is None else plain(self.high)
        left = "(" if self.low is None or self.low_open else "["
        right = ")" if self.high is None or self.high_open else "]"
        return f"{left}{low}, {high}{right}"


def plain(value: Decimal) -> str:
    """A figure as people read it: no exponent, whole above 100, else at most 2 decimals.

    >>> plain(Decimal("1.1E+4")), plain(Decimal("2666.6667")), plain(Decimal("0.6667"))
    ('11000', '2667', '0.67')
    """
    whole = value.to_integral_value(context=CONTEXT)
    if value == whole or CONTEXT.abs(value) >= 100:
        return f"{whole:f}"
    return f"{value.quantize(_CENTS, context=CONTEXT).normalize(CONTEXT):f}"
