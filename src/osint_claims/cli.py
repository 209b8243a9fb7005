"""The command line: ``osint-claims extract|quantities|report|schema`` (or python -m).

Each subcommand is a :class:`Command`: a function that adds its options to a parser and a
function that runs it. Subcommands that read documents share :func:`add_input_options`
and :func:`read_claims` (or :func:`read_documents`), which find the files, read them,
report each failure on one line and draw the progress bar; a new subcommand over claims is
a few lines (see ``_extract``) plus one entry in :data:`COMMANDS`.

Exit codes: 0 when all went well, 1 when some inputs failed (each named on stderr, the rest
still processed and written), 2 for a usage error. See ``docs/cli.md``.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = path.write_text("Seoul said 3,000 troops were sent.", encoding="utf-8")
>>> main(["quantities", str(path), "--format", "table"])
document...figure  item    start  end  text
-...
.../a.txt    3000    troops  11     23   3,000 troops
0
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import json
import os
import re
import shutil
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Final, Generic, TextIO, TypeVar

import attrs

from ._files import read_at_most
from ._output import Output, Stopped, stopping_on_signals
from ._version import __version__
from .articles import read_article
from .claims import extract_claims
from .compare import Comparison
from .dates import parse_date
from .documents import (
    DEFAULT_MAX_BYTES,
    DEFAULT_PATTERN,
    decode_document,
    find_documents,
    read_document,
    would_find,
)
from .errors import DocumentError
from .export import (
    QUANTITY_FIELDS,
    RECORD_FIELDS,
    Record,
    csv_cell,
    to_quantity_record,
    to_record,
    write_csv,
)
from .model import Claim, Quantity
from .quantities import extract_quantities
from .report import REPORT_FORMATS, Report, render_report
from .schema import MODEL_TYPES, json_schema
from .serialize import converter, to_json

__all__ = [
    "COMMANDS",
    "EXIT_BROKEN_PIPE",
    "EXIT_FAILURES",
    "EXIT_OK",
    "EXIT_USAGE",
    "TABLE_LOOKAHEAD",
    "Command",
    "Document",
    "Run",
    "add_input_options",
    "add_output_options",
    "main",
    "read_claims",
    "read_documents",
]

PROGRAM: Final = "osint-claims"
EXIT_OK: Final = 0
EXIT_FAILURES: Final = 1
EXIT_USAGE: Final = 2
# What a shell reports for a program whose reader stopped reading (128 + SIGPIPE).
EXIT_BROKEN_PIPE: Final = 141
# 128 + the signal: 130 for SIGINT (Ctrl-C), 143 for SIGTERM, 129 for SIGHUP.
EXIT_INTERRUPTED: Final = 130

STDIN: Final = "-"
STDIN_NAME: Final = "<stdin>"
FORMATS: Final = ("jsonl", "csv", "table", "markdown")


# -- Running: output, failures, progress ----------------------------------------------------


class _Progress:
    """A one-line progress bar on a terminal's stderr; draws nothing anywhere else."""

    _BAR: Final = 24

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream = stream
        self.total = total
        # Only worth drawing for several documents, and only where a person watches: in a
        # log file the carriage returns would be noise.
        self.enabled = total > 1 and _isatty(stream)
        self.drawn = False
        self.done = 0
        self.current = ""

    def advance(self, name: str) -> None:
        """Show that ``name`` is being read (``done`` documents before it)."""
        self.current = name
        self._draw()
        self.done += 1

    def note(self, line: str) -> None:
        """Write a message line without tearing the bar."""
        self._clear()
        self.stream.write(line + "\n")
        self._draw()

    def close(self) -> None:
        self._clear()

    def _draw(self) -> None:
        if not self.enabled or not self.current:
            return
        filled = self._BAR * self.done // self.total
        head = f"[{'#' * filled}{'.' * (self._BAR - filled)}] {self.done}/{self.total} "
        room = max(shutil.get_terminal_size((80, 24)).columns - len(head) - 1, 0)
        # The end of a long path says most; plain dots, for terminals that are not UTF-8.
        name = self.current if len(self.current) <= room else "..." + self.current[-room + 3 :]
        self.stream.write("\r" + head + name[:room] + "\x1b[K")
        self.stream.flush()
        self.drawn = True

    def _clear(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed, or not a real stream
        return False


@attrs.define
class Run:
    """What one invocation shares: its options, its output, the failures met so far."""

    args: argparse.Namespace
    out: TextIO
    err: TextIO
    failures: list[DocumentError] = attrs.field(factory=list)
    progress: _Progress | None = None

    def fail(self, error: DocumentError) -> None:
        """Record a failed input and name it on stderr, in one line."""
        self.failures.append(error)
        line = f"{PROGRAM}: {_shown(str(error))}"
        if self.progress is not None:
            self.progress.note(line)
        else:
            self.err.write(line + "\n")

    @property
    def exit_code(self) -> int:
        return EXIT_FAILURES if self.failures else EXIT_OK


def _shown(text: str) -> str:
    """``text`` fit for any output: the bytes of a file name that are not UTF-8 (which
    Python carries as lone surrogates) written as ``\\xff``, never an encoding error.

    >>> import os
    >>> print(_shown(os.fsdecode(b"notes/bad\\xffname.txt")), _shown("Київ.txt"))
    notes/bad\\xffname.txt Київ.txt
    """
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # surrogates that no file name decodes to
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


@attrs.frozen
class Document:
    """One input read: its name as the user gave or the search found it (fit for any
    output, see :func:`_shown`), its text, and its ``file://`` address."""

    name: str
    text: str
    url: str | None


# -- Reading inputs ------------------------------------------------------------------------


def add_input_options(parser: argparse.ArgumentParser, *, published: bool = True) -> None:
    """The options of every subcommand that reads documents (``--published`` and
    ``--related`` for those that read claims).

    >>> parser = argparse.ArgumentParser()
    >>> add_input_options(parser)
    >>> args = parser.parse_args(["notes", "-", "--published", "27 March 2025"])
    >>> args.paths, args.glob, args.max_bytes, args.published
    (['notes', '-'], '*.txt,*.md', 20000000, datetime.date(2025, 3, 27))
    """
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files or folders to read; '-' reads standard input",
    )
    parser.add_argument(
        "--glob",
        default=DEFAULT_PATTERN,
        metavar="PATTERNS",
        help="file names to read in folders, comma-separated (default: %(default)s)",
    )
    parser.add_argument(
        "--max-bytes",
        type=_size_argument,
        default=DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help="largest document to read; larger ones are named and skipped "
        "(20MB, 500kB, 1GiB or a number of bytes; default: 20MB)",
    )
    if not published:
        return
    parser.add_argument(
        "--published",
        type=_date_argument,
        metavar="DATE",
        help="publication date of every document, overriding the page's "
        "(2025-03-27, 'March 27, 2025', '27 March 2025')",
    )
    parser.add_argument(
        "--related",
        action="store_true",
        help="also read the headlines of related articles listed on each page",
    )


