"""Talking to a counselor through the bot: open a chat at a point, offer it to the counselors on duty,
take it (one counselor, atomically), relay each side's words, end it. Neither side sees the other's
account: the counselor sees the alias, the person "Tư vấn viên".

A relayed message is an outbox row at reply priority, framed so that nothing typed can pass for the
bot's own line, and split into parts Zalo can show; nothing is cut. With no counselor on the chat yet,
the person's messages wait (`delivered = 0`) and are shown to whoever takes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import ClassVar
from zoneinfo import ZoneInfo

from bot.keys import ChoiceKey
from bot.messages import Choice, Reply
from bot.priorities import Priority
from bot.services.context import Context, Notices
from bot.sites import Site
from bot.store.base import UnitOfWork
from bot.store.records import Address, Chat, OutboxItem, Person

# A relayed message is split into parts of at most this many characters (Zalo shows 2,000 with the
# frame and the part number); nothing is cut. One message is kept whole up to MAX_KEPT.
PART_CHARS = 1800
MAX_KEPT = 8000
# Every line of relayed words starts with this bar, so nothing a person or a counselor types can pass
# for the bot's own line ("🚨 …") or for another sender ("💬 Sông 5555: …").
QUOTE = "┃ "


def framed(text: str) -> str:
    """The relayed words as a quotation: each line behind the bar."""
    return "\n".join(QUOTE + line for line in text.splitlines() or [""])


def parts_of(text: str, size: int = PART_CHARS) -> list[str]:
    """The text in parts of at most `size` characters, cut at a line break or a space where one is near."""
    parts: list[str] = []
    rest = text
    while len(rest) > size:
        cut = max(rest.rfind("\n", 0, size), rest.rfind(" ", 0, size))
        cut = cut if cut > size // 2 else size
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    parts.append(rest)
    return parts


END = "chat:end"  # either side's "end the chat", outside the flow too


@dataclass(frozen=True)
class TakeChatKey(ChoiceKey):
    """chat:take:<chat>, on the offer to counselors on duty."""

    prefix: ClassVar[str] = "chat"
    tag: ClassVar[str | None] = "take"
    chat: int


def take_choice(chat: Chat, label: str) -> Choice:
    """The button that takes a waiting chat."""
    assert chat.id is not None
    return Choice(TakeChatKey(chat.id).pack(), label)


class Did(StrEnum):
    OFFERED = "offered"  # counselors on duty were offered the chat
    NOBODY_ON_DUTY = "nobody_on_duty"
    POINT_CLOSED = "point_closed"
    QUEUED = "queued"  # waits for a counselor
    RELAYED = "relayed"
    TAKEN = "taken"
    ALREADY_TAKEN = "already_taken"
    CLOSED = "closed"  # the chat was ended by the other side
    ENDED = "ended"
    NOTHING_OPEN = "nothing_open"


@dataclass(frozen=True)
class Outcome:
    did: Did
    chat: Chat | None = None
    opens_at: datetime | None = None  # when a closed point opens again
    other: Address | None = None  # the person a counselor took the chat of
    waiting: tuple[str, ...] = ()  # what the person wrote before anyone took the chat
    notices: Notices = ()


async def open_chat_of(uow: UnitOfWork, person_id: int) -> Chat | None:
    return await uow.chats.of_person(person_id)


async def taken_by(uow: UnitOfWork, counselor_id: int) -> Chat | None:
    """The chat a counselor has taken and not yet ended (a counselor holds one at a time)."""
    return await uow.chats.of_counselor(counselor_id)


async def still_open(uow: UnitOfWork, chat_id: int, counselor_id: int | None = None) -> Chat | None:
    """The chat a conversation step points at, if it is still open (and, given a counselor, still
    theirs): a step outlives a chat that the other side ended."""
    chat = await uow.chats.get(chat_id)
    if chat is None or chat.closed_at is not None:
        return None
    if counselor_id is not None and chat.counselor_id != counselor_id:
        return None
    return chat


async def points_with_counselors(uow: UnitOfWork, points: list[Site]) -> list[Site]:
    return [s for s in points if await uow.staff.counselors(s.id, on_duty_only=False)]


async def open_chat(uow: UnitOfWork, ctx: Context, person: Person, site: Site) -> Outcome:
    """A chat at `site`, offered to its counselors on duty. The person is told honestly when nobody is
    on duty or the point is closed by its listed hours; their messages wait either way."""
    assert person.id is not None
    chat = await uow.chats.open(Chat(person_id=person.id, point_id=site.id, opened_at=ctx.now))
    on_duty = await uow.staff.counselors(site.id, on_duty_only=True)
    local_now = ctx.now.astimezone(ZoneInfo(ctx.zone))
    is_open = site.open_at(local_now)
    notices = await _offer_to(uow, ctx, person, chat, on_duty) if on_duty else ()
    if on_duty and is_open is not False:
        return Outcome(Did.OFFERED, chat, notices=notices)
    opening = site.next_opening(local_now)
    if is_open is False and opening is not None:
        return Outcome(Did.POINT_CLOSED, chat, opens_at=opening, notices=notices)
    return Outcome(Did.NOBODY_ON_DUTY, chat, notices=notices)


async def _offer_to(uow: UnitOfWork, ctx: Context, person: Person, chat: Chat, counselors: list[Address]) -> Notices:
    assert chat.id is not None
    items = []
    for counselor in counselors:
        _ = ctx.catalogs.translator(counselor.locale)
        reply = Reply(_("talk.offer", alias=person.alias), (take_choice(chat, _("talk.take")),))
        items.append(OutboxItem.to(counselor, f"chat{chat.id}:offer:{counselor.person_id}", reply,
                                   Priority.APPOINTMENT, ctx.now, about_id=chat.person_id))
    await uow.outbox.add_many(items)
    return tuple(items)


async def from_person(uow: UnitOfWork, ctx: Context, person: Person, chat: Chat, text: str,
                      event_id: str) -> Outcome:
    """The person's words: to the counselor who took the chat, or kept until one does."""
    assert chat.id is not None
    text = text.strip()[:MAX_KEPT]
    if chat.counselor_id is None:
        await uow.chats.add_message(chat.id, True, text, ctx.now, delivered=False)
        return Outcome(Did.QUEUED, chat)
    counselor = await uow.people.address(chat.counselor_id)
    await uow.chats.add_message(chat.id, True, text, ctx.now, delivered=counselor is not None)
    if counselor is None:
        return Outcome(Did.RELAYED, chat)
    _ = ctx.catalogs.translator(counselor.locale)
    notices = await _relay(uow, ctx, counselor, f"chat{chat.id}:p:{event_id}", text,
                           lambda part: _("talk.from_person", alias=person.alias, text=part),
                           Choice(END, _("talk.end")), about=chat.person_id)
    return Outcome(Did.RELAYED, chat, notices=notices)


