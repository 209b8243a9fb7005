"""Topics, voices, consensus, timeline and the cross-source report."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from osint_claims import (
    Actor,
    ActorKind,
    Attribution,
    Claim,
    InvalidInputError,
    Predicate,
    Quantity,
    Relation,
    Report,
    SegmentKind,
    Topic,
    build_report,
    claim_date,
    compare,
    consensus,
    extract_claims,
    from_json,
    group,
    increment_period,
    render_report,
    timeline,
    to_json,
    voices,
)
from test_compare import OUTLETS, claims

PUBLISHED = date(2025, 3, 27)


def read(*sentences: str, published: date = PUBLISHED) -> list[Claim]:
    found: list[Claim] = []
    for sentence in sentences:
        found += extract_claims(sentence, published=published)
    return found


def test_outlets_citing_one_originator_are_one_voice() -> None:
    claims = read(
        "North Korea sent 11,000 troops to Russia, the JCS said.",
        "North Korea sent 11,000 troops to Russia, South Korea's Joint Chiefs of Staff said.",
        "North Korea sent 10,000 troops to Russia, Kyiv said.",
    )
    heard = voices(claims)
    assert [voice.name for voice in heard] == ["Joint Chiefs of Staff", "Ukraine"]
    assert consensus(claims).best == Decimal(10500)


def test_an_originators_latest_figure_supersedes_its_earlier_ones() -> None:
    earlier = read(
        "North Korea sent 11,000 troops to Russia, the NIS said.", published=date(2025, 1, 13)
    )
    later = read("North Korea sent 14,000 troops to Russia, the NIS said.")
    [voice] = voices(earlier + later)
    assert voice.claim.quantity.value == Decimal(14000)
    assert [c.quantity.value for c in voice.superseded] == [Decimal(11000)]
    assert consensus(earlier + later).best == Decimal(14000)


def test_consensus_low_best_high_and_conservative() -> None:
    claims = read(
        "North Korea sent 11,000 troops to Russia, the JCS said.",
        "North Korea sent 10,000 to 12,000 troops to Russia, Kyiv said.",
        "North Korea sent at least 3,000 troops to Russia, the NIS said.",
    )
    agreed = consensus(claims)
    assert (agreed.low, agreed.best, agreed.high, agreed.conservative) == (
        Decimal(3000),
        Decimal(11000),
        Decimal(12000),
        Decimal(3000),
    )


def test_group_separates_measures_parties_increments_and_rates() -> None:
    claims = read(
        "North Korea sent 11,000 troops to Russia, the JCS said.",
        "North Korea sent some 11,000 soldiers, the NIS said.",
        "North Korea sent an additional 3,000 troops to Russia, the JCS said.",
        "North Korea sent 200 artillery pieces to Russia, the JCS said.",
        "Some 300 North Korean soldiers were killed, the NIS said.",
        "Some 30,000 were killed and wounded per month, the ISW said.",
        "Some 4,000 were killed or wounded, the ISW said.",
    )
    labels = sorted(topic.label for topic in group(claims))
    assert labels == [
        "North Korea → Russia: artillery sent",
        "North Korea → Russia: personnel sent",
        "North Korea → Russia: personnel sent (increments, 2024-12-27 to 2025-03-27)",
        "North Korea: killed",
        "unnamed party: casualties",
        "unnamed party: casualties a month",
    ]
    troops = next(t for t in group(claims) if t.label == "North Korea → Russia: personnel sent")
    assert len(troops.claims) == 2  # the claim naming no recipient joins the only one named


def test_increments_over_separate_periods_are_separate_topics() -> None:
    claims = read(
        "North Korea sent an additional 3,000 troops to Russia in January, the JCS said.",
        "North Korea sent 1,500 more troops to Russia in October 2024, the NIS said.",
    )
    assert len(group(claims)) == 2


def test_timeline_orders_by_the_date_a_figure_holds_for() -> None:
    claims = read("North Korea sent 14,000 troops to Russia, the NIS said.") + read(
        "North Korea sent 11,000 troops to Russia, the NIS said.", published=date(2025, 1, 13)
    )
    assert [entry.when for entry in timeline(claims)] == [date(2025, 1, 13), PUBLISHED]


def test_report_has_compound_totals_and_relations() -> None:
    claims = read(
        "Some 300 North Korean soldiers were killed and 2,700 wounded, the NIS said.",
        "Around 3,000 North Korean soldiers were killed or wounded, Zelensky said.",
    )
    report = build_report(claims)
    casualties = next(t for t in report.topics if t.topic.measure.thing == "casualties")
    assert any(entry.claim.derived for entry in casualties.timeline)
    assert [c.relation.name for c in casualties.relations] == ["EQUIVALENT"]
    text = render_report(report)
    assert "North Korea: casualties" in text and "(derived)" in text
    markdown = render_report(report, "markdown")
    assert markdown.startswith("# Cross-source report") and "| when | figure |" in markdown
    data = json.loads(render_report(report, "json"))
    assert len(data["topics"]) == len(report.topics)
    assert from_json(render_report(report, "json"), Report) == report


def test_report_rejects_an_unknown_format() -> None:
    with pytest.raises(InvalidInputError, match="unknown format"):
        render_report([], "html")  # type: ignore[arg-type]


@given(st.lists(claims(), max_size=12))
def test_consensus_low_best_high_are_ordered(sample: list[Claim]) -> None:
    agreed = consensus(sample)
    if agreed.best is not None:
        assert agreed.low is not None and agreed.high is not None
        assert agreed.conservative is not None
        assert agreed.low <= agreed.conservative <= agreed.best <= agreed.high


@given(st.lists(claims(), min_size=1, max_size=12), st.data())
def test_another_outlet_citing_a_known_originator_changes_nothing(
    sample: list[Claim], data: st.DataObject
) -> None:
    cited = data.draw(st.sampled_from(sample))
    outlet = data.draw(st.sampled_from(OUTLETS))
    if cited.attribution.originator is None:
        return
    copy = attrs.evolve(
        cited, attribution=Attribution(outlet=outlet, originator=cited.attribution.originator)
    )
    before, after = consensus(sample), consensus([*sample, copy])
    assert (before.low, before.best, before.high, before.conservative) == (
        after.low,
        after.best,
        after.high,
        after.conservative,
    )
    assert len(before.voices) == len(after.voices)


@given(st.lists(claims(), max_size=15))
def test_group_puts_every_claim_in_exactly_one_topic(sample: list[Claim]) -> None:
    grouped = [claim for topic in group(sample) for claim in topic.claims]
    assert sorted(map(to_json, grouped)) == sorted(map(to_json, sample))


@given(st.lists(claims(), max_size=15))
def test_timeline_is_in_date_order(sample: list[Claim]) -> None:
    dates = [entry.when for entry in timeline(sample)]
    known = [d for d in dates if d is not None]
    assert known == sorted(known)
    assert dates[len(known) :] == [None] * (len(dates) - len(known))


def test_figures_of_each_add_up_and_stand_for_their_parts() -> None:
    claims = read(
        "Russia received new 170mm self-propelled guns and 240mm multiple rocket launchers. "
        "Pyongyang supplied 120 units of each system, Budanov said."
    )
    per_system = [c for c in claims if c.quantity.value == Decimal(120)]
    assert len(per_system) == 2
    report = build_report(claims)
    [artillery] = [t for t in report.topics if t.topic.measure.thing == "artillery"]
    [voice] = artillery.consensus.voices
    assert voice.claim.quantity.value == Decimal(240) and voice.claim.derived


def test_increments_without_a_known_date_are_not_compared() -> None:
    [dated] = read("North Korea sent 1,500 more troops to Russia, the NIS said.")
    undated = attrs.evolve(dated, as_of=None, source=None)
    assert compare(dated, undated).relation is Relation.INCOMPARABLE
    assert increment_period(undated) is None
    assert increment_period(dated) == (date(2024, 12, 27), PUBLISHED)


def test_related_headlines_have_no_date_of_their_own() -> None:
    page = (
        "North Korea has sent 3,000 more troops to Russia, the JCS said.\n\nRead more\n\n"
        "At Least 100 North Korean Soldiers Killed Fighting for Russia, Seoul Says\n"
    )
    claims = extract_claims(page, published=PUBLISHED, related=True)
    related = [c for c in claims if c.evidence.segment is SegmentKind.RELATED]
    assert [c.quantity.figure for c in related] == ["at least 100"]
    assert claim_date(related[0]) is None


# Who did it -----------------------------------------------------------------------------------

_SIDES = {
    "ye": Actor("ye", "Yemen", ActorKind.STATE, "YE"),
    "il": Actor("il", "Israel", ActorKind.STATE, "IL"),
    "il-idf": Actor("il-idf", "Israel Defense Forces", ActorKind.ARMED_FORCES, "IL", parent="il"),
    "hamas": Actor("hamas", "Hamas", ActorKind.ARMED_GROUP, "PS"),
    "coalition": Actor("saudi-led-coalition", "Saudi-led coalition", ActorKind.ARMED_FORCES),
    "gunmen": Actor("gunmen", "gunmen", ActorKind.ARMED_GROUP),
}


def _killed(figure: int, parties: str, originator: str = "un") -> Claim:
    subject, agent = (_SIDES.get(key) for key in parties.split())
    return Claim(
        Quantity.exact(Decimal(figure), item="people"),
        Predicate.KILLED,
        subject=subject,
        agent=agent,
        attribution=Attribution(originator=Actor(originator, originator.upper())),
    )


GROUP_CASES = [
    # claims as "figure subject agent" ("-": none), comma-separated -> topics as "label: figures"
    ("40 ye coalition, 38 ye hamas, 41 ye -", ["Yemen: killed: 40 38 41"]),
    (
        "40 - il, 1200 - hamas",
        ["unnamed party: killed by Hamas: 1200", "unnamed party: killed by Israel: 40"],
    ),
    ("40 - il-idf, 42 - il", ["unnamed party: killed by Israel: 40 42"]),
    ("40 - il-idf, 42 - il-idf", ["unnamed party: killed by Israel Defense Forces: 40 42"]),
    ("40 - il, 38 - gunmen, 41 - -", ["unnamed party: killed by Israel: 40 38 41"]),
    (
        "40 - il, 1200 - hamas, 12 - gunmen",
        [
            "unnamed party: killed: 12",
            "unnamed party: killed by Hamas: 1200",
            "unnamed party: killed by Israel: 40",
        ],
    ),
    ("40 ye coalition, 12 - hamas", ["Yemen: killed: 40 12"]),
    ("40 - gunmen, 12 - -", ["unnamed party: killed: 40 12"]),
]


@pytest.mark.parametrize(("claims_text", "topics"), GROUP_CASES)
def test_the_agent_parts_topics_only_where_no_subject_is_named(
    claims_text: str, topics: list[str]
) -> None:
    sample = []
    for spec in claims_text.split(", "):
        figure, parties = spec.split(" ", 1)
        sample.append(_killed(int(figure), parties))
    found = sorted(
        f"{topic.label}: {' '.join(str(c.quantity.value) for c in topic.claims)}"
        for topic in group(sample)
    )
    assert found == sorted(topics)


@given(st.lists(claims(), max_size=12))
def test_agents_never_part_claims_whose_subject_is_named(sample: list[Claim]) -> None:
    named = [claim for claim in sample if claim.subject is not None]
    erased = [attrs.evolve(claim, agent=None) for claim in named]

    def partition(topics: list[Topic], of: list[Claim]) -> list[tuple[str, list[int]]]:
        # Which claims share a topic, by their place in the list: agents erased or not.
        return sorted(
            (topic.label, sorted(i for c in topic.claims for i, x in enumerate(of) if x is c))
            for topic in topics
        )

    assert partition(group(named), named) == partition(group(erased), erased)
    assert all(topic.agent is None for topic in group(sample) if topic.subject is not None)


def test_the_report_shows_who_did_it_where_that_is_not_the_subject() -> None:
    claims = [
        _killed(40, "ye coalition", "ye-health"),
        _killed(38, "ye hamas", "sa"),
        _killed(41, "ye ye", "un"),
    ]
    report = build_report(claims)
    [topic] = report.topics
    assert [agent.name for agent in topic.topic.agents] == ["Saudi-led coalition", "Hamas", "Yemen"]
    text = render_report(report)
    assert "  when     figure  agent                who" in text
    rows = {line.split()[1]: line for line in text.splitlines() if line.startswith("  undated")}
    assert "Saudi-led coalition" in rows["40"] and "Hamas" in rows["38"]
    assert rows["41"].split()[2] == "-"  # Yemen killed its own: no agent beside the subject
    markdown = render_report(report, "markdown")
    assert (
        "| when | figure | agent | who | how sure | through |\n|---|---|---|---|---|---|"
        in markdown
    )
    assert "| undated | 40 | Saudi-led coalition | YE-HEALTH |" in markdown


def test_a_report_without_agents_has_no_agent_column() -> None:
    text = render_report([_killed(40, "ye -"), _killed(40, "ye ye")])
    assert "agent" not in text
    assert "| when | figure | who |" in render_report([_killed(40, "ye -")], "markdown")


def test_topics_with_an_agent_round_trip_through_the_report_json() -> None:
    report = build_report([_killed(40, "- il"), _killed(1200, "- hamas")])
    assert sorted(t.topic.agent.id for t in report.topics if t.topic.agent) == ["hamas", "il"]
    assert from_json(render_report(report, "json"), Report) == report
