"""The webhook server: platform POSTs in, bodies handed to the channel that owns the path.

PTB ships a webhook server, but it answers a malformed body with 500 and logs a body it cannot parse
in full at CRITICAL; for health data we log sizes and kinds only, and answer 400. The same server
carries the Zalo webhook, and /healthz for the operator's monitor.

A 200 means "stored": a route's `accept` returns only once the update is in the database, and raises
`NotStored` when it cannot be (a full disk, a write error), which is answered 503 so the platform
delivers it again.

What one client may cost is bounded (`Limits`): the size of a request, the time to send its headers
and its body, the time a kept-alive connection may sit idle, and the number of connections. At the cap
a new connection takes the place of the oldest one that is not in the middle of a request, so a crowd
of slow or silent clients cannot keep a platform's request out; each of them is closed by its timeout
anyway. Errors that repeat (a flood of bad requests, an exhausted file table) are logged once per
interval with a count (`ThrottledLog`), not once each.
"""

from __future__ import annotations

import asyncio
import errno
import hmac
import json
import logging
import socket
import time
from collections.abc import Awaitable, Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop
from tornado.iostream import IOStream
from tornado.netutil import bind_sockets
from tornado.web import Application, RequestHandler

log = logging.getLogger(__name__)
MAX_BODY = 1_000_000
LOG_INTERVAL_SECONDS = 60.0
ACCEPT_PAUSE_SECONDS = 0.5  # after the process ran out of file descriptors, before accepting again
DRAIN_SECONDS = 10.0  # at stop, how long requests under way may take to be answered
_TORNADO_LOGGERS = ("tornado.access", "tornado.application", "tornado.general")


@dataclass(frozen=True)
class Limits:
    """What one client may cost. A platform sends a small body at once on a connection it keeps open;
    anything slower or larger is a broken or hostile client and is cut off."""

    max_body: int = MAX_BODY
    max_header: int = 16_384
    # The time to send a request's line and headers, which is also the most a kept-alive connection
    # may wait idle for its next request (tornado measures both from the same moment).
    header_seconds: float = 20.0
    body_seconds: float = 10.0
    max_connections: int = 100  # Telegram opens at most 40 by default (setWebhook's max_connections)


class BadBody(Exception):
    """The body is JSON but not an update this route understands."""


class NotStored(Exception):
    """The update could not be stored; the platform must deliver it again."""


@dataclass(frozen=True)
class WebhookRoute:
    path: str
    secret_header: str
    secret: str
    accept: Callable[[dict[str, Any]], Awaitable[None]]


class Throttle:
    """Lets the first event of each kind through, then at most one per interval, and says how many it
    held back in between: a fault that repeats thousands of times a second is seen, but cannot fill a
    disk with log lines or cost the process its time."""

    def __init__(self, interval: float = LOG_INTERVAL_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = interval
        self._clock = clock
        self._last: dict[Hashable, tuple[float, int]] = {}

    def allow(self, key: Hashable) -> int | None:
        """None to hold this one back; else how many of its kind were held back since the last let through."""
        now = self._clock()
        last = self._last.get(key)
        if last is not None and now - last[0] < self.interval:
            self._last[key] = (last[0], last[1] + 1)
            return None
        self._last[key] = (now, 0)
        return last[1] if last is not None else 0


class ThrottledLog:
    """A logger whose messages go through a `Throttle`, keyed by the message's template (its arguments,
    ids and sizes, do not make a new kind)."""

    def __init__(self, logger: logging.Logger, interval: float = LOG_INTERVAL_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._logger = logger
        self._throttle = Throttle(interval, clock)

    def log(self, level: int, msg: str, *args: object, exc_info: BaseException | None = None) -> None:
        held = self._throttle.allow((level, msg))
        if held is None:
            return
        if held:
            msg += " (and %d more like it in the last %d s)"
            args = (*args, held, round(self._throttle.interval))
        self._logger.log(level, msg, *args, exc_info=exc_info)

    def warning(self, msg: str, *args: object) -> None:
        self.log(logging.WARNING, msg, *args)

    def error(self, msg: str, *args: object, exc_info: BaseException | None = None) -> None:
        self.log(logging.ERROR, msg, *args, exc_info=exc_info)


class _ThrottleFilter(logging.Filter):
    """The same rule for tornado's own loggers, which write a line for every malformed request and every
    timed-out body."""

    def __init__(self, interval: float = LOG_INTERVAL_SECONDS) -> None:
        super().__init__()
        self._throttle = Throttle(interval)

    def filter(self, record: logging.LogRecord) -> bool:
        held = self._throttle.allow((record.name, record.levelno, str(record.msg)))
        if held is None:
            return False
        if held:
            record.msg = f"{record.msg} (and {held} more like it in the last {round(self._throttle.interval)} s)"
        return True


def _throttle_tornado_logs() -> None:
    for name in _TORNADO_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, _ThrottleFilter) for f in logger.filters):
            logger.addFilter(_ThrottleFilter())


