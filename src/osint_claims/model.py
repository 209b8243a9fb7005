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
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import ClassVar

import attrs

from ._decimals import CONTEXT
from .errors import ModelError

__all__ = [
    "Actor",
    "ActorKind",
    "Attribution",
    "Bound",
    "Change",
    "Claim",
    "Evidence",
    "Hedge",
    "Period",
    "Precision",
    "Predicate",
    "Quantity",
    "SegmentKind",
    "Source",
    "Span",
]


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
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(value)


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
        _check_figures(self.low, self.value, self.high)

    @classmethod
    def _parsed(
        cls,
        value: Decimal | None,
        low: Decimal | None,
        high: Decimal | None,
        *,
        bound: Bound,
        approximate: bool,
        change: Change | None,
        unit: str | None,
        item: str | None,
        per: str | None,
        start: int,
        end: int,
        text: str,
    ) -> Quantity:
        """The parsers' constructor: ``cls(..., Span(start, end), text)``, checked the same.

        The same conversions and checks, in the same order and with the same errors, as
        attrs' ``__init__`` with its converters, validators and post-init, without their
        calls: a megabyte of news holds thousands of quantities.
        """
        if start < 0:
            raise ModelError("Span", f"start {start} is negative")
        if end < 0:
            raise ModelError("Span", f"end {end} is negative")
        if end < start:
            raise ModelError("Span", f"end {end} is before start {start}")
        span = _new(Span)
        _set_span_start(span, start)
        _set_span_end(span, end)
        if value is not None and not isinstance(value, Decimal):
            value = Decimal(value)
        if low is not None and not isinstance(low, Decimal):
            low = Decimal(low)
        if high is not None and not isinstance(high, Decimal):
            high = Decimal(high)
        _check_figures(low, value, high)
        quantity = _new(cls)
        _set_value(quantity, value)
        _set_low(quantity, low)
        _set_high(quantity, high)
        _set_bound(quantity, bound)
        _set_approximate(quantity, approximate)
        _set_change(quantity, change)
        _set_unit(quantity, unit)
        _set_item(quantity, item)
        _set_per(quantity, per)
        _set_span(quantity, span)
        _set_text(quantity, text)
        return quantity

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
    def figure(self) -> str:
        """The figure as an analyst writes it: bounds, approximation, unit and rate.

        >>> Quantity(value=None, low=Decimal(10000), high=Decimal(12000), bound=Bound.RANGE,
        ...          approximate=True).figure
        '~10000-12000'
        >>> Quantity(value=Decimal(30), low=Decimal(30), high=None, bound=Bound.AT_LEAST,
        ...          unit="percent", per="month").figure
        'at least 30 percent/month'
        """
        if self.bound is Bound.RANGE:
            text = f"{self.low}-{self.high}"
        elif self.bound is Bound.EXACT:
            text = f"{self.value}"
        else:
            text = f"{self.bound.value.replace('_', ' ')} {self.value}"
        if self.approximate:
            text = "~" + text
        if self.unit:
            text += f" {self.unit}"
        if self.per:
            text += f"/{self.per}"
        return text

    @property
    def best(self) -> Decimal | None:
        """The single figure that best stands for this quantity.

        The stated value, else the midpoint of a closed range (to 28 significant digits,
        whatever the caller's decimal context), else the one bound given.

        >>> Quantity(value=None, low=Decimal(10), high=Decimal(12), bound=Bound.RANGE).best
        Decimal('11')
        """
        if self.value is not None:
            return self.value
        if self.low is not None and self.high is not None:
            return CONTEXT.divide(CONTEXT.add(self.low, self.high), _TWO)
        return self.low if self.low is not None else self.high


_TWO = Decimal(2)


def _check_figures(low: Decimal | None, value: Decimal | None, high: Decimal | None) -> None:
    if low is value and value is high:  # one exact figure, as the parsers give most often
        if value is not None and not value.is_finite():
            raise ModelError("Quantity", "figures must be finite numbers")
        return
    if low is not None and value is not None and low > value:
        raise ModelError("Quantity", f"low {low} is above value {value}")
    if value is not None and high is not None and value > high:
        raise ModelError("Quantity", f"value {value} is above high {high}")
    if low is not None and high is not None and low > high:
        raise ModelError("Quantity", f"low {low} is above high {high}")
    for figure in (low, value, high):  # a loop, not any(): parsers build thousands
        if figure is not None and not figure.is_finite():
            raise ModelError("Quantity", "figures must be finite numbers")


# The slots' own setters, for ``Quantity._parsed``: what attrs' frozen ``__init__`` calls
# through ``object.__setattr__``, called directly.
_new = object.__new__
_set_span_start = Span.__dict__["start"].__set__
_set_span_end = Span.__dict__["end"].__set__
(
    _set_value,
    _set_low,
    _set_high,
    _set_bound,
    _set_approximate,
    _set_change,
    _set_unit,
    _set_item,
    _set_per,
    _set_span,
    _set_text,
) = (Quantity.__dict__[field.name].__set__ for field in attrs.fields(Quantity))


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _actors(values: Iterable[Actor]) -> tuple[Actor, ...]:
    return tuple(values)


