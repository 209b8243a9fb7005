"""The gazetteer: the shipped data, lookups, mentions, extension and bad files."""

from __future__ import annotations

import json
import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osint_claims import ActorKind, ActorRegistry, Gazetteer, LexiconError, Span
from osint_claims.errors import InvalidInputError

CASES = Path(__file__).parent / "cases" / "places.txt"
GAZETTEER = Gazetteer.default()
SHIPPED = tomllib.loads(
    (resources.files("osint_claims") / "data" / "places.toml").read_text(encoding="utf-8")
)


def _read_cases() -> list[tuple[int, str, str]]:
    """``name | code`` lines of ``cases/places.txt``; ``\\u00a0`` stands for its character."""
    rows = []
    for number, line in enumerate(CASES.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, bar, expected = line.rpartition("|")
        assert bar, f"{CASES.name}:{number}: no '|' between the name and the code"
        name = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), name)
        rows.append((number, name.strip(), expected.strip()))
    return rows


ROWS = _read_cases()


@pytest.mark.parametrize(
    ("name", "expected"), [row[1:] for row in ROWS], ids=[f"L{row[0]}:{row[1]}" for row in ROWS]
)
def test_country_of_table(name: str, expected: str) -> None:
    found = GAZETTEER.country_of(name)
    assert (found or "none") == expected
    assert (name in GAZETTEER) is (found is not None)
    if found is not None:  # surrounding space never matters, and running text finds it
        assert GAZETTEER.country_of(f" \u00a0{name}\t ") == found
        text = f"Shelling in {name}, officials said."
        assert [code for _, code in GAZETTEER.find_all(text)] == [found]


# The shipped gazetteer --------------------------------------------------------------------


def test_the_shipped_gazetteer_is_loaded_once_and_large() -> None:
    assert Gazetteer.default() is Gazetteer.default()
    assert len(GAZETTEER) >= 5000
    assert repr(GAZETTEER) == (
        f"<Gazetteer of {len(GAZETTEER)} place names in {len(GAZETTEER.countries)} countries>"
    )


def test_every_state_of_the_registry_has_places() -> None:
    states = {a.country for a in ActorRegistry.default() if a.kind is ActorKind.STATE}
    thin = {code for code in states if len(GAZETTEER.countries.get(code or "", ())) < 3}
    assert not thin
    # The countries of today's conflict reporting are covered in depth.
    for code, least in {"UA": 400, "RU": 150, "SD": 150, "PS": 100, "SY": 150, "YE": 100}.items():
        assert len(GAZETTEER.countries[code]) >= least, code


def test_the_shipped_file_lists_each_name_once() -> None:
    for table in SHIPPED["country"]:
        assert re.fullmatch(r"[A-Z]{2}", table["code"])
        keys = [" ".join(name.casefold().split()) for name in table["places"]]
        repeated = {key for key in keys if keys.count(key) > 1}
        assert not repeated, (table["code"], repeated)
    codes = [table["code"] for table in SHIPPED["country"]]
    assert len(codes) == len(set(codes))


def test_every_shipped_name_is_found_whole_and_resolves_to_its_country() -> None:
    for table in SHIPPED["country"]:
        for name in table["places"]:
            assert GAZETTEER.country_of(name) == table["code"], name
            found = GAZETTEER.find_all(name)
            assert found == [(Span(0, len(name)), table["code"])], name


def test_the_countries_table() -> None:
    assert GAZETTEER.countries["YE"][:3] == ("Yemen", "Sanaa", "Sana'a")
    assert "Kherson" in GAZETTEER.countries["UA"]
    assert sum(len(names) for names in GAZETTEER.countries.values()) == len(GAZETTEER)


# Lookups and mentions ---------------------------------------------------------------------


def _mentions(text: str, gazetteer: Gazetteer = GAZETTEER) -> list[tuple[str, str]]:
    return [(span.slice(text), code) for span, code in gazetteer.find_all(text)]


def test_a_dateline_names_the_country_of_filing() -> None:
    for dateline, code in [
        ("KHARTOUM, Feb 16 (Reuters) - The army said", "SD"),
        ("KYIV, Ukraine (AP) — Russian drones", "UA"),
        ("GOMA, Congo, Jan 27 (Reuters) -", "CD"),
        ("SANAA, Yemen —", "YE"),
        ("PORT-AU-PRINCE, Haiti (AP) —", "HT"),
    ]:
        assert GAZETTEER.find_all(dateline)[0][1] == code


