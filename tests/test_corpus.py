"""extract_many: the same results in a process pool as in this process, failures reported,
input consumed lazily; and the minimal document reading it relies on."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from osint_claims import (
    Actor,
    ActorKind,
    ActorRegistry,
    DocumentError,
    DocumentResult,
    InvalidInputError,
    extract_claims,
    extract_many,
    iter_claims,
    read_article,
)
from osint_claims.corpus import CHUNKS_PER_WORKER
from osint_claims.documents import read_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PUBLISHED = date(2025, 3, 27)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    """Seed files, texts, an Article and broken files, mixed."""
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 3,000 troops")
    (folder / "latin1.txt").write_bytes("Kyiv said 40 drones fell in Dnipró.".encode("latin-1"))
    seeds = sorted(SEEDS.glob("*.txt"))
    return [
        *seeds,
        folder / "empty.txt",
        "Kyiv said 40 drones were shot down overnight.",
        folder / "missing.txt",
        read_article("Seoul said 3,000 troops were sent to Russia.", published=PUBLISHED),
        folder / "binary.txt",
        b"not a document",
        folder / "latin1.txt",
        *seeds,
    ]


def test_in_process_results(corpus: list[Any]) -> None:
    results = list(extract_many(corpus, published=PUBLISHED))
    assert [r.index for r in results] == list(range(len(corpus)))
    failed = {r.document.rsplit("/", 1)[-1]: r.reason for r in results if not r.ok}
    assert failed == {
        "empty.txt": "empty file",
        "missing.txt": "no such file or directory",
        "binary.txt": "binary file (NUL byte at offset 0)",
        "<bytes 10>": "expected a path, a str of text or an Article, got bytes",
        "latin1.txt": failed["latin1.txt"],
    }
    assert str(failed["latin1.txt"]).startswith("not UTF-8 text")
    assert all(r.claims == () for r in results if not r.ok)
    # The rest were read, exactly as one document at a time would be.
    first = results[0]
    assert first.document == str(corpus[0])
    assert list(first.claims) == extract_claims(
        read_document(SEEDS / first.document.rsplit("/", 1)[-1]), published=PUBLISHED
    )
    assert results[6].document == "<text 6>" and len(results[6].claims) == 1
    assert results[8].document == "<article 8>" and len(results[8].claims) == 1
    assert sum(len(r.claims) for r in results) > 40


def test_pool_matches_in_process(corpus: list[Any]) -> None:
    alone = list(extract_many(corpus, published=PUBLISHED))
    ordered = list(extract_many(corpus, workers=2, chunk_size=2, published=PUBLISHED))
    assert ordered == alone
    unordered = list(
        extract_many(corpus, workers=2, chunk_size=1, ordered=False, published=PUBLISHED)
    )
    assert sorted(unordered, key=lambda r: r.index) == alone


def test_pool_with_own_registry() -> None:
    wagner = Actor("wagner", "Wagner Group", ActorKind.ARMED_GROUP, "RU", ["Wagner"])
    registry = ActorRegistry.default().extended(wagner)
    texts = ["Wagner sent 500 fighters to Mali."] * 3
    results = list(extract_many(texts, workers=2, registry=registry))
    assert [r.claims[0].subject for r in results] == [wagner] * 3


def counting(consumed: list[int]) -> Iterator[str]:
    """An endless corpus that notes how many documents have been taken from it."""
    for number in itertools.count(1):
        consumed[0] = number
        yield f"Kyiv said {number} drones were shot down."


@pytest.mark.parametrize("workers", [None, 2])
def test_input_is_consumed_lazily(workers: int | None) -> None:
    consumed = [0]
    chunk_size = 2
    results = extract_many(counting(consumed), workers=workers, chunk_size=chunk_size)
    assert consumed == [0]  # nothing is read before the first result is asked for
    taken = list(itertools.islice(results, 25))
    assert [r.claims[0].quantity.value for r in taken] == list(range(1, 26))
    window = 1 if workers is None else (CHUNKS_PER_WORKER * workers + 1) * chunk_size
    assert 25 <= consumed[0] <= 25 + window
    more = list(itertools.islice(results, 200))
    assert len(more) == 200
    assert 225 <= consumed[0] <= 225 + window  # the window does not grow
    results.close()  # type: ignore[attr-defined]  # stops the pool


def test_iter_claims() -> None:
    texts = ["Kyiv said 40 drones were shot down.", "Seoul said 3,000 troops were sent."]
    claims = list(iter_claims(extract_many(texts)))
    assert [str(c.quantity.value) for c in claims] == ["40", "3000"]
    results = [*extract_many(texts), DocumentResult(2, "gone.txt", reason="no such file")]
    assert len(list(iter_claims(results, skip_failures=True))) == 2
    with pytest.raises(DocumentError, match=r"^gone\.txt: no such file$") as raised:
        list(iter_claims(results))
    assert raised.value.document == "gone.txt" and raised.value.reason == "no such file"


def test_bad_arguments() -> None:
    with pytest.raises(InvalidInputError, match="workers must be"):
        extract_many([], workers=0)
    with pytest.raises(InvalidInputError, match="chunk_size must be"):
        extract_many([], chunk_size=0)
    with pytest.raises(InvalidInputError, match="iterable of documents"):
        extract_many("Kyiv said 40 drones were shot down.")
