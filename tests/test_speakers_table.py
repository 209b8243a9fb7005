"""Speakers against the analyst-readable table ``tests/cases/speakers.txt``: every frame of
attribution, appositions, pronouns, unregistered speakers and page-level context."""

from __future__ import annotations

import pytest

from claim_checks import check_sentence
from tables import Case, read_table

CASES = read_table("speakers.txt")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_speakers_table(case: Case) -> None:
    check_sentence(case)
