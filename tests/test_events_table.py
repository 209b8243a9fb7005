"""Events against the analyst-readable table ``tests/cases/events.txt``: each predicate key
in its verb, state and noun forms, lists, compound names and ``other``."""

from __future__ import annotations

import pytest

from claim_checks import check_sentence
from tables import Case, read_table

CASES = read_table("events.txt")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_events_table(case: Case) -> None:
    check_sentence(case)
