"""Private: how a saved news page is laid out, line by line, for :mod:`osint_claims.articles`.

Each line gets a :class:`~osint_claims.model.SegmentKind` (classify): furniture (buttons,
newsletter boxes, "3 min read", credits, breadcrumbs), captions (a line ending in a photo
credit, and the description just above a credit line), bylines and date lines, headings,
related headlines (end matter, "Read more:" lines, a "list of 3 items" box) and the body.
Then the title is chosen, and the body's first paragraph is searched for a dateline
("KHARTOUM, Aug 12 (Reuters) -", "KYIV, Ukraine (AP) —", "MOSCOW, March 1. /TASS/."), which
is cut off the body so that neither its city nor its wire reads as part of a claim.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, NamedTuple

import regex

from ._patterns import alternation
from .actors import ActorRegistry
from .dates import parse_date
from .lexicon import Lexicon
from .model import Actor, ActorKind, SegmentKind, Span

# A line with more words than this is never a heading or a caption label.
SHORT_LINE_WORDS: Final = 14
# Nor a title past this many, nor one below this many (a section label: "Middle East").
_TITLE_WORDS: Final = 30
_TITLE_LEAST_WORDS: Final = 4
# The headline is among the first this many lines that read as one.
_TITLE_CANDIDATES: Final = 2
# A photo's description above its credit line is at most this long.
_CAPTION_WORDS: Final = 60
# After "Read more" mid-page, a long paragraph goes back to the story only if at most this
# many related headlines came first; a list of more is end matter.
_INLINE_RELATED: Final = 2
_BODY_WORDS: Final = 25
# Datelines stand in the first paragraphs of the story.
_DATELINE_LINES: Final = 3

# Bullets, emoji and other marks before a line's first word or quote.
_LEADING_SYMBOLS: Final = regex.compile(r"^[^\p{L}\p{N}\"'(\[]+")
_TRAILING_MARKS: Final = " :>»›►▶→-|"
# "(Kim Won Jin / AFP)", "[File: Omar al-Qattaa/Reuters]", "(Photo: ANHA)": a bracketed
# credit that ends a line; "/" before a capitalised name, or a photo word.
_BRACKET_CREDIT: Final = regex.compile(
    r"(?i)[(\[]\s*(?:file\s*:?\s*|photo(?:graph)?s?\s*(?:by)?\s*:?\s*|credit\s*:?\s*|"
    r"image\s*:?\s*|©\s*)?[^()\[\]]{0,80}?(?:/\s*[^\s/()\[\]][^/()\[\]]{0,60}|"
    r"(?-i:\bphoto\b)|©[^()\[\]]{0,60})\s*[)\]]\s*$"
)
_CREDIT_START: Final = regex.compile(
    r"(?i)^(?:photo(?:graph)?s?|image|credit|picture|pictures|foto|illustration)\s*(?:by)?\s*:"
)
_COPYRIGHT: Final = regex.compile(r"©[^.]{0,80}$")
# A caption that opens with its marker and goes on to describe the picture.
_DESCRIBED_CREDIT: Final = regex.compile(
    r"(?i)^\W*(?:photo(?:graph)?s?|image|picture|pictured|caption)\s*:\s*(?:\S+\s+){3}"
)
# Marks one of which every photo credit holds: "Name/AFP", "(Photo: ANHA)", "© Name".
_CREDIT_MARKS: Final = ("/", "(", "[", "©", ":")
_BREADCRUMB: Final = regex.compile(r"\s[|>»›]\s")
# A wire desk's initials closing a story: "bur-ah/dc", "jm/kir".
_EDITOR_CODES: Final = regex.compile(r"[a-z]{2,5}(?:-[a-z]{2,5})*(?:/[a-z]{2,5}(?:-[a-z]{2,5})*)+")
_DATELINE: Final = regex.compile(
    r"""(?P<place>[A-Z][A-Z'.\-]+(?:\s+[A-Z][A-Z'.\-]+){0,3}
         |[A-Z][a-z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*){0,2})
       (?:,\s*(?P<region>[A-Z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*){0,2}))?
       (?:,\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+[0-9]{1,2}|[0-9]{1,2}\s+[A-Z][a-z]{2,8})
                     (?:,?\s+[0-9]{4})?\.?))?
       \s*(?:\(\s*(?P<wire>[^()]{1,40}?)\s*\)|/\s*(?P<slash>[A-Za-z][\w\s]{0,20}?)\s*/\.?)?
       (?:\s*(?P<mark>\.?--?|:)\s*|(?<=/\.?)\s+)(?=\S)""",
    regex.VERBOSE,
)


# "March 4, 2025 (PORT SUDAN) –": the date first, the place in brackets.
_DATE_FIRST: Final = regex.compile(
    r"(?:[A-Z][a-z]{2,8}\.?\s+[0-9]{1,2},?\s+[0-9]{4}|[0-9]{1,2}\s+[A-Z][a-z]{2,8}\s+[0-9]{4})"
    r"\s*\(\s*(?P<place>[A-Z][A-Z'.\- ]{1,40}?)\s*\)\s*(?P<mark>\.?--?|:)\s*(?=\S)"
)


class Dateline(NamedTuple):
    """A story's dateline: where it was filed, and the wire or outlet that filed it."""

    span: Span
    place: str
    country: str | None
    wire: Actor | None


