"""Private: who a speaker's phrase names, registered or not.

:class:`NameResolver` turns a :class:`~osint_claims._speaker_phrases.Phrase` into actors:
a pronoun or a definite head noun points back to what the article named; the registry
resolves a known name, a variant of it or the body of a named state; anyone else becomes an
unregistered actor, with the kind its head noun gives and the affiliation the text gives.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Final, Protocol

import attrs
import regex

from ._speaker_bodies import GENERIC_PLURALS, BodyIndex, unregistered
from ._speaker_phrases import PERSON_WORDS, Phrase, PhraseReader
from ._speaker_words import DETERMINERS, SpeakerWords
from ._words import Token, is_capitalised, tokens
from .actors import ActorRegistry
from .model import Actor, ActorKind, Span
from .places import Gazetteer
from .text import normalize

__all__ = ["ArticleMemory", "NameResolver", "mentions_between"]

# The rest of a name cut at a comma, closed by the acronym it defines, then a description:
# "Democracy and Human Rights (CEPADHO), a Beni-based NGO".
_NAME_GOES_ON: Final = regex.compile(
    r"((?:[A-Z][\w'-]*|and|of|for|the|on|in|&)(?:\s+(?:[A-Z][\w'-]*|and|of|for|the|on|in|&)){0,8})"
    r"\s*\(([A-Z][A-Za-z]{0,2}[A-Z][A-Z-]{0,8})\)\s*(?:,\s*(.{1,120}))?\Z"
)
# A name after one of these receives, and is no fellow speaker: "troops to Russia and Seoul
# said".
_RECIPIENT_MARKS: Final = frozenset({"to", "into", "for", "against", "at", "from", "in", "on"})
# Bodies of a state: a bare "the defence ministry" is the ministry of the article's country.
_GOVERNMENT_KINDS: Final = frozenset(
    {
        ActorKind.MINISTRY,
        ActorKind.GOVERNMENT_BODY,
        ActorKind.ARMED_FORCES,
        ActorKind.INTELLIGENCE_AGENCY,
        ActorKind.LEGISLATURE,
    }
)


class ArticleMemory(Protocol):
    """What resolving a name reads from, and adds to, an article's
    :class:`~osint_claims.attribution.AttributionContext` (described here because that
    module imports this one)."""

    @property
    def country(self) -> str | None: ...

    @property
    def last_speaker(self) -> tuple[Actor, ...]: ...

    @property
    def acronyms(self) -> dict[str, Actor]: ...

    def last(
        self, kinds: frozenset[ActorKind], *, speakers_first: bool = False
    ) -> Actor | None: ...

    def called(self, head: Sequence[str], kind: ActorKind | None) -> Actor | None: ...

    def holder(self, role: str, kinds: frozenset[ActorKind]) -> Actor | None: ...

    def person(self, surname: str) -> Actor | None: ...


def mentions_between(
    mentions: Sequence[tuple[Span, Actor]], start: int, end: int
) -> list[tuple[Span, Actor]]:
    """The mentions (in text order) that lie within ``[start, end)``."""
    low = bisect.bisect_left(mentions, start, key=_mention_start)
    found = []
    for span, actor in mentions[low:]:
        if span.start >= end:
            break
        if span.end <= end:
            found.append((span, actor))
    return found


def _mention_start(mention: tuple[Span, Actor]) -> int:
    return mention[0].start


def _without_brackets(name: list[Token]) -> list[Token]:
    """A name without the acronym bracketed inside it."""
    kept: list[Token] = []
    depth = 0
    for token in name:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        elif not depth:
            kept.append(token)
    return kept or name


class NameResolver:
    """Resolves speakers' phrases against one registry, gazetteer and speaker lexicon."""

    def __init__(
        self,
        registry: ActorRegistry,
        gazetteer: Gazetteer,
        words: SpeakerWords,
        phrases: PhraseReader,
    ) -> None:
        self.registry = registry
        self.gazetteer = gazetteer
        self.words = words
        self.phrases = phrases
        self._bodies = BodyIndex(registry)

    def resolve(
        self,
        text: str,
        toks: list[Token],
        phrase: Phrase,
        mentions: Sequence[tuple[Span, Actor]],
        context: ArticleMemory,
    ) -> tuple[Actor, ...]:
        """The actors a speaker's phrase names, resolved against what the article named
        before; ``()`` where it names none (a pronoun with nothing to point back to, a
        time)."""
        name_tokens, definite, at_start = self._name_of(toks, phrase)
        if not name_tokens:
            return ()
        affiliation = (
            None
            if phrase.affiliation is None
            else text[toks[phrase.affiliation[0]].start : toks[phrase.affiliation[1]].end]
        )
        referred = self._referred(
            text, name_tokens, phrase, context, affiliation=affiliation, definite=definite
        )
        if referred is not None:
            return referred
        words = self.words
        first = phrase.first
        start, end = name_tokens[0].start, name_tokens[-1].end
        written = text[start:end]
        if (
            definite
            and name_tokens[-1].lower in words.document_heads
            and not mentions_between(mentions, start, end)
        ):
            return context.last_speaker  # "the statement added", "the report said"
        if phrase.before_verb and first > 0 and toks[first - 1].lower in _RECIPIENT_MARKS:
            # "sent troops to Russia and Seoul said": a recipient is no fellow speaker
            cut = [i for i, t in enumerate(name_tokens) if t.lower in ("and", "&")]
            if cut:
                name_tokens = name_tokens[cut[-1] + 1 :]
                while name_tokens and name_tokens[0].lower in DETERMINERS:
                    name_tokens = name_tokens[1:]
                if not name_tokens:
                    return ()
                start, end = name_tokens[0].start, name_tokens[-1].end
                written = text[start:end]
        known = self.registry.resolve(written)
        if known is not None:
            return (known,)
        ruler = self._government(name_tokens, mentions, context)
        if ruler is not None:
            return (ruler,)
        joined = self._joint(text, name_tokens, mentions, context)
        if joined:
            return joined
        within = mentions_between(mentions, start, end)
        inside = [(span, actor) for span, actor in within if not self._in_modifier(text, span)]
        owner = self._owner_in_modifier(text, within)
        if owner is not None:
            respelled = self._respelled(text, start, end, within, owner)
            if respelled is not None:
                return (respelled,)
        actor = self._resolve_named(
            text,
            name_tokens,
            inside,
            context,
            affiliation=affiliation,
            owner=owner,
            definite=definite,
            at_start=at_start,
        )
        return (actor,) if actor is not None else ()

    def _name_of(self, toks: list[Token], phrase: Phrase) -> tuple[list[Token], bool, bool]:
        """The words of a speaker's name: without its affiliation, determiners, counts
        ("two officials"), a trailing document noun ("Interior Ministry figures") and
        brackets; whether it was definite ("the ministry") and opens the sentence."""
        words = self.words
        first, last = phrase.first, phrase.last
        if phrase.affiliation is not None and phrase.affiliation[0] > first:
            last = min(last, phrase.affiliation[0] - 2)
            if last < first:
                last = phrase.first
        name_tokens = toks[first : last + 1]
        definite = bool(name_tokens) and name_tokens[0].lower in ("the", "its", "their")
        at_start = first == 0 or (not toks[first - 1].is_word and first == 1)
        while name_tokens and name_tokens[0].lower in DETERMINERS:
            name_tokens = name_tokens[1:]
            at_start = False
        while name_tokens and (
            name_tokens[0].lower[0].isdigit() or name_tokens[0].lower in words.quantifiers
        ):
            name_tokens = name_tokens[1:]
        while len(name_tokens) > 1 and words.document_nouns.fullmatch(name_tokens[-1].lower):
            name_tokens = name_tokens[:-1]  # "Interior Ministry figures", "an AFP tally"
        return _without_brackets(name_tokens), definite, at_start  # "the Islamic State (IS)"

    def _referred(
        self,
        text: str,
        name_tokens: list[Token],
        phrase: Phrase,
        context: ArticleMemory,
        *,
        affiliation: str | None,
        definite: bool,
    ) -> tuple[Actor, ...] | None:
        """The speakers a name refers to by what came before or after it: a name that goes
        on to the acronym it defines, a pronoun, a role ("the governor"), an acronym the
        text defined; ``()`` for a time; None when the name must be resolved itself."""
        words = self.words
        going_on = _NAME_GOES_ON.match(affiliation) if affiliation else None
        if going_on is not None:
            # "The Centre for ... Peace, Democracy and Human Rights (CEPADHO), a Beni-based
            # NGO, says": the name goes on past its comma up to the acronym it defines.
            full = f"{text[name_tokens[0].start : name_tokens[-1].end]}, {going_on.group(1)}"
            return (self._defined(full, going_on.group(2), going_on.group(3), context),)
        if len(name_tokens) == 1 and name_tokens[0].lower in words.pronouns:
            actor = self._pronoun(name_tokens[0].lower, context)
            return () if actor is None else (actor,)
        if all(t.lower in words.when for t in name_tokens if t.is_word):
            return ()  # "since early September has declared": a time, not a speaker
        role = f"the {name_tokens[0].lower}" if len(name_tokens) == 1 and definite else ""
        if role in words.pronouns and phrase.affiliation is None:
            # "the governor said", after "Governor Vyacheslav Gladkov"
            actor = context.holder(name_tokens[0].lower, words.pronouns[role])
            return () if actor is None else (actor,)
        defined = context.acronyms.get(name_tokens[-1].text) if len(name_tokens) <= 2 else None
        if defined is not None and all(
            t.lower in words.common or t is name_tokens[-1] for t in name_tokens
        ):
            return (defined,)  # "FGE", "the AA": as the text defined them
        return None

    def _joint(
        self,
        text: str,
        name_tokens: list[Token],
        mentions: Sequence[tuple[Span, Actor]],
        context: ArticleMemory,
    ) -> tuple[Actor, ...]:
        """ "Seoul and Kyiv", "the UN and local authorities", "U.S., South Korean and
        Ukrainian intelligence": one frame, several speakers. A noun the last one ends with
        is shared where the registry knows the longer name ("U.S. intelligence")."""
        cut = [i for i, t in enumerate(name_tokens) if t.lower in ("and", "&", ",")]
        if not any(name_tokens[i].lower in ("and", "&") for i in cut):
            return ()
        after = name_tokens[-1].end
        if text[after : after + 3].lstrip().startswith("("):
            return ()  # "the Centre for ... Democracy and Human Rights (CEPADHO)": one name
        parts: list[list[Token]] = []
        previous = 0
        for index in cut:
            parts.append(name_tokens[previous:index])
            previous = index + 1
        parts.append(name_tokens[previous:])
        parts = [p for p in parts if p and not (len(p) == 1 and p[0].lower == "and")]
        parts = [p[1:] if p[0].lower in ("and", "&") else p for p in parts]
        shared = self._shared_noun(parts[-1], mentions)
        actors: list[Actor] = []
        for number, listed in enumerate(parts):
            part = listed
            while part and part[0].lower in DETERMINERS:
                part = part[1:]
            if not part:
                return ()
            written = text[part[0].start : part[-1].end]
            known = None
            if shared and number < len(parts) - 1:
                known = self.registry.resolve(f"{written} {shared}")
            known = known or self.registry.resolve(written)
            if known is None:
                inside = mentions_between(mentions, part[0].start, part[-1].end)
                headed = self.phrases.head_at(part, 0, len(part) - 1) is not None
                if not inside and not headed and not self._personal(part):
                    return ()  # "Armed Conflict Location & Event Data Project": one name
                known = self._resolve_named(text, part, inside, context, affiliation=None)
            if known is None:
                return ()
            actors.append(known)
        return tuple(dict.fromkeys(actors))

    def _personal(self, part: list[Token]) -> bool:
        """Whether a list member is a person's name: two to four capitalised words that are
        not common ones."""
        return 1 <= len(part) <= PERSON_WORDS and all(
            is_capitalised(t) and t.lower not in self.words.common for t in part
        )

    def _shared_noun(self, last: list[Token], mentions: Sequence[tuple[Span, Actor]]) -> str:
        """The lower-case words after the last listed name ("intelligence" in "... and
        Ukrainian intelligence reports"), without a document noun."""
        named_end = max(
            (s.end for s, _ in mentions_between(mentions, last[0].start, last[-1].end))
            if last
            else (),
            default=None,
        )
        if named_end is None:
            return ""
        words = [t.lower for t in last if t.start >= named_end and t.is_word]
        while words and self.words.document_nouns.fullmatch(words[-1]):
            words.pop()
        return " ".join(words)

    def _defined(
        self, name: str, acronym: str, description: str | None, context: ArticleMemory
    ) -> Actor:
        """The body a name and the acronym it defines stand for, registered or not; the
        acronym is remembered for later mentions."""
        known = self.registry.resolve(acronym) or self.registry.resolve(name)
        if known is None:
            toks = tokens(name)
            head = self.phrases.head(toks, Phrase(0, len(toks) - 1))
            found = unregistered(
                name,
                head[1] if head is not None else ActorKind.OTHER,
                None,
                affiliation=description,
            )
            known = attrs.evolve(found, aliases=(acronym,))
        context.acronyms.setdefault(acronym, known)
        return known

    def _government(
        self,
        name_tokens: list[Token],
        mentions: Sequence[tuple[Span, Actor]],
        context: ArticleMemory,
    ) -> Actor | None:
        """The state whose government speaks: "Niger's military government", "the Malian
        junta", "the regime" (in a story about its country)."""
        lowered = [t.lower.removesuffix("'s") for t in name_tokens if t.is_word]
        if not any(" ".join(lowered[-size:]) in self.words.governments for size in (1, 2, 3)):
            return None
        start, end = name_tokens[0].start, name_tokens[-1].end
        # "Niger's military" is a registered name too: the state it belongs to is meant
        states = list(
            dict.fromkeys(
                state
                for _, actor in mentions_between(mentions, start, end)
                if actor.kind is not ActorKind.ARMED_GROUP and actor.country is not None
                for state in (self._bodies.state(actor.country),)
                if state is not None
            )
        )
        if len(states) == 1:
            return states[0]
        if states or len(lowered) > 2 or context.country is None:
            return None  # "the Russian and Ukrainian governments", "the Sahel states' juntas"
        return self._bodies.state(context.country)

    def _respelled(
        self,
        text: str,
        start: int,
        end: int,
        within: Sequence[tuple[Span, Actor]],
        owner: Actor,
    ) -> Actor | None:
        """The registered body a name gives with its owner spelled another way: "the
        Huthi-run health ministry" is the registry's "Houthi-run Health Ministry"."""
        span = next(s for s, actor in within if actor == owner)
        for spelling in (owner.name, *owner.aliases):
            known = self.registry.resolve(
                text[start : span.start] + spelling + text[span.end : end]
            )
            if known is not None:
                return known
        return None

    def _owner_in_modifier(self, text: str, mentions: Sequence[tuple[Span, Actor]]) -> Actor | None:
        """The actor that runs a body named with it: "the Houthi-run health ministry",
        "the Hamas-controlled government media office"."""
        for span, actor in mentions:
            after = text[span.end : span.end + 16].lower()
            if after.startswith(self.words.owner_modifiers):
                return actor
        return None

    def _in_modifier(self, text: str, span: Span) -> bool:
        """Whether a name stands in a hyphenated description ("London-based")."""
        after = text[span.end : span.end + 16].lower()
        if after.startswith(self.words.hyphen_modifiers):
            return True
        return after[:1] == "-" and after[1:2].isalpha()

    def _pronoun(self, word: str, context: ArticleMemory) -> Actor | None:
        kinds = self.words.pronouns[word]
        return context.last(kinds, speakers_first=True)

    def _resolve_named(
        self,
        text: str,
        name_tokens: list[Token],
        mentions: Sequence[tuple[Span, Actor]],
        context: ArticleMemory,
        *,
        affiliation: str | None,
        owner: Actor | None = None,
        definite: bool = False,
        at_start: bool = False,
    ) -> Actor | None:
        """A speaker's name (without its determiner) as an actor, registered or not."""
        start, end = name_tokens[0].start, name_tokens[-1].end
        written = text[start:end]
        head = self.phrases.head(name_tokens, Phrase(0, len(name_tokens) - 1))
        kind = head[1] if head is not None else None
        head_words = (
            [t.lower.removesuffix("'s").rstrip("'") for t in name_tokens[-head[0] :]]
            if head is not None
            else []
        )
        if owner is not None and not mentions:
            # "the Houthi-run health ministry" is the Houthis' side's ministry
            return unregistered(
                written,
                kind or ActorKind.OTHER,
                owner.country,
                parent=owner.id,
                affiliation=affiliation,
            )
        person = self._person(text, name_tokens, mentions, affiliation, context)
        if person is not None:
            return person
        if mentions:
            return self._around_mention(
                text,
                name_tokens,
                mentions,
                written=written,
                kind=kind,
                head_words=head_words,
                affiliation=affiliation,
            )
        proper = self._proper(name_tokens, at_start)
        if not proper:
            if head is None or kind is None:
                return None
            return self._common(written, head_words, kind, context, affiliation, definite=definite)
        if len(name_tokens) == 1:
            known = context.person(name_tokens[0].text)
            if known is not None:
                return known  # "Basal said", after "spokesperson Mahmoud Basal"
        if kind is None and self.gazetteer.country_of(written) is not None:
            return None  # a place does not speak ("Beni: 23 killed"); a state does
        if kind is None:
            named_kind = ActorKind.PERSON if len(name_tokens) <= 4 else ActorKind.OTHER
        elif kind in (ActorKind.PERSON, ActorKind.OFFICIAL):
            named_kind = ActorKind.NGO  # "Emergency Lawyers", "Doctors for Peace"
        else:
            named_kind = kind
        return unregistered(written, named_kind, None, affiliation=affiliation)

    def _affiliated(self, affiliation: str, context: ArticleMemory) -> Actor | None:
        """The body an unnamed speaker speaks for, where the text names one: "the army",
        "Sudan's health ministry", "the UN refugee agency" (not a place: "in Kherson")."""
        toks = tokens(normalize(affiliation))
        definite = bool(toks) and toks[0].lower == "the"
        while toks and toks[0].lower in DETERMINERS:
            toks = toks[1:]
        if not toks:
            return None
        written = affiliation[toks[0].start : toks[-1].end]
        known = self.registry.resolve(written)
        if known is not None:
            return known if known.kind is not ActorKind.STATE else None
        head = self.phrases.head(toks, Phrase(0, len(toks) - 1))
        if head is None or head[1] in (ActorKind.PERSON, ActorKind.OFFICIAL):
            return None
        mentions = self.registry.find_all(written)
        if mentions:
            return self._around_mention(
                written,
                toks,
                mentions,
                written=written,
                kind=head[1],
                head_words=[t.lower for t in toks[-head[0] :]],
                affiliation=None,
            )
        head_words = [t.lower.removesuffix("'s").rstrip("'") for t in toks[-head[0] :]]
        if self._proper(toks, at_start=False):
            return None
        return self._common(written, head_words, head[1], context, None, definite=definite)

    def _proper(self, name_tokens: list[Token], at_start: bool) -> bool:
        """Whether a name is a proper one: not only common words capitalised at the start
        of a sentence or in a headline ("Residents said", "Health Ministry says")."""
        words = self.words
        if not any(is_capitalised(t) for t in name_tokens):
            return False
        return not all(
            t.lower.removesuffix("'s").rstrip("'") in words.common for t in name_tokens if t.is_word
        )

    def _around_mention(
        self,
        text: str,
        name_tokens: list[Token],
        mentions: Sequence[tuple[Span, Actor]],
        *,
        written: str,
        kind: ActorKind | None,
        head_words: list[str],
        affiliation: str | None,
    ) -> Actor:
        """A name around a registered one: "Human Rights Watch Kenya", "the Ukraine air
        force", "Sudanese authorities", "the U.N. humanitarian office", "U.S. officials"."""
        span, actor = mentions[-1]
        rest = [t for t in name_tokens if t.start >= span.end]
        if not rest:
            owner = next((a for s, a in mentions if s.end <= span.start), None)
            if (
                actor.kind is ActorKind.STATE
                and owner is not None
                and owner.kind is not (ActorKind.STATE)
            ):
                # "Human Rights Watch Kenya", "UNICEF Yemen": a national branch of a body
                return unregistered(
                    written, owner.kind, actor.country, parent=owner.id, affiliation=affiliation
                )
            return actor
        rest_words = [t.lower.removesuffix("'s").rstrip("'") for t in rest if t.is_word]
        if kind is None and any(
            is_capitalised(t) and t.lower not in self.words.common for t in rest
        ):
            # "the Saudi Hospital", "Kenya Airways": another name that starts with a state's
            return unregistered(written, ActorKind.OTHER, actor.country, affiliation=affiliation)
        unnamed = set(rest_words) & self.words.unnamed or set(rest_words) <= GENERIC_PLURALS
        if actor.kind is ActorKind.STATE:
            body = self._bodies.find(actor.country, rest_words, kind)
            if body is not None:
                return body
            if unnamed or kind is None:
                return actor  # "U.S. officials", "Sudanese authorities", "Ukrainian intelligence"
            return unregistered(
                written, kind, actor.country, parent=actor.id, affiliation=affiliation
            )
        child = self._bodies.child(actor, rest_words)
        if child is not None:
            return child  # "the U.N. humanitarian office"
        if unnamed or kind is None or kind in (ActorKind.PERSON, ActorKind.OFFICIAL):
            return actor  # "UN officials", "MSF doctors"
        return unregistered(written, kind, actor.country, parent=actor.id, affiliation=affiliation)

    def _common(
        self,
        written: str,
        head_words: list[str],
        kind: ActorKind,
        context: ArticleMemory,
        affiliation: str | None,
        *,
        definite: bool,
    ) -> Actor:
        """A speaker named by a common noun: "the ministry" and "the medical group" point
        back; a bare "the defence ministry" is the article's country's; "a medics'
        network" and "residents" are speakers the text does not name."""
        words = self.words
        if affiliation is not None and kind in (ActorKind.PERSON, ActorKind.OFFICIAL):
            body = self._affiliated(affiliation, context)
            if body is not None:
                return body  # "a spokesman for the army": the army speaks
        if definite:
            named = context.called(head_words, None)
            if named is not None and named.kind is not ActorKind.STATE:
                return named
            refers = words.refers.get(head_words[-1])
            if refers:
                earlier = context.last(refers, speakers_first=True)
                if earlier is not None:
                    return earlier
        country = context.country
        if (
            kind in _GOVERNMENT_KINDS
            and country is not None
            and not (set(head_words) & words.unnamed)
        ):
            body = self._bodies.find(country, head_words, kind)
            if body is not None:
                return body
            state = self._bodies.state(country)
            return unregistered(
                written,
                kind,
                country,
                parent=None if state is None else state.id,
                affiliation=affiliation,
                state=state,
            )
        if affiliation is not None and set(head_words) & words.unnamed:
            written = f"{written} ({affiliation})"
        return unregistered(written, kind, None, affiliation=affiliation)

    def _person(
        self,
        text: str,
        name_tokens: list[Token],
        mentions: Sequence[tuple[Span, Actor]],
        affiliation: str | None,
        context: ArticleMemory,
    ) -> Actor | None:
        """A titled name: the name is the capitalised words after the last title."""
        words = self.words
        last_title = -1
        for index, token in enumerate(name_tokens):
            lower = token.lower.rstrip(".")
            if lower in words.titles or (
                index + 1 < len(name_tokens)
                and f"{lower} {name_tokens[index + 1].lower}" in words.titles
            ):
                last_title = index
        if last_title < 0 or last_title == len(name_tokens) - 1:
            return None
        head = self.phrases.head(name_tokens, Phrase(0, len(name_tokens) - 1))
        if (
            head is not None
            and head[0] >= len(name_tokens) - last_title
            and head[1] not in (ActorKind.PERSON, ActorKind.OFFICIAL)
        ):
            return None  # "the General Staff": a body whose name opens with a title's word
        name = name_tokens[last_title + 1 :]
        if not all(is_capitalised(t) for t in name) or len(name) > 4:
            return None
        written = text[name[0].start : name[-1].end]
        known = self.registry.resolve(written)
        if known is not None:
            return known
        if len(name) == 1:
            earlier = context.person(name[0].text)
            if earlier is not None:
                return earlier  # "Lt Gen Chaudhry", after "Lt Gen Ahmed Sharif Chaudhry"
        role = text[name_tokens[0].start : name_tokens[last_title].end]
        parent = None
        for span, actor in mentions:
            if span.end <= name[0].start:
                parent = actor
        return unregistered(
            written,
            ActorKind.OFFICIAL,
            None if parent is None else parent.country,
            parent=None if parent is None else parent.id,
            affiliation=affiliation or role,
        )
