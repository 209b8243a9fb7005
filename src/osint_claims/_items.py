"""Private: reading the counted item after a figure.

The item runs across adjectives, hyphenated words, calibres ("170mm") and designations
("M1989"), and across "of" and "and" when a noun phrase goes on; it stops at punctuation,
a preposition, a verb, a determiner that opens a new phrase, or a new figure.

The words after the figure are tokenised a few at a time, as the walk asks for them (most
items end a word or two in); the walk decides, token by token, with a look at the next
token where a word's role depends on it.
"""

from __future__ import annotations

import string

from ._grammar import BLANKS, ITEM_TOKENS, Grammar

# A token: its kind ("calibre", "code" for a designation such as "2S19", or "word"), its
# text, and where it starts and ends. A plain tuple, read by unpacking: a named tuple costs
# several times as much to build, and every quantity builds a few.
_Token = tuple[str, str, int, int]

_CONJUNCTIONS = frozenset(("and", "or", "&"))
_KINDS = ("calibre", "code", "word")
# Where the next token starts with one of these, item_token could read only an "other"
# token, which ends the item: ASCII punctuation is no letter, digit or white space.
_PUNCTUATION = frozenset(string.punctuation)
# Nor can it read a token across a blank line.
_BLANK_LINE = "\n\n"
_DIGITS = frozenset("0123456789")


class _Tokens:
    """The tokens after a figure, read as the walk asks for them.

    Most tokens are plain ASCII words after plain spaces, and one match reads a run of
    them. Anything else (a calibre, a designation, a word with an accent, a line break) is
    read one token at a time by the full ``item_token`` pattern.
    """

    # One is made for every quantity.
    __slots__ = ("_done", "_grammar", "_position", "_text", "known")

    def __init__(self, grammar: Grammar, text: str, position: int) -> None:
        self._grammar = grammar
        self._text = text
        self._position = position
        self.known: list[_Token] = []  # the tokens read so far
        self._done = False

    def get(self, index: int) -> _Token | None:
        """The token at ``index``, or None past the last one (or past the item's reach)."""
        tokens = self.known
        if index < len(tokens):
            return tokens[index]
        while len(tokens) <= index and not self._done:
            self._advance()
        return tokens[index] if index < len(tokens) else None

    def range(self, start: int, stop: int) -> list[_Token]:
        """Tokens ``start`` to ``stop`` (exclusive) that exist."""
        return [t for t in (self.get(i) for i in range(start, stop)) if t is not None]

    def _advance(self) -> None:
        room = ITEM_TOKENS - len(self.known)
        if room <= 0:
            self._done = True
        elif not self._read_plain_words(room):
            self._read_token()

    def _read_plain_words(self, room: int) -> bool:
        """Reads a run of plain words, at most ``room`` of them; False if none is next."""
        run = self._grammar.plain_words.match(self._text, self._position)
        if run is None:
            return False
        tokens = self.known
        # The words of the run are one space apart, so each starts a character after the
        # end of the one before.
        start = run.start(1)
        for word in run.group(1).split(" ")[:room]:
            end = start + len(word)
            tokens.append(("word", word, start, end))
            start = end + 1
        self._position = start - 1
        return True

    def _read_token(self) -> None:
        """Reads the next token with ``item_token``, or finds that the tokens end here."""
        text = self._text
        position = self._position
        ahead = text[position : position + 2]
        first = ahead.lstrip(" ")[:1]
        if first in _PUNCTUATION or ahead == _BLANK_LINE:
            self._done = True  # the tokens end here: no need to ask the pattern
            return
        grammar = self._grammar
        if first in _DIGITS and not grammar.may_be_digit_token(text, position):
            self._done = True  # only a figure of its own starts here ("1 1 1"): no token
            return
        match = grammar.item_token.match(text, position)
        index = match.lastindex if match is not None else None
        kind = grammar.item_token_kinds[index] if index is not None else None
        if match is None or index is None or kind not in _KINDS:
            self._done = True
            return
        start, end = match.span(index)
        self.known.append((kind, text[start:end], start, end))
        self._position = end


