"""Plain records the store reads and writes; services change them, the unit of work saves them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.messages import Choice, Reply


@dataclass
class Person:
    channel: str
    user_id: str
    chat_id: str
    alias: str
    locale: str
    created_at: datetime
    last_seen_at: datetime
    id: int | None = None
    role: str = "person"
    onboarded: bool = False
    consent_at: datetime | None = None
    discreet: bool = True
    reachable: bool = True

    @property
    def consented(self) -> bool:
        return self.consent_at is not None


@dataclass
class Session:
    """Where a person is in a conversation: the open flow and step, its data, and the choices offered.

    The offered choices are kept so that "2" or "tieng viet" typed by hand means the same as a press on
    the button: every dialog works on a channel without buttons.
    """

    person_id: int
    updated_at: datetime
    flow: str | None = None
    step: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    offered: tuple[Choice, ...] = ()
    last_choice: str | None = None
    last_choice_at: datetime | None = None


@dataclass(frozen=True)
class Unsent:
    """The replies one event caused, not yet delivered."""

    id: int
    person_id: int | None
    channel: str
    chat_id: str
    replies: tuple[Reply, ...]
    attempts: int


@dataclass(frozen=True)
class Invite:
    code: str
    role: str
    point_id: str | None


@dataclass
class Reminder:
    person_id: int
    kind: str
    rule: dict[str, Any]
    timezone: str
    created_at: datetime
    next_at: datetime | None = None
    paused_until: datetime | None = None
    state: dict[str, Any] = field(default_factory=dict)
    id: int | None = None


@dataclass(frozen=True)
class Due:
    """A claimed reminder with what is needed to word and address its message."""

    reminder: Reminder
    channel: str
    chat_id: str
    locale: str
    discreet: bool
    reachable: bool


@dataclass(frozen=True)
class OutboxItem:
    key: str
    person_id: int | None
    channel: str
    chat_id: str
    priority: int
    reply: Reply
    due_at: datetime
    expires_at: datetime | None = None
    attempts: int = 0
    about_id: int | None = None  # whom it is about, when sent to someone else
    id: int | None = None

    @classmethod
    def to(cls, address: Address, key: str, reply: Reply, priority: int, due_at: datetime,
           expires_at: datetime | None = None, about_id: int | None = None) -> OutboxItem:
        """A message for someone reached outside a conversation (a reminder, a notice, a relay)."""
        return cls(key=key, person_id=address.person_id, channel=address.channel, chat_id=address.chat_id,
                   priority=priority, reply=reply, due_at=due_at, expires_at=expires_at, about_id=about_id)


@dataclass(frozen=True)
class Address:
    """Where and how to reach a person outside a conversation (an alert, a notice)."""

    person_id: int
    channel: str
    chat_id: str
    locale: str
    alias: str
    # Their choice for messages a lock screen may show (Person.discreet); known where a notice's wording
    # depends on it (a self-help group's name and place would tell what the group is for).
    discreet: bool = True


@dataclass
class Link:
    volunteer_id: int
    created_at: datetime
    person_id: int | None = None
    code: str | None = None
    code_expires_at: datetime | None = None
    agreed_at: datetime | None = None
    share_missed: bool = False
    no_contact: int = 0
    id: int | None = None


@dataclass
class Group:
    name: str
    rule: dict[str, Any]
    place: str
    created_at: datetime
    point_id: str | None = None
    facilitator_id: int | None = None
    id: int | None = None


@dataclass
class Availability:
    person_id: int
    weekly: str
    slot_minutes: int = 45
    days_off: tuple[str, ...] = ()  # YYYY-MM-DD in the counselor's zone


@dataclass
class Appointment:
    person_id: int
    counselor_id: int | None
    point_id: str
    starts_at: datetime
    minutes: int
    kind: str
    topic: str
    status: str
    created_at: datetime
    phone: str | None = None
    reason: str | None = None
    rating: int | None = None
    id: int | None = None


@dataclass
class Chat:
    person_id: int
    point_id: str
    opened_at: datetime
    counselor_id: int | None = None
    taken_at: datetime | None = None
    closed_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class TallyTotal:
    """One line of a period's counts: a point ('' for events of no point), what, how many, and how many
    of those were counted at upgrade from the rows still there (the back-fill)."""

    point_id: str
    what: str
    n: int
    backfilled: int = 0


@dataclass(frozen=True)
class WebSession:
    """A staff member signed in to the web view. Its token travels in the cookie and is not kept here:
    the store finds a session by the token's digest."""

    person_id: int
    point_id: str | None  # None: a province head, who sees every point
    head: bool
    locale: str
    expires_at: datetime
