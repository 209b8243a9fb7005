"""Who says what number about whom, in the showcase articles of ``seeds/``.

Run from the repository root: ``python examples/claims_in_seeds.py``; add ``--related`` to
read the headlines of related articles too (marked "related").
"""

from __future__ import annotations

import sys
from pathlib import Path

from osint_claims import Actor, Claim, SegmentKind, extract_claims, read_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def name(actor: Actor | None) -> str:
    return actor.name if actor is not None else "?"


def describe(claim: Claim) -> str:
    """One line: figure, what, whose, to whom, done by whom, when, who says so and how sure."""
    parts = [
        f"{claim.quantity.figure:>18}",
        f"{claim.predicate.key:<10}",
        f"{claim.quantity.item or ''}",
    ]
    parties = name(claim.subject)
    if claim.recipient is not None:
        parties += f" -> {name(claim.recipient)}"
    if claim.agent is not None and claim.agent != claim.subject:
        parties += f", by {name(claim.agent)}"
    parts.append(f"[{parties}]")
    if claim.period is not None:
        parts.append(f"{claim.period.start}..{claim.period.end}")
    attribution = claim.attribution
    sources = " + ".join(a.name for a in attribution.originators) or "?"
    said = f"says {sources} ({claim.hedge.value})"
    if attribution.via:
        said += " via " + ", ".join(a.name for a in attribution.via)
    if attribution.outlet is not None:
        said += f" in {attribution.outlet.name}"
    parts.append(said)
    if claim.part_of is not None:
        parts.append(f"part of {claim.part_of.value}")
    if claim.derived:
        parts.append("derived")
    if claim.evidence.segment is SegmentKind.RELATED:
        parts.append("related")
    return "  ".join(parts)


def main(folder: Path = SEEDS, *, related: bool = False) -> int:
    """Print the claims of each article in ``folder``."""
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        print(f"no .txt files in {folder}", file=sys.stderr)
        return 1
    for path in paths:
        article = read_article(path)
        source = article.source
        print(f"== {path.name}: {source.title or '(no title)'}")
        print(
            f"   {name(source.outlet)}, {source.published or 'undated'}, by {source.author or '?'}"
        )
        for claim in extract_claims(article, related=related):
            print("  " + describe(claim))
    return 0


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--related"]
    sys.exit(main(Path(arguments[0]) if arguments else SEEDS, related="--related" in sys.argv))
