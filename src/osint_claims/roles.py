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
The words the reader goes by are the lexicon's ``roles`` tables (``data/en/roles.toml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs
import regex

from ._patterns import alternation
from ._words import unquoted
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
# Speakers that speak for a state: its government, its ministries, its forces.
_STATE_VOICES: Final = frozenset(
    {
        ActorKind.STATE,
        ActorKind.MINISTRY,
        ActorKind.GOVERNMENT_BODY,
        ActorKind.ARMED_FORCES,
        ActorKind.OFFICIAL,
        ActorKind.HEAD_OF_STATE,
    }
)
# Speakers that count their own people: a ministry, a civil body, a local group or official.
_LOCAL_KINDS: Final = frozenset(
    {
        ActorKind.MINISTRY,
        ActorKind.GOVERNMENT_BODY,
        ActorKind.NGO,
        ActorKind.OFFICIAL,
        ActorKind.PERSON,
    }
)
_PARTIES: Final = frozenset(
    {ActorKind.STATE, ActorKind.ARMED_FORCES, ActorKind.ARMED_GROUP, ActorKind.MINISTRY}
)
# How far back from a figure (or its governing verb) its clause's subject may stand.
_AGENT_REACH: Final = 110
# "by" names the doer only right after the figure's phrase: "12 killed by RSF shelling",
# not "villages vacated by Israeli forces" further on.
_BY_REACH: Final = 40
# How far before its verb "its fighters", "it had" may stand.
_OWN_REACH: Final = 90
# "Sudan's paramilitary Rapid Support Forces": a possessor and the party it owns.
_POSSESSED_REACH: Final = 30
_PLACE_REACH: Final = 90
_ITEM_OF_REACH: Final = 40
# How far before a figure a loss verb governs it: "had suffered around 4,000 casualties".
_LOSS_REACH: Final = 40


@attrs.frozen(slots=True)
class Roles:
    """The subject and agent read for one figure; ``owned`` when the figure's own words
    say whose it is ("11,000 North Korean soldiers")."""

    subject: Actor | None
    agent: Actor | None
    owned: bool = False


@attrs.frozen(slots=True)
class _Figure:
    """One figure and what :meth:`RoleReader.read` was told about it, bundled once per call
    and handed to the helpers, so that the reader itself holds no per-figure state.

    ``mentions`` are the actors named in the sentence, without those inside the speaker's
    own words; ``speakers`` the ids of the originators and of the bodies above them;
    ``local`` the country of an originator that counts its own people (see
    :meth:`RoleReader._local`); ``whole`` the subject of the figure this one is a part of;
    ``spoken`` the spans of the speakers' own words.
    """

    text: str
    quantity: Quantity
    key: str
    mentions: tuple[tuple[Span, Actor], ...]
    places: tuple[tuple[Span, str], ...]
    floor: int
    verb_at: int | None
    speaker: tuple[Actor, ...]
    speakers: frozenset[str]
    recipient: Actor | None
    country: str | None
    groups: tuple[Actor, ...]
    frame_end: int | None
    local: str | None
    whole: Actor | None
    spoken: tuple[Span, ...] = ()  # the speakers' own words


def _key(word: str) -> str:
    """How a word set below is keyed: lower case, blanks made single spaces, as the words
    looked up in it are read."""
    return " ".join(word.lower().split())


