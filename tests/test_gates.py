"""The cheap tests before patterns never turn away a place where the pattern would match.

Each gate (and each prefilter that stands in for a search) is an optimisation: it must give
exactly what running the pattern everywhere would give.
"""

from __future__ import annotations

import itertools

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from osint_claims import ActorRegistry
from osint_claims import dates as dates_module
from osint_claims._grammar import ITEM_TOKENS, Grammar
from osint_claims._items import _Tokens
from osint_claims._patterns import PrefixGate, alternation, first_characters, may_begin
from osint_claims._trie import NameFinder
from osint_claims.attribution import SpeakerReader
from osint_claims.lexicon import Lexicon
from osint_claims.numbers import NumeralReader, scan_form
from osint_claims.places import Gazetteer
from osint_claims.text import fold

_GRAMMAR = Grammar.for_lexicon(Lexicon.default())
_READER = NumeralReader.for_lexicon(Lexicon.default())

# Pieces that make the gated patterns match, and characters that test their edges.
_PIECES = st.sampled_from(
    [
        *"0123456789 -,.:/'[]$%\n\t\u00a0\u2028\u0085\u212a\u017f\u0130é",
        *"km kms sq km percent % mm bn m k K to and or - in out of".split(),
        *"three-quarters one ten tens thousand half a million dozen twenty-two".split(),
        *"March am pm GMT th st nd 2nd Min read of troops someone often".split(),
        *"November North Nov. Sept Seoul".split(),
        *"or more|a day|per|daily|-plus|plus|+|additional|more|fewer|-odd|an hour|and".split("|"),
        " ",
        "  ",
    ]
)
_TEXT = st.lists(_PIECES, max_size=20).map("".join)


@given(_TEXT)
def test_unit_and_connector_gates_are_exact(text: str) -> None:
    for position in range(len(text) + 1):
        if not _GRAMMAR.may_have_unit(text, position):
            assert _GRAMMAR.unit_after.match(text, position) is None
        if not _GRAMMAR.may_have_connector(text, position):
            assert _GRAMMAR.range_connector.match(text, position) is None
        if not _GRAMMAR.may_have_unit_or_connector(text, position):
            assert not _GRAMMAR.may_have_unit(text, position)
            assert not _GRAMMAR.may_have_connector(text, position)


@given(_TEXT)
@example("27  March, 2  Min read, 12 \n GMT")
def test_not_count_and_date_joiner_gates_are_exact(text: str) -> None:
    for position in range(len(text) + 1):
        marked = _GRAMMAR.may_be_marked(text, position)
        assert marked or _GRAMMAR.not_count_after.match(text, position) is None
        if not _GRAMMAR.may_join_date(text, position):
            for end in range(position, len(text) + 1):
                assert _GRAMMAR.date_joiner.fullmatch(text, position, end) is None


_LEAD_PIECES = st.sampled_from(
    [
        *"The number of|injured people|rose to|death toll|TOLL|Total|tally|counts|of|at".split("|"),
        *" |  |\n|K\u212a|\u017f|stood at|has risen to|the|é".split("|"),
    ]
)


@given(st.lists(_LEAD_PIECES, max_size=12).map("".join))
@example("The NUMBER of injured people rose to ")
@example("the death Toll stood at ")
def test_lead_in_gate_is_exact(text: str) -> None:
    for start in range(len(text) + 1):
        if not _GRAMMAR.may_have_lead_in(text, start, len(text)):
            assert _GRAMMAR.lead_in.match(text, start, len(text)) is None


@given(_TEXT)
def test_follow_gates_are_exact_within_three_blanks(text: str) -> None:
    gated = [
        (_GRAMMAR.trailing_gate, _GRAMMAR.trailing),
        (_GRAMMAR.change_gate, _GRAMMAR.change_word_after),
        (_GRAMMAR.rate_gate, _GRAMMAR.rate_after),
    ]
    for position in range(len(text) + 1):
        rest = text[position:]
        if len(rest) - len(rest.lstrip()) > 3:
            continue  # the gates look no further: a figure and its words stand close
        for gate, pattern in gated:
            if not gate.may_follow(text, position):
                assert pattern.match(text, position) is None
            # The three gates in one turns away only what each of them turns away.
            if not _GRAMMAR.follow_gate.may_follow(text, position):
                assert not gate.may_follow(text, position)
                assert pattern.match(text, position) is None


@given(_TEXT)
def test_prefix_gate_is_exact(text: str) -> None:
    words = ["km", "sq km", "%", "K", "three-quarters", "out of", "a day", "November", "of "]
    for flags, width in itertools.product((0, regex.IGNORECASE), (2, 3)):
        gate = PrefixGate(words, flags, width=width)
        initials = first_characters(words, flags)
        pattern = regex.compile(alternation(words), flags)
        for position in range(len(text) + 1):
            if not gate.may_start_at(text, position):
                assert pattern.match(text, position) is None
            if not may_begin(text[position : position + 1], initials):
                assert pattern.match(text, position) is None


