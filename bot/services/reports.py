"""Period reports from the tally (bot/reports.py renders them): which period, which point, and the
counts of that point or of every point (the province)."""

from __future__ import annotations

import asyncio
from datetime import date

from bot.i18n import N_, Translator
from bot.messages import Attachment
from bot.reports import DEADLINE_PERIODS, MIME, Period, PeriodError, Report, build, filename, to_png, to_xlsx
from bot.services.deadlines import Deadline
from bot.sites import SiteDirectory, SiteKind
from bot.store.base import UnitOfWork


class UnknownPoint(PeriodError):
    """The point is not a counseling point of the site list."""


async def period_report(uow: UnitOfWork, _: Translator, period: Period, point_id: str | None, place: str,
                        today: date, small: int) -> Report:
    """The report of one point (or the province, for None) over a period that has begun; raises
    PeriodError for one that has not. A period still under way is a draft: its counts so far."""
    period.check_begun(today)
    totals = await uow.tally.totals(period.first, min(period.last, today), point_id)
    return build(totals, period, place, _, small)


# Every count there is: an appointment is counted on its own day, which may be ahead of today.
_EVER = (date(2000, 1, 1), date(2999, 12, 31))


async def appointments_so_far(uow: UnitOfWork) -> dict[str, dict[str, int]]:
    """Appointments by outcome and satisfaction answers per point, over all time, from the counts that
    last: an erasure or a retention purge never makes an earlier number smaller."""
    by_point: dict[str, dict[str, int]] = {}
    for total in await uow.tally.totals(*_EVER, None):
        if total.what.startswith(("appointment.", "satisfaction.")) and total.n:
            counts = by_point.setdefault(total.point_id, {})
            counts[total.what] = counts.get(total.what, 0) + total.n
    return by_point


def point_name(points: dict[str, str], point_id: str | None, _: Translator) -> str:
    """The point's name from the site list, or "the province"; UnknownPoint for an id not in the list."""
    if point_id is None:
        return _("report.province")
    if point_id not in points:
        raise UnknownPoint(N_("report.unknown_point"), point=point_id[:40])
    return points[point_id]


def deadline_period(deadlines: tuple[Deadline, ...], today: date) -> Period:
    """The period whose report is due next (REPORT_DEADLINES): a deadline falls in the period it reports
    on (the quarter's report before the 15th of its last month); past the year's last one, next year's
    first. Without any deadline, the quarter under way."""
    upcoming = sorted((date(today.year + shift, d.month, d.day), d.kind) for d in deadlines for shift in (0, 1)
                      if _valid(today.year + shift, d.month, d.day))
    for day, kind in upcoming:
        if day >= today:
            return Period.containing(DEADLINE_PERIODS[kind], day)
    return Period.containing("quarter", today)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def counseling_points(sites: SiteDirectory) -> dict[str, str]:
    return {s.id: s.name for s in sites.all() if s.kind is SiteKind.COUNSELING_POINT}


async def report_files(report: Report, point_id: str | None, _: Translator) -> tuple[Attachment, Attachment]:
    """The XLSX (with the chart inside) and the chart alone, drawn off the event loop (about 0.2 s of
    matplotlib: the turns of other chats go on meanwhile)."""
    xlsx, png = await asyncio.to_thread(lambda: (to_xlsx(report, _), to_png(report, _)))
    return (Attachment("document", filename(report, point_id, "xlsx"), xlsx, MIME["xlsx"]),
            Attachment("photo", filename(report, point_id, "png"), png, MIME["png"]))
