"""Comparing two claims: do their figures agree, refine, contradict or supersede each other?

:func:`compare` first asks whether the claims can be compared at all (same measure or a
part and its whole, same subject and recipient, units that convert, both increments or
both running totals), then compares the figures as intervals. The rules, in order:

1. different measures, subjects, recipients, units, rates, or an increment against a
   running total; or, where neither names a subject, different agents: ``INCOMPARABLE``;
2. a part against its whole (killed against casualties): ``CONSISTENT`` unless the part
   must exceed the whole;
3. the same originator, both running totals, at different dates: the later ``SUPERSEDES``
   the earlier;
4. the same figure, or two point figures each of which rounds to the other:
   ``EQUIVALENT``;
5. running totals that never fall, at different dates: ``CONSISTENT`` if the later could
   be at least the earlier, else ``CONTRADICTS``;
6. one interval strictly inside the other: ``REFINES`` (and ``REFINED_BY`` the other way);
7. intervals that overlap, or a point figure that rounds to the other: ``CONSISTENT``;
8. otherwise ``CONTRADICTS``.

Who did it (the agent) matters only where neither claim says whose people or things were
counted: sources name an attacker in many ways, and dispute it, while the toll they count is
the same. Where a subject is named, claims whose agents differ are compared as any others,
and the reasons say that they name different agents.

Approximate figures widen by a :class:`Tolerance` before rule 6: by default half a unit of
their last significant digit ("about 220" allows 215–225, "some 11,000" 10,500–11,500).
``docs/compare.md`` gives the reasoning.

>>> from datetime import date, timedelta
>>> from osint_claims import extract_claims
>>> [a] = extract_claims("North Korea sent 11,000 troops to Russia, the JCS said.",
...                      published=date(2025, 3, 27))
>>> [b] = extract_claims("North Korea sent about 10,000 to 12,000 troops to Russia, "
...                      "Ukraine said.", published=date(2025, 3, 27))
>>> result = compare(a, b)
>>> result.relation
<Relation.REFINES: 'refines'>
>>> print(result)  # doctest: +NORMALIZE_WHITESPACE
11,000 (Joint Chiefs of Staff) refines ~10,000–12,000 (Ukraine): both count personnel sent;
[11000, 11000] lies inside [9500, 12500]
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

import attrs

from ._decimals import in_context
from ._figures import claim_label, figure_text
from ._intervals import Interval, half_unit, rounds_to
from ._parties import Sides
from .errors import InvalidInputError, ModelError
from .lexicon import Lexicon
from .measures import Measure, Measures
from .model import Actor, Bound, Claim, Quantity, SegmentKind
from .serialize import converter

__all__ = [
    "RECENT_DAYS",
    "Comparison",
    "Relation",
    "Tolerance",
    "claim_date",
    "compare",
    "increment_period",
    "is_increment",
]


class Relation(enum.Enum):
    """How the figure of one claim stands to another's.

    ``REFINES`` and ``SUPERSEDES`` have a direction; their inverses ``REFINED_BY`` and
    ``SUPERSEDED_BY`` are what the other claim sees, so ``compare(b, a)`` is always
    ``compare(a, b)`` inverted.

    >>> Relation.REFINES.inverse, Relation.CONTRADICTS.inverse
    (<Relation.REFINED_BY: 'refined_by'>, <Relation.CONTRADICTS: 'contradicts'>)
    """

    EQUIVALENT = "equivalent"
    CONSISTENT = "consistent"
    CONTRADICTS = "contradicts"
    REFINES = "refines"
    REFINED_BY = "refined_by"
    SUPERSEDES = "supersedes"
    SUPERSEDED_BY = "superseded_by"
    INCOMPARABLE = "incomparable"

    @property
    def inverse(self) -> Relation:
        """The relation seen from the other claim."""
        return _INVERSES.get(self, self)

    @property
    def agrees(self) -> bool:
        """Whether both figures can be true at once (equivalent, consistent or nested)."""
        return self in (
            Relation.EQUIVALENT,
            Relation.CONSISTENT,
            Relation.REFINES,
            Relation.REFINED_BY,
        )


_INVERSES = {
    Relation.REFINES: Relation.REFINED_BY,
    Relation.REFINED_BY: Relation.REFINES,
    Relation.SUPERSEDES: Relation.SUPERSEDED_BY,
    Relation.SUPERSEDED_BY: Relation.SUPERSEDES,
}


def _non_negative(instance: Tolerance, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    if not value.is_finite() or value < 0:
        raise ModelError("Tolerance", f"{attribute.name} must be a finite number >= 0, not {value}")


@attrs.frozen(slots=True)
class Tolerance:
    """How far an approximate figure reaches beyond what it states.

    ``last_digit``: half a unit of the last significant digit, as Wikidata reads precision
    ("about 220" is 215–225), but no more than ``largest_share`` of the figure, since a
    round figure's trailing zeros say little ("some 10,000" is 9,000–11,000, not
    5,000–15,000). A range is as precise as its finer end ("about 10,000 to 12,000" is
    9,500–12,500). ``relative``: a share of the figure (``Decimal("0.1")`` allows ±10%);
    the larger margin wins. ``exact_figures`` widens figures stated without a qualifier
    too, for analysts who read every round figure as rounded. A figure computed from others
    is as loose, relatively, as the loosest of its inputs.

    >>> Tolerance().margin(Decimal(11000), approximate=True)
    Decimal('500')
    >>> Tolerance().margin(Decimal(10000), approximate=True)
    Decimal('1000.0')
    >>> Tolerance(relative=Decimal("0.2")).margin(Decimal(220), approximate=True)
    Decimal('44.0')
    >>> Tolerance().margin(Decimal(11000), approximate=False)
    Decimal('0')
    """

    last_digit: bool = True
    largest_share: Decimal = attrs.field(default=Decimal("0.1"), validator=_non_negative)
    relative: Decimal = attrs.field(default=Decimal(0), validator=_non_negative)
    exact_figures: bool = False

    @in_context
    def margin(self, value: Decimal, *, approximate: bool) -> Decimal:
        """How far ``value`` may reach either way."""
        if not approximate and not self.exact_figures:
            return Decimal(0)
        by_digit = min(half_unit(value), self.largest_share * abs(value)) if self.last_digit else 0
        return max(Decimal(by_digit), self.relative * abs(value))

    @in_context
    def interval(self, claim: Claim) -> Interval:
        """The values ``claim``'s figure allows once widened."""
        quantity = claim.quantity
        stated = Interval.of(quantity)
        share = self._derived_share(claim)
        if share:
            return stated.widened(
                abs(stated.low) * share if stated.low is not None else Decimal(0),
                abs(stated.high) * share if stated.high is not None else Decimal(0),
            )
        approximate = quantity.approximate
        margins = [
            self.margin(end, approximate=approximate)
            for end in (stated.low, stated.high)
            if end is not None
        ]
        if not margins:
            return stated
        if quantity.bound is Bound.RANGE:
            return stated.widened(min(margins), min(margins))
        return stated.widened(margins[0], margins[-1])

    def _derived_share(self, claim: Claim) -> Decimal | None:
        # A figure computed from others is as loose, relatively, as its loosest input.
        shares = []
        for source in claim.derived_from:
            value = source.best
            if value is None or value == 0 or source.unit == "fraction":
                continue
            margin = self.margin(value, approximate=source.approximate)
            shares.append(margin / abs(value))
        return max(shares) if shares else None


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class Comparison:
    """The outcome of :func:`compare`: the relation of ``first`` to ``second`` and why."""

    first: Claim
    second: Claim
    relation: Relation
    reasons: tuple[str, ...] = attrs.field(default=(), converter=_strings)

    def __str__(self) -> str:
        verb = self.relation.value.replace("_", " ")
        head = f"{claim_label(self.first)} {verb} {claim_label(self.second)}"
        return f"{head}: {'; '.join(self.reasons)}" if self.reasons else head


