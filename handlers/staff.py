"""What only the counseling point's staff can do from the chat: /baocao (/reports) sends the period
report (the file and its chart; on Zalo, the way to the web view) and turns the report-deadline
reminders on or off (quarterly, half-year and yearly reports); /web sends a sign-in link to the staff
web view; /truc (/duty) starts and ends a shift."""

from __future__ import annotations

from urllib.parse import quote

from bot.dialogs import Step, Turn
from bot.i18n import N_
from bot.messages import Choice, Reply
from bot.reports import Period, PeriodError
from bot.services import deadlines
from bot.services import reports as report_service
from bot.services import staff as service
from bot.services.chats import take_choice
from bot.services.deadlines import DraftKey, RemindKey
from handlers.privacy import ask_consent_for

STAFF_ROLES = frozenset({"counselor", "head"})


def is_head(turn: Turn) -> bool:
    """A province head (ADMIN_IDS): sees every point's counts together."""
    return turn.incoming.user_id in turn.services.admin_ids


async def on_reports(turn: Turn) -> Step:
    """/baocao [period]: the report of the period named, else of the period whose report is due next."""
    if turn.person.role not in STAFF_ROLES and not is_head(turn):
        return Step([Reply(turn._("staff.only"))], "staff:refused")
    if not turn.person.consented:
        return ask_consent_for(turn, "m:reports")
    return await send_report(turn, turn.args.strip())


async def on_report_choice(turn: Turn) -> Step:
    """rep:remind (turn the deadline reminders on or off), rep:draft:<period> (the draft a deadline
    notice offers)."""
    if turn.person.role not in STAFF_ROLES and not is_head(turn):
        return Step([Reply(turn._("staff.only"))], "staff:refused")
    key = turn.choice or ""
    if RemindKey.unpack(key) is not None:
        return await toggle_reports(turn)
    draft = DraftKey.unpack(key)
    return await send_report(turn, draft.period if draft is not None else "")


async def send_report(turn: Turn, typed: str) -> Step:
    assert turn.person.id is not None
    point = await service.reports_scope(turn.uow, turn.person, is_head(turn))
    remind = await _remind_choice(turn)
    try:
        period = Period.parse(typed) if typed else report_service.deadline_period(
            turn.services.report_deadlines, turn._.local(turn.now).date())
        place = report_service.point_name(report_service.counseling_points(turn.services.sites), point, turn._)
        report = await report_service.period_report(turn.uow, turn._, period, point, place,
                                                    turn._.local(turn.now).date(), turn.services.report_small_count)
    except PeriodError as exc:
        return Step([Reply(turn._(exc.key, **exc.values), (remind,))], "staff:report_refused")
    if report.empty:
        return Step([Reply(turn._("report.no_data", place=place, period=report.period_label), (remind,))],
                    "staff:report_empty", period.code)
    if not turn.can_send_files:  # Zalo: a sign-in link that opens this report on the web
        link = await sign_in_link(turn, f"/web/reports?period={period.code}")
        text = (turn._("report.on_the_web", period=report.period_label, link=link) if link else
                turn._("report.no_files_here", period=report.period_label))
        return Step([Reply(text, (remind,))], "staff:report_link", period.code)
    document, chart = await report_service.report_files(report, point, turn._)
    return Step([Reply(turn._("report.caption", place=place, period=report.period_label), attachment=document),
                 Reply(report.note or report.period_label, attachment=chart),
                 Reply(turn._("report.more"), (remind,))], "staff:report", period.code)


async def _remind_choice(turn: Turn) -> Choice:
    assert turn.person.id is not None
    on = await service.reports_reminded(turn.uow, turn.person.id)
    label = N_("report.reminders_off") if on else N_("report.reminders_on")
    return Choice(RemindKey().pack(), turn._(label))


async def toggle_reports(turn: Turn) -> Step:
    """Off if on, on if off: one command, said twice, undoes itself."""
    done = await service.toggle_reports(turn.uow, turn.context, turn.person, turn.services.report_deadlines)
    if not done.on or done.first is None or done.first.next_at is None:
        return Step([Reply(turn._("deadlines.off"))], "staff:reports_off")
    listed = "; ".join(f"{turn._(deadlines.KINDS[d.kind])} {d.day:02d}/{d.month:02d}"
                       for d in turn.services.report_deadlines)
    return Step([Reply(turn._("deadlines.on", deadlines=listed, first=turn._.datetime(done.first.next_at)))],
                "staff:reports_on")


async def on_web(turn: Turn) -> Step:
    """/web: a one-time sign-in link to the staff web view, sent to this chat only (counselors and heads)."""
    assert turn.person.id is not None
    if not (turn.person.role == "counselor" or is_head(turn)):
        return Step([Reply(turn._("web.only"))], "staff:refused")
    link = await sign_in_link(turn)
    if link is None or turn.services.web is None:
        return Step([Reply(turn._("web.off"))], "staff:web_off")
    minutes = int(turn.services.web.link_ttl.total_seconds() // 60)
    return Step([Reply(turn._("web.link_sent", minutes=minutes, link=link))], "staff:web")


async def sign_in_link(turn: Turn, then: str = "/web") -> str | None:
    """A one-time sign-in link to the web view for this staff member, opening `then`; None while it is off.
    The link is written with the turn, so it works on whichever process serves the page."""
    assert turn.person.id is not None
    access, address = turn.services.web, turn.services.web_url
    if access is None or address is None:
        return None
    token = await access.issue_link(turn.uow, turn.person.id, turn.now)
    return f"{address}/web/login?t={token}" + (f"&next={quote(then, safe='')}" if then != "/web" else "")


async def on_duty(turn: Turn) -> Step:
    """/truc (/duty): a counselor goes on or off duty; on duty, crisis alerts reach them."""
    if turn.person.role != "counselor":
        return Step([Reply(turn._("staff.only"))], "staff:refused")
    duty = await service.toggle_duty(turn.uow, turn.person)
    if not duty.on:
        return Step([Reply(turn._("staff.off_duty"))], "staff:duty")
    if not duty.waiting:
        return Step([Reply(turn._("staff.on_duty"))], "staff:duty")
    choices = tuple(take_choice(chat, turn._("staff.take_chat", alias=person.alias if person else "?"))
                    for chat, person in duty.waiting[:8])
    return Step([Reply(turn._("staff.on_duty")), Reply(turn._("staff.waiting", count=len(duty.waiting)), choices)],
                "staff:duty")
