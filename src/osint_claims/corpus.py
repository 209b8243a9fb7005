"""Whole corpora: claims from many documents, streamed, on one core or several.

:func:`extract_many` reads documents one after another (or in a pool of worker processes)
and yields one :class:`DocumentResult` per document: its claims, or why it could not be
read. It is lazy: it takes documents from any iterable (a generator of millions is fine)
only as results are taken, so memory does not grow with the size of the corpus.

What a document is:

- a path, any :class:`os.PathLike` (``pathlib.Path``): the file (UTF-8, UTF-16 or UTF-32)
  is read, in the worker, with :func:`osint_claims.documents.read_document`;
- a ``str``: always the *text* of a document, never a file name (wrap names in ``Path``);
- an :class:`~osint_claims.articles.Article` already read.

>>> from datetime import date
>>> texts = ["Seoul said 3,000 troops were sent to Russia.", "No figures here.", b"bytes"]
>>> for result in extract_many(texts, published=date(2025, 3, 27)):
...     print(result.index, result.document, len(result.claims), result.reason)
0 <text 0> 1 None
1 <text 1> 0 None
2 <bytes 2> 0 expected a path, a str of text or an Article, got bytes
>>> [c.quantity.figure for c in iter_claims(extract_many(texts[:2]))]
['3000']
"""

from __future__ import annotations

import concurrent.futures as cf
import copyreg
import io
import itertools
import multiprocessing.context
import os
import pickle
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date
from types import MappingProxyType
from typing import Any, Final, TypeAlias

import attrs

from .actors import ActorRegistry
from .articles import Article, read_article
from .claims import ClaimReader
from .documents import read_document
from .errors import DocumentError, InvalidInputError
from .lexicon import Lexicon
from .model import Claim

__all__ = ["Document", "DocumentResult", "extract_many", "iter_claims"]

Document: TypeAlias = "str | os.PathLike[str] | Article"
"""What :func:`extract_many` reads: a path, the text itself, or an :class:`Article`."""

# Chunks of documents a pool keeps submitted per worker: two keep a worker busy while its
# last result travels back; four also absorb a slow chunk at the head when results must
# come out in order.
CHUNKS_PER_WORKER: Final = 4
# Documents sent to a worker at once: enough to make the cost of a round trip between
# processes (about 0.2 ms) small beside reading them (1-10 ms each), few enough to keep
# workers evenly loaded.
DEFAULT_CHUNK_SIZE: Final = 16


