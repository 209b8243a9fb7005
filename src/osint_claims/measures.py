"""What a claim counts, for comparison: measures and how they nest.

"11,000 troops" and "10,000 soldiers" count the same thing; "300 killed" and "2,700
wounded" count parts of casualties; "4,000 killed or wounded" counts casualties. A
:class:`Measure` names what a claim counts (its *thing*) and, for things that move between
states, the act (troops *sent*); :class:`Measures` reads both from ``data/en/compare.toml``
and knows which measure is part of which.

>>> from decimal import Decimal
>>> from osint_claims import Claim, Predicate, Quantity
>>> measures = Measures.default()
>>> troops = Claim(Quantity.exact(Decimal(11000), item="North Korean soldiers"), Predicate.SENT)
>>> measures.measure_of(troops)
Measure(thing='personnel', act='sent')
>>> killed = measures.measure_of(Claim(Quantity.exact(Decimal(300)), Predicate.KILLED))
>>> killed, measures.parent(killed)
(Measure(thing='killed', act=None), Measure(thing='casualties', act=None))
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from typing import ClassVar, Final

import attrs
import regex

from ._patterns import words_pattern
from .lexicon import Lexicon
from .model import Claim
from .text import fold

__all__ = ["Measure", "Measures"]


@attrs.frozen(slots=True)
class Measure:
    """What a figure counts: a *thing* ("personnel", "killed", "area") and, for things
    that move, the act ("sent"). ``thing`` is ``None`` when the text never says what was
    counted ("over a thousand were sent").

    >>> Measure("personnel", "sent").label, Measure("killed").label, Measure(None, "sent").label
    ('personnel sent', 'killed', 'unstated sent')
    """

    thing: str | None
    act: str | None = None

    @property
    def label(self) -> str:
        """A short readable name: "personnel sent", "casualties"; an act that repeats the
        thing is said once.

        >>> Measure("aid", "aid").label
        'aid'
        """
        thing = self.thing if self.thing is not None else "unstated"
        return f"{thing} {self.act}" if self.act and self.act != thing else thing


_CURRENCY_DIMENSION: Final = "currency"


@attrs.frozen(slots=True, eq=False)
class _MeasureSpec:
    name: str
    part_of: str | None
    grows: bool
    # Measures named by a predicate, parts of a whole and measures of any act name what
    # happened on their own: no act is added to them.
    names_act: bool


class Measures:
    """The measures of a lexicon: which measure a claim counts and how measures nest.

    Built once per lexicon (:meth:`for_lexicon`); users extend the measures through the
    lexicon's ``compare`` topic.
    """

    _cache: ClassVar[weakref.WeakKeyDictionary[Lexicon, Measures]] = weakref.WeakKeyDictionary()

    def __init__(self, lexicon: Lexicon) -> None:
        table = lexicon.tables.get("compare", {})
        specs = table.get("measures", {})
        self._specs: dict[str, _MeasureSpec] = {}
        self._by_predicate: dict[str, str] = {}
        self._by_dimension: dict[str, str] = {}
        by_word: dict[str, str] = {}
        for name, spec in specs.items():
            predicates = tuple(spec.get("predicates", ()))
            self._specs[name] = _MeasureSpec(
                name=name,
                part_of=spec.get("part_of"),
                grows=bool(spec.get("grows", False)),
                names_act=bool(predicates)
                or spec.get("part_of") is not None
                or bool(spec.get("any_act", False)),
            )
            for key in predicates:
                self._by_predicate[key] = name
            for dimension in spec.get("dimensions", ()):
                self._by_dimension[dimension] = name
            for word in spec.get("words", ()):
                by_word[fold(word)] = name
        self._by_word: Mapping[str, str] = by_word
        self._word_pattern = regex.compile(words_pattern(by_word)) if by_word else None
        self._act_of: dict[str, str] = {}
        for act, predicates in table.get("acts", {}).items():
            for key in predicates:
                self._act_of[key] = act
        self._growing_acts = frozenset(table.get("growing", {}).get("acts", ()))
        self._dimension_of: dict[str, str] = {
            key: unit.dimension for key, unit in lexicon.units.items()
        }
        for code in lexicon.currencies:
            self._dimension_of[code] = _CURRENCY_DIMENSION

    @classmethod
    def for_lexicon(cls, lexicon: Lexicon) -> Measures:
        """The measures of ``lexicon``, built once and shared."""
        found = cls._cache.get(lexicon)
        if found is None:
            found = cls._cache[lexicon] = cls(lexicon)
        return found

    @classmethod
    def default(cls) -> Measures:
        """The measures of the default lexicon."""
        return cls.for_lexicon(Lexicon.default())

    def measure_of(self, claim: Claim) -> Measure:
        """What ``claim`` counts.

        >>> from decimal import Decimal
        >>> from osint_claims import Claim, Predicate, Quantity
        >>> m = Measures.default()
        >>> m.measure_of(Claim(Quantity.exact(Decimal(4000), item="killed or wounded"),
        ...                    Predicate.CASUALTIES))
        Measure(thing='casualties', act=None)
        >>> m.measure_of(Claim(Quantity.exact(Decimal(1300), unit="km2"), Predicate.SEIZED))
        Measure(thing='area', act='seized')
        >>> m.measure_of(Claim(Quantity.exact(Decimal(80), item="Russian drones"),
        ...                    Predicate.INTERCEPTED))
        Measure(thing='drones', act='intercepted')
        """
        key = claim.predicate.key
        act = self._act_of.get(key, key)
        named = self._by_predicate.get(key)
        if named is not None:
            return Measure(named)
        quantity = claim.quantity
        # A unit says what is counted before the item does: "$2 billion in military aid"
        # is money, "1,300 km2 of farmland" an area.
        thing = None
        if quantity.unit is not None:
            thing = self._by_dimension.get(self._dimension_of.get(quantity.unit, ""))
        if thing is None:
            thing = self._thing_of_item(quantity.item)
        if thing is None and quantity.item:
            thing = quantity.item.lower().split()[-1]
        if thing is not None and self._names_act(thing):
            return Measure(thing)
        return Measure(thing, act)

    def _thing_of_item(self, item: str | None) -> str | None:
        if not item or self._word_pattern is None:
            return None
        best: tuple[int, int, str] | None = None
        # Keys and item folded alike: whatever the pattern matches is a key.
        for match in self._word_pattern.finditer(fold(item), overlapped=True):
            words = fold(match.group())
            rank = (len(words), match.start(), self._by_word[words])
            if best is None or rank[:2] > best[:2]:
                best = rank
        return best[2] if best is not None else None

    def _names_act(self, thing: str) -> bool:
        spec = self._specs.get(thing)
        return spec is not None and spec.names_act

    def parent(self, measure: Measure) -> Measure | None:
        """The measure ``measure`` is a part of, if any (killed is a part of casualties)."""
        spec = self._specs.get(measure.thing or "")
        if spec is None or spec.part_of is None:
            return None
        return Measure(spec.part_of, measure.act)

    def is_part(self, part: Measure, whole: Measure) -> bool:
        """Whether ``part`` is (transitively) a part of ``whole``.

        >>> m = Measures.default()
        >>> m.is_part(Measure("wounded"), Measure("casualties")), m.is_part(
        ...     Measure("casualties"), Measure("wounded"))
        (True, False)
        """
        seen: set[str] = set()
        step = self.parent(part)
        while step is not None and step.thing not in seen:
            if step == whole:
                return True
            seen.add(step.thing or "")
            step = self.parent(step)
        return False

    def grows(self, measure: Measure) -> bool:
        """Whether running totals of ``measure`` never fall: its thing grows (the dead stay
        dead) or its act does (what was launched or destroyed stays so).

        >>> m = Measures.default()
        >>> m.grows(Measure("drones", "launched")), m.grows(Measure("personnel", "present"))
        (True, False)
        """
        spec = self._specs.get(measure.thing or "")
        if spec is not None and spec.grows:
            return True
        return measure.act is not None and measure.act in self._growing_acts
