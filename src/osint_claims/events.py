"""Events: what happened to what a figure counts, read from the figure's own clause.

The vocabulary (``data/en/events.toml``, documented in ``docs/events.md``) gives each
predicate key its verbs ("killing at least 12"), states ("12 people were killed") and
nouns ("12 deaths", "a death toll of 40"), and the classes of things it takes ("intercepted"
takes weapons, "killed" people). :class:`EventReader` reads, in order of trust:

1. the counted item: an event noun as its head ("59 hostages", "death toll") or a state
   after it ("people displaced", "killed or wounded"); money is always ``money``;
2. the verb that governs the figure from its left, past qualifiers ("shot down 80 of",
   "killing at least 12");
3. the state after the counted thing, past auxiliaries ("40 drones were shot down");
4. the nearest event word elsewhere in the clause.

Each step keeps only a key that takes the counted thing's class ("captured 12 villages" is
``seized``, "captured 12 soldiers" ``captured``), never reads a word inside a capitalised
name ("Rapid Support Forces") or another figure's phrase, and stops at the clause's end.
A figure no step places is ``other``.

>>> reader = EventReader()
>>> text = "Coalition strikes killed 26 people, wounded 40 and destroyed 3 tanks."
>>> from osint_claims.quantities import extract_quantities
>>> found = extract_quantities(text)
>>> [reader.predicate(text, found, i).key for i in range(len(found))]
['killed', 'wounded', 'destroyed']
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from typing import Final

import regex

from ._patterns import alternation
from ._words import unquoted
from .lexicon import Lexicon
from .model import Predicate, Quantity
from .text import fold as _fold

__all__ = ["EventReader"]

# How far before a figure its governing verb may stand, and after its counted thing the
# state (with auxiliaries): beyond this a word belongs to another clause.
_VERB_REACH: Final = 60
_STATE_REACH: Final = 110
# How far before "had risen to" the toll it raises may be named.
_RISING_REACH: Final = 120
_CLAUSE_REACH: Final = 110

# How sure a step is: an item or a governing word beats a word elsewhere in the clause.
STRONG: Final = 2
WEAK: Final = 1
NONE: Final = 0


class EventReader:
    """The compiled event vocabulary of one lexicon.

    >>> EventReader().takes("intercepted")
    frozenset({'weapons'})
    """

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = Lexicon.default() if lexicon is None else lexicon
        self.units = self.lexicon.units
        self.currencies = self.lexicon.currencies
        table = self.lexicon.table
        self.order: list[str] = []
        self._takes: dict[str, frozenset[str]] = {}
        self.verb_keys: dict[str, list[str]] = {}
        self.state_keys: dict[str, list[str]] = {}
        self.noun_keys: dict[str, list[str]] = {}
        for key, entry in table("events", "predicates").items():
            self.order.append(key)
            self._takes[key] = frozenset(entry.get("takes", ()))
            for form, keys in (
                ("verbs", self.verb_keys),
                ("states", self.state_keys),
                ("nouns", self.noun_keys),
            ):
                for word in entry.get(form, ()):
                    keys.setdefault(_fold(word), []).append(key)
        self.classes: dict[str, frozenset[str]] = {}
        for name, words in table("events", "things").items():
            for word in words:
                folded = _fold(word)
                self.classes[folded] = self.classes.get(folded, frozenset()) | {name}
        fillers = alternation(self.lexicon.words("events", "fillers"))
        auxiliaries = alternation(self.lexicon.words("events", "auxiliaries"))
        # The verb just before a figure, past its qualifiers: "killing at least" (the
        # qualifier is in the figure's span) or "shot down all but".
        self.governing = regex.compile(
            rf"(?i)(?:^|[^\w'-])(?P<verb>{alternation(self.verb_keys)})"
            rf"(?:\s+(?:{fillers}))*[\s\"']*$"
        )
        # After the counted thing: an aside ("(...)", ", most of them children,"), a short
        # place ("in the camp"), auxiliaries, then the state.
        self.state_after = regex.compile(
            rf"(?i)^[\s,]*(?:\([^()]{{0,40}}\)\s*|,[^,;.()]{{1,60}},\s*)?"
            # "9 workers from a clinic run by the aid group X were among the dead"
            r"(?:(?:in|at|on|near|across|around|inside|from|of|with)\s+[^,;.()\d]{1,70}?\s+"
            r"(?=(?:had|have|has|were|was|are|is)\b))?"
            rf"(?:(?:{auxiliaries})\s+)*"
            rf"(?P<state>{alternation(self.state_keys)})(?![\w-])"
        )
        # "the release of 138 detainees", "the downing of five jets": a noun governs.
        self.nominal = regex.compile(
            rf"(?i)(?:^|[^\w'-])(?P<noun>{alternation(self.noun_keys)})\s+of\s+"
            rf"(?:the\s+)?(?:(?:{fillers})\s+)*[\s\"']*$"
        )
        # "the death toll ... had risen to 53,119": a toll's verb, then the figure.
        self.rising = regex.compile(
            r"(?i)\b(?:rose|risen|rises|rising|climbed|climbs|climbing|reached|reaches|"
            r"reaching|stood|stands|standing|hit|hits|increased|jumped|grew|surpassed|"
            r"exceeded|passed|topped|was|is|now)\s+(?:to|at)?\s*(?:(?:"
            rf"{fillers})\s+)*$"
        )
        # "Of the dead, 14 were civilians": what every figure of the sentence counts.
        self.sentence_lead = regex.compile(
            rf"(?i)^\W*(?:of|among)\s+(?:the|those)\s+(?P<noun>{alternation(self.noun_keys)}"
            rf"|{alternation(self.state_keys)})\b"
        )
        every = {*self.verb_keys, *self.state_keys, *self.noun_keys}
        self.any_word = regex.compile(rf"(?i)(?<![\w'-]){alternation(every)}(?![\w'-])")
        self.item_state = regex.compile(
            rf"(?i)(?<![\w'-])(?P<state>{alternation(self.state_keys)})$"
        )
        self.breaks = regex.compile(
            rf"(?i)[;:]|(?<![\w'-])(?:{alternation(self.lexicon.words('events', 'clause_breaks'))})"
            r"(?![\w'-])"
        )
        self.list_gap = regex.compile(
            r"(?i)^\s*(?:,\s*)?(?:and|or|as well as|plus|along with|,)?\s*"
            r"(?:another|a further|some|nearly|about|around|at least|more than|over)?\s*$"
        )
        self.part_gap = regex.compile(
            r"(?i)^\s*[,(]?\s*(?:including|among them|of whom|of which|of them|among whom)\s*$"
        )

    def takes(self, key: str) -> frozenset[str]:
        """The classes of things predicate ``key`` counts (empty: any)."""
        return self._takes.get(key, frozenset())

    # Classes ---------------------------------------------------------------------------

    def item_classes(self, item: str | None) -> frozenset[str]:
        """The classes of a counted item: of its head noun, and of what it is "of" ("300
        trucks of aid" is aid and equipment).

        >>> sorted(EventReader().item_classes("trucks of aid"))
        ['aid', 'equipment']
        >>> sorted(EventReader().item_classes("Russian Shahed drones"))
        ['weapons']
        """
        if not item:
            return frozenset()
        found: frozenset[str] = frozenset()
        for part in _fold(item).split(" of "):
            words = [w.strip(",.;:'\"()") for w in part.split()]
            for size in range(min(4, len(words)), 0, -1):
                phrase = " ".join(words[-size:])
                classes = self.classes.get(phrase)
                if classes:
                    found |= classes
                    break
            else:
                for word in reversed(words):
                    classes = self.classes.get(word)
                    if classes:
                        found |= classes
                        break
        return found

    def unit_classes(self, unit: str | None) -> frozenset[str]:
        """The class a unit gives what it measures: an area is ``area``.

        >>> EventReader().unit_classes("km2")
        frozenset({'area'})
        """
        if unit is None:
            return frozenset()
        known = self.units.get(unit)
        if known is not None and known.dimension == "area":
            return frozenset({"area"})
        return frozenset()

    def _fits(self, key: str, classes: frozenset[str]) -> bool:
        takes = self._takes.get(key, frozenset())
        return not classes or not takes or bool(takes & classes)

    def _pick(self, keys: Sequence[str], classes: frozenset[str]) -> str | None:
        """The key of ``keys`` that takes the most specific of ``classes`` ("300 trucks of
        aid entered" is aid before it is equipment), the narrowest first, else the first
        that takes any."""
        for name in _SPECIFIC:
            if name in classes:
                taking = [k for k in keys if name in self._takes.get(k, frozenset())]
                if taking:
                    return min(taking, key=lambda k: len(self._takes.get(k, frozenset())))
        for key in keys:
            if self._fits(key, classes):
                return key
        return None

    def keys_of(self, word: str) -> list[str]:
        """Every key a word of the vocabulary may stand for, verbs first."""
        folded = _fold(word)
        return [
            *self.verb_keys.get(folded, ()),
            *self.state_keys.get(folded, ()),
            *self.noun_keys.get(folded, ()),
        ]

    def repick(self, word: str | None, classes: frozenset[str]) -> str | None:
        """The key ``word`` takes for a thing of ``classes``: "captured 12 villages and 40
        soldiers" gives the soldiers ``captured`` from the villages' verb."""
        return None if word is None else self._pick(self.keys_of(word), classes)

    # Reading ---------------------------------------------------------------------------

    def predicate(
        self,
        text: str,
        quantities: Sequence[Quantity],
        index: int,
        *,
        names: Sequence[tuple[int, int]] = (),
    ) -> Predicate:
        """The predicate of ``quantities[index]`` in ``text`` (one sentence); ``names`` are
        spans of capitalised names whose words never count."""
        return Predicate(self.read(text, quantities, index, names=names)[0])

    def read(
        self,
        text: str,
        quantities: Sequence[Quantity],
        index: int,
        *,
        names: Sequence[tuple[int, int]] = (),
        classes: frozenset[str] | None = None,
    ) -> tuple[str, int, str | None]:
        """The predicate key of ``quantities[index]``, how sure the reading is, and the
        word it was read from."""
        quantity = quantities[index]
        if quantity.unit is not None and quantity.unit in self.currencies:
            return "money", STRONG, None
        if classes is None:
            classes = self.item_classes(quantity.item)
        classes = classes | self.unit_classes(quantity.unit)
        state = self._state_in_item(quantity.item, classes)
        if state is not None:
            # The state may go on past the item: "1,277 others taken to hospital"
            tail = text[quantity.span.end - len(state[1]) : quantity.span.end + _STATE_REACH]
            longer = self.state_after.match(tail)
            if longer is not None and len(longer.group("state")) > len(state[1]):
                key = self._pick(self.state_keys[_fold(longer.group("state"))], classes)
                if key is not None:
                    return key, STRONG, longer.group("state")
            return state[0], STRONG, state[1]
        noun = self._noun_in_item(quantity.item, classes)
        found = self._governed(text, quantities, index, classes, names)
        if found is not None and (noun is None or found[0] != "present"):
            return found[0], STRONG, found[1]
        if noun is not None:
            return noun[0], STRONG, noun[1]
        floor = quantities[index - 1].span.end if index else 0
        ceiling = quantities[index + 1].span.start if index + 1 < len(quantities) else len(text)
        return self._nearest(text, quantity, floor, ceiling, classes=classes, names=names)

    def _governed(
        self,
        text: str,
        quantities: Sequence[Quantity],
        index: int,
        classes: frozenset[str],
        names: Sequence[tuple[int, int]],
    ) -> tuple[str, str] | None:
        """The key of the verb governing the figure, else of the state after its thing."""
        quantity = quantities[index]
        floor = quantities[index - 1].span.end if index else 0
        ceiling = quantities[index + 1].span.start if index + 1 < len(quantities) else len(text)
        start = max(floor, quantity.span.start - _VERB_REACH)
        left = text[start : quantity.span.start]
        for cut in self.breaks.finditer(left):
            left = left[cut.end() :]
            start = quantity.span.start - len(left)
        # "says it has 'eliminated' more than 10 gunmen": quotes around a verb are no break
        left = unquoted(left)
        governing = self.governing.search(left)
        if governing is not None and not _inside(names, start + governing.start("verb")):
            word = governing.group("verb")
            key = self._pick(self.verb_keys[_fold(word)], classes)
            paired = _PAIRED_VERB.search(left, 0, governing.start("verb"))
            if paired is not None and key is not None:
                first = self._pick(self.verb_keys.get(_fold(paired.group(1)), ()), classes)
                if first == "intercepted":
                    # "intercepted and eliminated 57 drones": the air defence's act
                    return first, paired.group(1)
            if key is not None:
                return key, word
        nominal = self.nominal.search(left)
        if nominal is not None and not _inside(names, start + nominal.start("noun")):
            word = nominal.group("noun")
            key = self._pick(self.noun_keys[_fold(word)], classes)
            if key is not None:
                return key, word
        rising = self.rising.search(left)
        if rising is not None:
            # The toll the verb raises is named before it: "the death toll ... had risen to",
            # "the number of people killed has risen to", "the overall death toll since the
            # war began in October 2023 had risen to" (past the clause words between).
            lead = text[max(floor, quantity.span.start - _RISING_REACH) : start + rising.start()]
            for found in reversed(list(self.any_word.finditer(lead))):
                word = found.group()
                keys = [
                    k
                    for k in (
                        *self.noun_keys.get(_fold(word), ()),
                        *self.state_keys.get(_fold(word), ()),
                    )
                    if k != "present"
                ]
                key = self._pick(keys, classes)
                if key is not None:
                    return key, word
        right = text[quantity.span.end : min(ceiling, quantity.span.end + _STATE_REACH)]
        state = self.state_after.match(right)
        if state is not None and not _inside(names, quantity.span.end + state.start("state")):
            word = state.group("state")
            key = self._pick(self.state_keys[_fold(word)], classes)
            if key is not None:
                return key, word
        return None

    def _state_in_item(self, item: str | None, classes: frozenset[str]) -> tuple[str, str] | None:
        """A state after the item's head ("people displaced", "killed or wounded"), or a
        state of people before it ("41 wounded people", "300 displaced families")."""
        if not item:
            return None
        head = _fold(item).split(" of ")[0]
        words = head.split()
        state = self.item_state.search(head)
        if state is None and len(words) > 1:
            for key in self.state_keys.get(words[0], ()):
                if key in _PEOPLE_STATES:
                    return key, words[0]
        if state is None:
            return None
        word = state.group("state")
        keys = self.state_keys[_fold(word)]
        key = self._pick(keys, classes) or keys[0]
        return key, word

    def _noun_in_item(self, item: str | None, classes: frozenset[str]) -> tuple[str, str] | None:
        """An event noun heading the item: "59 hostages", "death toll", "12 deaths"."""
        if not item:
            return None
        words = _fold(item).split(" of ")[0].split()
        for size in range(min(4, len(words)), 0, -1):
            phrase = " ".join(words[-size:])
            keys = self.noun_keys.get(phrase)
            if keys:
                return self._pick(keys, classes) or keys[0], phrase
        return None

    def _nearest(
        self,
        text: str,
        quantity: Quantity,
        floor: int,
        ceiling: int,
        *,
        classes: frozenset[str],
        names: Sequence[tuple[int, int]],
    ) -> tuple[str, int, str | None]:
        """The event word nearest the figure within its clause."""
        start = max(floor, quantity.span.start - _CLAUSE_REACH)
        end = min(ceiling, quantity.span.end + _CLAUSE_REACH)
        before = text[start : quantity.span.start]
        for cut in self.breaks.finditer(before):
            start = quantity.span.start - len(before) + cut.end()
        after_cut = self.breaks.search(text, quantity.span.end, end)
        if after_cut is not None:
            end = after_cut.start()
        best: tuple[int, str, str] | None = None
        for found in self.any_word.finditer(text, start, end):
            if found.start() < quantity.span.end and found.end() > quantity.span.start:
                continue
            if _inside(names, found.start()):
                continue
            word = _fold(found.group())
            keys = [
                *self.verb_keys.get(word, ()),
                *self.state_keys.get(word, ()),
                *self.noun_keys.get(word, ()),
            ]
            key = self._pick(keys, classes)
            if key is None or key == "present":
                continue  # "has", "remain": too common to say what happened from afar
            distance = (
                quantity.span.start - found.end()
                if found.end() <= quantity.span.start
                else found.start() - quantity.span.end
            )
            if best is None or distance < best[0]:
                best = (distance, key, word)
        if best is None:
            return Predicate.OTHER.key, NONE, None
        return best[1], WEAK, best[2]

    def lead(self, text: str) -> str | None:
        """The word a sentence opens with that every figure of it counts: "Of the dead, 14
        were civilians and six were soldiers"."""
        found = self.sentence_lead.match(text)
        return None if found is None else found.group("noun")

    def breakdown(self, text: str, first: Quantity, second: Quantity) -> bool:
        """Whether ``second`` opens a breakdown of ``first`` after a colon ("57 drones: 23
        over the Bryansk Region, ...")."""
        return _BREAKDOWN_GAP.match(text[first.span.end : second.span.start]) is not None

    def placed_list(self, text: str, first: Quantity, second: Quantity) -> bool:
        """Whether two figures are listed by place ("23 over the Bryansk Region, 15 ...")."""
        return _PLACED_LIST_GAP.match(text[first.span.end : second.span.start]) is not None

    def joined(self, text: str, first: Quantity, second: Quantity) -> str | None:
        """How two neighbouring figures are joined: ``"list"`` ("12 civilians and 3
        soldiers"), ``"part"`` ("40 people, including 12 children"), else None."""
        gap = text[first.span.end : second.span.start]
        if self.list_gap.match(gap):
            return "list"
        if _BREAKDOWN_GAP.match(gap):
            return "part"  # "57 drones: 23 over the Bryansk Region, 15 over ..."
        if _PLACED_LIST_GAP.match(gap):
            return "list"  # "23 over the Bryansk Region, 15 over the Kursk Region"
        if self.part_gap.match(gap) or _PART_GAP.search(gap):
            return "part"
        if _OF_THEM.match(text, second.span.end):
            return "part"  # "killed 26 civilians on Sunday, eight of them children"
        return None


# "most of them Hezbollah fighters but including": a part named further on.
_PART_GAP: Final = regex.compile(
    r"(?i)^[^.;:]{0,80}\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+which)\s*$"
)
_BREAKDOWN_GAP: Final = regex.compile(r"(?i)^[^.;:]{0,60}:\s*$")
_PLACED_LIST_GAP: Final = regex.compile(
    r"(?i)^\s+(?:over|in|near|at|from|off|around|across)\s[^.;:,]{1,50},\s*(?:and\s+)?$"
)
# A verb coordinated before the governing one: "intercepted and eliminated".
_PAIRED_VERB: Final = regex.compile(r"(?i)\b([a-z]+(?:\s+down)?)\s+and\s+$")
_OF_THEM: Final = regex.compile(r"(?i)\s+of\s+(?:them|whom|those)\b")
_FAR: Final = 1 << 62
# States of people that may stand before the noun they qualify: "41 wounded people".
_PEOPLE_STATES: Final = frozenset(
    {"killed", "wounded", "missing", "displaced", "captured", "abducted", "released"}
)
# From the most specific class of things to the least: a key that takes the first one an
# item has wins.
_SPECIFIC: Final = ("aid", "money", "attacks", "weapons", "area", "places", "equipment", "people")


def _inside(names: Sequence[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` falls in one of ``names`` (sorted spans that do not nest far)."""
    at = bisect.bisect_right(names, (position, _FAR)) - 1
    return any(start <= position < end for start, end in names[max(0, at - 2) : at + 1])


@functools.cache
def _default_reader() -> EventReader:
    return EventReader()
