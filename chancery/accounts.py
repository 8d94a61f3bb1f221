"""Accounts of the web interface: names, roles, passwords hashed with argon2, and a throttle
on guessing them.

Roles are what access is granted to (chancery.access): ``reader``, ``editor`` and ``admin``
have meanings of their own; any other role (``researcher``) is a name a restricted document
can be opened to.
"""

from __future__ import annotations

import math
import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from chancery.errors import InputError, TooManyAttempts

_ROLE = re.compile(r"[a-z][a-z0-9-]{0,39}")
_NAME = re.compile(r"[\w.@-]{1,64}")
MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # argon2 takes any length; a megabyte of "password" is an attack

_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters


def checked_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise InputError(f"'{name}' is not a user name: use 1 to 64 letters, digits, '.', "
                         "'_', '-' or '@'")
    return name


def checked_roles(roles: tuple[str, ...] | list[str]) -> frozenset[str]:
    if not roles:
        raise InputError("a user needs at least one role (reader, editor or admin)")
    for role in roles:
        if not _ROLE.fullmatch(role):
            raise InputError(f"'{role}' is not a role: use lower-case letters, digits and "
                             "'-', starting with a letter")
    return frozenset(roles)


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"the password is too short: use at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise InputError(f"the password is too long: use at most {MAX_PASSWORD} characters")
    return _HASHER.hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    if len(password) > MAX_PASSWORD:
        return False
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# Verifying against this costs what verifying a real user's hash costs, so that a name
# nobody has takes as long to refuse as a wrong password (no user enumeration by timing).
UNKNOWN_USER_HASH = _HASHER.hash("no user has this password")


# The throttle on guessing (chancery.store.throttle): attempts per client address and per
# account name within the window, counted in the store so that every server process shares it.
ATTEMPTS = 5
WINDOW = 15 * 60  # seconds


def throttle_keys(name: str, address: str) -> tuple[str, str]:
    """What an attempt is counted against: the client's address and the name it tried."""
    return f"address:{address}", f"name:{name.casefold()}"


def too_many_attempts(wait: float) -> TooManyAttempts:
    minutes = max(1, math.ceil(wait / 60))
    return TooManyAttempts(f"Too many failed attempts. Try again in {minutes} "
                           f"minute{'s' if minutes > 1 else ''}.", wait=wait)