def _quantities(values: Iterable[Quantity]) -> tuple[Quantity, ...]:
    return tuple(values)


class ActorKind(enum.Enum):
    """What sort of body or person an actor is."""

    STATE = "state"
    ARMED_FORCES = "armed_forces"
    INTELLIGENCE_AGENCY = "intelligence_agency"
    MINISTRY = "ministry"
    GOVERNMENT_BODY = "government_body"
    LEGISLATURE = "legislature"
    LEGISLATOR = "legislator"
    HEAD_OF_STATE = "head_of_state"
    OFFICIAL = "official"
    MEDIA_OUTLET = "media_outlet"
    NEWS_AGENCY = "news_agency"
    THINK_TANK = "think_tank"
    NGO = "ngo"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    ARMED_GROUP = "armed_group"
    POLITICAL_PARTY = "political_party"
    PERSON = "person"
    OTHER = "other"


@attrs.frozen(slots=True)
class Actor:
    """Someone who does, has, receives or states something: a state, an agency, a person.

    ``id`` is a stable slug; ``parent`` is the id of the body it belongs to (South Korea's
    Joint Chiefs of Staff belong to South Korea). ``affiliation`` is the role or body the
    text gives a speaker the registry does not know ("Olena Marchenko, head of the regional
    administration").

    >>> Actor("kr-jcs", "Joint Chiefs of Staff", ActorKind.ARMED_FORCES, "KR", parent="kr").parent
    'kr'
    >>> Actor("olena-marchenko", "Olena Marchenko", ActorKind.OFFICIAL,
    ...       affiliation="head of the regional administration").affiliation
    'head of the regional administration'
    """

    id: str
    name: str
    kind: ActorKind = ActorKind.OTHER
    country: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    parent: str | None = None
    affiliation: str | None = None


class Precision(enum.Enum):
    """How finely a period is known."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    YEAR = "year"
    UNKNOWN = "unknown"


def _check_period(instance: Period, attribute: attrs.Attribute[date], value: date) -> None:
    if attribute.name == "end" and value < instance.start:
        raise ModelError("Period", f"end {value} is before start {instance.start}")


@attrs.frozen(slots=True)
class Period:
    """A stretch of time, both ends included, and how precisely the text gave it.

    >>> Period(date(2025, 1, 1), date(2025, 2, 28), Precision.MONTH).days
    59
    """

    start: date
    end: date = attrs.field(validator=_check_period)
    precision: Precision = Precision.DAY
    text: str = ""

    @property
    def days(self) -> int:
        """How many days the period covers."""
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls in the period."""
        return self.start <= day <= self.end


@attrs.frozen(slots=True)
class Source:
    """The document a claim was read from, and the wire agencies it relays."""

    outlet: Actor | None = None
    title: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | None = None
    via: tuple[Actor, ...] = attrs.field(default=(), converter=_actors)


class Hedge(enum.Enum):
    """How sure the originator says it is, from most to least certain.

    ``probability`` gives the ICD 203 band where a word maps onto one.

    >>> Hedge.CONFIRMED.rank < Hedge.LIKELY.rank
    True
    >>> Hedge.LIKELY.probability
    (0.55, 0.8)
    """

    CONFIRMED = "confirmed"
    STATED = "stated"
    ESTIMATED = "estimated"
    BELIEVED = "believed"
    REPORTEDLY = "reportedly"
    LIKELY = "likely"
    POSSIBLE = "possible"
    FORECAST = "forecast"

    @property
    def rank(self) -> int:
        """0 for the most certain; higher is less certain."""
        return list(Hedge).index(self)

    @property
    def probability(self) -> tuple[float, float] | None:
        """The ICD 203 probability band of this hedge, where one applies."""
        return _ICD_203.get(self)


_ICD_203: dict[Hedge, tuple[float, float]] = {
    Hedge.CONFIRMED: (0.95, 0.99),
    Hedge.LIKELY: (0.55, 0.80),
    Hedge.POSSIBLE: (0.20, 0.45),
}


@attrs.frozen(slots=True)
class Predicate:
    """What a claim says happened to the counted thing: an open set of keys.

    The event vocabulary of ``data/en/events.toml`` (see ``docs/events.md``) gives the usual
    ones, each a class attribute; a lexicon may bring more (``Predicate("looted")``).

    >>> Predicate.SENT, Predicate("sent") == Predicate.SENT
    (Predicate(key='sent'), True)
    """

    key: str

    KILLED: ClassVar[Predicate]
    WOUNDED: ClassVar[Predicate]
    CASUALTIES: ClassVar[Predicate]
    MISSING: ClassVar[Predicate]
    CAPTURED: ClassVar[Predicate]
    ABDUCTED: ClassVar[Predicate]
    RELEASED: ClassVar[Predicate]
    DISPLACED: ClassVar[Predicate]
    LAUNCHED: ClassVar[Predicate]
    INTERCEPTED: ClassVar[Predicate]
    DESTROYED: ClassVar[Predicate]
    DAMAGED: ClassVar[Predicate]
    SENT: ClassVar[Predicate]
    DEPLOYED: ClassVar[Predicate]
    SUPPLIED: ClassVar[Predicate]
    SEIZED: ClassVar[Predicate]
    AID: ClassVar[Predicate]
    MONEY: ClassVar[Predicate]
    PRESENT: ClassVar[Predicate]
    LOST: ClassVar[Predicate]
    TRAINING: ClassVar[Predicate]
    OTHER: ClassVar[Predicate]


