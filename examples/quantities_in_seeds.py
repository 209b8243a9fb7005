"""Every quantity in the showcase articles of ``seeds/``, one line each.

Run from the repository root: ``python examples/quantities_in_seeds.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from osint_claims import Quantity, extract_quantities

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def describe(quantity: Quantity) -> str:
    """One readable line: the figure and what is counted."""
    item = f" {quantity.item}" if quantity.item else ""
    return f"{quantity.figure}{item}"


def main(folder: Path = SEEDS) -> int:
    """Print the quantities of each article in ``folder``."""
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        print(f"no .txt files in {folder}", file=sys.stderr)
        return 1
    for path in paths:
        text = path.read_text(encoding="utf-8")
        print(f"== {path.name}")
        for quantity in extract_quantities(text):
            print(f"  {quantity.span.start:>5}  {describe(quantity):<60}  «{quantity.text}»")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else SEEDS))
