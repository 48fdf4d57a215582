"""Where activity files come from: files, folders, zip archives (nested, as in Garmin's export), .gz.

Nothing is extracted to disk. Every read is bounded: an activity file larger than
``MAX_FILE_BYTES`` once uncompressed, or a nested archive larger than ``MAX_ARCHIVE_BYTES``, is
refused with a message (and counted), and at most ``MAX_ITEMS`` activity files are taken from one
command. Strava's ``activities.csv`` is metadata about the files beside it (see :mod:`.strava`).
"""

from __future__ import annotations

import functools
import gzip
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from peakplan.errors import InputError
from peakplan.history.model import Skipped

MAX_FILE_BYTES = 64 * 1024 * 1024       # a 10-hour 1-second FIT is about 2 MB, its GPX about 10 MB
MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024  # a nested zip is read into memory
MAX_ITEMS = 100_000
MAX_ZIP_DEPTH = 2                       # Garmin's export: a zip of zips of FIT files
KINDS = ("fit", "gpx", "tcx", "csv")
STRAVA_INDEX = "activities.csv"


class TooLarge(Exception):  # noqa: N818 - a verdict on a file, not an error of ours
    """An input over its size bound (a message for the skipped list)."""


@dataclass(frozen=True)
class Item:
    name: str                    # what messages call it: "export.zip:activities/1.fit.gz"
    member: str                  # path inside its folder or archive ("activities/1.fit.gz")
    kind: str                    # fit, gpx, tcx, csv
    read: Callable[[], bytes]


@dataclass
class Container:
    """One folder or archive: its activity files, and Strava's index when it has one."""

    name: str
    items: list[Item] = field(default_factory=list)
    strava_index: Item | None = None


def kind_of(name: str) -> str | None:
    """fit, gpx, tcx, csv or zip from a file name (``.gz`` looked through); None otherwise."""
    lower = name.lower().removesuffix(".gz")
    suffix = PurePosixPath(lower).suffix.lstrip(".")
    return suffix if suffix in (*KINDS, "zip") else None


def bounded(data: bytes, name: str) -> bytes:
    """``data``, gunzipped when the name ends in .gz, refused above ``MAX_FILE_BYTES``."""
    if name.lower().endswith(".gz"):
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
        except (OSError, EOFError) as exc:
            raise ValueError(f"not a readable .gz file ({exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise TooLarge(f"is larger than {MAX_FILE_BYTES // 2**20} MB uncompressed; activity files are refused above that")
    return data


def _file_reader(path: Path, name: str) -> Callable[[], bytes]:
    def read() -> bytes:
        size = path.stat().st_size
        limit = MAX_ARCHIVE_BYTES if name.lower().endswith(".gz") else MAX_FILE_BYTES
        if size > limit:
            raise TooLarge(f"is {size / 2**20:.0f} MB; activity files are refused above {limit // 2**20} MB")
        return bounded(path.read_bytes(), name)
    return read


def _member_reader(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], bytes]:
    def read() -> bytes:
        limit = MAX_ARCHIVE_BYTES if info.filename.lower().endswith(".gz") else MAX_FILE_BYTES
        if info.file_size > limit:
            raise TooLarge(f"is {info.file_size / 2**20:.0f} MB uncompressed; refused above {limit // 2**20} MB")
        with archive.open(info) as fh:
            return bounded(fh.read(limit + 1), info.filename)
    return read


def _add(container: Container, item: Item) -> None:
    if PurePosixPath(item.member).name.lower() == STRAVA_INDEX and item.kind == "csv" and container.strava_index is None:
        container.strava_index = item
    else:
        container.items.append(item)


def _archive(name: str, opener: Callable[[], zipfile.ZipFile], depth: int, out: list[Container],
             skipped: list[Skipped]) -> None:
    try:
        archive = opener()
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:  # RuntimeError: encrypted
        skipped.append(Skipped(source=name, kind="unreadable", reason=f"not a readable zip archive ({exc})"))
        return
    container = Container(name)
    out.append(container)
    for info in sorted(archive.infolist(), key=lambda i: i.filename):
        kind = kind_of(info.filename)
        member_name = f"{name}:{info.filename}"
        if info.is_dir() or kind is None:
            continue
        if kind == "zip":
            _nested(member_name, archive, info, depth, out, skipped)
        else:
            _add(container, Item(member_name, info.filename, kind, _member_reader(archive, info)))


def _nested(name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, depth: int, out: list[Container],
            skipped: list[Skipped]) -> None:
    if depth >= MAX_ZIP_DEPTH:
        skipped.append(Skipped(source=name, kind="not_activity", reason=f"a zip nested deeper than {MAX_ZIP_DEPTH} levels"))
    elif info.file_size > MAX_ARCHIVE_BYTES:
        skipped.append(Skipped(source=name, kind="too_large",
                               reason=f"a nested zip of {info.file_size / 2**20:.0f} MB; refused above "
                                      f"{MAX_ARCHIVE_BYTES // 2**20} MB (unzip it and give the folder)"))
    else:
        _archive(name, lambda: zipfile.ZipFile(io.BytesIO(archive.read(info))), depth + 1, out, skipped)


def _folder(path: Path, out: list[Container], skipped: list[Skipped]) -> None:
    container = Container(str(path))
    out.append(container)
    for child in sorted(p for p in path.rglob("*") if p.is_file()):
        kind = kind_of(child.name)
        member = child.relative_to(path).as_posix()
        if kind == "zip":
            _archive(str(child), functools.partial(zipfile.ZipFile, child), 1, out, skipped)
        elif kind is not None:
            _add(container, Item(str(child), member, kind, _file_reader(child, child.name)))


def expand(paths: list[Path]) -> tuple[list[Container], list[Skipped]]:
    """The containers behind the command line's paths; InputError for a path that cannot be used."""
    containers: list[Container] = []
    skipped: list[Skipped] = []
    for path in paths:
        if path.is_dir():
            _folder(path, containers, skipped)
        elif path.name.lower() == STRAVA_INDEX and path.is_file():
            _folder(path.parent, containers, skipped)  # Strava's index names the files beside it
        elif not path.exists():
            raise InputError(f"{path}: no such file or folder. Give activity files (.fit, .gpx, .tcx, .csv, .gz), "
                             "a folder of them, a zip, or a Garmin/Strava export.")
        elif kind_of(path.name) == "zip":
            _archive(str(path), functools.partial(zipfile.ZipFile, path), 0, containers, skipped)
        elif kind_of(path.name) is None:
            raise InputError(f"{path}: not an activity file peakplan reads (.fit, .gpx, .tcx, .csv, each optionally "
                             ".gz, or a .zip). Convert it, or leave it out.")
        else:
            container = Container(str(path.parent))
            _add(container, Item(str(path), path.name, kind_of(path.name) or "", _file_reader(path, path.name)))
            containers.append(container)
    total = sum(len(c.items) for c in containers)
    if total > MAX_ITEMS:
        raise InputError(f"{total:,} activity files found; peakplan reads at most {MAX_ITEMS:,} in one command. "
                         "Give a shorter period (e.g. the last two years).")
    return containers, skipped


def iter_items(containers: list[Container]) -> Iterator[tuple[Container, Item]]:
    for container in containers:
        for item in container.items:
            yield container, item
