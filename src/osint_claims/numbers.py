"""Numerals of every form, read to :class:`~decimal.Decimal`.

The pipeline in this module: a compiled scanner (built from the lexicon) finds the next
numeral in normalised text; :func:`read_numeral` turns what it found into a
:class:`Numeral`: a value, or bounds for a vague amount, and what kind of numeral it was.
:mod:`osint_claims.quantities` builds on it to read qualifiers, ranges, units and items.

>>> parse_number("11,000")
Decimal('11000')
>>> parse_number("two thousand five hundred")
Decimal('2500')
>>> parse_number("half a million")
Decimal('500000')
>>> parse_number("1.234,5")
Decimal('1234.5')
>>> parse_number("dozens") is None
True
"""

from __future__ import annotations

import enum
import functools
import re
import weakref
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Final, NamedTuple

import regex

from ._decimals import EXACT, FIGURE_DIGITS, in_range, product, quotient, tidy
from ._patterns import alternation, first_characters, may_begin, words_pattern
from .errors import FigureRangeError, InvalidInputError
from .lexicon import Lexicon
from .text import ASCII_FOLDS, fold, normalize

__all__ = ["Numeral", "NumeralKind", "NumeralReader", "parse_number", "scan_form"]

# A bare run of at most this many digits is a figure in range (see _decimals.in_range).
MAX_DIGITS: Final = FIGURE_DIGITS
# Bounds that keep every match short, so a scan is linear even in junk ("1,1,1,…",
# "one one one …"): more groups or number words than this make no number anyway.
_MAX_GROUPS: Final = 12
_MAX_NUMBER_WORDS: Final = 32
_RUN_REST = regex.compile(r"(?:[0-9]|[.,\s](?=[0-9]))*+")

# A match from either engine: digit runs are read by the standard library's where it can,
# at a third of the cost of a call into the regex module (ASCII digits and separators only,
# where the two engines read alike).
_Match = regex.Match[str] | re.Match[str]
_Pattern = regex.Pattern[str] | re.Pattern[str]


def _digit_run(possessive: str, space: str = r"\s") -> str:
    """A run of digits with its separators: bounded, so a scan stays linear in "1,1,1,…".

    Its repeats never need to give back what they took (nothing after them can fail), so
    greedy ones (``possessive=""``) match where possessive ones (``"+"``) do. The standard
    library's engine gets the greedy form: before Python 3.11.5 it misread possessive
    repeats ("40 drones" matched "40 ").
    """
    plus = possessive
    separator = rf"(?:[.,]|{space}(?=[0-9]{{3}}(?![0-9])))"
    return rf"[0-9](?<![0-9][0-9])[0-9]*{plus}(?:{separator}[0-9]+{plus}){{0,{_MAX_GROUPS}}}{plus}"


_DIGIT_RUN: Final = _digit_run("+")
# Digit groupings, each read whole (fullmatch). No repeat in them is ambiguous, so they are
# written without possessive repeats, for the standard library's engine (see _digit_run).
_WESTERN: Final = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?"
_SPACED: Final = r"[0-9]{1,3}(?: [0-9]{3})+(?:\.[0-9]+)?"
_INDIAN: Final = r"[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}"
_EUROPEAN: Final = r"[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]+|[0-9]{1,3}(?:\.[0-9]{3}){2,}"
_PLAIN: Final = r"[0-9]+(?:\.[0-9]+)?"


class _Groupings(NamedTuple):
    """The digit groupings compiled by one engine: the three forms whose separators are
    simply dropped (tried in one call), Indian and European."""

    dropped: _Pattern
    indian: _Pattern
    european: _Pattern


def _groupings(compile_: Callable[[str], _Pattern]) -> _Groupings:
    return _Groupings(
        compile_(f"{_PLAIN}|{_WESTERN}|{_SPACED}"), compile_(_INDIAN), compile_(_EUROPEAN)
    )


_REGEX_GROUPINGS: Final = _groupings(regex.compile)
_STANDARD_GROUPINGS: Final = _groupings(re.compile)

# Runs and groupings on which the two engines must agree, read at import (see
# _standard_engine_reads_alike): the ones that tell a misreading engine apart, and the
# shapes the parsers meet.
_PROBES: Final = (
    "40 drones",
    "40",
    "1,000 troops",
    "11 000 x",
    "11\u2009000 x",
    "1\x1c000",
    "3.5 km",
    "2024 300 soldiers",
    "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1",
    "12 345 678 9",
    "4,80,000",
    "1.234,5",
    "1.234.567",
    "1,0000",
    "1,00",
    "123,456,789.012",
    "7-8",
    "1, 2",
)
_WORD_TOKENS = regex.compile(r"[^\W\d_]+|\s+and\s+|[\s-]")
_FRACTION_PARTS = regex.compile(r"[\s-]+")


