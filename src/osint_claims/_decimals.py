"""Private: the library's own decimal arithmetic, and the figures it holds exactly.

Python's decimal arithmetic reads a context (precision, exponent limits, which signals
raise) that belongs to the caller's thread: a caller who sets ``getcontext().prec = 5``
or traps ``Inexact`` would otherwise change what the parsers read, or make them raise.
Every computation on figures here runs in :data:`CONTEXT` or :data:`EXACT` instead, passed
explicitly (``CONTEXT.multiply(a, b)``) or set around a public function by
:func:`in_context`; the caller's context is never read, and never changed.

Figures are held exactly when they have at most :data:`FIGURE_DIGITS` significant digits
and lie below ``10**FIGURE_DIGITS`` in size (and, unless zero, at or above
``10**-FIGURE_DIGITS``): see :func:`in_range`. A figure written beyond that is never
rounded to fit; the parsers report it as out of range.

>>> CONTEXT.prec == FIGURE_DIGITS
True
>>> in_range(Decimal("1.2e6")), in_range(Decimal("1e28")), in_range(Decimal("0.5"))
(True, False, True)
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Callable
from decimal import Decimal
from typing import Final, ParamSpec, TypeVar

__all__ = [
    "CONTEXT",
    "EXACT",
    "FIGURE_DIGITS",
    "in_context",
    "in_range",
    "product",
    "quotient",
    "tidy",
    "whole_share",
]

P = ParamSpec("P")
R = TypeVar("R")

# The precision of Python's default context: results computed in the default context
# stay what they were.
FIGURE_DIGITS: Final = 28
_TRAPS: Final = [decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow]

CONTEXT: Final = decimal.Context(
    prec=FIGURE_DIGITS,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    capitals=1,
    clamp=0,
    flags=[],
    traps=_TRAPS,
)
"""Where derived figures are computed: a midpoint, a share, a tolerance, a sum."""

EXACT: Final = decimal.Context(
    prec=4 * FIGURE_DIGITS,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    capitals=1,
    clamp=0,
    flags=[],
    traps=_TRAPS,
)
"""Wide enough that the product or sum of two figures in range is exact."""

# Rounds to FIGURE_DIGITS significant digits and raises where that loses a digit.
_SIGNIFICANT: Final = decimal.Context(
    prec=FIGURE_DIGITS,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[*_TRAPS, decimal.Inexact],
)
_ONE: Final = Decimal(1)


def in_range(value: Decimal) -> bool:
    """Whether ``value`` is a figure held exactly: finite, at most ``FIGURE_DIGITS``
    significant digits, below ``10**FIGURE_DIGITS`` and (unless zero) at or above
    ``10**-FIGURE_DIGITS`` in size.

    >>> in_range(Decimal("9999999999999999999999999999")), in_range(Decimal("1E+28"))
    (True, False)
    >>> in_range(Decimal("1.2345678901234567890123456789")), in_range(Decimal("1e-29"))
    (False, False)
    >>> in_range(Decimal("1000000000000000000000000000.000")), in_range(Decimal("NaN"))
    (True, False)
    """
    if not value.is_finite():
        return False
    if not value:
        return True
    if not -FIGURE_DIGITS <= value.adjusted() < FIGURE_DIGITS:
        return False
    try:
        _SIGNIFICANT.plus(value)
    except decimal.Inexact:
        return False
    return True


def product(first: Decimal, second: Decimal) -> Decimal | None:
    """``first * second`` exactly, or None where the product is out of range.

    >>> product(Decimal("1.2"), Decimal(10**6)), product(Decimal(10**20), Decimal(10**9))
    (Decimal('1200000.0'), None)
    """
    result = EXACT.multiply(first, second)
    return result if in_range(result) else None


def quotient(numerator: Decimal, denominator: Decimal) -> Decimal:
    """``numerator / denominator`` to ``FIGURE_DIGITS`` significant digits: a share such as
    two-thirds has no exact decimal form, and this is the one place a figure is rounded.

    >>> quotient(Decimal(2), Decimal(3))
    Decimal('0.6666666666666666666666666667')
    """
    return CONTEXT.divide(numerator, denominator)


def whole_share(base: Decimal, share: Decimal) -> Decimal | None:
    """``share`` of the count ``base``, rounded to a whole count (two-thirds of 4,000 is
    2,667), or None where it is out of range.

    >>> whole_share(Decimal(4000), quotient(Decimal(2), Decimal(3)))
    Decimal('2667')
    """
    result = CONTEXT.multiply(base, share)
    if not result.is_finite() or (result and result.adjusted() >= FIGURE_DIGITS):
        return None
    result = result.quantize(_ONE, context=EXACT)  # below 10**28: exact in EXACT
    return result if in_range(result) else None


def tidy(value: Decimal) -> Decimal:
    """A figure without a scale's trailing zeros: "1.2 million" reads 1200000, not
    1200000.0. ``value`` must be in range.

    >>> tidy(Decimal("1200000.0")), tidy(Decimal("0.250")), tidy(Decimal("3E+3"))
    (Decimal('1200000'), Decimal('0.25'), Decimal('3000'))
    """
    if value == value.to_integral_value(context=CONTEXT):
        return value.quantize(_ONE, context=CONTEXT)
    return value.normalize(CONTEXT)


def in_context(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` run with :data:`CONTEXT` as the thread's decimal context, the caller's
    restored after. For functions that return a value (a generator would hand the context
    to its caller between items).

    >>> import decimal
    >>> @in_context
    ... def third() -> Decimal:
    ...     return Decimal(1) / 3
    >>> with decimal.localcontext(prec=3):
    ...     third(), Decimal(1) / 3
    (Decimal('0.3333333333333333333333333333'), Decimal('0.333'))
    """

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with decimal.localcontext(CONTEXT):
            return function(*args, **kwargs)

    return wrapper