async def relay_if_open(uow: UnitOfWork, ctx: Context, person: Person, text: str, event_id: str) -> Outcome | None:
    """A person's message reaches their open chat even when the bot answers it itself (a crisis
    reply): the counselor reads what the person wrote. None when there is no open chat."""
    if not person.consented or person.id is None or person.role == "counselor":
        return None
    chat = await uow.chats.of_person(person.id)
    if chat is None or chat.closed_at is not None:
        return None
    return await from_person(uow, ctx, person, chat, text, event_id)


async def take(uow: UnitOfWork, ctx: Context, counselor: Person, chat_id: int) -> Outcome:
    """A counselor of the chat's point takes it, unless another already has (a button can be replayed
    or forged); the person is told someone joined, and the counselor gets what waited."""
    assert counselor.id is not None
    offered = await uow.chats.get(chat_id)
    if offered is None or offered.point_id != await uow.staff.point_of(counselor.id) \
            or not await uow.chats.take(chat_id, counselor.id, ctx.now):
        return Outcome(Did.ALREADY_TAKEN)
    chat = await uow.chats.get(chat_id)
    assert chat is not None
    person = await uow.people.address(chat.person_id)
    await uow.audit.record(counselor.id, chat.person_id, "chat", ctx.now)
    waiting = tuple(await uow.chats.undelivered(chat_id))
    notices: Notices = ()
    if person is not None:
        _ = ctx.catalogs.translator(person.locale)
        notices = await _send(uow, ctx, person, f"chat{chat_id}:joined", Reply(_("talk.joined")))
    return Outcome(Did.TAKEN, chat, other=person, waiting=waiting, notices=notices)