_SIZE: Final = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(?:([kmg])(i?)b?|b)?\s*", re.IGNORECASE)


def _size_argument(text: str) -> int:
    """A size in bytes: ``20000000``, ``20MB`` or ``20M`` (powers of 1000), ``20MiB``
    (powers of 1024).

    >>> _size_argument("20MB"), _size_argument("1.5 kB"), _size_argument("2GiB")
    (20000000, 1500, 2147483648)
    """
    found = _SIZE.fullmatch(text)
    if found is None:
        raise argparse.ArgumentTypeError(
            f"not a size: {text!r} (write it as 20MB, 500kB, 1GiB or a number of bytes)"
        )
    figure, prefix, binary = found.groups()
    power = "kmg".index(prefix.lower()) + 1 if prefix else 0
    size = int(Decimal(figure) * (1024 if binary else 1000) ** power)
    if size < 1:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (at least one byte)")
    return size


def _date_argument(text: str) -> date:
    with contextlib.suppress(ValueError):
        return date.fromisoformat(text)
    found = parse_date(text)
    if found is None:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (write it as 2025-03-27)")
    return found


def _sources(run: Run) -> list[Path | None]:
    """The files to read (``None`` for standard input); bad paths are failures."""
    found: list[Path | None] = []
    pattern = run.args.glob
    for given in run.args.paths:
        if given == STDIN:
            found.append(None)
            continue
        before, failed = len(found), len(run.failures)
        # A folder that cannot be listed is named, and the search goes on around it.
        found.extend(find_documents([given], pattern=pattern, on_error=run.fail))
        if len(found) == before and len(run.failures) == failed:
            run.fail(DocumentError(given, f"no files matching {pattern!r} in this folder"))
    return found