class PageRules:
    """The compiled page rules of one lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        words = lexicon.words
        self.furniture_starts = tuple(
            w.lower() for w in words("articles", "furniture_lines", "starts")
        )
        self.furniture_ends = tuple(w.lower() for w in words("articles", "furniture_lines", "ends"))
        self.buttons = frozenset(w.lower() for w in words("articles", "furniture_lines", "buttons"))
        self.tail_lines = frozenset(w.lower() for w in words("articles", "furniture_tail", "lines"))
        self.inline_markers = frozenset(
            w.lower() for w in words("articles", "related_lines", "markers")
        )
        self.related_prefixes = tuple(
            w.lower() for w in words("articles", "related_lines", "prefixes")
        )
        self.related_block_starts = tuple(
            w.lower() for w in words("articles", "related_lines", "block_starts")
        )
        self.related_block_ends = tuple(
            w.lower() for w in words("articles", "related_lines", "block_ends")
        )
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
        # "REUTERS/Stringer/File Photo", "AP Photo/Name", "Photo: AFP": a credit by itself.
        self.credit_line = regex.compile(
            rf"(?i)^\W*(?:{agencies})(?:\s+photo)?\s*/\s*\S|(?:{agencies})\s*(?:/\s*[\w .'-]+)?"
            r"\s*(?:purchase licensing rights|file photo)"
            # "... in Lahore on May 8. — AFP", "... on Jan. 22, 2025. EFE/Carlos Ortega"
            rf"|\s-\s*(?:{agencies})\s*$|(?-i:\b(?i:{agencies})(?:\s+[Pp]hoto)?\s*/\s*"
            r"[A-Z][\w.' -]{1,40}$)",
        )
        self.metadata = regex.compile(r"^\s*date\s+[0-9]{4}-[0-9]{2}-[0-9]{2}\b")
        self.sentence_end = regex.compile(r"[.!?][\"')\]]?(?=\s+[\"'(\[]?[A-Z0-9])")


def classify(
    text: str, rules: PageRules, registry: ActorRegistry
) -> list[tuple[SegmentKind, Span]]:
    """Give each line of the page a kind."""
    spans = line_spans(text)
    walk = _PageWalk(rules, registry)
    kinds = [walk.kind(text[span.start : span.end]) for span in spans]
    _mark_described_photos(text, spans, kinds)
    _mark_caption_labels(text, spans, kinds)
    _mark_title(text, spans, kinds)
    return list(zip(kinds, spans, strict=True))


class _PageWalk:
    """Reads a page's lines in order, remembering which part of the page it is in: a
    furniture block, a box of related headlines, the tail of other stories after the body,
    or the few related lines after a "Read more" mid-page."""

    def __init__(self, rules: PageRules, registry: ActorRegistry) -> None:
        self.rules = rules
        self.registry = registry
        self.in_block = False
        self.in_tail = False
        self.in_related_box = False
        self.inline: int | None = None  # related lines since a "Read more" mid-page

    def kind(self, raw: str) -> SegmentKind:
        """The kind of the next line."""
        rules = self.rules
        line = _LEADING_SYMBOLS.sub("", raw)
        lowered = line.lower()
        bare = lowered.rstrip(_TRAILING_MARKS)
        if raw.lower().startswith(rules.furniture_starts) or _EDITOR_CODES.fullmatch(raw):
            return SegmentKind.FURNITURE  # "© 2025 AFP", "bur-ah/dc"
        if self.in_tail:
            # Furniture stays furniture ("2 Min read"); anything else there (headlines,
            # teasers, their bylines and captions) belongs to the other articles.
            kind = _line_kind(line, lowered, rules, self.registry)
            return kind if kind is SegmentKind.FURNITURE else SegmentKind.RELATED
        if self.in_related_box:
            if bare.startswith(rules.related_block_ends):
                self.in_related_box = False
                return SegmentKind.FURNITURE
            return SegmentKind.FURNITURE if _is_box_label(bare) else SegmentKind.RELATED
        return self._opening(line, lowered, bare)

    def _opening(self, line: str, lowered: str, bare: str) -> SegmentKind:
        """The kind of a line outside the tail and related boxes, which may open them."""
        rules = self.rules
        if bare.startswith(rules.related_block_starts):
            self.in_related_box = True
            return SegmentKind.FURNITURE
        if bare in rules.tail_lines:
            self.in_tail = True
            return SegmentKind.FURNITURE
        if bare in rules.inline_markers:
            self.inline = 0
            return SegmentKind.FURNITURE
        if lowered.startswith(rules.related_prefixes) and len(line.split()) > 2:
            return SegmentKind.RELATED  # "Read more: Lebanon's army chief vows ..."
        kind = _line_kind(line, lowered, rules, self.registry)
        if self.inline is not None:
            long_line = len(line.split()) >= _BODY_WORDS and kind is SegmentKind.BODY
            if long_line and self.inline <= _INLINE_RELATED:
                self.inline = None
            elif kind is SegmentKind.FURNITURE:
                return kind
            else:
                self.inline += 1
                return SegmentKind.RELATED
        if lowered.startswith(rules.block_starts):
            self.in_block = True
        return SegmentKind.FURNITURE if self.in_block else kind


def line_spans(text: str) -> list[Span]:
    """The spans of the page's non-blank lines, trimmed."""
    spans = []
    position = 0
    for line in text.splitlines(keepends=True):
        span = trimmed(text, position, position + len(line))
        position += len(line)
        if span.end > span.start:
            spans.append(span)
    return spans


