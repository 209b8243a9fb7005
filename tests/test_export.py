"""Flat records of claims and quantities, CSV and the data frame.

pandas is in the test extra (not only the ``pandas`` extra) so that these tests run in CI.
"""

from __future__ import annotations

import csv
import io
import math
import sys
from datetime import date
from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import model_strategies  # noqa: F401  (registers strategies for st.from_type)
from osint_claims import (
    QUANTITY_FIELDS,
    RECORD_FIELDS,
    Actor,
    ActorKind,
    Attribution,
    Claim,
    MissingDependencyError,
    OsintClaimsError,
    Predicate,
    Quantity,
    Record,
    csv_cell,
    extract_claims,
    extract_quantities,
    to_dataframe,
    to_quantity_record,
    to_quantity_records,
    to_record,
    to_records,
    write_csv,
)

_SENTENCE = (
    "Of the 11,000 soldiers sent, about 300 were killed and up to 2,700 wounded in December, "
    "South Korea's spy agency said."
)


def _claims() -> list[Claim]:
    return extract_claims(_SENTENCE, published=date(2025, 1, 13))


def test_claim_and_quantity_records_share_the_quantity_columns() -> None:
    shared = [field for field in QUANTITY_FIELDS if field in RECORD_FIELDS]
    assert shared == list(RECORD_FIELDS[: len(shared)])
    claim = _claims()[1]
    quantity_row = to_quantity_record(claim.quantity)
    claim_row = to_record(claim)
    assert {f: quantity_row[f] for f in shared} == {f: claim_row[f] for f in shared}


def test_quantity_records() -> None:
    rows = to_quantity_records(extract_quantities(_SENTENCE), document="a.txt")
    assert [(r["document"], r["figure"], r["item"]) for r in rows] == [
        ("a.txt", "11000", "soldiers"),
        ("a.txt", "~300", "killed"),
        ("a.txt", "at most 2700", "wounded"),
    ]
    first = rows[0]
    assert list(first) == list(QUANTITY_FIELDS)
    start, end = first["start"], first["end"]
    assert isinstance(start, int) and isinstance(end, int)
    assert _SENTENCE[start:end] == "11,000 soldiers"


@given(st.from_type(Claim))
def test_every_record_has_exactly_the_record_fields(claim: Claim) -> None:
    record = to_record(claim)
    assert tuple(record) == RECORD_FIELDS
    assert all(v is None or isinstance(v, str | bool | int) for v in record.values())


def test_agent_columns_stand_next_to_the_subject() -> None:
    at = RECORD_FIELDS.index("subject")
    assert RECORD_FIELDS[at : at + 5] == (
        "subject",
        "subject_name",
        "agent",
        "agent_name",
        "recipient",
    )
    assert RECORD_FIELDS[RECORD_FIELDS.index("originator_name") + 1] == "originator_affiliation"


_YEMEN = Actor("ye", "Yemen", ActorKind.STATE, "YE")
_COALITION = Actor("saudi-led-coalition", "Saudi-led coalition", ActorKind.ARMED_FORCES)
_MARCHENKO = Actor(
    "olena-marchenko", "Olena Marchenko", ActorKind.OFFICIAL, affiliation="head of the region"
)


@pytest.mark.parametrize(
    ("agent", "originator", "expected"),
    [
        # agent, originator -> agent, agent_name, originator_affiliation
        (
            _COALITION,
            _MARCHENKO,
            ("saudi-led-coalition", "Saudi-led coalition", "head of the region"),
        ),
        (None, _MARCHENKO, (None, None, "head of the region")),
        (_COALITION, _YEMEN, ("saudi-led-coalition", "Saudi-led coalition", None)),
        (None, None, (None, None, None)),
    ],
)
def test_agent_and_affiliation_columns(
    agent: Actor | None, originator: Actor | None, expected: tuple[str | None, ...]
) -> None:
    claim = Claim(
        Quantity.exact(Decimal(40), item="civilians"),
        Predicate.KILLED,
        subject=_YEMEN,
        agent=agent,
        attribution=Attribution(originator=originator),
    )
    row = to_record(claim)
    assert (row["agent"], row["agent_name"], row["originator_affiliation"]) == expected
    assert (row["subject"], row["subject_name"]) == ("ye", "Yemen")
    out = io.StringIO(newline="")
    write_csv([row], out)
    [back] = _read_back(out.getvalue())
    assert back["agent_name"] == csv_cell(expected[1])
    frame = to_dataframe([claim])
    assert str(frame["agent"].dtype) == "string"
    assert (frame.loc[0, "agent"] is pd.NA) == (agent is None)


