"""Time expressions: the analyst-readable table ``tests/cases/dates.txt``, the seed articles'
publication dates, and properties that hold for any text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osint_claims import InvalidInputError, Lexicon
from osint_claims.dates import find_periods, find_publication_date, parse_date, resolve_period
from osint_claims.model import Precision

HERE = Path(__file__).parent
SEEDS = HERE.parent / "seeds"


@dataclass(frozen=True)
class DateCase:
    """One line of ``dates.txt``: a phrase, the publication date, the expected period."""

    line: int
    phrase: str
    published: date | None
    expected: tuple[date, date, Precision] | None

    @property
    def id(self) -> str:
        return f"L{self.line}:{self.phrase[:40]}@{self.published}"


def _date(text: str) -> date | None:
    return None if text == "none" else date.fromisoformat(text)


def read_cases() -> list[DateCase]:
    """``phrase | published | start | end | precision`` or ``phrase | published | none``."""
    cases = []
    path = HERE / "cases" / "dates.txt"
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        fields = [field.strip() for field in raw.split(" | ")]
        if len(fields) == 3 and fields[2] == "none":
            expected = None
        elif len(fields) == 5:
            start, end = date.fromisoformat(fields[2]), date.fromisoformat(fields[3])
            expected = (start, end, Precision[fields[4]])
        else:
            raise ValueError(f"{path}:{number}: expected 3 or 5 fields separated by ' | '")
        cases.append(DateCase(number, fields[0], _date(fields[1]), expected))
    return cases


CASES = read_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_table(case: DateCase) -> None:
    period = resolve_period(case.phrase, case.published)
    got = None if period is None else (period.start, period.end, period.precision)
    assert got == case.expected, f"line {case.line}: {case.phrase!r} gave {period}"
    if period is not None:
        assert period.text in case.phrase


def test_table_is_large_and_covers_every_precision() -> None:
    assert len(CASES) > 100
    shown = {case.expected[2] for case in CASES if case.expected is not None}
    assert shown == set(Precision) - {Precision.UNKNOWN}


# Publication dates ------------------------------------------------------------------------

SEED_DATES = {
    "000": date(2025, 3, 27),
    "001": date(2025, 2, 11),
    "002": None,
    "003": None,
    "004": date(2025, 3, 27),
}


@pytest.mark.parametrize("prefix", sorted(SEED_DATES))
def test_publication_date_of_seed(prefix: str) -> None:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    head = "\n".join(path.read_text(encoding="utf-8").splitlines()[:8])
    found = find_publication_date(head)
    expected = SEED_DATES[prefix]
    if expected is None:
        assert found is None, f"{path.name}: read {found}"
        return
    assert found is not None
    day, span = found
    assert day == expected
    assert parse_date(span.slice(head)) == expected


def test_publication_date_in_bylines() -> None:
    text = "Headline\n\nby Tim Zadorozhnyy March 27, 2025 1:11 PM 2 min read\nBody."
    found = find_publication_date(text)
    assert found is not None
    assert found[0] == date(2025, 3, 27)
    assert found[1].slice(text) == "March 27, 2025"
    glued = "Headline\nSTANISLAV POHORILOVTuesday, 11 February 2025, 12:29\nStock photo"
    found = find_publication_date(glued)
    assert found is not None
    assert found[0] == date(2025, 2, 11)
    assert found[1].slice(glued) == "Tuesday, 11 February 2025"


def test_publication_date_skips_captions_and_late_dates() -> None:
    caption = "Kim Jong Un meets soldiers in North Korea on March 13, 2024. KCNA/AP"
    assert find_publication_date(caption) is None
    assert find_publication_date("x\n" * 800 + "March 27, 2025") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-27", date(2025, 3, 27)),
        (" date 2025-03-27", date(2025, 3, 27)),
        ("March 27, 2025 1:11 PM", date(2025, 3, 27)),
        ("Tuesday, 11 February 2025, 12:29", date(2025, 2, 11)),
        ("27 March 2025", date(2025, 3, 27)),
        ("Mar. 27, 2025", date(2025, 3, 27)),
        ("Updated: Tue, 11 Feb 2025", date(2025, 2, 11)),
        ("the 27th of March 2025", date(2025, 3, 27)),
        ("2 Min read", None),
        ("2025", None),
        ("March 2025", None),
        ("March 27", None),
        ("February 30, 2025", None),
        ("2025-13-45", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_non_text_is_refused() -> None:
    with pytest.raises(InvalidInputError):
        parse_date(b"2025-03-27")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        find_periods(None, None)  # type: ignore[arg-type]


# find_periods ---------------------------------------------------------------------------


def test_find_periods_in_a_paragraph() -> None:
    text = (
        "North Korea transferred around 3,000 additional soldiers to Russia in January and\u00a0"
        "February, AP reported on March 27. Up to 12,000 troops were deployed last fall."
    )
    found = find_periods(text, date(2025, 3, 27))
    assert [span.slice(text) for span, _ in found] == [
        "in January and\u00a0February",
        "on March 27",
        "last fall",
    ]
    assert [period.text for _, period in found] == [span.slice(text) for span, _ in found]


def test_find_periods_without_publication_date_keeps_only_absolute_phrases() -> None:
    text = "Troops arrived in October 2024, more last year and on March 13, 2024."
    assert [p.text for _, p in find_periods(text, None)] == ["in October 2024", "on March 13, 2024"]


def test_lexicon_extension() -> None:
    lexicon = Lexicon.default().extended({"dates": {"months": {"fevereiro": 2}}})
    period = resolve_period("in fevereiro 2024", None, lexicon=lexicon)
    assert period is not None
    assert (period.start, period.end) == (date(2024, 2, 1), date(2024, 2, 29))
    assert resolve_period("in fevereiro 2024", None) is None


# Properties -------------------------------------------------------------------------------

PUBLISHED = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
TIME_WORDS = st.sampled_from(
    [
        "in", "last", "this", "next", "past", "the", "of", "between", "and", "since", "by",
        "end", "mid-", "early", "ago", "three", "days", "weeks", "months", "year", "January",
        "May", "Mar.", "fall", "winter", "Tuesday", "weekend", "2024", "27", "3rd", "-", ",",
        "Q1", "quarter", "first", "half", "yesterday", "earlier", "later", "\n", "\u00a0",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(TIME_WORDS, max_size=30).map(" ".join),
    st.lists(st.one_of(TIME_WORDS, st.text(max_size=3)), max_size=30).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.one_of(st.none(), PUBLISHED))
def test_find_periods_never_raises_and_spans_slice_back(text: str, published: date | None) -> None:
    found = find_periods(text, published)
    last_end = 0
    for span, period in found:
        assert span.start >= last_end, "phrases overlap or are out of order"
        last_end = span.end
        assert span.slice(text) == period.text
        assert period.text == period.text.strip()
        assert period.start <= period.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_parse_date_never_raises(text: str) -> None:
    day = parse_date(text)
    assert day is None or isinstance(day, date)
    found = find_publication_date(text)
    assert found is None or found[1].slice(text)


MONTH_NAMES = [
    form
    for form, number in Lexicon.default().table("dates", "months").items()
    if isinstance(number, int)
]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(MONTH_NAMES),
    st.integers(min_value=1800, max_value=2100),
    st.one_of(st.none(), PUBLISHED),
)
def test_in_month_year_is_that_month(form: str, year: int, published: date | None) -> None:
    month = Lexicon.default().table("dates", "months")[form]
    phrase = f"in {form.capitalize()} {year}"
    period = resolve_period(phrase, published)
    assert period is not None, phrase
    assert period.start == date(year, month, 1)
    assert period.end.month == month and period.end.year == year
    assert period.end.day == period.days
    assert period.precision is Precision.MONTH


PAST_PHRASES = st.sampled_from(
    [
        "this year", "last year", "earlier this year", "this month", "last month",
        "earlier this month", "this week", "last week", "over the past three months",
        "in the past two weeks", "over the last 24 hours", "the past year", "on Tuesday",
        "last Sunday", "Thursday", "on March 27", "on 7 February", "Jan. 23", "in December",
        "in May", "in the fall", "last fall", "last winter", "last summer",
        "at the beginning of the year", "early this year", "late last year", "since January",
        "between January and February", "between November and February", "in January and March",
        "earlier in January", "yesterday", "today", "last night", "over the weekend",
        "last weekend", "three days ago", "two weeks ago", "a year ago", "in March",
        "in the first quarter", "last quarter", "March 13-15", "since the start of the year",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(PAST_PHRASES, PUBLISHED)
def test_relative_phrases_never_end_after_publication(phrase: str, published: date) -> None:
    period = resolve_period(phrase, published)
    assert period is not None, phrase
    assert period.start <= period.end <= published, (phrase, published, period)
    assert resolve_period(phrase, None) is None


FUTURE_PHRASES = st.sampled_from(
    ["next week", "next month", "next year", "tomorrow", "later this year", "in the next two weeks"]
)


@settings(max_examples=50, deadline=None)
@given(FUTURE_PHRASES, PUBLISHED)
def test_future_phrases_end_after_publication(phrase: str, published: date) -> None:
    period = resolve_period(phrase, published)
    assert period is not None
    assert period.end > published or (phrase == "later this year" and published.month == 12)
