"""The layers of the library, guarded by reading the imports of every module (with `ast`):
each third-party library enters through one door, and no layer reaches above itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("indexer", "searchsvc", "vnsearch")
# Whoosh's public API is what its documentation describes for building, querying and
# extending an index; these submodules are its implementation (codecs, files, matchers).
WHOOSH_INTERNALS = ("whoosh.codec", "whoosh.filedb", "whoosh.matching", "whoosh.util", "whoosh.system",
                    "whoosh.reading", "whoosh.automata", "whoosh.support")
# Private attributes of the standard library that are part of its documented API.
DOCUMENTED_PRIVATES = {"os._exit"}


def modules() -> list[Path]:
    return sorted(path for package in PACKAGES for path in (ROOT / package).rglob("*.py"))


def imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def private_reads(path: Path) -> list[str]:
    """`x._name` on anything but `self`/`cls`, and `getattr(x, "_name")`: reads of another
    object's internals."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                continue
            if ast.unparse(node) not in DOCUMENTED_PRIVATES:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("getattr", "hasattr", "setattr")
              and len(node.args) > 1 and isinstance(node.args[1], ast.Constant)
              and str(node.args[1].value).startswith("_")):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    return found


def under(path: Path, *folders: str) -> bool:
    relative = path.relative_to(ROOT).as_posix()
    return any(relative.startswith(folder.rstrip("/") + "/") for folder in folders)


def starts(name: str, *prefixes: str) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def test_the_guards_see_every_module_of_the_three_packages():
    assert len(modules()) > 60
    assert any(under(path, "indexer/engine") for path in modules())


def test_flask_is_imported_only_by_the_web_app():
    offenders = [f"{path.relative_to(ROOT)}: {name}" for path in modules() if not under(path, "searchsvc")
                 for name in imported(path) if starts(name, "flask", "werkzeug", "jinja2")]
    assert offenders == []


def test_whoosh_internals_are_imported_only_by_the_engine_package():
    offenders = [f"{path.relative_to(ROOT)}: {name}" for path in modules() if not under(path, "indexer/engine")
                 for name in imported(path) if starts(name, *WHOOSH_INTERNALS)]
    assert offenders == []


def test_private_attributes_are_read_only_by_the_engine_package():
    offenders = [read for path in modules() if not under(path, "indexer/engine") for read in private_reads(path)]
    assert offenders == []


def test_whoosh_is_imported_only_by_the_index_search_and_engine_layers():
    offenders = [f"{path.relative_to(ROOT)}: {name}" for path in modules()
                 if not under(path, "indexer/index", "indexer/search", "indexer/engine")
                 for name in imported(path) if starts(name, "whoosh")]
    assert offenders == []


def test_nothing_in_the_library_imports_the_web_app_or_the_command_line():
    offenders = [f"{path.relative_to(ROOT)}: {name}" for path in modules() if under(path, "indexer")
                 for name in imported(path) if starts(name, "searchsvc", "vnsearch")]
    assert offenders == []


@pytest.mark.parametrize("layer, above", [
    ("indexer/text", ("indexer.ingest", "indexer.index", "indexer.engine", "indexer.search")),
    ("indexer/ingest", ("indexer.index", "indexer.engine", "indexer.search")),
    ("indexer/engine", ("indexer.index", "indexer.search", "indexer.ingest")),
    ("indexer/index", ("indexer.search",)),
    ("searchsvc", ("vnsearch",)),
])
def test_no_layer_imports_a_layer_above_it(layer, above):
    offenders = [f"{path.relative_to(ROOT)}: {name}" for path in modules() if under(path, layer)
                 for name in imported(path) if starts(name, *above)]
    assert offenders == []


def test_beautifulsoup_is_imported_only_by_the_html_reader():
    offenders = [str(path.relative_to(ROOT)) for path in modules()
                 if any(starts(name, "bs4") for name in imported(path))]
    assert offenders == ["indexer/ingest/reading/html.py"]
