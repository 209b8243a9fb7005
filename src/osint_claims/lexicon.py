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
import re
import tomllib
from collections.abc import Iterator, Mapping
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import attrs
import regex

from ._decimals import FIGURE_DIGITS, in_range
from ._files import LongInteger, read_data_file, shown, toml_error_line
from ._patterns import alternation
from .errors import LexiconError
from .model import ActorKind

__all__ = ["Currency", "Lexicon", "Unit"]

# The layout every lexicon source must follow: topic -> table -> kind of value.
# Kinds: "numbers" (word -> number), "ranges" (word -> [low, high]), "words" (a list of
# strings), "strings" (word -> string), "word_lists" (key -> list of strings),
# "actor_kinds" (phrase -> list of ActorKind values), "integer", "units", "currencies",
# "measures".
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
    "compare": {"measures": "measures", "acts": "word_lists", "growing": {"acts": "words"}},
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
        "pronouns": "actor_kinds",
        "heads": "word_lists",
        "refers": "actor_kinds",
        "attackers": _WORD_TABLE,
        "body_modifiers": _WORD_TABLE,
        "titles": _WORD_TABLE,
        "unnamed": _WORD_TABLE,
        "hyphen_modifiers": _WORD_TABLE,
        "owner_modifiers": _WORD_TABLE,
        "continuations": _WORD_TABLE,
        "governments": _WORD_TABLE,
    },
    "roles": {
        "attack_nouns": _WORD_TABLE,
        "locatives": {"prepositions": "words", "place_words": "words"},
        "combatants": _WORD_TABLE,
        "fighters": _WORD_TABLE,
        "civilians": _WORD_TABLE,
        "own_side": _WORD_TABLE,
        "claimed_deeds": _WORD_TABLE,
        "own_forces": _WORD_TABLE,
        "losses": {"verbs": "words", "fillers": "words", "event_words": "words"},
        "rulers": _WORD_TABLE,
        "recipients": {"before": "words", "before_doer": "words"},
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

    def error(self, path: tuple[Any, ...], reason: str) -> LexiconError:
        dotted = ".".join(map(str, path))
        return LexiconError(self.name, self._line_of(path), f"{dotted}: {reason}")

    def _line_of(self, path: tuple[Any, ...]) -> int | None:
        """The first line that names the last key of ``path``; None when unknown."""
        if self.text is None or not path:
            return None
        key = str(path[-1])
        for number, line in enumerate(self.text.splitlines(), start=1):
            stripped = line.strip().strip("[]").strip()
            if stripped.startswith((key, f'"{key}"')) or f".{key}" in stripped:
                return number
        return None


# Kinds whose value is a table of entries, each replaced whole by a later source.
_REPLACED_ENTRIES: Final = frozenset({"numbers", "ranges", "strings"})
# Kinds whose value is a table of word lists, each appended to.
_LISTED_ENTRIES: Final = frozenset({"word_lists", "actor_kinds"})
# Kinds whose value is a table of records (a unit, a currency, a measure), merged field by
# field: lists appended to, the rest replaced.
_RECORDS: Final = frozenset({"units", "currencies", "measures", "events"})


def _merge(base: dict[str, Any], extra: Mapping[str, Any], kind: Any) -> None:
    """Merge ``extra`` (checked against the schema ``kind``) into ``base``: word lists are
    appended to without repeats, entries of a table replaced (a range ``[low, high]``
    whole), the fields of a unit, currency or measure merged alike. Linear in the sizes of
    both."""
    for key, value in extra.items():
        sub = kind[key] if isinstance(kind, Mapping) else kind
        current = base.get(key)
        if isinstance(sub, Mapping):
            if not isinstance(current, dict):
                current = base[key] = {}
            _merge(current, value, sub)
        elif sub == "words" and isinstance(current, list):
            _append_new(current, value)
        elif sub in _REPLACED_ENTRIES and isinstance(current, dict):
            current.update(_deep_copy(value))
        elif sub in _LISTED_ENTRIES and isinstance(current, dict):
            for name, words in value.items():
                if isinstance(current.get(name), list):
                    _append_new(current[name], words)
                else:
                    current[name] = list(words)
        elif sub in _RECORDS and isinstance(current, dict):
            for name, record in value.items():
                if isinstance(current.get(name), dict):
                    _merge_record(current[name], record)
                else:
                    current[name] = _deep_copy(record)
        else:
            base[key] = _deep_copy(value)


def _merge_record(base: dict[str, Any], extra: Mapping[str, Any]) -> None:
    for field, value in extra.items():
        if isinstance(value, list) and isinstance(base.get(field), list):
            _append_new(base[field], value)
        else:
            base[field] = _deep_copy(value)


def _append_new(current: list[Any], values: list[Any]) -> None:
    """Append the ``values`` not in ``current`` yet, in order: linear, not quadratic."""
    seen = set(current)
    for value in values:
        if value not in seen:
            seen.add(value)
            current.append(value)


def _deep_copy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_deep_copy(v) for v in value]
    return value


