"""Private: the reading of a speaker's noun phrase, back from a reporting verb or on from a
marker.

:class:`PhraseReader` walks the words of a sentence from where a frame leaves off and
returns the speaker's phrase as a :class:`Phrase` of token indexes, with the apposition or
postmodifier that says whom the speaker speaks for: "Olena Marchenko, head of the regional
administration, said", "according to a spokeswoman for the army". The frames that start
the walks, and the resolving of the phrase to actors, are the caller's
(:mod:`osint_claims.attribution`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs

from ._speaker_words import DETERMINERS, NAME_JOINERS, SpeakerWords
from ._words import Token, is_capitalised
from .model import ActorKind

__all__ = ["PERSON_WORDS", "Phrase", "PhraseReader"]

# A speaker's noun phrase is at most this many words ("the Office of the UN High
# Commissioner for Human Rights"); an apposition after a name at most this many.
_PHRASE_WORDS: Final = 12
_APPOSITION_WORDS: Final = 24
# A person's name is at most this many words ("Kambale Sivyavugha Mumbere").
PERSON_WORDS: Final = 4
# Appositions in a row before a verb: "Name, a member of X, a group that ..., said".
_APPOSITIONS: Final = 3
# Lower-case words before a speaker's head noun ("local health officials").
_MODIFIERS: Final = 4
# Words between a speaker and its verb ("the ministry late on Sunday said").
_BETWEEN: Final = 4
# Particles of personal and place names: "Abu Obeida", "El Fasher", "Ursula von der Leyen".
_PARTICLES: Final = frozenset(
    {"al", "el", "de", "du", "des", "der", "den", "bin", "ibn", "abu", "van", "von", "da", "di"}
)
_POSTMODIFIER_PREPOSITIONS: Final = frozenset({"at", "in", "for", "from", "of", "with", "on"})
# Words that open an aside between a speaker and its verb: "A military source, speaking
# on condition of anonymity, said"; "Two residents, reached by phone, said".
_ASIDES: Final = frozenset(
    {
        "speaking",
        "reached",
        "asked",
        "interviewed",
        "contacted",
        "writing",
        "quoted",
        "citing",
        "however",
        "meanwhile",
        "also",
        "though",
        "too",
        "in",
        "on",
        "at",
        "via",
        "through",
        "separately",
        "later",
        "earlier",
        "previously",
        "today",
        "yesterday",
    }
)


@attrs.define(slots=True)
class Phrase:
    """A speaker's noun phrase: token indexes ``[first, last]`` and what the text adds."""

    first: int
    last: int
    affiliation: tuple[int, int] | None = None  # an apposition or "of/for/at ..." phrase
    before_verb: bool = False  # read back from its verb ("X and Y said")