class _Webhook(RequestHandler):
    def initialize(self, route: WebhookRoute, server: WebServer) -> None:
        self.route = route
        self.server = server

    def prepare(self) -> None:
        # The body is in: from here until the answer, the connection is doing a platform's work and is
        # never the one closed to make room.
        self.server._busy(self, True)

    def on_finish(self) -> None:
        self.server._busy(self, False)

    def on_connection_close(self) -> None:
        self.server._busy(self, False)

    def check_xsrf_cookie(self) -> None:
        """A platform's POST carries its secret header, not a browser's XSRF token."""

    async def post(self) -> None:
        errors = self.server.errors
        given = self.request.headers.get(self.route.secret_header, "")
        if not hmac.compare_digest(given.encode(), self.route.secret.encode()):
            errors.warning("webhook %s: request without the right secret refused", self.route.path)
            self.send_error(403)
            return
        try:
            body = json.loads(self.request.body)
            if not isinstance(body, dict):
                raise BadBody("not an object")
            await self.route.accept(body)
        except (ValueError, BadBody) as exc:
            errors.warning("webhook %s: malformed body of %d bytes refused (%s)", self.route.path,
                           len(self.request.body), exc.__class__.__name__)
            self.send_error(400)
            return
        except NotStored as exc:
            errors.error("webhook %s: update not stored (%s); answered 503 so it comes again", self.route.path, exc)
            self.set_status(503)
            self.finish('{"ok":false}')
            return
        self.set_status(200)
        self.finish("{}")

    def log_exception(self, *args: Any) -> None:  # never log a request body
        self.server.errors.error("webhook %s: internal error", self.route.path,
                                 exc_info=args[1] if len(args) > 1 else None)


class _Health(RequestHandler):
    def get(self) -> None:
        self.finish({"ok": True})


class _Server(HTTPServer):
    """tornado's HTTPServer with a cap on connections and an accept loop that survives running out of
    file descriptors (tornado's own loop raises on every pass of the event loop, as fast as it can)."""

    owner: WebServer

    def handle_stream(self, stream: IOStream, address: tuple[Any, ...]) -> None:
        if not self.owner._make_room():
            stream.close()
            return
        self.owner._opened[stream] = None
        super().handle_stream(stream, address)

    def on_close(self, server_conn: object) -> None:
        self.owner._opened.pop(getattr(server_conn, "stream", None), None)  # type: ignore[arg-type]
        super().on_close(server_conn)

    def add_sockets(self, sockets: Iterable[socket.socket]) -> None:
        for sock in sockets:
            self._sockets[sock.fileno()] = sock
            self._handlers[sock.fileno()] = self._accept_on(sock)

    def _accept_on(self, sock: socket.socket) -> Callable[[], None]:
        loop = IOLoop.current()
        state = {"listening": True, "removed": False}

        def resume() -> None:
            if not state["removed"] and not state["listening"]:
                state["listening"] = True
                loop.add_handler(sock, accept, IOLoop.READ)

        def accept(fd: object, events: int) -> None:
            for _ in range(128):  # as tornado does: a bounded batch, then other work gets its turn
                try:
                    connection, address = sock.accept()
                except BlockingIOError:
                    return
                except ConnectionAbortedError:
                    continue
                except OSError as exc:
                    if exc.errno not in (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM):
                        raise
                    self.owner.errors.error("webhook server cannot accept connections (%s, %d open here); pausing",
                                            errno.errorcode.get(exc.errno or 0, "?"), len(self.owner._opened))
                    self.owner._evict_one()  # one descriptor back for the next try
                    state["listening"] = False
                    loop.remove_handler(sock)
                    loop.call_later(ACCEPT_PAUSE_SECONDS, resume)
                    return
                self._handle_connection(connection, address)

        def remove() -> None:
            state["removed"] = True
            if state["listening"]:
                loop.remove_handler(sock)

        loop.add_handler(sock, accept, IOLoop.READ)
        return remove


