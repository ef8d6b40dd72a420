"""The composition root: every long-lived part is built here, once, and handed to what needs it.

Start order: settings are already checked → content and catalogs (fail before touching the network)
→ store and migrations → core → the staff web view and the operator's server → channels (Telegram,
Zalo, or the console) → housekeeping and the reminder engine. Stop runs the other way.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import functools
import hashlib
import logging
import signal
import sys
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from bot import ops, webview
from bot.channels.base import StartupFailed
from bot.channels.console import ConsoleChannel
from bot.channels.pace import pace_of
from bot.channels.telegram import TelegramChannel, TelegramSettings
from bot.channels.zalo import ZaloChannel, ZaloSettings
from bot.clock import Clock, SystemClock
from bot.config import Settings, check_data_dir
from bot.content import Content, load_content
from bot.core import Core
from bot.dialogs import Services
from bot.i18n import Catalogs
from bot.messages import Incoming, Outcome
from bot.ops import Metrics, Readiness
from bot.router import Router
from bot.services import crisis_model
from bot.services.alerts import crisis_alert
from bot.services.budget import MessageBudget
from bot.services.crisis import CrisisListener, CrisisReader
from bot.services.faq import FaqIndex, Synonyms
from bot.services.intents import IntentReader
from bot.services.people import new_person
from bot.services.web_access import WebAccess
from bot.setting_grammars import parse_appointment_reminders, parse_report_deadlines
from bot.sites import SiteDirectory, load_provinces, load_sites
from bot.slips_in_context import SlipsInContext
from bot.store import is_postgres_url, make_store
from bot.store.base import Store
from bot.store.cluster import QUEUED, Alone, Cluster, cluster_for
from bot.web import WebServer
from bot.webview import WebContext
from handlers import build_registry
from scheduler.housekeeping import Housekeeping, Retention
from scheduler.reminders import ReminderEngine
from scheduler.sender import Sender

log = logging.getLogger(__name__)
LEAD_GRACE = timedelta(seconds=2)


@dataclass
class Bot:
    settings: Settings
    store: Store
    core: Core
    catalogs: Catalogs
    content: Content
    clock: Clock
    services: Services | None = None


def site_list_path(settings: Settings) -> Path:
    """The operator's imported list (DATA_DIR/sites.csv) if there is one, else the shipped one."""
    imported = settings.data_dir / "sites.csv"
    return imported if imported.is_file() else settings.content_dir / "sites" / "sites.csv"


@dataclass(frozen=True)
class Readers:
    """What is read from the content folder and learned from its examples: the content, the catalogs and
    the readers of messages. None of them changes once built, so one copy serves every bot a process
    builds; building them takes most of a second, which a test suite building hundreds of bots feels."""
    content: Content
    catalogs: Catalogs
    faq: FaqIndex
    crisis: CrisisReader
    intents: IntentReader
    slips: SlipsInContext


