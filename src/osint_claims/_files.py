"""Private: reading user data files (lexicons, registries) as data, never as code."""

from __future__ import annotations

import json
import re
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


def read_data_file(path: Path) -> tuple[dict[str, Any], str]:
    """Parse a TOML or JSON file (by its suffix) into a table, with its text.

    Errors are :class:`LexiconError` naming the file, the line and the reason.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(path, None, f"cannot read: {error}") from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except json.JSONDecodeError as error:
        raise LexiconError(path, error.lineno, f"invalid JSON: {error.msg}") from None
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(path, toml_error_line(error), f"invalid TOML: {error}") from None
    if not isinstance(data, dict):
        raise LexiconError(path, 1, "expected a table at the top level")
    return data, text
