"""The gazetteer: which country a place lies in, under the spellings the news uses.

Conflict reporting names victims by where things happened ("40 civilians killed in
Saada"), and an article's dateline says where it was filed ("KHARTOUM, Feb 16 (Reuters) -").
The package ships place names by country as data (``osint_claims/data/places.toml``):
cities, towns, regions, camps, crossings. Users extend it with TOML or JSON files of the
same layout or mappings; files are read as data only, never executed. See
``docs/places.md``.

>>> gazetteer = Gazetteer.default()
>>> gazetteer.country_of("Saada"), gazetteer.country_of("Sana’a"), gazetteer.country_of("Goma")
('YE', 'YE', 'CD')
>>> text = "KHARTOUM, Feb 16 (Reuters) - Shelling in Kherson and Zaporizhzhia"
>>> [(span.slice(text), code) for span, code in gazetteer.find_all(text)]
[('KHARTOUM', 'SD'), ('Kherson', 'UA'), ('Zaporizhzhia', 'UA')]
"""

from __future__ import annotations

import functools
import json
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, NamedTuple, TypeAlias

import attrs

from ._files import Origin, read_data_file, toml_error_line
from ._trie import NameFinder, fold, is_acronym, key, plain
from .errors import InvalidInputError, LexiconError
from .model import Span
from .text import normalize

__all__ = ["Gazetteer", "GazetteerSource"]

#: What :meth:`Gazetteer.extended` accepts: a TOML/JSON path, a mapping laid out like a
#: file (``{"country": [{"code": ..., "places": [...]}]}``), or another gazetteer.
GazetteerSource: TypeAlias = "str | os.PathLike[str] | Mapping[str, Any] | Gazetteer"

_TABLE: Final = "country"
_FIELDS: Final = ("code", "places")
_CODE: Final = re.compile(r"[A-Z]{2}")


class _Name(NamedTuple):
    """One place name as the index and the matcher use it."""

    key: str  # looked up by: plain quotes and spaces, no "the", no "'s"
    sensitive: bool  # an acronym of up to four capitals: matches only as written
    code: str


def _name(name: str, code: str) -> _Name:
    found = key(plain(name))
    return _Name(found, is_acronym(found), code)


def _identity(name: _Name) -> tuple[str, str | None]:
    """Names with one identity are one name: a later one takes it over."""
    return fold(name.key), name.key if name.sensitive else None


def _name_table(value: Iterable[_Name]) -> tuple[_Name, ...]:
    return tuple(value)


