"""Claims: who says what number about whom, for when, citing whom, how sure.

For each sentence that carries claims (see :mod:`osint_claims.articles`) the pipeline reads
its quantities, then around each one: the predicate (from the counted item, else the
nearest predicate word), the subject and recipient (actors named around it), the
attribution (the outlet, the wires it relays and the originator named by a reporting
verb, resolved through pronouns and "the ministry" to the last matching actor), the hedge
(the nearest hedge word), the period (the nearest time phrase, against the publication
date) and structure: parts of a larger figure, and figures derived from a share.

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
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Final

import attrs
import regex

from ._patterns import alternation
from .actors import ActorRegistry
from .articles import Article, Segment, read_article, split_sentences
from .dates import find_periods
from .errors import InvalidInputError
from .lexicon import Lexicon
from .model import (
    Actor,
    ActorKind,
    Attribution,
    Bound,
    Claim,
    Evidence,
    Hedge,
    Period,
    Predicate,
    Quantity,
    SegmentKind,
    Span,
)
from .numbers import parse_number
from .quantities import QuantityParser
from .text import normalize

__all__ = ["ClaimReader", "extract_claims"]

# Actors that can do, have or suffer what a claim counts.
_SUBJECT_KINDS: Final = frozenset({ActorKind.STATE, ActorKind.ARMED_FORCES, ActorKind.ARMED_GROUP})
# How far (in characters) a reporting verb may stand from the actor it attributes to.
_ATTRIBUTION_REACH: Final = 120
# How long an apposition between a source and its verb may be.
_APPOSITION_REACH: Final = 80
# How far a hedge word may stand before or after the figure it qualifies.
_HEDGE_REACH_BEFORE: Final = 90
_HEDGE_REACH_AFTER: Final = 40
# How far a predicate word may stand from its figure.
_PREDICATE_REACH: Final = 80
# Longer than any predicate or hedge phrase: a window this much wider than a reach finds
# every word that ends (or starts) within it, so no search runs over the whole sentence.
_PHRASE_MARGIN: Final = 64
# How far back "of the" may open a figure that later ones are parts of.
_PART_OPENER_REACH: Final = 100
# How far before a figure "of each" (or from the end of the sentence before) its list may
# end: a bound, so that a sentence of many such figures is still read in linear time.
_LIST_REACH: Final = 1000
# A member of a listed set ("170 mm M1989 Koksan self-propelled artillery guns") is at most
# this many words long; a longer run is a clause, not a name.
_MEMBER_WORDS: Final = 10


@attrs.frozen(slots=True)
class _Mention:
    span: Span
    actor: Actor


@attrs.frozen(slots=True)
class _Source:
    """Where a source stands in a sentence, and who it is (several: "Seoul and Kyiv said")."""

    position: int
    actors: tuple[Actor, ...]


class _Vocabulary:
    """The compiled claim lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        table = lexicon.table
        self.predicate_of: dict[str, Predicate] = {}
        for key, words in table("claims", "predicates").items():
            for word in words:
                self.predicate_of[_fold(word)] = Predicate(key)
        self.predicates = regex.compile(rf"(?i)\b{alternation(self.predicate_of)}\b")
        attribution = table("claims", "attribution")
        verbs = alternation(attribution["verbs_after_source"])
        auxiliaries = alternation(attribution["auxiliaries"])
        determiners = alternation(lexicon.words("items", "determiners"))
        # "X said", "X has said", "U.S. intelligence offered", "Zelensky previously said".
        self.verbs_after = regex.compile(
            rf"^[\s,'\")]*(?P<head>(?:(?!{determiners}\b)[a-z]+\s+){{0,2}}?)"
            rf"(?:(?i:{auxiliaries})\s+)?(?i:{verbs})\b"
        )
        self.markers_before = regex.compile(
            rf"(?i)\b{alternation(attribution['markers_before_source'])}\s+(?:the\s+)?$"
        )
        self.report_after = regex.compile(
            rf"(?i)^(?:'s)?\s+(?:[a-z]+\s+)?(?:{alternation(attribution['report_nouns'])})\b"
        )
        joiners = alternation(attribution.get("joiners", ["and"]))
        # Between two sources that share a verb: "Seoul and Kyiv", "U.S., South Korean and".
        self.source_and = regex.compile(rf"(?i)^\s*,?\s*(?:{joiners})\s+(?:the\s+)?$")
        self.source_comma = regex.compile(r"(?i)^\s*,\s*(?:the\s+)?$")
        self.anaphora: dict[str, frozenset[ActorKind]] = {
            _fold(phrase): frozenset(ActorKind(kind) for kind in kinds)
            for phrase, kinds in table("claims", "anaphora").items()
        }
        self.anaphora_pattern = regex.compile(rf"(?i)\b{alternation(self.anaphora)}\b")
        self.hedge_of: dict[str, Hedge] = {}
        for name, words in table("claims", "hedges").items():
            for word in words:
                self.hedge_of[_fold(word)] = Hedge(name)
        self.hedges = regex.compile(rf"(?i)\b{alternation(self.hedge_of)}\b")
        cumulative = table("claims", "cumulative")
        self.totals = regex.compile(rf"(?i)\b{alternation(cumulative['total'])}\b")
        self.increments = regex.compile(rf"(?i)\b{alternation(cumulative['increment'])}\b")
        not_claims = table("claims", "not_claims")
        self.not_claim_items = frozenset(_fold(w) for w in not_claims.get("items", ()))
        participants = not_claims.get("participants", ())
        self.participants = (
            regex.compile(rf"(?i)^{alternation(participants)}\b") if participants else None
        )
        self.participant_determiners = regex.compile(
            rf"(?i)(?:^|\W)(?:{alternation(not_claims.get('participant_determiners', ['the']))})"
            r"\s+$"
        )
        structure = table("claims", "structure")
        self.recipient_markers = frozenset(_fold(w) for w in structure["recipient_markers"])
        self.part_markers = regex.compile(rf"(?i)\b{alternation(structure['part_markers'])}\b")
        self.share_markers = regex.compile(
            rf"(?i)^[\s,]*(?:{alternation(structure['share_markers'])})\s+$"
        )
        self.part_opener = regex.compile(
            rf"(?i)\b(?:{alternation(structure['part_openers'])})\s+(?:the\s+)?(?:\w+\s+)?$"
        )
        distribution = table("claims", "distribution")
        distributives = alternation(distribution.get("distributives", ["each"]))
        # "120 units of each system", "40 of each type", "of each of the three types": the
        # counted thing is one of a list. ("40 tanks to each brigade" counts tanks: no.)
        reciprocal = alternation(distribution.get("not_distributive", ["other"]))
        self.distributive = regex.compile(
            rf"(?i)(?:^|\bof\s+)(?:{distributives})\b(?!\s+(?:{reciprocal})\b)"
            r"(?:\s+of\s+(?:the\s+)?(?P<count>[^\s,.;:]+))?"
        )
        # "500 of each of the two kinds": the two is the list's length, not a claim.
        self.list_length = regex.compile(rf"(?i)\bof\s+(?:{distributives})\s+of\s+(?:the\s+)?$")
        self.origin_suffixes = tuple(w.lower() for w in distribution.get("origin_suffixes", ()))
        # Words that end a listed name: function words, reporting and predicate verbs.
        self.member_stops = frozenset(
            _fold(w)
            for w in (
                *lexicon.words("items", "stop_words"),
                *lexicon.words("items", "determiners"),
                *lexicon.words("items", "object_openers"),
                *attribution["verbs_after_source"],
                *attribution["auxiliaries"],
                *self.predicate_of,
                *lexicon.words("not_counts", "months"),
                "of",
                "and",
                "or",
                "&",
            )
        )
        self.list_and = regex.compile(rf"(?i)\s*,?\s+(?:{joiners})\s+")


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


