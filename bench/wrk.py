"""Drive a URL mix with wrk (Debian's `wrk`, written in C), for load figures the client does
not limit.

bench/load.py's own client (httpx on asyncio) tops out near 220 requests a second on one of
this machine's two cores, while the server answers a kept page over 4,000 times a second: a
Python client measures itself. wrk sends the same mix (each request's kind drawn by its
weight, then a URL of that kind, with its ETag in If-None-Match and a session cookie when
given) from one native thread and reports the latency distribution of every request.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

SCRIPT = r"""
math.randomseed(11)
local kinds = %(kinds)s
local cookie = %(cookie)s
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function request()
  local draw, reached, kind = math.random(), 0, kinds[#kinds]
  for _, candidate in ipairs(kinds) do
    reached = reached + candidate.weight
    if draw < reached then kind = candidate; break end
  end
  local i = math.random(#kind.urls)
  local headers = {["Accept-Encoding"] = "gzip, deflate"}  -- as browsers and httpx ask
  if kind.tags[i] ~= "" then headers["If-None-Match"] = kind.tags[i] end
  if cookie ~= "" then headers["Cookie"] = cookie end
  return wrk.format("GET", kind.urls[i], headers)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      counts[tostring(status)] = (counts[tostring(status)] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(counts) do
    table.insert(parts, string.format('"%%s": %%d', status, count))
  end
  local errors = summary.errors
  io.write(string.format(
    'WRK {"requests": %%d, "seconds": %%.3f, "statuses": {%%s}, ' ..
    '"socket_errors": %%d, "p50_us": %%d, "p95_us": %%d, "p99_us": %%d, "max_us": %%d}\n',
    summary.requests, summary.duration / 1e6, table.concat(parts, ", "),
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
"""


def available() -> bool:
    return shutil.which("wrk") is not None


def _lua_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _lua_kinds(urls: dict[str, list[str]], weights: dict[str, float],
               tags: dict[str, str]) -> str:
    kinds = []
    for kind, weight in weights.items():
        listed = ", ".join(_lua_string(url) for url in urls[kind])
        tagged = ", ".join(_lua_string(tags.get(url, "")) for url in urls[kind])
        kinds.append(f"{{weight = {weight!r}, urls = {{{listed}}}, tags = {{{tagged}}}}}")
    return "{" + ", ".join(kinds) + "}"


def drive(base: str, urls: dict[str, list[str]], weights: dict[str, float], clients: int,
          seconds: float, tags: dict[str, str] | None = None, cookie: str = "",
          accepted: tuple[int, ...] = (200,)) -> dict:
    """Figures of ``clients`` connections asking the mix for ``seconds``: requests, requests/s,
    p50/p95/p99 in ms, errors (a status not in ``accepted``, or a socket error or timeout)
    and the count of each status."""
    total = sum(weights.values())
    weights = {kind: weight / total for kind, weight in weights.items()}
    script = SCRIPT % {"kinds": _lua_kinds(urls, weights, tags or {}),
                       "cookie": _lua_string(cookie)}
    with tempfile.TemporaryDirectory(prefix="chancery-wrk-") as work:
        path = Path(work) / "mix.lua"
        path.write_text(script, encoding="utf-8")
        run = subprocess.run(
            ["wrk", "--threads", "1", "--connections", str(clients),
             "--duration", f"{max(1, round(seconds))}s", "--timeout", "60s",
             "--script", str(path), base],
            capture_output=True, text=True, check=True)
    line = next(line for line in run.stdout.splitlines() if line.startswith("WRK "))
    found = json.loads(line[4:])
    statuses = {int(status): count for status, count in found["statuses"].items()}
    errors = found["socket_errors"] + sum(count for status, count in statuses.items()
                                          if status not in accepted)
    return {"requests": found["requests"], "errors": errors,
            "requests_per_second": round(found["requests"] / found["seconds"], 1),
            "p50_ms": round(found["p50_us"] / 1000, 2), "p95_ms": round(found["p95_us"] / 1000, 2),
            "p99_ms": round(found["p99_us"] / 1000, 2), "statuses": statuses}