class NumeralKind(enum.Enum):
    """What form a numeral was written in."""

    DIGITS = "digits"
    WORDS = "words"
    FRACTION = "fraction"
    VAGUE = "vague"


# Read once: an attribute of an Enum class costs several times a global on Python 3.11.
_DIGITS: Final = NumeralKind.DIGITS
_WORDS: Final = NumeralKind.WORDS


class Numeral(NamedTuple):
    """One numeral found in text: its value (or vague bounds) and where it stands.

    ``plain`` is true for a bare run of digits without separators, decimals or scale: the
    only form a year or clock time can take. (A named tuple: the scanner makes thousands.)
    """

    start: int
    end: int
    kind: NumeralKind
    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    scale: Decimal | None = None
    plain: bool = False

    @property
    def scaled(self) -> bool:
        """Whether a scale word or abbreviation multiplied the figure ("1.2 million")."""
        return self.scale is not None


class _OutOfRange(Exception):  # noqa: N818 (a signal inside the reader, never raised out)
    """A numeral whose figure is out of range (see :func:`~osint_claims._decimals.in_range`)
    stands at ``start:end``: the cursor passes over it, :func:`parse_number` reports it."""

    def __init__(self, start: int, end: int) -> None:
        super().__init__(start, end)
        self.start = start
        self.end = end


# Builds a Numeral from one tuple of all eight fields, without the Python-level __new__ a
# named tuple runs for each call: the scanner makes one for every figure in a text.
_numeral = functools.partial(tuple.__new__, Numeral)


class NumeralCursor:
    """Walks one text for numerals, remembering how far each trigger scan has looked.

    Each of the two trigger scans (digits, number words) runs over any stretch of text at
    most once however the caller jumps ahead, so a walk is linear in the text.
    """

    def __init__(self, reader: NumeralReader, text: str, ascii_text: bytes | None = None) -> None:
        self._reader = reader
        self._text = text
        self._digits: _Match | None = _UNSEARCHED
        self._word_at = -1  # the next number word at or after where we last looked
        self._word_end = -1
        self._ascii = ascii_text  # the text one byte a character, for the prefilters
        self._letters: bytes | None = None  # the copy the number-word prefilter reads
        self._digit_marks: bytes | None = None  # "0" for each ASCII digit, else a blank
        # Where the first numeral out of range was passed over, if one was.
        self.out_of_range: tuple[int, int] | None = None

    def next(self, pos: int) -> Numeral | None:
        """The first numeral at or after ``pos``, or None. Skips malformed digit groups, and
        numerals out of range (the first of which it remembers in :attr:`out_of_range`)."""
        text = self._text
        reader = self._reader
        while pos < len(text):
            # Each trigger is searched for again only once the walk has passed what it found
            # (checked here, not in a call: the walk asks at every figure).
            digits = self._digits
            if digits is _UNSEARCHED or (digits is not None and digits.start() < pos):
                digits = self._search_digits(pos)
            if self._word_at != _NOWHERE and self._word_at < pos:
                self._find_word(pos)
            word_at, word_end = self._word_at, self._word_end
            if digits is None and word_at == _NOWHERE:
                return None
            match: _Match | None
            try:
                if digits is not None and digits.start() < word_at:
                    if not reader.may_be_ratio(text, digits.end()):
                        numeral = reader._read_digits(digits, text)
                        if numeral is not None:
                            return numeral
                        pos = self._past_run(digits.end())
                        continue
                    match = reader._pattern.match(text, digits.start())
                    if match is None:  # pragma: no cover - the digits alone always match
                        return None
                else:
                    match = reader._match_word(text, word_at, word_end)
                    if match is None:
                        # Past this word, and always forward: the scan must end.
                        pos = max(word_end, word_at + 1, pos + 1)
                        continue
                numeral = reader._read(match, text)
            except _OutOfRange as beyond:
                if self.out_of_range is None:
                    self.out_of_range = (beyond.start, beyond.end)
                pos = max(self._past_run(beyond.end), pos + 1)
                continue
            if numeral is not None:
                return numeral
            pos = match.end()
        return None

    def _past_run(self, end: int) -> int:
        """Where to go on after malformed digits or a figure out of range that end at
        ``end``: past the whole run of digits and separators, not the bounded match."""
        rest = _RUN_REST.match(self._text, end)
        return rest.end() if rest is not None else end

    def _search_digits(self, pos: int) -> _Match | None:
        """The digits trigger's next match at or after ``pos``, remembered."""
        start = self._next_digit_run(pos)
        found = None if start < 0 else self._reader._match_digits(self._text, start)
        self._digits = found
        return found

    def _next_digit_run(self, pos: int) -> int:
        """Where the first run of ASCII digits that starts at or after ``pos`` starts, or -1.

        The digits pattern matches exactly there, so this and one match stand for its search:
        ``bytes.find`` looks for the digits many times faster than the pattern does.
        """
        if self._digit_marks is None:
            self._digit_marks = self._ascii_copy().translate(_DIGIT_MARKS)
        marks = self._digit_marks
        start = marks.find(b"0", pos)
        if start > 0 and marks[start - 1] == _MARK:  # inside a run: go on to the next one
            after = marks.find(b" ", start)
            start = -1 if after < 0 else marks.find(b"0", after)
        return start

    def _ascii_copy(self) -> bytes:
        if self._ascii is None:
            # Each character beyond ASCII becomes one "?", so offsets stay as they are.
            self._ascii = self._text.encode("ascii", "replace")
        return self._ascii

    def _find_word(self, pos: int) -> None:
        """Remember where the next number word at or after ``pos`` starts and ends."""
        found = self._search_word(pos)
        self._word_at, self._word_end = found.span() if found else (_NOWHERE, _NOWHERE)

    def _search_word(self, pos: int) -> regex.Match[str] | None:
        """The next number word at or after ``pos``: the trigger's search, made cheap.

        The trigger runs only where the prefilter finds a candidate, in a copy of the text
        that keeps ASCII letters and blanks out every other character (see
        :func:`_letters_only`). Every number word starts such a candidate, so the first
        candidate the trigger accepts is what the trigger's own search would find.
        """
        reader = self._reader
        candidates = reader._word_candidates
        if candidates is None:
            return reader._word_trigger.search(self._text, pos)
        if self._letters is None:
            self._letters = _letters_only(self._ascii_copy())
        while (candidate := candidates.search(self._letters, pos)) is not None:
            # The copy starts with one extra blank, so a candidate's blank before the word
            # stands at the word's own offset in the text.
            pos = candidate.start()
            found = reader._word_trigger.match(self._text, pos)
            if found is not None:
                return found
            pos += 1
        return None


