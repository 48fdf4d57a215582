"""Atomic writes for exports: the project's one implementation lives in :mod:`peakplan.fileio`."""

from __future__ import annotations

from peakplan.fileio import write_bytes_atomic as write_atomic

__all__ = ["write_atomic"]