def trimmed(text: str, start: int, end: int) -> Span:
    """``[start, end)`` without the blanks at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _is_box_label(bare: str) -> bool:
    """ "list 1 of 3": the counter of a box of related headlines."""
    return regex.fullmatch(r"list\s+[0-9]+\s+of\s+[0-9]+", bare) is not None


def is_credit(line: str, rules: PageRules) -> bool:
    """Whether a line is, or ends in, a photo credit."""
    lowered = line.lower()
    if lowered.startswith(rules.caption_markers):
        return True
    if (
        not any(mark in line for mark in _CREDIT_MARKS)
        and " - " not in line[-60:]
        and ("file photo" not in lowered)
    ):
        return False  # every credit pattern needs one of these: a cheap test first
    return bool(
        rules.caption_credit.search(line)
        or _BRACKET_CREDIT.search(line)
        or _CREDIT_START.match(line)
        or rules.credit_line.search(line)
        or _COPYRIGHT.search(line[-90:])
    )


def _line_kind(line: str, lowered: str, rules: PageRules, registry: ActorRegistry) -> SegmentKind:
    bare = lowered.rstrip(_TRAILING_MARKS)
    if rules.metadata.match(lowered) or bare in rules.buttons:
        return SegmentKind.FURNITURE
    if lowered.startswith(rules.wire_credits):
        return SegmentKind.FURNITURE  # "Source: Yonhap", "Reporting by ...; Editing by ..."
    if lowered.startswith(rules.furniture_starts) or bare.endswith(rules.furniture_ends):
        return SegmentKind.FURNITURE
    if rules.reading_time.match(line):
        return SegmentKind.FURNITURE
    if lowered.startswith("(") and lowered.endswith(")") and _is_short(line):
        return SegmentKind.FURNITURE  # "(FRANCE 24 with AFP)"
    if lowered.startswith(rules.byline_prefixes) and len(line.split()) <= SHORT_LINE_WORDS:
        return SegmentKind.BYLINE  # before credits: "By A and B / Reuters" names its writers
    if is_credit(line, rules):
        return SegmentKind.CAPTION
    if _is_short(line) and _BREADCRUMB.search(line):
        return SegmentKind.FURNITURE  # "News | Israel-Palestine conflict"
    actor = registry.resolve(line) if len(line) < 60 else None
    if actor is not None and actor.kind in (ActorKind.NEWS_AGENCY, ActorKind.MEDIA_OUTLET):
        return SegmentKind.CAPTION  # a bare credit line under a missing picture
    if _is_short(line) and (rules.reading_time_tail.search(line) or _ends_in_date(line)):
        return SegmentKind.BYLINE  # "by Tim Zadorozhnyy March 27, 2025 1:11 PM 2 min read"
    if _is_short(line) and not line.endswith((".", '"', "'")):
        return SegmentKind.HEADING
    return SegmentKind.BODY


def _ends_in_date(line: str) -> bool:
    """A date line: a full date in the line's last few words ("Tuesday, 11 February 2025,
    12:29", "Updated 2 hours ago" after a date)."""
    words = line.split()
    for size in (6, 8, 10):
        tail = " ".join(words[-size:])
        if parse_date(tail) is not None and not line.rstrip().endswith("."):
            return True
    head = " ".join(words[:6])
    return parse_date(head) is not None and len(words) <= 12 and not line.rstrip().endswith(".")


