"""The exception hierarchy: every error this package raises on purpose is one of these.

>>> issubclass(LexiconError, OsintClaimsError)
True
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "DocumentError",
    "IncompatibleClaimsError",
    "InvalidInputError",
    "LexiconError",
    "MissingDependencyError",
    "ModelError",
    "OsintClaimsError",
]


class OsintClaimsError(Exception):
    """Base class of every error raised on purpose by ``osint_claims``."""


class InvalidInputError(OsintClaimsError, TypeError):
    """A public function was given something it cannot read (for example bytes, not ``str``).

    >>> raise InvalidInputError("extract_quantities", "expected str, got bytes")
    Traceback (most recent call last):
    ...
    osint_claims.errors.InvalidInputError: extract_quantities: expected str, got bytes
    """

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class LexiconError(OsintClaimsError, ValueError):
    """A lexicon or registry file is malformed; says which file, which line and why.

    >>> str(LexiconError("units.toml", 12, "expected a list of strings"))
    'units.toml, line 12: expected a list of strings'
    >>> str(LexiconError("<mapping>", None, "unknown table 'colours'"))
    "<mapping>: unknown table 'colours'"
    """

    def __init__(self, source: str | Path, line: int | None, reason: str) -> None:
        where = str(source) if line is None else f"{source}, line {line}"
        super().__init__(f"{where}: {reason}")
        self.source = str(source)
        self.line = line
        self.reason = reason


class ModelError(OsintClaimsError, ValueError):
    """A model object was built with values that contradict each other.

    >>> str(ModelError("Quantity", "low 5 is above high 3"))
    'Quantity: low 5 is above high 3'
    """

    def __init__(self, model: str, reason: str) -> None:
        super().__init__(f"{model}: {reason}")
        self.model = model
        self.reason = reason


class IncompatibleClaimsError(OsintClaimsError, ValueError):
    """Claims were combined that cannot be: figures in units that do not convert, for
    example, or a share that is not a fraction.

    >>> str(IncompatibleClaimsError("add", "units km2 and USD do not convert"))
    'add: units km2 and USD do not convert'
    """

    def __init__(self, operation: str, reason: str) -> None:
        super().__init__(f"{operation}: {reason}")
        self.operation = operation
        self.reason = reason


class DocumentError(OsintClaimsError, ValueError):
    """A document could not be read: which one and why.

    >>> error = DocumentError("corpus/a.txt", "empty file")
    >>> str(error), error.document, error.reason
    ('corpus/a.txt: empty file', 'corpus/a.txt', 'empty file')
    """

    def __init__(self, document: str, reason: str) -> None:
        super().__init__(f"{document}: {reason}")
        self.document = document
        self.reason = reason


class MissingDependencyError(OsintClaimsError, ImportError):
    """An optional part of the package was imported without the extra it needs.

    >>> error = MissingDependencyError("osint_claims.dask", "dask", "No module named 'dask'")
    >>> str(error)
    "osint_claims.dask needs the 'dask' extra: pip install 'osint_claims[dask]' (No module ...)"
    """

    def __init__(self, module: str, extra: str, reason: str) -> None:
        super().__init__(
            f"{module} needs the {extra!r} extra: pip install 'osint_claims[{extra}]' ({reason})"
        )
        self.module = module
        self.extra = extra
        self.reason = reason