_NOWHERE: Final = 1 << 62
_LOOK_BACK_WORDS: Final = 3
# Words this short ("a", "an") are too common to scan for.
_SHORT_WORD: Final = 2


def _word_starts_before(text: str, position: int, count: int) -> list[int]:
    """Where the ``count`` words before ``position`` start, the earliest first.

    >>> _word_starts_before("half a million", 7, 3)
    [0, 5]
    """
    starts: list[int] = []
    index = position
    while len(starts) < count:
        while index > 0 and text[index - 1].isspace():
            index -= 1
        if index == 0:
            break
        end = index
        while index > 0 and not text[index - 1].isspace() and end - index < 24:
            index -= 1
        starts.append(index)
    return starts[::-1]


_UNSEARCHED: Final = regex.match("", "")

# Every byte but an ASCII letter becomes a blank. A non-ASCII character encodes to a single
# "?" first, so offsets in the copy are offsets in the text.
_LETTERS_ONLY: Final = bytes(
    byte if chr(byte).isascii() and chr(byte).isalpha() else ord(" ") for byte in range(256)
)
# Every ASCII digit becomes a "0", every other byte a blank.
_MARK: Final = ord("0")
_DIGIT_MARKS: Final = bytes(_MARK if chr(byte) in "0123456789" else ord(" ") for byte in range(256))


def _letters_only(ascii_text: bytes) -> bytes:
    """The ASCII copy of a text with only its letters, between two blanks.

    >>> _letters_only("Two-thirds, 3 é".encode("ascii", "replace"))
    b' Two thirds      '
    """
    return b" " + ascii_text.translate(_LETTERS_ONLY) + b" "


def _word_candidates(words: Iterable[str]) -> re.Pattern[bytes] | None:
    """A prefilter for a whole-word trigger: a blank, then the first letters of some word.

    It runs on :func:`_letters_only` copies. It finds every place where one of ``words``
    stands as a whole word (and more), scanning bytes for a blank first, many times faster
    than the trigger scans text. None when some word does not start with an ASCII letter.

    >>> _word_candidates(["three-quarters", "one"]).pattern
    b' (?:(?:one|three))(?= )'
    """
    pieces = set()
    for word in words:
        letters = word.encode("ascii", "replace").translate(_LETTERS_ONLY)
        if not letters[:1].isalpha():
            return None
        pieces.add(letters.split()[0].decode("ascii"))
    # Letters need no escaping, so the prefix tree is valid for the standard library's engine.
    return re.compile(rb" " + alternation(pieces).encode("ascii") + rb"(?= )")


def _standard_pattern(source: str) -> re.Pattern[str] | None:
    """``source`` compiled by the standard library's engine, or None where it cannot be.

    Patterns built from a user's lexicon may use syntax only the regex module knows.
    """
    try:
        return re.compile(source)
    except re.error:
        return None


