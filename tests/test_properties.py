"""Hypothesis properties of the numeral and quantity parsers and the JSON converter."""

from __future__ import annotations

import itertools
import json
from decimal import Decimal

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import model_strategies  # noqa: F401  (registers strategies for st.from_type)
from osint_claims import (
    ModelError,
    Quantity,
    converter,
    extract_quantities,
    from_json,
    parse_number,
    to_json,
)
from osint_claims.model import (
    Actor,
    ActorKind,
    Attribution,
    Claim,
    Evidence,
    SegmentKind,
)

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen".split()
_ONES += "fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _below_thousand(n: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words += [_ONES[hundreds], "hundred"]
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        words.append(_TENS[tens - 2] + (f"-{_ONES[ones]}" if ones else ""))
    elif rest or not words:
        words.append(_ONES[rest])
    return words


def in_words(n: int) -> str:
    """English words for 0 <= n < 10**12, the way news writes them."""
    if n == 0:
        return "zero"
    words: list[str] = []
    for scale, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        group, n = divmod(n, scale)
        if group:
            words += [*_below_thousand(group), name]
    if n:
        words += _below_thousand(n)
    return " ".join(words)


def grouped(n: int, separator: str) -> str:
    return f"{n:,}".replace(",", separator)


@given(st.integers(min_value=0, max_value=10**12 - 1))
@example(2500)
@example(1_000_001)
def test_number_words_read_back(n: int) -> None:
    assert parse_number(in_words(n)) == n


@given(
    st.integers(min_value=0, max_value=10**15),
    st.sampled_from([",", " ", "\u00a0", "\u2009", "\u202f", ""]),
)
def test_grouped_digits_read_back(n: int, separator: str) -> None:
    assert parse_number(grouped(n, separator)) == n


@given(
    st.decimals(min_value=Decimal("0.1"), max_value=Decimal(999), places=1),
    st.sampled_from(
        [("million", 10**6), ("billion", 10**9), ("bn", 10**9), ("m", 10**6), ("k", 1000)]
    ),
)
def test_scaled_figures_read_back(mantissa: Decimal, scale: tuple[str, int]) -> None:
    word, factor = scale
    written = f"{mantissa}{'' if len(word) <= 2 else ' '}{word}"
    assert parse_number(written) == mantissa * factor


@given(st.text())
@example("1," * 500)
@example("about " * 200 + "3")
@example("((((((((1))))))))")
@example("\u00a0" * 1000 + "3,000 troops")
def test_extract_never_raises_and_spans_hold(text: str) -> None:
    for quantity in extract_quantities(text):
        assert quantity.text == text[quantity.span.start : quantity.span.end]
        assert quantity.text == quantity.text.strip()
        if quantity.low is not None and quantity.value is not None:
            assert quantity.low <= quantity.value
        if quantity.value is not None and quantity.high is not None:
            assert quantity.value <= quantity.high
        if quantity.low is not None and quantity.high is not None:
            assert quantity.low <= quantity.high


_NEWS_WORDS = st.sampled_from(
    "about at least more than up to some troops soldiers killed wounded and or to between "
    "of the , . - 3,000 11,000 two-thirds hundreds million $ % 2024 March 170mm T-72 "
    "one two twenty five thousand a half dozens per month".split()
)


@given(st.lists(_NEWS_WORDS, max_size=25).map(" ".join))
# Once endless loops: a numeral found from a later word started before where the scan stood.
@example("soldiers 11,000 to million 11,000 two thousand and million 2024")
@example("one more 170mm hundreds - . five million million thousand dozens and twenty")
def test_news_like_text_gives_ordered_consistent_quantities(text: str) -> None:
    found = extract_quantities(text)
    starts = [q.span.start for q in found]
    assert starts == sorted(starts)
    for earlier, later in itertools.pairwise(found):
        assert earlier.span.end <= later.span.start
    for quantity in found:
        assert quantity.text == text[quantity.span.start : quantity.span.end]


@given(st.from_type(Quantity))
def test_json_round_trip_is_identity(quantity: Quantity) -> None:
    back = from_json(to_json(quantity), Quantity)
    assert back == quantity
    # Decimals keep their exact digits, exponent included.
    assert str(back.value) == str(quantity.value)


@given(st.lists(st.from_type(Quantity), max_size=5))
def test_json_round_trip_of_lists(found: list[Quantity]) -> None:
    assert from_json(to_json(found), list[Quantity]) == found