class _Context:
    """What a run of sentences has told so far: who was named last of each kind (for "the
    ministry", "he") and whose figures it has been about. A dictionary by kind rather than
    a list of every actor named, so that looking back costs the same on the last page."""

    def __init__(self) -> None:
        self.last_of_kind: dict[ActorKind, tuple[int, Actor]] = {}
        self.named = 0
        self.subjects: Counter[str] = Counter()
        self.previous_text: str = ""

    def name(self, actors: Iterable[Actor]) -> None:
        for actor in actors:
            self.named += 1
            self.last_of_kind[actor.kind] = (self.named, actor)

    def last(self, kinds: frozenset[ActorKind]) -> Actor | None:
        """The actor named last among ``kinds``."""
        found = [self.last_of_kind[kind] for kind in kinds if kind in self.last_of_kind]
        return max(found, key=lambda pair: pair[0])[1] if found else None


class ClaimReader:
    """Reads claims with one lexicon and one actor registry; build once, reuse.

    >>> reader = ClaimReader()
    >>> article = read_article("Seoul and Kyiv said 3,000 troops were sent.")
    >>> [a.id for a in reader.read(article)[0].attribution.originators]
    ['kr', 'ua']
    """

    def __init__(
        self, *, lexicon: Lexicon | None = None, registry: ActorRegistry | None = None
    ) -> None:
        self.lexicon = Lexicon.default() if lexicon is None else lexicon
        self.registry = ActorRegistry.default() if registry is None else registry
        self.quantities = QuantityParser(self.lexicon)
        self.words = _Vocabulary(self.lexicon)

    def read(self, article: Article, *, related: bool = False) -> list[Claim]:
        """Every claim of ``article``, in document order.

        With ``related=True`` the headlines and teasers of related articles listed on the
        page yield claims too, each read on its own (nothing resolves across them), with no
        period and ``evidence.segment`` RELATED.
        """
        claims: list[Claim] = []
        context = _Context()
        for sentence in self._sentences(article, related):
            # A related article's headline is another story: nothing resolves across it.
            own = context if sentence.kind is not SegmentKind.RELATED else _Context()
            claims.extend(self._read_sentence(article, sentence, own))
        return claims

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

    def _read_sentence(
        self,
        article: Article,
        sentence: Segment,
        context: _Context,
    ) -> list[Claim]:
        text = normalize(sentence.text)
        mentions = [_Mention(span, actor) for span, actor in self.registry.find_all(text)]
        sources = self._sources(text, mentions, context)
        context.name(m.actor for m in mentions)
        previous_text = context.previous_text
        context.previous_text = text
        quantities = self._claimable(text, self.quantities.extract(sentence.text))
        if not quantities:
            return []
        main = context.subjects.most_common(1)[0][0] if context.subjects else None
        fallback = self.registry.get(main) if main else None
        related = sentence.kind is SegmentKind.RELATED
        # A related headline's time words count from its own, unknown, date.
        periods = (
            []
            if related
            else find_periods(sentence.text, article.source.published, lexicon=self.lexicon)
        )
        view = _SentenceView(self, text, mentions, sources, periods)
        claims: list[Claim] = []
        part_of: Quantity | None = None
        for index, quantity in enumerate(quantities):
            originators = view.originators(quantity)
            predicate = self._predicate(text, quantity)
            if quantity.item is None and claims and claims[-1].predicate == predicate:
                subject = claims[-1].subject  # "at 4,000, while U.S. intelligence ... 1,200"
            else:
                subject = view.subject(quantity, originators)
            subject = subject or fallback
            part_of = self._part_of(text, quantities, index, sentence.span.start, part_of)
            claim = Claim(
                quantity=_in_document(quantity, sentence.span.start),
                predicate=predicate,
                subject=subject,
                recipient=view.recipient(quantity),
                period=view.period(quantity),
                as_of=article.source.published,
                cumulative=self._cumulative(
                    text, quantity, quantities[index - 1].span.end if index else 0
                ),
                attribution=Attribution(
                    outlet=article.source.outlet,
                    via=view.via(() if related else article.source.via, originators),
                    originators=originators,
                ),
                hedge=self._hedge(text, quantity),
                part_of=part_of,
                evidence=Evidence(sentence.text, sentence.span, sentence.kind),
                source=article.source,
            )
            claims.append(claim)
            derived = self._share_of(text, quantities, index, claims)
            if derived is not None:
                claims.append(derived)
            else:
                claims[-1:] = self._distribute(claim, text, quantity, previous_text)
        context.subjects.update(c.subject.id for c in claims if c.subject is not None)
        return claims

    def _claimable(self, text: str, quantities: list[Quantity]) -> list[Quantity]:
        """Drop durations, repetitions, counts of the story's participants and a figure
        restated in other units in brackets."""
        kept: list[Quantity] = []
        for quantity in quantities:
            if quantity.item is not None and _fold(quantity.item) in self.words.not_claim_items:
                continue
            if self._counts_participants(text, quantity):
                continue  # "the two countries signed": who the story is about, not a claim
            if self.words.list_length.search(
                text, max(0, quantity.span.start - 40), quantity.span.start
            ):
                continue
            if kept and _restates(text, kept[-1], quantity, self.lexicon):
                continue  # "1,300 square kilometers (500 square miles)": one figure
            kept.append(quantity)
        return kept

    def _counts_participants(self, text: str, quantity: Quantity) -> bool:
        """ "the two countries", "all three leaders", "the two Koreas".

        Only a number written as a word, exact, after a definite determiner: a reporter
        writes "the 3,000 troops" in digits when the figure is news.
        """
        pattern = self.words.participants
        if pattern is None or quantity.item is None or quantity.bound is not Bound.EXACT:
            return False
        if quantity.approximate or any(char.isdigit() for char in quantity.text):
            return False
        if not pattern.match(_fold(quantity.item)):
            return False
        before = text[max(0, quantity.span.start - 16) : quantity.span.start]
        return self.words.participant_determiners.search(before) is not None

    # Attribution --------------------------------------------------------------------

    def _sources(
        self,
        text: str,
        mentions: list[_Mention],
        context: _Context,
    ) -> list[_Source]:
        """Actors a reporting verb or marker names as a source, with where they stand."""
        words = self.words
        found: list[_Source] = []
        starts = {m.span.start for m in mentions}
        joined: set[int] = set()  # mentions already counted in a list of sources
        for index, mention in enumerate(mentions):
            if index in joined:
                continue
            after = text[mention.span.end : mention.span.end + _ATTRIBUTION_REACH]
            before = text[max(0, mention.span.start - _ATTRIBUTION_REACH) : mention.span.start]
            skipped = _skip_apposition(after)
            verb = words.verbs_after.match(skipped)
            if (
                verb is not None
                and _after_a_break(skipped[: verb.start("head")])
                and self._names_next(text, mention, after, verb, starts)
            ):
                verb = None  # "..., said the JCS": the verb belongs to the actor after it
            if verb is not None:
                head = verb.group("head").strip() if skipped is after else ""
                first, actors = self._joined_before(text, mentions, index, head)
                found.append(_Source(mentions[first].span.start, actors))
            elif words.markers_before.search(before):
                members = self._joined_after(text, mentions, index)
                joined.update(members)
                end = mentions[members[-1]].span.end
                head = text[end : end + _APPOSITION_REACH]
                actors = self._shared_head(text, mentions, members, _lower_words(head))
                found.append(_Source(mention.span.start, actors))
            elif words.report_after.match(after):
                found.append(_Source(mention.span.start, (mention.actor,)))
        for phrase in words.anaphora_pattern.finditer(text):
            after = text[phrase.end() : phrase.end() + _ATTRIBUTION_REACH]
            before = text[max(0, phrase.start() - _ATTRIBUTION_REACH) : phrase.start()]
            if not (
                words.verbs_after.match(after)
                or words.report_after.match(after)
                or words.markers_before.search(before)
            ):
                continue
            actor = context.last(words.anaphora[_fold(phrase.group())])
            if actor is not None:
                found.append(_Source(phrase.start(), (actor,)))
        return sorted(found, key=lambda source: source.position)

    def _joined_before(
        self, text: str, mentions: list[_Mention], index: int, head: str
    ) -> tuple[int, tuple[Actor, ...]]:
        """The sources that share the verb after ``mentions[index]``: "Seoul and Kyiv said",
        "U.S., South Korean and Ukrainian intelligence said"."""
        members = [index]
        gap_pattern = self.words.source_and
        while members[0] > 0:
            earlier = mentions[members[0] - 1]
            gap = _gap(text, earlier.span.end, mentions[members[0]].span.start)
            if not gap_pattern.match(gap) or self._is_recipient(text, earlier):
                break
            members.insert(0, members[0] - 1)
            gap_pattern = self.words.source_comma
        return members[0], self._shared_head(text, mentions, members, head.split())

    def _joined_after(self, text: str, mentions: list[_Mention], index: int) -> list[int]:
        """ "according to Seoul and Kyiv", "citing the NIS, the JCS and the Pentagon".

        Commas alone do not make a list ("according to Seoul, Moscow sent"): it takes an
        "and" before the last member.
        """
        members = [index]
        while members[-1] + 1 < len(mentions):
            later = members[-1] + 1
            gap = _gap(text, mentions[members[-1]].span.end, mentions[later].span.start)
            if self.words.source_and.match(gap):
                return [*members, later]
            if not self.words.source_comma.match(gap):
                break
            members.append(later)
        return [index]

    def _shared_head(
        self, text: str, mentions: list[_Mention], members: list[int], head: list[str]
    ) -> tuple[Actor, ...]:
        """Each listed source with the noun they share: "U.S., South Korean and Ukrainian
        intelligence" names U.S. intelligence and South Korean intelligence where the
        registry knows them, else the states themselves."""
        actors = []
        for member in members:
            mention = mentions[member]
            actor = mention.actor
            if len(members) > 1:
                for size in range(len(head), 0, -1):
                    named = f"{mention.span.slice(text)} {' '.join(head[:size])}"
                    longer = self.registry.resolve(named)
                    if longer is not None:
                        actor = longer
                        break
            actors.append(actor)
        return _unique(actors)

    @staticmethod
    def _names_next(
        text: str, mention: _Mention, after: str, verb: regex.Match[str], starts: set[int]
    ) -> bool:
        """Whether an actor is named right after the verb ("said the JCS")."""
        skipped = len(after) - len(_skip_apposition(after))
        position = mention.span.end + skipped + verb.end()
        rest = text[position : position + 8]
        gap = len(rest) - len(rest.lstrip())
        if rest.lstrip().lower().startswith("the "):
            gap += len(rest.lstrip()) - len(rest.lstrip()[4:])
        return position + gap in starts

    # Subject, recipient, predicate ---------------------------------------------------

    def _state_of(self, actor: Actor) -> Actor:
        """Forces act for their state in a claim's subject: North Korea's army is North Korea."""
        if actor.kind in (ActorKind.STATE, ActorKind.ARMED_GROUP):
            return actor
        for link in self.registry.lineage(actor):
            if link.kind is ActorKind.STATE:
                return link
        return actor

    def _is_recipient(self, text: str, mention: _Mention) -> bool:
        head = text[max(0, mention.span.start - 16) : mention.span.start].split()
        return bool(head) and head[-1].lower() in self.words.recipient_markers

    def _predicate(self, text: str, quantity: Quantity) -> Predicate:
        words = self.words
        if quantity.item:
            item = _fold(quantity.item)
            if item in words.predicate_of:
                return words.predicate_of[item]
            for found in words.predicates.finditer(item):
                return words.predicate_of[_fold(found.group())]
        best: tuple[int, Predicate] | None = None
        start, end = _window(text, quantity, _PREDICATE_REACH, _PREDICATE_REACH)
        for found in words.predicates.finditer(text, start, end):
            distance = (
                quantity.span.start - found.end()
                if found.end() <= quantity.span.start
                else found.start() - quantity.span.end
            )
            if distance < 0 or distance > _PREDICATE_REACH:
                continue
            if best is None or distance < best[0]:
                best = (distance, words.predicate_of[_fold(found.group())])
        return best[1] if best is not None else Predicate.OTHER

    def _hedge(self, text: str, quantity: Quantity) -> Hedge:
        """The hedge word nearest before the figure (or inside its phrase: "4,000 are
        believed to have been killed"), else one just after it."""
        before: tuple[int, Hedge] | None = None
        after: tuple[int, Hedge] | None = None
        start, end = _window(text, quantity, _HEDGE_REACH_BEFORE, _HEDGE_REACH_AFTER)
        for found in self.words.hedges.finditer(text, start, end):
            hedge = self.words.hedge_of[_fold(found.group())]
            if found.start() < quantity.span.end and found.end() > quantity.span.start:
                return hedge
            if found.end() <= quantity.span.start:
                distance = quantity.span.start - found.end()
                if distance <= _HEDGE_REACH_BEFORE and (before is None or distance < before[0]):
                    before = (distance, hedge)
            else:
                distance = found.start() - quantity.span.end
                if distance <= _HEDGE_REACH_AFTER and (after is None or distance < after[0]):
                    after = (distance, hedge)
        chosen = before or after
        return chosen[1] if chosen is not None else Hedge.STATED

    def _cumulative(self, text: str, quantity: Quantity, floor: int) -> bool | None:
        if quantity.change is not None:
            return False
        before = text[max(0, quantity.span.start - 60) : quantity.span.start]
        after = _clause_after(text, quantity.span.end)
        if self.words.totals.search(before) or self.words.totals.search(after):
            return True
        # "boosts ... with 3,000 troops", "3,000 reinforcements": an addition, not a level.
        # Words of an earlier figure's phrase are that figure's ("3,500 additional soldiers
        # at five centers"): only those after it count.
        after_previous = text[max(floor, quantity.span.start - 60) : quantity.span.start]
        if self.words.increments.search(after_previous) or (
            quantity.item and self.words.increments.search(quantity.item)
        ):
            return False
        return None

    # Structure ----------------------------------------------------------------------

    def _part_of(
        self,
        text: str,
        quantities: list[Quantity],
        index: int,
        offset: int,
        previous_part_of: Quantity | None,
    ) -> Quantity | None:
        """ "Of the 11,000 sent, 4,000 ...", "11,000 soldiers, of which 300 ... and another
        2,700 ...": the parts of a larger figure."""
        if index == 0:
            return None
        previous = quantities[index - 1]
        current = quantities[index]
        if current.unit == "fraction" or previous.unit != current.unit:
            return None
        gap = text[previous.span.end : current.span.start]
        if previous_part_of is not None and self.quantities.grammar.list_gap.fullmatch(gap):
            return previous_part_of  # "300 killed and another 2,700 wounded"
        opened = self.words.part_opener.search(
            text, max(0, previous.span.start - _PART_OPENER_REACH), previous.span.start
        )
        if self.words.part_markers.search(gap) or (opened and "," in gap):
            return _in_document(previous, offset)
        return None

    def _share_of(
        self, text: str, quantities: list[Quantity], index: int, claims: list[Claim]
    ) -> Claim | None:
        """ "around 4,000 casualties, with two-thirds killed": a derived figure of ~2,667."""
        share = quantities[index]
        if index == 0 or share.unit != "fraction" or share.value is None:
            return None
        base = quantities[index - 1]
        gap = text[base.span.end : share.span.start]
        if base.value is None or base.unit is not None or not self.words.share_markers.match(gap):
            return None
        value = (base.value * share.value).quantize(Decimal(1))
        quantity = attrs.evolve(
            share,
            value=value,
            low=value,
            high=value,
            bound=Bound.EXACT,
            approximate=True,
            unit=None,
            item=share.item,
        )
        stated = claims[-1]
        return attrs.evolve(
            stated,
            quantity=attrs.evolve(quantity, span=stated.quantity.span, text=stated.quantity.text),
            derived_from=(claims[-2].quantity, stated.quantity),
        )

    def _distribute(
        self, claim: Claim, text: str, quantity: Quantity, previous_text: str
    ) -> list[Claim]:
        """ "... guns and multiple launch rocket systems. ... 120 units of each system": one
        claim of 120 per system listed, each derived from the stated figure.

        The list is the last one named before the figure in its sentence, else the last in
        the sentence before (within 1,000 characters of the figure, or of that sentence's
        end). "each of the two brigades" takes only a list of two. Without
        such a list the stated claim stays as it is.
        """
        after = text[quantity.span.end : quantity.span.end + _APPOSITION_REACH].lstrip()
        found = self.words.distributive.search(quantity.item) if quantity.item else None
        if found is None:
            found = self.words.distributive.match(after)
            if found is None or found.end() == 0:
                return [claim]
        wanted: int | None = None
        if found.group("count"):
            count = parse_number(found.group("count"), lexicon=self.lexicon)
            wanted = int(count) if count is not None and count == int(count) else None
        start = max(0, quantity.span.start - _LIST_REACH)
        members = self._listed(text[start : quantity.span.start], wanted) or self._listed(
            previous_text[-_LIST_REACH:], wanted
        )
        if not members:
            return [claim]
        return [
            attrs.evolve(
                claim,
                quantity=attrs.evolve(claim.quantity, item=member),
                derived_from=(claim.quantity,),
            )
            for member in members
        ]

    def _listed(self, text: str, wanted: int | None) -> list[str]:
        """The members of the last list of things in ``text``: "A and B", "A, B and C".

        A member is a run of up to ten content words: it ends at punctuation, a function
        word, a reporting or predicate verb, or a word of origin ("North Korean-made").
        Lists of known actors ("Seoul and Kyiv") are not lists of things.
        """
        joins = list(self.words.list_and.finditer(text))
        for join in reversed(joins):
            right = self._member_after(text, join.end())
            left = self._members_before(text, join.start())
            if not right or not left:
                continue
            members = [*left, right]
            if any(self.registry.resolve(member) is not None for member in members):
                continue
            if wanted is None or len(members) == wanted:
                return members
        return []

    def _member_after(self, text: str, start: int) -> str:
        taken: list[str] = []
        for token in regex.finditer(r"\S+", text, pos=start):
            word = token.group()
            if word[0] in "([\"'":
                break
            bare = word.rstrip(",.;:!?)]\"'")
            if not bare or self._ends_member(bare) or len(taken) == _MEMBER_WORDS:
                break
            taken.append(bare)
            if bare != word:
                break
        return " ".join(taken)

    def _members_before(self, text: str, end: int) -> list[str]:
        """Members read backwards from ``end``: the one just before the joiner, then
        earlier ones closed by commas ("A, B, and C")."""
        members: list[str] = []
        current: list[str] = []
        for word in reversed(text[max(0, end - 40 * _MEMBER_WORDS) : end].split()):
            bare = word.rstrip(",")
            if bare != word:
                if not current:
                    break
                members.insert(0, " ".join(current))
                current = []
            if not self._member_word(bare) or len(current) == _MEMBER_WORDS:
                break
            current.insert(0, bare)
        if current:
            members.insert(0, " ".join(current))
        return members

    def _member_word(self, word: str) -> bool:
        return bool(word) and word[-1] not in ".;:!?)]\"'" and not self._ends_member(word)

    def _ends_member(self, word: str) -> bool:
        lowered = word.lower()
        return (
            lowered in self.words.member_stops
            or lowered.endswith(self.words.origin_suffixes)
            or not any(char.isalnum() for char in word)
        )


