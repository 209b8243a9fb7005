"""Comparison of claims: the relation table, measures, arithmetic, and their properties."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osint_claims import (
    Actor,
    ActorKind,
    Attribution,
    Bound,
    Claim,
    Comparison,
    Evidence,
    IncompatibleClaimsError,
    InvalidInputError,
    Lexicon,
    LexiconError,
    Measure,
    Measures,
    ModelError,
    Predicate,
    Quantity,
    Relation,
    Span,
    Tolerance,
    add_increment,
    build_report,
    compare,
    compound_totals,
    consensus,
    convert,
    extract_claims,
    from_json,
    group,
    share,
    timeline,
    times,
    to_json,
    total,
)
from tables import Case, read_table

PUBLISHED = date(2025, 3, 27)
DATED = re.compile(r"\[(\d{4}-\d\d-\d\d)\]\s*(.*)")


def only_claim(sentence: str) -> Claim:
    """The one claim of a table sentence, read as published on its [date] or PUBLISHED."""
    dated = DATED.fullmatch(sentence.strip())
    published = date.fromisoformat(dated.group(1)) if dated else PUBLISHED
    text = dated.group(2) if dated else sentence
    claims = extract_claims(text, published=published)
    assert len(claims) == 1, [c.quantity.figure for c in claims]
    return claims[0]


@pytest.mark.parametrize("case", read_table("compare.txt"), ids=lambda c: c.id)
def test_relation_table(case: Case) -> None:
    first_text, _, second_text = case.text.partition(" || ")
    first, second = only_claim(first_text), only_claim(second_text)
    expected = Relation[case.expected[0]["relation"]]
    forward = compare(first, second)
    assert forward.relation is expected, str(forward)
    assert forward.reasons, "every comparison says why"
    reason = case.expected[0].get("reason")
    if reason is not None:
        assert any(reason in said for said in forward.reasons), str(forward)
    assert compare(second, first).relation is expected.inverse


# Measures -----------------------------------------------------------------------------------

MEASURE_CASES = [
    # item, predicate, expected thing, expected act
    ("troops", "sent", "personnel", "sent"),
    ("North Korean soldiers", "deployed", "personnel", "sent"),
    ("military personnel", "supplied", "personnel", "sent"),
    ("long-range artillery pieces", "sent", "artillery", "sent"),
    (
        "units of 170mm self-propelled guns and 240mm multiple rocket launchers",
        "sent",
        "artillery",
        "sent",
    ),
    ("ammunition containers", "supplied", "ammunition", "sent"),
    ("killed or wounded", "casualties", "casualties", None),
    ("North Korean soldiers", "killed", "killed", None),
    ("injured", "wounded", "wounded", None),
    ("soldiers", "captured", "captured", None),
    ("troops", "training", "personnel", "training"),
    ("villages", "seized", "settlements", "seized"),
    ("", "sent", None, "sent"),
    # People: every predicate that takes only people names its measure, whatever the item
    ("people", "missing", "missing", None),
    ("students", "abducted", "abducted", None),
    ("hostages", "present", "abducted", None),
    ("Palestinian prisoners", "released", "released", None),
    ("hostages", "released", "released", None),
    ("people", "displaced", "displaced", None),
    ("refugees", "sent", "displaced", None),
    ("detainees", "other", "captured", None),
    # Weapons and equipment keep the act done with or to them
    ("Russian drones", "launched", "drones", "launched"),
    ("Shaheds", "intercepted", "drones", "intercepted"),
    ("ballistic missiles", "intercepted", "missiles", "intercepted"),
    ("glide bombs", "launched", "bombs", "launched"),
    ("tanks", "lost", "tanks", "lost"),
    ("armoured fighting vehicles", "lost", "vehicles", "lost"),
    ("tanks and armoured vehicles", "destroyed", "vehicles", "destroyed"),
    ("helicopters", "lost", "helicopters", "lost"),
    ("air defence systems", "destroyed", "air_defence", "destroyed"),
    ("warships", "destroyed", "vessels", "destroyed"),
    ("merchant ships", "damaged", "vessels", "damaged"),
    # Places
    ("homes", "damaged", "homes", "damaged"),
    ("residential buildings", "destroyed", "buildings", "destroyed"),
    ("hospitals", "damaged", "hospitals", "damaged"),
    ("health facilities", "damaged", "health_facilities", "damaged"),
    ("localities", "seized", "settlements", "seized"),
    # Aid goods whatever verb brought them; people in need of aid keep the act
    ("aid trucks", "aid", "aid", None),
    ("trucks of aid", "sent", "aid", None),
    ("trucks carrying aid", "other", "aid", None),
    ("people", "aid", "people", "aid"),
    ("trucks", "sent", "vehicles", "sent"),
    # Money
    ("", "money", "money", None),
]


@pytest.mark.parametrize(("item", "predicate", "thing", "act"), MEASURE_CASES)
def test_measure_of(item: str, predicate: str, thing: str | None, act: str | None) -> None:
    claim = Claim(Quantity.exact(Decimal(10), item=item or None), Predicate(predicate))
    assert Measures.default().measure_of(claim) == Measure(thing, act)


def test_measure_of_an_area_comes_from_its_unit() -> None:
    claim = Claim(Quantity.exact(Decimal(1300), unit="km2"), Predicate.SEIZED)
    assert Measures.default().measure_of(claim) == Measure("area", "seized")


def test_lattice_parts() -> None:
    measures = Measures.default()
    assert measures.is_part(Measure("killed"), Measure("casualties"))
    assert measures.is_part(Measure("wounded"), Measure("casualties"))
    assert not measures.is_part(Measure("casualties"), Measure("killed"))
    assert not measures.is_part(Measure("killed"), Measure("wounded"))
    assert measures.grows(Measure("killed")) and not measures.grows(Measure("area", "seized"))


@pytest.mark.parametrize(
    ("thing", "act", "grows"),
    [
        # thing, act -> whether a running total of it never falls
        ("killed", None, True),
        ("captured", None, True),
        ("released", None, True),
        ("missing", None, False),
        ("abducted", None, False),
        ("displaced", None, False),
        ("personnel", "sent", True),
        ("vehicles", "sent", True),
        ("drones", "launched", True),
        ("drones", "intercepted", True),
        ("buildings", "destroyed", True),
        ("homes", "damaged", True),
        ("tanks", "lost", True),
        ("personnel", "present", False),
        ("personnel", "training", False),
        ("area", "seized", False),
        ("money", None, False),
        ("aid", None, False),
    ],
)
def test_which_running_totals_grow(thing: str, act: str | None, grows: bool) -> None:
    assert Measures.default().grows(Measure(thing, act)) is grows


@pytest.mark.parametrize(
    ("unit", "item", "predicate", "thing"),
    [
        # a unit names the measure before the item does
        ("USD", "military aid", "supplied", "money"),
        ("EUR", "aid", "money", "money"),
        ("km2", "farmland", "seized", "area"),
        ("t", "food", "supplied", "aid"),
    ],
)
def test_a_unit_names_the_measure_before_the_item(
    unit: str, item: str, predicate: str, thing: str
) -> None:
    claim = Claim(Quantity.exact(Decimal(5), unit=unit, item=item), Predicate(predicate))
    assert Measures.default().measure_of(claim).thing == thing


# What happens to people, each a measure of its own whatever the item says.
_PEOPLE_EVENTS = "killed wounded casualties missing captured abducted released displaced".split()


@pytest.mark.parametrize("key", sorted(Lexicon.default().tables["events"]["predicates"]))
@pytest.mark.parametrize("item", [None, "people", "civilians", "drones"])
def test_every_predicate_of_the_event_vocabulary_has_a_measure(key: str, item: str | None) -> None:
    measure = Measures.default().measure_of(
        Claim(Quantity.exact(Decimal(5), item=item), Predicate(key))
    )
    assert measure.label != f"{key} {key}"
    if key in _PEOPLE_EVENTS:
        assert measure == Measure(key)
    elif key == "money":
        assert measure == Measure("money")
    elif item == "drones":  # things keep the act done with or to them
        assert measure == Measure("drones", measure.act) and measure.act is not None


# Who did it ---------------------------------------------------------------------------------

_PARTIES = {
    "-": None,
    "ye": Actor("ye", "Yemen", ActorKind.STATE, "YE"),
    "il": Actor("il", "Israel", ActorKind.STATE, "IL"),
    "il-idf": Actor("il-idf", "Israel Defense Forces", ActorKind.ARMED_FORCES, "IL", parent="il"),
    "il-mod": Actor("il-mod", "Ministry of Defense", ActorKind.MINISTRY, "IL", parent="il"),
    "hamas": Actor("hamas", "Hamas", ActorKind.ARMED_GROUP, "PS"),
    "coalition": Actor("saudi-led-coalition", "Saudi-led coalition", ActorKind.ARMED_FORCES),
    "gunmen": Actor("gunmen", "gunmen", ActorKind.ARMED_GROUP),
    "bandits": Actor("bandits", "Bandits", ActorKind.ARMED_GROUP),
}

AGENT_CASES = [
    # subject and agent of each claim ("-": none) -> relation, a fragment of the reasons
    ("ye coalition", "ye coalition", "EQUIVALENT", "the same figure"),
    ("ye coalition", "ye -", "EQUIVALENT", "the same figure"),
    ("ye coalition", "ye hamas", "EQUIVALENT", "one names"),
    ("- coalition", "ye hamas", "EQUIVALENT", "one names"),
    ("- il", "- hamas", "INCOMPARABLE", "neither names whose they are"),
    ("- il", "- il-idf", "EQUIVALENT", "the same figure"),
    ("- il-idf", "- il-mod", "EQUIVALENT", "the same figure"),
    ("- hamas", "- gunmen", "EQUIVALENT", "the same figure"),
    ("- gunmen", "- bandits", "EQUIVALENT", "the same figure"),
    ("- il", "- -", "EQUIVALENT", "the same figure"),
]


@pytest.mark.parametrize(("first", "second", "relation", "reason"), AGENT_CASES)
def test_agents_part_figures_only_where_no_subject_is_named(
    first: str, second: str, relation: str, reason: str
) -> None:
    def claim(parties: str, originator: str) -> Claim:
        subject, agent = (_PARTIES[key] for key in parties.split())
        return Claim(
            Quantity.exact(Decimal(40), item="people"),
            Predicate.KILLED,
            subject=subject,
            agent=agent,
            attribution=Attribution(originator=Actor(originator, originator)),
        )

    forward = compare(claim(first, "un"), claim(second, "ocha"))
    assert forward.relation is Relation[relation], str(forward)
    assert any(reason in said for said in forward.reasons), str(forward)
    assert compare(claim(second, "ocha"), claim(first, "un")).relation is Relation[relation]


# Tolerance ----------------------------------------------------------------------------------

TOLERANCE_CASES = [
    # figure as written, tolerance, allowed low, allowed high
    ("about 220 guns", Tolerance(), "215", "225"),
    ("some 11,000 troops", Tolerance(), "10500", "11500"),
    ("some 10,000 troops", Tolerance(), "9000", "11000"),
    ("about 10,000 to 12,000 troops", Tolerance(), "9500", "12500"),
    ("11,000 troops", Tolerance(), "11000", "11000"),
    ("11,000 troops", Tolerance(exact_figures=True), "10500", "11500"),
    ("about 220 guns", Tolerance(relative=Decimal("0.1")), "198", "242"),
    ("about 220 guns", Tolerance(last_digit=False), "220", "220"),
]


@pytest.mark.parametrize(("text", "tolerance", "low", "high"), TOLERANCE_CASES)
def test_tolerance_widens_approximate_figures(
    text: str, tolerance: Tolerance, low: str, high: str
) -> None:
    [claim] = extract_claims(f"North Korea sent {text} to Russia.", published=PUBLISHED)
    interval = tolerance.interval(claim)
    assert (interval.low, interval.high) == (Decimal(low), Decimal(high))


def test_tolerance_rejects_negative_shares() -> None:
    with pytest.raises(ModelError, match="relative"):
        Tolerance(relative=Decimal(-1))


def test_a_looser_tolerance_turns_a_contradiction_into_agreement() -> None:
    first = only_claim("North Korea sent about 11,000 troops to Russia, the JCS said.")
    second = only_claim("North Korea sent about 12,500 troops to Russia, Kyiv said.")
    assert compare(first, second).relation is Relation.CONTRADICTS
    loose = Tolerance(relative=Decimal("0.1"))
    assert compare(first, second, tolerance=loose).relation is Relation.CONSISTENT


# Arithmetic ---------------------------------------------------------------------------------


def test_total_of_a_compound_is_derived_casualties() -> None:
    killed, wounded = extract_claims(
        "300 were killed and 2,700 wounded, the NIS said.", published=PUBLISHED
    )
    result = total([killed, wounded])
    assert (result.quantity.value, result.predicate, result.quantity.item) == (
        Decimal(3000),
        Predicate.CASUALTIES,
        "casualties",
    )
    assert result.derived_from == (killed.quantity, wounded.quantity)
    assert result.attribution.originator == killed.attribution.originator
    assert compound_totals([killed, wounded]) == [result]


@pytest.mark.parametrize(
    ("agents", "expected"),
    [
        # the parts' agents -> the total's agent: the one they share, else none
        (("saudi-led-coalition", "saudi-led-coalition"), "saudi-led-coalition"),
        (("saudi-led-coalition", None), None),
        (("saudi-led-coalition", "houthis"), None),
        ((None, None), None),
    ],
)
def test_a_total_keeps_the_agent_its_parts_share(
    agents: tuple[str | None, str | None], expected: str | None
) -> None:
    yemen = Actor("ye", "Yemen", ActorKind.STATE, "YE")
    killed, wounded = (
        Claim(
            Quantity.exact(Decimal(figure), item=item),
            predicate,
            subject=yemen,
            agent=None if agent is None else Actor(agent, agent),
            evidence=Evidence("Strikes killed 40 and wounded 90.", Span(0, 33)),
        )
        for figure, item, predicate, agent in zip(
            (40, 90),
            ("killed", "wounded"),
            (Predicate.KILLED, Predicate.WOUNDED),
            agents,
            strict=True,
        )
    )
    result = total([killed, wounded])
    assert result.subject == yemen
    assert (result.agent.id if result.agent is not None else None) == expected
    assert [c.agent for c in compound_totals([killed, wounded])] == [result.agent]


def test_total_of_open_bounds_stays_open() -> None:
    at_least = Claim(
        Quantity(Decimal(100), Decimal(100), None, Bound.AT_LEAST, item="killed"),
        Predicate.KILLED,
    )
    exact = Claim(Quantity.exact(Decimal(300), item="wounded"), Predicate.WOUNDED)
    result = total([at_least, exact])
    assert (result.quantity.bound, result.quantity.low, result.quantity.high) == (
        Bound.AT_LEAST,
        Decimal(400),
        None,
    )


def test_total_refuses_mixed_units() -> None:
    area = Claim(Quantity.exact(Decimal(3), unit="km2"), Predicate.SEIZED)
    count = Claim(Quantity.exact(Decimal(3)), Predicate.SEIZED)
    with pytest.raises(IncompatibleClaimsError, match="different units"):
        total([area, count])
    with pytest.raises(IncompatibleClaimsError):
        total([])


def test_share_of_an_approximate_base() -> None:
    [base, fraction, derived] = extract_claims(
        "Zelensky said there were around 4,000 casualties, with two-thirds killed.",
        published=PUBLISHED,
    )
    result = share(fraction, base)
    assert result.quantity.value == Decimal(2667) and result.quantity.approximate
    assert result.predicate is not None and result.predicate == Predicate.KILLED
    assert result.derived_from == (fraction.quantity, base.quantity)
    assert compare(result, derived).relation is Relation.EQUIVALENT


def test_share_needs_a_fraction() -> None:
    count = Claim(Quantity.exact(Decimal(3)), Predicate.KILLED)
    with pytest.raises(IncompatibleClaimsError, match="not a fraction"):
        share(count, count)


def test_times_each_system() -> None:
    each = Claim(Quantity.exact(Decimal(120), item="units of each system"), Predicate.SUPPLIED)
    assert times(each, 2).quantity.value == Decimal(240)
    assert times(each, 2).derived_from == (each.quantity,)


def test_increment_added_to_a_running_total() -> None:
    before = only_claim("[2025-01-13] North Korea has sent 11,000 troops to Russia, the NIS said.")
    more = only_claim("North Korea sent an additional 3,000 troops to Russia, the JCS said.")
    after = add_increment(before, more)
    assert after.quantity.value == Decimal(14000)
    assert after.cumulative is True and after.derived
    assert compare(after, before).relation is not Relation.INCOMPARABLE


def test_conversion_and_equivalence_of_units() -> None:
    km2 = only_claim("Ukraine seized 1,300 square kilometers of Russian territory, Kyiv said.")
    mi2 = only_claim("Ukraine seized 500 square miles of Russian territory, Kyiv said.")
    converted = convert(mi2, "km2")
    assert converted.quantity.unit == "km2" and converted.quantity.value == Decimal(1295)
    assert converted.quantity.approximate and converted.derived_from == (mi2.quantity,)
    assert compare(km2, mi2).relation is Relation.EQUIVALENT
    with pytest.raises(IncompatibleClaimsError, match="does not convert"):
        convert(mi2, "USD")


# Properties ---------------------------------------------------------------------------------

ACTORS = [
    Actor("kr-jcs", "Joint Chiefs of Staff", ActorKind.ARMED_FORCES, "KR", parent="kr"),
    Actor("kr-nis", "National Intelligence Service", ActorKind.INTELLIGENCE_AGENCY, "KR"),
    Actor("ua", "Ukraine", ActorKind.STATE, "UA"),
]
OUTLETS = [
    Actor("ap", "Associated Press", ActorKind.NEWS_AGENCY),
    Actor("newsweek", "Newsweek", ActorKind.MEDIA_OUTLET),
    Actor("kyiv-independent", "The Kyiv Independent", ActorKind.MEDIA_OUTLET),
]
SUBJECTS = [Actor("kp", "North Korea", ActorKind.STATE, "KP"), None]
AGENTS = [
    None,
    Actor("ru", "Russia", ActorKind.STATE, "RU"),
    Actor("ru-af", "Russian Armed Forces", ActorKind.ARMED_FORCES, "RU", parent="ru"),
    Actor("ua", "Ukraine", ActorKind.STATE, "UA"),
    Actor("gunmen", "gunmen", ActorKind.ARMED_GROUP),
]
ITEMS = [
    ("troops", Predicate.SENT),
    ("killed", Predicate.KILLED),
    ("wounded", Predicate.WOUNDED),
    ("casualties", Predicate.CASUALTIES),
]

figures = st.integers(min_value=0, max_value=50_000).map(Decimal)


@st.composite
def quantities(draw: st.DrawFn, item: str) -> Quantity:
    bound = draw(st.sampled_from(list(Bound)))
    first, second = sorted((draw(figures), draw(figures)))
    approximate = draw(st.booleans())
    if bound is Bound.RANGE:
        return Quantity(None, first, second, bound, approximate=approximate, item=item)
    if bound is Bound.EXACT:
        return Quantity(first, first, first, bound, approximate=approximate, item=item)
    if bound in (Bound.AT_LEAST, Bound.MORE_THAN):
        return Quantity(first, first, None, bound, approximate=approximate, item=item)
    return Quantity(first, None, first, bound, approximate=approximate, item=item)


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    item, predicate = draw(st.sampled_from(ITEMS))
    return Claim(
        quantity=draw(quantities(item)),
        predicate=predicate,
        subject=draw(st.sampled_from(SUBJECTS)),
        agent=draw(st.sampled_from(AGENTS)),
        as_of=draw(st.sampled_from([None, date(2025, 1, 13), date(2025, 3, 27)])),
        cumulative=draw(st.sampled_from([None, True, False])),
        attribution=Attribution(
            outlet=draw(st.sampled_from(OUTLETS)),
            originator=draw(st.sampled_from([*ACTORS, None])),
        ),
    )


@given(claims(), claims())
@settings(max_examples=300)
def test_compare_from_the_other_side_inverts_the_relation(a: Claim, b: Claim) -> None:
    forward, backward = compare(a, b).relation, compare(b, a).relation
    assert backward is forward.inverse
    if forward in (Relation.EQUIVALENT, Relation.CONSISTENT, Relation.CONTRADICTS):
        assert backward is forward
    if forward is Relation.REFINES:
        assert backward is not Relation.REFINES


@given(claims())
def test_a_claim_is_equivalent_to_itself(claim: Claim) -> None:
    assert compare(claim, claim).relation is Relation.EQUIVALENT


@given(claims(), claims())
@settings(max_examples=100)
def test_comparisons_round_trip_through_json(a: Claim, b: Claim) -> None:
    comparison = compare(a, b)
    assert from_json(to_json(comparison), Comparison) == comparison


@given(st.lists(claims(), min_size=1, max_size=5))
def test_a_total_spans_the_sum_of_its_parts(parts: list[Claim]) -> None:
    result = total(parts).quantity
    # Counts never fall below zero, so a missing lower bound adds nothing.
    expected_low = sum((p.quantity.low or Decimal(0) for p in parts), Decimal(0))
    highs = [p.quantity.high for p in parts]
    expected_high = None
    if all(high is not None for high in highs):
        expected_high = sum((high or Decimal(0) for high in highs), Decimal(0))
    assert (result.low, result.high) == (expected_low, expected_high)
    assert result.approximate == any(p.quantity.approximate for p in parts)
    assert total(parts).derived_from == tuple(p.quantity for p in parts)


@given(claims())
def test_a_whole_share_of_a_count_is_the_count(claim: Claim) -> None:
    whole = share(Decimal(1), claim)
    assert (whole.quantity.low, whole.quantity.high) == (claim.quantity.low, claim.quantity.high)


@given(st.integers(min_value=1, max_value=10**6))
def test_converted_areas_are_equivalent_to_the_original(value: int) -> None:
    area = Claim(Quantity.exact(Decimal(value), unit="km2"), Predicate.SEIZED)
    converted = convert(area, "mi2")
    back = convert(converted, "km2")
    assert back.quantity.value is not None
    assert abs(back.quantity.value - Decimal(value)) <= max(Decimal(1), Decimal(value) / 100)
    assert compare(area, converted).relation.agrees


# Bad input ----------------------------------------------------------------------------------

_A_CLAIM = Claim(Quantity.exact(Decimal(3)), Predicate.SENT)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: compare("11,000 troops", _A_CLAIM), InvalidInputError),  # type: ignore[arg-type]
        (lambda: group(["11,000 troops"]), InvalidInputError),  # type: ignore[list-item]
        (lambda: group(None), InvalidInputError),  # type: ignore[arg-type]
        (lambda: consensus([_A_CLAIM, 3]), InvalidInputError),  # type: ignore[list-item]
        (lambda: timeline("abc"), InvalidInputError),  # type: ignore[arg-type]
        (lambda: build_report([b"bytes"]), InvalidInputError),  # type: ignore[list-item]
        (lambda: total(["x"]), InvalidInputError),  # type: ignore[list-item]
        (lambda: share(0.5, _A_CLAIM), IncompatibleClaimsError),  # type: ignore[arg-type]
        (lambda: times(_A_CLAIM, True), IncompatibleClaimsError),
        (lambda: times(_A_CLAIM, -2), IncompatibleClaimsError),
        (lambda: convert(_A_CLAIM, "km2"), IncompatibleClaimsError),
        (lambda: add_increment(_A_CLAIM, None), InvalidInputError),  # type: ignore[arg-type]
    ],
)
def test_bad_input_gets_a_typed_error(call: Callable[[], object], error: type[Exception]) -> None:
    with pytest.raises(error):
        call()


def test_measures_and_growing_acts_extend_through_the_lexicon() -> None:
    lexicon = Lexicon.default().extended(
        {
            "compare": {
                "measures": {"fuel": {"words": ["fuel", "diesel"], "any_act": True}},
                "growing": {"acts": ["looted"]},
            }
        }
    )
    measures = Measures.for_lexicon(lexicon)
    looted = Claim(Quantity.exact(Decimal(7), item="warehouses"), Predicate("looted"))
    assert measures.measure_of(looted) == Measure("warehouses", "looted")
    assert measures.grows(Measure("warehouses", "looted"))
    assert measures.grows(Measure("drones", "launched"))  # the shipped acts stay
    diesel = Claim(Quantity.exact(Decimal(7), item="barrels of diesel"), Predicate.SUPPLIED)
    assert measures.measure_of(diesel) == Measure("fuel")


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[compare.growing]\nacts = "sent"\n', r"line 2: compare\.growing\.acts"),
        ('[compare.measures.fuel]\nany_act = "yes"\n', r"line 2: .*any_act: expected true"),
        ("[compare.growing]\nacts = ['sent']\nrising = ['x']\n", "unknown entry"),
    ],
)
def test_malformed_compare_tables_are_rejected_with_their_line(
    tmp_path: Path, toml: str, message: str
) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        Lexicon.default().extended(path)
