"""Talking to a counselor through the bot: the person's side (choose a point, write) and the
counselor's (take a chat, write back); either ends it with /ketthuc. The rules are in
bot/services/chats.py; here the person is asked and told. With nobody on duty, or the point closed,
the person is told so honestly, what to do if it is urgent, and when someone will answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from bot.dialogs import Step, Turn
from bot.keys import ChoiceKey
from bot.messages import Choice, Reply
from bot.services import chats as cases
from bot.services.chats import END, Did, TakeChatKey
from bot.store.records import Chat
from handlers.menu import main_menu, menu_unless_in_flow
from handlers.sites import counseling_points

FLOW = "talk"
RELAY_FLOW = "relay"


@dataclass(frozen=True)
class ChatPointKey(ChoiceKey):
    """chat:p:<point>, the point a person chooses to talk to."""

    prefix: ClassVar[str] = "chat"
    tag: ClassVar[str | None] = "p"
    point: str


async def start(turn: Turn) -> Step:
    """The menu's "talk to a counselor" (after consent)."""
    assert turn.person.id is not None
    chat = await cases.open_chat_of(turn.uow, turn.person.id)
    if chat is not None:
        turn.open_flow(FLOW, "open", {"chat": chat.id})
        return Step([Reply(turn._("talk.still_open"), (turn.choice_of(END, "talk.end"),))], "talk")
    points = await cases.points_with_counselors(turn.uow, counseling_points(turn))
    if not points:
        turn.close_flow()
        return Step([Reply(turn._("talk.no_points")), main_menu(turn)], "talk:no_points")
    turn.open_flow(FLOW, "point")
    choices = tuple(Choice(ChatPointKey(s.id).pack(), s.short_name) for s in points[:8])
    return Step([Reply(turn._("talk.ask_point"), choices)], "talk")


class TalkFlow:
    """The person's side."""

    name = FLOW

    async def step(self, turn: Turn) -> Step | None:
        if turn.choice == END:
            return await end(turn)
        point = ChatPointKey.unpack(turn.choice)
        if turn.session.step == "point" and point is not None:
            return await _open(turn, point.point)
        if turn.session.step == "open":
            chat = await cases.still_open(turn.uow, int(turn.session.data.get("chat", 0)))
            if chat is None:
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
            return Reply(turn._("talk.keep_writing"), (turn.choice_of(END, "talk.end"),))
        return Reply(turn._("talk.ask_point"))


async def on_text(turn: Turn) -> Step | None:
    """A message from either side of an open chat whose conversation step has expired (after
    SESSION_TIMEOUT_MINUTES) still goes through. Only people who consented can have a chat, and only
    counselors take one, so everybody else costs no read."""
    if not turn.person.consented or turn.person.id is None:
        return None
    if turn.person.role == "counselor":
        taken = await cases.taken_by(turn.uow, turn.person.id)
        if taken is None:
            return None
        turn.open_flow(RELAY_FLOW, "open", {"chat": taken.id})
        return await RelayFlow().step(turn)
    chat = await cases.open_chat_of(turn.uow, turn.person.id)
    if chat is None:
        return None
    turn.open_flow(FLOW, "open", {"chat": chat.id})
    return await _from_person(turn, chat)


async def relay_from_person(turn: Turn) -> bool:
    """A message from a person with an open chat reaches the chat even when the bot answers it itself
    (a crisis reply)."""
    done = await cases.relay_if_open(turn.uow, turn.context, turn.person, turn.text, turn.incoming.event_id)
    return done is not None


async def _open(turn: Turn, point_id: str) -> Step:
    site = next((s for s in counseling_points(turn) if s.id == point_id), None)
    if site is None:
        return Step([Reply(turn._("misc.stale_choice"))], "stale_choice")
    done = await cases.open_chat(turn.uow, turn.context, turn.person, site)
    assert done.chat is not None
    turn.open_flow(FLOW, "open", {"chat": done.chat.id})
    if done.did is Did.OFFERED:
        return Step([Reply(turn._("talk.opened"), (turn.choice_of(END, "talk.end"),))], "talk:opened")
    if done.did is Did.POINT_CLOSED and done.opens_at is not None:
        why = Reply(turn._("talk.point_closed", name=site.name, when=turn._.datetime(done.opens_at)))
    else:
        why = Reply(turn._("talk.nobody_on_duty"))
    return Step([why, Reply(turn._("talk.meanwhile"), (turn.choice_of("m:book", "menu.book"),
                                                       turn.choice_of(END, "talk.end")))], "talk:opened")


async def _from_person(turn: Turn, chat: Chat) -> Step:
    done = await cases.from_person(turn.uow, turn.context, turn.person, chat, turn.text, turn.incoming.event_id)
    if done.did is Did.QUEUED:
        return Step([Reply(turn._("talk.queued"))], "talk:queued")
    return Step([], "talk:relayed")


async def on_chat_choice(turn: Turn) -> Step:
    """chat:take:<id> (a counselor takes a waiting chat), chat:end (either side, outside the flow)."""
    if turn.choice == END:
        return await end(turn)
    take = TakeChatKey.unpack(turn.choice)
    if take is not None and turn.person.role == "counselor":
        return await _take(turn, take.chat)
    return Step([Reply(turn._("misc.stale_choice")), *menu_unless_in_flow(turn)], "stale_choice")


async def _take(turn: Turn, chat_id: int) -> Step:
    done = await cases.take(turn.uow, turn.context, turn.person, chat_id)
    if done.did is not Did.TAKEN:
        return Step([Reply(turn._("talk.already_taken"))], "talk:taken")
    turn.open_flow(RELAY_FLOW, "open", {"chat": chat_id})
    lines = [turn._("talk.you_took", alias=done.other.alias if done.other else "?")]
    lines += [cases.framed(text) for text in done.waiting]
    return Step([Reply("\n".join(lines), (turn.choice_of(END, "talk.end"),))], "talk:took")


class RelayFlow:
    """The counselor's side: what they type goes to the person."""

    name = RELAY_FLOW

    async def step(self, turn: Turn) -> Step | None:
        if turn.choice == END:
            return await end(turn)
        if turn.choice is not None or not turn.text.strip():
            if await cases.still_open(turn.uow, int(turn.session.data.get("chat", 0)), turn.person.id) is None:
                turn.close_flow()  # ended by the person: a button or a command is handled as usual
            return None
        done = await cases.from_counselor(turn.uow, turn.context, turn.person,
                                          int(turn.session.data.get("chat", 0)), turn.text, turn.incoming.event_id)
        if done.did is Did.CLOSED:
            # Ended by the person: this step is over.
            turn.close_flow()
            if turn.command is None:
                return Step([Reply(turn._("talk.closed"))], "talk:closed")
            return None
        return Step([], "talk:relayed")

    def prompt(self, turn: Turn) -> Reply:
        return Reply(turn._("talk.relay_hint"), (turn.choice_of(END, "talk.end"),))


async def end(turn: Turn) -> Step:
    """/ketthuc, /end, or the End button: close the chat; the other side is told."""
    chat_id = turn.session.data.get("chat") if turn.session.flow in (FLOW, RELAY_FLOW) else None
    turn.close_flow()
    done = await cases.end(turn.uow, turn.context, turn.person, int(chat_id) if chat_id else None)
    if done.did is Did.NOTHING_OPEN:
        return Step([Reply(turn._("talk.nothing_open")), *menu_unless_in_flow(turn)], "talk:none")
    return Step([Reply(turn._("talk.ended")), *menu_unless_in_flow(turn)], "talk:ended")
