"""Number-and-unit phrases: qualifiers, ranges, units, the counted item, and the traps.

The pipeline for each figure the numeral scanner finds in the normalised text:

1. *classify*: is it a count at all? Years, dates, times, ordinals, calibres, model
   designations, footnote marks, labels and page furniture are passed over;
2. *read the context before it*: qualifiers, a range opener, change words, a currency;
3. *read what follows*: a second figure closing a range, a unit, trailing qualifiers,
   casualty words or the counted item, a rate;
4. *build* a :class:`~osint_claims.model.Quantity` whose span covers the whole phrase.

>>> [q.text for q in extract_quantities("Some 11,000 troops and 200 pieces of artillery.")]
['Some 11,000 troops', '200 pieces of artillery']
>>> q = parse_quantity("between 30,000 and 45,000 killed and wounded per month")
>>> q.bound.name, q.low, q.high, q.item, q.per
('RANGE', Decimal('30000'), Decimal('45000'), 'killed and wounded', 'month')
"""

from __future__ import annotations

import functools
from decimal import Decimal

import attrs
import regex

from ._decimals import EXACT, product
from ._grammar import LEAD_WINDOW, LEFT_WINDOW, Grammar
from ._items import ItemReader
from .errors import FigureRangeError, InvalidInputError
from .lexicon import Lexicon
from .model import Bound, Change, Quantity
from .numbers import Numeral, NumeralCursor, NumeralKind, scan_form
from .text import fold, normalize, scan_forms

__all__ = ["QuantityParser", "extract_quantities", "parse_quantity"]

_THOUSAND = Decimal(1000)
_TEN = Decimal(10)
# How far past "up" or "down" to look for "by" ("up by 10%"): a blank, "by", a blank.
_BY_AHEAD = 4
# A year is written with four digits.
_YEAR_DIGITS = 4
# The last day of a month: a larger figure after "March 6," is no day of it.
_LAST_DAY = 31

# Enum members read once: on Python 3.11 an attribute of an Enum class costs several times
# a global (EnumType defines __getattr__), and the parser reads them for every figure.
_DIGITS, _WORDS, _FRACTION, _VAGUE = (
    NumeralKind.DIGITS,
    NumeralKind.WORDS,
    NumeralKind.FRACTION,
    NumeralKind.VAGUE,
)
_EXACT, _RANGE = Bound.EXACT, Bound.RANGE
_LOWER_BOUNDS = (Bound.AT_LEAST, Bound.MORE_THAN)
_UPPER_BOUNDS = (Bound.AT_MOST, Bound.LESS_THAN)
_INCREASE, _DECREASE = Change.INCREASE, Change.DECREASE


@attrs.define(slots=True)
class _Draft:
    """A quantity being assembled: mutable while the pipeline reads around one figure."""

    start: int
    end: int
    first: Numeral
    second: Numeral | None = None
    bound: Bound = Bound.EXACT
    approximate: bool = False
    change: Change | None = None
    unit: str | None = None
    item: str | None = None
    per: str | None = None
    qualified: bool = False
    bound_word: str | None = None
    opener: str | None = None
    opener_start: int | None = None
    levels: bool = False
    low: Decimal | None = None
    high: Decimal | None = None
    # Where Grammar.follow_gate found that no trailing qualifier, change word or rate can
    # start: the readers of those skip it there.
    quiet_at: int = -1
    # The figure opens a range of days or hours closed by a date or time: no count.
    dated: bool = False


@attrs.define(slots=True)
class _ScanState:
    """What one scan of a text remembers from figure to figure."""

    last_date_end: int | None = None


