"""The shipped authority: every entity as one line of JSON, gzip-compressed.

The starter YAML file is for people to review; the authority built from it and from the FRUS
volumes' lists (``scripts/build_authority.py``) holds thousands of persons and places and is
for machines: one entity a line, in id order, without the fields left at their defaults, so
that it is small, quick to read when an archive is made, and the same bytes for the same
entities (no time stamp in the gzip header). A line that is not an entity is refused with
the file and line named.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterable

from pydantic import TypeAdapter, ValidationError

from chancery.errors import InputError
from chancery.model import Entity

SUFFIXES = (".jsonl.gz",)
_ENTITY = TypeAdapter(Entity)


def write(entities: Iterable[Entity]) -> bytes:
    """The entities as gzip-compressed JSON Lines, in id order: the same bytes every time."""
    lines = b"".join(_ENTITY.dump_json(entity, exclude_defaults=True) + b"\n"
                     for entity in sorted(entities, key=lambda entity: entity.id))
    buffer = io.BytesIO()
    # mtime=0 and no file name: the header says nothing of when or where it was made
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0,
                       compresslevel=9) as file:
        file.write(lines)
    return buffer.getvalue()


def read(data: bytes, name: str) -> tuple[Entity, ...]:
    """Every entity of a file ``write`` made; InputError naming the file and line at the
    first fault, and at an id used twice."""
    try:
        text = gzip.decompress(data).decode("utf-8")
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as error:
        raise InputError(f"not a gzip-compressed UTF-8 file: {error}", source=name) from None
    entities: list[Entity] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entity = _ENTITY.validate_python(json.loads(line))
        except json.JSONDecodeError as error:
            raise InputError(f"not JSON: {error.msg}", source=name, line=number) from None
        except ValidationError as error:
            problem = error.errors()[0]
            where = ".".join(str(part) for part in problem["loc"])
            raise InputError(f"field '{where}': {problem['msg']}", source=name,
                             line=number) from None
        if entity.id in seen:
            raise InputError(f"field 'id': '{entity.id}' is used twice (first on line "
                             f"{seen[entity.id]})", source=name, line=number)
        seen[entity.id] = number
        entities.append(entity)
    return tuple(entities)
