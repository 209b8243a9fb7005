"""Private: the regular expressions of the quantity parser, compiled from one lexicon.

Every pattern here is built from lexicon word lists; none carries a word of its own beyond
the punctuation of numbers. Patterns that read the context *before* a figure run in
reverse (``(?r)``), anchored at the figure, so each costs one bounded attempt.
"""

from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Mapping
from decimal import Decimal
from typing import Final

import regex

from ._patterns import (
    FollowGate,
    PrefixGate,
    alternation,
    first_characters,
    may_begin,
    suffix_alternation,
)
from .lexicon import Lexicon
from .model import Bound
from .numbers import NumeralReader
from .text import fold

# How far back from a figure the context readers look, in characters.
LEFT_WINDOW: Final = 80
LEAD_WINDOW: Final = 160
# How long a phrase between a toll noun and its verb may be, in characters.
_TOLL_PHRASE: Final = 80
# An item is a noun phrase: past this many tokens the reader has lost its way.
ITEM_TOKENS: Final = 12
# How many plain words the item reader reads with one match.
PLAIN_RUN: Final = 4

_LETTER_BEFORE: Final = r"(?<![^\W_])"
_LETTER_AFTER: Final = r"(?![^\W_])"
_FLAGS: Final = regex.VERBOSE | regex.IGNORECASE
# A run of white space: the standard library's \s takes all the regex module's does (and
# \x1c-\x1f besides), so a gate that skips it lets through every place a pattern can match.
BLANKS: Final = re.compile(r"\s*")
# What the regex module's \s matches in ASCII.
_ASCII_SPACE: Final = frozenset(" \t\n\r\x0b\x0c")
# White space inside a phrase: a line break only where the text runs on in lower case (hard
# wrapped text), never into a headline or a new paragraph.
GAP: Final = r"(?:[^\S\n]*+(?:\n[^\S\n]*+(?=(?-i:\p{Ll})))?)"


