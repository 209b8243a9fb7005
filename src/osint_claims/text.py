"""The first stage: text as it comes, made uniform without moving a single offset.

News text carries no-break and thin spaces, curly quotes and several dashes. The parsers
read a normalised copy in which each of those characters is replaced by one plain ASCII
character, so every offset found in the copy is an offset in the caller's string.

>>> normalize("11\\u202f000 \\u2018troops\\u2019 \\u2013 2025")
"11 000 'troops' - 2025"
>>> len(normalize("a\\u00a0b")) == len("a\\u00a0b")
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

import regex

__all__ = ["ASCII_FOLDS", "fold", "normalize", "normalize_and_lower", "scan_forms"]

# The characters beyond ASCII that the case-blind patterns match to an ASCII letter, and
# that letter: the lower-case copies the scanners read hold the letter, as fold() does
# (tests/test_folding.py checks this against the regex module's own table).
ASCII_FOLDS: Final = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}

_SPACES: Final = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\t\x0b\x0c"
)
_SINGLE_QUOTES: Final = "\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4"
_DOUBLE_QUOTES: Final = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_DASHES: Final = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
# The em dash and the horizontal bar break a sentence. Written without spaces between words
# ("Haitians\u2014some 4 million") they become a blank, so the words stay apart (as the
# spaced dash " \u2014 " keeps them); between two digits, or beside a blank, the hyphen the
# other dashes become.
_BREAK_DASHES: Final = "\u2014\u2015"
_DIGITS: Final = frozenset("0123456789")

# One character in, one character out: every offset stays where it was.
_REPLACEMENT: Final[dict[str, str]] = {
    **dict.fromkeys(_SPACES, " "),
    **dict.fromkeys(_SINGLE_QUOTES, "'"),
    **dict.fromkeys(_DOUBLE_QUOTES, '"'),
    **dict.fromkeys(_DASHES, "-"),
}
_BREAK_DASH: Final = re.compile(f"[{_BREAK_DASHES}]")

_ASCII_REPLACEMENT: Final = tuple(
    (char, plain) for char, plain in _REPLACEMENT.items() if char.isascii()
)
_ASCII_SPECIAL: Final = re.compile(
    "[" + "".join(re.escape(char) for char, _ in _ASCII_REPLACEMENT) + "]"
)


def normalize(text: str) -> str:
    """Return ``text`` with spaces, quotes and dashes made plain, offsets unchanged.

    >>> normalize("\\u201cabout\\u00a03,000\\u201d")
    '"about 3,000"'
    >>> normalize("Haitians\\u2014some 10,000\\u201412,000 \\u2014 more")
    'Haitians some 10,000-12,000 - more'
    """
    ascii_text = text.isascii()
    if ascii_text and _ASCII_SPECIAL.search(text) is None:
        return text  # most text: nothing to replace, found in one pass
    if not ascii_text and any(dash in text for dash in _BREAK_DASHES):
        text = _BREAK_DASH.sub(_clause_blank, text)
    # A test and a replace per special character is many times faster than str.translate;
    # ASCII text (most of it) can only hold the few ASCII ones.
    for char, plain in _ASCII_REPLACEMENT if ascii_text else _REPLACEMENT.items():
        if char in text:
            text = text.replace(char, plain)
    return text


# The replacements of ASCII characters (tab and form feed, the grave accent), as bytes.
_ASCII_FROM: Final = "".join(char for char in _REPLACEMENT if char.isascii()).encode("ascii")
_ASCII_TABLE: Final = bytes.maketrans(
    _ASCII_FROM, "".join(_REPLACEMENT[chr(byte)] for byte in _ASCII_FROM).encode("ascii")
)
_CAPITAL_SIGMA: Final = "\u03a3"
_FEW_WIDE: Final = 32


def _clause_blank(dash: re.Match[str]) -> str:
    """A blank for a break dash between two words, else the dash as it is."""
    return " " if _is_clause_dash(dash.string, dash.start()) else dash.group()


def _is_clause_dash(text: str, at: int) -> bool:
    """Whether the break dash at ``at`` stands between two characters that are not blanks,
    and not between two digits: a dash between two words.

    >>> [_is_clause_dash(t, 1) for t in ("a-b", "3-4", "a-4", " - ", "a- ")]
    [True, False, True, False, False]
    """
    before, after = text[at - 1 : at], text[at + 1 : at + 2]
    if not before or not after or before.isspace() or after.isspace():
        return False
    return not (before in _DIGITS and after in _DIGITS)


def normalize_and_lower(text: str) -> tuple[str, str] | None:
    """``normalize(text)`` and its lower case, each character lowered on its own.

    A character whose lower case is longer is left as it is, but one the case-blind
    patterns match to an ASCII letter becomes that letter (see :data:`ASCII_FOLDS`: "İ" is
    an "i", "ſ" an "s"). Returns None
    where that is cheaper done otherwise: see :func:`scan_forms`.

    >>> normalize_and_lower("About\u00a0Two Thousand troops came on Monday")
    ('About Two Thousand troops came on Monday', 'about two thousand troops came on monday')
    >>> normalize_and_lower("\u03a3 " + 40 * "a") is None
    True
    """
    forms = scan_forms(text)
    return None if forms is None else forms[:2]


def scan_forms(text: str) -> tuple[str, str, bytes | None] | None:
    """``normalize(text)``, its lower case (each character lowered on its own, as
    :func:`normalize_and_lower` says), and that lower case as ASCII bytes.

    The bytes, one a character, are the copy the numeral scanner's prefilters read: they
    hold the ASCII letters and digits of the lower case where it holds them, and some other
    byte for every other character (a "?" for most beyond ASCII). They are None where the
    copy is cheap to make (an ASCII text). (A plain tuple: a named one costs a Python call,
    and every paragraph makes one.)

    A wide string (emoji, curly quotes) is read as one byte a character: the ASCII part is
    replaced and lowered as bytes, and only the few other characters one by one. Returns
    None where that does not pay or could differ: when more than one character in 32 is
    beyond ASCII (or a "?"), or the text holds a capital sigma (``str.lower`` reads its
    context).

    >>> _, scan, ascii_scan = scan_forms(
    ...     "About 3\u00a0000 troops came, the ministry said; the Kelvin sign \u212a is a K."
    ... )
    >>> scan[:18], ascii_scan[-10:]
    ('about 3 000 troops', b' k is a k.')
    >>> scan_forms("\u0442\u0438\u0441\u044f\u0447\u0456 troops") is None
    True
    """
    if text.isascii():
        for char, plain_char in _ASCII_REPLACEMENT:
            if char in text:
                text = text.replace(char, plain_char)
        return text, text.lower(), None
    if _CAPITAL_SIGMA in text:
        return None
    encoded = text.encode("ascii", "replace")  # one "?" for each character beyond ASCII
    if encoded.count(b"?") > len(encoded) // _FEW_WIDE:
        return None  # Cyrillic, say: a Python step a character costs more than str.lower
    for byte in _ASCII_FROM:
        if byte in encoded:
            encoded = encoded.translate(_ASCII_TABLE)
            break
    lowered = encoded.lower()
    ascii_plain = encoded.decode("ascii")
    ascii_lower = lowered.decode("ascii")
    # A character beyond ASCII that lowers or folds to an ASCII letter (the Kelvin sign, "ſ",
    # "İ"): the copy's readers must see the letter.
    patches: list[tuple[int, int]] = []
    plain_parts: list[str] = []
    lower_parts: list[str] = []
    replacement = _REPLACEMENT
    find = encoded.find
    done = 0
    at = find(b"?")
    while at >= 0:
        char = text[at]
        if char != "?":
            plain_char = replacement.get(char, char)
            if char in _BREAK_DASHES and _is_clause_dash(text, at):
                plain_char = " "  # "Haitians\u2014some"
            lower_char = plain_char.lower()
            if len(lower_char) != 1:
                lower_char = plain_char
            lower_char = ASCII_FOLDS.get(lower_char, lower_char)
            if lower_char.isascii() and lower_char.isalnum():
                patches.append((at, ord(lower_char)))
            plain_parts += (ascii_plain[done:at], plain_char)
            lower_parts += (ascii_lower[done:at], lower_char)
            done = at + 1
        at = find(b"?", at + 1)
    plain_parts.append(ascii_plain[done:])
    lower_parts.append(ascii_lower[done:])
    if patches:
        patched = bytearray(lowered)
        for at, byte in patches:
            patched[at] = byte
        lowered = bytes(patched)
    return "".join(plain_parts), "".join(lower_parts), lowered


def fold(text: str) -> str:
    """The key under which a lexicon table holds ``text``: case folded as the case-blind
    patterns fold it, blanks made single spaces, none at either end.

    Two strings that one lexicon entry's case-blind pattern both matches have the same key,
    so whatever a pattern built from a table matches is found in the table keyed by
    ``fold``. ``str.lower`` is not enough: the patterns match "sent" in "ſent" and
    "believed" in "belİeved", which it leaves apart.

    >>> fold("  More   THAN "), fold("ſent"), fold("belİeved"), fold("KİLLED")
    ('more than', 'sent', 'believed', 'killed')
    >>> fold("\u212a") == fold("k") and fold("\u03c2") == fold("\u03a3")
    True
    """
    if text.isascii():
        return " ".join(text.lower().split())
    return " ".join(text.translate(_FOLDS).split())


def _case_class(code: int) -> list[int]:
    """The characters the regex module matches case-blind with the character ``code``."""
    if _all_cases is not None:
        return list(_all_cases(_CASE_FLAGS, code))
    char = chr(code)  # pragma: no cover - the regex module without its case table
    forms = (char, char.lower(), char.upper(), char.title(), char.casefold())  # pragma: no cover
    return sorted({ord(form) for form in forms if len(form) == 1})  # pragma: no cover


def _representative(code: int) -> str:
    """One character for all that case-blind matching joins to ``code``, directly or
    through others (i, I, İ and ı are one class: "i" matches "İ", "I" matches "ı"): the
    lowest that is its own case fold and has an upper case, else the lowest lower-case one,
    else the lowest. (The regex module may know characters newer than Python's tables.)

    >>> _representative(ord("\u0130")), _representative(ord("\u0131")), _representative(65)
    ('i', 'i', 'a')
    >>> _representative(ord("\u03c2")), _representative(ord("\u00df"))
    ('σ', 'ß')
    """
    seen = {code}
    waiting = [code]
    while waiting:
        for other in _case_class(waiting.pop()):
            if other not in seen:
                seen.add(other)
                waiting.append(other)
    return min(
        (chr(other) for other in seen),
        key=lambda char: (not char.casefold() == char != char.upper(), not char.islower(), char),
    )


class _Folds(dict[int, str]):
    """``str.translate``'s table for :func:`fold`, filled as characters come."""

    def __missing__(self, code: int) -> str:
        folded = _representative(code)
        if len(self) < _FOLDS_KEPT:
            self[code] = folded
        return folded


# The regex module's own table of case classes: what its case-blind matching reads.
_all_cases: Callable[[int, int], list[int]] | None
try:
    from regex._regex import (  # type: ignore[attr-defined,no-redef]
        get_all_cases as _all_cases,
    )
except ImportError:  # pragma: no cover - a regex module without it: str's case mappings
    _all_cases = None
_CASE_FLAGS: Final = int(regex.IGNORECASE | regex.UNICODE)
# Characters whose fold is remembered; past this many, each is worked out again.
_FOLDS_KEPT: Final = 1 << 16
_FOLDS: Final = _Folds()
