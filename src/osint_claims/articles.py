"""One news document: its date, outlet, byline, page furniture and sentences.

Real pages carry more than the story: donation appeals, newsletter boxes, "2 Min read",
photo captions, related-article headlines, author bios. :func:`read_article` reads the
page line by line (tokenise), gives each line a :class:`SegmentKind` (classify), and splits
the story's lines into sentences with offsets into the caller's string (build).

Headlines of *related* articles are not claims of this document: they report another
article's figure without its date or attribution chain, so they are marked ``RELATED`` and
yield no claims. The article's own title and section headings do carry claims.

>>> page = "Seoul says\\n\\nNorth Korea sent 3,000 troops. Russia agreed.\\n2 Min read"
>>> article = read_article(page, published=date(2025, 3, 27))
>>> [s.text for s in article.sentences]
['Seoul says', 'North Korea sent 3,000 troops.', 'Russia agreed.']
>>> [s.kind.name for s in article.segments]
['TITLE', 'BODY', 'FURNITURE']
"""

from __future__ import annotations

import os
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Final

import attrs
import regex

from ._patterns import alternation
from .actors import ActorRegistry
from .dates import find_publication_date, parse_date
from .errors import InvalidInputError
from .lexicon import Lexicon
from .model import Actor, ActorKind, SegmentKind, Source, Span
from .text import normalize

__all__ = ["Article", "Segment", "SegmentKind", "read_article", "split_sentences"]

# A line with more words than this is never a heading or a caption label.
_SHORT_LINE_WORDS: Final = 14
# Nor a title past this many.
_TITLE_WORDS: Final = 30
# Text beyond this many characters is read as body without furniture checks on length.
_MAX_DOCUMENT_CHARS: Final = 50_000_000


@attrs.frozen(slots=True)
class Segment:
    """A line of the page (or a sentence of one), its kind and its place in the text."""

    kind: SegmentKind
    span: Span
    text: str


@attrs.frozen(slots=True)
class Article:
    """A read document: the text as given, its :class:`Source`, and its pieces.

    ``segments`` are the page's lines with their kinds; ``sentences`` are the pieces that
    carry claims (title, headings, body sentences), in order.
    """

    text: str
    source: Source
    segments: tuple[Segment, ...]
    sentences: tuple[Segment, ...]

    @property
    def title(self) -> str | None:
        """The article's own headline, when the page shows one."""
        return self.source.title


