"""Docs stay honest: every command of the CLI is documented, every doc link resolves."""

from __future__ import annotations

import re
from pathlib import Path

import click

from chancery.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = "\n".join(path.read_text() for path in [ROOT / "README.md", *sorted(
    (ROOT / "docs").glob("*.md"))])


def commands(group: click.Group, prefix: str = "") -> list[str]:
    found = []
    for name, command in group.commands.items():
        path = f"{prefix} {name}".strip()
        if isinstance(command, click.Group):
            found += commands(command, path)
        else:
            found.append(path)
    return found


def test_every_command_is_documented():
    missing = [c for c in commands(main) if not re.search(
        rf"chancery (?:--archive \S+ )?{re.escape(c)}\b", DOCS)]
    assert missing == []


def test_readme_links_resolve():
    readme = (ROOT / "README.md").read_text()
    for target in re.findall(r"\]\(([^)#]+)", readme):
        assert (ROOT / target).exists(), target


def test_every_web_route_is_documented():
    from starlette.routing import Route

    from chancery.web import (admin, api, browse, entities, feeds, oai, proposals, reading,
                              robots, signin, volumes)

    web = (ROOT / "docs" / "web.md").read_text() + (ROOT / "docs" / "curation.md").read_text()
    areas = (reading, entities, browse, volumes, feeds, oai, api, signin, admin, robots,
             proposals)
    paths = [route.path.replace(":path", "").replace(":int", "") for area in areas
             for route in area.routes if isinstance(route, Route)]
    assert [path for path in paths if f"`{path}" not in web] == []
