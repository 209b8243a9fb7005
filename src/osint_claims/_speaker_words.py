"""Private: the speaker lexicon (``data/en/speakers.toml``) compiled for the speaker reader.

:class:`SpeakerWords` holds every word list and pattern the reading of reporting frames
needs, built once per :class:`~osint_claims.lexicon.Lexicon`; the few fixed words here are
grammar that every name shares, not vocabulary.
"""

from __future__ import annotations

from typing import Final

import regex

from ._patterns import GatedPattern, WordGate, alternation
from .errors import LexiconError
from .lexicon import Lexicon
from .model import ActorKind
from .text import fold

__all__ = ["DETERMINERS", "NAME_JOINERS", "SpeakerWords"]

# Words that join the parts of one capitalised name ("Office of the High Commissioner for
# Human Rights", "Doctors Without Borders", "al-Qaeda in the Arabian Peninsula").
NAME_JOINERS: Final = frozenset({"of", "for", "the", "and", "&"})
DETERMINERS: Final = frozenset({"the", "a", "an", "its", "their", "his", "her", "our"})
_KIND_VALUES: Final = frozenset(kind.value for kind in ActorKind)


class SpeakerWords:
    """The compiled speaker lexicon: the frame triggers of a sentence, the head nouns
    that give a speaker its kind, the pronouns and roles that point back, and the words a
    speaker's phrase stops at."""

    def __init__(self, lexicon: Lexicon) -> None:
        table = lexicon.table
        every_verb = (*lexicon.words("speakers", "verbs"), *lexicon.words("speakers", "weak_verbs"))
        self.verbs = regex.compile(rf"(?i)\b{alternation(every_verb)}\b")
        self.inverted = frozenset(fold(w) for w in lexicon.words("speakers", "inverted"))
        self.weak = frozenset(fold(w) for w in lexicon.words("speakers", "weak_verbs"))
        self.figure_nouns = frozenset(fold(w) for w in lexicon.words("speakers", "figure_nouns"))
        markers = lexicon.words("speakers", "markers")
        self.markers = regex.compile(rf"(?i)\b{alternation(markers)}\b")
        self.marker_end = regex.compile(rf"(?i)\b{alternation(markers)}\s+(?:the\s+)?$")
        retro = lexicon.words("speakers", "retrospective")
        self.retrospective = regex.compile(rf"(?i)(?:^|[\s\"'(])({alternation(retro)})\b")
        documents = table("speakers", "documents")
        self.document_nouns = regex.compile(rf"(?i)\b{alternation(documents.get('nouns', ()))}\b")
        self.document_verbs = frozenset(fold(w) for w in documents.get("verbs", ()))
        document_nouns = documents.get("nouns", ())
        # One pattern finds the verbs, markers and document nouns of a sentence in one pass;
        # markers first ("reported by" before "reported"), then verbs, then nouns.
        # Words that open a time phrase after a speaker ("the ministry on Monday"): when
        # it spoke, never whom it speaks for.
        self.when = frozenset(
            fold(w).split()[-1]
            for w in (
                *table("dates", "weekdays"),
                *table("dates", "months"),
                *table("dates", "day_words"),
                *table("dates", "weekday_abbreviations"),
            )
        ) | {"week", "weekend", "month", "year", "night", "morning", "afternoon", "evening"}
        # "given by", "reported by" may hold when in between: "given on Monday by"
        by_markers = [m[: -len(" by")] for m in markers if m.endswith(" by")]
        when = alternation(self.when)
        passive = (
            rf"(?:{alternation(by_markers)})"
            rf"(?:\s+(?:(?:late|early)\s+)?(?:on\s+)?(?:{when}))?\s+by"
        )
        other_markers = [m for m in markers if not m.endswith(" by")]
        self.triggers = GatedPattern(
            regex.compile(
                rf"(?i)\b(?:(?P<marker>{alternation(other_markers)}|{passive})"
                rf"|(?P<verb>{alternation(every_verb)})|(?P<noun>{alternation(document_nouns)}))\b"
            ),
            WordGate([*other_markers, *by_markers, *every_verb, *document_nouns], phrases=True),
        )
        folded_nouns = {fold(w) for w in document_nouns}
        self.verb_nouns = frozenset(fold(w) for w in every_verb) & folded_nouns
        self.between = frozenset(
            fold(w)
            for w in (
                *lexicon.words("speakers", "auxiliaries"),
                *lexicon.words("speakers", "time_words"),
            )
            if " " not in w
        )
        self.governments = frozenset(fold(w) for w in lexicon.words("speakers", "governments"))
        self.pronouns: dict[str, frozenset[ActorKind]] = {
            fold(word): frozenset(ActorKind(kind) for kind in kinds)
            for word, kinds in table("speakers", "pronouns").items()
        }
        self.heads: dict[str, ActorKind] = {}
        self.document_heads: frozenset[str] = frozenset()
        for kind, words in table("speakers", "heads").items():
            if kind == "document":
                # "the statement added": the speaker of the statement, named before
                self.document_heads = frozenset(fold(w) for w in words)
                continue
            if kind not in _KIND_VALUES:
                raise LexiconError("<lexicon>", None, f"speakers.heads.{kind}: unknown kind")
            for word in words:
                self.heads.setdefault(fold(word), ActorKind(kind))
        self.head_length = max((len(h.split()) for h in self.heads), default=1)
        self.refers: dict[str, frozenset[ActorKind]] = {
            fold(word): frozenset(ActorKind(kind) for kind in kinds)
            for word, kinds in table("speakers", "refers").items()
        }
        self.titles = frozenset(fold(w).rstrip(".") for w in lexicon.words("speakers", "titles"))
        self.unnamed = frozenset(fold(w) for w in lexicon.words("speakers", "unnamed"))
        self.hyphen_modifiers = tuple(
            w.lower() for w in lexicon.words("speakers", "hyphen_modifiers")
        )
        self.owner_modifiers = tuple(
            w.lower() for w in lexicon.words("speakers", "owner_modifiers")
        )
        self.common = frozenset(
            (
                *self.heads,
                *(w for h in self.heads for w in h.split()),
                *self.unnamed,
                *(fold(w) for w in lexicon.words("speakers", "body_modifiers")),
                *(fold(w) for w in lexicon.words("speakers", "attackers")),
            )
        )
        self.quantifiers = frozenset(
            (
                *(fold(w) for w in lexicon.numbers("ones")),
                *(fold(w) for w in lexicon.numbers("tens")),
                *(fold(w) for w in lexicon.ranges("numbers", "vague_amounts")),
                "several",
                "some",
                "many",
                "few",
                "a few",
                "other",
                "two",
                "three",
            )
        )
        continuations = lexicon.words("speakers", "continuations")
        self.continuations = regex.compile(
            rf"(?i)^[\s\"'(]*{alternation(continuations)}\b" if continuations else "(?!)"
        )
        verbs = {fold(w) for w in lexicon.words("speakers", "verbs")}
        events: set[str] = set()
        for entry in table("events", "predicates").values():
            for form in ("verbs", "states"):
                events.update(fold(w) for w in entry.get(form, ()) if " " not in w)
        keep = {*self.heads, *self.pronouns, *self.unnamed, *NAME_JOINERS}
        self.stops = frozenset(
            word
            for word in (
                *(fold(w) for w in lexicon.words("items", "stop_words")),
                *verbs,
                *events,
                *self.between,
                "that",
                "who",
                "which",
                "and",
                "or",
                "but",
                "to",
            )
            if word not in keep
        )
