"""Private: which side of a conflict an agent stands for, as topics and comparisons tell
agents apart.

A body stands for what it belongs to: the Israel Defense Forces and Israel's defence
ministry are both Israel's side, whichever a source names as the attacker (one level up
only: the model knows an actor's parent's id, not the parent's own parent). An attacker
the text names only by what it is ("gunmen", "bandits", "militants": the ``attackers`` of
``data/en/speakers.toml``) stands for no side: "gunmen abducted 30 students" and "bandits
kidnapped 30 students" may well tell of one raid.

>>> from osint_claims.lexicon import Lexicon
>>> from osint_claims.model import Actor
>>> idf, hamas = Actor("il-idf", "Israel Defense Forces", parent="il"), Actor("hamas", "Hamas")
>>> sides = Sides.for_lexicon(Lexicon.default())
>>> sides.side(idf), sides.side(Actor("gunmen", "gunmen")), sides.side(None)
('il', None, None)
>>> sides.differ(idf, hamas), sides.differ(idf, Actor("il", "Israel"))
(True, False)
"""

from __future__ import annotations

import weakref
from typing import ClassVar

from .lexicon import Lexicon
from .model import Actor
from .text import fold


class Sides:
    """The sides agents stand for, under one lexicon's words for unnamed attackers."""

    _cache: ClassVar[weakref.WeakKeyDictionary[Lexicon, Sides]] = weakref.WeakKeyDictionary()

    def __init__(self, lexicon: Lexicon) -> None:
        self._descriptions = frozenset(fold(w) for w in lexicon.words("speakers", "attackers"))

    @classmethod
    def for_lexicon(cls, lexicon: Lexicon) -> Sides:
        """The sides of ``lexicon``, built once and shared."""
        found = cls._cache.get(lexicon)
        if found is None:
            found = cls._cache[lexicon] = cls(lexicon)
        return found

    def side(self, agent: Actor | None) -> str | None:
        """The id of the side ``agent`` stands for: its parent's, else its own; ``None``
        for no agent, or one named only by what it is."""
        if agent is None or fold(agent.name) in self._descriptions:
            return None
        return agent.parent if agent.parent is not None else agent.id

    def differ(self, one: Actor | None, other: Actor | None) -> bool:
        """Whether two agents stand for two different sides (never when one stands for none)."""
        first, second = self.side(one), self.side(other)
        return first is not None and second is not None and first != second


def same_party(one: Actor, other: Actor) -> bool:
    """Whether two actors are one party: the same, one the other's body, or two bodies of
    one parent (the air force that shot down, the state whose drones they were not).

    >>> same_party(Actor("ua-air-force", "Air Force", parent="ua"), Actor("ua", "Ukraine"))
    True
    """
    if other.id in (one.id, one.parent) or other.parent == one.id:
        return True
    return one.parent is not None and one.parent == other.parent