@attrs.frozen(slots=True, eq=False, repr=False)
class Gazetteer:
    """Place names and the country each lies in, with one compiled matcher; immutable.

    Build one with :meth:`default`, :meth:`from_file` or :meth:`extended`; compare
    gazetteers by identity.

    >>> gazetteer = Gazetteer.default()
    >>> gazetteer.country_of("Hodeidah"), "Bakhmut" in gazetteer, len(gazetteer) > 1000
    ('YE', True, True)
    """

    _names: tuple[_Name, ...] = attrs.field(converter=_name_table, alias="names")
    _index: Mapping[str, tuple[_Name, ...]] = attrs.field(init=False)
    _countries: Mapping[str, tuple[str, ...]] = attrs.field(init=False)
    _matcher: list[NameFinder] = attrs.field(init=False, factory=list)

    def __attrs_post_init__(self) -> None:
        index: dict[str, list[_Name]] = {}
        for name in reversed(self._names):  # newest first: a later name wins
            index.setdefault(fold(name.key), []).append(name)
        object.__setattr__(self, "_index", {k: tuple(v) for k, v in index.items()})
        table: dict[str, list[str]] = {}
        for name in self._names:
            table.setdefault(name.code, []).append(name.key)
        countries = MappingProxyType({code: tuple(names) for code, names in table.items()})
        object.__setattr__(self, "_countries", countries)

    def __repr__(self) -> str:
        return f"<Gazetteer of {len(self)} place names in {len(self.countries)} countries>"

    # Building --------------------------------------------------------------------------

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer shipped with the package, loaded once and shared.

        >>> Gazetteer.default() is Gazetteer.default()
        True
        """
        return _default_gazetteer()

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Gazetteer:
        """A gazetteer of the places in one TOML or JSON file (by its suffix), and no others.

        TOML holds ``[[country]]`` tables; JSON an object ``{"country": [{...}, ...]}``.
        Each table has a ``code`` (ISO 3166 alpha-2, upper case) and its ``places``.

        >>> import pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder) / "mine.toml"
        ...     _ = path.write_text('[[country]]\\ncode = "YE"\\nplaces = ["Saada", "Marib"]\\n')
        ...     gazetteer = Gazetteer.from_file(path)
        >>> len(gazetteer), gazetteer.country_of("marib"), gazetteer.country_of("Kherson")
        (2, 'YE', None)
        """
        return _build((), [path])

    def extended(self, *sources: GazetteerSource) -> Gazetteer:
        """A new gazetteer: this one plus the places of ``sources``, in order.

        A source is a TOML/JSON path, a mapping laid out like a file, or another gazetteer.
        A country already known gains the new places; a name already known moves to the
        country that names it last. This gazetteer is left as it was.

        >>> mine = Gazetteer.default().extended(
        ...     {"country": [{"code": "UA", "places": ["Novoukrainka-3"]}]},
        ...     {"country": [{"code": "XK", "places": ["Mitrovica"]}]})
        >>> mine.country_of("Novoukrainka-3"), mine.country_of("Kherson")
        ('UA', 'UA')
        >>> Gazetteer.default().country_of("Novoukrainka-3") is None
        True
        """
        return _build(self._names, sources)

    # Looking up ------------------------------------------------------------------------

    def country_of(self, name: str) -> str | None:
        """The ISO 3166 alpha-2 code of the country where the place ``name`` lies.

        Case does not matter (but for acronyms of up to four capitals); curly quotes,
        no-break spaces and runs of spaces count as plain ones; a leading "the" and a
        trailing possessive are ignored. A name the gazetteer does not know gives ``None``.

        >>> gazetteer = Gazetteer.default()
        >>> gazetteer.country_of("  SAADA "), gazetteer.country_of("Sana’a")
        ('YE', 'YE')
        >>> gazetteer.country_of("the Donbas"), gazetteer.country_of("Kherson’s")
        ('UA', 'UA')
        >>> gazetteer.country_of("Khan\\u00a0Younis"), gazetteer.country_of("Atlantis")
        ('PS', None)
        """
        if not isinstance(name, str):
            raise InvalidInputError(
                "Gazetteer.country_of", f"expected str, got {type(name).__name__}"
            )
        return self._lookup(key(plain(name)))

    def _lookup(self, found: str) -> str | None:
        for name in self._index.get(fold(found), ()):
            if not name.sensitive or name.key == found:
                return name.code
        return None

    def find_all(self, text: str) -> list[tuple[Span, str]]:
        """Every mention of a known place in ``text``, with the code of its country.

        Mentions are whole words or phrases, in order and never overlapping; at each place
        the longest name wins ("Nova Kakhovka" rather than "Kakhovka"). Offsets are into
        ``text`` as given, curly quotes and no-break spaces included; a trailing possessive
        is not part of the span. One scan of one compiled pattern: time linear in the
        length of ``text``.

        >>> text = "Strikes on Nova Kakhovka and Kharkiv’s outskirts; 40 killed in Saada"
        >>> for span, code in Gazetteer.default().find_all(text):
        ...     print(span.start, span.end, span.slice(text), code)
        11 24 Nova Kakhovka UA
        29 36 Kharkiv UA
        63 68 Saada YE
        """
        if not isinstance(text, str):
            raise InvalidInputError(
                "Gazetteer.find_all", f"expected str, got {type(text).__name__}"
            )
        found: list[tuple[Span, str]] = []
        for match in self._pattern().finditer(normalize(text)):
            code = self._lookup(key(plain(match.group())))
            if code is not None:  # always found: the pattern holds only indexed names
                found.append((Span(match.start(), match.end()), code))
        return found

    def _pattern(self) -> NameFinder:
        """The matcher of every name, compiled on first use (once per gazetteer)."""
        if not self._matcher:
            names = {(name.key, name.sensitive) for names in self._index.values() for name in names}
            # The folded form too, where folding is more than lower case: "İstanbul" and
            # "Istanbul" are one name, which text writes either way.
            names |= {(fold(key), False) for key, sensitive in names if not sensitive}
            self._matcher.append(NameFinder(sorted(names)))
        return self._matcher[0]

    @property
    def countries(self) -> Mapping[str, tuple[str, ...]]:
        """Per country code, the place names it holds, in the order they were added (as
        they are looked up: plain quotes and spaces, no leading "the").

        >>> Gazetteer.default().countries["YE"][:3]
        ('Yemen', 'Sanaa', "Sana'a")
        """
        return self._countries

    def __contains__(self, name: object) -> bool:
        """Whether ``name`` is a place the gazetteer knows (as :meth:`country_of` reads it).

        >>> gazetteer = Gazetteer.default()
        >>> "Goma" in gazetteer, "the Donbas" in gazetteer, "Atlantis" in gazetteer, 3 in gazetteer
        (True, True, False, False)
        """
        return isinstance(name, str) and self.country_of(name) is not None

    def __len__(self) -> int:
        """How many place names the gazetteer holds (spellings count one each).

        >>> gazetteer = Gazetteer.default()
        >>> again = gazetteer.extended({"country": [{"code": "YE", "places": ["SAADA"]}]})
        >>> len(again) == len(gazetteer)  # "Saada" in capitals is the same name
        True
        """
        return len(self._names)


# Reading sources -----------------------------------------------------------------------


class _Loaded(NamedTuple):
    """A source already parsed: its raw entries and where they came from."""

    items: list[Any]
    origin: Origin


def _origin(name: str, text: str | None = None, *, json_layout: bool = False) -> Origin:
    return Origin(name, text, table=_TABLE, json_layout=json_layout)


def _load(source: object) -> _Loaded | list[_Name]:
    """Parse one source (a file is read as data only, never run)."""
    if isinstance(source, _Loaded):
        return source
    if isinstance(source, Gazetteer):
        return list(source._names)
    if isinstance(source, Mapping):
        origin = _origin("<mapping>")
        return _Loaded(_entry_list(source, origin), origin)
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        data, text = read_data_file(path)
        origin = _origin(str(source), text, json_layout=path.suffix.lower() == ".json")
        return _Loaded(_entry_list(data, origin), origin)
    reason = f"expected a path, a mapping or a gazetteer, got {source!r}"
    raise LexiconError("<argument>", None, reason)


def _entry_list(data: Any, origin: Origin) -> list[Any]:
    if not isinstance(data, Mapping):
        raise LexiconError(origin.name, 1, "expected a table with a list of countries")
    for field in data:
        if field != _TABLE:
            reason = f"unknown table {field!r} (expected only {_TABLE!r})"
            raise LexiconError(origin.name, origin.key_line(str(field)), reason)
    items = data.get(_TABLE, [])
    if not isinstance(items, list):
        raise LexiconError(origin.name, origin.key_line(_TABLE), f"{_TABLE!r} must be a list")
    return items


def _names_of(source: object) -> list[_Name]:
    """The checked names of one source: a code appears once, a name under one code."""
    loaded = _load(source)
    if not isinstance(loaded, _Loaded):
        return loaded
    names: list[_Name] = []
    codes: set[str] = set()
    owner: dict[tuple[str, str | None], str] = {}
    for index, item in enumerate(loaded.items):
        code, places = _entry(item, loaded.origin, index)
        if code in codes:
            line = loaded.origin.line(index, "code", code)
            raise LexiconError(loaded.origin.name, line, f"country {code!r}: duplicate code")
        codes.add(code)
        for place in places:
            name = _name(place, code)
            other = owner.setdefault(_identity(name), code)
            if other != code:
                line = loaded.origin.value_line(index, "places", json.dumps(place))
                reason = f"country {code!r}: place {place!r} is listed under {other!r} too"
                raise LexiconError(loaded.origin.name, line, reason)
            names.append(name)
    return names


def _entry(item: Any, origin: Origin, index: int) -> tuple[str, list[str]]:
    """One ``[[country]]`` table checked: its code and its places."""
    if not isinstance(item, Mapping):
        reason = f"country #{index + 1}: expected a table, got {item!r}"
        line = origin.line(index) or origin.key_line(_TABLE)  # a list of non-tables
        raise LexiconError(origin.name, line, reason)
    code = item.get("code")
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        reason = "needs a 'code':" if code is None else f"code {code!r} is not"
        reason += " an ISO 3166 alpha-2 code in capitals, such as 'YE'"
        raise LexiconError(
            origin.name, origin.line(index, "code"), f"country #{index + 1}: {reason}"
        )

    def fail(reason: str, field: str, line: int | None = None) -> LexiconError:
        line = line if line is not None else origin.line(index, field, code)
        return LexiconError(origin.name, line, f"country {code!r}: {reason}")

    for field in item:
        if field not in _FIELDS:
            raise fail(f"unknown field {field!r} (expected one of: {', '.join(_FIELDS)})", field)
    places = item.get("places", [])
    if not isinstance(places, list | tuple):
        raise fail("'places' must be a list of strings", "places")
    for place in places:
        if not isinstance(place, str):
            written = json.dumps(place) if isinstance(place, bool | int | float) else "{"
            line = origin.value_line(index, "places", written)
            raise fail(f"place {place!r} is not a string", "places", line)
        if not any(char.isalnum() for char in key(plain(place))):
            line = origin.value_line(index, "places", json.dumps(place))
            raise fail(f"place {place!r} has no letter or digit besides 'the' and \"'s\"", "", line)
    return code, list(places)


def _build(names: Iterable[_Name], sources: Iterable[object]) -> Gazetteer:
    """``names`` and then the names of each source; a later name takes an earlier one's
    place, so that the gazetteer's order is the order of definition."""
    table: dict[tuple[str, str | None], _Name] = {}
    for name in names:
        table.pop(_identity(name), None)
        table[_identity(name)] = name
    for source in sources:
        for name in _names_of(source):
            table.pop(_identity(name), None)
            table[_identity(name)] = name
    return Gazetteer(table.values())


@functools.cache
def _default_gazetteer() -> Gazetteer:
    name = "osint_claims/data/places.toml"
    text = (resources.files("osint_claims") / "data" / "places.toml").read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:  # pragma: no cover - shipped data is tested
        raise LexiconError(name, toml_error_line(error), f"invalid TOML: {error}") from None
    origin = _origin(name, text)
    return _build((), [_Loaded(_entry_list(data, origin), origin)])
