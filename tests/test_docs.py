"""The documentation keeps up with the code: docs/model.md names every field and value."""

from __future__ import annotations

import enum
import re
from pathlib import Path

import attrs
import pytest

from osint_claims import Lexicon, model

DOCS = Path(__file__).resolve().parent.parent / "docs"
MODEL_PAGE = DOCS / "model.md"

_CLASSES = [getattr(model, name) for name in model.__all__]
_ATTRS_CLASSES = [cls for cls in _CLASSES if attrs.has(cls)]
_ENUMS = [cls for cls in _CLASSES if isinstance(cls, type) and issubclass(cls, enum.Enum)]


def _sections() -> dict[str, str]:
    text = MODEL_PAGE.read_text(encoding="utf-8")
    parts = re.split(r"^## (.+)$", text, flags=re.MULTILINE)
    return {title.strip(): body for title, body in zip(parts[1::2], parts[2::2], strict=True)}


def _table_fields(section: str) -> list[str]:
    return re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)


@pytest.mark.parametrize("cls", _ATTRS_CLASSES, ids=lambda cls: cls.__name__)
def test_model_page_has_a_table_of_every_field(cls: type) -> None:
    sections = _sections()
    assert cls.__name__ in sections, f"docs/model.md has no '## {cls.__name__}' section"
    fields = [field.name for field in attrs.fields(cls)]
    assert _table_fields(sections[cls.__name__]) == fields


@pytest.mark.parametrize("cls", _ENUMS, ids=lambda cls: cls.__name__)
def test_model_page_lists_every_enum_value(cls: type[enum.Enum]) -> None:
    listing = _sections()["Enumerations"]
    found = re.search(rf"^- `{cls.__name__}`[^\n]*(?:\n  [^\n]*)*", listing, flags=re.MULTILINE)
    assert found is not None, f"docs/model.md does not list {cls.__name__}"
    assert re.findall(r"`([a-z_0-9]+)`", found.group(0)) == [m.value for m in cls]


def test_quickstart_links_the_other_pages() -> None:
    text = (DOCS / "quickstart.md").read_text(encoding="utf-8")
    for page in re.findall(r"\]\(([a-z_]+\.md)\)", text):
        if page != "compare.md":  # written with the comparison module
            assert (DOCS / page).exists(), page


def test_model_page_names_every_predicate_of_the_event_vocabulary() -> None:
    section = _sections()["Predicate"]
    named = re.findall(r"`([a-z_]+)`", section.split("\n| `key` |", 1)[1].split("\n", 1)[0])
    keys = list(Lexicon.default().tables["events"]["predicates"])
    assert [key for key in keys if key not in named] == []
    assert "other" in named
