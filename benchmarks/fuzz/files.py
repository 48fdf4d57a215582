"""Putting one fuzz input on disk: its files, and the special files (FIFO, device, loops, ...)."""

from __future__ import annotations

import os
import random
import stat
from pathlib import Path

from benchmarks.fuzz.mutate import Input

HUGE_BYTES = 25_000_000  # above every read limit (sparse: nothing is written)


def _device(path: Path) -> None:
    """A character device like /dev/zero (endless bytes): a real node when root, else a symlink to it."""
    if os.geteuid() == 0:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))
    else:
        os.symlink("/dev/zero", path)


def _special(path: Path, kind: str, rng: random.Random) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "device":
        _device(path)
    elif kind == "symlink_loop":
        os.symlink(path.with_name(path.name + ".loop"), path)
        os.symlink(path, path.with_name(path.name + ".loop"))
    elif kind == "dangling_symlink":
        os.symlink(path.with_name("nowhere"), path)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(bytes(rng.randrange(256) for _ in range(2000)))
    elif kind == "huge":
        with open(path, "wb") as fh:
            fh.truncate(HUGE_BYTES)
    else:
        raise ValueError(kind)


def materialise(inp: Input, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in inp.files.items():
        data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    if inp.special:
        _special(folder / inp.target, inp.special, random.Random(inp.number))


def clear(folder: Path) -> None:
    """Remove the input's folder (links and special files without following them)."""
    if not folder.exists() and not folder.is_symlink():
        return
    for root, dirs, names in os.walk(folder, topdown=False):
        for name in names + [d for d in dirs if Path(root, d).is_symlink()]:
            os.unlink(os.path.join(root, name))
        for name in dirs:
            if not Path(root, name).is_symlink():
                os.rmdir(os.path.join(root, name))
    os.rmdir(folder)