async def from_counselor(uow: UnitOfWork, ctx: Context, counselor: Person, chat_id: int, text: str,
                         event_id: str) -> Outcome:
    """The counselor's words, to the person; CLOSED when the chat is no longer theirs to write in."""
    chat = await uow.chats.get(chat_id)
    if chat is None or chat.id is None or chat.closed_at is not None or chat.counselor_id != counselor.id:
        return Outcome(Did.CLOSED)
    text = text.strip()[:MAX_KEPT]
    await uow.chats.add_message(chat.id, False, text, ctx.now, delivered=True)
    person = await uow.people.address(chat.person_id)
    if person is None:
        return Outcome(Did.RELAYED, chat)
    _ = ctx.catalogs.translator(person.locale)
    notices = await _relay(uow, ctx, person, f"chat{chat.id}:c:{event_id}", text,
                           lambda part: _("talk.from_counselor", text=part), Choice(END, _("talk.end")))
    return Outcome(Did.RELAYED, chat, notices=notices)


async def end(uow: UnitOfWork, ctx: Context, actor: Person, chat_id: int | None) -> Outcome:
    """Either side ends the chat (the one open in their conversation, else the person's own); the other
    side is told."""
    assert actor.id is not None
    chat = await uow.chats.get(chat_id) if chat_id else await uow.chats.of_person(actor.id)
    if chat is None or chat.id is None or chat.closed_at is not None:
        return Outcome(Did.NOTHING_OPEN)
    await uow.chats.close(chat.id, ctx.now)
    other_id = chat.counselor_id if chat.person_id == actor.id else chat.person_id
    other = await uow.people.address(other_id) if other_id is not None else None
    notices: Notices = ()
    if other is not None:
        _ = ctx.catalogs.translator(other.locale)
        notices = await _send(uow, ctx, other, f"chat{chat.id}:end", Reply(_("talk.ended_by_other")))
    return Outcome(Did.ENDED, chat, notices=notices)


async def _relay(uow: UnitOfWork, ctx: Context, to: Address, key: str, text: str, render: Callable[[str], str],
                 end_choice: Choice, about: int | None = None) -> Notices:
    """Relayed words, framed, in as many parts as they need, numbered when there are several; the
    last part carries the "end" choice."""
    pieces = parts_of(text)
    items = []
    for number, piece in enumerate(pieces, start=1):
        body = framed(piece) + (f"\n({number}/{len(pieces)})" if len(pieces) > 1 else "")
        choices = (end_choice,) if number == len(pieces) else ()
        items.append(OutboxItem.to(to, key=key if len(pieces) == 1 else f"{key}:{number}",
                                   reply=Reply(render(body), choices), priority=Priority.REPLY, due_at=ctx.now,
                                   about_id=about))
    await uow.outbox.add_many(items)
    return tuple(items)


async def _send(uow: UnitOfWork, ctx: Context, to: Address, key: str, reply: Reply) -> Notices:
    items = [OutboxItem.to(to, key=key, reply=reply, priority=Priority.REPLY, due_at=ctx.now)]
    await uow.outbox.add_many(items)
    return tuple(items)
