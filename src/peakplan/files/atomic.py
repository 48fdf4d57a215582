"""The one way peakplan writes output (plans, exports, reports): :func:`prepare_output`, then
:func:`write_output`. The rules (docs/hardening.md "Output"):

- ``-`` is standard output (binary data is refused when that is a terminal).
- A symlink is followed: the file it points to is written, the link stays a link.
- A regular file (or a new one) is replaced atomically: a temp file in the same folder, fsync,
  rename. Readers see the old file or the whole new one; on any error, or a signal the command
  turns into an exception (Ctrl-C, SIGTERM), the temp file is removed and the old file stays.
- Temp files are named ``.NAME.peakplan-PID-XXXX.tmp``; one left behind by a killed process
  (``kill -9``) is removed by the next write to NAME once no process with that PID runs.
- A character device (``/dev/null``) or a FIFO is written as a stream, never replaced; a FIFO
  with no reader, a block device and a socket are refused. A folder is refused.
- Nothing is written by :func:`prepare_output`: commands call it before their work, so a bad
  target is reported before a solve, and write only when the output is complete.
- Two commands writing one file: the last writer wins, and it says so. The target's identity
  (inode, mtime, size) is noted when the command starts and compared, under a lock on the
  folder, just before the rename; if another process replaced the file meanwhile,
  :func:`write_output` returns a warning for the command to print.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from peakplan.errors import InputError

TEMP_SUFFIX = ".tmp"


class OutputError(InputError):
    """An output target that cannot be written; the message names it and the fix."""


@dataclass(frozen=True)
class Output:
    given: str                                        # the target as the user wrote it
    kind: Literal["stdout", "stream", "file"]
    path: Path | None = None                          # the file written (symlinks followed)
    snapshot: tuple[int, int, int] | None = None      # (inode, mtime_ns, size) when prepared


def _identity(path: Path) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return info.st_ino, info.st_mtime_ns, info.st_size


def prepare_output(target: str | Path, option: str = "-o", binary: bool = False) -> Output:
    """Check ``target`` and decide how it will be written; OutputError (exit 2) when it cannot be."""
    given = str(target)
    if given == "-":
        if binary and sys.stdout.isatty():
            raise OutputError(f"{option} -: binary output to a terminal; redirect it (> file) or give a file name.")
        return Output(given, "stdout")
    try:
        real = Path(os.path.realpath(given, strict=False))
        info = os.stat(real) if os.path.lexists(real) else None
    except (OSError, ValueError) as exc:
        raise OutputError(f"{option} {given[:300]!r}: cannot be used ({getattr(exc, 'strerror', None) or exc}); "
                          "give a plain file path.") from None
    if info is None:
        folder = real.parent
        if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
            raise OutputError(f"{option} {given[:300]!r} cannot be written: the folder {str(folder)[:300]!r} does not "
                              "exist or is not writable; create it or choose another path.")
        return Output(given, "file", real, None)
    return _existing(given, option, real, info.st_mode)


def _existing(given: str, option: str, real: Path, mode: int) -> Output:
    if stat.S_ISDIR(mode):
        raise OutputError(f"{option} {given[:300]!r} is a folder; give a file name in it, e.g. "
                          f"{option} {str(Path(given) / 'plan.json')[:300]}.")
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return Output(given, "stream", real)
    if not stat.S_ISREG(mode):
        kind = "a block device" if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else "not a regular file"
        raise OutputError(f"{option} {given[:300]!r} is {kind}; peakplan writes only files, character devices and "
                          "FIFOs. Give a file name.")
    if not os.access(real, os.W_OK) or not os.access(real.parent, os.W_OK | os.X_OK):
        raise OutputError(f"{option} {given[:300]!r} cannot be written (the file or its folder is read-only); "
                          "choose another path.")
    return Output(given, "file", real, _identity(real))


def write_output(output: Output, data: bytes) -> str:
    """Write ``data`` as prepared; returns a warning to print ('' when none). OSError on failure."""
    if output.kind == "stdout":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return ""
    assert output.path is not None
    if output.kind == "stream":
        _write_stream(output.path, data)
        return ""
    return _replace_atomically(output, data)


def _write_stream(path: Path, data: bytes) -> None:
    try:  # non-blocking first: a FIFO nobody reads fails at once instead of hanging
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OutputError(f"{path}: a FIFO that no process reads; start the reader first.") from None
        raise
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _temp_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"^\.{re.escape(name)}\.peakplan-(\d+)-[^/]*{re.escape(TEMP_SUFFIX)}$")


def remove_stale_temps(folder: Path, name: str) -> list[Path]:
    """Remove temp files of ``name`` whose writing process no longer runs (killed mid-write)."""
    pattern, removed = _temp_pattern(name), []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            match = pattern.match(entry.name)
            if match and not _running(int(match.group(1))):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 less the umask."""
    with contextlib.suppress(FileNotFoundError):
        return target.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _replace_atomically(output: Output, data: bytes) -> str:
    target = output.path
    assert target is not None
    remove_stale_temps(target.parent, target.name)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.peakplan-{os.getpid()}-", suffix=TEMP_SUFFIX, dir=target.parent)
    try:
        os.chmod(tmp, _mode_for(target))  # mkstemp creates 0600
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        with _folder_lock(target.parent):
            changed = _identity(target) != output.snapshot
            os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if not changed:
        return ""
    return (f"warning: {output.given} was changed by another process while this command ran (another peakplan "
            "writing the same file?); it now holds this command's output: the last writer wins.")


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive flock on the folder, so two writers' check-and-rename do not interleave
    (a folder we may not open for reading is written without it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def write_bytes_atomic(path: str | Path, data: bytes) -> Path:
    """Library form: write ``data`` to ``path`` by the rules above; returns the path written."""
    output = prepare_output(path, "path")
    write_output(output, data)
    return output.path or Path(path)


def write_text_atomic(path: str | Path, text: str) -> Path:
    return write_bytes_atomic(path, text.encode("utf-8"))
