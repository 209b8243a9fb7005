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

import functools
from collections import Counter
from datetime import date
from decimal import Decimal
from typing import Final

import attrs
import regex

from ._patterns import alternation
from .actors import ActorRegistry
from .articles import Article, Segment, read_article
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
    Span,
)
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


@attrs.frozen(slots=True)
class _Mention:
    span: Span
    actor: Actor


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
            rf"^[\s,'\")]*(?:(?!{determiners}\b)[a-z]+\s+){{0,2}}?"
            rf"(?:(?i:{auxiliaries})\s+)?(?i:{verbs})\b"
        )
        self.markers_before = regex.compile(
            rf"(?i)\b{alternation(attribution['markers_before_source'])}\s+(?:the\s+)?$"
        )
        self.report_after = regex.compile(
            rf"(?i)^(?:'s)?\s+(?:[a-z]+\s+)?(?:{alternation(attribution['report_nouns'])})\b"
        )
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
        self.not_claim_items = frozenset(
            _fold(w) for w in table("claims", "not_claims").get("items", ())
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


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


class ClaimReader:
    """Reads claims with one lexicon and one actor registry; build once, reuse."""

    def __init__(
        self, *, lexicon: Lexicon | None = None, registry: ActorRegistry | None = None
    ) -> None:
        self.lexicon = Lexicon.default() if lexicon is None else lexicon
        self.registry = ActorRegistry.default() if registry is None else registry
        self.quantities = QuantityParser(self.lexicon)
        self.words = _Vocabulary(self.lexicon)

    def read(self, article: Article) -> list[Claim]:
        """Every claim of ``article``, in document order."""
        claims: list[Claim] = []
        named: list[Actor] = []  # actors named so far, for "the ministry", "he"
        subjects: Counter[str] = Counter()  # whose figures the article has been about
        for sentence in article.sentences:
            main = subjects.most_common(1)[0][0] if subjects else None
            found, _ = self._read_sentence(
                article, sentence, named, self.registry.get(main) if main else None
            )
            subjects.update(c.subject.id for c in found if c.subject is not None)
            claims.extend(found)
        return claims

    def _read_sentence(
        self,
        article: Article,
        sentence: Segment,
        named: list[Actor],
        previous_subject: Actor | None,
    ) -> tuple[list[Claim], Actor | None]:
        text = normalize(sentence.text)
        mentions = [_Mention(span, actor) for span, actor in self.registry.find_all(text)]
        sources = self._sources(text, mentions, named)
        named.extend(m.actor for m in mentions)
        quantities = self._claimable(text, self.quantities.extract(sentence.text))
        if not quantities:
            return [], previous_subject
        periods = find_periods(sentence.text, article.source.published, lexicon=self.lexicon)
        claims: list[Claim] = []
        part_of: Quantity | None = None
        for index, quantity in enumerate(quantities):
            originator = _nearest_source(sources, quantity)
            via = self._via(text, mentions, article, originator)
            predicate = self._predicate(text, quantity)
            if quantity.item is None and claims and claims[-1].predicate == predicate:
                subject = claims[-1].subject  # "at 4,000, while U.S. intelligence ... 1,200"
            else:
                subject = self._subject(text, quantity, mentions, originator)
            subject = subject or previous_subject
            part_of = self._part_of(text, quantities, index, sentence.span.start, part_of)
            claim = Claim(
                quantity=_in_document(quantity, sentence.span.start),
                predicate=predicate,
                subject=subject,
                recipient=self._recipient(text, quantity, mentions),
                period=_nearest_period(periods, quantity),
                as_of=article.source.published,
                cumulative=self._cumulative(text, quantity),
                attribution=Attribution(
                    outlet=article.source.outlet, via=via, originator=originator
                ),
                hedge=self._hedge(text, quantity),
                part_of=part_of,
                evidence=Evidence(sentence.text, sentence.span),
                source=article.source,
            )
            claims.append(claim)
            derived = self._share_of(text, quantities, index, claims)
            if derived is not None:
                claims.append(derived)
        return claims, claims[-1].subject if claims else previous_subject

    def _claimable(self, text: str, quantities: list[Quantity]) -> list[Quantity]:
        """Drop durations, repetitions and a figure restated in other units in brackets."""
        kept: list[Quantity] = []
        for quantity in quantities:
            if quantity.item is not None and _fold(quantity.item) in self.words.not_claim_items:
                continue
            if kept and _restates(text, kept[-1], quantity, self.lexicon):
                continue  # "1,300 square kilometers (500 square miles)": one figure
            kept.append(quantity)
        return kept

    # Attribution --------------------------------------------------------------------

    def _sources(
        self, text: str, mentions: list[_Mention], named: list[Actor]
    ) -> list[tuple[int, Actor]]:
        """Actors a reporting verb or marker names as a source, with where they stand."""
        words = self.words
        found: list[tuple[int, Actor]] = []
        starts = {m.span.start for m in mentions}
        for mention in mentions:
            after = text[mention.span.end : mention.span.end + _ATTRIBUTION_REACH]
            before = text[max(0, mention.span.start - _ATTRIBUTION_REACH) : mention.span.start]
            verb = words.verbs_after.match(_skip_apposition(after))
            if verb is not None and self._names_next(text, mention, after, verb, starts):
                verb = None  # "..., said the JCS": the verb belongs to the actor after it
            if verb or words.markers_before.search(before) or words.report_after.match(after):
                found.append((mention.span.start, mention.actor))
        for phrase in words.anaphora_pattern.finditer(text):
            after = text[phrase.end() : phrase.end() + _ATTRIBUTION_REACH]
            before = text[max(0, phrase.start() - _ATTRIBUTION_REACH) : phrase.start()]
            if not (
                words.verbs_after.match(after)
                or words.report_after.match(after)
                or words.markers_before.search(before)
            ):
                continue
            kinds = words.anaphora[_fold(phrase.group())]
            for actor in reversed(named):
                if actor.kind in kinds:
                    found.append((phrase.start(), actor))
                    break
        return sorted(found, key=lambda pair: pair[0])

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

    def _via(
        self,
        text: str,
        mentions: list[_Mention],
        article: Article,
        originator: Actor | None,
    ) -> tuple[Actor, ...]:
        """Wires the figure came through: the page's credits and agencies named as reporting."""
        wires = list(article.source.via)
        for mention in mentions:
            actor = mention.actor
            if actor.kind is not ActorKind.NEWS_AGENCY or actor == originator:
                continue
            after = text[mention.span.end : mention.span.end + _ATTRIBUTION_REACH]
            if self.words.verbs_after.match(after) and actor not in wires:
                wires.append(actor)
        return tuple(wires)

    # Subject, recipient, predicate ---------------------------------------------------

    def _subject(
        self, text: str, quantity: Quantity, mentions: list[_Mention], originator: Actor | None
    ) -> Actor | None:
        """Whose figure it is: a state or force named before it, or in its item."""
        if quantity.item:
            for _, actor in self.registry.find_all(quantity.item):
                if actor.kind in _SUBJECT_KINDS or actor.kind is ActorKind.STATE:
                    return self._state_of(actor)
        sources = set(self.registry.lineage(originator)) if originator is not None else set()
        before = [
            m
            for m in mentions
            if m.span.end <= quantity.span.start
            and m.actor not in sources
            and self._state_of(m.actor).kind in _SUBJECT_KINDS
            and not self._is_recipient(text, m)
        ]
        if before:
            return self._state_of(before[0].actor)
        return None

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

    def _recipient(self, text: str, quantity: Quantity, mentions: list[_Mention]) -> Actor | None:
        for mention in mentions:
            if mention.span.start >= quantity.span.start and self._is_recipient(text, mention):
                state = self._state_of(mention.actor)
                if state.kind in _SUBJECT_KINDS:
                    return state
        return None

    def _predicate(self, text: str, quantity: Quantity) -> Predicate:
        words = self.words
        if quantity.item:
            item = _fold(quantity.item)
            if item in words.predicate_of:
                return words.predicate_of[item]
            for found in words.predicates.finditer(item):
                return words.predicate_of[_fold(found.group())]
        best: tuple[int, Predicate] | None = None
        for found in words.predicates.finditer(text):
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
        for found in self.words.hedges.finditer(text):
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

    def _cumulative(self, text: str, quantity: Quantity) -> bool | None:
        if quantity.change is not None:
            return False
        if self.words.totals.search(text[max(0, quantity.span.start - 60) : quantity.span.start]):
            return True
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
        opened = self.words.part_opener.search(text[: previous.span.start])
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


def _nearest_source(sources: list[tuple[int, Actor]], quantity: Quantity) -> Actor | None:
    """The source named nearest before the figure, else the first after it.

    A news agency that cites someone is a relay, not the originator ("AP reported, citing
    South Korea's Joint Chiefs of Staff"): it gives way to any other source.
    """
    originals = [pair for pair in sources if pair[1].kind is not ActorKind.NEWS_AGENCY]
    sources = originals or sources
    before = [actor for position, actor in sources if position < quantity.span.start]
    if before:
        return before[-1]
    return sources[0][1] if sources else None


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


def _nearest_period(periods: list[tuple[Span, Period]], quantity: Quantity) -> Period | None:
    best: tuple[int, Period] | None = None
    for span, period in periods:
        if span.end <= quantity.span.start:
            distance = quantity.span.start - span.end
        elif span.start >= quantity.span.end:
            distance = span.start - quantity.span.end
        else:
            continue  # a period inside the figure's own phrase ("per month") is a rate
        if best is None or distance < best[0]:
            best = (distance, period)
    return best[1] if best is not None else None


@functools.cache
def _default_reader() -> ClaimReader:
    return ClaimReader()


def extract_claims(
    document: Article | str,
    *,
    published: date | None = None,
    registry: ActorRegistry | None = None,
    lexicon: Lexicon | None = None,
) -> list[Claim]:
    """Every claim in ``document`` (an :class:`Article`, or text to read as one).

    Page furniture, captions and related-article headlines yield none.
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
        return _default_reader().read(article)
    return ClaimReader(lexicon=lexicon, registry=registry).read(article)
