"""Accounts in the store: one row per user, with roles, an argon2 password hash and the
generation of their sessions (a new one at every change ends the sessions made before)."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, select, update

from chancery.errors import InputError, NotFoundError
from chancery.model import Session, User
from chancery.store import history
from chancery.store.schema import meta, users
from chancery.store.store import Store


def _stored(roles: frozenset[str]) -> str:
    return f" {' '.join(sorted(roles))} "


def _user(row) -> User:  # noqa: ANN001 - a SQLAlchemy row
    return User(row.name, frozenset(row.roles.split()))


def _generation() -> str:
    # random, not a counter: a user removed and added again starts from no known value
    return secrets.token_urlsafe(16)


# Changes to accounts go into the history like any other (subject "user:NAME"): their roles
# before and after, and that the password changed, never the password or its hash.
def _record(connection: Connection, name: str, actor: str, before: dict | None,
            after: dict | None) -> None:
    history.record(connection, f"user:{name}", "account", 0, actor, before, after)


def add(store: Store, name: str, roles: frozenset[str], password_hash: str,
        actor: str = "cli") -> User:
    with store.writer.begin() as connection:
        if connection.execute(select(users.c.name).where(users.c.name == name)).first():
            raise InputError(f"there is already a user '{name}'",
                             hint=f"'chancery users set {name} --password' sets a new one")
        connection.execute(users.insert().values(
            name=name, roles=_stored(roles), password_hash=password_hash,
            created=datetime.now(UTC).isoformat(timespec="seconds"),
            session_generation=_generation()))
        _record(connection, name, actor, None, {"roles": sorted(roles)})
    return User(name, roles)


def get(store: Store, name: str) -> User | None:
    with store.engine.connect() as connection:
        row = connection.execute(select(users.c.name, users.c.roles)
                                 .where(users.c.name == name)).first()
    return _user(row) if row else None


def session(store: Store, name: str) -> Session | None:
    """The user of this name with the generation their cookies must carry; None if none."""
    with store.engine.connect() as connection:
        row = connection.execute(select(users.c.name, users.c.roles,
                                        users.c.session_generation)
                                 .where(users.c.name == name)).first()
    return Session(_user(row), row.session_generation) if row else None


def end_sessions(store: Store, name: str) -> None:
    """End every session of this user (none is an error: the user may be gone already)."""
    with store.writer.begin() as connection:
        connection.execute(update(users).where(users.c.name == name)
                           .values(session_generation=_generation()))


def password_hash(store: Store, name: str) -> str | None:
    with store.engine.connect() as connection:
        return connection.execute(select(users.c.password_hash)
                                  .where(users.c.name == name)).scalar()


def all_users(store: Store) -> list[User]:
    with store.engine.connect() as connection:
        return [_user(row) for row in connection.execute(
            select(users.c.name, users.c.roles).order_by(users.c.name))]


def change(store: Store, name: str, roles: frozenset[str] | None = None,
           password_hash: str | None = None, actor: str = "cli") -> User:
    values = {"session_generation": _generation()}  # any change ends the user's sessions
    if roles is not None:
        values["roles"] = _stored(roles)
    if password_hash is not None:
        values["password_hash"] = password_hash
    with store.writer.begin() as connection:
        before = connection.execute(select(users.c.roles).where(users.c.name == name)).scalar()
        if before is None:
            raise NotFoundError(f"no user '{name}'", hint="'chancery users list' shows them")
        connection.execute(update(users).where(users.c.name == name).values(**values))
        after = {"roles": sorted(roles if roles is not None else before.split())}
        if password_hash is not None:
            after["password"] = "changed"
        _record(connection, name, actor, {"roles": sorted(before.split())}, after)
    found = get(store, name)
    assert found is not None
    return found


def remove(store: Store, name: str, actor: str = "cli") -> None:
    with store.writer.begin() as connection:
        before = connection.execute(select(users.c.roles).where(users.c.name == name)).scalar()
        if before is None:
            raise NotFoundError(f"no user '{name}'", hint="'chancery users list' shows them")
        connection.execute(delete(users).where(users.c.name == name))
        _record(connection, name, actor, {"roles": sorted(before.split())}, None)


def shared_session_key(store: Store) -> str:
    """The web sessions' signing key kept in a store that several nodes share (PostgreSQL),
    made once: a cookie signed by one node is good on every other. "" for a SQLite store,
    whose key is a file in its folder (chancery.web.session)."""
    if store.dialect == "sqlite":
        return ""
    with store.engine.connect() as connection:
        found = connection.execute(select(meta.c.value).where(meta.c.key == _SESSION_KEY)
                                   ).scalar()
    if found:
        return found
    with store.writer.begin() as connection:  # one writer at a time: made once, not twice
        found = connection.execute(select(meta.c.value).where(meta.c.key == _SESSION_KEY)
                                   ).scalar()
        if found:
            return found
        key = secrets.token_urlsafe(48)
        connection.execute(meta.insert().values(key=_SESSION_KEY, value=key))
        return key


_SESSION_KEY = "session_key"