_RELAY_KINDS: Final = (ActorKind.NEWS_AGENCY, ActorKind.MEDIA_OUTLET)


class _SentenceView:
    """One sentence's actors, sources and time phrases, indexed once so that each figure is
    placed in logarithmic time: a sentence of a million figures stays linear."""

    def __init__(
        self,
        reader: ClaimReader,
        text: str,
        mentions: list[_Mention],
        sources: list[_Source],
        periods: list[tuple[Span, Period]],
    ) -> None:
        self.reader = reader
        self.text = text
        self.mentions = mentions
        originals = [s for s in sources if s.actors[0].kind not in _RELAY_KINDS]
        # A news agency or outlet that cites someone is a relay: it gives way to any other
        # source ("the Kyiv Independent reported, citing the General Staff").
        self.sources = originals or sources
        self.source_starts = [s.position for s in self.sources]
        self.periods = periods
        self.period_ends = [span.end for span, _ in periods]
        self.recipients: list[tuple[int, Actor]] = []
        for mention in mentions:
            if reader._is_recipient(text, mention):
                state = reader._state_of(mention.actor)
                if state.kind in _SUBJECT_KINDS:
                    self.recipients.append((mention.span.start, state))
        self.recipient_starts = [start for start, _ in self.recipients]
        self.reporting: list[Actor] = []  # news agencies named with a reporting verb
        for mention in mentions:
            actor = mention.actor
            after = text[mention.span.end : mention.span.end + _ATTRIBUTION_REACH]
            if (
                actor.kind in _RELAY_KINDS
                and actor not in self.reporting
                and reader.words.verbs_after.match(after)
            ):
                self.reporting.append(actor)
        self.first_subject: dict[tuple[str, ...], _Mention | None] = {}

    def originators(self, quantity: Quantity) -> tuple[Actor, ...]:
        """The source named nearest before the figure, else the first after it."""
        if not self.sources:
            return ()
        before = bisect.bisect_left(self.source_starts, quantity.span.start)
        return self.sources[before - 1 if before else 0].actors

    def via(self, credited: tuple[Actor, ...], originators: tuple[Actor, ...]) -> tuple[Actor, ...]:
        """Wires the figure came through: the page's credits (none for a related headline:
        they credit this story, not the other) and agencies named as reporting."""
        wires = list(credited)
        for actor in self.reporting:
            if actor not in originators and actor not in wires:
                wires.append(actor)
        return tuple(wires)

    def subject(self, quantity: Quantity, originators: tuple[Actor, ...]) -> Actor | None:
        """Whose figure it is: a state or force named in its item, or the first one named
        before it that is not its source nor a recipient."""
        reader = self.reader
        if quantity.item:
            for _, actor in reader.registry.find_all(quantity.item):
                if actor.kind in _SUBJECT_KINDS or actor.kind is ActorKind.STATE:
                    return reader._state_of(actor)
        key = tuple(a.id for a in originators)
        if key not in self.first_subject:
            sources = {link for a in originators for link in reader.registry.lineage(a)}
            self.first_subject[key] = next(
                (
                    m
                    for m in self.mentions
                    if m.actor not in sources
                    and reader._state_of(m.actor).kind in _SUBJECT_KINDS
                    and not reader._is_recipient(self.text, m)
                ),
                None,
            )
        first = self.first_subject[key]
        # Mentions do not overlap and come in order: if the first one that qualifies ends
        # after the figure, so do all the others.
        if first is not None and first.span.end <= quantity.span.start:
            return reader._state_of(first.actor)
        return None

    def recipient(self, quantity: Quantity) -> Actor | None:
        """A state or force after "to", "into", "for" following the figure."""
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


