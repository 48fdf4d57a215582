"""Checks on a composed YAML document before any value is built from it.

YAML anchors and aliases let a 1 kB file describe a billion values (each alias repeats a whole
subtree); the composed node graph stays small, but everything that walks the values would not.
:func:`check_graph` walks the graph once, counting each node as often as aliases repeat it
(memoised, so the walk itself is linear), and refuses a document that expands past
``MAX_NODES`` values, nests deeper than ``MAX_DEPTH``, refers to itself, holds a value or key
longer than ``MAX_SCALAR_CHARS`` or an integer of more than ``MAX_INT_DIGITS`` digits.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from peakplan.files.limits import MAX_DEPTH, MAX_INT_DIGITS, MAX_NODES, MAX_SCALAR_CHARS

INT_TAG = "tag:yaml.org,2002:int"


class GraphError(ValueError):
    """What is wrong with a document, and the 1-based line where it shows."""

    def __init__(self, line: int, text: str):
        super().__init__(text)
        self.line, self.text = line, text


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def _check_scalar(node: ScalarNode) -> None:
    line = node.start_mark.line + 1
    if len(node.value) > MAX_SCALAR_CHARS:
        raise GraphError(line, f"a value of {len(node.value):,} characters (at most {MAX_SCALAR_CHARS:,}); "
                                 "shorten it")
    digits = sum(c.isdigit() for c in node.value)
    if node.tag == INT_TAG and digits > MAX_INT_DIGITS:
        raise GraphError(line, f"an integer of {digits} digits (at most {MAX_INT_DIGITS}); "
                                 "no peakplan value is that large")


def check_graph(root: Node | None) -> None:
    """Raise GraphError when the document is too big, too deep or refers to itself."""
    if root is None:
        return
    size: dict[int, int] = {}       # id(node) -> values below and including it, aliases expanded
    height: dict[int, int] = {}     # id(node) -> nesting depth below it
    on_path: set[int] = set()
    stack: list[tuple[Node, int, bool]] = [(root, 0, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            kids = _children(node)
            size[key] = 1 + sum(size[id(k)] for k in kids)
            height[key] = 1 + max((height[id(k)] for k in kids), default=0)
            if size[key] > MAX_NODES:
                raise GraphError(node.start_mark.line + 1,
                                   f"the document expands to more than {MAX_NODES:,} values (anchors and aliases "
                                   "repeat whole parts); write the values out")
            continue
        if key in size:  # an alias of a finished value: its own depth counts from here
            if depth + height[key] > MAX_DEPTH + 1:
                raise GraphError(node.start_mark.line + 1, f"values nested more than {MAX_DEPTH} levels deep")
            continue
        if key in on_path:
            raise GraphError(node.start_mark.line + 1, "an alias refers to a value that contains it; "
                                                         "write the values out")
        if depth > MAX_DEPTH:
            raise GraphError(node.start_mark.line + 1, f"values nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, ScalarNode):
            _check_scalar(node)
            size[key], height[key] = 1, 1
            continue
        on_path.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in reversed(_children(node)))
