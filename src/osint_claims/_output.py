"""Private: the command line's output, which never leaves a file half-written.

``-o FILE`` is written to a hidden file beside it, ``.FILE.<random>.incomplete``, which
replaces FILE (one rename) only once everything is written; on a failure or an interrupt
it is removed, and FILE stays as it was. Only ``kill -9`` (or a crash of the machine) can
leave the temporary file, and its name says it is incomplete. A FILE that exists and is
not a regular file (``/dev/null``, a named pipe) is written in place: renaming over it
would replace the device or the pipe.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "out.txt").write_text("old\\n", encoding="utf-8")
>>> output = Output.open(str(folder / "out.txt"))
>>> _ = output.stream.write("new\\n")
>>> sorted(path.name.split(".")[-1] for path in folder.iterdir())
['incomplete', 'txt']
>>> output.commit()
>>> output.discard()  # after a commit: nothing to remove
>>> [path.name for path in folder.iterdir()], (folder / "out.txt").read_text(encoding="utf-8")
(['out.txt'], 'new\\n')
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import stat
import sys
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Final, TextIO

INCOMPLETE: Final = ".incomplete"
"""The suffix of an output file not yet complete."""

# Signals that end a run early, beside SIGINT (which Python already raises as
# KeyboardInterrupt): a `kill`, a closed terminal.
_STOPPING: Final = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)
# Room left in a file name (255 bytes on most file systems) for the dot, the random part
# and the suffix of the temporary file.
_NAME_ROOM: Final = 200


class Stopped(BaseException):
    """A signal asked the run to stop.

    A BaseException, as KeyboardInterrupt is: the command line catches ``Exception`` around
    each document so that one bad document does not end a batch, and a stop must get past.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, frame: FrameType | None) -> None:
    raise Stopped(signum)


@contextlib.contextmanager
def stopping_on_signals() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise :class:`Stopped`, so that ``finally``
    blocks run (and the temporary output file is removed) rather than the process dying.

    Signals only reach the main thread, and handlers can only be set there; elsewhere this
    changes nothing. A signal the caller ignores or handles stays theirs.
    """
    installed = []
    if threading.current_thread() is threading.main_thread():
        for signum in _STOPPING:
            if signal.getsignal(signum) is signal.SIG_DFL:
                signal.signal(signum, _stop)
                installed.append(signum)
    try:
        yield
    finally:
        for signum in installed:
            signal.signal(signum, signal.SIG_DFL)


class Output:
    """Where the command line writes: standard output, or a file replaced on success."""

    def __init__(self, stream: TextIO, temporary: str | None = None, target: str = "") -> None:
        self.stream = stream
        self._temporary = temporary
        self._target = target
        self._done = False

    @classmethod
    def open(cls, path: str | None) -> Output:
        """Standard output for ``None``, else a temporary file beside ``path``.

        Raises :class:`OSError` when ``path`` cannot be written: its folder is missing or
        read-only, or the file exists and may not be written.
        """
        if path is None:
            return cls(sys.stdout)
        # Through a symbolic link: the link stays, the file it points at is replaced.
        target = os.path.realpath(path)
        try:
            existing: os.stat_result | None = os.stat(target)
        except FileNotFoundError:
            existing = None
        if existing is not None and not stat.S_ISREG(existing.st_mode):
            # newline="": the CSV writer chooses its own line ends.
            return cls(open(path, "w", encoding="utf-8", newline=""))
        if existing is not None:
            # Renaming needs only the folder writable: keep refusing a file that is not.
            os.close(os.open(target, os.O_WRONLY))
        folder, name = os.path.split(target)
        descriptor, temporary = _create_beside(folder, name[:_NAME_ROOM])
        try:
            if existing is not None:
                os.chmod(temporary, stat.S_IMODE(existing.st_mode))
            stream = open(descriptor, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except BaseException:
            os.close(descriptor)
            os.unlink(temporary)
            raise
        return cls(stream, temporary, target)

    def commit(self) -> None:
        """Everything is written: flush, and put the file in place of the old one."""
        self.stream.flush()
        if self._temporary is None:
            if self.stream is not sys.stdout:
                self.stream.close()
            return
        os.fsync(self.stream.fileno())
        self.stream.close()
        os.replace(self._temporary, self._target)
        self._done = True

    def discard(self) -> None:
        """Unless committed: remove the temporary file (the old file stays as it was)."""
        if self._done or self.stream is sys.stdout:
            return
        self._done = True
        with contextlib.suppress(OSError):
            self.stream.close()
        if self._temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self._temporary)


def _create_beside(folder: str, name: str) -> tuple[int, str]:
    # Created with O_EXCL under a fresh random name: never someone else's file, and the
    # usual mode (0666 less the umask) for a new output.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = os.path.join(folder, f".{name}.{secrets.token_hex(4)}{INCOMPLETE}")
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
