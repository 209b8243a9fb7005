"""What a claim (or a read page) shows for a key of the claim-layer tables, as text.

The tables ``speakers.txt``, ``events.txt``, ``roles.txt``, ``not_claims.txt`` and
``layout.txt`` under ``tests/cases/`` are read with :func:`tables.read_table`: one page per
line, then ``|``, then one group of ``key=value`` pairs per claim, in order (groups
separated by `` ; ``), or ``none`` for a page without claims. Every claim the page gives
must be listed, so a figure read twice, or a count that is no claim, fails its line.

Actors are written as an analyst names them and resolved through the shipped registry;
``none`` asks for no actor. A speaker the registry does not know is checked by the name
the library gives it (``speaker=``), its kind, country and affiliation.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from osint_claims import Actor, ActorRegistry, Article, Claim, extract_claims
from tables import Case

PUBLISHED = date(2025, 3, 27)
_ACTOR_KEYS = frozenset({"subject", "agent", "recipient", "originator", "outlet", "wire"})
_LIST_KEYS = frozenset({"originators", "via"})


def actor_id(name: str) -> str:
    """The registry id of an actor as an analyst names it ("none" for no actor)."""
    if name == "none":
        return "none"
    actor = ActorRegistry.default().resolve(name)
    assert actor is not None, f"the registry does not know {name!r}"
    return actor.id


def _id(actor: Actor | None) -> str:
    return "none" if actor is None else actor.id


def _ids(actors: tuple[Actor, ...]) -> str:
    return ",".join(a.id for a in actors) or "none"


def wanted(key: str, value: str) -> str:
    """The table's value for ``key`` in the form :func:`claim_shows` gives."""
    if key in _ACTOR_KEYS:
        return actor_id(value)
    if key in _LIST_KEYS:
        return ",".join(actor_id(n.strip()) for n in value.split(",")) if value else "none"
    if key == "value":
        return str(Decimal(value))
    return value


def claim_shows(claim: Claim, key: str) -> str:
    """What ``claim`` shows for ``key`` of a table."""
    attribution = claim.attribution
    speaker = attribution.originator
    if key in ("subject", "agent", "recipient"):
        actor: Actor | None = getattr(claim, key)
        return _id(actor)
    if key == "originator":
        return _id(speaker)
    if key == "originators":
        return _ids(attribution.originators)
    if key == "via":
        return _ids(attribution.via)
    if key == "value":
        value = claim.quantity.value
        return "none" if value is None else str(value.normalize())
    if key in ("speaker", "kind", "country", "affiliation"):
        if speaker is None:
            return "<no originator>"
        shown = {
            "speaker": speaker.name,
            "kind": speaker.kind.value,
            "country": speaker.country,
            "affiliation": speaker.affiliation,
        }[key]
        return "none" if shown is None else shown
    shown_text = {
        "item": claim.quantity.item,
        "predicate": claim.predicate.key,
        "hedge": claim.hedge.value,
        "segment": claim.evidence.segment.name,
    }.get(key, f"<unknown key {key}>")
    return "none" if shown_text is None else shown_text


def _same(key: str, shown: str, value: str) -> bool:
    if key == "value":
        return Decimal(shown) == Decimal(value) if shown != "none" else value == "none"
    return shown == wanted(key, value)


def check_claims(case: Case, claims: list[Claim], groups: tuple[dict[str, str], ...]) -> None:
    """Every claim, in order, shows what its group of the line asks for."""
    summary = [
        (c.quantity.text, c.predicate.key, _id(c.attribution.originator), _id(c.subject))
        for c in claims
    ]
    assert len(claims) == len(groups), f"line {case.line}: got {summary}"
    for number, (claim, group) in enumerate(zip(claims, groups, strict=True), start=1):
        for key, value in group.items():
            shown = claim_shows(claim, key)
            assert _same(key, shown, value), (
                f"line {case.line}, claim {number} ({claim.quantity.text!r}): {key} is "
                f"{shown!r}, expected {value!r}"
            )


def check_sentence(case: Case) -> None:
    """A table line read as a page published on :data:`PUBLISHED`."""
    check_claims(case, extract_claims(case.text, published=PUBLISHED), case.expected)


def page_shows(article: Article, key: str) -> str:
    """What a read page shows for a page key of ``layout.txt``."""
    source = article.source
    dateline = article.dateline
    if key == "title":
        return source.title or "none"
    if key == "author":
        return source.author or "none"
    if key == "outlet":
        return _id(source.outlet)
    if key == "via":
        return _ids(source.via)
    if key == "place":
        return "none" if dateline is None else dateline.place
    if key == "country":
        return "none" if dateline is None or dateline.country is None else dateline.country
    if key == "wire":
        return "none" if dateline is None else _id(dateline.wire)
    if key == "captions":
        return str(sum(s.kind.name == "CAPTION" for s in article.segments))
    return f"<unknown key {key}>"
