"""osint_claims: typed, comparable, quantitative claims from conflict reporting.

>>> import osint_claims
>>> [str(q.value) for q in osint_claims.extract_quantities("some 11,000 troops")]
['11000']
"""

from ._version import __version__
from .actors import ActorRegistry
from .articles import Article, Segment, read_article, split_sentences
from .claims import ClaimReader, extract_claims
from .dates import find_periods, find_publication_date, parse_date, resolve_period
from .errors import InvalidInputError, LexiconError, ModelError, OsintClaimsError
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
    SegmentKind,
    Source,
    Span,
)
from .numbers import parse_number
from .quantities import QuantityParser, extract_quantities, parse_quantity
from .serialize import converter, from_json, to_json
from .text import normalize

__all__ = [
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
    "Evidence",
    "Hedge",
    "InvalidInputError",
    "Lexicon",
    "LexiconError",
    "ModelError",
    "OsintClaimsError",
    "Period",
    "Precision",
    "Predicate",
    "Quantity",
    "QuantityParser",
    "Segment",
    "SegmentKind",
    "Source",
    "Span",
    "Unit",
    "__version__",
    "converter",
    "extract_claims",
    "extract_quantities",
    "find_periods",
    "find_publication_date",
    "from_json",
    "normalize",
    "parse_date",
    "parse_number",
    "parse_quantity",
    "read_article",
    "resolve_period",
    "split_sentences",
    "to_json",
]
