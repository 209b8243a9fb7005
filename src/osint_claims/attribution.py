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

from ._patterns import GatedPattern, WordGate, alternation
from ._words import Token, is_capitalised, slug, tokens
from .actors import ActorRegistry
from .errors import InvalidInputError, LexiconError
from .lexicon import Lexicon
from .model import Actor, ActorKind, Span
from .places import Gazetteer
from .text import fold as _fold
from .text import normalize

__all__ = ["AttributionContext", "Speaker", "SpeakerReader", "find_speakers"]

# A speaker's noun phrase is at most this many words ("the Office of the UN High
# Commissioner for Human Rights"); an apposition after a name at most this many.
_PHRASE_WORDS: Final = 12
_APPOSITION_WORDS: Final = 24
# An acronym defined in brackets: "(FGE)", "(MoH)", "(SSPDF)".
_ACRONYM: Final = regex.compile(r"[A-Z][A-Za-z]{0,2}[A-Z][A-Z-]{0,8}")
# The rest of a name cut at a comma, closed by the acronym it defines, then a description:
# "Democracy and Human Rights (CEPADHO), a Beni-based NGO".
_NAME_GOES_ON: Final = regex.compile(
    r"((?:[A-Z][\w'-]*|and|of|for|the|on|in|&)(?:\s+(?:[A-Z][\w'-]*|and|of|for|the|on|in|&)){0,8})"
    r"\s*\(([A-Z][A-Za-z]{0,2}[A-Z][A-Z-]{0,8})\)\s*(?:,\s*(.{1,120}))?\Z"
)
# Longer than any name in the registry.
_NAME_REACH: Final = 160
# How many words after a verb tell which way its frame looks.
_LOOK_AHEAD: Final = 24
# A person's name is at most this many words ("Kambale Sivyavugha Mumbere").
_PERSON_WORDS: Final = 4
# Appositions in a row before a verb: "Name, a member of X, a group that ..., said".
_APPOSITIONS: Final = 3
# Lower-case words before a speaker's head noun ("local health officials").
_MODIFIERS: Final = 4
# Words between a speaker and its verb ("the ministry late on Sunday said").
_BETWEEN: Final = 4
# How many actors back "he" or "the ministry" may look.
_MEMORY: Final = 64
# A headline's "X: ..." names a speaker of at most this many words.
_HEADLINE_PREFIX: Final = 6

_GOVERNMENT_KINDS: Final = frozenset(
    {
        ActorKind.MINISTRY,
        ActorKind.GOVERNMENT_BODY,
        ActorKind.ARMED_FORCES,
        ActorKind.INTELLIGENCE_AGENCY,
        ActorKind.LEGISLATURE,
    }
)
_PERSON_KINDS: Final = frozenset(
    {ActorKind.PERSON, ActorKind.OFFICIAL, ActorKind.HEAD_OF_STATE, ActorKind.LEGISLATOR}
)
# Words that join the parts of one capitalised name ("Office of the High Commissioner for
# Human Rights", "Doctors Without Borders", "al-Qaeda in the Arabian Peninsula").
_NAME_JOINERS: Final = frozenset({"of", "for", "the", "and", "&"})
# Particles of personal and place names: "Abu Obeida", "El Fasher", "Ursula von der Leyen".
_PARTICLES: Final = frozenset(
    {"al", "el", "de", "du", "des", "der", "den", "bin", "ibn", "abu", "van", "von", "da", "di"}
)
_DETERMINERS: Final = frozenset({"the", "a", "an", "its", "their", "his", "her", "our"})
_POSTMODIFIER_PREPOSITIONS: Final = frozenset({"at", "in", "for", "from", "of", "with", "on"})
_KIND_VALUES: Final = frozenset(kind.value for kind in ActorKind)
# A name after one of these receives, and is no fellow speaker: "troops to Russia and Seoul
# said".
_RECIPIENT_MARKS: Final = frozenset({"to", "into", "for", "against", "at", "from", "in", "on"})
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
# Words that open an aside between a speaker and its verb: "A military source, speaking
# on condition of anonymity, said"; "Two residents, reached by phone, said".
_ASIDES: Final = frozenset(
    {
        "speaking",
        "reached",
        "asked",
        "interviewed",
        "contacted",
        "writing",
        "quoted",
        "citing",
        "however",
        "meanwhile",
        "also",
        "though",
        "too",
        "in",
        "on",
        "at",
        "via",
        "through",
        "separately",
        "later",
        "earlier",
        "previously",
        "today",
        "yesterday",
    }
)


def _start(token: Token) -> int:
    return token.start


