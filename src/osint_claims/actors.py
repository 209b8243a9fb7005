"""The actor registry: who is who in conflict reporting, under every name the news uses.

The package ships a registry as data (``osint_claims/data/actors.toml``): states, their
forces, agencies and officials, armed groups, international bodies, wire agencies and
outlets, each with a stable ``id``, a kind, a country, its aliases and the body it belongs
to. Users extend it with TOML or JSON files of the same layout, mappings or
:class:`~osint_claims.model.Actor` objects; files are read as data only, never executed.
See ``docs/actors.md``.

>>> registry = ActorRegistry.default()
>>> registry.resolve("Pyongyang").id, registry.resolve("South Korea’s").id
('kp', 'kr')
>>> text = "Seoul says the JCS told us."
>>> [(span.slice(text), actor.id) for span, actor in registry.find_all(text)]
[('Seoul', 'kr'), ('JCS', 'kr-jcs')]
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, NamedTuple, TypeAlias

import attrs

from ._files import Origin, read_data_file, toml_error_line
from ._trie import NameFinder
from ._trie import fold as _fold
from ._trie import is_acronym as _is_acronym
from ._trie import key as _key
from ._trie import plain as _plain
from ._trie import strip_possessive as _strip_possessive
from .errors import InvalidInputError, LexiconError
from .model import Actor, ActorKind, Span
from .text import normalize

__all__ = ["ActorRegistry", "ActorSource"]

#: What :meth:`ActorRegistry.extended` accepts: a TOML/JSON path, a mapping laid out like a
#: file (``{"actor": [...]}``) or like one entry, an :class:`Actor`, or another registry.
ActorSource: TypeAlias = "str | os.PathLike[str] | Mapping[str, Any] | Actor | ActorRegistry"

_FIELDS: Final = (
    "id",
    "name",
    "kind",
    "country",
    "aliases",
    "case_sensitive",
    "parent",
    "affiliation",
)
_ID: Final = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")
_COUNTRY: Final = re.compile(r"[A-Z]{2}")
_KIND_VALUES: Final = frozenset(kind.value for kind in ActorKind)
_KINDS: Final = ", ".join(kind.value for kind in ActorKind)


# Names ---------------------------------------------------------------------------------


class _Term(NamedTuple):
    """One name of one actor, as the index and the matcher use it."""

    key: str  # looked up by: no "the", no "'s"
    written: str  # matched in text: the key, or "the ..." for a case-sensitive name
    sensitive: bool
    actor_id: str


# The registry ---------------------------------------------------------------------------


def _actor_table(value: Mapping[str, Actor]) -> Mapping[str, Actor]:
    return MappingProxyType(dict(value))


def _name_sets(value: Mapping[str, frozenset[str]]) -> Mapping[str, frozenset[str]]:
    return MappingProxyType({key: frozenset(names) for key, names in value.items()})


@attrs.frozen(slots=True, eq=False, repr=False)
class ActorRegistry:
    """Actors by id, and one compiled matcher for all their names; immutable.

    Build one with :meth:`default`, :meth:`from_file`, :meth:`from_actors` or
    :meth:`extended`; compare registries by identity.

    >>> registry = ActorRegistry.default()
    >>> registry.get("kr-jcs").parent
    'kr'
    >>> [a.id for a in registry.lineage(registry.get("kr-jcs"))]
    ['kr-jcs', 'kr']
    """

    actors: Mapping[str, Actor] = attrs.field(converter=_actor_table)
    """The actors by id, in the order they were last defined."""
    case_sensitive: Mapping[str, frozenset[str]] = attrs.field(factory=dict, converter=_name_sets)
    """Per actor id, the further names that match only with their capitals as written."""
    _index: Mapping[str, tuple[_Term, ...]] = attrs.field(init=False)
    _ids: Mapping[str, str] = attrs.field(init=False)
    _matcher: list[NameFinder] = attrs.field(init=False, factory=list)

    def __attrs_post_init__(self) -> None:
        for actor_id, actor in self.actors.items():
            if not isinstance(actor, Actor) or actor.id != actor_id:
                reason = f"{actor_id!r} holds {actor!r}, not the actor of that id"
                raise LexiconError("<registry>", None, reason)
        index: dict[str, list[_Term]] = {}
        # Newest first: a later actor's name wins over an earlier one's.
        for actor in reversed(list(self.actors.values())):
            for term in self._terms_of(actor):
                index.setdefault(_fold(term.key), []).append(term)
        object.__setattr__(self, "_index", {k: tuple(v) for k, v in index.items()})
        object.__setattr__(self, "_ids", {_fold(i): i for i in self.actors})

    def _terms_of(self, actor: Actor) -> list[_Term]:
        explicit = {_plain(name) for name in self.case_sensitive.get(actor.id, ())}
        terms: dict[tuple[str, bool], _Term] = {}
        for name in (actor.name, *actor.aliases):
            plain = _plain(name)
            key = _key(plain)
            if plain in explicit:
                # "the North": written with its "the", which the matcher requires.
                written = _strip_possessive(plain)
                terms.setdefault((written, True), _Term(key, written, True, actor.id))
            else:
                sensitive = _is_acronym(key)
                terms.setdefault((key, sensitive), _Term(key, key, sensitive, actor.id))
        return list(terms.values())

    def __repr__(self) -> str:
        return f"<ActorRegistry of {len(self.actors)} actors>"

    # Building --------------------------------------------------------------------------

    @classmethod
    def default(cls) -> ActorRegistry:
        """The registry shipped with the package, loaded once and shared.

        >>> ActorRegistry.default() is ActorRegistry.default()
        True
        >>> len(ActorRegistry.default()) > 60
        True
        """
        return _default_registry()

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> ActorRegistry:
        """A registry of the actors in one TOML or JSON file (by its suffix), and no others.

        TOML holds ``[[actor]]`` tables; JSON an object ``{"actor": [{...}, ...]}``.

        >>> import json, pathlib, tempfile
        >>> wagner = {"id": "wagner", "name": "Wagner Group", "kind": "armed_group",
        ...           "country": "RU", "aliases": ["Wagner", "PMC Wagner"]}
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder) / "mine.json"
        ...     _ = path.write_text(json.dumps({"actor": [wagner]}), encoding="utf-8")
        ...     registry = ActorRegistry.from_file(path)
        >>> len(registry), registry.resolve("PMC Wagner").kind
        (1, <ActorKind.ARMED_GROUP: 'armed_group'>)
        """
        return _build({}, {}, [path])

    @classmethod
    def from_actors(cls, actors: Iterable[Actor]) -> ActorRegistry:
        """A registry of exactly ``actors``; each is checked as a file entry would be.

        >>> registry = ActorRegistry.from_actors([
        ...     Actor("kr", "South Korea", ActorKind.STATE, "KR", ["Seoul"]),
        ...     Actor("kr-jcs", "Joint Chiefs of Staff", ActorKind.ARMED_FORCES, "KR",
        ...           ["JCS"], parent="kr"),
        ... ])
        >>> [a.id for a in registry.lineage("kr-jcs")]
        ['kr-jcs', 'kr']
        >>> ActorRegistry.from_actors([Actor("x", "X", parent="y")])
        Traceback (most recent call last):
        ...
        osint_claims.errors.LexiconError: <actors>: actor 'x': parent 'y' names no actor
        """
        return _build({}, {}, [{"actor": list(actors)}], name="<actors>")

    def extended(self, *sources: ActorSource) -> ActorRegistry:
        """A new registry: this one plus the actors of ``sources``, in order.

        A source is a TOML/JSON path, a mapping laid out like a file (``{"actor": [...]}``)
        or like one entry, an :class:`Actor` or another registry. An actor whose id is
        already known replaces the old entry; where two actors share a name, the one added
        later wins. This registry is left as it was.

        >>> wagner = Actor("wagner", "Wagner Group", ActorKind.ARMED_GROUP, "RU", ["Wagner"])
        >>> registry = ActorRegistry.default().extended(
        ...     wagner, {"id": "ru-moscow", "name": "Moscow City", "aliases": ["Moscow"]})
        >>> registry.resolve("Wagner").id, registry.resolve("Moscow").id
        ('wagner', 'ru-moscow')
        >>> ActorRegistry.default().resolve("Moscow").id
        'ru'
        """
        return _build(dict(self.actors), dict(self.case_sensitive), sources)

    # Looking up ------------------------------------------------------------------------

    def resolve(self, name: str) -> Actor | None:
        """The actor called ``name``: by name or alias, else by a compound id ("kr-jcs").

        Case does not matter, except for acronyms of up to four capitals and the few names
        listed as case-sensitive ("us" is not the US). Curly quotes, no-break spaces and
        runs of spaces count as plain ones; a leading "the" and a trailing possessive are
        ignored. A name that is a known acronym in the wrong case resolves to nothing, even
        where it spells an id: look ids up with :meth:`get`.

        >>> registry = ActorRegistry.default()
        >>> registry.resolve("the Kremlin").id, registry.resolve("South Korea’s").id
        ('ru-kremlin', 'kr')
        >>> registry.resolve("  kim  jong\\u00a0UN ").id, registry.resolve("kr-jcs").id
        ('kim-jong-un', 'kr-jcs')
        >>> registry.resolve("US").id, registry.resolve("us"), registry.resolve("Atlantis")
        ('us', None, None)
        >>> registry.resolve("in"), registry.resolve("No"), registry.get("in").name
        (None, None, 'India')
        """
        if not isinstance(name, str):
            raise InvalidInputError(
                "ActorRegistry.resolve", f"expected str, got {type(name).__name__}"
            )
        plain = _plain(name)
        key = _key(plain)
        actor = self._lookup(key)
        if actor is not None or _fold(key) in self._index:
            return actor  # None: a known name in the wrong case ("us")
        # Only compound ids ("kr-jcs") stand in for names: a bare state code is also a word
        # ("in", "it", "no"), so those are looked up with get().
        actor_id = self._ids.get(_fold(plain)) if "-" in plain else None
        return None if actor_id is None else self.actors[actor_id]

    def _lookup(self, key: str) -> Actor | None:
        for term in self._index.get(_fold(key), ()):
            if not term.sensitive or term.key == key:
                return self.actors[term.actor_id]
        return None

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id, exactly as written.

        >>> ActorRegistry.default().get("kr-nis").name
        'National Intelligence Service'
        >>> ActorRegistry.default().get("KR-NIS") is None
        True
        """
        return self.actors.get(actor_id)

    def __contains__(self, item: object) -> bool:
        """Whether an id, or this very actor, is in the registry.

        >>> registry = ActorRegistry.default()
        >>> "kp" in registry, registry.get("kp") in registry, "atlantis" in registry
        (True, True, False)
        """
        if isinstance(item, Actor):
            return self.actors.get(item.id) == item
        return isinstance(item, str) and item in self.actors

    def __iter__(self) -> Iterator[Actor]:
        """The actors, in the order they were last defined.

        >>> next(iter(ActorRegistry.default())).id
        'kp'
        """
        return iter(self.actors.values())

    def __len__(self) -> int:
        """How many actors the registry holds.

        >>> len(ActorRegistry.from_actors([Actor("a", "A"), Actor("b", "B")]))
        2
        """
        return len(self.actors)

    def case_sensitive_names(self, actor: Actor | str) -> tuple[str, ...]:
        """The names of ``actor`` (or of the actor with this id) that match only as written.

        >>> ActorRegistry.default().case_sensitive_names("kp")
        ('DPRK', 'D.P.R.K.', 'the North')
        """
        found = self.get(actor) if isinstance(actor, str) else actor
        if found is None:
            return ()
        explicit = {_plain(name) for name in self.case_sensitive.get(found.id, ())}
        return tuple(
            name
            for name in (found.name, *found.aliases)
            if _plain(name) in explicit or _is_acronym(_key(_plain(name)))
        )

    def parent_of(self, actor: Actor | str) -> Actor | None:
        """The body ``actor`` (or the actor with this id) belongs to, if known.

        >>> ActorRegistry.default().parent_of("ua-hur").id
        'ua-mod'
        >>> ActorRegistry.default().parent_of("ua") is None
        True
        """
        found = self.get(actor) if isinstance(actor, str) else actor
        if found is None or found.parent is None:
            return None
        return self.actors.get(found.parent)

    def lineage(self, actor: Actor | str) -> tuple[Actor, ...]:
        """``actor``, its parent, its grandparent and so on up to a state or other root.

        >>> [a.id for a in ActorRegistry.default().lineage("kyrylo-budanov")]
        ['kyrylo-budanov', 'ua-hur', 'ua-mod', 'ua']
        >>> ActorRegistry.default().lineage("atlantis")
        ()
        """
        found = self.get(actor) if isinstance(actor, str) else actor
        chain: list[Actor] = []
        seen: set[str] = set()
        while found is not None and found.id not in seen:  # registries have no loops
            chain.append(found)
            seen.add(found.id)
            found = self.parent_of(found)
        return tuple(chain)

    def find_all(self, text: str) -> list[tuple[Span, Actor]]:
        """Every mention of a known actor in ``text``: whole words, in order, not overlapping.

        At each place the longest name wins ("South Korea's Joint Chiefs of Staff" rather
        than "South Korea"). Offsets are into ``text`` as given, curly quotes and no-break
        spaces included; a trailing possessive is not part of the span. Names match in any
        case but acronyms of up to four capitals and names listed as case-sensitive. One
        scan of one compiled pattern: time linear in the length of ``text``.

        >>> registry = ActorRegistry.default()
        >>> text = "South Korea’s Joint Chiefs of Staff told us the U.S. and the Kremlin knew"
        >>> for span, actor in registry.find_all(text):
        ...     print(span.start, span.end, span.slice(text), actor.id)
        0 35 South Korea’s Joint Chiefs of Staff kr-jcs
        48 52 U.S. us
        61 68 Kremlin ru-kremlin
        >>> [a.id for _, a in registry.find_all("the North’s army, in the north")]
        ['kp']
        """
        if not isinstance(text, str):
            raise InvalidInputError(
                "ActorRegistry.find_all", f"expected str, got {type(text).__name__}"
            )
        found: list[tuple[Span, Actor]] = []
        for match in self._pattern().finditer(normalize(text)):
            actor = self._lookup(_key(_plain(match.group())))
            if actor is not None:  # always found: the pattern holds only indexed names
                found.append((Span(match.start(), match.end()), actor))
        return found

    def _pattern(self) -> NameFinder:
        """The matcher of every name, compiled on first use (once per registry)."""
        if not self._matcher:
            terms = (term for terms in self._index.values() for term in terms)
            self._matcher.append(NameFinder((term.written, term.sensitive) for term in terms))
        return self._matcher[0]


