"""Private: reading the counted item after a figure.

The item runs across adjectives, hyphenated words, calibres ("170mm") and designations
("M1989"), and across "of" and "and" when a noun phrase goes on; it stops at punctuation,
a preposition, a verb, a determiner that opens a new phrase, or a new figure.

The words after the figure are tokenised by one match; the walk then decides, token by
token, with a look at the next token where a word's role depends on it.
"""

from __future__ import annotations

from typing import NamedTuple

from ._grammar import ITEM_TOKENS, Grammar


class _Token(NamedTuple):
    kind: str  # "calibre", "code" (a designation such as "2S19") or "word"
    text: str
    start: int
    end: int


_CONJUNCTIONS = frozenset(("and", "or", "&"))
_KINDS = ("calibre", "code", "word")


class _Tokens:
    """The tokens after a figure, matched one at a time as the walk asks for them.

    Most items are a word or two: reading the tokens lazily costs a match per token used.
    """

    def __init__(self, grammar: Grammar, text: str, position: int) -> None:
        self._grammar = grammar
        self._text = text
        self._position = position
        self._tokens: list[_Token] = []
        self._done = False

    def get(self, index: int) -> _Token | None:
        """The token at ``index``, or None past the last one (or past the item's reach)."""
        tokens = self._tokens
        if index < len(tokens):
            return tokens[index]
        while len(tokens) <= index and not self._done:
            self._advance()
        return tokens[index] if index < len(tokens) else None

    def range(self, start: int, stop: int) -> list[_Token]:
        """Tokens ``start`` to ``stop`` (exclusive) that exist."""
        return [t for t in (self.get(i) for i in range(start, stop)) if t is not None]

    def _advance(self) -> None:
        if len(self._tokens) >= ITEM_TOKENS:
            self._done = True
            return
        grammar = self._grammar
        plain = grammar.plain_word.match(self._text, self._position)
        if plain is not None:
            start, end = plain.span(1)
            self._tokens.append(_Token("word", plain.group(1), start, end))
            self._position = end
            return
        match = grammar.item_token.match(self._text, self._position)
        index = match.lastindex if match is not None else None
        kind = grammar.item_token_kinds[index] if index is not None else None
        if match is None or index is None or kind not in _KINDS:
            self._done = True
            return
        start, end = match.span(index)
        self._tokens.append(_Token(kind, self._text[start:end], start, end))
        self._position = end


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
            filler = grammar.attributive_filler.match(text, position)
            if filler is not None:
                position = filler.end()  # "a 50,000-strong force" counts the force
        tokens = self._tokens(text, position)
        first = tokens.get(0)
        casualty = None
        if first is not None and first.text.lower() in grammar.casualty_openers:
            casualty = grammar.casualty_after.match(text, position)
        if casualty is not None:
            phrase = " ".join(casualty.group("casualty").split())
            if casualty.group("auxiliaries").strip():
                return phrase, casualty.end()
            after = casualty.end()
            words, end = self._walk(text, self._tokens(text, after), after, started=True)
            return " ".join([phrase, *words]), max(end, casualty.end())
        words, end = self._walk(text, tokens, position, started=False)
        if not words:
            return None, position
        return " ".join(words), end

    def _tokens(self, text: str, position: int) -> _Tokens:
        return _Tokens(self.grammar, text, position)

    def _walk(
        self, text: str, tokens: _Tokens, position: int, *, started: bool
    ) -> tuple[list[str], int]:
        grammar = self.grammar
        words: list[str] = []
        end = position
        index = 0
        while (token := tokens.get(index)) is not None:
            # The token after this one is read only where a rule needs it: most items end
            # a word or two in, and each token read costs a match.
            if token.kind != "word":
                words.append(" ".join(token.text.split()))
                end = token.end
                index += 1
                continue
            lowered = token.text.lower()
            if self._starts_figure(text, token):
                break
            if not words and not started and (lowered in grammar.determiners or lowered == "of"):
                index += 1  # "3,000 of its troops"
                continue
            if lowered == "of":
                taken = self._of_phrase(text, tokens, index + 1) if words else 0
                if not taken:
                    break
                words += [t.text for t in tokens.range(index, index + taken)]
                index += taken
                continue
            if lowered in _CONJUNCTIONS:
                following = tokens.get(index + 1) if words else None
                if not words or not self._conjunct_goes_on(text, following, words[-1]):
                    break
                words.append(token.text)
                index += 1
                continue
            if (
                lowered in grammar.stop_words
                or token.text in grammar.lowercase_stop_words
                or (words and lowered in grammar.determiners)
            ):
                break  # a determiner inside an item opens a new phrase ("trucks a day")
            if words:
                following = tokens.get(index + 1)
                if self._is_verb(lowered, words[-1], text, following):
                    break
                if self._opens_object(text, token, following):
                    break  # "a 500-kg bomb hit the school": a verb before its object
            words.append(token.text)
            end = token.end
            index += 1
        while words and words[-1].lower() in (*_CONJUNCTIONS, "of"):
            words.pop()
        return words, end

    def _is_verb(self, word: str, previous: str, text: str, following: _Token | None) -> bool:
        """A participle or gerund that ends the item rather than continuing it.

        "-ed" ends it unless a noun follows ("armed drones"); "-ing" ends it after a
        plural noun ("people fleeing") and otherwise reads as a noun or modifier
        ("infantry fighting vehicles", "a four-storey building").
        """
        if not _is_verb_form(word):
            return False
        if word.endswith("ing") and not _looks_plural(previous):
            return False
        return not self._noun_follows(text, following)

    def _starts_figure(self, text: str, token: _Token) -> bool:
        if not self.grammar.numerals.may_start(token.text):
            return False
        numeral = self.grammar.numerals.match(text, token.start)
        return numeral is not None and numeral.value is not None

    def _content_word(self, text: str, token: _Token | None) -> bool:
        if token is None:
            return False
        if token.kind != "word":
            return True
        lowered = token.text.lower()
        grammar = self.grammar
        return not (
            lowered in grammar.stop_words
            or lowered in grammar.determiners
            or lowered in ("of", "and", "or")
            or self._starts_figure(text, token)
        )

    def _of_phrase(self, text: str, tokens: _Tokens, index: int) -> int:
        """After "of": how many tokens ("of", a determiner, none) join the item; 0 for none.

        "of" joins when a content word follows it, maybe after a determiner ("units of
        each system").
        """
        taken = 1
        token = tokens.get(index)
        if token is not None and token.text.lower() in self.grammar.of_determiners:
            taken, token = 2, tokens.get(index + 1)
        if token is None or not self._content_word(text, token):
            return 0
        return taken

    def _conjunct_goes_on(self, text: str, token: _Token | None, last_word: str) -> bool:
        """Whether "and"/"or" joins more of the same noun phrase.

        It does before a calibre ("guns and 240mm launchers") or when the word before it is
        a modifier, not a plural noun ("Russian and North Korean soldiers").
        """
        if token is None:
            return False
        if token.kind == "calibre":
            return True
        return self._content_word(text, token) and not _looks_plural(last_word)

    def _opens_object(self, text: str, token: _Token, following: _Token | None) -> bool:
        """Whether the token after ``token`` opens a new phrase (a determiner or a figure).

        A word between an item and such a token is a verb ("drones struck the city",
        "the package includes 30 missiles"), so the item ends before it.
        """
        if following is None:
            ahead = text[token.end : token.end + 2].lstrip()
            return ahead[:1].isdigit()
        if following.kind != "word":
            return False
        return following.text.lower() in self.grammar.object_openers or self._starts_figure(
            text, following
        )

    def _noun_follows(self, text: str, token: _Token | None) -> bool:
        if not self._content_word(text, token) or token is None:
            return False
        return token.kind != "word" or not _is_verb_form(token.text.lower())


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
