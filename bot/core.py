"""The conversation core: one Incoming in, replies out, the same for every channel.

For each event: read the person and their session (committed state, without waiting for the writer),
route, then write what changed together with the event id and the replies it caused (the inbox row)
in one transaction; send the replies; then mark them sent. A replay is refused by the inbox's unique
event id, and the whole turn rolls back. A crash after the commit leaves the replies unsent in the
inbox, and `redeliver` sends them after a restart: nothing is lost, and no state change happens twice.
A crash in the moment between a send and its acknowledgement may send that reply again (at least once).
A reply that could not go waits with backoff, or, when its platform is down, until the platform answers
again (bot/channels/health.py): then every waiting reply goes at once, crisis replies first.

Events from one chat are handled one at a time, in order; different chats run concurrently.

Where several processes share a PostgreSQL database (`Store.shared`), a chat is also held in the
database for its turn, the turn reads the person and session inside that hold (nothing is cached in the
process), and only the process that leads sends (bot/store/cluster.py): a turn of another process
leaves its replies in the inbox row and tells the leader, in the same commit, which row to send.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import secrets
import time
import weakref
from collections import Counter, OrderedDict, deque
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from bot.channels.base import (
    QUOTA_ATTEMPTS,
    Channel,
    ChatUnreachable,
    CommandMenus,
    DeliveryFailed,
    MessageRefused,
    QuotaExceeded,
)
from bot.channels.health import health_of
from bot.channels.pace import pace_of, retry_delay
from bot.clock import Clock
from bot.dialogs import Services, Step, Turn
from bot.i18n import Catalogs, negotiate
from bot.messages import Choice, Incoming, Outcome, Reply
from bot.normalize import words
from bot.router import Router
from bot.services.people import mark_unreachable, new_person
from bot.store.base import Store
from bot.store.records import Person, Session, Unsent

log = logging.getLogger(__name__)
# Set by a channel around `handle`: called once the event is stored (its inbox row committed, or found
# there from an earlier delivery). Only then may the channel tell the platform the event arrived; an
# event it never heard back about is still the platform's to deliver again.
stored_hook: ContextVar[Callable[[], None] | None] = ContextVar("stored_hook", default=None)
# Far enough ahead to take every waiting reply, whatever its retry time, when its platform is back.
EVERYTHING = timedelta(days=366)
LAST_SEEN_PRECISION = timedelta(hours=1)
CACHE_SIZE = 10_000
MAX_OFFERED = 24
SHORT_PAUSE = 2.0  # seconds of a platform's 429 pause a reply waits out before it goes
SECOND = timedelta(seconds=1)
MARKS_REMEMBERED = 10_000  # rows marked sent lately, which a redelivery read just before the mark skips
REPLIES_NOTE = "r"  # a note to the leader: "r <process> <inbox id> <u|n> <channel> <chat id>"


def _stored() -> None:
    hook = stored_hook.get()
    if hook is not None:
        hook()


@dataclass
class TurnStats:
    """What the operator's metrics read of the turns (bot/ops.py): per channel and kind, never per person."""

    turns: Counter[tuple[str, str]] = field(default_factory=Counter)  # (channel, outcome)
    seconds: dict[str, float] = field(default_factory=dict)  # the turns' total time per channel
    replies: Counter[str] = field(default_factory=Counter)  # replies the platform accepted, per channel


def turn_outcome(outcome: Outcome) -> str:
    """The kind of a finished turn, for counting: a replay, a crisis, an answer, or nothing said."""
    if outcome.duplicate:
        return "duplicate"
    if outcome.handler == "crisis":
        return "crisis"
    return "answered" if outcome.replies else "silent"


