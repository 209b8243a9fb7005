"""Claims from corpora on Dask: a bag of claims, a data frame of flat records, Parquet.

Import it explicitly (``import osint_claims.dask``); it needs the ``dask`` extra
(``pip install 'osint_claims[dask]'``), and says so with a
:class:`~osint_claims.errors.MissingDependencyError` when Dask is missing.

Every function takes the documents as one of:

- a glob pattern (``"corpus/**/*.txt"``), expanded here, each file one whole document; the
  files must be readable at the same path by every worker (on a cluster, a shared disk);
- a sequence of documents as :func:`osint_claims.extract_many` reads them (``Path`` objects
  are files, ``str`` are texts, :class:`~osint_claims.Article` objects are read already);
- a :class:`dask.bag.Bag` of documents, or of :class:`~osint_claims.DocumentResult` from
  :func:`results_bag` (these are passed through, not read again).

Failures never stop the job: a document that cannot be read becomes a result with a
``reason`` (:func:`results_bag`), a row of :func:`failures_dataframe`, and a file under
``failures/`` from :func:`to_parquet` and :func:`to_jsonl`; :func:`claims_bag` and
:func:`claims_dataframe` hold only the claims of documents that were read.

Nothing here picks a scheduler: the code runs wherever Dask runs it. Dask's defaults are
a pool of processes for bags and threads for data frames (one core at a time: reading is
pure Python); ``distributed.LocalCluster(threads_per_worker=1)`` uses every core here,
and on a cluster, connect first with ``distributed.Client("tcp://scheduler:8786")`` and
the same calls run there. Each worker process builds its claim reader once, on its first task.

>>> import dask
>>> texts = ["Seoul said 3,000 troops were sent to Russia.", "Kyiv said 40 drones fell."]
>>> with dask.config.set(scheduler="sync"):
...     [str(claim.quantity.value) for claim in claims_bag(texts).compute()]
...     frame = claims_dataframe(texts).compute()
['3000', '40']
>>> frame[["document", "value", "predicate", "originator"]].values.tolist()
[['<text 0>', '3000', 'sent', 'kr'], ['<text 1>', '40', 'launched', 'ua']]
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Final, TypeAlias

import attrs

from .actors import ActorRegistry
from .corpus import Document, DocumentResult, _read_one, _Setup
from .errors import DocumentError, MissingDependencyError
from .export import RECORD_FIELDS, Record, to_record
from .lexicon import Lexicon
from .model import Claim

try:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
    from dask.base import compute
    from dask.delayed import Delayed, delayed
except ImportError as missing:
    raise MissingDependencyError("osint_claims.dask", missing.name or "dask", "dask") from missing

__all__ = [
    "CLAIM_COLUMNS",
    "FAILURE_COLUMNS",
    "Written",
    "claims_bag",
    "claims_dataframe",
    "failures_dataframe",
    "results_bag",
    "to_jsonl",
    "to_parquet",
]

Documents: TypeAlias = "str | Sequence[Document] | db.Bag"
"""A glob pattern, a sequence of documents, or a bag of documents or results."""

CLAIM_COLUMNS: Final[tuple[str, ...]] = ("document", *RECORD_FIELDS)
"""Columns of :func:`claims_dataframe`: the document's name, then the flat record."""

FAILURE_COLUMNS: Final[tuple[str, ...]] = ("index", "document", "reason")
"""Columns of :func:`failures_dataframe`."""

# Fields of a record that are not nullable strings. Strings use pandas' nullable "string"
# dtype so that a missing value is <NA> and a column keeps one dtype in every partition,
# empty or not.
_BOOLEAN: Final = frozenset({"approximate", "derived"})
_NULLABLE_BOOLEAN: Final = frozenset({"cumulative"})
_INTEGER: Final = frozenset({"evidence_start", "evidence_end", "index"})


def _dtype(column: str) -> str:
    if column in _BOOLEAN:
        return "bool"
    if column in _NULLABLE_BOOLEAN:
        return "boolean"
    if column in _INTEGER:
        return "int64"
    return "string"


