"""Telegram through python-telegram-bot, used as the transport only: updates become Incoming, replies
become sendMessage calls. No conversation logic lives here.

Long polling by default; webhook mode on request (bot/web.py, which refuses a request without the
right X-Telegram-Bot-Api-Secret-Token with 403 and a malformed body with 400). The Bot API base URL
is configurable for a self-hosted Bot API server, and for the fake server the tests run on 127.0.0.1.

Telegram is told an update arrived only once it is stored (the core's inbox row, `stored_hook`): a
crash before that leaves it with Telegram, which delivers it again. In polling mode that is what
getUpdates' offset says, so the channel polls itself instead of through PTB's Updater (which moves the
offset past a batch as soon as it is queued) and keeps the offset at the oldest update not yet stored
(`_Intake`). In webhook mode the answer is 200 only once the update is stored, and 503 when it cannot
be (a full disk, a write error). A token refused while running (401) stops the channel for good:
`wait_failed` says why, and the process ends with that sentence instead of running deaf.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from telegram import (
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application, ApplicationBuilder
from telegram.request import HTTPXRequest

from bot.channels.base import Capabilities, ChatUnreachable, DeliveryFailed, PlatformSettings, StartupFailed
from bot.channels.render import split_text
from bot.channels.telegram_request import JsonHTTPXRequest
from bot.core import stored_hook
from bot.messages import Incoming, Location, Reply
from bot.store.base import StoreUnavailable
from bot.web import BadBody, Limits, NotStored, ThrottledLog, WebhookRoute, WebServer

log = logging.getLogger(__name__)
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024  # a document's or photo's caption
ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]
WEBHOOK_PATH = "/telegram"
CONNECTIONS = 8
# Chats handled at once. More only lengthens each pass of the event loop: 16 handled more updates a
# second than 64 on the benchmark machine, and a reply the platform took but whose answer still
# waits for its turn in the loop is one that a crash sends twice (docs/benchmarks.md).
CONCURRENT_UPDATES = 16
BATCH = 100  # getUpdates' largest batch
# While updates are being stored a poll would only get them back, so the next one waits until they
# are, or this long (an update whose chat is still sending its earlier replies is stored later).
STORE_PATIENCE_SECONDS = 0.5
MAX_PAUSE_SECONDS = 30.0  # the longest wait between tries while the database cannot be written
REFUSED_WHILE_RUNNING = (
    "TELEGRAM_BOT_TOKEN was refused by Telegram (401 Unauthorized) while the bot was running, so it was revoked or "
    "replaced: put the current token from @BotFather in TELEGRAM_BOT_TOKEN and start the bot again")
# What failing to store an update looks like, as opposed to a turn that fails the same way each time:
# the database cannot be written now (a full disk, an I/O error, a lock held too long).
NOT_STORED = (sqlite3.OperationalError, OSError, StoreUnavailable)

@dataclass(frozen=True)
class TelegramSettings(PlatformSettings):
    """Telegram's defaults are the base ones (webhook port 8443, 10-second long polls); the webhook
    server's limits are bot/web.py's."""

    webhook_limits: Limits = field(default_factory=Limits)
    # How long a Bot API call may wait for its answer; None: the long poll's timeout and 10 seconds. A
    # sendMessage that times out may still have gone out, and is sent again (at least once).
    send_timeout_seconds: float | None = None


class _Intake:
    """Which fetched updates Telegram may be told about. getUpdates' offset confirms every update below
    it, so the offset stays at the oldest update not yet stored; updates stored above it are skipped
    when a poll returns them again."""

    def __init__(self) -> None:
        self.next_id: int | None = None  # one past the newest update taken
        self.pending: set[int] = set()  # taken, not stored yet
        self.failed: set[int] = set()  # could not be stored: taken again when a poll returns them
        self._stored_above: set[int] = set()
        self.all_stored = asyncio.Event()
        self.all_stored.set()

    def offset(self) -> int | None:
        low = min(self.pending | self.failed, default=None)
        self._stored_above = {i for i in self._stored_above if low is not None and i > low}
        return self.next_id if low is None else low

    def take(self, update_id: int) -> bool:
        """Whether to handle this update: not while it is under way, nor again once stored."""
        if update_id in self.pending or update_id in self._stored_above:
            return False
        self.failed.discard(update_id)
        self.pending.add(update_id)
        self.all_stored.clear()
        if self.next_id is None or update_id >= self.next_id:
            self.next_id = update_id + 1
        return True

    def stored(self, update_id: int) -> None:
        if update_id in self.pending:
            self.pending.discard(update_id)
            self._stored_above.add(update_id)
            self._settle()

    def not_stored(self, update_id: int) -> None:
        if update_id in self.pending:
            self.pending.discard(update_id)
            self.failed.add(update_id)
            self._settle()

    def _settle(self) -> None:
        if not self.pending:
            self.all_stored.set()


class TelegramChannel:
    name = "telegram"
    capabilities = Capabilities(buttons=True, location=True, max_text=TEXT_LIMIT, files=True)

    def __init__(
        self,
        settings: TelegramSettings,
        handle: Callable[[Incoming], Awaitable[object]],
        set_reachable: Callable[[str, str, bool], Awaitable[None]],
    ) -> None:
        self._settings = settings
        self._handle = handle
        self._set_reachable = set_reachable
        self._public_commands: dict[str, tuple[tuple[str, str], ...]] = {}  # given by the core (use_commands)
        base_url = settings.base_url.rstrip("/")
        # httpx spends CPU per pooled connection on every request: 8 connections sent about four times as
        # many messages a second as 64 on the benchmark machine (docs/benchmarks.md).
        # Replies go as JSON bodies, a third of the bytes of PTB's form for Vietnamese text.
        request = JsonHTTPXRequest(connection_pool_size=CONNECTIONS, pool_timeout=30.0,
                                   read_timeout=settings.send_timeout_seconds or settings.poll_timeout_seconds + 10)
        polling = HTTPXRequest(read_timeout=settings.poll_timeout_seconds + 10)
        self._requests = (request, polling)
        # The Application holds the Bot and its requests; updates do not go through it (see above).
        self.app: Application = (
            ApplicationBuilder()
            .token(settings.token)
            .base_url(base_url if base_url.endswith("/bot") else base_url + "/bot")
            .request(request)
            .get_updates_request(polling)
            .build()
        )
        self._web: WebServer | None = None
        self._intake = _Intake()
        self._poller: asyncio.Task[None] | None = None
        self._working: set[asyncio.Task[None]] = set()
        self._slots = asyncio.Semaphore(CONCURRENT_UPDATES)
        # Each chat's updates waiting for their turn, in order: a chat that sends many at once takes one
        # of the slots, not all of them.
        self._queues: dict[tuple[str, int], deque[tuple[Update, asyncio.Future[None] | None]]] = {}
        self._not_stored = 0  # pauses in a row because updates could not be stored
        self._paused_until = 0.0  # loop time before which no poll goes out (the database cannot be written)
        self._failed = asyncio.Event()
        self.failure: StartupFailed | None = None
        self._errors = ThrottledLog(log)

    @property
    def polls(self) -> bool:
        """Whether this channel fetches its updates (one process only) rather than being sent them."""
        return self._settings.mode != "webhook"

    async def start(self) -> None:
        try:
            await self._initialize_with_retry()
        except StartupFailed:
            for request in self._requests:  # PTB closes them only once initialized
                await request.shutdown()
            raise
        await self._register_commands()
        if self._settings.mode == "webhook":
            assert self._settings.webhook_url and self._settings.webhook_secret
            self._web = WebServer(self._settings.webhook_listen, self._settings.webhook_port,
                                  self._settings.webhook_limits)
            self._web.add(WebhookRoute(WEBHOOK_PATH, "X-Telegram-Bot-Api-Secret-Token",
                                       self._settings.webhook_secret, self._accept_webhook))
            self._web.start()
            await self.app.bot.set_webhook(self._settings.webhook_url, secret_token=self._settings.webhook_secret,
                                           allowed_updates=ALLOWED_UPDATES)
        else:
            await self.app.bot.delete_webhook()  # getUpdates answers 409 while a webhook is set
            self._poller = asyncio.create_task(self._poll(), name="telegram-poll")
        log.info("telegram channel started (%s)", self._settings.mode)

    @property
    def web(self) -> WebServer | None:
        """The webhook server, in webhook mode."""
        return self._web

    async def wait_failed(self) -> StartupFailed:
        """Returns, with the sentence to stop on, once the channel cannot go on (Telegram refused the
        token while running): a process that can neither receive nor send must end, so that its
        supervisor restarts it or alerts someone, instead of running deaf."""
        await self._failed.wait()
        assert self.failure is not None
        return self.failure

    def _fail(self, reason: str) -> None:
        if self.failure is None:
            self.failure = StartupFailed(reason)
            self._failed.set()
            if self._poller is not None and self._poller is not asyncio.current_task():
                self._poller.cancel()

    async def _accept_webhook(self, body: dict[str, object]) -> None:
        """Returns once the update is stored (the 200 says so); raises NotStored when it cannot be."""
        try:
            update = Update.de_json(body, self.app.bot)
        except (KeyError, TypeError, ValueError) as exc:
            raise BadBody(exc.__class__.__name__) from None
        if update is None or not isinstance(body.get("update_id"), int):
            raise BadBody("no update_id")
        stored: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        await self._dispatch(update, stored)
        await stored

    async def stop(self) -> None:
        """Take no more updates, finish those under way, and tell Telegram which are stored."""
        polling = self._poller is not None
        if self._poller is not None:
            self._poller.cancel()
            await asyncio.gather(self._poller, return_exceptions=True)
            self._poller = None
        if self._web is not None:
            await self._web.stop()
        if self._working:
            await asyncio.gather(*self._working, return_exceptions=True)
        if polling and self.failure is None:
            await self._confirm_stored()
        await self.app.shutdown()

    async def _confirm_stored(self) -> None:
        """One last poll whose offset confirms what was stored, so the next start does not fetch it again
        (it would be a replay, refused by the inbox, but it costs a turn)."""
        offset = self._intake.offset()
        if offset is None:
            return
        with contextlib.suppress(TelegramError):
            await self.app.bot.get_updates(offset=offset, limit=1, timeout=0, read_timeout=2,
                                           allowed_updates=ALLOWED_UPDATES)

    async def _poll(self) -> None:
        failures = 0
        while True:
            await self._ready_to_poll()
            try:
                updates = await self.app.bot.get_updates(
                    offset=self._intake.offset(), limit=BATCH, timeout=self._settings.poll_timeout_seconds,
                    allowed_updates=ALLOWED_UPDATES)
            except InvalidToken:
                self._fail(REFUSED_WHILE_RUNNING)
                return
            except RetryAfter as exc:
                await asyncio.sleep(_seconds(exc.retry_after))
                continue
            except TelegramError as exc:  # the network, Telegram's 5xx, 409 (another poller or a webhook)
                failures += 1
                delay = min(MAX_PAUSE_SECONDS, self._settings.retry_base_seconds * 2 ** min(failures, 6))
                self._errors.warning("telegram getUpdates failed (%s: %s); retrying", exc.__class__.__name__, exc)
                await asyncio.sleep(delay)
                continue
            failures = 0
            for update in updates:
                if self._intake.take(update.update_id):
                    await self._dispatch(update)

    async def _ready_to_poll(self) -> None:
        loop = asyncio.get_running_loop()
        if self._paused_until > loop.time():
            await asyncio.sleep(self._paused_until - loop.time())
        if not self._intake.all_stored.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._intake.all_stored.wait(), STORE_PATIENCE_SECONDS)

    async def _dispatch(self, update: Update, stored: asyncio.Future[None] | None = None) -> None:
        """Handle an update without waiting for it: each chat's in order, CONCURRENT_UPDATES chats at once."""
        chat = update.effective_chat
        key = ("chat", chat.id) if chat is not None else ("update", update.update_id)
        queue = self._queues.get(key)
        if queue is not None:
            queue.append((update, stored))
            return
        self._queues[key] = deque([(update, stored)])
        task = asyncio.create_task(self._run_chat(key))
        self._working.add(task)
        task.add_done_callback(self._working.discard)

    async def _run_chat(self, key: tuple[str, int]) -> None:
        queue = self._queues[key]
        try:
            while queue:
                update, stored = queue[0]
                async with self._slots:
                    await self._handle_update(update, stored)
                queue.popleft()
        finally:
            del self._queues[key]

    async def _handle_update(self, update: Update, stored: asyncio.Future[None] | None) -> None:
        update_id = update.update_id
        done = False

        def on_stored() -> None:
            nonlocal done
            if done:
                return
            done = True
            self._intake.stored(update_id)
            self._not_stored = 0
            if stored is not None and not stored.done():
                stored.set_result(None)

        hooked = stored_hook.set(on_stored)
        try:
            await self._on_update(update)
        except NOT_STORED as exc:
            if not done:  # its turn never reached the database
                self._intake.not_stored(update_id)
                self._pause_polling()
                self._errors.error("telegram update not stored (%s: %s); left with Telegram to deliver again",
                                   exc.__class__.__name__, exc)
                if stored is not None and not stored.done():
                    stored.set_exception(NotStored(exc.__class__.__name__))
                return
            self._errors.error("error after storing a telegram update (%s)", exc.__class__.__name__, exc_info=exc)
        except Exception as exc:
            # Ids and kinds only: the update may hold health information. A turn that fails this way would
            # fail again, so the update counts as handled rather than holding every later one back.
            self._errors.error("error while handling telegram update %s", update_id, exc_info=exc)
        finally:
            stored_hook.reset(hooked)
        on_stored()  # updates that keep no inbox row (a block, a group message) are done here

    def _pause_polling(self) -> None:
        """The database cannot be written: poll again only after a pause, doubling while it lasts (the
        updates that fail together during one pause count once)."""
        now = asyncio.get_running_loop().time()
        if now < self._paused_until:
            return
        self._not_stored += 1
        delay = min(MAX_PAUSE_SECONDS, self._settings.retry_base_seconds * 2 ** min(self._not_stored, 6))
        self._paused_until = now + delay

    async def _initialize_with_retry(self) -> None:
        attempt = 0
        while True:
            attempt += 1
            try:
                await self.app.initialize()
                return
            except InvalidToken:
                raise StartupFailed(
                    "TELEGRAM_BOT_TOKEN was refused by Telegram (401 Unauthorized): copy it again from @BotFather"
                ) from None
            except (NetworkError, OSError) as exc:
                if self._settings.max_attempts and attempt >= self._settings.max_attempts:
                    raise StartupFailed(
                        f"the Telegram Bot API at {self._settings.base_url} could not be reached after "
                        f"{attempt} attempts ({exc.__class__.__name__}); check TELEGRAM_API_BASE_URL and the network"
                    ) from None
                delay = min(60.0, self._settings.retry_base_seconds * 2 ** (attempt - 1))
                log.warning("Telegram Bot API unreachable (%s: %s); retry %d in %.1fs",
                            exc.__class__.__name__, exc, attempt, delay)
                await asyncio.sleep(delay)

    def use_commands(self, public: Mapping[str, tuple[tuple[str, str], ...]]) -> None:
        """The public "/" menu per language, given by the core before `start` registers it."""
        self._public_commands = dict(public)

    async def _register_commands(self) -> None:
        bot = self.app.bot
        for locale, commands in self._public_commands.items():
            listed = [BotCommand(name, description) for name, description in commands]
            await bot.set_my_commands(listed, language_code=locale)
            if locale == "vi":
                await bot.set_my_commands(listed)  # the default for every other language

    async def show_commands(self, chat_id: str, commands: tuple[tuple[str, str], ...] | None) -> None:
        """A staff member's chat gets their commands in its "/" menu; anyone else's (None) goes back to the
        public list. A failure costs only the menu (the commands work typed), so it is logged, not raised."""
        scope = BotCommandScopeChat(int(chat_id))
        try:
            if commands is None:
                await self.app.bot.delete_my_commands(scope=scope)
                return
            await self.app.bot.set_my_commands([BotCommand(name, text) for name, text in commands], scope=scope)
        except TelegramError as exc:
            log.warning("command menu for a chat not updated: %s: %s", exc.__class__.__name__, exc)

    async def _on_update(self, update: Update) -> None:
        member = update.my_chat_member
        if member is not None:
            if member.chat.type == "private":
                status = member.new_chat_member.status
                await self._set_reachable(self.name, str(member.from_user.id), status not in ("kicked", "left"))
            return
        incoming = to_incoming(update)
        query = update.callback_query
        try:
            if incoming is not None:
                await self._handle(incoming)
        finally:
            if query is not None:
                try:
                    await query.answer()
                except TelegramError as exc:  # an old query can no longer be answered; nothing is lost
                    log.info("callback answer failed: %s", exc)

    async def probe(self) -> bool:
        """One getMe: True when Telegram answers it (the platform is up and takes the token)."""
        try:
            await self.app.bot.get_me()
        except TelegramError:
            return False
        return True

    async def send(self, chat_id: str, reply: Reply) -> None:
        if reply.attachment is not None:
            await self._send_file(chat_id, reply)
            return
        pieces = split_text(reply.text, TEXT_LIMIT)
        for index, piece in enumerate(pieces):
            last = index == len(pieces) - 1
            markup = _markup(reply) if last else None
            if not await self._deliver(self.app.bot.send_message(
                    chat_id=int(chat_id), text=piece, reply_markup=markup, disable_notification=reply.silent)):
                return

    async def _send_file(self, chat_id: str, reply: Reply) -> None:
        """sendDocument or sendPhoto, as a multipart upload, the reply's text its caption (one caption
        holds 1,024 characters: a longer text goes before the file as its own message)."""
        attachment = reply.attachment
        assert attachment is not None
        caption: str | None = reply.text
        if len(reply.text) > CAPTION_LIMIT:
            await self.send(chat_id, Reply(reply.text, silent=reply.silent))
            caption = None
        upload = InputFile(attachment.data, filename=attachment.name)
        if attachment.kind == "photo":
            await self._deliver(self.app.bot.send_photo(chat_id=int(chat_id), photo=upload, caption=caption,
                                                        reply_markup=_markup(reply),
                                                        disable_notification=reply.silent))
        else:
            await self._deliver(self.app.bot.send_document(chat_id=int(chat_id), document=upload, caption=caption,
                                                           reply_markup=_markup(reply),
                                                           disable_notification=reply.silent))

    async def _deliver(self, call: Awaitable[object]) -> bool:
        """One Bot API call that sends something, its failures told apart (docs/architecture.md,
        "Delivery and failure"); False when Telegram refused it as malformed (dropped: retrying cannot help)."""
        try:
            await call
        except Forbidden as exc:
            raise ChatUnreachable(str(exc)) from None
        except RetryAfter as exc:
            raise DeliveryFailed("rate limited", retry_after=_seconds(exc.retry_after)) from None
        except InvalidToken:
            # The token was revoked: the reply waits in the database for the restart this causes.
            self._fail(REFUSED_WHILE_RUNNING)
            raise DeliveryFailed("token refused") from None
        except BadRequest as exc:
            if "chat not found" in str(exc).lower():
                raise ChatUnreachable(str(exc)) from None
            # Our message was refused as malformed: retrying cannot help. Keep the evidence, not the text.
            log.error("telegram refused a message (%s); dropped", exc)
            return False
        except NetworkError as exc:
            raise DeliveryFailed(f"{exc.__class__.__name__}: {exc}") from None
        return True


