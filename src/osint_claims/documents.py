"""Documents on disk: reading one as text, finding many under folders.

A minimal version for :mod:`osint_claims.corpus`; it keeps the contract exactly (UTF-8, a
byte order mark dropped, :class:`DocumentError` for anything that is not readable text).

>>> import pathlib, tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     path = pathlib.Path(folder) / "a.txt"
...     _ = path.write_bytes(b"\\xef\\xbb\\xbfSeoul said 3,000 troops.")
...     read_document(path)
'Seoul said 3,000 troops.'
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import DocumentError

__all__ = ["find_documents", "read_document"]


def read_document(path: str | os.PathLike[str]) -> str:
    """The text of the UTF-8 file at ``path``, without a byte order mark.

    Missing, unreadable, empty, binary (a NUL byte) or undecodable files raise
    :class:`DocumentError`.

    >>> read_document("no/such/file.txt")
    Traceback (most recent call last):
    ...
    osint_claims.errors.DocumentError: no/such/file.txt: no such file
    """
    name = os.fspath(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise DocumentError(name, "no such file") from None
    except OSError as error:
        raise DocumentError(name, f"cannot read: {error.strerror or error}") from None
    if b"\0" in data:
        raise DocumentError(name, "binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentError(name, f"not UTF-8 text ({error.reason})") from None
    if not text.strip():
        raise DocumentError(name, "empty file")
    return text


def find_documents(
    paths: Iterable[str | os.PathLike[str]], *, pattern: str = "*.txt"
) -> Iterator[Path]:
    """Files named by ``paths``: files as given, folders searched (recursively, sorted) for
    files matching ``pattern``; lazily, one at a time.

    >>> next(find_documents(["no/such/folder"]))
    Traceback (most recent call last):
    ...
    osint_claims.errors.DocumentError: no/such/folder: no such file or folder
    """
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            yield from sorted(found for found in path.rglob(pattern) if found.is_file())
        elif path.is_file():
            yield path
        else:
            raise DocumentError(os.fspath(entry), "no such file or folder")
