"""Claims as flat records: one row per claim, for CSV files, spreadsheets and data frames.

Every record has the same keys, in the order of :data:`RECORD_FIELDS`; values are
strings, booleans, integers or ``None``. Figures stay exact decimal strings ("11000",
"0.6666666666666666666666666667") so that a CSV written from them loses nothing; actors
appear twice, as their stable id (for joins) and their name (for reading).

>>> from osint_claims import extract_claims
>>> from datetime import date
>>> claims = extract_claims("The JCS said 3,000 troops were sent to Russia.",
...                         published=date(2025, 3, 27))
>>> row = to_records(claims)[0]
>>> row["value"], row["item"], row["predicate"], row["originator"], row["recipient"]
('3000', 'troops', 'sent', 'kr-jcs', 'ru')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Final

from .model import Actor, Claim

__all__ = ["RECORD_FIELDS", "Record", "iter_records", "to_record", "to_records"]

Record = dict[str, str | bool | int | None]
"""A flat claim: field name to a string, boolean, integer or ``None``."""

RECORD_FIELDS: Final[tuple[str, ...]] = (
    "value",
    "low",
    "high",
    "bound",
    "approximate",
    "change",
    "unit",
    "item",
    "per",
    "figure",
    "text",
    "predicate",
    "subject",
    "subject_name",
    "recipient",
    "recipient_name",
    "period_start",
    "period_end",
    "period_precision",
    "as_of",
    "cumulative",
    "hedge",
    "originator",
    "originator_name",
    "via",
    "outlet",
    "outlet_name",
    "derived",
    "derived_from",
    "part_of",
    "evidence",
    "evidence_start",
    "evidence_end",
    "title",
    "url",
    "author",
    "published",
)
"""The keys of every record, in column order."""

_LIST_SEPARATOR: Final = ";"


def _id(actor: Actor | None) -> str | None:
    return actor.id if actor is not None else None


def _name(actor: Actor | None) -> str | None:
    return actor.name if actor is not None else None


def _text(value: object | None) -> str | None:
    return None if value is None else str(value)


def to_record(claim: Claim) -> Record:
    """One claim as a flat record with the keys of :data:`RECORD_FIELDS`.

    Lists (the wires a figure came through, the figures a derived one was computed from)
    are joined with ";".

    >>> from decimal import Decimal
    >>> from osint_claims import Predicate, Quantity
    >>> row = to_record(Claim(Quantity.exact(Decimal(300), item="killed"), Predicate.KILLED))
    >>> row["value"], row["bound"], row["hedge"], row["derived"], row["originator"]
    ('300', 'exact', 'stated', False, None)
    """
    quantity = claim.quantity
    period = claim.period
    attribution = claim.attribution
    source = claim.source
    return {
        "value": _text(quantity.value),
        "low": _text(quantity.low),
        "high": _text(quantity.high),
        "bound": quantity.bound.value,
        "approximate": quantity.approximate,
        "change": quantity.change.value if quantity.change is not None else None,
        "unit": quantity.unit,
        "item": quantity.item,
        "per": quantity.per,
        "figure": quantity.figure,
        "text": quantity.text,
        "predicate": claim.predicate.key,
        "subject": _id(claim.subject),
        "subject_name": _name(claim.subject),
        "recipient": _id(claim.recipient),
        "recipient_name": _name(claim.recipient),
        "period_start": period.start.isoformat() if period is not None else None,
        "period_end": period.end.isoformat() if period is not None else None,
        "period_precision": period.precision.value if period is not None else None,
        "as_of": claim.as_of.isoformat() if claim.as_of is not None else None,
        "cumulative": claim.cumulative,
        "hedge": claim.hedge.value,
        "originator": _id(attribution.originator),
        "originator_name": _name(attribution.originator),
        "via": _LIST_SEPARATOR.join(actor.id for actor in attribution.via) or None,
        "outlet": _id(attribution.outlet),
        "outlet_name": _name(attribution.outlet),
        "derived": claim.derived,
        "derived_from": _LIST_SEPARATOR.join(q.figure for q in claim.derived_from) or None,
        "part_of": claim.part_of.figure if claim.part_of is not None else None,
        "evidence": claim.evidence.text,
        "evidence_start": claim.evidence.span.start,
        "evidence_end": claim.evidence.span.end,
        "title": source.title if source is not None else None,
        "url": source.url if source is not None else None,
        "author": source.author if source is not None else None,
        "published": (
            source.published.isoformat()
            if source is not None and source.published is not None
            else None
        ),
    }


def iter_records(claims: Iterable[Claim]) -> Iterator[Record]:
    """Flat records of ``claims``, one at a time, in order (for streams of any length).

    >>> next(iter_records([]), None) is None
    True
    """
    return (to_record(claim) for claim in claims)


def to_records(claims: Iterable[Claim]) -> list[Record]:
    """Flat records of ``claims``, in order: ready for ``csv.DictWriter`` or a data frame.

    >>> to_records([])
    []
    """
    return list(iter_records(claims))