class QuantityParser:
    """Reads quantities with one lexicon; build once and reuse (it holds compiled patterns).

    >>> parser = QuantityParser()
    >>> [str(q.value) for q in parser.extract("an additional 3,000 troops; 1,500 more")]
    ['3000', '1500']
    """

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = Lexicon.default() if lexicon is None else lexicon
        self.grammar = Grammar.for_lexicon(self.lexicon)
        self.items = ItemReader(self.grammar)

    def extract(self, text: str) -> list[Quantity]:
        """Every quantity in ``text``, in order of position.

        A figure out of range (see :class:`~osint_claims.FigureRangeError`) is no quantity:
        it is passed over, and the rest of the text read.
        """
        if not isinstance(text, str):
            raise InvalidInputError(
                "extract_quantities", f"expected str, got {type(text).__name__}"
            )
        return self._extract(text)[0]

    def _extract(self, text: str) -> tuple[list[Quantity], tuple[int, int] | None]:
        """The quantities in ``text``, and where the first figure out of range stands."""
        forms = scan_forms(text)
        if forms is None:  # many characters beyond ASCII, or a capital sigma
            plain = normalize(text)
            scan = scan_form(plain, normalized=True)
            ascii_scan = None
        else:
            plain, scan, ascii_scan = forms
        # Each quantity is built as soon as the next one is read (which may carry its
        # approximation over), so that only one draft is alive at a time: a text of figures
        # alone ("1 1 1 ...") would otherwise hold a draft and a numeral for each of them,
        # and the garbage collector walk them all again and again.
        found: list[Quantity] = []
        last: _Draft | None = None
        position = 0
        cursor = NumeralCursor(self.grammar.numerals, scan, ascii_scan)
        state = _ScanState()
        while True:
            numeral = cursor.next(position)
            if numeral is None:
                break
            floor = last.end if last is not None else 0
            previous = position
            draft, position = self._read(plain, numeral, floor, state)
            # Every step moves on, whatever a rule answered (a numeral found from a later
            # word may start before where the scan stood): the scan must end.
            position = max(position, previous + 1, numeral.start + 1)
            # Numerals can chain ("twenty one half"): a figure that would start inside the
            # previous one is part of it, never a second quantity over the same words.
            if draft is not None and draft.start >= floor:
                if last is not None:
                    if last.approximate:
                        self._carry_approximation(plain, last, draft)
                    found.append(self._build(text, last))
                last = draft
        if last is not None:
            found.append(self._build(text, last))
        return found, cursor.out_of_range

    def parse(self, phrase: str) -> Quantity | None:
        """The first quantity in ``phrase``, or None when it holds none.

        Raises :class:`~osint_claims.FigureRangeError` where a figure out of range comes
        before the first quantity: that figure would have been the first.
        """
        if not isinstance(phrase, str):
            raise InvalidInputError("parse_quantity", f"expected str, got {type(phrase).__name__}")
        found, beyond = self._extract(phrase)
        if beyond is not None and (not found or beyond[0] < found[0].span.start):
            raise FigureRangeError("parse_quantity", phrase[beyond[0] : beyond[1]])
        return found[0] if found else None

    # 1. classify ------------------------------------------------------------------------

    def _read(
        self, text: str, numeral: Numeral, floor: int, state: _ScanState
    ) -> tuple[_Draft | None, int]:
        """Read the quantity around ``numeral``; return it (or None) and where to go on.

        The context before the figure is read no further back than ``floor``, the end of
        the previous quantity, so phrases never overlap.
        """
        grammar = self.grammar
        if numeral.start and text[numeral.start - 1] == "+":
            phone = grammar.phone_number.match(text, numeral.start - 1)
            if phone is not None:
                return None, phone.end()  # "+380 44 287 5679"
        # The word just before the figure: a label ("Resolution 2231") or a qualifier.
        word_before = _word_before(text, numeral.start)
        if self._is_not_a_count(text, numeral, word_before) or self._continues_date(
            text, numeral, state
        ):
            state.last_date_end = numeral.end
            return None, numeral.end
        draft = _Draft(numeral.start, numeral.end, numeral)  # by position: cheaper
        self._read_before(text, draft, floor, word_before)
        if grammar.may_have_unit_or_connector(text, numeral.end):
            unit = self._unit_at(text, numeral.end)
            position = self._read_range(text, draft, unit)
            if draft.dated:
                state.last_date_end = numeral.end
                return None, numeral.end
        else:
            unit, position = None, numeral.end
        looked_for_unit = numeral.end
        if draft.second is not None:
            unit = self._unit_at(text, position)
            looked_for_unit = position
        if unit is not None:
            position = self._read_unit(draft, unit, position)
        if draft.unit in grammar.calibre_units and self._is_calibre(text, position, draft):
            return None, position
        if _is_year_shaped(numeral) and self._is_year(text, draft, position):
            return None, max(position, numeral.end)
        if not grammar.follow_gate.may_follow(text, position):
            draft.quiet_at = position
        else:
            position = self._read_trailing(text, draft, position)
        if draft.unit is None and position != looked_for_unit:
            position = self._read_unit(draft, self._unit_at(text, position), position)
        position = self._read_item(text, draft, position)
        if position != draft.quiet_at:
            position = self._read_trailing(text, draft, position)
        if draft.item is None and draft.unit is None:
            self._read_lead_in(text, draft, floor)
        draft.end = max(draft.end, position)
        return draft, max(position, numeral.end)

    def _unit_at(self, text: str, position: int) -> regex.Match[str] | None:
        if not self.grammar.may_have_unit(text, position):
            return None
        return self.grammar.unit_after.match(text, position)

    def _is_not_a_count(self, text: str, numeral: Numeral, word_before: str) -> bool:
        grammar = self.grammar
        start, end = numeral.start, numeral.end
        if (
            text.startswith("-", end)
            and grammar.hyphen_not_count is not None
            and grammar.hyphen_not_count.match(text, end)
        ):
            return True  # an age or a magnitude: "a 12-year-old girl"
        before = text[start - 1] if start else ""
        if numeral.kind is _DIGITS:
            if (
                before.isalpha()
                or (before != "" and before in "/#@_\\:")
                or (before == "[" and text[end : end + 1] == "]")
            ):
                return True
            if before == "-" and start >= 2 and text[start - 2].isalnum():
                # "T-72", "Su-34"; after digits, the end of a range already refused
                # ("2025-03-27", "2018-2019").
                return True
            touching_letters = end < len(text) and text[end].isalpha() and not numeral.scaled
            if (
                touching_letters
                and not self._unit_at(text, end)
                and not grammar.not_count_after.match(text, end)
            ):
                return True  # a designation ("2S19"), not a unit or an ordinal
            if grammar.may_be_marked(text, end) and grammar.not_count_after.match(text, end):
                return True
            if word_before in grammar.labels:
                return True  # "Resolution 2231", "March 27"
        if numeral.kind is _WORDS and numeral.value == 1 and not numeral.scaled:
            return self._is_pronoun_one(text, numeral)
        if numeral.kind is _FRACTION and numeral.value is not None:
            return self._is_ordinal_share(text, numeral)
        return False

    def _is_pronoun_one(self, text: str, numeral: Numeral) -> bool:
        grammar = self.grammar
        if grammar.pronoun_one_after.match(text, numeral.end):
            return True
        previous = text[max(0, numeral.start - 20) : numeral.start].split()
        return bool(previous) and previous[-1] in grammar.pronoun_one_before

    def _is_ordinal_share(self, text: str, numeral: Numeral) -> bool:
        """A one-word share followed by a noun is an ordinal: "a third soldier"."""
        grammar = self.grammar
        written = text[numeral.start : numeral.end]
        previous = text[max(0, numeral.start - 20) : numeral.start].split()
        if previous and previous[-1] in grammar.fraction_preceders:
            return True
        if numeral.value is None or numeral.value >= 1 or len(written.split()) > 2:
            return False
        if "-" in written or written.split()[0].lower() not in ("a", "an", "one", written.lower()):
            return False
        if written.lower().rstrip("s") != written.lower() and not written.lower().endswith("half"):
            return False
        following = grammar.next_word.match(text, numeral.end)
        if following is None:
            return False
        word = following.group(1).lower()
        # An ordinal stands before a noun ("a third soldier"); before "of", a casualty word,
        # an auxiliary or a preposition ("rose by a quarter in 2024") the share is a figure.
        return not (
            word in grammar.after_share
            or word in grammar.casualty_words
            or word in grammar.auxiliaries
            or word in grammar.stop_words
        )

    def _is_calibre(self, text: str, position: int, draft: _Draft) -> bool:
        """A length in mm, cm or inches before a noun names a calibre: "170mm guns"."""
        unit_text = text[draft.first.end : position]
        if "-" in unit_text:
            return True
        word = self.grammar.word_at(text, position)
        if word is None:
            return False
        word = word.lower()
        return word != "of" and word not in self.grammar.stop_words

    def _continues_date(self, text: str, numeral: Numeral, state: _ScanState) -> bool:
        """ "on March 6 and 7": a figure joined to a date just passed over is one too."""
        last = state.last_date_end
        if last is None or numeral.start <= last or numeral.kind is not _DIGITS:
            return False
        grammar = self.grammar
        if grammar.may_join_date(text, last) and grammar.date_joiner.fullmatch(
            text, last, numeral.start
        ):
            return self._is_listed_day(text, numeral, text[last : numeral.start])
        if grammar.date_joiners_without_digits:
            # Every later gap from this date holds this figure's digits: none can join it.
            state.last_date_end = None
        return False

    def _is_listed_day(self, text: str, numeral: Numeral, gap: str) -> bool:
        """Whether a figure after a date and ``gap`` is another day of it ("March 6 and 7").

        A comma alone after a date more often opens a clause ("On March 6, 300 troops
        crossed"): there the figure is a day only where it could be one and a joiner, a
        punctuation mark or nothing comes next ("March 6, 7 and 8").
        """
        if gap.strip() != ",":
            return True
        value = numeral.value
        if not (numeral.plain and value is not None and 1 <= value <= _LAST_DAY):
            return False
        word = self.grammar.word_at(text, numeral.end)
        return word is None or word.lower() in self.grammar.date_joiner_words

    def _is_year(self, text: str, draft: _Draft, position: int) -> bool:
        """Whether a year-shaped figure (see :func:`_is_year_shaped`) is a year here."""
        numeral = draft.first
        if numeral.value is None or not self.grammar.is_year(numeral.value):
            return False
        if draft.unit is not None:
            return False
        if draft.qualified:
            word = self.grammar.word_at(text, position)
            if word and word.lower() not in self.grammar.stop_words:
                return False  # "more than 2000 soldiers"
        return True

    # 2. the context before the figure ---------------------------------------------------

    def _read_before(self, text: str, draft: _Draft, floor: int, word_before: str) -> None:
        grammar = self.grammar
        start = draft.first.start
        if not grammar.may_have_left_context(text, start, word_before):
            return
        window = max(floor, start - LEFT_WINDOW)
        # A sign alone before the figure ("$1 $1 $1"; no word before it, or the sign is
        # that word): what the pattern would find, without the cost of asking it.
        if not word_before[:1].isalnum():
            lone = grammar.lone_currency(text[window:start])
            if lone is not None:
                draft.unit, at = lone
                draft.start = window + at
                return
        match = grammar.left.match(text, window, start)
        if match is None or match.start() == start:
            return
        group = grammar.left_groups
        starts = [start]
        qualifier_group = group["qualifier"]
        qualifier_starts = match.starts(qualifier_group)
        for index, qualifier in enumerate(match.captures(qualifier_group)):
            bound, approximate = grammar.qualifier_bounds[fold(qualifier)]
            if approximate:
                draft.approximate = True
            elif draft.bound is _EXACT and bound is not None:
                draft.bound = bound
                draft.bound_word = fold(qualifier)
            draft.qualified = True
            starts.append(qualifier_starts[index])
        change = match.group(group["change"])
        if change:
            increase = grammar.change_before[fold(change)]
            draft.change = _INCREASE if increase else _DECREASE
            starts.append(match.start(group["change"]))
        currency = match.group(group["currency"])
        if currency:
            draft.unit = grammar.currency_of_symbol[fold(currency)]
            starts.append(match.start(group["currency"]))
        openers = match.captures(group["opener"])
        verb = match.group(group["verb"])
        if verb and fold(verb) in grammar.particles:
            verb = self._particle_change(text, verb, match.span(group["verb"]))
        if openers:
            draft.opener = fold(openers[-1])
            draft.opener_start = match.starts(group["opener"])[-1]
        if verb:
            if draft.opener is not None:
                draft.opener = None  # "rose from 10 to 12": two levels, not a range
                draft.levels = True
            else:
                increase = fold(verb) in grammar.increase_verbs
                draft.change = _INCREASE if increase else _DECREASE
        draft.start = min(starts)

    def _particle_change(self, text: str, particle: str, span: tuple[int, int]) -> str | None:
        """``particle`` ("down") where it says a change ("were down 5%", "pushed premiums up
        by 10%"), None where it is a verb's ("shot down 18 drones")."""
        start, end = span
        if text[end : end + _BY_AHEAD].lower().split()[:1] == ["by"]:
            return particle
        word = _word_before(text, start)
        if not word or not word[-1].isalnum():
            return particle  # nothing or punctuation before: "Exports, up 12%"
        return particle if word.lower() in self.grammar.particle_changes_after else None

    # 3. what follows --------------------------------------------------------------------

    def _read_range(self, text: str, draft: _Draft, unit_match: regex.Match[str] | None) -> int:
        grammar = self.grammar
        first = draft.first
        position = first.end
        unit_end = unit_match.end() if unit_match else position
        if not grammar.may_have_connector(text, unit_end):
            return position
        connector = grammar.range_connector.match(text, unit_end)
        if connector is None or draft.levels or first.value is None or first.kind is _VAGUE:
            return position
        word = fold(connector.group(grammar.connector_groups["connector"]))
        expected = grammar.openers.get(draft.opener) if draft.opener else None
        if word == "and" and expected != "and":
            return position
        currency = connector.group(grammar.connector_groups["currency"])
        if currency and unit_match is not None:
            return position  # a unit, then money: "rose 10% to $300" is no range
        second = grammar.numerals.match(text, connector.end())
        if second is None or second.value is None or second.kind is _VAGUE:
            return position
        if grammar.not_count_after.match(text, second.end):
            if first.plain and first.value <= _LAST_DAY:
                draft.dated = True  # "between 7 and 9 April", "from 5 to 7 p.m."
            return position
        if self._both_years(first, second, text):
            return position
        low, high = first.value, second.value
        if second.scale is not None and first.scale is None:
            scaled = product(low, second.scale)  # "from 10 to 12 thousand"
            if scaled is None:
                return position  # out of range: no range
            low = scaled
        elif first.plain and second.scale is None and low < _THOUSAND <= high:
            low = _shared_thousands(low, high)  # "70 or 80,000"
        if low >= high:
            return position
        draft.second = second
        draft.low, draft.high = low, high
        draft.bound = _RANGE
        if draft.opener is not None and draft.opener_start is not None:
            draft.start = min(draft.start, draft.opener_start)
        if unit_match is not None:
            draft.unit = grammar.unit_of_form[fold(unit_match.group(grammar.unit_group))]
        if currency:
            draft.unit = grammar.currency_of_symbol[fold(currency)]
        return second.end

    def _both_years(self, first: Numeral, second: Numeral, text: str) -> bool:
        if first.value is None or second.value is None:
            return False
        first_digits = text[first.start : first.end]
        second_digits = text[second.start : second.end]
        if len(first_digits) != 4 or not self.grammar.is_year(first.value):
            return False
        return len(second_digits) in (2, 4)

    def _read_unit(self, draft: _Draft, unit: regex.Match[str] | None, position: int) -> int:
        if unit is None:
            return position
        draft.unit = self.grammar.unit_of_form[fold(unit.group(self.grammar.unit_group))]
        return unit.end()

    def _read_trailing(self, text: str, draft: _Draft, position: int) -> int:
        if not self.grammar.trailing_gate.may_follow(text, position):
            return position
        match = self.grammar.trailing.match(text, position)
        if match is None:
            return position
        bound, approximate = self.grammar.trailing_bounds[
            fold(match.group(self.grammar.trailing_group))
        ]
        if approximate:
            draft.approximate = True
        elif draft.bound is _EXACT and bound is not None:
            draft.bound = bound
        else:
            return position
        return match.end()

    def _read_item(self, text: str, draft: _Draft, position: int) -> int:
        grammar = self.grammar
        change = None
        if position != draft.quiet_at and grammar.change_gate.may_follow(text, position):
            change = grammar.change_word_after.match(text, position)
        if change is not None and draft.change is None:
            word = grammar.word_at(text, change.end())
            if word is None or word.lower() != "than":
                draft.change = (
                    _INCREASE
                    if grammar.change_after[fold(change.group(grammar.change_after_group))]
                    else _DECREASE
                )
                position = change.end()
        if position != draft.quiet_at:
            position = self._read_rate(text, draft, position)
        if draft.per is None:
            # A figure quoted on its own ('"over a thousand" military personnel') still
            # counts what follows the closing quote. (Texts arrive with quotes straightened.)
            quoted = (
                text.startswith('"', position) and draft.start > 0 and text[draft.start - 1] == '"'
            )
            draft.item, after = self.items.read(text, position + 1 if quoted else position)
            position = after if draft.item is not None or not quoted else position
            if draft.bound_word is not None:
                self._undo_span_bound(draft)
            if position != draft.quiet_at:
                if grammar.follow_gate.may_follow(text, position):
                    position = self._read_rate(text, draft, position)
                else:
                    draft.quiet_at = position
        return position

    def _undo_span_bound(self, draft: _Draft) -> None:
        """ "over three years" is a stretch of time, not "more than three years"."""
        grammar = self.grammar
        if (
            draft.bound_word in grammar.span_qualifiers
            and draft.item is not None
            and draft.item.lower() in grammar.period_items
        ):
            draft.bound = _EXACT
            draft.qualified = False

    def _read_rate(self, text: str, draft: _Draft, position: int) -> int:
        """A rate after the figure or its item: "per month", "a day", "daily"."""
        grammar = self.grammar
        if not grammar.rate_gate.may_follow(text, position):
            return position
        rate = grammar.rate_after.match(text, position)
        if rate is None:
            return position
        period = rate.group(grammar.rate_groups["period"])
        if period:
            draft.per = fold(period)
        else:
            draft.per = grammar.period_of_adverb[fold(rate.group(grammar.rate_groups["adverb"]))]
        return rate.end()

    def _read_lead_in(self, text: str, draft: _Draft, floor: int) -> None:
        grammar = self.grammar
        window = max(floor, draft.start - LEAD_WINDOW)
        if not grammar.may_have_lead_in(text, window, draft.start):
            return
        match = grammar.lead_in.match(text, window, draft.start)
        if match is None:
            return
        if match.group("toll"):
            words = match.group("toll").split()
            if words[0].lower() in grammar.determiners:
                words = words[1:]
            draft.item = " ".join(words)
            return
        kept: list[str] = []
        for word in match.group("lead").split():
            if word.lower() in grammar.lead_stop:
                break
            kept.append(word)
        if kept:
            draft.item = " ".join(kept)

    # 4. build ---------------------------------------------------------------------------

    def _carry_approximation(self, text: str, previous: _Draft, current: _Draft) -> None:
        """Carry an approximate qualifier over a list ("about 40,000 wounded and 20,000
        killed"): from ``previous`` to ``current``, the next quantity."""
        if (
            previous.approximate
            and not current.approximate
            and not current.qualified
            and current.bound in (_EXACT, _RANGE)
            and self.grammar.list_gap.fullmatch(text[previous.end : current.start])
        ):
            current.approximate = True

    def _build(self, original: str, draft: _Draft) -> Quantity:
        first = draft.first
        value: Decimal | None
        if draft.bound is _RANGE and draft.second is not None:
            value, low, high = None, draft.low, draft.high
        elif first.kind is _VAGUE:
            value, low, high = None, first.low, first.high
            draft.bound, draft.approximate = _RANGE, True
        else:
            value = first.value
            low = high = value
            if draft.bound in _LOWER_BOUNDS:
                high = None
            elif draft.bound in _UPPER_BOUNDS:
                low = None
        unit = draft.unit
        if first.kind is _FRACTION and unit is None:
            unit = "fraction"
        # The same checks as Quantity(...) and Span(...), without attrs' calls: a few
        # thousand quantities a megabyte.
        return Quantity._parsed(
            value,
            low,
            high,
            bound=draft.bound,
            approximate=draft.approximate,
            change=draft.change,
            unit=unit,
            item=draft.item,
            per=draft.per,
            start=draft.start,
            end=draft.end,
            text=original[draft.start : draft.end],
        )


