"""The command line, in-process through ``cli.main`` (table ``tests/cases/cli.txt``), plus
one run of ``python -m osint_claims`` in a subprocess to prove the entry point."""

from __future__ import annotations

import csv
import io
import json
import os
import shlex
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from osint_claims import (
    RECORD_FIELDS,
    Article,
    Claim,
    cli,
    extract_claims,
    extract_quantities,
    from_json,
    json_schema,
)
from osint_claims.schema import MODEL_TYPES

ROOT = Path(__file__).resolve().parent.parent
TABLE = Path(__file__).parent / "cases" / "cli.txt"

GOOD = "North Korea has sent 3,000 troops to Russia, South Korea's military said on Thursday.\n"
OTHER = "# Losses\n\nOf the 11,000 soldiers sent, 300 were killed, the NIS said in January 2025.\n"
FILES: dict[str, bytes] = {
    "good.txt": GOOD.encode(),
    "other.md": OTHER.encode(),
    "empty.txt": b"",
    "binary.txt": b"PK\x03\x00\x00",
    "latin1.txt": "café".encode("latin-1"),
    "folder/a.txt": b"Ukraine said 1,500 drones were launched in March 2025.",
    "folder/sub/b.txt": b"Russia lost 200 tanks in 2024, Kyiv said.",
    "folder/.hidden.txt": b"The army said 7 boats were sunk.",
    "folder/notes.csv": b"The army said 45 drones were shot down.",
    "csvonly/x.csv": b"The army said 45 drones were shot down.",
}


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, data in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (tmp_path / "emptydir").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


class FakeTerminal(io.StringIO):
    """A stderr that says it is a terminal, as a console would."""

    def isatty(self) -> bool:
        return True


@dataclass
class Outcome:
    code: int
    out: str
    err: str


def run(
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    stdin: bytes = b"",
    err: io.StringIO | None = None,
) -> Outcome:
    out = io.StringIO()
    err = io.StringIO() if err is None else err
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = cli.main(argv)
    return Outcome(code, out.getvalue(), err.getvalue())


@dataclass(frozen=True)
class Case:
    line: int
    args: list[str]
    stdin: bytes
    code: int
    err: str
    out: str

    @property
    def id(self) -> str:
        return f"L{self.line}:{' '.join(self.args)[:60]}"


def _cases() -> list[Case]:
    cases = []
    for number, raw in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        args, stdin, code, err, out = (part.strip() for part in raw.split(" | ", 4))
        data = b"" if stdin == "-" else stdin.replace("\\n", "\n").encode()
        cases.append(Case(number, shlex.split(args), data, int(code), err, out))
    return cases