def _unique(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    return tuple(dict.fromkeys(actors))


def _gap(text: str, start: int, end: int) -> str:
    """The text between two names, or "" when it is too long to join them: copying a
    long stretch for every name would make a long sentence quadratic."""
    return text[start:end] if end - start <= _APPOSITION_REACH else ""


def _after_a_break(gap: str) -> bool:
    """Whether punctuation stands between a name and the verb after it: "Russia, said the
    JCS" puts the verb with the JCS; "Seoul Confirms Ukraine Captured ..." with Seoul."""
    return any(mark in gap for mark in ",'\")")


def _lower_words(text: str) -> list[str]:
    """The lower-case words ``text`` starts with (at most two): the noun after a list of
    names ("South Korean and Ukrainian intelligence reports")."""
    words: list[str] = []
    for word in text.split()[:2]:
        if not word.isalpha() or not word.islower():
            break
        words.append(word)
    return words


def _clause_after(text: str, end: int, reach: int = 60) -> str:
    """The words after a figure up to the end of its clause (a comma, semicolon or full
    stop), within ``reach`` characters: "killed since October 7", not what follows the
    comma after it."""
    window = text[end : end + reach]
    stops = [i for i in (window.find(","), window.find(";"), window.find(". ")) if i >= 0]
    return window[: min(stops, default=len(window))]


def _window(text: str, quantity: Quantity, before: int, after: int) -> tuple[int, int]:
    """Where to look for a word at most ``before``/``after`` characters from the figure."""
    return (
        max(0, quantity.span.start - before - _PHRASE_MARGIN),
        min(len(text), quantity.span.end + after + _PHRASE_MARGIN),
    )


def _restates(text: str, first: Quantity, second: Quantity, lexicon: Lexicon) -> bool:
    """Whether ``second`` gives ``first`` again in other units, in brackets just after it."""
    gap = text[first.span.end : second.span.start]
    if gap.strip() != "(" or first.unit is None or second.unit is None:
        return False
    units = lexicon.units
    one, other = units.get(first.unit), units.get(second.unit)
    return one is not None and other is not None and one.dimension == other.dimension


def _skip_apposition(after: str) -> str:
    """Look past a short apposition or bracket: "Kyrylo Budanov, Ukraine's intelligence
    chief, said", "South Korea's Joint Chiefs of Staff (JCS) said"."""
    stripped = after.lstrip()
    for opening, closing_mark in ((",", ","), ("(", ")")):
        if stripped.startswith(opening):
            closing = stripped.find(closing_mark, 1)
            if 0 < closing < _APPOSITION_REACH:
                return stripped[closing + 1 :]
    return after


def _in_document(quantity: Quantity, offset: int) -> Quantity:
    span = Span(quantity.span.start + offset, quantity.span.end + offset)
    return attrs.evolve(quantity, span=span)


@functools.cache
def _default_reader() -> ClaimReader:
    return ClaimReader()


def extract_claims(
    document: Article | str,
    *,
    published: date | None = None,
    registry: ActorRegistry | None = None,
    lexicon: Lexicon | None = None,
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
        article = read_article(document, published=published, registry=registry, lexicon=lexicon)
    else:
        raise InvalidInputError(
            "extract_claims", f"expected an Article or str, got {type(document).__name__}"
        )
    if registry is None and lexicon is None:
        return _default_reader().read(article, related=related)
    return ClaimReader(lexicon=lexicon, registry=registry).read(article, related=related)