def claim_date(claim: Claim) -> date | None:
    """The date a claim's figure holds for: the end of its period ("last fall" ends on 30
    November), else its as-of date, else the day its document was published; unknown for
    the headline of a related article, which was published some day before the page.

    >>> from decimal import Decimal
    >>> from osint_claims import Predicate, Quantity, Source
    >>> claim_date(Claim(Quantity.exact(Decimal(3)), Predicate.SENT,
    ...                  source=Source(published=date(2025, 3, 27))))
    datetime.date(2025, 3, 27)
    """
    if claim.period is not None:
        return claim.period.end
    if claim.evidence.segment is SegmentKind.RELATED:
        return None  # another article's headline: some day before this page, unknown
    if claim.as_of is not None:
        return claim.as_of
    if claim.source is not None:
        return claim.source.published
    return None


def is_increment(claim: Claim) -> bool:
    """Whether the claim reports an addition ("an additional 3,000", "1,500 more") rather
    than a level or running total.

    >>> from decimal import Decimal
    >>> from osint_claims import Predicate, Quantity
    >>> is_increment(Claim(Quantity.exact(Decimal(3000)), Predicate.SENT, cumulative=False))
    True
    """
    return claim.cumulative is False or claim.quantity.change is not None


RECENT_DAYS = 90
"""How far back an increment reported without a period reaches: "1,500 more troops",
reported on 27 March, is taken to have come in the 90 days before."""


