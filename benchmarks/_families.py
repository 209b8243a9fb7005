"""Shared by ``benchmarks/fuzz.py`` and ``tests/test_fuzz.py``: the families of generated
inputs that found the crashes of issue 14, each a function of a ``random.Random``.

A family builds a short news-like text around the figures and words the parsers read, then
makes it hostile in one way: figures beyond what a figure holds, letters that case-blind
matching folds as ``str.lower`` does not, blanks of every kind, scripts mixed in, or random
damage to real sentences. Seeded, a family gives the same texts on every run; the tests
drive it from hypothesis's ``randoms()``, which shrinks a failure to a small example.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Final

__all__ = ["FAMILIES", "Family", "family_names"]

Family = Callable[[random.Random], str]

_ROOT: Final = Path(__file__).resolve().parent.parent

# Words around figures: qualifiers, units, items, verbs, sources, dates.
_BEFORE: Final = (
    "about",
    "some",
    "at least",
    "more than",
    "up to",
    "nearly",
    "between",
    "from",
    "an additional",
    "rose by",
    "fell to",
    "estimated at",
    "$",
    "€",
    "~",
    "",
)
_AFTER: Final = (
    "troops",
    "soldiers were killed",
    "people were wounded",
    "km2",
    "square miles",
    "drones",
    "tanks and 40 guns",
    "% of the casualties",
    "a day",
    "per month",
    "billion dollars",
    "refugees, the ministry said.",
    "were sent to Russia, Seoul said.",
    "are believed to have been killed, officials said.",
    "were pledged, the EU said on Monday.",
    "",
)
_SCALES: Final = ("", " thousand", " million", " billion", " trillion", "bn", "k", "m", " lakh")
_WORDS: Final = (
    "hundreds",
    "two-thirds",
    "a quarter",
    "tens of thousands",
    "half a million",
    "one in five",
    "twenty-two",
    "three hundred and fifty",
    "a dozen",
    "several thousand",
)
_SOURCES: Final = (
    "the JCS said",
    "Kyiv said",
    "according to the ministry",
    "officials said",
    "the UN reported",
    "he said",
)

# Letters that case-blind matching reads as other letters, by the letter they stand for.
_FOLDED: Final = {
    "s": ("ſ", "S"),
    "i": ("İ", "ı", "I"),
    "k": ("\u212a", "K"),
    "a": ("A", "\u0391"),
    "e": ("E", "\u0395"),
    "o": ("O", "\u039f"),
    "m": ("M", "\u039c", "µ"),
}
_ESZETTS: Final = ("ß", "ẞ", "ss", "SS")

# White space of every kind the text layer meets, and a few it does not expect.
_BLANKS: Final = (
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\u00a0",
    "\u2009",
    "\u202f",
    "\u2002",
    "\u3000",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1f",
    "\x85",
    "\u2028",
    "\u2029",
    "\u200b",
    "\ufeff",
)
_SCRIPTS: Final = (
    "войска",
    "тысяч",
    "Σας",
    "στρατιώτες",
    "جنود",
    "آلاف",
    "士兵",
    "三千",
    "병사",
    "सैनिक",
    "🚀",
    "👍🏽",
    "\u202e",
    "\u200f",
    "e\u0301",
    "\u0663\u0660\u0660",
    "\uff13\uff10\uff10",
    "١٢٣",
    "\ud800",
)


def _figure(rng: random.Random) -> str:
    whole = str(rng.randint(0, 10 ** rng.randint(1, 7)))
    if rng.random() < 0.3:
        whole = f"{int(whole):,}"
    if rng.random() < 0.2:
        whole += f".{rng.randint(0, 99)}"
    return whole + rng.choice(_SCALES)


def _sentence(rng: random.Random, figure: str | None = None) -> str:
    before = rng.choice(_BEFORE)
    number = figure if figure is not None else _figure(rng)
    if before in ("between", "from"):
        connector = "and" if before == "between" else "to"
        number = f"{number} {connector} {_figure(rng)}"
    if rng.random() < 0.2:
        number = rng.choice(_WORDS)
    text = f"{before} {number} {rng.choice(_AFTER)}".strip()
    if rng.random() < 0.5:
        text += f", {rng.choice(_SOURCES)}."
    return text[:1].upper() + text[1:]


def huge_figures(rng: random.Random) -> str:
    """Figures beyond what a figure holds, as written or once scaled, among plain ones."""
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(15, 60)))
    kind = rng.randrange(6)
    if kind == 0:
        big = digits
    elif kind == 1:
        big = f"{int(digits):,}"
    elif kind == 2:
        big = f"{digits[:1]}.{digits[1:]}"
    elif kind == 3:
        big = digits[: rng.randint(12, 22)]
    elif kind == 4:
        big = f"{digits[:20]}.{digits[20:]}"
    else:
        big = "1" + "0" * rng.randint(20, 40)
    big += rng.choice(_SCALES)
    if rng.random() < 0.2:
        return big  # alone, as parse_number reads it
    parts = [_sentence(rng, big) for _ in range(rng.randint(1, 3))]
    parts.insert(rng.randrange(len(parts) + 1), _sentence(rng))
    return " ".join(parts)


def case_folding(rng: random.Random) -> str:
    """Sentences whose letters are swapped for ones case-blind matching folds alike
    ("ſ" for "s", "İ" and "ı" for "i", the Kelvin sign), or written in capitals."""
    text = " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
    if rng.random() < 0.3:
        text = text.upper()
    chars = []
    for char in text:
        lower = char.lower()
        if lower in _FOLDED and rng.random() < 0.4:
            chars.append(rng.choice(_FOLDED[lower]))
        else:
            chars.append(char)
    text = "".join(chars)
    if rng.random() < 0.2:
        text = text.replace("ss", rng.choice(_ESZETTS))
    return text


def blanks(rng: random.Random) -> str:
    """Sentences whose blanks are runs of white space of every kind, long ones among them."""
    text = " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
    pieces = []
    for word in text.split(" "):
        pieces.append(word)
        run = "".join(rng.choice(_BLANKS) for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.05:
            run *= rng.randint(50, 400)
        pieces.append(run)
    return "".join(pieces)


def mixed_scripts(rng: random.Random) -> str:
    """Sentences with words of other scripts, digits of other systems, emoji, direction
    marks, combining accents and a lone surrogate spliced in."""
    words = " ".join(_sentence(rng) for _ in range(rng.randint(1, 3))).split(" ")
    for _ in range(rng.randint(1, 6)):
        words.insert(rng.randrange(len(words) + 1), rng.choice(_SCRIPTS))
    glue = rng.choice(("", " ", "-", "\u00a0"))
    return " ".join(word + glue if rng.random() < 0.1 else word for word in words)


def damaged(rng: random.Random) -> str:
    """A sentence of the evaluation set, cut, doubled and shuffled."""
    text = rng.choice(_evaluation_sentences())
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(text) + 1)
        action = rng.randrange(4)
        if action == 0:
            text = text[:at] + text[at + rng.randint(1, 8) :]
        elif action == 1:
            text = text[:at] + text[at : at + 12] + text[at:]
        elif action == 2:
            text = text[:at] + rng.choice("0123456789,.-–—$%()[]'\"") + text[at:]
        else:
            words = text.split(" ")
            rng.shuffle(words)
            text = " ".join(words)
    return text


_SENTENCES: list[str] = []


def _evaluation_sentences() -> list[str]:
    if not _SENTENCES:
        path = _ROOT / "benchmarks" / "eval" / "quantities.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                _SENTENCES.append(str(json.loads(line)["text"]))
    return _SENTENCES


FAMILIES: Final[dict[str, Family]] = {
    "huge figures": huge_figures,
    "case folding": case_folding,
    "blanks": blanks,
    "mixed scripts": mixed_scripts,
    "damaged sentences": damaged,
}


def family_names() -> list[str]:
    """The families, in the order the reports list them."""
    return list(FAMILIES)
