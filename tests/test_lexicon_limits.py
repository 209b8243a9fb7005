"""Hostile lexicons: every way one can fail to load is a LexiconError naming the file and,
where it can be told, the line and the entry; no entry makes a parser slow (issue 14)."""

from __future__ import annotations

import os
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from osint_claims import (
    ClaimReader,
    Lexicon,
    LexiconError,
    QuantityParser,
    _patterns,
    extract_quantities,
    lexicon,
    read_article,
)
from osint_claims._files import MAX_LEXICON_BYTES
from osint_claims.actors import ActorRegistry

# Files that cannot load, with what the error says.
BAD_FILES: list[tuple[str, str | bytes, str]] = [
    ("deep.json", "[" * 200_000 + "]" * 200_000, "deep.json, line 1: nested more than 64"),
    ("deep.toml", "a = " + "[" * 200_000 + "]" * 200_000, "deep.toml, line 1: nested more"),
    (
        "long.json",
        '{"numbers": {"scales": {"gross": ' + "1" * 5001 + "}}}",
        "numbers.scales.gross: a number out of range",
    ),
    (
        "long.toml",
        "[numbers.scales]\nmyriad = 10000\ngross = " + "1" * 5001 + "\n",
        "long.toml, line 3: gross: a number of more than 4,300 digits",
    ),
    ("latin1.toml", b'[numbers.scales]\n"\xe9" = 1\n', "latin1.toml, line 2: not UTF-8"),
    ("top.json", "[1, 2]", "top.json, line 1: expected a table at the top level"),
    ("huge.toml", "# " + "x" * MAX_LEXICON_BYTES, "huge.toml: larger than 4,000,000 bytes"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
def test_a_file_that_cannot_load_is_a_lexicon_error(
    tmp_path: Path, name: str, content: str | bytes, message: str
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        Lexicon.default().extended(path)
    assert message in str(caught.value)
    assert len(str(caught.value)) < 400


def test_what_is_not_a_regular_file_is_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "words.toml"
    os.mkfifo(fifo)  # nobody writes to it: reading would wait for ever
    for path in (Path("/dev/zero"), fifo, tmp_path):
        with pytest.raises(LexiconError, match="not a regular file"):
            Lexicon.default().extended(path)
    with pytest.raises(LexiconError, match="not a regular file"):
        ActorRegistry.default().extended(Path("/dev/zero"))


# Entries out of range or of the wrong kind, with the entry the error names.
BAD_ENTRIES: list[tuple[dict[str, Any], str]] = [
    ({"numbers": {"scales": {"gross": "1e999999999"}}}, "numbers.scales.gross: '1e999999999' is"),
    ({"numbers": {"scales": {"mite": "1e-999999999"}}}, "numbers.scales.mite: '1e-99"),
    ({"numbers": {"scales": {"nothing": 0}}}, "numbers.scales.nothing: must be above zero"),
    ({"numbers": {"fraction_denominators": {"zeroth": 0}}}, "zeroth: must be above zero"),
    ({"numbers": {"ones": {"umpteen": "12345678901234567890123456789"}}}, "is out of range"),
    ({"numbers": {"vague_amounts": {"zillions": [1, "1e40"]}}}, "zillions: '1e40' is out"),
    ({"units": {"u": {"dimension": "l", "factor": 1e300, "forms": ["u"]}}}, "u.factor: 1e+300"),
    ({"units": {"u": {"dimension": "l", "factor": 0, "forms": ["u"]}}}, "must be positive"),
    ({"units": {"u": {"dimension": "l", "factor": float("inf"), "forms": ["u"]}}}, "finite"),
    ({"not_counts": {"years": {"first": 10**40}}}, "years.first: 1000000000000000000000"),
    ({"speakers": {"pronouns": {"the junta": ["martians"]}}}, "'martians' is no actor kind"),
    ({"qualifiers": {"approximate": {"words": ["  \t "]}}}, "approximate.words: expected a"),
    ({"numbers": {"scales": {5: 1000}}}, "numbers.scales.5: expected a key"),
    ({"numbers": {"scales": {" ": 1000}}}, "expected a key that is a non-empty string"),
]


@pytest.mark.parametrize(("source", "message"), BAD_ENTRIES)
def test_an_entry_out_of_range_or_of_the_wrong_kind_is_named(
    source: dict[str, Any], message: str
) -> None:
    with pytest.raises(LexiconError) as caught:
        Lexicon.default().extended(source)
    assert message in str(caught.value)


def test_a_lexicon_has_a_size_cap() -> None:
    words = [f"w{i}" for i in range(lexicon.MAX_LEXICON_ENTRIES)]
    with pytest.raises(LexiconError, match="more than the 50,000 a lexicon may"):
        Lexicon.default().extended({"qualifiers": {"approximate": {"words": words}}})


def test_appending_to_a_word_list_keeps_order_and_drops_repeats() -> None:
    words = [f"w{i}" for i in range(8_000)]
    grown = Lexicon.default().extended({"items": {"stop_words": {"words": [*words, *words]}}})
    listed = grown.words("items", "stop_words")
    assert listed[-8_000:] == tuple(words)
    assert len(listed) == len(Lexicon.default().words("items", "stop_words")) + 8_000


def test_a_range_entry_is_replaced_whole() -> None:
    lexicon_ = Lexicon.default().extended({"numbers": {"vague_amounts": {"hundreds": [100, 500]}}})
    assert lexicon_.ranges("numbers", "vague_amounts")["hundreds"] == (Decimal(100), Decimal(500))


def test_a_unit_is_merged_field_by_field() -> None:
    klicks = {"dimension": "length", "factor": 1000, "forms": ["klicks"]}
    lexicon_ = Lexicon.default().extended({"units": {"km": klicks}})
    km = lexicon_.units["km"]
    assert "klicks" in km.forms and "km" in km.forms and km.factor == Decimal(1000)


# Blank runs in entries, which made patterns split one run of blanks in many ways: each
# table's entry, then 1,200 blanks after its first word, once took seconds to minutes.
HOSTILE_TABLES: list[tuple[str, ...]] = [
    ("dates", "articles", "words"),
    ("dates", "of", "words"),
    ("dates", "ranges", "openers"),
    ("casualties", "auxiliaries", "words"),
    ("numbers", "scale_abbreviations"),
    ("qualifiers", "approximate", "words"),
]


def _nested(path: tuple[str, ...], leaf: Any) -> dict[str, Any]:
    value: Any = leaf
    for key in reversed(path):
        value = {key: value}
    return dict(value)


@pytest.mark.parametrize("path", HOSTILE_TABLES, ids=".".join)
def test_blank_runs_in_an_entry_make_one_blank_pattern(path: tuple[str, ...]) -> None:
    entry = "zq    zr"
    leaf: Any = {entry: 1000} if path[0] == "numbers" else [entry]
    hostile = Lexicon.default().extended(_nested(path, leaf))
    quantities, claims = QuantityParser(hostile), ClaimReader(lexicon=hostile)
    blanks = " " * 1_200
    texts = [
        f"5 zq{blanks}y",
        f"In March zq{blanks}y 2025 5 troops were sent",
        f"5 killed zq{blanks}",
    ]
    started = time.process_time()
    for text in texts:
        quantities.extract(text)
        claims.read(read_article(text, lexicon=hostile))
    # Not a timing test of speed: a bound a hundred times what the run takes, that the
    # quadratic-or-worse patterns of before exceeded many times over.
    assert time.process_time() - started < 30
    # The entry still reads across any run of blanks.
    assert _patterns.alternation([entry]) == _patterns.alternation(["zq zr"])


def test_an_entry_whose_pattern_would_backtrack_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    # Blank runs collapse, so no entry backtracks today: stand in a blank pattern that does
    # (each blank two ways) to see the guard name the entry.
    piece = _patterns._piece
    monkeypatch.setattr(
        _patterns, "_piece", lambda char: r"(?:\s|\s)+" if char == " " else piece(char)
    )
    source = {"qualifiers": {"approximate": {"words": ["roughly", "give or take", "circa"]}}}
    with pytest.raises(LexiconError, match=r"approximate\.words: 'give or take' makes a pattern"):
        Lexicon.default().extended(source)


def test_the_default_parsers_are_untouched_by_an_extension() -> None:
    Lexicon.default().extended({"numbers": {"scales": {"gross": 144}}})
    assert [q.value for q in extract_quantities("3 gross")] == [Decimal(3)]
