"""The exception hierarchy: every error this package raises on purpose is one of these.

>>> issubclass(LexiconError, OsintClaimsError)
True
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "DocumentError",
    "FigureRangeError",
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


# How much of a figure out of range its error message shows (a run may be megabytes long).
_SHOWN = 60


class FigureRangeError(OsintClaimsError, ValueError):
    """A figure is beyond what the model holds exactly: more than 28 significant digits,
    ``10**28`` or more in size, or (unless zero) below ``10**-28``. It is never rounded to fit.

    ``where`` names the function, ``figure`` the figure as written (or computed).

    >>> error = FigureRangeError("parse_number", "10000000000000000 trillion")
    >>> str(error)  # doctest: +ELLIPSIS
    "parse_number: '10000000000000000 trillion' is out of range (figures hold at most 28 ..."
    """

    def __init__(self, where: str, figure: str) -> None:
        shown = figure if len(figure) <= _SHOWN else figure[: _SHOWN - 1] + "…"
        super().__init__(
            f"{where}: {shown!r} is out of range "
            "(figures hold at most 28 significant digits, below 10**28)"
        )
        self.where = where
        self.figure = figure

    def __reduce__(self) -> tuple[type[FigureRangeError], tuple[str, str]]:
        return (FigureRangeError, (self.where, self.figure))


class DocumentError(OsintClaimsError, ValueError):
    """A document cannot be read as text: missing, unreadable, empty, binary or not UTF-8.

    ``document`` names it as the caller did (a path, or ``<stdin>``); ``reason`` says why in
    a few words, so that the two make one line of a report.

    >>> error = DocumentError("notes/a.txt", "empty file")
    >>> str(error), error.document, error.reason
    ('notes/a.txt: empty file', 'notes/a.txt', 'empty file')
    """

    def __init__(self, document: str, reason: str) -> None:
        super().__init__(f"{document}: {reason}")
        self.document = document
        self.reason = reason

    def __reduce__(self) -> tuple[type[DocumentError], tuple[str, str]]:
        # Worker processes send failures back pickled; rebuild from both fields.
        return (DocumentError, (self.document, self.reason))


class MissingDependencyError(OsintClaimsError, ImportError):
    """An optional feature needs a package that is not installed; says which extra brings it.

    >>> str(MissingDependencyError("to_dataframe", "pandas", "pandas"))
    'to_dataframe needs pandas, which is not installed: pip install osint_claims[pandas]'
    """

    def __init__(self, feature: str, package: str, extra: str) -> None:
        super().__init__(
            f"{feature} needs {package}, which is not installed: pip install osint_claims[{extra}]"
        )
        self.feature = feature
        self.package = package
        self.extra = extra