def _is_year_shaped(numeral: Numeral) -> bool:
    """Only a bare run of four digits can be a year; no other figure is asked further.

    >>> from osint_claims.numbers import NumeralKind
    >>> _is_year_shaped(Numeral(3, 7, NumeralKind.DIGITS, Decimal(2024), plain=True))
    True
    """
    return numeral.plain and numeral.end - numeral.start == _YEAR_DIGITS


def _word_before(text: str, start: int) -> str:
    """The word that ends, across white space only, just before ``start``.

    >>> _word_before("UN Resolution 2231", 14), _word_before("sent (3", 6)
    ('Resolution', '')
    """
    head = text[max(0, start - 24) : start]
    if not head[-1:].isspace():
        return ""
    words = head.rsplit(None, 1)  # the last word is all that is needed
    return words[-1].lstrip("\"'([{") if words else ""


def _shared_thousands(low: Decimal, high: Decimal) -> Decimal:
    """ "70 or 80,000": give the first figure the thousands of the second.

    >>> _shared_thousands(Decimal(70), Decimal(80000))
    Decimal('70000')
    >>> _shared_thousands(Decimal(7), Decimal(80000))
    Decimal('7')
    """
    # Exact: each product is at most ``high`` times a thousand, and high is in range.
    multiply = EXACT.multiply
    factor = _THOUSAND
    while (shared := multiply(factor, low)) <= high and factor < high:
        if high < multiply(shared, _TEN) and EXACT.remainder(high, factor) == 0:
            return shared
        factor = multiply(factor, _THOUSAND)
    return low