def _between(
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


def _is_age(segment: Sequence[Token]) -> bool:
    """ "41" in "Mohamed Yahya, 41, a trader": a bare age between commas."""
    return len(segment) == 1 and segment[0].text.isdigit() and len(segment[0].text) <= 3


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


@attrs.define(slots=True)
class _Phrase:
    """A speaker's noun phrase: token indexes ``[first, last]`` and what the text adds."""

    first: int
    last: int
    affiliation: tuple[int, int] | None = None  # an apposition or "of/for/at ..." phrase
    before_verb: bool = False  # read back from its verb ("X and Y said")


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
                    if wanted <= set(_name_words(name)):
                        return actor
        if kind is None:
            return None
        return self.last(frozenset({kind}), speakers_first=True)

    def holder(self, role: str, kinds: frozenset[ActorKind]) -> Actor | None:
        """The person named last whose role holds ``role`` ("the governor" after "Governor
        Vyacheslav Gladkov"), else the speaker or actor named last among ``kinds``."""
        wanted = role.lower()
        for actor in reversed(self.named[-_MEMORY:]):
            if actor.kind in _PERSON_KINDS and wanted in (actor.affiliation or "").lower().split():
                return actor
        return self.last(kinds, speakers_first=True)

    def person(self, surname: str) -> Actor | None:
        """The person named last whose name ends with ``surname`` ("Basal" after "Mahmoud
        Basal")."""
        wanted = surname.lower()
        for actor in reversed(self.named[-_MEMORY:]):
            names = actor.name.lower().split()
            if actor.kind in _PERSON_KINDS and len(names) > 1 and wanted in names[1:]:
                return actor  # "Basal", "García" (of "Omar García Harfuch")
        return None


def _name_words(name: str) -> list[str]:
    return [t.lower.removesuffix("'s").rstrip("'") for t in tokens(name) if t.is_word]


class _Words:
    """The compiled speaker lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        table = lexicon.table
        every_verb = (*lexicon.words("speakers", "verbs"), *lexicon.words("speakers", "weak_verbs"))
        self.verbs = regex.compile(rf"(?i)\b{alternation(every_verb)}\b")
        self.inverted = frozenset(_fold(w) for w in lexicon.words("speakers", "inverted"))
        self.weak = frozenset(_fold(w) for w in lexicon.words("speakers", "weak_verbs"))
        self.figure_nouns = frozenset(_fold(w) for w in lexicon.words("speakers", "figure_nouns"))
        markers = lexicon.words("speakers", "markers")
        self.markers = regex.compile(rf"(?i)\b{alternation(markers)}\b")
        self.marker_end = regex.compile(rf"(?i)\b{alternation(markers)}\s+(?:the\s+)?$")
        retro = lexicon.words("speakers", "retrospective")
        self.retrospective = regex.compile(rf"(?i)(?:^|[\s\"'(])({alternation(retro)})\b")
        documents = table("speakers", "documents")
        self.document_nouns = regex.compile(rf"(?i)\b{alternation(documents.get('nouns', ()))}\b")
        self.document_verbs = frozenset(_fold(w) for w in documents.get("verbs", ()))
        document_nouns = documents.get("nouns", ())
        # One pattern finds the verbs, markers and document nouns of a sentence in one pass;
        # markers first ("reported by" before "reported"), then verbs, then nouns.
        # Words that open a time phrase after a speaker ("the ministry on Monday"): when
        # it spoke, never whom it speaks for.
        self.when = frozenset(
            _fold(w).split()[-1]
            for w in (
                *table("dates", "weekdays"),
                *table("dates", "months"),
                *table("dates", "day_words"),
                *table("dates", "weekday_abbreviations"),
            )
        ) | {"week", "weekend", "month", "year", "night", "morning", "afternoon", "evening"}
        # "given by", "reported by" may hold when in between: "given on Monday by"
        by_markers = [m[: -len(" by")] for m in markers if m.endswith(" by")]
        when = alternation(self.when)
        passive = (
            rf"(?:{alternation(by_markers)})"
            rf"(?:\s+(?:(?:late|early)\s+)?(?:on\s+)?(?:{when}))?\s+by"
        )
        other_markers = [m for m in markers if not m.endswith(" by")]
        self.triggers = GatedPattern(
            regex.compile(
                rf"(?i)\b(?:(?P<marker>{alternation(other_markers)}|{passive})"
                rf"|(?P<verb>{alternation(every_verb)})|(?P<noun>{alternation(document_nouns)}))\b"
            ),
            WordGate([*other_markers, *by_markers, *every_verb, *document_nouns], phrases=True),
        )
        folded_nouns = {_fold(w) for w in document_nouns}
        self.verb_nouns = frozenset(_fold(w) for w in every_verb) & folded_nouns
        self.between = frozenset(
            _fold(w)
            for w in (
                *lexicon.words("speakers", "auxiliaries"),
                *lexicon.words("speakers", "time_words"),
            )
            if " " not in w
        )
        self.governments = frozenset(_fold(w) for w in lexicon.words("speakers", "governments"))
        self.pronouns: dict[str, frozenset[ActorKind]] = {
            _fold(word): frozenset(ActorKind(kind) for kind in kinds)
            for word, kinds in table("speakers", "pronouns").items()
        }
        self.heads: dict[str, ActorKind] = {}
        self.document_heads: frozenset[str] = frozenset()
        for kind, words in table("speakers", "heads").items():
            if kind == "document":
                # "the statement added": the speaker of the statement, named before
                self.document_heads = frozenset(_fold(w) for w in words)
                continue
            if kind not in _KIND_VALUES:
                raise LexiconError("<lexicon>", None, f"speakers.heads.{kind}: unknown kind")
            for word in words:
                self.heads.setdefault(_fold(word), ActorKind(kind))
        self.head_length = max((len(h.split()) for h in self.heads), default=1)
        self.refers: dict[str, frozenset[ActorKind]] = {
            _fold(word): frozenset(ActorKind(kind) for kind in kinds)
            for word, kinds in table("speakers", "refers").items()
        }
        self.titles = frozenset(_fold(w).rstrip(".") for w in lexicon.words("speakers", "titles"))
        self.unnamed = frozenset(_fold(w) for w in lexicon.words("speakers", "unnamed"))
        self.hyphen_modifiers = tuple(
            w.lower() for w in lexicon.words("speakers", "hyphen_modifiers")
        )
        self.owner_modifiers = tuple(
            w.lower() for w in lexicon.words("speakers", "owner_modifiers")
        )
        self.common = frozenset(
            (
                *self.heads,
                *(w for h in self.heads for w in h.split()),
                *self.unnamed,
                *(_fold(w) for w in lexicon.words("speakers", "body_modifiers")),
                *(_fold(w) for w in lexicon.words("speakers", "attackers")),
            )
        )
        self.quantifiers = frozenset(
            (
                *(_fold(w) for w in lexicon.numbers("ones")),
                *(_fold(w) for w in lexicon.numbers("tens")),
                *(_fold(w) for w in lexicon.ranges("numbers", "vague_amounts")),
                "several",
                "some",
                "many",
                "few",
                "a few",
                "other",
                "two",
                "three",
            )
        )
        continuations = lexicon.words("speakers", "continuations")
        self.continuations = regex.compile(
            rf"(?i)^[\s\"'(]*{alternation(continuations)}\b" if continuations else "(?!)"
        )
        verbs = {_fold(w) for w in lexicon.words("speakers", "verbs")}
        events: set[str] = set()
        for entry in table("events", "predicates").values():
            for form in ("verbs", "states"):
                events.update(_fold(w) for w in entry.get(form, ()) if " " not in w)
        keep = {*self.heads, *self.pronouns, *self.unnamed, *_NAME_JOINERS}
        self.stops = frozenset(
            word
            for word in (
                *(_fold(w) for w in lexicon.words("items", "stop_words")),
                *verbs,
                *events,
                *self.between,
                "that",
                "who",
                "which",
                "and",
                "or",
                "but",
                "to",
            )
            if word not in keep
        )


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
        self.words = _Words(self.lexicon)
        self._bodies = _BodyIndex(self.registry)

    # Finding frames ------------------------------------------------------------------

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
        found: list[tuple[_Phrase, Span, str]] = []
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
            actors = self._resolve(text, toks, phrase, mentions, context)
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
                (a for s, a in _between(mentions, max(0, end - _NAME_REACH), end) if s.end == end),
                None,
            )
            if actor is None:
                phrase = self._core_before(toks, index - 2)
                if phrase is None or not self._is_named(toks, phrase):
                    continue
                name = [
                    t for t in toks[phrase.first : phrase.last + 1] if t.lower not in _DETERMINERS
                ]
                if len([t for t in name if is_capitalised(t)]) < 2:
                    continue
                resolved = self._resolve(text, toks, phrase, mentions, context)
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
    ) -> Iterable[tuple[_Phrase, Span, str]]:
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
            phrase = self._phrase_before(toks, first - 1)
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
            phrase = self._phrase_after(toks, last + 1)
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

    def _is_object(self, toks: list[Token], phrase: _Phrase, verb: int) -> bool:
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
    ) -> Iterable[tuple[_Phrase, Span, str]]:
        retro = [found.span(1) for found in self.words.retrospective.finditer(text)]
        retro_starts = [start for start, _ in retro]
        for marker in markers:
            index = self._token_after(toks, marker.end())
            if index is None:
                continue
            phrase = self._phrase_after(toks, index)
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
            phrase = None if index is None else self._phrase_after(toks, index)
            if phrase is not None:
                yield phrase, Span(found.start(1), toks[phrase.last].end), "retrospective"

    def _document_frames(
        self,
        text: str,
        toks: list[Token],
        at: dict[int, int],
        nouns: Sequence[regex.Match[str]],
    ) -> Iterable[tuple[_Phrase, Span, str]]:
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
            phrase = self._phrase_before(toks, first - 1, document=True)
            if phrase is None:
                continue
            yield phrase, Span(toks[phrase.first].start, noun.end()), "document"

    def _headline_frames(self, toks: list[Token]) -> Iterable[tuple[_Phrase, Span, str]]:
        """ "General Staff: Russia lost ...", and a speaker after a last colon or dash:
        "... in Belgorod Region – Governor", "US Strikes Kill 58: Huthi-run Ministry"."""
        colon = next((i for i, t in enumerate(toks[: _HEADLINE_PREFIX + 1]) if t.text == ":"), None)
        if colon is not None and colon > 0:
            phrase = self._phrase_before(toks, colon - 1)
            if phrase is not None and phrase.first == 0:
                yield phrase, Span(toks[0].start, toks[colon].end), "headline"
                return
        for index in range(len(toks) - 2, max(0, len(toks) - _HEADLINE_PREFIX - 2), -1):
            if toks[index].text not in (":", "-", "|"):
                continue
            phrase = self._phrase_after(toks, index + 1)
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

    # Reading the speaker's phrase -----------------------------------------------------

    def _phrase_before(
        self, toks: list[Token], index: int, *, document: bool = False
    ) -> _Phrase | None:
        """The speaker's phrase ending at or before ``toks[index]``: past words that say
        when ("on Sunday") and auxiliaries, a bracketed acronym, and an apposition."""
        words = self.words
        skipped = 0
        while index >= 0 and skipped < _BETWEEN and not document:
            lower = toks[index].lower
            if lower in words.pronouns or lower not in words.between:
                break
            index -= 1
            skipped += 1
        if index < 0:
            return None
        token = toks[index]
        if token.lower in words.pronouns and token.lower not in ("we", "i"):
            return _Phrase(index, index)
        if token.text == ")":
            opening = next(
                (i for i in range(index - 1, max(-1, index - 8), -1) if toks[i].text == "("),
                None,
            )
            if opening is None:
                return None
            index = opening - 1
            if index < 0:
                return None
            token = toks[index]
        if (
            token.text == ","
            and index >= 2
            and toks[index - 1].lower in words.between
            and toks[index - 2].text == ","
        ):  # "Research from US universities, however, estimates"
            return self._phrase_before(toks, index - 3)
        if token.text == ",":
            return self._apposition_before(toks, index)
        phrase = self._core_before(toks, index)
        if phrase is not None:
            self._list_before(toks, phrase)
            phrase.before_verb = True
        return phrase

    def _list_before(self, toks: list[Token], phrase: _Phrase) -> None:
        """Widen "Ukraine and Israel" to "South Korea, Ukraine and Israel": names before a
        comma join a list that an "and" closes."""
        inside = toks[phrase.first : phrase.last + 1]
        if not any(t.lower in ("and", "&") for t in inside):
            return
        while phrase.first >= 2 and toks[phrase.first - 1].text == ",":
            earlier = self._core_before(toks, phrase.first - 2)
            if earlier is None or not (self._is_named(toks, earlier) or self._head(toks, earlier)):
                return
            phrase.first = earlier.first

    def _apposition_before(self, toks: list[Token], comma: int) -> _Phrase | None:
        """ "Olena Marchenko, head of the regional administration, said"; "Fatima Abakar, a
        member of the Tawila Emergency Response Room, a volunteer group ..., told"."""
        end = comma
        description_end = comma - 1
        for _ in range(_APPOSITIONS):
            start = end - 1
            while start >= 0 and end - start <= _APPOSITION_WORDS:
                if toks[start].text == ",":
                    break
                if not toks[start].is_word and toks[start].text not in ("(", ")", "-", "&", "/"):
                    return None
                start -= 1
            else:
                return None
            if start < 0 or start + 1 >= end:
                return None
            segment = toks[start + 1 : end]
            if _is_age(segment):  # "Mohamed Yahya, 41, a trader ..., told"
                name = self._core_before(toks, start - 1)
                if name is not None and self._is_named(toks, name):
                    if description_end < comma - 1 or end < comma:
                        name.affiliation = (end + 1, description_end) if end < comma else None
                    return name
                return None
            person = self._titled_person(toks, start + 1, end)
            if person is not None and end == comma and start > 0:
                described = self._core_before(toks, start - 1)
                if described is not None and self._describes_role(toks, described):
                    # "the spokesperson of the operations, Captain Marc Kasereka, confirmed"
                    person.affiliation = (described.first, described.last)
                    return person
            aside = segment[0].lower in _ASIDES or not self._opens_description(toks, start + 1, end)
            name = self._core_before(toks, start - 1)
            if name is not None and (self._is_named(toks, name) or self._head(toks, name)):
                if not aside:
                    name.affiliation = (start + 1, description_end)
                return name
            if aside:
                description_end = start - 1
            end = start
        return None

    def _describes_role(self, toks: list[Token], phrase: _Phrase) -> bool:
        """Whether a phrase names a role a person holds: "the state Commissioner for
        Internal Security", "the spokesperson of the operations"."""
        for token in toks[phrase.first : phrase.last + 1]:
            word = token.lower.rstrip(".")
            if word in self.words.titles or self.words.heads.get(word) in (
                ActorKind.OFFICIAL,
                ActorKind.PERSON,
            ):
                return True
        return False

    def _titled_person(self, toks: list[Token], first: int, end: int) -> _Phrase | None:
        """A segment that is a person's name, with or without a title: "Captain Marc
        Kasereka", "Danladi Yakubu"."""
        segment = toks[first:end]
        if not 1 <= len(segment) <= _PERSON_WORDS + 3:
            return None
        names = [t for t in segment if t.lower.rstrip(".") not in self.words.titles]
        if not names or not 2 <= len(names) <= _PERSON_WORDS:
            return None
        if not all(is_capitalised(t) or t.lower in _PARTICLES for t in segment):
            return None
        if any(t.lower in self.words.common for t in names):
            return None
        return _Phrase(first, end - 1)

    def _opens_description(self, toks: list[Token], first: int, end: int) -> bool:
        """Whether ``toks[first:end]`` describes a speaker: "head of ...", "a spokeswoman
        for ...", "Ukraine's military intelligence chief", "who heads ..."."""
        words = self.words
        lowered = [t.lower for t in toks[first:end]]
        if not lowered:
            return False
        if lowered[0] in ("a", "an", "the", "who", "its", "their", "his", "her", "one", "which"):
            return True
        return any(word.rstrip(".") in words.titles or word in words.heads for word in lowered[:6])

    def _is_named(self, toks: list[Token], phrase: _Phrase) -> bool:
        """Whether the phrase is a proper name: capitalised, and not only a common noun
        capitalised at the start of the sentence ("Residents said")."""
        last = toks[phrase.last]
        if not is_capitalised(last):
            return False
        capitals = [
            t
            for t in toks[phrase.first : phrase.last + 1]
            if is_capitalised(t) and t.lower not in _DETERMINERS
        ]
        if len(capitals) > 1 or phrase.last > 0:
            return True
        return last.lower not in self.words.heads and last.lower not in self.words.unnamed

    def _core_before(self, toks: list[Token], end: int) -> _Phrase | None:
        """The noun phrase that ends at ``toks[end]``, read backwards; None when it has no
        head a speaker can have."""
        words = self.words
        index = end
        lower_words = 0
        while index >= 0 and end - index < _PHRASE_WORDS:
            token = toks[index]
            lower = token.lower
            if token.text == ")" and index < end and index >= 3 and toks[index - 2].text == "(":
                index -= 3  # "The Islamic State (IS) group": an acronym inside the name
                continue
            if not token.is_word:
                break
            if lower in _NAME_JOINERS and index < end and self._joins_name(toks, index):
                index -= 1
                continue
            if lower in _DETERMINERS:
                before = index - 1
                if before > 0 and toks[before].lower in _POSTMODIFIER_PREPOSITIONS:
                    inner = self._core_before(toks, before - 1)
                    if inner is not None and self._takes_postmodifier(toks, inner):
                        inner.affiliation = (before + 1, end)  # "a doctor at the hospital"
                        inner.last = end
                        return inner
                index -= 1
                break
            if lower in _NAME_JOINERS and lower not in _POSTMODIFIER_PREPOSITIONS:
                break
            if lower in _PARTICLES and index < end and is_capitalised(toks[index + 1]):
                index -= 1
                continue
            if lower in _POSTMODIFIER_PREPOSITIONS or (
                lower in words.stops and not (is_capitalised(token) and index != 0)
            ):
                if lower in _POSTMODIFIER_PREPOSITIONS and index < end:
                    inner = self._core_before(toks, index - 1)
                    if inner is not None and self._takes_postmodifier(toks, inner):
                        inner.affiliation = (index + 1, end)
                        inner.last = end
                        return inner
                break
            if not is_capitalised(token) and not lower[0].isdigit():
                lower_words += 1
                if lower_words > _MODIFIERS:
                    break
            index -= 1
        first = index + 1
        while first <= end and toks[first].lower in _NAME_JOINERS - {"the"}:
            first += 1
        if first > end:
            return None
        phrase = _Phrase(first, end)
        return phrase if self._has_head(toks, phrase) else None

    @staticmethod
    def _joins_name(toks: list[Token], index: int) -> bool:
        """Whether the joiner at ``index`` stands inside a capitalised name, read backwards:
        "Office of the High Commissioner", "Doctors for Human Rights"."""
        if index == 0 or (not is_capitalised(toks[index + 1]) and toks[index + 1].lower != "the"):
            return False
        before = toks[index - 1]
        if toks[index].lower == "the":
            return before.lower in ("of", "for", "and")
        return is_capitalised(before) and before.is_word

    def _takes_postmodifier(self, toks: list[Token], phrase: _Phrase) -> bool:
        """ "a doctor at the hospital", "officials in Kherson", "a spokesman for the army",
        "the Ministry of Health in Gaza", "the Humanitarian Research Lab at Yale"."""
        head = self._head(toks, phrase)
        if head is not None and head[1] in (
            ActorKind.OFFICIAL,
            ActorKind.PERSON,
            ActorKind.GOVERNMENT_BODY,
            ActorKind.MINISTRY,
        ):
            return True
        capitals = [t for t in toks[phrase.first : phrase.last + 1] if is_capitalised(t)]
        return head is not None and len(capitals) >= 2

    def _phrase_after(self, toks: list[Token], start: int) -> _Phrase | None:
        """The speaker's phrase that starts at ``toks[start]``: "the health ministry",
        "Amina Diallo, a spokeswoman for the army", "data from the UN"."""
        phrase = self._core_after(toks, start)
        if phrase is None:
            return None
        phrase = self._extend_after(toks, phrase)
        return self._named_holder(toks, phrase) or phrase

    def _named_holder(self, toks: list[Token], phrase: _Phrase) -> _Phrase | None:
        """The person a role phrase goes on to name: "the spokesperson of the operations,
        Captain Marc Kasereka", "the president of the civil society, Kambale Mumbere"."""
        if not self._describes_role(toks, phrase):
            return None
        comma = phrase.last + 1
        if comma < len(toks) and toks[comma].lower in _POSTMODIFIER_PREPOSITIONS:
            # "of the civil society of the Beni-Mbau sector": the role's own words
            while (
                comma < len(toks)
                and comma - phrase.last <= _APPOSITION_WORDS
                and (toks[comma].is_word or toks[comma].text in ("-", "'"))
            ):
                comma += 1
        if comma + 2 >= len(toks) or toks[comma].text != ",":
            return None
        end = comma + 1
        while end < len(toks) and toks[end].is_word and end - comma <= _PERSON_WORDS + 3:
            end += 1
        person = self._titled_person(toks, comma + 1, end)
        if person is None:
            return None
        person.affiliation = (phrase.first, comma - 1)
        return person

    def _core_after(self, toks: list[Token], start: int) -> _Phrase | None:
        """The name or noun phrase at ``toks[start]``, up to where it ends."""
        words = self.words
        index = start
        while index < len(toks) and toks[index].lower in _DETERMINERS:
            index += 1
        first = index
        lower_words = 0
        last = None
        while index < len(toks) and index - first < _PHRASE_WORDS:
            token = toks[index]
            lower = token.lower
            if not token.is_word:
                break
            if lower in _NAME_JOINERS and last is not None:
                following = toks[index + 1] if index + 1 < len(toks) else None
                if following is not None and (
                    is_capitalised(following) or following.lower in _NAME_JOINERS
                ):
                    index += 1
                    continue
                break
            if lower in words.stops and not is_capitalised(token):
                break
            if is_capitalised(token) or lower[0].isdigit():
                last = index
            elif (
                last is not None
                and is_capitalised(toks[last])
                and lower not in words.heads
                and not self._head_at(toks, first, index)
            ):
                break  # "the Ministry of Defence read on television": the name has ended
            else:
                lower_words += 1
                if lower_words > _MODIFIERS + 1:
                    break
                last = index
                if self._head_at(toks, first, index) is not None and not self._continues(
                    toks, index + 1
                ):
                    break
            index += 1
        if last is None:
            return None
        phrase = _Phrase(start, last)
        self._trim_trailing(toks, phrase)
        return phrase if self._has_head(toks, phrase) else None

    def _extend_after(self, toks: list[Token], phrase: _Phrase) -> _Phrase:
        """A phrase with what follows it: a list it opens ("the UN and local
        authorities"), a postmodifier ("a spokeswoman for the army"), an apposition."""
        after = phrase.last + 1
        if after + 1 < len(toks) and toks[after].lower in ("and", "&"):
            other = self._phrase_after(toks, after + 1)
            if other is not None and other.affiliation is None:
                phrase.last = other.last  # "according to the UN and local authorities"
                return phrase
        if after + 1 < len(toks) and toks[after].text == "," and self._lists_on(toks, after):
            other = self._phrase_after(toks, after + 1)
            if other is not None and other.affiliation is None:
                phrase.last = other.last  # "according to U.S., South Korean and Ukrainian"
                return phrase
        tail = (
            self._phrase_after(toks, after + 1)
            if after < len(toks)
            and toks[after].lower in _POSTMODIFIER_PREPOSITIONS
            and (self._takes_postmodifier(toks, phrase) or self._is_document(toks, phrase))
            and not self._says_when(toks, after + 1)
            else None
        )
        if tail is not None:
            if self._is_document(toks, phrase):
                return tail  # "data from the UN", "a statement by the army"
            phrase.affiliation = (after + 1, tail.last)
            phrase.last = tail.last
            return phrase
        if (
            after + 1 < len(toks)
            and toks[after].text == ","
            and self._is_named(toks, phrase)
            and self._opens_description(toks, after + 1, min(len(toks), after + 8))
        ):
            end = after + 1
            while (
                end < len(toks)
                and toks[end].text not in (",", ".", ";", '"')
                and (end - after <= _APPOSITION_WORDS)
            ):
                end += 1
            phrase.affiliation = (after + 1, end - 1)
        return phrase

    def _says_when(self, toks: list[Token], index: int) -> bool:
        """Whether the words at ``index`` say when ("on Monday", "last week"), not who."""
        for token in toks[index : index + 3]:
            if token.lower in self.words.when:
                return True
            if token.lower not in _DETERMINERS and token.lower not in ("last", "this", "late"):
                return False
        return False

    @staticmethod
    def _lists_on(toks: list[Token], comma: int) -> bool:
        """Whether a comma joins names into a list that an "and" closes within a few
        words: "U.S., South Korean and Ukrainian intelligence"."""
        for token in toks[comma + 1 : comma + 8]:
            if token.lower in ("and", "&"):
                return True
            if not token.is_word and token.text != ",":
                return False
            if token.is_word and not is_capitalised(token) and token.lower not in ("the",):
                return False
        return False

    def _is_document(self, toks: list[Token], phrase: _Phrase) -> bool:
        text = " ".join(t.lower for t in toks[phrase.first : phrase.last + 1])
        return self.words.document_nouns.fullmatch(text.split(" ", 1)[-1]) is not None or (
            self.words.document_nouns.fullmatch(toks[phrase.last].lower) is not None
        )

    def _continues(self, toks: list[Token], index: int) -> bool:
        """Whether the word at ``index`` still belongs to a phrase whose head was just read
        ("health ministry officials", "Air Force Command")."""
        if index >= len(toks) or not toks[index].is_word:
            return False
        token = toks[index]
        return token.lower in self.words.heads or is_capitalised(token)

    def _trim_trailing(self, toks: list[Token], phrase: _Phrase) -> None:
        while phrase.last > phrase.first and toks[phrase.last].lower in _NAME_JOINERS:
            phrase.last -= 1

    def _head_at(self, toks: list[Token], first: int, last: int) -> ActorKind | None:
        for size in range(min(self.words.head_length, last - first + 1), 0, -1):
            words = " ".join(t.lower.removesuffix("'s") for t in toks[last - size + 1 : last + 1])
            kind = self.words.heads.get(words)
            if kind is not None:
                return kind
        return None

    def _head(self, toks: list[Token], phrase: _Phrase) -> tuple[int, ActorKind] | None:
        """The head noun's length in words and the kind it makes."""
        for size in range(min(self.words.head_length, phrase.last - phrase.first + 1), 0, -1):
            words = " ".join(
                t.lower.removesuffix("'s").rstrip("'")
                for t in toks[phrase.last - size + 1 : phrase.last + 1]
            )
            kind = self.words.heads.get(words)
            if kind is not None:
                return size, kind
        return None

    def _has_head(self, toks: list[Token], phrase: _Phrase) -> bool:
        last = toks[phrase.last]
        if last.lower in self.words.pronouns or last.lower in self.words.document_heads:
            return True
        if self.words.document_nouns.fullmatch(last.lower) and any(
            is_capitalised(t) for t in toks[phrase.first : phrase.last]
        ):
            return True  # "an AFP tally", "Ukrainian intelligence reports"
        if self._head(toks, phrase) is not None:
            return True
        return is_capitalised(last) and not last.lower[0].isdigit()

    # Resolving -------------------------------------------------------------------------

    def _resolve(
        self,
        text: str,
        toks: list[Token],
        phrase: _Phrase,
        mentions: Sequence[tuple[Span, Actor]],
        context: AttributionContext,
    ) -> tuple[Actor, ...]:
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
            and not _between(mentions, start, end)
        ):
            return context.last_speaker  # "the statement added", "the report said"
        if phrase.before_verb and first > 0 and toks[first - 1].lower in _RECIPIENT_MARKS:
            # "sent troops to Russia and Seoul said": a recipient is no fellow speaker
            cut = [i for i, t in enumerate(name_tokens) if t.lower in ("and", "&")]
            if cut:
                name_tokens = name_tokens[cut[-1] + 1 :]
                while name_tokens and name_tokens[0].lower in _DETERMINERS:
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
        within = _between(mentions, start, end)
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

    def _name_of(self, toks: list[Token], phrase: _Phrase) -> tuple[list[Token], bool, bool]:
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
        while name_tokens and name_tokens[0].lower in _DETERMINERS:
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
        phrase: _Phrase,
        context: AttributionContext,
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
        context: AttributionContext,
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
            while part and part[0].lower in _DETERMINERS:
                part = part[1:]
            if not part:
                return ()
            written = text[part[0].start : part[-1].end]
            known = None
            if shared and number < len(parts) - 1:
                known = self.registry.resolve(f"{written} {shared}")
            known = known or self.registry.resolve(written)
            if known is None:
                inside = _between(mentions, part[0].start, part[-1].end)
                headed = self._head_at(part, 0, len(part) - 1) is not None
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
        return 1 <= len(part) <= _PERSON_WORDS and all(
            is_capitalised(t) and t.lower not in self.words.common for t in part
        )

    def _shared_noun(self, last: list[Token], mentions: Sequence[tuple[Span, Actor]]) -> str:
        """The lower-case words after the last listed name ("intelligence" in "... and
        Ukrainian intelligence reports"), without a document noun."""
        named_end = max(
            (s.end for s, _ in _between(mentions, last[0].start, last[-1].end)) if last else (),
            default=None,
        )
        if named_end is None:
            return ""
        words = [t.lower for t in last if t.start >= named_end and t.is_word]
        while words and self.words.document_nouns.fullmatch(words[-1]):
            words.pop()
        return " ".join(words)

    def _defined(
        self, name: str, acronym: str, description: str | None, context: AttributionContext
    ) -> Actor:
        """The body a name and the acronym it defines stand for, registered or not; the
        acronym is remembered for later mentions."""
        known = self.registry.resolve(acronym) or self.registry.resolve(name)
        if known is None:
            toks = tokens(name)
            head = self._head(toks, _Phrase(0, len(toks) - 1))
            found = _unregistered(
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
        context: AttributionContext,
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
                for _, actor in _between(mentions, start, end)
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

    def _pronoun(self, word: str, context: AttributionContext) -> Actor | None:
        kinds = self.words.pronouns[word]
        return context.last(kinds, speakers_first=True)

    def _resolve_named(
        self,
        text: str,
        name_tokens: list[Token],
        mentions: Sequence[tuple[Span, Actor]],
        context: AttributionContext,
        *,
        affiliation: str | None,
        owner: Actor | None = None,
        definite: bool = False,
        at_start: bool = False,
    ) -> Actor | None:
        """A speaker's name (without its determiner) as an actor, registered or not."""
        start, end = name_tokens[0].start, name_tokens[-1].end
        written = text[start:end]
        head = self._head(name_tokens, _Phrase(0, len(name_tokens) - 1))
        kind = head[1] if head is not None else None
        head_words = (
            [t.lower.removesuffix("'s").rstrip("'") for t in name_tokens[-head[0] :]]
            if head is not None
            else []
        )
        if owner is not None and not mentions:
            # "the Houthi-run health ministry" is the Houthis' side's ministry
            return _unregistered(
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
        return _unregistered(written, named_kind, None, affiliation=affiliation)

    def _affiliated(self, affiliation: str, context: AttributionContext) -> Actor | None:
        """The body an unnamed speaker speaks for, where the text names one: "the army",
        "Sudan's health ministry", "the UN refugee agency" (not a place: "in Kherson")."""
        toks = tokens(normalize(affiliation))
        definite = bool(toks) and toks[0].lower == "the"
        while toks and toks[0].lower in _DETERMINERS:
            toks = toks[1:]
        if not toks:
            return None
        written = affiliation[toks[0].start : toks[-1].end]
        known = self.registry.resolve(written)
        if known is not None:
            return known if known.kind is not ActorKind.STATE else None
        head = self._head(toks, _Phrase(0, len(toks) - 1))
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
                return _unregistered(
                    written, owner.kind, actor.country, parent=owner.id, affiliation=affiliation
                )
            return actor
        rest_words = [t.lower.removesuffix("'s").rstrip("'") for t in rest if t.is_word]
        if kind is None and any(
            is_capitalised(t) and t.lower not in self.words.common for t in rest
        ):
            # "the Saudi Hospital", "Kenya Airways": another name that starts with a state's
            return _unregistered(written, ActorKind.OTHER, actor.country, affiliation=affiliation)
        unnamed = set(rest_words) & self.words.unnamed or set(rest_words) <= _GENERIC_PLURALS
        if actor.kind is ActorKind.STATE:
            body = self._bodies.find(actor.country, rest_words, kind)
            if body is not None:
                return body
            if unnamed or kind is None:
                return actor  # "U.S. officials", "Sudanese authorities", "Ukrainian intelligence"
            return _unregistered(
                written, kind, actor.country, parent=actor.id, affiliation=affiliation
            )
        child = self._bodies.child(actor, rest_words)
        if child is not None:
            return child  # "the U.N. humanitarian office"
        if unnamed or kind is None or kind in (ActorKind.PERSON, ActorKind.OFFICIAL):
            return actor  # "UN officials", "MSF doctors"
        return _unregistered(written, kind, actor.country, parent=actor.id, affiliation=affiliation)

    def _common(
        self,
        written: str,
        head_words: list[str],
        kind: ActorKind,
        context: AttributionContext,
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
            return _unregistered(
                written,
                kind,
                country,
                parent=None if state is None else state.id,
                affiliation=affiliation,
                state=state,
            )
        if affiliation is not None and set(head_words) & words.unnamed:
            written = f"{written} ({affiliation})"
        return _unregistered(written, kind, None, affiliation=affiliation)

    def _person(
        self,
        text: str,
        name_tokens: list[Token],
        mentions: Sequence[tuple[Span, Actor]],
        affiliation: str | None,
        context: AttributionContext,
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
        head = self._head(name_tokens, _Phrase(0, len(name_tokens) - 1))
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
        return _unregistered(
            written,
            ActorKind.OFFICIAL,
            None if parent is None else parent.country,
            parent=None if parent is None else parent.id,
            affiliation=affiliation or role,
        )


def _unregistered(
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
    person = kind in _PERSON_KINDS
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


class _BodyIndex:
    """The registry's bodies by country, found by the words of their names: "the health
    ministry" in a Sudan story, "Ukraine's air force"."""

    def __init__(self, registry: ActorRegistry) -> None:
        self.by_country: dict[str, list[tuple[Actor, list[set[str]]]]] = {}
        self.children: dict[str, list[tuple[Actor, list[set[str]]]]] = {}
        self.states: dict[str, Actor] = {}
        for actor in registry:
            if actor.parent is not None:
                names = [set(_name_words(name)) for name in (actor.name, *actor.aliases)]
                self.children.setdefault(actor.parent, []).append((actor, names))
            if actor.country is None:
                continue
            if actor.kind is ActorKind.STATE:
                self.states.setdefault(actor.country, actor)
                continue
            names = [set(_name_words(name)) for name in (actor.name, *actor.aliases)]
            self.by_country.setdefault(actor.country, []).append((actor, names))

    def state(self, country: str) -> Actor | None:
        return self.states.get(country)

    def child(self, parent: Actor, words: Sequence[str]) -> Actor | None:
        """The body under ``parent`` one of whose names holds every word of ``words``."""
        wanted = {_SYNONYMS.get(word, word) for word in words} - _GENERIC_PLURALS
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
            if actor.kind in _PERSON_KINDS:
                continue
            for words in names:
                if wanted <= {_SYNONYMS.get(w, w) for w in words}:
                    return actor
        return None


_SYNONYMS: Final = {"defense": "defence", "military": "army", "armed": "army"}
# Plural nouns for a body's people, who speak for it: "U.S. officials", "UN staff".
_GENERIC_PLURALS: Final = frozenset(
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
