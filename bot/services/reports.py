"""Period reports from the tally (bot/reports.py renders them): which period, which point, and the
counts of that point or of every point (the province)."""

from __future__ import annotations

from datetime import date

from bot.i18n import N_, Translator
from bot.reports import Period, PeriodError, Report, build
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


def point_name(points: dict[str, str], point_id: str | None, _: Translator) -> str:
    """The point's name from the site list, or "the province"; UnknownPoint for an id not in the list."""
    if point_id is None:
        return _("report.province")
    if point_id not in points:
        raise UnknownPoint(N_("report.unknown_point"), point=point_id[:40])
    return points[point_id]
