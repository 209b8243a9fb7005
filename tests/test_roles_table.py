"""Roles against the analyst-readable table ``tests/cases/roles.txt``: the victims' side,
owner or sender as ``subject``, the doer as ``agent``."""

from __future__ import annotations

import pytest

from claim_checks import check_sentence
from tables import Case, read_table

CASES = read_table("roles.txt")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_roles_table(case: Case) -> None:
    check_sentence(case)