@functools.cache
def _default_parser() -> QuantityParser:
    return QuantityParser()


def _parser(lexicon: Lexicon | None) -> QuantityParser:
    return _default_parser() if lexicon is None else QuantityParser(lexicon)


def extract_quantities(text: str, *, lexicon: Lexicon | None = None) -> list[Quantity]:
    """Every number-and-unit phrase in ``text``, ordered by position.

    Offsets in each result's ``span`` refer to ``text`` as given.

    >>> [(str(q.value), q.item) for q in extract_quantities("300 killed and another 2,700 wounded")]
    [('300', 'killed'), ('2700', 'wounded')]
    >>> extract_quantities("On March 27, 2025 at 12:29 the M1989 fired [62].")
    []
    """
    return _parser(lexicon).extract(text)


def parse_quantity(phrase: str, *, lexicon: Lexicon | None = None) -> Quantity | None:
    """The quantity in ``phrase`` (the first, if it holds several), or None.

    >>> q = parse_quantity("about 220 units of 170mm self-propelled guns")
    >>> q.value, q.approximate, q.item
    (Decimal('220'), True, 'units of 170mm self-propelled guns')
    >>> parse_quantity("up to 12,000").bound.name
    'AT_MOST'
    """
    return _parser(lexicon).parse(phrase)
