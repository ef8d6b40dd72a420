"""What services may ask of storage: protocols, so that a store on another database (PostgreSQL)
implements the same ones and no handler or service changes (docs/architecture.md, "Storage")."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from datetime import date, datetime
from typing import Any, Protocol

from bot.messages import Reply
from bot.store.records import (
    Address,
    Appointment,
    Availability,
    Chat,
    Due,
    Group,
    Invite,
    Link,
    OutboxItem,
    Person,
    Reminder,
    Session,
    TallyTotal,
    Unsent,
    WebSession,
)


class DatabaseUnusable(Exception):
    """The database cannot be used as it is (damaged, unreadable, from a newer version, a failed
    upgrade): the message is one sentence for the operator that names the file and what to do."""


class StoreUnavailable(Exception):
    """The database server cannot be reached now (down, restarting, the network): nothing of the turn
    was stored, so the platform's update is left to be delivered again once it answers."""


class People(Protocol):
    async def get(self, channel: str, user_id: str) -> Person | None: ...
    async def get_by_id(self, person_id: int) -> Person | None: ...
    async def get_with_session(self, channel: str, user_id: str) -> tuple[Person | None, Session | None]: ...
    async def add(self, person: Person) -> Person: ...
    async def save(self, person: Person) -> None: ...
    async def set_reachable(self, channel: str, user_id: str, reachable: bool) -> bool: ...
    async def set_unreachable_by_id(self, person_id: int) -> None: ...
    async def erase(self, person_id: int) -> None:
        """Delete the person and every row that refers to them; once committed, the write-ahead log is
        emptied too, so no copy of their rows stays in the files."""
        ...

    async def purge_inactive(self, seen_before: datetime, limit: int) -> int:
        """Erase at most `limit` people not seen since `seen_before`; returns how many. A retention purge
        calls it batch after batch, each its own short transaction, and then empties the write-ahead log
        itself (`Store.checkpoint`)."""
    async def address(self, person_id: int) -> Address | None:
        """Where and how to reach a person outside a conversation (a notice, a relayed message); None
        when they cannot be reached."""
        ...


class Sessions(Protocol):
    async def get(self, person_id: int) -> Session | None: ...
    async def save(self, session: Session) -> None: ...
    async def purge_idle(self, updated_before: datetime) -> int: ...


class Inbox(Protocol):
    async def record(
        self, channel: str, event_id: str, at: datetime, person_id: int | None = None, chat_id: str | None = None,
        replies: tuple[Reply, ...] = (),
    ) -> int | None:
        """Record an event and the replies it caused; None for a replay (nothing is recorded then)."""
        ...

    async def unsent(self, due_by: datetime, limit: int) -> list[Unsent]: ...
    async def waiting(self, ids: list[int]) -> list[Unsent]:
        """Those of these rows whose replies are still unsent, by id."""
        ...

    async def delivered(self, ids: list[int]) -> None: ...
    async def failed(self, item_id: int, retry_at: datetime, remaining: tuple[Reply, ...]) -> None: ...
    async def purge(self, received_before: datetime) -> int: ...


class Invites(Protocol):
    async def add(self, code: str, role: str, point_id: str | None, at: datetime, expires_at: datetime) -> None: ...
    async def redeem(self, code: str, person_id: int, at: datetime) -> Invite | None: ...


class Usage(Protocol):
    async def add_sent(self, channel: str, month: str, count: int) -> int:
        """Count messages sent; returns the month's total so far."""
        ...

    async def sent(self, channel: str, month: str) -> int: ...


class Reminders(Protocol):
    async def add(self, reminder: Reminder) -> Reminder: ...
    async def get(self, reminder_id: int) -> Reminder | None: ...
    async def of_person(self, person_id: int) -> list[Reminder]: ...
    async def save(self, reminder: Reminder) -> None: ...
    async def delete(self, reminder_id: int) -> None: ...
    async def due(self, now: datetime, limit: int) -> list[Due]:
        """Reminders whose next time has come, earliest first, with their person's address."""
        ...

    async def advance(self, moved: list[Reminder]) -> None:
        """Save the next time and state of many reminders in one statement."""
        ...


