"""Attack the served archive with the cases of issue 15, and say which defences hold.

    python bench/attack.py

Builds an archive of samples/wilson in a temporary folder with the command line (plus a
public record whose permalink is ``javascript:``), serves it with `chancery serve` on
127.0.0.1 at a free port, and tries each case as an adversary (or a careless operator)
would; every case makes a bounded number of requests, and the server is stopped at the end.
Prints one line a case: ``held`` or ``FAILED``, with what was seen. Exits 1 if any failed.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import httpx
import lxml.html

ROOT = Path(__file__).resolve().parent.parent
WILSON = ROOT / "samples" / "wilson"
STALIN = "wilson:121768"  # public, the word "Mikoyan" in it
JAVASCRIPT = "wilson:990001"  # public, with a javascript: permalink
HIDDEN = "wilson:990002"  # restricted, added while serving
PASSWORD = "correct horse battery staple"
THROTTLE_ATTEMPTS, ALLOWED_ATTEMPTS = 150, 5  # the policy: 5 attempts per 15 minutes
DEEP = "(" * 250 + "Stalin" + ")" * 250

results: list[tuple[str, bool, str]] = []


def case(name: str) -> Callable:
    """Run a case, record held/FAILED and the detail it returns; an exception is a failure."""
    def run(check: Callable[..., tuple[bool, str]]) -> Callable:
        def wrapped(*arguments: object) -> None:
            try:
                held, detail = check(*arguments)
            except Exception as error:  # noqa: BLE001 - a case that breaks is a finding
                held, detail = False, f"{type(error).__name__}: {error}"
            results.append((name, held, detail))
            print(f"{'held  ' if held else 'FAILED'}  {name}: {detail}", flush=True)
        return wrapped
    return run


def chancery(archive: Path, *arguments: str, stdin: str = "") -> str:
    done = subprocess.run([sys.executable, "-m", "chancery", "--archive", str(archive),
                           *arguments], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"chancery {' '.join(arguments)}: {done.stderr.strip()}")
    return done.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def record_copy(archive: Path, folder: Path, document_id: str, name: str, **changes: object
                ) -> Path:
    """A JSON Lines file of the Stalin cable under another id, with some fields changed."""
    lines = chancery(archive, "export", "--format", "jsonl").splitlines()
    record = next(json.loads(line) for line in lines if json.loads(line)["id"] == STALIN)
    record.update(id=document_id, **changes)
    path = folder / name
    path.write_text(json.dumps(record) + "\n")
    return path


# --- the store, on disk --------------------------------------------------------------------

@case("store files are their owner's alone (0600)")
def store_modes(archive: Path) -> tuple[bool, str]:
    modes = {path.name: stat.filemode(path.stat().st_mode) for path in archive.iterdir()
             if path.name.startswith(("chancery.sqlite3", "secret.key"))}
    shown = ", ".join(f"{name} {mode}" for name, mode in sorted(modes.items()))
    return all(mode == "-rw-------" for mode in modes.values()), shown


@case("re-ingesting unchanged files keeps access settings")
def reingest_keeps_access(folder: Path) -> tuple[bool, str]:
    archive = folder / "reingest"
    chancery(archive, "init")
    chancery(archive, "ingest", str(WILSON))
    chancery(archive, "access", STALIN, "restricted", "--role", "researcher")
    report = chancery(archive, "ingest", str(WILSON)).strip().splitlines()[-1]
    lines = chancery(archive, "export", "--format", "jsonl").splitlines()
    level = next(json.loads(line) for line in lines
                 if json.loads(line)["id"] == STALIN)["access"]["level"]
    return level == "restricted", f"after the second ingest ({report}): {level}"


# --- reading --------------------------------------------------------------------------------

@case("250 nested brackets on /search")
def deep_search_page(client: httpx.Client) -> tuple[bool, str]:
    response = client.get("/search", params={"q": DEEP})
    return response.status_code < 500, f"status {response.status_code}"


@case("250 nested brackets on /api/v1/search")
def deep_api_search(client: httpx.Client) -> tuple[bool, str]:
    response = client.get("/api/v1/search", params={"q": DEEP})
    warnings = response.json().get("warnings") if response.status_code == 200 else ""
    return response.status_code < 500, f"status {response.status_code} {warnings or ''}"


@case("huge sitemap page number")
def huge_sitemap(client: httpx.Client) -> tuple[bool, str]:
    statuses = [client.get(f"/sitemap-{page}.xml").status_code
                for page in ("99999999999999999999", str(2**63), "1" + "0" * 300)]
    return all(status < 500 for status in statuses), f"statuses {statuses}"


def _token(state: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(state).encode()).decode()


@case("forged OAI resumption tokens are badResumptionToken")
def forged_tokens(client: httpx.Client) -> tuple[bool, str]:
    forged = {"huge after": {"metadataPrefix": "oai_dc", "after": 10**30},
              "list for a string": {"metadataPrefix": ["oai_dc"], "after": 0},
              "list for a set": {"metadataPrefix": "oai_dc", "set": ["x"], "after": 0},
              "nested JSON": None}
    answers = {}
    for label, state in forged.items():
        token = _token(state) if state is not None else \
            base64.urlsafe_b64encode(b"[" * 1400).decode()
        response = client.get("/oai", params={"verb": "ListRecords", "resumptionToken": token})
        code = re.search(rb'<error code="(\w+)"', response.content)
        answers[label] = code.group(1).decode() if code else f"status {response.status_code}"
    held = all(answer == "badResumptionToken" for answer in answers.values())
    return held, ", ".join(f"{label}: {answer}" for label, answer in answers.items())


@case("a javascript: permalink is not a live link")
def javascript_link(client: httpx.Client) -> tuple[bool, str]:
    response = client.get(f"/documents/{JAVASCRIPT}")
    page = lxml.html.fromstring(response.text)
    live = [value for element in page.iter() for name in ("href", "src", "action")
            for value in [element.get(name)] if value is not None
            and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(("javascript:", "data:"))]
    return response.status_code == 200 and not live, \
        f"status {response.status_code}, live links: {live or 'none'}"


@case("the API does not show the ingested file's path")
def file_path(client: httpx.Client) -> tuple[bool, str]:
    response = client.get(f"/api/v1/documents/{STALIN}")
    name = response.json()["source"]["name"]
    return "/" not in name and "\\" not in name and str(WILSON) not in response.text, \
        f"source.name = {name!r}"


@case("search scores and order do not tell what a restricted document holds")
def score_leak(client: httpx.Client, archive: Path, folder: Path) -> tuple[bool, str]:
    queries = ("Mikoyan", "Mikoyan OR Harbin", "type:cable Stalin")

    def answers() -> dict[str, list]:
        return {query: [(hit["id"], hit["score"]) for hit in
                        client.get("/api/v1/search", params={"q": query}).json()["hits"]]
                for query in queries}

    before = answers()
    hidden = record_copy(archive, folder, HIDDEN, "hidden.jsonl",
                         title="Mikoyan Mikoyan Mikoyan cable",
                         access={"level": "restricted", "until": "", "roles": ["researcher"]})
    chancery(archive, "ingest", str(hidden))
    after = answers()
    changed = [query for query in queries if before[query] != after[query]]
    sample = before[queries[0]][:2], after[queries[0]][:2]
    return not changed, (f"unchanged by a restricted document holding the words; {sample[1]}"
                         if not changed else
                         f"changed for {changed}: {sample[0]} became {sample[1]}")


# --- accounts --------------------------------------------------------------------------------

def _from(address: str, asynchronous: bool = False) -> dict:
    """Client options that connect from one loopback address (127.0.0.0/8 is all loopback),
    so that each case's attempts are counted apart from the others'."""
    transport = httpx.AsyncHTTPTransport if asynchronous else httpx.HTTPTransport
    return {"transport": transport(local_address=address)}


def _csrf(client: httpx.Client, path: str = "/login") -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(path).text)
    if not found:
        raise RuntimeError(f"no form token on {path}")
    return found.group(1)


@case(f"login throttle: {THROTTLE_ATTEMPTS} simultaneous attempts on one account")
def throttle(base: str) -> tuple[bool, str]:
    with httpx.Client(base_url=base, **_from("127.0.0.4")) as client:
        token, cookies = _csrf(client), dict(client.cookies)

    async def attempt(session: httpx.AsyncClient, password: str) -> int:
        response = await session.post("/login", data={"name": "bob", "password": password,
                                                      "csrf": token, "next": "/"})
        return response.status_code

    async def storm() -> list[int]:
        limits = httpx.Limits(max_connections=THROTTLE_ATTEMPTS)
        async with httpx.AsyncClient(base_url=base, cookies=cookies, limits=limits,
                                     timeout=120, **_from("127.0.0.4", True)) as session:
            passwords = ["wrong"] * (THROTTLE_ATTEMPTS - 1)
            passwords.insert(THROTTLE_ATTEMPTS // 2, PASSWORD)
            return await asyncio.gather(*(attempt(session, p) for p in passwords))

    statuses = Counter(asyncio.run(storm()))
    judged = statuses[401] + statuses[303]  # attempts whose password was checked
    return judged <= ALLOWED_ATTEMPTS, (
        f"{dict(sorted(statuses.items()))}: {judged} passwords checked, "
        f"{statuses[303]} sign-ins; {max(0, judged - ALLOWED_ATTEMPTS)} beyond the policy")


@case("login throttle: rotating X-Forwarded-For does not reset the count")
def rotating_forwarded_for(base: str) -> tuple[bool, str]:
    with httpx.Client(base_url=base, **_from("127.0.0.3")) as client:
        token = _csrf(client)
        statuses = Counter(
            client.post("/login", data={"name": "carol", "password": "wrong", "csrf": token,
                                        "next": "/"},
                        headers={"X-Forwarded-For": f"10.0.{n // 250}.{n % 250 + 1}"}
                        ).status_code for n in range(20))
    return statuses[401] <= ALLOWED_ATTEMPTS, \
        f"20 wrong attempts from 20 claimed addresses: {dict(sorted(statuses.items()))}"


@case("signing out ends the session (a saved cookie replayed)")
def logout_revokes(base: str) -> tuple[bool, str]:
    edit = f"/documents/{STALIN}/edit"
    with httpx.Client(base_url=base, **_from("127.0.0.2")) as client:
        signed = client.post("/login", data={"name": "ada", "password": PASSWORD,
                                             "csrf": _csrf(client), "next": "/"})
        if signed.status_code != 303:
            return False, f"could not sign in (status {signed.status_code})"
        saved = dict(client.cookies)
        before = client.get(edit).status_code
        client.post("/logout", data={"csrf": _csrf(client, edit)})
    with httpx.Client(base_url=base, cookies=saved, **_from("127.0.0.2")) as replay:
        after = replay.get(edit).status_code
    return before == 200 and after != 200, \
        f"edit page with the cookie: {before} before logout, {after} after"


# --- the run ----------------------------------------------------------------------------------

def serve(archive: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "chancery", "--archive", str(archive),
                               "serve", "--host", "127.0.0.1", "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server stopped: {server.stderr.read().decode()[-500:]}")
        try:
            httpx.get(base + "/static/style.css", timeout=1)
            return server, base
        except httpx.TransportError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("the server did not start within 120 s")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="chancery-attack-") as temporary:
        folder = Path(temporary)
        archive = folder / "archive"
        chancery(archive, "init")
        chancery(archive, "ingest", str(WILSON))
        chancery(archive, "ingest", str(record_copy(
            archive, folder, JAVASCRIPT, "javascript.jsonl",
            permalink="javascript:alert(document.cookie)")))
        for name, role in (("ada", "editor"), ("bob", "reader"), ("carol", "reader")):
            chancery(archive, "users", "add", name, "--role", role, "--password-stdin",
                     stdin=PASSWORD + "\n")
        reingest_keeps_access(folder)
        server, base = serve(archive)
        try:
            store_modes(archive)  # while served: the -wal and -shm files exist
            with httpx.Client(base_url=base, timeout=120) as client:
                deep_search_page(client)
                deep_api_search(client)
                huge_sitemap(client)
                forged_tokens(client)
                javascript_link(client)
                file_path(client)
                score_leak(client, archive, folder)
            logout_revokes(base)
            rotating_forwarded_for(base)
            throttle(base)
        finally:
            server.terminate()
            server.wait(timeout=30)
    failed = [name for name, held, _ in results if not held]
    print(f"\n{len(results) - len(failed)} of {len(results)} held"
          + (f"; FAILED: {'; '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONPATH", str(ROOT))
    sys.exit(main())
