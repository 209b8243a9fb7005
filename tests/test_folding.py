"""Lexicon lookups keyed by the case folding the patterns use (issue 14).

The case-blind patterns match "sent" in "ſent" and "believed" in "belİeved", which
``str.lower`` leaves apart; a table keyed by ``str.lower`` then misses the key of what its
own pattern matched (a ``KeyError``). Tables are keyed by ``osint_claims.text.fold``.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from osint_claims import Lexicon, QuantityParser, extract_claims, extract_quantities, parse_number
from osint_claims.actors import ActorRegistry
from osint_claims.text import ASCII_FOLDS, fold

try:
    from regex._regex import get_all_cases  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - checked below
    get_all_cases = None

_FLAGS = int(regex.IGNORECASE | regex.UNICODE)


def test_the_regex_module_exposes_its_case_table() -> None:
    # fold() reads it; without it, fold falls back to str's case mappings, which miss a few.
    assert get_all_cases is not None


def test_the_characters_that_fold_to_ascii_letters_are_all_known() -> None:
    found = {}
    for code in range(0x80, 0x110000):
        ascii_cases = [chr(other) for other in get_all_cases(_FLAGS, code) if other < 0x80]
        if ascii_cases:
            found[chr(code)] = fold(ascii_cases[0])
    assert found == ASCII_FOLDS


def test_every_character_folds_with_all_its_case_blind_matches() -> None:
    for code in range(0x110000):
        cases = get_all_cases(_FLAGS, code)
        if len(cases) > 1:
            folded = fold(chr(code))
            assert all(fold(chr(other)) == folded for other in cases), hex(code)


@given(st.characters(), st.characters())
def test_two_characters_the_patterns_match_case_blind_fold_alike(one: str, other: str) -> None:
    if regex.fullmatch(regex.escape(one), other, regex.IGNORECASE):
        assert fold(one) == fold(other)


@given(st.text(alphabet=st.sampled_from("sSſkKKiIİıσςΣµμ  \t-"), max_size=12))
def test_a_case_blind_match_of_a_word_has_its_words_fold(text: str) -> None:
    # The pattern of a lexicon entry written in plain lower case, and text it matches.
    entry = text.lower()
    words = entry.split()
    pattern = regex.compile(r"\s+".join(map(regex.escape, words)), regex.IGNORECASE)
    if words and pattern.fullmatch(text.strip()):
        assert fold(text) == fold(entry)


# Spellings the case-blind patterns read as lexicon words: each reads as the plain one.
SAME_AS_PLAIN = [
    ("5 kilometreſ", "5 kilometres"),
    ("hundredſ of troops", "hundreds of troops"),
    ("half a millİon troops", "half a million troops"),
    ("tens of thouſands of troops", "tens of thousands of troops"),
    ("3 million uſ dollarſ", "3 million us dollars"),
    ("prices roſe by 5%", "prices rose by 5%"),
    ("ſome 300 troops", "some 300 troops"),
    ("at leaſt 300 troops", "at least 300 troops"),
    ("5 troops a monTH", "5 troops a month"),
    ("about 5 ſquare km", "about 5 square km"),
    ("between 5 and ſix troops", "between 5 and six troops"),
    ("300 troops were KİLLED", "300 troops were killed"),
    ("5 μm", "5 µm"),
]


def _figures(text: str) -> list[tuple[object, ...]]:
    return [
        (q.value, q.low, q.high, q.bound, q.approximate, q.change, q.unit, q.per)
        for q in extract_quantities(text)
    ]


@pytest.mark.parametrize(("folded", "plain"), SAME_AS_PLAIN)
def test_a_folded_spelling_reads_as_the_plain_one(folded: str, plain: str) -> None:
    assert _figures(folded) == _figures(plain)


NUMBERS = [
    ("ſeven", Decimal(7)),
    ("ſix hundred", Decimal(600)),
    ("two-thirdſ", parse_number("two-thirds")),
    ("one in ſix", parse_number("one in six")),
    ("5 millİon", Decimal(5_000_000)),
    ("half a millİon", Decimal(500_000)),
    ("TWO HUNDRED", Decimal(200)),
    ("hundredſ", None),
]


@pytest.mark.parametrize(("text", "value"), NUMBERS)
def test_parse_number_reads_folded_number_words(text: str, value: Decimal | None) -> None:
    assert parse_number(text) == value


def test_a_lexicon_entry_with_odd_case_and_blanks_finds_its_key() -> None:
    lexicon = Lexicon.default().extended(
        {
            "units": {"verst": {"dimension": "length", "factor": 1066.8, "forms": ["ВЁРСТ"]}},
            "qualifiers": {"approximate": {"words": ["Give Or Take"]}},
        }
    )
    [quantity] = QuantityParser(lexicon).extract("give or take 30 вёрст")
    assert (quantity.value, quantity.unit, quantity.approximate) == (Decimal(30), "verst", True)


def test_actor_names_fold_as_the_pattern_does() -> None:
    registry = ActorRegistry.default()
    assert [actor.id for _, actor in registry.find_all("ſeoul and KİEV")] == [
        actor.id for _, actor in registry.find_all("Seoul and Kiev")
    ]


# Words the case-blind patterns match in any case the regex module folds: their lookups
# find their keys, and the claim reads as it would in plain letters.
CLAIMS_FOLDED = [
    ("\u017fent 3 troops to Russia, Seoul said.", "sent"),
    ("Seoul bel\u0130eved 3 troops were sent.", "sent"),
    ("3 troops were sent, the mini\u017ftry \u017faid.", "sent"),
    ("3,000 troops were K\u0130LLED.", "killed"),
]


@pytest.mark.parametrize(("text", "predicate"), CLAIMS_FOLDED)
def test_extract_claims_finds_the_key_of_every_folded_word(text: str, predicate: str) -> None:
    assert [claim.predicate.key for claim in extract_claims(text)] == [predicate]
