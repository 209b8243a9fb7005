"""The standard library's engine reads the digit fast paths exactly as the regex module
does, or is not used for them (issue 14).

Before Python 3.11.5 the standard library misread possessive repeats: its digit-run pattern
matched "40 " in "40 drones", and the evaluation recall fell from 0.998 to 0.708 without an
error. The fast paths are now written without possessive repeats, and checked against the
regex module at import (``numbers.STANDARD_ENGINE``); where they disagree, the regex module
reads digits alone.
"""

from __future__ import annotations

import json
from pathlib import Path

from osint_claims import Lexicon, QuantityParser, numbers, to_json
from osint_claims.numbers import NumeralReader

ROOT = Path(__file__).resolve().parent.parent


def _regex_only_parser() -> QuantityParser:
    """A parser of the default words that reads every digit with the regex module."""
    lexicon = Lexicon.default().extended({})  # the same words, a lexicon of its own
    numbers._READERS[lexicon] = NumeralReader(lexicon, standard_engine=False)
    parser = QuantityParser(lexicon)
    assert not parser.grammar.numerals.standard_engine
    return parser


def _texts() -> list[str]:
    path = ROOT / "benchmarks" / "eval" / "quantities.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return texts


def test_this_interpreter_reads_the_fast_paths_alike() -> None:
    # CI runs interpreters whose engine reads them alike; on 3.11.0-3.11.4 this is False
    # and the parsers still read right (the test below).
    assert numbers.STANDARD_ENGINE


def test_the_evaluation_set_reads_alike_through_both_engines() -> None:
    standard, regex_only = QuantityParser(), _regex_only_parser()
    assert standard.grammar.numerals.standard_engine
    texts = _texts()
    assert len(texts) > 400
    for text in texts:
        assert to_json(standard.extract(text)) == to_json(regex_only.extract(text)), text


def test_the_import_check_tells_a_misreading_engine_apart() -> None:
    # What Python 3.11.2 read: a trailing blank taken into the run.
    assert not numbers._standard_engine_reads_alike(r"[0-9]+ ?")
    # A grouping read differently is caught too.
    assert not numbers._standard_engine_reads_alike(r"[0-9]+(?:,[0-9]+)*")
    assert numbers._standard_engine_reads_alike()
