"""The actor registry: who is who, under every name the news uses.

The package ships a registry as data (``osint_claims/data/actors.toml``): states, forces,
agencies, officials, international bodies, wire agencies and outlets, each with a stable
``id``, a kind, a country and its aliases. Users extend or replace it with TOML or JSON
files of the same layout; files are read as data only, never executed.

>>> registry = ActorRegistry.default()
>>> registry.resolve("Pyongyang").id, registry.resolve("South Korea’s").id
('kp', 'kr')
>>> [(text[s.start:s.end], a.id) for text in ["Seoul says the JCS added"]
...  for s, a in registry.find_all(text)]
[('Seoul', 'kr'), ('JCS', 'kr-jcs')]
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import regex

from ._files import read_data_file
from .errors import LexiconError
from .model import Actor, ActorKind, Span
from .text import normalize

__all__ = ["ActorRegistry"]

_FIELDS = frozenset({"id", "name", "kind", "country", "aliases", "parent"})
_POSSESSIVE = ("'s", "’s")


def _key(name: str) -> str:
    """How a name is looked up: plain quotes and spaces, lower case, no "the", no "'s".

    >>> _key("  The  Kremlin’s ")
    'kremlin'
    """
    folded = " ".join(normalize(name).split()).lower()
    for ending in _POSSESSIVE:
        if folded.endswith(ending):
            folded = folded[: -len(ending)]
    if folded.startswith("the "):
        folded = folded[4:]
    return folded


@attrs.frozen(slots=True, eq=False)
class ActorRegistry:
    """Actors by id, and a matcher for every alias; immutable, compare by identity.

    >>> registry = ActorRegistry.default()
    >>> registry.get("kr-jcs").parent
    'kr'
    >>> [a.id for a in registry.lineage(registry.get("kr-jcs"))]
    ['kr-jcs', 'kr']
    """

    actors: Mapping[str, Actor]
    _names: Mapping[str, Actor] = attrs.field(init=False, repr=False)
    _matcher: regex.Pattern[str] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        names: dict[str, Actor] = {}
        written: dict[str, Actor] = {}
        for actor in self.actors.values():
            for name in (actor.name, *actor.aliases):
                if not _is_acronym(name):  # "US" only as written: "us" is a pronoun
                    names[_key(name)] = actor
                plain = " ".join(normalize(name).split())
                written[plain] = actor
                if plain.startswith("The "):
                    written["the " + plain[4:]] = actor
        object.__setattr__(self, "_names", names)
        object.__setattr__(self, "_written", written)
        # Case-sensitive: "US" the country, never "us" the pronoun; longest alias first.
        alternatives = sorted(written, key=len, reverse=True)
        pattern = "|".join(_spaced(name) for name in alternatives) or "(?!)"
        object.__setattr__(
            self, "_matcher", regex.compile(rf"(?<![\w])(?:{pattern})(?:'s)?(?![\w])")
        )

    _written: Mapping[str, Actor] = attrs.field(init=False, repr=False)

    # Building ------------------------------------------------------------------------

    @classmethod
    def default(cls) -> ActorRegistry:
        """The registry shipped with the package, loaded once."""
        return _default_registry()

    @classmethod
    def from_actors(cls, actors: Iterable[Actor]) -> ActorRegistry:
        """A registry of exactly ``actors`` (a later id replaces an earlier one)."""
        return cls({actor.id: actor for actor in actors})

    @classmethod
    def from_file(cls, path: str | Path) -> ActorRegistry:
        """A registry read from a TOML or JSON file laid out like the shipped one."""
        return cls.from_actors(_read_file(Path(path)))

    def extended(self, *sources: str | Path | Mapping[str, Any] | Actor) -> ActorRegistry:
        """A new registry: this one plus actors from files, mappings or Actor objects.

        An actor with an id already present replaces it.

        >>> extra = Actor("wagner", "Wagner Group", ActorKind.ARMED_GROUP, "RU", ("Wagner",))
        >>> ActorRegistry.default().extended(extra).resolve("Wagner").id
        'wagner'
        """
        actors = dict(self.actors)
        for source in sources:
            if isinstance(source, Actor):
                found: list[Actor] = [source]
            elif isinstance(source, Mapping):
                found = _parse({"actor": [source]} if "id" in source else source, "<mapping>", None)
            else:
                found = _read_file(Path(source))
            for actor in found:
                actors[actor.id] = actor
        _check_parents(actors, "<extension>")
        return ActorRegistry(actors)

    # Looking up ----------------------------------------------------------------------

    def resolve(self, name: str) -> Actor | None:
        """The actor with this name or alias (any case but for acronyms; "the" and "'s"
        ignored). Look ids up with :meth:`get`."""
        if not isinstance(name, str):
            return None
        written = " ".join(normalize(name).split())
        for form in (written, written.removesuffix("'s")):
            if _is_acronym(form) and form in self._written:
                return self._written[form]
        return self._names.get(_key(name))

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id."""
        return self.actors.get(actor_id)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Actor):
            return self.actors.get(item.id) == item
        return isinstance(item, str) and item in self.actors

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors.values())

    def __len__(self) -> int:
        return len(self.actors)

    def parent_of(self, actor: Actor) -> Actor | None:
        """The body ``actor`` belongs to, if the registry knows it."""
        return None if actor.parent is None else self.actors.get(actor.parent)

    def lineage(self, actor: Actor) -> tuple[Actor, ...]:
        """``actor``, its parent, its grandparent, ... (stops on a loop)."""
        chain = [actor]
        seen = {actor.id}
        parent = self.parent_of(actor)
        while parent is not None and parent.id not in seen:
            chain.append(parent)
            seen.add(parent.id)
            parent = self.parent_of(parent)
        return tuple(chain)

    def find_all(self, text: str) -> list[tuple[Span, Actor]]:
        """Every mention of a known actor in ``text``, longest name first, in order.

        Offsets refer to ``text`` as given; a possessive "'s" is not part of the span.
        """
        plain = normalize(text)
        found: list[tuple[Span, Actor]] = []
        for match in self._matcher.finditer(plain):
            written = match.group()
            end = match.end()
            if written.endswith("'s") and written not in self._written:
                written, end = written[:-2], end - 2
            actor = self._written.get(" ".join(written.split()))
            if actor is not None:
                found.append((Span(match.start(), end), actor))
        return found