class Outbox(Protocol):
    async def add_many(self, items: list[OutboxItem]) -> int:
        """Queue messages; an item whose key is already queued is ignored. Returns how many were new."""
        ...

    async def pending(self, now: datetime, limit: int) -> list[OutboxItem]:
        """Pending items due by now and not waiting for a retry, by priority then due time."""
        ...

    async def finish(self, item_id: int, status: str, at: datetime, note: str | None = None) -> None:
        """sent, dropped, held or cancelled: the text is cleared, the fact is kept."""
        ...

    async def retry(self, item_id: int, retry_at: datetime) -> None: ...
    async def cancel(self, key: str, at: datetime) -> bool: ...
    async def drop_person(self, person_id: int, at: datetime, note: str) -> int: ...
    async def counts(self) -> dict[str, int]: ...
    async def backlog(self, now: datetime) -> tuple[int, datetime | None]:
        """How many messages are due by `now` and not yet sent (those waiting for a retry or for their
        platform included), and the due time of the oldest: the operator's readiness check and metrics
        read it, so it names no one and reads only the pending index."""
        ...

    async def purge(self, done_before: datetime) -> int: ...
    async def forget_whom(self, done_before: datetime) -> int:
        """Finished messages about someone else (an alert, a notice) drop whom they were about: their
        key (which names that person) is replaced and `about_id` cleared. Returns how many."""
        ...

    async def keep(self, item_id: int, at: datetime) -> None:
        """Kept for its person to ask for (status `kept`): the text stays until they write, or until
        the retention purge, whichever comes first."""
        ...

    async def kept_people(self) -> list[int]:
        """The people who have kept messages waiting."""
        ...

    async def take_kept(self, person_id: int, at: datetime) -> list[Reply]:
        """A person's kept messages, most urgent first; from now on they count as sent (text cleared)."""
        ...

    async def has_kept(self, person_id: int) -> bool:
        """Whether the person has kept messages waiting (asked of the database where several processes
        share it, since another one's sender may have kept one a moment ago)."""
        ...


class Staff(Protocol):
    async def join(self, person_id: int, role: str, point_id: str | None, at: datetime) -> None: ...
    async def point_of(self, person_id: int) -> str | None: ...
    async def set_on_duty(self, person_id: int, on_duty: bool) -> None: ...
    async def is_on_duty(self, person_id: int) -> bool: ...
    async def counselors(self, point_id: str | None, on_duty_only: bool) -> list[Address]:
        """Counselors of a point (every point when None), reachable ones only."""
        ...


class Links(Protocol):
    async def add(self, link: Link) -> Link: ...
    async def by_code(self, code: str, now: datetime) -> Link | None: ...
    async def get(self, link_id: int) -> Link | None: ...
    async def save(self, link: Link) -> None: ...
    async def delete(self, link_id: int) -> None: ...
    async def of_volunteer(self, volunteer_id: int) -> list[Link]: ...
    async def of_person(self, person_id: int) -> list[Link]: ...


class Groups(Protocol):
    async def add(self, group: Group) -> Group: ...
    async def get(self, group_id: int) -> Group | None: ...
    async def all(self) -> list[Group]: ...
    async def set_rule(self, group_id: int, rule: dict[str, Any]) -> None: ...
    async def join(self, group_id: int, person_id: int, at: datetime) -> None: ...
    async def leave(self, group_id: int, person_id: int) -> None:
        """Leave the group, with the member's RSVPs and attendance in it: nothing reports them."""
        ...

    async def memberships(self, person_id: int) -> set[int]: ...
    async def members(self, group_id: int) -> list[Address]: ...
    async def meeting(self, group_id: int, starts_at: datetime) -> bool:
        """Record a meeting (once); returns whether it is cancelled."""
        ...

    async def cancel(self, group_id: int, starts_at: datetime) -> None: ...
    async def rsvp(self, group_id: int, starts_at: datetime, person_id: int, answer: str) -> None: ...
    async def declined(self, group_id: int, starts_at: datetime) -> set[int]: ...
    async def attend(self, group_id: int, starts_at: datetime, person_id: int) -> int:
        """Mark a member present; returns how many are marked present."""
        ...


