"""Arithmetic on claims: every result is a new claim marked as derived from its inputs.

- :func:`total`: the sum of parts (300 killed + 2,700 wounded = 3,000 casualties);
- :func:`share`: a fraction of a base (two-thirds of about 4,000 = about 2,667);
- :func:`times`: a per-unit figure times a count ("120 units of each" of two systems = 240);
- :func:`add_increment`: an earlier running total plus an increment (11,000 + 3,000 more);
- :func:`convert`: a figure in another unit (500 square miles = about 1,295 km2).

Bounds travel as intervals: the sum of "at least 100" and "300" is "at least 400", and of
"at least 100" and "up to 300" is "at least 100" (a count is never below zero); a result is
approximate when any input is, or when a conversion had to round.

>>> from datetime import date
>>> from osint_claims import extract_claims
>>> killed, wounded = extract_claims("Some 300 were killed and 2,700 wounded, the NIS said.",
...                                  published=date(2025, 2, 11))
>>> casualties = total([killed, wounded])
>>> casualties.quantity.value, casualties.predicate.key, casualties.derived
(Decimal('3000'), 'casualties', True)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TypeVar

import attrs

from ._decimals import in_context, in_range
from .compare import claim_date, claims_given
from .errors import FigureRangeError, IncompatibleClaimsError
from .lexicon import Lexicon
from .measures import Measure, Measures
from .model import Attribution, Bound, Claim, Evidence, Hedge, Predicate, Quantity, Span

__all__ = ["add_increment", "compound_totals", "convert", "share", "times", "total"]

T = TypeVar("T")

_WHOLE = Decimal(1)
_CENTS = Decimal("0.01")


@in_context
def total(
    parts: Sequence[Claim],
    *,
    predicate: Predicate | None = None,
    item: str | None = None,
    lexicon: Lexicon | None = None,
) -> Claim:
    """The sum of ``parts``: killed plus wounded gives casualties.

    The predicate and item of the sum are the measure the parts share a parent in (killed
    and wounded are parts of casualties), unless given; otherwise the parts' own.

    >>> from decimal import Decimal
    >>> parts = [Claim(Quantity.exact(Decimal(300), item="killed"), Predicate.KILLED),
    ...          Claim(Quantity.exact(Decimal(2700), item="wounded"), Predicate.WOUNDED)]
    >>> total(parts).quantity.figure, total(parts).quantity.item
    ('3000', 'casualties')
    """
    parts = claims_given("total", parts)
    if not parts:
        raise IncompatibleClaimsError("total", "nothing to add up")
    _same_unit("total", parts)
    quantities = [part.quantity for part in parts]
    low = _sum([_floor(q) for q in quantities])
    high = _sum([q.high for q in quantities])
    value = _sum([q.value for q in quantities])
    whole_predicate, whole_item = _whole_of(parts, lexicon)
    quantity = _built(
        value,
        low,
        high,
        template=quantities[0],
        approximate=any(q.approximate for q in quantities),
        item=item if item is not None else whole_item,
        bounds={q.bound for q in quantities},
    )
    return _derived(
        parts, quantity, predicate if predicate is not None else whole_predicate, as_of=None
    )


@in_context
def compound_totals(claims: Sequence[Claim], *, lexicon: Lexicon | None = None) -> list[Claim]:
    """The totals that compound figures imply: "300 killed and 2,700 wounded" in one
    sentence, from one originator about one subject, adds up to 3,000 casualties; "120 units
    of each system", read as one claim per system, adds up to 240 of both.

    Figures are added when one sentence gives two or more different parts of one measure
    (killed, wounded, captured are parts of casualties) and no figure of the whole, or one
    figure for each of several things (claims derived from one stated figure, each counting
    another thing). Each total is derived from its parts.

    >>> from datetime import date
    >>> from osint_claims import extract_claims
    >>> claims = extract_claims("Some 300 were killed and 2,700 wounded, the NIS said.",
    ...                         published=date(2025, 2, 11))
    >>> [(c.quantity.figure, c.predicate.key) for c in compound_totals(claims)]
    [('~3000', 'casualties')]
    """
    claims = claims_given("compound_totals", claims)
    measures = Measures.for_lexicon(lexicon if lexicon is not None else Lexicon.default())
    by_sentence: dict[tuple[object, ...], list[Claim]] = {}
    for claim in claims:
        if len(claim.derived_from) > 1 or not claim.evidence.text:
            continue
        key = (
            claim.evidence.span,
            claim.evidence.text,
            claim.subject,
            claim.attribution.originator,
            claim.quantity.unit,
            claim.quantity.per,
        )
        by_sentence.setdefault(key, []).append(claim)
    totals = []
    for members in by_sentence.values():
        stated = {measures.measure_of(claim) for claim in members}
        by_whole: dict[Measure, list[Claim]] = {}
        for claim in members:
            whole = measures.parent(measures.measure_of(claim))
            if whole is not None and whole not in stated:
                by_whole.setdefault(whole, []).append(claim)
        for parts in by_whole.values():
            kinds = {measures.measure_of(part) for part in parts}
            if len(parts) > 1 and len(kinds) == len(parts):
                totals.append(total(parts, lexicon=lexicon))
        totals.extend(_each_totals(members, lexicon))
    return totals


def _each_totals(members: Sequence[Claim], lexicon: Lexicon | None) -> list[Claim]:
    # "120 units of each system": claims derived from one stated figure, one per thing.
    by_source: dict[tuple[Quantity, ...], list[Claim]] = {}
    for claim in members:
        if len(claim.derived_from) == 1:
            by_source.setdefault(claim.derived_from, []).append(claim)
    totals = []
    for parts in by_source.values():
        items = [part.quantity.item or "" for part in parts]
        if len(parts) > 1 and len(set(items)) == len(items):
            totals.append(
                total(
                    parts, predicate=parts[0].predicate, item=" and ".join(items), lexicon=lexicon
                )
            )
    return totals


@in_context
def share(
    fraction: Claim | Decimal,
    base: Claim,
    *,
    predicate: Predicate | None = None,
    item: str | None = None,
) -> Claim:
    """``fraction`` of ``base``: two-thirds of about 4,000 casualties is about 2,667.

    ``fraction`` is a claim with unit "fraction" or "percent", or a plain Decimal share. The
    result takes the fraction claim's predicate and item when it has them ("two-thirds
    killed"), else the base's.

    >>> from decimal import Decimal
    >>> base = Claim(Quantity(Decimal(4000), Decimal(4000), Decimal(4000), approximate=True,
    ...                       item="casualties"), Predicate.CASUALTIES)
    >>> two_thirds = Claim(Quantity.exact(Decimal(2) / 3, unit="fraction", item="killed"),
    ...                    Predicate.KILLED)
    >>> result = share(two_thirds, base)
    >>> result.quantity.figure, result.predicate.key, len(result.derived_from)
    ('~2667', 'killed', 2)
    """
    inputs: list[Claim] = claims_given("share", [base])
    if not isinstance(fraction, Claim | Decimal):
        raise IncompatibleClaimsError("share", f"a share is a Claim or a Decimal, not {fraction!r}")
    if isinstance(fraction, Claim):
        factor = _fraction_value(fraction)
        inputs.insert(0, fraction)
        own_predicate = fraction.predicate
        own_item = fraction.quantity.item
        approximate = fraction.quantity.approximate
    else:
        factor, own_predicate, own_item, approximate = fraction, None, None, False
    if not factor.is_finite() or factor < 0:
        raise IncompatibleClaimsError("share", f"a share must be a number >= 0, not {factor}")
    quantity = base.quantity
    result = _multiplied(
        quantity,
        factor,
        approximate=approximate or quantity.approximate or _rounded(quantity, factor),
        item=item if item is not None else (own_item or quantity.item),
    )
    chosen = predicate or own_predicate or base.predicate
    return _derived(inputs, result, chosen, as_of=None, lead=base)


@in_context
def times(per_unit: Claim, count: int | Claim, *, item: str | None = None) -> Claim:
    """A per-unit figure times a count: "120 units of each system", two systems, is 240.

    >>> from decimal import Decimal
    >>> each = Claim(Quantity.exact(Decimal(120), item="units of each system"),
    ...              Predicate.SUPPLIED)
    >>> times(each, 2).quantity.value
    Decimal('240')
    """
    inputs = claims_given("times", [per_unit])
    if isinstance(count, bool) or not isinstance(count, int | Claim):
        raise IncompatibleClaimsError("times", f"a count is an int or a Claim, not {count!r}")
    if isinstance(count, Claim):
        inputs.append(count)
        if count.quantity.unit is not None or count.quantity.value is None:
            raise IncompatibleClaimsError("times", "the count must be a plain stated number")
        factor = count.quantity.value
    else:
        factor = Decimal(count)
    if factor < 0:
        raise IncompatibleClaimsError("times", f"a count must be >= 0, not {factor}")
    quantity = per_unit.quantity
    result = _multiplied(
        quantity,
        factor,
        approximate=quantity.approximate,
        item=item if item is not None else quantity.item,
    )
    return _derived(inputs, result, per_unit.predicate, as_of=None, lead=per_unit)


@in_context
def add_increment(running_total: Claim, increment: Claim) -> Claim:
    """An earlier running total plus a later increment: the new running total.

    The result holds as of the increment's date and is marked cumulative.

    >>> from decimal import Decimal
    >>> before = Claim(Quantity.exact(Decimal(11000), item="troops"), Predicate.SENT)
    >>> more = Claim(Quantity.exact(Decimal(3000), item="troops"), Predicate.SENT,
    ...              cumulative=False, as_of=date(2025, 2, 28))
    >>> after = add_increment(before, more)
    >>> after.quantity.value, after.as_of, after.cumulative
    (Decimal('14000'), datetime.date(2025, 2, 28), True)
    """
    parts = claims_given("add_increment", [running_total, increment])
    _same_unit("add_increment", parts)
    quantities = [running_total.quantity, increment.quantity]
    quantity = _built(
        _sum([q.value for q in quantities]),
        _sum([q.low for q in quantities]),
        _sum([q.high for q in quantities]),
        template=running_total.quantity,
        approximate=any(q.approximate for q in quantities),
        item=running_total.quantity.item,
        bounds={q.bound for q in quantities},
    )
    claim = _derived(
        parts, quantity, running_total.predicate, as_of=claim_date(increment), lead=running_total
    )
    return attrs.evolve(claim, cumulative=True)


@in_context
def convert(claim: Claim, unit: str, *, lexicon: Lexicon | None = None) -> Claim:
    """``claim``'s figure in another unit of the same dimension.

    Converted figures are rounded to whole units (to hundredths below 100) and then marked
    approximate.

    >>> from decimal import Decimal
    >>> area = Claim(Quantity.exact(Decimal(500), unit="mi2"), Predicate.SEIZED)
    >>> convert(area, "km2").quantity.figure
    '~1295 km2'
    """
    claims_given("convert", [claim])
    units = (lexicon if lexicon is not None else Lexicon.default()).units
    source, target = units.get(claim.quantity.unit or ""), units.get(unit)
    if source is None or target is None or source.dimension != target.dimension:
        raise IncompatibleClaimsError(
            "convert", f"{claim.quantity.unit or 'a plain count'} does not convert to {unit}"
        )
    quantity = claim.quantity
    factor = source.factor / target.factor
    scaled = _scaled(quantity, factor)
    rounded = [None if v is None else _round(v) for v in scaled]
    result = _built(
        rounded[0],
        rounded[1],
        rounded[2],
        template=attrs.evolve(quantity, unit=unit),
        approximate=quantity.approximate or rounded != list(scaled),
        item=quantity.item,
        bounds={quantity.bound},
    )
    return _derived([claim], result, claim.predicate, as_of=None, lead=claim)


# Helpers -----------------------------------------------------------------------------------


def _sum(values: Sequence[Decimal | None]) -> Decimal | None:
    result = Decimal(0)
    for value in values:
        if value is None:
            return None
        result += value
    return result


def _floor(quantity: Quantity) -> Decimal | None:
    # "Up to 300 killed" allows none at all: a count cannot fall below zero.
    if quantity.low is None and quantity.unit is None and quantity.change is None:
        return Decimal(0)
    return quantity.low


def _scaled(
    quantity: Quantity, factor: Decimal
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    def scale(value: Decimal | None) -> Decimal | None:
        return None if value is None else value * factor

    return scale(quantity.value), scale(quantity.low), scale(quantity.high)


def _multiplied(
    quantity: Quantity, factor: Decimal, *, approximate: bool, item: str | None
) -> Quantity:
    value, low, high = _scaled(quantity, factor)
    return _built(
        value,
        low,
        high,
        template=quantity,
        approximate=approximate,
        item=item,
        bounds={quantity.bound},
    )


def _round(value: Decimal) -> Decimal:
    return value.quantize(_WHOLE if abs(value) >= 100 else _CENTS).normalize() + 0


def _rounded(quantity: Quantity, factor: Decimal) -> bool:
    # A share of a count that does not come out whole has been rounded.
    value = quantity.value
    return value is not None and (value * factor) != (value * factor).to_integral_value()


def _built(
    value: Decimal | None,
    low: Decimal | None,
    high: Decimal | None,
    *,
    template: Quantity,
    approximate: bool,
    item: str | None,
    bounds: set[Bound],
) -> Quantity:
    """A result quantity: bound from which ends are known, counts rounded to whole units."""
    if template.unit is None and template.per is None:
        value, low, high = (None if v is None else _whole_count(v) for v in (value, low, high))
    if low is not None and high is not None:
        bound = Bound.EXACT if low == high else Bound.RANGE
        if bound is Bound.RANGE:
            value = None
    elif low is not None:
        bound = Bound.MORE_THAN if bounds == {Bound.MORE_THAN} else Bound.AT_LEAST
        value = low
    elif high is not None:
        bound = Bound.LESS_THAN if bounds == {Bound.LESS_THAN} else Bound.AT_MOST
        value = high
    else:
        raise IncompatibleClaimsError("arithmetic", "the result has no known figure")
    if bound is Bound.EXACT:
        value = low
    for figure in (value, low, high):
        if figure is not None and not in_range(figure):
            raise FigureRangeError("arithmetic", str(figure))
    return Quantity(
        value=value,
        low=low,
        high=high,
        bound=bound,
        approximate=approximate,
        unit=template.unit,
        item=item,
        per=template.per,
    )


def _whole_count(value: Decimal) -> Decimal:
    return value.quantize(_WHOLE) if value != value.to_integral_value() else value


def _same_unit(operation: str, claims: Sequence[Claim]) -> None:
    units = {claim.quantity.unit for claim in claims}
    rates = {claim.quantity.per for claim in claims}
    if len(units) > 1:
        listed = ", ".join(sorted(u or "none" for u in units))
        raise IncompatibleClaimsError(operation, f"figures in different units ({listed})")
    if len(rates) > 1:
        raise IncompatibleClaimsError(operation, "figures over different periods of time")


def _fraction_value(claim: Claim) -> Decimal:
    quantity = claim.quantity
    value = quantity.best
    if value is None or quantity.unit not in ("fraction", "percent"):
        raise IncompatibleClaimsError("share", f"{quantity.figure} is not a fraction or share")
    return value / 100 if quantity.unit == "percent" else value


def _whole_of(parts: Sequence[Claim], lexicon: Lexicon | None) -> tuple[Predicate, str | None]:
    """The predicate and item of a sum: the measure every part belongs to, if they share one."""
    measures = Measures.for_lexicon(lexicon if lexicon is not None else Lexicon.default())
    own = [measures.measure_of(part) for part in parts]
    parents = {measures.parent(m) for m in own}
    if len(parents) == 1 and None not in parents and len(set(own)) > 1:
        (parent,) = parents
        assert parent is not None and parent.thing is not None
        return Predicate(parent.thing), parent.thing
    return parts[0].predicate, parts[0].quantity.item


def _common(values: Sequence[T]) -> T | None:
    first = values[0]
    return first if all(v == first for v in values) else None


def _derived(
    inputs: Sequence[Claim],
    quantity: Quantity,
    predicate: Predicate,
    *,
    as_of: date | None,
    lead: Claim | None = None,
) -> Claim:
    """A derived claim: what the inputs share, the least certain hedge, and its inputs."""
    lead = lead if lead is not None else inputs[0]
    attributions = [claim.attribution for claim in inputs]
    attribution = _common(attributions)
    if attribution is None:
        attribution = Attribution(
            outlet=lead.attribution.outlet,
            via=lead.attribution.via,
            originator=_common([a.originator for a in attributions]),
        )
    evidence = _common([claim.evidence for claim in inputs])
    return Claim(
        quantity=quantity,
        predicate=predicate,
        subject=_common([c.subject for c in inputs]),
        agent=_common([c.agent for c in inputs]),
        recipient=_common([c.recipient for c in inputs]),
        period=_common([c.period for c in inputs]),
        as_of=as_of if as_of is not None else _common([c.as_of for c in inputs]),
        cumulative=_common([c.cumulative for c in inputs]),
        attribution=attribution,
        hedge=max((claim.hedge for claim in inputs), key=_rank, default=Hedge.STATED),
        derived_from=tuple(claim.quantity for claim in inputs),
        part_of=None,
        evidence=evidence if evidence is not None else Evidence("", Span(0, 0)),
        source=lead.source,
    )


def _rank(hedge: Hedge) -> int:
    return hedge.rank
