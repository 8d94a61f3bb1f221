"""`chancery serve` keeps an idle connection open longer than a proxy in front reuses one
(issue 20): uvicorn's own 5 s made nginx send requests on connections the node was closing,
and hold the node out as failed (docs/scaling.md, "Health and the load balancer")."""

from __future__ import annotations

import http.client
import time
from urllib.parse import urlsplit

from chancery.archive import Archive
from tests.web.test_throttle import served_by_cli

# uvicorn's default keep-alive, under which the race was seen; a proxy's reuse after this
# long is ordinary (nginx keeps idle connections 60 s)
UVICORN_DEFAULT_KEEP_ALIVE = 5


def connection_to(base: str) -> http.client.HTTPConnection:
    address = urlsplit(base)
    return http.client.HTTPConnection(address.hostname, address.port, timeout=30)


def asked(connection: http.client.HTTPConnection, path: str) -> int:
    connection.request("GET", path)
    answer = connection.getresponse()
    answer.read()
    return answer.status


def test_an_idle_connection_is_kept_for_a_request_after_uvicorns_default(tmp_path):
    folder = tmp_path / "archive"
    Archive.open(folder, create=True).close()
    with served_by_cli(folder) as base:
        connection = connection_to(base)
        assert asked(connection, "/static/style.css") == 200
        first = connection.sock
        # the proxy's pooled connection idles, then carries the next request: a node that
        # closed it meanwhile would cut this one (http.client does not reconnect by itself
        # on a closed socket: it raises)
        time.sleep(UVICORN_DEFAULT_KEEP_ALIVE + 1)
        assert asked(connection, "/static/style.css") == 200
        assert connection.sock is first
        connection.close()


def test_keep_alive_is_the_operators_to_set(tmp_path):
    folder = tmp_path / "archive"
    Archive.open(folder, create=True).close()
    with served_by_cli(folder, "--keep-alive", "1") as base:
        connection = connection_to(base)
        assert asked(connection, "/static/style.css") == 200
        # the node closes the idle connection by itself: the next read sees its end
        # (within the socket's 30 s timeout, far beyond the 1 s asked)
        assert connection.sock.recv(1) == b""
        connection.close()
