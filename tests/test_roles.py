"""The role reader's words come from the lexicon's ``roles`` tables (data/en/roles.toml):
a word added to one through ``Lexicon.extended`` changes what the reader reads."""

from __future__ import annotations

import pytest

from osint_claims import Lexicon, LexiconError
from osint_claims.quantities import extract_quantities
from osint_claims.roles import RoleReader

# One case a line: the word added to a roles table | the sentence | its predicate key |
# subject,agent with the shipped lexicon | subject,agent with the word added ("-": none).
EXTENDED = [
    "attack_nouns.words=blitz | 40 people were killed in a Russian blitz. | killed | ru,- | -,ru",
    "losses.verbs=forfeited | Russia has forfeited 1,270 soldiers. | killed | -,ru | ru,-",
    "combatants.words=sappers | Russia has lost 1,270 sappers. | killed | -,- | ru,-",
    "fighters.words=cadres | Israel killed 12 cadres, Hamas said. | killed | -,il | hamas,il",
    "locatives.prepositions=amid | Shelling amid Russia killed 12 people. | killed | -,ru | ru,-",
    "recipients.before=upon | Strikes upon Russia killed 12 people. | killed | -,ru | -,-",
    "recipients.before_doer=beside | Beside Russia, Belarus sent 300 men. | sent | ru,ru | by,by",
]


def _roles(lexicon: Lexicon, text: str, key: str, verb: str | None = None) -> str:
    """The ``subject,agent`` read for the first figure of ``text``."""
    reader = RoleReader(lexicon=lexicon)
    quantity = extract_quantities(text, lexicon=lexicon)[0]
    mentions = reader.registry.find_all(text)
    roles = reader.read(text, quantity, key, mentions=mentions, verb=verb)
    return ",".join("-" if actor is None else actor.id for actor in (roles.subject, roles.agent))


@pytest.mark.parametrize("row", EXTENDED, ids=[row.split(" | ")[0] for row in EXTENDED])
def test_a_word_added_to_a_roles_table_is_read(row: str) -> None:
    added, text, key, shipped, extended = row.split(" | ")
    path, word = added.split("=")
    table, entry = path.split(".")
    assert _roles(Lexicon.default(), text, key) == shipped
    lexicon = Lexicon.default().extended({"roles": {table: {entry: [word]}}})
    assert _roles(lexicon, text, key) == extended


def test_a_loss_event_word_added_makes_the_loser_no_agent() -> None:
    text = "Russia has forfeited 1,270 soldiers."
    lexicon = Lexicon.default().extended({"roles": {"losses": {"event_words": ["forfeited"]}}})
    assert _roles(Lexicon.default(), text, "killed", verb="forfeited") == "-,ru"
    assert _roles(lexicon, text, "killed", verb="forfeited") == "-,-"


def test_a_malformed_roles_table_is_refused_with_its_path() -> None:
    with pytest.raises(LexiconError, match=r"roles\.rulers\.words: expected a list"):
        Lexicon.default().extended({"roles": {"rulers": {"words": "junta"}}})
    with pytest.raises(LexiconError, match=r"roles\.rulers\.heads: unknown entry"):
        Lexicon.default().extended({"roles": {"rulers": {"heads": ["junta"]}}})