@given(_TEXT)
def test_numeral_search_finds_what_the_trigger_patterns_find(text: str) -> None:
    scan = scan_form(text)
    for position in range(len(scan) + 1):
        cursor = _READER.cursor(scan)
        word = cursor._search_word(position)
        expected_word = _READER._word_trigger.search(scan, position)
        assert (word and word.span()) == (expected_word and expected_word.span())
        digits = cursor._search_digits(position)
        expected_digits = _READER._digits_pattern.search(scan, position)
        assert (digits and digits.span()) == (expected_digits and expected_digits.span())


@given(_TEXT)
def test_word_at_reads_what_item_token_reads(text: str) -> None:
    for position in range(len(text) + 1):
        token = _GRAMMAR.item_token.match(text, position)
        expected = token.group(_GRAMMAR.item_word_group) if token else None
        assert _GRAMMAR.word_at(text, position) == expected


@given(_TEXT)
def test_item_words_may_start_a_figure_only_by_the_opening_words(text: str) -> None:
    # The item reader asks opening_words, not may_start, of its word tokens: the same answer
    # because a word token never starts with a digit.
    for position in range(len(text) + 1):
        tokens = _Tokens(_GRAMMAR, text, position)
        for kind, word, _, _ in tokens.range(0, ITEM_TOKENS):
            if kind == "word":
                expected = _READER.may_start(word)
                assert (word.lower() in _READER.opening_words) == expected


_DIGIT_PIECES = st.sampled_from(
    [
        *"0123456789 ,.-\t\n\x1c\x1f\u00a0\u2028\u0085\u00b2\u0301_mMkKbBtx",
        *"000 1,000 11 000 4,80,000 1.234,5 million bn mln thousand tn trillion lakhs".split(),
        " troops",
        "mm",
        "k\u0301",
    ]
)


@given(st.lists(_DIGIT_PIECES, max_size=16).map("".join))
@example("1\x1c000 troops, 2\u2028000 mm, 3\u00a0000-bn, 4 k\u0301, 5k\u00b2 6,000\tmillion")
def test_digit_runs_read_as_the_full_pattern_reads_them(text: str) -> None:
    # The standard library's engine reads digit runs where no scale follows; the regex
    # module's pattern is the reference.
    full = _READER._digits_pattern
    for start in range(len(text)):
        if not text[start].isdigit() or (start and text[start - 1].isdigit()):
            continue
        fast, reference = _READER._match_digits(text, start), full.match(text, start)
        assert (fast is None) == (reference is None)
        if fast is not None and reference is not None:
            assert fast.span() == reference.span()
            assert fast.group("digits") == reference.group("digits")
            assert fast.group("digit_scale") == reference.group("digit_scale")


_TOKEN_PIECES = st.sampled_from(
    [
        *"0123456789 ,.-$%'\t\n\u00a0\u2028\u0085\u017f\u212a\u0130é_mMSx",
        *"170mm 155-mm 2S19 9M723 3 cm 12.7 mm inch 1 troops guns".split(),
        " - ",
        "  ",
    ]
)


@given(st.lists(_TOKEN_PIECES, max_size=12).map("".join))
@example(" 170mm 155 - mm 12.7\u2028mm 2S19 2\u017f19 3\u212a 4 \u0130 5 , 6")
def test_digit_token_gate_is_exact(text: str) -> None:
    # Where a token starts with a digit, the gate turns away only places where item_token
    # reads no calibre or designation (so the item reader's tokens end there).
    for position in range(len(text)):
        if text[position : position + 2].lstrip(" ")[:1] not in set("0123456789"):
            continue
        if not _GRAMMAR.may_be_digit_token(text, position):
            token = _GRAMMAR.item_token.match(text, position)
            kind = _GRAMMAR.item_token_kinds[token.lastindex] if token and token.lastindex else None
            assert kind not in ("calibre", "code", "word")


_LEFT_PIECES = st.sampled_from(
    [*"$€£¥₹~+ \t\u00a0aAUS", "US$", "A$", "about", "more than", "up ", "rose by", "  "]
)


@given(st.lists(_LEFT_PIECES, max_size=8).map("".join))
@example(" $")
@example("about $")
@example("US$")
@example("$ ")
def test_a_lone_currency_is_what_the_left_pattern_finds(head: str) -> None:
    text = head + "5"
    start = len(head)
    lone = _GRAMMAR.lone_currency(head)
    if lone is None:
        return
    match = _GRAMMAR.left.match(text, 0, start)
    assert match is not None
    groups = _GRAMMAR.left_groups
    currency = match.group(groups["currency"])
    assert currency is not None and match.start(groups["currency"]) == lone[1]
    assert _GRAMMAR.currency_of_symbol[fold(currency)] == lone[0]
    assert not match.captures(groups["qualifier"]) and match.group(groups["verb"]) is None
    assert not match.captures(groups["opener"]) and match.group(groups["change"]) is None