@given(st.from_type(Claim))
def test_claim_json_round_trip_is_identity(claim: Claim) -> None:
    assert from_json(to_json(claim), Claim) == claim


@given(st.lists(st.from_type(Actor), max_size=4))
def test_the_first_originator_is_the_originator(actors: list[Actor]) -> None:
    attribution = Attribution(originators=actors)
    assert attribution.originator == (actors[0] if actors else None)
    assert Attribution(originator=attribution.originator) == Attribution(originators=actors[:1])
    assert from_json(to_json(attribution), Attribution) == attribution


def test_originator_must_lead_the_originators() -> None:
    seoul = Actor("kr", "South Korea", ActorKind.STATE)
    kyiv = Actor("ua", "Ukraine", ActorKind.STATE)
    with pytest.raises(ModelError, match="first of the originators"):
        Attribution(originator=kyiv, originators=(seoul, kyiv))


def test_json_written_before_originators_and_segments_still_reads() -> None:
    old = '{"outlet": null, "via": [], "originator": {"id": "kr", "name": "South Korea", '
    old += '"kind": "state", "country": "KR", "aliases": [], "parent": null}}'
    attribution = from_json(old, Attribution)
    assert [a.id for a in attribution.originators] == ["kr"]
    evidence = from_json('{"text": "x", "span": {"start": 0, "end": 1}}', Evidence)
    assert evidence.segment is SegmentKind.BODY


# JSON written before 0.2 has no "agent" on claims and no "affiliation" on actors.
def _without_new_fields(data: object) -> object:
    if isinstance(data, dict):
        return {
            key: _without_new_fields(value)
            for key, value in data.items()
            if key not in ("agent", "affiliation")
        }
    if isinstance(data, list):
        return [_without_new_fields(value) for value in data]
    return data


def _keys(data: object) -> set[str]:
    if isinstance(data, dict):
        return set(data).union(*map(_keys, data.values()))
    if isinstance(data, list):
        return set().union(*map(_keys, data))
    return set()


def _without_agent_or_affiliation(claim: Claim) -> Claim:
    def actor(found: Actor | None) -> Actor | None:
        return None if found is None else attrs.evolve(found, affiliation=None)

    def actors(found: tuple[Actor, ...]) -> tuple[Actor, ...]:
        return tuple(attrs.evolve(a, affiliation=None) for a in found)

    attribution = claim.attribution
    source = claim.source
    return attrs.evolve(
        claim,
        subject=actor(claim.subject),
        agent=None,
        recipient=actor(claim.recipient),
        attribution=Attribution(
            outlet=actor(attribution.outlet),
            via=actors(attribution.via),
            originators=actors(attribution.originators),
        ),
        source=None
        if source is None
        else attrs.evolve(source, outlet=actor(source.outlet), via=actors(source.via)),
    )


_AFFILIATED = st.builds(
    Actor,
    id=st.text(min_size=1, max_size=12),
    name=st.text(min_size=1, max_size=12),
    kind=st.sampled_from(ActorKind),
    affiliation=st.text(min_size=1, max_size=40),
)


@given(st.from_type(Claim), _AFFILIATED, _AFFILIATED)
def test_agents_and_affiliations_round_trip(claim: Claim, agent: Actor, speaker: Actor) -> None:
    claim = attrs.evolve(claim, agent=agent, attribution=Attribution(originator=speaker))
    back = from_json(to_json(claim), Claim)
    assert back == claim
    assert back.agent is not None and back.agent.affiliation == agent.affiliation
    assert back.attribution.originator is not None
    assert back.attribution.originator.affiliation == speaker.affiliation


@given(st.from_type(Claim))
def test_json_written_before_agents_and_affiliations_still_reads(claim: Claim) -> None:
    data = _without_new_fields(converter.unstructure(claim))
    assert _keys(data).isdisjoint({"agent", "affiliation"})
    assert from_json(json.dumps(data), Claim) == _without_agent_or_affiliation(claim)


def test_a_claim_of_0_1_reads_with_no_agent() -> None:
    old = (
        '{"quantity": {"value": "40", "low": "40", "high": "40"}, "predicate": "killed", '
        '"subject": {"id": "ye", "name": "Yemen", "kind": "state", "country": "YE", '
        '"aliases": [], "parent": null}}'
    )
    claim = from_json(old, Claim)
    assert claim.agent is None
    assert claim.subject == Actor("ye", "Yemen", ActorKind.STATE, "YE")
    assert claim.subject.affiliation is None
