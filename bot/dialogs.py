"""What a handler is given (a Turn) and what it gives back (a Step).

A handler reads the turn, calls services, and returns replies. It may open, advance or close the
person's flow through the turn; the core saves that state in the same transaction as everything else
the turn changed, and sends the replies only after the commit.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from bot.content import Content
from bot.i18n import Catalogs, Translator
from bot.messages import Choice, Incoming, Reply
from bot.normalize import yes_or_no
from bot.services.context import Context
from bot.services.crisis import CrisisListener, CrisisReader, CrisisReading
from bot.services.faq import FaqIndex
from bot.services.intents import IntentReader
from bot.services.people import CodeAttempts
from bot.services.web_access import WebAccess
from bot.setting_grammars import DEFAULT_REPORT_DEADLINES, Deadline, parse_report_deadlines
from bot.sites import SiteDirectory
from bot.slips_in_context import SlipsInContext
from bot.store.base import UnitOfWork
from bot.store.records import Person, Session


@dataclass(frozen=True)
class Services:
    """What handlers may call, built once by the composition root."""

    content: Content
    catalogs: Catalogs
    faq: FaqIndex
    crisis: CrisisReader
    intents: IntentReader
    sites: SiteDirectory
    session_timeout_minutes: int
    inbox_retention_days: int
    person_retention_days: int
    crisis_listeners: tuple[CrisisListener, ...] = ()
    # Slips of the finger the words around them make clear; without examples, none.
    slips: SlipsInContext = field(default_factory=SlipsInContext)
    timezone_name: str = "Asia/Ho_Chi_Minh"  # where reminder rules are kept (BOT_TIMEZONE)
    report_deadlines: tuple[Deadline, ...] = field(
        default_factory=lambda: parse_report_deadlines(DEFAULT_REPORT_DEADLINES))
    # Which appointment reminders each point sends ("default" for the others): APPOINTMENT_REMINDERS.
    appointment_reminders: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: {"default": ("3d", "eve", "morning")})
    # Wrong invite and link codes per chat, so codes cannot be guessed by trying many.
    code_attempts: CodeAttempts = field(default_factory=CodeAttempts)
    # The province heads' platform user ids (ADMIN_IDS): they see every point's report.
    admin_ids: frozenset[str] = frozenset()
    report_small_count: int = 5  # REPORT_SMALL_COUNT
    web_url: str | None = None  # the staff web view's address, for a link where files cannot go (Zalo)
    web: WebAccess | None = None  # its one-time sign-in links (/web); None while it is off

    def reminders_of(self, point_id: str) -> tuple[str, ...]:
        return self.appointment_reminders.get(point_id, self.appointment_reminders["default"])


@dataclass
class Turn:
    incoming: Incoming
    person: Person
    session: Session
    _: Translator
    now: datetime
    uow: UnitOfWork
    services: Services
    command: str | None = None
    args: str = ""
    choice: str | None = None
    erased: bool = False
    # What the crisis reader made of the message: a crisis now, a question about a danger, or None.
    crisis: CrisisReading | None = None
    # False on a channel with no way to share a location (Zalo): ask for a typed place instead.
    can_share_location: bool = True
    # False where choices are a numbered list to answer by typing (Zalo): say "trả lời 1 hoặc 2", not "bấm".
    has_buttons: bool = True
    # False where a reply cannot carry a file (Zalo, the console): a report is offered as a web link.
    can_send_files: bool = True

    @property
    def text(self) -> str:
        return self.incoming.text or ""

    def typed_yes_or_no(self) -> bool | None:
        """A yes-or-no question's answer typed rather than tapped ("có", "ok", "không", "no thanks"); None when
        a button was tapped or the words are no such answer."""
        if self.choice is not None or self.incoming.choice is not None:
            return None
        return yes_or_no(self.text)

    def open_flow(self, flow: str, step: str, data: dict[str, Any] | None = None) -> None:
        self.session.flow, self.session.step = flow, step
        self.session.data = dict(data or {})

    def goto(self, step: str) -> None:
        self.session.step = step

    def close_flow(self) -> None:
        self.session.flow = self.session.step = None
        self.session.data = {}

    def set_locale(self, locale: str) -> None:
        """Switch language mid-turn, so the very next reply is already in the chosen one."""
        self._ = self.services.catalogs.translator(locale)
        self.person.locale = self._.locale

    @property
    def chat(self) -> tuple[str, str]:
        """The platform and the chat: what a per-chat limit counts by."""
        return self.incoming.channel, self.incoming.chat_id

    async def code_wait(self) -> Reply | None:
        """A kind "wait a little" when this chat has tried too many wrong codes, else None."""
        wait = await self.services.code_attempts.wait(self.uow, self.chat, self.now)
        if wait is None:
            return None
        return Reply(self._("misc.code_wait", minutes=max(1, round(wait.total_seconds() / 60))))

    async def code_failed(self) -> None:
        """Count a wrong code against this chat, in the turn's transaction."""
        await self.services.code_attempts.failed(self.uow, self.chat, self.now)

    @property
    def context(self) -> Context:
        """What a use case needs besides the unit of work: this turn's time, the catalogs, the zone."""
        return Context(self.services.catalogs, self.now, self.services.timezone_name,
                       self.services.appointment_reminders)

    def choice_of(self, key: str, label_key: str) -> Choice:
        return Choice(key, self._(label_key))


@dataclass
class Step:
    """What a handler did. `then` names a feature of the menu to open next, in the same turn, with
    what the person already said (`carried`): the router opens it, asking for consent first when the
    feature keeps data, so no handler needs to know how another feature is opened."""

    replies: list[Reply]
    handler: str
    entry: str | None = None
    then: str | None = None
    carried: dict[str, str] = field(default_factory=dict)


FeatureOpener = Callable[["Turn", dict[str, str]], Awaitable[Step]]


@dataclass(frozen=True)
class Feature:
    """A menu item (or a feature reached only through consent): what opens it, whether it keeps data
    about the person (consent is asked first), and whether its key may be pressed as a menu button."""

    opens: FeatureOpener
    needs_consent: bool = False
    on_menu: bool = True


Handler = Callable[[Turn], Awaitable[Step]]
MaybeHandler = Callable[[Turn], Awaitable[Step | None]]


class Flow(Protocol):
    """A multi-step conversation. `step` returns None for input it does not understand, so the router
    can try commands, questions and the fallback, then show `prompt` again."""

    name: str

    async def step(self, turn: Turn) -> Step | None: ...

    def prompt(self, turn: Turn) -> Reply: ...
