"""Many nodes over one PostgreSQL store (issue 20), in one run:

    python bench/cluster.py [--records 100000] [--clients 16] [--seconds 20] [--edits 20]
    python bench/cluster.py --only-kill [--kill-runs 3] [--records 10000] [--logs DIR]
    python bench/cluster.py --idle-race 24 [--records 300] [--clients 16] [--logs DIR]
    python bench/cluster.py --only-ingest 2 [--records 100000]
    python bench/cluster.py --only-mix [--records 100000] [--clients 16 | --rate 60] [--seconds 30]
                            [--nginx-cache] [--warm [--rounds 4]]

1. ingest of N generated records into SQLite and into PostgreSQL (`chancery ingest`, one
   writer each; then two writers at once into a second PostgreSQL database), records/s;
2. the reading-room mix of bench/load.py through nginx with one node and with two, each
   node a `chancery serve` with its own folder: requests/s, per node, and CPU seconds per
   request of the nodes (their user + system time over the run, from /proc);
3. a node SIGKILLed a third of the way through a run on two nodes: failed requests;
4. an edit (a new record ingested by a writer of its own) until node B's search finds it:
   p50/p95 over --edits edits;
5. a new node with an empty folder: seconds until its /healthz is 200 (index built from
   the store and caught up).

--only-kill: only 3, --kill-runs times over one archive (ingested into PostgreSQL alone,
without the ingest comparisons; node A started again after each run), each run's nginx
error log summarised (and kept whole, with the nodes' logs, in --logs DIR).

--only-ingest RUNS: only 1, one writer each, SQLite and PostgreSQL alternating RUNS times
over the same corpus (each run into a new folder and a new database), with the load average
before each and the CPU seconds of the ingest's processes: on a shared machine a ratio of
neighbouring runs is what travels, not one run of each.

--only-mix: only 2, each run twice in a row: first with the nodes' page caches empty (as
in the full run), then again with them filled by the first; node B's cache is empty when it
joins. Whether CPU per request changes with nodes, apart from each node rendering the same
pages once for its own cache. With --nginx-cache, nginx keeps the anonymous pages for all
the nodes as docs/web.md's sample configuration does (a new nginx, its cache empty, each run).
With --rate, an open loop offers the same requests a second to one node and to two (below
what one node can answer), so that their cost is compared without a saturated machine's
contention. With --warm, a third run on each side once every node has been asked every URL
of the mix directly (the steady state of nodes that have served their readers a while: each
holds every page in its own cache); --rounds N then takes in turn, N times, on those warm
caches: node A alone, A with B, and A alone at half the rate (each of the two's load), for
the median CPU a request of each side and the ratios of two nodes to each. Each run reports, per node, its CPU, its CPU a second while idle just before
(the change-log follower, the event loop) and what its page cache answered (renders, hits,
304s: /healthz), and over all nodes the CPU a request and a render less the idle cost.

--idle-race BURSTS: node A dead from the start and node B alone behind nginx, BURSTS bursts
of --clients requests each followed by a pause of 4.9-5.1 s, so that nginx's pooled
connections to B idle for as long as uvicorn's old keep-alive (5 s): once with the nodes'
--keep-alive 5, once with the default; the requests that failed and B's errors in nginx's
log (docs/benchmarks.md, issue 20: the cause of the 502s after a node was killed).

Everything runs on loopback in a throwaway PostgreSQL cluster (tests.postgresql_cluster)
tuned for tests (fsync off): the figures are the software's, not a durable server's.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate_corpus import generate_records, write_corpus  # noqa: E402
from bench.load import MIX, drive, drive_at_rate, fetch_every, figures, mix_of, mixed_urls  # noqa: E402
from bench.web import document_urls, search_urls  # noqa: E402
from tests.multinode import Nginx, Node  # noqa: E402
from tests.postgresql_cluster import Cluster  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def chancery(folder: Path, *arguments: str, database: str = "") -> float:
    """Run a chancery command; its wall time in seconds."""
    env = {**os.environ, **({"CHANCERY_DATABASE_URL": database} if database else {})}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "chancery", "--archive", str(folder),
                           *arguments], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"chancery {' '.join(arguments)} failed: {done.stderr}")
    return time.perf_counter() - started


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def ingest_figures(corpus: Path, records: int, work: Path, cluster: Cluster) -> dict:
    found = {}
    seconds, _ = timed_ingest(work / "sqlite", corpus)
    found["sqlite_records_per_second"] = round(records / seconds, 1)
    database = cluster.create_database("bench")
    seconds, _ = timed_ingest(work / "pg", corpus, database)
    found["postgresql_records_per_second"] = round(records / seconds, 1)
    found["postgresql_over_sqlite"] = round(found["postgresql_records_per_second"]
                                            / found["sqlite_records_per_second"], 3)
    # two writers at once into a second database, each half of the corpus
    second = cluster.create_database("bench_two_writers")
    chancery(work / "pg2", "init", "--no-authority", "--database", second)
    halves = [work / "half-a", work / "half-b"]
    for half in halves:
        half.mkdir()
    for number, shard in enumerate(sorted(corpus.iterdir())):
        shutil.copytree(shard, halves[number % 2] / shard.name)
    env = {**os.environ, "CHANCERY_DATABASE_URL": second}
    started = time.perf_counter()
    writers = [subprocess.Popen([sys.executable, "-m", "chancery", "--archive",
                                 str(work / f"pg2-{number}"), "ingest", str(half)],
                                cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE) for number, half in enumerate(halves)]
    for writer in writers:
        if writer.wait() != 0:
            raise SystemExit(writer.stderr.read().decode())
    found["postgresql_two_writers_records_per_second"] = round(
        records / (time.perf_counter() - started), 1)
    return found | {"database": database}


def timed_ingest(folder: Path, corpus: Path, database: str = "") -> tuple[float, float]:
    """A new archive in ``folder`` (in ``database`` if given) and ``corpus`` ingested into it:
    the ingest's wall seconds and the CPU seconds of its process and worker processes."""
    chancery(folder, "init", "--no-authority", *(("--database", database) if database else ()))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = chancery(folder, "ingest", str(corpus))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def ingest_runs(arguments: argparse.Namespace, work: Path, cluster: Cluster) -> dict:
    corpus = work / "corpus"
    write_corpus(arguments.records, corpus, seed=5, files_per_dir=1000)
    runs = []
    for run in range(arguments.only_ingest):
        found: dict = {"run": run + 1}
        for store in ("sqlite", "postgresql"):
            database = cluster.create_database(f"ingest_{run}") if store == "postgresql" else ""
            load = Path("/proc/loadavg").read_text().split()[0]
            seconds, cpu = timed_ingest(work / f"{store}-{run}", corpus, database)
            found[store] = {"records_per_second": round(arguments.records / seconds, 1),
                            "cpu_s": round(cpu, 1), "load_before": float(load)}
        found["postgresql_over_sqlite"] = round(found["postgresql"]["records_per_second"]
                                                / found["sqlite"]["records_per_second"], 3)
        print(json.dumps(found), flush=True)
        runs.append(found)
        for store in ("sqlite", "postgresql"):
            shutil.rmtree(work / f"{store}-{run}", ignore_errors=True)
    return {"records": arguments.records, "ingest_runs": runs}


