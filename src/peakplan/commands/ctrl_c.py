"""Ctrl-C and SIGTERM in the command line: never lost, never a traceback, exit 130.

Python turns SIGINT into a KeyboardInterrupt raised wherever the main thread happens to be, and
in two places that exception is lost: inside importlib's own machinery (a module lock's weakref
callback prints "Exception ignored" and carries on) and inside an extension module's start-up
(numpy.random's, for one); benchmarks/interrupt.py caught both.
So the CLI keeps three promises with three tools:

- every stop signal is also *remembered* (:func:`interrupted`), so one that Python dropped still
  stops the solve (:func:`sigint_requests` asks at once) and still exits 130 (cli.py), and
  Python's "Exception ignored" report of it is not printed (:func:`mute_dropped_interrupts`);
- while a command only imports and reads its input, nothing has been written, so a stop signal
  ends the process at once (:func:`quiet_until_ready`), the way cli.py's own start-up does;
- during a solve the signal only *requests* a stop, and the best plan so far is kept.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
_seen = threading.Event()          # a stop signal arrived in this command
_owner = {"process": False}        # True once cli.main() runs as the process itself


def raise_interrupt(signum: int, frame: Any) -> None:
    """The CLI's SIGINT/SIGTERM handler: remember the signal, then raise KeyboardInterrupt."""
    _seen.set()
    raise KeyboardInterrupt


def take_over(own_process: bool) -> None:
    """Install :func:`raise_interrupt` for both stop signals (main thread only; an ignored SIGINT
    stays ignored) and forget earlier signals. ``own_process``: this is the `peakplan` process
    itself, which may end itself at once; in-process callers (tests, a notebook) never are."""
    forget()
    _owner["process"] = own_process
    mute_dropped_interrupts()
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGINT) in (signal.default_int_handler, raise_interrupt):
        signal.signal(signal.SIGINT, raise_interrupt)
    signal.signal(signal.SIGTERM, raise_interrupt)


def _unraisable(info: Any) -> None:
    if isinstance(info.exc_value, KeyboardInterrupt):  # dropped by Python, remembered by raise_interrupt
        return
    sys.__unraisablehook__(info)


def mute_dropped_interrupts() -> None:
    """A KeyboardInterrupt Python drops (raised in a finalizer or a weakref callback) is reported
    through ``sys.unraisablehook`` as a traceback; the CLI remembers it instead, quietly. Any other
    unraisable exception keeps Python's report."""
    sys.unraisablehook = _unraisable


def interrupted() -> bool:
    """Whether a stop signal arrived since :func:`take_over`, even one Python did not deliver."""
    return _seen.is_set()


def forget() -> None:
    """Start a new command: earlier stop signals no longer count."""
    _seen.clear()


def _end_at_once(signum: int, frame: Any) -> None:
    """The handler while nothing is written yet (the twin of cli.py's start-up handler, which must
    run before this module can be imported)."""
    os.write(2, b"interrupted\n")
    os._exit(130)


@contextmanager
def quiet_until_ready() -> Iterator[None]:
    """Around a command's imports and input reading: a stop signal ends the process at once,
    exit 130, printing only "interrupted" (nothing is written yet, so nothing is lost)."""
    if not _owner["process"] or threading.current_thread() is not threading.main_thread() or interrupted():
        yield
        return
    previous = {sig: signal.signal(sig, _end_at_once) for sig in STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextmanager
def sigint_requests(request: Callable[[], None]) -> Iterator[None]:
    """While inside, Ctrl-C (SIGINT) and SIGTERM call ``request`` instead of raising KeyboardInterrupt;
    a signal that arrived before (and was perhaps lost) calls it at once.

    Outside the main thread (no signal handlers there) this does nothing: a KeyboardInterrupt
    then reaches the solver's wait loop, which turns it into the same request.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: Any) -> None:
        _seen.set()
        request()

    previous = {sig: signal.signal(sig, handler) for sig in STOP_SIGNALS}
    if interrupted():
        request()
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
