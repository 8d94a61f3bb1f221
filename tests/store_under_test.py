"""``pytest --store=postgresql``: the same tests on a store in PostgreSQL.

With it, every archive a test creates in a new folder gets a store of its own in a throwaway
PostgreSQL cluster (tests.postgresql_cluster), a schema each: the folder records its URL as
``chancery init --database`` does, so later opens of it, in this process or a ``chancery``
command it starts, find the same store. Tests of what only SQLite has (its files, their modes,
copying them as a backup) are skipped there, each with its reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chancery.store import postgres
from chancery.store.store import DATABASE_NAME, Store

STORES = ("sqlite", "postgresql")

# Tests of what only a SQLite store has, and why (node id prefixes).
SQLITE_ONLY = {
    "tests/store/test_file_modes.py": "the modes of SQLite's files",
    "tests/store/test_backup.py": "a backup copies SQLite's file (PostgreSQL's is pg_dump)",
    "tests/test_crash_safety.py": "a killed writer's SQLite journal",
    "tests/store/test_faults.py": "a full or read-only disk under SQLite's file",
    "tests/store/test_store.py::test_archive_is_sqlite_in_wal_mode": "SQLite's journal mode",
    "tests/store/test_store.py::test_asking_whether_anything_is_hidden_reads_the_access_index":
        "SQLite's query plan",
    "tests/test_archive.py::test_unknown_id_and_missing_archive":
        "with $CHANCERY_DATABASE_URL set, any folder is a node of that store",
    "tests/test_cli.py::test_check_and_clear_errors":
        "with $CHANCERY_DATABASE_URL set, any folder is a node of that store",
    "tests/test_cli.py::test_init_ingest_list_show": "init makes SQLite's file",
}

# Tests that do not pass on PostgreSQL yet, and why (node id prefixes).
NOT_YET: dict[str, str] = {}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--store", choices=STORES, default="sqlite",
                     help="the store the tests' archives use: sqlite (the default) or "
                          "postgresql (a throwaway cluster, started with initdb and pg_ctl)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--store") != "postgresql":
        return
    for item in items:
        for prefix, reason in SQLITE_ONLY.items():
            if item.nodeid.startswith(prefix):
                item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))
        for prefix, reason in NOT_YET.items():
            if item.nodeid.startswith(prefix):
                item.add_marker(pytest.mark.skip(reason=f"not yet on PostgreSQL: {reason}"))


@pytest.fixture(scope="session", autouse=True)
def store_under_test(request: pytest.FixtureRequest) -> str:
    """Which store the tests' archives use; under postgresql, routes new archives there."""
    with pytest.MonkeyPatch.context() as patch:
        # an operator's own setting must not send the tests' archives anywhere
        patch.delenv(postgres.DATABASE_ENV, raising=False)
        patch.delenv(postgres.READ_DATABASE_ENV, raising=False)
        if request.config.getoption("--store") != "postgresql":
            yield "sqlite"
            return
        from tests.postgresql_cluster import Cluster, available
        if available():
            pytest.exit(f"--store=postgresql: {available()}", returncode=4)
        cluster = Cluster()
        request.config.stash[CLUSTER] = cluster
        opening = Store.open.__func__

        def open_in_cluster(cls: type[Store], folder: Path, create: bool = False,
                            url: str = "", read_url: str = "") -> Store:
            if create and not url and not postgres.recorded_url(Path(folder)) \
                    and not (Path(folder) / DATABASE_NAME).exists():
                url = cluster.create_schema()
            return opening(cls, folder, create, url, read_url)

        patch.setattr(Store, "open", classmethod(open_in_cluster))
        try:
            yield "postgresql"
        finally:
            cluster.stop()


CLUSTER = pytest.StashKey()


@pytest.fixture(autouse=True)
def database_for_commands(request: pytest.FixtureRequest, store_under_test: str):
    """Under postgresql, a store of its own for the ``chancery`` commands a test starts in
    processes of their own (an operator's $CHANCERY_DATABASE_URL)."""
    if store_under_test != "postgresql":
        yield
        return
    cluster = request.config.stash[CLUSTER]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(postgres.DATABASE_ENV, cluster.create_schema())
        _COMMAND_STORES.clear()
        patch.setattr(_CommandStores, "cluster", cluster)
        yield


class _CommandStores:
    cluster = None  # the session's cluster, while a test runs under postgresql


_COMMAND_STORES: dict[Path, str] = {}


def command_environment(folder: Path) -> dict[str, str]:
    """The environment for a ``chancery`` command on the archive in ``folder``: under
    postgresql, a store of its own for each folder of the test, as an operator gives each
    archive its own database (without this, every command of a test would share the one
    store in the test's $CHANCERY_DATABASE_URL); nothing under sqlite."""
    if _CommandStores.cluster is None:
        return {}
    folder = Path(folder).resolve()
    if folder not in _COMMAND_STORES:
        _COMMAND_STORES[folder] = _CommandStores.cluster.create_schema()
    return {postgres.DATABASE_ENV: _COMMAND_STORES[folder]}


@pytest.fixture(scope="session")
def postgresql_cluster(request: pytest.FixtureRequest, store_under_test: str):
    """A throwaway PostgreSQL cluster, whichever store the suite runs on (the one the
    archives use under --store=postgresql)."""
    if CLUSTER in request.config.stash:
        yield request.config.stash[CLUSTER]
        return
    from tests.postgresql_cluster import Cluster, available
    if available():
        pytest.skip(available())
    cluster = Cluster()
    try:
        yield cluster
    finally:
        cluster.stop()