class SlotTaken(Exception):
    """Another live appointment already holds this counselor's slot."""


class Appointments(Protocol):
    async def set_availability(self, availability: Availability) -> None: ...
    async def availability(self, person_id: int) -> Availability | None: ...
    async def counselors_with_hours(self, point_id: str) -> list[tuple[Address, Availability]]: ...
    async def taken(self, counselor_ids: list[int], start: datetime, end: datetime) -> set[tuple[int, datetime]]: ...
    async def book(self, appointment: Appointment) -> Appointment:
        """Insert; raises SlotTaken if the counselor's slot is held by a live appointment."""
        ...

    async def get(self, appointment_id: int) -> Appointment | None: ...
    async def set_status(self, appointment_id: int, status: str, reason: str | None = None) -> None: ...
    async def move(self, appointment_id: int, starts_at: datetime, status: str) -> None:
        """Another time for an appointment; raises SlotTaken if that slot is held."""
        ...

    async def rate(self, appointment_id: int, rating: int) -> None: ...
    async def upcoming(self, person_id: int, now: datetime) -> list[Appointment]: ...
    async def of_counselor(self, counselor_id: int, start: datetime, end: datetime) -> list[Appointment]: ...


class Audit(Protocol):
    async def record(self, viewer_id: int, person_id: int, what: str, at: datetime) -> None:
        """A staff member was shown a person's details (a notice, the agenda, a chat): who, whom, what,
        when. Either side's erasure leaves the row without them."""
        ...


class Chats(Protocol):
    async def open(self, chat: Chat) -> Chat: ...
    async def get(self, chat_id: int) -> Chat | None: ...
    async def of_person(self, person_id: int) -> Chat | None:
        """The person's open chat, if any. Asked on every free-text message of a consented person, so a
        person with no open chat costs no statement (SQLite keeps who may have one in memory)."""
        ...

    async def of_counselor(self, counselor_id: int) -> Chat | None:
        """The open chat the counselor took most recently, if any."""
        ...

    async def waiting(self, point_id: str) -> list[Chat]:
        """Open chats of a point that no counselor has taken yet, oldest first."""
        ...

    async def take(self, chat_id: int, counselor_id: int, at: datetime) -> bool:
        """The counselor takes the chat, unless another already has."""
        ...

    async def close(self, chat_id: int, at: datetime) -> None: ...
    async def add_message(self, chat_id: int, from_person: bool, text: str, at: datetime, delivered: bool) -> None: ...
    async def undelivered(self, chat_id: int) -> list[str]:
        """The person's messages that waited for a counselor, oldest first; marked delivered."""
        ...

    async def purge(self, before: datetime) -> int: ...


class Tally(Protocol):
    """Counts that last (migration 0009): rows are only added, never changed, and name no one."""

    async def add(self, point_id: str | None, what: str, at: datetime, n: int = 1) -> None:
        """Count `n` of `what` at a point (None: of no point) on the local day of `at`."""
        ...

    async def totals(self, first_day: date, last_day: date, point_id: str | None) -> list[TallyTotal]:
        """Sums per point and what over the days first_day..last_day (inclusive); one point, or all."""
        ...

    async def points(self) -> list[str]:
        """Every point that has a count."""
        ...


class PointView(Protocol):
    """What the staff web view reads of a point (bot/webview.py); every alias it returns is shown to a
    staff member, so the caller writes the audit row."""

    async def appointments(self, point_id: str | None, start: datetime, end: datetime) -> list[dict[str, Any]]:
        """Live and finished appointments of a point (every point for None) between two times, with the
        person's and the counselor's alias."""
        ...

    async def groups(self, point_id: str | None) -> list[Group]: ...
    async def roll(self, group_id: int, starts_at: datetime) -> list[dict[str, Any]]:
        """The group's members with their answer and attendance for one meeting."""
        ...

    async def staff(self, point_id: str | None) -> list[dict[str, Any]]: ...
    async def remove_staff(self, person_id: int) -> bool:
        """The person is staff no more (their role goes back to a person's); False if they were not."""
        ...