# Reading sources -----------------------------------------------------------------------


def _origin(name: str, text: str | None = None, *, json_layout: bool = False) -> Origin:
    return Origin(name, text, table="actor", json_layout=json_layout)


class _Entry(NamedTuple):
    """A checked actor, its case-sensitive names, and where it was read."""

    actor: Actor
    case_sensitive: frozenset[str]
    origin: Origin
    position: int


class _Loaded(NamedTuple):
    """A source already parsed: its raw entries and where they came from."""

    items: list[Any]
    origin: Origin


def _load(source: object, name: str | None) -> _Loaded | list[_Entry]:
    """Parse one source (a file is read as data only, never run)."""
    if isinstance(source, _Loaded):
        return source
    if isinstance(source, ActorRegistry):
        origin = _origin(name or "<registry>")
        return [
            _Entry(actor, source.case_sensitive.get(actor.id, frozenset()), origin, index)
            for index, actor in enumerate(source)
        ]
    if isinstance(source, Actor):
        return _Loaded([source], _origin(name or "<actor>"))
    if isinstance(source, Mapping):
        origin = _origin(name or "<mapping>")
        return _Loaded(
            _entry_list({"actor": [source]} if "id" in source else source, origin), origin
        )
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        data, text = read_data_file(path)
        origin = _origin(str(source), text, json_layout=path.suffix.lower() == ".json")
        return _Loaded(_entry_list(data, origin), origin)
    reason = f"expected a path, a mapping, an Actor or a registry, got {source!r}"
    raise LexiconError("<argument>", None, reason)