def mix_runs(arguments: argparse.Namespace, work: Path, cluster: Cluster,
             nodes: list[Node]) -> dict:
    database, urls = postgresql_archive(arguments.records, work, cluster)
    found: dict = {"records": arguments.records}
    states = ("caches_empty", "caches_filled") + (("caches_warm",) if arguments.warm else ())
    for count, name in ((1, "one_node"), (2, "two_nodes")):
        nodes.append(Node(work / f"node-{count}", database).wait())
        for state in states:
            if state == "caches_warm":
                for node in nodes:
                    asyncio.run(warm(node.base, urls, arguments.clients))
            found[f"{name}_{state}"] = mix_run(nodes, urls, arguments.clients, arguments.seconds,
                                               nginx_cache=arguments.nginx_cache,
                                               rate=arguments.rate)
            print(json.dumps({f"{name}_{state}": found[f"{name}_{state}"]}), flush=True)
    if arguments.rounds:
        found["rounds"] = alternating_rounds(arguments, nodes, urls)
    return found


def alternating_rounds(arguments: argparse.Namespace, nodes: list[Node], urls: dict) -> dict:
    """Three sides, ``--rounds`` times in turn (a different side first each round), every
    cache holding every page (each round asks the same URLs again): node A alone offered
    --rate, A with B offered --rate (half each), and A alone offered half of it (the load each
    of the two had). The CPU a request of each side, less what the nodes cost idle, by round
    and by median, with the ratios of two nodes to each one-node side. A node's CPU a request
    falls as its own rate rises (a busier event loop wakes less often per request), so adding
    capacity per node shows as two nodes costing what one costs at the same load each."""
    rate = arguments.rate or 0.0
    sides = [("one_node", nodes[:1], rate), ("two_nodes", nodes, rate),
             ("one_node_half_rate", nodes[:1], rate / 2)]
    found: dict[str, list[float]] = {name: [] for name, _, _ in sides}
    for number in range(arguments.rounds):
        turn = number % len(sides)
        for name, members, offered in sides[turn:] + sides[:turn]:
            load = float(Path("/proc/loadavg").read_text().split()[0])
            run = mix_run(members, urls, arguments.clients, arguments.seconds,
                          nginx_cache=arguments.nginx_cache, rate=offered)
            found[name].append(run["node_cpu_ms_per_request_less_idle"])
            print(json.dumps({f"round_{name}": run, "load_before": load}), flush=True)

    def ratios(other: str) -> list[float]:
        return [round(two / one, 3) for one, two in zip(found[other], found["two_nodes"])]

    return {"cpu_ms_per_request_less_idle": found,
            **{f"median_{name}": round(statistics.median(values), 2)
               for name, values in found.items()},
            "two_over_one_by_round": ratios("one_node"),
            "two_over_one_median": round(statistics.median(ratios("one_node")), 3),
            "two_over_one_half_rate_by_round": ratios("one_node_half_rate"),
            "two_over_one_half_rate_median": round(statistics.median(
                ratios("one_node_half_rate")), 3)}


