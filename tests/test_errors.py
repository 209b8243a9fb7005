"""Bad input: typed errors that name the input and the reason, never a crash."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from osint_claims import (
    InvalidInputError,
    Lexicon,
    LexiconError,
    ModelError,
    Quantity,
    Span,
    extract_quantities,
    parse_number,
    parse_quantity,
)


@pytest.mark.parametrize("function", [extract_quantities, parse_quantity, parse_number])
@pytest.mark.parametrize("value", [b"3,000 troops", None, 3000, ["3,000"]])
def test_non_text_input_is_a_typed_error(function: object, value: object) -> None:
    with pytest.raises(InvalidInputError, match="expected str"):
        function(value)  # type: ignore[operator]


@pytest.mark.parametrize("text", ["", " ", "\x00\x01\x02", "\ufffd" * 10, "🙂" * 20])
def test_junk_gives_an_empty_result(text: str) -> None:
    assert extract_quantities(text) == []
    assert parse_quantity(text) is None


def test_model_rejects_contradictory_bounds() -> None:
    with pytest.raises(ModelError, match="low 5 is above high 3"):
        Quantity(value=None, low=Decimal(5), high=Decimal(3))
    with pytest.raises(ModelError, match="end 2 is before start 5"):
        Span(5, 2)
    with pytest.raises(ModelError, match="finite"):
        Quantity(value=Decimal("NaN"), low=None, high=None)
    infinite = Decimal("Infinity")
    with pytest.raises(ModelError, match="finite"):
        Quantity(value=infinite, low=infinite, high=infinite)  # one figure for all three


def test_malformed_toml_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text("[numbers.scales]\nmyriad = 10000\nlakh = = 1\n", encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        Lexicon.default().extended(path)
    assert caught.value.source == str(path)
    assert caught.value.line == 3


def test_malformed_json_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text('{\n  "numbers": {\n    "scales": {"myriad": }\n  }\n}\n', encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        Lexicon.default().extended(path)
    assert caught.value.line == 3


def test_wrong_value_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[numbers.scales]\nmyriad = 10000\ngross = "many"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"line 3: numbers\.scales\.gross: expected a number"):
        Lexicon.default().extended(path)


def test_unknown_table_is_rejected() -> None:
    with pytest.raises(LexiconError, match="unknown entry"):
        Lexicon.default().extended({"numbers": {"colours": {"red": 1}}})


def test_missing_file_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        Lexicon.default().extended(tmp_path / "absent.toml")


def test_a_lexicon_file_is_data_not_code(tmp_path: Path) -> None:
    path = tmp_path / "evil.json"
    path.write_text(json.dumps({"__import__('os')": 1}), encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown entry"):
        Lexicon.default().extended(path)