@given(st.from_type(Claim))
def test_agent_columns_name_the_agent(claim: Claim) -> None:
    row = to_record(claim)
    agent = claim.agent
    assert row["agent"] == (agent.id if agent is not None else None)
    assert row["agent_name"] == (agent.name if agent is not None else None)


@given(st.from_type(Quantity))
def test_every_quantity_record_has_exactly_the_quantity_fields(quantity: Quantity) -> None:
    assert tuple(to_quantity_record(quantity)) == QUANTITY_FIELDS


def _read_back(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


# A generated claim (a dozen actors, four quantities) takes tens of milliseconds to draw:
# lists of them get fewer examples, and no health check on the drawing time.
_FEW = settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])


@_FEW
@given(st.lists(st.from_type(Claim), max_size=3))
def test_csv_round_trip_keeps_every_value(claims: list[Claim]) -> None:
    records = to_records(claims)
    out = io.StringIO(newline="")
    assert write_csv(records, out) == len(records)
    back = _read_back(out.getvalue())
    assert [list(row) for row in back] == [list(RECORD_FIELDS)] * len(records)
    for record, row in zip(records, back, strict=True):
        assert row == {field: csv_cell(value) for field, value in record.items()}
    for claim, row in zip(claims, back, strict=True):
        # Figures survive exactly, digits and exponent alike.
        value = claim.quantity.value
        assert row["value"] == ("" if value is None else str(value))
        if value is not None:
            assert Decimal(row["value"]) == value


def test_csv_quotes_what_needs_quoting() -> None:
    record: Record = {"text": 'a "quoted", multi\nline cell', "value": None, "derived": True}
    out = io.StringIO(newline="")
    write_csv([record], out, fields=("text", "value", "derived"))
    assert _read_back(out.getvalue()) == [
        {"text": 'a "quoted", multi\nline cell', "value": "", "derived": "true"}
    ]


def test_dataframe_columns_and_types() -> None:
    frame = to_dataframe(_claims())
    assert tuple(frame.columns) == RECORD_FIELDS
    assert len(frame) == 3
    dtypes = {column: str(dtype) for column, dtype in frame.dtypes.items()}
    assert {dtypes[c] for c in ("value", "low", "high")} == {"float64"}
    assert {dtypes[c] for c in ("period_start", "period_end", "as_of", "published")} == {
        "datetime64[s]"
    }
    assert {dtypes[c] for c in ("approximate", "cumulative", "derived")} == {"boolean"}
    assert {dtypes[c] for c in ("evidence_start", "evidence_end")} == {"int64"}
    assert {dtypes[c] for c in ("figure", "item", "originator", "hedge")} == {"string"}
    assert frame["value"].tolist() == [11000.0, 300.0, 2700.0]
    assert frame["low"].isna().tolist() == [False, False, True]
    assert frame.loc[2, "figure"] == "at most 2700"
    assert frame["approximate"].tolist() == [False, True, False]
    assert frame["cumulative"].isna().all()
    assert frame.loc[0, "published"] == pd.Timestamp("2025-01-13")
    assert frame.loc[1, "originator"] == "kr-nis"
    assert frame["recipient"].isna().all()


def test_dataframe_of_nothing_has_the_columns() -> None:
    frame = to_dataframe([])
    assert tuple(frame.columns) == RECORD_FIELDS
    assert len(frame) == 0
    assert str(frame["value"].dtype) == "float64"


@_FEW
@given(st.lists(st.from_type(Claim), max_size=3))
def test_dataframe_of_any_claims(claims: list[Claim]) -> None:
    frame = to_dataframe(claims)
    assert tuple(frame.columns) == RECORD_FIELDS
    for row, claim in zip(frame.itertuples(index=False), claims, strict=True):
        best = claim.quantity.value
        figure = float(row.value)  # type: ignore[arg-type]  # the stubs type cells loosely
        assert math.isnan(figure) if best is None else figure == float(best)


def test_dataframe_without_pandas_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    # A None entry in sys.modules makes "import pandas" fail as if it were not installed.
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependencyError) as caught:
        to_dataframe(_claims())
    assert isinstance(caught.value, OsintClaimsError)
    assert isinstance(caught.value, ImportError)
    assert "pip install osint_claims[pandas]" in str(caught.value)
