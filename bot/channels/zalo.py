"""Zalo through the Zalo Bot Platform's HTTP API, on httpx: updates become Incoming, replies become
sendMessage calls. No conversation logic lives here.

The API is Telegram-like (`{base}/bot<TOKEN>/<method>`, replies `{ok, result, description,
error_code}`), with differences that shape this adapter (docs/zalo.md says which were checked where):
ids are strings; getUpdates returns at most one update per call, takes no offset, and answers 408 when
nothing came in; there are no buttons, callbacks or location messages, so choices are a numbered list
and a location is a typed place; text is 1–2,000 characters; content from protected users arrives as
`message.unsupported.received` with nothing in it. The webhook's secret comes in
`X-Bot-Api-Secret-Token`.

A send's error is read by the platform's documented codes (docs/zalo.md, "Errors"): 403 is the
platform's internal server error and 429 its quota, so neither says anything about the person; only a
404 for a chat while getMe answers marks them unreachable. sendMessage has no silent flag, so every
message notifies (docs/privacy.md says what that means for a discreet person).

A webhook update is answered 200 only once it is stored, and 503 when it cannot be (a full disk, a write
error), so Zalo delivers it again. A polled update is Zalo's no longer once handed out (getUpdates takes
no offset), so one that cannot be stored is held in memory and tried again with backoff, and polling
waits until it is stored. A token refused while running (401, on a poll or a send) stops the
channel for good: the process exits with one sentence, as it does at start, instead of running deaf.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

from bot.channels.base import (
    QUOTA_ATTEMPTS,
    Capabilities,
    ChatUnreachable,
    DeliveryFailed,
    MessageRefused,
    PlatformSettings,
    QuotaExceeded,
    StartupFailed,
)
from bot.channels.render import numbered_choices, split_text
from bot.core import stored_hook
from bot.messages import Incoming, Reply
from bot.store.base import StoreUnavailable
from bot.web import BadBody, NotStored, WebhookRoute, WebServer

log = logging.getLogger(__name__)
TEXT_LIMIT = 2000
WEBHOOK_PATH = "/zalo"
SECRET_HEADER = "X-Bot-Api-Secret-Token"  # noqa: S105 - a header name, not a secret
CONCURRENT_UPDATES = 64
EVENT_TEXT = "message.text.received"
# Events whose message the bot cannot read: said kindly, never ignored.
EVENT_UNSUPPORTED = {
    "message.image.received": "photo",
    "message.sticker.received": "sticker",
    "message.unsupported.received": "protected",
}
REFUSED_WHILE_RUNNING = (
    "ZALO_BOT_TOKEN was refused by Zalo (401) while the bot was running, so it was revoked or replaced: put the "
    "current token from the Zalo Bot Manager in ZALO_BOT_TOKEN and start the bot again")
# What failing to store an update looks like: the database cannot be written now.
NOT_STORED = (sqlite3.OperationalError, OSError, StoreUnavailable)
MAX_STORE_PAUSE_SECONDS = 30.0  # the longest wait between tries to store a polled update
# How long sends to Zalo pause after a 429 ("Quota exceeded"): the allowance does not come back in seconds.
QUOTA_PAUSE_SECONDS = 600.0


class ZaloApiError(Exception):
    def __init__(self, status: int, error_code: int | None, description: str) -> None:
        super().__init__(f"{status} {error_code}: {description}")
        self.status, self.error_code, self.description = status, error_code, description

    @property
    def code(self) -> int:
        return self.error_code or self.status


@dataclass(frozen=True)
class ZaloSettings(PlatformSettings):
    base_url: str = "https://bot-api.zaloplatforms.com"
    webhook_port: int = 8444
    poll_timeout_seconds: int = 30


class ZaloApi:
    """The Bot API's calls, one method each; errors as ZaloApiError, network trouble as httpx's."""

    def __init__(self, settings: ZaloSettings) -> None:
        base = settings.base_url.rstrip("/").removesuffix("/bot")
        self._prefix = f"{base}/bot{settings.token}/"
        self._client = httpx.AsyncClient(timeout=httpx.Timeout(10.0, read=settings.poll_timeout_seconds + 10))

    async def call(self, method: str, **params: Any) -> Any:
        response = await self._client.post(self._prefix + method, json=params)
        try:
            body = response.json()
        except ValueError:
            raise ZaloApiError(response.status_code, None, "not JSON") from None
        if response.status_code != 200 or not isinstance(body, dict) or not body.get("ok"):
            body = body if isinstance(body, dict) else {}
            code = body.get("error_code")
            raise ZaloApiError(response.status_code, code if isinstance(code, int) else None,
                               str(body.get("description", "")))
        return body.get("result")

    async def close(self) -> None:
        await self._client.aclose()


class ZaloChannel:
    name = "zalo"
    # No silent send: a neutral line before the text would not keep the text off the lock screen, so what
    # could tell is kept until the person writes.
    capabilities = Capabilities(buttons=False, location=False, max_text=TEXT_LIMIT, discreet_notice=False,
                                keeps_unasked=True)

    def __init__(
        self,
        settings: ZaloSettings,
        handle: Callable[[Incoming], Awaitable[object]],
        set_reachable: Callable[[str, str, bool], Awaitable[None]],
        on_sent: Callable[[int], Awaitable[object]] | None = None,
    ) -> None:
        self._settings = settings
        self._handle = handle
        self._set_reachable = set_reachable
        self._on_sent = on_sent
        self.api = ZaloApi(settings)
        self._poller: asyncio.Task[None] | None = None
        self._web: WebServer | None = None
        self._working: set[asyncio.Task[None]] = set()
        self._slots = asyncio.Semaphore(CONCURRENT_UPDATES)
        self._failed = asyncio.Event()
        self.failure: StartupFailed | None = None
        self._storable = asyncio.Event()  # cleared while a polled update waits to be stored: no new poll
        self._storable.set()

    @property
    def polls(self) -> bool:
        """Whether this channel fetches its updates (one process only) rather than being sent them."""
        return self._settings.mode != "webhook"

    async def start(self) -> None:
        await self._get_me_with_retry()
        if self._settings.mode == "webhook":
            url, secret = self._settings.webhook_url, self._settings.webhook_secret
            assert url and secret
            self._web = WebServer(self._settings.webhook_listen, self._settings.webhook_port)
            self._web.add(WebhookRoute(WEBHOOK_PATH, SECRET_HEADER, secret, self._accept_webhook))
            self._web.start()
            await self.api.call("setWebhook", url=url, secret_token=secret)
        else:
            # getUpdates does not work while a webhook is set.
            await self.api.call("deleteWebhook")
            self._poller = asyncio.create_task(self._poll(), name="zalo-poll")
        log.info("zalo channel started (%s)", self._settings.mode)

    async def wait_failed(self) -> StartupFailed:
        """Returns, with the sentence to stop on, once the channel cannot go on (Zalo refused the token
        while running): a process that can neither receive nor send must end, so that its supervisor
        restarts it or alerts someone."""
        await self._failed.wait()
        assert self.failure is not None
        return self.failure

    def _fail(self, reason: str) -> None:
        if self.failure is None:
            self.failure = StartupFailed(reason)
            self._failed.set()
            if self._poller is not None and self._poller is not asyncio.current_task():
                self._poller.cancel()

    async def stop(self) -> None:
        if self._poller is not None:
            self._poller.cancel()
            await asyncio.gather(self._poller, return_exceptions=True)
            self._poller = None
        if self._web is not None:
            await self._web.stop()
        if self._working:
            await asyncio.gather(*self._working, return_exceptions=True)
        await self.api.close()

    async def _get_me_with_retry(self) -> None:
        attempt = 0
        while True:
            attempt += 1
            try:
                await self.api.call("getMe")
                return
            except ZaloApiError as exc:
                if exc.code in (401, 404):  # 403 is Zalo's internal server error: tried again below
                    await self.api.close()
                    raise StartupFailed(
                        f"ZALO_BOT_TOKEN was refused by Zalo ({exc.code}); copy it again from the Zalo Bot Manager"
                        + (" and check ZALO_API_BASE_URL" if exc.code == 404 else "")
                    ) from None
                problem = f"{exc.code}"
            except httpx.HTTPError as exc:
                problem = exc.__class__.__name__
            if self._settings.max_attempts and attempt >= self._settings.max_attempts:
                await self.api.close()
                raise StartupFailed(
                    f"the Zalo Bot API at {self._settings.base_url} could not be reached after {attempt} "
                    f"attempts ({problem}); check ZALO_API_BASE_URL and the network"
                )
            delay = min(60.0, self._settings.retry_base_seconds * 2 ** (attempt - 1))
            log.warning("Zalo Bot API unreachable (%s); retry %d in %.1fs", problem, attempt, delay)
            await asyncio.sleep(delay)

    async def _poll(self) -> None:
        failures = 0
        while True:
            await self._storable.wait()
            try:
                result = await self.api.call("getUpdates", timeout=str(self._settings.poll_timeout_seconds))
                failures = 0
            except ZaloApiError as exc:
                if exc.code == 408:  # nothing came in during the timeout
                    continue
                if exc.code == 401:
                    self._fail(REFUSED_WHILE_RUNNING)
                    return
                failures += 1
                _log_poll_refusal(exc)
            except httpx.HTTPError as exc:
                failures += 1
                log.warning("zalo getUpdates failed (%s)", exc.__class__.__name__)
            else:
                for update in result if isinstance(result, list) else [result]:
                    if isinstance(update, dict):
                        await self._dispatch(update)
                continue
            await asyncio.sleep(min(30.0, self._settings.retry_base_seconds * 2 ** min(failures, 5)))

    async def _dispatch(self, update: dict[str, Any]) -> None:
        """Handle an update without waiting for it, up to CONCURRENT_UPDATES at once (the core keeps
        each chat's messages in order)."""
        incoming = to_incoming(update)
        if incoming is None:
            return
        await self._slots.acquire()
        task = asyncio.create_task(self._handle_one(incoming))
        self._working.add(task)
        task.add_done_callback(self._working.discard)

    async def _handle_one(self, incoming: Incoming) -> None:
        try:
            await self._store_polled(incoming)
        except Exception:
            # Ids only: the text may hold health information.
            log.exception("error while handling zalo message %s", incoming.event_id)
        finally:
            self._slots.release()

    async def _store_polled(self, incoming: Incoming) -> None:
        """Handle a polled update, trying again with backoff while the database cannot be written (Zalo
        will not deliver it again); no new poll goes out meanwhile."""
        attempt = 0
        while True:
            stored = False

            def on_stored() -> None:
                nonlocal stored
                stored = True

            hooked = stored_hook.set(on_stored)
            try:
                await self._handle(incoming)
                break
            except NOT_STORED as exc:
                if stored:
                    log.error("error after storing zalo message %s (%s)", incoming.event_id, exc.__class__.__name__)
                    break
                attempt += 1
                self._storable.clear()
                delay = min(MAX_STORE_PAUSE_SECONDS, self._settings.retry_base_seconds * 2 ** min(attempt, 6))
                log.error("zalo message %s not stored (%s); held, trying again in %.1fs", incoming.event_id,
                          exc.__class__.__name__, delay)
                await asyncio.sleep(delay)
            finally:
                stored_hook.reset(hooked)
        if attempt:
            self._storable.set()

    async def _accept_webhook(self, body: dict[str, Any]) -> None:
        # Some senders wrap the update as {"ok": true, "result": {...}}, as getUpdates does.
        wrapped = body.get("result")
        update: dict[str, Any] = wrapped if isinstance(wrapped, dict) else body
        if not isinstance(update.get("event_name"), str) or not isinstance(update.get("message"), dict):
            raise BadBody("no event_name or message")
        incoming = to_incoming(update)
        if incoming is None:
            if update["event_name"] in (EVENT_TEXT, *EVENT_UNSUPPORTED) and _is_private(update["message"]):
                raise BadBody("message without ids")
            return
        # Handled before the 200: if the process dies first, Zalo sends it again and the core's inbox
        # makes the second delivery a no-op.
        stored = False

        def on_stored() -> None:
            nonlocal stored
            stored = True

        hooked = stored_hook.set(on_stored)
        try:
            await self._handle(incoming)
        except NOT_STORED as exc:
            if stored:  # its turn is in the database; a delivery again would be a replay
                log.error("error after storing a zalo update (%s)", exc.__class__.__name__)
                return
            log.error("zalo update not stored (%s); answered 503 so that Zalo delivers it again",
                      exc.__class__.__name__)
            raise NotStored(exc.__class__.__name__) from None
        finally:
            stored_hook.reset(hooked)

    async def probe(self) -> bool:
        """One getMe: True when Zalo answers it (the platform is up and takes the token)."""
        try:
            await self.api.call("getMe")
        except (ZaloApiError, httpx.HTTPError):
            return False
        return True

    async def send(self, chat_id: str, reply: Reply) -> None:
        """Every message notifies: Zalo's sendMessage has no silent flag, so `reply.silent` cannot be
        honoured (the capabilities say so, and the sender sends no neutral line here)."""
        for piece in split_text(render(reply), TEXT_LIMIT):
            try:
                await self.api.call("sendMessage", chat_id=chat_id, text=piece)
            except ZaloApiError as exc:
                raise await self._send_failure(exc) from None
            except httpx.HTTPError as exc:
                raise DeliveryFailed(exc.__class__.__name__) from None
            if self._on_sent is not None:
                await self._on_sent(1)

    async def _send_failure(self, exc: ZaloApiError) -> Exception:
        """What a refused sendMessage means, by the documented codes (docs/zalo.md, "Errors"): retry,
        the person is unreachable, or give this message up. The log names the code and Zalo's
        description, never the text."""
        code, why = exc.code, exc.description
        if code == 400:
            log.error("zalo refused a message as a bad request (400: %s); dropped, not retried", why)
            return MessageRefused(f"zalo 400: {why}")
        if code == 401:  # the message waits in the outbox for the restart with a good token
            self._fail(REFUSED_WHILE_RUNNING)
            return DeliveryFailed(f"zalo 401: {why}")
        if code == 403:  # "Internal server error": Zalo's fault, not the person's
            return DeliveryFailed(f"zalo 403 (internal server error): {why}")
        if code == 404:
            # "Not found": a chat that is gone, when the platform itself answers; else the platform's.
            if await self.probe():
                log.info("zalo does not find a chat (404: %s) while getMe answers; the person is unreachable", why)
                return ChatUnreachable(f"zalo 404: {why}")
            return DeliveryFailed(f"zalo 404 and getMe does not answer: {why}")
        if code == 408:
            return DeliveryFailed(f"zalo 408 (request timeout): {why}")
        if code == 429:
            log.warning("zalo: quota exceeded (429: %s); sends to Zalo pause %ds, and a message refused %d times "
                        "is given up", why, round(QUOTA_PAUSE_SECONDS), QUOTA_ATTEMPTS)
            return QuotaExceeded(f"zalo 429 (quota exceeded): {why}", retry_after=QUOTA_PAUSE_SECONDS)
        if code >= 500:
            return DeliveryFailed(f"zalo {code}: {why}")
        log.error("zalo answered a send with an undocumented error (%s: %s); dropped, not retried", code, why)
        return MessageRefused(f"zalo {code}: {why}")


# What a refused getUpdates means, by the documented codes (docs/zalo.md, "Errors"). Every one but 401
# (which stops the channel) is polled again with backoff; those at ERROR only the operator can fix.
_POLL_REFUSALS = {
    400: (logging.ERROR, "a bad request (400): the API path or method is wrong; check ZALO_API_BASE_URL"),
    403: (logging.WARNING, "Zalo's internal server error (403)"),
    404: (logging.ERROR, "not found (404): check ZALO_API_BASE_URL and ZALO_BOT_TOKEN"),
    429: (logging.WARNING, "quota exceeded (429)"),
}


def _log_poll_refusal(exc: ZaloApiError) -> None:
    level, meaning = _POLL_REFUSALS.get(exc.code, (logging.WARNING, f"error {exc.code}"))
    log.log(level, "zalo getUpdates refused: %s; polling again with backoff", meaning)


def render(reply: Reply) -> str:
    """Choices as a numbered list (answered by number or words); Zalo has no buttons."""
    return numbered_choices(reply)


def to_incoming(update: dict[str, Any]) -> Incoming | None:
    """The neutral form of a Zalo update, or None for what the bot does not take (groups, other events)."""
    message = update.get("message")
    event = update.get("event_name")
    if not isinstance(message, dict) or not isinstance(event, str):
        return None
    sender, chat = message.get("from") or {}, message.get("chat") or {}
    user_id, chat_id, message_id = sender.get("id"), chat.get("id"), message.get("message_id")
    if not all(isinstance(v, (str, int)) and str(v) for v in (user_id, chat_id, message_id)):
        return None
    if not _is_private(message):
        return None
    ids = ("zalo", str(user_id), str(chat_id), str(message_id))
    if event == EVENT_TEXT:
        text = message.get("text")
        return Incoming(*ids, text=text) if isinstance(text, str) else Incoming(*ids, unsupported="empty")
    if event in EVENT_UNSUPPORTED:
        return Incoming(*ids, unsupported=EVENT_UNSUPPORTED[event])
    return None


def _is_private(message: dict[str, Any]) -> bool:
    chat = message.get("chat") or {}
    return isinstance(chat, dict) and str(chat.get("chat_type", "PRIVATE")).upper() == "PRIVATE"