def test_find_all_on_a_paragraph_of_conflict_news() -> None:
    text = (
        "40 civilians were killed in Saada, the Houthi-run health ministry said. Russian"
        " shelling in Kherson and Nikopol killed three; drones hit Belgorod. In Goma and"
        " Bukavu, M23 fighters; in El Fasher and Zamzam camp, the RSF. Strikes on Khan Younis,"
        " Jabalia and Dahiyeh; the IDF said it struck Nabatieh."
    )
    assert _mentions(text) == [
        ("Saada", "YE"),
        ("Kherson", "UA"),
        ("Nikopol", "UA"),
        ("Belgorod", "RU"),
        ("Goma", "CD"),
        ("Bukavu", "CD"),
        ("El Fasher", "SD"),
        ("Zamzam camp", "SD"),
        ("Khan Younis", "PS"),
        ("Jabalia", "PS"),
        ("Dahiyeh", "LB"),
        ("Nabatieh", "LB"),
    ]


def test_find_all_prefers_the_longest_name_and_leaves_possessives_out() -> None:
    assert _mentions("Nova Kakhovka, not Kakhovka; Kherson’s port; the Donbas's towns") == [
        ("Nova Kakhovka", "UA"),
        ("Kakhovka", "UA"),
        ("Kherson", "UA"),
        ("Donbas", "UA"),
    ]
    # "New Mexico" is listed so that "Mexico" inside it is not read as Mexico.
    assert _mentions("New Mexico and Mexico City") == [("New Mexico", "US"), ("Mexico City", "MX")]


def test_find_all_matches_whole_words_only() -> None:
    assert _mentions("Gazans, Kyivans, Homsi, Sumyx, Bakhmutian") == []
    assert _mentions("Kharkiv-based, (Saada), Aden/Taiz") == [
        ("Kharkiv", "UA"),
        ("Saada", "YE"),
        ("Aden", "YE"),
        ("Taiz", "YE"),
    ]


def test_find_all_leaves_common_words_and_first_names_alone() -> None:
    text = (
        "For the sake of a turkey, Victoria and Jordan drove a van to Paris, Georgia; Batman"
        " hit the bar in Tyre. Israel Katz met Chad in London."
    )
    assert _mentions(text) == []


def test_offsets_hold_with_curly_quotes_and_no_break_spaces() -> None:
    text = "“Sana’a”\u00a0and Khan\u00a0Younis\u202fand\tRas\nLanuf"
    assert _mentions(text) == [
        ("Sana’a", "YE"),
        ("Khan\u00a0Younis", "PS"),
        ("Ras\nLanuf", "LY"),
    ]


def test_one_pattern_is_compiled_once() -> None:
    gazetteer = GAZETTEER.extended({"country": []})
    assert gazetteer._pattern() is gazetteer._pattern()


def test_long_and_adversarial_inputs() -> None:
    # Long texts of near-misses and prefixes; the answers are exact, and the suite would
    # stall here were the scan not linear.
    assert GAZETTEER.find_all("Nova " * 50_000) == []
    assert GAZETTEER.find_all("Khan " * 50_000) == []
    assert GAZETTEER.find_all("a" * 300_000) == []
    assert GAZETTEER.find_all("Kherson" + " " * 300_000 + "x") == [(Span(0, 7), "UA")]
    assert GAZETTEER.find_all("Khan" + " " * 300_000 + "Younis") == [(Span(0, 300_010), "PS")]
    found = GAZETTEER.find_all("Nova Kakhovka " * 20_000)
    assert len(found) == 20_000
    assert found[-1] == (Span(14 * 19_999, 14 * 19_999 + 13), "UA")


def test_wrong_input_types_are_refused() -> None:
    with pytest.raises(InvalidInputError):
        GAZETTEER.find_all(b"Kherson")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        GAZETTEER.country_of(None)  # type: ignore[arg-type]
    assert 3 not in GAZETTEER


# Building and extending -------------------------------------------------------------------


def test_from_file_toml_and_json(tmp_path: Path) -> None:
    toml = tmp_path / "mine.toml"
    toml.write_text('[[country]]\ncode = "YE"\nplaces = ["Saada", "the Red Sea coast"]\n', "utf-8")
    gazetteer = Gazetteer.from_file(toml)
    assert len(gazetteer) == 2
    assert gazetteer.country_of("Red Sea coast") == "YE"
    assert gazetteer.country_of("Kherson") is None
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"country": [{"code": "UA", "places": ["Kupiansk"]}]}), "utf-8")
    assert Gazetteer.from_file(path).countries == {"UA": ("Kupiansk",)}
    empty = tmp_path / "empty.toml"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    assert len(Gazetteer.from_file(empty)) == 0
    assert Gazetteer.from_file(empty).find_all("Kherson") == []