def _as_decimal(value: Any, source: _Source, path: tuple[Any, ...]) -> Decimal:
    """A lexicon's number, which must be a figure in range (see docs/lexicons.md)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise source.error(path, f"expected a number, got {shown(value)}")
    if isinstance(value, LongInteger) or (isinstance(value, str) and len(value) > _LONGEST_NUMBER):
        raise source.error(path, f"a number out of range, {shown(value)}")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise source.error(path, f"expected a number, got {shown(value)}") from None
    if not number.is_finite():
        raise source.error(path, f"expected a finite number, got {shown(value)}")
    if not in_range(number):
        raise source.error(
            path,
            f"{shown(value)} is out of range (at most {FIGURE_DIGITS} significant digits, "
            f"below 10**{FIGURE_DIGITS} and, unless 0, at least 10**-{FIGURE_DIGITS})",
        )
    return number


def _check_words(value: Any, source: _Source, path: tuple[Any, ...]) -> None:
    if not isinstance(value, list):
        raise source.error(path, "expected a list of non-empty strings")
    for word in value:
        _check_word(word, source, path)


def _check_word(
    word: Any, source: _Source, path: tuple[Any, ...], what: str = "a list of non-empty strings"
) -> None:
    """An entry the parsers build a pattern from: a string with more than blanks in it."""
    if not isinstance(word, str) or not word.strip():
        raise source.error(path, f"expected {what}, got {shown(word)}")


def _check_value(kind: Any, value: Any, source: _Source, path: tuple[Any, ...]) -> None:
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
            raise source.error(path, f"expected an integer, got {shown(value)}")
        _as_decimal(value, source, path)
    elif kind in _REPLACED_ENTRIES | _LISTED_ENTRIES | _RECORDS:
        if not isinstance(value, Mapping):
            raise source.error(path, "expected a table")
        for key, sub in value.items():
            _check_word(key, source, (*path, key), "a key that is a non-empty string")
            _check_entry(kind, sub, source, (*path, key))
            if kind == "numbers" and path[:2] in _POSITIVE and _as_decimal(sub, source, ()) <= 0:
                raise source.error((*path, key), f"must be above zero, not {shown(sub)}")
    else:
        _check_entry(kind, value, source, path)


# Tables whose numbers multiply or divide a figure: a scale of 0 or below is no scale.
_POSITIVE: Final = frozenset(
    ("numbers", table)
    for table in (
        "scales",
        "scale_abbreviations",
        "attached_scale_abbreviations",
        "counting_words",
        "scale_multipliers",
        "fraction_denominators",
    )
)
# A number written with more characters than this is out of range however it reads.
_LONGEST_NUMBER: Final = 200
_ACTOR_KINDS: Final = frozenset(kind.value for kind in ActorKind)


def _check_entry(kind: str, value: Any, source: _Source, path: tuple[Any, ...]) -> None:
    if kind == "numbers":
        _as_decimal(value, source, path)
    elif kind == "ranges":
        if not isinstance(value, list) or len(value) != 2:
            raise source.error(path, "expected [low, high]")
        low, high = (_as_decimal(v, source, path) for v in value)
        if low > high:
            raise source.error(path, f"low {low} is above high {high}")
    elif kind == "strings":
        if not isinstance(value, str) or not value.strip():
            raise source.error(path, "expected a non-empty string")
    elif kind == "word_lists":
        _check_words(value, source, path)
    elif kind == "actor_kinds":
        _check_words(value, source, path)
        for word in value:
            if word not in _ACTOR_KINDS:
                known = ", ".join(sorted(_ACTOR_KINDS))
                raise source.error(path, f"{shown(word)} is no actor kind (one of: {known})")
    elif kind == "units":
        _check_value(
            {"dimension": "string", "factor": "number", "forms": "words", "calibre": "flag"},
            value,
            source,
            path,
        )
        if not isinstance(value.get("dimension"), str):
            raise source.error(path, "a unit needs a 'dimension' string")
        if _as_decimal(value.get("factor"), source, (*path, "factor")) <= 0:
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
                "any_act": "flag",
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


def _entries(value: Any) -> int:
    """How many entries ``value`` holds: words, keys and numbers, counted once each."""
    if isinstance(value, Mapping):
        return sum(1 + _entries(sub) for sub in value.values())
    if isinstance(value, list | tuple):
        return sum(_entries(sub) if isinstance(sub, Mapping | list | tuple) else 1 for sub in value)
    return 0


def _phrases(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every string in a checked source that a parser may build a pattern from, with where
    it stands: the words of word lists, and the keys of tables."""
    if isinstance(value, Mapping):
        for key, sub in value.items():
            if isinstance(key, str):
                yield (*path, key), key
            yield from _phrases(sub, (*path, key))
    elif isinstance(value, list | tuple):
        for sub in value:
            if isinstance(sub, str):
                yield path, sub


