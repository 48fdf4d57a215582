"""The one output function (files/atomic.py): each kind of target gets its stated rule.

Regular file: replaced atomically (mode kept, no temp left, old file kept on error). Symlink:
followed, the link stays a link. FIFO: written as a stream (refused without a reader).
Character device: written, never replaced. ``-``: standard output. Folder: refused.
Stale temp files of a dead process: removed by the next write. Another writer meanwhile: warned.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from peakplan.files.atomic import OutputError, prepare_output, remove_stale_temps, write_output


def write(target: Path | str, data: bytes = b"new\n") -> str:
    return write_output(prepare_output(target), data)


def temps(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_regular_file_is_replaced_atomically_keeping_its_mode(tmp_path):
    target = tmp_path / "plan.json"
    target.write_bytes(b"old\n")
    target.chmod(0o640)
    inode = target.stat().st_ino
    assert write(target) == ""
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.stat().st_ino != inode  # a new file renamed over the old one, not rewritten in place
    assert temps(tmp_path) == []


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "plan.json"
    target.write_bytes(b"old\n")
    prepared = prepare_output(target)

    def broken(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        write_output(prepared, b"new\n")
    assert target.read_bytes() == b"old\n"
    assert temps(tmp_path) == []


def test_symlink_is_followed_and_stays_a_link(tmp_path):
    real = tmp_path / "real.json"
    real.write_bytes(b"old\n")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write(link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"new\n"


def test_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "made.json")
    write(link)
    assert link.is_symlink() and (tmp_path / "made.json").read_bytes() == b"new\n"


@pytest.mark.parametrize("make", ["folder", "link to a folder", "symlink loop"])
def test_folders_and_loops_are_refused(tmp_path, make):
    target = tmp_path / "out"
    if make == "folder":
        target.mkdir()
    elif make == "link to a folder":
        (tmp_path / "dir").mkdir()
        target.symlink_to(tmp_path / "dir")
    else:
        target.symlink_to(tmp_path / "other")
        (tmp_path / "other").symlink_to(target)
    with pytest.raises(OutputError) as caught:
        prepare_output(target, "-o")
    assert "-o" in str(caught.value) and str(target) in str(caught.value)
    if make != "symlink loop":
        assert "is a folder" in str(caught.value)


def test_fifo_is_written_as_a_stream(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader is there before the write
    try:
        prepared = prepare_output(fifo)
        assert prepared.kind == "stream"
        write_output(prepared, b"streamed\n")
        assert os.read(reader, 100) == b"streamed\n"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still a FIFO, never replaced
    assert temps(tmp_path) == []


def test_fifo_without_a_reader_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="no process reads"):
        write(fifo)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod of a character device needs root; not root here")
def test_character_device_is_written_and_never_replaced(tmp_path):
    device = tmp_path / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null
    assert prepare_output(device).kind == "stream"
    write(device)
    assert stat.S_ISCHR(device.stat().st_mode)
    assert temps(tmp_path) == []


def test_dev_null_stays_a_device():
    prepared = prepare_output("/dev/null")
    assert prepared.kind == "stream"
    write_output(prepared, b"x")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_dash_is_standard_output(capfdbinary, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    prepared = prepare_output("-")
    assert prepared.kind == "stdout"
    write_output(prepared, b"to stdout\n")
    assert capfdbinary.readouterr().out == b"to stdout\n"
    assert not (tmp_path / "-").exists()


def test_missing_folder_is_refused_before_anything_is_written(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        prepare_output(tmp_path / "no" / "plan.json", "--out")


def test_stale_temp_of_a_dead_process_is_removed_by_the_next_write(tmp_path):
    dead = 2**22 + 12345  # above the default pid_max: no process has it
    stale = tmp_path / f".plan.json.peakplan-{dead}-abcd.tmp"
    live = tmp_path / ".plan.json.peakplan-1-abcd.tmp"  # pid 1 runs
    other = tmp_path / ".other.json.peakplan-99999999-x.tmp"
    for path in (stale, live, other):
        path.write_bytes(b"half")
    write(tmp_path / "plan.json")
    assert not stale.exists() and live.exists() and other.exists()
    assert remove_stale_temps(tmp_path, "other.json") == [other]


def test_another_writer_meanwhile_is_detected_and_reported(tmp_path):
    target = tmp_path / "plan.json"
    target.write_bytes(b"first\n")
    prepared = prepare_output(target)
    target.write_bytes(b"another peakplan's plan\n")  # a second solve finished first
    warning = write_output(prepared, b"ours\n")
    assert "changed by another process" in warning and "last writer wins" in warning
    assert target.read_bytes() == b"ours\n"
