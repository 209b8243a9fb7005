"""Private: the structure of the figures of one sentence, for the claim reader.

Parts of a larger figure ("of the 11,000 sent, 4,000 ..."), shares that derive a figure
("around 4,000 casualties, with two-thirds killed"), one figure for every member of a list
("120 units of each system"), and the figures that are no claims (durations, ages, the
story's own participants, a figure restated in other units).
"""

from __future__ import annotations

from typing import Final

import attrs
import regex

from ._decimals import whole_share
from ._patterns import alternation
from .actors import ActorRegistry
from .lexicon import Lexicon
from .model import Bound, Claim, Quantity, Span
from .numbers import parse_number
from .text import fold

# How far back "of the" may open a figure that later ones are parts of.
_PART_OPENER_REACH: Final = 100
# How far before a figure "of each" (or from the end of the sentence before) its list may
# end: a bound, so that a sentence of many such figures is still read in linear time.
_LIST_REACH: Final = 1000
# A member of a listed set ("170 mm M1989 Koksan self-propelled artillery guns") is at most
# this many words long; a longer run is a clause, not a name.
_MEMBER_WORDS: Final = 10
# How far after a figure "of each" may follow it.
_AFTER_REACH: Final = 80
# "a 14-storey block": a figure, a hyphen, a word.
_HYPHENED: Final = regex.compile(r"^[\w.,]+-(?P<unit>[a-z]+)")
# "a boy aged 7", "aged between 18 and 45"; "aged 52, 56 and 34".
_AGED: Final = regex.compile(r"(?i)\baged?\s+(?:about\s+|around\s+|between\s+)?$")
_AGES_LISTED: Final = regex.compile(
    r"(?i)\baged?\s+[0-9]+(?:\s*,\s*[0-9]+)*\s*(?:,\s*|\s+and\s+|\s+to\s+)$"
)
_COMMA_END: Final = regex.compile(r",\s*$")
_WORD_BEFORE_MARK: Final = regex.compile(r"([\w'-]+)\s*[,(]\s*$")
# The oldest age a bare number after a name is read as.
_OLDEST: Final = 110


