"""Time expressions: publication dates, and time phrases resolved against them.

News pages print a publication date near the top ("by Tim Zadorozhnyy March 27, 2025 1:11
PM"); their sentences say *when* in words ("last fall", "between January and February",
"over the past three months"). This module reads both:

* :func:`parse_date` / :func:`find_publication_date` read a full printed date (day, month and
  year all present);
* :func:`find_periods` / :func:`resolve_period` find time phrases and turn each into a
  :class:`~osint_claims.model.Period` relative to the publication date.

Every word comes from ``data/en/dates.toml`` through the :class:`~osint_claims.lexicon.Lexicon`;
the conventions (what "last fall" or "the beginning of the year" means) are in
``docs/dates.md``. Date arithmetic is ``dateutil.relativedelta``.

>>> from datetime import date
>>> text = "3,000 troops were sent between January and February, the JCS said Thursday."
>>> for span, period in find_periods(text, date(2025, 3, 27)):
...     print(span.slice(text), period.start, period.end, period.precision.name)
between January and February 2025-01-01 2025-02-28 MONTH
Thursday 2025-03-27 2025-03-27 DAY
"""

from __future__ import annotations

import itertools
import math
import re
import weakref
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Final

import attrs
import regex
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from ._patterns import WordGate, alternation
from .errors import InvalidInputError
from .lexicon import Lexicon
from .model import Period, Precision, Span
from .text import fold, normalize

__all__ = ["find_periods", "find_publication_date", "parse_date", "resolve_period"]

_WEEKDAYS: Final = (MO, TU, WE, TH, FR, SA, SU)
_SATURDAY: Final = 5
_SUNDAY: Final = 6
# How far into an article a publication date may start.
_PUBLICATION_WINDOW: Final = 1500
# The longest line prefix (label and byline) a publication date may have.
_MAX_BYLINE: Final = 120
# How many years back a day like "February 29" is looked for.
_LEAP_SEARCH: Final = 8

_UNIT_PRECISION: Final = {
    "hour": Precision.DAY,
    "day": Precision.DAY,
    "week": Precision.WEEK,
    "month": Precision.MONTH,
    "quarter": Precision.QUARTER,
    "year": Precision.YEAR,
}
_CALENDAR_UNITS: Final = frozenset({"week", "month", "quarter", "year"})

_FLAGS: Final = regex.IGNORECASE
# Not inside a word: either side of the position is not a letter or digit.
_NB: Final = r"(?:(?<![^\W_])|(?![^\W_]))"
# White space between words: a few spaces, or one line break.
_S: Final = r"(?:[^\S\n]{1,4}|[^\S\n]{0,4}\n[^\S\n]{0,4})"
_S0: Final = r"[^\S\n]{0,3}"
_CS: Final = rf"(?:,?{_S})"
_DIGITS_BEFORE: Final = r"(?<![^\W_]|[0-9][.,])"
_DIGITS_AFTER: Final = r"(?![^\W_]|[.,][0-9])"
_YEAR_DIGITS: Final = re.compile(r"[0-9]{4}")
_ISO: Final = r"(?<![0-9][.,-]?)(?P<{name}>[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}})(?![0-9]|[.,-][0-9])"


def _initials(words: Iterable[str]) -> str:
    """The first letters of ``words``, in both cases, for a character class."""
    return regex.escape(
        "".join(sorted({c for w in words if w for c in (w[0].lower(), w[0].upper())}))
    )


def _day_number(text: str) -> int:
    """The number of a day of the month as written: "27", "07", "27th"."""
    return int("".join(itertools.takewhile(str.isdigit, text)))


def _ints(table: Mapping[str, Any]) -> dict[str, int]:
    return {fold(k): int(Decimal(str(v))) for k, v in table.items()}


def _pairs(table: Mapping[str, Any]) -> dict[str, tuple[int, int]]:
    return {fold(k): (int(Decimal(str(v[0]))), int(Decimal(str(v[1])))) for k, v in table.items()}


@attrs.frozen(slots=True)
class _Draft:
    """A period being resolved.

    ``relative`` when the publication date placed it (it is then cut at that date);
    ``future`` when the text looks forward from the publication date ("the next two weeks").
    """

    start: date
    end: date
    precision: Precision
    relative: bool = False
    future: bool = False


class _RejectedError(Exception):
    """The match is not a time expression after all (a bare "February", "over 2000")."""


