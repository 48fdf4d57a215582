"""Reading one input file, bounded in size and never blocking.

The file is opened non-blocking (a FIFO opens at once instead of waiting for a writer), then
checked with ``fstat`` on the open descriptor, so what is read is what was checked: only a
regular file is read, and at most ``max_bytes`` of it. A device, FIFO or socket is refused
before a byte is read, so no read can hang or run forever (``/dev/zero``, ``/dev/stdin``).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from peakplan.errors import InputError
from peakplan.files.limits import MAX_YAML_BYTES


class SourceError(InputError):
    """A file that cannot be read or parsed; the message names the file and the line."""


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _open(path: Path, what: str) -> int:
    try:
        return os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise SourceError(f"{path}: file not found. Check the path.") from None
    except IsADirectoryError:
        raise SourceError(f"{path}: is a folder, not a {what}. Give the path of the file.") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot be read ({exc.strerror or exc}). Check the path and its permissions.") from None
    except ValueError as exc:  # e.g. a NUL character in the path
        raise SourceError(f"{str(path)[:200]!r}: not a usable file path ({exc}).") from None


def read_bytes(path: Path, what: str = "YAML file", max_bytes: int = MAX_YAML_BYTES) -> bytes:
    """The bytes of the regular file ``path`` (at most ``max_bytes``); SourceError otherwise."""
    fd = _open(path, what)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(f"{path}: is a folder, not a {what}. Give the path of the file.")
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(f"{path}: is {_kind(info.st_mode)}, not a {what}; peakplan reads regular files only. "
                              "Give the path of a file.")
        if info.st_size > max_bytes:
            raise SourceError(f"{path}: is {info.st_size:,} bytes, far too large for a {what} "
                              f"(at most {max_bytes:,}). Give the right file.")
        os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > max_bytes:  # it grew while we read it
            raise SourceError(f"{path}: is more than {max_bytes:,} bytes, far too large for a {what}.")
        return b"".join(chunks)
    except OSError as exc:
        raise SourceError(f"{path}: cannot be read ({exc.strerror or exc}). Check the path and its permissions.") from None
    finally:
        os.close(fd)


def read_text(path: Path, what: str = "YAML file", max_bytes: int = MAX_YAML_BYTES) -> str:
    """The UTF-8 text of ``path``; SourceError with the fix when it cannot be read."""
    data = read_bytes(Path(path), what, max_bytes)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: is not UTF-8 text ({exc.reason} at byte {exc.start}). "
                          f"Give a UTF-8 {what}.") from None