class Structure:
    """The compiled structure words of one lexicon."""

    def __init__(self, lexicon: Lexicon, registry: ActorRegistry) -> None:
        self.lexicon = lexicon
        self.registry = registry
        self.units = lexicon.units
        table = lexicon.table
        not_claims = table("claims", "not_claims")
        self.not_claim_items = frozenset(fold(w) for w in not_claims.get("items", ()))
        self.time_units = frozenset(fold(w) for w in not_claims.get("time_units", ()))
        self.attributive = frozenset(fold(w) for w in not_claims.get("attributive_units", ()))
        self.age_nouns = frozenset(fold(w) for w in not_claims.get("age_nouns", ()))
        vague = not_claims.get("vague_numerals", ())
        self.vague = (
            regex.compile(rf"(?i)^(?:{alternation(vague)})(?:\s+(?:of\s+)?(?:the\s+)?|$)")
            if vague
            else None
        )
        self.name_items = frozenset(not_claims.get("name_items", ()))
        self.magnitudes = frozenset(
            (
                *(fold(w) for w in lexicon.numbers("scales")),
                *(fold(w) for w in lexicon.numbers("counting_words")),
                *(fold(w) for w in lexicon.ranges("numbers", "vague_amounts")),
            )
        )
        places = not_claims.get("distance_places", ())
        self.distance_places = (
            regex.compile(rf"(?i)[\s,]*(?:{alternation(places)})\b") if places else None
        )
        participants = not_claims.get("participants", ())
        self.participants = (
            regex.compile(rf"(?i)^{alternation(participants)}\b") if participants else None
        )
        self.participant_determiners = regex.compile(
            rf"(?i)(?:^|\W)(?:{alternation(not_claims.get('participant_determiners', ['the']))})"
            r"\s+$"
        )
        structure = table("claims", "structure")
        self.recipient_markers = frozenset(fold(w) for w in structure["recipient_markers"])
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
        joiners = alternation(table("claims", "structure").get("joiners", ["and", "&"]))
        self.list_and = regex.compile(rf"(?i)\s*,?\s+(?:{joiners})\s+")
        # The states of events end a listed name ("... guns and rocket systems were
        # sent"); their verbs' base forms do not ("multiple launch rocket systems").
        events: set[str] = set()
        for entry in table("events", "predicates").values():
            events.update(fold(w) for w in entry.get("states", ()))
        # Words that end a listed name: function words, reporting and event verbs.
        self.member_stops = frozenset(
            fold(w)
            for w in (
                *lexicon.words("items", "stop_words"),
                *lexicon.words("items", "determiners"),
                *lexicon.words("items", "object_openers"),
                *lexicon.words("speakers", "verbs"),
                *lexicon.words("speakers", "auxiliaries"),
                *events,
                *lexicon.words("not_counts", "months"),
                "of",
                "and",
                "or",
                "&",
            )
        )

    # Not claims ------------------------------------------------------------------------

    def is_claim(self, text: str, quantity: Quantity, kept: list[Quantity]) -> bool:
        """Whether a figure says something: not a duration, an age, a list's length, the
        story's participants, nor a figure restated in brackets."""
        if quantity.item is not None:
            item = fold(quantity.item)
            if item in self.not_claim_items or item.split(" ", 1)[0] in self.time_units:
                return False
        if self._is_attributive(text, quantity) or self.is_age(text, quantity):
            return False
        if self._is_vague(quantity) or self._names_unit(quantity):
            return False
        if self._places_something(text, quantity) or _coded(quantity.text):
            return False
        if self._counts_participants(text, quantity):
            return False
        if self.list_length.search(text, max(0, quantity.span.start - 40), quantity.span.start):
            return False
        return not (kept and _restates(text, kept[-1], quantity, self.lexicon))

    def _is_vague(self, quantity: Quantity) -> bool:
        """ "several regions", "a few soldiers": no order of magnitude, no claim."""
        if self.vague is None or any(char.isdigit() for char in quantity.text):
            return False
        found = self.vague.match(fold(quantity.text))
        if found is None:
            return False
        rest = fold(quantity.text)[found.end() :].split()
        # "several hundred", "a few dozen" have a magnitude; "several regions" has none.
        return not (rest and rest[0] in self.magnitudes)

    def _names_unit(self, quantity: Quantity) -> bool:
        """ "5 Field Regiment", "1027 Operation": a number in a unit's or operation's name."""
        if not quantity.item:
            return False
        first = quantity.item.split()[0]
        return first in self.name_items

    def _places_something(self, text: str, quantity: Quantity) -> bool:
        """ "some 100 kilometres to the south", "40 km from the border": a distance that
        says where, not how much."""
        if self.distance_places is None or quantity.unit is None:
            return False
        unit = self.units.get(quantity.unit)
        if unit is None or unit.dimension != "length":
            return False
        return self.distance_places.match(text, quantity.span.end) is not None

    def _is_attributive(self, text: str, quantity: Quantity) -> bool:
        """ "a three-day assault", "a 14-storey block", "500-pound bombs": a figure joined
        by a hyphen to a measure describes the thing after it and counts nothing."""
        written = fold(quantity.text)
        found = _HYPHENED.match(written)
        return found is not None and found.group("unit") in self.attributive

    def is_age(self, text: str, quantity: Quantity) -> bool:
        """ "Ahmed Musa, 34, said", "a boy aged 7 and his sister, 12": a bare number after a
        name or a person, set off by commas or brackets, is an age."""
        if quantity.item or quantity.unit or quantity.bound is not Bound.EXACT:
            return False
        value = quantity.value
        if value is None or value != int(value) or not 0 < value <= _OLDEST:
            return False
        before = text[max(0, quantity.span.start - 40) : quantity.span.start]
        after = text[quantity.span.end : quantity.span.end + 3]
        if _AGED.search(before):
            return True
        if _AGES_LISTED.search(before):
            return True  # "aged 52, 56 and 34"
        bracketed = before.endswith("(") and after.startswith(")")
        comma = _COMMA_END.search(before) is not None and (
            after[:1] in (",", ".", ")", ";") or after.startswith(" an")
        )
        if not (bracketed or comma):
            return False
        word = _WORD_BEFORE_MARK.search(before)
        if word is None:
            return False
        last = word.group(1)
        return last[0].isupper() or fold(last) in self.age_nouns

    def _counts_participants(self, text: str, quantity: Quantity) -> bool:
        """ "the two countries", "all three leaders", "the two Koreas".

        Only a number written as a word, exact, after a definite determiner: a reporter
        writes "the 3,000 troops" in digits when the figure is news.
        """
        pattern = self.participants
        if pattern is None or quantity.item is None or quantity.bound is not Bound.EXACT:
            return False
        if quantity.approximate or any(char.isdigit() for char in quantity.text):
            return False
        item = fold(quantity.item)
        if not (pattern.match(item) or pattern.match(item.split(" ", 1)[-1])):
            return False
        before = text[max(0, quantity.span.start - 16) : quantity.span.start]
        return self.participant_determiners.search(before) is not None

    # Parts and shares ------------------------------------------------------------------

    def part_of(
        self,
        text: str,
        quantities: list[Quantity],
        index: int,
        *,
        offset: int,
        previous_part_of: Quantity | None,
        list_gap: regex.Pattern[str],
        breakdown: bool = False,
        listed: bool = False,
    ) -> Quantity | None:
        """ "Of the 11,000 sent, 4,000 ...", "11,000 soldiers, of which 300 ... and another
        2,700 ...": the parts of a larger figure; ``breakdown`` when a colon opens them
        ("57 drones: 23 over ...") and ``listed`` when they go on by place ("..., 15 over
        the Kursk Region")."""
        if index == 0:
            return None
        previous = quantities[index - 1]
        current = quantities[index]
        if current.unit == "fraction" or previous.unit != current.unit:
            return None
        gap = text[previous.span.end : current.span.start]
        if previous_part_of is not None and (list_gap.fullmatch(gap) or listed):
            return previous_part_of  # "300 killed and another 2,700 wounded"
        if breakdown:
            return in_document(previous, offset)  # "57 drones: 23 over Bryansk, ..."
        opened = self.part_opener.search(
            text, max(0, previous.span.start - _PART_OPENER_REACH), previous.span.start
        )
        if self.part_markers.search(gap) or (opened and "," in gap):
            return in_document(previous, offset)
        return None

    def share_of(
        self, text: str, quantities: list[Quantity], index: int, claims: list[Claim]
    ) -> Claim | None:
        """ "around 4,000 casualties, with two-thirds killed": a derived figure of ~2,667."""
        share = quantities[index]
        if index == 0 or share.unit != "fraction" or share.value is None:
            return None
        base = quantities[index - 1]
        gap = text[base.span.end : share.span.start]
        if base.value is None or base.unit is not None or not self.share_markers.match(gap):
            return None
        value = whole_share(base.value, share.value)
        if value is None:
            return None  # beyond what a figure may be: no derived claim
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

    # Distribution over a list ----------------------------------------------------------

    def distribute(
        self, claim: Claim, text: str, quantity: Quantity, previous_text: str
    ) -> list[Claim]:
        """ "... guns and multiple launch rocket systems. ... 120 units of each system": one
        claim of 120 per system listed, each derived from the stated figure.

        The list is the last one named before the figure in its sentence, else the last in
        the sentence before (within 1,000 characters of the figure, or of that sentence's
        end). "each of the two brigades" takes only a list of two. Without such a list the
        stated claim stays as it is.
        """
        after = text[quantity.span.end : quantity.span.end + _AFTER_REACH].lstrip()
        found = self.distributive.search(quantity.item) if quantity.item else None
        if found is None:
            found = self.distributive.match(after)
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
        word, a reporting or event verb, or a word of origin ("North Korean-made").
        Lists of known actors ("Seoul and Kyiv") are not lists of things.
        """
        joins = list(self.list_and.finditer(text))
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
            lowered in self.member_stops
            or lowered.endswith(self.origin_suffixes)
            or not any(char.isalnum() for char in word)
        )


def _coded(written: str) -> bool:
    """ "0800", "02": digits that start with a nought are a code, a time or a phone
    number, not a count."""
    digits = written.strip()
    return len(digits) > 1 and digits[0] == "0" and digits[1].isdigit()


def _restates(text: str, first: Quantity, second: Quantity, lexicon: Lexicon) -> bool:
    """Whether ``second`` gives ``first`` again in other units, in brackets just after it."""
    gap = text[first.span.end : second.span.start]
    if gap.strip() != "(" or first.unit is None or second.unit is None:
        return False
    units = lexicon.units
    one, other = units.get(first.unit), units.get(second.unit)
    return one is not None and other is not None and one.dimension == other.dimension


def in_document(quantity: Quantity, offset: int) -> Quantity:
    """``quantity`` with its span moved by ``offset`` (a sentence's place in its page)."""
    span = Span(quantity.span.start + offset, quantity.span.end + offset)
    return attrs.evolve(quantity, span=span)
