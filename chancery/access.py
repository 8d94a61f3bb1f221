"""Who may see which document: the one place the rules of access are written.

A document is public, restricted to named roles, or embargoed until a date (when it becomes
public by itself). Editors and admins see everything. The rules are given three ways from
the same facts, for the three places documents are read from: a test on a document's
``Access``, a condition on the store's ``documents`` table, and a query on the search index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

import tantivy
from sqlalchemy import ColumnElement, Integer, Table, and_, literal, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from tantivy import Occur, Query

from chancery.model import Access, AccessLevel

CURATORS = frozenset({"editor", "admin"})  # they see everything
ROLES = ("reader", "editor", "admin")


def today() -> str:
    return datetime.now(UTC).date().isoformat()


@dataclass(frozen=True, slots=True)
class Reader:
    """Someone reading the archive: anonymous (no roles), or a user with roles."""

    roles: frozenset[str] = field(default_factory=frozenset)
    on: str = ""  # the day access is judged on (ISO); "" for today

    @classmethod
    def anonymous(cls) -> Reader:
        return cls()

    @property
    def day(self) -> str:
        return self.on or today()

    @property
    def sees_everything(self) -> bool:
        return bool(self.roles & CURATORS)

    def may_see(self, access: Access) -> bool:
        if access.level is AccessLevel.PUBLIC or self.sees_everything:
            return True
        if access.level is AccessLevel.EMBARGOED and access.until and access.until <= self.day:
            return True
        return bool(self.roles & set(access.roles))

    def store_condition(self, documents: Table) -> ColumnElement[bool] | None:
        """The rows of the store's ``documents`` table this reader may see (None: all)."""
        if self.sees_everything:
            return None
        column = documents.c
        allowed = [column.access_level == AccessLevel.PUBLIC.value,
                   and_(column.access_level == AccessLevel.EMBARGOED.value,
                        column.access_until != "", column.access_until <= self.day)]
        allowed += [_position(column.access_roles, literal(f" {role} ")) > 0
                    for role in sorted(self.roles)]
        return or_(*allowed)

    def index_query(self, schema: tantivy.Schema) -> Query | None:
        """The documents of the search index this reader may see (None: all)."""
        if self.sees_everything:
            return None
        day = int(self.day.replace("-", ""))
        allowed = [Query.term_query(schema, "access", AccessLevel.PUBLIC.value),
                   Query.boolean_query([
                       (Occur.Must, Query.term_query(schema, "access",
                                                     AccessLevel.EMBARGOED.value)),
                       (Occur.Must, Query.range_query(schema, "embargo_until",
                                                      tantivy.FieldType.Integer, 1, day))])]
        allowed += [Query.term_query(schema, "access_role", role) for role in sorted(self.roles)]
        return Query.boolean_query([(Occur.Should, query) for query in allowed])


class _position(FunctionElement):  # noqa: N801 - used as SQL functions are, func-like
    """Where a string is found in another, from 1; 0 if it is not: case-sensitive and without
    wildcards, as LIKE is not (SQLite's instr, PostgreSQL's strpos)."""

    type = Integer()
    inherit_cache = True


@compiles(_position)
def _instr(element: _position, compiler, **kw) -> str:  # noqa: ANN001 - SQLAlchemy's
    return f"instr({compiler.process(element.clauses, **kw)})"


@compiles(_position, "postgresql")
def _strpos(element: _position, compiler, **kw) -> str:  # noqa: ANN001
    return f"strpos({compiler.process(element.clauses, **kw)})"


def stored_roles(access: Access) -> str:
    """The roles of an access as the store keeps them: " editor researcher " (each found
    with its spaces by _position)."""
    return f" {' '.join(access.roles)} " if access.roles else ""
