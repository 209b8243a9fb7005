"""A cross-source report: for each topic, who gave which figure, when, citing whom, how the
figures relate and where the independent voices land.

A topic's table has an ``agent`` column when any of its claims says someone other than the
subject did it (the coalition whose strikes killed Yemeni civilians; not Russia, which
launched its own drones): sources that blame different sides for one toll stand side by
side, since the agent never splits a topic whose subject is named.

:func:`build_report` groups claims into topics (adding the totals that compound figures
imply, "300 killed and 2,700 wounded"), finds each topic's voices, consensus and timeline,
and compares the voices' figures pairwise; :func:`render_report` writes it as plain text
for a terminal, as Markdown, or as JSON through the package's converter.

>>> from datetime import date
>>> from osint_claims import extract_claims
>>> claims = (extract_claims("North Korea sent 11,000 troops to Russia, the JCS said.",
...                          published=date(2025, 3, 27))
...           + extract_claims("North Korea sent 10,000 to 12,000 troops to Russia, Kyiv said.",
...                            published=date(2025, 3, 27)))
>>> print(render_report(claims))  # doctest: +NORMALIZE_WHITESPACE
North Korea → Russia: personnel sent
  consensus of 2 voices: low 10,000 · best 11,000 · high 12,000 · conservative 11,000
  when        figure         who                      how sure  through
  2025-03-27  11,000         Joint Chiefs of Staff    stated    -
  2025-03-27  10,000–12,000  Ukraine                  stated    -
  how the figures relate:
    11,000 (Joint Chiefs of Staff) refines 10,000–12,000 (Ukraine)
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Sequence
from typing import Literal

import attrs

from ._figures import claim_label, figure_text, names_text, number_text
from ._parties import same_party
from .arithmetic import compound_totals
from .compare import Comparison, Relation, Tolerance, claims_given, compare
from .consensus import Consensus, TimelineEntry, Topic, consensus, group, timeline
from .errors import InvalidInputError
from .lexicon import Lexicon
from .model import Claim
from .serialize import converter

__all__ = ["REPORT_FORMATS", "Report", "TopicReport", "build_report", "render_report"]

ReportFormat = Literal["text", "markdown", "json"]
REPORT_FORMATS: tuple[ReportFormat, ...] = ("text", "markdown", "json")
"""The formats :func:`render_report` writes."""


def _comparisons(values: Iterable[Comparison]) -> tuple[Comparison, ...]:
    return tuple(values)


def _entries(values: Iterable[TimelineEntry]) -> tuple[TimelineEntry, ...]:
    return tuple(values)


def _topic_reports(values: Iterable[TopicReport]) -> tuple[TopicReport, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class TopicReport:
    """One topic: its claims in date order, the consensus of its voices, and how the
    voices' figures relate (incomparable pairs left out)."""

    topic: Topic
    consensus: Consensus
    timeline: tuple[TimelineEntry, ...] = attrs.field(converter=_entries)
    relations: tuple[Comparison, ...] = attrs.field(converter=_comparisons)


@attrs.frozen(slots=True)
class Report:
    """Every topic of a set of claims, the best-attested first."""

    topics: tuple[TopicReport, ...] = attrs.field(converter=_topic_reports)


def build_report(
    claims: Iterable[Claim],
    *,
    tolerance: Tolerance | None = None,
    lexicon: Lexicon | None = None,
) -> Report:
    """Group ``claims`` into topics and compare, count and order each one.

    Topics come most voices first, then most figures.

    >>> build_report([]).topics
    ()
    """
    claims = claims_given("build_report", claims)
    claims.extend(compound_totals(claims, lexicon=lexicon))
    reports = []
    for topic in group(claims, lexicon=lexicon):
        agreed = consensus(topic)
        heard = [voice.claim for voice in agreed.voices]
        relations = [
            comparison
            for first, second in itertools.combinations(heard, 2)
            if (comparison := compare(first, second, tolerance=tolerance, lexicon=lexicon)).relation
            is not Relation.INCOMPARABLE
        ]
        reports.append(TopicReport(topic, agreed, timeline(topic), relations))
    reports.sort(key=lambda r: (-len(r.consensus.voices), -len(r.topic.claims), r.topic.label))
    return Report(reports)


