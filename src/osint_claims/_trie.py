"""Private: the lookup form of a name, and one compiled prefix-tree pattern for many names.

The actor registry and the gazetteer both look names up the same way (case folded, plain
quotes and spaces, no leading "the", no trailing possessive) and find them in running text
the same way: every name in one regular expression shaped as a prefix tree, so that at any
place in the text at most one branch can go on and a scan takes time linear in the text.

>>> pattern = compile_names([("Kherson", False), ("Kherson Oblast", False), ("AP", True)])
>>> [m.group() for m in pattern.finditer("KHERSON oblast, Kherson, ap and AP")]
['KHERSON oblast', 'Kherson', 'AP']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import regex

from ._patterns import GatedPattern, WordGate
from .text import fold as text_fold
from .text import normalize

__all__ = [
    "THE",
    "NameFinder",
    "compile_names",
    "fold",
    "is_acronym",
    "key",
    "plain",
    "strip_possessive",
]

THE: Final = re.compile(r"the\s+(?=\S)", re.IGNORECASE)
_POSSESSIVE: Final = re.compile(r"(?<=\S)(?:'s|(?<=s)')\Z", re.IGNORECASE)
_WORD_BEFORE: Final = r"(?<![^\W_])"
_WORD_AFTER: Final = r"(?![^\W_])"


# Names ---------------------------------------------------------------------------------


def plain(text: str) -> str:
    """``text`` with plain quotes and single spaces, trimmed.

    >>> plain("  South\\u00a0Korea\\u2019s  ")
    "South Korea's"
    """
    return " ".join(normalize(text).split())


def fold(text: str) -> str:
    """``text`` without case, for lookups: folded as the case-blind pattern folds it (see
    :func:`~osint_claims.text.fold`), so that every name it finds is found in the index,
    then case folded in full ("Straße" is "STRASSE"). Turkish dotless and dotted i fold like
    plain i, since an all-capitals headline writes both as "I" ("ANADOLU AJANSI").

    >>> fold("Anadolu Ajansı") == fold("ANADOLU AJANSI") == fold("anadolu ajansi")
    True
    >>> fold("Straße") == fold("STRASSE"), fold("ſeoul") == fold("Seoul")
    (True, True)
    """
    return text_fold(text).casefold()


def strip_possessive(text: str) -> str:
    """``text`` without a trailing possessive ("'s", or "'" after an s).

    >>> strip_possessive("Kherson's"), strip_possessive("Reuters'"), strip_possessive("Sana'a")
    ('Kherson', 'Reuters', "Sana'a")
    """
    return _POSSESSIVE.sub("", text)


def key(text: str) -> str:
    """The form a plain name is looked up by: no trailing possessive, no leading "the".

    >>> key("The Kremlin's"), key("Reuters'"), key("the"), key("South Korea's military")
    ('Kremlin', 'Reuters', 'the', "South Korea's military")
    """
    text = strip_possessive(text)
    return THE.sub("", text, count=1) if THE.match(text) else text


def is_acronym(name: str) -> bool:
    """An all-capitals acronym of at most four letters, which matches only as written.

    >>> [is_acronym(n) for n in ("US", "U.S.", "NATO", "UNHCR", "Nato", "DoD", "the UN")]
    [True, True, True, False, False, False, False]
    """
    letters = [char for char in name if char.isalpha()]
    return (
        0 < len(letters) <= 4
        and all(char.isalpha() or char == "." for char in name)
        and all(char.isupper() for char in letters)
    )


# The matcher ---------------------------------------------------------------------------


def compile_names(terms: Iterable[tuple[str, bool]]) -> regex.Pattern[str]:
    """One pattern that finds each name of ``terms`` as a whole word or phrase.

    A term is ``(written, sensitive)``: the name as it must stand in text, and whether it
    matches only with its capitals as written (a leading "the" may then take any case).
    Any other name matches in any case, with any run of spaces where it has one. Run the
    pattern over :func:`~osint_claims.text.normalize`-d text: names hold plain quotes.

    >>> pattern = compile_names([("the North", True), ("North Korea", False)])
    >>> [m.group() for m in pattern.finditer("The North, the north, north  korea")]
    ['The North', 'north  korea']
    """
    terms = list(terms)
    # "\b" lets the engine skip ahead fast; it means "no letter or digit before" only
    # where the name itself starts with one.
    plain_start = all(regex.match(r"\w", written) for written, _ in terms)
    before = r"\b" if plain_start else _WORD_BEFORE
    return regex.compile(before + _trie(terms) + _WORD_AFTER, regex.IGNORECASE)


class NameFinder(GatedPattern):
    """Finds names as :func:`compile_names`' pattern does, faster: the pattern is tried only
    where a word starts that some name starts with (see :class:`WordGate`; a name's first
    word is followed in the pattern by a space, a mark or the name's end, never a letter).
    Case rules and the longest name stay the pattern's to decide.

    >>> finder = NameFinder([("Kherson", False), ("Kherson Oblast", False), ("AP", True)])
    >>> [m.group() for m in finder.finditer("KHERSON oblast, Kherson, ap and AP")]
    ['KHERSON oblast', 'Kherson', 'AP']
    """

    __slots__ = ()

    def __init__(self, terms: Iterable[tuple[str, bool]]) -> None:
        terms = list(terms)
        super().__init__(
            compile_names(terms), WordGate((written for written, _ in terms), phrases=True)
        )


class _Node:
    __slots__ = ("children", "end", "guards")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.end = False  # a name matched in any case ends here
        self.guards: set[str] = set()  # case-sensitive names that end here


def _piece(char: str) -> str:
    return r"\s+" if char == " " else regex.escape(char)


def _guard(written: str) -> str:
    """A look-behind that holds only where ``written`` stands with its capitals as written.

    A leading "the" may take any case ("The North" is "the North").

    >>> _guard("the North")
    '(?-i:(?<=(?i:the)\\\\s+North))'
    """
    pattern = "".join(_piece(char) for char in written)
    if THE.match(written):
        pattern = "(?i:the)" + "".join(_piece(char) for char in written[3:])
    return f"(?-i:(?<={pattern}))"


def _trie(terms: Iterable[tuple[str, bool]]) -> str:
    """One alternation of every term, as a prefix tree keyed by lower-case characters.

    Each branch of the tree starts with a different character, so at most one can match,
    and a longer name is tried before a shorter one ends: the longest name wins. A
    case-sensitive name ends behind a look-behind that checks its capitals.

    >>> _trie([("AP", True), ("Apple", False)])
    '(?:ap(?:ple|(?-i:(?<=AP))))'
    >>> _trie([])
    '(?!)'
    """
    root = _Node()
    for written, sensitive in terms:
        node = root
        for char in written:
            lowered = char.lower()
            node = node.children.setdefault(lowered if len(lowered) == 1 else char, _Node())
        if sensitive:
            node.guards.add(_guard(written))
        else:
            node.end = True
    if not root.children:
        return "(?!)"
    return "(?:" + _emit(root) + ")"


def _emit(node: _Node) -> str:
    branches = [_piece(char) + _emit(child) for char, child in sorted(node.children.items())]
    body = (
        "" if not branches else branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    )
    if node.end:
        return f"(?:{body})?" if body else ""
    if node.guards:
        guard = "|".join(sorted(node.guards))
        guard = guard if len(node.guards) == 1 else f"(?:{guard})"
        return f"(?:{body}|{guard})" if body else guard
    return body
