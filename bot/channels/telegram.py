"""Telegram through python-telegram-bot, used as the transport only: updates become Incoming, replies
become sendMessage calls. No conversation logic lives here.

Long polling by default; webhook mode on request (bot/web.py, which refuses a request without the
right X-Telegram-Bot-Api-Secret-Token with 403 and a malformed body with 400). The Bot API base URL
is configurable for a self-hosted Bot API server, and for the fake server the tests run on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from telegram import (
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, TypeHandler
from telegram.request import HTTPXRequest

from bot.channels.base import Capabilities, ChatUnreachable, DeliveryFailed, PlatformSettings, StartupFailed
from bot.channels.render import split_text
from bot.channels.telegram_request import JsonHTTPXRequest
from bot.i18n import N_, Catalogs
from bot.messages import Incoming, Location, Reply
from bot.web import BadBody, WebhookRoute, WebServer

log = logging.getLogger(__name__)
TEXT_LIMIT = 4096
ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]
WEBHOOK_PATH = "/telegram"
CONNECTIONS = 8
CONCURRENT_UPDATES = 64

# Command names per language (Telegram allows a-z, 0-9 and _), each with its catalog description.
COMMANDS = {
    "vi": (("start", N_("cmd.start")), ("menu", N_("cmd.menu")), ("trogiup", N_("cmd.help")),
           ("riengtu", N_("cmd.privacy")), ("xoa", N_("cmd.delete")), ("ngonngu", N_("cmd.language"))),
    "en": (("start", N_("cmd.start")), ("menu", N_("cmd.menu")), ("help", N_("cmd.help")),
           ("privacy", N_("cmd.privacy")), ("delete", N_("cmd.delete")), ("language", N_("cmd.language"))),
}

# Added to a staff member's own chat menu (scope: that chat), after the public commands.
STAFF_COMMANDS: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {
    "counselor": {
        "vi": (("truc", N_("cmd.duty")), ("lichhen", N_("cmd.agenda")), ("gio", N_("cmd.hours")),
               ("nghi", N_("cmd.day_off")), ("nhom", N_("cmd.groups")), ("baocao", N_("cmd.reports")),
               ("ketthuc", N_("cmd.end_chat"))),
        "en": (("duty", N_("cmd.duty")), ("agenda", N_("cmd.agenda")), ("hours", N_("cmd.hours")),
               ("dayoff", N_("cmd.day_off")), ("groups", N_("cmd.groups")), ("reports", N_("cmd.reports")),
               ("end", N_("cmd.end_chat"))),
    },
    "volunteer": {"vi": (("lienket", N_("cmd.link")),), "en": (("link", N_("cmd.link")),)},
}


@dataclass(frozen=True)
class TelegramSettings(PlatformSettings):
    """Telegram's defaults are the base ones (webhook port 8443, 10-second long polls)."""