@attrs.frozen(slots=True)
class DocumentResult:
    """What became of one document: its claims, or the reason it could not be read.

    ``index`` is the document's position in the input (from 0); ``document`` names it (the
    path as given, or ``<text 12>``, ``<article 12>`` for documents without a name);
    ``claims`` are in document order; ``reason`` is ``None`` when the document was read,
    else why not (a failed document has no claims). Results are plain data: they compare
    equal field by field and cross process boundaries by pickle.

    >>> failed = DocumentResult(3, "a.txt", reason="empty file")
    >>> failed.ok, str(failed.error)
    (False, 'a.txt: empty file')
    """

    index: int
    document: str
    claims: tuple[Claim, ...] = ()
    reason: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the document was read (it may still hold no claims)."""
        return self.reason is None

    @property
    def error(self) -> DocumentError | None:
        """The failure as an exception to raise or log, or ``None`` when the document was read.

        Built on demand from ``document`` and ``reason`` (an exception object would make
        results unequal to themselves after a round trip through another process).
        """
        return None if self.reason is None else DocumentError(self.document, self.reason)


def iter_claims(
    results: Iterable[DocumentResult], *, skip_failures: bool = False
) -> Iterator[Claim]:
    """The claims of ``results`` one after another, in the order of the results.

    A failed document raises its :class:`DocumentError` when the stream reaches it, unless
    ``skip_failures`` is true (then it is passed over in silence: count failures yourself
    if they matter).

    >>> results = [DocumentResult(0, "a.txt", reason="empty file")]
    >>> list(iter_claims(results, skip_failures=True))
    []
    >>> list(iter_claims(results))
    Traceback (most recent call last):
    ...
    osint_claims.errors.DocumentError: a.txt: empty file
    """
    for result in results:
        error = result.error
        if error is not None:
            if skip_failures:
                continue
            raise error
        yield from result.claims


def extract_many(
    documents: Iterable[Document],
    *,
    workers: int | None = None,
    ordered: bool = True,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    published: date | None = None,
    registry: ActorRegistry | None = None,
    lexicon: Lexicon | None = None,
    mp_context: multiprocessing.context.BaseContext | None = None,
) -> Iterator[DocumentResult]:
    """One :class:`DocumentResult` per document of ``documents``, lazily.

    ``workers`` None or 1 reads in this process, one document at a time. ``workers=N``
    reads in a pool of N processes (started on the first result taken, stopped when the
    iterator is exhausted or closed): documents go to workers in chunks of ``chunk_size``,
    and at most ``CHUNKS_PER_WORKER * N`` chunks are out at once, so at most that many
    documents beyond the results already taken are held. Each worker builds its
    :class:`ClaimReader` once. With ``ordered`` (the default) results come in input order,
    else as they are done (faster when documents differ much in length).

    A document that cannot be read (a missing, empty, binary or undecodable file, a value of
    the wrong type, or an unexpected error inside the pipeline) yields a result with its
    ``reason``, and the others go on. A worker process that dies (killed, out of memory)
    raises ``concurrent.futures.process.BrokenProcessPool``.

    ``published`` is the publication date used for every document read from a path or a
    text (not for :class:`Article` inputs, which are read already); ``registry`` and
    ``lexicon`` are sent to each worker once. ``mp_context`` chooses how workers start
    (``multiprocessing.get_context("spawn")``...); by default the platform's way.

    >>> results = extract_many(["Kyiv said 40 drones were shot down."] * 3, workers=1)
    >>> [len(r.claims) for r in results]
    [1, 1, 1]
    >>> extract_many([], workers=0)
    Traceback (most recent call last):
    ...
    osint_claims.errors.InvalidInputError: extract_many: workers must be None or at least 1, got 0
    """
    if workers is not None and (isinstance(workers, bool) or workers < 1):
        raise InvalidInputError(
            "extract_many", f"workers must be None or at least 1, got {workers}"
        )
    if chunk_size < 1:
        raise InvalidInputError("extract_many", f"chunk_size must be at least 1, got {chunk_size}")
    if isinstance(documents, str | bytes | os.PathLike):
        # A lone text or path would otherwise be read character by character.
        raise InvalidInputError(
            "extract_many", f"expected an iterable of documents, got one {type(documents).__name__}"
        )
    setup = _Setup.of(published, registry, lexicon)
    numbered = enumerate(documents)
    if workers is None or workers == 1:
        return _in_process(numbered, setup)
    return _in_pool(
        numbered,
        setup,
        workers=workers,
        ordered=ordered,
        chunk_size=chunk_size,
        mp_context=mp_context,
    )


def _in_process(numbered: Iterator[tuple[int, Any]], setup: _Setup) -> Iterator[DocumentResult]:
    reader = setup.reader()
    for index, document in numbered:
        yield _read_one(index, document, reader, setup.published)


def _in_pool(
    numbered: Iterator[tuple[int, Any]],
    setup: _Setup,
    *,
    workers: int,
    ordered: bool,
    chunk_size: int,
    mp_context: multiprocessing.context.BaseContext | None,
) -> Iterator[DocumentResult]:
    chunks = iter(lambda: list(itertools.islice(numbered, chunk_size)), [])
    window = CHUNKS_PER_WORKER * workers
    pool = cf.ProcessPoolExecutor(
        workers, mp_context=mp_context, initializer=_start_worker, initargs=(setup,)
    )
    try:
        pending = deque(
            pool.submit(_read_chunk, chunk) for chunk in itertools.islice(chunks, window)
        )
        while pending:
            if ordered:
                done = [pending.popleft()]
            else:
                finished, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                done = [future for future in pending if future in finished]
                for future in done:
                    pending.remove(future)
            for future in done:
                # Refill before yielding, so workers stay busy while the caller works.
                for chunk in itertools.islice(chunks, 1):
                    pending.append(pool.submit(_read_chunk, chunk))
                yield from future.result()
    finally:
        # Also on an abandoned iterator: queued chunks are dropped, not read for nobody.
        pool.shutdown(wait=True, cancel_futures=True)


def _read_one(
    index: int, document: object, reader: ClaimReader, published: date | None
) -> DocumentResult:
    """Read one document with ``reader``; every failure becomes the result's ``reason``.

    Shared by :func:`extract_many` and :mod:`osint_claims.dask`.
    """
    name = _name(index, document)
    try:
        if isinstance(document, Article):
            article = document
        elif isinstance(document, os.PathLike | str):
            text = read_document(document) if isinstance(document, os.PathLike) else document
            article = read_article(
                text, published=published, registry=reader.registry, lexicon=reader.lexicon
            )
        else:
            reason = f"expected a path, a str of text or an Article, got {type(document).__name__}"
            return DocumentResult(index, name, reason=reason)
        return DocumentResult(index, name, tuple(reader.read(article)))
    except DocumentError as error:
        return DocumentResult(index, name, reason=error.reason)
    except Exception as error:  # a bug on one page must not end a run over a million
        return DocumentResult(index, name, reason=f"{type(error).__name__}: {error}")


def _name(index: int, document: object) -> str:
    if isinstance(document, os.PathLike):
        return os.fsdecode(document)
    kind = "text" if isinstance(document, str) else type(document).__name__.lower()
    return f"<{kind} {index}>"


# Worker processes ---------------------------------------------------------------------

# This process's readers, by the token of the setup that asked for them: a worker builds
# its reader once, whatever the number of chunks or Dask tasks it is given.
_READERS: dict[str, ClaimReader] = {}
_WORKER_SETUP: list[_Setup] = []


@attrs.frozen(slots=True)
class _Setup:
    """What every worker needs, in a form that crosses process boundaries.

    Lexicons and registries hold read-only ``mappingproxy`` tables that the standard pickle
    refuses; they travel as bytes pickled with a reducer for those, and are unpickled only
    by a process that has no reader for this ``token`` yet.
    """

    token: str
    published: date | None
    payload: bytes | None

    @classmethod
    def of(
        cls, published: date | None, registry: ActorRegistry | None, lexicon: Lexicon | None
    ) -> _Setup:
        if registry is None and lexicon is None:
            return cls("default", published, None)
        return cls(uuid.uuid4().hex, published, _dumps((registry, lexicon)))

    def reader(self) -> ClaimReader:
        reader = _READERS.get(self.token)
        if reader is None:
            if self.payload is None:
                reader = ClaimReader()
            else:
                registry, lexicon = pickle.loads(self.payload)
                reader = ClaimReader(lexicon=lexicon, registry=registry)
            _READERS[self.token] = reader
        return reader


def _rebuild_mapping(items: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(items)


def _reduce_mapping(mapping: MappingProxyType[Any, Any]) -> tuple[Any, tuple[dict[Any, Any]]]:
    return _rebuild_mapping, (dict(mapping),)


def _dumps(value: object) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    # A private table: pickling mappingproxy everywhere in the process is not ours to change.
    pickler.dispatch_table = {**copyreg.dispatch_table, MappingProxyType: _reduce_mapping}
    pickler.dump(value)
    return buffer.getvalue()


def _start_worker(setup: _Setup) -> None:
    setup.reader()
    _WORKER_SETUP[:] = [setup]


def _read_chunk(chunk: list[tuple[int, Any]]) -> list[DocumentResult]:
    setup = _WORKER_SETUP[0]
    reader = setup.reader()
    return [_read_one(index, document, reader, setup.published) for index, document in chunk]
