"""Linking a volunteer and a person (only with the person's agreement), and the volunteer's weekly
check-in answers. /lienket (/link): a volunteer gets a one-time code to give; a person types
"/lienket CODE", and sees what the volunteer will and will not see before agreeing."""

from __future__ import annotations

from datetime import timedelta

from bot.dialogs import Step, Turn
from bot.i18n import N_
from bot.messages import Reply
from bot.services import volunteers as service
from bot.services.budget import Priority
from bot.services.reminders import next_occurrence
from bot.store.records import Link, OutboxItem, Reminder
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
        return ask_consent_for(turn, f"m:link:{code}")
    return await open_link(turn, code)


async def _new_code(turn: Turn) -> Step:
    assert turn.person.id is not None
    links = await turn.uow.links.of_volunteer(turn.person.id)
    agreed = [link for link in links if link.agreed_at is not None]
    if len(agreed) >= service.MAX_PEOPLE_PER_VOLUNTEER:
        return Step([Reply(turn._("volunteers.full", count=len(agreed)))], "volunteers:full")
    code = service.new_code()
    await turn.uow.links.add(Link(volunteer_id=turn.person.id, created_at=turn.now, code=code,
                                  code_expires_at=turn.now + service.CODE_VALID))
    return Step([Reply(turn._("volunteers.code", code=code))], "volunteers:code")


async def _my_links(turn: Turn) -> Step:
    assert turn.person.id is not None
    links = [link for link in await turn.uow.links.of_person(turn.person.id) if link.agreed_at is not None]
    if not links:
        return Step([Reply(turn._("volunteers.none")), *menu_unless_in_flow(turn)], "volunteers")
    volunteer = await turn.uow.links.address(links[0].volunteer_id)
    assert links[0].id is not None
    return Step([Reply(turn._("volunteers.linked", volunteer=volunteer.alias if volunteer else "?"), (
        turn.choice_of(f"link:end:{links[0].id}", "volunteers.end"),
        turn.choice_of("m:menu", "menu.back"),
    ))], "volunteers")


async def open_link(turn: Turn, code: str) -> Step:
    waiting = turn.code_wait()
    if waiting is not None:
        return Step([waiting], "volunteers:code_wait")
    link = await turn.uow.links.by_code(code, turn.now)
    if link is None or link.volunteer_id == turn.person.id:
        turn.code_failed()
        return Step([Reply(turn._("volunteers.bad_code"))], "volunteers:bad_code")
    volunteer = await turn.uow.links.address(link.volunteer_id)
    turn.open_flow(FLOW, "agree", {"link": link.id, "volunteer": volunteer.alias if volunteer else "?"})
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
    link = await turn.uow.links.get(int(turn.session.data.get("link", 0)))
    turn.close_flow()
    if link is None or link.agreed_at is not None or link.code_expires_at is None or link.code_expires_at <= turn.now:
        return Step([Reply(turn._("volunteers.bad_code"))], "volunteers:bad_code")
    assert turn.person.id is not None and link.id is not None
    link.person_id, link.agreed_at, link.share_missed = turn.person.id, turn.now, share
    link.code = link.code_expires_at = None
    await turn.uow.links.save(link)
    zone = turn.services.timezone_name
    rule = service.weekly_rule(turn._.local(turn.now + timedelta(days=1)).weekday())
    reminder = Reminder(person_id=link.volunteer_id, kind=service.CHECKIN, rule=rule, timezone=zone,
                        created_at=turn.now, state={"link": link.id}, next_at=next_occurrence(rule, zone, turn.now))
    await turn.uow.reminders.add(reminder)
    volunteer = await turn.uow.links.address(link.volunteer_id)
    if volunteer is not None and reminder.next_at is not None:
        _ = turn.services.catalogs.translator(volunteer.locale)
        reply = Reply(_("volunteers.now_linked", alias=turn.person.alias, first=_.datetime(reminder.next_at)))
        await turn.uow.outbox.add_many([OutboxItem.to(volunteer, f"linked:{link.id}", reply, Priority.ROUTINE, turn.now,
                                                      about_id=turn.person.id)])
    return Step([Reply(turn._("volunteers.agreed", volunteer=volunteer.alias if volunteer else "?"))],
                "volunteers:agreed")


async def on_link_choice(turn: Turn) -> Step:
    """link:end:<id> from /lienket: the person ends the link; the volunteer's check-ins stop."""
    parts = (turn.choice or "").split(":")
    assert turn.person.id is not None
    if len(parts) == 3 and parts[1] == "end" and parts[2].isdigit():
        link = await turn.uow.links.get(int(parts[2]))
        if link is not None and link.person_id == turn.person.id:
            await turn.uow.links.delete(int(parts[2]))
            return Step([Reply(turn._("volunteers.ended"))], "volunteers:ended")
    return Step([Reply(turn._("misc.stale_choice")), *menu_unless_in_flow(turn)], "stale_choice")


async def on_checkin(turn: Turn) -> Step:
    """ci:ok|help|none:<link>:<day>, the volunteer's answer to the weekly check-in."""
    parts = (turn.choice or "").split(":")
    if len(parts) != 4 or parts[1] not in ("ok", "help", "none") or not parts[2].isdigit():
        return Step([Reply(turn._("misc.stale_choice"))], "stale_choice")
    link = await turn.uow.links.get(int(parts[2]))
    if link is None or link.volunteer_id != turn.person.id:
        return Step([Reply(turn._("volunteers.gone"))], "volunteers:gone")
    outcome = parts[1]
    await turn.uow.tally.add(await turn.uow.staff.point_of(turn.person.id), f"volunteer.checkin_{outcome}", turn.now)
    if outcome == "ok":
        link.no_contact = 0
        await turn.uow.links.save(link)
        return Step([Reply(turn._("volunteers.thanks"))], "volunteers:ok")
    if outcome == "none":
        link.no_contact += 1
        await turn.uow.links.save(link)
        if link.no_contact >= service.NO_CONTACT_TO_ESCALATE:
            told = await service.escalate(turn.uow, turn.services.catalogs, link, "none", None, turn.now)
            return Step([Reply(turn._("volunteers.escalated", count=told))], "volunteers:escalated")
        return Step([Reply(turn._("volunteers.thanks_try_again"))], "volunteers:none")
    turn.open_flow(NOTE_FLOW, "note", {"link": link.id})
    return Step([_ask_note(turn)], "volunteers:help")


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
        link = await turn.uow.links.get(int(turn.session.data.get("link", 0)))
        turn.close_flow()
        if link is None or link.person_id is None:
            return Step([Reply(turn._("volunteers.gone"))], "volunteers:gone")
        told = await service.escalate(turn.uow, turn.services.catalogs, link, "help", note, turn.now)
        return Step([Reply(turn._("volunteers.escalated", count=told))], "volunteers:escalated")

    def prompt(self, turn: Turn) -> Reply:
        return _ask_note(turn)
