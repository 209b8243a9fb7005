"""Private: reading the counted item after a figure, one word token at a time.

The item runs across adjectives, hyphenated words, calibres ("170mm") and designations
("M1989"), and across "of" and "and" when a noun phrase goes on; it stops at punctuation,
a preposition, a verb, a determiner that opens a new phrase, or a new figure.
"""

from __future__ import annotations

from typing import Final

import regex

from ._grammar import Grammar

# An item is a noun phrase: past this many tokens the reader has lost its way.
MAX_ITEM_TOKENS: Final = 14


class ItemReader:
    """Reads items with the word lists of one :class:`Grammar`."""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar

    def read(self, text: str, position: int) -> tuple[str | None, int]:
        """The item that starts at ``position`` (after a figure and its unit), and its end.

        Casualty words come first: "4,000 killed or wounded", "4,000 are believed to
        have been killed". Returns ``(None, position)`` when there is no item.
        """
        grammar = self.grammar
        if text.startswith("-", position) and text[position + 1 : position + 2].isalpha():
            position += 1  # attributive: "a 10-man delegation"
        casualty = grammar.casualty_after.match(text, position)
        if casualty is not None:
            phrase = " ".join(casualty.group("casualty").split())
            if casualty.group("auxiliaries").strip():
                return phrase, casualty.end()
            words, end = self._walk(text, casualty.end(), started=True)
            return " ".join([phrase, *words]), max(end, casualty.end())
        words, end = self._walk(text, position, started=False)
        if not words:
            return None, position
        return " ".join(words), end

    def _walk(self, text: str, position: int, *, started: bool) -> tuple[list[str], int]:
        grammar = self.grammar
        words: list[str] = []
        end = position
        for _ in range(MAX_ITEM_TOKENS):
            token = grammar.item_token.match(text, position)
            if token is None or token.group("other") is not None:
                break
            if token.group("calibre") or token.group("code"):
                words.append(" ".join(token.group().split()))
                position = end = token.end()
                continue
            word = token.group("word")
            lowered = word.lower()
            if self._starts_figure(text, token.start("word"), word):
                break
            leading = not words and not started
            if leading and (lowered in grammar.determiners or lowered == "of"):
                position = token.end()  # "3,000 of its troops"
                continue
            if lowered == "of":
                joined = self._of_phrase(text, token.end()) if words else None
                if joined is None:
                    break
                words.extend(joined[0])
                position = end = joined[1]
                continue
            if lowered in ("and", "or", "&"):
                if not words or not self._conjunct_goes_on(text, token.end(), words[-1]):
                    break
                words.append(word)
                position = token.end()
                continue
            if lowered in grammar.stop_words:
                break
            if words and _is_verb_form(lowered) and not self._noun_follows(text, token.end()):
                break
            if words and self._opens_object(text, token.end()):
                break  # "a 500-kg bomb hit the school": a verb before its object
            words.append(word)
            position = end = token.end()
        while words and words[-1].lower() in ("and", "or", "&", "of"):
            words.pop()
        return words, end

    def _starts_figure(self, text: str, position: int, word: str) -> bool:
        if not self.grammar.numerals.may_start(word):
            return False
        numeral = self.grammar.numerals.match(text, position)
        return numeral is not None and numeral.value is not None

    def _content_word(self, token: regex.Match[str] | None) -> bool:
        if token is None:
            return False
        if token.group("calibre") or token.group("code"):
            return True
        word = token.group("word")
        if word is None:
            return False
        lowered = word.lower()
        grammar = self.grammar
        return not (
            lowered in grammar.stop_words
            or lowered in grammar.determiners
            or lowered in ("of", "and", "or")
            or self._starts_figure(token.string, token.start("word"), word)
        )

    def _of_phrase(self, text: str, position: int) -> tuple[list[str], int] | None:
        """After "of": an optional determiner, then a content word, or nothing at all."""
        grammar = self.grammar
        token = grammar.item_token.match(text, position)
        taken = ["of"]
        word = token.group("word") if token is not None else None
        if token is not None and word is not None and word.lower() in grammar.of_determiners:
            taken.append(word)
            position = token.end()
            token = grammar.item_token.match(text, position)
        if not self._content_word(token):
            return None
        return taken, position

    def _conjunct_goes_on(self, text: str, position: int, last_word: str) -> bool:
        """Whether "and"/"or" joins more of the same noun phrase.

        It does before a calibre ("guns and 240mm launchers") or when the word before it is
        a modifier, not a plural noun ("Russian and North Korean soldiers").
        """
        token = self.grammar.item_token.match(text, position)
        if token is None:
            return False
        if token.group("calibre"):
            return True
        return self._content_word(token) and not _looks_plural(last_word)

    def _opens_object(self, text: str, position: int) -> bool:
        """Whether the token at ``position`` opens a new phrase (a determiner or a figure).

        A word between an item and such a token is a verb ("drones struck the city",
        "the package includes 30 missiles"), so the item ends before it.
        """
        token = self.grammar.item_token.match(text, position)
        if token is None:
            return False
        word = token.group("word")
        if word is None:
            return token.group("other") is not None and token.group("other").isdigit()
        lowered = word.lower()
        return lowered in self.grammar.object_openers or self._starts_figure(
            text, token.start("word"), word
        )

    def _noun_follows(self, text: str, position: int) -> bool:
        token = self.grammar.item_token.match(text, position)
        if not self._content_word(token) or token is None:
            return False
        word = token.group("word")
        return word is None or not _is_verb_form(word.lower())


def _is_verb_form(word: str) -> bool:
    """A past participle or gerund, unless hyphenated ("self-propelled").

    >>> _is_verb_form("deployed"), _is_verb_form("self-propelled"), _is_verb_form("red")
    (True, False, False)
    """
    return "-" not in word and len(word) > 4 and word.endswith(("ed", "ing"))


def _looks_plural(word: str) -> bool:
    """A plural noun by its ending: "troops" is, "Russian" and "artillery" are not.

    >>> _looks_plural("troops"), _looks_plural("Russian"), _looks_plural("press")
    (True, False, False)
    """
    lowered = word.lower()
    return len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is"))
