"""The organizer facet as a tree: each unit under its parent body when both are listed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from indexer.search.facets import FacetValue


@dataclass
class TreeNode:
    """An organizer with the units under it that are among the facet values."""

    value: FacetValue
    children: list[TreeNode] = field(default_factory=list)
    relatives: set[str] = field(default_factory=set)


def organizer_tree(values: Sequence[FacetValue]) -> list[TreeNode]:
    """The organizer facet as a tree: units under their parent when the parent is listed too.

    Each node's `relatives` are its ancestors and descendants, which choosing it replaces
    (choosing a unit of a chosen body narrows to that unit rather than adding nothing).
    """
    nodes = {v.value: TreeNode(v) for v in values}
    roots = []
    for v in values:
        parent = nodes.get(v.parent) if v.parent else None
        if parent is None or _is_ancestor(nodes, v.value, v.parent):
            roots.append(nodes[v.value])
        else:
            parent.children.append(nodes[v.value])
    for root in roots:
        _collect_relatives(root, [])
    return roots


def _is_ancestor(nodes: dict[str, TreeNode], name: str, start: str | None) -> bool:
    """Whether `name` is `start` or above it (a loop in the data's parents)."""
    seen = set()
    while start and start not in seen:
        if start == name:
            return True
        seen.add(start)
        node = nodes.get(start)
        start = node.value.parent if node else None
    return False


def _collect_relatives(node: TreeNode, ancestors: list[str]) -> set[str]:
    below: set[str] = set()
    for child in node.children:
        below |= _collect_relatives(child, ancestors + [node.value.value])
    node.relatives = set(ancestors) | below
    return below | {node.value.value}
