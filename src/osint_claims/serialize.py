"""The one place that knows JSON: a cattrs converter for every model type.

Decimals travel as strings (no float rounding), enums as their values, and every attrs
class as an object of its fields, so a round trip is lossless.

>>> from decimal import Decimal
>>> from osint_claims.model import Quantity
>>> q = Quantity.exact(Decimal("3000"), item="troops")
>>> text = to_json(q)
>>> from_json(text, Quantity) == q
True
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

import cattrs

from .model import Predicate

__all__ = ["converter", "from_json", "to_json"]

T = TypeVar("T")


def _make_converter() -> cattrs.Converter:
    made = cattrs.Converter(forbid_extra_keys=True)
    made.register_unstructure_hook(Decimal, str)
    made.register_structure_hook(Decimal, lambda value, _: Decimal(str(value)))
    made.register_unstructure_hook(date, date.isoformat)
    made.register_structure_hook(date, lambda value, _: date.fromisoformat(value))
    made.register_unstructure_hook(Predicate, lambda predicate: predicate.key)
    made.register_structure_hook(Predicate, lambda value, _: Predicate(str(value)))
    return made


converter: cattrs.Converter = _make_converter()
"""The package's converter: ``converter.unstructure(claim)`` gives plain JSON-ready data."""


def to_json(obj: Any, *, indent: int | None = None) -> str:
    """Serialise a model object (or a list of them) to a JSON string."""
    return json.dumps(converter.unstructure(obj), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes, cls: type[T]) -> T:
    """Read a model object of type ``cls`` back from :func:`to_json` output."""
    return converter.structure(json.loads(text), cls)