def test_extension_adds_places_and_moves_names(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[[country]]\ncode = "UA"\nplaces = ["Novoukrainka-3"]\n', "utf-8")
    mine = GAZETTEER.extended(
        path,
        {"country": [{"code": "XK", "places": ["Leposaviq"]}]},
        {"country": [{"code": "LB", "places": ["Tripoli", "Tyre"]}]},
    )
    assert mine.country_of("Novoukrainka-3") == "UA"
    assert mine.country_of("Kherson") == "UA"  # the country keeps its other places
    assert mine.country_of("Tripoli") == "LB"
    assert len(mine) == len(GAZETTEER) + 4
    assert _mentions("Tyre and Kherson", mine) == [("Tyre", "LB"), ("Kherson", "UA")]
    # A name given to another country moves there, and leaves the first.
    moved = mine.extended({"country": [{"code": "LY", "places": ["TRIPOLI"]}]})
    assert moved.country_of("Tripoli") == "LY"
    assert "Tripoli" not in moved.countries["LB"]
    assert len(moved) == len(mine)
    # The gazetteers extended are untouched.
    assert GAZETTEER.country_of("Tripoli") is None
    assert mine.country_of("Tripoli") == "LB"


def test_extension_from_another_gazetteer(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[[country]]\ncode = "SO"\nplaces = ["Ceel Dheere", "Goma"]\n', "utf-8")
    small = Gazetteer.from_file(path)
    merged = GAZETTEER.extended(small)
    assert merged.country_of("Ceel Dheere") == "SO"
    assert merged.country_of("Goma") == "SO"  # the later source wins
    assert merged.country_of("Kherson") == "UA"
    assert len(merged) == len(GAZETTEER) + 1


def test_acronyms_match_only_in_capitals() -> None:
    mine = Gazetteer.default().extended({"country": [{"code": "PK", "places": ["KPK"]}]})
    assert mine.country_of("KPK") == "PK"
    assert mine.country_of("kpk") is None
    assert _mentions("KPK police, kpk", mine) == [("KPK", "PK")]


BAD_FILES = [
    ("bad.toml", '[[country]]\ncode = "YE"\nplaces = = ["Aden"]\n', "invalid TOML", 3),
    ("bad.json", '{"country": [\n  {"code": "YE",\n   "places": }\n]}', "invalid JSON", 3),
    ("bad.toml", '[[country]]\ncode = "YE"\nplaces = []\ncolour = "red"\n', "unknown field", 4),
    ("bad.toml", '[[country]]\ncode = "Yemen"\nplaces = []\n', "code 'Yemen' is not", 2),
    ("bad.toml", '[[country]]\ncode = "ye"\nplaces = []\n', "code 'ye' is not", 2),
    ("bad.toml", '[[country]]\nplaces = ["Aden"]\n', "country #1: needs a 'code'", 1),
    ("bad.toml", '[[country]]\ncode = "YE"\nplaces = ["Aden",\n  42]\n', "place 42 is not", 4),
    ("bad.toml", '[[country]]\ncode = "YE"\nplaces = ["Aden", true]\n', "place True is not", 3),
    ("bad.toml", '[[country]]\ncode = "YE"\nplaces = "Aden"\n', "list of strings", 3),
    ("bad.toml", '[[country]]\ncode = "YE"\nplaces = ["--"]\n', "has no letter", 3),
    (
        "bad.toml",
        '[[country]]\ncode = "YE"\nplaces = ["Aden"]\n\n[[country]]\ncode = "YE"\nplaces = []\n',
        "country 'YE': duplicate code",
        6,
    ),
    (
        "bad.toml",
        '[[country]]\ncode = "LY"\nplaces = ["Sirte",\n  "Tripoli"]\n\n'
        '[[country]]\ncode = "LB"\nplaces = ["Sidon",\n  "tripoli"]\n',
        "country 'LB': place 'tripoli' is listed under 'LY' too",
        9,
    ),
    ("bad.toml", '[[country]]\ncode = "YE"\n\n[colours]\nred = 1\n', "unknown table", 4),
    ("bad.toml", 'country = "YE"\n', "'country' must be a list", 1),
    ("bad.json", "[1]", "expected a table at the top level", 1),
    (
        "bad.json",
        '{"country": [\n  {"code": "YE", "places": []},\n  {"code": "LY",\n'
        '   "places": ["Sirte", 7]}\n]}',
        "country 'LY': place 7 is not a string",
        4,
    ),
    ("bad.json", '{"country": [\n  {"code": "YE"},\n  "LY"\n]}', "expected a table, got", 1),
]


@pytest.mark.parametrize(("filename", "content", "message", "line"), BAD_FILES)
def test_a_malformed_file_names_itself_and_its_line(
    tmp_path: Path, filename: str, content: str, message: str, line: int
) -> None:
    path = tmp_path / filename
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=re.escape(message)) as caught:
        Gazetteer.from_file(path)
    assert caught.value.source == str(path)
    assert caught.value.line == line
    with pytest.raises(LexiconError, match=re.escape(message)):
        GAZETTEER.extended(path)


def test_errors_from_mappings_and_arguments() -> None:
    with pytest.raises(LexiconError, match="<mapping>: country 'YE': place 3 is not a string"):
        GAZETTEER.extended({"country": [{"code": "YE", "places": [3]}]})
    with pytest.raises(LexiconError, match="<mapping>: unknown table 'countries'"):
        GAZETTEER.extended({"countries": []})
    with pytest.raises(LexiconError, match="<argument>: expected a path"):
        GAZETTEER.extended(42)  # type: ignore[arg-type]
    with pytest.raises(LexiconError, match="cannot read"):
        Gazetteer.from_file("/nonexistent/places.toml")


def test_files_are_data_only(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    text = "[[country]]\ncode = \"YE\"\nplaces = [\"__import__('os').system('false')\"]\n"
    path.write_text(text, "utf-8")
    assert Gazetteer.from_file(path).countries == {"YE": ("__import__('os').system('false')",)}


# Properties -------------------------------------------------------------------------------

NAMES = [(table["code"], name) for table in SHIPPED["country"] for name in table["places"]]
QUOTED = [(code, name) for code, name in NAMES if "'" in name or " " in name]
SPACE = st.sampled_from([" ", "\u00a0", "\t", "\n", "\u202f", "  "])
WORDS = st.sampled_from([name for _, name in NAMES] + ["the", "'s", "’s", "in", "-", ".", ","])


@settings(max_examples=300)
@given(
    st.one_of(
        st.text(max_size=300),
        st.lists(st.one_of(WORDS, SPACE, st.text(max_size=3)), max_size=30).map("".join),
    )
)
def test_find_all_spans_slice_to_names_of_their_country(text: str) -> None:
    end = 0
    for span, code in GAZETTEER.find_all(text):
        assert end <= span.start < span.end <= len(text)  # in order, not overlapping
        end = span.end
        assert GAZETTEER.country_of(span.slice(text)) == code


@given(
    st.sampled_from(QUOTED),
    st.sampled_from(["\u00a0", "\u202f", "\u2009", " "]),
    st.sampled_from(["’", "'", "\u2018"]),
    st.text(alphabet=" ,;(“”\u00a0", max_size=5),
    st.text(alphabet=" ,;)“”\u00a0.", max_size=5),
)
def test_offsets_hold_with_curly_quotes_and_odd_spaces(
    pair: tuple[str, str], space: str, quote: str, before: str, after: str
) -> None:
    code, name = pair
    written = name.replace(" ", space).replace("'", quote)
    text = "Reports from" + (before or " ") + written + (after or " ") + "said."
    start = len("Reports from" + (before or " "))
    assert (Span(start, start + len(written)), code) in GAZETTEER.find_all(text)


@settings(max_examples=30)
@given(st.lists(WORDS, min_size=1, max_size=8).map(" ".join), st.integers(100, 2000))
def test_repeating_a_text_repeats_its_mentions(chunk: str, times: int) -> None:
    # A long input is read as its parts would be: nothing is lost or found across them.
    once = GAZETTEER.find_all(chunk)
    text = " | ".join([chunk] * times)  # no name runs on across a bar
    step = len(chunk) + 3
    expected = [
        (Span(span.start + n * step, span.end + n * step), code)
        for n in range(times)
        for span, code in once
    ]
    assert GAZETTEER.find_all(text) == expected
