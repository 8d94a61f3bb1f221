"""Accounts: argon2 passwords, roles, and the throttle on guessing."""

from __future__ import annotations

import pytest

from chancery.accounts import hash_password, password_matches
from chancery.errors import InputError, NotFoundError, TooManyAttempts


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


def test_the_throttle_stops_guessing_per_address_and_per_name_then_forgets(archive):
    archive.add_user("alice", ("editor",), "a long enough secret")
    archive.add_user("bob", ("editor",), "a long enough secret")
    now = 1_000_000.0
    for _ in range(5):
        assert archive.sign_in("alice", "a wrong secret", "1.2.3.4", now=now) is None
    with pytest.raises(TooManyAttempts, match="Try again in 15 minutes") as refused:
        archive.sign_in("alice", "a long enough secret", "1.2.3.4", now=now)
    assert refused.value.wait == pytest.approx(15 * 60)
    with pytest.raises(TooManyAttempts):  # another address, the same name
        archive.sign_in("ALICE", "a long enough secret", "5.6.7.8", now=now)
    with pytest.raises(TooManyAttempts):  # the same address, another name
        archive.sign_in("bob", "a long enough secret", "1.2.3.4", now=now)
    assert archive.sign_in("bob", "a long enough secret", "5.6.7.8", now=now) is not None

    later = now + 15 * 60 + 1
    assert archive.sign_in("alice", "a wrong secret", "1.2.3.4", now=later) is None
    signed = archive.sign_in("alice", "a long enough secret", "1.2.3.4", now=later)
    assert signed.user.name == "alice"
    for _ in range(5):  # the success cleared the count
        assert archive.sign_in("alice", "a wrong secret", "1.2.3.4", now=later) is None


def test_a_session_holds_until_its_user_signs_out_or_changes(archive):
    archive.add_user("alice", ("editor",), "a long enough secret")
    first = archive.sign_in("alice", "a long enough secret", "1.2.3.4")
    second = archive.sign_in("alice", "a long enough secret", "5.6.7.8")
    assert first.generation == second.generation  # two devices, one generation
    assert archive.session_user("alice", first.generation).roles == {"editor"}
    assert archive.session_user("alice", "") is None
    assert archive.session_user("alice", "forged") is None

    archive.end_sessions("alice")
    assert archive.session_user("alice", first.generation) is None
    third = archive.sign_in("alice", "a long enough secret", "1.2.3.4")
    archive.change_user("alice", roles=("reader",))
    assert archive.session_user("alice", third.generation) is None


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


def test_users_of_an_archive_made_before_session_generations_get_one(tmp_path):
    from chancery.archive import Archive

    with Archive.open(tmp_path / "archive", create=True) as archive:
        archive.add_user("alice", ("editor",), "a long enough secret")
        with archive.store.writer.begin() as connection:  # as schema version 6 left it
            connection.exec_driver_sql("DROP TABLE login_attempts")
            connection.exec_driver_sql("UPDATE users SET session_generation = ''")
            connection.exec_driver_sql("UPDATE meta SET value = '6' "
                                       "WHERE key = 'schema_version'")
    with Archive.open(tmp_path / "archive") as upgraded:
        assert upgraded.session_user("alice", "") is None  # a cookie of before: sign in again
        session = upgraded.sign_in("alice", "a long enough secret", "1.2.3.4")
        assert len(session.generation) > 16
        assert upgraded.session_user("alice", session.generation).name == "alice"
