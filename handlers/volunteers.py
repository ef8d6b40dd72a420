"""Linking a volunteer and a person (only with the person's agreement), and the volunteer's weekly
check-in answers. /lienket (/link): a volunteer gets a one-time code to give; a person types
"/lienket CODE", and sees what the volunteer will and will not see before agreeing."""

from __future__ import annotations

from datetime import timedelta

from bot.dialogs import Step, Turn
from bot.i18n import N_
from bot.messages import Reply
from bot.services import volunteers as service
from bot.services.volunteers import CheckinKey, Did, EndLinkKey
from handlers.menu import menu_unless_in_flow
from handlers.privacy import ask_consent_for

FLOW = "link"
NOTE_FLOW = "checkin_note"


async def on_link(turn: Turn) -> Step:
    code = turn.args.strip().upper()
    if turn.person.role == "volunteer" and not code:
        return await _new_code(turn)
    if not code:
        return await _my_links(turn)
    if not turn.person.consented:
        return ask_consent_for(turn, "m:link", {"code": code})
    return await open_link(turn, code)


async def _new_code(turn: Turn) -> Step:
    done = await service.new_code(turn.uow, turn.context, turn.person)
    if done.did is Did.FULL:
        return Step([Reply(turn._("volunteers.full", count=done.count))], "volunteers:full")
    return Step([Reply(turn._("volunteers.code", code=done.code))], "volunteers:code")


async def _my_links(turn: Turn) -> Step:
    assert turn.person.id is not None
    done = await service.linked_volunteer(turn.uow, turn.person.id)
    if done.link is None or done.link.id is None:
        return Step([Reply(turn._("volunteers.none")), *menu_unless_in_flow(turn)], "volunteers")
    return Step([Reply(turn._("volunteers.linked", volunteer=done.volunteer.alias if done.volunteer else "?"), (
        turn.choice_of(EndLinkKey(done.link.id).pack(), "volunteers.end"),
        turn.choice_of("m:menu", "menu.back"),
    ))], "volunteers")


async def open_after_consent(turn: Turn, carried: dict[str, str]) -> Step:
    """The code typed with /lienket before consent was asked, once it is given."""
    turn.close_flow()
    return await open_link(turn, carried.get("code", ""))


async def open_link(turn: Turn, code: str) -> Step:
    waiting = await turn.code_wait()
    if waiting is not None:
        return Step([waiting], "volunteers:code_wait")
    done = await service.find_code(turn.uow, turn.context, turn.person, code)
    if done.link is None:
        await turn.code_failed()
        return Step([Reply(turn._("volunteers.bad_code"))], "volunteers:bad_code")
    turn.open_flow(FLOW, "agree", {"link": done.link.id, "volunteer": done.volunteer.alias if done.volunteer else "?"})
    return Step([_ask_agree(turn)], "volunteers")


def _ask_agree(turn: Turn) -> Reply:
    return Reply(turn._("volunteers.ask_agree", volunteer=turn.session.data.get("volunteer", "?"),
                        alias=turn.person.alias), (
        turn.choice_of("link:yes", "start.consent_yes"),
        turn.choice_of("link:no", "volunteers.no"),
    ))


def _ask_share(turn: Turn) -> Reply:
    return Reply(turn._("volunteers.ask_share", volunteer=turn.session.data.get("volunteer", "?")), (
        turn.choice_of("link:share", "volunteers.share_yes"),
        turn.choice_of("link:noshare", "volunteers.share_no"),
    ))


class LinkFlow:
    name = FLOW

    async def step(self, turn: Turn) -> Step | None:
        choice = turn.choice or ""
        if turn.session.step == "agree" and choice == "link:no":
            turn.close_flow()
            return Step([Reply(turn._("volunteers.declined")), *menu_unless_in_flow(turn)], "volunteers:declined")
        if turn.session.step == "agree" and choice == "link:yes":
            turn.goto("share")
            return Step([_ask_share(turn)], "volunteers")
        if turn.session.step == "share" and choice in ("link:share", "link:noshare"):
            return await _agree(turn, share=choice == "link:share")
        return None

    def prompt(self, turn: Turn) -> Reply:
        return _ask_share(turn) if turn.session.step == "share" else _ask_agree(turn)


async def _agree(turn: Turn, share: bool) -> Step:
    link_id = int(turn.session.data.get("link", 0))
    turn.close_flow()
    # The weekly check-in falls on tomorrow's weekday, so the first one is a few days away at most.
    weekday = turn._.local(turn.now + timedelta(days=1)).weekday()
    done = await service.agree(turn.uow, turn.context, turn.person, link_id, share, weekday)
    if done.did is Did.BAD_CODE:
        return Step([Reply(turn._("volunteers.bad_code"))], "volunteers:bad_code")
    return Step([Reply(turn._("volunteers.agreed", volunteer=done.volunteer.alias if done.volunteer else "?"))],
                "volunteers:agreed")


async def on_link_choice(turn: Turn) -> Step:
    """link:end:<id> from /lienket: the person ends the link; the volunteer's check-ins stop."""
    key = EndLinkKey.unpack(turn.choice)
    if key is not None:
        done = await service.end_link(turn.uow, turn.person, key.link)
        if done.did is Did.ENDED:
            return Step([Reply(turn._("volunteers.ended"))], "volunteers:ended")
    return Step([Reply(turn._("misc.stale_choice")), *menu_unless_in_flow(turn)], "stale_choice")


async def on_checkin(turn: Turn) -> Step:
    """ci:ok|help|none:<link>:<day>, the volunteer's answer to the weekly check-in."""
    key = CheckinKey.unpack(turn.choice)
    if key is None or key.answer not in ("ok", "help", "none"):
        return Step([Reply(turn._("misc.stale_choice"))], "stale_choice")
    done = await service.checkin_answer(turn.uow, turn.context, turn.person, key.link, key.answer)
    if done.did is Did.FOUND and done.link is not None:  # "needs support": an optional note first
        turn.open_flow(NOTE_FLOW, "note", {"link": done.link.id})
        return Step([_ask_note(turn)], "volunteers:help")
    return _rendered(turn, done)


def _rendered(turn: Turn, done: service.Outcome) -> Step:
    if done.did is Did.THANKS:
        return Step([Reply(turn._("volunteers.thanks"))], "volunteers:ok")
    if done.did is Did.TRY_AGAIN:
        return Step([Reply(turn._("volunteers.thanks_try_again"))], "volunteers:none")
    if done.did is Did.ESCALATED:
        return Step([Reply(turn._("volunteers.escalated", count=done.count))], "volunteers:escalated")
    return Step([Reply(turn._("volunteers.gone"))], "volunteers:gone")


def _ask_note(turn: Turn) -> Reply:
    key = N_("volunteers.ask_note") if turn.has_buttons else N_("volunteers.ask_note_typed")
    return Reply(turn._(key), (turn.choice_of("note:skip", "volunteers.skip"),))


class NoteFlow:
    """The optional note after "needs support"; the counselors are told either way."""

    name = NOTE_FLOW

    async def step(self, turn: Turn) -> Step | None:
        note = None
        if turn.choice != "note:skip":
            if turn.choice is not None or not turn.text.strip():
                return None
            note = turn.text.strip()
        link_id = int(turn.session.data.get("link", 0))
        turn.close_flow()
        return _rendered(turn, await service.help_needed(turn.uow, turn.context, link_id, note))

    def prompt(self, turn: Turn) -> Reply:
        return _ask_note(turn)