class _Rules:
    """The compiled page rules of one lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        words = lexicon.words
        self.furniture_starts = tuple(
            w.lower() for w in words("articles", "furniture_lines", "starts")
        )
        self.furniture_ends = tuple(w.lower() for w in words("articles", "furniture_lines", "ends"))
        self.buttons = frozenset(w.lower() for w in words("articles", "furniture_lines", "buttons"))
        self.tail_lines = frozenset(w.lower() for w in words("articles", "furniture_tail", "lines"))
        self.block_starts = tuple(
            w.lower() for w in words("articles", "furniture_blocks", "starts")
        )
        self.caption_markers = tuple(w.lower() for w in words("articles", "captions", "markers"))
        self.byline_prefixes = tuple(w.lower() for w in words("articles", "bylines", "prefixes"))
        self.wire_credits = tuple(w.lower() for w in words("articles", "wire_credits", "phrases"))
        self.abbreviations = frozenset(words("articles", "abbreviations"))
        self.months = frozenset(words("not_counts", "months"))
        reading = alternation(words("articles", "furniture_lines", "reading_time"))
        self.reading_time = regex.compile(rf"(?i)^\s*[0-9]{{1,3}}\s*{reading}\s*$")
        self.reading_time_tail = regex.compile(rf"(?i)\b[0-9]{{1,3}}\s*{reading}\s*$")
        agencies = alternation(words("articles", "captions", "agencies"))
        self.caption_credit = regex.compile(
            rf"(?:/\s*|\(\s*[^()]{{0,60}}/\s*){agencies}\s*\)?\s*$", regex.IGNORECASE
        )
        self.metadata = regex.compile(r"^\s*date\s+[0-9]{4}-[0-9]{2}-[0-9]{2}\b")
        self.sentence_end = regex.compile(r"[.!?][\"')\]]?(?=\s+[\"'(\[]?[A-Z0-9])")


_RULES: dict[int, tuple[Lexicon, _Rules]] = {}


def _rules_for(lexicon: Lexicon) -> _Rules:
    cached = _RULES.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        cached = (lexicon, _Rules(lexicon))
        _RULES[id(lexicon)] = cached
    return cached[1]


def split_sentences(
    text: str, start: int = 0, end: int | None = None, *, lexicon: Lexicon | None = None
) -> list[Span]:
    """Sentence spans of ``text[start:end]``; a full stop after an abbreviation or an
    initial ("U.S.", "Jan.", "Michael D. Carroll") does not end a sentence.

    >>> text = "The U.S. sent 3 tanks. Seoul, on Jan. 23, said more. Michael D. Carroll wrote."
    >>> [text[s.start:s.end] for s in split_sentences(text)]
    ['The U.S. sent 3 tanks.', 'Seoul, on Jan. 23, said more.', 'Michael D. Carroll wrote.']
    """
    rules = _rules_for(Lexicon.default() if lexicon is None else lexicon)
    stop = len(text) if end is None else end
    spans: list[Span] = []
    begin = start
    for found in rules.sentence_end.finditer(text, start, stop):
        last = _last_word(text, begin, found.start() + 1)
        if last in rules.abbreviations or _is_initial(last):
            continue
        spans.append(_trimmed(text, begin, found.end()))
        begin = found.end()
    if text[begin:stop].strip():
        spans.append(_trimmed(text, begin, stop))
    return spans


# Longer than any abbreviation: the last word before a full stop is read from this many
# characters, not from the sentence's start (a run of "U.S. U.S. ..." stays linear).
_WORD_REACH: Final = 64


def _last_word(text: str, begin: int, end: int) -> str:
    """The word ending at ``end`` (not before ``begin``); "" when it is longer than any
    abbreviation."""
    start = max(begin, end - _WORD_REACH)
    words = text[start:end].split()
    if not words:
        return ""
    if len(words) == 1 and start > begin and not text[start - 1].isspace():
        return ""  # the window cut a long word: it is no abbreviation
    return words[-1]


def _is_initial(word: str) -> bool:
    """ "D." in "Michael D. Carroll": one capital and a full stop."""
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def read_article(
    document: str | os.PathLike[str],
    *,
    published: date | None = None,
    outlet: Actor | None = None,
    url: str | None = None,
    registry: ActorRegistry | None = None,
    lexicon: Lexicon | None = None,
) -> Article:
    """Read one document (its text, or a path to a UTF-8 file) into an :class:`Article`.

    ``published`` and ``outlet``, when given, win over what the page shows.

    >>> read_article("").sentences
    ()
    """
    text = _document_text(document)
    registry = ActorRegistry.default() if registry is None else registry
    rules = _rules_for(Lexicon.default() if lexicon is None else lexicon)
    plain = normalize(text)
    lines = _classify(plain, rules, registry)
    title = next((s.text for s in lines if s.kind is SegmentKind.TITLE), None)
    found_date = find_publication_date(text) if published is None else None
    source = Source(
        outlet=outlet if outlet is not None else _outlet(plain, lines, registry),
        title=None if title is None else " ".join(title.split()),
        url=url,
        author=_author(plain, lines, rules, registry),
        published=published if published is not None else (found_date[0] if found_date else None),
        via=_wires(plain, lines, rules, registry),
    )
    sentences: list[Segment] = []
    for line in lines:
        if line.kind is SegmentKind.BODY:
            for span in split_sentences(text, line.span.start, line.span.end, lexicon=lexicon):
                sentences.append(Segment(SegmentKind.BODY, span, span.slice(text)))
        elif line.kind.carries_claims:
            sentences.append(Segment(line.kind, line.span, line.span.slice(text)))
    segments = tuple(Segment(s.kind, s.span, s.span.slice(text)) for s in lines)
    return Article(text=text, source=source, segments=segments, sentences=tuple(sentences))


def _document_text(document: str | os.PathLike[str]) -> str:
    if isinstance(document, os.PathLike):
        path = Path(document)
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            raise InvalidInputError(str(path), f"not UTF-8 text ({error.reason})") from None
        except OSError as error:
            raise InvalidInputError(str(path), f"cannot read: {error.strerror}") from None
    if not isinstance(document, str):
        raise InvalidInputError(
            "read_article", f"expected str or path, got {type(document).__name__}"
        )
    return document


def _line_spans(text: str) -> list[Span]:
    spans = []
    position = 0
    for line in text.splitlines(keepends=True):
        span = _trimmed(text, position, position + len(line))
        position += len(line)
        if span.end > span.start:
            spans.append(span)
    return spans


def _classify(text: str, rules: _Rules, registry: ActorRegistry) -> list[Segment]:
    """Give each line of the page a kind."""
    spans = _line_spans(text)
    kinds: list[SegmentKind] = []
    in_block = False
    in_tail = False
    for span in spans:
        line = _LEADING_SYMBOLS.sub("", text[span.start : span.end])
        lowered = line.lower()
        if in_tail:
            # Furniture stays furniture ("2 Min read"); anything else there (headlines,
            # teasers, their bylines and captions) belongs to the other articles.
            kind = _line_kind(line, lowered, rules, registry)
            kinds.append(kind if kind is SegmentKind.FURNITURE else SegmentKind.RELATED)
            continue
        if lowered.rstrip(":") in rules.tail_lines:
            in_tail = True
            kinds.append(SegmentKind.FURNITURE)
            continue
        if lowered.startswith(rules.block_starts):
            in_block = True
        if in_block:
            kinds.append(SegmentKind.FURNITURE)
            continue
        kinds.append(_line_kind(line, lowered, rules, registry))
    _mark_caption_labels(text, spans, kinds)
    _mark_title(text, spans, kinds)
    return [
        Segment(kind, span, text[span.start : span.end])
        for kind, span in zip(kinds, spans, strict=True)
    ]


# Bullets, emoji and other marks before a line's first word or quote.
_LEADING_SYMBOLS: Final = regex.compile(r"^[^\p{L}\p{N}\"'(\[]+")


def _line_kind(line: str, lowered: str, rules: _Rules, registry: ActorRegistry) -> SegmentKind:
    if rules.metadata.match(lowered) or lowered in rules.buttons:
        return SegmentKind.FURNITURE
    if lowered.startswith(rules.wire_credits):
        return SegmentKind.FURNITURE  # "Source: Yonhap", "This article includes reporting from"
    if lowered.startswith(rules.furniture_starts) or lowered.endswith(rules.furniture_ends):
        return SegmentKind.FURNITURE
    if rules.reading_time.match(line):
        return SegmentKind.FURNITURE
    if lowered.startswith(rules.caption_markers) or rules.caption_credit.search(line):
        return SegmentKind.CAPTION
    if lowered.startswith(rules.byline_prefixes) and len(line.split()) <= _SHORT_LINE_WORDS:
        return SegmentKind.BYLINE
    actor = registry.resolve(line) if len(line) < 60 else None
    if actor is not None and actor.kind in (ActorKind.NEWS_AGENCY, ActorKind.MEDIA_OUTLET):
        return SegmentKind.CAPTION  # a bare credit line under a missing picture
    if _is_short(line) and (rules.reading_time_tail.search(line) or _ends_in_date(line)):
        return SegmentKind.BYLINE  # "by Tim Zadorozhnyy March 27, 2025 1:11 PM 2 min read"
    if _is_short(line) and not line.endswith((".", '"', "'")):
        return SegmentKind.HEADING
    return SegmentKind.BODY


def _ends_in_date(line: str) -> bool:
    """A dateline: a full date in the line's last few words ("Tuesday, 11 February 2025, 12:29")."""
    tail = " ".join(line.split()[-6:])
    return parse_date(tail) is not None and not line.rstrip().endswith(".")


