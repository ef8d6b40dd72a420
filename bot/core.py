"""The conversation core: one Incoming in, replies out, the same for every channel.

For each event: record its id (a replay stops here), load the person and their session, route, and
write the new state and the replies to the outbox in one transaction; then send the replies and
delete them from the outbox. A crash between commit and send leaves the replies in the outbox, and
`redeliver` sends them after a restart: nothing is lost, and the state is never applied twice.

Events from one chat are handled one at a time, in order; different chats run concurrently.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from datetime import datetime, timedelta

from bot.channels.base import Channel, ChatUnreachable, DeliveryFailed
from bot.clock import Clock
from bot.dialogs import Services, Step, Turn
from bot.i18n import Catalogs, negotiate
from bot.messages import Choice, Incoming, Outcome, Reply
from bot.router import Router
from bot.services.people import new_person
from bot.store.base import Store, UnitOfWork
from bot.store.records import OutboxItem, Session

log = logging.getLogger(__name__)
REPLY_PRIORITY = 0
RETRY_DELAYS = (5, 30, 120, 600, 1800)


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
        self._channels: dict[str, Channel] = {}
        self._locks: weakref.WeakValueDictionary[tuple[str, str], asyncio.Lock] = weakref.WeakValueDictionary()

    def attach(self, channel: Channel) -> None:
        """Send this channel's replies (and what its outbox holds) through it from now on."""
        self._channels[channel.name] = channel

    def _lock_for(self, channel: str, chat_id: str) -> asyncio.Lock:
        key = (channel, chat_id)
        lock = self._locks.get(key)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[key] = lock
        return lock

    async def handle(self, incoming: Incoming) -> Outcome:
        """Process one event and, when channels are attached, deliver its replies."""
        async with self._lock_for(incoming.channel, incoming.chat_id):
            outcome = await self._process(incoming)
            if outcome.outbox_ids:
                await self._deliver_ids(outcome.outbox_ids)
            return outcome

    async def _process(self, incoming: Incoming) -> Outcome:
        now = self._clock.now()
        async with self._store.unit_of_work() as uow:
            if not await uow.inbox.record(incoming.channel, incoming.event_id, now):
                log.info("replayed event ignored channel=%s event=%s", incoming.channel, incoming.event_id)
                return Outcome((), "duplicate", duplicate=True)
            person = await uow.people.get(incoming.channel, incoming.user_id)
            if person is None:
                if incoming.choice is not None:
                    # A button from a conversation that was erased or never stored: do not create anyone.
                    _ = self._catalogs.translator(negotiate(incoming.language_hint, self._default_locale))
                    replies: tuple[Reply, ...] = (Reply(_("stale.unknown_person")),)
                    ids = await self._queue(uow, None, incoming, replies, now)
                    await uow.commit()
                    return Outcome(replies, "stale_choice", outbox_ids=ids)
                locale = negotiate(incoming.language_hint, self._default_locale)
                person = await uow.people.add(new_person(incoming, locale, now))
            assert person.id is not None
            session = await uow.sessions.get(person.id)
            timeout = timedelta(minutes=self._services.session_timeout_minutes)
            if session is None or now - session.updated_at > timeout:
                session = Session(person_id=person.id, updated_at=now)
            if person.chat_id != incoming.chat_id or not person.reachable:
                person.chat_id, person.reachable = incoming.chat_id, True
            turn = Turn(
                incoming=incoming, person=person, session=session,
                _=self._catalogs.translator(person.locale), now=now, uow=uow, services=self._services,
            )
            step = await self._router.route(turn)
            if not turn.erased:
                person.last_seen_at = now
                await uow.people.save(person)
                session.updated_at = now
                # Choices on screen stay answerable until newer ones replace them.
                session.offered = _last_choices(step) or session.offered
                await uow.sessions.save(session)
            ids = await self._queue(uow, None if turn.erased else person.id, incoming, tuple(step.replies), now)
            await uow.commit()
        log.info("handled channel=%s event=%s handler=%s entry=%s", incoming.channel, incoming.event_id,
                 step.handler, step.entry)
        return Outcome(tuple(step.replies), step.handler, step.entry, outbox_ids=ids)

    async def _queue(
        self, uow: UnitOfWork, person_id: int | None, incoming: Incoming, replies: tuple[Reply, ...],
        now: datetime,
    ) -> tuple[int, ...]:
        """Write the replies to the outbox (when there is a channel to send them on)."""
        if not self._deliver_replies:
            return ()
        ids = []
        for index, reply in enumerate(replies):
            key = f"reply:{incoming.channel}:{incoming.event_id}:{index}"
            row = await uow.outbox.add(
                person_id, incoming.channel, incoming.chat_id, reply, priority=REPLY_PRIORITY, key=key, at=now,
            )
            if row is not None:
                ids.append(row)
        return tuple(ids)

    async def _deliver_ids(self, ids: tuple[int, ...]) -> None:
        async with self._store.unit_of_work() as uow:
            items = await uow.outbox.get(ids)
            await uow.commit()
        await self._deliver(items)

    async def redeliver(self, limit: int = 500) -> int:
        """Send what a crash or a network failure left in the outbox; returns how many were tried."""
        async with self._store.unit_of_work() as uow:
            items = await uow.outbox.pending(self._clock.now(), limit)
            await uow.commit()
        by_chat: dict[tuple[str, str], list[OutboxItem]] = {}
        for item in items:
            by_chat.setdefault((item.channel, item.chat_id), []).append(item)
        for (channel, chat_id), chat_items in by_chat.items():
            async with self._lock_for(channel, chat_id):
                await self._deliver(chat_items)
        return len(items)

    async def _deliver(self, items: list[OutboxItem]) -> None:
        sent: list[int] = []
        unreachable: list[OutboxItem] = []
        failed: list[tuple[OutboxItem, float]] = []
        for position, item in enumerate(items):
            channel = self._channels.get(item.channel)
            if channel is None:
                log.warning("no channel %s for outbox row %d; kept for later", item.channel, item.id)
                continue
            try:
                await channel.send(item.chat_id, Reply.from_json(item.payload))
            except ChatUnreachable:
                unreachable.append(item)
                # The rest of this chat's replies cannot arrive either.
                unreachable.extend(i for i in items[position + 1:] if i.chat_id == item.chat_id)
                break
            except DeliveryFailed as exc:
                delay = exc.retry_after or RETRY_DELAYS[min(item.attempts, len(RETRY_DELAYS) - 1)]
                log.warning("send failed channel=%s outbox=%d attempt=%d: %s; retry in %ss",
                            item.channel, item.id, item.attempts + 1, exc, delay)
                failed.extend((i, delay) for i in items[position:] if i.chat_id == item.chat_id)
                break
            else:
                sent.append(item.id)
        now = self._clock.now()
        async with self._store.unit_of_work() as uow:
            await uow.outbox.done(sent + [i.id for i in unreachable])
            for item, delay in failed:
                await uow.outbox.failed(item.id, now + timedelta(seconds=delay))
            for item in unreachable[:1]:
                person = await uow.people.get_by_id(item.person_id) if item.person_id else None
                if person is not None:
                    await uow.people.set_reachable(person.channel, person.user_id, False)
                log.info("chat unreachable channel=%s; person marked unreachable", item.channel)
            await uow.commit()

    async def set_reachable(self, channel: str, user_id: str, reachable: bool) -> None:
        """The platform told us the person blocked (or unblocked) the bot."""
        async with self._store.unit_of_work() as uow:
            changed = await uow.people.set_reachable(channel, user_id, reachable)
            await uow.commit()
        if changed:
            log.info("person on %s marked %s", channel, "reachable" if reachable else "unreachable")


def _last_choices(step: Step) -> tuple[Choice, ...]:
    """The choices a typed "1" or "tieng viet" will be matched against next time."""
    for reply in reversed(step.replies):
        if reply.choices:
            return reply.choices
    return ()