class ItemReader:
    """Reads items with the word lists of one :class:`Grammar`."""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar
        # Every word the walk reads is first tested, cheaply, as the start of a figure: a
        # word token starts with a letter, so NumeralReader.may_start is a set lookup.
        self._figure_openers = grammar.numerals.opening_words
        # After a leading "of", a determiner is passed over ("a fifth of all deaths"), but
        # not a distributive: "40 of each type" shares a figure out over a list, which the
        # claims reader reads (lexicon: claims.distribution.distributives).
        self._leading_of_determiners = grammar.of_determiners - grammar.distributives
        # Groups by number: match.group(name) costs several times match.group(number).
        self._casualty_group = grammar.casualty_after.groupindex["casualty"]
        self._auxiliaries_group = grammar.casualty_after.groupindex["auxiliaries"]

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
        else:
            # What _Tokens would find first, asked without making them: where punctuation
            # or a figure of its own follows ("$1 $1", "1 1 1"), there is no token.
            next_char = text[position : position + 2].lstrip(" ")[:1]
            if next_char in _PUNCTUATION or (
                next_char in _DIGITS and not grammar.may_be_digit_token(text, position)
            ):
                return None, position
        tokens = _Tokens(grammar, text, position)
        first = tokens.get(0)
        casualty = None
        if first is not None and _text_of(first).lower() in grammar.casualty_openers:
            casualty = grammar.casualty_after.match(text, position)
        if casualty is not None:
            phrase = " ".join(casualty.group(self._casualty_group).split())
            if casualty.group(self._auxiliaries_group).strip():
                return phrase, casualty.end()
            after = casualty.end()
            words, end = self._walk(text, _Tokens(grammar, text, after), after, started=True)
            return " ".join([phrase, *words]), max(end, casualty.end())
        words, end = self._walk(text, tokens, position, started=False)
        if not words:
            return None, position
        return " ".join(words), end

    def _walk(
        self, text: str, tokens: _Tokens, position: int, *, started: bool
    ) -> tuple[list[str], int]:
        """The words of the item from the first token on, and where the last one taken ends.

        ``started``: the item has begun already (after casualty words), so a determiner or
        "of" in first place ends it instead of being skipped.
        """
        grammar = self.grammar
        words: list[str] = []
        end = previous_end = position
        index = 0
        # Most tokens asked for have been read already: look there before asking to read.
        known = tokens.known
        while True:
            token = known[index] if index < len(known) else tokens.get(index)
            if token is None:
                break
            kind, word, _, token_end = token
            if kind != "word":
                words.append(" ".join(word.split()))
                previous_end, end = end, token_end
                index += 1
                continue
            lowered = word.lower()
            if lowered in self._figure_openers and self._is_figure(text, token):
                break
            if (
                not words
                and not started
                and (
                    lowered in grammar.determiners
                    or lowered == "of"
                    or (index and lowered in self._leading_of_determiners)
                )
            ):
                index += 1  # "3,000 of its troops", "a fifth of all deaths"
                continue
            if lowered == "of":
                taken = self._of_phrase(text, tokens, index + 1) if words else 0
                if not taken:
                    break
                words += [_text_of(t) for t in tokens.range(index, index + taken)]
                index += taken
                continue
            if lowered in _CONJUNCTIONS:
                following = tokens.get(index + 1) if words else None
                if not words or not self._conjunct_goes_on(text, following, words[-1]):
                    break
                words.append(word)
                index += 1
                continue
            if (
                lowered in grammar.stop_words
                or word in grammar.lowercase_stop_words
                or (words and lowered in grammar.determiners)
                # "1,400 people dead": a casualty word after the noun says what befell it
                or (words and lowered in grammar.casualty_words)
                or (index and lowered in grammar.period_items and self._is_time(tokens, index))
            ):
                break  # a determiner inside an item opens a new phrase ("trucks a day")
            if words:
                # The token after this one, read only where a rule needs it: most items
                # end a word or two in.
                following = known[index + 1] if index + 1 < len(known) else tokens.get(index + 1)
                # The form first: most words are no verb form, and it is a cheap test.
                if _is_verb_form(lowered) and self._is_verb(lowered, words[-1], text, following):
                    break
                if self._opens_object(text, token, following):
                    break  # "a 500-kg bomb hit the school": a verb before its object
            words.append(word)
            previous_end, end = end, token_end
            index += 1
        return self._trimmed(text, words, end, previous_end)

    def _trimmed(
        self, text: str, words: list[str], end: int, previous_end: int
    ) -> tuple[list[str], int]:
        """The walk's words without what cannot end an item, and where the last one ends.

        ``previous_end`` is where the word before the last one taken ends.
        """
        if words and _is_possessive(words[-1]) and self._figure_follows(text, end):
            # "96% of Gaza's 2.1 million residents": the possessive opens the next figure's
            # phrase, as "the" does in "4,000 of the 11,000 troops".
            words.pop()
            end = previous_end
        grammar = self.grammar
        while words and (
            (last := words[-1].lower()) in _CONJUNCTIONS
            or last == "of"
            or last in grammar.of_determiners
        ):
            words.pop()  # an item never ends on "of the"
        return words, end

    def _is_plural(self, word: str) -> bool:
        """A plural noun: by its ending, or one the lexicon lists ("personnel")."""
        return _looks_plural(word) or word.lower() in self.grammar.plural_nouns

    def _is_time(self, tokens: _Tokens, index: int) -> bool:
        """Whether the period word at ``index``, after an article, names a time ("400,000
        a year earlier"), not what is counted."""
        following = tokens.get(index + 1)
        if following is None:
            return False
        _, word, _, _ = following
        return word.lower() in self.grammar.time_after_period

    def _figure_follows(self, text: str, position: int) -> bool:
        """Whether a figure starts after the blanks at ``position``."""
        blanks = BLANKS.match(text, position)
        start = blanks.end() if blanks is not None else position
        if text[start : start + 1].isdigit():
            return True
        numeral = self.grammar.numerals.match(text, start)
        return numeral is not None and numeral.value is not None

    def _is_verb(self, word: str, previous: str, text: str, following: _Token | None) -> bool:
        """A participle or gerund that ends the item rather than continuing it.

        "-ed" ends it unless a noun follows ("armed drones"), but not a name: a past tense
        before a capitalised word is a verb before its object ("food reached Kadugli");
        "-ing" ends it after a plural noun ("people fleeing") and otherwise reads as a
        noun or modifier ("infantry fighting vehicles", "a four-storey building").
        """
        if not _is_verb_form(word):
            return False
        if word.endswith("ing"):
            # After a plural noun a gerund is its verb ("Somalis facing hunger"); otherwise
            # a noun or modifier ("infantry fighting vehicles").
            return self._is_plural(previous)
        if following is not None and word.endswith("ed"):
            kind, next_word, _, _ = following
            if kind == "word" and next_word[:1].isupper():
                return True
        return not self._noun_follows(text, following)

    def _is_figure(self, text: str, token: _Token) -> bool:
        """Whether a figure starts at ``token``: the full test after ``_figure_openers``."""
        _, _, start, _ = token
        numeral = self.grammar.numerals.match(text, start)
        return numeral is not None and numeral.value is not None

    def _content_word(self, text: str, token: _Token | None) -> bool:
        if token is None:
            return False
        kind, word, _, _ = token
        if kind != "word":
            return True
        lowered = word.lower()
        grammar = self.grammar
        return not (
            lowered in grammar.stop_words
            or lowered in grammar.determiners
            or lowered in ("of", "and", "or")
            or (lowered in self._figure_openers and self._is_figure(text, token))
        )

    def _of_phrase(self, text: str, tokens: _Tokens, index: int) -> int:
        """After "of": how many tokens ("of", a determiner, none) join the item; 0 for none.

        "of" joins when a content word follows it, maybe after a determiner ("units of
        each system").
        """
        taken = 1
        token = tokens.get(index)
        if token is not None and _text_of(token).lower() in self.grammar.of_determiners:
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
        kind, _, _, _ = token
        if kind == "calibre":
            return True
        return self._content_word(text, token) and not self._is_plural(last_word)

    def _opens_object(self, text: str, token: _Token, following: _Token | None) -> bool:
        """Whether the token after ``token`` opens a new phrase (a determiner or a figure).

        A word between an item and such a token is a verb ("drones struck the city",
        "the package includes 30 missiles"), so the item ends before it.
        """
        if following is None:
            _, _, _, end = token
            ahead = text[end : end + 2].lstrip()
            return ahead[:1].isdigit()
        kind, word, _, _ = following
        if kind != "word":
            return False
        lowered = word.lower()
        return lowered in self.grammar.object_openers or (
            lowered in self._figure_openers and self._is_figure(text, following)
        )

    def _noun_follows(self, text: str, token: _Token | None) -> bool:
        if not self._content_word(text, token) or token is None:
            return False
        kind, word, _, _ = token
        return kind != "word" or not _is_verb_form(word.lower())


def _text_of(token: _Token) -> str:
    """The text of ``token``.

    >>> _text_of(("word", "troops", 6, 12))
    'troops'
    """
    _, text, _, _ = token
    return text


def _is_verb_form(word: str) -> bool:
    """A past participle or gerund, unless hyphenated ("self-propelled").

    >>> _is_verb_form("deployed"), _is_verb_form("self-propelled"), _is_verb_form("red")
    (True, False, False)
    """
    return "-" not in word and len(word) > 4 and word.endswith(("ed", "ing"))


def _is_possessive(word: str) -> bool:
    """A possessive by its ending ("Gaza's", "the countries'").

    >>> _is_possessive("Gaza's"), _is_possessive("countries'"), _is_possessive("troops")
    (True, True, False)
    """
    return word.endswith(("'s", "'S", "s'"))


def _looks_plural(word: str) -> bool:
    """A plural noun by its ending: "troops" is, "Russian" and "artillery" are not.

    >>> _looks_plural("troops"), _looks_plural("Russian"), _looks_plural("press")
    (True, False, False)
    """
    lowered = word.lower()
    return len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is"))
