"""Attribution: who says a figure, read from the reporting frame, whoever they are.

News names its sources in a handful of frames: "X said", "said X, a spokeswoman for Y",
"according to X", "X's report showed", "This was reported by X", a headline "X: ..." or
"..., X says". :class:`SpeakerReader` finds those frames in a sentence (tokenise), reads the
speaker's noun phrase around the verb or marker (classify), and resolves it (build):

1. a pronoun or a definite head noun ("he", "the ministry", "the monitor") points back to
   the last fitting actor the article named;
2. the registry resolves a known name, a variant of it ("Sudan's army", "the Ukraine air
   force") or the body of a named state ("Malian defence ministry");
3. anyone else is still an :class:`~osint_claims.model.Actor`, unregistered: its id a slug of
   its name, its kind from its head noun ("network" → NGO, "ministry" → ministry, a titled
   or plain personal name → person), with the affiliation the text gives ("Olena Marchenko,
   head of the regional administration").

A place or actor inside the speaker's description ("the London-based monitor", "Human
Rights Watch Kenya") never is the speaker; a bare "the defence ministry" is the ministry
of the country the article is about. Every word list is in ``data/en/speakers.toml``.

The frames are found here; the speaker's phrase is read by the private
``_speaker_phrases`` and resolved by ``_speaker_names`` (with ``_speaker_bodies``), from
the lexicon compiled in ``_speaker_words``.

>>> [(s.text, s.actors[0].name, s.actors[0].kind.value) for s in find_speakers(
...     "Militia attacks displaced 5,000 people, a medics' network said.")]
[("a medics' network", "medics' network", 'ngo')]
>>> [speaker] = find_speakers(
...     "Olena Marchenko, head of the regional administration, said 12 were hurt.")
>>> speaker.actors[0].name, speaker.actors[0].affiliation
('Olena Marchenko', 'head of the regional administration')
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence
from typing import Final

import attrs
import regex

from ._speaker_bodies import PERSON_KINDS, name_words
from ._speaker_names import NameResolver, mentions_between
from ._speaker_phrases import Phrase, PhraseReader
from ._speaker_words import DETERMINERS, SpeakerWords
from ._words import Token, is_capitalised, tokens
from .actors import ActorRegistry
from .errors import InvalidInputError
from .lexicon import Lexicon
from .model import Actor, ActorKind, Span
from .places import Gazetteer
from .text import fold as _fold
from .text import normalize

__all__ = ["AttributionContext", "Speaker", "SpeakerReader", "find_speakers"]

# An acronym defined in brackets: "(FGE)", "(MoH)", "(SSPDF)".
_ACRONYM: Final = regex.compile(r"[A-Z][A-Za-z]{0,2}[A-Z][A-Z-]{0,8}")
# Longer than any name in the registry.
_NAME_REACH: Final = 160
# How many words after a verb tell which way its frame looks.
_LOOK_AHEAD: Final = 24
# How many actors back "he" or "the ministry" may look.
_MEMORY: Final = 64
# A headline's "X: ..." names a speaker of at most this many words.
_HEADLINE_PREFIX: Final = 6
# A sentence whose subject is the figures just given: "The toll was given on Monday by".
_PASSIVE_SUBJECT: Final = regex.compile(
    r"(?i)^\W*(?:the|this|these|that|those|both)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:[\w-]+\s+){0,4}$"
)
# After "said," these go on with the same speaker: "..., the ministry said, adding that".
_ADDING: Final = frozenset({"adding", "saying", "noting", "warning", "citing", "and", "but"})
# Between a speaker's possessive and its document: "the agency's previous estimation".
_DOCUMENT_MODIFIERS: Final = frozenset(
    {
        "latest",
        "previous",
        "earlier",
        "new",
        "daily",
        "weekly",
        "monthly",
        "preliminary",
        "initial",
        "final",
        "own",
        "official",
        "updated",
        "most",
        "recent",
        "last",
        "first",
        "annual",
        "regular",
    }
)


def _start(token: Token) -> int:
    return token.start


@attrs.frozen(slots=True)
class Speaker:
    """A reporting frame in one sentence: who speaks, where, and how the frame is written.

    ``span`` is the speaker as written; ``frame`` the speaker with its verb or marker.
    ``kind`` is one of ``verb`` ("X said"), ``inverted`` ("said X"), ``marker``
    ("according to X"), ``document`` ("X's report showed"), ``retrospective`` ("This was
    reported by X", which attributes the figures before it) and ``headline`` ("X: ...").
    ``actors`` is empty where a pronoun has nothing to point back to. ``looks`` tells
    which figures the frame attributes: ``ahead`` ("X said that 40 ..."), ``back`` ("40
    ..., X said.") or ``both`` ("40 ..., according to X, and 60 ...").
    """

    span: Span
    frame: Span
    text: str
    actors: tuple[Actor, ...]
    kind: str
    looks: str = "both"


class AttributionContext:
    """What an article has told so far: the actors it named (for "he", "the ministry"),
    the last speaker (for quotations that continue) and the country it is about.

    >>> context = AttributionContext(country="SD")
    >>> context.country
    'SD'
    """

    def __init__(self, country: str | None = None) -> None:
        self.country = country
        self.named: list[Actor] = []
        self.speakers: list[Actor] = []
        self.last_speaker: tuple[Actor, ...] = ()
        self.acronyms: dict[str, Actor] = {}  # "(FGE)" after a name: what "FGE" stands for

    def name(self, actors: Iterable[Actor]) -> None:
        """Remember ``actors`` as named, most recent last."""
        for actor in actors:
            if self.named and self.named[-1] == actor:
                continue
            self.named.append(actor)
        if len(self.named) > 2 * _MEMORY:
            del self.named[:-_MEMORY]

    def spoke(self, actors: tuple[Actor, ...]) -> None:
        """Remember ``actors`` as the last speaker."""
        if not actors:
            return
        self.last_speaker = actors
        self.speakers.extend(actors)
        if len(self.speakers) > 2 * _MEMORY:
            del self.speakers[:-_MEMORY]
        self.name(actors)

    def last(self, kinds: frozenset[ActorKind], *, speakers_first: bool = False) -> Actor | None:
        """The actor named last among ``kinds`` (a speaker first, when asked)."""
        pools = (self.speakers, self.named) if speakers_first else (self.named,)
        for pool in pools:
            for actor in reversed(pool[-_MEMORY:]):
                if actor.kind in kinds:
                    return actor
        return None

    def called(self, head: Sequence[str], kind: ActorKind | None) -> Actor | None:
        """The actor named last whose name holds every word of ``head`` ("the monitor",
        "the network"), else the last of ``kind``."""
        wanted = set(head)
        if wanted:
            for actor in reversed(self.named[-_MEMORY:]):
                for name in (actor.name, *actor.aliases):
                    if wanted <= set(name_words(name)):
                        return actor
        if kind is None:
            return None
        return self.last(frozenset({kind}), speakers_first=True)

    def holder(self, role: str, kinds: frozenset[ActorKind]) -> Actor | None:
        """The person named last whose role holds ``role`` ("the governor" after "Governor
        Vyacheslav Gladkov"), else the speaker or actor named last among ``kinds``."""
        wanted = role.lower()
        for actor in reversed(self.named[-_MEMORY:]):
            if actor.kind in PERSON_KINDS and wanted in (actor.affiliation or "").lower().split():
                return actor
        return self.last(kinds, speakers_first=True)

    def person(self, surname: str) -> Actor | None:
        """The person named last whose name ends with ``surname`` ("Basal" after "Mahmoud
        Basal")."""
        wanted = surname.lower()
        for actor in reversed(self.named[-_MEMORY:]):
            names = actor.name.lower().split()
            if actor.kind in PERSON_KINDS and len(names) > 1 and wanted in names[1:]:
                return actor  # "Basal", "García" (of "Omar García Harfuch")
        return None


class SpeakerReader:
    """Finds and resolves the speakers of sentences with one lexicon and one registry.

    >>> reader = SpeakerReader()
    >>> [(s.kind, s.actors[0].id) for s in reader.read("According to the NIS, 3,000 died.")]
    [('marker', 'kr-nis')]
    """

    def __init__(
        self,
        *,
        registry: ActorRegistry | None = None,
        lexicon: Lexicon | None = None,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        self.registry = ActorRegistry.default() if registry is None else registry
        self.lexicon = Lexicon.default() if lexicon is None else lexicon
        self.gazetteer = Gazetteer.default() if gazetteer is None else gazetteer
        self.words = SpeakerWords(self.lexicon)
        self.phrases = PhraseReader(self.words)
        self.names = NameResolver(self.registry, self.gazetteer, self.words, self.phrases)

    def read(
        self,
        sentence: str,
        *,
        mentions: Sequence[tuple[Span, Actor]] | None = None,
        context: AttributionContext | None = None,
        headline: bool = False,
    ) -> list[Speaker]:
        """The speakers of one sentence, in order, resolved against ``context``.

        ``mentions`` are the registry's finds in ``sentence`` (found again when None);
        ``headline`` reads a leading "X: ..." as a speaker too.
        """
        if not isinstance(sentence, str):
            raise InvalidInputError(
                "SpeakerReader.read", f"expected str, got {type(sentence).__name__}"
            )
        text = normalize(sentence)
        if mentions is None:
            mentions = self.registry.find_all(text)
        context = AttributionContext() if context is None else context
        words = self.words
        verbs: list[regex.Match[str]] = []
        markers: list[regex.Match[str]] = []
        nouns: list[regex.Match[str]] = []
        named = [(span.start, span.end) for span, _ in mentions]
        for found_word in words.triggers.finditer(text):  # one pass for all three kinds
            if any(start <= found_word.start() < end for start, end in named):
                continue  # "the United States", "Reporters Without Borders": a name's word
            if found_word.group("marker"):
                markers.append(found_word)
            elif found_word.group("verb"):
                verbs.append(found_word)
                if _fold(found_word.group()) in words.verb_nouns:
                    nouns.append(found_word)  # "the JCS report said": a verb's form, a noun
            else:
                nouns.append(found_word)
        if not (verbs or markers or nouns or headline):
            return []
        found: list[tuple[Phrase, Span, str]] = []
        toks = tokens(text)
        at = {token.start: index for index, token in enumerate(toks)}
        if verbs:
            found.extend(self._verb_frames(text, toks, at, verbs))
        if markers:
            found.extend(self._marker_frames(text, toks, at, markers))
        if nouns:
            found.extend(self._document_frames(text, toks, at, nouns))
        if headline:
            found.extend(self._headline_frames(toks))
        speakers: list[Speaker] = []
        reach = -1  # where the speakers taken so far end
        self._define_acronyms(text, toks, mentions, context)
        for phrase, frame, kind in sorted(found, key=lambda f: (f[0].first, -f[0].last)):
            first, last = toks[phrase.first].start, toks[phrase.last].end
            if first < reach:
                continue  # one speaker, found by two frames ("according to X, X said")
            actors = self.names.resolve(text, toks, phrase, mentions, context)
            if (
                kind == "headline"
                and phrase.first == phrase.last
                and not any(actor.id in self.registry for actor in actors)
            ):
                continue  # "Beni: 23 killed", "Ituri: ...": a headline's place, not a speaker
            reach = max(reach, last)
            looks = self._looks(toks, frame, kind)
            speakers.append(
                Speaker(Span(first, last), frame, sentence[first:last], actors, kind, looks)
            )
        return sorted(speakers, key=lambda s: s.frame.start)

    def _define_acronyms(
        self,
        text: str,
        toks: list[Token],
        mentions: Sequence[tuple[Span, Actor]],
        context: AttributionContext,
    ) -> None:
        """Remember what "(FGE)" after "the state Attorney General's Office" stands for."""
        for index in range(2, len(toks) - 1):
            acronym = toks[index]
            if toks[index - 1].text != "(" or toks[index + 1].text != ")":
                continue
            if not _ACRONYM.fullmatch(acronym.text) or acronym.text in context.acronyms:
                continue
            end = toks[index - 2].end
            actor = next(
                (
                    a
                    for s, a in mentions_between(mentions, max(0, end - _NAME_REACH), end)
                    if s.end == end
                ),
                None,
            )
            if actor is None:
                phrase = self.phrases.core_before(toks, index - 2)
                if phrase is None or not self.phrases.is_named(toks, phrase):
                    continue
                name = [
                    t for t in toks[phrase.first : phrase.last + 1] if t.lower not in DETERMINERS
                ]
                if len([t for t in name if is_capitalised(t)]) < 2:
                    continue
                resolved = self.names.resolve(text, toks, phrase, mentions, context)
                if not resolved:
                    continue
                actor = resolved[0]
            context.acronyms[acronym.text] = actor

    def _verb_frames(
        self,
        text: str,
        toks: list[Token],
        at: dict[int, int],
        verbs: Sequence[regex.Match[str]],
    ) -> Iterable[tuple[Phrase, Span, str]]:
        words = self.words
        for verb in verbs:
            first = at.get(verb.start())
            if first is None:
                continue
            last = first
            while last + 1 < len(toks) and toks[last + 1].end <= verb.end():
                last += 1
            if _fold(verb.group()) in words.weak and not self._reports(toks, last + 1):
                continue
            phrase = self.phrases.phrase_before(toks, first - 1)
            if phrase is not None:
                if self._is_object(toks, phrase, first):
                    continue
                if self._after_marker(text, toks[phrase.first].start):
                    continue  # "according to Ukrainian intelligence reports": a document
                yield phrase, Span(toks[phrase.first].start, verb.end()), "verb"
                continue
            if _fold(verb.group()) not in words.inverted:
                continue
            before = toks[first - 1].text if first > 0 else ""
            if first > 0 and before not in (",", '"', "'", "-", ":", "(") and before[-1:] != ",":
                continue
            phrase = self.phrases.phrase_after(toks, last + 1)
            if phrase is not None:
                yield phrase, Span(verb.start(), toks[phrase.last].end), "inverted"

    def _after_marker(self, text: str, position: int) -> bool:
        """Whether a marker ("according to", "citing") ends just before ``position``."""
        window = text[max(0, position - 24) : position]
        return self.words.marker_end.search(window) is not None

    def _reports(self, toks: list[Token], index: int) -> bool:
        """Whether a weak verb ("put", "gave", "recorded") reports here: "that" follows it,
        or a figure's noun ("put the death toll at 40", "recorded 40 deaths")."""
        for token in toks[index : index + 4]:
            if token.lower in ("that", "at") or token.lower in self.words.figure_nouns:
                return True
            if token.lower[:1].isdigit():
                return True
        return False

    def _is_object(self, toks: list[Token], phrase: Phrase, verb: int) -> bool:
        """Whether the phrase before a verb is its object, not its subject: "the figures
        reported", "the number of reported deaths"."""
        token = toks[phrase.first - 1] if phrase.first > 0 else None
        return token is not None and token.lower in ("of", "the")

    def _marker_frames(
        self,
        text: str,
        toks: list[Token],
        at: dict[int, int],
        markers: Sequence[regex.Match[str]],
    ) -> Iterable[tuple[Phrase, Span, str]]:
        retro = [found.span(1) for found in self.words.retrospective.finditer(text)]
        retro_starts = [start for start, _ in retro]
        for marker in markers:
            index = self._token_after(toks, marker.end())
            if index is None:
                continue
            phrase = self.phrases.phrase_after(toks, index)
            if phrase is None:
                continue
            before = bisect.bisect_right(retro_starts, marker.start()) - 1
            inside = before >= 0 and marker.start() < retro[before][1]
            kind = "retrospective" if inside else "marker"
            if _PASSIVE_SUBJECT.match(text, 0, marker.start()):
                kind = "retrospective"  # "The toll was given on Monday by the president ..."
            yield phrase, Span(marker.start(), toks[phrase.last].end), kind
        for found in self.words.retrospective.finditer(text):
            index = self._token_after(toks, found.end(1))
            phrase = None if index is None else self.phrases.phrase_after(toks, index)
            if phrase is not None:
                yield phrase, Span(found.start(1), toks[phrase.last].end), "retrospective"

    def _document_frames(
        self,
        text: str,
        toks: list[Token],
        at: dict[int, int],
        nouns: Sequence[regex.Match[str]],
    ) -> Iterable[tuple[Phrase, Span, str]]:
        """ "X's report showed", "the UN report said", "the ministry's latest tally"."""
        for noun in nouns:
            first = at.get(noun.start())
            if first is None or first == 0:
                continue
            after = self._token_after(toks, noun.end())
            verb = toks[after].lower if after is not None else ""
            while first > 1 and toks[first - 1].lower in _DOCUMENT_MODIFIERS:
                first -= 1  # "the agency's previous estimation", "the ministry's latest tally"
            owner = toks[first - 1]
            possessive = owner.lower.endswith(("'s", "s'"))
            if not possessive:
                if verb not in self.words.document_verbs:
                    continue
                if owner.lower in ("latest", "new", "daily", "preliminary", "initial", "final"):
                    first -= 1
            phrase = self.phrases.phrase_before(toks, first - 1, document=True)
            if phrase is None:
                continue
            yield phrase, Span(toks[phrase.first].start, noun.end()), "document"

    def _headline_frames(self, toks: list[Token]) -> Iterable[tuple[Phrase, Span, str]]:
        """ "General Staff: Russia lost ...", and a speaker after a last colon or dash:
        "... in Belgorod Region – Governor", "US Strikes Kill 58: Huthi-run Ministry"."""
        colon = next((i for i, t in enumerate(toks[: _HEADLINE_PREFIX + 1]) if t.text == ":"), None)
        if colon is not None and colon > 0:
            phrase = self.phrases.phrase_before(toks, colon - 1)
            if phrase is not None and phrase.first == 0:
                yield phrase, Span(toks[0].start, toks[colon].end), "headline"
                return
        for index in range(len(toks) - 2, max(0, len(toks) - _HEADLINE_PREFIX - 2), -1):
            if toks[index].text not in (":", "-", "|"):
                continue
            phrase = self.phrases.phrase_after(toks, index + 1)
            if phrase is not None and phrase.last == len(toks) - 1:
                yield phrase, Span(toks[index].start, toks[phrase.last].end), "headline"
            return

    def _looks(self, toks: list[Token], frame: Span, kind: str) -> str:
        """Which way a frame attributes: ahead of it, back before it, or both."""
        if kind in ("inverted", "retrospective"):
            return "back"
        after = self._token_after(toks, frame.end)
        first = self._token_after(toks, frame.start)
        before = toks[: min(first if first is not None else len(toks), 3)]
        before_words = sum(1 for t in before if t.is_word)
        if kind == "headline":
            return "ahead" if before_words == 0 else "back"
        if kind == "marker":
            if before_words <= 1:
                return "ahead"  # "According to X, 40 died"
            if after is None or toks[after].text in (".", ";", '"', "'", ")"):
                return "back"  # "40 died, according to X."
            return "both"
        # "X said 40 ...", "X said on Monday that ...": ahead; "..., X said on Monday.": back
        for token in toks[after : after + _LOOK_AHEAD] if after is not None else ():
            if token.text in (".", ";", "!", "?"):
                return "back"
            if token.text == ",":
                nxt = self._token_after(toks, token.end)
                if nxt is None or toks[nxt].lower in _ADDING:
                    return "back"  # "..., the air force said, adding that ..."
                continue
            if token.lower == "that" or token.text[:1].isdigit() or token.text in ('"', "'"):
                return "ahead"
            if token.lower in self.words.quantifiers:
                return "ahead"
        return "back" if after is None else "both"

    @staticmethod
    def _token_after(toks: list[Token], position: int) -> int | None:
        """The index of the first token that starts at or after ``position``."""
        index = bisect.bisect_left(toks, position, key=_start)
        return index if index < len(toks) else None


@functools.cache
def _default_reader() -> SpeakerReader:
    return SpeakerReader()


def find_speakers(
    sentence: str,
    *,
    registry: ActorRegistry | None = None,
    lexicon: Lexicon | None = None,
    country: str | None = None,
) -> list[Speaker]:
    """The speakers named in one sentence, each resolved to an :class:`Actor`.

    ``country`` is the ISO code of the country the text is about: a bare "the defence
    ministry" is that country's.

    >>> [(s.kind, s.actors[0].id) for s in find_speakers(
    ...     "North Korea sent 3,000 troops, said the JCS.")]
    [('inverted', 'kr-jcs')]
    >>> [s.actors[0].name for s in find_speakers("12 died, the army said.", country="ML")]
    ['Malian Armed Forces']
    >>> [s.actors[0].name for s in find_speakers("12 died, the army said.", country="BI")]
    ['Burundi army']
    """
    reader = (
        _default_reader()
        if registry is None and lexicon is None
        else SpeakerReader(registry=registry, lexicon=lexicon)
    )
    return reader.read(sentence, context=AttributionContext(country=country))