class PhraseReader:
    """Reads speakers' noun phrases with one compiled speaker lexicon."""

    def __init__(self, words: SpeakerWords) -> None:
        self.words = words

    def phrase_before(
        self, toks: list[Token], index: int, *, document: bool = False
    ) -> Phrase | None:
        """The speaker's phrase ending at or before ``toks[index]``: past words that say
        when ("on Sunday") and auxiliaries, a bracketed acronym, and an apposition."""
        words = self.words
        skipped = 0
        while index >= 0 and skipped < _BETWEEN and not document:
            lower = toks[index].lower
            if lower in words.pronouns or lower not in words.between:
                break
            index -= 1
            skipped += 1
        if index < 0:
            return None
        token = toks[index]
        if token.lower in words.pronouns and token.lower not in ("we", "i"):
            return Phrase(index, index)
        if token.text == ")":
            opening = next(
                (i for i in range(index - 1, max(-1, index - 8), -1) if toks[i].text == "("),
                None,
            )
            if opening is None:
                return None
            index = opening - 1
            if index < 0:
                return None
            token = toks[index]
        if (
            token.text == ","
            and index >= 2
            and toks[index - 1].lower in words.between
            and toks[index - 2].text == ","
        ):  # "Research from US universities, however, estimates"
            return self.phrase_before(toks, index - 3)
        if token.text == ",":
            return self._apposition_before(toks, index)
        phrase = self.core_before(toks, index)
        if phrase is not None:
            self._list_before(toks, phrase)
            phrase.before_verb = True
        return phrase

    def _list_before(self, toks: list[Token], phrase: Phrase) -> None:
        """Widen "Ukraine and Israel" to "South Korea, Ukraine and Israel": names before a
        comma join a list that an "and" closes."""
        inside = toks[phrase.first : phrase.last + 1]
        if not any(t.lower in ("and", "&") for t in inside):
            return
        while phrase.first >= 2 and toks[phrase.first - 1].text == ",":
            earlier = self.core_before(toks, phrase.first - 2)
            if earlier is None or not (self.is_named(toks, earlier) or self.head(toks, earlier)):
                return
            phrase.first = earlier.first

    def _apposition_before(self, toks: list[Token], comma: int) -> Phrase | None:
        """ "Olena Marchenko, head of the regional administration, said"; "Fatima Abakar, a
        member of the Tawila Emergency Response Room, a volunteer group ..., told"."""
        end = comma
        description_end = comma - 1
        for _ in range(_APPOSITIONS):
            start = end - 1
            while start >= 0 and end - start <= _APPOSITION_WORDS:
                if toks[start].text == ",":
                    break
                if not toks[start].is_word and toks[start].text not in ("(", ")", "-", "&", "/"):
                    return None
                start -= 1
            else:
                return None
            if start < 0 or start + 1 >= end:
                return None
            segment = toks[start + 1 : end]
            if _is_age(segment):  # "Mohamed Yahya, 41, a trader ..., told"
                name = self.core_before(toks, start - 1)
                if name is not None and self.is_named(toks, name):
                    if description_end < comma - 1 or end < comma:
                        name.affiliation = (end + 1, description_end) if end < comma else None
                    return name
                return None
            person = self._titled_person(toks, start + 1, end)
            if person is not None and end == comma and start > 0:
                described = self.core_before(toks, start - 1)
                if described is not None and self._describes_role(toks, described):
                    # "the spokesperson of the operations, Captain Marc Kasereka, confirmed"
                    person.affiliation = (described.first, described.last)
                    return person
            aside = segment[0].lower in _ASIDES or not self._opens_description(toks, start + 1, end)
            name = self.core_before(toks, start - 1)
            if name is not None and (self.is_named(toks, name) or self.head(toks, name)):
                if not aside:
                    name.affiliation = (start + 1, description_end)
                return name
            if aside:
                description_end = start - 1
            end = start
        return None

    def _describes_role(self, toks: list[Token], phrase: Phrase) -> bool:
        """Whether a phrase names a role a person holds: "the state Commissioner for
        Internal Security", "the spokesperson of the operations"."""
        for token in toks[phrase.first : phrase.last + 1]:
            word = token.lower.rstrip(".")
            if word in self.words.titles or self.words.heads.get(word) in (
                ActorKind.OFFICIAL,
                ActorKind.PERSON,
            ):
                return True
        return False

    def _titled_person(self, toks: list[Token], first: int, end: int) -> Phrase | None:
        """A segment that is a person's name, with or without a title: "Captain Marc
        Kasereka", "Danladi Yakubu"."""
        segment = toks[first:end]
        if not 1 <= len(segment) <= PERSON_WORDS + 3:
            return None
        names = [t for t in segment if t.lower.rstrip(".") not in self.words.titles]
        if not names or not 2 <= len(names) <= PERSON_WORDS:
            return None
        if not all(is_capitalised(t) or t.lower in _PARTICLES for t in segment):
            return None
        if any(t.lower in self.words.common for t in names):
            return None
        return Phrase(first, end - 1)

    def _opens_description(self, toks: list[Token], first: int, end: int) -> bool:
        """Whether ``toks[first:end]`` describes a speaker: "head of ...", "a spokeswoman
        for ...", "Ukraine's military intelligence chief", "who heads ..."."""
        words = self.words
        lowered = [t.lower for t in toks[first:end]]
        if not lowered:
            return False
        if lowered[0] in ("a", "an", "the", "who", "its", "their", "his", "her", "one", "which"):
            return True
        return any(word.rstrip(".") in words.titles or word in words.heads for word in lowered[:6])

    def is_named(self, toks: list[Token], phrase: Phrase) -> bool:
        """Whether the phrase is a proper name: capitalised, and not only a common noun
        capitalised at the start of the sentence ("Residents said")."""
        last = toks[phrase.last]
        if not is_capitalised(last):
            return False
        capitals = [
            t
            for t in toks[phrase.first : phrase.last + 1]
            if is_capitalised(t) and t.lower not in DETERMINERS
        ]
        if len(capitals) > 1 or phrase.last > 0:
            return True
        return last.lower not in self.words.heads and last.lower not in self.words.unnamed

    def core_before(self, toks: list[Token], end: int) -> Phrase | None:
        """The noun phrase that ends at ``toks[end]``, read backwards; None when it has no
        head a speaker can have."""
        words = self.words
        index = end
        lower_words = 0
        while index >= 0 and end - index < _PHRASE_WORDS:
            token = toks[index]
            lower = token.lower
            if token.text == ")" and index < end and index >= 3 and toks[index - 2].text == "(":
                index -= 3  # "The Islamic State (IS) group": an acronym inside the name
                continue
            if not token.is_word:
                break
            if lower in NAME_JOINERS and index < end and self._joins_name(toks, index):
                index -= 1
                continue
            if lower in DETERMINERS:
                before = index - 1
                if before > 0 and toks[before].lower in _POSTMODIFIER_PREPOSITIONS:
                    inner = self.core_before(toks, before - 1)
                    if inner is not None and self._takes_postmodifier(toks, inner):
                        inner.affiliation = (before + 1, end)  # "a doctor at the hospital"
                        inner.last = end
                        return inner
                index -= 1
                break
            if lower in NAME_JOINERS and lower not in _POSTMODIFIER_PREPOSITIONS:
                break
            if lower in _PARTICLES and index < end and is_capitalised(toks[index + 1]):
                index -= 1
                continue
            if lower in _POSTMODIFIER_PREPOSITIONS or (
                lower in words.stops and not (is_capitalised(token) and index != 0)
            ):
                if lower in _POSTMODIFIER_PREPOSITIONS and index < end:
                    inner = self.core_before(toks, index - 1)
                    if inner is not None and self._takes_postmodifier(toks, inner):
                        inner.affiliation = (index + 1, end)
                        inner.last = end
                        return inner
                break
            if not is_capitalised(token) and not lower[0].isdigit():
                lower_words += 1
                if lower_words > _MODIFIERS:
                    break
            index -= 1
        first = index + 1
        while first <= end and toks[first].lower in NAME_JOINERS - {"the"}:
            first += 1
        if first > end:
            return None
        phrase = Phrase(first, end)
        return phrase if self._has_head(toks, phrase) else None

    @staticmethod
    def _joins_name(toks: list[Token], index: int) -> bool:
        """Whether the joiner at ``index`` stands inside a capitalised name, read backwards:
        "Office of the High Commissioner", "Doctors for Human Rights"."""
        if index == 0 or (not is_capitalised(toks[index + 1]) and toks[index + 1].lower != "the"):
            return False
        before = toks[index - 1]
        if toks[index].lower == "the":
            return before.lower in ("of", "for", "and")
        return is_capitalised(before) and before.is_word

    def _takes_postmodifier(self, toks: list[Token], phrase: Phrase) -> bool:
        """ "a doctor at the hospital", "officials in Kherson", "a spokesman for the army",
        "the Ministry of Health in Gaza", "the Humanitarian Research Lab at Yale"."""
        head = self.head(toks, phrase)
        if head is not None and head[1] in (
            ActorKind.OFFICIAL,
            ActorKind.PERSON,
            ActorKind.GOVERNMENT_BODY,
            ActorKind.MINISTRY,
        ):
            return True
        capitals = [t for t in toks[phrase.first : phrase.last + 1] if is_capitalised(t)]
        return head is not None and len(capitals) >= 2

    def phrase_after(self, toks: list[Token], start: int) -> Phrase | None:
        """The speaker's phrase that starts at ``toks[start]``: "the health ministry",
        "Amina Diallo, a spokeswoman for the army", "data from the UN"."""
        phrase = self._core_after(toks, start)
        if phrase is None:
            return None
        phrase = self._extend_after(toks, phrase)
        return self._named_holder(toks, phrase) or phrase

    def _named_holder(self, toks: list[Token], phrase: Phrase) -> Phrase | None:
        """The person a role phrase goes on to name: "the spokesperson of the operations,
        Captain Marc Kasereka", "the president of the civil society, Kambale Mumbere"."""
        if not self._describes_role(toks, phrase):
            return None
        comma = phrase.last + 1
        if comma < len(toks) and toks[comma].lower in _POSTMODIFIER_PREPOSITIONS:
            # "of the civil society of the Beni-Mbau sector": the role's own words
            while (
                comma < len(toks)
                and comma - phrase.last <= _APPOSITION_WORDS
                and (toks[comma].is_word or toks[comma].text in ("-", "'"))
            ):
                comma += 1
        if comma + 2 >= len(toks) or toks[comma].text != ",":
            return None
        end = comma + 1
        while end < len(toks) and toks[end].is_word and end - comma <= PERSON_WORDS + 3:
            end += 1
        person = self._titled_person(toks, comma + 1, end)
        if person is None:
            return None
        person.affiliation = (phrase.first, comma - 1)
        return person

    def _core_after(self, toks: list[Token], start: int) -> Phrase | None:
        """The name or noun phrase at ``toks[start]``, up to where it ends."""
        words = self.words
        index = start
        while index < len(toks) and toks[index].lower in DETERMINERS:
            index += 1
        first = index
        lower_words = 0
        last = None
        while index < len(toks) and index - first < _PHRASE_WORDS:
            token = toks[index]
            lower = token.lower
            if not token.is_word:
                break
            if lower in NAME_JOINERS and last is not None:
                following = toks[index + 1] if index + 1 < len(toks) else None
                if following is not None and (
                    is_capitalised(following) or following.lower in NAME_JOINERS
                ):
                    index += 1
                    continue
                break
            if lower in words.stops and not is_capitalised(token):
                break
            if is_capitalised(token) or lower[0].isdigit():
                last = index
            elif (
                last is not None
                and is_capitalised(toks[last])
                and lower not in words.heads
                and not self.head_at(toks, first, index)
            ):
                break  # "the Ministry of Defence read on television": the name has ended
            else:
                lower_words += 1
                if lower_words > _MODIFIERS + 1:
                    break
                last = index
                if self.head_at(toks, first, index) is not None and not self._continues(
                    toks, index + 1
                ):
                    break
            index += 1
        if last is None:
            return None
        phrase = Phrase(start, last)
        self._trim_trailing(toks, phrase)
        return phrase if self._has_head(toks, phrase) else None

    def _extend_after(self, toks: list[Token], phrase: Phrase) -> Phrase:
        """A phrase with what follows it: a list it opens ("the UN and local
        authorities"), a postmodifier ("a spokeswoman for the army"), an apposition."""
        after = phrase.last + 1
        if after + 1 < len(toks) and toks[after].lower in ("and", "&"):
            other = self.phrase_after(toks, after + 1)
            if other is not None and other.affiliation is None:
                phrase.last = other.last  # "according to the UN and local authorities"
                return phrase
        if after + 1 < len(toks) and toks[after].text == "," and self._lists_on(toks, after):
            other = self.phrase_after(toks, after + 1)
            if other is not None and other.affiliation is None:
                phrase.last = other.last  # "according to U.S., South Korean and Ukrainian"
                return phrase
        tail = (
            self.phrase_after(toks, after + 1)
            if after < len(toks)
            and toks[after].lower in _POSTMODIFIER_PREPOSITIONS
            and (self._takes_postmodifier(toks, phrase) or self._is_document(toks, phrase))
            and not self._says_when(toks, after + 1)
            else None
        )
        if tail is not None:
            if self._is_document(toks, phrase):
                return tail  # "data from the UN", "a statement by the army"
            phrase.affiliation = (after + 1, tail.last)
            phrase.last = tail.last
            return phrase
        if (
            after + 1 < len(toks)
            and toks[after].text == ","
            and self.is_named(toks, phrase)
            and self._opens_description(toks, after + 1, min(len(toks), after + 8))
        ):
            end = after + 1
            while (
                end < len(toks)
                and toks[end].text not in (",", ".", ";", '"')
                and (end - after <= _APPOSITION_WORDS)
            ):
                end += 1
            phrase.affiliation = (after + 1, end - 1)
        return phrase

    def _says_when(self, toks: list[Token], index: int) -> bool:
        """Whether the words at ``index`` say when ("on Monday", "last week"), not who."""
        for token in toks[index : index + 3]:
            if token.lower in self.words.when:
                return True
            if token.lower not in DETERMINERS and token.lower not in ("last", "this", "late"):
                return False
        return False

    @staticmethod
    def _lists_on(toks: list[Token], comma: int) -> bool:
        """Whether a comma joins names into a list that an "and" closes within a few
        words: "U.S., South Korean and Ukrainian intelligence"."""
        for token in toks[comma + 1 : comma + 8]:
            if token.lower in ("and", "&"):
                return True
            if not token.is_word and token.text != ",":
                return False
            if token.is_word and not is_capitalised(token) and token.lower not in ("the",):
                return False
        return False

    def _is_document(self, toks: list[Token], phrase: Phrase) -> bool:
        """Whether the phrase names a document, not its author: "a statement", "data", "the
        UN report" (the author follows: "a statement by the army")."""
        text = " ".join(t.lower for t in toks[phrase.first : phrase.last + 1])
        return self.words.document_nouns.fullmatch(text.split(" ", 1)[-1]) is not None or (
            self.words.document_nouns.fullmatch(toks[phrase.last].lower) is not None
        )

    def _continues(self, toks: list[Token], index: int) -> bool:
        """Whether the word at ``index`` still belongs to a phrase whose head was just read
        ("health ministry officials", "Air Force Command")."""
        if index >= len(toks) or not toks[index].is_word:
            return False
        token = toks[index]
        return token.lower in self.words.heads or is_capitalised(token)

    def _trim_trailing(self, toks: list[Token], phrase: Phrase) -> None:
        """Drop the joining words ("of", "and") a phrase would end on."""
        while phrase.last > phrase.first and toks[phrase.last].lower in NAME_JOINERS:
            phrase.last -= 1

    def head_at(self, toks: list[Token], first: int, last: int) -> ActorKind | None:
        """The kind the head noun ending at ``toks[last]`` makes, read no further back than
        ``toks[first]``; unlike :meth:`head`, a trailing apostrophe stays ("medics'")."""
        for size in range(min(self.words.head_length, last - first + 1), 0, -1):
            words = " ".join(t.lower.removesuffix("'s") for t in toks[last - size + 1 : last + 1])
            kind = self.words.heads.get(words)
            if kind is not None:
                return kind
        return None

    def head(self, toks: list[Token], phrase: Phrase) -> tuple[int, ActorKind] | None:
        """The head noun's length in words and the kind it makes."""
        for size in range(min(self.words.head_length, phrase.last - phrase.first + 1), 0, -1):
            words = " ".join(
                t.lower.removesuffix("'s").rstrip("'")
                for t in toks[phrase.last - size + 1 : phrase.last + 1]
            )
            kind = self.words.heads.get(words)
            if kind is not None:
                return size, kind
        return None

    def _has_head(self, toks: list[Token], phrase: Phrase) -> bool:
        """Whether the phrase ends in a word a speaker can end in: a pronoun, a document
        that speaks for its author ("the statement"), a document after a name ("an AFP
        tally"), a head noun, or a capitalised word that is no figure."""
        last = toks[phrase.last]
        if last.lower in self.words.pronouns or last.lower in self.words.document_heads:
            return True
        if self.words.document_nouns.fullmatch(last.lower) and any(
            is_capitalised(t) for t in toks[phrase.first : phrase.last]
        ):
            return True  # "an AFP tally", "Ukrainian intelligence reports"
        if self.head(toks, phrase) is not None:
            return True
        return is_capitalised(last) and not last.lower[0].isdigit()


def _is_age(segment: Sequence[Token]) -> bool:
    """ "41" in "Mohamed Yahya, 41, a trader": a bare age between commas."""
    return len(segment) == 1 and segment[0].text.isdigit() and len(segment[0].text) <= 3
