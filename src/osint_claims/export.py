"""Claims as flat records: one row per claim, for CSV files, spreadsheets and data frames.

Quantities on their own have records too (:func:`to_quantity_record`), with the same
quantity columns; :func:`write_csv` writes either kind and :func:`to_dataframe` (optional
``pandas`` extra) makes a typed data frame of claims.

Every record has the same keys, in the order of :data:`RECORD_FIELDS`; values are
strings, booleans, integers or ``None``. Figures stay exact decimal strings ("11000",
"0.6666666666666666666666666667") so that a CSV written from them loses nothing; actors
appear twice, as their stable id (for joins) and their name (for reading): ``subject``
and ``subject_name`` for whose people or things are counted, ``agent`` and ``agent_name``
for who did it, and so on; ``originator_affiliation`` is the role the text gives a
speaker the registry does not know.

>>> from osint_claims import extract_claims
>>> from datetime import date
>>> claims = extract_claims("The JCS said 3,000 troops were sent to Russia.",
...                         published=date(2025, 3, 27))
>>> row = to_records(claims)[0]
>>> row["value"], row["item"], row["predicate"], row["originator"], row["recipient"]
('3000', 'troops', 'sent', 'kr-jcs', 'ru')
>>> [field for field in RECORD_FIELDS if field.startswith(("subject", "agent"))]
['subject', 'subject_name', 'agent', 'agent_name']
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Final, TextIO

from .errors import MissingDependencyError
from .model import Actor, Claim, Quantity

if TYPE_CHECKING:
    import pandas

__all__ = [
    "QUANTITY_FIELDS",
    "RECORD_FIELDS",
    "Record",
    "csv_cell",
    "iter_records",
    "to_dataframe",
    "to_quantity_record",
    "to_quantity_records",
    "to_record",
    "to_records",
    "write_csv",
]

Record = dict[str, str | bool | int | None]
"""A flat claim: field name to a string, boolean, integer or ``None``."""

# The columns a quantity brings, shared by claim and quantity records.
_QUANTITY_COLUMNS: Final[tuple[str, ...]] = (
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
)

RECORD_FIELDS: Final[tuple[str, ...]] = (
    *_QUANTITY_COLUMNS,
    "predicate",
    "subject",
    "subject_name",
    "agent",
    "agent_name",
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
    "originator_affiliation",
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

QUANTITY_FIELDS: Final[tuple[str, ...]] = ("document", *_QUANTITY_COLUMNS, "start", "end")
"""The keys of every quantity record, in column order: the quantity columns of
:data:`RECORD_FIELDS`, with the document it was read from and its offsets there."""

_LIST_SEPARATOR: Final = ";"


def _id(actor: Actor | None) -> str | None:
    return actor.id if actor is not None else None


def _name(actor: Actor | None) -> str | None:
    return actor.name if actor is not None else None


def _text(value: object | None) -> str | None:
    return None if value is None else str(value)


def _quantity_columns(quantity: Quantity) -> Record:
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
    }


def to_record(claim: Claim) -> Record:
    """One claim as a flat record with the keys of :data:`RECORD_FIELDS`.

    Lists (the wires a figure came through, the figures a derived one was computed from)
    are joined with ";".

    >>> from decimal import Decimal
    >>> from osint_claims import Predicate, Quantity
    >>> row = to_record(Claim(Quantity.exact(Decimal(300), item="killed"), Predicate.KILLED))
    >>> row["value"], row["bound"], row["hedge"], row["derived"], row["originator"]
    ('300', 'exact', 'stated', False, None)
    >>> from osint_claims import Actor
    >>> row = to_record(Claim(Quantity.exact(Decimal(40), item="civilians"), Predicate.KILLED,
    ...                       subject=Actor("ye", "Yemen"),
    ...                       agent=Actor("saudi-led-coalition", "Saudi-led coalition")))
    >>> row["subject_name"], row["agent"], row["agent_name"]
    ('Yemen', 'saudi-led-coalition', 'Saudi-led coalition')
    """
    period = claim.period
    attribution = claim.attribution
    source = claim.source
    return {
        **_quantity_columns(claim.quantity),
        "predicate": claim.predicate.key,
        "subject": _id(claim.subject),
        "subject_name": _name(claim.subject),
        "agent": _id(claim.agent),
        "agent_name": _name(claim.agent),
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
        "originator_affiliation": (
            attribution.originator.affiliation if attribution.originator is not None else None
        ),
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


def to_quantity_record(quantity: Quantity, *, document: str | None = None) -> Record:
    """One quantity as a flat record with the keys of :data:`QUANTITY_FIELDS`.

    ``document`` names where it was read (a path, say); ``start`` and ``end`` are its
    offsets in that text.

    >>> from osint_claims import parse_quantity
    >>> row = to_quantity_record(parse_quantity("at least 30 km"), document="a.txt")
    >>> row["document"], row["figure"], row["bound"], row["start"], row["end"]
    ('a.txt', 'at least 30 km', 'at_least', 0, 14)
    """
    return {
        "document": document,
        **_quantity_columns(quantity),
        "start": quantity.span.start,
        "end": quantity.span.end,
    }


def to_quantity_records(
    quantities: Iterable[Quantity], *, document: str | None = None
) -> list[Record]:
    """Flat records of ``quantities`` read from ``document``, in order.

    >>> from osint_claims import extract_quantities
    >>> [r["figure"] for r in to_quantity_records(extract_quantities("300 dead, 2,700 hurt"))]
    ['300', '2700']
    """
    return [to_quantity_record(quantity, document=document) for quantity in quantities]


def csv_cell(value: str | bool | int | None) -> str:
    """How a record value is written in CSV: ``None`` as an empty cell, booleans as in JSON.

    >>> [csv_cell(v) for v in (None, True, False, 12, "3000")]
    ['', 'true', 'false', '12', '3000']
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_csv(
    records: Iterable[Record], file: TextIO, *, fields: Sequence[str] = RECORD_FIELDS
) -> int:
    """Write ``records`` to ``file`` as CSV with a header of ``fields``; return the row count.

    Cells are quoted where needed (commas, quotes, line breaks), so ``csv.DictReader`` reads
    back every text as written (see :func:`csv_cell`). Open files with ``newline=""``.

    >>> import io
    >>> out = io.StringIO()
    >>> write_csv([{"value": "3000", "item": "troops, sent"}], out, fields=("value", "item"))
    1
    >>> out.getvalue()
    'value,item\\r\\n3000,"troops, sent"\\r\\n'
    """
    # The RFC's "\r\n" line ends: the csv module quotes a cell holding a character of the
    # line terminator, and with "\n" alone a lone "\r" in a text would break its row.
    writer = csv.writer(file, lineterminator="\r\n")
    writer.writerow(fields)
    count = 0
    for record in records:
        writer.writerow([csv_cell(record.get(field)) for field in fields])
        count += 1
    return count


