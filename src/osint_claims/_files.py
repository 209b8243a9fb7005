"""Private: reading user data files (lexicons, registries) as data, never as code.

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
from pathlib import Path
from typing import Any, Final

from .errors import LexiconError

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