async def warm(base: str, urls: dict[str, list[str]], clients: int) -> None:
    """Every URL of the mix asked of one node, untimed: its page cache then holds them all,
    as a node's does once it has served its readers for a while."""
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:
        await fetch_every(client, [url for kind in urls.values() for url in kind], clients)


def postgresql_urls(database: str, seed: int = 7) -> dict[str, list[str]]:
    """The mix's URLs for a store in PostgreSQL (bench/web.py's samples read a SQLite file):
    500 documents drawn at random, the same searches."""
    import psycopg

    chooser = random.Random(seed)
    with psycopg.connect(database) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM documents ORDER BY id")]
    return mix_of({"document page": document_urls(chooser.sample(ids, min(500, len(ids)))),
                   "search page with facets": search_urls(chooser)})


# "2026/12/07 13:01:02 [error] 123#123: *45 connect() failed (111: Connection refused)
# while connecting to upstream, client: ..." -> "[error] connect() failed (111: ...)"
NGINX_MESSAGE = re.compile(r"^\S+ \S+ \[(\w+)\] \d+#\d+: (?:\*\d+ )?(.*?)(?:, client: .*)?$")


def log_summary(log: str) -> dict[str, int]:
    """nginx's error log by message (level, message and what it was doing), counted."""
    counts: dict[str, int] = {}
    for line in log.splitlines():
        found = NGINX_MESSAGE.match(line)
        message = f"[{found[1]}] {found[2]}" if found else line
        counts[message] = counts.get(message, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: -item[1]))


def page_cache_counts(node: Node) -> dict[str, int]:
    """What the node's page cache has answered since it started (its /healthz)."""
    return httpx.get(node.base + "/healthz", timeout=30).json()["page_cache"]


def idle_cpu(nodes: list[Node], seconds: float) -> dict[int, float]:
    """Each node's CPU seconds a second with no request sent: what it costs to be up (its
    change-log follower, its event loop), by pid."""
    before = {node.process.pid: cpu_seconds(node.process.pid) for node in nodes}
    time.sleep(seconds)
    return {pid: (cpu_seconds(pid) - used) / seconds for pid, used in before.items()}


