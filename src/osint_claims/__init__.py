"""osint_claims: typed, comparable, quantitative claims from conflict reporting.

>>> import osint_claims
>>> [str(q.value) for q in osint_claims.extract_quantities("some 11,000 troops")]
['11000']
"""

from ._version import __version__
from .errors import InvalidInputError, LexiconError, ModelError, OsintClaimsError
from .lexicon import Currency, Lexicon, Unit
from .model import Bound, Change, Quantity, Span
from .numbers import parse_number
from .quantities import QuantityParser, extract_quantities, parse_quantity
from .serialize import converter, from_json, to_json
from .text import normalize

__all__ = [
    "Bound",
    "Change",
    "Currency",
    "InvalidInputError",
    "Lexicon",
    "LexiconError",
    "ModelError",
    "OsintClaimsError",
    "Quantity",
    "QuantityParser",
    "Span",
    "Unit",
    "__version__",
    "converter",
    "extract_quantities",
    "from_json",
    "normalize",
    "parse_number",
    "parse_quantity",
    "to_json",
]
