"""Bad input, in words: the error classes and how pydantic's validation errors become one paragraph.

Every message names the file, the field (with its line when the file writes it) and the fix;
misspelt names get the closest valid one. :class:`InputError` and its subclasses are bad input
(exit code 2); everything else escaping a command is a bug in peakplan (exit code 70).
"""

from __future__ import annotations

import difflib
import math
import re
import types
import typing
from collections.abc import Sequence
from typing import Any, Protocol

from pydantic import BaseModel, ValidationError


class InputError(ValueError):
    """Bad input: the message names the file, the field and the fix."""


class ScenarioError(InputError):
    """Bad input in a scenario or in a file it names: the message names the file, field and fix."""


class Lines(Protocol):
    """Line numbers of the fields of an input file (``files.yaml_source.LineMap``)."""

    def line(self, loc: Sequence[Any]) -> int | None: ...

    def nearest(self, loc: Sequence[Any]) -> int | None: ...


class NoLines:
    """For input that did not come from a file: no line numbers."""

    def line(self, loc: Sequence[Any]) -> int | None:
        return None

    def nearest(self, loc: Sequence[Any]) -> int | None:
        return None


def at(source: str, line: int | None) -> str:
    """'file, line 7' or just 'file'."""
    return f"{source}, line {line}" if line else source


def closest(word: Any, choices: Sequence[str]) -> str | None:
    close = difflib.get_close_matches(str(word).lower(), list(choices), n=1, cutoff=0.5)
    return close[0] if close else None


MAX_PART_CHARS = 40  # a field name longer than this is cut in messages
_UNION_TAG = re.compile(r"^([a-z-]+\[.*\]|float|int|str|bool|none)$")  # pydantic's union branch names in locs


def dotted(loc: Sequence[Any]) -> str:
    """('rules', 'taper', 'weeks') -> 'rules.taper.weeks'; list indices as [i]."""
    out = ""
    for part in loc:
        text = str(part) if len(str(part)) <= MAX_PART_CHARS else str(part)[: MAX_PART_CHARS - 3] + "..."
        out += f"[{text}]" if isinstance(part, int) else (f".{text}" if out else text)
    return out or "(top level)"


