"""Page layout against the analyst-readable table ``tests/cases/layout.txt``: bylines,
datelines and photo credits go to the article's Source and Dateline, never to its claims,
and never take the headline's place."""

from __future__ import annotations

import pytest

from claim_checks import PUBLISHED, check_claims, page_shows, wanted
from osint_claims import extract_claims, read_article
from tables import Case, read_table

CASES = read_table("layout.txt")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_layout_table(case: Case) -> None:
    page, *claims = case.expected
    article = read_article(case.text, published=PUBLISHED)
    for key, value in page.items():
        shown = page_shows(article, key)
        assert shown == wanted(key, value), f"line {case.line}: {key} is {shown!r}"
    check_claims(case, extract_claims(article), tuple(claims))
