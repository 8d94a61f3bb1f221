"""Accounts: argon2 passwords, roles, and the throttle on guessing."""

from __future__ import annotations

import pytest

from chancery.accounts import LoginThrottle, hash_password, password_matches
from chancery.errors import InputError, NotFoundError


def test_passwords_are_hashed_with_argon2id_and_checked():
    stored = hash_password("correct horse battery")
    assert stored.startswith("$argon2id$")
    assert "correct horse" not in stored
    assert password_matches(stored, "correct horse battery")
    assert not password_matches(stored, "correct horse battery!")
    assert not password_matches("not a hash", "correct horse battery")


def test_weak_and_absurd_passwords_are_refused():
    with pytest.raises(InputError, match="too short"):
        hash_password("short")
    with pytest.raises(InputError, match="too long"):
        hash_password("x" * 5000)


def test_users_sign_in_with_their_password_only(archive):
    archive.add_user("alice", ("editor",), "a long enough secret")
    assert archive.authenticate("alice", "a long enough secret").roles == {"editor"}
    assert archive.authenticate("alice", "a wrong secret") is None
    assert archive.authenticate("nobody", "a long enough secret") is None
    with pytest.raises(InputError, match="already a user"):
        archive.add_user("alice", ("reader",), "another long secret")
    with pytest.raises(InputError, match="not a user name"):
        archive.add_user("al ice", ("reader",), "a long enough secret")
    with pytest.raises(InputError, match="not a role"):
        archive.add_user("bob", ("Editor!",), "a long enough secret")

    archive.change_user("alice", roles=("reader", "researcher"))
    assert archive.user("alice").roles == {"reader", "researcher"}
    archive.change_user("alice", password="a new long secret")
    assert archive.authenticate("alice", "a long enough secret") is None
    assert archive.authenticate("alice", "a new long secret") is not None
    archive.remove_user("alice")
    assert archive.user("alice") is None
    with pytest.raises(NotFoundError):
        archive.remove_user("alice")


def test_the_throttle_stops_guessing_per_address_and_per_name_then_forgets():
    now = [1000.0]
    throttle = LoginThrottle(attempts=3, window=60, clock=lambda: now[0])
    for _ in range(3):
        assert throttle.wait("ip:1.2.3.4", "user:alice") == 0
        throttle.failed("ip:1.2.3.4", "user:alice")
    assert throttle.wait("ip:1.2.3.4") == pytest.approx(60)
    assert throttle.wait("ip:5.6.7.8", "user:alice") > 0  # another address, same name
    assert throttle.wait("ip:5.6.7.8", "user:bob") == 0
    now[0] += 61
    assert throttle.wait("ip:1.2.3.4", "user:alice") == 0
    throttle.failed("ip:1.2.3.4")
    throttle.succeeded("ip:1.2.3.4")
    assert throttle.wait("ip:1.2.3.4") == 0


def test_account_changes_are_in_the_history_without_any_password(archive):
    archive.add_user("alice", ("reader",), "a long enough secret")
    archive.change_user("alice", roles=("editor",), password="another long secret")
    archive.remove_user("alice")
    removed, changed, added = archive.history("user:alice")
    assert (added.before, added.after) == (None, {"roles": ["reader"]})
    assert changed.after == {"roles": ["editor"], "password": "changed"}
    assert (removed.before, removed.after) == ({"roles": ["editor"]}, None)
    assert {entry.change.actor for entry in (added, changed, removed)} == {"cli"}
    assert "argon2" not in repr([added, changed, removed])