def _clean_loc(loc: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(p for p in loc if not (isinstance(p, str) and _UNION_TAG.match(p)))


def _model_of(annotation: Any) -> Any:
    """The pydantic model or dict type inside an annotation (Optional, unions)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is dict:
        return annotation
    if origin is typing.Annotated:
        return _model_of(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if found is not None:
                return found
    return None


def allowed_fields(model: type[BaseModel], loc: Sequence[Any]) -> list[str]:
    """Field names valid at the parent of ``loc``, for 'did you mean' suggestions."""
    current: Any = model
    for part in loc[:-1]:
        if typing.get_origin(current) is dict:  # the part is a key; go to the value type
            current = _model_of(typing.get_args(current)[1])
            continue
        fields = getattr(current, "model_fields", None)
        if fields is None or part not in fields:
            return []
        current = _model_of(fields[part].annotation)
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def _expected(err: Any) -> list[str]:
    return re.findall(r"'([^']*)'", str((err.get("ctx") or {}).get("expected", "")))


def _error_text(err: Any, loc: tuple[Any, ...], root: type[BaseModel], fields_hint: str) -> str:
    kind, field = err["type"], dotted(loc)
    if kind == "extra_forbidden":
        close = closest(loc[-1], allowed_fields(root, loc))
        hint = f" Did you mean `{close}`?" if close else f" Remove it ({fields_hint} for the fields)."
        return f"unknown field `{field}`.{hint}"
    if kind == "missing":
        return f"field `{field}` is required. Add it ({fields_hint})."
    if kind == "literal_error" and err["loc"][-1] == "[key]":
        choices = _expected(err)
        close = closest(loc[-1], choices)
        hint = f" Did you mean `{close}`?" if close else ""
        return f"`{loc[-1]}` is not allowed in `{dotted(loc[:-1])}`; use one of {', '.join(choices)}.{hint}"
    if kind == "literal_error":
        choices = _expected(err)
        close = closest(err.get("input"), choices)
        hint = f" Did you mean {close!r}?" if close else ""
        return f"field `{field}` = {shown(err.get('input'))}: use one of {', '.join(choices)}.{hint}"
    msg = str(err["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if not loc:
        return f"{msg}."
    got = err.get("input")
    value = "" if isinstance(got, dict | list | tuple) else f" = {shown(got)}"
    return f"field `{field}`{value}: {msg}. Fix this value."


MAX_SHOWN_CHARS = 60  # a value longer than this is cut in messages (messages stay one paragraph)


def shown(value: Any) -> str:
    """A user's value in a message: its repr, cut to ``MAX_SHOWN_CHARS``."""
    text = repr(value)
    return text if len(text) <= MAX_SHOWN_CHARS else text[: MAX_SHOWN_CHARS - 3] + "..."


def _key(err: Any) -> tuple[Any, ...]:
    loc = _clean_loc(err["loc"])
    return loc[:-1] if loc and loc[-1] == "[key]" else loc


SHOWN_ERRORS = 4  # errors spelt out in one message; the rest are counted


def _misspelt_missing(by_field: dict[tuple[Any, ...], Any], root: type[BaseModel]) -> set[tuple[Any, ...]]:
    """Required fields reported missing only because the file misspells them (``athelte``).

    One fuzzy search per *missing* field over the unknown keys next to it (there are few
    missing fields, but a file may hold thousands of unknown keys: linear, not quadratic).
    """
    unknown: dict[tuple[Any, ...], list[str]] = {}
    for loc, err in by_field.items():
        if err["type"] == "extra_forbidden" and loc:
            unknown.setdefault(loc[:-1], []).append(str(loc[-1]).lower())
    out = set()
    for loc, err in by_field.items():
        if err["type"] != "missing" or not loc or loc[:-1] not in unknown:
            continue
        allowed = allowed_fields(root, loc)
        candidates = difflib.get_close_matches(str(loc[-1]), unknown[loc[:-1]], n=3, cutoff=0.5)
        if any(closest(c, allowed) == loc[-1] for c in candidates):
            out.add(loc)
    return out


def format_validation_error(exc: ValidationError, source: str, lines: Lines | None, root: type[BaseModel],
                            fields_hint: str = "see `peakplan schema`") -> str:
    """One paragraph: file, line, field, problem and fix for the first few errors (literal errors
    first), then a count of the rest; time linear in the number of errors."""
    lines = lines or NoLines()
    by_field: dict[tuple[Any, ...], Any] = {}
    for err in exc.errors(include_url=False):
        loc = _key(err)
        if loc not in by_field or err["type"] == "literal_error":  # a union's other branches add noise
            by_field[loc] = err
    skipped = _misspelt_missing(by_field, root)  # "unknown field `athelte`. Did you mean `athlete`?" says it all
    parts: list[str] = []
    remaining = 0
    for loc, err in by_field.items():
        if loc in skipped:
            continue
        if len(parts) >= SHOWN_ERRORS:
            remaining += 1
            continue
        line = lines.nearest(loc) if err["type"] == "missing" else lines.line(loc)
        text = _error_text(err, loc, root, fields_hint)
        part = f"line {line}: {text}" if line else text
        if part not in parts:
            parts.append(part)
    head = parts[0]
    if head.startswith("line "):
        number, _, rest = head.partition(": ")
        head = f"{source}, {number}: {rest}"
    else:
        head = f"{source}: {head}"
    more = " ".join(f"Also {p}" if p.startswith("line ") else f"Also: {p}" for p in parts[1:])
    extra = f" (+{remaining} more)" if remaining else ""
    return " ".join(x for x in (head, more) if x) + extra


def first_non_finite(value: Any, loc: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
    """Path of the first NaN or infinite number in dumped data (they would poison the integer model)."""
    if isinstance(value, float) and not math.isfinite(value):
        return loc
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list | tuple) else ()
    for key, item in items:
        found = first_non_finite(item, (*loc, key))
        if found is not None:
            return found
    return None
