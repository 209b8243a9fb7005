"""Users extend the lexicon; the parser picks up what they add."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from osint_claims import Lexicon, QuantityParser, extract_quantities


def test_shipped_lexicon_loads_once() -> None:
    assert Lexicon.default() is Lexicon.default()


def test_extension_adds_a_unit_from_a_toml_file(tmp_path: Path) -> None:
    path = tmp_path / "units.toml"
    path.write_text(
        '[units.verst]\ndimension = "length"\nfactor = 1066.8\nforms = ["versts", "verst"]\n',
        encoding="utf-8",
    )
    lexicon = Lexicon.default().extended(path)
    [quantity] = QuantityParser(lexicon).extract("a march of 30 versts")
    assert (quantity.value, quantity.unit) == (Decimal(30), "verst")
    # The default parser is untouched by the extension.
    assert extract_quantities("a march of 30 versts")[0].unit is None


def test_extension_adds_a_qualifier_and_a_vague_word() -> None:
    lexicon = Lexicon.default().extended(
        {
            "qualifiers": {"approximate": {"words": ["give or take"]}},
            "numbers": {"vague_amounts": {"a handful of": [2, 5]}},
        }
    )
    parser = QuantityParser(lexicon)
    [first] = parser.extract("give or take 300 fighters")
    assert first.approximate and first.value == 300
    [second] = parser.extract("a handful of drones")
    assert (second.low, second.high, second.item) == (Decimal(2), Decimal(5), "drones")


def test_extension_appends_to_word_lists_without_repeats() -> None:
    lexicon = Lexicon.default().extended({"qualifiers": {"approximate": {"words": ["about"]}}})
    assert lexicon.words("qualifiers", "approximate").count("about") == 1


def test_a_lexicon_from_sources_alone_knows_only_them() -> None:
    lexicon = Lexicon.from_sources({"numbers": {"ones": {"uno": 1}}})
    assert dict(lexicon.numbers("ones")) == {"uno": Decimal(1)}
