"""The lexicon: every word list the parsers use, read from data files, extendable by users.

The package ships its English lexicon as TOML files under ``osint_claims/data/en/``: one
file per topic (``numbers``, ``qualifiers``, ``units``, ``currencies``, ``items``,
``casualties``, ``not_counts``). A :class:`Lexicon` holds them all; the parsers compile their
regular expressions from it, never from words written into the code.

Users extend a lexicon with a TOML or JSON file (or a mapping) laid out like the shipped
files, one top-level table per topic. Word lists are appended to, tables are updated:

>>> lexicon = Lexicon.default().extended({"numbers": {"scales": {"myriad": 10000}}})
>>> lexicon.numbers("scales")["myriad"]
Decimal('10000')
>>> Lexicon.default().extended({"numbers": {"scales": {"myriad": "many"}}})
Traceback (most recent call last):
...
osint_claims.errors.LexiconError: <mapping>: numbers.scales.myriad: expected a number, got 'many'

Files are only ever parsed as data (``tomllib`` or ``json``), never executed.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import attrs

from ._files import read_data_file, toml_error_line
from .errors import LexiconError

__all__ = ["Currency", "Lexicon", "Unit"]

# The layout every lexicon source must follow: topic -> table -> kind of value.
# Kinds: "numbers" (word -> number), "ranges" (word -> [low, high]), "words" (a list of
# strings), "strings" (word -> string), "word_lists" (key -> list of strings), "integer",
# "units", "currencies", "measures".
_WORD_TABLE: Final = {"words": "words"}
_SCHEMA: Final[Mapping[str, Any]] = {
    "numbers": {
        "ones": "numbers",
        "tens": "numbers",
        "scales": "numbers",
        "scale_abbreviations": "numbers",
        "attached_scale_abbreviations": "numbers",
        "counting_words": "numbers",
        "scale_multipliers": "numbers",
        "fraction_denominators": "numbers",
        "fraction_connectors": _WORD_TABLE,
        "fraction_denominators_alone": _WORD_TABLE,
        "vague_amounts": "ranges",
        "vague_multipliers": "ranges",
    },
    "qualifiers": {
        "approximate": {"words": "words", "symbols": "words"},
        "at_least": {"words": "words", "symbols": "words"},
        "more_than": {"words": "words", "symbols": "words"},
        "at_most": {"words": "words", "symbols": "words"},
        "less_than": {"words": "words", "symbols": "words"},
        "trailing": {
            "at_least": "words",
            "more_than": "words",
            "at_most": "words",
            "approximate": "words",
        },
        "ranges": {"connectors": "words", "openers": "strings"},
        "lists": {"joiners": "words", "continuations": "words"},
        "spans": _WORD_TABLE,
        "increase": {"before": "words", "after": "words", "verbs": "words"},
        "decrease": {"before": "words", "after": "words", "verbs": "words"},
        "particles": {"words": "words", "after": "words"},
    },
    "units": "units",
    "currencies": "currencies",
    "items": {
        "determiners": _WORD_TABLE,
        "stop_words": _WORD_TABLE,
        "of_determiners": _WORD_TABLE,
        "plural_nouns": _WORD_TABLE,
        "after_share": _WORD_TABLE,
        "object_openers": _WORD_TABLE,
        "lowercase_stop_words": _WORD_TABLE,
        "attributive_fillers": _WORD_TABLE,
        "lead_in": {
            "nouns": "words",
            "verbs": "words",
            "linkers": "words",
            "toll_nouns": "words",
            "toll_phrases": "words",
        },
        "rates": {
            "prefixes": "words",
            "periods": "words",
            "adverbs": "strings",
            "not_before": "words",
        },
    },
    "casualties": {
        "casualties": {"words": "words", "joiners": "words"},
        "auxiliaries": _WORD_TABLE,
    },
    "not_counts": {
        "labels": _WORD_TABLE,
        "time_markers": _WORD_TABLE,
        "furniture": _WORD_TABLE,
        "after_hyphen": _WORD_TABLE,
        "months": _WORD_TABLE,
        "fraction_preceders": _WORD_TABLE,
        "pronoun_one": {"followers": "words", "preceders": "words"},
        "ordinals": {"suffixes": "words"},
        "years": {"first": "integer", "last": "integer"},
    },
    "dates": {
        "months": "numbers",
        "weekdays": "numbers",
        "weekday_abbreviations": "numbers",
        "case_sensitive": _WORD_TABLE,
        "seasons": "ranges",
        "units": "strings",
        "unit_plurals": "strings",
        "modifiers": "numbers",
        "windows": "numbers",
        "ago": _WORD_TABLE,
        "counts": "numbers",
        "day_words": "numbers",
        "weekend": _WORD_TABLE,
        "prepositions": "strings",
        "parts": "ranges",
        "sides": "strings",
        "ranges": {"openers": "words", "connectors": "words"},
        "quarters": _WORD_TABLE,
        "quarter_labels": "numbers",
        "ordinals": "numbers",
        "ordinal_suffixes": _WORD_TABLE,
        "articles": _WORD_TABLE,
        "of": _WORD_TABLE,
        "publication": {"labels": "words", "byline": "words", "joiners": "words"},
        "years": {"first": "integer", "last": "integer"},
    },
    "articles": {
        "furniture_lines": {
            "starts": "words",
            "ends": "words",
            "buttons": "words",
            "reading_time": "words",
        },
        "furniture_tail": {"lines": "words"},
        "related_lines": {
            "markers": "words",
            "prefixes": "words",
            "block_starts": "words",
            "block_ends": "words",
        },
        "furniture_blocks": {"starts": "words"},
        "captions": {"agencies": "words", "markers": "words"},
        "bylines": {"prefixes": "words"},
        "wire_credits": {"phrases": "words"},
        "abbreviations": _WORD_TABLE,
    },
    "claims": {
        "hedges": {
            "confirmed": "words",
            "stated": "words",
            "estimated": "words",
            "believed": "words",
            "reportedly": "words",
            "likely": "words",
            "possible": "words",
            "forecast": "words",
        },
        "cumulative": {"total": "words", "increment": "words"},
        "not_claims": {
            "items": "words",
            "time_units": "words",
            "attributive_units": "words",
            "age_nouns": "words",
            "vague_numerals": "words",
            "name_items": "words",
            "distance_places": "words",
            "participants": "words",
            "participant_determiners": "words",
        },
        "structure": {
            "recipient_markers": "words",
            "part_markers": "words",
            "part_openers": "words",
            "share_markers": "words",
            "joiners": "words",
        },
        "distribution": {
            "distributives": "words",
            "not_distributive": "words",
            "origin_suffixes": "words",
        },
    },
    "compare": {"measures": "measures", "acts": "word_lists"},
    "events": {
        "predicates": "events",
        "things": "word_lists",
        "fillers": _WORD_TABLE,
        "auxiliaries": _WORD_TABLE,
        "clause_breaks": _WORD_TABLE,
    },
    "speakers": {
        "verbs": _WORD_TABLE,
        "weak_verbs": _WORD_TABLE,
        "figure_nouns": _WORD_TABLE,
        "inverted": _WORD_TABLE,
        "markers": _WORD_TABLE,
        "retrospective": _WORD_TABLE,
        "documents": {"nouns": "words", "verbs": "words"},
        "auxiliaries": _WORD_TABLE,
        "time_words": _WORD_TABLE,
        "pronouns": "word_lists",
        "heads": "word_lists",
        "refers": "word_lists",
        "attackers": _WORD_TABLE,
        "body_modifiers": _WORD_TABLE,
        "titles": _WORD_TABLE,
        "unnamed": _WORD_TABLE,
        "hyphen_modifiers": _WORD_TABLE,
        "owner_modifiers": _WORD_TABLE,
        "continuations": _WORD_TABLE,
    },
}


@attrs.frozen(slots=True)
class Unit:
    """A unit of measure: its canonical key, dimension and size in the dimension's base unit.

    >>> Lexicon.default().units["mi2"].factor
    Decimal('2.589988110336')
    """

    key: str
    dimension: str
    factor: Decimal
    forms: tuple[str, ...]
    calibre: bool = False


@attrs.frozen(slots=True)
class Currency:
    """A currency: its ISO 4217 code, symbols written before and names written after a figure.

    >>> "€" in Lexicon.default().currencies["EUR"].symbols
    True
    """

    code: str
    symbols: tuple[str, ...]
    names: tuple[str, ...]


class _Source:
    """Where a lexicon table came from, to point at the line at fault."""

    def __init__(self, name: str, text: str | None) -> None:
        self.name = name
        self.text = text

    def error(self, path: tuple[str, ...], reason: str) -> LexiconError:
        dotted = ".".join(path)
        return LexiconError(self.name, self._line_of(path), f"{dotted}: {reason}")

    def _line_of(self, path: tuple[str, ...]) -> int | None:
        """The first line that names the last key of ``path``; None when unknown."""
        if self.text is None or not path:
            return None
        key = path[-1]
        for number, line in enumerate(self.text.splitlines(), start=1):
            stripped = line.strip().strip("[]").strip()
            if stripped.startswith((key, f'"{key}"')) or f".{key}" in stripped:
                return number
        return None


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> None:
    """Merge ``extra`` into ``base``: lists are appended (without repeats), tables updated."""
    for key, value in extra.items():
        current = base.get(key)
        if isinstance(current, dict) and isinstance(value, Mapping):
            _merge(current, value)
        elif isinstance(current, list) and isinstance(value, list):
            current.extend(v for v in value if v not in current)
        else:
            base[key] = _deep_copy(value)


def _deep_copy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_deep_copy(v) for v in value]
    return value


def _as_decimal(value: Any, source: _Source, path: tuple[str, ...]) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise source.error(path, f"expected a number, got {value!r}")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise source.error(path, f"expected a number, got {value!r}") from None
    if not number.is_finite():
        raise source.error(path, f"expected a finite number, got {value!r}")
    return number


def _check_words(value: Any, source: _Source, path: tuple[str, ...]) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise source.error(path, "expected a list of non-empty strings")


def _check_value(kind: Any, value: Any, source: _Source, path: tuple[str, ...]) -> None:
    """Validate ``value`` against the schema ``kind``; raise LexiconError at the fault."""
    if isinstance(kind, Mapping):
        if not isinstance(value, Mapping):
            raise source.error(path, "expected a table")
        for key, sub in value.items():
            if key not in kind:
                known = ", ".join(sorted(kind))
                raise source.error((*path, key), f"unknown entry (expected one of: {known})")
            _check_value(kind[key], sub, source, (*path, key))
        return
    if kind == "words":
        _check_words(value, source, path)
    elif kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise source.error(path, f"expected an integer, got {value!r}")
    elif kind in (
        "numbers",
        "ranges",
        "strings",
        "units",
        "currencies",
        "word_lists",
        "measures",
        "events",
    ):
        if not isinstance(value, Mapping):
            raise source.error(path, "expected a table")
        for key, sub in value.items():
            _check_entry(kind, sub, source, (*path, key))
    else:
        _check_entry(kind, value, source, path)


def _check_entry(kind: str, value: Any, source: _Source, path: tuple[str, ...]) -> None:
    if kind == "numbers":
        _as_decimal(value, source, path)
    elif kind == "ranges":
        if not isinstance(value, list) or len(value) != 2:
            raise source.error(path, "expected [low, high]")
        low, high = (_as_decimal(v, source, path) for v in value)
        if low > high:
            raise source.error(path, f"low {low} is above high {high}")
    elif kind == "strings":
        if not isinstance(value, str) or not value:
            raise source.error(path, "expected a non-empty string")
    elif kind == "word_lists":
        _check_words(value, source, path)
    elif kind == "units":
        _check_value(
            {"dimension": "string", "factor": "number", "forms": "words", "calibre": "flag"},
            value,
            source,
            path,
        )
        if not isinstance(value.get("dimension"), str):
            raise source.error(path, "a unit needs a 'dimension' string")
        _as_decimal(value.get("factor"), source, (*path, "factor"))
        if value.get("factor") is not None and Decimal(str(value["factor"])) <= 0:
            raise source.error((*path, "factor"), "a unit's factor must be positive")
    elif kind == "events":
        _check_value(
            {"takes": "words", "verbs": "words", "states": "words", "nouns": "words"},
            value,
            source,
            path,
        )
    elif kind == "currencies":
        _check_value({"symbols": "words", "names": "words"}, value, source, path)
    elif kind == "measures":
        _check_value(
            {
                "words": "words",
                "predicates": "words",
                "dimensions": "words",
                "part_of": "string",
                "grows": "flag",
            },
            value,
            source,
            path,
        )
    elif kind == "number":
        _as_decimal(value, source, path)
    elif kind == "string" and not isinstance(value, str):
        raise source.error(path, "expected a string")
    elif kind == "flag" and not isinstance(value, bool):
        raise source.error(path, "expected true or false")


@attrs.frozen(slots=True, eq=False)
class Lexicon:
    """All word lists, in one object: build with :meth:`default`, grow with :meth:`extended`.

    Lexicons are immutable; :meth:`extended` returns a new one. Compare them by identity.

    >>> lexicon = Lexicon.default()
    >>> lexicon.numbers("ones")["twelve"]
    Decimal('12')
    >>> "approximately" in lexicon.words("qualifiers", "approximate")
    True
    >>> lexicon.ranges("numbers", "vague_amounts")["hundreds"]
    (Decimal('200'), Decimal('999'))
    """

    tables: Mapping[str, Any] = attrs.field(repr=False)

    @classmethod
    def default(cls) -> Lexicon:
        """The English lexicon shipped with the package (loaded once, then shared)."""
        return _default_lexicon()

    @classmethod
    def from_sources(cls, *sources: str | Path | Mapping[str, Any]) -> Lexicon:
        """A lexicon built only from ``sources`` (files or mappings), without the defaults.

        >>> Lexicon.from_sources({"numbers": {"ones": {"one": 1}}}).numbers("ones")
        mappingproxy({'one': Decimal('1')})
        """
        return cls._build({}, sources)

    def extended(self, *sources: str | Path | Mapping[str, Any]) -> Lexicon:
        """A new lexicon: this one plus ``sources`` (TOML/JSON paths or mappings)."""
        return self._build(_deep_copy(self.tables), sources)

    @classmethod
    def _build(
        cls, merged: dict[str, Any], sources: tuple[str | Path | Mapping[str, Any], ...]
    ) -> Lexicon:
        for item in sources:
            if isinstance(item, Mapping):
                data, source = dict(item), _Source("<mapping>", None)
            elif isinstance(item, str | Path):
                data, text = read_data_file(Path(item))
                source = _Source(str(item), text)
            else:
                raise LexiconError("<argument>", None, f"expected a path or mapping: {item!r}")
            _check_value(_SCHEMA, data, source, ())
            _merge(merged, data)
        return cls(_freeze(merged))

    # Typed views used by the parsers -------------------------------------------------------

    def table(self, topic: str, name: str) -> Mapping[str, Any]:
        """One table as read (empty when absent)."""
        value = self.tables.get(topic, {}).get(name, {})
        return value if isinstance(value, Mapping) else MappingProxyType({})

    def words(self, topic: str, name: str, key: str = "words") -> tuple[str, ...]:
        """A word list: ``words("qualifiers", "approximate")``, or a named list in a table."""
        return tuple(self.table(topic, name).get(key, ()))

    def numbers(self, name: str) -> Mapping[str, Decimal]:
        """A word-to-number table of ``numbers.toml`` (for example ``"ones"``, ``"scales"``)."""
        return MappingProxyType(
            {k: Decimal(str(v)) for k, v in self.table("numbers", name).items()}
        )

    def ranges(self, topic: str, name: str) -> Mapping[str, tuple[Decimal, Decimal]]:
        """A word-to-``(low, high)`` table, for vague amounts."""
        return MappingProxyType(
            {
                k: (Decimal(str(v[0])), Decimal(str(v[1])))
                for k, v in self.table(topic, name).items()
            }
        )

    def integer(self, topic: str, name: str, key: str) -> int:
        """An integer setting, such as the year range."""
        return int(self.table(topic, name)[key])

    @property
    def units(self) -> Mapping[str, Unit]:
        """Units of measure by canonical key."""
        return MappingProxyType(
            {
                key: Unit(
                    key=key,
                    dimension=str(spec["dimension"]),
                    factor=Decimal(str(spec["factor"])),
                    forms=tuple(spec.get("forms", ())),
                    calibre=bool(spec.get("calibre", False)),
                )
                for key, spec in self.tables.get("units", {}).items()
            }
        )

    @property
    def currencies(self) -> Mapping[str, Currency]:
        """Currencies by ISO 4217 code."""
        return MappingProxyType(
            {
                code: Currency(
                    code=code,
                    symbols=tuple(spec.get("symbols", ())),
                    names=tuple(spec.get("names", ())),
                )
                for code, spec in self.tables.get("currencies", {}).items()
            }
        )


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


@functools.cache
def _default_lexicon() -> Lexicon:
    folder = resources.files("osint_claims") / "data" / "en"
    merged: dict[str, Any] = {}
    for topic in _SCHEMA:
        resource = folder / f"{topic}.toml"
        text = resource.read_text(encoding="utf-8")
        source = _Source(f"osint_claims/data/en/{topic}.toml", text)
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:  # pragma: no cover - shipped data is tested
            raise LexiconError(source.name, toml_error_line(error), str(error)) from None
        wrapped = {topic: data}
        _check_value(_SCHEMA, wrapped, source, ())
        _merge(merged, wrapped)
    return Lexicon(_freeze(merged))