def _is_short(line: str) -> bool:
    return len(line.split()) <= _SHORT_LINE_WORDS


def _mark_caption_labels(text: str, spans: list[Span], kinds: list[SegmentKind]) -> None:
    """Short lines just above a caption belong to it ("North Korea Troops")."""
    for index in range(len(kinds) - 1, 0, -1):
        if kinds[index] is not SegmentKind.CAPTION:
            continue
        above = index - 1
        while above >= 0 and kinds[above] is SegmentKind.HEADING:
            if not _is_short(text[spans[above].start : spans[above].end]):
                break
            kinds[above] = SegmentKind.CAPTION
            above -= 1


def _mark_title(text: str, spans: list[Span], kinds: list[SegmentKind]) -> None:
    """The first line of the page that reads as a headline is the title; repeats are not.

    A headline is a heading, or a line without a closing full stop before the story starts
    ("North Korea sent 3,000 more troops to Russia, South Korea says").
    """
    for index, kind in enumerate(kinds):
        if kind not in (SegmentKind.HEADING, SegmentKind.BODY):
            continue
        line = text[spans[index].start : spans[index].end]
        if kind is SegmentKind.BODY and (
            line.rstrip().endswith((".", '"', "'", "?", "!")) or len(line.split()) > _TITLE_WORDS
        ):
            return
        following = index + 1
        if following < len(kinds):
            after = text[spans[following].start : spans[following].end]
            if after != line and line.endswith(after):
                kinds[index] = SegmentKind.FURNITURE  # "NewsNorth Korea ...": a glued label
                continue
        kinds[index] = SegmentKind.TITLE
        for later in range(index + 1, len(kinds)):
            if text[spans[later].start : spans[later].end] == line:
                kinds[later] = SegmentKind.FURNITURE
        return


