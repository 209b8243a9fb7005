"""The cross-source report on the showcase articles of ``seeds/``.

Reads every article, extracts its claims, groups them into topics (troops sent,
reinforcements, casualties, killed, artillery, ...), compares the figures of the
independent voices and prints who said what, when, citing whom, how the figures relate
and where the voices land.

Run from the repository root::

    python examples/seed_report.py [--format text|markdown|json]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from osint_claims import REPORT_FORMATS, extract_claims, read_article, render_report

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=REPORT_FORMATS, default="text")
    parser.add_argument("folder", nargs="?", type=Path, default=SEEDS)
    options = parser.parse_args(argv)
    claims = []
    for path in sorted(options.folder.glob("*.txt")):
        claims.extend(extract_claims(read_article(path), related=True))
    sys.stdout.write(render_report(claims, options.format).rstrip("\n") + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