def _standard_engine_reads_alike(run_source: str | None = None) -> bool:
    """Whether the standard library's engine reads digit runs and groupings exactly as the
    regex module does, on probes that tell a misreading engine apart.

    Asked once, at import. Where the answer is no, the parsers read digits with the regex
    module alone: slower, never wrong. (``run_source``: the standard pattern of a run, to
    try another.)

    >>> _standard_engine_reads_alike(), _standard_engine_reads_alike("[0-9]+ ?")
    (True, False)
    """
    space = r"[^\S\x1c-\x1f]"
    standard_run = re.compile(_digit_run("", space) if run_source is None else run_source)
    regex_run = regex.compile(_DIGIT_RUN)
    pairs = zip(_STANDARD_GROUPINGS, _REGEX_GROUPINGS, strict=True)
    groupings = [(standard, other) for standard, other in pairs]
    for probe in _PROBES:
        for start, char in enumerate(probe):
            if not char.isdigit() or probe[start - 1 : start].isdigit():
                continue
            standard, other = standard_run.match(probe, start), regex_run.match(probe, start)
            if (standard and standard.span()) != (other and other.span()):
                return False
            run = other.group() if other else ""
            for standard_grouping, regex_grouping in groupings:
                if bool(standard_grouping.fullmatch(run)) != bool(regex_grouping.fullmatch(run)):
                    return False
    return True


# Whether the standard library's engine reads the digit fast paths (see above).
STANDARD_ENGINE: Final = _standard_engine_reads_alike()
_GROUPINGS: Final = _STANDARD_GROUPINGS if STANDARD_ENGINE else _REGEX_GROUPINGS


def digits_value(run: str, groupings: _Groupings = _GROUPINGS) -> Decimal | None:
    """The value of a digit run with its separators, or None if its grouping is malformed.

    The value may be out of range (see :func:`~osint_claims._decimals.in_range`): a run of
    more digits than a figure holds is read only as far as to tell that it is.

    >>> digits_value("4,80,000"), digits_value("11 000"), digits_value("1,000.5")
    (Decimal('480000'), Decimal('11000'), Decimal('1000.5'))
    >>> digits_value("1,1,1") is None
    True
    """
    if run.isdigit():
        cleaned = run
    elif groupings.dropped.fullmatch(run):
        cleaned = run.replace(",", "").replace(" ", "")
    elif groupings.indian.fullmatch(run):
        cleaned = run.replace(",", "")
    elif groupings.european.fullmatch(run):
        cleaned = run.replace(".", "").replace(",", ".")
    else:
        return None
    if len(cleaned) > MAX_DIGITS and len(cleaned.replace(".", "").strip("0")) > MAX_DIGITS:
        return _BEYOND  # past a figure's digits, however long the run: no need to read it all
    return Decimal(cleaned)


# Out of range: the value digits_value gives a run with more significant digits than any
# figure holds.
_BEYOND: Final = Decimal(10) ** (2 * MAX_DIGITS)