def _is_acronym(name: str) -> bool:
    """Short all-capital names ("US", "UN", "AP", "NIS") that also spell common words.

    >>> _is_acronym("US"), _is_acronym("NATO"), _is_acronym("U.S."), _is_acronym("Seoul")
    (True, True, False, False)
    """
    return 2 <= len(name) <= 4 and name.isalpha() and name.isupper()


def _spaced(name: str) -> str:
    """An alias as a pattern: its words with any run of white space between them."""
    return r"\s+".join(regex.escape(word) for word in normalize(name).split())


def _read_file(path: Path) -> list[Actor]:
    data, text = read_data_file(path)
    actors = _parse(data, str(path), text)
    _check_parents({a.id: a for a in actors}, str(path), text, allow_outside=True)
    return actors


def _line_of(text: str | None, needle: str) -> int | None:
    if text is None:
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return None


def _parse(data: Any, source: str, text: str | None) -> list[Actor]:
    """Actors from parsed data: ``{"actor": [{...}, ...]}``; each entry validated."""
    if not isinstance(data, Mapping) or set(data) - {"actor"}:
        raise LexiconError(source, 1, "expected only a list of [[actor]] tables")
    entries = data.get("actor", [])
    if not isinstance(entries, list):
        raise LexiconError(source, _line_of(text, "actor"), "'actor' must be a list of tables")
    actors: list[Actor] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        where = f"actor #{index}"
        if not isinstance(entry, Mapping):
            raise LexiconError(source, None, f"{where}: expected a table")
        line = _line_of(text, f'"{entry.get("id")}"') if "id" in entry else None
        unknown = set(entry) - _FIELDS
        if unknown:
            raise LexiconError(source, line, f"{where}: unknown field(s) {sorted(unknown)}")
        for required in ("id", "name"):
            if not isinstance(entry.get(required), str) or not entry[required].strip():
                raise LexiconError(source, line, f"{where}: needs a non-empty '{required}'")
        actor_id = entry["id"]
        if actor_id in seen:
            raise LexiconError(source, line, f"{where}: duplicate id {actor_id!r}")
        seen.add(actor_id)
        try:
            kind = ActorKind(entry.get("kind", "other"))
        except ValueError:
            known = ", ".join(k.value for k in ActorKind)
            raise LexiconError(
                source, line, f"{where} ({actor_id}): unknown kind {entry.get('kind')!r} ({known})"
            ) from None
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            raise LexiconError(source, line, f"{where} ({actor_id}): aliases must be strings")
        for field in ("country", "parent"):
            if entry.get(field) is not None and not isinstance(entry[field], str):
                raise LexiconError(source, line, f"{where} ({actor_id}): {field} must be text")
        actors.append(
            Actor(
                id=actor_id,
                name=entry["name"],
                kind=kind,
                country=entry.get("country"),
                aliases=tuple(aliases),
                parent=entry.get("parent"),
            )
        )
    return actors


def _check_parents(
    actors: Mapping[str, Actor],
    source: str,
    text: str | None = None,
    *,
    allow_outside: bool = False,
) -> None:
    """Every parent must name an actor (in the same file, unless ``allow_outside``)."""
    if allow_outside:
        return
    for actor in actors.values():
        if actor.parent is not None and actor.parent not in actors:
            raise LexiconError(
                source,
                _line_of(text, f'"{actor.id}"'),
                f"actor {actor.id!r}: parent {actor.parent!r} names no actor",
            )


@functools.cache
def _default_registry() -> ActorRegistry:
    resource = resources.files("osint_claims") / "data" / "actors.toml"
    text = resource.read_text(encoding="utf-8")
    name = "osint_claims/data/actors.toml"
    actors = _parse(tomllib.loads(text), name, text)
    registry = ActorRegistry.from_actors(actors)
    _check_parents(registry.actors, name, text)
    return registry
