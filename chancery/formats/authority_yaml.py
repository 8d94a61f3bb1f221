"""Authority files in YAML: persons, places and organisations with every name they go by.

The format is meant to be reviewed by people: one entry per entity, each name with its kind,
language, validity dates and source (see ``chancery/data/authority.yaml``). A file is read
whole or not at all; every error names the file, the line and the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import yaml

from chancery.errors import InputError
from chancery.formats.source import DEFAULT_MAX_BYTES, decode
from chancery.model import Entity, EntityKind, Name, NameKind
from chancery.text.dates import last_day
from chancery.text.names import name_keys

SUFFIXES = (".yaml", ".yml")
_ID = re.compile(r"^(person|place|org)/[a-z0-9][a-z0-9\-_.]*$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_NAME_FIELDS = {"text", "kind", "lang", "system", "from", "to", "source", "note"}
_ENTITY_FIELDS = {"id", "kind", "names", "description", "born", "died", "coordinates",
                  "coordinates_source", "wikidata", "note"}


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line each mapping starts on."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def read(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Entity, ...]:
    """Every entity of an authority file; InputError (file, line, field) at the first fault."""
    text = decode(data, name, max_bytes)
    try:
        document = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise InputError(f"not valid YAML: {getattr(error, 'problem', error)}", source=name,
                         line=mark.line + 1 if mark else None) from None
    if not isinstance(document, dict) or not isinstance(document.get("entities"), list):
        raise InputError("expected a mapping with an 'entities' list", source=name, line=1)
    sources = document.get("sources") or {}
    entities = [_entity(raw, name, sources) for raw in document["entities"]]
    _check_unique(entities, document["entities"], name)
    _check_pseudonyms(entities, document["entities"], name)
    return tuple(entities)


def _entity(raw: Any, file: str, sources: dict[str, Any]) -> Entity:
    if not isinstance(raw, dict):
        raise InputError("each entity must be a mapping", source=file)
    line = raw.get("__line__")
    unknown = set(raw) - _ENTITY_FIELDS - {"__line__"}
    if unknown:
        raise InputError(f"unknown field '{sorted(unknown)[0]}'", source=file, line=line)
    entity_id = _text(raw, "id", file, line, required=True)
    if not _ID.match(entity_id):
        raise InputError(f"field 'id': '{entity_id}' is not of the form person/slug, "
                         "place/slug or org/slug", source=file, line=line)
    kind = _choice(raw, "kind", EntityKind, file, line)
    if entity_id.split("/")[0] != kind.value:
        raise InputError(f"field 'kind': '{kind.value}' does not match the id '{entity_id}'",
                         source=file, line=line)
    names = raw.get("names")
    if not isinstance(names, list) or not names:
        raise InputError("field 'names': an entity needs at least one name", source=file,
                         line=line)
    return Entity(
        id=entity_id, kind=kind,
        names=tuple(_name(item, file, line, sources) for item in names),
        description=_text(raw, "description", file, line),
        born=_date(raw, "born", file, line), died=_date(raw, "died", file, line),
        coordinates=_coordinates(raw, file, line),
        coordinates_source=_source(raw, "coordinates_source", file, line, sources),
        wikidata=_wikidata(raw, file, line),
    )


def _name(raw: Any, file: str, entity_line: int | None, sources: dict[str, Any]) -> Name:
    if isinstance(raw, str):
        raise InputError(f"field 'names': '{raw}' needs a kind and a source "
                         "({text: ..., kind: ..., source: ...})", source=file, line=entity_line)
    if not isinstance(raw, dict):
        raise InputError("field 'names': each name must be a mapping", source=file,
                         line=entity_line)
    line = raw.get("__line__", entity_line)
    unknown = set(raw) - _NAME_FIELDS - {"__line__"}
    if unknown:
        raise InputError(f"unknown field 'names.{sorted(unknown)[0]}'", source=file, line=line)
    name = Name(text=_text(raw, "text", file, line, required=True),
                kind=_choice(raw, "kind", NameKind, file, line),
                lang=_text(raw, "lang", file, line), system=_text(raw, "system", file, line),
                valid_from=_date(raw, "from", file, line), valid_to=_date(raw, "to", file, line),
                source=_source(raw, "source", file, line, sources, required=True),
                note=_text(raw, "note", file, line))
    if name.kind is NameKind.PSEUDONYM and not (name.valid_from and name.valid_to):
        raise InputError(f"field 'names.from'/'names.to': the pseudonym '{name.text}' needs "
                         "the dates it was used (it is resolved only inside them)", source=file,
                         line=line)
    if name.valid_from and name.valid_to and last_day(name.valid_to) < name.valid_from:
        raise InputError(f"field 'names.to': '{name.text}' ends before it begins", source=file,
                         line=line)
    return name


def _text(raw: dict, field: str, file: str, line: int | None, required: bool = False) -> str:
    value = raw.get(field)
    if value is None:
        if required:
            raise InputError(f"field '{field}' is missing", source=file, line=line)
        return ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise InputError(f"field '{field}': expected text", source=file, line=line)
    text = str(value).strip()
    if required and not text:
        raise InputError(f"field '{field}' is empty", source=file, line=line)
    return text


def _choice(raw: dict, field: str, kinds: type, file: str, line: int | None):  # noqa: ANN202
    value = _text(raw, field, file, line, required=True)
    try:
        return kinds(value)
    except ValueError:
        allowed = ", ".join(kind.value for kind in kinds)
        raise InputError(f"field '{field}': '{value}' is not one of {allowed}", source=file,
                         line=line) from None


def _date(raw: dict, field: str, file: str, line: int | None) -> str:
    value = raw.get(field)
    if value is None:
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if not _DATE.match(text) or not _real_date(text):
        raise InputError(f"field '{field}': '{text}' is not a date (YYYY, YYYY-MM or "
                         "YYYY-MM-DD)", source=file, line=line)
    return text


def _real_date(text: str) -> bool:
    try:
        date.fromisoformat((text + "-01-01")[:10] if len(text) < 10 else text)
    except ValueError:
        return False
    return True


def _source(raw: dict, field: str, file: str, line: int | None, sources: dict[str, Any],
            required: bool = False) -> str:
    value = _text(raw, field, file, line, required=required)
    if value and value not in sources:
        raise InputError(f"field '{field}': source '{value}' is not defined under 'sources'",
                         source=file, line=line)
    return value


def _coordinates(raw: dict, file: str, line: int | None) -> tuple[float, float] | None:
    value = raw.get("coordinates")
    if value is None:
        return None
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(v, (int, float)) for v in value)
            or not (-90 <= value[0] <= 90 and -180 <= value[1] <= 180)):
        raise InputError("field 'coordinates': expected [latitude, longitude]", source=file,
                         line=line)
    if not raw.get("coordinates_source"):
        raise InputError("field 'coordinates_source' is missing: every fact needs a source",
                         source=file, line=line)
    return float(value[0]), float(value[1])


def _wikidata(raw: dict, file: str, line: int | None) -> str:
    value = _text(raw, "wikidata", file, line)
    if value and not re.fullmatch(r"Q\d+", value):
        raise InputError(f"field 'wikidata': '{value}' is not a Wikidata id (Q123)",
                         source=file, line=line)
    return value


def _check_unique(entities: list[Entity], raws: list[dict], file: str) -> None:
    seen: dict[str, int | None] = {}
    for entity, raw in zip(entities, raws):
        if entity.id in seen:
            raise InputError(f"field 'id': '{entity.id}' is used twice (first on line "
                             f"{seen[entity.id]})", source=file, line=raw.get("__line__"))
        seen[entity.id] = raw.get("__line__")


def _check_pseudonyms(entities: list[Entity], raws: list[dict], file: str) -> None:
    """One alias claimed by two entities at overlapping dates is reported, not guessed."""
    claims: dict[str, list[tuple[Entity, Name, int | None]]] = {}
    for entity, raw in zip(entities, raws):
        for name in entity.names:
            if name.kind is NameKind.PSEUDONYM:
                for key in name_keys(name.text):
                    claims.setdefault(key, []).append((entity, name, raw.get("__line__")))
    for claimants in claims.values():
        for (first, a, line_a), (second, b, line_b) in _pairs(claimants):
            if first.id != second.id and overlaps(a, b):
                raise InputError(
                    f"conflict: the pseudonym '{b.text}' of {second.id} ({b.valid_from}.."
                    f"{b.valid_to}) is also claimed by {first.id} (line {line_a}, "
                    f"'{a.text}', {a.valid_from}..{a.valid_to})", source=file, line=line_b)


def _pairs(items: list) -> Iterator[tuple]:
    for index, first in enumerate(items):
        for second in items[index + 1:]:
            yield first, second


def overlaps(first: Name, second: Name) -> bool:
    """Whether two names' validity intervals share a day (open ends reach forever)."""
    start = max(first.valid_from or "0000", second.valid_from or "0000")
    end = min(last_day(first.valid_to), last_day(second.valid_to))
    return start <= end