def _frame(rows: Sequence[Record], columns: tuple[str, ...]) -> pd.DataFrame:
    """Rows as a frame with exactly the columns and dtypes of the meta, even when empty."""
    return pd.DataFrame(
        {
            column: pd.Series([row[column] for row in rows], dtype=_dtype(column))
            for column in columns
        }
    )


def _claim_rows(results: Iterable[DocumentResult]) -> pd.DataFrame:
    rows = [
        {"document": result.document, **to_record(claim)}
        for result in results
        for claim in result.claims
    ]
    return _frame(rows, CLAIM_COLUMNS)


def _failure_rows(results: Iterable[DocumentResult]) -> pd.DataFrame:
    rows: list[Record] = [
        {"index": result.index, "document": result.document, "reason": result.reason}
        for result in results
        if not result.ok
    ]
    return _frame(rows, FAILURE_COLUMNS)


def _counts(results: Iterable[DocumentResult]) -> pd.DataFrame:
    results = list(results)
    return pd.DataFrame(
        {
            "documents": [len(results)],
            "claims": [sum(len(r.claims) for r in results)],
            "failures": [sum(not r.ok for r in results)],
        },
        dtype="int64",
    )


def _read_partition(
    items: Iterable[Any], setup: _Setup, partition: int | None = None
) -> list[DocumentResult]:
    """Results of one partition: of ``(index, document)`` pairs when ``partition`` is None,
    else of bare documents numbered within the partition."""
    reader = setup.reader()
    results = []
    for position, item in enumerate(items):
        if isinstance(item, DocumentResult):
            results.append(item)
            continue
        if partition is None:
            index, document = item
            results.append(_read_one(index, document, reader, setup.published))
        else:
            result = _read_one(position, item, reader, setup.published)
            if not isinstance(item, os.PathLike):
                # "<text 3>" would repeat in every partition: say which one.
                kind = result.document[1:].split(" ", 1)[0]
                result = attrs.evolve(result, document=f"<{kind} {partition}:{position}>")
            results.append(result)
    return results