def _seconds(retry_after: timedelta | float) -> float:
    return retry_after.total_seconds() if isinstance(retry_after, timedelta) else float(retry_after)


def _markup(reply: Reply) -> InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None:
    if reply.request_location:
        # A location button lives on the reply keyboard; the choices go there too, as typed answers.
        rows = [[KeyboardButton(reply.request_location, request_location=True)]]
        rows.extend([KeyboardButton(choice.label)] for choice in reply.choices)
        return ReplyKeyboardMarkup(rows, resize_keyboard=True, one_time_keyboard=True)
    if reply.choices:
        return InlineKeyboardMarkup([[InlineKeyboardButton(c.label, callback_data=c.key)] for c in reply.choices])
    return None


def to_incoming(update: Update) -> Incoming | None:
    """The neutral form of a Telegram update, or None for what the bot does not take (groups, edits)."""
    event_id = str(update.update_id)
    query = update.callback_query
    if query is not None:
        chat_id = query.message.chat.id if query.message is not None else query.from_user.id
        user = query.from_user
        if query.data is None:
            return Incoming("telegram", str(user.id), str(chat_id), event_id, unsupported="callback",
                            language_hint=user.language_code)
        return Incoming("telegram", str(user.id), str(chat_id), event_id, choice=query.data,
                        language_hint=user.language_code)
    message = update.message
    if message is None or message.chat.type != "private" or message.from_user is None:
        return None
    user = message.from_user
    ids = ("telegram", str(user.id), str(message.chat.id), event_id)
    if message.text is not None:
        return Incoming(*ids, text=message.text, language_hint=user.language_code)
    if message.location is not None:
        where = Location(message.location.latitude, message.location.longitude)
        return Incoming(*ids, location=where, language_hint=user.language_code)
    kind = "other"
    attachment = message.effective_attachment
    if attachment is not None:
        kind = type(attachment).__name__.lower() if not isinstance(attachment, tuple) else "photo"
    return Incoming(*ids, unsupported=kind, language_hint=user.language_code)
