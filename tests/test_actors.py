"""The actor registry: resolution, mentions, extension and malformed files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osint_claims import Actor, ActorKind, ActorRegistry, LexiconError

TABLE = Path(__file__).parent / "cases" / "actors.txt"
ROWS = [
    tuple(part.strip() for part in line.rsplit("|", 1))
    for line in TABLE.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.mark.parametrize(("name", "expected"), ROWS)
def test_resolve_table(name: str, expected: str) -> None:
    actor = ActorRegistry.default().resolve(name)
    assert (actor.id if actor else "none") == expected


def test_every_parent_names_an_actor_and_every_seed_actor_is_known() -> None:
    registry = ActorRegistry.default()
    for actor in registry:
        assert actor.parent is None or actor.parent in registry
    budanov = registry.get("kyrylo-budanov")
    assert budanov is not None
    assert [a.id for a in registry.lineage(budanov)] == [
        "kyrylo-budanov",
        "ua-hur",
        "ua",
    ]


def test_find_all_offsets_refer_to_the_original_text() -> None:
    text = "South Korea’s Joint Chiefs of Staff (JCS) said; tell us, AP and the U.S. agreed."
    found = [(text[s.start : s.end], a.id) for s, a in ActorRegistry.default().find_all(text)]
    assert found == [
        ("South Korea’s Joint Chiefs of Staff", "kr-jcs"),
        ("JCS", "kr-jcs"),
        ("AP", "ap"),
        ("U.S.", "us"),
    ]


def test_extension_adds_and_replaces(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[actor]]\nid = "wagner"\nname = "Wagner Group"\nkind = "armed_group"\n'
        'aliases = ["Wagner"]\n\n[[actor]]\nid = "kp"\nname = "DPRK"\nkind = "state"\n',
        encoding="utf-8",
    )
    registry = ActorRegistry.default().extended(path)
    wagner, replaced = registry.resolve("Wagner"), registry.get("kp")
    original = ActorRegistry.default().get("kp")
    assert wagner is not None and wagner.id == "wagner"
    assert replaced is not None and replaced.name == "DPRK"
    assert original is not None and original.name == "North Korea"  # the default is untouched


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        ('[[actor]]\nid = "x"\nname = = "X"\n', "invalid TOML", 3),
        ('[[actor]]\nid = "x"\nname = "X"\nkind = "wizard"\n', "unknown kind", 2),
        ('[[actor]]\nid = "x"\nname = "X"\n\n[[actor]]\nid = "x"\nname = "Y"\n', "duplicate id", 2),
        ('[[actor]]\nid = "x"\n', "needs a non-empty 'name'", 2),
        ('[[actor]]\nid = "x"\nname = "X"\ncolour = "red"\n', "unknown field", 2),
    ],
)
def test_malformed_registry_names_file_and_line(
    tmp_path: Path, content: str, message: str, line: int
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as caught:
        ActorRegistry.from_file(path)
    assert caught.value.source == str(path)
    assert caught.value.line == line


def test_an_extension_whose_parent_is_unknown_is_rejected() -> None:
    orphan = Actor("x", "X", ActorKind.OFFICIAL, parent="nowhere")
    with pytest.raises(LexiconError, match="names no actor"):
        ActorRegistry.default().extended(orphan)


@given(st.text(max_size=200))
def test_find_all_never_raises_and_spans_resolve(text: str) -> None:
    registry = ActorRegistry.default()
    for span, actor in registry.find_all(text):
        assert 0 <= span.start < span.end <= len(text)
        assert registry.resolve(text[span.start : span.end]) == actor


@given(st.sampled_from([a for a in ActorRegistry.default() if not a.name.isupper()]))
def test_resolve_ignores_case_and_spaces(actor: Actor) -> None:
    registry = ActorRegistry.default()
    assert registry.resolve(f"  {actor.name.upper()} ") == actor