def _is_short(line: str) -> bool:
    return len(line.split()) <= SHORT_LINE_WORDS


def _mark_described_photos(text: str, spans: list[Span], kinds: list[SegmentKind]) -> None:
    """The line just above a credit line describes the photo ("Smoke billows over El
    Fasher ... in this still image" above "REUTERS/Stringer/File Photo")."""
    first_text = next(
        (i for i, kind in enumerate(kinds) if kind in (SegmentKind.BODY, SegmentKind.HEADING)),
        None,
    )
    for index in range(1, len(kinds)):
        if kinds[index] is not SegmentKind.CAPTION:
            continue
        above = index - 1
        if kinds[above] not in (SegmentKind.BODY, SegmentKind.HEADING):
            continue
        if above == first_text and not _caption_before(kinds, above):
            continue  # the page's first line is its headline, whatever credit follows
        credit = text[spans[index].start : spans[index].end]
        if len(credit.split()) > SHORT_LINE_WORDS or _DESCRIBED_CREDIT.match(credit):
            continue  # the credit ends a description of its own ("Photo: Mourners carry ...")
        description = text[spans[above].start : spans[above].end]
        if len(description.split()) <= _CAPTION_WORDS and _DATELINE.match(description) is None:
            kinds[above] = SegmentKind.CAPTION


def _caption_before(kinds: list[SegmentKind], index: int) -> bool:
    """Whether a caption stands before line ``index`` (a picture tops the page)."""
    return SegmentKind.CAPTION in kinds[:index]


def _mark_caption_labels(text: str, spans: list[Span], kinds: list[SegmentKind]) -> None:
    """Short lines just above a caption belong to it ("North Korea Troops")."""
    for index in range(len(kinds) - 1, 0, -1):
        if kinds[index] is not SegmentKind.CAPTION:
            continue
        above = index - 1
        while above >= 0 and kinds[above] is SegmentKind.HEADING:
            line = text[spans[above].start : spans[above].end]
            if not _is_short(line) or len(line.split()) >= _TITLE_LEAST_WORDS:
                break
            kinds[above] = SegmentKind.CAPTION
            above -= 1


