"""Figures that are no claims (durations, ages, counts of informants) against the table
``tests/cases/not_claims.txt``: each line lists every claim its page does give."""

from __future__ import annotations

import pytest

from claim_checks import check_sentence
from tables import Case, read_table

CASES = read_table("not_claims.txt")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_not_claims_table(case: Case) -> None:
    check_sentence(case)
