"""Finding and reading documents: files and folders in, text or one clear error out.

:func:`find_documents` turns the paths a user typed into the files to read;
:func:`read_document` reads one of them, and :func:`decode_document` checks bytes from
elsewhere (standard input) the same way. Every problem is a :class:`DocumentError` whose
message is one line, "document: reason", fit to show a user as it is.

>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Seoul said 3,000 troops were sent.", encoding="utf-8")
>>> _ = (folder / "empty.txt").write_bytes(b"")
>>> for path in find_documents([folder]):
...     try:
...         print(path.name, len(read_document(path)))
...     except DocumentError as error:
...         print(path.name, "->", error.reason)
a.txt 34
empty.txt -> empty file
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Final, TypeAlias

from ._files import read_at_most
from .errors import DocumentError, InvalidInputError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_PATTERN",
    "decode_document",
    "find_documents",
    "read_document",
    "would_find",
]

DEFAULT_PATTERN: Final = "*.txt,*.md"
"""The files read from a folder: plain text and Markdown. Alternatives are comma-separated."""

OnError: TypeAlias = Callable[[DocumentError], None]
"""What :func:`find_documents` calls with each folder it cannot list, if given."""

DEFAULT_MAX_BYTES: Final = 20_000_000
"""The command line's largest document, 20 MB: some thousand pages of text, far above any
article, and still read in a few hundred megabytes of memory (``--max-bytes``)."""

_BOM: Final = b"\xef\xbb\xbf"
# UTF-32 first: its little-endian mark starts like UTF-16's.
_WIDE_BOMS: Final = (
    (b"\xff\xfe\x00\x00", "UTF-32", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "UTF-32", "utf-32-be"),
    (b"\xff\xfe", "UTF-16", "utf-16-le"),
    (b"\xfe\xff", "UTF-16", "utf-16-be"),
)
# Without a mark: code unit size and the codecs of the two byte orders, UTF-32 first (read
# as UTF-16, UTF-32 text has NUL characters, which no text passes).
_WIDE: Final = ((4, "utf-32-le", "utf-32-be"), (2, "utf-16-le", "utf-16-be"))
# In UTF-16 or UTF-32 text without a mark, what tells the byte order: Latin letters, digits,
# blanks and punctuation have a NUL high byte, at the last byte of each code unit in
# little-endian order and at the first in big-endian order. Taken as text when four times
# as many NUL bytes stand where one order puts them as where the other does, and at least
# four of them and one code unit in 16 have one: a stray NUL or two in UTF-8 text are
# no evidence.
_DOMINANCE: Final = 4
_DENSITY: Final = 16
_EVIDENCE: Final = 4
# What text without a mark never holds: control characters (tab, line ends and form feed
# aside), private-use characters and non-characters. A reading of binary data in UTF-16
# is full of them.
_NOT_TEXT: Final = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffe\uffff]")


def decode_document(data: bytes, document: str, *, max_bytes: int | None = None) -> str:
    """The text of a document's bytes, line ends as ``\\n``.

    The bytes are UTF-8, or UTF-16 or UTF-32 with a byte-order mark (dropped), or without
    one where the byte order is unambiguous (see docs/cli.md); any other bytes with a NUL
    are binary.

    Line ends are translated as :func:`open` does in text mode, so that offsets in the
    results match those of ``read_article(path)``. ``document`` only names the document in
    errors. With ``max_bytes``, more bytes than that is an error ("larger than the maximum
    document size"); a reader of a stream reads ``max_bytes + 1`` at most to find out.

    >>> decode_document(b"\\xef\\xbb\\xbfKyiv\\r\\nSeoul", "<stdin>")
    'Kyiv\\nSeoul'
    >>> decode_document("Kyiv: 40 drones".encode("utf-16-le"), "<stdin>")
    'Kyiv: 40 drones'
    >>> decode_document(b"caf\\xe9", "<stdin>")
    Traceback (most recent call last):
    ...
    osint_claims.errors.DocumentError: <stdin>: not UTF-8 text: byte 0xe9 at offset 3
    """
    _check_limit(max_bytes, "decode_document")
    if max_bytes is not None and len(data) > max_bytes:
        raise DocumentError(
            document, f"larger than the maximum document size ({max_bytes:,} bytes)"
        )
    text = _decode(data, document)
    if not text.strip():
        raise DocumentError(document, "empty file" if not text else "empty file (only blanks)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, document: str) -> str:
    # Offsets in errors count from the file's first byte, byte-order mark included, as a
    # hex editor shows them.
    for mark, label, codec in _WIDE_BOMS:
        if data.startswith(mark):
            return _decode_marked(data, len(mark), label, codec, document)
    nul = data.find(b"\x00")
    if nul >= 0:
        text = _unmarked_wide(data)
        if text is None:
            raise DocumentError(document, f"binary file (NUL byte at offset {nul})")
        return text
    skipped = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[skipped:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + skipped
        raise DocumentError(
            document, f"not UTF-8 text: byte 0x{data[offset]:02x} at offset {offset}"
        ) from None


def _decode_marked(data: bytes, skipped: int, label: str, codec: str, document: str) -> str:
    try:
        text = data[skipped:].decode(codec)
    except UnicodeDecodeError as error:
        offset = error.start + skipped
        raise DocumentError(
            document, f"not {label} text: {error.reason} at offset {offset}"
        ) from None
    nul = text.find("\x00")
    if nul >= 0:
        offset = skipped + len(text[:nul].encode(codec))
        raise DocumentError(document, f"binary file (NUL byte at offset {offset})")
    return text


def _unmarked_wide(data: bytes) -> str | None:
    """The text of UTF-32 or UTF-16 ``data`` without a byte-order mark, or ``None`` when the
    byte order is unclear or the data is not text in it."""
    for size, little, big in _WIDE:
        units = len(data) // size
        if not units or len(data) % size:
            continue
        high_little = data[size - 1 :: size].count(0)
        high_big = data[::size].count(0)
        for codec, high, other in ((little, high_little, high_big), (big, high_big, high_little)):
            if high < max(_EVIDENCE, _DOMINANCE * other) or high * _DENSITY < units:
                continue
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _NOT_TEXT.search(text) is None:
                return text
    return None


def read_document(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> str:
    """The text of the file at ``path``: UTF-8, UTF-16 or UTF-32 (see :func:`decode_document`).

    With ``max_bytes``, a larger file is an error and no more than ``max_bytes + 1`` bytes
    of it are read (the command line's default is :data:`DEFAULT_MAX_BYTES`).

    Raises :class:`DocumentError` for a missing or unreadable path, a directory, anything
    else that is not a regular file (a named pipe, a device, a socket: never opened for a
    read that could wait forever or never end), an empty file, a binary file (one with a
    NUL byte, outside UTF-16 or UTF-32 text) and bytes that are not text in their encoding.

    >>> read_document("no/such/file.txt")
    Traceback (most recent call last):
    ...
    osint_claims.errors.DocumentError: no/such/file.txt: no such file or directory
    >>> read_document("/dev/zero")
    Traceback (most recent call last):
    ...
    osint_claims.errors.DocumentError: /dev/zero: not a regular file (a character device)
    """
    _check_limit(max_bytes, "read_document")
    name = os.fspath(path)
    try:
        data = _read_regular(name, None if max_bytes is None else max_bytes + 1)
    except IsADirectoryError:
        raise DocumentError(name, "is a directory") from None
    except FileNotFoundError:
        raise DocumentError(name, "no such file or directory") from None
    except PermissionError:
        raise DocumentError(name, "permission denied") from None
    except OSError as error:
        # Opening a socket fails (ENXIO): say what it is rather than why the open failed.
        why = (error.strerror or type(error).__name__).lower()
        reason = _kind_of(name) or f"cannot read: {why}"
        raise DocumentError(name, reason) from None
    return decode_document(data, name, max_bytes=max_bytes)


def _check_limit(max_bytes: int | None, where: str) -> None:
    if max_bytes is not None and (
        not isinstance(max_bytes, int) or isinstance(max_bytes, bool) or max_bytes < 1
    ):
        raise InvalidInputError(where, f"max_bytes must be None or at least 1, got {max_bytes!r}")


# Files are opened with os.open and read with os.read, the seams tests replace to simulate
# failures that file modes cannot cause for root. O_NONBLOCK: opening a named pipe then
# returns at once instead of waiting for a writer, so that it is seen and refused.
_OPEN_FLAGS: Final = (
    os.O_RDONLY
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
)


def _read_regular(name: str, limit: int | None) -> bytes:
    """The bytes of the regular file ``name``, ``limit`` at most; DocumentError for anything
    else."""
    descriptor = os.open(name, _OPEN_FLAGS)
    try:
        # Checked on what was opened, not on the name: the name may change in between.
        kind = _not_regular(os.fstat(descriptor).st_mode)
        if kind is not None:
            raise DocumentError(name, kind)
        if limit is None:
            # No limit asked for: the file's own size, plus whatever it grows by meanwhile.
            limit = sys.maxsize
        return read_at_most(lambda size: os.read(descriptor, size), limit)
    finally:
        os.close(descriptor)


_KINDS: Final = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind_of(name: str) -> str | None:
    try:
        return _not_regular(os.stat(name).st_mode)
    except OSError:
        return None


def _not_regular(mode: int) -> str | None:
    """Why a file of this mode is not read, or ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a directory"
    for test, kind in _KINDS:
        if test(mode):
            return f"not a regular file ({kind})"
    return "not a regular file"


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def _patterns(pattern: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in pattern.split(",") if part.strip())


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # as os.walk has it: what cannot be examined is no folder
        return False


def _folder(folder: Path, patterns: tuple[str, ...], on_error: OnError | None) -> list[Path]:
    found: list[Path] = []
    waiting = [folder]
    while waiting:
        current = waiting.pop()
        # os.scandir, one call per folder, is the seam tests replace to simulate a folder
        # that cannot be listed: file modes do not stop root.
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except OSError as error:
            failure = DocumentError(
                os.fspath(current), f"cannot list: {(error.strerror or 'error').lower()}"
            )
            if on_error is None:
                raise failure from None
            on_error(failure)
            continue
        for entry in entries:
            # Hidden files and folders (.git, .venv) hold no articles.
            if entry.name.startswith("."):
                continue
            if _is_folder(entry):
                if not entry.is_symlink():  # links to folders are not followed
                    waiting.append(current / entry.name)
            elif _matches(entry.name, patterns):
                found.append(current / entry.name)
    return sorted(found, key=lambda path: path.relative_to(folder).parts)


def find_documents(
    paths: Iterable[str | os.PathLike[str]],
    *,
    pattern: str = DEFAULT_PATTERN,
    on_error: OnError | None = None,
) -> Iterator[Path]:
    """The files to read for ``paths``, in order: files as given, folders searched.

    A path that is not a folder is yielded as given, even when it does not exist, so that
    :func:`read_document` reports it with the others. A folder is searched recursively for
    file names matching ``pattern`` (shell wildcards, case-sensitive, alternatives
    separated by commas, :data:`DEFAULT_PATTERN` by default); hidden files and folders
    (names starting with ".") are skipped, symbolic links to folders are not followed, and
    each folder's files come sorted by path.

    A folder that cannot be listed, the one given or any below it, raises
    :class:`DocumentError` ("cannot list: permission denied"); with ``on_error``, the error
    is passed to it instead and the search goes on with the other folders.

    >>> import tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> for name in ("b.txt", "a.md", "sub/c.txt", "notes.csv", ".hidden.txt"):
    ...     (folder / name).parent.mkdir(exist_ok=True)
    ...     _ = (folder / name).write_text("text", encoding="utf-8")
    >>> [p.relative_to(folder).as_posix() for p in find_documents([folder])]
    ['a.md', 'b.txt', 'sub/c.txt']
    >>> [p.name for p in find_documents([folder / "notes.csv", folder], pattern="*.csv")]
    ['notes.csv', 'notes.csv']
    """
    patterns = _patterns(pattern)
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _folder(path, patterns, on_error)
        else:
            yield path


def would_find(
    folder: str | os.PathLike[str], path: str | os.PathLike[str], *, pattern: str = DEFAULT_PATTERN
) -> bool:
    """Whether searching ``folder`` with :func:`find_documents` would yield the file ``path``,
    there now or not (``path`` need not exist).

    Both are compared by their real location, symbolic links resolved: the path lies under
    the folder, no part of it below the folder is hidden, and its name matches ``pattern``.
    The command line asks this before writing an output file, so that it never reads its
    own output back.

    >>> would_find("notes", "notes/2025/claims.md")
    True
    >>> would_find("notes", "notes/claims.jsonl"), would_find("notes", "notes/.out/a.md")
    (False, False)
    >>> would_find("notes", "elsewhere/claims.md")
    False
    """
    top = Path(os.path.realpath(folder))
    real = Path(os.path.realpath(path))
    try:
        parts = real.relative_to(top).parts
    except ValueError:
        return False
    if not parts or any(part.startswith(".") for part in parts):
        return False
    return _matches(parts[-1], _patterns(pattern))