def increment_period(claim: Claim) -> tuple[date, date] | None:
    """The days an increment covers: its period, else the :data:`RECENT_DAYS` before the
    date it was reported; ``None`` when neither is known.

    >>> from decimal import Decimal
    >>> from osint_claims import Predicate, Quantity
    >>> more = Claim(Quantity.exact(Decimal(1500)), Predicate.SENT, cumulative=False,
    ...              as_of=date(2025, 3, 27))
    >>> increment_period(more)
    (datetime.date(2024, 12, 27), datetime.date(2025, 3, 27))
    """
    if claim.period is not None:
        return claim.period.start, claim.period.end
    reported = claim_date(claim)
    if reported is None:
        return None
    return reported - timedelta(days=RECENT_DAYS), reported


@in_context
def compare(
    first: Claim,
    second: Claim,
    *,
    tolerance: Tolerance | None = None,
    lexicon: Lexicon | None = None,
) -> Comparison:
    """How ``first``'s figure stands to ``second``'s, with readable reasons.

    ``compare(b, a)`` always gives the inverse relation of ``compare(a, b)``.

    >>> from datetime import date
    >>> from osint_claims import extract_claims
    >>> [killed, wounded] = extract_claims(
    ...     "Some 300 were killed and 2,700 wounded, the NIS said.", published=date(2025, 2, 11))
    >>> [casualties] = extract_claims("Around 4,000 were killed or wounded, Zelensky said.",
    ...                               published=date(2025, 3, 27))
    >>> compare(killed, casualties).relation.name
    'CONSISTENT'
    >>> compare(killed, wounded).relation.name
    'INCOMPARABLE'
    """
    claims_given("compare", (first, second))
    tolerance = tolerance if tolerance is not None else Tolerance()
    measures = Measures.for_lexicon(lexicon if lexicon is not None else Lexicon.default())
    # Rules are applied to the pair in one fixed order so that swapping the arguments can
    # only invert the relation, never change it.
    if _order_key(first) <= _order_key(second):
        relation, reasons = _Rules(first, second, tolerance, measures, lexicon).relate()
    else:
        relation, reasons = _Rules(second, first, tolerance, measures, lexicon).relate()
        relation = relation.inverse
    return Comparison(first, second, relation, reasons)


def claims_given(where: str, values: object) -> list[Claim]:
    """``values`` as a list of claims, or an :class:`InvalidInputError` naming ``where``.

    >>> claims_given("group", [])
    []
    >>> claims_given("group", ["11,000 troops"])
    Traceback (most recent call last):
    ...
    osint_claims.errors.InvalidInputError: group: expected Claim objects, got str
    """
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidInputError(where, f"expected Claim objects, got {type(values).__name__}")
    found = list(values)
    for value in found:
        if not isinstance(value, Claim):
            raise InvalidInputError(where, f"expected Claim objects, got {type(value).__name__}")
    return found


def _order_key(claim: Claim) -> str:
    return json.dumps(converter.unstructure(claim), sort_keys=True)


