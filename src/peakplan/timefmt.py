"""Parsing and printing of clock durations (h:mm:ss, mm:ss)."""

from __future__ import annotations


def parse_duration_s(text: str) -> float:
    """Seconds in 'h:mm:ss', 'mm:ss' or 'mm:ss.s'; raises ValueError otherwise."""
    parts = str(text).strip().split(":")
    if not 2 <= len(parts) <= 3 or any(p.strip() == "" for p in parts):
        raise ValueError(f"not a duration: {text!r}")
    values = [float(p) for p in parts]
    if any(v < 0 for v in values) or any(v >= 60 for v in values[1:]):
        raise ValueError(f"not a duration: {text!r}")
    seconds = 0.0
    for v in values:
        seconds = seconds * 60 + v
    if seconds <= 0:
        raise ValueError(f"not a duration: {text!r}")
    return seconds


def clock(seconds: float) -> str:
    """'4:05' for seconds under an hour, '1:02:30' above."""
    total = round(seconds)
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