class NumeralReader:
    """Finds and reads numerals, with regexes compiled once from a :class:`Lexicon`.

    >>> reader = NumeralReader.for_lexicon(Lexicon.default())
    >>> numeral = reader.search(scan_form("They sent Twenty-Two tanks"), 0)
    >>> numeral.value, numeral.kind.name, (numeral.start, numeral.end)
    (Decimal('22'), 'WORDS', (10, 20))
    """

    def __init__(self, lexicon: Lexicon, *, standard_engine: bool = STANDARD_ENGINE) -> None:
        self.lexicon = lexicon
        # Whether digits are read by the standard library's engine where it can (its fast
        # paths), or by the regex module alone.
        self.standard_engine = standard_engine
        self._groupings = _STANDARD_GROUPINGS if standard_engine else _REGEX_GROUPINGS
        ones = lexicon.numbers("ones")
        tens = lexicon.numbers("tens")
        scales = {**lexicon.numbers("scales"), **lexicon.numbers("counting_words")}
        # Every table is keyed by fold(): the case folding of the case-blind patterns, so
        # that whatever they match has its key.
        self._word_values: dict[str, Decimal] = {
            **{fold(k): v for k, v in ones.items()},
            **{fold(k): v for k, v in tens.items()},
        }
        self._scale_values = {fold(k): v for k, v in scales.items()}
        self._abbreviations = {
            **lexicon.numbers("scale_abbreviations"),
            **lexicon.numbers("attached_scale_abbreviations"),
        }
        self._folded_abbreviations = {fold(k): v for k, v in self._abbreviations.items()}
        self._multipliers = {fold(k): v for k, v in lexicon.numbers("scale_multipliers").items()}
        self._denominators = {
            fold(k): v for k, v in lexicon.numbers("fraction_denominators").items()
        }
        self._standalone_fractions = {
            fold(w) for w in lexicon.words("numbers", "fraction_denominators_alone")
        }
        self._vague = {fold(k): v for k, v in lexicon.ranges("numbers", "vague_amounts").items()}
        self._vague_multipliers = {
            fold(k): v for k, v in lexicon.ranges("numbers", "vague_multipliers").items()
        }
        source = self._compile(lexicon)
        self._pattern = regex.compile(source, regex.VERBOSE)
        self._pattern_any_case = regex.compile(source, regex.VERBOSE | regex.IGNORECASE)
        # Groups by number: the regex module reads a group name as a number first and fails,
        # which costs several times what reading the group itself does.
        self._group = dict(self._pattern.groupindex)
        subgroups = {"digit_scale": "digits", "vague_scale": "vague_scaled"}
        subgroups["multiplied"] = "multiplier"
        self._branch_of_group = {
            index: subgroups.get(name, name) for name, index in self._group.items()
        }
        self._digit_groups: dict[regex.Pattern[str] | re.Pattern[str], tuple[int, int]] = {
            pattern: (pattern.groupindex["digits"], pattern.groupindex["digit_scale"])
            for pattern in (self._pattern, self._pattern_any_case, self._digits_pattern)
        }

    @classmethod
    def for_lexicon(cls, lexicon: Lexicon) -> NumeralReader:
        """The reader for ``lexicon``, compiled once and reused while the lexicon lives."""
        reader = _READERS.get(lexicon)
        if reader is None:
            reader = cls(lexicon)
            _READERS[lexicon] = reader
        return reader

    def _compile(self, lexicon: Lexicon) -> str:
        number_words = [*self._word_values]
        scale_words = [*self._scale_values]
        ones = alternation(fold(k) for k in lexicon.numbers("ones"))
        word = alternation([*number_words, *scale_words])
        scale = alternation(scale_words)
        spaced_abbreviation = alternation(lexicon.numbers("scale_abbreviations"))
        attached = alternation(lexicon.numbers("attached_scale_abbreviations"))
        denominators = alternation(self._denominators)
        # "a third", "an eighth": the one-word multipliers worth one.
        unit_articles = alternation(
            k for k, v in self._multipliers.items() if v == 1 and " " not in k
        )
        connectors = alternation(lexicon.words("numbers", "fraction_connectors"))
        self._ratio_parts = regex.compile(rf"\s+{connectors}\s+")
        boundary = r"(?![^\W_])"
        # A pattern that opens with a plain character class scans many times faster.
        digits = rf"""
            (?P<digits>{_DIGIT_RUN})
            (?P<digit_scale>[\s-]?(?:{scale}|{spaced_abbreviation}){boundary}
                | {attached}(?![^\W_]))?
        """
        # Digits first: they are by far the most common numerals.
        source = rf"""
            (?P<ratio>(?:(?<![0-9.,])[0-9]{{1,3}}|(?<![^\W_]){ones})\s{connectors}\s
                (?:{ones}{boundary}|[0-9]{{1,6}}(?![0-9.,]*[0-9])))
          | {digits}
          | (?P<vague_scaled>{words_pattern(self._vague_multipliers)})\s(?P<vague_scale>{scale})
                {boundary}
          | (?P<vague>{words_pattern(self._vague)})
          | (?P<multiplier>{words_pattern(self._multipliers)})\s(?P<multiplied>{scale}){boundary}
          | (?P<fraction>(?<![^\W_])(?:(?:{ones}|{unit_articles})[\s-])?{denominators}){boundary}
          | (?P<words>(?<![^\W_]){word}{boundary}
                (?:(?:[\s-]|\s+and\s+){word}{boundary}){{0,{_MAX_NUMBER_WORDS}}}+)
        """
        self._digits_pattern = regex.compile(digits, regex.VERBOSE)
        # The same digits for the standard library's engine, which reads them at a third of
        # the cost of a call, with the regex module's \s written out (the standard one also
        # takes \x1c-\x1f). Its scale group leaves out the boundary after the scale, which
        # the engines read differently: where it matches, a scale may follow, and the
        # regex module has the last word (see _match_digits).
        space = r"[^\S\x1c-\x1f]"
        run = _digit_run("", space)
        scales = f"(?:{space}|-)?(?:{scale}|{spaced_abbreviation})|{attached}"
        self._digit_run = (
            _standard_pattern(f"(?P<digits>{run})(?P<digit_scale>{scales})?")
            if self.standard_engine
            else None
        )
        self._ratio_ahead = regex.compile(rf"\s{connectors}\s")
        self._ratio_initials = first_characters(lexicon.words("numbers", "fraction_connectors"))
        # The scan looks for where a numeral may start and only there tries the full
        # pattern: most text holds no numeral at all. Articles ("a thousand", "a quarter")
        # are too common to scan for; the word after them is the trigger instead, and the
        # cursor looks back from it (see NumeralCursor.next).
        entries = [
            *self._word_values,
            *self._vague,
            *self._vague_multipliers,
            *self._multipliers,
            *self._standalone_fractions,
        ]
        first_words = {entry.split()[0].lower() for entry in entries}
        anchors = {*self._scale_values, *self._denominators}
        articles = {w for w in first_words if len(w) <= _SHORT_WORD}
        for entry in entries:
            words = entry.lower().split()
            if len(words) > 1 and words[0] in articles:
                anchors.add(words[1])
        self._anchors = frozenset(anchors)
        self._openers = frozenset(first_words | anchors)
        trigger_words = (first_words - articles) | anchors
        self._word_trigger = regex.compile(rf"\b{alternation(trigger_words)}\b")
        self._word_candidates = _word_candidates(trigger_words)
        return source

    def search(self, text: str, pos: int) -> Numeral | None:
        """The first numeral in ``text`` at or after ``pos``, or None.

        ``text`` must be in :func:`scan_form`. To walk a long text, use :meth:`cursor`.
        """
        return self.cursor(text).next(pos)

    def cursor(self, text: str, ascii_text: bytes | None = None) -> NumeralCursor:
        """A cursor that finds numerals in ``text`` (in :func:`scan_form`) left to right.

        ``ascii_text``, if given, is the copy the cursor's prefilters read, made where the
        text was normalised: one byte a character, the ASCII letters and digits of ``text``
        where it has them and no letter or digit elsewhere (see
        :func:`~osint_claims.text.scan_forms`). By default the cursor encodes ``text``.
        """
        return NumeralCursor(self, text, ascii_text)

    def _match_digits(self, text: str, start: int) -> _Match | None:
        """The digits pattern's match at ``start``, where a run of digits starts."""
        fast = self._digit_run
        run = None if fast is None else fast.match(text, start)
        if run is None or run.lastindex != 1:  # a scale may follow: let the full pattern say
            return self._digits_pattern.match(text, start)
        return run

    def _match_word(self, text: str, start: int, end: int) -> regex.Match[str] | None:
        """The numeral at a trigger word, or one that opens up to three words before it."""
        if text[start:end] in self._anchors:
            for earlier in _word_starts_before(text, start, _LOOK_BACK_WORDS):
                match = self._pattern.match(text, earlier)
                if match is not None and match.end() > start:
                    return match
        return self._pattern.match(text, start)

    def may_be_ratio(self, text: str, position: int) -> bool:
        """Whether a ratio connector follows digits ending at ``position`` ("1 in 5")."""
        return (
            text.startswith(" ", position)
            and may_begin(text[position + 1 : position + 2], self._ratio_initials)
            and bool(self._ratio_ahead.match(text, position))
        )

    def may_start(self, word: str) -> bool:
        """Whether a numeral can begin with ``word`` (a digit, or an opening number word).

        A cheap test before :meth:`match`.

        >>> reader = NumeralReader.for_lexicon(Lexicon.default())
        >>> reader.may_start("Twenty"), reader.may_start("troops"), reader.may_start("3,000")
        (True, False, True)
        """
        return word[:1].isdigit() or word.lower() in self._openers

    @property
    def opening_words(self) -> frozenset[str]:
        """The lower-cased words a numeral can begin with: :meth:`may_start` for words."""
        return self._openers

    def match(self, text: str, pos: int) -> Numeral | None:
        """The numeral starting exactly at ``pos`` in normalised ``text`` (any case), or None.

        A numeral out of range is none.
        """
        try:
            return self._match(text, pos)
        except _OutOfRange:
            return None

    def _match(self, text: str, pos: int) -> Numeral | None:
        # Raises _OutOfRange where the numeral at pos is out of range.
        match = self._pattern_any_case.match(text, pos)
        return None if match is None else self._read(match, text)

    def _read(self, match: _Match, text: str) -> Numeral | None:
        if match.re is self._digits_pattern or match.re is self._digit_run:
            return self._read_digits(match, text)
        group = self._group
        branch = self._branch_of_group[match.lastindex or 0]
        start, end = match.span()
        if branch == "digits":
            return self._read_digits(match, text)
        if branch == "words":
            return self._read_words(match.group(group["words"]), start)
        if branch == "vague":
            low, high = self._vague[fold(match.group(group["vague"]))]
            return Numeral(start, end, NumeralKind.VAGUE, None, low, high)
        if branch == "vague_scaled":
            low, high = self._vague_multipliers[fold(match.group(group["vague_scaled"]))]
            factor = self._scale_values[fold(match.group(group["vague_scale"]))]
            scaled_low, scaled_high = product(low, factor), product(high, factor)
            if scaled_low is None or scaled_high is None:
                raise _OutOfRange(start, end)
            return Numeral(
                start, end, NumeralKind.VAGUE, None, scaled_low, scaled_high, scale=factor
            )
        if branch == "multiplier":
            factor = self._multipliers[fold(match.group(group["multiplier"]))]
            scale = self._scale_values[fold(match.group(group["multiplied"]))]
            scaled = product(factor, scale)
            if scaled is None:
                raise _OutOfRange(start, end)
            value = tidy(scaled)
            return Numeral(start, end, NumeralKind.WORDS, value, value, value, scale=scale)
        if branch == "fraction":
            return self._read_fraction(match.group(group["fraction"]), start)
        if branch == "ratio":
            return self._read_ratio(match.group(group["ratio"]), start)
        raise AssertionError(f"unhandled numeral group {branch!r}")  # pragma: no cover

    def _read_digits(self, match: _Match, text: str) -> Numeral | None:
        pattern = match.re
        scale_text: str | None
        # The standard pattern, found by identity (hashing it hashes its whole code), is only
        # given where no scale follows.
        if pattern is self._digit_run:
            start, end = match.span()
            run = match.group()
            scale_text = None
        else:
            digits_group, scale_group = self._digit_groups[pattern]
            start = match.start(digits_group)
            run = match.group(digits_group)
            scale_text = match.group(scale_group)
            end = match.end()
        # The common bare run first, without a call: it is a figure in range.
        value = (
            Decimal(run)
            if run.isdigit() and len(run) <= MAX_DIGITS
            else digits_value(run, self._groupings)
        )
        if value is None:
            first, space, _ = run.partition(" ")
            if not space or len(first) <= 3:
                return None
            # "in 2024 300 soldiers": a space that does not group; keep the first figure.
            run, value = first, digits_value(first, self._groupings)
            scale_text, end = None, start + len(first)
            if value is None:
                return None
        plain = scale_text is None and run.isdigit()
        scale = self._scale_of(scale_text.strip(" -\n\t")) if scale_text else None
        if scale is not None:
            scaled = product(value, scale)
            if scaled is None:
                raise _OutOfRange(start, end)
            value = tidy(scaled)
        elif len(run) > MAX_DIGITS and not in_range(value):
            # (A run of at most MAX_DIGITS characters holds a figure in range.)
            raise _OutOfRange(start, end)
        return _numeral((start, end, _DIGITS, value, value, value, scale, plain))

    def _scale_of(self, written: str) -> Decimal:
        folded = fold(written)
        if folded in self._scale_values:
            return self._scale_values[folded]
        if written in self._abbreviations:
            return self._abbreviations[written]
        return self._folded_abbreviations.get(folded, _ONE)

    def _read_words(self, written: str, start: int) -> Numeral | None:
        value, length, scale = self._words_value(written)
        if value is None:
            return None
        if not in_range(value):
            raise _OutOfRange(start, start + length)
        return _numeral((start, start + length, _WORDS, value, value, value, scale, False))

    def _words_value(self, written: str) -> tuple[Decimal | None, int, Decimal | None]:
        """Read number words left to right; stop before the first word that cannot follow.

        Returns the value, how many characters it used, and the largest scale word in it.
        Tokens are read lazily: junk such as "one one one …" costs two tokens, not all. The
        sums are exact (a lexicon's numbers are in range), so the value may be out of range.
        """
        total = Decimal(0)
        group = Decimal(0)  # the part below the last big scale
        last: str | None = None  # "unit", "teen", "ten", "hundred", "scale"
        used = 0
        largest: Decimal | None = None
        previous_scale: Decimal | None = None
        for token in _WORD_TOKENS.finditer(written):
            word = fold(token.group())
            if not word.strip("-") or word == "and":
                continue
            step = self._word_step(word, group, last, previous_scale)
            if step is None:
                break
            kind, number = step
            if kind == "scale":
                total = EXACT.add(total, EXACT.multiply(group or _ONE, number))
                group = Decimal(0)
                previous_scale = number
            elif kind == "hundred":
                group = EXACT.multiply(group or _ONE, number)
            else:
                group = EXACT.add(group, number)
            if kind in ("scale", "hundred"):
                largest = number if largest is None else max(largest, number)
            last = kind
            used = token.end()
        if last is None:
            return None, 0, None
        return EXACT.add(total, group), used, largest

    def _word_step(
        self, word: str, group: Decimal, last: str | None, previous_scale: Decimal | None
    ) -> tuple[str, Decimal] | None:
        if word in self._word_values:
            number = self._word_values[word]
            kind = "ten" if number >= 20 else ("teen" if number >= 10 else "unit")
            allowed = {
                None: True,
                "hundred": True,
                "scale": True,
                "ten": kind == "unit" and number > 0,
                "unit": False,
                "teen": False,
            }[last]
            return (kind, number) if allowed else None
        if word in self._scale_values:
            number = self._scale_values[word]
            if number == 100:
                if last in ("unit", "teen", "ten") and group < 100:
                    return "hundred", number
                return None
            if previous_scale is not None and number >= previous_scale:
                return None
            if last is None:
                return None  # a bare "thousand" needs "a" before it (see multipliers)
            return "scale", number
        return None

    def _read_fraction(self, written: str, start: int) -> Numeral | None:
        parts = _FRACTION_PARTS.split(fold(written), maxsplit=1)
        if len(parts) == 1:
            if parts[0] not in self._standalone_fractions:
                return None  # "third" alone is an ordinal
            parts = ["a", parts[0]]
        numerator_text, denominator_text = parts
        numerator = self._word_values.get(numerator_text, _ONE)
        denominator = self._denominators[denominator_text]
        if not denominator:
            return None
        value = quotient(numerator, denominator)
        return Numeral(start, start + len(written), NumeralKind.FRACTION, value, value, value)

    def _read_ratio(self, written: str, start: int) -> Numeral | None:
        parts = self._ratio_parts.split(fold(written), maxsplit=1)
        if len(parts) != 2:
            return None
        numerator, denominator = (self._word_or_digits(p) for p in parts)
        if numerator is None or not denominator or numerator > denominator:
            return None
        value = quotient(numerator, denominator)
        return Numeral(start, start + len(written), NumeralKind.FRACTION, value, value, value)

    def _word_or_digits(self, written: str) -> Decimal | None:
        if written.isdigit():
            return Decimal(written)
        return self._word_values.get(written)


