"""Reading YAML input files with positions: data plus a map from field paths to line numbers.

Used for scenario files and the model files they name, so every input error can say where it
is. Impossible dates (2027-02-30) and duplicate keys are YAML errors here, with their line,
instead of a crash or a silently dropped value.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from peakplan.errors import InputError


class SourceError(InputError):
    """A file that cannot be read as YAML; the message names the file and the line."""


class _Loader(yaml.SafeLoader):
    """SafeLoader whose impossible dates are YAML errors at their position."""

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.value!r} is not a real date ({exc}); write it as YYYY-MM-DD", node.start_mark) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


class LineMap:
    """1-based line numbers of the fields of a composed YAML document."""

    def __init__(self, root: Node | None):
        self.root = root

    def _walk(self, loc: Sequence[Any]) -> tuple[int | None, bool]:
        """(line of the deepest node reached along ``loc``, whether all of ``loc`` was found)."""
        node, line = self.root, None
        for part in loc:
            if isinstance(node, MappingNode):
                pair = next(((k, v) for k, v in node.value if isinstance(k, ScalarNode) and k.value == str(part)), None)
                if pair is None:
                    return line, False
                line, node = pair[0].start_mark.line + 1, pair[1]
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                return line, False
        return line, True

    def line(self, loc: Sequence[Any]) -> int | None:
        """Line of the field at ``loc`` (None when the file does not write it)."""
        line, found = self._walk(loc)
        return line if found else None

    def nearest(self, loc: Sequence[Any]) -> int | None:
        """Line of ``loc`` or of its deepest ancestor the file writes (None: top level)."""
        return self._walk(loc)[0]


def _duplicate_keys(root: Node | None) -> tuple[str, int, int] | None:
    """The first key written twice in one mapping: (key, first line, second line)."""
    seen_nodes: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, ScalarNode) and key.value != "<<":
                    line = key.start_mark.line + 1
                    if key.value in first:
                        return key.value, first[key.value], line
                    first[key.value] = line
                stack.extend((key, value))
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return None


def yaml_error_text(exc: yaml.YAMLError) -> str:
    """'at line L, column C: problem' from a PyYAML error."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None) or "invalid YAML"
    return f"{where}: {problem}"


def parse_yaml(text: str, source: str) -> tuple[Any, LineMap]:
    """The document in ``text`` and its line map; SourceError names ``source`` and the line."""
    loader = None
    try:
        loader = _Loader(text)
        root = loader.get_single_node()
        duplicate = _duplicate_keys(root)
        if duplicate is not None:
            key, first, second = duplicate
            raise SourceError(f"{source}, line {second}: key `{key}` is written twice (first at line {first}). "
                              "Keep one of them.")
        data = loader.construct_document(root) if root is not None else None
    except yaml.reader.ReaderError as exc:
        line = text[:exc.position].count("\n") + 1 if isinstance(exc.position, int) else "?"
        raise SourceError(f"{source}, line {line}: the character #x{exc.character:04x} is not allowed in YAML. "
                          "Remove it (is this a binary file?).") from None
    except yaml.YAMLError as exc:
        raise SourceError(f"{source}: malformed YAML{yaml_error_text(exc)}. Fix the indentation, quoting or "
                          "value there.") from None
    except RecursionError:
        raise SourceError(f"{source}: the YAML is nested too deeply to be a peakplan file.") from None
    finally:
        if loader is not None:
            loader.dispose()
    return data, LineMap(root)


MAX_BYTES = 5_000_000  # no scenario or model file comes near this


def read_text(path: Path, what: str = "YAML file", max_bytes: int = MAX_BYTES) -> str:
    """The UTF-8 text of ``path``; SourceError with the fix when it cannot be read."""
    try:
        if path.exists() and not path.is_dir() and not path.is_file():
            raise SourceError(f"{path}: is not a regular file (a device or a pipe?). Give a {what}.")
        if path.is_file() and path.stat().st_size > max_bytes:
            raise SourceError(f"{path}: is {path.stat().st_size:,} bytes, far too large for a {what}.")
        return path.read_text(encoding="utf-8")
    except SourceError:
        raise
    except FileNotFoundError:
        raise SourceError(f"{path}: file not found. Check the path.") from None
    except IsADirectoryError:
        raise SourceError(f"{path}: is a folder, not a {what}. Give the path of the file.") from None
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: is not UTF-8 text ({exc.reason} at byte {exc.start}). Give a UTF-8 {what}.") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot be read ({exc.strerror or exc}). Check the path and its permissions.") from None
    except ValueError as exc:  # e.g. a NUL character in the path
        raise SourceError(f"{str(path)!r}: not a usable file path ({exc}).") from None


def read_yaml(path: Path, what: str = "YAML file") -> tuple[Any, LineMap]:
    return parse_yaml(read_text(path, what), str(path))
