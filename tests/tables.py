"""Reading the analyst-readable case tables under ``tests/cases/``.

A table line is ``text | expectation ; expectation``; an expectation is ``key=value``
pairs (values with spaces in double quotes). Lines starting with ``#`` are comments.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

CASES = Path(__file__).parent / "cases"


@dataclass(frozen=True)
class Case:
    """One line of a table: the input text and what each result must show."""

    line: int
    text: str
    expected: tuple[dict[str, str], ...]

    @property
    def id(self) -> str:
        return f"L{self.line}:{self.text[:50]}"


def read_table(name: str) -> list[Case]:
    """All cases of ``tests/cases/<name>``; ``\\n`` in a text stands for a line break."""
    cases = []
    path = CASES / name
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        text, _, expectation = raw.partition(" | ")
        if not _:
            raise ValueError(f"{path}:{number}: no ' | ' between text and expectation")
        text = text.strip().replace("\\n", "\n")
        expectation = expectation.strip()
        if expectation == "none":
            cases.append(Case(number, text, ()))
            continue
        expected = tuple(
            dict(pair.split("=", 1) for pair in shlex.split(part))
            for part in expectation.split(" ; ")
        )
        cases.append(Case(number, text, expected))
    return cases
