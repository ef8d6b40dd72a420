"""A fake Telegram Bot API on 127.0.0.1 that checks what it receives, like the real one would.

It refuses unknown methods, a wrong token, missing required fields, text over 4096 characters and
callback_data over 64 bytes, and records every accepted call so tests can read what the bot sent.
Long polling is real: getUpdates waits for an update or its timeout.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application, RequestHandler

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "Điểm tư vấn", "username": "diemtuvan_test_bot"}

REQUIRED = {
    "getMe": (),
    "getUpdates": (),
    "setMyCommands": ("commands",),
    "deleteMyCommands": (),
    "setWebhook": ("url",),
    "deleteWebhook": (),
    "getWebhookInfo": (),
    "sendMessage": ("chat_id", "text"),
    "sendDocument": ("chat_id", "document"),
    "sendPhoto": ("chat_id", "photo"),
    "answerCallbackQuery": ("callback_query_id",),
    "editMessageReplyMarkup": (),
    "sendChatAction": ("chat_id", "action"),
    "close": (),
    "logOut": (),
}


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    body: str = "form"  # how the call came: "json", "form" (PTB's default) or "multipart"


@dataclass
class FakeTelegram:
    token: str = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz"
    calls: list[Call] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    blocked: set[int] = field(default_factory=set)
    port: int = 0
    # Called with each request before it is accepted; True means "the bot died before this one was
    # accepted": it is not recorded (the SIGKILL test kills the bot process from here).
    intercept: Callable[[str, dict[str, Any]], bool] | None = None
    # Telegram's broadcast limits, enforced when set (benchmarks/fanout.py): at most this many
    # sendMessage calls in any second, and one per chat per second; beyond them, 429 with retry_after.
    limit_per_second: int | None = None
    limit_per_chat_seconds: float = 1.0
    too_many: int = 0
    # Which limit each 429 met: "second" (the bot's messages in the last second) or "chat".
    too_many_why: Counter[str] = field(default_factory=Counter)
    # The token was revoked in @BotFather: every call answers 401 Unauthorized, as Telegram does.
    revoked: bool = False
    # Seconds sendMessage keeps its answer back after taking the message: a bot whose read timeout is
    # shorter sees a timeout for a message that did go out.
    send_delay: float = 0.0
    # Methods whose answer waits until the test sets the event: a bot caught in the middle of its start.
    held: dict[str, asyncio.Event] = field(default_factory=dict)
    # The calls now waiting on `held`, by method.
    holding: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self._updates: list[dict[str, Any]] = []
        self._offset = 0
        self._update_ids = itertools.count(1000)
        self._message_ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._server: HTTPServer | None = None
        self.webhook_url: str | None = None
        self.webhook_secret: str | None = None
        self._recent: deque[float] = deque()
        self._last_to_chat: dict[int, float] = {}

    # --- server -----------------------------------------------------------------------------------
    async def start(self) -> FakeTelegram:
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
        return f"http://127.0.0.1:{self.port}/bot"

    # --- what tests do ----------------------------------------------------------------------------
    def new_update_id(self) -> int:
        return next(self._update_ids)

    async def push(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update for getUpdates (even one already delivered: that is how a replay looks)."""
        async with self._changed:
            self._updates.append(update)
            self._changed.notify_all()
        return update

    def text_update(self, user_id: int, text: str, language: str = "vi", update_id: int | None = None,
                    chat_type: str = "private") -> dict[str, Any]:
        return {"update_id": update_id or self.new_update_id(), "message": {
            "message_id": next(self._message_ids), "date": int(time.time()),
            "chat": {"id": user_id, "type": chat_type}, "text": text,
            "from": {"id": user_id, "is_bot": False, "first_name": "Ẩn danh", "language_code": language},
            **({"entities": [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]}
               if text.startswith("/") else {}),
        }}

    def message_update(self, user_id: int, extra: dict[str, Any]) -> dict[str, Any]:
        """A message with something other than text: a sticker, a photo, a location."""
        return {"update_id": self.new_update_id(), "message": {
            "message_id": next(self._message_ids), "date": int(time.time()),
            "chat": {"id": user_id, "type": "private"},
            "from": {"id": user_id, "is_bot": False, "first_name": "Ẩn danh", "language_code": "vi"},
            **extra,
        }}

    def button_update(self, user_id: int, data: str, message_id: int | None = None) -> dict[str, Any]:
        return {"update_id": self.new_update_id(), "callback_query": {
            "id": f"cq{self.new_update_id()}", "chat_instance": "ci",
            "from": {"id": user_id, "is_bot": False, "first_name": "Ẩn danh", "language_code": "vi"},
            "data": data,
            "message": {"message_id": message_id or 1, "date": int(time.time()),
                        "chat": {"id": user_id, "type": "private"}, "from": BOT_USER, "text": "…"},
        }}

    def blocked_update(self, user_id: int, status: str = "kicked") -> dict[str, Any]:
        return {"update_id": self.new_update_id(), "my_chat_member": {
            "chat": {"id": user_id, "type": "private"}, "date": int(time.time()),
            "from": {"id": user_id, "is_bot": False, "first_name": "Ẩn danh"},
            "old_chat_member": {"status": "member", "user": BOT_USER},
            "new_chat_member": {"status": status, "user": BOT_USER,
                                **({"until_date": 0} if status == "kicked" else {})},
        }}

    @property
    def unconfirmed(self) -> int:
        """Updates getUpdates still holds: not yet confirmed by a later call's offset."""
        return len(self._updates)

    def sent(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        return [c.params for c in self.calls if c.method == "sendMessage"
                and (chat_id is None or int(c.params["chat_id"]) == chat_id)]

    def files(self, chat_id: int | None = None) -> list[tuple[str, dict[str, Any]]]:
        """Files uploaded (sendDocument, sendPhoto), in order: (method, the call's parameters); the file is
        params["document"] or params["photo"]: filename, content_type, data."""
        return [(c.method, c.params) for c in self.calls if c.method in ("sendDocument", "sendPhoto")
                and (chat_id is None or int(c.params["chat_id"]) == chat_id)]

    def calls_to(self, method: str) -> list[dict[str, Any]]:
        return [c.params for c in self.calls if c.method == method]

    def notifying(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """The messages that rang the person's phone: all but those sent with disable_notification."""
        return [m for m in self.sent(chat_id) if not m.get("disable_notification")]

    async def wait_sent(self, chat_id: int, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Wait until `count` messages went to the chat in all, and return them all."""
        async def reached() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: len(self.sent(chat_id)) >= count)
        try:
            await asyncio.wait_for(reached(), timeout)
        except TimeoutError:
            texts = [m["text"][:60] for m in self.sent(chat_id)]
            raise AssertionError(f"expected {count} messages to {chat_id}, got {len(texts)}: {texts}") from None
        return self.sent(chat_id)

    async def wait_calls(self, method: str, count: int, timeout: float = 10.0) -> None:
        async def reached() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: len(self.calls_to(method)) >= count)
        await asyncio.wait_for(reached(), timeout)

    async def wait_for(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        """Wait until `condition` holds, checked after every call the fake takes."""
        async def reached() -> None:
            async with self._changed:
                await self._changed.wait_for(condition)
        await asyncio.wait_for(reached(), timeout)

    async def drained(self, timeout: float = 10.0) -> None:
        """Wait until the bot has fetched every queued update."""
        async def reached() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: not self._updates)
        await asyncio.wait_for(reached(), timeout)

    # --- the API ----------------------------------------------------------------------------------
    async def call(self, method: str, params: dict[str, Any], body: str = "form") -> tuple[int, dict[str, Any]]:
        if self.intercept is not None and self.intercept(method, params):
            return 502, {"ok": False, "error_code": 502, "description": "Bad Gateway"}
        if method not in REQUIRED:
            return self._reject(method, 404, "Not Found")
        missing = [name for name in REQUIRED[method] if params.get(name) in (None, "")]
        if missing:
            return self._reject(method, 400, f"Bad Request: {missing[0]} is required")
        problem = _check_limits(method, params)
        if problem:
            return self._reject(method, 400, f"Bad Request: {problem}")
        if method in self.held:
            async with self._changed:
                self.holding[method] += 1
                self._changed.notify_all()
            await self.held[method].wait()
        if method == "getUpdates":
            return 200, {"ok": True, "result": await self._get_updates(params)}
        if method == "sendMessage" and int(params["chat_id"]) in self.blocked:
            return self._reject(method, 403, "Forbidden: bot was blocked by the user")
        if method == "sendMessage" and self.limit_per_second is not None and self._over_limit(int(params["chat_id"])):
            self.too_many += 1
            return 429, {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
                         "parameters": {"retry_after": 1}}
        async with self._changed:
            self.calls.append(Call(method, params, body))
            self._changed.notify_all()
        if method == "getMe":
            return 200, {"ok": True, "result": {**BOT_USER, "can_join_groups": False,
                                                "can_read_all_group_messages": False,
                                                "supports_inline_queries": False}}
        if method == "sendMessage":
            if self.send_delay:
                await asyncio.sleep(self.send_delay)
            return 200, {"ok": True, "result": {
                "message_id": next(self._message_ids), "date": int(time.time()), "from": BOT_USER,
                "chat": {"id": int(params["chat_id"]), "type": "private"}, "text": params["text"]}}
        if method in ("sendDocument", "sendPhoto"):
            field_name = "document" if method == "sendDocument" else "photo"
            upload = params[field_name]
            base = {"message_id": next(self._message_ids), "date": int(time.time()), "from": BOT_USER,
                    "chat": {"id": int(params["chat_id"]), "type": "private"}}
            if params.get("caption"):
                base["caption"] = params["caption"]
            if method == "sendDocument":
                base["document"] = {"file_id": f"doc{base['message_id']}", "file_unique_id": f"d{base['message_id']}",
                                    "file_name": upload["filename"], "file_size": len(upload["data"])}
            else:
                base["photo"] = [{"file_id": f"photo{base['message_id']}", "file_unique_id": f"p{base['message_id']}",
                                  "width": 800, "height": 500}]
            return 200, {"ok": True, "result": base}
        if method == "setWebhook":
            self.webhook_url, self.webhook_secret = params["url"], params.get("secret_token")
        if method == "deleteWebhook":
            self.webhook_url = None
        if method == "getWebhookInfo":
            return 200, {"ok": True, "result": {"url": self.webhook_url or "", "has_custom_certificate": False,
                                                "pending_update_count": 0}}
        return 200, {"ok": True, "result": True}

    def _over_limit(self, chat_id: int) -> bool:
        now = time.monotonic()
        while self._recent and now - self._recent[0] >= 1.0:
            self._recent.popleft()
        last = self._last_to_chat.get(chat_id)
        assert self.limit_per_second is not None
        too_soon_for_chat = last is not None and now - last < self.limit_per_chat_seconds
        if len(self._recent) >= self.limit_per_second or too_soon_for_chat:
            self.too_many_why["chat" if too_soon_for_chat else "second"] += 1
            return True
        self._recent.append(now)
        self._last_to_chat[chat_id] = now
        return False

    def _reject(self, method: str, code: int, description: str) -> tuple[int, dict[str, Any]]:
        self.rejected.append((method, description))
        return code, {"ok": False, "error_code": code, "description": description}

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Telegram's semantics: an update is returned until a later call confirms it with a higher
        offset, so one handed to a connection that then died is handed out again."""
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 2.0)

        def available() -> list[dict[str, Any]]:
            return [u for u in self._updates if u.get("_replay") or u["update_id"] >= offset]

        async with self._changed:
            self._updates = [u for u in self._updates if u.get("_replay") or u["update_id"] >= offset]
            self._changed.notify_all()
            if not available() and timeout:
                try:
                    await asyncio.wait_for(self._changed.wait_for(lambda: bool(available())), timeout)
                except TimeoutError:
                    pass
            batch = available()[:100]
            replays = [u for u in batch if u.get("_replay")]
            self._updates = [u for u in self._updates if not any(u is r for r in replays)]
        return [{k: v for k, v in u.items() if k != "_replay"} for u in batch]

    async def replay(self, update: dict[str, Any]) -> None:
        """Deliver an already-delivered update again, as a platform does after a lost acknowledgement."""
        await self.push({**update, "_replay": True})


def _check_limits(method: str, params: dict[str, Any]) -> str | None:
    if method in ("sendDocument", "sendPhoto"):
        upload = params["document" if method == "sendDocument" else "photo"]
        if not isinstance(upload, dict) or not upload.get("data"):
            return "wrong file identifier/HTTP URL specified"  # Telegram's answer to a string that is no file
        if len(str(params.get("caption") or "")) > 1024:
            return "message caption is too long"
    if method == "sendMessage":
        text = str(params["text"])
        if len(text) > 4096:
            return "message is too long"
        if not text.strip():
            return "message text is empty"
    markup = params.get("reply_markup")
    if isinstance(markup, str):
        markup = json.loads(markup)
    if isinstance(markup, dict):
        for row in markup.get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and len(data.encode("utf-8")) > 64:
                    return "BUTTON_DATA_INVALID"
                if not button.get("text"):
                    return "button text is empty"
    return None


class _Handler(RequestHandler):
    def initialize(self, fake: FakeTelegram) -> None:
        self.fake = fake

    async def get(self, token: str, method: str) -> None:
        await self._answer(token, method, {k: v[-1] for k, v in parse_qs(self.request.query).items()})

    async def post(self, token: str, method: str) -> None:
        content_type = self.request.headers.get("Content-Type", "")
        if "json" in content_type:
            try:
                params = json.loads(self.request.body or b"{}")
            except ValueError:
                params = None
            if not isinstance(params, dict):
                self.set_status(400)
                self.finish({"ok": False, "error_code": 400, "description": "Bad Request: can't parse JSON"})
                return
            await self._answer(token, method, params, "json")
        elif "multipart" in content_type:
            form: dict[str, Any] = {k: v[-1].decode() for k, v in self.request.body_arguments.items()}
            # An uploaded file is a part of its own: the parameter names it directly, or as attach://name.
            for name, parts in self.request.files.items():
                part = parts[-1]
                upload = {"filename": part["filename"], "content_type": part["content_type"], "data": part["body"]}
                for key, value in list(form.items()):
                    if value == f"attach://{name}":
                        form[key] = upload
                form.setdefault(name, upload)
            await self._answer(token, method, form, "multipart")
        else:
            await self._answer(token, method, {k: v[-1] for k, v in parse_qs(self.request.body.decode()).items()})

    async def _answer(self, token: str, method: str, params: dict[str, Any], body_kind: str = "form") -> None:
        if token != self.fake.token or self.fake.revoked:
            status, body = 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        else:
            status, body = await self.fake.call(method, _decode(params), body_kind)
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(body))


def _decode(params: dict[str, Any]) -> dict[str, Any]:
    """PTB sends each parameter form-encoded, with objects and lists as JSON strings."""
    decoded: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, str) and value[:1] in "[{":
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                pass
        decoded[key] = value
    return decoded