def scan_form(text: str, *, normalized: bool = False) -> str:
    """The form of ``text`` the scanners read: normalised and lower-cased, offsets unchanged.

    Lower-casing once lets every pattern match case-sensitively, which is much faster.
    The rare characters whose lower case is longer are left as they are, but those the
    case-blind patterns match to an ASCII letter become that letter (``ASCII_FOLDS``).

    >>> scan_form("About\u00a0Two Thousand")
    'about two thousand'
    >>> scan_form("İ"), scan_form("hundredſ"), len(scan_form("\ufb03"))
    ('i', 'hundreds', 1)
    """
    plain = text if normalized else normalize(text)
    lowered = plain.lower()
    if len(lowered) != len(plain):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in plain)
    if not lowered.isascii() and _ASCII_FOLDS_FOUND.search(lowered):
        lowered = lowered.translate(_ASCII_FOLDS_TABLE)
    return lowered


_ASCII_FOLDS_FOUND: Final = re.compile(f"[{''.join(ASCII_FOLDS)}]")
_ASCII_FOLDS_TABLE: Final = str.maketrans(ASCII_FOLDS)


_ONE: Final = Decimal(1)

_READERS: weakref.WeakKeyDictionary[Lexicon, NumeralReader] = weakref.WeakKeyDictionary()


