"""Reading YAML input files with positions: data plus a map from field paths to line numbers.

Used for scenario files and the model files they name, so every input error can say where it
is. The loader is PyYAML's safe loader with three changes (docs/hardening.md "YAML"):

- numbers follow YAML 1.2: ``21:00`` and ``3:30:00`` are text, never the base-60 numbers of
  YAML 1.1 (``goal_time: 21:00`` is the time it looks like, not 1260), and ``1e-3`` is a number;
- a value that cannot be built (``!!int abc``, ``!!timestamp soon``, an impossible date such as
  2027-02-30) is a YAML error at its line, never a crash;
- the document is checked before values are built (:mod:`peakplan.files.yaml_limits`): size
  after alias expansion, depth, self-reference, value length, integer digits; duplicate keys
  are an error too, and every number is at most ``MAX_NUMBER`` in magnitude.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from peakplan.files.limits import MAX_DEPTH, MAX_NODES, MAX_NUMBER
from peakplan.files.reading import SourceError, read_bytes, read_text
from peakplan.files.yaml_limits import GraphError, check_graph

__all__ = ["LineMap", "SourceError", "parse_yaml", "read_bytes", "read_text", "read_yaml", "yaml_error_text"]

INT_TAG, FLOAT_TAG = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_INT_12 = re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$")
_FLOAT_12 = re.compile(r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
                       r"|[-+]?\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
_BUILD_ERRORS = (ValueError, TypeError, KeyError, AttributeError, OverflowError, IndexError, ArithmeticError)


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 numbers whose unbuildable values are YAML errors at their line.

    Nesting is refused past ``MAX_DEPTH`` while scanning: PyYAML's scanner costs time quadratic
    in the nesting of ``[``/``{`` and its composer recursion would otherwise be the only limit.
    """

    def _too_deep(self) -> yaml.scanner.ScannerError:
        return yaml.scanner.ScannerError(None, None, f"values nested more than {MAX_DEPTH} levels deep",
                                         self.get_mark())

    def fetch_flow_collection_start(self, TokenClass: Any) -> None:  # noqa: N803 - PyYAML's name
        if self.flow_level >= MAX_DEPTH:
            raise self._too_deep()
        super().fetch_flow_collection_start(TokenClass)

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        """Stop composing once the file holds more than ``MAX_NODES`` values (aliases are checked
        later, expanded): the pure-Python composer costs about 40 µs a value."""
        self._composed = getattr(self, "_composed", 0) + 1
        if self._composed > MAX_NODES:
            raise GraphError(self.peek_event().start_mark.line + 1, f"more than {MAX_NODES:,} values")
        return super().compose_node(parent, index)

    def add_indent(self, column: int) -> bool:
        if len(self.indents) >= MAX_DEPTH:
            raise self._too_deep()
        return bool(super().add_indent(column))

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except _BUILD_ERRORS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            if tag == "!!timestamp":
                shown = node.value if isinstance(node.value, str) and len(node.value) <= 40 else "this value"
                problem = f"{shown!r} is not a real date; write it as YYYY-MM-DD"
            else:
                problem = f"this value cannot be read as a {tag} value; fix it or remove the tag"
            raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark) from None


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (INT_TAG, FLOAT_TAG)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver(INT_TAG, _INT_12, list("-+0123456789"))
_Loader.add_implicit_resolver(FLOAT_TAG, _FLOAT_12, list("-+0123456789."))


class LineMap:
    """1-based line numbers of the fields of a composed YAML document (each lookup O(depth))."""

    def __init__(self, root: Node | None):
        self.root = root
        self._keys: dict[int, dict[str, tuple[Node, Node]]] = {}

    def _pairs(self, node: MappingNode) -> dict[str, tuple[Node, Node]]:
        found = self._keys.get(id(node))
        if found is None:
            found = {}
            for key, value in node.value:
                if isinstance(key, ScalarNode):
                    found.setdefault(key.value, (key, value))
            self._keys[id(node)] = found
        return found

    def _walk(self, loc: Sequence[Any]) -> tuple[int | None, bool]:
        """(line of the deepest node reached along ``loc``, whether all of ``loc`` was found)."""
        node, line = self.root, None
        for part in loc:
            if isinstance(node, MappingNode):
                pair = self._pairs(node).get(str(part))
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
                        return key.value[:60], first[key.value], line
                    first[key.value] = line
                stack.extend((key, value))
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return None


def _too_large(data: Any, loc: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
    """Path of the first finite number above ``MAX_NUMBER`` in magnitude (the graph is bounded)."""
    if isinstance(data, int | float) and not isinstance(data, bool):
        return loc if math.isfinite(data) and abs(data) > MAX_NUMBER else None
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        found = _too_large(value, (*loc, key))
        if found is not None:
            return found
    return None


def yaml_error_text(exc: yaml.YAMLError) -> str:
    """'at line L, column C: problem' from a PyYAML error (the problem cut short: no file dumps)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    problem = str(getattr(exc, "problem", None) or getattr(exc, "context", None) or "invalid YAML")
    return f"{where}: {problem if len(problem) <= 120 else problem[:117] + '...'}"


def _compose(text: str, source: str) -> tuple[Any, Node | None]:
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        check_graph(root)
        duplicate = _duplicate_keys(root)
        if duplicate is not None:
            key, first, second = duplicate
            raise SourceError(f"{source}, line {second}: key `{key}` is written twice (first at line {first}). "
                              "Keep one of them.")
        return (loader.construct_document(root) if root is not None else None), root
    finally:
        loader.dispose()


def parse_yaml(text: str, source: str) -> tuple[Any, LineMap]:
    """The document in ``text`` and its line map; SourceError names ``source`` and the line."""
    try:
        data, root = _compose(text, source)
    except GraphError as exc:
        raise SourceError(f"{source}, line {exc.line}: {exc.text}; a peakplan file is far smaller.") from None
    except yaml.reader.ReaderError as exc:
        line = text[:exc.position].count("\n") + 1 if isinstance(exc.position, int) else "?"
        raise SourceError(f"{source}, line {line}: the character #x{exc.character:04x} is not allowed in YAML. "
                          "Remove it (is this a binary file?).") from None
    except yaml.YAMLError as exc:
        raise SourceError(f"{source}: malformed YAML{yaml_error_text(exc)}. Fix the indentation, quoting or "
                          "value there.") from None
    except RecursionError:
        raise SourceError(f"{source}: the YAML is nested too deeply to be a peakplan file.") from None
    lines = LineMap(root)
    big = _too_large(data)
    if big is not None:
        where = lines.line(big)
        field = ".".join(str(p) for p in big)[:80] or "(top level)"
        raise SourceError(f"{source}{f', line {where}' if where else ''}: field `{field}` is larger than "
                          f"{MAX_NUMBER:g} in magnitude, which no peakplan value is. Fix this value.")
    return data, lines


def read_yaml(path: Path, what: str = "YAML file") -> tuple[Any, LineMap]:
    return parse_yaml(read_text(path, what), str(path))


def load_yaml_value(text: str) -> Any:
    """One YAML value (e.g. a ``--set`` value) with the same rules as files; SourceError otherwise."""
    return parse_yaml(text, "the value")[0]
