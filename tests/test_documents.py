"""Finding and reading documents: every bad input is one DocumentError line, never a crash."""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from osint_claims import (
    DocumentError,
    InvalidInputError,
    OsintClaimsError,
    decode_document,
    find_documents,
    would_find,
)
from osint_claims import read_document as read
from osint_claims.documents import DEFAULT_PATTERN


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_the_error_contract() -> None:
    error = DocumentError("a.txt", "empty file")
    assert isinstance(error, OsintClaimsError)
    assert (error.document, error.reason) == ("a.txt", "empty file")
    assert str(error) == "a.txt: empty file"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"Kyiv", "Kyiv"),
        (b"\xef\xbb\xbfKyiv", "Kyiv"),
        (b"a\r\nb\rc\n", "a\nb\nc\n"),
        ("Київ – 3 000".encode(), "Київ – 3 000"),
    ],
)
def test_reads_utf8_without_bom_and_with_plain_line_ends(
    tmp_path: Path, data: bytes, text: str
) -> None:
    assert read(_write(tmp_path / "a.txt", data)) == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\xef\xbb\xbf", "empty file"),
        (b" \n\t\n", "empty file (only blanks)"),
        (b"PK\x03\x04\x00\x00", "binary file (NUL byte at offset 4)"),
        (b"caf\xe9 au lait", "not UTF-8 text: byte 0xe9 at offset 3"),
        (b"\xef\xbb\xbfcaf\xe9", "not UTF-8 text: byte 0xe9 at offset 6"),
        (b"ok\n\xff", "not UTF-8 text: byte 0xff at offset 3"),
        ("Kyiv".encode("utf-16")[:-1], "not UTF-16 text: truncated data at offset 8"),
        (b"\xff\xfeK\x00\x00\xd8y\x00", "not UTF-16 text: illegal UTF-16 surrogate at offset 4"),
        ("Kyiv\x00".encode("utf-32"), "binary file (NUL byte at offset 20)"),
        # UTF-8 with a few stray NUL bytes is no UTF-16, whatever the side they fall on.
        (b"Kyiv\x00 said\x00 it\x00 was", "binary file (NUL byte at offset 4)"),
        # Where the byte order is unclear: as many NULs on either side.
        (b"K\x00\x00y" * 8, "binary file (NUL byte at offset 1)"),
        # Read in its byte order, this would be text but for its control characters.
        ("K\x01y\x02i\x03v".encode("utf-16-le"), "binary file (NUL byte at offset 1)"),
    ],
)
def test_bad_files_are_named_with_the_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    path = _write(tmp_path / "a.txt", data)
    with pytest.raises(DocumentError) as caught:
        read(path)
    assert caught.value.document == str(path)
    assert caught.value.reason == reason


def test_missing_path_and_directory(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match=r"no such file or directory$"):
        read(tmp_path / "missing.txt")
    with pytest.raises(DocumentError, match=r"is a directory$"):
        read(tmp_path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated through os.open, the seam documents.py names: file modes do not stop root,
    # and the tests may run as root.
    path = _write(tmp_path / "secret.txt", "text")
    real_open = os.open

    def refuse(name: Any, flags: int, *args: Any) -> int:
        if os.fspath(name) == str(path):
            raise PermissionError(13, "Permission denied", name)
        return real_open(name, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(DocumentError, match=r"secret.txt: permission denied$"):
        read(path)


def test_other_read_failures_say_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "a.txt", "text")

    def fail(descriptor: int, size: int) -> bytes:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "read", fail)
    with pytest.raises(DocumentError, match=r"a.txt: cannot read: input/output error$"):
        read(path)


def test_decode_names_the_document() -> None:
    with pytest.raises(DocumentError, match=r"^<stdin>: empty file$"):
        decode_document(b"", "<stdin>")


def test_find_documents_order_hidden_files_and_patterns(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "sub/c.txt", "sub/deeper/d.txt", "z/e.TXT", "notes.csv"):
        _write(tmp_path / name, "text")
    _write(tmp_path / ".hidden.txt", "text")
    _write(tmp_path / ".git" / "x.txt", "text")

    def found(*paths: Path, pattern: str | None = None) -> list[str]:
        search = find_documents(paths, pattern=DEFAULT_PATTERN if pattern is None else pattern)
        return [p.relative_to(tmp_path).as_posix() for p in search]

    assert found(tmp_path) == ["a.md", "b.txt", "sub/c.txt", "sub/deeper/d.txt"]
    assert found(tmp_path, pattern="*.csv, *.TXT") == ["notes.csv", "z/e.TXT"]
    # Files are taken as given, whatever their name, hidden or missing.
    assert found(tmp_path / ".hidden.txt", tmp_path / "missing.pdf") == [
        ".hidden.txt",
        "missing.pdf",
    ]
    assert found(tmp_path / "notes.csv", tmp_path / "sub") == [
        "notes.csv",
        "sub/c.txt",
        "sub/deeper/d.txt",
    ]
    assert found(tmp_path / "z") == []


