"""Several reading-room nodes over one PostgreSQL store, with nginx in front, on loopback:
for the cluster test (tests/test_cluster.py) and its benchmark (bench/cluster.py).

Each node is a `chancery serve` process with a folder of its own (its search index), told
the store by $CHANCERY_DATABASE_URL, as an operator runs one per machine.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(base: str, timeout: float = 180.0) -> None:
    """Until ``base``/healthz answers 200 (the node is up and its index caught up)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(base + "/healthz", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{base} did not become healthy in {timeout} s")
        time.sleep(0.1)


class Node:
    """`chancery serve` over the store at ``database``, with its own folder."""

    def __init__(self, folder: Path, database: str, workers: int = 1,
                 environment: dict | None = None, options: tuple[str, ...] = ()) -> None:
        self.folder = folder
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(folder.parent / f"{folder.name}.log", "wb")  # noqa: SIM115
        env = {**os.environ, "CHANCERY_DATABASE_URL": database, **(environment or {})}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "chancery", "--archive", str(folder), "serve",
             "--port", str(self.port), "--workers", str(workers), *options],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True)

    def wait(self, timeout: float = 180.0) -> Node:
        wait_until_healthy(self.base, timeout)
        return self

    def kill(self) -> None:
        """SIGKILL, as a machine dying does: no goodbye to anyone."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()


class Nginx:
    """nginx on a loopback port in front of ``nodes``: it retries a request that failed on
    one node (refused, cut, 502/503) on another, as an idempotent read may be."""

    def __init__(self, nodes: list[Node], cache: bool = False) -> None:
        """``cache``: keep anonymous pages for all the nodes as docs/web.md's sample does
        (kept a second, then revalidated with the nodes, which answer 304 unrendered)."""
        self.folder = Path(tempfile.mkdtemp(prefix="chancery-nginx-"))
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        # A node is held out for fail_timeout after max_fails errors: a dead node refuses
        # (or cuts) every request, and reaches 3 at once, each of them retried on another
        # node; one stray error does not hold out a live node, which, were it the last,
        # would leave nginx answering 502 ("no live upstreams") until fail_timeout passed.
        servers = "\n".join(f"        server 127.0.0.1:{node.port} max_fails=3 "
                            "fail_timeout=10s;" for node in nodes)
        temp = "\n".join(f"    {kind}_temp_path {self.folder}/{kind};"
                         for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        # as root, nginx would hand its workers to 'nobody', who cannot use this folder
        user = "user root;" if os.geteuid() == 0 else ""
        cache_zone = (f"    proxy_cache_path {self.folder}/cache levels=1:2 keys_zone=chancery:50m "
                      "max_size=1g inactive=1h use_temp_path=off;\n"
                      '    map $cookie_chancery_session $signed_in { default 1; "" 0; }'
                      if cache else "")
        cache_rules = ("""
            proxy_cache chancery;
            proxy_cache_key $scheme$host$request_uri;
            proxy_cache_revalidate on;
            proxy_cache_lock on;
            proxy_cache_bypass $signed_in;
            proxy_no_cache $signed_in;
            proxy_ignore_headers Cache-Control Expires;
            proxy_cache_valid 200 1s;""" if cache else "")
        (self.folder / "nginx.conf").write_text(f"""
{user}
worker_processes 1;
daemon off;
pid {self.folder}/nginx.pid;
error_log {self.folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
{temp}
{cache_zone}
    upstream nodes {{
{servers}
        keepalive 32;
        # nginx closes an idle connection to a node before the node would (chancery serve
        # --keep-alive, 75 s): a node closing one just as nginx sends a request on it cuts
        # that request, and counts as the node's error
        keepalive_timeout 60s;
    }}
    server {{
        listen 127.0.0.1:{self.port};
        location / {{
            proxy_pass http://nodes;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_next_upstream_tries 3;
            proxy_connect_timeout 2s;
            proxy_read_timeout 60s;{cache_rules}
        }}
    }}
}}
""")
        self.process = subprocess.Popen([NGINX, "-c", str(self.folder / "nginx.conf"),
                                         "-p", str(self.folder)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("nginx did not start: "
                                       + self.process.stderr.read().decode()) from None
                time.sleep(0.05)

    def error_log(self) -> str:
        """What nginx logged: each request it retried on another node and why, each node it
        held out, each 502's cause. Read it before stop(), which removes the folder."""
        path = self.folder / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)