# Names: the finder tries the prefix tree only where a word starts that some name starts
# with; it must find what running the tree everywhere finds.
_NAME_TERMS = [
    ("Kherson", False),
    ("Kherson Oblast", False),
    ("U.S.", False),
    ("AP", True),
    ("the North", True),
    ("N'Djamena", False),
    ("İstanbul", False),
    ("Sevastopol", False),
    ("Kyiv", False),
    ("North Korea", False),
    ("Korea, North", False),
]
_NAME_PIECES = st.sampled_from(
    [
        *"Kherson|KHERSON|kherson|Oblast|U.S.|u.s.|AP|ap|Ap|the|The|North|north".split("|"),
        *"Korea|korea|,|\t".split("|"),
        *"N'Djamena|n'djamena|İstanbul|istanbul|ISTANBUL|ıstanbul|ſevastopol|\u212ayiv".split("|"),
        *"Kyiv|Kyivx|_|-|.|'|’|x|1|é| |  |\u00a0|\n".split("|"),
    ]
)


@given(st.lists(_NAME_PIECES, max_size=14).map("".join))
@example("_Kherson xKherson Kherson_ KHERSON  oblast the North ap AP")
@example("ıstanbul \u212ayiv ſevastopol")
@example("the north korea, The North  Korea, the\nNorth, Kherson\toblast and U.S. ap")
def test_name_finder_finds_what_the_tree_finds_everywhere(text: str) -> None:
    for finder in (
        NameFinder(_NAME_TERMS),
        Gazetteer.default()._pattern(),
        ActorRegistry.default()._pattern(),
    ):
        everywhere = [m.span() for m in finder.pattern.finditer(text)]
        assert [m.span() for m in finder.finditer(text)] == everywhere


def test_name_finder_tries_every_place_when_a_name_starts_with_a_mark() -> None:
    finder = NameFinder([("(Kyiv)", False), ("Kyiv", False)])
    assert finder.gate.firsts is None
    assert [m.group() for m in finder.finditer("in (Kyiv) and Kyiv")] == ["(Kyiv)", "Kyiv"]


# Dates: the grammar is tried only where a word that may start a time phrase starts.
_DATE_GRAMMAR = dates_module._grammar(None)
_DATE_PIECES = st.sampled_from(
    [
        *"March|mid-|the|last|week|weeks|2024|Q1|3rd|in|early|since|between|and|ago".split("|"),
        *"two|years|MAY|may|May|Jan.|1st|12/03|2025-01-02|ſince|ıN|\u212a|İn|x|_|-|.|/".split("|"),
        *"0123456789",
        " ",
        "  ",
        "\n",
    ]
)


def _searched_everywhere(plain: str) -> list[tuple[int, int]]:
    found, position = [], 0
    while position < len(plain):
        match = _DATE_GRAMMAR.pattern.search(plain, position)
        if match is None:
            break
        position = max(match.end(), match.start() + 1)
        found.append(match.span())
    return found


@given(st.lists(_DATE_PIECES, max_size=16).map(" ".join))
@example("in early March 2024 and mid-May, since 12/03 or 2025-01-02, two weeks ago")
@example("ıN ſince \u212a 3rd_week x1st")
def test_time_phrases_are_found_where_searching_everywhere_finds_them(text: str) -> None:
    found = [m.span() for m in dates_module._matches(text, _DATE_GRAMMAR)]
    assert found == _searched_everywhere(text)


# Reporting frames: the verbs, markers and document nouns are looked for in one gated pass.
_TRIGGERS = SpeakerReader().words.triggers
_FRAME_PIECES = st.sampled_from(
    [
        *"said|SAID|Said|says|according|to|According to|reported|reported by|report".split("|"),
        *"statement|told|cited|citing|added|ſaid|saidx|xsaid|_said|re-|claimed|data".split("|"),
        *"the|ministry|Kyiv|1|é|-|'|.|,|\u212a".split("|"),
        " ",
        "  ",
        "\n",
    ]
)


@given(st.lists(_FRAME_PIECES, max_size=16).map(" ".join))
@example("According  to the ministry, Kyiv SAID; reported by AP; saidx _said ſaid")
def test_frame_words_are_found_where_searching_everywhere_finds_them(text: str) -> None:
    everywhere = [m.span() for m in _TRIGGERS.pattern.finditer(text)]
    assert [m.span() for m in _TRIGGERS.finditer(text)] == everywhere
