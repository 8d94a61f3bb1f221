"""`chancery serve --workers 2`: several processes serve one archive, sessions included."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from chancery.archive import Archive
from tests.conftest import WILSON
from tests.web.conftest import free_port


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("workers") / "archive"
    with Archive.open(folder, create=True) as archive:
        archive.load_authority(relink=False)
        archive.ingest([WILSON])
        archive.add_user("alice", ("editor",), "a long enough secret")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "chancery", "--archive", str(folder),
                               "serve", "--port", str(port), "--workers", "2"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/static/style.css", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    yield base, server.pid
    server.terminate()
    server.wait(timeout=30)


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_two_processes_answer_and_a_session_holds_across_them(served):
    base, pid = served
    assert len(children(pid)) >= 2  # uvicorn's two workers (and its own helpers)
    with httpx.Client(base_url=base, timeout=30, follow_redirects=True) as client:
        for _ in range(20):
            page = client.get("/documents/wilson:121768")
            assert page.status_code == 200
        login = client.get("/login")
        token = re.search(r'name="csrf" value="([^"]+)"', login.text).group(1)
        signed = client.post("/login", data={"csrf": token, "name": "alice",
                                             "password": "a long enough secret", "next": "/"})
        assert signed.status_code == 200 and "Signed in as alice" in signed.text
        for _ in range(10):  # whichever process answers, it knows the session
            assert client.get("/documents/wilson:121768/edit").status_code == 200
