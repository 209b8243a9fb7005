"""Shared by the benchmark scripts: the header lines every report starts with, and the
reading of the evaluation sets.

Scripts import it as ``_context`` (they run from ``benchmarks/``, which Python puts first
on the path).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import json
import os
import platform
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

__all__ = [
    "REPO_ROOT",
    "command_line",
    "cpu_model",
    "library_context",
    "machine_context",
    "osint_claims",
    "positive_int",
]

T = TypeVar("T")

REPO_ROOT = Path(__file__).resolve().parent.parent

try:
    import osint_claims
except ImportError:  # not installed: use the repository's src/ directly
    sys.path.insert(0, str(REPO_ROOT / "src"))
    import osint_claims


def command_line() -> str:
    """The command exactly as it was typed (interpreter, its options, script and arguments)."""
    return shlex.join(sys.orig_argv)


def cpu_model() -> str:
    """The processor's name, from /proc/cpuinfo where there is one."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "model name" and value.strip():
                return value.strip()
    return platform.processor() or platform.machine() or "cpu ?"


def machine_context() -> str:
    """One line describing the interpreter and the machine."""
    return (
        f"{platform.python_implementation()} {platform.python_version()} "
        f"| {platform.platform()} | {cpu_model()} | {os.cpu_count() or '?'} logical CPUs"
    )


def library_context() -> str:
    """Which osint_claims is being measured, and from where."""
    version = getattr(osint_claims, "__version__", None)
    if version is None:
        try:
            version = importlib.metadata.version("osint-claims")
        except importlib.metadata.PackageNotFoundError:
            version = "?"
    location = osint_claims.__file__
    where = str(Path(location).parent) if location else "?"
    return f"osint_claims {version} from {where}"


def positive_int(value: str) -> int:
    """An argparse type: an integer of at least 1."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return number


def print_header() -> None:
    """The first lines of every report: the command, the machine and the library measured."""
    print(f"$ {command_line()}")
    print(f"machine: {machine_context()}")
    print(f"library: {library_context()}")


def add_seeds_option(parser: argparse.ArgumentParser) -> None:
    """``--seeds DIR``: where the seed articles are read from (the repository's by default)."""
    parser.add_argument(
        "--seeds",
        type=Path,
        default=REPO_ROOT / "seeds",
        help="directory of *.txt seed files (default: the repository's seeds/)",
    )


class DataError(ValueError):
    """An evaluation file is malformed."""


def read_jsonl(path: Path, build: Callable[[object, int], T]) -> list[T]:
    """Every non-blank line of ``path`` parsed as JSON and passed, with its line number, to
    ``build``; a line that is not JSON raises :class:`DataError` naming it."""
    built = []
    with path.open(encoding="utf-8") as handle:
        for line, raw_line in enumerate(handle, start=1):
            if not raw_line.strip():
                continue
            try:
                raw = json.loads(raw_line)
            except json.JSONDecodeError as exc:
                raise DataError(f"line {line}: invalid JSON: {exc}") from None
            built.append(build(raw, line))
    return built
