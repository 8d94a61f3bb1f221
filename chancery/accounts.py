"""Accounts of the web interface: names, roles, passwords hashed with argon2, and a throttle
on guessing them.

Roles are what access is granted to (chancery.access): ``reader``, ``editor`` and ``admin``
have meanings of their own; any other role (``researcher``) is a name a restricted document
can be opened to.
"""

from __future__ import annotations

import re
import threading
import time
from collections import deque

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from chancery.errors import InputError

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


class LoginThrottle:
    """Failed logins allowed per client address and per account name within a window.

    Kept in memory: a restart forgets, which costs an attacker a restart they cannot cause.
    """

    def __init__(self, attempts: int = 5, window: float = 15 * 60,
                 clock: object = time.monotonic) -> None:
        self.attempts = attempts
        self.window = window
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait(self, *keys: str) -> float:
        """Seconds until these keys may try again; 0 when they may now."""
        now = self._clock()
        longest = 0.0
        with self._lock:
            for key in keys:
                failures = self._recent(key, now)
                if len(failures) >= self.attempts:
                    longest = max(longest, failures[0] + self.window - now)
        return longest

    def failed(self, *keys: str) -> None:
        now = self._clock()
        with self._lock:
            for key in keys:
                self._failures.setdefault(key, deque()).append(now)
            if len(self._failures) > 100_000:  # a flood of names must not fill the memory
                self._failures = {key: found for key, found in self._failures.items()
                                  if self._recent(key, now)}

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures.get(key, deque())
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        return failures