def mix_run(nodes: list[Node], urls: dict, clients: int, seconds: float,
            kill_at: float | None = None, logs: Path | None = None,
            nginx_cache: bool = False, rate: float = 0.0) -> dict:
    """The mix through nginx: ``clients`` closed-loop clients, or with ``rate`` an open-loop
    request every 1/rate s. Without a kill, each node's CPU and what its page cache answered
    (renders, hits, 304s) over the run, and its CPU while idle just before."""
    proxy = Nginx(nodes, cache=nginx_cache)
    log = ""
    try:
        idle = idle_cpu(nodes, 5.0) if kill_at is None else {}
        counted = {node.process.pid: page_cache_counts(node) for node in nodes} \
            if kill_at is None else {}
        before = {node.process.pid: cpu_seconds(node.process.pid) for node in nodes}
        killer = None
        if kill_at is not None:
            killer = threading.Timer(kill_at, nodes[0].kill)
            killer.start()
        run = asyncio.run(drive_at_rate(proxy.base, urls, MIX, rate, seconds) if rate else
                          drive(proxy.base, urls, MIX, clients, seconds))
        if killer is not None:
            killer.join()
        per_node = {node.process.pid: cpu_seconds(node.process.pid) - before[node.process.pid]
                    for node in nodes if node.process.poll() is None}
        used = sum(per_node.values())
        if kill_at is None:
            for node in nodes:
                now = page_cache_counts(node)
                counted[node.process.pid] = {
                    name: now[name] - counted[node.process.pid][name]
                    for name in ("rendered", "hits", "not_modified")}
    finally:
        log = proxy.error_log()
        proxy.stop()
    result = figures(run["records"], run["elapsed"])
    result["requests_per_second_per_node"] = round(result["requests_per_second"]
                                                   / len(nodes), 1)
    if rate:
        result["offered_per_second"] = rate
    if kill_at is None:
        requests = max(1, result["requests"])
        result["node_cpu_ms_per_request"] = round(used / requests * 1000, 2)
        idle_cost = sum(idle.values()) * run["elapsed"]
        result["node_idle_cpu_ms_per_second"] = round(sum(idle.values()) * 1000, 1)
        result["node_cpu_ms_per_request_less_idle"] = round(
            (used - idle_cost) / requests * 1000, 2)
        rendered = sum(count["rendered"] for count in counted.values())
        result["renders_per_request"] = round(rendered / requests, 3)
        result["node_cpu_ms_per_render_less_idle"] = round(
            (used - idle_cost) / rendered * 1000, 2) if rendered else None
        result["nodes"] = [{"cpu_s": round(per_node[node.process.pid], 2),
                            "idle_cpu_ms_per_s": round(idle[node.process.pid] * 1000, 1),
                            **counted[node.process.pid]} for node in nodes]
    statuses = {}
    for _, _, failed, status in run["records"]:
        if failed:
            statuses[status] = statuses.get(status, 0) + 1
    result["failed_by_status"] = statuses
    result["nginx_log"] = log_summary(log)
    if logs is not None:
        logs.mkdir(parents=True, exist_ok=True)
        run = len(list(logs.glob("nginx-*.log"))) + 1
        (logs / f"nginx-{run}.log").write_text(log)
        for node in nodes:
            shutil.copy(node.log.name, logs / f"{Path(node.log.name).stem}-{run}.log")
    return result


def postgresql_archive(records: int, work: Path, cluster: Cluster
                       ) -> tuple[str, dict[str, list[str]]]:
    """``records`` generated records ingested into PostgreSQL alone (no ingest figures): the
    store's URL and the mix's URLs."""
    corpus = work / "corpus"
    write_corpus(records, corpus, seed=5, files_per_dir=1000)
    database = cluster.create_database("bench")
    chancery(work / "pg", "init", "--no-authority", "--database", database)
    chancery(work / "pg", "ingest", str(corpus))
    return database, postgresql_urls(database)


async def bursts(base: str, urls: dict[str, list[str]], clients: int, pauses: list[float]
                 ) -> list[int]:
    """A burst of ``clients`` requests at once, then a pause, for each pause: the statuses
    (0 for a failed connection). The pauses let nginx's pooled connections to the nodes
    idle for as long as a node keeps an idle connection."""
    chooser = random.Random(13)
    every = [url for kind in urls.values() for url in kind]
    statuses: list[int] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        async def one() -> int:
            try:
                return (await client.get(chooser.choice(every))).status_code
            except httpx.HTTPError:
                return 0
        for pause in pauses:
            statuses.extend(await asyncio.gather(*(one() for _ in range(clients))))
            await asyncio.sleep(pause)
    return statuses


