"""Private: reading user data files (lexicons, registries, gazetteers) as data, never as code.

Every way such a file can fail to load (missing, not a regular file, too large, not UTF-8,
malformed, nested too deeply, a number too long to read) is a :class:`LexiconError` that
names the file and, where it can be told, the line and the entry.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from .errors import LexiconError

# What one read asks for: small enough that a cap far above the file's size costs nothing,
# large enough that a big file takes few calls.
CHUNK: Final = 1 << 20


def read_at_most(read: Callable[[int], bytes], limit: int) -> bytes:
    """At most ``limit`` bytes from ``read`` (``os.read`` on a descriptor, a stream's
    ``read``), called until it returns nothing or the limit is reached: a document is never
    read much beyond what is kept, even from a source that never ends.

    >>> import io
    >>> read_at_most(io.BytesIO(b"abcdef").read, 4), read_at_most(io.BytesIO(b"ab").read, 4)
    (b'abcd', b'ab')
    """
    chunks = []
    left = limit
    while left > 0:
        chunk = read(min(left, CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


# The largest lexicon file read, in bytes: some 700 times the shipped English lexicon.
MAX_LEXICON_BYTES: Final = 4_000_000
# How much of a value an error message quotes.
_SHOWN: Final = 60
# Python reads integers of at most this many digits from text (sys.int_info).
_INT_DIGITS: Final = 4300
_LONG_INTEGER: Final = re.compile(rf"[0-9](?:_?[0-9]){{{_INT_DIGITS},}}")
# Nesting this deep is no lexicon or registry: every table of theirs is a few levels deep.
_DEEP: Final = 64
_DEEP_NESTING: Final = re.compile(rf"(?:[\[{{]\s*){{{_DEEP},}}")
_TOML_KEY: Final = re.compile(r"""\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=""")


def toml_error_line(error: tomllib.TOMLDecodeError) -> int | None:
    """The line a TOML error points at (Python < 3.14 only says it in the message).

    >>> try:
    ...     tomllib.loads("a = 1\\nb = = 2")
    ... except tomllib.TOMLDecodeError as error:
    ...     toml_error_line(error)
    2
    """
    line = getattr(error, "lineno", None)
    if isinstance(line, int):
        return line
    found = re.search(r"at line (\d+)", str(error))
    return int(found.group(1)) if found else None


def shown(value: object) -> str:
    """``repr(value)``, cut short for an error message.

    >>> shown("x" * 100)[:10], len(shown("x" * 100))
    ("'xxxxxxxxx", 60)
    """
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


class LongInteger(str):
    """A JSON integer too long for Python to read, kept as its digits: the lexicon's checks
    then reject it by the entry that holds it."""

    __slots__ = ()


def _json_integer(digits: str) -> int | LongInteger:
    return int(digits) if len(digits) <= _INT_DIGITS else LongInteger(digits)


def read_data_file(path: Path, *, max_bytes: int = MAX_LEXICON_BYTES) -> tuple[dict[str, Any], str]:
    """Parse a TOML or JSON file (by its suffix) into a table, with its text.

    Errors are :class:`LexiconError` naming the file, the line and the reason. Only a
    regular file of at most ``max_bytes`` is read.
    """
    text = _read_text(path, max_bytes)
    is_json = path.suffix.lower() == ".json"
    try:
        data = json.loads(text, parse_int=_json_integer) if is_json else tomllib.loads(text)
    except json.JSONDecodeError as error:
        raise LexiconError(path, error.lineno, f"invalid JSON: {error.msg}") from None
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(path, toml_error_line(error), f"invalid TOML: {error}") from None
    except RecursionError:
        raise LexiconError(
            path, _line_of(text, _DEEP_NESTING), f"nested more than {_DEEP} levels deep"
        ) from None
    except ValueError:  # an integer too long to read ("Exceeds the limit ...")
        line = _line_of(text, _LONG_INTEGER)
        key = _key_on_line(text, line)
        where = f"{key}: " if key else ""
        reason = f"{where}a number of more than {_INT_DIGITS:,} digits, out of range"
        raise LexiconError(path, line, reason) from None
    except MemoryError:
        raise LexiconError(path, None, "too large to read into memory") from None
    if not isinstance(data, dict):
        raise LexiconError(path, 1, "expected a table at the top level")
    return data, text


class Origin:
    """Where the entries of one data file came from, to point at the line at fault.

    The file holds a list of tables named ``table``: ``[[table]]`` headers in TOML, or the
    objects of ``{"table": [{...}, ...]}`` in JSON. Sources without a text (mappings, objects)
    have no lines: every question gets ``None``.

    >>> origin = Origin("x.toml", '[[actor]]\\nid = "a"\\n\\n[[actor]]\\nid = "b"\\nkind = 1\\n',
    ...                 table="actor")
    >>> origin.line(1), origin.line(1, "kind"), origin.key_line("actor"), origin.line(2)
    (4, 6, 1, None)
    >>> Origin("<mapping>", table="actor").line(0) is None
    True
    """

    def __init__(
        self, name: str, text: str | None = None, *, table: str, json_layout: bool = False
    ) -> None:
        self.name = name
        self.lines = [] if text is None else text.splitlines()
        self.starts: list[int] = []
        if text is not None:
            self.starts = _json_entry_lines(text) if json_layout else _toml_entry_lines(text, table)

    def _bounds(self, index: int, ident: str | None) -> tuple[int, int] | None:
        """The first and last line of entry ``index`` (0-based)."""
        if not self.lines:
            return None
        if index < len(self.starts):
            start = self.starts[index]
            stop = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.lines)
            return start, stop
        if ident is not None:  # not laid out as [[table]] headers: find the entry by its id
            quoted = (f'"{ident}"', f"'{ident}'")
            found = [n for n, line in enumerate(self.lines, 1) if any(q in line for q in quoted)]
            return (found[0], found[0]) if found else None
        return None

    def line(self, index: int, key: str | None = None, ident: str | None = None) -> int | None:
        """The line of entry ``index`` (0-based), or of its ``key`` when it shows one.

        ``ident`` is a value of the entry (its id) to look for where the entries are not
        laid out as ``[[table]]`` headers.
        """
        bounds = self._bounds(index, ident)
        if bounds is None:
            return None
        start, stop = bounds
        if key is not None:
            named = re.compile(rf"""(?:^|[\s{{,])["']?{re.escape(key)}["']?\s*[=:]""")
            for number in range(start, stop + 1):
                if named.search(self.lines[number - 1]):
                    return number
        return start

    def value_line(self, index: int, key: str, value: str) -> int | None:
        """The line of entry ``index`` where ``value`` (as written) stands, at or after the
        line of its ``key``; else the line of the key.

        >>> origin = Origin("x.toml", '[[c]]\\ncode = "YE"\\nplaces = ["Aden",\\n  42]\\n',
        ...                 table="c")
        >>> origin.value_line(0, "places", "42"), origin.value_line(0, "places", "99")
        (4, 3)
        """
        first = self.line(index, key)
        bounds = self._bounds(index, None)
        if first is None or bounds is None:
            return first
        written = re.compile(rf"(?<![\w.]){re.escape(value)}(?![\w.])")
        for number in range(first, bounds[1] + 1):
            if written.search(self.lines[number - 1]):
                return number
        return first

    def key_line(self, key: str) -> int | None:
        """The first line that names a top-level ``key``."""
        named = re.compile(rf"""^\s*\[*\s*["']?{re.escape(key)}\b|"{re.escape(key)}"\s*:""")
        return next((n for n, line in enumerate(self.lines, 1) if named.search(line)), None)


def _toml_entry_lines(text: str, table: str) -> list[int]:
    """The line of each ``[[table]]`` header.

    >>> _toml_entry_lines('x = 1\\n[[country]]\\n[[ "country" ]]\\n[[countries]]', "country")
    [2, 3]
    """
    name = re.escape(table)
    header = re.compile(rf"""\s*\[\[\s*(?:{name}|"{name}"|'{name}')\s*\]\]""")
    return [n for n, line in enumerate(text.splitlines(), 1) if header.match(line)]


def _json_entry_lines(text: str) -> list[int]:
    """The line where each object of ``{"table": [{...}, ...]}`` opens.

    >>> _json_entry_lines('{"actor": [\\n {"id": "a", "x": {"y": "{"}},\\n {"id": "b"}]}')
    [2, 3]
    """
    starts: list[int] = []
    depth, line, in_string, escaped = 0, 1, False, False
    for char in text:
        if char == "\n":
            line += 1
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[":
            if char == "{" and depth == 2:  # an object in the top object's list
                starts.append(line)
            depth += 1
        elif char in "}]":
            depth -= 1
    return starts


def _read_text(path: Path, max_bytes: int) -> str:
    """The file's text: a regular file of at most ``max_bytes``, in UTF-8."""
    try:
        # Opened without blocking and checked before a byte is read: a FIFO or a device
        # (/dev/zero) is refused, not waited on or read without end.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise LexiconError(path, None, f"cannot read: {error.strerror or error}") from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise LexiconError(path, None, "not a regular file")
        if status.st_size > max_bytes:
            raise LexiconError(path, None, f"larger than {max_bytes:,} bytes")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as error:
        raise LexiconError(path, None, f"cannot read: {error.strerror or error}") from None
    finally:
        os.close(descriptor)
    if len(raw) > max_bytes:  # it grew while being read
        raise LexiconError(path, None, f"larger than {max_bytes:,} bytes")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise LexiconError(path, line, "not UTF-8") from None


def _line_of(text: str, pattern: re.Pattern[str]) -> int | None:
    found = pattern.search(text)
    return None if found is None else text.count("\n", 0, found.start()) + 1


def _key_on_line(text: str, line: int | None) -> str | None:
    """The key a ``key = value`` line of TOML sets, if line ``line`` is one."""
    if line is None:
        return None
    lines = text.splitlines()
    found = _TOML_KEY.match(lines[line - 1]) if line <= len(lines) else None
    return None if found is None else found.group(1).strip("\"'")