class Core:
    def __init__(
        self, store: Store, router: Router, catalogs: Catalogs, services: Services, clock: Clock,
        default_locale: str, deliver: bool = True,
    ) -> None:
        self._store = store
        self._router = router
        self._catalogs = catalogs
        self._services = services
        self._clock = clock
        self._default_locale = default_locale
        self._deliver_replies = deliver
        # Several processes share the database: no cache, the chat held in the database for the turn,
        # and replies sent by the leader alone (`sends`, set by the composition root).
        self._shared = bool(getattr(store, "shared", False))
        self.sends = True
        self._me = secrets.token_hex(6)  # this process, in its notes, so that it ignores its own
        self._notified: set[asyncio.Task[None]] = set()
        self._marked: set[int] = set()
        self._answered: OrderedDict[tuple[str, str], datetime] = OrderedDict()  # chats answered in the last second
        self._marked_order: deque[int] = deque()
        self._channels: dict[str, Channel] = {}
        self._acknowledged: list[int] = []  # inbox rows whose replies went out, not yet marked
        self._marking: set[int] = set()  # rows being marked now
        # Rows this process is sending, or sent and has not marked yet: `redeliver` leaves them alone,
        # or a reply under way (or waiting for its mark) would go twice.
        self._live: set[int] = set()
        # The last committed person and session of recent chats: saves the read that would otherwise
        # start every turn. Sound because this process is the only writer of these rows; anything that
        # writes them outside a turn calls `forget` (a PostgreSQL deployment with several workers
        # must not use it: docs/architecture.md).
        self._cache: OrderedDict[tuple[str, str], tuple[Person, Session | None]] = OrderedDict()
        self._locks: weakref.WeakValueDictionary[tuple[str, str], asyncio.Lock] = weakref.WeakValueDictionary()
        # Inbox rows holding a crisis reply not yet delivered: they go first when replies are resent.
        self._urgent: set[int] = set()
        self._releases: set[asyncio.Task[int]] = set()
        # People with messages kept for them to ask for (a platform that cannot send silently): their
        # next turn shows them. Loaded at start (`load_kept`); the sender adds to it.
        self.kept: set[int] = set()
        self.stats = TurnStats()

    def attach(self, channel: Channel) -> None:
        """Send this channel's replies (and those a crash left unsent) through it from now on, and all
        of its waiting replies at once when its platform answers again after being down."""
        self._channels[channel.name] = channel
        health_of(channel).on_return(self._platform_returned)
        if isinstance(channel, CommandMenus):
            channel.use_commands(self._router.command_menu.public_in(self._catalogs))

    def _platform_returned(self, channel: str) -> None:
        task = asyncio.create_task(self.redeliver(channel=channel, everything=True), name=f"release-{channel}")
        self._releases.add(task)
        task.add_done_callback(self._released)

    async def wait_released(self) -> None:
        """Until the replies released by a platform's return have been resent (tests, and a clean stop)."""
        while self._releases:
            await asyncio.gather(*self._releases, return_exceptions=True)

    def _released(self, task: asyncio.Task[int]) -> None:
        self._releases.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("resending waiting replies failed; they go at their retry time",
                      exc_info=task.exception())

    def _can_share_location(self, channel: str) -> bool:
        attached = self._channels.get(channel)
        return attached is None or attached.capabilities.location

    def _has_buttons(self, channel: str) -> bool:
        attached = self._channels.get(channel)
        return attached is None or attached.capabilities.buttons

    def _keeps(self, channel: str) -> bool:
        attached = self._channels.get(channel)
        return attached is None or attached.capabilities.keeps_unasked

    def _sends_files(self, channel: str) -> bool:
        attached = self._channels.get(channel)
        return attached is None or attached.capabilities.files

    def _lock_for(self, channel: str, chat_id: str) -> asyncio.Lock:
        key = (channel, chat_id)
        lock = self._locks.get(key)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[key] = lock
        return lock

    async def handle(self, incoming: Incoming) -> Outcome:
        """Process one event and, when replies are delivered, send them."""
        started, kind = time.perf_counter(), "failed"
        try:
            async with self._lock_for(incoming.channel, incoming.chat_id):
                outcome, unsent, menu = await self._process(incoming)
                kind = turn_outcome(outcome)
                if unsent is not None:
                    if outcome.handler == "crisis":
                        self._urgent.add(unsent.id)
                    await self._deliver_live([unsent])
                if menu is not None:
                    await self._show_commands(incoming.channel, incoming.chat_id, *menu)
                return outcome
        finally:
            self.stats.turns[(incoming.channel, kind)] += 1
            seconds = self.stats.seconds
            seconds[incoming.channel] = seconds.get(incoming.channel, 0.0) + time.perf_counter() - started

    async def _show_commands(self, channel_name: str, chat_id: str, role: str | None, locale: str) -> None:
        channel = self._channels.get(channel_name)
        if isinstance(channel, CommandMenus):
            await channel.show_commands(chat_id, self._router.command_menu.for_chat(self._catalogs, role, locale))

    async def _process(self, incoming: Incoming) -> tuple[Outcome, Unsent | None, tuple[str | None, str] | None]:
        now = self._clock.now()
        taken: int | None = None
        key = (incoming.channel, incoming.user_id)
        async with self._store.unit_of_work() as uow:
            if self._shared:
                # Another process may be in this chat's turn: wait for it, then read what it committed.
                await uow.lock_chat(incoming.channel, incoming.chat_id)
                person_before, session_before = await uow.people.get_with_session(*key)
            else:
                person_before, session_before = await self._known(key)
            # The turn works on copies; what was read stays as it was, to tell what changed.
            person = replace(person_before) if person_before else None
            session = _copy_session(session_before)
            if person is None and incoming.choice is not None:
                # A button from a conversation that was erased or never stored: do not create anyone.
                _ = self._catalogs.translator(negotiate(incoming.language_hint, self._default_locale))
                step = Step([Reply(_("stale.unknown_person"))], "stale_choice")
                person_id = None
            else:
                if person is None:
                    locale = negotiate(incoming.language_hint, self._default_locale)
                    person = await uow.people.add(new_person(incoming, locale, now))
                    person_before = replace(person)
                assert person.id is not None
                if session is None or now - session.updated_at > timedelta(
                        minutes=self._services.session_timeout_minutes):
                    session = Session(person_id=person.id, updated_at=now)
                if person.chat_id != incoming.chat_id or not person.reachable:
                    person.chat_id, person.reachable = incoming.chat_id, True
                turn = Turn(
                    incoming=incoming, person=person, session=session,
                    _=self._catalogs.translator(person.locale), now=now, uow=uow, services=self._services,
                    can_share_location=self._can_share_location(incoming.channel),
                    has_buttons=self._has_buttons(incoming.channel),
                    can_send_files=self._sends_files(incoming.channel),
                )
                # Only a platform that keeps messages for their reader (Zalo) has any: asked of the database
                # where another process's sender may have kept one a moment ago.
                has_kept = (await uow.outbox.has_kept(person.id) if self._shared and self._keeps(incoming.channel)
                            else person.id in self.kept)
                if has_kept and incoming.text and asks_for_kept(incoming.text):
                    step = Step([], "kept")
                else:
                    step = await self._router.route(turn)
                if has_kept and not turn.erased and step.handler != "crisis":
                    # They are looking at the chat now: what was kept for them comes first.
                    kept = await uow.outbox.take_kept(person.id, now)
                    if not kept and step.handler == "kept":
                        step = await self._router.route(turn)
                    step = replace(step, replies=[*kept, *step.replies])
                    taken = person.id
                person_id = None if turn.erased else person.id
                if not turn.erased:
                    # Write only what changed: a plain question from a known person writes no person or
                    # session row. last_seen_at (for retention) needs no more than hourly precision.
                    if person != person_before or now - person.last_seen_at > LAST_SEEN_PRECISION:
                        person.last_seen_at = now
                        await uow.people.save(person)
                    # Choices on screen stay answerable until newer ones replace them.
                    session.offered = _last_choices(step) or session.offered
                    if _changed(session, session_before):
                        session.updated_at = now
                        await uow.sessions.save(session)
            replies = tuple(step.replies) if self._deliver_replies else ()
            inbox_id = await uow.inbox.record(incoming.channel, incoming.event_id, now, person_id,
                                              incoming.chat_id, replies)
            if inbox_id is None:
                log.info("replayed event ignored channel=%s event=%s", incoming.channel, incoming.event_id)
                _stored()
                return Outcome((), "duplicate", duplicate=True), None, None  # leaving rolls back the turn
            # Sent from here by a process that sends; else by the leader, told by a note in this commit.
            sending = bool(replies) and self.sends
            if replies and self._shared and not sending:
                urgent = "u" if step.handler == "crisis" else "n"
                uow.notify(f"{REPLIES_NOTE} {self._me} {inbox_id} {urgent} {incoming.channel} {incoming.chat_id}")
            await uow.commit()
            if sending:
                self._live.add(inbox_id)
            _stored()
        if taken is not None:
            self.kept.discard(taken)
        self._remember(key, person if person_id is not None else None, session)
        log.info("handled channel=%s event=%s handler=%s entry=%s", incoming.channel, incoming.event_id,
                 step.handler, step.entry)
        outcome = Outcome(tuple(step.replies), step.handler, step.entry)
        unsent = Unsent(inbox_id, person_id, incoming.channel, incoming.chat_id, replies, 0) if sending else None
        return outcome, unsent, _menu_change(person_before, person if person_id is not None else None,
                                             self._router.command_menu.roles)

    async def _known(self, key: tuple[str, str]) -> tuple[Person | None, Session | None]:
        """The person and session as last committed, from memory if this process wrote them last.
        Callers must not change them: they are the cache's own (turns work on copies)."""
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        return await self._store.person_with_session(*key)

    def _remember(self, key: tuple[str, str], person: Person | None, session: Session | None) -> None:
        """Keep the turn's committed objects; the turn that made them is over and never touches them again.
        Nothing is kept where other processes may write them next."""
        if person is None or self._shared:
            self._cache.pop(key, None)
            return
        self._cache[key] = (person, session)
        self._cache.move_to_end(key)
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)

    async def offer(self, person_id: int, choices: tuple[Choice, ...]) -> None:
        """A message sent outside a turn (a reminder, a notice) offered choices: remember them first, so
        that a typed "1" answers the message the person sees last, on a channel without buttons. The
        choices offered before stay answerable by button or words (an open step's own among them)."""
        async with self._store.reading() as uow:
            person = await uow.people.get_by_id(person_id)
            if person is None:
                return
        async with self._lock_for(person.channel, person.chat_id):
            async with self._store.unit_of_work() as uow:
                await uow.lock_chat(person.channel, person.chat_id)
                session = await uow.sessions.get(person_id)
                session = session or Session(person_id=person_id, updated_at=self._clock.now())
                # An older choice with the same words (last week's "Ổn") gives way to the new one.
                keys, labels = {c.key for c in choices}, {c.label for c in choices}
                kept = tuple(c for c in session.offered if c.key not in keys and c.label not in labels)
                session.offered = (*choices, *kept)[:MAX_OFFERED]
                session.updated_at = self._clock.now()
                await uow.sessions.save(session)
                await uow.commit()
            self.forget((person.channel, person.user_id))

    async def load_kept(self) -> None:
        """Whose messages are kept for them to ask for (at start; the sender adds to it after)."""
        async with self._store.unit_of_work() as uow:
            self.kept.clear()
            self.kept.update(await uow.outbox.kept_people())

    async def unreachable(self, person_id: int) -> None:
        """The sender found the person gone (blocked, chat deleted): drop what is cached about them."""
        self.forget()

    def channels(self) -> dict[str, Channel]:
        """The attached channels, by name (the outbox sender sends through the same ones)."""
        return self._channels

    def forget(self, key: tuple[str, str] | None = None) -> None:
        """Drop cached state (all of it when no key is given) after a write outside a turn."""
        if key is None:
            self._cache.clear()
        else:
            self._cache.pop(key, None)

    async def redeliver(self, limit: int = 500, channel: str | None = None, everything: bool = False) -> int:
        """Send what a crash or a network failure left unsent; returns how many events were tried.
        `everything` takes the waiting replies too, whatever their retry time (their platform is back);
        `channel` keeps to one platform's. Chats with a crisis reply waiting go first."""
        await self.flush_acknowledged()
        now = self._clock.now()
        async with self._store.reading() as uow:
            items = await uow.inbox.unsent(now + EVERYTHING if everything else now, limit)
        items = [item for item in items if item.id not in self._live and item.id not in self._marked]
        if channel is not None:
            items = [item for item in items if item.channel == channel]
        by_chat: dict[tuple[str, str], list[Unsent]] = {}
        for item in sorted(items, key=lambda i: i.id not in self._urgent):  # stable: by id within each
            by_chat.setdefault((item.channel, item.chat_id), []).append(item)
        for chat_items in by_chat.values():
            chat_items.sort(key=lambda i: i.id)  # a chat's replies keep their order
        self._live.update(item.id for item in items)
        for (platform, chat_id), chat_items in by_chat.items():
            async with self._lock_for(platform, chat_id):
                await self._deliver_live(chat_items)
        return len(items)

    async def _deliver_live(self, items: list[Unsent]) -> None:
        """`_deliver`, then let `redeliver` have the rows it did not leave waiting for their mark (those
        recorded as failed, or not tried)."""
        try:
            await self._deliver(items)
        finally:
            marking = self._marking.union(self._acknowledged)
            self._live.difference_update(item.id for item in items if item.id not in marking)

    async def _deliver(self, items: list[Unsent]) -> None:
        sent: list[int] = []
        unreachable: Unsent | None = None
        failed: list[tuple[Unsent, tuple[Reply, ...], float]] = []
        for position, item in enumerate(items):
            channel = self._channels.get(item.channel)
            if channel is None:
                log.warning("no channel %s for inbox row %d; kept for later", item.channel, item.id)
                continue
            if health_of(channel).down:  # not tried: they go when the platform answers again
                later = retry_delay(item.attempts)
                failed.extend((i, i.replies, later) for i in items[position:] if i.chat_id == item.chat_id)
                break
            pace = pace_of(channel)
            if 0 < (paused := pace.paused(self._clock.now())) <= SHORT_PAUSE:
                # A 429's usual second: the reply waits it out. A longer pause (a quota) is the
                # channel's own to enforce, and a refused reply keeps its own count of refusals.
                await asyncio.sleep(paused)
            answered = self._answered.get((item.channel, item.chat_id)) if self._shared else None
            if answered is not None and (wait := (answered + SECOND - self._clock.now()).total_seconds()) > 0:
                # With several processes the leader sends replies that waited for it (a takeover, a note)
                # and, behind them, replies held up by the platform's budget: a turn's replies go a second
                # after the platform answered the chat's last reply (it had counted that one by then), so
                # the chat never gets two in one of its seconds. Replies of one turn go one after another.
                await asyncio.sleep(min(wait, 1.0))
            try:
                for done, reply in enumerate(item.replies):
                    try:
                        # A reply takes the platform's next slot without waiting for it (scheduled
                        # messages move back instead), unless the platform's last second is full
                        # (bot/channels/pace.py).
                        await pace.room_for_reply(self._clock.now, asyncio.sleep)
                        with pace.sending(self._clock.now, item.chat_id):
                            await channel.send(item.chat_id, reply)
                        if self._shared:
                            self._chat_answered((item.channel, item.chat_id))
                        self.stats.replies[item.channel] += 1
                    except MessageRefused as exc:
                        # Refused for good (malformed): the replies after it still go.
                        log.error("reply refused channel=%s inbox=%d: %s; dropped", item.channel, item.id, exc)
                    except DeliveryFailed as exc:
                        if isinstance(exc, QuotaExceeded) and item.attempts + 1 >= QUOTA_ATTEMPTS:
                            log.error("reply given up channel=%s inbox=%d after %d refusals for the quota: %s",
                                      item.channel, item.id, item.attempts + 1, exc)
                            break
                        delay = exc.retry_after or retry_delay(item.attempts)
                        if exc.retry_after:
                            pace.pause(self._clock.now() + timedelta(seconds=exc.retry_after))
                        else:
                            health_of(channel).failed(self._clock.now())
                        log.warning("send failed channel=%s inbox=%d attempt=%d: %s; retry in %ss or when the "
                                    "platform answers again", item.channel, item.id, item.attempts + 1, exc, delay)
                        failed.append((item, item.replies[done:], delay))
                        failed.extend((i, i.replies, delay) for i in items[position + 1:] if i.chat_id == item.chat_id)
                        raise
            except ChatUnreachable:
                unreachable = item
                sent.extend(i.id for i in items[position:] if i.chat_id == item.chat_id)  # nothing more can arrive
                break
            except DeliveryFailed:
                break
            sent.append(item.id)
        self._urgent.difference_update(sent)
        self._acknowledged.extend(sent)
        if failed or unreachable is not None:
            await self._record_failures(failed, unreachable)
        elif self._acknowledged:
            # Marked at once, before the turn ends: a crash between a send and its mark sends that reply
            # again after the restart (at least once), so the mark must not wait for company.
            try:
                await self.flush_acknowledged()
            except Exception:
                log.exception("marking sent replies failed; they are marked with the next ones, or sent again "
                              "after a restart")

    async def _record_failures(self, failed: list[tuple[Unsent, tuple[Reply, ...], float]],
                               unreachable: Unsent | None) -> None:
        now = self._clock.now()
        sent, self._acknowledged = self._acknowledged, []
        self._marking.update(sent)
        try:
            await self._write_failures(now, sent, failed, unreachable)
        except BaseException:
            self._acknowledged[:0] = sent
            raise
        finally:
            self._marking.difference_update(sent)
        self._live.difference_update(sent)

    async def _write_failures(
            self, now: datetime, sent: list[int], failed: list[tuple[Unsent, tuple[Reply, ...], float]],
            unreachable: Unsent | None) -> None:
        async with self._store.unit_of_work() as uow:
            await uow.inbox.delivered(sent)
            for item, remaining, delay in failed:
                await uow.inbox.failed(item.id, now + timedelta(seconds=delay), remaining)
            if unreachable is not None and unreachable.person_id is not None:
                await mark_unreachable(uow, unreachable.person_id, now)
            await uow.commit()
        self._remember_marks(sent)
        if unreachable is not None and unreachable.person_id is not None:
            await self.unreachable(unreachable.person_id)
            log.info("chat unreachable channel=%s; person marked unreachable", unreachable.channel)

    async def close(self) -> None:
        """Mark what was sent before the store closes."""
        for task in [*self._releases, *self._notified]:
            task.cancel()
        await asyncio.gather(*self._releases, *self._notified, return_exceptions=True)
        await self.flush_acknowledged()

    async def flush_acknowledged(self) -> None:
        """Mark sent replies as delivered (which also forgets them)."""
        if self._acknowledged:
            sent, self._acknowledged = self._acknowledged, []
            self._marking.update(sent)
            try:
                async with self._store.unit_of_work() as uow:
                    await uow.inbox.delivered(sent)
                    await uow.commit()
            except BaseException:
                self._acknowledged[:0] = sent  # marked with the next ones; until then not sent again here
                raise
            finally:
                self._marking.difference_update(sent)
            self._remember_marks(sent)
            self._live.difference_update(sent)

    def _chat_answered(self, chat: tuple[str, str]) -> None:
        now = self._clock.now()
        self._answered[chat] = now
        self._answered.move_to_end(chat)
        while self._answered:
            oldest, when = next(iter(self._answered.items()))
            if now - when < SECOND:
                break
            del self._answered[oldest]

    def _remember_marks(self, ids: list[int]) -> None:
        """Rows just marked sent: a redelivery whose read began before the mark still has them, and must
        not send them again (a marked row never becomes unsent again, so remembering it is always right)."""
        self._marked.update(ids)
        self._marked_order.extend(ids)
        while len(self._marked_order) > MARKS_REMEMBERED:
            self._marked.discard(self._marked_order.popleft())

    def heard(self, note: str) -> None:
        """A note from another process sharing the database: a turn's replies to send, when this process
        sends. Each chat's rows are taken up in the order their notes came, which is their commits' order."""
        parts = note.split(" ")
        if len(parts) != 6 or parts[0] != REPLIES_NOTE or parts[1] == self._me or not self.sends:
            return
        try:
            inbox_id = int(parts[2])
        except ValueError:
            return
        task = asyncio.create_task(self._send_notified(inbox_id, parts[3] == "u", parts[4], parts[5]))
        self._notified.add(task)
        task.add_done_callback(self._notified.discard)

    async def _send_notified(self, inbox_id: int, urgent: bool, channel: str, chat_id: str) -> None:
        try:
            async with self._lock_for(channel, chat_id):  # taken in the notes' order (the lock is fair)
                if inbox_id in self._live or inbox_id in self._marked:
                    return
                self._live.add(inbox_id)
                try:
                    async with self._store.reading() as uow:
                        rows = await uow.inbox.waiting([inbox_id])
                except BaseException:
                    self._live.discard(inbox_id)
                    raise
                if not rows:
                    self._live.discard(inbox_id)
                    return
                if urgent:
                    self._urgent.add(inbox_id)
                await self._deliver_live(rows)
        except Exception:
            log.exception("sending another process's replies failed inbox=%d; they go with the redelivery", inbox_id)

    async def set_reachable(self, channel: str, user_id: str, reachable: bool) -> None:
        """The platform told us the person blocked (or unblocked) the bot."""
        self.forget((channel, user_id))
        async with self._store.unit_of_work() as uow:
            person = await uow.people.get(channel, user_id)
            if person is None or person.id is None or person.reachable == reachable:
                return
            if reachable:
                await uow.people.set_reachable(channel, user_id, True)
            else:
                await mark_unreachable(uow, person.id, self._clock.now())
            await uow.commit()
        self.forget((channel, user_id))  # a turn may have cached the old state meanwhile
        log.info("person on %s marked %s", channel, "reachable" if reachable else "unreachable")


