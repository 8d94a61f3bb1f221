"""The layers of DESIGN.md hold: the faces (web, CLI) go through the facade and the model."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "chancery"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_the_reading_room_imports_nothing_from_the_store_or_the_index():
    reaching = {str(path.relative_to(PACKAGE)): sorted(
        module for module in imported_modules(path)
        if module.startswith(("chancery.store", "chancery.search")))
        for path in sorted((PACKAGE / "web").rglob("*.py"))}
    assert {path: modules for path, modules in reaching.items() if modules} == {}


def test_text_and_formats_do_no_io_through_the_store():
    reaching = {str(path.relative_to(PACKAGE)): sorted(
        module for module in imported_modules(path)
        if module.startswith(("chancery.store", "chancery.search", "chancery.web",
                              "chancery.archive")))
        for folder in ("text", "formats") for path in sorted((PACKAGE / folder).rglob("*.py"))}
    assert {path: modules for path, modules in reaching.items() if modules} == {}
