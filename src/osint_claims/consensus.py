"""Many claims about one thing: topics, the voices behind them, a consensus and a timeline.

- :func:`group` sorts claims into :class:`Topic` s: the same subject, measure and recipient,
  and either running totals or increments over overlapping periods; who did it (the
  agent) tells topics apart only where no claim names whose people or things were counted;
- :func:`voices` counts each independent originator once: outlets that cite the same
  originator are one voice, and an originator's latest figure supersedes its earlier ones;
- :func:`consensus` gives low, best and high (as UCDP does) and the conservative figure
  (as ACLED does) over those voices;
- :func:`timeline` orders a topic's figures by the date they hold for.

>>> from datetime import date
>>> from osint_claims import extract_claims
>>> claims = (
...     extract_claims("North Korea has sent 11,000 troops to Russia, the JCS said.",
...                    published=date(2025, 3, 27))
...     + extract_claims("North Korea has sent some 11,000 troops to Russia, the JCS said.",
...                      published=date(2025, 3, 28))
...     + extract_claims("North Korea has sent 10,000 to 12,000 troops to Russia, Kyiv said.",
...                      published=date(2025, 3, 20)))
>>> [topic] = group(claims)
>>> topic.label
'North Korea → Russia: personnel sent'
>>> agreed = consensus(topic)
>>> agreed.low, agreed.best, agreed.high, agreed.conservative, len(agreed.voices)
(Decimal('10000'), Decimal('11000'), Decimal('12000'), Decimal('11000'), 2)
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

import attrs

from ._decimals import in_context
from ._figures import names_text
from ._parties import Sides
from .compare import claim_date, claims_given, increment_period, is_increment
from .lexicon import Lexicon
from .measures import Measure, Measures
from .model import Actor, Claim, Period, Precision
from .serialize import converter

__all__ = [
    "Consensus",
    "TimelineEntry",
    "Topic",
    "Voice",
    "consensus",
    "group",
    "timeline",
    "voices",
]


def _claims(values: Iterable[Claim]) -> tuple[Claim, ...]:
    return tuple(values)


def _actors(values: Iterable[Actor]) -> tuple[Actor, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class Topic:
    """Claims about one thing: whose people or things (``subject``) had what done to them
    (``measure``), to or for whom (``recipient``), as running totals or as increments over
    one ``period``.

    Who did it is no part of a topic where the subject is named: sources name an attacker
    in many ways, and dispute it, while the toll they count is the same. ``agent`` is set
    only for a topic whose claims name no subject, where it is all that tells the dead of
    one attack from those of another; each claim's own agent stays on the claim.
    """

    subject: Actor | None
    measure: Measure
    recipient: Actor | None
    increment: bool
    period: Period | None
    claims: tuple[Claim, ...] = attrs.field(converter=_claims)
    dimension: str | None = None
    per: str | None = None
    agent: Actor | None = None

    @property
    def label(self) -> str:
        """A heading: "North Korea → Russia: personnel sent (increments, 2025-01-01 to …)",
        "unnamed party: abducted by Hamas"."""
        parties = self.subject.name if self.subject is not None else "unnamed party"
        if self.recipient is not None:
            parties += f" → {self.recipient.name}"
        text = f"{parties}: {self.measure.label}"
        if self.agent is not None:
            text += f" by {self.agent.name}"
        if self.dimension is not None and self.dimension != self.measure.thing:
            text += " (share)" if self.dimension == "ratio" else f" ({self.dimension})"
        if self.per is not None:
            text += f" a {self.per}"
        if self.increment:
            text += " (increments"
            text += f", {self.period.start} to {self.period.end})" if self.period else ", undated)"
        return text

    @property
    def agents(self) -> tuple[Actor, ...]:
        """Everyone the topic's claims say did it, once each, in the order first named.

        >>> from decimal import Decimal
        >>> from osint_claims import Predicate, Quantity
        >>> [topic] = group([Claim(Quantity.exact(Decimal(40)), Predicate.KILLED,
        ...                        subject=Actor("ye", "Yemen"), agent=Actor(i, n))
        ...                  for i, n in [("saudi-led-coalition", "Saudi-led coalition"),
        ...                               ("sa", "Saudi Arabia")]])
        >>> topic.label, [agent.name for agent in topic.agents]
        ('Yemen: killed', ['Saudi-led coalition', 'Saudi Arabia'])
        """
        found: dict[str, Actor] = {}
        for claim in self.claims:
            if claim.agent is not None:
                found.setdefault(claim.agent.id, claim.agent)
        return tuple(found.values())


@attrs.frozen(slots=True)
class Voice:
    """One independent source of a figure: an originator (or, when no one is cited, the
    outlet that printed it), its latest ``claim``, the outlets that carried it, and the
    earlier figures that claim supersedes."""

    key: str
    name: str
    claim: Claim
    outlets: tuple[Actor, ...] = attrs.field(converter=_actors)
    superseded: tuple[Claim, ...] = attrs.field(converter=_claims)


@attrs.frozen(slots=True)
class Consensus:
    """Where the voices of a topic land.

    ``low``/``high``: the lowest and highest figure any voice allows (UCDP's low and high
    estimates); ``best``: the median of the voices' best figures; ``conservative``: the
    lowest best figure (ACLED's rule of the most conservative report). ``low <= best <=
    high`` always holds; all are ``None`` when no voice gives a figure.
    """

    low: Decimal | None
    best: Decimal | None
    high: Decimal | None
    conservative: Decimal | None
    voices: tuple[Voice, ...]


@attrs.frozen(slots=True)
class TimelineEntry:
    """A figure and the date it holds for (``None`` when the text never says)."""

    when: date | None
    claim: Claim


def group(claims: Iterable[Claim], *, lexicon: Lexicon | None = None) -> list[Topic]:
    """Claims sorted into topics, largest first.

    A claim that names no subject or no recipient joins the topic of the only one named
    for its measure; increments join when their periods overlap (or one has none). Claims
    that name no subject and cannot join one are told apart by the side that did it; those
    that name none (or only "gunmen", "bandits": attackers named by what they are) join the
    only side named.

    >>> from decimal import Decimal
    >>> from osint_claims import Predicate, Quantity
    >>> def abducted(figure, agent):
    ...     return Claim(Quantity.exact(Decimal(figure)), Predicate.ABDUCTED,
    ...                  agent=Actor(agent.lower(), agent))
    >>> topics = group([abducted(251, "Hamas"), abducted(30, "Islamic Jihad"),
    ...                 abducted(12, "Gunmen")])
    >>> [topic.label for topic in topics]  # doctest: +NORMALIZE_WHITESPACE
    ['unnamed party: abducted', 'unnamed party: abducted by Hamas',
     'unnamed party: abducted by Islamic Jihad']
    >>> group([])
    []
    """
    claims = claims_given("group", claims)
    lexicon = lexicon if lexicon is not None else Lexicon.default()
    measures = Measures.for_lexicon(lexicon)
    sides = Sides.for_lexicon(lexicon)
    units = lexicon.units
    by_measure: dict[tuple[Measure, bool, str | None, str | None], list[Claim]] = {}
    for claim in claims:
        unit = claim.quantity.unit
        # Figures that cannot convert into each other (a count, a share, an area) never
        # share a topic, nor do rates over different periods.
        dimension = None if unit is None else (units[unit].dimension if unit in units else unit)
        key = (measures.measure_of(claim), is_increment(claim), dimension, claim.quantity.per)
        by_measure.setdefault(key, []).append(claim)
    topics: list[Topic] = []
    for (measure, increment, dimension, per), members in by_measure.items():
        for subject, by_subject in _by_party(members, "subject"):
            # Only where no side is named for the counted does who did it tell tolls apart.
            by_agent = _by_agent(by_subject, sides) if subject is None else [(None, by_subject)]
            for agent, of_agent in by_agent:
                for recipient, together in _by_party(of_agent, "recipient"):
                    clusters = _by_period(together) if increment else [(None, together)]
                    topics.extend(
                        Topic(
                            subject,
                            measure,
                            recipient,
                            increment,
                            period,
                            cluster,
                            dimension,
                            per,
                            agent,
                        )
                        for period, cluster in clusters
                    )
    topics.sort(key=lambda topic: (-len(topic.claims), topic.label))
    return topics


def _by_party(claims: list[Claim], role: str) -> list[tuple[Actor | None, list[Claim]]]:
    named: dict[str, tuple[Actor, list[Claim]]] = {}
    unnamed: list[Claim] = []
    for claim in claims:
        actor: Actor | None = getattr(claim, role)
        if actor is None:
            unnamed.append(claim)
        else:
            named.setdefault(actor.id, (actor, []))[1].append(claim)
    groups: list[tuple[Actor | None, list[Claim]]] = list(named.values())
    if unnamed and len(groups) == 1:
        groups[0][1].extend(unnamed)
        groups[0][1].sort(key=claims.index)
    elif unnamed:
        groups.append((None, unnamed))
    return groups


def _by_agent(claims: list[Claim], sides: Sides) -> list[tuple[Actor | None, list[Claim]]]:
    # As _by_party, by the side each agent stands for: "Israeli forces" and "Israel" are one
    # attacker, "gunmen" none. A side is named by its own actor where a claim names it, else
    # by the first that stands for it.
    named: dict[str, tuple[Actor, list[Claim]]] = {}
    unnamed: list[Claim] = []
    for claim in claims:
        agent = claim.agent
        key = sides.side(agent)
        if agent is None or key is None:
            unnamed.append(claim)
            continue
        found = named.get(key)
        if found is None:
            named[key] = (agent, [claim])
        else:
            found[1].append(claim)
            if agent.id == key and found[0].id != key:
                named[key] = (agent, found[1])
    groups: list[tuple[Actor | None, list[Claim]]] = list(named.values())
    if unnamed and len(groups) == 1:
        groups[0][1].extend(unnamed)
        groups[0][1].sort(key=claims.index)
    elif unnamed:
        groups.append((None, unnamed))
    return groups


def _by_period(claims: list[Claim]) -> list[tuple[Period | None, list[Claim]]]:
    # Increments cluster by the days they cover (see increment_period); those whose period
    # and date are both unknown are kept together apart.
    known: list[tuple[date, date, Claim]] = []
    unknown: list[Claim] = []
    for claim in claims:
        span = increment_period(claim)
        if span is None:
            unknown.append(claim)
        else:
            known.append((*span, claim))
    known.sort(key=lambda entry: (entry[0], entry[1]))
    clusters: list[tuple[date, date, list[Claim]]] = []
    for start, end, claim in known:
        if clusters and start <= clusters[-1][1]:
            first, last, members = clusters[-1]
            clusters[-1] = (first, max(last, end), [*members, claim])
        else:
            clusters.append((start, end, [claim]))
    result: list[tuple[Period | None, list[Claim]]] = [
        (Period(first, last, Precision.DAY), members) for first, last, members in clusters
    ]
    if unknown:
        result.append((None, unknown))
    return [(period, sorted(members, key=claims.index)) for period, members in result]


@in_context
def voices(claims: Iterable[Claim]) -> list[Voice]:
    """Each independent originator once, with its latest figure.

    Outlets that cite the same originator are one voice; a figure no one is cited for is
    the voice of the outlet that printed it. Of one voice's figures the latest wins (then a
    stated one over a derived one, then the narrowest).

    >>> voices([])
    []
    """
    by_key: dict[str, list[Claim]] = {}
    names: dict[str, str] = {}
    for claim in claims_given("voices", claims):
        key, name = _voice_of(claim)
        by_key.setdefault(key, []).append(claim)
        names[key] = name
    result = []
    for key, said in by_key.items():
        # A figure computed from others of the same voice (240 of both systems, from 120 of
        # each) stands for them: its inputs are not heard again.
        inputs = {quantity for claim in said for quantity in claim.derived_from}
        members = [claim for claim in said if claim.quantity not in inputs] or said
        ordered = sorted(members, key=_recency, reverse=True)
        latest = ordered[0]
        outlets: dict[str, Actor] = {}
        for claim in ordered:
            outlet = claim.attribution.outlet
            if outlet is not None:
                outlets.setdefault(outlet.id, outlet)
        superseded = tuple(c for c in ordered[1:] if _recency(c)[0] < _recency(latest)[0])
        result.append(Voice(key, names[key], latest, tuple(outlets.values()), superseded))
    result.sort(key=lambda voice: voice.name)
    return result


def _voice_of(claim: Claim) -> tuple[str, str]:
    # Sources that speak together ("Seoul and Kyiv said") are one voice, named by all.
    attribution = claim.attribution
    if attribution.originators:
        key = "+".join(actor.id for actor in attribution.originators)
        return key, names_text(attribution.originators)
    if attribution.outlet is not None:
        return f"outlet:{attribution.outlet.id}", attribution.outlet.name
    return "unattributed", "unattributed"


def _recency(claim: Claim) -> tuple[date, bool, Decimal, str]:
    # Latest first; then stated before derived; then the narrowest figure; then a fixed
    # order, so that which copy of one figure is kept never depends on input order.
    quantity = claim.quantity
    width = (
        quantity.high - quantity.low
        if quantity.high is not None and quantity.low is not None
        else Decimal("Infinity")
    )
    figure = json.dumps(converter.unstructure(quantity), sort_keys=True)
    return (claim_date(claim) or date.min, not claim.derived, -width, figure)


@in_context
def consensus(topic: Topic | Sequence[Claim]) -> Consensus:
    """Low, best, high and conservative figures over the independent voices of a topic.

    >>> consensus([]).best is None
    True
    """
    claims = topic.claims if isinstance(topic, Topic) else claims_given("consensus", topic)
    heard = voices(claims)
    bests = [b for b in (voice.claim.quantity.best for voice in heard) if b is not None]
    if not bests:
        return Consensus(None, None, None, None, tuple(heard))
    lows = [v.claim.quantity.low for v in heard if v.claim.quantity.low is not None]
    highs = [v.claim.quantity.high for v in heard if v.claim.quantity.high is not None]
    best = statistics.median(sorted(bests))
    return Consensus(
        low=min([*lows, *bests]),
        best=best,
        high=max([*highs, *bests]),
        conservative=min(bests),
        voices=tuple(heard),
    )


def timeline(topic: Topic | Sequence[Claim]) -> list[TimelineEntry]:
    """A topic's figures in the order of the dates they hold for; undated ones last.

    >>> timeline([])
    []
    """
    claims = topic.claims if isinstance(topic, Topic) else claims_given("timeline", topic)
    entries = [TimelineEntry(claim_date(claim), claim) for claim in claims]
    entries.sort(key=lambda entry: (entry.when is None, entry.when or date.min))
    return entries