def _menu_change(before: Person | None, after: Person | None,
                 staff_roles: frozenset[str]) -> tuple[str | None, str] | None:
    """(role, locale) when the chat's command menu must change: a new role, a staff member's new
    language, or a staff member erased (role None)."""
    staff_before = before is not None and before.role in staff_roles
    staff_after = after is not None and after.role in staff_roles
    if before is None or not (staff_before or staff_after):
        return None
    if after is None:
        return None, before.locale
    if (after.role, after.locale) == (before.role, before.locale):
        return None
    return after.role, after.locale


def _changed(session: Session, before: Session | None) -> bool:
    """Worth a write: the session differs from what is stored (an empty one counts as none), or a flow
    is open, whose expiry must slide with each message."""
    if session.flow is not None:
        return True
    if before is None:
        return bool(session.offered or session.data or session.last_choice)
    return session != before


def _copy_session(session: Session | None) -> Session | None:
    return None if session is None else replace(session, data=copy.deepcopy(session.data))


def _last_choices(step: Step) -> tuple[Choice, ...]:
    """The choices a typed "1" or "tieng viet" will be matched against next time."""
    for reply in reversed(step.replies):
        if reply.choices:
            return reply.choices
    return ()


_ASKS_FOR_KEPT = frozenset({"xem", "doc", "xem tin", "doc tin", "xem tin nhan", "doc tin nhan", "show", "read",
                            "show me", "read it", "open"})


def asks_for_kept(text: str) -> bool:
    """The word the neutral line asks for ("xem", "show"), with or without diacritics and punctuation."""
    return " ".join(words(text, expand_teencode=False)) in _ASKS_FOR_KEPT