def render_report(report: Report | Sequence[Claim], format: ReportFormat = "text") -> str:
    """The report as plain text, Markdown or JSON.

    >>> render_report([], "markdown")
    '# Cross-source report\\n\\nNo figures.\\n'
    >>> render_report([], "json")
    '{"topics": []}'
    """
    if not isinstance(report, Report):
        report = build_report(report)
    if format == "json":
        return json.dumps(converter.unstructure(report), ensure_ascii=False)
    if format == "markdown":
        return _markdown(report)
    if format == "text":
        return _text(report)
    raise InvalidInputError(
        "render_report", f"unknown format {format!r}; use one of {REPORT_FORMATS}"
    )


# Plain text -----------------------------------------------------------------------------


def _text(report: Report) -> str:
    blocks = [_text_topic(topic) for topic in report.topics]
    return "\n\n".join(blocks) if blocks else "No figures."


def _shows_agents(topic_report: TopicReport) -> bool:
    return any(_agent(entry.claim) != _NONE for entry in topic_report.timeline)


def _header(agents: bool) -> tuple[str, ...]:
    return ("when", "figure", *(("agent",) if agents else ()), "who", "how sure", "through")


def _text_topic(topic_report: TopicReport) -> str:
    agents = _shows_agents(topic_report)
    rows = [_row(entry, agents) for entry in topic_report.timeline]
    header = _header(agents)
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [topic_report.topic.label, "  " + _consensus_line(topic_report.consensus)]
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
        lines.append("  " + "  ".join(cells).rstrip())
    if topic_report.relations:
        lines.append("  how the figures relate:")
        lines.extend(f"    {_relation_line(comparison)}" for comparison in topic_report.relations)
    return "\n".join(lines)


_NONE = "-"


def _agent(claim: Claim) -> str:
    # Who did it, where that is someone other than whose people or things were counted:
    # "Russia launched 147 drones" needs no agent beside its subject.
    agent, subject = claim.agent, claim.subject
    if agent is None or (subject is not None and same_party(agent, subject)):
        return _NONE
    return agent.name


def _row(entry: TimelineEntry, agents: bool) -> tuple[str, ...]:
    claim = entry.claim
    attribution = claim.attribution
    who = names_text(attribution.originators) if attribution.originators else _NONE
    through = [actor.name for actor in attribution.via]
    if attribution.outlet is not None:
        through.insert(0, attribution.outlet.name)
    figure = figure_text(claim.quantity)
    if claim.derived:
        figure += " (derived)"
    return (
        entry.when.isoformat() if entry.when is not None else "undated",
        figure,
        *((_agent(claim),) if agents else ()),
        who,
        claim.hedge.value,
        ", ".join(through) or _NONE,
    )


def _consensus_line(agreed: Consensus) -> str:
    count = len(agreed.voices)
    noun = "voice" if count == 1 else "voices"
    if agreed.best is None or agreed.low is None or agreed.high is None:
        return f"consensus of {count} {noun}: no figure"
    assert agreed.conservative is not None
    return (
        f"consensus of {count} {noun}: low {number_text(agreed.low)} · "
        f"best {number_text(agreed.best)} · high {number_text(agreed.high)} · "
        f"conservative {number_text(agreed.conservative)}"
    )


def _relation_line(comparison: Comparison) -> str:
    verb = comparison.relation.value.replace("_", " ")
    return f"{claim_label(comparison.first)} {verb} {claim_label(comparison.second)}"


# Markdown -------------------------------------------------------------------------------


def _markdown(report: Report) -> str:
    lines = ["# Cross-source report", ""]
    if not report.topics:
        lines.append("No figures.")
    for topic_report in report.topics:
        lines += [f"## {topic_report.topic.label}", "", _consensus_line(topic_report.consensus)]
        agents = _shows_agents(topic_report)
        header = _header(agents)
        lines += ["", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for entry in topic_report.timeline:
            cells = (_escape(cell) for cell in _row(entry, agents))
            lines.append("| " + " | ".join(cells) + " |")
        if topic_report.relations:
            lines += ["", "How the figures relate:", ""]
            lines += [
                f"- {_escape(_relation_line(c))}: {_escape('; '.join(c.reasons))}"
                for c in topic_report.relations
            ]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _escape(cell: str) -> str:
    return cell.replace("|", "\\|")