def test_find_documents_takes_strings_and_is_lazy(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", "text")
    documents = find_documents([str(tmp_path), str(tmp_path / "nothing-here")])
    assert next(documents) == tmp_path / "a.txt"
    assert next(documents) == tmp_path / "nothing-here"


def _lock(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``folder`` unlistable: mode 000, and where that does not stop the listing (the
    tests run as root, or on a file system that ignores modes) the same failure through
    ``os.scandir``, the seam documents.py names for this."""
    folder.chmod(0)
    try:
        os.scandir(folder).close()
    except PermissionError:
        return  # the mode is enough
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


@pytest.fixture
def locked_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for name in ("a.txt", "locked/b.txt", "locked/deeper/c.txt", "z/d.txt"):
        _write(tmp_path / name, "text")
    _lock(tmp_path / "locked", monkeypatch)
    yield tmp_path
    (tmp_path / "locked").chmod(0o755)  # or pytest cannot remove it


def test_an_unlistable_folder_is_an_error(locked_tree: Path) -> None:
    with pytest.raises(DocumentError, match=r"locked: cannot list: permission denied$"):
        list(find_documents([locked_tree]))


def test_with_on_error_the_search_goes_on_past_an_unlistable_folder(locked_tree: Path) -> None:
    errors: list[DocumentError] = []
    found = list(find_documents([locked_tree], on_error=errors.append))
    assert [p.relative_to(locked_tree).as_posix() for p in found] == ["a.txt", "z/d.txt"]
    assert [(e.document, e.reason) for e in errors] == [
        (str(locked_tree / "locked"), "cannot list: permission denied")
    ]


@pytest.mark.parametrize(
    ("path", "pattern", "found"),
    [
        ("notes/a.txt", "*.txt,*.md", True),
        ("notes/deep/er/a.md", "*.txt,*.md", True),
        ("notes/a.jsonl", "*.txt,*.md", False),
        ("notes/a.jsonl", "*.txt, *.jsonl", True),
        ("notes/.a.txt", "*.txt", False),
        ("notes/.hidden/a.txt", "*.txt", False),
        ("notes", "*", False),
        ("elsewhere/a.txt", "*.txt", False),
        ("notes/../elsewhere/a.txt", "*.txt", False),
        ("link/a.txt", "*.txt", True),  # link -> notes: the real place counts
    ],
)
def test_would_find(tmp_path: Path, path: str, pattern: str, found: bool) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "notes")
    assert would_find(tmp_path / "notes", tmp_path / path, pattern=pattern) is found


# -- Only regular files are read: never a wait on a pipe, never an endless device -------------


def _fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def _socket(path: Path) -> Path:
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_fifo, "not a regular file (a named pipe)"),
        (_socket, "not a regular file (a socket)"),
        (lambda path: Path("/dev/zero"), "not a regular file (a character device)"),
        (lambda path: Path("/dev/null"), "not a regular file (a character device)"),
        (lambda path: path.parent, "is a directory"),
    ],
)
def test_what_is_not_a_regular_file_is_refused(tmp_path: Path, make: Any, reason: str) -> None:
    # A named pipe with no writer would block a plain open() forever, and /dev/zero never
    # ends: neither is waited for nor read.
    path = make(tmp_path / "thing.txt")
    with pytest.raises(DocumentError) as caught:
        read(path)
    assert caught.value.reason == reason


def test_the_kind_is_read_from_what_was_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not from the name before opening it, which may change in between: here the name
    # says "folder" and the descriptor says "pipe".
    pipe = _fifo(tmp_path / "pipe.txt")
    monkeypatch.setattr(os, "stat", lambda *args, **kwargs: os.lstat(tmp_path))
    with pytest.raises(DocumentError, match=r"not a regular file \(a named pipe\)$"):
        read(pipe)


def test_a_symbolic_link_to_a_pipe_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(_fifo(tmp_path / "pipe"))
    with pytest.raises(DocumentError, match=r"link.txt: not a regular file \(a named pipe\)$"):
        read(link)
    assert stat.S_ISFIFO(os.stat(link).st_mode)


# -- A maximum size, enforced while reading ------------------------------------------------


def test_a_document_over_the_maximum_is_refused_after_reading_one_byte_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = _write(tmp_path / "big.txt", b"x" * 3_000_000)
    taken: list[int] = []
    real_read = os.read

    def counting(descriptor: int, size: int) -> bytes:
        data = real_read(descriptor, size)
        taken.append(len(data))
        return data

    monkeypatch.setattr(os, "read", counting)
    with pytest.raises(DocumentError) as caught:
        read(big, max_bytes=1000)
    assert caught.value.reason == "larger than the maximum document size (1,000 bytes)"
    assert sum(taken) == 1001
    taken.clear()
    assert len(read(big, max_bytes=3_000_000)) == 3_000_000
    assert len(read(big)) == 3_000_000  # no maximum unless asked
    assert sum(taken) == 6_000_000


@pytest.mark.parametrize(
    ("data", "max_bytes", "outcome"),
    [
        (b"Kyiv", 4, "Kyiv"),
        (b"Kyiv", 3, "larger than the maximum document size (3 bytes)"),
        (b"\xef\xbb\xbfKyiv", 6, "larger than the maximum document size (6 bytes)"),
        (b"Kyiv", None, "Kyiv"),
    ],
)
def test_the_maximum_counts_the_bytes_as_stored(
    data: bytes, max_bytes: int | None, outcome: str
) -> None:
    try:
        assert decode_document(data, "a.txt", max_bytes=max_bytes) == outcome
    except DocumentError as error:
        assert error.reason == outcome


@pytest.mark.parametrize("max_bytes", [0, -1, True, 1.5, "20MB"])
def test_a_maximum_that_is_no_size_is_refused(tmp_path: Path, max_bytes: Any) -> None:
    path = _write(tmp_path / "a.txt", "Kyiv")
    with pytest.raises(InvalidInputError, match="max_bytes must be None or at least 1"):
        read(path, max_bytes=max_bytes)
    with pytest.raises(InvalidInputError, match="max_bytes must be None or at least 1"):
        decode_document(b"Kyiv", "a.txt", max_bytes=max_bytes)


# -- UTF-16 and UTF-32, with a byte-order mark or without --------------------------------

WIDE = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv said 40 drones were shot down.\r\nSeoul said 3,000.",
        "Київ заявив, що 40 дронів збито вночі.",
        "قالت وزارة الصحة إن 300 شخص قتلوا",
        "北京 说 3000 名 士兵 已 被 派往 俄罗斯。",
        "Kyiv said 40 drones 🚀 were shot down.",  # a character beyond 16 bits
        "12 km",
    ],
)
@pytest.mark.parametrize("encoding", [*WIDE, "utf-16", "utf-32"])  # the last two with a mark
def test_utf16_and_utf32_are_read(tmp_path: Path, text: str, encoding: str) -> None:
    path = _write(tmp_path / "a.txt", text.encode(encoding))
    assert read(path) == text.replace("\r\n", "\n")


@given(
    st.text(st.characters(codec="ascii", categories=["L", "N", "Zs", "P"]), min_size=4),
    st.sampled_from(WIDE),
)
def test_ascii_text_without_a_mark_reads_back_in_every_byte_order(text: str, encoding: str) -> None:
    assume(text.strip())
    assert decode_document(text.encode(encoding), "a.txt") == text


@given(
    st.text(st.characters(codec="ascii", categories=["L", "N", "Zs", "P"]), min_size=1),
    st.lists(st.integers(min_value=0), min_size=1, max_size=3),
)
def test_utf8_with_a_few_stray_nuls_stays_binary(text: str, places: list[int]) -> None:
    data = bytearray(text.encode("utf-8"))
    for place in places:
        data.insert(place % (len(data) + 1), 0)
    with pytest.raises(DocumentError, match=r"^a.txt: binary file \(NUL byte at offset \d+\)$"):
        decode_document(bytes(data), "a.txt")


@given(st.binary(max_size=600))
def test_any_bytes_are_text_or_one_document_error(data: bytes) -> None:
    try:
        text = decode_document(data, "a.txt")
    except DocumentError as error:
        assert "\n" not in error.reason
    else:
        assert text.strip() and "\r" not in text
