"""One news document: its date, outlet, byline, dateline, page furniture and sentences.

Real pages carry more than the story: donation appeals, newsletter boxes, "2 Min read",
photo captions and credits, related-article headlines, author bios, a dateline before the
first sentence. :func:`read_article` reads the page line by line (tokenise), gives each
line a :class:`SegmentKind` (classify), and splits the story's lines into sentences with
offsets into the caller's string (build).

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

from ._layout import PageRules, classify, find_dateline, trimmed
from .actors import ActorRegistry
from .dates import find_publication_date
from .errors import InvalidInputError
from .lexicon import Lexicon
from .model import Actor, ActorKind, SegmentKind, Source, Span
from .places import Gazetteer
from .text import normalize

__all__ = ["Article", "Dateline", "Segment", "SegmentKind", "read_article", "split_sentences"]

# A byline with more words than this is a sentence that starts with "By".
_SHORT_LINE_WORDS: Final = 14


@attrs.frozen(slots=True)
class Segment:
    """A line of the page (or a sentence of one), its kind and its place in the text."""

    kind: SegmentKind
    span: Span
    text: str


@attrs.frozen(slots=True)
class Dateline:
    """Where a story was filed and who filed it: "KHARTOUM, Aug 12 (Reuters) -" gives place
    KHARTOUM, country SD and wire Reuters. ``span`` covers the dateline in the text.

    >>> article = read_article("KYIV, Ukraine (AP) — Russia fired 40 drones overnight.")
    >>> article.dateline.place, article.dateline.country, article.dateline.wire.id
    ('KYIV', 'UA', 'ap')
    """

    span: Span
    place: str
    country: str | None
    wire: Actor | None


@attrs.frozen(slots=True)
class Article:
    """A read document: the text as given, its :class:`Source`, and its pieces.

    ``segments`` are the page's lines with their kinds (a dateline is a ``BYLINE`` segment
    of its own, cut from the first paragraph); ``sentences`` are the pieces that carry
    claims (title, headings, body sentences), in order.
    """

    text: str
    source: Source
    segments: tuple[Segment, ...]
    sentences: tuple[Segment, ...]
    dateline: Dateline | None = None

    @property
    def title(self) -> str | None:
        """The article's own headline, when the page shows one."""
        return self.source.title


_RULES: dict[int, tuple[Lexicon, PageRules]] = {}


def _rules_for(lexicon: Lexicon) -> PageRules:
    cached = _RULES.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        cached = (lexicon, PageRules(lexicon))
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
        spans.append(trimmed(text, begin, found.end()))
        begin = found.end()
    if text[begin:stop].strip():
        spans.append(trimmed(text, begin, stop))
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