def _read_stdin(limit: int) -> bytes:
    """Standard input's bytes, ``limit`` at most: a stream that never ends is cut short."""
    stream = sys.stdin
    if stream is None:
        return b""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return read_at_most(lambda size: bytes(buffer.read(size)), limit)
    # A text stream with no bytes underneath (a test's StringIO): already decoded.
    return str(stream.read(limit)).encode("utf-8")


def read_documents(run: Run) -> Iterator[Document]:
    """The documents named by ``run.args.paths``, read in order; failures reported and skipped.

    The progress bar advances as documents are taken from this iterator.
    """
    sources = _sources(run)
    progress = _Progress(run.err, len(sources))
    run.progress = progress
    try:
        for source in sources:
            name = STDIN_NAME if source is None else _shown(str(source))
            progress.advance(name)
            try:
                if source is None:
                    data = _read_stdin(run.args.max_bytes + 1)
                    text = decode_document(data, STDIN_NAME, max_bytes=run.args.max_bytes)
                    url = None
                else:
                    text = read_document(source, max_bytes=run.args.max_bytes)
                    url = source.resolve().as_uri()
            except DocumentError as error:
                run.fail(error)
                continue
            yield Document(name, text, url)
    finally:
        progress.close()
        run.progress = None


def read_claims(run: Run) -> Iterator[Claim]:
    """Every claim of the documents named by ``run.args``, document after document.

    ``--published`` overrides each page's date; a claim's ``source.url`` is the file's
    ``file://`` address (none for standard input). Failed inputs are named on ``run.err``
    and collected in ``run.failures``; this is all a subcommand over claims needs:

    >>> import io, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Seoul said 3,000 troops were sent.", encoding="utf-8")
    >>> parser = argparse.ArgumentParser()
    >>> add_input_options(parser)
    >>> args = parser.parse_args([str(folder / "a.txt"), str(folder / "b.txt")])
    >>> run = Run(args, out=io.StringIO(), err=io.StringIO())
    >>> [claim.quantity.figure for claim in read_claims(run)], run.exit_code
    (['3000'], 1)
    >>> [error.reason for error in run.failures]
    ['no such file or directory']
    """
    for document in read_documents(run):
        try:
            article = read_article(document.text, published=run.args.published, url=document.url)
            claims = extract_claims(article, related=run.args.related)
        except Exception as error:  # one bad document must not end a batch
            run.fail(_internal_error(document.name, error))
            continue
        yield from claims


def _internal_error(name: str, error: Exception) -> DocumentError:
    # A bug of ours, not a problem with the document: say so, and let the rest be read.
    return DocumentError(name, f"internal error, please report: {type(error).__name__}: {error}")


# -- Writing -------------------------------------------------------------------------------

T = TypeVar("T")


@attrs.frozen
class Layout(Generic[T]):
    """How the items of one subcommand are written in each format."""

    as_json: Callable[[T], str]
    as_record: Callable[[T], Record]
    fields: tuple[str, ...]
    """Every column, for CSV."""
    columns: tuple[str, ...]
    """The columns of the terminal table and the Markdown table, for reading."""


def _write(items: Iterable[T], layout: Layout[T], fmt: str, out: TextIO) -> None:
    # Every format is written as the items come, so memory does not grow with the corpus.
    if fmt == "jsonl":
        for item in items:
            out.write(layout.as_json(item) + "\n")
    elif fmt == "csv":
        write_csv(map(layout.as_record, items), out, fields=layout.fields)
    else:
        rows = (
            [_cell(record.get(c)) for c in layout.columns]
            for record in map(layout.as_record, items)
        )
        lines = (
            _markdown(layout.columns, rows) if fmt == "markdown" else _table(layout.columns, rows)
        )
        out.writelines(line + "\n" for line in lines)


def _cell(value: str | bool | int | None) -> str:
    # Tables are one line per row: line breaks inside a cell become spaces.
    return " ".join(csv_cell(value).split())