class RoleReader:
    """Reads subjects and agents with one registry and lexicon.

    Its word lists are the lexicon's ``roles`` tables (``data/en/roles.toml``), with the
    attack nouns of ``events`` and the attackers and modifiers of ``speakers``.

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

        def roles(name: str, key: str = "words") -> tuple[str, ...]:
            return self.lexicon.words("roles", name, key)

        launched = self.lexicon.table("events", "predicates").get("launched", {})
        attack_nouns = alternation((*launched.get("nouns", ()), *roles("attack_nouns")))
        # "in attacks by X", "strikes carried out by X": whoever the attack belongs to.
        self.attacks_by = regex.compile(
            rf"(?i)\b{attack_nouns}\s+(?:(?:carried\s+out|launched|conducted)\s+)?by\s+"
            r"(?:the\s+)?"
        )
        self.attack_after = regex.compile(
            rf"(?i)^(?:'s)?[\s-]+(?:[a-z-]+\s+){{0,2}}?{attack_nouns}\b"
        )
        attackers = self.lexicon.words("speakers", "attackers")
        self.generic_attackers = regex.compile(rf"(?i)\b(?P<who>{alternation(attackers)})\b")
        self.recipient_before = regex.compile(
            rf"(?i)\b{alternation(roles('recipients', 'before'))}\s+(?:the\s+)?$"
        )
        self.before_doer = frozenset(map(_key, roles("recipients", "before_doer")))
        # "in Gaza", "in the north of Gaza", "near the town of Izmail", "in southern
        # Lebanon's": a place follows, or an owner. Under (?i) the name pattern takes any
        # word, so up to four words of any kind may stand between.
        prepositions = alternation(roles("locatives", "prepositions"))
        place_words = alternation(roles("locatives", "place_words"))
        self.locatives = regex.compile(
            rf"(?i)\b{prepositions}\s+(?:the\s+)?(?:(?:{place_words}|[A-Z][\w'-]*)\s+){{0,4}}$"
        )
        self.combatants = frozenset(map(_key, roles("combatants")))
        self.fighters = frozenset(map(_key, roles("fighters")))
        self.civilians = frozenset(map(_key, roles("civilians")))
        # The speaker's own side did it: "the army said it killed", "its fighters fired",
        # "our air defences shot down".
        self.own_side = regex.compile(
            r"(?i)(?:\b(?:it|they|we)\s+(?:had\s+|has\s+|have\s+|also\s+)*(?:\w+\s+)?$|"
            rf"\b(?:its|their|our)\s+(?:[\w-]+\s+){{0,2}}?{alternation(roles('own_side'))}\b)"
        )
        self.claimed_deed = regex.compile(
            rf"(?i)\b(?P<verb>{alternation(roles('claimed_deeds'))})\s+"
            # "claimed on Tuesday to have killed", "said late on Monday it had killed"
            r"(?:(?:on|late|early|earlier|later|overnight|\w+day|in|a|its?|their)\s+){0,4}"
            r"(?:to\s+have|it\s+had|it\s+has|they\s+had|they\s+have)\s+(?:\w+\s+){0,2}$"
        )
        self.own_forces = regex.compile(rf"(?i)\b{alternation(roles('own_forces'))}\b")
        loss_verbs = alternation(roles("losses", "verbs"))
        self.loss_verb = regex.compile(rf"(?i)\b{loss_verbs}\b")
        # The loss verb governs the figure, perhaps across a filler: "had suffered around".
        self.loss_before = regex.compile(
            rf"(?i)\b{loss_verbs}(?:\s+{alternation(roles('losses', 'fillers'))})?\s*$"
        )
        self.losing = frozenset(map(_key, roles("losses", "event_words")))
        self.rulers = frozenset(map(_key, roles("rulers")))
        origins = self.lexicon.table("claims", "distribution").get("origin_suffixes", ())
        self.origin_suffixes = tuple(w.lower() for w in origins)
        modifiers = self.lexicon.words("speakers", "hyphen_modifiers")
        owners = set(self.lexicon.words("speakers", "owner_modifiers"))
        self.describing = tuple(
            w.lower() for w in (*modifiers, *self.origin_suffixes) if w not in owners
        )
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
        groups: Sequence[Actor] = (),
        verb: str | None = None,
        frame_end: int | None = None,
        spoken: Sequence[Span] = (),
        countries: frozenset[str] = frozenset(),
        whole_subject: Actor | None = None,
    ) -> Roles:
        """The roles of ``quantity`` (offsets into ``text``, one sentence) read as ``key``.

        ``mentions`` and ``places`` are the actors and places named in the sentence;
        ``floor`` is where its clause starts; ``verb_at`` where its governing verb stands
        and ``verb`` the event word read; ``owner_hint`` the figure it is a part of ("80 of
        100 Russian drones"); ``speaker`` the originators and ``frame_end`` where their
        frame ends ("it" and "its" after it are theirs), ``spoken`` the spans of their own
        words; ``recipient`` who received it; ``country`` the article's country and
        ``countries`` all it is about; ``launcher`` who fired the last salvo the article
        counted; ``groups`` the groups the story named, last last; ``whole_subject`` the
        subject of the whole it is a part of ("of which 300 were killed").
        """
        if spoken:
            # "Iran's health ministry spokesman ... claims": the speaker's words name no party
            mentions = [
                (span, actor) for span, actor in mentions if not _within(spoken, span.start)
            ]
        figure = _Figure(
            text=text,
            quantity=quantity,
            key=key,
            mentions=tuple(mentions),
            places=tuple(places),
            floor=floor,
            verb_at=verb_at,
            speaker=speaker,
            speakers=frozenset(
                {link.id for a in speaker for link in self.registry.lineage(a)}
                | {a.id for a in speaker}
            ),
            recipient=recipient,
            country=country,
            groups=tuple(groups),
            frame_end=frame_end,
            local=self._local(speaker, countries),
            whole=whole_subject,
            spoken=tuple(spoken),
        )
        named_own = self._in_item(figure, quantity)
        own = named_own or (self._in_item(figure, owner_hint) if owner_hint is not None else None)
        losing = (verb is not None and verb.lower() in self.losing) or bool(
            self.loss_before.search(
                text, max(floor, quantity.span.start - _LOSS_REACH), quantity.span.start
            )
        )
        agent = None if losing else self._agent(figure)
        agent_side = self.side(agent)
        subject: Actor | None = None
        if own is not None and key != "seized":
            subject = self.side(own)  # not "seized 130 sq km of Ukrainian territory"
        elif key == "present" and self._civilian(figure):
            # "1,200 residents remained in Pokrovsk": the people of where they are
            subject = self._where(figure) or self.state_of(figure.country)
        elif key in VICTIMS or key in HARMED:
            subject = self._victims(figure, agent_side)
            if subject is None and key in HARMED:
                subject = launcher if launcher is not None and launcher != agent_side else None
        elif key in OWNED and key != "launched":
            subject = self._doer(figure)
            if key == "intercepted" or subject is None:
                subject = launcher if launcher is not None else subject
            if subject is not None and subject == agent_side and key == "intercepted":
                subject = None
        else:
            subject = self._doer(figure)
        if key in DOERS and agent is None and subject is not None and key != "present":
            agent = subject
        if key in DOERS and subject is None and agent is not None and key != "present":
            subject = self.side(agent)  # "the regime carried out 240 airstrikes": its own
        if key in DOERS and key not in ("present", "training") and subject is not None:
            # the sender sends, the launcher launches: "downs 47 of 63 Russian drones"
            # (Russia launched the 63), "North Korea sent 3,000 troops to Russia"
            agent = subject
        if key == "intercepted" and agent is None and speaker:
            agent = self.side(speaker[0])
            if agent is not None and agent.kind not in _SIDES:
                agent = None
        if agent is not None and key not in DOERS:
            agent = self.side(agent) if agent.kind is not ActorKind.ARMED_GROUP else agent
        if (
            own is None
            and key in VICTIMS
            and subject is not None
            and subject == agent
            and not (subject.kind is ActorKind.STATE and self._civilian(figure))
        ):
            subject = None  # a side named only as the doer is not its own victim
        return Roles(subject, agent, owned=named_own is not None)

    @staticmethod
    def _local(speaker: tuple[Actor, ...], countries: frozenset[str]) -> str | None:
        """The country of a speaker that counts its own people (a health ministry, a rescue
        service, a local official or group), where the story is about that country."""
        for actor in speaker[:1]:
            if actor.kind in _LOCAL_KINDS and actor.country in countries:
                return actor.country
        return None

    def _in_item(self, figure: _Figure, quantity: Quantity) -> Actor | None:
        """An actor named in the phrase of ``quantity`` (the figure or the whole it is a
        part of: "Russian drones", "RSF fighters"), just before it ("Russia's 1,270
        troops") or after it ("members of the RSF")."""
        text, mentions = figure.text, figure.mentions
        start, end = quantity.span.start, quantity.span.end
        for span, actor in mentions:
            if span.start >= start and span.end <= end and actor.kind in _PARTIES:
                if text[span.end : span.end + 12].lower().startswith(self.origin_suffixes):
                    continue  # "Iranian-made drones" are not Iran's
                return actor
        for span, actor in mentions:
            if (
                span.end <= start
                and start - span.end <= 4
                and actor.kind in _PARTIES
                and text[span.end : start].startswith("'")
            ):
                return actor  # "Russia's 1,270 troops"
        after = text[end : end + _ITEM_OF_REACH]
        if quantity.item and _OF_AFTER.match(after):
            for span, actor in mentions:
                if end < span.start <= end + 16 and actor.kind in _PARTIES:
                    return actor
        return None

    def _agent(self, figure: _Figure) -> Actor | None:
        """Who did it, by trust: "by X"; the speaker's own side ("the army said it killed",
        "its fighters fired", "claimed to have killed"); a party as the subject of the verb
        ("Gunmen abducted", "Sudan's RSF pounded ..., killing"); an attack named after the
        figure ("killed in an Israeli drone strike"); the junta or regime of the country."""
        text, quantity, speaker = figure.text, figure.quantity, figure.speaker
        end = quantity.span.end
        window_end = min(len(text), end + _AGENT_REACH)
        mentions = [
            (span, actor) for span, actor in figure.mentions if not self._describes(text, span)
        ]
        by = _BY.search(text, end, min(len(text), end + _BY_REACH))
        if by is not None and "," not in text[end : by.start()]:
            # "12 killed by X", "abducted by bandits": by whom the figure's own event was done
            for span, actor in mentions:
                if by.start() < span.start <= by.end() + 2 and actor.kind in _PARTIES:
                    return actor
            generic = self.generic_attackers.match(text, by.end())
            if generic is not None:
                return self._generic(generic.group("who"), figure)
        start = max(figure.floor, quantity.span.start - _AGENT_REACH)
        anchor = quantity.span.start if figure.verb_at is None else figure.verb_at
        before = unquoted(text[max(figure.floor, anchor - _OWN_REACH) : anchor])
        # Where the words that make the deed the speaker's own begin: "it", "its fighters",
        # or just after the frame's own verb ("claimed to have killed").
        own = self.own_side.search(before)
        own_at = None if own is None else own.start()
        if own is None:
            claimed = self.claimed_deed.search(before)
            own_at = None if claimed is None else claimed.end("verb")
        if (
            speaker
            and own_at is not None
            and figure.frame_end is not None
            and figure.frame_end <= anchor - len(before) + own_at + 1
        ):
            return speaker[0]  # "the army said it killed 40", "its fighters fired"
        first: Actor | None = None
        for index, (span, actor) in enumerate(mentions):
            if span.start >= anchor:
                break
            if actor.kind not in _PARTIES or actor in speaker:
                continue
            if self.locatives.search(text[max(0, span.start - 40) : span.start]):
                continue  # "in Gaza", "of Ukraine": a place or an owner, not a doer
            if self.recipient_before.search(text[max(0, span.start - 12) : span.start]):
                continue  # "fired at Israel", "sent to Russia"
            if self._possessor(text, span, mentions[index + 1 :]):
                continue  # "Sudan's paramilitary Rapid Support Forces": the RSF do it
            between = text[span.end : anchor]
            if ";" in between or '"' in between:
                continue
            first = first or actor
        if first is not None:
            return first
        for generic_match in self.generic_attackers.finditer(text, start, anchor):
            if not _within(figure.spoken, generic_match.start()):
                # "gunmen abducted", not "the junta said": a speaker is not the doer
                return self._generic(generic_match.group("who"), figure)
        for span, actor in mentions:
            if not end <= span.start < window_end or actor.kind not in _PARTIES:
                continue
            if self.attack_after.match(text[span.end : span.end + 40]):
                return actor  # "killed in an Israeli drone strike", "the RSF assault"
        for by_attack in self.attacks_by.finditer(text, end):
            for span, actor in mentions:
                if by_attack.end() <= span.start <= by_attack.end() + 2 and actor.kind in _PARTIES:
                    # "..., the vast majority of them in attacks by Russian armed forces"
                    return actor
        if self.own_forces.search(before) is not None:
            side = self.side(speaker[0]) if speaker else None
            if side is not None and side.kind in _SIDES:
                return side  # "the ministry said troops repelled the assault and killed"
            home = self.state_of(figure.country)
            if home is not None:
                return home  # "security forces killed 17 terrorists" in a Pakistan story
        return None

    def _describes(self, text: str, span: Span) -> bool:
        """Whether a name only describes ("the London-based monitor", "Iranian-made")."""
        after = text[span.end : span.end + 16].lower()
        return after.startswith(self.describing)

    @staticmethod
    def _possessor(text: str, span: Span, later: Sequence[tuple[Span, Actor]]) -> bool:
        """Whether a name owns the party named just after it: "Sudan's paramilitary RSF",
        "Israel's military"."""
        if not text[span.end : span.end + 2].startswith("'"):
            return False
        return any(
            other.start - span.end <= _POSSESSED_REACH and actor.kind in _PARTIES
            for other, actor in later[:1]
        )

    def _generic(self, word: str, figure: _Figure) -> Actor:
        """An attacker named only by what they are: "gunmen", "bandits" (or the last armed
        group the story named: "the assailants" after "the ADF"); "the junta" and "the
        regime" are the state's."""
        name = _key(word)
        if name in self.rulers and figure.country is not None:
            state = self.state_of(figure.country)
            if state is not None:
                return state
        for group in reversed(figure.groups):
            if group.kind is ActorKind.ARMED_GROUP:
                return group
        return Actor(id=name.replace(" ", "-"), name=name, kind=ActorKind.ARMED_GROUP)

    def _victims(self, figure: _Figure, agent: Actor | None) -> Actor | None:
        """The victims' side, told from the side of the ``agent``: "X lost 300 soldiers",
        where it happened, else the article's country; fighters named by what they are
        belong to the group the clause names."""
        item = (figure.quantity.item or "").lower().split()
        head = item[-1] if item else ""
        if figure.key == "casualties" or head in self.combatants:
            loser = self._loser(figure)
            if loser is not None:
                return self.side(loser)
        if head in self.combatants:
            own = self._state_speaker(figure)
            if own is not None and own != agent:
                return own  # "Niger's junta says 34 soldiers were killed": its own soldiers
        if head in self.fighters:
            for _, actor in figure.mentions:
                side = self.side(actor)
                if side is not None and side.kind is ActorKind.ARMED_GROUP and side != agent:
                    return side
            for group in reversed(figure.groups):
                if group != agent:
                    return group  # "killed more than 60 terrorists", after "Al-Shabaab"
            return None
        # A state's forces killing in its own land leave the dead its people ("a junta air
        # strike killed 14 villagers in Sagaing"); its soldiers or its tanks they are not.
        own_people = self._civilian(figure)
        where = self._where(figure)
        if where is not None and (where != agent or own_people):
            return where
        if figure.whole is not None:
            return figure.whole  # "of which 300 were killed": the whole's people
        local = self.state_of(figure.local)
        if local is not None and local != agent:
            return local  # "MDA says 85 were lightly hurt": a local body counts its own
        home = self.state_of(figure.country)
        if home is not None and (home != agent or own_people):
            return home
        return None  # every side named did it: none is its own victim

    def _civilian(self, figure: _Figure) -> bool:
        """Whether the figure counts people who bear no arms ("villagers", "children")."""
        item = (figure.quantity.item or "").lower()
        words = item.split()
        return bool(words) and (
            words[-1] in self.civilians or " ".join(words[-2:]) in self.civilians
        )

    def _state_speaker(self, figure: _Figure) -> Actor | None:
        """The state the first speaker speaks for, when it is a state, its government or
        its forces: such a speaker's "soldiers" are its own."""
        for actor in figure.speaker[:1]:
            if actor.kind in _STATE_VOICES:
                side = self.side(actor)
                if side is not None and side.kind is ActorKind.STATE:
                    return side
        return None

    def _loser(self, figure: _Figure) -> Actor | None:
        """ "Russia has lost 1,270 soldiers": the actor just before "lost"."""
        text, quantity, floor = figure.text, figure.quantity, figure.floor
        before = text[max(floor, quantity.span.start - 90) : quantity.span.start]
        lost = self.loss_verb.search(before)
        if lost is None:
            return None
        at = quantity.span.start - len(before) + lost.start()
        for span, actor in figure.mentions:
            if span.start < floor or span.end > at or actor.kind not in _PARTIES:
                continue
            if self.recipient_before.search(text[max(0, span.start - 12) : span.start]):
                continue  # "forces fighting for Russia had suffered"
            if ";" in text[span.end : at]:
                continue
            return actor  # the clause's first party: "North Korean forces ... had suffered"
        return None

    def _where(self, figure: _Figure) -> Actor | None:
        """The state of the place named after a locative near the figure ("in Saada")."""
        text, quantity = figure.text, figure.quantity
        start = max(figure.floor, quantity.span.start - _PLACE_REACH)
        end = min(len(text), quantity.span.end + _PLACE_REACH)
        best: tuple[int, Actor] | None = None
        candidates: list[tuple[Span, Actor]] = []
        for span, code in figure.places:
            state = self.state_of(code)
            if state is not None:
                candidates.append((span, state))
        for span, actor in figure.mentions:
            if actor.kind is ActorKind.STATE and not self.attack_after.match(
                text[span.end : span.end + 40]
            ):
                candidates.append((span, actor))  # not "in a Russian missile strike"
        for span, state in candidates:
            if not start <= span.start < end:
                continue
            if text[span.end : span.end + 2].startswith("'"):
                continue  # "in Russia's war": an owner, not a place
            if _BORDER_BEFORE.search(text, max(0, span.start - 20), span.start) or (
                _BORDER_AFTER.match(text, span.end)
            ):
                continue  # "near the border with Mali", "near the Mali border": a neighbour
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

    def _doer(self, figure: _Figure) -> Actor | None:
        """The first party named before the figure in its sentence that is not its source
        nor a recipient: the sender, the supplier, the launcher."""
        text = figure.text
        for span, actor in figure.mentions:
            if span.end > figure.quantity.span.start:
                break
            if actor.id in figure.speakers or actor.kind not in _PARTIES:
                continue
            side = self.side(actor)
            if side is None or side == figure.recipient:
                continue
            before = text[max(0, span.start - 16) : span.start].split()
            if before and before[-1].lower() in self.before_doer:
                continue
            return side
        return None


# "by gunmen", "by the junta's forces": what follows "by" within a few words.
_BY: Final = regex.compile(r"(?i)\bby\s+(?:the\s+|an?\s+)?(?:[\w'-]+\s+){0,2}?")
_OF_AFTER: Final = regex.compile(r"(?i)^\s+of\s+(?:the\s+)?")


_BORDER_BEFORE: Final = regex.compile(r"(?i)\b(?:border|frontier)\s+with\s+(?:the\s+)?$")
_BORDER_AFTER: Final = regex.compile(r"(?i)\s*(?:'s\s+)?(?:border|frontier)\b")


def _within(spans: Sequence[Span], at: int) -> bool:
    """Whether ``at`` falls inside one of ``spans``."""
    return any(span.start <= at < span.end for span in spans)
