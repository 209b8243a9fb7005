"""Private helpers that turn lexicon word lists into regular-expression source.

Lexicon entries are literal text; these helpers escape them, let a space stand for any run
of white space, and factor common prefixes so a long list scans quickly. A run of blanks in
an entry is one blank: two blank patterns in a row would split one run of white space in the
text in many ways, and backtrack through them all.

>>> alternation(["about", "above", "around"])
'(?:a(?:bo(?:ut|ve)|round))'
>>> import regex
>>> bool(regex.fullmatch(alternation(["close to"]), "close   to"))
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

import regex

_END = ""
# A run of white space in a lexicon entry (Python's reading, which takes all the regex
# module's \s does): one blank.
_BLANK_RUN: Final = re.compile(r"\s+")


def collapse_blanks(word: str) -> str:
    """``word`` with each run of white space made one space, which the patterns read as
    any run of white space.

    >>> collapse_blanks("close \t  to"), collapse_blanks("per ")
    ('close to', 'per ')
    """
    return _BLANK_RUN.sub(" ", word)


def _piece(char: str) -> str:
    return r"\s+" if char == " " else regex.escape(char)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation matching any of ``words``, longest first, as a prefix tree.

    >>> import regex
    >>> pattern = regex.compile(alternation(["ten", "tens of thousands", "tens"]))
    >>> pattern.match("tens of thousands").group()
    'tens of thousands'
    >>> alternation([])
    '(?!)'
    """
    return _tree_pattern(words, reverse=False)


def _tree_pattern(words: Iterable[str], *, reverse: bool) -> str:
    # One tree for both directions: of prefixes (left to right) or of endings (for (?r)).
    tree: dict[str, dict[str, object]] = {}
    for word in {collapse_blanks(word) for word in words}:
        if not word:
            continue
        node = tree
        for char in reversed(word) if reverse else word:
            node = node.setdefault(char, {})  # type: ignore[assignment]
        node[_END] = {}
    if not tree:
        return "(?!)"
    return "(?:" + _emit(tree, reverse=reverse) + ")"


