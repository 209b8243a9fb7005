"""The actor registry: the shipped data, resolution, mentions, extension and bad files."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osint_claims import Actor, ActorKind, ActorRegistry, LexiconError
from osint_claims.errors import InvalidInputError

CASES = Path(__file__).parent / "cases" / "actors.txt"
SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
REGISTRY = ActorRegistry.default()


def _read_cases() -> list[tuple[int, str, str]]:
    """``name | id`` lines of ``cases/actors.txt``; ``\\u00a0`` stands for its character."""
    rows = []
    for number, line in enumerate(CASES.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, bar, expected = line.rpartition("|")
        assert bar, f"{CASES.name}:{number}: no '|' between the name and the id"
        name = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), name)
        rows.append((number, name.strip(), expected.strip()))
    return rows


ROWS = _read_cases()


@pytest.mark.parametrize(
    ("name", "expected"), [row[1:] for row in ROWS], ids=[f"L{row[0]}:{row[1]}" for row in ROWS]
)
def test_resolve_table(name: str, expected: str) -> None:
    actor = REGISTRY.resolve(name)
    assert (actor.id if actor else "none") == expected
    if expected != "none":  # surrounding space never matters
        assert REGISTRY.resolve(f" \u00a0{name}\t ") == actor


# The shipped registry ---------------------------------------------------------------------


def test_the_shipped_registry_is_loaded_once() -> None:
    assert ActorRegistry.default() is ActorRegistry.default()
    assert len(REGISTRY) >= 60
    assert repr(REGISTRY) == f"<ActorRegistry of {len(REGISTRY)} actors>"


def test_every_shipped_actor_is_well_formed() -> None:
    for actor in REGISTRY:
        assert re.fullmatch(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*", actor.id)
        assert isinstance(actor.kind, ActorKind)
        assert actor.country is None or re.fullmatch(r"[A-Z]{2}", actor.country)
        assert REGISTRY.lineage(actor)[-1].parent is None  # every chain ends at a root
        if actor.kind in (ActorKind.MINISTRY, ActorKind.INTELLIGENCE_AGENCY):
            assert any(a.kind is ActorKind.STATE for a in REGISTRY.lineage(actor)), actor.id


def test_no_two_shipped_actors_share_a_name() -> None:
    owner: dict[str, str] = {}
    for actor in REGISTRY:
        for name in (actor.name, *actor.aliases):
            found = REGISTRY.resolve(name)
            assert found == actor, f"{name!r} of {actor.id} resolves to {found}"
            key = " ".join(name.lower().replace("’", "'").split()).removesuffix("'s")
            assert owner.setdefault(key.removeprefix("the "), actor.id) == actor.id, name


def test_every_shipped_name_is_found_whole_as_its_own_actor() -> None:
    for actor in REGISTRY:
        for name in (actor.name, *actor.aliases):
            found = REGISTRY.find_all(name)
            assert [a for _, a in found] == [actor], (actor.id, name)
            span, end = found[0][0], len(name.removesuffix("'s"))  # "North Korea's"
            assert (span.start, span.end) in ((0, end), (4, end)), (actor.id, name)  # "the "


def test_shipped_people_and_bodies_follow_the_conventions() -> None:
    for actor in REGISTRY:
        lineage = REGISTRY.lineage(actor)
        states = [a for a in lineage if a.kind is ActorKind.STATE]
        if states:  # a body of a state shares its country
            assert actor.country == states[0].country, actor.id
        if actor.kind is ActorKind.HEAD_OF_STATE:  # in office: under the state they lead
            parent = REGISTRY.parent_of(actor)
            assert parent is not None and parent.kind is ActorKind.STATE, actor.id
        if actor.kind is ActorKind.STATE:
            assert actor.parent is None and actor.country == actor.id.upper(), actor.id
    counts = {kind: sum(a.kind is kind for a in REGISTRY) for kind in ActorKind}
    assert counts[ActorKind.STATE] >= 80
    assert counts[ActorKind.ARMED_GROUP] >= 30
    assert counts[ActorKind.NEWS_AGENCY] + counts[ActorKind.MEDIA_OUTLET] >= 60


def test_parents_and_lineage() -> None:
    assert [a.id for a in REGISTRY.lineage("kyrylo-budanov")] == [
        "kyrylo-budanov",
        "ua-hur",
        "ua-mod",
        "ua",
    ]
    assert [a.id for a in REGISTRY.lineage(REGISTRY.get("ju-hong-won"))] == [  # type: ignore[arg-type]
        "ju-hong-won",
        "kr-ppp",
    ]
    jcs = REGISTRY.get("kr-jcs")
    assert jcs is not None
    assert REGISTRY.parent_of(jcs) == REGISTRY.get("kr") == REGISTRY.parent_of("kr-jcs")
    assert REGISTRY.parent_of("kr") is None
    assert REGISTRY.parent_of("atlantis") is None
    assert REGISTRY.lineage("atlantis") == ()
    # An actor from outside the registry still finds its known parents.
    outsider = Actor("kr-navy", "Republic of Korea Navy", ActorKind.ARMED_FORCES, parent="kr")
    assert [a.id for a in REGISTRY.lineage(outsider)] == ["kr-navy", "kr"]


def test_membership_iteration_and_get() -> None:
    kp = REGISTRY.get("kp")
    assert kp is not None and kp.name == "North Korea"
    assert "kp" in REGISTRY and kp in REGISTRY
    assert "North Korea" not in REGISTRY  # membership is by id
    assert Actor("kp", "Somewhere else") not in REGISTRY
    assert 3 not in REGISTRY
    assert REGISTRY.get("KP") is None
    assert [a.id for a in REGISTRY] == list(REGISTRY.actors)
    assert len(list(REGISTRY)) == len(REGISTRY)


def test_case_sensitive_names() -> None:
    assert REGISTRY.case_sensitive_names("kp") == ("DPRK", "D.P.R.K.", "the North")
    assert REGISTRY.case_sensitive_names("the-war-zone") == ("The War Zone", "TWZ")
    assert REGISTRY.case_sensitive_names("ua") == ()
    assert REGISTRY.case_sensitive_names("atlantis") == ()


# Mentions ---------------------------------------------------------------------------------


def _mentions(text: str, registry: ActorRegistry = REGISTRY) -> list[tuple[str, str]]:
    return [(span.slice(text), actor.id) for span, actor in registry.find_all(text)]


def test_find_all_on_a_seed_sentence() -> None:
    text = (
        "North Korea has deployed an additional 3,000 troops to Russia this year and continues"
        " to supply missiles to support the Kremlin’s war against Ukraine, South Korea’s"
        "\u00a0Joint Chiefs of Staff (JCS) said Thursday, AP reported, citing the U.S. and us."
    )
    assert _mentions(text) == [
        ("North Korea", "kp"),
        ("Russia", "ru"),
        ("Kremlin", "ru-kremlin"),
        ("Ukraine", "ua"),
        ("South Korea’s\u00a0Joint Chiefs of Staff", "kr-jcs"),
        ("JCS", "kr-jcs"),
        ("AP", "ap"),
        ("U.S.", "us"),
    ]


def test_find_all_prefers_the_longest_name_and_leaves_possessives_out() -> None:
    assert _mentions("The Moscow Times reported Moscow’s losses; Kyiv Independent's staff") == [
        ("Moscow Times", "moscow-times"),
        ("Moscow", "ru"),
        ("Kyiv Independent", "kyiv-independent"),
    ]
    assert _mentions("Ukraine's military intelligence chief Kyrylo Budanov") == [
        ("Ukraine's military intelligence", "ua-hur"),
        ("Kyrylo Budanov", "kyrylo-budanov"),
    ]
    assert _mentions("Ukraine's army") == [("Ukraine's army", "ua-af")]


def test_find_all_matches_whole_words_only() -> None:
    assert _mentions("USAID, Trumpet, Russianness, Kievan Rus, NATOs, unhcr2") == []
    assert _mentions("NATO-led, anti-U.S. policy, (AFP), North Korean-made") == [
        ("NATO", "nato"),
        ("U.S.", "us"),
        ("AFP", "afp"),
        ("North Korean", "kp"),
    ]


def test_find_all_respects_case_for_acronyms_and_case_sensitive_names() -> None:
    text = "Tell us who is in the north: the North, The War Zone and the war zone, AP and ap."
    assert _mentions(text) == [
        ("the North", "kp"),
        ("The War Zone", "the-war-zone"),
        ("AP", "ap"),
    ]
    # Other names match in any case, across line breaks and runs of spaces.
    assert _mentions("NORTH KOREA and south\n  korea") == [
        ("NORTH KOREA", "kp"),
        ("south\n  korea", "kr"),
    ]


def test_find_all_on_a_paragraph_of_mixed_conflict_news() -> None:
    text = (
        "Gaza’s Health Ministry said 42 people were killed as the IDF and Shin Bet struck Hamas"
        " and Palestinian Islamic Jihad; UNRWA and the WHO counted the displaced. In Sudan, the"
        " RSF shelled El Fasher as al-Burhan’s army fell back, the IOM said. Ukraine's Air Force"
        " said Russia launched 120 drones overnight and the SBU hit an FSB site, according to UK"
        " Defence Intelligence. M23 rebels, backed by Rwanda according to UN experts, took Goma"
        " from the FARDC; JNIM killed 50 soldiers in Burkina Faso, ACLED said. Turkey’s MIT"
        " struck the PKK in Iraq, Anadolu reported, and Taiwan's Ministry of National Defense"
        " counted 30 PLA aircraft, Xinhua and Reuters reported."
    )
    assert _mentions(text) == [
        ("Gaza’s Health Ministry", "ps-gaza-health-ministry"),
        ("IDF", "il-idf"),
        ("Shin Bet", "il-shin-bet"),
        ("Hamas", "hamas"),
        ("Palestinian Islamic Jihad", "pij"),
        ("UNRWA", "unrwa"),
        ("WHO", "who"),
        ("Sudan", "sd"),
        ("RSF", "sd-rsf"),
        ("al-Burhan", "abdel-fattah-al-burhan"),
        ("IOM", "iom"),
        ("Ukraine's Air Force", "ua-air-force"),
        ("Russia", "ru"),
        ("SBU", "ua-sbu"),
        ("FSB", "ru-fsb"),
        ("UK Defence Intelligence", "gb-defence-intelligence"),
        ("M23 rebels", "m23"),
        ("Rwanda", "rw"),
        ("UN", "un"),
        ("FARDC", "cd-fardc"),
        ("JNIM", "jnim"),
        ("Burkina Faso", "bf"),
        ("ACLED", "acled"),
        ("Turkey", "tr"),
        ("MIT", "tr-mit"),
        ("PKK", "pkk"),
        ("Iraq", "iq"),
        ("Anadolu", "anadolu"),
        ("Taiwan's Ministry of National Defense", "tw-mnd"),
        ("PLA", "cn-pla"),
        ("Xinhua", "xinhua"),
        ("Reuters", "reuters"),
    ]


def test_find_all_leaves_common_words_and_places_alone() -> None:
    text = (
        "Over turkey dinner, a chad of paper, a guinea pig and polish for the boots, an economist"
        " granted amnesty to an oryx with one tusk; the independent critical threats in"
        " Gaza and the West Bank, and XI or xi, name no actor."
    )
    assert _mentions(text) == []
    # Capitalised, the same words are the countries, agencies and outlets.
    text = "Turkey, Chad, Polish troops, The Economist, Amnesty, Oryx, Tusk and The Independent"
    assert [actor for _, actor in _mentions(text)] == [
        "tr", "td", "pl", "economist", "amnesty", "oryx", "donald-tusk", "independent",
    ]  # fmt: skip


def test_ambiguous_names_go_where_the_registry_notes_say() -> None:
    # Each of these names has a second meaning the registry does not know; the notes in
    # data/actors.toml and docs/actors.md say which one it picks.
    assert _mentions("Georgia's governor; the Niger Delta; Michael Jordan") == [
        ("Georgia", "ge"),
        ("Niger", "ne"),
        ("Jordan", "jo"),
    ]
    assert _mentions("MIT, ADF, CSIS, ABC, Congo, RSF") == [
        ("MIT", "tr-mit"),
        ("ADF", "adf"),
        ("CSIS", "csis"),
        ("ABC", "abc-news"),
        ("Congo", "cd"),
        ("RSF", "sd-rsf"),
    ]
    # The longest name wins over a shorter one inside it.
    assert _mentions("Israel Katz, Abbas Araghchi, Kataib Hezbollah, the Pakistani Taliban") == [
        ("Israel Katz", "israel-katz"),
        ("Abbas Araghchi", "abbas-araghchi"),
        ("Kataib Hezbollah", "kataib-hezbollah"),
        ("Pakistani Taliban", "ttp"),
    ]
    assert _mentions("the Democratic Republic of the Congo and the Republic of the Congo") == [
        ("Democratic Republic of the Congo", "cd"),
        ("Republic of the Congo", "cg"),
    ]
    assert _mentions("the People's Republic of China and the Republic of China") == [
        ("People's Republic of China", "cn"),
        ("Republic of China", "tw"),
    ]


def test_find_all_on_the_bodies_conflict_reporting_cites() -> None:
    text = (
        "The Houthi-run health ministry said 12 were killed; Magen David Adom and the"
        " Palestinian Red Crescent treated the wounded, the White Helmets said. The Nigerian"
        " Army and Nigeria Police Force, FAMa and the VDP, Haiti's PNH; Ukraine's Coordination"
        " Headquarters for the Treatment of Prisoners of War and Dmytro Lubinets; Tatyana"
        " Moskalkova. IDMC, the Norwegian Refugee Council, the IPC and Reporters Without"
        " Borders; the RSF shelled El Fasher, Hengaw and HRANA said."
    )
    assert _mentions(text) == [
        ("Houthi-run health ministry", "ye-houthi-health-ministry"),
        ("Magen David Adom", "mda"),
        ("Palestinian Red Crescent", "prcs"),
        ("White Helmets", "sy-white-helmets"),
        ("Nigerian Army", "ng-army"),
        ("Nigeria Police Force", "ng-police"),
        ("FAMa", "ml-fama"),
        ("VDP", "bf-vdp"),
        ("Haiti", "ht"),
        ("PNH", "ht-pnh"),
        (
            "Ukraine's Coordination Headquarters for the Treatment of Prisoners of War",
            "ua-pow-headquarters",
        ),
        ("Dmytro Lubinets", "dmytro-lubinets"),
        ("Tatyana Moskalkova", "tatyana-moskalkova"),
        ("IDMC", "idmc"),
        ("Norwegian Refugee Council", "nrc"),
        ("IPC", "ipc"),
        ("Reporters Without Borders", "rwb"),
        ("RSF", "sd-rsf"),
        ("Hengaw", "hengaw"),
        ("HRANA", "hrana"),
    ]
    assert [a.id for a in REGISTRY.lineage("idmc")] == ["idmc", "nrc"]
    assert [a.id for a in REGISTRY.lineage("bf-vdp")] == ["bf-vdp", "bf-armed-forces", "bf"]


def test_rights_groups_monitors_and_charities_are_ngos() -> None:
    ngos = {a.id for a in REGISTRY if a.kind is ActorKind.NGO}
    assert {"amnesty", "hrw", "msf", "sohr", "aapp", "sudan-doctors-network", "nrc", "irc",
            "cpj", "rwb", "hengaw", "hrana", "ihr", "mdm", "oxfam", "snhr"} <= ngos  # fmt: skip
    assert not [a.id for a in REGISTRY if a.kind is ActorKind.OTHER]


def test_find_all_finds_the_actors_of_every_seed() -> None:
    found = {actor.id for seed in SEEDS for _, actor in REGISTRY.find_all(seed.read_text())}
    expected = {
        "kp", "kr", "ru", "ua", "us", "kr-jcs", "kr-nis", "kr-mnd", "park-sun-won",
        "ju-hong-won", "kr-ppp", "ua-hur", "kyrylo-budanov", "volodymyr-zelensky",
        "kim-jong-un", "vladimir-putin", "sergei-shoigu", "donald-trump", "julianne-smith",
        "isw", "nato", "un", "ap", "afp", "yonhap", "kcna", "moscow-times", "newsweek",
        "kyiv-independent", "the-war-zone", "fox-news", "sputnik", "ru-kremlin",
        "us-intelligence",
    }  # fmt: skip
    assert expected <= found


def test_find_all_is_fast_on_long_and_adversarial_text() -> None:
    texts = [
        " ".join(seed.read_text() for seed in SEEDS) * 20,
        "South " * 50_000,
        "the " * 50_000,
        "U.S" * 50_000,
        "a" * 300_000,
        "South" + " " * 300_000 + "x",
    ]
    for text in texts:
        started = time.perf_counter()
        REGISTRY.find_all(text)
        assert time.perf_counter() - started < 3.0


def test_wrong_input_types_are_refused() -> None:
    with pytest.raises(InvalidInputError):
        REGISTRY.find_all(b"North Korea")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        REGISTRY.resolve(None)  # type: ignore[arg-type]


# Building and extending -------------------------------------------------------------------

WAGNER = '[[actor]]\nid = "wagner"\nname = "Wagner Group"\nkind = "armed_group"\n'
# A private military company the shipped registry does not know.
REDUT = '[[actor]]\nid = "redut"\nname = "Redut"\nkind = "armed_group"\n'


def test_extension_from_a_toml_file_adds_and_replaces(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        REDUT + 'country = "RU"\naliases = ["Redut", "PMC Redut"]\nparent = "ru"\n\n'
        '[[actor]]\nid = "kp"\nname = "DPRK"\nkind = "state"\naliases = ["Hermit Kingdom"]\n',
        encoding="utf-8",
    )
    registry = REGISTRY.extended(path)
    redut = registry.resolve("pmc redut")
    assert redut is not None and redut.id == "redut" and redut.parent == "ru"
    replaced = registry.get("kp")
    assert replaced is not None and replaced.name == "DPRK"
    assert registry.resolve("Hermit Kingdom") == replaced
    assert registry.resolve("Pyongyang") is None  # the old entry's aliases went with it
    assert _mentions("the Hermit Kingdom and Redut", registry) == [
        ("Hermit Kingdom", "kp"),
        ("Redut", "redut"),
    ]
    assert len(registry) == len(REGISTRY) + 1
    # The default registry is untouched.
    assert REGISTRY.resolve("Pyongyang") == REGISTRY.get("kp")
    assert REGISTRY.resolve("Redut") is None


def test_extension_from_json_mappings_actors_and_registries(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps({"actor": [{"id": "wagner", "name": "Wagner Group", "aliases": ["Wagner"]}]}),
        encoding="utf-8",
    )
    azov = Actor("ua-azov", "Azov Brigade", ActorKind.ARMED_FORCES, "UA", ["Azov"], "ua")
    other = ActorRegistry.from_actors([Actor("akhmat", "Akhmat", ActorKind.ARMED_GROUP)])
    registry = REGISTRY.extended(
        path,
        {"actor": [{"id": "kadyrov", "name": "Ramzan Kadyrov", "kind": "official"}]},
        {"id": "prigozhin", "name": "Yevgeny Prigozhin", "parent": "wagner"},
        azov,
        other,
    )
    for name, expected in [
        ("Wagner", "wagner"),
        ("Ramzan Kadyrov", "kadyrov"),
        ("Yevgeny Prigozhin", "prigozhin"),
        ("Azov", "ua-azov"),
        ("Akhmat", "akhmat"),
    ]:
        actor = registry.resolve(name)
        assert actor is not None and actor.id == expected
    assert registry.get("ua-azov") is azov  # Actor objects are kept as given
    assert [a.id for a in registry.lineage("prigozhin")] == ["prigozhin", "wagner"]
    prigozhin = registry.get("prigozhin")
    assert prigozhin is not None and prigozhin.kind is ActorKind.OTHER


def test_a_later_name_wins_and_a_replaced_actor_counts_as_later() -> None:
    city = {"id": "ru-moscow", "name": "Moscow City Hall", "aliases": ["Moscow"]}
    registry = REGISTRY.extended(city)
    assert registry.resolve("Moscow") == registry.get("ru-moscow")
    assert _mentions("Moscow", registry) == [("Moscow", "ru-moscow")]
    # Redefining Russia afterwards makes its "Moscow" the later one again.
    russia = REGISTRY.get("ru")
    assert russia is not None
    again = registry.extended(russia)
    assert again.resolve("Moscow") == russia
    assert list(again.actors)[-1] == "ru"


def test_case_sensitive_names_in_an_extension() -> None:
    registry = REGISTRY.extended(
        {
            "id": "the-hill",
            "name": "The Hill",
            "kind": "media_outlet",
            "case_sensitive": ["The Hill"],
        }
    )
    assert _mentions("The Hill reported from the hill.", registry) == [("The Hill", "the-hill")]
    assert registry.resolve("the hill") is None
    hill = registry.resolve("The Hill")
    assert hill is not None and hill.aliases == ()  # the name itself is the sensitive one
    # An Actor object brings no case-sensitive names beyond its acronyms.
    plain = REGISTRY.extended(Actor("the-hill", "The Hill", ActorKind.MEDIA_OUTLET))
    assert _mentions("the hill", plain) == [("hill", "the-hill")]


def test_a_registry_from_one_file_knows_only_its_actors(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(WAGNER, encoding="utf-8")
    registry = ActorRegistry.from_file(path)
    assert [a.id for a in registry] == ["wagner"]
    assert registry.resolve("Russia") is None
    assert ActorRegistry.from_actors([]).find_all("North Korea") == []
    empty = tmp_path / "empty.toml"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    assert len(ActorRegistry.from_file(empty)) == 0


# Malformed sources ------------------------------------------------------------------------

BAD_FILES = [
    ("bad.toml", '[[actor]]\nid = "x"\nname = = "X"\n', "invalid TOML", 3),
    ("bad.json", '{"actor": [\n  {"id": "x",\n   "name": }\n]}', "invalid JSON", 3),
    ("bad.toml", WAGNER + "\n[[actor]]\nname = 'Y'\n", "actor #2: needs an 'id'", 6),
    ("bad.toml", '[[actor]]\nid = "Not A Slug"\nname = "X"\n', "is not a slug", 2),
    ("bad.toml", '[[actor]]\nid = "x"\nkind = "state"\n', "actor 'x': needs a 'name'", 1),
    ("bad.toml", '[[actor]]\nid = "x"\nname = "X"\nkind = "wizard"\n', "unknown kind", 4),
    ("bad.toml", WAGNER + "\n" + WAGNER, "actor 'wagner': duplicate id", 7),
    ("bad.toml", '[[actor]]\nid = "x"\nname = "X"\nparent = "y"\n', "parent 'y' names no", 4),
    ("bad.toml", '[[actor]]\nid = "x"\nname = "X"\nparent = "x"\n', "its own parent", 4),
    ("bad.toml", '[[actor]]\nid = "x"\nname = "X"\ncolour = "red"\n', "unknown field", 4),
    ("bad.toml", '[[actor]]\nid = "x"\nname = "X"\ncountry = "Korea"\n', "alpha-2", 4),
    ("bad.toml", '[[actor]]\nid = "x"\nname = "X"\naliases = "Y"\n', "list of strings", 4),
    ("bad.toml", '[[actor]]\nid = "x"\nname = "X"\naliases = ["--"]\n', "no letter", 4),
    ("bad.toml", '[[actor]]\nid = "x"\nname = "X"\n\n[colours]\nred = 1\n', "unknown table", 5),
    ("bad.toml", 'actor = "everyone"\n', "'actor' must be a list", 1),
    ("bad.json", '[{"id": "x", "name": "X"}]', "expected a table at the top level", 1),
    ("bad.json", '{"actor": [\n  {"id": "x", "name": "X"},\n  "y"\n]}', "expected a table", None),
    (
        "bad.json",
        '{"actor": [\n  {"id": "x", "name": "X"},\n  {"id": "y",\n   "name": "Y",\n'
        '   "kind": "wizard"}\n]}',
        "actor 'y': unknown kind 'wizard'",
        5,
    ),
    (
        "bad.json",
        '{"actor": [\n  {"id": "a", "name": "A", "parent": "b"},\n'
        '  {"id": "b", "name": "B", "parent": "a"}\n]}',
        "parent chain loops: a -> b -> a",
        2,
    ),
]


@pytest.mark.parametrize(("filename", "content", "message", "line"), BAD_FILES)
def test_a_malformed_file_names_itself_its_line_and_the_entry(
    tmp_path: Path, filename: str, content: str, message: str, line: int | None
) -> None:
    path = tmp_path / filename
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=re.escape(message)) as caught:
        ActorRegistry.from_file(path)
    assert caught.value.source == str(path)
    assert caught.value.line == line
    with pytest.raises(LexiconError, match=re.escape(message)):
        REGISTRY.extended(path)


def test_a_parent_may_name_an_actor_of_the_registry_or_of_a_later_source() -> None:
    registry = REGISTRY.extended(
        {"id": "kr-navy", "name": "ROK Navy", "kind": "armed_forces", "parent": "kr-mnd-x"},
        {"id": "kr-mnd-x", "name": "Another ministry", "parent": "kr"},
    )
    assert [a.id for a in registry.lineage("kr-navy")] == ["kr-navy", "kr-mnd-x", "kr"]


def test_errors_from_mappings_actors_and_arguments() -> None:
    with pytest.raises(LexiconError, match="<mapping>: actor 'x': parent 'nowhere' names no"):
        REGISTRY.extended({"id": "x", "name": "X", "parent": "nowhere"})
    with pytest.raises(LexiconError, match="<actor>: actor 'x': parent 'nowhere' names no"):
        REGISTRY.extended(Actor("x", "X", ActorKind.OFFICIAL, parent="nowhere"))
    with pytest.raises(LexiconError, match="<actors>: actor 'a': duplicate id"):
        ActorRegistry.from_actors([Actor("a", "A"), Actor("a", "B")])
    with pytest.raises(LexiconError, match="<actors>: actor 'a': parent chain loops"):
        ActorRegistry.from_actors([Actor("a", "A", parent="b"), Actor("b", "B", parent="a")])
    with pytest.raises(LexiconError, match="<mapping>: unknown table 'actors'"):
        REGISTRY.extended({"actors": []})
    with pytest.raises(LexiconError, match="<argument>: expected a path"):
        REGISTRY.extended(42)  # type: ignore[arg-type]
    with pytest.raises(LexiconError, match="<registry>: 'kp' holds"):
        ActorRegistry({"kp": Actor("kr", "South Korea")})
    with pytest.raises(LexiconError, match="cannot read"):
        ActorRegistry.from_file("/nonexistent/actors.toml")
    try:
        REGISTRY.extended({"id": "x", "name": "X", "kind": "wizard"})
    except LexiconError as error:
        assert (error.source, error.line) == ("<mapping>", None)
    else:  # pragma: no cover
        pytest.fail("no error")


def test_files_are_data_only(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(WAGNER + "aliases = [\"__import__('os').system('false')\"]\n", "utf-8")
    wagner = ActorRegistry.from_file(path).get("wagner")
    assert wagner is not None and wagner.aliases == ("__import__('os').system('false')",)


# Properties -------------------------------------------------------------------------------

NAMES = [(actor, name) for actor in REGISTRY for name in (actor.name, *actor.aliases)]
PLAIN_NAMES = [(a, n) for a, n in NAMES if n not in REGISTRY.case_sensitive_names(a)]
SPACE = st.sampled_from([" ", "\u00a0", "\t", "\n", "\u202f", "  "])


@given(
    st.sampled_from(PLAIN_NAMES),
    st.lists(st.booleans(), min_size=80, max_size=80),
    st.lists(SPACE, max_size=3).map("".join),
    st.lists(SPACE, max_size=3).map("".join),
)
def test_resolve_ignores_case_and_surrounding_space(
    pair: tuple[Actor, str], upper: list[bool], before: str, after: str
) -> None:
    actor, name = pair
    cased = "".join(c.upper() if up else c.lower() for c, up in zip(name, upper, strict=False))
    assert REGISTRY.resolve(before + cased + name[len(upper) :] + after) == actor


@given(st.sampled_from(NAMES), st.lists(SPACE, max_size=3).map("".join))
def test_resolve_finds_every_name_as_written(pair: tuple[Actor, str], space: str) -> None:
    actor, name = pair
    assert REGISTRY.resolve(space + name.replace("'", "’") + space) == actor


@given(st.sampled_from(NAMES), st.sampled_from(NAMES))
def test_find_all_finds_names_side_by_side(
    first: tuple[Actor, str], second: tuple[Actor, str]
) -> None:
    text = f"({first[1]}) and {second[1]}."
    assert [actor for _, actor in REGISTRY.find_all(text)] == [first[0], second[0]]


WORDS = st.sampled_from([n for _, n in NAMES] + ["us", "the", "'s", "’s", "north", "-", "."])


@settings(max_examples=300)
@given(
    st.one_of(
        st.text(max_size=300),
        st.lists(st.one_of(WORDS, SPACE, st.text(max_size=3)), max_size=30).map("".join),
    )
)
def test_find_all_never_raises_and_its_spans_resolve_back(text: str) -> None:
    end = 0
    for span, actor in REGISTRY.find_all(text):
        assert end <= span.start < span.end <= len(text)  # in order, not overlapping
        end = span.end
        assert REGISTRY.resolve(span.slice(text)) == actor