class _Rules:
    """The comparison rules, applied to one ordered pair ``(a, b)``."""

    def __init__(
        self, a: Claim, b: Claim, tolerance: Tolerance, measures: Measures, lexicon: Lexicon | None
    ) -> None:
        self.a, self.b = a, b
        self.tolerance = tolerance
        self.measures = measures
        self.lexicon = lexicon if lexicon is not None else Lexicon.default()
        self.reasons: list[str] = []

    def relate(self) -> tuple[Relation, tuple[str, ...]]:
        relation = self._relate()
        return relation, tuple(self.reasons)

    def _say(self, reason: str) -> None:
        self.reasons.append(reason)

    def _relate(self) -> Relation:
        a, b = self.a, self.b
        if a == b:
            self._say("the same claim")
            return Relation.EQUIVALENT
        measure_a, measure_b = self.measures.measure_of(a), self.measures.measure_of(b)
        kinship = self._kinship(measure_a, measure_b)
        if kinship is None:
            return Relation.INCOMPARABLE
        if not self._same_parties() or not self._same_kind_of_figure():
            return Relation.INCOMPARABLE
        factor = self._unit_factor()
        if factor is None:
            return Relation.INCOMPARABLE
        interval_a = self.tolerance.interval(a)
        interval_b = self.tolerance.interval(b).scaled(factor)
        date_a, date_b = claim_date(a), claim_date(b)
        if kinship != "same":
            return self._part_and_whole(kinship, interval_a, interval_b, date_a, date_b)
        increments = is_increment(a)
        if not increments and self._same_originator() and _differ(date_a, date_b):
            assert date_a is not None and date_b is not None
            self._say(
                f"the same originator gave {figure_text(a.quantity)} on {date_a} "
                f"and {figure_text(b.quantity)} on {date_b}; the later figure stands"
            )
            return Relation.SUPERSEDES if date_a > date_b else Relation.SUPERSEDED_BY
        if self._equivalent(factor):
            return Relation.EQUIVALENT
        if not increments and self.measures.grows(measure_a) and _differ(date_a, date_b):
            return self._growth(interval_a, interval_b, date_a, date_b)
        return self._intervals(interval_a, interval_b, factor)

    # Can they be compared? ---------------------------------------------------------------

    def _kinship(self, measure_a: Measure, measure_b: Measure) -> str | None:
        """ "same", "part" (a is part of b), "whole" (a is the whole of b), or None."""
        if measure_a.act != measure_b.act:
            self._say(f"one counts {measure_a.label}, the other {measure_b.label}")
            return None
        if measure_a == measure_b:
            self._say(f"both count {measure_a.label}")
            return "same"
        if measure_a.thing is None or measure_b.thing is None:
            self._say("one figure does not say what it counts")
            return None
        if self.measures.is_part(measure_a, measure_b):
            self._say(f"{measure_a.label} are part of {measure_b.label}")
            return "part"
        if self.measures.is_part(measure_b, measure_a):
            self._say(f"{measure_b.label} are part of {measure_a.label}")
            return "whole"
        self._say(f"one counts {measure_a.label}, the other {measure_b.label}")
        return None

    def _same_parties(self) -> bool:
        a, b = self.a, self.b
        if not _same_actor(a.subject, b.subject):
            assert a.subject is not None and b.subject is not None
            self._say(f"about {a.subject.name} and {b.subject.name}")
            return False
        if not _same_actor(a.recipient, b.recipient):
            assert a.recipient is not None and b.recipient is not None
            self._say(f"to {a.recipient.name} and to {b.recipient.name}")
            return False
        if not Sides.for_lexicon(self.lexicon).differ(a.agent, b.agent):
            return True
        assert a.agent is not None and b.agent is not None
        if a.subject is None and b.subject is None:
            # Nothing but the agent says whose toll each is: the dead of one attack and of
            # another are different people.
            self._say(f"neither names whose they are; done by {a.agent.name} and by {b.agent.name}")
            return False
        self._say(f"one names {a.agent.name} as having done it, the other {b.agent.name}")
        return True

    def _same_kind_of_figure(self) -> bool:
        a, b = self.a, self.b
        if a.quantity.per != b.quantity.per:
            self._say(f"rates differ: per {a.quantity.per} against per {b.quantity.per}")
            return False
        if is_increment(a) != is_increment(b):
            self._say("an increment against a running total")
            return False
        if not is_increment(a):
            return True
        one, other = increment_period(a), increment_period(b)
        if one is None or other is None:
            self._say("an increment whose period and date are both unknown")
            return False
        if one[1] < other[0] or other[1] < one[0]:
            self._say(
                f"increments over different periods ({one[0]}–{one[1]} and {other[0]}–{other[1]})"
            )
            return False
        return True

    def _unit_factor(self) -> Decimal | None:
        """What to multiply b's figures by to read them in a's unit; None if impossible."""
        unit_a, unit_b = self.a.quantity.unit, self.b.quantity.unit
        if unit_a == unit_b:
            return Decimal(1)
        units = self.lexicon.units
        known_a, known_b = units.get(unit_a or ""), units.get(unit_b or "")
        if known_a is None or known_b is None or known_a.dimension != known_b.dimension:
            self._say(f"units {unit_a or 'none'} and {unit_b or 'none'} do not convert")
            return None
        factor = known_b.factor / known_a.factor
        self._say(f"1 {unit_b} is {factor.normalize():f} {unit_a}")
        return factor

    def _same_originator(self) -> bool:
        one, other = self.a.attribution.originator, self.b.attribution.originator
        return one is not None and other is not None and one.id == other.id

    # How do the figures relate? ----------------------------------------------------------

    def _part_and_whole(
        self,
        kinship: str,
        interval_a: Interval,
        interval_b: Interval,
        date_a: date | None,
        date_b: date | None,
    ) -> Relation:
        part, whole = (interval_a, interval_b) if kinship == "part" else (interval_b, interval_a)
        date_part, date_whole = (date_a, date_b) if kinship == "part" else (date_b, date_a)
        smallest_part = part.low if part.low is not None else Decimal(0)
        exceeds = whole.high is not None and (
            smallest_part > whole.high
            or (smallest_part == whole.high and (part.low_open or whole.high_open))
        )
        # A whole counted earlier may be outgrown by a part counted later.
        if exceeds and not (date_part and date_whole and date_part > date_whole):
            self._say(f"the part {part.describe()} exceeds the whole {whole.describe()}")
            return Relation.CONTRADICTS
        self._say(f"the part {part.describe()} fits within the whole {whole.describe()}")
        return Relation.CONSISTENT

    def _equivalent(self, factor: Decimal) -> bool:
        quantity_a, quantity_b = self.a.quantity, self.b.quantity
        stated_a, stated_b = Interval.of(quantity_a), Interval.of(quantity_b).scaled(factor)
        if factor == 1 and stated_a == stated_b:
            text_a, text_b = figure_text(quantity_a), figure_text(quantity_b)
            self._say(
                f"the same figure, {text_a}" if text_a == text_b else f"{text_a} and {text_b}"
            )
            return True
        point_a, point_b = _point(quantity_a), _point(quantity_b)
        if point_a is None or point_b is None:
            return False
        if rounds_to(point_a / factor, point_b) and rounds_to(point_b * factor, point_a):
            self._say(
                f"{figure_text(quantity_a)} and {figure_text(quantity_b)} round to each other"
            )
            return True
        return False

    def _growth(
        self,
        interval_a: Interval,
        interval_b: Interval,
        date_a: date | None,
        date_b: date | None,
    ) -> Relation:
        assert date_a is not None and date_b is not None
        if date_a < date_b:
            earlier, later, first, second = interval_a, interval_b, date_a, date_b
        else:
            earlier, later, first, second = interval_b, interval_a, date_b, date_a
        if later.below(earlier):
            self._say(
                f"a running total that never falls went from {earlier.describe()} on {first} "
                f"to {later.describe()} on {second}"
            )
            return Relation.CONTRADICTS
        self._say(
            f"a running total: {earlier.describe()} on {first}, {later.describe()} on {second}"
        )
        return Relation.CONSISTENT

    def _intervals(self, interval_a: Interval, interval_b: Interval, factor: Decimal) -> Relation:
        a_inside, b_inside = interval_b.contains(interval_a), interval_a.contains(interval_b)
        if a_inside and not b_inside:
            self._say(f"{interval_a.describe()} lies inside {interval_b.describe()}")
            return Relation.REFINES
        if b_inside and not a_inside:
            self._say(f"{interval_b.describe()} lies inside {interval_a.describe()}")
            return Relation.REFINED_BY
        if interval_a.overlaps(interval_b):
            self._say(f"{interval_a.describe()} and {interval_b.describe()} overlap")
            return Relation.CONSISTENT
        point_a, point_b = _point(self.a.quantity), _point(self.b.quantity)
        if point_a is not None and point_b is not None:
            scaled_b = point_b * factor
            if rounds_to(scaled_b, point_a) or rounds_to(point_a, scaled_b):
                self._say(f"one figure may be the other rounded ({point_a} and {scaled_b})")
                return Relation.CONSISTENT
        self._say(f"{interval_a.describe()} and {interval_b.describe()} do not overlap")
        return Relation.CONTRADICTS


def _point(quantity: Quantity) -> Decimal | None:
    # A single stated figure, exact or approximate, without a bound or a range.
    return quantity.value if quantity.low == quantity.value == quantity.high else None


def _same_actor(one: Actor | None, other: Actor | None) -> bool:
    # An unnamed party matches any; a body matches the state it belongs to.
    if one is None or other is None or one.id == other.id:
        return True
    return one.parent == other.id or other.parent == one.id


def _differ(one: date | None, other: date | None) -> bool:
    return one is not None and other is not None and one != other