def _emit(node: dict[str, dict[str, object]], *, reverse: bool) -> str:
    branches = [
        (_emit(child, reverse=reverse) + _piece(char))  # type: ignore[arg-type]
        if reverse
        else (_piece(char) + _emit(child, reverse=reverse))  # type: ignore[arg-type]
        for char, child in sorted(node.items())
        if char != _END
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy optional continuation (to the left when reversed): the longest entry wins,
    # shorter ones still match.
    return f"(?:{body})?" if _END in node else body


def suffix_alternation(words: Iterable[str]) -> str:
    """An alternation for patterns run in reverse (``(?r)``): a tree of common endings.

    A prefix tree prefers the longest entry only when matching left to right; matching right
    to left it would take "more than" out of "no more than". Here, read right to left, a
    longer word is tried before the shorter one it ends with, and each character is tested
    once however many words end with it.

    >>> print(suffix_alternation(["more than", "no more than", "than"]))
    (?:(?:(?:no\\s+)?more\\s+)?than)
    >>> import regex
    >>> regex.search(rf"(?r){suffix_alternation(['more than', 'no more than'])}\\Z",
    ...              "no more than").group()
    'no more than'
    """
    return _tree_pattern(words, reverse=True)


def words_pattern(words: Iterable[str]) -> str:
    """Like :func:`alternation`, but whole words only: no letter or digit on either side.

    >>> import regex
    >>> bool(regex.search(words_pattern(["one"]), "someone"))
    False
    >>> regex.search(words_pattern(["one"]), "one.").group()
    'one'
    """
    return r"(?<![^\W_])" + alternation(words) + r"(?![^\W_])"


_ASCII = [chr(code) for code in range(128)]
# A run of letters and digits: a word as the patterns' boundaries (``(?<![^\W_])``) see it.
_WORD: Final = regex.compile(r"[^\W_]+")
# The only characters beyond ASCII that a case-blind pattern matches to an ASCII letter
# (the regex module's simple case folding, checked over all of Unicode): the dotted and
# dotless i, the long s and the Kelvin sign.
# A phrase's beginning up to the end of its second word: "the North", "U.S.", "according to".
_LEADING_TWO: Final = regex.compile(r"[^\W_]+(?:[\W_]+?[^\W_]+)?")
_ASCII_PARTNERS: Final = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


class WordGate:
    """An exact cheap test of where a case-blind pattern may match: at the start of a word
    that is one of its first words, or that starts with a digit (when digits may start a
    match), or that is not all ASCII (case folding may make it one of them).

    It holds for a pattern whose every match starts a word (no letter or digit before it)
    with one of ``words``' first words, whole: what follows that word in the pattern is no
    letter or digit. ``words`` starting with a mark leave no word to look for; the gate
    then lets every place through (``firsts`` is None).

    With ``phrases=True`` the pattern's matches also begin with one of ``words`` in full,
    up to its second word (a space in a word standing for any run of white space, as
    :func:`alternation` reads it); ASCII text is then tested for that longer beginning,
    which turns away "the" where only "the North" can match.

    >>> gate = WordGate(["in", "the North", "U.S."])
    >>> text = "Troops in the north of the U.S., inside"
    >>> [text[start:start + 5] for start in gate.starts(text)]
    ['in th', 'the n', 'the U', 'U.S.,']
    >>> [text[start:start + 5] for start in WordGate(["the North"], phrases=True).starts(text)]
    ['the n']
    >>> list(WordGate(["2024"], digits=True).starts("in 2025 or 9th"))
    [3, 11]
    """

    __slots__ = ("ascii_starts", "digits", "firsts")

    def __init__(
        self, words: Iterable[str], *, digits: bool = False, phrases: bool = False
    ) -> None:
        words = [collapse_blanks(word) for word in words]
        starts = [_WORD.match(word) for word in words]
        self.firsts: frozenset[str] | None = (
            None
            if any(first is None for first in starts)
            else frozenset(
                first.group().translate(_ASCII_PARTNERS).lower()
                for first in starts
                if first is not None
            )
        )
        self.digits = digits
        # In ASCII text the words are ASCII words and the standard library's engine finds
        # the starting ones in one pass, without a step of Python per word. The test looks
        # ahead, so that one beginning does not hide another that starts inside it.
        beginnings: Iterable[str] = self.firsts or ()
        if phrases and self.firsts is not None:
            beginnings = {
                found.group() for found in map(_LEADING_TWO.match, words) if found is not None
            }
        plain = sorted(
            folded
            for folded in (word.translate(_ASCII_PARTNERS).lower() for word in beginnings)
            if folded.isascii()
        )
        self.ascii_starts = re.compile(
            rf"(?<![A-Za-z0-9])(?=(?:{alternation(plain)})(?![A-Za-z0-9])"
            + ("|[0-9])" if digits else ")"),
            re.IGNORECASE | re.ASCII,
        )

    def starts(self, text: str, position: int = 0) -> Iterator[int]:
        """Every place from ``position`` on where a match may start, in order."""
        firsts = self.firsts
        if firsts is None:
            yield from range(position, len(text))
            return
        if text.isascii():
            yield from [start.start() for start in self.ascii_starts.finditer(text, position)]
            return
        digits = self.digits
        for word in _WORD.finditer(text, position):
            found = word.group()
            if not found.isascii() or found.lower() in firsts or (digits and found[0].isdigit()):
                yield word.start()


def first_characters(words: Iterable[str], flags: int = 0) -> frozenset[str]:
    """The ASCII characters a match of :func:`alternation` of ``words`` can start with.

    With :func:`may_begin`, a gate that is exact: it never turns away a place where the
    pattern could match. Each first character is tried as the pattern would read it, under
    the same ``flags`` (so case folding, and a space standing for any white space, agree).

    >>> sorted(first_characters(["in", "out of"]))
    ['i', 'o']
    >>> sorted(first_characters(["km"], regex.IGNORECASE))
    ['K', 'k']
    """
    found: set[str] = set()
    for first in {collapse_blanks(word)[:1] for word in words if word}:
        found.update(_ascii_matches(first, flags))
    return frozenset(found)


def may_begin(char: str, initials: frozenset[str]) -> bool:
    """Whether a match can start with ``char``, given the :func:`first_characters`.

    A character beyond ASCII always may: case folding can make it match an ASCII letter.
    The empty string (the end of the text) never does.

    >>> initials = first_characters(["in"])
    >>> may_begin("i", initials), may_begin("x", initials), may_begin("", initials)
    (True, False, False)
    >>> may_begin("\u0130", initials)
    True
    """
    return char in initials or char > "\x7f"


class PrefixGate:
    """An exact cheap test before a lexicon alternation: can a match start here?

    It looks at the first ``width`` characters (two or three). It never turns away a place
    where ``alternation(words)`` (compiled with ``flags``) matches; it turns away most
    others for the price of a slice and a set lookup, where a call into the regex module
    costs thousands of instructions. Three characters tell apart words that two do not
    ("November" and "North").

    >>> gate = PrefixGate(["km", "kilometres", "%"], regex.IGNORECASE)
    >>> [gate.may_start_at(t, 0) for t in ("KM away", "troops", "% of", "k", "")]
    [True, False, True, False, False]
    >>> months = PrefixGate(["November", "May"], width=3)
    >>> [months.may_start_at(t, 0) for t in ("Nov. 3", "North", "May", "Ma")]
    [True, False, True, False]
    """

    def __init__(self, words: Iterable[str], flags: int = 0, *, width: int = 2) -> None:
        if width not in (2, 3):
            raise ValueError(f"width must be 2 or 3, not {width}")
        # The ASCII spellings of each word's first characters, by how many were kept.
        prefixes: dict[int, set[str]] = {1: set(), 2: set(), 3: set()}
        self._always = False  # a word starting with white space (any run of it) or nothing
        for word in {collapse_blanks(word) for word in words}:
            if not word or word[0] == " ":
                self._always = True
                continue
            head = word[:width]
            if " " in head:
                # A space stands for any run of white space: what follows it may be more.
                head = head[: head.index(" ") + 1]
            spellings = {""}
            for char in head:
                spellings = {s + c for s in spellings for c in _ascii_matches(char, flags)}
            prefixes[len(head)].update(spellings)
        self._singles = frozenset(prefixes[1])
        self._pairs = frozenset(prefixes[2])
        self._triples = frozenset(prefixes[3])

    def may_start_at(self, text: str, position: int) -> bool:
        """False only where no word can match at ``position`` of ``text``."""
        pair = text[position : position + 2]
        if (
            pair in self._pairs
            or pair[:1] in self._singles
            # Beyond ASCII, case folding could make a character match: let the pattern say.
            or not pair.isascii()
            or self._always
        ):
            return True
        if not self._triples:
            return False
        triple = text[position : position + 3]
        return triple in self._triples or not triple.isascii()

    def may_start_after_leads(self, text: str, position: int, leads: int) -> bool:
        """Like :meth:`may_start_at`, after up to ``leads`` white spaces and hyphens.

        For patterns that allow something like ``\\s?-?`` before the words. This lets any
        mix of them through, which only lets more places through; a character beyond ASCII
        may be white space, so it lets the place through too.

        >>> PrefixGate(["km"]).may_start_after_leads("3 - km", 1, 3)
        True
        """
        # may_start_at, inlined: the parsers ask this before most figures' next words.
        pairs, singles, triples = self._pairs, self._singles, self._triples
        if self._always:
            return True
        last = position + leads
        while True:
            pair = text[position : position + 2]
            if pair in pairs or pair[:1] in singles or not pair.isascii():
                return True
            if triples:
                triple = text[position : position + 3]
                if triple in triples or not triple.isascii():
                    return True
            # A character beyond ASCII has already been let through.
            if position == last or pair[:1] not in _LEADS:
                return False
            position += 1


class FollowGate:
    """A cheap test before a pattern that reads a few blanks, then one of ``words``.

    It lets a place through when the first character within three blanks of it, lowered,
    starts one of the words (or one of them after a leading "-"), and a :class:`PrefixGate`
    of three characters agrees there. Three characters turn away "additional" before a
    pattern waiting for "a day".

    >>> gate = FollowGate(["a day", "per day", "or more"], regex.IGNORECASE)
    >>> [gate.may_follow(t, 0) for t in (" a day", " additional", "  Or more", "     or more")]
    [True, False, True, False]
    """

    def __init__(self, words: Iterable[str], flags: int = 0) -> None:
        words = [collapse_blanks(word) for word in words if word]
        self._initials = frozenset(w.lstrip("-")[:1].lower() for w in words) | frozenset(
            w[:1] for w in words
        )
        # A word that starts with "-" may also come after a hyphen the pattern reads first.
        self._gate = PrefixGate([*words, *("-" + w for w in words)], flags, width=3)

    def may_follow(self, text: str, position: int) -> bool:
        """False only where no word can follow ``position`` (after up to three blanks)."""
        ahead = text[position : position + 4]
        word = ahead.lstrip()
        first = word[:1]
        # Beyond ASCII, case folding could make a character match ("ſ" is an "s").
        return (first.lower() in self._initials or first > "\x7f") and self._gate.may_start_at(
            text, position + len(ahead) - len(word)
        )


# What the regex module's \s matches in ASCII, and the hyphen.
_LEADS: Final = frozenset(" \t\n\r\x0b\x0c-")


def _ascii_matches(char: str, flags: int) -> set[str]:
    """The ASCII characters that match ``char`` as :func:`alternation` writes it."""
    piece = regex.compile(_piece(char), flags)
    return {ascii_char for ascii_char in _ASCII if piece.fullmatch(ascii_char)}


class GatedPattern:
    """A pattern tried only where its :class:`WordGate` lets a match start: ``finditer``
    finds what ``pattern.finditer`` finds, in order and not overlapping, for a pattern the
    gate holds for (every match starts a word, with one of the gate's first words, or a
    digit where the gate lets digits through).

    >>> words = ["said", "according to"]
    >>> gated = GatedPattern(regex.compile(rf"(?i)\\b{alternation(words)}\\b"), WordGate(words))
    >>> [m.group() for m in gated.finditer("Kyiv SAID so, according  to police; saidx")]
    ['SAID', 'according  to']
    """

    __slots__ = ("gate", "pattern")

    def __init__(self, pattern: regex.Pattern[str], gate: WordGate) -> None:
        self.pattern = pattern
        self.gate = gate

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        """The matches in ``text``, as ``pattern.finditer`` finds them."""
        if self.gate.firsts is None:
            yield from self.pattern.finditer(text)
            return
        match_at = self.pattern.match
        end = 0
        for start in self.gate.starts(text):
            if start < end:
                continue
            found = match_at(text, start)
            if found is not None:
                end = found.end()
                yield found
