"""Talking to a counselor through the bot (issue #4): the person's messages go to the point's counselor
on duty, who answers through the bot; neither sees the other's account (the counselor sees the alias,
the person sees "Tư vấn viên"). Either can end the chat with /ketthuc. With nobody on duty, or the
point closed, the person is told so honestly, what to do if it is urgent, and when someone will
answer; the message waits. Chat messages are deleted after CHAT_RETENTION_DAYS (30 by default).
"""

from __future__ import annotations

from collections.abc import Callable

from bot.dialogs import Step, Turn
from bot.messages import Choice, Reply
from bot.services.budget import Priority
from bot.store.records import Address, Chat, OutboxItem
from handlers.menu import main_menu, menu_unless_in_flow
from handlers.sites import counseling_points

FLOW = "talk"
RELAY_FLOW = "relay"
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


async def start(turn: Turn) -> Step:
    """The menu's "talk to a counselor" (after consent)."""
    assert turn.person.id is not None
    chat = await turn.uow.chats.of_person(turn.person.id)
    if chat is not None:
        turn.open_flow(FLOW, "open", {"chat": chat.id})
        return Step([Reply(turn._("talk.still_open"), (turn.choice_of("chat:end", "talk.end"),))], "talk")
    points = [s for s in counseling_points(turn) if await turn.uow.staff.counselors(s.id, on_duty_only=False)]
    if not points:
        turn.close_flow()
        return Step([Reply(turn._("talk.no_points")), main_menu(turn)], "talk:no_points")
    turn.open_flow(FLOW, "point")
    choices = tuple(Choice(f"chat:p:{s.id}", s.short_name) for s in points[:8])
    return Step([Reply(turn._("talk.ask_point"), choices)], "talk")


class TalkFlow:
    """The person's side."""

    name = FLOW

    async def step(self, turn: Turn) -> Step | None:
        choice = turn.choice or ""
        if choice == "chat:end":
            return await end(turn)
        if turn.session.step == "point" and choice.startswith("chat:p:"):
            return await _open(turn, choice.removeprefix("chat:p:"))
        if turn.session.step == "open":
            chat = await turn.uow.chats.get(int(turn.session.data.get("chat", 0)))
            if chat is None or chat.closed_at is not None:
                # Ended by the counselor: this step is over; a button or a command is handled as usual.
                turn.close_flow()
                if turn.choice is None and turn.text.strip():
                    return Step([Reply(turn._("talk.closed")), *menu_unless_in_flow(turn)], "talk:closed")
                return None
            if turn.choice is None and turn.text.strip():
                return await _from_person(turn, chat)
        return None

    def prompt(self, turn: Turn) -> Reply:
        if turn.session.step == "open":
            return Reply(turn._("talk.keep_writing"), (turn.choice_of("chat:end", "talk.end"),))
        return Reply(turn._("talk.ask_point"))


async def on_text(turn: Turn) -> Step | None:
    """A message from either side of an open chat whose conversation step has expired (after
    SESSION_TIMEOUT_MINUTES) still goes through. Only people who consented can have a chat, and only
    counselors take one, so everybody else costs no read."""
    if not turn.person.consented or turn.person.id is None:
        return None
    if turn.person.role == "counselor":
        taken = await turn.uow.chats.of_counselor(turn.person.id)
        if taken is None:
            return None
        turn.open_flow(RELAY_FLOW, "open", {"chat": taken.id})
        return await RelayFlow().step(turn)
    chat = await turn.uow.chats.of_person(turn.person.id)
    if chat is None:
        return None
    turn.open_flow(FLOW, "open", {"chat": chat.id})
    return await _from_person(turn, chat)


async def relay_from_person(turn: Turn) -> bool:
    """A message from a person with an open chat reaches the chat even when the bot answers it itself
    (a crisis reply): the counselor reads what the person wrote."""
    if not turn.person.consented or turn.person.id is None or turn.person.role == "counselor":
        return False
    chat = await turn.uow.chats.of_person(turn.person.id)
    if chat is None or chat.closed_at is not None:
        return False
    await _from_person(turn, chat)
    return True


