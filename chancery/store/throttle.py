"""Sign-in attempts in the store, so that every server process counts the same ones.

An attempt is reserved before its password is checked: in one write transaction (BEGIN
IMMEDIATE, so no other attempt is counted meanwhile, in this process or another) the recent
attempts of its keys are counted and, if none has reached the limit, one more is recorded for
each. A failed attempt stays counted; a success clears its keys. So however many guesses
arrive at once, at most ``limit`` passwords a key are checked within the window.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select

from chancery.store.schema import login_attempts
from chancery.store.store import Store


def reserve(store: Store, keys: Sequence[str], limit: int, window: float, now: float
            ) -> float:
    """Record an attempt for each key and return 0; or, when a key already has ``limit``
    attempts within ``window`` seconds of ``now``, record nothing and return the seconds
    until it may try again."""
    with store.writer.begin() as connection:
        # what has left the window is forgotten, so a flood of names cannot fill the disk
        connection.execute(delete(login_attempts).where(login_attempts.c.at <= now - window))
        wait = 0.0
        for key in keys:
            times = connection.execute(select(login_attempts.c.at)
                                       .where(login_attempts.c.key == key)
                                       .order_by(login_attempts.c.at)).scalars().all()
            if len(times) >= limit:
                wait = max(wait, times[-limit] + window - now)
        if wait > 0:
            return wait
        connection.execute(login_attempts.insert(), [{"key": key, "at": now} for key in keys])
    return 0.0


def clear(store: Store, keys: Sequence[str]) -> None:
    """Forget the attempts of these keys (their sign-in succeeded)."""
    with store.writer.begin() as connection:
        connection.execute(delete(login_attempts).where(login_attempts.c.key.in_(keys)))