@functools.cache
def _default_reader() -> NumeralReader:
    return NumeralReader.for_lexicon(Lexicon.default())


def parse_number(text: str, *, lexicon: Lexicon | None = None) -> Decimal | None:
    """The value of ``text`` when it is one numeral and nothing else; otherwise None.

    Digits with any grouping, scales, number words, "a dozen", "half a million" and
    fractions ("two-thirds") read to a value; vague amounts ("hundreds") have none.

    >>> parse_number("4,80,000"), parse_number("1.8 mln"), parse_number("45k")
    (Decimal('480000'), Decimal('1800000'), Decimal('45000'))
    >>> parse_number("a dozen"), parse_number("twenty-two"), parse_number("3,000 troops")
    (Decimal('12'), Decimal('22'), None)

    A numeral out of range (more than 28 significant digits, or ``10**28`` or more once
    scaled) is never rounded to fit: it raises :class:`~osint_claims.FigureRangeError`.

    >>> parse_number("10000000000000000 trillion")
    Traceback (most recent call last):
    ...
    osint_claims.errors.FigureRangeError: parse_number: '10000000000000000 trillion' is out of ...
    """
    if not isinstance(text, str):
        raise InvalidInputError("parse_number", f"expected str, got {type(text).__name__}")
    reader = _default_reader() if lexicon is None else NumeralReader.for_lexicon(lexicon)
    plain = scan_form(text).strip()
    if not plain:
        return None
    try:
        numeral = reader._match(plain, 0)
    except _OutOfRange as beyond:
        if beyond.start == 0 and beyond.end == len(plain):
            raise FigureRangeError("parse_number", text.strip()) from None
        return None
    if numeral is None or numeral.end != len(plain):
        return None
    return numeral.value