class _Grammar:
    """The compiled patterns and lookup tables of one lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        def table(name: str) -> Mapping[str, Any]:
            return lexicon.table("dates", name)

        def words(name: str, key: str = "words") -> tuple[str, ...]:
            return lexicon.words("dates", name, key)

        self.strict = frozenset(fold(w) for w in words("case_sensitive"))
        self.months = _ints(table("months"))
        self.weekdays = _ints(table("weekdays"))
        self.weekday_any = {**_ints(table("weekday_abbreviations")), **self.weekdays}
        self.seasons = _pairs(table("seasons"))
        self.units = {fold(k): str(v) for k, v in table("units").items()}
        self.plurals = {fold(k): str(v) for k, v in table("unit_plurals").items()}
        self.modifiers = _ints(table("modifiers"))
        self.windows = _ints(table("windows"))
        self.counts = {
            **_ints(lexicon.table("numbers", "ones")),
            **_ints(lexicon.table("numbers", "tens")),
            **_ints(table("counts")),
        }
        self.day_words = _ints(table("day_words"))
        self.prepositions = {fold(k): str(v) for k, v in table("prepositions").items()}
        self.parts = _pairs(table("parts"))
        self.sides = {fold(k): str(v) for k, v in table("sides").items()}
        self.quarter_labels = _ints(table("quarter_labels"))
        self.ordinals = _ints(table("ordinals"))
        self.suffixes = words("ordinal_suffixes")
        self.articles = words("articles")
        self.of_words = words("of")
        years = table("years")
        self.first_year = int(years.get("first", 1))
        self.last_year = int(years.get("last", 9999))
        self.pattern = regex.compile(self._expression(lexicon), _FLAGS)
        # Every time phrase holds one of these: a calendar word, a unit of time, a year or a
        # numeric date. Text with none of them holds no phrase, and the grammar is not run.
        heads = [
            *self.months,
            *self.weekday_any,
            *self.seasons,
            *self.units,
            *self.plurals,
            *self.day_words,
            *self.quarter_labels,
            *words("weekend"),
            *words("quarters"),
        ]
        self.heads = regex.compile(
            rf"(?i)(?<![^\W_])(?:{alternation(heads)})(?![^\W_])"
            r"|(?<![0-9])[0-9]{4}(?![0-9])|[0-9]{1,2}[/.-][0-9]{1,2}"
        )
        # Every phrase starts with one of these words, or with a digit: the grammar is tried
        # only there.
        self.starts = WordGate(self._starts(lexicon), digits=True)
        self.stamp = regex.compile(self._stamp(), _FLAGS)
        self.byline = regex.compile(self._byline(lexicon))

    # Building the patterns ----------------------------------------------------------------

    def _words(self, forms: Iterable[str]) -> str:
        """Whole words; the case-sensitive forms only capitalised or in capitals."""
        loose, strict = [], []
        for form in forms:
            if fold(form) in self.strict:
                strict += [form[:1].upper() + form[1:].lower(), form.upper()]
            else:
                loose.append(form)
        body = alternation(loose)
        if strict:
            body = f"(?:{body}|(?-i:{alternation(strict)}))"
        return f"{_NB}{body}{_NB}"

    def _pieces(self, lexicon: Lexicon) -> dict[str, str]:
        def words(name: str, key: str = "words") -> tuple[str, ...]:
            return lexicon.words("dates", name, key)

        calendar = [w for w, unit in self.units.items() if unit in _CALENDAR_UNITS]
        suffixes = alternation(words("ordinal_suffixes"))
        return {
            "month": self._words(self.months),
            "weekday": self._words(self.weekdays),
            "weekday_any": self._words(self.weekday_any),
            "season": self._words(self.seasons),
            "unit_cal": self._words(calendar),
            "unit_any": self._words([*self.units, *self.plurals]),
            "mod": self._words(self.modifiers),
            "window": self._words(self.windows),
            "ago": self._words(words("ago")),
            "count": rf"(?:{_DIGITS_BEFORE}[0-9]{{1,3}}{_DIGITS_AFTER}|{self._words(self.counts)})",
            "day_word": self._words(self.day_words),
            "weekend": self._words(words("weekend")),
            "prep": self._words(self.prepositions),
            "part": self._words(self.parts),
            "side": self._words(self.sides),
            "opener": self._words(words("ranges", "openers")),
            "conn": self._words(words("ranges", "connectors")),
            "quarter": self._words(words("quarters")),
            "qlabel": self._words(self.quarter_labels),
            "ordinal": self._words(self.ordinals),
            "the": self._words(words("articles")),
            "of": self._words(words("of")),
            "daynum": rf"{_DIGITS_BEFORE}(?:3[01]|[12][0-9]|0?[1-9])(?:{suffixes})?{_DIGITS_AFTER}",
        }

    def _expression(self, lexicon: Lexicon) -> str:
        p = self._pieces(lexicon)
        the, of = p["the"], p["of"]

        def day(s: str) -> str:
            return rf"(?P<day_{s}>{p['daynum']})"

        def year(s: str) -> str:
            return rf"{_DIGITS_BEFORE}(?P<year_{s}>[0-9]{{4}}){_DIGITS_AFTER}"

        def month(s: str) -> str:
            return rf"(?P<month_{s}>{p['month']})"

        def month_year(s: str) -> str:
            return rf"{month(s)}(?:{_CS}(?:{of}{_S})?{year(s)})?"

        def full_date(s: str) -> str:
            iso = _ISO.format(name=f"iso_{s}")
            month_first = rf"{month(s)}{_S}{day(s)}(?:{_CS}{year(s)})?"
            day_first = rf"(?:{the}{_S})?{day(s)}{_S}(?:{of}{_S})?{month(s)}(?:{_CS}{year(s)})?"
            weekday = rf"(?:(?P<weekday_{s}>{p['weekday_any']}),?{_S})?"
            return rf"{weekday}(?:{iso}|{month_first}|{day_first})"

        def quarter(s: str) -> str:
            named = rf"(?:{the}{_S})?(?P<ordinal_{s}>{p['ordinal']}){_S}{p['quarter']}"
            label = rf"(?P<qlabel_{s}>{p['qlabel']})"
            of_year = (
                rf"(?:{year(s)}|(?:{the}{_S})?(?:(?P<qmod_{s}>{p['mod']}){_S})?"
                rf"(?P<qunit_{s}>{p['unit_cal']}))"
            )
            return rf"(?:{named}|{label})(?:(?:{_S}{of}{_S}|{_CS}){of_year})?"

        def season_year(s: str) -> str:
            return (
                rf"(?:(?P<the_{s}>{the}){_S})?(?P<season_{s}>{p['season']})"
                rf"(?:{_S}{of}{_S}{year(s)}|{_CS}{year(s)}|(?!{_S}{of}))"
            )

        def whole(s: str) -> str:
            named = (
                rf"(?:{the}{_S})?(?:(?P<mod_{s}>{p['mod']}){_S})?"
                rf"(?:(?P<unit_{s}>{p['unit_cal']})"
                rf"|(?P<season_{s}>{p['season']})(?:{_CS}(?:{of}{_S})?{year(s)})?"
                rf"|{month_year(s)})"
            )
            return rf"(?:(?P<wq_{s}>{quarter(s)})|{named}|{year(s)})"

        def parted(s: str) -> str:
            return (
                rf"(?:(?P<the_{s}>{the}){_S})?(?P<part_{s}>{p['part']})"
                rf"(?:{_S0}-{_S0}|{_S}(?:{of}{_S})?){whole('w')}"
            )

        def relative(s: str) -> str:
            return (
                rf"(?P<mod_{s}>{p['mod']}){_S}(?:(?P<unit_{s}>{p['unit_cal']})"
                rf"|(?P<season_{s}>{p['season']})|{month(s)}"
                rf"|(?P<weekday_{s}>{p['weekday']})|(?P<weekend_{s}>{p['weekend']}))"
            )

        single = "|".join(
            [
                rf"(?P<k_date>{full_date('s')})",
                rf"(?P<k_parted>{parted('s')})",
                rf"(?P<k_dayword>(?P<dayword_s>{p['day_word']}))",
                rf"(?P<k_relative>{relative('s')})",
                rf"(?P<k_quarter>{quarter('s')})",
                rf"(?P<k_month>{month_year('s')})",
                rf"(?P<k_season>{season_year('s')})",
                rf"(?P<k_weekend>(?:(?P<the_s>{the}){_S})?(?P<weekend_s>{p['weekend']}))",
                rf"(?P<k_year>{year('s')})",
                rf"(?P<k_weekday>(?P<weekday_s>{p['weekday']}))",
            ]
        )
        conn = rf"{_S0}{p['conn']}{_S0}"
        ranges = "|".join(
            [
                rf"(?P<k_days1>{month('a')}{_S}{day('a')}(?:{_CS}{year('a')})?{conn}"
                rf"(?:{month('b')}{_S})?{day('b')}(?:{_CS}{year('b')})?)",
                rf"(?P<k_days2>{day('a')}(?:{_S}(?:{of}{_S})?{month('a')}(?:{_CS}{year('a')})?)?"
                rf"{conn}{day('b')}{_S}(?:{of}{_S})?{month('b')}(?:{_CS}{year('b')})?)",
                rf"(?P<k_months>{month('a')}(?:{_CS}{year('a')})?{conn}"
                rf"{month('b')}(?:{_CS}{year('b')})?)",
                rf"(?P<k_years>{year('a')}{conn}{year('b')})",
            ]
        )
        rolling = (
            rf"(?:(?:{the}){_S}(?P<window>{p['window']}){_S}(?:(?P<count_r>{p['count']}){_S})?"
            rf"(?P<unit_r>{p['unit_any']})"
            rf"|(?P<window>{p['window']}){_S}(?P<count_r>{p['count']}){_S}"
            rf"(?P<unit_r>{p['unit_any']}))"
        )
        ago = rf"(?P<count_g>{p['count']}){_S}(?P<unit_g>{p['unit_any']}){_S}{p['ago']}"
        # Every phrase starts a word with one of these characters: a cheap gate per position.
        starts = _initials(self._starts(lexicon))
        return (
            rf"(?<![^\W_])(?=[{starts}0-9])"
            rf"(?:(?P<prep>{p['prep']}){_S})?"
            rf"(?:(?P<k_range>(?:(?P<opener>{p['opener']}){_S})?(?:{ranges}))"
            rf"|(?P<k_rolling>{rolling})"
            rf"|(?P<k_ago>{ago})"
            rf"|(?:(?P<side>{p['side']}){_S}(?:(?P<prep2>{p['prep']}){_S})?)?(?:{single}))"
        )

    def _starts(self, lexicon: Lexicon) -> list[str]:
        """Every word a phrase can start with."""
        return [
            *self.months,
            *self.weekday_any,
            *self.seasons,
            *self.modifiers,
            *self.windows,
            *self.counts,
            *self.day_words,
            *self.prepositions,
            *self.parts,
            *self.sides,
            *self.quarter_labels,
            *self.ordinals,
            *self.articles,
            *lexicon.words("dates", "weekend"),
            *lexicon.words("dates", "ranges", "openers"),
        ]

    def _stamp(self) -> str:
        """A printed date with day, month and year; a weekday may be glued to a byline."""
        suffixes = alternation(self.suffixes)
        daynum = rf"{_DIGITS_BEFORE}(?P<day>3[01]|[12][0-9]|0?[1-9])(?:{suffixes})?{_DIGITS_AFTER}"
        year = rf"{_DIGITS_BEFORE}(?P<year>[0-9]{{4}}){_DIGITS_AFTER}"
        month = rf"(?P<month>{self._words(self.months)})"
        weekday = rf"(?P<weekday>{alternation(self.weekday_any)}){_NB}"
        iso = _ISO.format(name="iso")
        the = self._words(self.articles)
        of = self._words(self.of_words)
        month_first = rf"{month}{_S}{daynum}{_CS}{year}"
        day_first = rf"(?:{the}{_S})?{daynum}{_S}(?:{of}{_S})?{month}{_CS}{year}"
        starts = _initials([*self.weekday_any, *self.months, *self.articles])
        return (
            rf"(?=[{starts}0-9])(?:{weekday}\.?,?{_S})?(?<![^\W_])"
            rf"(?:{iso}|{month_first}|{day_first})"
        )

    def _byline(self, lexicon: Lexicon) -> str:
        """What may stand before a publication date on its line: a label, "by", names."""

        def words(key: str) -> str:
            return alternation(lexicon.words("dates", "publication", key))

        space = r"[^\S\n]"
        name = r"\p{Lu}[\p{L}\p{M}'.-]{0,30}"
        sep = rf"(?:{space}{{1,3}}(?:(?i:{words('joiners')}){space}{{1,3}})?|,{space}{{0,3}})"
        return (
            rf"{space}{{0,8}}(?:(?i:{words('labels')}){space}{{0,3}}:?{space}{{0,3}})?"
            rf"(?:(?i:{words('byline')}){space}{{1,3}})?(?:{name}(?:{sep}{name}){{0,7}})?"
            rf"{space}{{0,3}}(?:[|,:•·-]{space}{{0,3}})?"
        )


def _grammar(lexicon: Lexicon | None) -> _Grammar:
    lexicon = Lexicon.default() if lexicon is None else lexicon
    grammar = _GRAMMARS.get(lexicon)
    if grammar is None:
        grammar = _Grammar(lexicon)
        _GRAMMARS[lexicon] = grammar
    return grammar


_GRAMMARS: weakref.WeakKeyDictionary[Lexicon, _Grammar] = weakref.WeakKeyDictionary()


# Calendar arithmetic --------------------------------------------------------------------


def _delta(unit: str, count: int) -> relativedelta:
    if unit == "hour":
        return relativedelta(days=math.ceil(count / 24))
    if unit == "day":
        return relativedelta(days=count)
    if unit == "week":
        return relativedelta(weeks=count)
    if unit == "month":
        return relativedelta(months=count)
    if unit == "quarter":
        return relativedelta(months=3 * count)
    return relativedelta(years=count)


def _month_end(year: int, month: int) -> date:
    return date(year, month, 1) + relativedelta(day=31)


def _unit_around(day: date, unit: str) -> tuple[date, date]:
    """The calendar unit (weeks start on Monday) that holds ``day``."""
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return day.replace(day=1), day + relativedelta(day=31)
    if unit == "quarter":
        first = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
        return first, first + relativedelta(months=2, day=31)
    if unit == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    """Months ``first`` to ``last`` of ``year``; past 12 runs into the next year."""
    start = date(year, first, 1)
    end = start + relativedelta(months=last - first, day=31)
    return start, end


def _occurrence(first: int, last: int, published: date, which: int | None) -> tuple[date, date]:
    """A recurring stretch of months (a month, a season) near ``published``.

    ``which`` None (no modifier): the latest one that started on or before publication;
    -1 ("last"): the latest that ended before publication, -2 the one before; 0 ("this"):
    the one holding the publication date, else the one starting in its year; 1 ("next"):
    the first starting after it, 2 the one after.
    """
    year = published.year
    if _months(year, first, last)[0] > published:
        year -= 1  # the latest that started on or before publication
    if which is None:
        return _months(year, first, last)
    end = _months(year, first, last)[1]
    if which < 0:
        ended = year - 1 if end >= published else year
        return _months(ended + which + 1, first, last)
    if which == 0:
        return _months(year if end >= published else published.year, first, last)
    return _months(year + which, first, last)


def _latest_day(month: int, day: int, published: date) -> date:
    """The latest ``month``/``day`` on or before ``published``."""
    for year in range(published.year, published.year - _LEAP_SEARCH, -1):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found <= published:
            return found
    raise _RejectedError


def _weekday(published: date, weekday: int, which: int | None) -> date:
    """A weekday near ``published``: None the latest on or before it, -1 the latest before
    it, 0 the one in its (Monday-to-Sunday) week, 1 the first after it."""
    mark = _WEEKDAYS[weekday]
    if which is None:
        return published + relativedelta(weekday=mark(-1))
    if which < 0:
        return published - timedelta(days=1) + relativedelta(weekday=mark(which))
    if which > 0:
        return published + timedelta(days=1) + relativedelta(weekday=mark(which))
    return published - timedelta(days=published.weekday() - weekday)


# Reading one match ----------------------------------------------------------------------


class _Reader:
    """Turns one match of the grammar's pattern into a draft period."""

    def __init__(self, grammar: _Grammar, match: regex.Match[str], published: date | None) -> None:
        self.g = grammar
        self.m = match
        self.published = published

    def group(self, name: str) -> str | None:
        return self.m.group(name)

    def pub(self) -> date:
        """The publication date; a phrase that needs one cannot be placed without it."""
        if self.published is None:
            raise _UnplacedError
        return self.published

    def year(self, suffix: str) -> int | None:
        text = self.group(f"year_{suffix}")
        if text is None:
            return None
        value = int(text)
        if not self.g.first_year <= value <= self.g.last_year:
            raise _RejectedError
        return value

    def month(self, suffix: str) -> int | None:
        text = self.group(f"month_{suffix}")
        return None if text is None else self.g.months[fold(text)]

    def day(self, suffix: str) -> int | None:
        text = self.group(f"day_{suffix}")
        return None if text is None else _day_number(text)

    def count(self, name: str) -> int:
        text = self.group(name)
        if text is None:
            return 1
        return int(text) if text.isdigit() else self.g.counts[fold(text)]

    def unit(self, name: str) -> tuple[str, bool]:
        """The unit key of a unit word, and whether the word was plural."""
        word = fold(self.group(name) or "")
        if word in self.g.units:
            return self.g.units[word], False
        return self.g.plurals[word], True

    def role(self) -> str | None:
        word = self.group("prep2") or self.group("prep")
        return None if word is None else self.g.prepositions.get(fold(word))

    # The kinds of phrase ------------------------------------------------------------------

    def read(self) -> _Draft:
        m = self.m
        if m.group("k_range") is not None:
            draft = self.range()
        elif m.group("k_rolling") is not None:
            draft = self.rolling()
        elif m.group("k_ago") is not None:
            draft = self.ago()
        else:
            draft = self.single()
        return self.finish(draft)

    def finish(self, draft: _Draft) -> _Draft:
        """Apply "earlier"/"later", "since", and cut relative periods at publication."""
        side = self.g.sides.get(fold(self.group("side") or ""))
        published = self.published
        if self.role() == "since":
            published = self.pub()
            if draft.start > published:
                raise _UnplacedError
            return attrs.evolve(draft, end=published)
        if published is None or not draft.start <= published <= draft.end:
            return draft
        if side == "future":
            return attrs.evolve(draft, start=published)
        if side == "past" or (draft.relative and not draft.future):
            return attrs.evolve(draft, end=published)
        return draft

    def range(self) -> _Draft:
        m = self.m
        first_year, last_year = self.year("a"), self.year("b")
        if m.group("k_years") is not None:
            assert first_year is not None and last_year is not None
            if first_year > last_year:
                raise _RejectedError
            return _Draft(date(first_year, 1, 1), date(last_year, 12, 31), Precision.YEAR)
        first_month, last_month = self.month("a"), self.month("b")
        first_month = first_month or last_month
        last_month = last_month or first_month
        assert first_month is not None and last_month is not None
        first_day, last_day = self.day("a") or 1, self.day("b")
        days = m.group("k_months") is None
        first = (first_month, first_day)
        last = (last_month, last_day or 1)
        relative = False
        if last_year is None and first_year is not None:
            last_year = first_year if last >= first else first_year + 1
        if last_year is None:
            published = self.pub()
            relative = True
            if days:
                last_year = _latest_day(last_month, last[1], published).year
            else:
                last_year = _occurrence(last_month, last_month, published, None)[0].year
        if first_year is None:
            first_year = last_year if first <= last else last_year - 1
        if days:
            start, end = date(first_year, *first), date(last_year, *last)
            precision = Precision.DAY
        else:
            start, end = date(first_year, first_month, 1), _month_end(last_year, last_month)
            precision = Precision.MONTH
        if start > end:
            raise _RejectedError
        return _Draft(start, end, precision, relative)

    def rolling(self) -> _Draft:
        unit, plural = self.unit("unit_r")
        if self.group("count_r") is None and plural:
            raise _RejectedError  # "the past months": no count, no period
        count = self.count("count_r")
        published = self.pub()
        span = _delta(unit, count)
        direction = self.g.windows[fold(self.group("window") or "")]
        if direction < 0:
            return _Draft(published - span, published, _UNIT_PRECISION[unit], True)
        return _Draft(published, published + span, _UNIT_PRECISION[unit], True, future=True)

    def ago(self) -> _Draft:
        unit, _ = self.unit("unit_g")
        point = self.pub() - _delta(unit, self.count("count_g"))
        start, end = _unit_around(point, unit)
        return _Draft(start, end, _UNIT_PRECISION[unit], True)

    def single(self) -> _Draft:
        m = self.m
        role = self.role()
        anchored = role is not None or self.group("side") is not None
        if m.group("k_date") is not None:
            return self.full_date()
        if m.group("k_parted") is not None:
            return self.parted(role)
        if m.group("k_dayword") is not None:
            offset = self.g.day_words[fold(self.group("dayword_s") or "")]
            day = self.pub() + timedelta(days=offset)
            return _Draft(day, day, Precision.DAY, True)
        if m.group("k_relative") is not None:
            return self.relative("s")
        if m.group("k_quarter") is not None:
            if not anchored and self.group("year_s") is None and self.group("qlabel_s") is None:
                raise _RejectedError
            return self.quarter("s")
        if m.group("k_month") is not None:
            if not anchored and self.group("year_s") is None:
                raise _RejectedError
            return self.month_year("s")
        if m.group("k_season") is not None:
            if not anchored and self.group("year_s") is None:
                raise _RejectedError
            return self.season_year("s")
        if m.group("k_weekend") is not None:
            if not anchored and self.group("the_s") is None:
                raise _RejectedError
            saturday = _weekday(self.pub(), _SATURDAY, None)
            return _Draft(saturday, saturday + timedelta(days=1), Precision.WEEK, True)
        if m.group("k_year") is not None:
            if role not in ("in", "since", "by"):
                raise _RejectedError  # a bare figure, "at 2000 GMT", "over 2000 troops"
            year = self.year("s")
            assert year is not None
            return _Draft(date(year, 1, 1), date(year, 12, 31), Precision.YEAR)
        weekday = self.g.weekdays[fold(self.group("weekday_s") or "")]
        day = _weekday(self.pub(), weekday, None)
        return _Draft(day, day, Precision.DAY, True)

    def full_date(self) -> _Draft:
        iso = self.group("iso_s")
        try:
            if iso is not None:
                day = date.fromisoformat(iso)
                if not self.g.first_year <= day.year <= self.g.last_year:
                    raise _RejectedError
                return _Draft(day, day, Precision.DAY)
            month, number, year = self.month("s"), self.day("s"), self.year("s")
            assert month is not None and number is not None
            if year is not None:
                day = date(year, month, number)
                return _Draft(day, day, Precision.DAY)
        except ValueError:
            raise _RejectedError from None
        day = _latest_day(month, number, self.pub())
        return _Draft(day, day, Precision.DAY, True)

    def month_year(self, suffix: str) -> _Draft:
        month, year = self.month(suffix), self.year(suffix)
        assert month is not None
        if year is not None:
            return _Draft(date(year, month, 1), _month_end(year, month), Precision.MONTH)
        start, end = _occurrence(month, month, self.pub(), None)
        return _Draft(start, end, Precision.MONTH, True)

    def season_year(self, suffix: str) -> _Draft:
        first, last = self.g.seasons[fold(self.group(f"season_{suffix}") or "")]
        year = self.year(suffix)
        if year is not None:
            return _Draft(*_months(year, first, last), Precision.SEASON)
        start, end = _occurrence(first, last, self.pub(), None)
        return _Draft(start, end, Precision.SEASON, True)

    def quarter(self, suffix: str) -> _Draft:
        label = self.group(f"qlabel_{suffix}")
        if label is not None:
            number = self.g.quarter_labels[fold(label)]
        else:
            number = self.g.ordinals[fold(self.group(f"ordinal_{suffix}") or "")]
        first = 3 * number - 2
        year = self.year(suffix)
        if year is not None:
            return _Draft(*_months(year, first, first + 2), Precision.QUARTER)
        unit = self.group(f"qunit_{suffix}")
        if unit is not None:
            if self.g.units.get(fold(unit)) != "year":
                raise _RejectedError
            modifier = self.group(f"qmod_{suffix}")
            shift = 0 if modifier is None else self.g.modifiers[fold(modifier)]
            year = self.pub().year + shift
            return _Draft(*_months(year, first, first + 2), Precision.QUARTER, True)
        start, end = _occurrence(first, first + 2, self.pub(), None)
        return _Draft(start, end, Precision.QUARTER, True)

    def relative(self, suffix: str) -> _Draft:
        which = self.g.modifiers[fold(self.group(f"mod_{suffix}") or "")]
        published = self.pub()
        unit = self.group(f"unit_{suffix}")
        if unit is not None:
            key = self.g.units[fold(unit)]
            start, end = _unit_around(published + _delta(key, which), key)
            return _Draft(start, end, _UNIT_PRECISION[key], True)
        season = self.group(f"season_{suffix}")
        if season is not None:
            first, last = self.g.seasons[fold(season)]
            return _Draft(*_occurrence(first, last, published, which), Precision.SEASON, True)
        month = self.month(suffix)
        if month is not None:
            return _Draft(*_occurrence(month, month, published, which), Precision.MONTH, True)
        weekday = self.group(f"weekday_{suffix}")
        if weekday is not None:
            day = _weekday(published, self.g.weekdays[fold(weekday)], which)
            return _Draft(day, day, Precision.DAY, True)
        if which < 0:  # the latest weekend that ended before publication
            sunday = _weekday(published, _SUNDAY, which)
            return _Draft(sunday - timedelta(days=1), sunday, Precision.WEEK, True)
        saturday = _weekday(published, _SATURDAY, which)
        return _Draft(saturday, saturday + timedelta(days=1), Precision.WEEK, True)

    def whole(self) -> _Draft:
        """The period a part ("the end of", "mid-") is taken of."""
        if self.group("wq_w") is not None:
            return self.quarter("w")
        unit = self.group("unit_w")
        if unit is not None:
            if self.group("mod_w") is not None:
                return self.relative("w")
            key = self.g.units[fold(unit)]
            start, end = _unit_around(self.pub(), key)
            return _Draft(start, end, _UNIT_PRECISION[key], True)
        if self.group("mod_w") is not None:
            return self.relative("w")
        if self.group("season_w") is not None:
            return self.season_year("w")
        if self.group("month_w") is not None:
            return self.month_year("w")
        year = self.year("w")
        assert year is not None
        return _Draft(date(year, 1, 1), date(year, 12, 31), Precision.YEAR)

    def parted(self, role: str | None) -> _Draft:
        first, last = self.g.parts[fold(self.group("part_s") or "")]
        whole = self.whole()
        if role == "by" and last - first <= 1 and (first == 1 or last == 12):
            day = whole.start if first == 1 else whole.end
            return _Draft(day, day, Precision.DAY, whole.relative)
        if whole.precision in (Precision.DAY, Precision.WEEK, Precision.MONTH):
            days = (whole.end - whole.start).days + 1
            low = (first - 1) * days // 12
            high = max(low + 1, last * days // 12)
            precision = Precision.WEEK if whole.precision is Precision.MONTH else Precision.DAY
            start = whole.start + timedelta(days=low)
            end = whole.start + timedelta(days=high - 1)
            return _Draft(start, end, precision, whole.relative)
        months = (whole.end.year - whole.start.year) * 12 + whole.end.month - whole.start.month + 1
        low = (first - 1) * months // 12
        high = max(low + 1, last * months // 12)
        start = whole.start + relativedelta(months=low)
        end = whole.start + relativedelta(months=high - 1, day=31)
        return _Draft(start, end, Precision.MONTH, whole.relative)


class _UnplacedError(Exception):
    """A time expression that cannot be placed: it needs a publication date it lacks, or
    contradicts it ("since" a month after publication)."""


# Public API -----------------------------------------------------------------------------


def _check(where: str, text: object) -> None:
    if not isinstance(text, str):
        raise InvalidInputError(where, f"expected str, got {type(text).__name__}")


def _matches(plain: str, grammar: _Grammar) -> Iterator[regex.Match[str]]:
    """The grammar's matches in ``plain``, leftmost first and never overlapping: those of
    searching it from each match's end, found by trying it only where a phrase may start."""
    position = 0
    for start in grammar.starts.starts(plain):
        if start < position:
            continue
        match = grammar.pattern.match(plain, start)
        if match is not None:
            position = match.end()
            yield match


def _scan(
    text: str, published: date | None, grammar: _Grammar
) -> Iterable[tuple[Span, Period | None]]:
    """Every time expression in ``text``: its span and its period (None if unplaceable)."""
    plain = normalize(text)
    if grammar.heads.search(plain) is None:
        return  # no calendar word, unit of time, year or date: no time phrase
    for match in _matches(plain, grammar):
        try:
            draft = _Reader(grammar, match, published).read()
            period: Period | None = Period(
                draft.start, draft.end, draft.precision, text[match.start() : match.end()]
            )
        except (_RejectedError, KeyError):  # KeyError: a word the tables do not map
            continue
        except (_UnplacedError, ValueError, OverflowError):
            period = None
        yield Span(match.start(), match.end()), period


def find_periods(
    text: str, published: date | None, *, lexicon: Lexicon | None = None
) -> list[tuple[Span, Period]]:
    """Every time expression in ``text`` that can be placed, with its span, in order.

    Matches are the longest at each place and never overlap; spans are offsets into
    ``text``. Phrases that need the publication date are left out when ``published`` is
    None. See ``docs/dates.md`` for what each phrase resolves to.

    >>> from datetime import date
    >>> found = find_periods("Troops arrived last fall and more in January.", date(2025, 3, 27))
    >>> for span, period in found:
    ...     print(span, period.text, period.start, period.end, period.precision.name)
    Span(start=15, end=24) last fall 2024-09-01 2024-11-30 SEASON
    Span(start=34, end=44) in January 2025-01-01 2025-01-31 MONTH
    >>> [p.text for _, p in find_periods("in October 2024 and last year", None)]
    ['in October 2024']
    """
    _check("find_periods", text)
    grammar = _grammar(lexicon)
    return [(span, period) for span, period in _scan(text, published, grammar) if period]


def resolve_period(
    phrase: str, published: date | None, *, lexicon: Lexicon | None = None
) -> Period | None:
    """The period of the first time expression in ``phrase``, placed by ``published``.

    None when ``phrase`` holds no time expression, or when it needs a publication date
    and ``published`` is None: never a guess.

    >>> from datetime import date
    >>> p = resolve_period("over the past three months", date(2025, 3, 27))
    >>> str(p.start), str(p.end), p.precision.name
    ('2024-12-27', '2025-03-27', 'MONTH')
    >>> resolve_period("last week", None) is None
    True
    """
    _check("resolve_period", phrase)
    for _, period in _scan(phrase, published, _grammar(lexicon)):
        return period
    return None


def _stamp_date(grammar: _Grammar, match: regex.Match[str]) -> date | None:
    try:
        iso = match.group("iso")
        if iso is not None:
            day = date.fromisoformat(iso)
        else:
            year = int(match.group("year"))
            month = grammar.months[fold(match.group("month"))]
            number = _day_number(match.group("day"))
            day = date(year, month, number)
    except ValueError:
        return None
    return day if grammar.first_year <= day.year <= grammar.last_year else None


def parse_date(text: str, *, lexicon: Lexicon | None = None) -> date | None:
    """The first full printed date in ``text`` (day, month and year), else None.

    >>> parse_date("March 27, 2025 1:11 PM")
    datetime.date(2025, 3, 27)
    >>> parse_date("Tuesday, 11 February 2025, 12:29"), parse_date(" date 2025-03-27")
    (datetime.date(2025, 2, 11), datetime.date(2025, 3, 27))
    >>> parse_date("2 Min read") is None, parse_date("2025") is None
    (True, True)
    """
    _check("parse_date", text)
    if _YEAR_DIGITS.search(text) is None:
        return None  # every printed date holds its year
    grammar = _grammar(lexicon)
    for match in grammar.stamp.finditer(normalize(text)):
        day = _stamp_date(grammar, match)
        if day is not None:
            return day
    return None


def find_publication_date(text: str, *, lexicon: Lexicon | None = None) -> tuple[date, Span] | None:
    """The publication date printed near the top of an article, and where it stands.

    A date counts when it starts within the first 1,500 characters and nothing but a
    label ("date", "Published:") or a byline (author names, possibly glued to the weekday)
    stands before it on its line; dates in captions and sentences are passed over.

    >>> text = "North Korea sent troops\\nby Tim Zadorozhnyy March 27, 2025 1:11 PM 2 min read"
    >>> day, span = find_publication_date(text)
    >>> day, span.slice(text)
    (datetime.date(2025, 3, 27), 'March 27, 2025')
    >>> find_publication_date("Kim met soldiers on March 13, 2024.") is None
    True
    """
    _check("find_publication_date", text)
    grammar = _grammar(lexicon)
    plain = normalize(text)
    for match in grammar.stamp.finditer(plain, 0, _PUBLICATION_WINDOW + 80):
        if match.start() >= _PUBLICATION_WINDOW:
            break
        line_start = plain.rfind("\n", 0, match.start()) + 1
        prefix = plain[line_start : match.start()]
        if len(prefix) > _MAX_BYLINE or grammar.byline.fullmatch(prefix) is None:
            continue
        day = _stamp_date(grammar, match)
        if day is not None:
            return day, Span(match.start(), match.end())
    return None