for _key in (
    "killed wounded casualties missing captured abducted released displaced launched "
    "intercepted destroyed damaged sent deployed supplied seized aid money present lost "
    "training other"
).split():
    setattr(Predicate, _key.upper(), Predicate(_key))


def _check_originators(instance: Attribution) -> None:
    if instance.originators and instance.originator != instance.originators[0]:
        raise ModelError(
            "Attribution",
            f"originator {instance.originator!r} is not the first of the originators",
        )


@attrs.frozen(slots=True)
class Attribution:
    """Who stands behind a figure: the outlet, the wires it relays, and the originators.

    "Kyiv Independent, AP reported, citing South Korea's Joint Chiefs of Staff" gives outlet
    Kyiv Independent, via AP, originator the JCS. "Seoul and Kyiv said" gives two
    ``originators``, in the order named; ``originator`` is always the first of them, so code
    that knows only one source keeps working. Give either one; the other follows.

    >>> seoul = Actor("kr", "South Korea", ActorKind.STATE)
    >>> kyiv = Actor("ua", "Ukraine", ActorKind.STATE)
    >>> Attribution(originators=(seoul, kyiv)).originator.id
    'kr'
    >>> Attribution(originator=seoul).originators == (seoul,)
    True
    """

    outlet: Actor | None = None
    via: tuple[Actor, ...] = attrs.field(default=(), converter=_actors)
    originator: Actor | None = None
    originators: tuple[Actor, ...] = attrs.field(default=(), converter=_actors)

    def __attrs_post_init__(self) -> None:
        # One joint statement is one claim with several voices, never several claims: a
        # comparison that counts independent originators must not see the figure twice.
        if not self.originators and self.originator is not None:
            object.__setattr__(self, "originators", (self.originator,))
        elif self.originators and self.originator is None:
            object.__setattr__(self, "originator", self.originators[0])
        _check_originators(self)

    @property
    def chain(self) -> tuple[Actor, ...]:
        """Outlet, wires and originators, in the order the figure travelled backwards."""
        links = [self.outlet, *self.via, *self.originators]
        return tuple(a for a in links if a is not None)


class SegmentKind(enum.Enum):
    """What a piece of the page is; only TITLE, HEADING and BODY carry the page's own claims.

    RELATED marks headlines and teasers of other articles listed on the page.

    >>> SegmentKind.RELATED.carries_claims
    False
    """

    TITLE = "title"
    HEADING = "heading"
    BODY = "body"
    BYLINE = "byline"
    CAPTION = "caption"
    FURNITURE = "furniture"
    RELATED = "related"

    @property
    def carries_claims(self) -> bool:
        """Whether figures in this kind of segment are claims of the document itself."""
        return self in (SegmentKind.TITLE, SegmentKind.HEADING, SegmentKind.BODY)


@attrs.frozen(slots=True)
class Evidence:
    """The sentence a claim was read from, its place in the document, and which part of the
    page it stands in (a related-article headline is ``SegmentKind.RELATED``).

    >>> Evidence("Seoul said 3,000.", Span(0, 17)).segment
    <SegmentKind.BODY: 'body'>
    """

    text: str
    span: Span
    segment: SegmentKind = SegmentKind.BODY


@attrs.frozen(slots=True)
class Claim:
    """A quantity plus what it is about, who stands behind it, for when, and how sure.

    ``subject`` is whose people or things are counted (the victims' side for a toll, the
    owner of weapons fired or shot down, the sender of troops); ``agent`` who did it (the
    attacker, the air defence that shot down, the side that captured). ``part_of`` holds the
    larger figure this one is a part of ("of the 11,000 sent, 4,000 were killed or
    wounded"); ``derived_from`` the figures a derived claim was computed from.
    """

    quantity: Quantity
    predicate: Predicate
    subject: Actor | None = None
    agent: Actor | None = None
    recipient: Actor | None = None
    period: Period | None = None
    as_of: date | None = None
    cumulative: bool | None = None
    attribution: Attribution = Attribution()
    hedge: Hedge = Hedge.STATED
    derived_from: tuple[Quantity, ...] = attrs.field(default=(), converter=_quantities)
    part_of: Quantity | None = None
    evidence: Evidence = Evidence("", Span(0, 0))
    source: Source | None = None

    @property
    def derived(self) -> bool:
        """Whether the figure was computed from others rather than stated."""
        return bool(self.derived_from)
