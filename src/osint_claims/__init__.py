"""osint_claims: typed, comparable, quantitative claims from conflict reporting.

>>> import osint_claims
>>> [str(q.value) for q in osint_claims.extract_quantities("some 11,000 troops")]
['11000']
"""

from ._version import __version__
from .actors import ActorRegistry
from .arithmetic import add_increment, compound_totals, convert, share, times, total
from .articles import Article, Segment, read_article, split_sentences
from .claims import ClaimReader, extract_claims
from .compare import (
    RECENT_DAYS,
    Comparison,
    Relation,
    Tolerance,
    claim_date,
    compare,
    increment_period,
    is_increment,
)
from .consensus import (
    Consensus,
    TimelineEntry,
    Topic,
    Voice,
    consensus,
    group,
    timeline,
    voices,
)
from .corpus import DocumentResult, extract_many, iter_claims
from .dates import find_periods, find_publication_date, parse_date, resolve_period
from .documents import decode_document, find_documents, read_document, would_find
from .errors import (
    DocumentError,
    FigureRangeError,
    IncompatibleClaimsError,
    InvalidInputError,
    LexiconError,
    MissingDependencyError,
    ModelError,
    OsintClaimsError,
)
from .export import (
    QUANTITY_FIELDS,
    RECORD_FIELDS,
    Record,
    csv_cell,
    iter_records,
    to_dataframe,
    to_quantity_record,
    to_quantity_records,
    to_record,
    to_records,
    write_csv,
)
from .lexicon import Currency, Lexicon, Unit
from .measures import Measure, Measures
from .model import (
    Actor,
    ActorKind,
    Attribution,
    Bound,
    Change,
    Claim,
    Evidence,
    Hedge,
    Period,
    Precision,
    Predicate,
    Quantity,
    SegmentKind,
    Source,
    Span,
)
from .numbers import parse_number
from .places import Gazetteer
from .quantities import QuantityParser, extract_quantities, parse_quantity
from .report import REPORT_FORMATS, Report, TopicReport, build_report, render_report
from .schema import json_schema
from .serialize import converter, from_json, to_json
from .text import normalize

__all__ = [
    "QUANTITY_FIELDS",
    "RECENT_DAYS",
    "RECORD_FIELDS",
    "REPORT_FORMATS",
    "Actor",
    "ActorKind",
    "ActorRegistry",
    "Article",
    "Attribution",
    "Bound",
    "Change",
    "Claim",
    "ClaimReader",
    "Comparison",
    "Consensus",
    "Currency",
    "DocumentError",
    "DocumentResult",
    "Evidence",
    "FigureRangeError",
    "Gazetteer",
    "Hedge",
    "IncompatibleClaimsError",
    "InvalidInputError",
    "Lexicon",
    "LexiconError",
    "Measure",
    "Measures",
    "MissingDependencyError",
    "ModelError",
    "OsintClaimsError",
    "Period",
    "Precision",
    "Predicate",
    "Quantity",
    "QuantityParser",
    "Record",
    "Relation",
    "Report",
    "Segment",
    "SegmentKind",
    "Source",
    "Span",
    "TimelineEntry",
    "Tolerance",
    "Topic",
    "TopicReport",
    "Unit",
    "Voice",
    "__version__",
    "add_increment",
    "build_report",
    "claim_date",
    "compare",
    "compound_totals",
    "consensus",
    "convert",
    "converter",
    "csv_cell",
    "decode_document",
    "extract_claims",
    "extract_many",
    "extract_quantities",
    "find_documents",
    "find_periods",
    "find_publication_date",
    "from_json",
    "group",
    "increment_period",
    "is_increment",
    "iter_claims",
    "iter_records",
    "json_schema",
    "normalize",
    "parse_date",
    "parse_number",
    "parse_quantity",
    "read_article",
    "read_document",
    "render_report",
    "resolve_period",
    "share",
    "split_sentences",
    "timeline",
    "times",
    "to_dataframe",
    "to_json",
    "to_quantity_record",
    "to_quantity_records",
    "to_record",
    "to_records",
    "total",
    "voices",
    "would_find",
    "write_csv",
]