TABLE_LOOKAHEAD: Final = 200
"""Rows a table reads before it is written: its column widths come from them and the header."""


def _table(header: Sequence[str], rows: Iterable[list[str]]) -> Iterator[str]:
    """The lines of a table whose column widths fit the header and the first
    :data:`TABLE_LOOKAHEAD` rows; a wider cell further down pushes the rest of its own
    line to the right, and the columns of the other lines stay where they are.

    >>> print("\\n".join(_table(["figure", "item"], iter([["3000", "troops"], ["12", "km"]]))))
    figure  item
    ------  ------
    3000    troops
    12      km
    """
    rows = iter(rows)
    ahead = list(itertools.islice(rows, TABLE_LOOKAHEAD))
    widths = [max([len(h), *(len(row[i]) for row in ahead)]) for i, h in enumerate(header)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    yield line(header)
    yield line(["-" * w for w in widths])
    for row in itertools.chain(ahead, rows):
        yield line(row)


def _markdown(header: Sequence[str], rows: Iterable[list[str]]) -> Iterator[str]:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    yield line(header)
    yield "|" + "|".join("---" for _ in header) + "|"
    yield from map(line, rows)


CLAIMS: Final[Layout[Claim]] = Layout(
    as_json=to_json,
    as_record=to_record,
    fields=RECORD_FIELDS,
    columns=(
        "figure",
        "predicate",
        "item",
        "subject_name",
        "agent_name",
        "recipient_name",
        "period_start",
        "period_end",
        "originator_name",
        "hedge",
    ),
)

QuantityItem = tuple[str, Quantity]


def _quantity_json(item: QuantityItem) -> str:
    name, quantity = item
    return json.dumps(
        {"document": name, "quantity": converter.unstructure(quantity)}, ensure_ascii=False
    )


QUANTITIES: Final[Layout[QuantityItem]] = Layout(
    as_json=_quantity_json,
    as_record=lambda item: to_quantity_record(item[1], document=item[0]),
    fields=QUANTITY_FIELDS,
    columns=("document", "figure", "item", "start", "end", "text"),
)


def add_output_options(parser: argparse.ArgumentParser, *, formats: bool = True) -> None:
    """``--output`` (and ``--format``, unless ``formats`` is false)."""
    if formats:
        parser.add_argument(
            "--format",
            "-f",
            choices=FORMATS,
            default="jsonl",
            help="output format (default: %(default)s)",
        )
    parser.add_argument(
        "--output", "-o", metavar="FILE", help="write to FILE instead of standard output"
    )


# -- Subcommands ---------------------------------------------------------------------------


def _configure_extract(parser: argparse.ArgumentParser) -> None:
    add_input_options(parser)
    add_output_options(parser)


def _extract(run: Run) -> int:
    _write(read_claims(run), CLAIMS, run.args.format, run.out)
    return run.exit_code


def _quantity_items(run: Run) -> Iterator[QuantityItem]:
    for document in read_documents(run):
        try:
            found = extract_quantities(document.text)
        except Exception as error:  # one bad document must not end a batch
            run.fail(_internal_error(document.name, error))
            continue
        for quantity in found:
            yield document.name, quantity


def _configure_quantities(parser: argparse.ArgumentParser) -> None:
    # Quantities are read without the page's date: there is nothing to override.
    add_input_options(parser, published=False)
    add_output_options(parser)


def _quantities(run: Run) -> int:
    _write(_quantity_items(run), QUANTITIES, run.args.format, run.out)
    return run.exit_code


# Beside the model: what `report --format json` writes, and one comparison of it.
_SCHEMA_TYPES: Final[dict[str, type]] = {**MODEL_TYPES, "report": Report, "comparison": Comparison}


def _configure_schema(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--type",
        "-t",
        choices=sorted(_SCHEMA_TYPES),
        default="claim",
        help="the model type at the top (default: %(default)s, which reaches every type)",
    )
    add_output_options(parser, formats=False)


def _schema(run: Run) -> int:
    schema = json_schema(_SCHEMA_TYPES[run.args.type])
    run.out.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def _configure_report(parser: argparse.ArgumentParser) -> None:
    add_input_options(parser)
    parser.add_argument(
        "--format",
        "-f",
        choices=REPORT_FORMATS,
        default="text",
        help="report format (default: %(default)s)",
    )
    add_output_options(parser, formats=False)


def _report(run: Run) -> int:
    claims = list(read_claims(run))
    text = render_report(claims, run.args.format)
    run.out.write(text.rstrip("\n") + "\n")
    return run.exit_code


@attrs.frozen
class Command:
    """A subcommand: its one-line help, how it adds its options, how it runs."""

    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[Run], int]


