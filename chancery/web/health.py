"""``/healthz``: whether this node should be given readers, for a load balancer.

A node whose search index is behind the store (its oldest change not applied has waited
longer than $CHANCERY_MAX_LAG seconds, 10 by default), or which cannot reach the store,
answers 503 so that the balancer holds it out until it has caught up; otherwise 200. The
body says the lag either way, in changes and seconds, and what this process's page cache has
answered since it started (chancery.web.caching: 304s, pages from the cache, pages rendered),
so that an operator with several nodes sees whether their caches pool. Anyone may ask: it is
what a balancer asks, and it tells nothing of the documents.
"""

from __future__ import annotations

import os

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from chancery.archive import Archive
from chancery.errors import ChanceryError

MAX_LAG_ENV = "CHANCERY_MAX_LAG"
DEFAULT_MAX_LAG = 10.0  # seconds


async def healthz(request: Request) -> JSONResponse:
    archive: Archive = request.app.state.archive
    limit = float(os.environ.get(MAX_LAG_ENV) or DEFAULT_MAX_LAG)
    headers = {"cache-control": "no-store"}
    try:
        lag = await run_in_threadpool(archive.index_lag)
    except ChanceryError as error:
        return JSONResponse({"status": "store unreachable", "error": error.message},
                            status_code=503, headers=headers)
    except Exception as error:  # noqa: BLE001 - the driver's own: the store is away
        return JSONResponse({"status": "store unreachable", "error": type(error).__name__},
                            status_code=503, headers=headers)
    behind = lag.seconds > limit
    # the lag, not the log's numbers: how many changes an archive has had would tell anyone
    # that hidden documents were written (tests/web/test_access.py)
    return JSONResponse({"status": "behind" if behind else "ok", "lag_changes": lag.changes,
                         "lag_seconds": round(lag.seconds, 3), "max_lag_seconds": limit,
                         "page_cache": request.app.state.page_cache.counts()},
                        status_code=503 if behind else 200, headers=headers)


routes = [Route("/healthz", healthz)]
