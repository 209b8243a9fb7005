"""osint_claims.dask on Dask's local schedulers: the same claims as extract_many, failures
kept apart, data frames whose partitions have exactly the dtypes of their meta."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import dask
import dask.bag as db
import pandas as pd
import pytest
from dask.base import compute

import osint_claims.dask as ocd
from osint_claims import (
    RECORD_FIELDS,
    DocumentError,
    DocumentResult,
    MissingDependencyError,
    extract_many,
    to_record,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PUBLISHED = date(2025, 3, 27)


@pytest.fixture(params=["sync", "threads"])
def scheduler(request: pytest.FixtureRequest) -> Iterator[str]:
    with dask.config.set(scheduler=request.param):
        yield str(request.param)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two short seed articles, one empty file and one binary file."""
    folder = tmp_path_factory.mktemp("corpus")
    for seed in sorted(SEEDS.glob("00[14]_*.txt")):
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "zz-binary.txt").write_bytes(b"\x00\x00")
    return folder


@pytest.fixture(scope="module")
def corpus(folder: Path) -> list[Any]:
    return [
        *sorted(folder.glob("*.txt")),
        "Kyiv said 40 drones were shot down.",
        b"not a document",
        "Seoul said 3,000 troops were sent to Russia.",
    ]


@pytest.fixture(scope="module")
def expected(corpus: list[Any]) -> list[DocumentResult]:
    """What extract_many makes of the corpus, in this process."""
    return list(extract_many(corpus, published=PUBLISHED))


def test_bag_matches_extract_many(
    corpus: list[Any], expected: list[DocumentResult], scheduler: str
) -> None:
    results = ocd.results_bag(corpus, published=PUBLISHED, partition_size=3).compute()
    assert results == expected
    claims = ocd.claims_bag(corpus, published=PUBLISHED, partition_size=3).compute()
    assert claims == [claim for result in expected for claim in result.claims]
    assert len(claims) > 10


def test_glob_reads_whole_files(folder: Path, scheduler: str) -> None:
    results = ocd.results_bag(str(folder / "*.txt"), published=PUBLISHED).compute()
    assert [Path(r.document).name for r in results] == sorted(p.name for p in folder.iterdir())
    assert {Path(r.document).name: r.reason for r in results if not r.ok} == {
        "empty.txt": "empty file",
        "zz-binary.txt": "binary file (NUL byte at offset 0)",
    }
    assert results == list(extract_many(sorted(folder.glob("*.txt")), published=PUBLISHED))


def test_glob_without_files(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no file matches"):
        ocd.results_bag(str(tmp_path / "*.txt"))


def test_bag_of_documents(scheduler: str) -> None:
    texts = ["Kyiv said 40 drones were shot down.", 3, "Seoul said 3,000 troops were sent."]
    bag = db.from_sequence(texts, npartitions=2)
    results = ocd.results_bag(bag).compute()
    assert [(r.index, r.document, len(r.claims), r.ok) for r in results] == [
        (0, "<text 0:0>", 1, True),
        (1, "<int 0:1>", 0, False),
        (0, "<text 1:0>", 1, True),
    ]
    # Results given back are passed through, not read again.
    assert ocd.results_bag(ocd.results_bag(bag)).compute() == results


def test_dataframe_dtypes_match_meta(
    corpus: list[Any], expected: list[DocumentResult], scheduler: str
) -> None:
    # One document per partition: some partitions hold no claims, only a failure.
    frame = ocd.claims_dataframe(corpus, published=PUBLISHED, partition_size=1)
    assert tuple(frame.columns) == ocd.CLAIM_COLUMNS == ("document", *RECORD_FIELDS)
    partitions = compute(*frame.to_delayed())
    assert any(len(part) == 0 for part in partitions)
    for part in partitions:
        assert part.dtypes.to_dict() == frame.dtypes.to_dict()
    assert frame.dtypes["cumulative"] == "boolean" and frame.dtypes["derived"] == "bool"
    assert frame.dtypes["evidence_start"] == "int64" and frame.dtypes["value"] == "string"
    computed = frame.compute()
    records = [{"document": r.document, **to_record(c)} for r in expected for c in r.claims]
    rows = computed.astype(object).where(computed.notna(), None).to_dict("records")
    assert rows == records

    failures = ocd.failures_dataframe(corpus, partition_size=1)
    for part in compute(*failures.to_delayed()):
        assert part.dtypes.to_dict() == failures.dtypes.to_dict()
    assert failures.compute()["reason"].tolist() == [
        "empty file",
        "binary file (NUL byte at offset 0)",
        "expected a path, a str of text or an Article, got bytes",
    ]


def test_to_parquet(
    corpus: list[Any], expected: list[DocumentResult], tmp_path: Path, scheduler: str
) -> None:
    written = ocd.to_parquet(corpus, tmp_path / "out", published=PUBLISHED, partition_size=4)
    claims = pd.read_parquet(tmp_path / "out" / "claims")
    failures = pd.read_parquet(tmp_path / "out" / "failures")
    assert written == ocd.Written(documents=len(corpus), claims=len(claims), failures=3)
    assert len(failures) == 3 and list(failures.columns) == list(ocd.FAILURE_COLUMNS)
    assert claims.dtypes.to_dict() == ocd.claims_dataframe([]).dtypes.to_dict()
    assert len(claims) == sum(len(r.claims) for r in expected)


def test_to_jsonl(
    corpus: list[Any], expected: list[DocumentResult], tmp_path: Path, scheduler: str
) -> None:
    written = ocd.to_jsonl(corpus, tmp_path / "out", published=PUBLISHED, partition_size=4)
    lines = [
        json.loads(line)
        for path in sorted((tmp_path / "out" / "claims").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    records = [{"document": r.document, **to_record(c)} for r in expected for c in r.claims]
    assert lines == records
    assert written == ocd.Written(documents=len(corpus), claims=len(records), failures=3)


def test_missing_dask_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask", None)  # makes "import dask" fail
    monkeypatch.delitem(sys.modules, "osint_claims.dask")
    with pytest.raises(MissingDependencyError, match=r"pip install osint_claims\[dask\]"):
        importlib.import_module("osint_claims.dask")