def idle_race(arguments: argparse.Namespace, work: Path, cluster: Cluster,
              nodes: list[Node]) -> dict:
    """Node A dead from the start, node B alone behind nginx, bursts of requests with pauses
    around the node's keep-alive time: the requests nginx sent on a pooled connection the
    node was closing, once with --keep-alive at uvicorn's old 5 s, once at the default."""
    database, urls = postgresql_archive(arguments.records, work, cluster)
    found = {"records": arguments.records}
    for keep_alive in (5, 75):
        options = ("--keep-alive", str(keep_alive))
        nodes[:] = [Node(work / "node-a", database, options=options),
                    Node(work / "node-b", database, options=options)]
        for node in nodes:
            node.wait(timeout=3600)
        proxy = Nginx(nodes)
        nodes[0].kill()
        # from just under to just over 5 s, in steps of 10 ms
        pauses = [4.9 + 0.01 * (number % 21) for number in range(arguments.idle_race)]
        try:
            statuses = asyncio.run(bursts(proxy.base, urls, arguments.clients, pauses))
            log = proxy.error_log()
        finally:
            proxy.stop()
        if arguments.logs is not None:
            arguments.logs.mkdir(parents=True, exist_ok=True)
            (arguments.logs / f"idle-race-keep-alive-{keep_alive}.log").write_text(log)
        node_b = f"127.0.0.1:{nodes[1].port}"
        found[f"keep_alive_{keep_alive}s"] = {
            "requests": len(statuses),
            "failed": sum(status != 200 for status in statuses),
            "node_b_errors_in_nginx_log": sum(node_b in line and "[error]" in line
                                              for line in log.splitlines()),
            "nginx_log": log_summary(log)}
        print(json.dumps(found[f"keep_alive_{keep_alive}s"]), flush=True)
        for node in nodes:
            node.stop()
    return found


def kill_runs(arguments: argparse.Namespace, work: Path, cluster: Cluster,
              nodes: list[Node]) -> dict:
    """Only the node killed under load, --kill-runs times over one archive."""
    database, urls = postgresql_archive(arguments.records, work, cluster)
    nodes.extend([Node(work / "node-a", database), Node(work / "node-b", database)])
    for node in nodes:
        node.wait(timeout=3600)
    runs = []
    for _ in range(arguments.kill_runs):
        run = mix_run(nodes, urls, arguments.clients, arguments.seconds,
                      kill_at=arguments.seconds / 3, logs=arguments.logs)
        print(json.dumps(run), flush=True)
        runs.append(run)
        nodes[0].stop()  # killed: its log closed; the same folder again, caught up
        nodes[0] = Node(work / "node-a", database).wait()
    return {"records": arguments.records, "node_a_killed": runs}


def edit_lag(work: Path, database: str, node: Node, edits: int) -> dict:
    """Seconds from an ingest's commit to node B's search finding the new document."""
    from chancery.archive import Archive

    lags = []
    template = next(generate_records(1, seed=99))[1]
    # the writer of the ingest figures: its own index is current, so an ingest is only that
    with Archive.open(work / "pg", database=database) as editor:
        for number in range(edits):
            token = f"zzlag{number}x{os.getpid()}"
            record = work / f"edit-{number}.md"
            record.write_text(template.replace("/document/", f"/document/77{number:05d}", 1)
                              .replace("#### **Summary:**\n\n",
                                       f"#### **Summary:**\n\n{token} ", 1), encoding="utf-8")
            editor.ingest([record])  # committed when it returns
            committed = time.perf_counter()
            while True:
                hits = httpx.get(node.base + "/api/v1/search", params={"q": token},
                                 timeout=30).json()["hits"]
                if hits:
                    break
                time.sleep(0.01)
            lags.append(time.perf_counter() - committed)
    lags.sort()
    return {"edits": edits, "p50_s": round(statistics.median(lags), 3),
            "p95_s": round(lags[min(len(lags) - 1, int(0.95 * len(lags)))], 3),
            "max_s": round(lags[-1], 3)}


