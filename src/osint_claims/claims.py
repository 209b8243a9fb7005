"""Claims: who says what number about whom, for when, citing whom, how sure.

For each sentence that carries claims (see :mod:`osint_claims.articles`) the reader finds
its quantities and, around each one:

- the predicate, from the figure's own clause (:mod:`osint_claims.events`);
- the subject (whose people or things) and the agent (who did it)
  (:mod:`osint_claims.roles`), and the recipient of what was sent;
- the attribution: the outlet, the wires it relays and the originators, read from the
  reporting frame nearest the figure, whoever they are (:mod:`osint_claims.attribution`);
  a sentence without a frame of its own keeps the last speaker only where the text says
  so: a quotation that goes on, "Among them ...", or a later "This was reported by X";
- the hedge, the period (against the publication date) and whether it is a running total;
- structure: parts of a larger figure, figures derived from a share or spread over a list.

>>> claims = extract_claims("North Korea has sent 3,000 troops to Russia, Seoul said.",
...                         published=date(2025, 3, 27))
>>> [(c.quantity.value, c.predicate.key, c.subject.id, c.recipient.id) for c in claims]
[(Decimal('3000'), 'sent', 'kp', 'ru')]
>>> claims[0].attribution.originator.id
'kr'
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Final

import attrs
import regex

from ._patterns import alternation
from ._structure import Structure, in_document
from .actors import ActorRegistry
from .articles import Article, Segment, read_article, split_sentences
from .attribution import AttributionContext, Speaker, SpeakerReader
from .dates import find_periods
from .errors import InvalidInputError
from .events import STRONG, EventReader
from .lexicon import Lexicon
from .model import (
    Actor,
    ActorKind,
    Attribution,
    Claim,
    Evidence,
    Hedge,
    Period,
    Predicate,
    Quantity,
    SegmentKind,
    Span,
)
from .places import Gazetteer
from .quantities import QuantityParser
from .roles import RoleReader
from .text import fold, normalize

__all__ = ["ClaimReader", "extract_claims"]

# How far a hedge word may stand before or after the figure it qualifies.
_HEDGE_REACH_BEFORE: Final = 90
_HEDGE_REACH_AFTER: Final = 40
# Longer than any hedge phrase: a window this much wider than a reach finds every word
# that ends (or starts) within it, so no search runs over the whole sentence.
_PHRASE_MARGIN: Final = 64
_RELAY_KINDS: Final = frozenset({ActorKind.NEWS_AGENCY, ActorKind.MEDIA_OUTLET})
_PARTY_KINDS: Final = frozenset({ActorKind.STATE, ActorKind.ARMED_FORCES, ActorKind.ARMED_GROUP})
# Between a speaker and its verb: "'s", a word or two ("the NIS has", "Seoul on Monday").
_SPEAKER_GAP: Final = regex.compile(r"(?i)(?:'s)?(?:\s+\([^()]{1,20}\))?\s+(?:[a-z]+\s+){0,2}?")
# Actors whose country tells where a story is.
_COUNTRY_KINDS: Final = frozenset(
    {
        ActorKind.STATE,
        ActorKind.ARMED_FORCES,
        ActorKind.ARMED_GROUP,
        ActorKind.MINISTRY,
        ActorKind.GOVERNMENT_BODY,
        ActorKind.HEAD_OF_STATE,
        ActorKind.INTELLIGENCE_AGENCY,
    }
)
# The opening sentences, whose places tell where a story is even without a figure.
_OPENING_SENTENCES: Final = 6
# How far from a figure its subject, agent and place are looked for.
_ROLE_REACH: Final = 320
# How many frames on either side of a figure are weighed for it.
_FRAMES_AROUND: Final = 3
# How many mentions a dateline's country is worth when finding whom an article is about.
_DATELINE_WEIGHT: Final = 2
# The claims a "This was reported by X" reaches back over, at most.
_RETROSPECTIVE_REACH: Final = 60
# Prepositions before "May" that make it the month, not the modal.
_MONTH_BEFORE: Final = regex.compile(
    r"(?i)\b(?:in|on|since|of|until|till|by|from|early|late|mid|last|next|this|through|"
    r"between|and|to|during|before|after|end|start)\s*-?\s*$"
)
_CAPITALISED_RUN: Final = regex.compile(
    r"\b[A-Z][\w'-]*(?:(?:\s+(?:of|for|the|and|de|al|el)\s+|\s+)[A-Z][\w'-]*)+"
)
_QUOTE_MARKS: Final = frozenset('"')
# "in Ukraine", "near Kharkiv": a place, not whose losses a list counts.
_PLACE_BEFORE: Final = regex.compile(
    r"(?i)\b(?:in|at|near|across|on|from|into|inside)\s+(?:the\s+)?$"
)
_WORD: Final = regex.compile(r"[\w'-]+|[,;:]")
# Words that join another clause on after a figure: a hedge past them is that clause's.
_JOINS: Final = frozenset({"and", "but", "while", "as", "which", "who", "after", ",", ";", ":"})
# "a more conservative figure of", "put it at": the figure counts what the one before did.
_RESTATED: Final = regex.compile(
    r"(?i)\b(?:figure|number|estimate|tally|toll|total|count|it)\s+(?:of|at)\s*$"
)
# Between two figures of one group: "300 soldiers had been killed and another 2,700".
_LISTED_AFTER: Final = regex.compile(
    r"(?i)[^,;.:()\"]{0,40}\band\s+(?:another|a\s+further|some|at\s+least|nearly)?\s*"
)
_OF_GAP: Final = regex.compile(r"(?i)\s+of\s+(?:the\s+|a\s+total\s+of\s+)?")
_DIGIT_NEXT: Final = regex.compile(r"\s*,?\s*[0-9]")
# A line of a list that starts with its figure: "23 over the Bryansk Region,".
_STARTS_WITH_FIGURE: Final = regex.compile(
    r"^\W{0,3}(?:[0-9]|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)"
)
_LIST_WORDS: Final = 12
# A line of a list: a label, a dash or colon, then its figures ("tanks – 11,125 (+2)").
_LIST_LINE: Final = regex.compile(r"^\W*(?P<label>[^\d:;\-]{2,60}?)\s*[-:]\s*(?=\S)")


class _Context:
    """What a run of sentences has told so far: the actors and speakers it named (for "he",
    "the ministry"), whose figures it has been about, who fired the last salvo, and whether
    a quotation is still open."""

    def __init__(self, country: str | None) -> None:
        self.attribution = AttributionContext(country=country)
        self.subjects: Counter[str] = Counter()
        self.previous_text = ""
        self.launcher: Actor | None = None
        self.quote_open = False
        self.line = -1
        self.previous_speaker: tuple[Actor, ...] = ()
        self.attacker: Actor | None = None  # the last attacker a toll named
        self.attacker_line = -1
        self.groups: list[Actor] = []  # armed groups named, most recent last
        self.quoted: list[int] = []  # claims carried into an open quotation
        self.listing: _Listing | None = None  # "... losses are as follows:" and its lines
        self.countries: frozenset[str] = frozenset()  # every country the story names


@attrs.frozen(slots=True)
class _Sentence:
    """One sentence and what was found in it before it is read."""

    segment: Segment
    text: str  # normalised
    mentions: list[tuple[Span, Actor]]
    places: list[tuple[Span, str]]
    quantities: list[Quantity]


@attrs.frozen(slots=True)
class _Listing:
    """A sentence that opens a list ("The total combat losses of the Russian army ... are
    as follows:"): the event word its lines count, and whose."""

    word: str
    subject: Actor | None


@attrs.frozen(slots=True)
class _Reading:
    """What the event reader said of one figure."""

    key: str
    strength: int
    word: str | None
    classes: frozenset[str]


@attrs.frozen(slots=True)
class _HedgeMarks:
    """A sentence's hedge words, clause breaks and words, with their starts for bisection;
    ``next_join[i]`` is the first word from ``i`` on that joins a clause ("and", ",")."""

    text: str
    hedges: list[regex.Match[str]]
    hedge_starts: list[int]
    breaks: list[tuple[int, int]]
    break_starts: list[int]
    words: list[tuple[int, int]]
    word_starts: list[int]
    next_join: list[int]


@attrs.define(slots=True)
class _Scene:
    """One sentence being read: its figures, what was read of them, and what is around."""

    article: Article
    read: _Sentence
    headline: bool
    related: bool
    carried: tuple[Actor, ...]  # the speaker a sentence without a frame goes on with
    quantities: list[Quantity]
    view: _SentenceView
    near: _Nearby
    listing: _Listing | None
    readings: list[_Reading]
    fallback: Actor | None  # the story's main subject, for figures nothing else places
    spoken: tuple[Span, ...]  # where the sentence's speakers are named
    by_span: dict[Span, Claim] = attrs.Factory(dict)  # claims read so far, by figure


class ClaimReader:
    """Reads claims with one lexicon and one actor registry; build once, reuse.

    >>> reader = ClaimReader()
    >>> article = read_article("Seoul and Kyiv said 3,000 troops were sent.")
    >>> [a.id for a in reader.read(article)[0].attribution.originators]
    ['kr', 'ua']
    """

    def __init__(
        self,
        *,
        lexicon: Lexicon | None = None,
        registry: ActorRegistry | None = None,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        self.lexicon = Lexicon.default() if lexicon is None else lexicon
        self.registry = ActorRegistry.default() if registry is None else registry
        self.gazetteer = Gazetteer.default() if gazetteer is None else gazetteer
        self.quantities = QuantityParser(self.lexicon)
        self.speakers = SpeakerReader(
            registry=self.registry, lexicon=self.lexicon, gazetteer=self.gazetteer
        )
        self.events = EventReader(self.lexicon)
        self.roles = RoleReader(registry=self.registry, lexicon=self.lexicon)
        self.structure = Structure(self.lexicon, self.registry)
        table = self.lexicon.table
        self.hedge_of: dict[str, Hedge] = {}
        for name, words in table("claims", "hedges").items():
            for word in words:
                self.hedge_of[fold(word)] = Hedge(name)
        self.hedges = regex.compile(rf"(?i)\b{alternation(self.hedge_of)}\b")
        self.months = frozenset(fold(m) for m in self.lexicon.words("not_counts", "months"))
        cumulative = table("claims", "cumulative")
        self.totals = regex.compile(rf"(?i)\b{alternation(cumulative['total'])}\b")
        self.increments = regex.compile(rf"(?i)\b{alternation(cumulative['increment'])}\b")
        # The last sentence's hedge words and clause breaks (see _hedge_marks).
        self._marks: _HedgeMarks | None = None
        self.clause_break = regex.compile(
            r"(?i)[;]|,\s*(?:but|while|whereas|although|though|and\s+the|yet)\b|"
            r"\s(?:but|while|whereas)\s"
        )

    # Documents -------------------------------------------------------------------------

    def read(self, article: Article, *, related: bool = False) -> list[Claim]:
        """Every claim of ``article``, in document order.

        With ``related=True`` the headlines and teasers of related articles listed on the
        page yield claims too, each read on its own (nothing resolves across them), with no
        period and ``evidence.segment`` RELATED.
        """
        sentences = self._sentences(article, related)
        figures = [self.quantities.extract(sentence.text) for sentence in sentences]
        # A related headline is read only for its figures; the story's own sentences all
        # tell who is named and who speaks.
        found = [
            (
                sentence,
                normalize(sentence.text),
                self.registry.find_all(sentence.text)
                if sentence.kind is not SegmentKind.RELATED or figures[index]
                else [],
            )
            for index, sentence in enumerate(sentences)
        ]
        # Places matter around figures and for where a story is: they are looked for in the
        # sentences that hold a digit or a number word, and in the story's opening lines.
        places = [
            self.gazetteer.find_all(sentence.text)
            if index < _OPENING_SENTENCES or figures[index]
            else []
            for index, sentence in enumerate(sentences)
        ]
        context = _Context(self._country(article, found, places))
        context.countries = self._countries_named(found, places)
        lines = [s.span.start for s in article.segments]
        claims: list[Claim] = []
        for (sentence, text, mentions), where, quantities in zip(
            found, places, figures, strict=True
        ):
            read = _Sentence(sentence, text, mentions, where, quantities)
            if sentence.kind is SegmentKind.RELATED:
                # A related article's headline is another story: nothing resolves across it,
                # so one without figures has nothing to give.
                if quantities:
                    claims.extend(self._read_sentence(article, read, _Context(None), []))
                continue
            line = bisect.bisect_right(lines, sentence.span.start) - 1
            if line != context.line:
                context.line = line
                context.quote_open = False
            claims.extend(self._read_sentence(article, read, context, claims))
        return self._headline_speakers(claims)

    def _sentences(self, article: Article, related: bool) -> list[Segment]:
        if not related:
            return list(article.sentences)
        own = list(article.sentences)
        others: list[Segment] = []
        for segment in article.segments:
            if segment.kind is not SegmentKind.RELATED:
                continue
            spans = split_sentences(
                article.text, segment.span.start, segment.span.end, lexicon=self.lexicon
            )
            others.extend(Segment(SegmentKind.RELATED, s, s.slice(article.text)) for s in spans)
        return sorted(own + others, key=lambda s: s.span.start)

    def _country(
        self,
        article: Article,
        found: Sequence[tuple[Segment, str, list[tuple[Span, Actor]]]],
        places: Sequence[list[tuple[Span, str]]],
    ) -> str | None:
        """The country the article is about: the one its dateline, title and sentences
        name most (the title's mentions count thrice, the first sentence's and a dateline
        twice: a wire's dateline is often a regional desk, "DAKAR, Senegal (AP)" over a
        story in Mali), else its outlet's."""
        counts: Counter[str] = Counter()
        dateline = article.dateline
        if dateline is not None and dateline.country is not None:
            counts[dateline.country] += _DATELINE_WEIGHT
        lede = True  # the story's first sentence says where it happens as its title does
        for (sentence, text, mentions), where in zip(found, places, strict=True):
            if sentence.kind is SegmentKind.RELATED:
                continue
            weight = 3 if sentence.kind is SegmentKind.TITLE else 1
            if lede and sentence.kind is SegmentKind.BODY:
                weight, lede = 2, False
            for _, code in where:
                counts[code] += weight
            for span, actor in mentions:
                if actor.kind not in _COUNTRY_KINDS:
                    continue  # a think tank or an outlet abroad says little of where
                if self._speaks(text, span):
                    continue  # who reports a story is not where it happens
                if self.roles.attack_after.match(text[span.end : span.end + 40]) or any(
                    found.end() == span.start
                    for found in self.roles.attacks_by.finditer(
                        text, max(0, span.start - 60), span.start
                    )
                ):
                    continue  # "Israeli strikes", "attacks by Russian forces": who attacks
                side = self.roles.side(actor)
                if side is not None and side.kind is ActorKind.STATE and side.country:
                    counts[side.country] += weight
        if counts:
            return counts.most_common(1)[0][0]
        outlet = article.source.outlet
        return None if outlet is None else outlet.country

    def _countries_named(
        self,
        found: Sequence[tuple[Segment, str, list[tuple[Span, Actor]]]],
        places: Sequence[list[tuple[Span, str]]],
    ) -> frozenset[str]:
        """Every country a story names, as a party or a place."""
        codes: set[str] = set()
        for (sentence, _, mentions), where in zip(found, places, strict=True):
            if sentence.kind is SegmentKind.RELATED:
                continue  # another story's
            codes.update(code for _, code in where)
            for _, actor in mentions:
                if actor.kind in _COUNTRY_KINDS and actor.country:
                    codes.add(actor.country)
        return frozenset(codes)

    def _speaks(self, text: str, span: Span) -> bool:
        """Whether the name at ``span`` is a speaker's: a reporting verb just after it, or
        "according to" just before it."""
        after = text[span.end : span.end + 40]
        verb = _SPEAKER_GAP.match(after)
        if verb is not None and self.speakers.words.verbs.match(after, verb.end()):
            return True
        return (
            self.speakers.words.marker_end.search(text, max(0, span.start - 24), span.start)
            is not None
        )

    # Sentences -------------------------------------------------------------------------

    def _read_sentence(
        self, article: Article, read: _Sentence, context: _Context, earlier: list[Claim]
    ) -> list[Claim]:
        headline = read.segment.kind in (SegmentKind.TITLE, SegmentKind.HEADING)
        speakers, carried, previous_text = self._follow_speakers(
            article, read, context, earlier, headline
        )
        quantities = self._claimable(read.text, read.quantities, speakers)
        if not quantities:
            return []
        scene = self._scene(
            article,
            read,
            context,
            speakers=speakers,
            carried=carried,
            quantities=quantities,
            headline=headline,
        )
        claims: list[Claim] = []
        part_of: Quantity | None = None
        for index, quantity in enumerate(quantities):
            part_of = self.structure.part_of(
                read.text,
                quantities,
                index,
                offset=read.segment.span.start,
                previous_part_of=part_of,
                list_gap=self.events.list_gap,
                breakdown=bool(index)
                and self.events.breakdown(read.text, quantities[index - 1], quantity),
                listed=bool(index)
                and self.events.placed_list(read.text, quantities[index - 1], quantity),
            )
            claim = self._figure_claim(scene, context, index, part_of, claims)
            if not scene.view.speakers and carried and context.quote_open:
                context.quoted.append(len(earlier) + len(claims))
            claims.append(claim)
            if claim.subject is not None:
                scene.by_span.setdefault(claim.quantity.span, claim)
            if claim.predicate.key == "launched" and claim.subject is not None:
                context.launcher = claim.subject
            derived = self.structure.share_of(read.text, quantities, index, claims)
            if derived is not None:
                claims.append(derived)
            else:
                claims[-1:] = self.structure.distribute(claim, read.text, quantity, previous_text)
        context.subjects.update(c.subject.id for c in claims if c.subject is not None)
        return claims

    def _follow_speakers(
        self,
        article: Article,
        read: _Sentence,
        context: _Context,
        earlier: list[Claim],
        headline: bool,
    ) -> tuple[list[Speaker], tuple[Actor, ...], str]:
        """Reads a sentence's speakers and brings the story's context up to date with
        them: who was named and spoke, the quotation a frame closes, a list it opens, the
        figures a retrospective "This was reported by X" stands behind. Returns the
        speakers, the speaker carried from before and the previous sentence's text."""
        text, mentions = read.text, read.mentions
        speakers = self.speakers.read(
            text, mentions=mentions, context=context.attribution, headline=headline
        )
        carried = self._carried(text, context)
        context.attribution.name(actor for _, actor in mentions)
        for _, actor in mentions:
            side = self.roles.side(actor)
            if side is not None and side.kind is ActorKind.ARMED_GROUP:
                context.groups.append(side)
        for speaker in speakers:
            context.attribution.spoke(speaker.actors)
        spoken = [s for s in speakers if s.actors]
        context.previous_speaker = spoken[-1].actors if spoken else ()
        if spoken and context.quoted and text.lstrip()[:1] != '"':
            # The frame that closes a quotation speaks for what the quotation said before
            # it: '"We pulled 14 bodies out. ... three," Ko Thiha told The Irrawaddy.'
            closing = spoken[0].actors
            for index in context.quoted:
                if index < len(earlier):
                    earlier[index] = _reattributed(earlier[index], closing)
            context.quoted = []
        previous_text = context.previous_text
        context.previous_text = text
        if text.rstrip().endswith(":"):
            context.listing = self._listing(text, mentions)
        elif not _is_list_line(text, headline):
            context.listing = None
        retrospective = [s for s in spoken if s.kind == "retrospective"]
        if retrospective:
            self._attribute_back(earlier, retrospective[0].actors, article)
        return speakers, carried, previous_text

    def _scene(
        self,
        article: Article,
        read: _Sentence,
        context: _Context,
        *,
        speakers: list[Speaker],
        carried: tuple[Actor, ...],
        quantities: list[Quantity],
        headline: bool,
    ) -> _Scene:
        text, mentions = read.text, read.mentions
        related = read.segment.kind is SegmentKind.RELATED
        # A related headline's time words count from its own, unknown, date.
        periods = (
            []
            if related
            else find_periods(read.segment.text, article.source.published, lexicon=self.lexicon)
        )
        spoken = [s for s in speakers if s.actors]
        names = sorted(_name_spans(text, mentions, headline or _title_case(text)))
        listing = context.listing if _is_list_line(text, headline) else None
        main = context.subjects.most_common(1)[0][0] if context.subjects else None
        return _Scene(
            article=article,
            read=read,
            headline=headline,
            related=related,
            carried=carried,
            quantities=quantities,
            view=_SentenceView(self, text, mentions, spoken, periods),
            near=_Nearby(mentions, read.places, [s.span for s in speakers], names),
            listing=listing,
            readings=self._predicates(text, quantities, names, listing),
            fallback=self.registry.get(main) if main else None,
            spoken=tuple(s.span for s in speakers),
        )

    def _figure_claim(
        self,
        scene: _Scene,
        context: _Context,
        index: int,
        part_of: Quantity | None,
        claims: list[Claim],
    ) -> Claim:
        """The claim of the sentence's ``index``-th figure."""
        text, quantities, view = scene.read.text, scene.quantities, scene.view
        quantity = quantities[index]
        article, sentence = scene.article, scene.read.segment
        originators = view.originators(quantity) or scene.carried
        recipient = view.recipient(quantity)
        floor = quantities[index - 1].span.end if index else 0
        predicate, subject, agent = self._roles(
            scene,
            context,
            index,
            part_of=part_of,
            claims=claims,
            originators=originators,
            recipient=recipient,
        )
        return Claim(
            quantity=in_document(quantity, sentence.span.start),
            predicate=predicate,
            subject=subject,
            agent=agent,
            recipient=recipient,
            period=view.period(quantity),
            as_of=article.source.published,
            cumulative=self._cumulative(text, quantity, floor),
            attribution=Attribution(
                outlet=article.source.outlet,
                via=view.via(() if scene.related else article.source.via, originators),
                originators=originators,
            ),
            hedge=self._hedge(text, quantity, scene.headline, view.frame_of(quantity)),
            part_of=part_of,
            evidence=Evidence(sentence.text, sentence.span, sentence.kind),
            source=article.source,
        )

    def _roles(
        self,
        scene: _Scene,
        context: _Context,
        index: int,
        *,
        part_of: Quantity | None,
        claims: list[Claim],
        originators: tuple[Actor, ...],
        recipient: Actor | None,
    ) -> tuple[Predicate, Actor | None, Actor | None]:
        """The event, subject and agent of the ``index``-th figure: as the role reader
        reads them in the sentence, then as the list, the figure before it and the attack
        the story is about complete them."""
        text, quantities = scene.read.text, scene.quantities
        quantity, reading = quantities[index], scene.readings[index]
        predicate = Predicate(reading.key)
        owner = self._whole_of(text, quantities, index) or _in_sentence(part_of, quantities)
        frame = scene.view.frame_of(quantity)
        roles = self.roles.read(
            text,
            quantity,
            reading.key,
            mentions=scene.near.mentions(quantity),
            places=scene.near.places(quantity),
            floor=quantities[index - 1].span.end if index else 0,
            owner_hint=owner,
            speaker=originators,
            recipient=recipient,
            country=context.attribution.country,
            launcher=context.launcher,
            groups=context.groups[-8:],
            verb=reading.word,
            frame_end=None if frame is None or frame.kind == "marker" else frame.frame.end,
            countries=context.countries,
            whole_subject=self._whole_subject(scene.by_span, part_of),
            spoken=scene.spoken,
        )
        subject, agent = roles.subject, roles.agent
        if predicate.key == "captured" and agent is not None and self._irregular(agent):
            predicate = Predicate("abducted")  # "gunmen seized six nurses"
        if scene.listing is not None and scene.listing.subject is not None:
            subject = scene.listing.subject
        joined = (
            _LISTED_AFTER.fullmatch(text, quantities[index - 1].span.end, quantity.span.start)
            if index
            else None
        )
        bare = quantity.item is None or fold(quantity.item) in self.events.state_keys
        if joined is not None and claims and bare:
            # "300 North Korean soldiers had been killed and another 2,700 injured"
            subject = claims[-1].subject or subject
            agent = agent or claims[-1].agent
        elif (
            index
            and claims
            and claims[-1].predicate == predicate
            and self.events.joined(text, quantities[index - 1], quantity) == "list"
        ):
            # "fired three cruise missiles and 11 drones": one act, one doer
            subject = subject or claims[-1].subject
            agent = agent or claims[-1].agent
        whole = None if part_of is None else scene.by_span.get(part_of.span)
        if whole is not None and whole.predicate == predicate and not roles.owned:
            # "57 drones: 23 over the Bryansk Region, ...": a part is the whole's, owner and
            # doer alike, wherever it was counted
            subject = whole.subject or subject
            agent = whole.agent or agent
        if subject is None and part_of is not None:
            subject = self._whole_subject(scene.by_span, part_of)
        if reading.key == "launched" and agent is not None:
            context.attacker = agent  # what the salvo then kills or destroys is its doing
        if reading.key in _HARMS:
            if agent is not None:
                context.attacker, context.attacker_line = agent, context.line
            elif (
                context.attacker is not None
                and not _names_party(scene.read.mentions, originators)
                and context.attacker != subject
            ):
                # The attack the story is about goes on: "Two villagers were still
                # unaccounted for", after "a junta jet bombed the village, killing 14".
                agent = context.attacker
        if (
            subject is None
            and quantity.item is None
            and claims
            and claims[-1].predicate == predicate
        ):
            subject = claims[-1].subject  # "at 4,000, while U.S. intelligence ... 1,200"
        if subject is None and reading.key in _FALLBACK_KEYS:
            subject = scene.fallback
        return predicate, subject, agent

    def _irregular(self, agent: Actor) -> bool:
        """Whether a taker is no state or army: gunmen, bandits, gangs, a militia."""
        return agent.kind is ActorKind.ARMED_GROUP and agent.id not in self.registry

    @staticmethod
    def _whole_subject(claims: Mapping[Span, Claim], whole: Quantity | None) -> Actor | None:
        """The subject of the claim whose figure ``whole`` is: a part's people are its."""
        found = None if whole is None else claims.get(whole.span)
        return None if found is None else found.subject

    def _carried(self, text: str, context: _Context) -> tuple[Actor, ...]:
        """The speaker a sentence without a frame of its own goes on with: inside an open
        quotation, in a paragraph that opens one, or after "Among them", "Another"."""
        stripped = text.lstrip()
        starts_quoted = stripped[:1] in _QUOTE_MARKS
        inside = context.quote_open
        quotes = text.count('"')
        if quotes % 2:
            context.quote_open = not context.quote_open
        if inside or starts_quoted:
            return context.attribution.last_speaker
        if context.previous_speaker and self.speakers.words.continuations.match(text):
            return context.previous_speaker
        return ()

    def _attribute_back(
        self, earlier: list[Claim], speakers: tuple[Actor, ...], article: Article
    ) -> None:
        """ "This was reported by X": X stands behind the figures before it that no frame
        attributed, back to the last attributed one."""
        for index in range(len(earlier) - 1, max(-1, len(earlier) - _RETROSPECTIVE_REACH), -1):
            claim = earlier[index]
            if claim.evidence.segment is SegmentKind.RELATED:
                continue
            if claim.attribution.originators:
                break
            earlier[index] = _reattributed(claim, speakers)

    def _headline_speakers(self, claims: list[Claim]) -> list[Claim]:
        """A headline's figure with no speaker of its own takes the speaker the body gives
        the same figure."""
        body = [c for c in claims if c.evidence.segment is SegmentKind.BODY]
        for index, claim in enumerate(claims):
            if claim.evidence.segment not in (SegmentKind.TITLE, SegmentKind.HEADING):
                continue
            if claim.attribution.originators and not _unnamed(claim.attribution.originators):
                continue
            same = next(
                (
                    c
                    for c in body
                    if c.quantity.value == claim.quantity.value
                    and c.quantity.low == claim.quantity.low
                    and c.attribution.originators
                    and not _unnamed(c.attribution.originators)
                ),
                None,
            )
            if same is not None:
                claims[index] = _reattributed(claim, same.attribution.originators)
        return claims

    def _claimable(
        self, text: str, quantities: list[Quantity], speakers: Sequence[Speaker]
    ) -> list[Quantity]:
        """Drop durations, ages, repetitions, counts of the story's participants, counts of
        the sources themselves ("two unnamed officials said") and a figure restated in
        other units in brackets."""
        kept: list[Quantity] = []
        spans = sorted((s.span.start, s.span.end) for s in speakers)
        starts = [start for start, _ in spans]
        for quantity in quantities:
            at = bisect.bisect_right(starts, quantity.span.start) - 1
            if at >= 0 and quantity.span.end <= spans[at][1] + 1:
                continue
            if self.structure.is_claim(text, quantity, kept):
                kept.append(quantity)
        return kept

    # Predicates ------------------------------------------------------------------------

    def _listing(self, text: str, mentions: Sequence[tuple[Span, Actor]]) -> _Listing | None:
        """The event word and the party of a sentence that opens a list."""
        found = self.events.any_word.search(text)
        if found is None:
            return None
        subject = None
        for span, actor in mentions:
            if actor.kind in _PARTY_KINDS and not _PLACE_BEFORE.search(
                text[max(0, span.start - 30) : span.start]
            ):
                subject = self.roles.side(actor)
                break
        return _Listing(found.group(), subject)

    def _predicates(
        self,
        text: str,
        quantities: list[Quantity],
        names: list[tuple[int, int]],
        listing: _Listing | None = None,
    ) -> list[_Reading]:
        """Each figure's predicate; a figure read weakly takes its neighbour's verb where
        a list or "including" joins them ("killed 12 civilians and 3 soldiers"); a line of
        a list ("tanks – 11,125 (+2)") takes the word that opened it, for its label."""
        events = self.events
        if listing is not None:
            label = _LIST_LINE.match(text)
            classes_of = events.item_classes(label.group("label") if label else None)
            key = events.repick(listing.word, classes_of) or events.repick(
                listing.word, frozenset()
            )
            if key is not None:
                return [_Reading(key, STRONG, listing.word, classes_of) for _ in quantities]
        classes = [events.item_classes(q.item) for q in quantities]
        for index, quantity in enumerate(quantities):
            if classes[index] or quantity.item is not None:
                continue
            whole = self._whole_of(text, quantities, index)
            if whole is not None:
                classes[index] = events.item_classes(whole.item)
            elif index and events.joined(text, quantities[index - 1], quantity):
                classes[index] = classes[index - 1]
        readings = []
        for index in range(len(quantities)):
            key, strength, word = events.read(
                text, quantities, index, names=names, classes=classes[index]
            )
            readings.append(_Reading(key, strength, word, classes[index]))
        lead = events.lead(text)
        if lead is not None:
            # "Of the dead, 14 were civilians and six were soldiers"
            for index, reading in enumerate(readings):
                if reading.strength < STRONG:
                    key = events.repick(lead, reading.classes)
                    if key is not None:
                        readings[index] = _Reading(key, STRONG, lead, reading.classes)
        for index in range(1, len(quantities)):
            joined = events.joined(text, quantities[index - 1], quantities[index])
            if joined is None:
                continue
            before, after = readings[index - 1], readings[index]
            if (
                after.strength < STRONG
                and before.strength >= after.strength
                and (before.key != Predicate.OTHER.key)
            ):
                key = events.repick(before.word, after.classes)
                if key is None and before.word is None and joined == "part":
                    key = before.key
                if key is not None:
                    readings[index] = _Reading(key, STRONG, before.word, after.classes)
        for index in range(len(quantities) - 2, -1, -1):
            joined = events.joined(text, quantities[index], quantities[index + 1])
            before, after = readings[index], readings[index + 1]
            if (
                joined in ("list", "part") and before.strength < STRONG and after.strength == STRONG
            ):  # "at least 60 people, including 20 children, were martyred"
                key = events.repick(after.word, before.classes)
                if key is not None:
                    readings[index] = _Reading(key, STRONG, after.word, before.classes)
        for index in range(1, len(quantities)):
            if readings[index].key != Predicate.OTHER.key:
                continue
            between = text[quantities[index - 1].span.end : quantities[index].span.start]
            if _RESTATED.search(between):
                # "estimated the casualties at 4,000, while U.S. intelligence offered a
                # more conservative figure of around 1,200"
                readings[index] = readings[index - 1]
                continue
            if (
                self._whole_of(text, quantities, index - 1) is quantities[index]
                and readings[index - 1].key == "intercepted"  # "shot down 80 of 100 drones"
            ):
                readings[index] = _Reading("launched", STRONG, None, readings[index].classes)
        return readings

    @staticmethod
    def _whole_of(text: str, quantities: Sequence[Quantity], index: int) -> Quantity | None:
        """The figure a part is "of": 100 in "80 of 100 drones"."""
        if index + 1 >= len(quantities):
            return None
        gap = text[quantities[index].span.end : quantities[index + 1].span.start]
        if _OF_GAP.fullmatch(gap):
            return quantities[index + 1]
        return None

    # Hedges and totals -----------------------------------------------------------------

    def _hedge(
        self, text: str, quantity: Quantity, headline: bool, frame: Speaker | None = None
    ) -> Hedge:
        """The figure's own hedge (see :meth:`_own_hedge`), else that of the verb of the
        frame that attributes it: "X claimed its fighters had killed 63 ... and captured 12
        others" hedges both."""
        hedge = self._own_hedge(text, quantity, headline)
        if hedge is not Hedge.STATED or frame is None or frame.kind not in ("verb", "inverted"):
            return hedge
        for found in self.hedges.finditer(text, frame.span.end, frame.frame.end + 1):
            return self.hedge_of[fold(found.group())]
        if frame.kind == "inverted":
            for found in self.hedges.finditer(text, frame.frame.start, frame.span.start):
                return self.hedge_of[fold(found.group())]
        return hedge

    def _own_hedge(self, text: str, quantity: Quantity, headline: bool) -> Hedge:
        """The hedge word nearest before the figure in its clause (or inside its phrase:
        "4,000 are believed to have been killed"), else one after it before the clause
        ends. "May" the month is none, nor is "could be higher" said after a stated toll."""
        before: tuple[int, Hedge] | None = None
        after: tuple[int, Hedge] | None = None
        marks = self._hedge_marks(text)
        hedges, breaks, starts = marks.hedges, marks.breaks, marks.break_starts
        start = max(0, quantity.span.start - _HEDGE_REACH_BEFORE - _PHRASE_MARGIN)
        end = min(len(text), quantity.span.end + _HEDGE_REACH_AFTER + _PHRASE_MARGIN)
        index = bisect.bisect_left(starts, start)
        while index < len(breaks) and breaks[index][1] <= quantity.span.start:
            start = breaks[index][1]  # the clause the figure is in starts after the last
            index += 1
        index = bisect.bisect_left(starts, quantity.span.end)
        if index < len(breaks) and breaks[index][1] <= end:
            end = breaks[index][0]
        # After the figure, only a hedge of its own verb group counts ("40 could be
        # killed", "4,000 are believed to have died"), not one of a clause joined on.
        after_end = quantity.span.end
        word = bisect.bisect_left(marks.word_starts, quantity.span.end)
        stop = marks.next_join[word] if word < len(marks.next_join) else word
        while word < stop:
            found_start, found_end = marks.words[word]
            if found_start - quantity.span.end > 40 or found_end > end:
                break
            after_end = found_end
            word += 1
        comma = text.find(",", quantity.span.end, after_end)
        after_end = comma if comma >= 0 else after_end
        for hit in range(bisect.bisect_left(marks.hedge_starts, start), len(hedges)):
            found = hedges[hit]
            if found.end() > end:
                break
            folded = fold(found.group())
            if folded in self.months and self._is_month(text, found, headline):
                continue
            hedge = self.hedge_of[folded]
            if found.start() < quantity.span.end and found.end() > quantity.span.start:
                return hedge
            if found.end() <= quantity.span.start:
                distance = quantity.span.start - found.end()
                if distance <= _HEDGE_REACH_BEFORE and (before is None or distance < before[0]):
                    before = (distance, hedge)
            elif found.start() < after_end:
                distance = found.start() - quantity.span.end
                if distance <= _HEDGE_REACH_AFTER and (after is None or distance < after[0]):
                    after = (distance, hedge)
        chosen = before or after
        return chosen[1] if chosen is not None else Hedge.STATED

    def _hedge_marks(self, text: str) -> _HedgeMarks:
        """The hedge words, clause breaks and words of a sentence, found once for all its
        figures (a figure-dense sentence would search the same windows again for each)."""
        cached = self._marks
        if cached is not None and cached.text is text:
            return cached
        words: list[tuple[int, int]] = []
        next_join: list[int] = []
        pending = 0  # words since the last join, whose next join is the one to come
        for word in _WORD.finditer(text):
            words.append(word.span())
            if word.group().lower() in _JOINS:
                next_join.extend([len(words) - 1] * (len(words) - pending))
                pending = len(words)
        next_join.extend([len(words)] * (len(words) - pending))
        hedges = list(self.hedges.finditer(text))
        breaks = [cut.span() for cut in self.clause_break.finditer(text)]
        marks = _HedgeMarks(
            text=text,
            hedges=hedges,
            hedge_starts=[hit.start() for hit in hedges],
            breaks=breaks,
            break_starts=[cut[0] for cut in breaks],
            words=words,
            word_starts=[a for a, _ in words],
            next_join=next_join,
        )
        self._marks = marks
        return marks

    @staticmethod
    def _is_month(text: str, found: regex.Match[str], headline: bool) -> bool:
        """Whether a hedge word that is also a month ("May") names the month."""
        word = found.group()
        if not word[:1].isupper():
            return False
        following = text[found.end() : found.end() + 8]
        if _DIGIT_NEXT.match(following):
            return True
        if _MONTH_BEFORE.search(text, max(0, found.start() - 12), found.start()):
            return True
        at_start = not text[: found.start()].strip(" \"'(")
        return not (headline or at_start)

    def _cumulative(self, text: str, quantity: Quantity, floor: int) -> bool | None:
        if quantity.change is not None:
            return False
        before = text[max(0, quantity.span.start - 60) : quantity.span.start]
        after = _clause_after(text, quantity.span.end)
        if self.totals.search(before) or self.totals.search(after):
            return True
        # "boosts ... with 3,000 troops", "3,000 reinforcements": an addition, not a level.
        # Words of an earlier figure's phrase are that figure's ("3,500 additional soldiers
        # at five centers"): only those after it count.
        after_previous = text[max(floor, quantity.span.start - 60) : quantity.span.start]
        if self.increments.search(after_previous) or (
            quantity.item and self.increments.search(quantity.item)
        ):
            return False
        return None

    def is_recipient(self, text: str, span: Span) -> bool:
        """Whether the name at ``span`` follows "to", "into" or "for"."""
        head = text[max(0, span.start - 16) : span.start].split()
        return bool(head) and head[-1].lower() in self.structure.recipient_markers


# Predicates of harm, whose attacker a story carries from sentence to sentence.
_HARMS: Final = frozenset(
    {"killed", "wounded", "casualties", "missing", "abducted", "displaced", "destroyed", "damaged"}
)


def _in_sentence(whole: Quantity | None, quantities: Sequence[Quantity]) -> Quantity | None:
    """The sentence's own quantity that ``whole`` (moved into the document) was read from."""
    if whole is None:
        return None
    return next((q for q in quantities if q.text == whole.text and q.value == whole.value), None)


def _reattributed(claim: Claim, originators: tuple[Actor, ...]) -> Claim:
    """``claim`` with other originators."""
    attribution = attrs.evolve(
        claim.attribution,
        originator=originators[0] if originators else None,
        originators=originators,
    )
    return attrs.evolve(claim, attribution=attribution)


def _unnamed(actors: Sequence[Actor]) -> bool:
    """Whether a headline's speakers are people it does not name ("medics say")."""
    return all(
        actor.kind in (ActorKind.PERSON, ActorKind.OFFICIAL) and actor.name[:1].islower()
        for actor in actors
    )


def _names_party(mentions: Sequence[tuple[Span, Actor]], speakers: Sequence[Actor]) -> bool:
    """Whether a sentence names a party besides its speakers: an attacker of its own."""
    return any(actor.kind in _PARTY_KINDS and actor not in speakers for _, actor in mentions)


# Predicates whose subject, when the sentence names none, is whom the story is about.
_FALLBACK_KEYS: Final = frozenset(
    {"sent", "deployed", "supplied", "training", "present", "casualties", "lost"}
)


class _SentenceView:
    """One sentence's actors, speakers and time phrases, indexed once so that each figure
    is placed in logarithmic time: a sentence of a million figures stays linear."""

    def __init__(
        self,
        reader: ClaimReader,
        text: str,
        mentions: list[tuple[Span, Actor]],
        speakers: list[Speaker],
        periods: list[tuple[Span, Period]],
    ) -> None:
        self.text = text
        originals = [s for s in speakers if s.actors[0].kind not in _RELAY_KINDS]
        # A news agency or outlet that cites someone is a relay: it gives way to any other
        # source ("the Kyiv Independent reported, citing the General Staff").
        self.speakers = originals or speakers
        chosen = {id(s) for s in self.speakers}
        self.relays = list(
            dict.fromkeys(a for s in speakers if id(s) not in chosen for a in s.actors)
        )
        self.starts = [s.frame.start for s in self.speakers]
        self.periods = periods
        self.period_ends = [span.end for span, _ in periods]
        self.recipients: list[tuple[int, Actor]] = []
        for span, actor in mentions:
            if reader.is_recipient(text, span):
                state = reader.roles.side(actor)
                if state is not None and state.kind in _PARTY_KINDS:
                    self.recipients.append((span.start, state))
        self.recipient_starts = [start for start, _ in self.recipients]

    def originators(self, quantity: Quantity) -> tuple[Actor, ...]:
        """The speaker of the frame nearest the figure (see :meth:`frame_of`)."""
        frame = self.frame_of(quantity)
        return () if frame is None else frame.actors

    def frame_of(self, quantity: Quantity) -> Speaker | None:
        """The frame nearest the figure: one before it ends before the figure starts, one
        after it starts after the figure ends."""
        if not self.speakers:
            return None
        at = bisect.bisect_left(self.starts, quantity.span.start)
        best: tuple[int, int, int, Speaker] | None = None
        for speaker in self.speakers[max(0, at - _FRAMES_AROUND) : at + _FRAMES_AROUND]:
            frame = speaker.frame
            if frame.end <= quantity.span.start:
                distance, order = quantity.span.start - frame.end, 0
                fits = speaker.looks != "back"
            elif frame.start >= quantity.span.end:
                distance, order = frame.start - quantity.span.end, 1
                fits = speaker.looks != "ahead"
            else:
                distance, order, fits = 0, 0, True  # the figure stands inside the frame
            # A frame that points the other way is taken only when no other fits.
            rank = (0 if fits else 1, distance, order)
            if best is None or rank < best[:3]:
                best = (*rank, speaker)
        return best[3] if best is not None else None

    def via(self, credited: tuple[Actor, ...], originators: tuple[Actor, ...]) -> tuple[Actor, ...]:
        """Wires the figure came through: the page's credits (none for a related headline:
        they credit this story, not the other) and agencies named as reporting."""
        wires = list(credited)
        for actor in self.relays:
            if actor not in originators and actor not in wires:
                wires.append(actor)
        return tuple(wires)

    def recipient(self, quantity: Quantity) -> Actor | None:
        """A state or force after "to" / "into" / "for" following the figure."""
        at = bisect.bisect_left(self.recipient_starts, quantity.span.start)
        return self.recipients[at][1] if at < len(self.recipients) else None

    def period(self, quantity: Quantity) -> Period | None:
        """The time phrase nearest the figure; one inside its phrase ("per month") is a rate."""
        at = bisect.bisect_right(self.period_ends, quantity.span.start)
        best: tuple[int, Period] | None = None
        if at > 0:
            span, period = self.periods[at - 1]
            best = (quantity.span.start - span.end, period)
        for span, period in self.periods[at : at + 2]:
            if span.start >= quantity.span.end:
                distance = span.start - quantity.span.end
                if best is None or distance < best[0]:
                    best = (distance, period)
                break
        return best[1] if best is not None else None


def _is_list_line(text: str, headline: bool) -> bool:
    """Whether a line is one of a list's: "tanks – 11,125 (+2)", "23 over the Bryansk Region",
    a short line after an opening colon."""
    if _LIST_LINE.match(text):
        return True
    return len(text.split()) <= _LIST_WORDS and _STARTS_WITH_FIGURE.match(text) is not None


class _Nearby:
    """One sentence's names, places and speakers' words, found near a figure in logarithmic
    time: a sentence of a million figures stays linear."""

    def __init__(
        self,
        mentions: Sequence[tuple[Span, Actor]],
        places: Sequence[tuple[Span, str]],
        spoken: Sequence[Span],
        names: Sequence[tuple[int, int]],
    ) -> None:
        # The speaker's own words name no party ("Iran's health ministry spokesman ... said").
        spans = sorted((s.start, s.end) for s in spoken)
        starts = [start for start, _ in spans]
        free = []
        for span, actor in mentions:
            at = bisect.bisect_right(starts, span.start) - 1
            if at >= 0 and spans[at][0] <= span.start and span.end <= spans[at][1]:
                continue
            free.append((span, actor))
        self._mentions = free
        self._mention_starts = [span.start for span, _ in free]
        self._places = list(places)
        self._place_starts = [span.start for span, _ in self._places]
        self.names = names

    def mentions(self, quantity: Quantity) -> list[tuple[Span, Actor]]:
        """The parties named within reach of ``quantity``."""
        low = bisect.bisect_left(self._mention_starts, quantity.span.start - _ROLE_REACH)
        high = bisect.bisect_right(self._mention_starts, quantity.span.end + _ROLE_REACH)
        return self._mentions[low:high]

    def places(self, quantity: Quantity) -> list[tuple[Span, str]]:
        """The places named within reach of ``quantity``."""
        low = bisect.bisect_left(self._place_starts, quantity.span.start - _ROLE_REACH)
        high = bisect.bisect_right(self._place_starts, quantity.span.end + _ROLE_REACH)
        return self._places[low:high]


def _title_case(text: str) -> bool:
    """Whether a line is written in title case ("Seoul Confirms Ukraine Captured 2 ..."):
    most of its words start with a capital."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _name_spans(
    text: str, mentions: Sequence[tuple[Span, Actor]], headline: bool
) -> list[tuple[int, int]]:
    """Where names stand, whose words never say what happened ("Rapid Support Forces",
    "Armoured Fighting Vehicles"). A headline in title case is no run of names."""
    spans = [(span.start, span.end) for span, _ in mentions]
    if not headline:
        spans.extend(found.span() for found in _CAPITALISED_RUN.finditer(text))
    return spans


def _clause_after(text: str, end: int, reach: int = 60) -> str:
    """The words after a figure up to the end of its clause (a comma, semicolon or full
    stop), within ``reach`` characters: "killed since October 7", not what follows the
    comma after it."""
    window = text[end : end + reach]
    stops = [i for i in (window.find(","), window.find(";"), window.find(". ")) if i >= 0]
    return window[: min(stops, default=len(window))]


@functools.cache
def _default_reader() -> ClaimReader:
    return ClaimReader()


def extract_claims(
    document: Article | str,
    *,
    published: date | None = None,
    registry: ActorRegistry | None = None,
    lexicon: Lexicon | None = None,
    gazetteer: Gazetteer | None = None,
    related: bool = False,
) -> list[Claim]:
    """Every claim in ``document`` (an :class:`Article`, or text to read as one).

    Page furniture and captions yield none; headlines of related articles listed on the
    page yield claims only with ``related=True`` (``evidence.segment`` is then RELATED).

    >>> page = "Troops sent\\n\\nRead more\\n\\n100 Soldiers Killed, Seoul Says\\n"
    >>> extract_claims(page)
    []
    >>> [(str(c.quantity.value), c.evidence.segment.name, c.attribution.originator.id)
    ...  for c in extract_claims(page, related=True)]
    [('100', 'RELATED', 'kr')]
    """
    if isinstance(document, Article):
        article = document
    elif isinstance(document, str):
        article = read_article(
            document, published=published, registry=registry, lexicon=lexicon, gazetteer=gazetteer
        )
    else:
        raise InvalidInputError(
            "extract_claims", f"expected an Article or str, got {type(document).__name__}"
        )
    if registry is None and lexicon is None and gazetteer is None:
        return _default_reader().read(article, related=related)
    reader = ClaimReader(lexicon=lexicon, registry=registry, gazetteer=gazetteer)
    return reader.read(article, related=related)