class WebServer:
    def __init__(self, listen: str, port: int, limits: Limits | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._listen, self._port = listen, port
        self._limits = limits or Limits()
        self._routes: list[WebhookRoute] = []
        self._server: _Server | None = None
        self.port = port  # the bound one once started (0 asks for any free port)
        self._opened: dict[IOStream, None] = {}  # open connections, oldest first
        self._working: set[IOStream] = set()  # connections whose request is being answered
        self._answered = asyncio.Event()  # set while no request is being answered
        self._answered.set()
        self.errors = ThrottledLog(log, clock=clock)
        self._pages: list[Any] = []
        self._app_settings: dict[str, Any] = {}

    @property
    def connections(self) -> int:
        """Connections open now (the operator's and the tests' view of what clients cost)."""
        return len(self._opened)

    def add(self, route: WebhookRoute) -> None:
        self._routes.append(route)

    def add_pages(self, handlers: list[Any], **app_settings: Any) -> None:
        """Pages served beside the webhooks (the staff web view, bot/webview.py), with tornado's
        application settings they need (templates, XSRF, the cookie secret). They get the same limits."""
        self._pages.extend(handlers)
        self._app_settings.update(app_settings)

    def start(self) -> int:
        _throttle_tornado_logs()
        handlers: list[Any] = [(r"/healthz", _Health)]
        handlers.extend((route.path, _Webhook, {"route": route, "server": self}) for route in self._routes)
        handlers.extend(self._pages)
        limits = self._limits
        server = _Server(Application(handlers, log_function=self._log_request, **self._app_settings),
                         max_body_size=limits.max_body, max_header_size=limits.max_header,
                         idle_connection_timeout=limits.header_seconds, body_timeout=limits.body_seconds)
        server.owner = self
        self._server = server
        sockets = bind_sockets(self._port, self._listen)
        server.add_sockets(sockets)
        self.port = int(sockets[0].getsockname()[1])
        log.info("webhook server listening on %s:%d", self._listen, self.port)
        return self.port

    async def stop(self) -> None:
        """Take no new connections, let the requests under way be answered, then close the rest."""
        if self._server is None:
            return
        server, self._server = self._server, None
        server.stop()
        try:
            await asyncio.wait_for(self._answered.wait(), DRAIN_SECONDS)
        except TimeoutError:
            log.warning("webhook server stopped with %d requests unanswered", len(self._working))
        await server.close_all_connections()

    def _busy(self, handler: RequestHandler, busy: bool) -> None:
        stream = getattr(handler.request.connection, "stream", None)
        if stream is None:
            return
        if busy:
            self._working.add(stream)
            self._answered.clear()
        else:
            self._working.discard(stream)
            if not self._working:
                self._answered.set()

    def _make_room(self) -> bool:
        """Room for one more connection: below the cap, or after closing the oldest one that is not in
        the middle of a request. False when every connection is answering a request."""
        if len(self._opened) < self._limits.max_connections:
            return True
        if self._evict_one():
            self.errors.warning("webhook server at its %d connections: the oldest idle one closed for a new one",
                                self._limits.max_connections)
            return True
        self.errors.warning("webhook server at its %d connections, all answering: a new one refused",
                            self._limits.max_connections)
        return False

    def _evict_one(self) -> bool:
        """Close the oldest connection that is not answering a request (a slow or silent client, or a
        platform's idle kept-alive one, which simply connects again)."""
        for stream in self._opened:
            if stream not in self._working:
                del self._opened[stream]
                stream.close()
                return True
        return False

    def _log_request(self, handler: RequestHandler) -> None:
        # Webhook answers are logged by the handler, with their reason; a 200 needs no line (the core
        # logs each handled event). Anything else (a scanner's 404s) once a minute per status.
        status = handler.get_status()
        if status >= 400 and not isinstance(handler, _Webhook) and not getattr(handler, "logs_itself", False):
            self.errors.warning("webhook server answered %d", status)