# Column types of to_dataframe; every other column is text.
_FLOAT_COLUMNS: Final = ("value", "low", "high")
_DATE_COLUMNS: Final = ("period_start", "period_end", "as_of", "published")
_BOOLEAN_COLUMNS: Final = ("approximate", "cumulative", "derived")
_INTEGER_COLUMNS: Final = ("evidence_start", "evidence_end")


def to_dataframe(claims: Iterable[Claim]) -> pandas.DataFrame:
    """Claims as a pandas data frame: one row per claim, the columns of :data:`RECORD_FIELDS`.

    ``value``, ``low`` and ``high`` are ``float64`` (``NaN`` where absent), for arithmetic
    and plots; a float keeps about 16 significant digits, so the exact figure stays in the
    text column ``figure`` (and in :func:`to_records`). Dates are ``datetime64[s]``
    (``NaT`` where absent), ``approximate``, ``cumulative`` and ``derived`` are nullable
    ``boolean``, the evidence offsets ``int64``, everything else nullable ``string``.

    Needs the optional ``pandas`` extra; without it raises
    :class:`~osint_claims.errors.MissingDependencyError`.

    >>> from datetime import date
    >>> from osint_claims import extract_claims
    >>> frame = to_dataframe(extract_claims("Seoul said 3,000 troops were sent to Russia.",
    ...                                     published=date(2025, 3, 27)))
    >>> float(frame.loc[0, "value"]), str(frame["published"].dtype), frame.loc[0, "recipient"]
    (3000.0, 'datetime64[s]', 'ru')
    """
    try:
        import pandas as pd  # noqa: PLC0415  (optional: imported only when asked for)
    except ImportError:
        raise MissingDependencyError("to_dataframe", "pandas", "pandas") from None
    rows = to_records(claims)
    columns: dict[str, pandas.Series[Any]] = {}
    for field in RECORD_FIELDS:
        values = [row[field] for row in rows]
        column: pandas.Series[Any]
        if field in _FLOAT_COLUMNS:
            column = pd.Series(
                [float(v) if v is not None else float("nan") for v in values], dtype="float64"
            )
        elif field in _DATE_COLUMNS:
            days = [date.fromisoformat(v) if isinstance(v, str) else None for v in values]
            column = pd.Series(days, dtype="object").astype("datetime64[s]")
        elif field in _BOOLEAN_COLUMNS:
            column = pd.Series(values, dtype="boolean")
        elif field in _INTEGER_COLUMNS:
            column = pd.Series(values, dtype="int64")
        else:
            column = pd.Series(values, dtype="string")
        columns[field] = column
    return pd.DataFrame(columns, columns=list(RECORD_FIELDS))
