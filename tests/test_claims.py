"""Claim extraction: attribution patterns, bad input, and properties."""

from __future__ import annotations

import shlex
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osint_claims import (
    ActorRegistry,
    InvalidInputError,
    extract_claims,
    read_article,
)
from osint_claims.model import Claim

TABLE = Path(__file__).parent / "cases" / "attribution.txt"
PUBLISHED = date(2025, 3, 27)


def _rows() -> list[tuple[int, str, dict[str, str]]]:
    rows = []
    for number, raw in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), start=1):
        if raw.strip() and not raw.startswith("#"):
            sentence, _, checks = raw.rpartition(" | ")
            rows.append(
                (number, sentence.strip(), dict(p.split("=", 1) for p in shlex.split(checks)))
            )
    return rows


def _shown(claim: Claim, key: str) -> object:
    registry = ActorRegistry.default()
    if key in ("originator",):
        return claim.attribution.originator
    if key in ("subject", "recipient"):
        return getattr(claim, key)
    if key == "via":
        return claim.attribution.via
    return {
        "predicate": claim.predicate.key,
        "hedge": claim.hedge.value,
        "change": claim.quantity.change.value if claim.quantity.change else "none",
        "bound": claim.quantity.bound.name,
        "period": f"{claim.period.start}..{claim.period.end}" if claim.period else "none",
        "cumulative": {True: "yes", False: "no", None: "unknown"}[claim.cumulative],
    }.get(key, registry)


ROWS = _rows()


@pytest.mark.parametrize("row", ROWS, ids=[f"L{n}" for n, _, _ in ROWS])
def test_attribution_table(row: tuple[int, str, dict[str, str]]) -> None:
    number, sentence, checks = row
    claims = extract_claims(sentence, published=PUBLISHED)
    assert claims, f"line {number}: no claim in {sentence!r}"
    claim = claims[0]
    registry = ActorRegistry.default()
    for key, expected in checks.items():
        shown = _shown(claim, key)
        if key in ("originator", "subject", "recipient"):
            assert shown == registry.resolve(expected), f"line {number}: {key} is {shown}"
        elif key == "via":
            assert registry.resolve(expected) in claim.attribution.via, f"line {number}: via"
        else:
            assert shown == expected, f"line {number}: {key} is {shown}, expected {expected}"


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", "\x00\x01\xff" * 1000, "no figures here at all", "3,000", "🙂" * 500],
)
def test_bad_or_empty_input_gives_no_claims_or_only_real_ones(text: str) -> None:
    claims = extract_claims(text)
    for claim in claims:
        assert claim.quantity.text in text


def test_non_text_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError):
        extract_claims(b"North Korea sent 3,000 troops")  # type: ignore[arg-type]
    binary = tmp_path / "junk.txt"
    binary.write_bytes(b"\xff\xfe\x00\x81" * 100)
    with pytest.raises(InvalidInputError, match="not UTF-8"):
        read_article(binary)
    with pytest.raises(InvalidInputError, match="cannot read"):
        read_article(tmp_path / "absent.txt")


def test_related_headlines_and_furniture_are_not_claims() -> None:
    page = (
        "Seoul says Pyongyang sent troops\n\n"
        "North Korea sent 3,000 troops to Russia, Seoul said.\n\n"
        "If you can, please support us monthly starting from just $2.\n\n"
        "Read more\n\n"
        "At Least 100 North Korean Soldiers Killed Fighting for Russia, Seoul Says\n"
        "2 Min read\n"
    )
    claims = extract_claims(page, published=PUBLISHED)
    assert [c.quantity.value for c in claims] == [3000]


def test_a_share_of_a_figure_is_derived() -> None:
    claims = extract_claims(
        "Zelensky said North Korean forces had suffered around 4,000 casualties, "
        "with two-thirds killed.",
        published=PUBLISHED,
    )
    derived = [c for c in claims if c.derived]
    assert len(derived) == 1
    assert derived[0].quantity.value == 2667
    assert derived[0].quantity.approximate
    assert derived[0].predicate.key == "killed"
    assert derived[0].derived_from[0].value == 4000


def test_parts_of_a_larger_figure() -> None:
    claims = extract_claims(
        "Of the 11,000 soldiers sent, 300 were killed and another 2,700 wounded, the NIS said.",
        published=PUBLISHED,
    )
    parts = {c.quantity.value: c.part_of.value if c.part_of else None for c in claims}
    assert parts == {11000: None, 300: 11000, 2700: 11000}


def test_one_figure_in_two_units_is_one_claim() -> None:
    claims = extract_claims(
        "Ukrainian troops seized 1,300 square kilometers (500 square miles) of territory.",
        published=PUBLISHED,
    )
    assert [(c.quantity.value, c.quantity.unit) for c in claims] == [(Decimal(1300), "km2")]


@given(st.text(max_size=300))
def test_extract_claims_never_raises_and_evidence_holds(text: str) -> None:
    article = read_article(text, published=PUBLISHED)
    for claim in extract_claims(article):
        evidence = claim.evidence
        assert text[evidence.span.start : evidence.span.end] == evidence.text
        span = claim.quantity.span
        assert evidence.span.start <= span.start <= span.end <= evidence.span.end
        assert text[span.start : span.end] == claim.quantity.text