class Grammar:
    """The compiled patterns and lookup tables for one :class:`Lexicon`."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.numerals = NumeralReader.for_lexicon(lexicon)
        words = lexicon.words
        self._compile_qualifiers(lexicon)
        self._compile_units(lexicon)
        self._compile_not_counts(lexicon)
        self._compile_items(lexicon)

        self.determiners = frozenset(w.lower() for w in words("items", "determiners"))
        # Words that open a verb's object: a word before them is not part of an item.
        self.object_openers = frozenset(w.lower() for w in words("items", "object_openers"))
        self.lowercase_stop_words = frozenset(words("items", "lowercase_stop_words"))
        self.attributive_filler = regex.compile(
            rf"(?i){alternation(words('items', 'attributive_fillers'))}{_LETTER_AFTER}"
        )
        periods = words("items", "rates", "periods")
        self.period_items = frozenset([*periods, *(p + "s" for p in periods)])
        # "a year earlier", "two weeks ago": a period before these words is a time.
        self.time_after_period = frozenset(w.lower() for w in words("items", "rates", "not_before"))
        self.span_qualifiers = frozenset(w.lower() for w in words("qualifiers", "spans"))
        self.of_determiners = frozenset(w.lower() for w in words("items", "of_determiners"))
        self.plural_nouns = frozenset(w.lower() for w in words("items", "plural_nouns"))
        distribution = lexicon.tables.get("claims", {}).get("distribution", {})
        self.distributives = frozenset(
            w.lower() for w in distribution.get("distributives", ["each"])
        )
        # A qualifier opens the next figure's phrase, so it also ends an item.
        qualifier_words = {
            w.lower()
            for table in ("approximate", "at_least", "more_than", "at_most", "less_than")
            for w in words("qualifiers", table)
            if " " not in w
        }
        self.stop_words = frozenset(w.lower() for w in words("items", "stop_words")) | frozenset(
            qualifier_words
        )
        self.after_share = frozenset(w.lower() for w in words("items", "after_share"))
        self.auxiliaries = frozenset(w.lower() for w in words("casualties", "auxiliaries"))
        self.casualty_words = frozenset(w.lower() for w in words("casualties", "casualties"))
        self.lead_stop = self.stop_words | frozenset(
            w.lower() for w in words("items", "lead_in", "verbs")
        )
        self.pronoun_one_after = regex.compile(
            rf"\s+{alternation(words('not_counts', 'pronoun_one', 'followers'))}{_LETTER_AFTER}"
        )
        self.pronoun_one_before = frozenset(words("not_counts", "pronoun_one", "preceders"))
        self.next_word = regex.compile(r"\s+([^\W\d_]+)")
        self.fraction_preceders = frozenset(words("not_counts", "fraction_preceders"))
        self.first_year = lexicon.integer("not_counts", "years", "first")
        self.last_year = lexicon.integer("not_counts", "years", "last")

    @classmethod
    def for_lexicon(cls, lexicon: Lexicon) -> Grammar:
        """The grammar of ``lexicon``, compiled once while the lexicon lives."""
        grammar = _GRAMMARS.get(lexicon)
        if grammar is None:
            grammar = cls(lexicon)
            _GRAMMARS[lexicon] = grammar
        return grammar

    # Qualifiers, ranges and change --------------------------------------------------------

    def _compile_qualifiers(self, lexicon: Lexicon) -> None:
        words = lexicon.words
        self.qualifier_bounds: dict[str, tuple[Bound | None, bool]] = {}
        qualifier_words: list[str] = []
        qualifier_symbols: list[str] = []
        kinds = {
            "approximate": None,
            "at_least": Bound.AT_LEAST,
            "more_than": Bound.MORE_THAN,
            "at_most": Bound.AT_MOST,
            "less_than": Bound.LESS_THAN,
        }
        for table, bound in kinds.items():
            for word in (*words("qualifiers", table), *words("qualifiers", table, "symbols")):
                self.qualifier_bounds[fold(word)] = (bound, bound is None)
            qualifier_words += words("qualifiers", table)
            qualifier_symbols += words("qualifiers", table, "symbols")

        trailing = lexicon.table("qualifiers", "trailing")
        self.trailing_bounds: dict[str, tuple[Bound | None, bool]] = {}
        for table, bound in kinds.items():
            for word in trailing.get(table, ()):
                self.trailing_bounds[fold(word)] = (bound, bound is None)

        ranges = lexicon.table("qualifiers", "ranges")
        self.openers: Mapping[str, str] = {fold(k): v for k, v in ranges["openers"].items()}
        connectors = [*ranges["connectors"], *self.openers.values()]
        self.increase_verbs = frozenset(fold(w) for w in words("qualifiers", "increase", "verbs"))
        self.particles = frozenset(fold(w) for w in words("qualifiers", "particles", "words"))
        self.particle_changes_after = frozenset(
            w.lower() for w in words("qualifiers", "particles", "after")
        )
        change_verbs = [
            *words("qualifiers", "increase", "verbs"),
            *words("qualifiers", "decrease", "verbs"),
        ]
        self.change_before: dict[str, bool] = {
            **{fold(w): True for w in words("qualifiers", "increase", "before")},
            **{fold(w): False for w in words("qualifiers", "decrease", "before")},
        }
        self.change_after: dict[str, bool] = {
            **{fold(w): True for w in words("qualifiers", "increase", "after")},
            **{fold(w): False for w in words("qualifiers", "decrease", "after")},
        }
        currency_symbols = [s for c in lexicon.currencies.values() for s in c.symbols]
        self.currency_of_symbol = {
            fold(s): c.code for c in lexicon.currencies.values() for s in c.symbols
        }

        left_phrases = [
            *change_verbs,
            *self.openers,
            *qualifier_words,
            *self.change_before,
            *currency_symbols,
            "by",
        ]
        self.left_enders = frozenset(fold(p).split()[-1] for p in left_phrases if p.strip())
        self.left_symbol_ends = frozenset(
            p[-1] for p in (*qualifier_symbols, *currency_symbols) if not p[-1].isalnum()
        )
        # A symbol that starts with a letter ("A$", "USD") starts a word: "a$" is no
        # Australian dollar in "al-Nura$1.2".
        lettered = [s for s in currency_symbols if s[:1].isalpha()]
        signs = [s for s in currency_symbols if not s[:1].isalpha()]
        # A sign alone before a figure ("$1"), as written: see lone_currency.
        self._sign_codes = {
            s: c.code for c in lexicon.currencies.values() for s in c.symbols if s in signs
        }
        currency_before = "|".join(
            [
                *([rf"{_LETTER_BEFORE}{suffix_alternation(lettered)}"] if lettered else []),
                *([suffix_alternation(signs)] if signs else []),
            ]
        )
        # The context before a figure, read right to left from the figure.
        self.left = regex.compile(
            rf"""(?r)
            (?:{_LETTER_BEFORE}(?P<verb>{suffix_alternation(change_verbs)})\s+(?:by\s+)?)?
            (?:{_LETTER_BEFORE}(?P<opener>{suffix_alternation(self.openers)})\s+)?
            (?:{_LETTER_BEFORE}(?P<qualifier>{suffix_alternation(qualifier_words)})\s+
              |(?P<qualifier>{suffix_alternation(qualifier_symbols)})\s*){{0,3}}
            (?:{_LETTER_BEFORE}(?P<opener>{suffix_alternation(self.openers)})\s+)?
            (?:{_LETTER_BEFORE}(?P<change>{suffix_alternation(self.change_before)})\s+)?
            (?:(?P<currency>{currency_before})\s?)?
            \Z""",
            _FLAGS,
        )
        # Groups by number: match.group(name) costs several times match.group(number).
        self.left_groups = dict(self.left.groupindex)
        self.range_connector = regex.compile(
            rf"\s?(?P<connector>-|{_LETTER_BEFORE}{alternation(connectors)}{_LETTER_AFTER})\s?"
            rf"(?:(?P<currency>{alternation(currency_symbols)})\s?)?",
            _FLAGS,
        )
        self._connector_words = ["-", *connectors]
        self._connector_gate = PrefixGate(self._connector_words, regex.IGNORECASE)
        self.trailing_gate = FollowGate(self.trailing_bounds, regex.IGNORECASE)
        self.change_gate = FollowGate(self.change_after, regex.IGNORECASE)
        self.trailing = regex.compile(
            rf"(?:\s*|\s*-)(?P<trailing>{alternation(self.trailing_bounds)})"
            rf"(?:{_LETTER_AFTER}|(?<=[+]))",
            _FLAGS,
        )
        self.change_word_after = regex.compile(
            rf"\s+(?P<change>{alternation(self.change_after)}){_LETTER_AFTER}", _FLAGS
        )
        self.connector_groups = dict(self.range_connector.groupindex)
        self.trailing_group = self.trailing.groupindex["trailing"]
        self.change_after_group = self.change_word_after.groupindex["change"]

    # Units and currencies ---------------------------------------------------------------

    def _compile_units(self, lexicon: Lexicon) -> None:
        self.unit_of_form: dict[str, str] = {}
        self.calibre_units: set[str] = set()
        for unit in lexicon.units.values():
            for form in unit.forms:
                self.unit_of_form[fold(form)] = unit.key
            if unit.calibre:
                self.calibre_units.add(unit.key)
        for currency in lexicon.currencies.values():
            for name in currency.names:
                self.unit_of_form[fold(name)] = currency.code
        self.unit_after = regex.compile(
            rf"(?:\s?-\s?|\s?)(?P<unit>{alternation(self.unit_of_form)})"
            rf"(?:{_LETTER_AFTER}|(?<=%))",
            _FLAGS,
        )
        self._unit_gate = PrefixGate(self.unit_of_form, regex.IGNORECASE)
        # Both gates in one, asked first just after a figure, where most often neither a
        # unit nor a range connector follows.
        self._unit_or_connector_gate = PrefixGate(
            [*self.unit_of_form, *self._connector_words], regex.IGNORECASE
        )
        self.unit_group = self.unit_after.groupindex["unit"]

    # Context that makes a figure something other than a count ---------------------------

    def _compile_not_counts(self, lexicon: Lexicon) -> None:
        words = lexicon.words
        months = alternation(words("not_counts", "months"))
        times = alternation(words("not_counts", "time_markers"))
        furniture = alternation(words("not_counts", "furniture"))
        ordinals = alternation(words("not_counts", "ordinals", "suffixes"))
        self.marker_initials = frozenset(
            w[:1] for w in (*words("not_counts", "time_markers"), *words("not_counts", "furniture"))
        )
        # After a blank, only a time marker, a month (maybe after "of") or page furniture
        # can follow in not_count_after, matched with the case it gives each of them.
        self._marker_word_gates = (
            PrefixGate(
                [*words("not_counts", "time_markers"), *words("not_counts", "months"), "of "],
                width=3,
            ),
            PrefixGate(words("not_counts", "furniture"), regex.IGNORECASE, width=3),
        )
        # Case matters for months and labels: "March 27" but "march on".
        self.phone_number = regex.compile(r"\+[0-9]{1,3}(?:[\s.-]?\(?[0-9]{1,4}\)?){2,5}")
        lists = lexicon.table("qualifiers", "lists")
        joiners = alternation(lists["joiners"])
        continuations = alternation(lists["continuations"])
        self.date_joiner = regex.compile(rf"\s*(?:,|{joiners})\s*")
        self._date_joiner_initials = first_characters([",", *lists["joiners"]]) | _ASCII_SPACE
        self.date_joiner_words = frozenset(joiner.lower() for joiner in lists["joiners"])
        # Whether no gap the date joiner reads can hold a digit: then a gap that holds a
        # figure never joins a date, however far it runs.
        self.date_joiners_without_digits = not any(
            char.isdigit() for joiner in lists["joiners"] for char in joiner
        )
        # The gap between two figures of one list: ", and another", ";", " or ".
        self.list_gap = regex.compile(
            rf"\s*[,;]?\s*(?:{joiners})?\s*(?:{continuations})?\s*", regex.IGNORECASE
        )
        after_hyphen = words("not_counts", "after_hyphen")
        self.hyphen_not_count = (
            regex.compile(rf"-(?:{alternation(after_hyphen)}){_LETTER_AFTER}", regex.IGNORECASE)
            if after_hyphen
            else None
        )
        self.labels = frozenset([*words("not_counts", "labels"), *words("not_counts", "months")])
        self.not_count_after = regex.compile(
            rf"""(?:
                  :[0-9]{{2}}(?![0-9])
                | \s?(?:{times})(?![^\W_])
                | (?:{ordinals}){_LETTER_AFTER}
                | (?:{ordinals})?\s+(?:of\s+)?(?:{months}){_LETTER_AFTER}
                | \s+(?i:{furniture}){_LETTER_AFTER}
                | '?s{_LETTER_AFTER}
                | /[0-9]
                | \]
            )""",
            regex.VERBOSE,
        )
        # Where not_count_after can start: the characters it spells out above, white space,
        # and the first letters of time markers and ordinal suffixes.
        self._not_count_initials = (
            frozenset(":'s/]")
            | _ASCII_SPACE
            | first_characters(words("not_counts", "time_markers"))
            | first_characters(words("not_counts", "ordinals", "suffixes"))
        )

    # Items, casualties, lead-ins and rates ----------------------------------------------

    def _compile_items(self, lexicon: Lexicon) -> None:
        words = lexicon.words
        casualties = alternation(words("casualties", "casualties"))
        joiners = alternation(words("casualties", "casualties", "joiners"))
        auxiliaries = alternation(words("casualties", "auxiliaries"))
        self.casualty_after = regex.compile(
            rf"""{GAP}(?<=\s)(?P<auxiliaries>(?:{_LETTER_BEFORE}(?:{auxiliaries}){GAP}(?<=\s)){{0,8}})
            (?P<casualty>{_LETTER_BEFORE}(?:{casualties})
                (?:\s*(?:{joiners})\s*(?:{casualties}))?){_LETTER_AFTER}""",
            _FLAGS,
        )
        self.casualty_openers = frozenset(
            w.lower().split()[0]
            for w in (*words("casualties", "casualties"), *words("casualties", "auxiliaries"))
        )
        calibre_forms = [
            form for unit in lexicon.units.values() if unit.calibre for form in unit.forms
        ]
        self.item_token = regex.compile(
            rf"""{GAP}(?:
                (?P<calibre>[0-9]{{1,3}}(?:\.[0-9]+)?\s?-?\s?(?:{alternation(calibre_forms)})
                    {_LETTER_AFTER})
              | (?P<code>[0-9]+[A-Za-z][\w-]*)
              | (?P<word>(?:[^\W\d_]\.){{2,}}|[^\W\d_][\w'-]*)
              | (?P<other>\S)
            )""",
            _FLAGS,
        )
        self.item_token_kinds = {index: kind for kind, index in self.item_token.groupindex.items()}
        # Where a token starts with a digit, item_token reads a calibre or a designation
        # only if a letter (or a calibre form's first character) follows the digits within
        # a blank, a hyphen and a blank; else it reads no token. The standard library's
        # engine tells that at a third of the cost (its \s takes all the regex module's).
        firsts = {form[0] for form in calibre_forms if form}
        others = "".join(sorted(char for char in firsts if not (char.isalpha() or char == "_")))
        after_digits = f"[^\\W\\d_]|[{re.escape(others)}]" if others else r"[^\W\d_]"
        self._digit_token = re.compile(rf"\s*[0-9]+(?:\.[0-9]+)?[\s-]{{0,3}}(?:{after_digits})")
        self.item_word_group = self.item_token.groupindex["word"]
        # The common token, a plain ASCII word after plain spaces, read by the standard
        # library's engine at a third of the cost. Where it matches, item_token would match
        # the same word: it ends before an ASCII character that cannot continue a word, so
        # no Unicode rule is needed; anything else is left to item_token.
        # (Where the standard library's engine misreads the digits' fast paths, the regex
        # module reads these too: see numbers.STANDARD_ENGINE.)
        ascii_pattern = (
            functools.partial(re.compile, flags=re.ASCII)
            if self.numerals.standard_engine
            else functools.partial(regex.compile, flags=regex.ASCII)
        )
        self.plain_word: re.Pattern[str] | regex.Pattern[str] = ascii_pattern(
            r" *([A-Za-z][\w'-]*)(?![^\x00-\x7f])(?![\w'-])(?!\.\S)"
        )
        # A few such words one space apart, read with one match: most items end a word or
        # two in, and a match costs more than the words it reads. Each word takes every
        # [\w'-] there is (no possessive repeat: the standard library's engine misread them
        # before Python 3.11.5).
        word = r"[A-Za-z][\w'-]*(?![\w'-])(?![^\x00-\x7f])(?!\.\S)"
        self.plain_words: re.Pattern[str] | regex.Pattern[str] = ascii_pattern(
            rf" *({word}(?: {word}){{0,{PLAIN_RUN - 1}}})"
        )
        lead = lexicon.table("items", "lead_in")
        # A phrase of a few words after the toll noun, no figure in it.
        toll_phrases = lead.get("toll_phrases", [])
        toll_phrase = (
            rf"(?:\s+(?:{alternation(toll_phrases)}){_LETTER_AFTER}[^\d.;:!?\n]{{1,{_TOLL_PHRASE}}}?)?"
            if toll_phrases
            else ""
        )
        self.lead_in = regex.compile(
            rf"""(?r)
            (?:{_LETTER_BEFORE}(?:{suffix_alternation(lead["nouns"])})\s+of\s+
                (?P<lead>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){{0,8}})
              |(?P<toll>{_LETTER_BEFORE}(?:[^\W\d_][\w'-]*\s+)?
                    (?:{suffix_alternation(lead["toll_nouns"])}))
                {toll_phrase}
                (?:\s+(?:{suffix_alternation(lead["verbs"])})){{0,3}}
            )\s+(?:(?:{suffix_alternation(lead["linkers"])})\s+)?\Z""",
            _FLAGS,
        )
        # Each lead-in holds one of its nouns: their last words, for may_have_lead_in.
        nouns = {phrase.split()[-1].lower() for phrase in [*lead["nouns"], *lead["toll_nouns"]]}
        self._lead_nouns = tuple(sorted(nouns)) if all(n.isascii() for n in nouns) else None
        # A lead-in holds a noun and a blank after it: a shorter window holds none (between
        # two figures of "1 1 1", say).
        self._shortest_lead_in = min((len(noun) for noun in nouns), default=0) + 1
        rates = lexicon.table("items", "rates")
        self.period_of_adverb = {fold(k): v for k, v in rates["adverbs"].items()}
        rate_words = [*(f"{prefix} " for prefix in rates["prefixes"]), *self.period_of_adverb, "/"]
        self.rate_gate = FollowGate(rate_words, regex.IGNORECASE)
        # The three gates in one, asked first where a figure or its item ends: most often
        # none of the three patterns can start there, and one question settles it.
        self.follow_gate = FollowGate(
            [*self.trailing_bounds, *self.change_after, *rate_words], regex.IGNORECASE
        )
        times = rates.get("not_before", [])
        not_rate = rf"(?!\s+(?:{alternation(times)}){_LETTER_AFTER})" if times else ""
        self.rate_after = regex.compile(
            rf"""\s*(?:
                (?:{_LETTER_BEFORE}(?:{alternation(rates["prefixes"])})\s+|/\s?)
                    (?P<period>{alternation(rates["periods"])}){_LETTER_AFTER}{not_rate}
              | {_LETTER_BEFORE}(?P<adverb>{alternation(self.period_of_adverb)}){_LETTER_AFTER}
            )""",
            _FLAGS,
        )
        self.rate_groups = dict(self.rate_after.groupindex)

    def word_at(self, text: str, position: int) -> str | None:
        """The word :attr:`item_token` reads at ``position`` (after blanks), or None.

        A plain ASCII word is read by :attr:`plain_word`, which matches exactly where
        item_token reads the same word, at a third of the cost.

        >>> grammar = Grammar.for_lexicon(Lexicon.default())
        >>> grammar.word_at("3 troops", 1), grammar.word_at("3 170mm guns", 1)
        ('troops', None)
        """
        plain = self.plain_word.match(text, position)
        if plain is not None:
            return plain.group(1)
        token = self.item_token.match(text, position)
        return token.group(self.item_word_group) if token else None

    def may_have_left_context(self, text: str, start: int, word_before: str) -> bool:
        """A cheap test before :attr:`left`: does a qualifier, currency or opener end here?

        True when a symbol touches the figure ("$3", "~3") or ``word_before``, the word that
        ends at a blank just before it, is the last word of some left-context phrase ("more
        than 3", "an additional 3").
        """
        if not start:
            return False
        before = text[start - 1]
        if not before.isspace():
            return not before.isalnum()
        # Folded as the pattern folds ("ſome" ends as "some" does); ASCII needs no more.
        word = word_before.lower() if word_before.isascii() else fold(word_before)
        return word in self.left_enders or word[-1:] in self.left_symbol_ends

    def may_be_marked(self, text: str, end: int) -> bool:
        """A cheap test before :attr:`not_count_after`: can a time, date or furniture follow?"""
        after = text[end : end + 2]
        if not after:
            return False
        if after[0] != " ":
            return may_begin(after[0], self._not_count_initials)
        following = after[1:2]
        position = end + 1
        if following.isspace():  # more blanks ("27  March"): the pattern reads any run
            blanks = BLANKS.match(text, end)
            position = blanks.end() if blanks is not None else end + 1
            following = text[position : position + 1]
        if not (following.isupper() or following in self.marker_initials):
            return False
        cased, folded = self._marker_word_gates
        return cased.may_start_at(text, position) or folded.may_start_at(text, position)

    def may_be_digit_token(self, text: str, position: int) -> bool:
        """A cheap test before :attr:`item_token` where the next token starts with a digit:
        False only where it reads no calibre or designation there (only a figure).

        >>> grammar = Grammar.for_lexicon(Lexicon.default())
        >>> [grammar.may_be_digit_token(t, 0) for t in (" 1 1", " 170mm", " 2S19", " 3, 4")]
        [False, True, True, False]
        """
        return self._digit_token.match(text, position) is not None

    def lone_currency(self, head: str) -> tuple[str, int] | None:
        """The currency and where its sign starts, where ``head`` (the text :attr:`left`
        would read before a figure) is a currency sign alone, maybe after spaces and before
        one: all that :attr:`left` would find there, found without it ("$1 $1 $1").

        >>> grammar = Grammar.for_lexicon(Lexicon.default())
        >>> grammar.lone_currency(" $"), grammar.lone_currency("$ "), grammar.lone_currency("a $")
        (('USD', 1), ('USD', 0), None)
        """
        body = head[:-1] if head.endswith(" ") else head
        sign = body.lstrip(" ")
        code = self._sign_codes.get(sign)
        return None if code is None else (code, len(body) - len(sign))

    def may_have_unit(self, text: str, position: int) -> bool:
        """A cheap test before :attr:`unit_after`: False only where no unit can follow."""
        return self._unit_gate.may_start_after_leads(text, position, 3)

    def may_have_unit_or_connector(self, text: str, position: int) -> bool:
        """False only where neither :meth:`may_have_unit` nor :meth:`may_have_connector` could
        be true."""
        return self._unit_or_connector_gate.may_start_after_leads(text, position, 3)

    def may_have_lead_in(self, text: str, start: int, end: int) -> bool:
        """A cheap test before :attr:`lead_in`: does one of its nouns stand in the window?

        Exact for ASCII text, where a case-blind match is a match of the lower case; other
        text is left to the pattern.
        """
        if end - start < self._shortest_lead_in:
            return False
        window = text[start:end]
        if self._lead_nouns is None or not window.isascii():
            return True
        window = window.lower()
        return any(noun in window for noun in self._lead_nouns)

    def may_have_connector(self, text: str, position: int) -> bool:
        """A cheap test before :attr:`range_connector`: False only where none can follow."""
        return self._connector_gate.may_start_after_leads(text, position, 1)

    def may_join_date(self, text: str, position: int) -> bool:
        """A cheap test before :attr:`date_joiner`: can its gap start at ``position``?"""
        return may_begin(text[position : position + 1], self._date_joiner_initials)

    def is_year(self, value: Decimal) -> bool:
        """Whether a bare four-digit figure falls in the lexicon's year range."""
        return self.first_year <= value <= self.last_year


_GRAMMARS: weakref.WeakKeyDictionary[Lexicon, Grammar] = weakref.WeakKeyDictionary()
