"""The webhook server: platform POSTs in, bodies handed to the channel that owns the path.

PTB ships a webhook server, but it answers a malformed body with 500 and logs a body it cannot parse
in full at CRITICAL; for health data we log sizes and kinds only, and answer 400. The same server will
carry the Zalo webhook, and /healthz for the operator's monitor.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application, RequestHandler

log = logging.getLogger(__name__)
MAX_BODY = 1_000_000


class BadBody(Exception):
    """The body is JSON but not an update this route understands."""


@dataclass(frozen=True)
class WebhookRoute:
    path: str
    secret_header: str
    secret: str
    accept: Callable[[dict[str, Any]], Awaitable[None]]


class _Webhook(RequestHandler):
    def initialize(self, route: WebhookRoute) -> None:
        self.route = route

    async def post(self) -> None:
        given = self.request.headers.get(self.route.secret_header, "")
        if not hmac.compare_digest(given.encode(), self.route.secret.encode()):
            log.warning("webhook %s: request without the right secret refused", self.route.path)
            self.send_error(403)
            return
        try:
            body = json.loads(self.request.body)
            if not isinstance(body, dict):
                raise BadBody("not an object")
            await self.route.accept(body)
        except (ValueError, BadBody) as exc:
            log.warning("webhook %s: malformed body of %d bytes refused (%s)", self.route.path,
                        len(self.request.body), exc.__class__.__name__)
            self.send_error(400)
            return
        self.set_status(200)
        self.finish("{}")

    def log_exception(self, *args: Any) -> None:  # never log a request body
        log.error("webhook %s: internal error", self.route.path, exc_info=args[1] if len(args) > 1 else None)


class _Health(RequestHandler):
    def get(self) -> None:
        self.finish({"ok": True})


class WebServer:
    def __init__(self, listen: str, port: int) -> None:
        self._listen, self._port = listen, port
        self._routes: list[WebhookRoute] = []
        self._server: HTTPServer | None = None

    def add(self, route: WebhookRoute) -> None:
        self._routes.append(route)

    def start(self) -> int:
        handlers: list[Any] = [(r"/healthz", _Health)]
        handlers.extend((route.path, _Webhook, {"route": route}) for route in self._routes)
        self._server = HTTPServer(Application(handlers), max_body_size=MAX_BODY)
        sockets = bind_sockets(self._port, self._listen)
        self._server.add_sockets(sockets)
        port = int(sockets[0].getsockname()[1])
        log.info("webhook server listening on %s:%d", self._listen, port)
        return port

    async def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
            self._server = None
