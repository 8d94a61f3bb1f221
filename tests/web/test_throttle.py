"""The sign-in throttle holds under attack: simultaneous guesses are counted one by one, and a
forged X-Forwarded-For header does not give a guesser a fresh address."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx

from chancery.archive import Archive
from tests.web.conftest import free_port, serving
from tests.web.test_editing import PASSWORD, token

GUESSERS = 150


def guesses(base: str, count: int, name: str) -> list[int]:
    """``count`` clients, each with its own session, send a wrong password for ``name`` at
    the same moment; the status of each answer."""
    clients = [httpx.Client(base_url=base, timeout=120) for _ in range(count)]
    forms = [token(client.get("/login")) for client in clients]
    together = threading.Barrier(count, timeout=120)

    def guess(number: int) -> int:
        together.wait()
        return clients[number].post("/login", data={
            "csrf": forms[number], "name": name, "password": f"guess number {number}"}).status_code

    try:
        with ThreadPoolExecutor(count) as pool:
            return list(pool.map(guess, range(count)))
    finally:
        for client in clients:
            client.close()


def sign_in(base: str, name: str, password: str, forwarded_for: str = "") -> int:
    headers = {"x-forwarded-for": forwarded_for} if forwarded_for else {}
    with httpx.Client(base_url=base, timeout=120, headers=headers) as client:
        form = token(client.get("/login"))
        return client.post("/login", data={"csrf": form, "name": name,
                                           "password": password}).status_code


def test_150_simultaneous_guesses_get_five_tries_and_no_sign_in(tmp_path):
    with Archive.open(tmp_path / "archive", create=True) as archive:
        archive.add_user("olga", ("editor",), PASSWORD)
        with serving(archive) as base:
            statuses = guesses(base, GUESSERS, "olga")
            assert Counter(statuses) == {401: 5, 429: GUESSERS - 5}
            assert sign_in(base, "olga", PASSWORD) == 429  # the right password waits too


def test_a_success_clears_the_count(tmp_path):
    with Archive.open(tmp_path / "archive", create=True) as archive:
        archive.add_user("olga", ("editor",), PASSWORD)
        with serving(archive) as base:
            for _ in range(4):
                assert sign_in(base, "olga", "not her password") == 401
            assert sign_in(base, "olga", PASSWORD) == 303  # signed in, sent on
            for _ in range(5):
                assert sign_in(base, "olga", "not her password") == 401
            assert sign_in(base, "olga", PASSWORD) == 429


@contextmanager
def served_by_cli(folder: Path, *options: str) -> Iterator[str]:
    """``chancery serve`` over ``folder`` in its own process: its base URL once it answers."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "chancery", "--archive", str(folder),
                               "serve", "--port", str(port), *options],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120  # a safety net: the loop ends when the server answers
    try:
        while server.poll() is None and time.monotonic() < deadline:
            try:
                httpx.get(base + "/static/style.css", timeout=5)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        assert server.poll() is None, server.stderr.read().decode()
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_forwarded_address_counts_only_from_the_proxy_the_operator_names(tmp_path):
    folder = tmp_path / "archive"
    Archive.open(folder, create=True).close()
    with served_by_cli(folder) as base:  # no proxy named: the header is the guesser's own
        statuses = [sign_in(base, f"name{number}", "a guessed password",
                            forwarded_for=f"203.0.113.{number}") for number in range(6)]
        assert statuses == [401] * 5 + [429]

    with served_by_cli(folder, "--trusted-proxy", "127.0.0.1") as base:
        statuses = [sign_in(base, f"other{number}", "a guessed password",
                            forwarded_for=f"198.51.100.{number}") for number in range(6)]
        assert statuses == [401] * 6  # six clients behind the proxy, one try each
        statuses = [sign_in(base, f"more{number}", "a guessed password",
                            forwarded_for="198.51.100.99") for number in range(6)]
        assert statuses == [401] * 5 + [429]  # one client behind the proxy, counted alone
