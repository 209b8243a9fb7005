"""JSON Schema (draft 2020-12) of the JSON the package writes, generated from the model.

The schema is read off the attrs classes themselves (their fields and type hints), so a
field added to the model appears in the schema with no edit here. Types map as the
converter in :mod:`osint_claims.serialize` writes them:

- ``Decimal``: a string holding a decimal number (``"3000"``, ``"-1.5E+3"``), never a JSON
  number, which a reader could round;
- ``date``: a string, ``format: date`` (``"2025-03-27"``);
- an enum: one of its values; ``Predicate``: its key, a string;
- ``X | None``: ``anyOf`` X and ``null``; ``tuple[X, ...]``: an array of X;
- a model class: a ``$ref`` to its entry in ``$defs``, an object with exactly its fields
  (unknown keys are rejected, as the converter rejects them); fields without a default are
  required.

>>> schema = json_schema(model.Quantity)
>>> schema["$ref"], schema["$defs"]["Quantity"]["required"]
('#/$defs/Quantity', ['value', 'low', 'high'])
>>> schema["$defs"]["Quantity"]["properties"]["bound"]
{'$ref': '#/$defs/Bound'}
>>> schema["$defs"]["Bound"]["enum"]
['exact', 'at_least', 'more_than', 'at_most', 'less_than', 'range']
"""

from __future__ import annotations

import enum
import inspect
import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs

from . import model
from .model import Claim, Predicate

__all__ = ["DECIMAL_PATTERN", "MODEL_TYPES", "SCHEMA_DIALECT", "json_schema"]

SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

DECIMAL_PATTERN: Final = r"^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$"
"""A finite decimal as ``str(Decimal)`` writes it (the model admits no NaN or infinity)."""

# date.isoformat() always writes four year digits; the pattern checks what "format" only
# annotates unless a validator is asked to check formats.
_DATE_PATTERN: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

# Types the converter writes as a JSON scalar rather than by their structure.
_SCALARS: Final[dict[type, dict[str, Any]]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    Decimal: {"type": "string", "pattern": DECIMAL_PATTERN},
    date: {"type": "string", "format": "date", "pattern": _DATE_PATTERN},
    Predicate: {"type": "string"},
}

MODEL_TYPES: Final[dict[str, type]] = {
    name.lower(): cls
    for name in model.__all__
    if attrs.has(cls := getattr(model, name)) and cls not in _SCALARS
}
"""The model classes with a schema of their own, by lower-case name (``"claim"``)."""


def _describe(cls: type) -> str | None:
    doc = inspect.getdoc(cls)
    if not doc:
        return None
    return " ".join(doc.split("\n\n", 1)[0].split())


class _Builder:
    """Collects ``$defs`` while walking types, each class once (so recursion terminates)."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # claimed first: a class may refer to itself
            self.defs[name] = self._enum(cls) if issubclass(cls, enum.Enum) else self._object(cls)
        return {"$ref": f"#/$defs/{name}"}

    def _enum(self, cls: type[enum.Enum]) -> dict[str, Any]:
        values = [member.value for member in cls]
        schema: dict[str, Any] = {"title": cls.__name__}
        if all(isinstance(v, str) for v in values):
            schema["type"] = "string"
        schema["enum"] = values
        if (description := _describe(cls)) is not None:
            schema["description"] = description
        return schema

    def _object(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties = {field.name: self.of(hints[field.name]) for field in attrs.fields(cls)}
        required = [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]
        schema: dict[str, Any] = {"title": cls.__name__, "type": "object"}
        if (description := _describe(cls)) is not None:
            schema["description"] = description
        schema["properties"] = properties
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        return schema

    def of(self, hint: Any) -> dict[str, Any]:
        """The schema of one type hint."""
        if hint is type(None):
            return {"type": "null"}
        if isinstance(hint, type) and hint in _SCALARS:
            return dict(_SCALARS[hint])
        if isinstance(hint, type) and (attrs.has(hint) or issubclass(hint, enum.Enum)):
            return self.ref(hint)
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin in (typing.Union, types.UnionType):
            return {"anyOf": [self.of(arg) for arg in args]}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.of(args[0])}
        if origin is tuple:
            return {
                "type": "array",
                "prefixItems": [self.of(arg) for arg in args],
                "items": False,
            }
        if origin in (list, frozenset, set):
            return {"type": "array", "items": self.of(args[0])}
        if origin is dict and args and args[0] is str:
            return {"type": "object", "additionalProperties": self.of(args[1])}
        if origin is typing.Literal:
            return {"enum": list(args)}
        # A new field of a type the converter has no plain JSON form for must fail loudly
        # here (and in the tests) rather than produce a schema that lies.
        raise TypeError(f"no JSON Schema for the type {hint!r}")


def json_schema(cls: type = Claim) -> dict[str, Any]:
    """The JSON Schema of ``cls`` as :func:`~osint_claims.to_json` writes it.

    The result holds every model type ``cls`` reaches under ``$defs`` and refers to
    ``cls`` at the top. ``json_schema()`` (of :class:`~osint_claims.Claim`) covers every
    model type, since a claim reaches them all.

    >>> schema = json_schema()
    >>> schema["$schema"], schema["title"], schema["$ref"]
    ('https://json-schema.org/draft/2020-12/schema', 'Claim', '#/$defs/Claim')
    >>> sorted(schema["$defs"])[:4]
    ['Actor', 'ActorKind', 'Attribution', 'Bound']
    >>> schema["$defs"]["Claim"]["properties"]["period"]
    {'anyOf': [{'$ref': '#/$defs/Period'}, {'type': 'null'}]}
    """
    builder = _Builder()
    top = builder.of(cls)
    return {
        "$schema": SCHEMA_DIALECT,
        "title": cls.__name__,
        **top,
        "$defs": dict(sorted(builder.defs.items())),
    }
