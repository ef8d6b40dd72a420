"""A fake Zalo Bot Platform API on 127.0.0.1 that checks what it receives, like the real one would.

What it holds the bot to (docs/zalo.md says where each fact comes from): POST with a JSON body to
`/bot<TOKEN>/<method>`; only the platform's methods; `chat_id` a string; text of 1 to 2,000
characters; no buttons or other markup. getUpdates hands out one update per call, with no offset (an
update is gone once handed out), and answers 408 when nothing came in before its timeout. Webhook
mode posts updates to the bot with the secret in `X-Bot-Api-Secret-Token`.

A send to a chat that blocked the bot is answered 404 ("Not found", the documented code for a request
that reaches nothing): what Zalo really answers then is not documented (docs/zalo.md). `fault` makes it
answer any documented error code to any call, as an outage or a spent quota would.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application, RequestHandler

BOT_INFO = {"id": "8822113344", "account_name": "bot.diemtuvan", "account_type": "BASIC", "can_join_groups": False}
REQUIRED = {
    "getMe": (),
    "getUpdates": (),
    "setWebhook": ("url", "secret_token"),
    "deleteWebhook": (),
    "getWebhookInfo": (),
    "sendMessage": ("chat_id", "text"),
    "sendPhoto": ("chat_id", "photo"),
    "sendSticker": ("chat_id", "sticker"),
    "sendChatAction": ("chat_id", "action"),
}
ALLOWED = {
    "getUpdates": {"timeout"},
    "setWebhook": {"url", "secret_token"},
    "sendMessage": {"chat_id", "text"},
    "sendPhoto": {"chat_id", "photo", "caption"},
    "sendSticker": {"chat_id", "sticker"},
    "sendChatAction": {"chat_id", "action"},
}


@dataclass
class Call:
    method: str
    params: dict[str, Any]


@dataclass
class FakeZalo:
    token: str = "1234567890:ZaloTestTokenAbcdefghij"
    calls: list[Call] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    blocked: set[str] = field(default_factory=set)
    port: int = 0
    # Called with each call's method and parameters: (code, description) makes Zalo answer that error.
    fault: Callable[[str, dict[str, Any]], tuple[int, str] | None] | None = None
    faulted: list[tuple[str, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._updates: list[dict[str, Any]] = []
        self._message_ids = itertools.count(0x5A10)
        self._changed = asyncio.Condition()
        self._server: HTTPServer | None = None
        self.webhook_url: str | None = None
        self.webhook_secret: str | None = None
        self.idle_answers = 0

    async def start(self) -> FakeZalo:
        app = Application([(r"/bot([^/]+)/([A-Za-z]+)", _Handler, {"fake": self})])
        sockets = bind_sockets(0, "127.0.0.1")
        self.port = sockets[0].getsockname()[1]
        self._server = HTTPServer(app)
        self._server.add_sockets(sockets)
        return self

    async def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            async with self._changed:
                self._changed.notify_all()
            await self._server.close_all_connections()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # --- what tests do ----------------------------------------------------------------------------
    def new_message_id(self) -> str:
        return f"{next(self._message_ids):x}e1f0c2d"

    def message_update(self, user_id: str, text: str | None, event: str = "message.text.received",
                       chat_type: str = "PRIVATE") -> dict[str, Any]:
        message: dict[str, Any] = {
            "from": {"id": user_id, "display_name": "Ẩn danh", "is_bot": False},
            "chat": {"id": user_id, "chat_type": chat_type},
            "message_id": self.new_message_id(),
            "date": int(time.time() * 1000),  # milliseconds
        }
        if text is not None:
            message["text"] = text
        return {"event_name": event, "message": message}

    async def push(self, update: dict[str, Any]) -> dict[str, Any]:
        """Deliver an update: to the webhook if one is set, else queue it for getUpdates. Pushing one
        already delivered is how a replay looks."""
        if self.webhook_url:
            async with httpx.AsyncClient() as client:
                response = await client.post(self.webhook_url, json=update,
                                             headers={"X-Bot-Api-Secret-Token": self.webhook_secret or ""})
                response.raise_for_status()
            return update
        async with self._changed:
            self._updates.append(update)
            self._changed.notify_all()
        return update

    def sent(self, chat_id: str | None = None) -> list[dict[str, Any]]:
        return [c.params for c in self.calls if c.method == "sendMessage"
                and (chat_id is None or c.params["chat_id"] == chat_id)]

    def calls_to(self, method: str) -> list[dict[str, Any]]:
        return [c.params for c in self.calls if c.method == method]

    async def wait_calls(self, method: str, count: int, timeout: float = 10.0) -> None:
        async def reached() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: len(self.calls_to(method)) >= count)
        await asyncio.wait_for(reached(), timeout)

    async def wait_faulted(self, method: str, count: int, timeout: float = 10.0) -> None:
        """Wait until `fault` has answered `method` with an error `count` times."""
        async def reached() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: [m for m, _c in self.faulted].count(method) >= count)
        await asyncio.wait_for(reached(), timeout)

    async def wait_idle(self, count: int, timeout: float = 10.0) -> None:
        """Wait until getUpdates has answered "nothing new" (408) `count` times."""
        async def reached() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: self.idle_answers >= count)
        await asyncio.wait_for(reached(), timeout)

    # --- the API ----------------------------------------------------------------------------------
    async def call(self, method: str, params: dict[str, Any],
                   gone: Callable[[], bool] = lambda: False) -> tuple[int, dict[str, Any]]:
        if method not in REQUIRED:
            return self._reject(method, 404, "Not Found")
        failure = self.fault(method, params) if self.fault is not None else None
        if failure is not None:
            code, description = failure
            async with self._changed:
                self.faulted.append((method, code))
                self._changed.notify_all()
            return code, {"ok": False, "error_code": code, "description": description}
        missing = [name for name in REQUIRED[method] if params.get(name) in (None, "")]
        if missing:
            return self._reject(method, 400, f"Bad Request: {missing[0]} is required")
        unknown = set(params) - ALLOWED.get(method, set())
        if unknown:
            return self._reject(method, 400, f"Bad Request: unknown parameter {sorted(unknown)[0]}")
        if "chat_id" in params and not isinstance(params["chat_id"], str):
            return self._reject(method, 400, "Bad Request: chat_id must be a string")
        if method == "sendMessage":
            text = params["text"]
            if not isinstance(text, str) or not text.strip() or len(text) > 2000:
                return self._reject(method, 400, "Bad Request: text must be 1 to 2000 characters")
            if params["chat_id"] in self.blocked:
                return self._reject(method, 404, "Not Found")
        if method == "getUpdates":
            return await self._get_update(params, gone)
        async with self._changed:
            self.calls.append(Call(method, params))
            self._changed.notify_all()
        if method == "getMe":
            return 200, {"ok": True, "result": BOT_INFO}
        if method == "sendMessage":
            return 200, {"ok": True, "result": {"message_id": self.new_message_id(),
                                                "date": int(time.time() * 1000)}}
        if method == "setWebhook":
            self.webhook_url, self.webhook_secret = params["url"], params["secret_token"]
            return 200, {"ok": True, "result": {"url": params["url"], "updated_at": int(time.time() * 1000)}}
        if method == "deleteWebhook":
            self.webhook_url = self.webhook_secret = None
            return 200, {"ok": True, "result": {"url": "", "updated_at": int(time.time() * 1000)}}
        if method == "getWebhookInfo":
            return 200, {"ok": True, "result": {"url": self.webhook_url or "", "updated_at": 0}}
        return 200, {"ok": True, "result": True}

    def _reject(self, method: str, code: int, description: str) -> tuple[int, dict[str, Any]]:
        self.rejected.append((method, description))
        return code, {"ok": False, "error_code": code, "description": description}

    async def _get_update(self, params: dict[str, Any], gone: Callable[[], bool]) -> tuple[int, dict[str, Any]]:
        """One update per call. An update is not handed to a connection the bot already closed (when
        it stopped): the real platform may lose it then, which docs/zalo.md warns about, but a test
        of a restart should not depend on that race."""
        if self.webhook_url:
            return self._reject("getUpdates", 409, "Conflict: webhook is set")
        timeout = min(float(params.get("timeout") or 0), 1.0)
        async with self._changed:
            if not self._updates and timeout:
                try:
                    await asyncio.wait_for(self._changed.wait_for(lambda: bool(self._updates)), timeout)
                except TimeoutError:
                    pass
            if not self._updates or gone():
                self.idle_answers += 1
                self._changed.notify_all()
                return 408, {"ok": False, "error_code": 408, "description": "Request timeout"}
            return 200, {"ok": True, "result": self._updates.pop(0)}


class _Handler(RequestHandler):
    def initialize(self, fake: FakeZalo) -> None:
        self.fake = fake
        self.closed = False

    def on_connection_close(self) -> None:
        self.closed = True

    async def post(self, token: str, method: str) -> None:
        if token != self.fake.token:
            status, body = 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        else:
            try:
                params = json.loads(self.request.body or b"{}")
            except json.JSONDecodeError:
                params = None
            if not isinstance(params, dict):
                status, body = self.fake._reject(method, 400, "Bad Request: body must be a JSON object")
            else:
                status, body = await self.fake.call(method, params, lambda: self.closed)
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(body))
