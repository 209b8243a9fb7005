"""Private: the actors a speaker may be beyond the registry's own names.

:class:`BodyIndex` finds the registry's bodies by the words of their names ("the health
ministry" in a story about Sudan, "the U.N. humanitarian office"); :func:`unregistered`
makes an :class:`~osint_claims.model.Actor` of a speaker the registry does not know.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from ._words import slug, tokens
from .actors import ActorRegistry
from .model import Actor, ActorKind

__all__ = ["GENERIC_PLURALS", "PERSON_KINDS", "BodyIndex", "name_words", "unregistered"]

# Actors who are people: found again by surname or role, never taken for a state's body.
PERSON_KINDS: Final = frozenset(
    {ActorKind.PERSON, ActorKind.OFFICIAL, ActorKind.HEAD_OF_STATE, ActorKind.LEGISLATOR}
)
# Words a text and a registered name may spell apart: "defense ministry", "military" for
# "army".
_SYNONYMS: Final = {"defense": "defence", "military": "army", "armed": "army"}
# Plural nouns for a body's people, who speak for it: "U.S. officials", "UN staff".
GENERIC_PLURALS: Final = frozenset(
    {
        "officials",
        "authorities",
        "government",
        "sources",
        "officers",
        "staff",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "representatives",
        "leaders",
        "leadership",
    }
)


def name_words(name: str) -> list[str]:
    """The lower-case words of a name, without possessives: what a name is matched by."""
    return [t.lower.removesuffix("'s").rstrip("'") for t in tokens(name) if t.is_word]


def unregistered(
    name: str,
    kind: ActorKind,
    country: str | None,
    *,
    parent: str | None = None,
    affiliation: str | None = None,
    state: Actor | None = None,
) -> Actor:
    """An actor the registry does not know, its id a slug of its name (and its country,
    for a body of a state). A body named without its state ("the health ministry") is
    named with it ("Sudan health ministry")."""
    plain = " ".join(name.split())
    for article in ("the ", "The ", "a ", "A ", "an ", "An "):
        if plain.startswith(article):
            plain = plain[len(article) :]
    plain = plain.removesuffix("'s")
    base = slug(plain)
    person = kind in PERSON_KINDS
    # A body named without a capital ("health ministry") takes its country's code first.
    common = not any(char.isupper() for char in plain)
    prefix = (
        f"{country.lower()}-"
        if country and common and not person and not base.startswith(f"{country.lower()}-")
        else ""
    )
    display = plain if state is None else f"{state.name} {plain}"
    return Actor(
        id=prefix + base,
        name=display,
        kind=kind,
        country=country,
        parent=parent,
        affiliation=affiliation,
    )


class BodyIndex:
    """The registry's bodies by country, found by the words of their names: "the health
    ministry" in a Sudan story, "Ukraine's air force"."""

    def __init__(self, registry: ActorRegistry) -> None:
        self.by_country: dict[str, list[tuple[Actor, list[set[str]]]]] = {}
        self.children: dict[str, list[tuple[Actor, list[set[str]]]]] = {}
        self.states: dict[str, Actor] = {}
        for actor in registry:
            if actor.parent is not None:
                names = [set(name_words(name)) for name in (actor.name, *actor.aliases)]
                self.children.setdefault(actor.parent, []).append((actor, names))
            if actor.country is None:
                continue
            if actor.kind is ActorKind.STATE:
                self.states.setdefault(actor.country, actor)
                continue
            names = [set(name_words(name)) for name in (actor.name, *actor.aliases)]
            self.by_country.setdefault(actor.country, []).append((actor, names))

    def state(self, country: str) -> Actor | None:
        """The registered state of ``country`` (an ISO code)."""
        return self.states.get(country)

    def child(self, parent: Actor, words: Sequence[str]) -> Actor | None:
        """The body under ``parent`` one of whose names holds every word of ``words``."""
        wanted = {_SYNONYMS.get(word, word) for word in words} - GENERIC_PLURALS
        if not wanted:
            return None
        for actor, names in self.children.get(parent.id, ()):
            for name in names:
                if wanted <= {_SYNONYMS.get(w, w) for w in name}:
                    return actor
        return None

    def find(
        self, country: str | None, head: Sequence[str], kind: ActorKind | None
    ) -> Actor | None:
        """The body of ``country`` one of whose names holds every word of ``head``."""
        if country is None:
            return None
        wanted = {_SYNONYMS.get(word, word) for word in head} - {"officials", "sources"}
        if not wanted:
            return None
        for actor, names in self.by_country.get(country, ()):
            if actor.kind in PERSON_KINDS:
                continue
            for words in names:
                if wanted <= {_SYNONYMS.get(w, w) for w in words}:
                    return actor
        return None