def _probe(data: Mapping[str, Any], source: _Source) -> None:
    """Try each phrase with a blank in ``data`` as the parsers' patterns read it, on a text
    built to make it backtrack (its blanks stretched, its end missed), with a timeout.

    Blanks collapse to one blank pattern (see :mod:`osint_claims._patterns`), so no phrase
    should ever take long; one that does is rejected here, by name, rather than stalling a
    parser on text. Phrases are tried a batch at a time, and a batch that times out is
    halved until the phrase at fault is found.
    """
    phrases = [
        (path, phrase)
        for path, phrase in _phrases(data, ())
        if any(char.isspace() for char in phrase.strip())
    ]
    for start in range(0, len(phrases), _BATCH):
        _probe_batch(phrases[start : start + _BATCH], source)


def _probe_batch(phrases: list[tuple[tuple[Any, ...], str]], source: _Source) -> None:
    if not phrases:
        return
    try:
        pattern = regex.compile(alternation(phrase for _, phrase in phrases), regex.IGNORECASE)
        probe = "\n".join(_stretched(phrase) for _, phrase in phrases)
        pattern.search(probe, timeout=PATTERN_TIMEOUT)
        return
    except (TimeoutError, regex.error, RecursionError, MemoryError) as error:
        if len(phrases) > 1:
            half = len(phrases) // 2
            _probe_batch(phrases[:half], source)
            _probe_batch(phrases[half:], source)
            return  # pragma: no cover - a batch slow only as a whole: each half passed
        [(path, phrase)] = phrases
        if isinstance(error, TimeoutError):
            reason = f"makes a pattern that takes over {PATTERN_TIMEOUT} s"
        else:
            reason = f"makes no pattern ({type(error).__name__})"
        raise source.error(path, f"{shown(phrase)} {reason}") from None


def _stretched(phrase: str) -> str:
    """``phrase`` with each blank made a long run of them, and its last character missed."""
    return _BLANKS.sub(" " * _STRETCH, phrase.strip())[:-1] + "\x00"


# The longest a phrase's pattern may take on its probe, in seconds.
PATTERN_TIMEOUT: Final = 0.5
# How many blanks stand for each blank of a phrase in its probe, and how many phrases are
# tried at once.
_STRETCH: Final = 1_000
_BATCH: Final = 256
_BLANKS: Final = re.compile(r"\s+")
# The most entries one lexicon holds (words, keys and numbers): some eight times the
# shipped English lexicon. Every parser compiles its patterns from all of them.
MAX_LEXICON_ENTRIES: Final = 50_000


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
                raise LexiconError("<argument>", None, f"expected a path or mapping: {shown(item)}")
            try:
                _check_value(_SCHEMA, data, source, ())
            except RecursionError:  # a mapping nested without end
                raise LexiconError(source.name, None, "nested too deeply") from None
            count = _entries(data) + _entries(merged)
            if count > MAX_LEXICON_ENTRIES:
                raise LexiconError(
                    source.name,
                    None,
                    f"the lexicon would hold {count:,} entries, "
                    f"more than the {MAX_LEXICON_ENTRIES:,} a lexicon may",
                )
            _probe(data, source)
            _merge(merged, data, _SCHEMA)
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
        _merge(merged, wrapped, _SCHEMA)
    return Lexicon(_freeze(merged))