def _entries(source: object, name: str | None = None) -> list[_Entry]:
    """The checked entries of one source; an id may appear only once in it."""
    loaded = _load(source, name)
    if not isinstance(loaded, _Loaded):
        return loaded
    entries: list[_Entry] = []
    seen: set[str] = set()
    for index, item in enumerate(loaded.items):
        entry = _entry(item, loaded.origin, index)
        actor_id = entry.actor.id
        if actor_id in seen:
            raise LexiconError(
                loaded.origin.name,
                loaded.origin.line(index, "id"),
                f"actor {actor_id!r}: duplicate id (entry #{index + 1})",
            )
        seen.add(actor_id)
        entries.append(entry)
    return entries


def _entry_list(data: Any, origin: Origin) -> list[Any]:
    if not isinstance(data, Mapping):
        raise LexiconError(origin.name, 1, "expected a table with a list of actors")
    for key in data:
        if key != "actor":
            reason = f"unknown table {key!r} (expected only 'actor')"
            raise LexiconError(origin.name, origin.key_line(str(key)), reason)
    items = data.get("actor", [])
    if not isinstance(items, list):
        raise LexiconError(origin.name, origin.key_line("actor"), "'actor' must be a list")
    return items


def _is_names(value: Any) -> bool:
    return isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)