def content_digest(content_dir: Path) -> str:
    """A digest of every file under the content folder, names and bytes (a few milliseconds): a change to
    any of them builds the readers again."""
    digest = hashlib.sha256()
    for path in sorted(content_dir.rglob("*")):
        if path.is_file():
            digest.update(f"{path.relative_to(content_dir).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def readers(settings: Settings) -> Readers:
    """The readers for these settings' content, models folder and time zone, built once per process and
    content (the last few kept)."""
    return _readers(content_digest(settings.content_dir), settings.content_dir, settings.models_dir,
                    settings.bot_timezone)


@functools.lru_cache(maxsize=4)
def _readers(digest: str, content_dir: Path, models_dir: Path, timezone_name: str) -> Readers:
    """`digest` is the content's, so that a changed file is a new key."""
    content = load_content(content_dir)
    understanding = content_dir / "understanding"
    examples = crisis_model.examples(understanding, models_dir)
    faq = FaqIndex(content.faq, Synonyms.from_file(content_dir / "synonyms.yaml"),
                   crisis_model.faq_examples(examples), models=models_dir,
                   ranker_examples=crisis_model.faq_examples(examples, ranker_only=True))
    intents = IntentReader.from_file(content_dir / "intents.yaml", faq.word_counts)
    return Readers(
        content=content, catalogs=Catalogs(content_dir / "locales", ZoneInfo(timezone_name)), faq=faq,
        crisis=CrisisReader(content.crisis, crisis_model.trained(understanding, models_dir)),
        intents=intents, slips=SlipsInContext.learned(content, examples, intents.phrases),
    )


def build_services(settings: Settings, read: Readers,
                   crisis_listeners: tuple[CrisisListener, ...] = ()) -> Services:
    return Services(
        content=read.content, catalogs=read.catalogs, faq=read.faq, crisis=read.crisis, intents=read.intents,
        slips=read.slips,
        sites=SiteDirectory(load_sites(site_list_path(settings)),
                            load_provinces(settings.content_dir / "places" / "provinces-2025.csv")),
        session_timeout_minutes=settings.session_timeout_minutes,
        inbox_retention_days=settings.inbox_retention_days, person_retention_days=settings.person_retention_days,
        crisis_listeners=crisis_listeners, timezone_name=settings.bot_timezone,
        report_deadlines=parse_report_deadlines(settings.report_deadlines),
        appointment_reminders=parse_appointment_reminders(settings.appointment_reminders),
        admin_ids=settings.admins, report_small_count=settings.report_small_count, web_url=settings.web_address,
        web=WebAccess(settings.web_link_minutes, settings.web_session_minutes) if settings.web_port else None,
    )


async def build(
    settings: Settings, clock: Clock | None = None, store_path: Path | str | None = None, deliver: bool = True,
    crisis_listeners: tuple[CrisisListener, ...] = (),
) -> Bot:
    """Everything but the channels, which are attached to `bot.core` once started. With
    `deliver=False` replies are only returned, never queued (`diemtuvan ask`)."""
    clock = clock or SystemClock()
    read = readers(settings)
    content, catalogs = read.content, read.catalogs
    where = store_path if store_path is not None else settings.database
    if not is_postgres_url(where) and str(where) != ":memory:":
        check_data_dir(Path(where).parent)
    store = make_store(where, timezone=settings.timezone)
    await store.open()
    try:
        # The counselor-on-duty alert always listens; tests may add their own listeners.
        listeners = (crisis_alert(catalogs), *crisis_listeners)
        services = build_services(settings, read, listeners)
        core = Core(store, Router(build_registry()), catalogs, services, clock,
                    settings.default_locale, deliver=deliver)
        await core.load_kept()
    except BaseException:
        await store.close()  # an open connection's thread would keep the failed process alive
        raise
    return Bot(settings, store, core, catalogs, content, clock, services)


def web_view(settings: Settings, bot: Bot, port: int | None = None) -> WebServer | None:
    """The staff web view's server (bot/webview.py) when WEB_PORT is set: the same tornado server and
    limits as the webhooks (bot/web.py), with the pages, their templates, XSRF and signed cookies."""
    services = bot.services
    if not settings.web_port or services is None or services.web is None:
        return None
    server = WebServer(settings.web_listen, settings.web_port if port is None else port)
    context = WebContext(
        store=bot.store, catalogs=bot.catalogs, access=services.web, clock=bot.clock, sites=services.sites,
        site_list=lambda: site_list_path(settings), data_dir=settings.data_dir, admin_ids=settings.admins,
        deadlines=services.report_deadlines, timezone_name=settings.bot_timezone,
        small_count=settings.report_small_count, bot_username=settings.telegram_bot_username,
        secure_cookies=(settings.web_public_url or "").startswith("https://"), forget=bot.core.forget)
    server.add_pages(webview.pages(context), **webview.application_settings(settings.web_secret))
    return server


def retention(settings: Settings) -> Retention:
    return Retention(settings.session_timeout_minutes, settings.inbox_retention_days, settings.person_retention_days,
                     settings.chat_retention_days)


def network_channels(settings: Settings, bot: Bot) -> tuple[list[TelegramChannel | ZaloChannel],
                                                             dict[str, MessageBudget]]:
    """The platforms whose token is set (both run in one process, sharing one core and one store), and
    the monthly budgets of those whose plan has one."""
    channels: list[TelegramChannel | ZaloChannel] = []
    budgets: dict[str, MessageBudget] = {}
    if settings.telegram_bot_token:
        channels.append(TelegramChannel(
            TelegramSettings(
                token=settings.telegram_bot_token, base_url=settings.telegram_api_base_url,
                mode=settings.telegram_mode, webhook_url=settings.telegram_webhook_url,
                webhook_secret=settings.telegram_webhook_secret, webhook_listen=settings.telegram_webhook_listen,
                webhook_port=settings.telegram_webhook_port, max_attempts=settings.startup_max_attempts,
            ),
            bot.core.handle, bot.core.set_reachable,
        ))
    if settings.zalo_bot_token:
        budget = MessageBudget(bot.store, bot.clock, "zalo", settings.zalo_monthly_message_budget, settings.timezone)
        budgets["zalo"] = budget
        channels.append(ZaloChannel(
            ZaloSettings(
                token=settings.zalo_bot_token, base_url=settings.zalo_api_base_url, mode=settings.zalo_mode,
                webhook_url=settings.zalo_webhook_url, webhook_secret=settings.zalo_webhook_secret,
                webhook_listen=settings.zalo_webhook_listen, webhook_port=settings.zalo_webhook_port,
                max_attempts=settings.startup_max_attempts,
            ),
            bot.core.handle, bot.core.set_reachable, budget.record,
        ))
    return channels, budgets


def reminder_engine(settings: Settings, bot: Bot, budgets: dict[str, MessageBudget]) -> ReminderEngine:
    sender = Sender(bot.store, bot.clock, bot.core.channels(), rate_per_second=settings.outbox_rate_per_second,
                    budgets=budgets, offer=bot.core.offer, unreachable=bot.core.unreachable,
                    kept=bot.core.kept)
    bot.store.on_queued(sender.wake)  # a notice a turn queued goes once the turn commits
    return ReminderEngine(bot.store, bot.clock, bot.catalogs, sender)


def ops_server(settings: Settings, bot: Bot, engine: ReminderEngine,
               cluster: Alone | Cluster | None = None) -> WebServer | None:
    """The operator's server (bot/ops.py) when HEALTH_PORT is set: /healthz, /readyz and /metrics, with
    the metrics' registry owned here."""
    if not settings.health_port:
        return None
    readiness = Readiness(bot.store, bot.clock, engine.stats, settings.ready_max_backlog,
                          settings.ready_max_tick_seconds, leading=lambda: cluster is None or cluster.leading)
    metrics = Metrics(bot.store, bot.clock, bot.core.stats, engine.sender.stats, engine.stats)
    server = WebServer(settings.health_listen, settings.health_port)
    server.add_pages(ops.pages(readiness, metrics))
    return server


class Running:
    """The bot as `diemtuvan run` runs it, in three steps: `start` (everything built, servers listening,
    channels and schedules started), `serve` (until a signal, a channel that cannot go on, or the end of
    the console's input), `stop` (the other way round). The tests start one with a fake clock and stop
    it without a signal."""

    def __init__(self, settings: Settings, clock: Clock | None = None, output: TextIO | None = None) -> None:
        self.settings, self._clock, self._output = settings, clock, output
        self.bot: Bot | None = None
        self.engine: ReminderEngine | None = None
        self.web: WebServer | None = None
        self.ops: WebServer | None = None
        self.started: list[TelegramChannel | ZaloChannel] = []
        self.console: ConsoleChannel | None = None
        self._housekeeping: Housekeeping | None = None
        # Which process sends, where several share a PostgreSQL database (bot/store/cluster.py).
        self.cluster: Alone | Cluster = Alone()
        self._redelivering: set[asyncio.Task[int]] = set()

    async def start(self) -> None:
        settings = self.settings
        bot = self.bot = await build(settings, clock=self._clock)
        self._housekeeping = Housekeeping(bot.store, bot.clock, bot.core, retention(settings))
        try:
            channels, budgets = network_channels(settings, bot)
            engine = self.engine = reminder_engine(settings, bot, budgets)
        except BaseException:
            self.bot = None
            await bot.store.close()
            raise
        self.cluster = cluster_for(bot.store)
        self.web = web_view(settings, bot)
        self.ops = ops_server(settings, bot, engine, self.cluster)
        try:
            await self._join(channels)
            if self.web is not None:
                _listen(self.web, settings.web_listen, settings.web_port, "the staff web view", "WEB")
            if self.ops is not None:
                _listen(self.ops, settings.health_listen, settings.health_port, "/healthz, /readyz and /metrics",
                        "HEALTH")
            for channel in channels:
                bot.core.attach(channel)
                await _start(channel, settings)
                self.started.append(channel)
            if not channels:
                self.console = ConsoleChannel(self._output)
                bot.core.attach(self.console)
                out = self._output or sys.stdout
                out.write(f"diemtuvan: no TELEGRAM_BOT_TOKEN or ZALO_BOT_TOKEN set, so this is the console channel; "
                          f"data in {bot.store.path}. Type a message (Ctrl-D to end).\n\n")
                out.flush()
            await self.cluster.start(self._lead, self._follow, self._heard, bot.core.load_kept)
        except BaseException:
            await self.stop()
            raise

    async def _join(self, channels: list[TelegramChannel | ZaloChannel]) -> None:
        """Among the processes sharing the database: whether this one leads (sends) from the start. A
        process that would poll a platform must lead: polling is one process by nature (two pollers
        take each other's updates), so a second one refuses to start."""
        assert self.bot is not None
        try:
            await self.cluster.open()
        except Exception as exc:
            raise StartupFailed(f"cannot hold a connection to the PostgreSQL database of DATABASE_URL for choosing "
                                f"the sending process ({type(exc).__name__})") from exc
        self.bot.core.sends = self.cluster.leading
        polling = [c.name for c in channels if c.polls]
        if polling and not self.cluster.leading:
            raise StartupFailed(
                f"another process already polls {' and '.join(n.capitalize() for n in polling)} for this bot on this "
                f"database, and polling is one process only; stop that one first, or run every process in webhook "
                f"mode ({', '.join(n.upper() + '_MODE=webhook' for n in polling)}) to share the work")

    async def _lead(self) -> None:
        """This process sends from now on: the outbox, every process's replies, the reminder claims and the
        housekeeping; first what is waiting (replies a former leader left, notes missed meanwhile)."""
        assert self.bot is not None and self.engine is not None and self._housekeeping is not None
        core = self.bot.core
        core.sends = True
        self._housekeeping.start()
        self.engine.start()
        if isinstance(self.cluster, Alone):
            await core.redeliver()
            return
        # The last leader's messages still count at the platform for a second after their answers, and
        # those it had on their way may arrive after its death: nothing goes for LEAD_GRACE (replies wait
        # it out, bot/core.py), so the two leaders' messages never share a platform second.
        until = self.bot.clock.now() + LEAD_GRACE
        for channel in core.channels().values():
            pace_of(channel).pause(until)
        task = asyncio.create_task(core.redeliver(), name="redeliver-on-lead")
        self._redelivering.add(task)
        task.add_done_callback(self._redelivering.discard)

    async def _follow(self) -> None:
        """This process lost the lead (its connection to the database did): it stops sending at once."""
        if self.bot is None:
            return
        self.bot.core.sends = False
        if self.engine is not None:
            await self.engine.stop()
        if self._housekeeping is not None:
            await self._housekeeping.stop()

    def _heard(self, note: str) -> None:
        if self.bot is None:
            return
        if note == QUEUED:
            if self.bot.core.sends and self.engine is not None:
                self.engine.sender.wake()
            return
        self.bot.core.heard(note)

    async def serve(self, input_stream: TextIO | None = None, stop: asyncio.Event | None = None) -> None:
        assert self.bot is not None
        if self.console is not None:
            await self.console.run(self.bot.core.handle, input_stream)
        else:
            polling = isinstance(self.cluster, Cluster) and any(c.polls for c in self.started)
            await _wait_for_signal(self.started, stop, self.cluster.demoted if polling else None)

    async def stop(self) -> None:
        """Stop what was started, in reverse order; safe to call twice."""
        bot, self.bot = self.bot, None
        if bot is None:
            return
        await self.cluster.halt()  # no more changes of role; the lead is let go last, once nothing sends
        for task in list(self._redelivering):
            task.cancel()
        await asyncio.gather(*self._redelivering, return_exceptions=True)
        if self.engine is not None:
            await self.engine.stop()
        if self._housekeeping is not None:
            await self._housekeeping.stop()
        for channel in reversed(self.started):
            await channel.stop()
        self.started = []
        for server in (self.web, self.ops):
            if server is not None:
                await server.stop()
        await bot.core.close()
        await self.cluster.stop()
        await bot.store.close()


async def run(settings: Settings, input_stream: TextIO | None = None, output: TextIO | None = None) -> int:
    """Run until stopped (Telegram, Zalo) or until the end of input (console). Returns the exit code."""
    running = Running(settings, output=output)
    # A supervisor may stop the process while it is still starting: the stop is kept, the start finishes
    # (a migration or a channel half-opened is never cut off) and the process then stops in order.
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    try:
        await running.start()
        if running.console is not None:
            loop.remove_signal_handler(signal.SIGTERM)  # the console ends with its input, or as any program
        if not stop.is_set():
            await running.serve(input_stream, stop)
    finally:
        loop.remove_signal_handler(signal.SIGTERM)
        await running.stop()
    return 0


def _listen(server: WebServer, listen: str, port: int, what: str, prefix: str) -> None:
    try:
        server.start()
    except OSError as exc:
        if exc.errno not in (errno.EADDRINUSE, errno.EADDRNOTAVAIL, errno.EACCES):
            raise
        raise StartupFailed(f"cannot listen on {listen}:{port} for {what} ({exc.strerror}); stop what uses it, or "
                            f"set {prefix}_PORT (and {prefix}_LISTEN) to a free address, or 0 to turn it off") from None


async def _start(channel: TelegramChannel | ZaloChannel, settings: Settings) -> None:
    """Start a channel; a webhook address that cannot be listened on (in use, not this machine's, a
    privileged port) stops the bot with a sentence that names the address and the settings to change."""
    try:
        await channel.start()
    except OSError as exc:
        if exc.errno not in (errno.EADDRINUSE, errno.EADDRNOTAVAIL, errno.EACCES):
            raise
        with contextlib.suppress(Exception):
            await channel.stop()  # what it opened before the listen failed (the Bot API client)
        prefix = channel.name.upper()
        listen, port = ((settings.telegram_webhook_listen, settings.telegram_webhook_port) if channel.name == "telegram"
                        else (settings.zalo_webhook_listen, settings.zalo_webhook_port))
        raise StartupFailed(
            f"cannot listen on {listen}:{port} for the {channel.name.capitalize()} webhook ({exc.strerror}); stop "
            f"what uses it, or set {prefix}_WEBHOOK_PORT (and {prefix}_WEBHOOK_LISTEN) to a free address") from None


async def _wait_for_signal(channels: list[TelegramChannel | ZaloChannel] | None = None,
                           stop: asyncio.Event | None = None, demoted: asyncio.Event | None = None) -> None:
    """Until SIGINT or SIGTERM (or `stop` is set), or until a channel cannot go on (the platform refused
    the token while running): that is raised, so the process stops in order, with the channel's
    sentence and a non-zero exit, for its supervisor to see."""
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    waits: list[asyncio.Task[object]] = [asyncio.create_task(stop.wait())]
    waits.extend(asyncio.create_task(c.wait_failed()) for c in channels or ())
    if demoted is not None:
        waits.append(asyncio.create_task(_demoted(demoted)))
    try:
        done, _ = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for wait in waits:
            wait.cancel()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    for wait in done:
        if isinstance(failure := wait.result(), StartupFailed):
            raise failure


async def _demoted(demoted: asyncio.Event) -> StartupFailed:
    """A polling process that lost the lead stops, so that two never poll: its supervisor starts it
    again, and it polls once it leads again (or refuses, if another one polls by then)."""
    await demoted.wait()
    return StartupFailed("this process lost its connection to the PostgreSQL database that makes it the one "
                         "poller; stopping so that two processes never poll at once")


async def ask(bot: Bot, text: str, locale: str, number: int) -> Outcome:
    """One message as a person who has already been through first contact would send it."""
    incoming = Incoming("ask", f"ask-{number}", f"ask-{number}", f"ask-{number}", text=text)
    async with bot.store.unit_of_work() as uow:
        person = new_person(incoming, locale, bot.clock.now())
        person.onboarded = True
        await uow.people.add(person)
        await uow.commit()
    return await bot.core.handle(incoming)