async def _open(turn: Turn, point_id: str) -> Step:
    assert turn.person.id is not None
    site = next((s for s in counseling_points(turn) if s.id == point_id), None)
    if site is None:
        return Step([Reply(turn._("misc.stale_choice"))], "stale_choice")
    chat = await turn.uow.chats.open(Chat(person_id=turn.person.id, point_id=point_id, opened_at=turn.now))
    turn.open_flow(FLOW, "open", {"chat": chat.id})
    on_duty = await turn.uow.staff.counselors(point_id, on_duty_only=True)
    local_now = turn._.local(turn.now)
    is_open = site.open_at(local_now)
    replies = []
    if on_duty and is_open is not False:
        await _offer_to(turn, chat, on_duty)
        replies.append(Reply(turn._("talk.opened"), (turn.choice_of("chat:end", "talk.end"),)))
    else:
        opening = site.next_opening(local_now)
        if is_open is False and opening is not None:
            replies.append(Reply(turn._("talk.point_closed", name=site.name, when=turn._.datetime(opening))))
        else:
            replies.append(Reply(turn._("talk.nobody_on_duty")))
        replies.append(Reply(turn._("talk.meanwhile"), (turn.choice_of("m:book", "menu.book"),
                                                         turn.choice_of("chat:end", "talk.end"))))
        if on_duty:
            await _offer_to(turn, chat, on_duty)
    return Step(replies, "talk:opened")


async def _offer_to(turn: Turn, chat: Chat, counselors: list[Address]) -> None:
    assert chat.id is not None
    items = []
    for counselor in counselors:
        _ = turn.services.catalogs.translator(counselor.locale)
        reply = Reply(_("talk.offer", alias=turn.person.alias), (Choice(f"chat:take:{chat.id}", _("talk.take")),))
        items.append(OutboxItem.to(counselor, f"chat{chat.id}:offer:{counselor.person_id}", reply,
                                   Priority.APPOINTMENT, turn.now, about_id=chat.person_id))
    await turn.uow.outbox.add_many(items)


async def _from_person(turn: Turn, chat: Chat) -> Step:
    assert chat.id is not None
    text = turn.text.strip()[:MAX_KEPT]
    if chat.counselor_id is None:
        await turn.uow.chats.add_message(chat.id, True, text, turn.now, delivered=False)
        return Step([Reply(turn._("talk.queued"))], "talk:queued")
    counselor = await turn.uow.links.address(chat.counselor_id)
    await turn.uow.chats.add_message(chat.id, True, text, turn.now, delivered=counselor is not None)
    if counselor is not None:
        _ = turn.services.catalogs.translator(counselor.locale)
        await _relay(turn, counselor, f"chat{chat.id}:p:{turn.incoming.event_id}", text,
                     lambda part: _("talk.from_person", alias=turn.person.alias, text=part),
                     Choice("chat:end", _("talk.end")), about=chat.person_id)
    return Step([], "talk:relayed")


async def _relay(turn: Turn, to: Address, key: str, text: str, render: Callable[[str], str], end: Choice,
                 about: int | None = None) -> None:
    """Relayed words, framed, in as many parts as they need, numbered when there are several; the
    last part carries the "end" choice."""
    pieces = parts_of(text)
    items = []
    for number, piece in enumerate(pieces, start=1):
        body = framed(piece) + (f"\n({number}/{len(pieces)})" if len(pieces) > 1 else "")
        choices = (end,) if number == len(pieces) else ()
        items.append(OutboxItem.to(to, key=key if len(pieces) == 1 else f"{key}:{number}",
                                   reply=Reply(render(body), choices), priority=Priority.REPLY, due_at=turn.now,
                                   about_id=about))
    await turn.uow.outbox.add_many(items)


async def _send(turn: Turn, to: Address, key: str, reply: Reply, about: int | None = None) -> None:
    await turn.uow.outbox.add_many([OutboxItem.to(to, key=key, reply=reply, priority=Priority.REPLY, due_at=turn.now,
                                                  about_id=about)])