def _entry(item: Any, origin: Origin, index: int) -> _Entry:
    """One entry (a table or an :class:`Actor`) checked, as an Actor."""
    if isinstance(item, Actor):
        fields: Mapping[str, Any] = attrs.asdict(item, recurse=False)
        fields = {**fields, "kind": item.kind.value if isinstance(item.kind, ActorKind) else None}
    elif isinstance(item, Mapping):
        fields = item
    else:
        raise LexiconError(
            origin.name, origin.line(index), f"actor #{index + 1}: expected a table, got {item!r}"
        )
    actor_id = fields.get("id")
    if not isinstance(actor_id, str) or not _ID.fullmatch(actor_id):
        reason = "needs an 'id'" if actor_id is None else f"id {actor_id!r} is not a slug"
        reason += " (lower-case letters and digits, joined by - _ or .)"
        raise LexiconError(origin.name, origin.line(index, "id"), f"actor #{index + 1}: {reason}")

    def fail(reason: str, key: str) -> LexiconError:
        line = origin.line(index, key, actor_id)
        return LexiconError(origin.name, line, f"actor {actor_id!r}: {reason}")

    for key in fields:
        if key not in _FIELDS:
            raise fail(f"unknown field {key!r} (expected one of: {', '.join(_FIELDS)})", key)
    name = fields.get("name")
    if not isinstance(name, str) or not any(char.isalnum() for char in _key(_plain(name))):
        raise fail("needs a 'name' (a string with a letter or digit)", "name")
    kind = fields.get("kind", ActorKind.OTHER.value)
    if kind not in _KIND_VALUES:
        raise fail(f"unknown kind {kind!r} (expected one of: {_KINDS})", "kind")
    country = fields.get("country")
    if country is not None and not (isinstance(country, str) and _COUNTRY.fullmatch(country)):
        raise fail(f"country {country!r} is not an ISO 3166 alpha-2 code such as 'KR'", "country")
    parent = fields.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise fail(f"parent {parent!r} is not an actor id", "parent")
    if parent == actor_id:
        raise fail("an actor cannot be its own parent", "parent")
    affiliation = fields.get("affiliation")
    if affiliation is not None and not isinstance(affiliation, str):
        raise fail(f"affiliation {affiliation!r} is not a string", "affiliation")
    lists: dict[str, list[str]] = {}
    for key in ("aliases", "case_sensitive"):
        value = fields.get(key, [])
        if not _is_names(value):
            raise fail(f"'{key}' must be a list of strings", key)
        for alias in value:
            if not any(char.isalnum() for char in _key(_plain(alias))):
                raise fail(f"{key}: {alias!r} has no letter or digit besides 'the' and \"'s\"", key)
        lists[key] = list(value)
    if isinstance(item, Actor):
        return _Entry(item, frozenset(), origin, index)
    known = {_plain(n) for n in (name, *lists["aliases"])}
    extra = [n for n in lists["case_sensitive"] if _plain(n) not in known]
    actor = Actor(
        id=actor_id,
        name=name,
        kind=ActorKind(kind),
        country=country,
        aliases=(*lists["aliases"], *extra),
        parent=parent,
        affiliation=affiliation,
    )
    return _Entry(actor, frozenset(lists["case_sensitive"]), origin, index)