class WebSignIns(Protocol):
    """The staff web view's one-time sign-in links and its sessions (migration 0011), in the database so
    that every process sharing it honours them. Each is found by the SHA-256 digest of its token; the
    token itself is never stored, so no row here signs anyone in."""

    async def add_link(self, digest: str, person_id: int, expires_at: datetime) -> None: ...
    async def link(self, digest: str) -> tuple[int, datetime] | None:
        """The person a link signs in and until when; the link stays."""
        ...

    async def take_link(self, digest: str) -> tuple[int, datetime] | None:
        """The person a link signs in and until when; the link is deleted, so only one caller gets it."""
        ...

    async def drop_links(self, person_id: int) -> None: ...
    async def trim_links(self, keep: int) -> int:
        """Keep at most the `keep` links that expire last; returns how many others were deleted."""
        ...

    async def add_session(self, digest: str, session: WebSession) -> None: ...
    async def session(self, digest: str) -> WebSession | None:
        """The session, expired or not (the caller compares with its own clock)."""
        ...

    async def end_session(self, digest: str) -> None: ...
    async def end_person(self, person_id: int) -> None:
        """Every session and link of the person."""
        ...

    async def purge(self, now: datetime) -> int:
        """Delete the links and sessions expired by `now`; returns how many."""
        ...


class CodeFailures(Protocol):
    """Wrong invite and link codes per chat (migration 0011), one count for every process. A chat is
    known by a digest of its channel and id, and each failure by when it stops counting."""

    async def add(self, chat: str, expires_at: datetime) -> None: ...
    async def counting(self, chat: str, now: datetime) -> list[datetime]:
        """When each of the chat's failures still counting at `now` stops counting, soonest first."""
        ...

    async def purge(self, now: datetime) -> int:
        """Delete the failures that no longer count at `now`; returns how many."""
        ...


class UnitOfWork(Protocol):
    """One transaction. Leaving it without `commit()` rolls everything back."""

    people: People
    sessions: Sessions
    inbox: Inbox
    invites: Invites
    usage: Usage
    reminders: Reminders
    outbox: Outbox
    staff: Staff
    links: Links
    groups: Groups
    appointments: Appointments
    chats: Chats
    tally: Tally
    point_view: PointView
    audit: Audit
    web: WebSignIns
    code_failures: CodeFailures

    async def commit(self) -> None: ...

    async def lock_chat(self, channel: str, chat_id: str) -> None:
        """Hold this chat for the rest of the transaction against the other processes of a shared
        database (one process needs nothing: the core's own lock does it)."""
        ...

    def notify(self, note: str) -> None:
        """Tell the other processes of a shared database `note` when, and only if, this unit commits."""
        ...


class Store(Protocol):
    # True where several processes may share the data (PostgreSQL): nothing is cached in a process, a
    # chat is held in the database for its turn, and the processes elect one sender (bot/store/cluster.py).
    shared: bool

    @property
    def path(self) -> str:
        """Where the data is, for the operator (a file, or a server's address without its password)."""
        ...

    async def open(self) -> None: ...
    async def close(self) -> None: ...
    async def person_with_session(self, channel: str, user_id: str) -> tuple[Person | None, Session | None]:
        """Committed state, read without taking the writer's turn."""
        ...

    def unit_of_work(self) -> AbstractAsyncContextManager[UnitOfWork]:
        """A transaction, begun at its first statement."""
        ...

    def on_queued(self, listener: Callable[[], None]) -> None:
        """Call `listener` after each commit that queued outbox messages."""
        ...

    def reading(self) -> AbstractAsyncContextManager[UnitOfWork]:
        """Reads of committed state that never take the writer (a poll, a scan); a write through it fails."""
        ...
    async def schema_version(self) -> int: ...
    async def checkpoint(self) -> None:
        """Write what is committed into the main file and empty the write-ahead log, so that deleted
        rows leave no copy in it."""
        ...

    def request_wipe(self) -> None:
        """Rebuild the storage soon so that no copy of deleted rows survives anywhere in it (an erasure
        asks for this itself once its reply is sent)."""
        ...

    async def wiped(self) -> None:
        """Until the rebuilds asked for so far have run."""
        ...

    async def table_rows(self) -> dict[str, list[dict[str, Any]]]:
        """Every row of every table: for the erase test and for operators' audits."""
        ...