def sizes(work: Path, database: str) -> dict:
    """The store's size in PostgreSQL and in SQLite, and one node's index, in bytes."""
    import psycopg

    with psycopg.connect(database) as connection:
        store = connection.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    return {"postgresql_database": store,
            "sqlite_file": (work / "sqlite" / "chancery.sqlite3").stat().st_size,
            "node_index": sum(path.stat().st_size
                              for path in (work / "node-c" / "index").rglob("*")
                              if path.is_file())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--only-kill", action="store_true",
                        help="only the node killed under load, without the other figures")
    parser.add_argument("--kill-runs", type=int, default=3,
                        help="with --only-kill: how many runs")
    parser.add_argument("--only-ingest", type=int, default=0, metavar="RUNS",
                        help="only the ingests, one writer each, SQLite and PostgreSQL "
                        "alternating RUNS times")
    parser.add_argument("--only-mix", action="store_true",
                        help="only the mix on one node and on two, each with the page "
                        "caches empty and then filled")
    parser.add_argument("--nginx-cache", action="store_true",
                        help="with --only-mix: nginx keeps the anonymous pages for the "
                        "nodes (docs/web.md's sample cache; a new, empty one each run)")
    parser.add_argument("--warm", action="store_true",
                        help="with --only-mix: a third run on each side after every node was "
                        "asked every URL of the mix once (each node's cache holds them all)")
    parser.add_argument("--rounds", type=int, default=0,
                        help="with --only-mix --warm: then node A alone, A with B, and A "
                        "alone at half --rate, in turn ROUNDS times; the CPU a request by side")
    parser.add_argument("--rate", type=float, default=0.0, metavar="REQUESTS_PER_S",
                        help="with --only-mix: open loop, a request every 1/RATE s (the same "
                        "work offered to one node and to two) instead of --clients")
    parser.add_argument("--idle-race", type=int, default=0, metavar="BURSTS",
                        help="only node B alone (A dead) under bursts of requests paused "
                        "around a node's keep-alive time, with --keep-alive 5 and 75")
    parser.add_argument("--logs", type=Path,
                        help="keep nginx's error log and the nodes' logs of each run here")
    arguments = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="chancery-cluster-bench-"))
    cluster = Cluster()
    nodes: list[Node] = []
    results: dict = {"records": arguments.records}
    try:
        if arguments.idle_race:
            results = idle_race(arguments, work, cluster, nodes)
            return
        if arguments.only_kill:
            results = kill_runs(arguments, work, cluster, nodes)
            return
        if arguments.only_ingest:
            results = ingest_runs(arguments, work, cluster)
            return
        if arguments.only_mix:
            results = mix_runs(arguments, work, cluster, nodes)
            return
        corpus = work / "corpus"
        write_corpus(arguments.records, corpus, seed=5, files_per_dir=1000)
        results["ingest"] = ingest_figures(corpus, arguments.records, work, cluster)
        database = results["ingest"].pop("database")
        print(json.dumps(results, indent=1), flush=True)
        urls = mixed_urls(work / "sqlite")  # the same documents, by id, as in PostgreSQL

        nodes.append(Node(work / "node-a", database).wait())
        results["mix_one_node"] = mix_run(nodes, urls, arguments.clients, arguments.seconds)
        print(json.dumps(results["mix_one_node"]), flush=True)
        nodes.append(Node(work / "node-b", database).wait())
        results["mix_two_nodes"] = mix_run(nodes, urls, arguments.clients, arguments.seconds)
        print(json.dumps(results["mix_two_nodes"]), flush=True)
        results["edit_lag_on_node_b"] = edit_lag(work, database, nodes[1], arguments.edits)
        print(json.dumps(results["edit_lag_on_node_b"]), flush=True)
        results["node_a_killed"] = mix_run(nodes, urls, arguments.clients, arguments.seconds,
                                           kill_at=arguments.seconds / 3, logs=arguments.logs)
        print(json.dumps(results["node_a_killed"]), flush=True)

        started = time.perf_counter()
        nodes.append(Node(work / "node-c", database).wait(timeout=3600))
        results["new_node_catch_up_s"] = round(time.perf_counter() - started, 1)
        results["sizes_bytes"] = sizes(work, database)
    finally:
        for node in nodes:
            node.stop()
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
        print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