def _partition_size(count: int) -> int:
    """About 100 documents a task (a task costs the scheduler some milliseconds; 100
    documents take about a second to read); fewer for small corpora, to make at least 16
    tasks, and more past 100,000 documents, to make at most 1,000.

    >>> _partition_size(400), _partition_size(20_000), _partition_size(1_000_000)
    (25, 100, 1000)
    """
    return max(1, -(-count // 1000), min(100, -(-count // 16)))


def results_bag(
    documents: Documents,
    *,
    published: date | None = None,
    registry: ActorRegistry | None = None,
    lexicon: Lexicon | None = None,
    partition_size: int | None = None,
) -> db.Bag:
    """A bag of :class:`~osint_claims.DocumentResult`, one per document (see the module).

    ``index`` is the document's position in a glob's sorted files or in the sequence; for
    a bag given by the caller it is the position within its partition, and documents
    without a path are named ``<text PARTITION:POSITION>``. ``partition_size`` is the
    number of documents per task (by default about 100).

    >>> import dask
    >>> with dask.config.set(scheduler="sync"):
    ...     [(r.document, r.reason) for r in results_bag(["", 7]).compute()]
    [('<text 0>', None), ('<int 1>', 'expected a path, a str of text or an Article, got int')]
    """
    setup = delayed(_Setup.of(published, registry, lexicon), pure=True)
    if isinstance(documents, db.Bag):
        parts = documents.to_delayed()
        read: db.Bag = db.from_delayed(
            [delayed(_read_partition)(part, setup, number) for number, part in enumerate(parts)]
        )
        return read
    if isinstance(documents, str):
        paths = sorted(glob.glob(documents, recursive=True))
        if not paths:
            raise DocumentError(documents, "no file matches this pattern")
        sequence: Sequence[Document] = [Path(path) for path in paths]
    else:
        sequence = documents
    if partition_size is None:
        partition_size = _partition_size(len(sequence))
    numbered = db.from_sequence(list(enumerate(sequence)), partition_size=partition_size)
    results: db.Bag = numbered.map_partitions(_read_partition, setup)
    return results


def claims_bag(
    documents: Documents,
    *,
    published: date | None = None,
    registry: ActorRegistry | None = None,
    lexicon: Lexicon | None = None,
    partition_size: int | None = None,
) -> db.Bag:
    """A bag of the :class:`~osint_claims.Claim` objects of ``documents``, in order.

    Keywords are those of :func:`results_bag`; failed documents contribute nothing (see
    :func:`failures_dataframe`).

    >>> import dask
    >>> with dask.config.set(scheduler="sync"):
    ...     claims_bag(["Kyiv said 40 drones fell.", "Seoul said 3,000 troops."]).count().compute()
    2
    """
    results = results_bag(
        documents,
        published=published,
        registry=registry,
        lexicon=lexicon,
        partition_size=partition_size,
    )
    claims: db.Bag = results.map_partitions(_claims_of)
    return claims


def _claims_of(results: Iterable[DocumentResult]) -> list[Claim]:
    return [claim for result in results for claim in result.claims]


def _frames(results: db.Bag) -> tuple[list[Delayed], ...]:
    parts = results.to_delayed()
    return (
        [delayed(_claim_rows)(part) for part in parts],
        [delayed(_failure_rows)(part) for part in parts],
        [delayed(_counts)(part) for part in parts],
    )


def claims_dataframe(
    documents: Documents,
    *,
    published: date | None = None,
    registry: ActorRegistry | None = None,
    lexicon: Lexicon | None = None,
    partition_size: int | None = None,
) -> dd.DataFrame:
    """A data frame of claims, one row each: :data:`CLAIM_COLUMNS` (``document``, then
    :data:`~osint_claims.RECORD_FIELDS`).

    Dtypes are fixed: ``string`` for text (``<NA>`` when missing), ``bool`` for
    ``approximate`` and ``derived``, ``boolean`` for ``cumulative``, ``int64`` for the
    evidence offsets. Keywords are those of :func:`results_bag`. Writing Parquet is
    ``claims_dataframe(documents).to_parquet("out/claims")``.

    >>> claims_dataframe(["Kyiv said 40 drones fell."]).dtypes["approximate"]
    dtype('bool')
    """
    claims, _, _ = _frames(
        results_bag(
            documents,
            published=published,
            registry=registry,
            lexicon=lexicon,
            partition_size=partition_size,
        )
    )
    frame: dd.DataFrame = dd.from_delayed(claims, meta=_frame([], CLAIM_COLUMNS), verify_meta=False)
    return frame


def failures_dataframe(
    documents: Documents,
    *,
    published: date | None = None,
    registry: ActorRegistry | None = None,
    lexicon: Lexicon | None = None,
    partition_size: int | None = None,
) -> dd.DataFrame:
    """A data frame of the documents that could not be read: :data:`FAILURE_COLUMNS`.

    >>> import dask
    >>> with dask.config.set(scheduler="sync"):
    ...     failures_dataframe(["fine", b"bytes"]).compute().values.tolist()
    [[1, '<bytes 1>', 'expected a path, a str of text or an Article, got bytes']]
    """
    _, failures, _ = _frames(
        results_bag(
            documents,
            published=published,
            registry=registry,
            lexicon=lexicon,
            partition_size=partition_size,
        )
    )
    frame: dd.DataFrame = dd.from_delayed(
        failures, meta=_frame([], FAILURE_COLUMNS), verify_meta=False
    )
    return frame


@attrs.frozen(slots=True)
class Written:
    """What :func:`to_parquet` or :func:`to_jsonl` wrote: how many documents went in, how
    many claims and failures came out."""

    documents: int
    claims: int
    failures: int


def to_parquet(
    documents: Documents,
    directory: str | os.PathLike[str],
    *,
    published: date | None = None,
    registry: ActorRegistry | None = None,
    lexicon: Lexicon | None = None,
    partition_size: int | None = None,
) -> Written:
    """Read ``documents`` once and write ``DIRECTORY/claims`` (as :func:`claims_dataframe`)
    and ``DIRECTORY/failures`` (as :func:`failures_dataframe`) as Parquet datasets.

    Both outputs and the counts come from one pass over the documents. Options are those
    of :func:`results_bag`.

    >>> import dask, pandas, tempfile
    >>> with tempfile.TemporaryDirectory() as folder, dask.config.set(scheduler="sync"):
    ...     to_parquet(["Kyiv said 40 drones fell.", b"?"], folder)
    ...     list(pandas.read_parquet(f"{folder}/claims")["value"])
    Written(documents=2, claims=1, failures=1)
    ['40']
    """
    claims, failures, counts = _frames(
        results_bag(
            documents,
            published=published,
            registry=registry,
            lexicon=lexicon,
            partition_size=partition_size,
        )
    )
    root = os.fspath(directory)
    writes = [
        dd.from_delayed(parts, meta=_frame([], columns), verify_meta=False).to_parquet(
            os.path.join(root, name), write_index=False, compute=False
        )
        for name, parts, columns in (
            ("claims", claims, CLAIM_COLUMNS),
            ("failures", failures, FAILURE_COLUMNS),
        )
    ]
    total = dd.from_delayed(counts, meta=_counts([]).iloc[:0], verify_meta=False).sum()
    *_, sums = compute(*writes, total)
    return Written(int(sums["documents"]), int(sums["claims"]), int(sums["failures"]))


def to_jsonl(
    documents: Documents,
    directory: str | os.PathLike[str],
    *,
    published: date | None = None,
    registry: ActorRegistry | None = None,
    lexicon: Lexicon | None = None,
    partition_size: int | None = None,
) -> Written:
    """Read ``documents`` once and write ``DIRECTORY/claims/*.jsonl`` (one flat record per
    line, with ``document``: the columns of :func:`claims_dataframe`) and
    ``DIRECTORY/failures/*.jsonl`` (``index``, ``document``, ``reason``).

    >>> import dask, pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder, dask.config.set(scheduler="sync"):
    ...     to_jsonl(["Kyiv said 40 drones fell."], folder)
    ...     [path.name for path in sorted(pathlib.Path(folder, "claims").iterdir())]
    Written(documents=1, claims=1, failures=0)
    ['0.jsonl']
    """
    results = results_bag(
        documents,
        published=published,
        registry=registry,
        lexicon=lexicon,
        partition_size=partition_size,
    )
    root = os.fspath(directory)
    for name in ("claims", "failures"):
        os.makedirs(os.path.join(root, name), exist_ok=True)
    # One task per partition writes both files: a bag's to_textfiles, once per output,
    # would read every document twice.
    parts = results.to_delayed()
    counts = compute(*[delayed(_write_lines)(part, root, n) for n, part in enumerate(parts)])
    return Written(*(sum(column) for column in zip(*counts, strict=True)))


def _write_lines(results: list[DocumentResult], root: str, partition: int) -> tuple[int, ...]:
    claims, failures = _claim_lines(results), _failure_lines(results)
    for name, lines in (("claims", claims), ("failures", failures)):
        path = os.path.join(root, name, f"{partition}.jsonl")
        with open(path, "w", encoding="utf-8") as file:
            file.writelines(line + "\n" for line in lines)
    return len(results), len(claims), len(failures)


def _claim_lines(results: Iterable[DocumentResult]) -> list[str]:
    return [
        json.dumps({"document": result.document, **to_record(claim)}, ensure_ascii=False)
        for result in results
        for claim in result.claims
    ]


def _failure_lines(results: Iterable[DocumentResult]) -> list[str]:
    return [
        json.dumps(
            {"index": r.index, "document": r.document, "reason": r.reason}, ensure_ascii=False
        )
        for r in results
        if not r.ok
    ]