async def on_chat_choice(turn: Turn) -> Step:
    """chat:take:<id> (a counselor takes a waiting chat), chat:end (either side, outside the flow)."""
    parts = (turn.choice or "").split(":")
    if parts[:2] == ["chat", "end"]:
        return await end(turn)
    if len(parts) == 3 and parts[1] == "take" and parts[2].isdigit() and turn.person.role == "counselor":
        return await _take(turn, int(parts[2]))
    return Step([Reply(turn._("misc.stale_choice")), *menu_unless_in_flow(turn)], "stale_choice")


async def _take(turn: Turn, chat_id: int) -> Step:
    assert turn.person.id is not None
    offered = await turn.uow.chats.get(chat_id)
    # Only a counselor of the chat's point may take it (a button can be replayed or forged).
    if offered is None or offered.point_id != await turn.uow.staff.point_of(turn.person.id) \
            or not await turn.uow.chats.take(chat_id, turn.person.id, turn.now):
        return Step([Reply(turn._("talk.already_taken"))], "talk:taken")
    chat = await turn.uow.chats.get(chat_id)
    assert chat is not None
    person = await turn.uow.links.address(chat.person_id)
    await turn.uow.appointments.audit(turn.person.id, chat.person_id, "chat", turn.now)
    waiting = await turn.uow.chats.undelivered(chat_id)
    turn.open_flow(RELAY_FLOW, "open", {"chat": chat_id})
    lines = [turn._("talk.you_took", alias=person.alias if person else "?")]
    lines += [framed(text) for text in waiting]
    if person is not None:
        _ = turn.services.catalogs.translator(person.locale)
        await _send(turn, person, f"chat{chat_id}:joined", Reply(_("talk.joined")))
    return Step([Reply("\n".join(lines), (turn.choice_of("chat:end", "talk.end"),))], "talk:took")


class RelayFlow:
    """The counselor's side: what they type goes to the person."""

    name = RELAY_FLOW

    async def step(self, turn: Turn) -> Step | None:
        if turn.choice == "chat:end":
            return await end(turn)
        chat = await turn.uow.chats.get(int(turn.session.data.get("chat", 0)))
        if chat is None or chat.id is None or chat.closed_at is not None or chat.counselor_id != turn.person.id:
            # Ended by the person: this step is over; a button or a command is handled as usual.
            turn.close_flow()
            if turn.choice is None and turn.command is None and turn.text.strip():
                return Step([Reply(turn._("talk.closed"))], "talk:closed")
            return None
        if turn.choice is not None or not turn.text.strip():
            return None
        text = turn.text.strip()[:MAX_KEPT]
        await turn.uow.chats.add_message(chat.id, False, text, turn.now, delivered=True)
        person = await turn.uow.links.address(chat.person_id)
        if person is not None:
            _ = turn.services.catalogs.translator(person.locale)
            await _relay(turn, person, f"chat{chat.id}:c:{turn.incoming.event_id}", text,
                         lambda part: _("talk.from_counselor", text=part), Choice("chat:end", _("talk.end")))
        return Step([], "talk:relayed")

    def prompt(self, turn: Turn) -> Reply:
        return Reply(turn._("talk.relay_hint"), (turn.choice_of("chat:end", "talk.end"),))


async def end(turn: Turn) -> Step:
    """/ketthuc, /end, or the End button: close the chat; the other side is told."""
    assert turn.person.id is not None
    chat_id = turn.session.data.get("chat") if turn.session.flow in (FLOW, RELAY_FLOW) else None
    chat = await turn.uow.chats.get(int(chat_id)) if chat_id else await turn.uow.chats.of_person(turn.person.id)
    turn.close_flow()
    if chat is None or chat.id is None or chat.closed_at is not None:
        return Step([Reply(turn._("talk.nothing_open")), *menu_unless_in_flow(turn)], "talk:none")
    await turn.uow.chats.close(chat.id, turn.now)
    other_id = chat.counselor_id if chat.person_id == turn.person.id else chat.person_id
    if other_id is not None:
        other = await turn.uow.links.address(other_id)
        if other is not None:
            _ = turn.services.catalogs.translator(other.locale)
            await _send(turn, other, f"chat{chat.id}:end", Reply(_("talk.ended_by_other")))
    return Step([Reply(turn._("talk.ended")), *menu_unless_in_flow(turn)], "talk:ended")
