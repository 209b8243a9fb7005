"""Hypothesis strategies for every model class, inferred from the classes themselves.

Every attrs field is drawn from its type hint (not left at its default), so a field added
to the model is generated here with no edit; only classes whose fields constrain each
other (a quantity's bounds, a span's or a period's ends) are drawn by hand, and even then
their other fields are inferred. Importing this module registers the strategies, so
``st.from_type(Claim)`` works anywhere.
"""

from __future__ import annotations

import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from osint_claims import model
from osint_claims.model import Actor, Attribution, Bound, Period, Predicate, Quantity, Span

FIGURES = st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**12), max_value=10**12)


def every_field(cls: type[Any], **given: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``cls`` with every field drawn: from ``given``, else inferred from its type."""
    # Hypothesis would leave defaulted fields at their default, and cannot read the model's
    # string annotations (``from __future__ import annotations``): resolve them here.
    hints = typing.get_type_hints(cls)
    fields = {
        f.name: given[f.name] if f.name in given else of_type(hints[f.name])
        for f in attrs.fields(cls)
    }
    return st.builds(cls, **fields)


def of_type(hint: Any) -> st.SearchStrategy[Any]:
    """A strategy for a field's type hint, with short texts and tuples to keep claims small."""
    if hint is str:
        return st.text(max_size=12)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(of_type(arg) for arg in args))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return st.lists(of_type(args[0]), max_size=2).map(tuple)
    if isinstance(hint, type) and attrs.has(hint) and hint.__module__ != model.__name__:
        # An attrs class from elsewhere (an article's segment, say) that a model field
        # holds: inferred the same way, without a registration of its own.
        return st.deferred(lambda: every_field(hint))
    return st.from_type(hint)


def _template(cls: type[Any], **fixed: Any) -> st.SearchStrategy[Any]:
    # Built once: every other field is inferred, then the constrained ones are drawn apart
    # and set with attrs.evolve (which runs the validators again). Deferred, because
    # from_type resolves (and caches) a type when called: only after the registrations below.
    return st.deferred(
        lambda: every_field(cls, **{name: st.just(value) for name, value in fixed.items()})
    )


_QUANTITY = _template(Quantity, value=Decimal(0), low=Decimal(0), high=Decimal(0))
_PERIOD = _template(Period, start=date(2000, 1, 1), end=date(2000, 1, 1))


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    bound = draw(st.sampled_from(Bound))
    a, b = sorted([draw(FIGURES), draw(FIGURES)])
    value, low, high = {
        Bound.EXACT: (a, a, a),
        Bound.AT_LEAST: (a, a, None),
        Bound.MORE_THAN: (a, a, None),
        Bound.AT_MOST: (a, None, a),
        Bound.LESS_THAN: (a, None, a),
        Bound.RANGE: (None, a, b),
    }[bound]
    quantity: Quantity = attrs.evolve(draw(_QUANTITY), value=value, low=low, high=high, bound=bound)
    return quantity


@st.composite
def spans(draw: st.DrawFn) -> Span:
    start = draw(st.integers(0, 10_000))
    return Span(start, start + draw(st.integers(0, 500)))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(st.dates())
    end = draw(st.dates(min_value=start))
    period: Period = attrs.evolve(draw(_PERIOD), start=start, end=end)
    return period


@st.composite
def attributions(draw: st.DrawFn) -> Attribution:
    # originator is always the first of originators: draw the list and let it follow.
    actors = st.from_type(Actor)
    return Attribution(
        outlet=draw(st.none() | actors),
        via=tuple(draw(st.lists(actors, max_size=2))),
        originators=tuple(draw(st.lists(actors, max_size=2))),
    )


PREDICATES = st.sampled_from([Predicate.SENT, Predicate.KILLED]) | st.builds(
    Predicate, st.text(max_size=12)
)

_BY_HAND: dict[type, st.SearchStrategy[Any]] = {
    Quantity: quantities(),
    Span: spans(),
    Period: periods(),
    Attribution: attributions(),
    Predicate: PREDICATES,
    Decimal: FIGURES,
}

for _cls, _strategy in _BY_HAND.items():
    st.register_type_strategy(_cls, _strategy)


def _inferred(cls: type[Any]) -> st.SearchStrategy[Any]:
    # Deferred: classes refer to each other, and all must be registered before drawing.
    return st.deferred(lambda: every_field(cls))


for _name in model.__all__:
    _cls = getattr(model, _name)
    if attrs.has(_cls) and _cls not in _BY_HAND:
        st.register_type_strategy(_cls, _inferred(_cls))