COMMANDS: Final[dict[str, Command]] = {
    "extract": Command("write the claims of documents", _configure_extract, _extract),
    "quantities": Command(
        "write the quantities of documents, without claims", _configure_quantities, _quantities
    ),
    "report": Command(
        "compare the figures of documents across sources: who said what, how they relate",
        _configure_report,
        _report,
    ),
    "schema": Command("print the JSON Schema of the model", _configure_schema, _schema),
}


# -- Entry point ---------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROGRAM,
        description="Typed quantitative claims from conflict reporting.",
        epilog="Exit status: 0 all well, 1 some inputs failed, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, command in COMMANDS.items():
        sub = commands.add_parser(name, help=command.help, description=command.help)
        command.configure(sub)
    return parser


def _silence_stdout() -> None:
    # Python flushes stdout again at exit, and into a closed pipe that prints an error: point
    # the descriptor at /dev/null instead (the recipe of the Python docs on SIGPIPE).
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, ValueError, io.UnsupportedOperation):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code.

    >>> main(["schema", "--type", "span"])  # doctest: +ELLIPSIS
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "title": "Span",
      "$ref": "#/$defs/Span",
    ...
    0
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse exits on --help, --version and usage errors
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    target = "standard output" if args.output in (None, STDIN) else _shown(args.output)
    clash = _output_clash(args)
    if clash is not None:
        # Writing would destroy an input, or read the output back as one: refuse up front.
        sys.stderr.write(f"{PROGRAM}: {_shown(clash)}\n")
        return EXIT_USAGE
    with stopping_on_signals():
        return _run(args, target)


def _run(args: argparse.Namespace, target: str) -> int:
    try:
        output = Output.open(None if args.output == STDIN else args.output)
    except OSError as error:
        # Found before any input is read: as much a usage error as a bad option.
        sys.stderr.write(f"{PROGRAM}: cannot write {target}: {error.strerror}\n")
        return EXIT_USAGE
    try:
        code = COMMANDS[args.command].run(Run(args=args, out=output.stream, err=sys.stderr))
        output.commit()
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as error:  # a full disk, a vanished mount: the output is incomplete
        sys.stderr.write(f"{PROGRAM}: cannot write {target}: {error.strerror}\n")
        return EXIT_FAILURES
    except KeyboardInterrupt:
        return _interrupted(args, target, signal.SIGINT)
    except Stopped as stop:
        return _interrupted(args, target, stop.signum)
    finally:
        # Unless committed, the temporary file goes and an old output stays as it was.
        output.discard()
    return code


def _interrupted(args: argparse.Namespace, target: str, signum: int) -> int:
    if args.output not in (None, STDIN):
        sys.stderr.write(f"{PROGRAM}: interrupted, {target} not written\n")
    # What a shell reports for a program ended by that signal.
    return 128 + signum


def _output_clash(args: argparse.Namespace) -> str | None:
    """Why the output file of ``args`` may not be written, if it is also an input."""
    output = args.output
    paths = getattr(args, "paths", None)
    if output in (None, STDIN) or not paths:
        return None
    pattern = getattr(args, "glob", DEFAULT_PATTERN)
    for given in paths:
        if given == STDIN:
            continue
        if os.path.isdir(given):
            if would_find(given, output, pattern=pattern):
                return (
                    f"the output {output} would be read as an input from {given}: "
                    "write it outside that folder, or under a name --glob does not match"
                )
        elif _same_file(given, output):
            return f"the output {output} is also an input: write it to another file"
    return None


def _same_file(first: str, second: str) -> bool:
    if os.path.realpath(first) == os.path.realpath(second):
        return True
    try:
        return os.path.samefile(first, second)  # hard links, bind mounts
    except OSError:  # one of them does not exist (yet)
        return False
