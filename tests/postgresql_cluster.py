"""A throwaway PostgreSQL cluster for the tests and benchmarks: initdb and pg_ctl in a
temporary folder, listening on a loopback port only, run by an unprivileged user.

PostgreSQL refuses to run as root, and CI runs as root: there the cluster is run by the
``postgres`` user Debian's package makes (through runuser). Nothing is mocked: the tests
talk to a real server, which is thrown away with its folder at the end.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg

BIN_FOLDERS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
SUPERUSER = "chancery"
_RUN_AS = "postgres"  # when we are root


def available() -> str:
    """Why no cluster can be started here ("" if one can)."""
    if not BIN_FOLDERS or not (BIN_FOLDERS[0] / "initdb").exists():
        return "PostgreSQL's server is not installed (apt-get install postgresql)"
    return ""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """A running PostgreSQL server of our own; ``url(name)`` addresses one of its databases."""

    def __init__(self) -> None:
        self.bin = BIN_FOLDERS[0]
        self.folder = Path(tempfile.mkdtemp(prefix="chancery-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self._names = itertools.count(1)
        self._databases: set[str] = set()
        self._as_root = os.geteuid() == 0
        if self._as_root:  # the server's user must own its folder
            shutil.chown(self.folder, _RUN_AS, _RUN_AS)
        self.folder.chmod(0o700)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "-A", "trust",
                  "--locale=C", "-E", "UTF8", "--no-sync")
        # loopback only, its socket in its own folder, and no waiting for the disk: a
        # test cluster that dies is thrown away anyway
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=200")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                  str(self.folder / "server.log"), "-w", "start")

    def _run(self, program: str, *arguments: str) -> None:
        command = [str(self.bin / program), *arguments]
        if self._as_root:
            command = ["runuser", "-u", _RUN_AS, "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.folder)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str = "") -> str:
        """A new empty database (UTF-8, C collation); returns its URL."""
        name = name or f"archive_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 '
                               "ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'")
        return self.url(name)

    def create_schema(self, database: str = "archives") -> str:
        """A new empty schema in ``database`` (made on first use): the URL of a store of its
        own, as cheap as a SQLite file (a database each would copy 7 MB of template)."""
        if database not in self._databases:
            self.create_database(database)
            self._databases.add(database)
        name = f"archive_{next(self._names)}"
        with psycopg.connect(self.url(database), autocommit=True) as connection:
            connection.execute(f'CREATE SCHEMA "{name}"')
        return f"{self.url(database)}?options=-csearch_path%3D{name}"

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1].split("?")[0]
        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def restart(self) -> None:
        """Stop the server (fast: every connection is cut) and start it again."""
        # its log, not our pipes, gets the new server's output: a server holding our pipe
        # open would keep us waiting for their end
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-l",
                  str(self.folder / "server.log"), "-w", "restart")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