def read_article(
    document: str | os.PathLike[str],
    *,
    published: date | None = None,
    outlet: Actor | None = None,
    url: str | None = None,
    registry: ActorRegistry | None = None,
    lexicon: Lexicon | None = None,
    gazetteer: Gazetteer | None = None,
) -> Article:
    """Read one document (its text, or a path to a UTF-8 file) into an :class:`Article`.

    ``published`` and ``outlet``, when given, win over what the page shows; ``gazetteer``
    places the dateline's city.

    >>> read_article("").sentences
    ()
    """
    text = _document_text(document)
    registry = ActorRegistry.default() if registry is None else registry
    rules = _rules_for(Lexicon.default() if lexicon is None else lexicon)
    plain = normalize(text)
    lines = [
        Segment(kind, span, plain[span.start : span.end])
        for kind, span in classify(plain, rules, registry)
    ]
    dateline = None
    gazetteer = Gazetteer.default() if gazetteer is None else gazetteer
    found = find_dateline(
        plain, [(line.kind, line.span) for line in lines], registry, gazetteer.country_of
    )
    if found is not None:
        index, (span, place, country, wire) = found[0], found[1]
        line = lines[index]
        rest = trimmed(plain, span.end, line.span.end)
        lines[index : index + 1] = [
            Segment(SegmentKind.BYLINE, trimmed(plain, line.span.start, span.end), ""),
            Segment(SegmentKind.BODY, rest, ""),
        ]
        dateline = Dateline(trimmed(plain, span.start, span.end), place, country, wire)
    title = next((s.text for s in lines if s.kind is SegmentKind.TITLE), None)
    found_date = find_publication_date(text) if published is None else None
    wires = _wires(plain, lines, rules, registry)
    page_outlet = outlet if outlet is not None else _outlet(plain, lines, registry)
    if dateline is not None and dateline.wire is not None:
        if dateline.wire.kind is ActorKind.NEWS_AGENCY and dateline.wire not in wires:
            wires = (*wires, dateline.wire)
        elif page_outlet is None and dateline.wire.kind is ActorKind.MEDIA_OUTLET:
            page_outlet = dateline.wire
    source = Source(
        outlet=page_outlet,
        title=None if title is None else " ".join(title.split()),
        url=url,
        author=_author(plain, lines, rules, registry, dateline),
        published=published if published is not None else (found_date[0] if found_date else None),
        via=wires,
    )
    sentences: list[Segment] = []
    for line in lines:
        if line.kind is SegmentKind.BODY:
            for piece in split_sentences(text, line.span.start, line.span.end, lexicon=lexicon):
                sentences.append(Segment(SegmentKind.BODY, piece, piece.slice(text)))
        elif line.kind.carries_claims:
            sentences.append(Segment(line.kind, line.span, line.span.slice(text)))
    segments = tuple(Segment(s.kind, s.span, s.span.slice(text)) for s in lines)
    return Article(
        text=text,
        source=source,
        segments=segments,
        sentences=tuple(sentences),
        dateline=dateline,
    )


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


def _author(
    text: str,
    lines: list[Segment],
    rules: PageRules,
    registry: ActorRegistry,
    dateline: Dateline | None,
) -> str | None:
    """Who wrote the page: the people its first byline names ("By A and B / Reuters" is
    "A and B"); a dateline ("KYIV, Ukraine (AP) —") names a place, not a writer."""
    for line in lines:
        if line.kind is not SegmentKind.BYLINE:
            continue
        if dateline is not None and line.span.end == dateline.span.end:
            continue
        written = text[line.span.start : line.span.end].strip()
        lowered = written.lower()
        for prefix in sorted(rules.byline_prefixes, key=len, reverse=True):
            if lowered.startswith(prefix):
                written = written[len(prefix) :].strip()
                break
        names = [
            name
            for part in _BYLINE_PARTS.split(_BYLINE_END.split(written, maxsplit=1)[0])
            for name in (_leading_name(part, rules.months),)
            if name is not None
        ]
        writers: list[str] = []
        for name in names:
            actor = registry.resolve(name)
            if actor is not None and actor.kind is not ActorKind.PERSON:
                break  # "Khalid Osman, Reuters": the agency, and nothing after it, is no writer
            writers.append(name)
        if writers:
            return (
                writers[0] if len(writers) == 1 else ", ".join(writers[:-1]) + " and " + writers[-1]
            )
    return None


# A byline's writers end at a slash, a bar or a dash ("By A and B / Reuters"); they are
# listed with commas and "and".
_BYLINE_END: Final = regex.compile(r"\s*(?:[/|]|\s[-\u2013\u2014]\s)")
_BYLINE_PARTS: Final = regex.compile(r"\s*(?:,|\band\b|&)\s*")


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
    text: str, lines: list[Segment], rules: PageRules, registry: ActorRegistry
) -> tuple[Actor, ...]:
    """Wire agencies the page relays: an agency byline ("By AFP") or credit line."""
    found: dict[str, Actor] = {}
    previous: SegmentKind | None = None
    for line in lines:
        written = text[line.span.start : line.span.end]
        lowered = written.lower().strip()
        after_byline, previous = previous is SegmentKind.BYLINE, line.kind
        credited = (
            line.kind is SegmentKind.BYLINE
            or any(phrase in lowered for phrase in rules.wire_credits)
            # "By Ann Lee" then "Reuters" on a line of its own: the byline's agency
            or (after_byline and registry.resolve(written) is not None)
        )
        if not credited:
            continue
        for _, actor in registry.find_all(written):
            if actor.kind is ActorKind.NEWS_AGENCY:
                found.setdefault(actor.id, actor)
    return tuple(found.values())