def _build(
    actors: dict[str, Actor],
    case_sensitive: dict[str, frozenset[str]],
    sources: Iterable[object],
    name: str | None = None,
) -> ActorRegistry:
    """Add the entries of ``sources`` to ``actors``, check every parent, make a registry."""
    added: dict[str, _Entry] = {}
    for source in sources:
        for entry in _entries(source, name):
            actor_id = entry.actor.id
            actors.pop(actor_id, None)  # a replaced actor counts as defined last
            actors[actor_id] = entry.actor
            case_sensitive.pop(actor_id, None)
            if entry.case_sensitive:
                case_sensitive[actor_id] = entry.case_sensitive
            added[actor_id] = entry
    for entry in added.values():
        _check_parent(entry, actors)
    return ActorRegistry(actors, case_sensitive)


def _check_parent(entry: _Entry, actors: Mapping[str, Actor]) -> None:
    """The parent of a new entry names an actor, and its chain of parents has no loop."""
    chain = [entry.actor.id]
    parent = entry.actor.parent
    while parent is not None:
        if parent not in actors or parent in chain:
            if parent not in actors:
                reason = f"parent {parent!r} names no actor"
                if len(chain) > 1:
                    reason = f"parent chain {' -> '.join(chain)} -> {parent!r} names no actor"
            else:
                reason = f"parent chain loops: {' -> '.join([*chain, parent])}"
            line = entry.origin.line(entry.position, "parent", entry.actor.id)
            raise LexiconError(entry.origin.name, line, f"actor {entry.actor.id!r}: {reason}")
        chain.append(parent)
        parent = actors[parent].parent


@functools.cache
def _default_registry() -> ActorRegistry:
    name = "osint_claims/data/actors.toml"
    text = (resources.files("osint_claims") / "data" / "actors.toml").read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:  # pragma: no cover - shipped data is tested
        raise LexiconError(name, toml_error_line(error), f"invalid TOML: {error}") from None
    origin = _origin(name, text)
    return _build({}, {}, [_Loaded(_entry_list(data, origin), origin)])