def _mark_title(text: str, spans: list[Span], kinds: list[SegmentKind]) -> None:
    """The first line of the page that reads as a headline is the title; repeats are not.

    A headline is a heading of at least four words, or a line without a closing full stop,
    before the story starts ("North Korea sent 3,000 more troops to Russia, South Korea
    says"). Shorter headings before it are the site's labels ("Middle East", "Security").
    """
    labels: list[int] = []
    candidates: list[int] = []
    for index, kind in enumerate(kinds):
        if kind not in (SegmentKind.HEADING, SegmentKind.BODY):
            if candidates and kind is SegmentKind.BYLINE:
                break  # the byline follows the headline
            continue
        line = text[spans[index].start : spans[index].end]
        if kind is SegmentKind.BODY and (
            line.rstrip().endswith((".", '"', "'", "?", "!")) or len(line.split()) > _TITLE_WORDS
        ):
            break
        following = index + 1
        if following < len(kinds):
            after = text[spans[following].start : spans[following].end]
            if after != line and line.endswith(after):
                kinds[index] = SegmentKind.FURNITURE  # "NewsNorth Korea ...": a glued label
                continue
        if len(line.split()) < _TITLE_LEAST_WORDS:
            labels.append(index)
            continue
        candidates.append(index)
        if len(candidates) == _TITLE_CANDIDATES:
            break
    if not candidates:
        if labels:  # only short headings before the story: the first is the title
            kinds[labels[0]] = SegmentKind.TITLE
        return
    # A site's tagline ("Plural news and views on Sudan") can stand between the site's name
    # and the headline: a first candidate that only labels precede, with another right
    # after it.
    title = candidates[0]
    if len(candidates) > 1 and title == 1 and labels == [0] and candidates[1] == title + 1:
        first = text[spans[title].start : spans[title].end]
        second = text[spans[candidates[1]].start : spans[candidates[1]].end]
        if not any(c.isdigit() for c in first) and len(second.split()) > len(first.split()):
            title = candidates[1]
    line = text[spans[title].start : spans[title].end]
    kinds[title] = SegmentKind.TITLE
    for label in [*labels, *candidates]:
        if label < title:
            kinds[label] = SegmentKind.FURNITURE
    for later in range(title + 1, len(kinds)):
        if text[spans[later].start : spans[later].end] == line:
            kinds[later] = SegmentKind.FURNITURE


def find_dateline(
    text: str,
    lines: list[tuple[SegmentKind, Span]],
    registry: ActorRegistry,
    country_of: Callable[[str], str | None],
) -> tuple[int, Dateline] | None:
    """The dateline that opens one of the story's first paragraphs, with that line's index.

    The place is in capitals ("KHARTOUM", "GAZA CITY, Gaza Strip") or followed by its wire
    ("Beirut (AFP) –"); ``country_of`` gives a place's ISO code (the gazetteer's).
    """
    seen = 0
    for index, (kind, span) in enumerate(lines):
        if kind is not SegmentKind.BODY:
            continue
        seen += 1
        if seen > _DATELINE_LINES:
            return None
        first = _DATE_FIRST.match(text, span.start, span.end)
        if first is not None:
            place = first.group("place")
            country = _place_country(place, None, registry, country_of)
            where = Span(span.start, first.end())
            return index, Dateline(where, " ".join(place.split()), country, None)
        found = _DATELINE.match(text, span.start, span.end)
        if found is None:
            continue
        place = found.group("place")
        wire_text = found.group("wire") or found.group("slash")
        capitals = place.upper() == place and sum(c.isalpha() for c in place) >= 3
        if not capitals and wire_text is None:
            continue
        wire = registry.resolve(wire_text) if wire_text else None
        if wire_text and (
            wire is None or wire.kind not in (ActorKind.NEWS_AGENCY, ActorKind.MEDIA_OUTLET)
        ):
            if not capitals:
                continue
            wire = None
        country = _place_country(place, found.group("region"), registry, country_of)
        end = found.end()
        return index, Dateline(Span(span.start, end), " ".join(place.split()), country, wire)
    return None


def _place_country(
    place: str,
    region: str | None,
    registry: ActorRegistry,
    country_of: Callable[[str], str | None],
) -> str | None:
    for name in (place, region):
        if not name:
            continue
        plain = " ".join(name.split())
        found = country_of(plain)
        if found is not None:
            return found
        actor = registry.resolve(plain.title()) or registry.resolve(plain)
        if actor is not None and actor.kind is ActorKind.STATE:
            return actor.country
    return None
