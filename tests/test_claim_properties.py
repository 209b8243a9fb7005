"""Hypothesis properties of the claim rules: several originators, "of each", counts of the
story's participants, and related headlines as an opt-in."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from osint_claims import ActorRegistry, SegmentKind, extract_claims

PUBLISHED = date(2025, 3, 27)
extract_claims("warm-up: 3 troops", published=PUBLISHED)  # the first call builds the reader
# Whole pages per example: correctness only, never how fast (a busy machine is no failure).
_NO_DEADLINE = settings(deadline=None)
_SOURCES = [
    "South Korea",
    "Ukraine",
    "Israel",
    "the United Nations",
    "the United States",
    "China",
    "NATO",
    "Volodymyr Zelensky",
    "the WHO",
]
_NOUNS = ["tanks", "howitzers", "drones", "launchers", "artillery guns", "rocket systems"]
_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]


def _joined(members: list[str]) -> str:
    return members[0] if len(members) == 1 else ", ".join(members[:-1]) + " and " + members[-1]


@_NO_DEADLINE
@given(st.lists(st.sampled_from(_SOURCES), min_size=1, max_size=4, unique=True))
def test_every_source_sharing_a_verb_is_an_originator_in_order(sources: list[str]) -> None:
    registry = ActorRegistry.default()
    text = f"{_joined(sources)} said 3,000 soldiers were killed."
    [claim] = extract_claims(text, published=PUBLISHED)
    wanted = [registry.resolve(name) for name in sources]
    assert list(claim.attribution.originators) == wanted
    assert claim.attribution.originator == wanted[0]


_THINGS = st.builds(
    "{}-{} {}".format,
    st.text("BCDFGHJKLMNPQRSTVWXZ", min_size=1, max_size=3),  # no number words ("TWO-302")
    st.integers(min_value=10, max_value=999),
    st.sampled_from(_NOUNS),
)


@_NO_DEADLINE
@given(
    st.lists(_THINGS, min_size=2, max_size=4, unique=True),
    st.integers(min_value=2, max_value=99_999),
    st.booleans(),
)
def test_a_figure_of_each_gives_one_claim_per_thing_listed(
    things: list[str], figure: int, same_sentence: bool
) -> None:
    stop = "; " if same_sentence else ". "
    text = f"Moscow received {_joined(things)}{stop}Pyongyang supplied {figure:,} units of each."
    claims = extract_claims(text, published=PUBLISHED)
    assert [c.quantity.item for c in claims] == things
    for claim in claims:
        assert claim.quantity.value == figure
        assert [q.value for q in claim.derived_from] == [figure]
        assert claim.quantity.text == claim.derived_from[0].text


@_NO_DEADLINE
@given(
    st.sampled_from(["the", "all", "all the", "both"]),
    st.sampled_from(_WORDS),
    st.sampled_from(["countries", "leaders", "sides", "governments", "nations"]),
)
def test_counts_of_participants_in_words_are_not_claims(
    determiner: str, number: str, noun: str
) -> None:
    text = f"On Tuesday {determiner} {number} {noun} met in Beijing."
    assert extract_claims(text, published=PUBLISHED) == []


@_NO_DEADLINE
@given(st.integers(min_value=2, max_value=99_999), st.sampled_from(["countries", "leaders"]))
def test_counts_in_digits_stay_claims(figure: int, noun: str) -> None:
    text = f"On Tuesday the {figure:,} {noun} met in Beijing."
    assert [c.quantity.value for c in extract_claims(text, published=PUBLISHED)] == [figure]


_LINES = st.sampled_from(
    [
        "North Korea sent 3,000 troops to Russia, Seoul said.",
        "He said 300 were killed.",
        "At Least 100 North Korean Soldiers Killed Fighting for Russia, Seoul Says",
        "Read more",
        "Related content",
        "2 Min read",
        "The ministry estimated 1,200 soldiers were wounded last week.",
        "North Korea Sent 1,500 More Troops to Russia, South Korea's Spy Agency Tells Lawmakers",
    ]
)


@_NO_DEADLINE
@given(st.lists(_LINES, max_size=8))
def test_related_headlines_only_add_claims(lines: list[str]) -> None:
    page = "\n\n".join(lines)
    own = extract_claims(page, published=PUBLISHED)
    every = extract_claims(page, published=PUBLISHED, related=True)
    assert [c for c in every if c.evidence.segment is not SegmentKind.RELATED] == own
    assert all(c.evidence.segment is not SegmentKind.RELATED for c in own)
    for claim in every:
        if claim.evidence.segment is SegmentKind.RELATED:
            assert claim.period is None
            assert claim.as_of == PUBLISHED
