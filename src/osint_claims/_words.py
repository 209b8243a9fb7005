"""Private helpers: the words of one sentence, with their offsets, for the claim readers.

The attribution, event and role readers walk a sentence word by word around a figure or a
reporting verb. :func:`tokens` cuts the (normalised) sentence once into words and marks;
an abbreviation's full stop stays with its word ("U.S.", "Lt.") because a sentence has
already been cut at its real full stops.

>>> [t.text for t in tokens('Lt. Col. Ivan Petrov, the U.S. envoy, said "40".')]
['Lt.', 'Col.', 'Ivan', 'Petrov', ',', 'the', 'U.S.', 'envoy', ',', 'said', '"', '40', '"', '.']
>>> [t.text for t in tokens("according to the U.S., Seoul said")]
['according', 'to', 'the', 'U.S.', ',', 'Seoul', 'said']
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from .text import fold

__all__ = ["Token", "is_capitalised", "slug", "tokens", "unquoted"]

# A word: letters and digits, joined inside by hyphens, apostrophes, full stops or "&",
# with a trailing apostrophe ("medics'") and a full stop kept where a word follows it.
_TOKEN: Final = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:[-'.&/]\w+)*(?:\.(?=\s+[\w(\"']))?'?|[^\w\s]")
_SLUG_GAPS: Final = re.compile(r"[\W_]+")
_PARTICLE_NAME: Final = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|bint|abu|ben)-[A-Z]")


class Token(NamedTuple):
    """One word or mark of a sentence: where it stands, as written and in lower case."""

    start: int
    end: int
    text: str
    lower: str

    @property
    def is_word(self) -> bool:
        """Whether the token is a word (it starts with a letter or digit)."""
        return self.text[0].isalnum()


# Building the tuple directly skips the named tuple's own __new__, a Python call per word.
_new_token: Final = tuple.__new__


def tokens(text: str) -> list[Token]:
    """The words and marks of ``text``, in order.

    >>> [(t.start, t.text) for t in tokens("Sudan's army, medics' network")]
    [(0, "Sudan's"), (8, 'army'), (12, ','), (14, "medics'"), (22, 'network')]
    """
    if text.isascii():  # most sentences: lower case is the fold, and no check per word
        return [
            _new_token(Token, (*found.span(), word, word.lower()))
            for found in _TOKEN.finditer(text)
            for word in (found.group(),)
        ]
    return [
        _new_token(Token, (*found.span(), word, word.lower() if word.isascii() else fold(word)))
        for found in _TOKEN.finditer(text)
        for word in (found.group(),)
    ]


def is_capitalised(token: Token) -> bool:
    """Whether a word is written as a name: a capital first ("Kovalenko", "UN"), or a
    name's particle joined to one ("al-Maliki", "el-Sisi", "bin-Zayed").

    >>> [is_capitalised(t) for t in tokens("Kyiv said 3 al-Qaeda al-bab")]
    [True, False, False, True, False]
    """
    return token.text[0].isupper() or _PARTICLE_NAME.match(token.text) is not None


def slug(name: str) -> str:
    """A stable id from a name: lower case, "'s" dropped, other marks as hyphens; letters
    of any script are kept.

    >>> slug("Sudan Doctors Network"), slug("medics' network"), slug("Olena Marchenko's")
    ('sudan-doctors-network', 'medics-network', 'olena-marchenko')
    >>> slug("Omar García Harfuch")
    'omar-garcía-harfuch'
    """
    lowered = name.lower().replace("'s ", " ")
    lowered = lowered.removesuffix("'s")
    return _SLUG_GAPS.sub("-", lowered).strip("-") or "unnamed"


def unquoted(text: str) -> str:
    """``text`` with the quote marks that open or close words made blanks, offsets kept:
    "says it has 'eliminated' 10" reads as a verb and its figure.

    >>> unquoted("it has 'eliminated' 10 of Israel's")
    "it has  eliminated  10 of Israel's"
    """
    return _QUOTE_AROUND.sub(" ", text)


_QUOTE_AROUND: Final = re.compile(r"(?<=\s)['\"]|^['\"]|['\"](?=\s|$)")