@pytest.mark.parametrize("case", _cases(), ids=lambda case: case.id)
def test_table(case: Case, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run(monkeypatch, case.args, case.stdin)
    assert result.code == case.code, result.err
    if case.err == "-":
        assert result.err == ""
    else:
        assert case.err in result.err
        # One line per failure, never a traceback.
        assert "Traceback" not in result.err
    if case.out == "-":
        assert result.out == ""
    elif case.out != "*":
        assert case.out in result.out


def test_each_failure_is_one_line_and_the_rest_is_written(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["extract", "empty.txt", "binary.txt", "missing.txt", "emptydir", "good.txt", "other.md"]
    result = run(monkeypatch, args)
    assert result.code == 1
    assert result.err.splitlines() == [
        "osint-claims: emptydir: no files matching '*.txt,*.md' in this folder",
        "osint-claims: empty.txt: empty file",
        "osint-claims: binary.txt: binary file (NUL byte at offset 3)",
        "osint-claims: missing.txt: no such file or directory",
    ]
    claims = [from_json(line, Claim) for line in result.out.splitlines()]
    assert [str(c.quantity.value) for c in claims] == ["3000", "11000", "300"]


def test_jsonl_is_the_converter_s_json_and_fits_the_schema(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(monkeypatch, ["extract", "good.txt", "other.md", "--published", "2025-03-27"])
    validator = jsonschema.Draft202012Validator(json_schema())
    lines = result.out.splitlines()
    assert len(lines) == 3
    for line in lines:
        validator.validate(json.loads(line))
        claim = from_json(line, Claim)
        assert claim.source is not None
        assert claim.source.url is not None and claim.source.url.startswith("file:///")
        assert str(claim.source.published) == "2025-03-27"
    assert from_json(lines[0], Claim).source.url == (workdir / "good.txt").as_uri()  # type: ignore[union-attr]


def test_csv_has_the_record_fields_and_reads_back(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(monkeypatch, ["extract", "good.txt", "other.md", "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.out, newline="")))
    assert [row["value"] for row in rows] == ["3000", "11000", "300"]
    assert tuple(rows[0]) == RECORD_FIELDS


def test_output_file_holds_what_stdout_would(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for fmt in ("jsonl", "csv", "table", "markdown"):
        printed = run(monkeypatch, ["extract", "good.txt", "-f", fmt]).out
        written = run(monkeypatch, ["extract", "good.txt", "-f", fmt, "-o", f"out.{fmt}"])
        assert written.code == 0 and written.out == ""
        assert (workdir / f"out.{fmt}").read_bytes().decode() == printed


def test_folders_are_read_recursively_in_order_without_hidden_files(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(monkeypatch, ["quantities", "folder", "-f", "csv"])
    documents = [row["document"] for row in csv.DictReader(io.StringIO(result.out, newline=""))]
    assert documents == [os.path.join("folder", "a.txt"), os.path.join("folder", "sub", "b.txt")]


def test_schema_output_is_the_schema(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run(monkeypatch, ["schema", "--type", "period"])
    assert json.loads(result.out) == json_schema(MODEL_TYPES["period"])


# -- The progress bar: on a terminal's stderr, for more than one document --------------------


def test_progress_bar_on_a_terminal_for_several_documents(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(monkeypatch, ["extract", "good.txt", "other.md"], err=FakeTerminal())
    assert result.code == 0
    assert "\r[" in result.err
    assert "0/2 good.txt" in result.err and "1/2 other.md" in result.err
    # The bar is erased at the end: the last thing written clears the line.
    assert result.err.endswith("\r\x1b[K")
    assert len(result.out.splitlines()) == 3


def test_failures_are_whole_lines_under_the_bar(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(monkeypatch, ["extract", "good.txt", "empty.txt"], err=FakeTerminal())
    assert result.code == 1
    assert "\r\x1b[Kosint-claims: empty.txt: empty file\n" in result.err


@pytest.mark.parametrize(
    ("argv", "terminal"),
    [
        (["extract", "good.txt", "other.md"], False),  # not a terminal: a log, a pipe
        (["extract", "good.txt"], True),  # one document: nothing to measure
        (["schema"], True),
    ],
)
def test_no_progress_bar(
    argv: list[str], terminal: bool, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(monkeypatch, argv, err=FakeTerminal() if terminal else io.StringIO())
    assert result.code == 0
    assert result.err == ""


# -- Broken pipes and bugs -------------------------------------------------------------------


class ClosedPipe(io.StringIO):
    """A stdout whose reader has gone (``osint-claims extract . | head -1``)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_ends_the_run_quietly(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    err = io.StringIO()
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    monkeypatch.setattr(sys, "stderr", err)
    assert cli.main(["extract", "good.txt", "other.md"]) == cli.EXIT_BROKEN_PIPE
    assert err.getvalue() == ""


def test_a_bug_on_one_document_is_reported_and_the_rest_read(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = extract_claims

    def flaky(article: Article | str, **kwargs: Any) -> list[Claim]:
        if isinstance(article, Article) and "11,000" in article.text:
            raise RuntimeError("boom")
        return real(article, **kwargs)

    monkeypatch.setattr(cli, "extract_claims", flaky)
    result = run(monkeypatch, ["extract", "other.md", "good.txt"])
    assert result.code == 1
    assert result.err == (
        "osint-claims: other.md: internal error, please report: RuntimeError: boom\n"
    )
    assert len(result.out.splitlines()) == 1


# -- The entry point, for real ---------------------------------------------------------------


def test_python_dash_m_runs_the_command_line() -> None:
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "osint_claims", "extract", "-", "--published", "2025-03-27"],
        input=GOOD.encode(),
        capture_output=True,
        env=environment,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    [line] = done.stdout.decode().splitlines()
    claim = from_json(line, Claim)
    assert (claim.predicate.key, str(claim.quantity.value)) == ("sent", "3000")


class FullDisk(io.StringIO):
    """A stdout on a full disk."""

    def write(self, text: str) -> int:
        raise OSError(28, "No space left on device")


def test_a_failing_output_is_one_line(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    err = io.StringIO()
    monkeypatch.setattr(sys, "stdout", FullDisk())
    monkeypatch.setattr(sys, "stderr", err)
    assert cli.main(["extract", "good.txt"]) == 1
    assert err.getvalue() == "osint-claims: cannot write standard output: No space left on device\n"


def test_main_leaves_standard_output_open(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert cli.main(["schema"]) == 0
    assert not out.closed


def test_a_long_name_is_cut_from_the_left(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deep = workdir / ("very-long-folder-name-" * 6) / "c.txt"
    deep.parent.mkdir()
    deep.write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "60")
    result = run(monkeypatch, ["extract", "good.txt", str(deep)], err=FakeTerminal())
    drawn = [line for line in result.err.split("\r") if "1/2" in line]
    assert drawn and drawn[0].endswith("-name-/c.txt\x1b[K")
    assert len(drawn[0]) == 59 + len("\x1b[K")
    assert "..." in drawn[0]


# -- An output that is also an input is refused before anything is written -------------------


def _links(workdir: Path) -> None:
    (workdir / "soft.txt").symlink_to(workdir / "good.txt")
    os.link(workdir / "good.txt", workdir / "hard.txt")


@pytest.mark.parametrize(
    ("argv", "clash"),
    [
        (["quantities", "good.txt", "-o", "good.txt"], "the output good.txt is also an input"),
        (["extract", "good.txt", "-o", "./good.txt"], "the output ./good.txt is also an input"),
        (["extract", "good.txt", "-o", "folder/../good.txt"], "is also an input"),
        (["extract", "good.txt", "-f", "csv", "-o", "soft.txt"], "soft.txt is also an input"),
        (["extract", "good.txt", "-o", "hard.txt"], "hard.txt is also an input"),
        (["report", "other.md", "good.txt", "-o", "good.txt"], "good.txt is also an input"),
        (["extract", "folder", "-o", "folder/claims.md"], "would be read as an input from folder"),
        (["extract", "folder", "-o", "folder/sub/new.txt"], "would be read as an input"),
        (["extract", ".", "-f", "markdown", "-o", "claims.md"], "would be read as an input from ."),
        (["extract", "folder", "--glob", "*.csv", "-o", "folder/out.csv"], "would be read"),
    ],
)
def test_an_output_that_is_an_input_is_refused(
    argv: list[str], clash: str, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _links(workdir)
    before = {path: path.read_bytes() for path in workdir.rglob("*") if path.is_file()}
    result = run(monkeypatch, argv)
    assert result.code == cli.EXIT_USAGE
    [line] = result.err.splitlines()
    assert line.startswith("osint-claims: ") and clash in line
    assert result.out == ""
    # Nothing was read, written, truncated or created.
    assert {path: path.read_bytes() for path in workdir.rglob("*") if path.is_file()} == before


@pytest.mark.parametrize(
    "argv",
    [
        # Beside the inputs but never read from them: not matched, or hidden, or elsewhere.
        ["extract", "folder", "-o", "folder/claims.jsonl"],
        ["extract", ".", "-f", "csv", "-o", "claims.csv"],
        ["extract", "folder", "-f", "markdown", "-o", "folder/.out/claims.md"],
        ["extract", "folder", "-f", "markdown", "-o", "emptydir/claims.md"],
        ["quantities", "good.txt", "-o", "other.txt"],
    ],
)
def test_an_output_beside_the_inputs_is_written_and_never_read_back(
    argv: list[str], workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = workdir / argv[-1]
    output.parent.mkdir(exist_ok=True)
    first = run(monkeypatch, argv)
    assert first.code in (0, 1) and "would be read" not in first.err
    written = output.read_bytes()
    assert written
    # A second run over the same inputs does not read the first one's output.
    assert run(monkeypatch, argv).err == first.err
    assert output.read_bytes() == written


# -- -o writes a temporary file and renames it: an old output survives any failure -----------

OLD = b"the previous run's output\n"


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".incomplete"))


def test_an_interrupted_run_leaves_the_old_output(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (workdir / "out.jsonl").write_bytes(OLD)
    real = extract_claims

    def interrupted(article: Article | str, **kwargs: Any) -> list[Claim]:
        if isinstance(article, Article) and "11,000" in article.text:
            raise KeyboardInterrupt  # Ctrl-C on the second document
        return real(article, **kwargs)

    monkeypatch.setattr(cli, "extract_claims", interrupted)
    result = run(monkeypatch, ["extract", "good.txt", "other.md", "-o", "out.jsonl"])
    assert result.code == 130
    assert result.err == "osint-claims: interrupted, out.jsonl not written\n"
    assert (workdir / "out.jsonl").read_bytes() == OLD
    assert _leftovers(workdir) == []


def test_a_failed_write_leaves_the_old_output(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (workdir / "out.csv").write_bytes(OLD)

    def full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = run(monkeypatch, ["extract", "good.txt", "-f", "csv", "-o", "out.csv"])
    assert result.code == 1
    assert result.err == "osint-claims: cannot write out.csv: No space left on device\n"
    assert (workdir / "out.csv").read_bytes() == OLD
    assert _leftovers(workdir) == []


def test_a_replaced_output_keeps_its_mode_and_its_link(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (workdir / "out.jsonl").write_bytes(OLD)
    (workdir / "out.jsonl").chmod(0o640)
    (workdir / "link.jsonl").symlink_to("out.jsonl")
    result = run(monkeypatch, ["extract", "good.txt", "-o", "link.jsonl"])
    assert result.code == 0
    assert (workdir / "link.jsonl").is_symlink()
    assert b'"predicate": "sent"' in (workdir / "out.jsonl").read_bytes()
    assert stat.S_IMODE((workdir / "out.jsonl").stat().st_mode) == 0o640
    assert _leftovers(workdir) == []


def test_a_new_output_has_the_usual_mode(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    umask = os.umask(0o022)
    try:
        assert run(monkeypatch, ["extract", "good.txt", "-o", "new.jsonl"]).code == 0
    finally:
        os.umask(umask)
    assert stat.S_IMODE((workdir / "new.jsonl").stat().st_mode) == 0o644


def test_a_read_only_output_is_still_refused(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulated: file modes do not stop root, and the tests may run as root.
    (workdir / "out.jsonl").write_bytes(OLD)
    real_open = os.open

    def refuse(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.fspath(path).endswith("out.jsonl") and flags & os.O_WRONLY:
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    result = run(monkeypatch, ["extract", "good.txt", "-o", "out.jsonl"])
    assert result.code == 2
    assert result.err == "osint-claims: cannot write out.jsonl: Permission denied\n"
    assert (workdir / "out.jsonl").read_bytes() == OLD
    assert _leftovers(workdir) == []


def test_a_named_pipe_as_output_is_written_in_place(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Renaming over it would replace the pipe (or a device: -o /dev/null) with a file.
    pipe = workdir / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    try:
        result = run(monkeypatch, ["extract", "good.txt", "-f", "csv", "-o", "pipe"])
    finally:
        reader.join(timeout=60)
        if reader.is_alive():  # the pipe was never opened: free the reader, then fail
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
            reader.join()
    assert result.code == 0
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert received and received[0].startswith(b"value,low,high")
    assert _leftovers(workdir) == []


# python -m osint_claims, except that Ctrl-C is Ctrl-C even where the test runner was
# started with SIGINT ignored (a shell without job control does that to background jobs,
# and a child inherits it).
_CHILD = (
    "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "from osint_claims.cli import main; sys.exit(main(sys.argv[1:]))"
)


def _start_blocked(workdir: Path) -> subprocess.Popen[bytes]:
    """osint-claims writing good.txt's claims to out.jsonl, then waiting on standard input
    that never ends: a run caught in the middle, whatever the speed of the machine."""
    (workdir / "out.jsonl").write_bytes(OLD)
    process = subprocess.Popen(
        [sys.executable, "-c", _CHILD, "extract", "good.txt", "-", "-o", "out.jsonl"],
        cwd=workdir,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    # The temporary file is created once the signal handlers are in place; a generous
    # bound, not a measure: the wait ends as soon as the file is there.
    for _ in range(1200):
        if _leftovers(workdir) or process.poll() is not None:
            break
        time.sleep(0.05)
    assert _leftovers(workdir), process.stderr.read() if process.stderr else ""
    return process


@pytest.mark.parametrize(
    ("signum", "code", "err"),
    [
        (signal.SIGINT, 130, b"osint-claims: interrupted, out.jsonl not written\n"),
        (signal.SIGTERM, 143, b"osint-claims: interrupted, out.jsonl not written\n"),
        (signal.SIGHUP, 129, b"osint-claims: interrupted, out.jsonl not written\n"),
    ],
)
def test_a_signal_leaves_the_old_output_and_no_temporary_file(
    signum: int, code: int, err: bytes, workdir: Path
) -> None:
    process = _start_blocked(workdir)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == code
    assert stderr == err
    assert (workdir / "out.jsonl").read_bytes() == OLD
    assert _leftovers(workdir) == []


def test_kill_9_leaves_the_old_output_and_a_file_named_incomplete(workdir: Path) -> None:
    process = _start_blocked(workdir)
    process.kill()
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert (workdir / "out.jsonl").read_bytes() == OLD
    [leftover] = _leftovers(workdir)
    # Hidden, so that a later search of the folder skips it, and named for what it is.
    assert leftover.startswith(".out.jsonl.") and leftover.endswith(".incomplete")


# -- Anything that is not a regular file is named and skipped --------------------------------


def test_a_pipe_in_a_folder_and_a_device_are_named_and_skipped(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pipe has no writer: opening it as a file would wait forever.
    os.mkfifo(workdir / "folder" / "pipe.txt")
    result = run(monkeypatch, ["quantities", "folder", "/dev/zero", "-f", "csv"])
    assert result.code == 1
    assert result.err.splitlines() == [
        f"osint-claims: {os.path.join('folder', 'pipe.txt')}: not a regular file (a named pipe)",
        "osint-claims: /dev/zero: not a regular file (a character device)",
    ]
    documents = [row["document"] for row in csv.DictReader(io.StringIO(result.out, newline=""))]
    assert documents == [os.path.join("folder", "a.txt"), os.path.join("folder", "sub", "b.txt")]


# -- A maximum document size --------------------------------------------------------------


class EndlessBytes(io.RawIOBase):
    """A standard input that never ends (``yes | osint-claims extract -``)."""

    taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        buffer[:] = b"y\n" * (len(buffer) // 2) + b"y" * (len(buffer) % 2)
        EndlessBytes.taken += len(buffer)
        return len(buffer)


def test_an_endless_standard_input_is_cut_at_the_maximum(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, err = io.StringIO(), io.StringIO()
    endless = EndlessBytes()
    stdin = io.TextIOWrapper(io.BufferedReader(endless, buffer_size=4096), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = cli.main(["quantities", "-", "good.txt", "--max-bytes", "1MB"])
    assert code == 1
    assert err.getvalue() == (
        "osint-claims: <stdin>: larger than the maximum document size (1,000,000 bytes)\n"
    )
    assert '"document": "good.txt"' in out.getvalue()
    # Read in whole buffers: no more than one beyond the maximum and its extra byte.
    assert 1_000_001 <= EndlessBytes.taken <= 1_000_001 + 4096


def test_large_files_are_named_and_the_rest_read(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (workdir / "folder" / "huge.txt").write_bytes(GOOD.encode() * 30_000)  # 2.6 MB
    result = run(monkeypatch, ["quantities", "folder", "-f", "csv", "--max-bytes", "2MiB"])
    assert result.code == 1
    assert result.err == (
        f"osint-claims: {os.path.join('folder', 'huge.txt')}: "
        "larger than the maximum document size (2,097,152 bytes)\n"
    )
    documents = [row["document"] for row in csv.DictReader(io.StringIO(result.out, newline=""))]
    assert documents == [os.path.join("folder", "a.txt"), os.path.join("folder", "sub", "b.txt")]


def test_the_default_maximum_is_20_megabytes(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with (workdir / "big.txt").open("wb") as file:
        file.truncate(20_000_001)  # sparse: no disk used, and refused before decoding
    result = run(monkeypatch, ["extract", "big.txt"])
    assert result.code == 1
    assert result.err == (
        "osint-claims: big.txt: larger than the maximum document size (20,000,000 bytes)\n"
    )


# -- An unlistable folder is named and the walk goes on ------------------------------------


def test_an_unlistable_folder_is_named_and_the_walk_goes_on(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = workdir / "folder" / "locked"
    (locked / "deeper").mkdir(parents=True)
    (locked / "deeper" / "c.txt").write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        try:
            os.scandir(locked).close()
        except PermissionError:
            pass  # the mode is enough: an unprivileged user
        else:
            # Root lists anything whatever its mode: give the failure the kernel gives
            # everyone else, through os.scandir, the seam documents.py names for this.
            real_scandir = os.scandir

            def scandir(path: Any) -> Any:
                if Path(path).resolve() == locked:
                    raise PermissionError(13, "Permission denied", str(path))
                return real_scandir(path)

            monkeypatch.setattr(os, "scandir", scandir)
        result = run(monkeypatch, ["quantities", "folder", "emptydir", "-f", "csv"])
    finally:
        locked.chmod(0o755)
    assert result.code == 1
    assert result.err.splitlines() == [
        f"osint-claims: {os.path.join('folder', 'locked')}: cannot list: permission denied",
        "osint-claims: emptydir: no files matching '*.txt,*.md' in this folder",
    ]
    documents = [row["document"] for row in csv.DictReader(io.StringIO(result.out, newline=""))]
    assert documents == [os.path.join("folder", "a.txt"), os.path.join("folder", "sub", "b.txt")]


def test_an_unlistable_folder_given_is_named_once(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Any) -> Any:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", refuse)  # simulated, as above
    result = run(monkeypatch, ["extract", "folder", "good.txt"])
    assert result.code == 1
    assert result.err == "osint-claims: folder: cannot list: permission denied\n"
    assert '"predicate": "sent"' in result.out


# -- File names that are not UTF-8 -----------------------------------------------------------

BAD_NAME = os.fsdecode(b"bad\xffname.txt")  # what Python makes of such a name: a surrogate


@pytest.mark.parametrize(
    ("fmt", "written"),
    [
        ("jsonl", '{"document": "names/bad\\\\xffname.txt", "quantity": {"value": "40"'),
        ("csv", "names/bad\\xffname.txt,40,40,40,exact"),
        ("table", "names/bad\\xffname.txt  40      drones"),
        ("markdown", "| names/bad\\xffname.txt | 40 | drones |"),
    ],
)
@pytest.mark.parametrize("output", ["-", "out"])
def test_a_name_that_is_not_utf8_is_written_with_backslashes(
    fmt: str, written: str, output: str, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = workdir / "names"
    names.mkdir()
    (names / BAD_NAME).write_text("Kyiv said 40 drones were shot down.", encoding="utf-8")
    (names / os.fsdecode(b"empty\xfe.txt")).write_bytes(b"")
    result = run(monkeypatch, ["quantities", "names", "-f", fmt, "-o", output])
    assert result.code == 1
    assert result.err == "osint-claims: names/empty\\xfe.txt: empty file\n"
    text = result.out if output == "-" else (workdir / "out").read_bytes().decode("utf-8")
    assert written in text


def test_a_claim_from_a_name_that_is_not_utf8_keeps_its_exact_address(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (workdir / BAD_NAME).write_text(GOOD, encoding="utf-8")
    result = run(monkeypatch, ["extract", BAD_NAME, "-o", "out.jsonl"])
    assert result.code == 0, result.err
    [line] = (workdir / "out.jsonl").read_text(encoding="utf-8").splitlines()
    url = from_json(line, Claim).source.url  # type: ignore[union-attr]
    assert url is not None and url.endswith("/bad%FFname.txt")


def test_an_output_name_that_is_not_utf8_is_shown_with_backslashes(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = os.fsdecode(b"nod\xe9r/out.jsonl")
    result = run(monkeypatch, ["extract", "good.txt", "-o", missing])
    assert result.code == 2
    assert (
        result.err == "osint-claims: cannot write nod\\xe9r/out.jsonl: No such file or directory\n"
    )


# -- Tables and Markdown are written as the rows come ----------------------------------------


class Watched(io.StringIO):
    """An output that notes, for each line written, how many items had been taken."""

    def __init__(self, taken: list[int]) -> None:
        super().__init__()
        self.taken = taken
        self.at: list[int] = []

    def write(self, text: str) -> int:
        self.at.extend([self.taken[0]] * text.count("\n"))
        return super().write(text)


def _quantities_taken(texts: list[str], taken: list[int]) -> Iterator[cli.QuantityItem]:
    for text in texts:
        taken[0] += 1
        [quantity] = extract_quantities(text)
        yield "doc.txt", quantity


@pytest.mark.parametrize(("fmt", "held"), [("markdown", 1), ("table", cli.TABLE_LOOKAHEAD)])
def test_tables_hold_a_bounded_number_of_rows(fmt: str, held: int) -> None:
    taken = [0]
    out = Watched(taken)
    rows = 3 * cli.TABLE_LOOKAHEAD
    cli._write(_quantities_taken(["40 drones"] * rows, taken), cli.QUANTITIES, fmt, out)
    body = out.at[2:]  # after the header and its rule
    assert len(body) == rows
    # Row k (from 1) is written once k items are taken, or the look-ahead is full.
    for k, at in enumerate(body, start=1):
        assert at <= max(k, held), (k, at)


def test_a_wide_cell_after_the_look_ahead_moves_only_its_own_line() -> None:
    texts = ["40 drones"] * cli.TABLE_LOOKAHEAD + ["1,200,000 people", "7 tanks"]
    out = io.StringIO()
    cli._write(_quantities_taken(texts, [0]), cli.QUANTITIES, "table", out)
    header, _, *body = out.getvalue().splitlines()
    assert len(body) == len(texts)
    assert body[-2].split() == ["doc.txt", "1200000", "people", "0", "16", "1,200,000", "people"]
    # The column of the item: where the header puts it, except on the wide line.
    column = header.index("item")
    assert body[0][column:].startswith("drones") and body[-1][column:].startswith("tanks")
    assert not body[-2][column:].startswith("people")


# -- UTF-16 and UTF-32 documents -------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-16"])
def test_utf16_documents_give_what_utf8_gives(
    encoding: str, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (workdir / "wide.txt").write_bytes(GOOD.encode(encoding))
    wide = run(monkeypatch, ["quantities", "wide.txt", "-f", "csv"])
    narrow = run(monkeypatch, ["quantities", "good.txt", "-f", "csv"])
    assert wide.code == 0 and wide.err == ""
    # The same figures at the same offsets: offsets count characters, not bytes.
    assert wide.out == narrow.out.replace("good.txt", "wide.txt")
