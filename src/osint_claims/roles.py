"""Roles: whose people or things a figure counts (``subject``) and who did it (``agent``).

A toll's subject is the victims' side, not the attacker named first: "Coalition strikes
killed 40 civilians in Saada" counts Yemen's civilians, killed by the coalition. Weapons
fired, shot down or destroyed belong to their owner ("Ukraine shot down 80 of 100 Russian
drones": subject Russia, agent Ukraine); troops and arms to their sender. The reader looks,
in order of trust, at:

- the counted item's own words: a nationality or a named force ("Russian drones",
  "Palestinian prisoners", "RSF fighters"), "X's 100 drones", "members of X";
- for the agent, the attacker as the text names it: "killed by X", "X strikes killed",
  "in an X attack", the subject of the governing verb ("Gunmen abducted 20 students"),
  "X said it killed";
- for victims named only by what they are, where it happened ("in Saada", through the
  gazetteer and the registry's states) and, past that, the country the article is about;
- for weapons shot down with no owner named, the side that launched the last salvo the
  article counted.

Forces stand for their state ("the IDF" is Israel's side); an armed group stands for itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs
import regex

from ._patterns import alternation
from .actors import ActorRegistry
from .lexicon import Lexicon
from .model import Actor, ActorKind, Quantity, Span

__all__ = ["RoleReader", "Roles"]

# Predicates whose subject is the victims' side.
VICTIMS: Final = frozenset(
    {"killed", "wounded", "casualties", "missing", "captured", "abducted", "released", "displaced"}
)
# Predicates whose subject owns what was fired, stopped or lost.
OWNED: Final = frozenset({"launched", "intercepted", "lost"})
# Predicates of harm to things: their subject is the owner or the place's side.
HARMED: Final = frozenset({"destroyed", "damaged"})
# Predicates whose subject does it: sender, supplier, the side that took ground.
DOERS: Final = frozenset(
    {"sent", "deployed", "supplied", "seized", "aid", "money", "training", "present", "launched"}
)
_SIDES: Final = frozenset({ActorKind.STATE, ActorKind.ARMED_GROUP})
_PARTIES: Final = frozenset(
    {ActorKind.STATE, ActorKind.ARMED_FORCES, ActorKind.ARMED_GROUP, ActorKind.MINISTRY}
)
# How far back from a figure (or its governing verb) its clause's subject may stand.
_AGENT_REACH: Final = 110
_PLACE_REACH: Final = 90
_ITEM_OF_REACH: Final = 40


@attrs.frozen(slots=True)
class Roles:
    """The subject and agent read for one figure."""

    subject: Actor | None
    agent: Actor | None


class RoleReader:
    """Reads subjects and agents with one registry and lexicon.

    >>> from osint_claims.quantities import extract_quantities
    >>> reader = RoleReader()
    >>> text = "Ukraine shot down 80 of 100 Russian drones."
    >>> found = extract_quantities(text)
    >>> mentions = reader.registry.find_all(text)
    >>> roles = reader.read(text, found[0], "intercepted", mentions=mentions,
    ...                     owner_hint=found[1])
    >>> roles.subject.id, roles.agent.id
    ('ru', 'ua')
    """

    def __init__(
        self, *, registry: ActorRegistry | None = None, lexicon: Lexicon | None = None
    ) -> None:
        self.registry = ActorRegistry.default() if registry is None else registry
        self.lexicon = Lexicon.default() if lexicon is None else lexicon
        words = self.lexicon.table("speakers", "heads")
        armed = [w for w in words.get("armed_group", ()) if " " not in w]
        forces = [w for w in words.get("armed_forces", ()) if " " not in w]
        attack_nouns = [
            *self.lexicon.table("events", "predicates").get("launched", {}).get("nouns", ()),
            "forces", "troops", "fighters", "militants", "rebels", "soldiers", "army",
            "military", "gunmen", "jihadists", "insurgents", "drones", "drone", "missiles",
            "missile", "rockets", "rocket", "artillery", "fire", "gunfire", "bombing",
            "bombings", "offensive", "assault", "ambush", "incursion", "operation",
            "operations", "shells", "bombs", "warplanes", "jets", "aircraft", "navy",
            "police", "paramilitaries", "militia", "militias",
        ]
        self.attack_after = regex.compile(
            rf"(?i)^(?:'s)?[\s-]+(?:[a-z-]+\s+){{0,2}}?(?:{alternation(attack_nouns)})\b"
        )
        self.by = regex.compile(r"(?i)\b(?:by|from)\s+(?:the\s+|an?\s+)?$")
        self.armed_nouns = frozenset(w.lower() for w in (*armed, *forces))
        self.generic_attackers = regex.compile(
            rf"(?i)\b(?P<who>{alternation(['gunmen', 'bandits', 'militants', 'jihadists', 'insurgents', 'attackers', 'assailants', 'rebels', 'gangs', 'gang members', 'terrorists', 'suicide bombers', 'kidnappers', 'armed men', 'unknown gunmen', 'separatists', 'extremists'])})\b"
        )
        self.locatives = regex.compile(
            r"(?i)\b(?:in|across|near|at|around|outside|inside|on|over|from|into|of)\s+"
            r"(?:the\s+)?(?:[\w'-]+\s+){0,3}$"
        )
        self.combatants = frozenset(
            "soldiers soldier troops servicemen serviceman personnel officers police "
            "policemen guards marines paratroopers commandos reservists conscripts".split()
        )
        self.fighters = frozenset(
            "fighters fighter militants militant insurgents rebels jihadists terrorists "
            "gunmen bandits militiamen paramilitaries attackers assailants separatists "
            "members operatives commanders".split()
        )
        origins = self.lexicon.table("claims", "distribution").get("origin_suffixes", ())
        self.origin_suffixes = tuple(w.lower() for w in origins)
        self.states: dict[str, Actor] = {}
        for actor in self.registry:
            if actor.kind is ActorKind.STATE and actor.country is not None:
                self.states.setdefault(actor.country, actor)

    # Sides -----------------------------------------------------------------------------

    def side(self, actor: Actor | None) -> Actor | None:
        """The state a force or body acts for; an armed group or state is itself.

        >>> RoleReader().side(ActorRegistry.default().get("il-idf")).id
        'il'
        """
        if actor is None or actor.kind in _SIDES:
            return actor
        for link in self.registry.lineage(actor):
            if link.kind in _SIDES:
                return link
        if actor.country is not None and actor.country in self.states:
            return self.states[actor.country]
        return actor

    def state_of(self, country: str | None) -> Actor | None:
        """The registry's state of an ISO code."""
        return None if country is None else self.states.get(country)

    # Reading ---------------------------------------------------------------------------

    def read(
        self,
        text: str,
        quantity: Quantity,
        key: str,
        *,
        mentions: Sequence[tuple[Span, Actor]] = (),
        places: Sequence[tuple[Span, str]] = (),
        floor: int = 0,
        verb_at: int | None = None,
        owner_hint: Quantity | None = None,
        speaker: tuple[Actor, ...] = (),
        recipient: Actor | None = None,
        country: str | None = None,
        launcher: Actor | None = None,
    ) -> Roles:
        """The roles of ``quantity`` (offsets into ``text``, one sentence) read as ``key``.

        ``floor`` is where its clause starts; ``verb_at`` where its governing verb stands;
        ``owner_hint`` the figure it is a part of ("80 of 100 Russian drones");
        ``speaker`` the originators; ``country`` the article's country; ``launcher`` who
        fired the last salvo the article counted.
        """
        own = self._in_item(text, quantity, mentions) or (
            self._in_item(text, owner_hint, mentions) if owner_hint is not None else None
        )
        agent = self._agent(text, quantity, key, mentions, floor, verb_at, speaker)
        agent_side = self.side(agent)
        speakers = {link.id for a in speaker for link in self.registry.lineage(a)} | {
            a.id for a in speaker
        }
        subject: Actor | None = None
        if own is not None:
            subject = self.side(own)
        elif key in VICTIMS or key in HARMED:
            subject = self._victims(
                text, quantity, key, mentions, places, floor, agent_side, country, speakers
            )
            if subject is None and key in HARMED:
                subject = launcher if launcher is not None and launcher != agent_side else None
        elif key in OWNED and key != "launched":
            subject = self._doer(text, quantity, mentions, floor, speakers, recipient)
            if key == "intercepted" or subject is None:
                subject = launcher if launcher is not None else subject
            if subject is not None and subject == agent_side and key == "intercepted":
                subject = None
        else:
            subject = self._doer(text, quantity, mentions, floor, speakers, recipient)
        if key in DOERS and agent is None and subject is not None and key != "present":
            agent = subject
        if key == "intercepted" and agent is None and speaker:
            agent = self.side(speaker[0])
            if agent is not None and agent.kind not in _SIDES:
                agent = None
        if agent is not None and key not in DOERS:
            agent = self.side(agent) if agent.kind is not ActorKind.ARMED_GROUP else agent
        if subject is not None and agent is not None and subject == agent and key in VICTIMS:
            if not (own is not None):
                subject = None
        return Roles(subject, agent)

    def _in_item(
        self, text: str, quantity: Quantity, mentions: Sequence[tuple[Span, Actor]]
    ) -> Actor | None:
        """An actor named in the figure's own phrase ("Russian drones", "RSF fighters"),
        just before it ("Russia's 1,270 troops") or after it ("members of the RSF")."""
        start, end = quantity.span.start, quantity.span.end
        for span, actor in mentions:
            if span.start >= start and span.end <= end and actor.kind in _PARTIES:
                if text[span.end : span.end + 12].lower().startswith(self.origin_suffixes):
                    continue  # "Iranian-made drones" are not Iran's
                return actor
        for span, actor in mentions:
            if span.end <= start and start - span.end <= 4 and actor.kind in _PARTIES:
                if text[span.end : start].startswith("'"):
                    return actor  # "Russia's 1,270 troops"
        after = text[end : end + _ITEM_OF_REACH]
        if quantity.item and regex.match(r"(?i)^\s+of\s+(?:the\s+)?", after):
            for span, actor in mentions:
                if end < span.start <= end + 16 and actor.kind in _PARTIES:
                    return actor
        return None

    def _agent(
        self,
        text: str,
        quantity: Quantity,
        key: str,
        mentions: Sequence[tuple[Span, Actor]],
        floor: int,
        verb_at: int | None,
        speaker: tuple[Actor, ...],
    ) -> Actor | None:
        """Who did it: "by X", "X strikes", "an X attack", the verb's subject."""
        end = quantity.span.end
        window_end = min(len(text), end + _AGENT_REACH)
        for span, actor in mentions:
            if end <= span.start < window_end and actor.kind in _PARTIES:
                if self.by.search(text, max(end, span.start - 12), span.start):
                    return actor
        by = regex.compile(r"(?i)\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?").search(
            text, end, window_end
        )
        if by is not None:
            generic = self.generic_attackers.match(text, by.end())
            if generic is not None:
                return _generic(generic.group("who"))
        start = max(floor, quantity.span.start - _AGENT_REACH)
        anchor = quantity.span.start if verb_at is None else verb_at
        best: Actor | None = None
        for span, actor in mentions:
            if not start <= span.start < anchor or actor.kind not in _PARTIES:
                continue
            if actor in speaker:
                continue
            before = text[max(floor, span.start - 40) : span.start]
            if self.locatives.search(before):
                continue  # "in Gaza", "of Ukraine": a place or an owner, not a doer
            after = text[span.end : span.end + 40]
            if self.attack_after.match(after) or self._subject_of(text, span, anchor):
                best = actor
        if best is not None:
            return best
        generic_match = None
        for found in self.generic_attackers.finditer(text, start, anchor):
            generic_match = found
        if generic_match is not None:
            return _generic(generic_match.group("who"))
        pronoun = regex.search(
            r"(?i)\b(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?:\w+\s+)?$",
            text[max(floor, anchor - 40) : anchor],
        )
        if pronoun is not None and speaker:
            return speaker[0]  # "the army said it killed 40 militants"
        return None

    def _subject_of(self, text: str, span: Span, anchor: int) -> bool:
        """Whether the actor at ``span`` is the subject of the verb before ``anchor``: only
        a few words and no clause mark stand between them."""
        between = text[span.end : anchor]
        if any(mark in between for mark in ",;:\"("):
            return False
        return len(between.split()) <= 5

    def _victims(
        self,
        text: str,
        quantity: Quantity,
        key: str,
        mentions: Sequence[tuple[Span, Actor]],
        places: Sequence[tuple[Span, str]],
        floor: int,
        agent: Actor | None,
        country: str | None,
        speakers: set[str],
    ) -> Actor | None:
        """The victims' side: "X lost 300 soldiers", where it happened, else the article's
        country; fighters named by what they are belong to the group the clause names."""
        item = (quantity.item or "").lower().split()
        head = item[-1] if item else ""
        if key == "casualties" or head in self.combatants:
            loser = self._loser(text, quantity, mentions, floor)
            if loser is not None:
                return self.side(loser)
        if head in self.fighters:
            for span, actor in mentions:
                side = self.side(actor)
                if side is not None and side.kind is ActorKind.ARMED_GROUP and side != agent:
                    return side
            return None
        where = self._where(text, quantity, mentions, places, floor)
        if where is not None and where != agent:
            return where
        home = self.state_of(country)
        if home is not None and home != agent:
            return home
        return where or home

    def _loser(
        self, text: str, quantity: Quantity, mentions: Sequence[tuple[Span, Actor]], floor: int
    ) -> Actor | None:
        """ "Russia has lost 1,270 soldiers": the actor just before "lost"."""
        before = text[max(floor, quantity.span.start - 60) : quantity.span.start]
        lost = regex.search(r"(?i)\b(?:lost|loses|lose|losing)\b", before)
        if lost is None:
            return None
        at = quantity.span.start - len(before) + lost.start()
        for span, actor in reversed(mentions):
            if span.end <= at and at - span.end <= 30 and actor.kind in _PARTIES:
                return actor
        return None

    def _where(
        self,
        text: str,
        quantity: Quantity,
        mentions: Sequence[tuple[Span, Actor]],
        places: Sequence[tuple[Span, str]],
        floor: int,
    ) -> Actor | None:
        """The state of the place named after a locative near the figure ("in Saada")."""
        start = max(floor, quantity.span.start - _PLACE_REACH)
        end = min(len(text), quantity.span.end + _PLACE_REACH)
        best: tuple[int, Actor] | None = None
        candidates: list[tuple[Span, Actor]] = []
        for span, code in places:
            state = self.state_of(code)
            if state is not None:
                candidates.append((span, state))
        for span, actor in mentions:
            if actor.kind is ActorKind.STATE:
                candidates.append((span, actor))
        for span, state in candidates:
            if not start <= span.start < end:
                continue
            before = text[max(0, span.start - 30) : span.start]
            if not self.locatives.search(before):
                continue
            distance = (
                quantity.span.start - span.end
                if span.end <= quantity.span.start
                else span.start - quantity.span.end
            )
            if best is None or distance < best[0]:
                best = (distance, state)
        return None if best is None else best[1]

    def _doer(
        self,
        text: str,
        quantity: Quantity,
        mentions: Sequence[tuple[Span, Actor]],
        floor: int,
        speakers: set[str],
        recipient: Actor | None,
    ) -> Actor | None:
        """The first party named before the figure in its sentence that is not its source
        nor a recipient: the sender, the supplier, the launcher."""
        for span, actor in mentions:
            if span.end > quantity.span.start:
                break
            if actor.id in speakers or actor.kind not in _PARTIES:
                continue
            side = self.side(actor)
            if side is None or side == recipient:
                continue
            before = text[max(0, span.start - 16) : span.start].split()
            if before and before[-1].lower() in ("to", "into", "for", "against", "at", "on"):
                continue
            return side
        return None


def _generic(word: str) -> Actor:
    """An attacker named only by what they are: "gunmen", "bandits"."""
    name = " ".join(word.lower().split())
    return Actor(id=name.replace(" ", "-"), name=name, kind=ActorKind.ARMED_GROUP)
