"""osint_claims: typed, comparable, quantitative claims from conflict reporting.

>>> import osint_claims
>>> [str(q.value) for q in osint_claims.extract_quantities("some 11,000 troops")]
['11000']
"""

from ._version import __version__
from .actors import ActorRegistry
from .articles import Article, Segment, SegmentKind, read_article, split_sentences
from .claims import ClaimReader, extract_claims
from .dates import find_periods, find_publication_date, parse_date, resolve_period
from .documents import decode_document, find_documents, read_document
from .errors import (
    DocumentError,
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
    Source,
    Span,
)
from .numbers import parse_number
from .quantities import QuantityParser, extract_quantities, parse_quantity
from .schema import json_schema
from .serialize import converter, from_json, to_json
from .text import normalize

__all__ = [
    "QUANTITY_FIELDS",
    "RECORD_FIELDS",
    "Actor",
    "ActorKind",
    "ActorRegistry",
    "Article",
    "Attribution",
    "Bound",
    "Change",
    "Claim",
    "ClaimReader",
    "Currency",
    "DocumentError",
    "Evidence",
    "Hedge",
    "InvalidInputError",
    "Lexicon",
    "LexiconError",
    "MissingDependencyError",
    "ModelError",
    "OsintClaimsError",
    "Period",
    "Precision",
    "Predicate",
    "Quantity",
    "QuantityParser",
    "Record",
    "Segment",
    "SegmentKind",
    "Source",
    "Span",
    "Unit",
    "__version__",
    "converter",
    "csv_cell",
    "decode_document",
    "extract_claims",
    "extract_quantities",
    "find_documents",
    "find_periods",
    "find_publication_date",
    "from_json",
    "iter_records",
    "json_schema",
    "normalize",
    "parse_date",
    "parse_number",
    "parse_quantity",
    "read_article",
    "read_document",
    "resolve_period",
    "split_sentences",
    "to_dataframe",
    "to_json",
    "to_quantity_record",
    "to_quantity_records",
    "to_record",
    "to_records",
    "write_csv",
]