class TelegramChannel:
    name = "telegram"
    capabilities = Capabilities(buttons=True, location=True, max_text=TEXT_LIMIT)

    def __init__(
        self,
        settings: TelegramSettings,
        handle: Callable[[Incoming], Awaitable[object]],
        set_reachable: Callable[[str, str, bool], Awaitable[None]],
        catalogs: Catalogs,
    ) -> None:
        self._settings = settings
        self._handle = handle
        self._set_reachable = set_reachable
        self._catalogs = catalogs
        base_url = settings.base_url.rstrip("/")
        # httpx spends CPU per pooled connection on every request: 8 connections sent about four times as
        # many messages a second as 64 on the benchmark machine (docs/benchmarks.md).
        # Replies go as JSON bodies, a third of the bytes of PTB's form for Vietnamese text.
        request = JsonHTTPXRequest(connection_pool_size=CONNECTIONS, pool_timeout=30.0,
                                   read_timeout=settings.poll_timeout_seconds + 10)
        polling = HTTPXRequest(read_timeout=settings.poll_timeout_seconds + 10)
        self._requests = (request, polling)
        self.app: Application = (
            ApplicationBuilder()
            .token(settings.token)
            .base_url(base_url if base_url.endswith("/bot") else base_url + "/bot")
            .request(request)
            .get_updates_request(polling)
            .concurrent_updates(CONCURRENT_UPDATES)
            .build()
        )
        self._web: WebServer | None = None
        self.app.add_handler(TypeHandler(Update, self._on_update))
        self.app.add_error_handler(self._on_error)

    async def start(self) -> None:
        try:
            await self._initialize_with_retry()
        except StartupFailed:
            for request in self._requests:  # PTB closes them only once initialized
                await request.shutdown()
            raise
        await self._register_commands()
        updater = self.app.updater
        assert updater is not None
        if self._settings.mode == "webhook":
            assert self._settings.webhook_url and self._settings.webhook_secret
            self._web = WebServer(self._settings.webhook_listen, self._settings.webhook_port)
            self._web.add(WebhookRoute(WEBHOOK_PATH, "X-Telegram-Bot-Api-Secret-Token",
                                       self._settings.webhook_secret, self._accept_webhook))
            self._web.start()
            await self.app.bot.set_webhook(self._settings.webhook_url, secret_token=self._settings.webhook_secret,
                                           allowed_updates=ALLOWED_UPDATES)
        else:
            await updater.start_polling(
                allowed_updates=ALLOWED_UPDATES, timeout=self._settings.poll_timeout_seconds,
                error_callback=self._on_polling_error,
            )
        await self.app.start()
        log.info("telegram channel started (%s)", self._settings.mode)

    async def _accept_webhook(self, body: dict[str, object]) -> None:
        try:
            update = Update.de_json(body, self.app.bot)
        except (KeyError, TypeError, ValueError) as exc:
            raise BadBody(exc.__class__.__name__) from None
        if update is None or not isinstance(body.get("update_id"), int):
            raise BadBody("no update_id")
        await self.app.update_queue.put(update)

    async def stop(self) -> None:
        if self._web is not None:
            await self._web.stop()
        updater = self.app.updater
        if updater is not None and updater.running:
            await updater.stop()
        if self.app.running:
            await self.app.stop()
        await self.app.shutdown()

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

    async def _register_commands(self) -> None:
        bot = self.app.bot
        for locale, commands in COMMANDS.items():
            translate = self._catalogs.translator(locale)
            listed = [BotCommand(name, translate(key)) for name, key in commands]
            await bot.set_my_commands(listed, language_code=locale)
            if locale == "vi":
                await bot.set_my_commands(listed)  # the default for every other language

    async def show_commands(self, chat_id: str, role: str | None, locale: str) -> None:
        """A staff member's chat gets their commands in its "/" menu; anyone else's goes back to the
        public list. A failure costs only the menu (the commands work typed), so it is logged, not raised."""
        scope = BotCommandScopeChat(int(chat_id))
        staff = STAFF_COMMANDS.get(role or "")
        try:
            if staff is None:
                await self.app.bot.delete_my_commands(scope=scope)
                return
            language = locale if locale in COMMANDS else "vi"
            translate = self._catalogs.translator(language)
            listed = [BotCommand(name, translate(key)) for name, key in (*COMMANDS[language], *staff[language])]
            await self.app.bot.set_my_commands(listed, scope=scope)
        except TelegramError as exc:
            log.warning("command menu for a chat not updated: %s: %s", exc.__class__.__name__, exc)

    def _on_polling_error(self, error: TelegramError) -> None:
        log.warning("polling error: %s: %s", error.__class__.__name__, error)

    async def _on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
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

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        # Log kinds and ids only: the update may hold health information.
        update_id = getattr(update, "update_id", None)
        log.error("error while handling telegram update %s", update_id, exc_info=context.error)

    async def send(self, chat_id: str, reply: Reply) -> None:
        pieces = split_text(reply.text, TEXT_LIMIT)
        for index, piece in enumerate(pieces):
            last = index == len(pieces) - 1
            markup = _markup(reply) if last else None
            try:
                await self.app.bot.send_message(chat_id=int(chat_id), text=piece, reply_markup=markup)
            except Forbidden as exc:
                raise ChatUnreachable(str(exc)) from None
            except RetryAfter as exc:
                retry = exc.retry_after
                seconds = retry.total_seconds() if hasattr(retry, "total_seconds") else float(retry)
                raise DeliveryFailed("rate limited", retry_after=seconds) from None
            except BadRequest as exc:
                if "chat not found" in str(exc).lower():
                    raise ChatUnreachable(str(exc)) from None
                # Our message was refused as malformed: retrying cannot help. Keep the evidence, not the text.
                log.error("telegram refused a message (%s); dropped", exc)
                return
            except NetworkError as exc:
                raise DeliveryFailed(f"{exc.__class__.__name__}: {exc}") from None


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