def _outlet(text: str, lines: list[Segment], registry: ActorRegistry) -> Actor | None:
    """The media outlet the page's own furniture names most often."""
    counts: Counter[str] = Counter()
    for line in lines:
        if line.kind in (SegmentKind.FURNITURE, SegmentKind.BYLINE, SegmentKind.CAPTION):
            for _, actor in registry.find_all(text[line.span.start : line.span.end]):
                if actor.kind is ActorKind.MEDIA_OUTLET:
                    counts[actor.id] += 1
    if not counts:
        return None
    return registry.get(counts.most_common(1)[0][0])


def _author(text: str, lines: list[Segment], rules: _Rules, registry: ActorRegistry) -> str | None:
    for line in lines:
        if line.kind is not SegmentKind.BYLINE:
            continue
        written = text[line.span.start : line.span.end].strip()
        lowered = written.lower()
        for prefix in sorted(rules.byline_prefixes, key=len, reverse=True):
            if lowered.startswith(prefix):
                written = written[len(prefix) :].strip()
                break
        name = _leading_name(written, rules.months)
        actor = registry.resolve(name) if name else None
        if name and (actor is None or actor.kind is ActorKind.PERSON):
            return name
    return None


_GLUED = regex.compile(r"(?<=[A-Z])(?=[A-Z][a-z])")


def _leading_name(written: str, months: frozenset[str]) -> str | None:
    """The capitalised words a byline starts with, up to a date or a weekday.

    >>> _leading_name("STANISLAV POHORILOVTuesday, 11 February 2025", frozenset())
    'STANISLAV POHORILOV'
    >>> _leading_name("Tim Zadorozhnyy March 27, 2025 1:11 PM", frozenset({"March"}))
    'Tim Zadorozhnyy'
    """
    words: list[str] = []
    for raw in written.split():
        word = _GLUED.split(raw, maxsplit=1)[0].strip(",;")
        if (
            not word[:1].isupper()
            or word in months
            or (word.endswith("day") and word[:1].isupper() and len(word) > 5)
            or len(words) == 4
        ):
            break
        words.append(word)
        if word != raw.strip(",;"):
            break  # the rest of this token was glued on ("POHORILOVTuesday")
    return " ".join(words) or None


def _wires(
    text: str, lines: list[Segment], rules: _Rules, registry: ActorRegistry
) -> tuple[Actor, ...]:
    """Wire agencies the page relays: an agency byline ("By AFP") or credit line."""
    found: dict[str, Actor] = {}
    for line in lines:
        written = text[line.span.start : line.span.end]
        lowered = written.lower().strip()
        credited = line.kind is SegmentKind.BYLINE or any(
            phrase in lowered for phrase in rules.wire_credits
        )
        if not credited:
            continue
        for _, actor in registry.find_all(written):
            if actor.kind is ActorKind.NEWS_AGENCY:
                found.setdefault(actor.id, actor)
    return tuple(found.values())
