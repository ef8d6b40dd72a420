"""Period reports for a counseling point or the whole province, from the tally (counts that last).

A report is a table of counts by section (first contacts, questions, crisis, site searches,
appointments, satisfaction, chats, groups, volunteers, reminders) for a month, a quarter, a half-year or
a year, with a chart of the headline counts; it is rendered as CSV, XLSX (XlsxWriter) or PNG
(matplotlib), in Vietnamese or English from the catalogs. A count between 1 and SMALL_COUNT - 1 is
shown as "<5" in anything that leaves the point (an export, a file sent in a chat, the province's
view), so that a small number cannot point at someone; the point's own staff see exact counts on the
web.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from bot.i18n import N_, Translator
from bot.store.records import TallyTotal

SMALL_COUNT = 5  # REPORT_SMALL_COUNT: counts under this are shown as "<5"; 0 shows every count
FORMATS = ("xlsx", "csv", "png")
_PERIOD = re.compile(r"^\s*(\d{4})(?:-(?:(\d{1,2})|[Qq](\d)|[Hh](\d)))?\s*$")


class PeriodError(ValueError):
    """The text names no period (2026-13, 2026-Q5, "last year"), or one that has not begun. The message
    is a catalog key; `values` fill it."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Period:
    """A month ("2026-08"), a quarter ("2026-Q3"), a half-year ("2026-H1") or a year ("2026"): the
    periods the reporting duties name (REPORT_DEADLINES)."""

    kind: str  # month, quarter, half, year
    year: int
    number: int = 1

    @classmethod
    def parse(cls, text: str) -> Period:
        match = _PERIOD.match(text or "")
        if not match:
            raise PeriodError(N_("report.bad_period"), typed=(text or "").strip()[:20])
        year = int(match.group(1))
        if not 2000 <= year <= 2100:
            raise PeriodError(N_("report.bad_period"), typed=text.strip()[:20])
        month, quarter, half = match.group(2), match.group(3), match.group(4)
        if month is not None:
            period = cls("month", year, int(month))
        elif quarter is not None:
            period = cls("quarter", year, int(quarter))
        elif half is not None:
            period = cls("half", year, int(half))
        else:
            period = cls("year", year)
        limit = {"month": 12, "quarter": 4, "half": 2, "year": 1}[period.kind]
        if not 1 <= period.number <= limit:
            raise PeriodError(N_("report.bad_period"), typed=text.strip()[:20])
        return period

    @classmethod
    def containing(cls, kind: str, day: date) -> Period:
        number = {"month": day.month, "quarter": (day.month - 1) // 3 + 1, "half": (day.month - 1) // 6 + 1,
                  "year": 1}[kind]
        return cls(kind, day.year, number)

    @property
    def months(self) -> int:
        return {"month": 1, "quarter": 3, "half": 6, "year": 12}[self.kind]

    @property
    def first(self) -> date:
        return date(self.year, (self.number - 1) * self.months + 1, 1)

    @property
    def last(self) -> date:
        month = self.first.month + self.months
        return (date(self.year + 1, 1, 1) if month > 12 else date(self.year, month, 1)) - timedelta(days=1)

    @property
    def code(self) -> str:
        return {"month": f"{self.year}-{self.number:02d}", "quarter": f"{self.year}-Q{self.number}",
                "half": f"{self.year}-H{self.number}", "year": f"{self.year}"}[self.kind]

    def label(self, _: Translator) -> str:
        key = {"month": N_("report.period_month"), "quarter": N_("report.period_quarter"),
               "half": N_("report.period_half"), "year": N_("report.period_year")}[self.kind]
        return _(key, number=self.number, year=self.year)

    def check_begun(self, today: date) -> None:
        if self.first > today:
            raise PeriodError(N_("report.future_period"), period=self.code)


# Deadline kinds of REPORT_DEADLINES → the period a deadline's report covers (the one it falls in).
DEADLINE_PERIODS = {"quarterly": "quarter", "half-year": "half", "year": "year"}

# What is counted, section by section, with each row's label. The tally's `what` names are written by
# the store (appointments, chats, groups, links) and by the handlers and services that see the event.
SECTIONS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (N_("report.section.contacts"), (
        ("contact.self", N_("report.row.contact_self")),
        ("contact.family", N_("report.row.contact_family")))),
    (N_("report.section.questions"), (
        ("question.methadone", N_("report.row.question_methadone")),
        ("question.rehab", N_("report.row.question_rehab")),
        ("question.law", N_("report.row.question_law")),
        ("question.rights", N_("report.row.question_rights")),
        ("question.services", N_("report.row.question_services")),
        ("question.family", N_("report.row.question_family")),
        ("question.hiv", N_("report.row.question_hiv")),
        ("question.harm-reduction", N_("report.row.question_harm_reduction")),
        ("question.emergency", N_("report.row.question_emergency")),
        ("question.help", N_("report.row.question_help")),
        ("question.basics", N_("report.row.question_basics")),
        ("question.privacy", N_("report.row.question_privacy")),
        ("question.bot", N_("report.row.question_bot")),
        ("question.sites", N_("report.row.question_sites")))),
    (N_("report.section.crisis"), (
        ("crisis.reply_overdose", N_("report.row.crisis_overdose")),
        ("crisis.reply_poisoning", N_("report.row.crisis_poisoning")),
        ("crisis.reply_suicide", N_("report.row.crisis_suicide")),
        ("crisis.reply_child", N_("report.row.crisis_child")),
        ("crisis.reply_violence", N_("report.row.crisis_violence")),
        ("crisis.check", N_("report.row.crisis_check")),
        ("crisis.alert", N_("report.row.crisis_alert")))),
    (N_("report.section.sites"), (
        ("sites.search_methadone", N_("report.row.sites_methadone")),
        ("sites.search_counseling", N_("report.row.sites_counseling")),
        ("sites.search_rehab", N_("report.row.sites_rehab")),
        ("sites.search_hiv", N_("report.row.sites_hiv")),
        ("sites.search_all", N_("report.row.sites_all")))),
    (N_("report.section.appointments"), (
        ("appointment.requested", N_("report.row.appointment_requested")),
        ("appointment.confirmed", N_("report.row.appointment_confirmed")),
        ("appointment.attended", N_("report.row.appointment_attended")),
        ("appointment.no_show", N_("report.row.appointment_no_show")),
        ("appointment.cancelled", N_("report.row.appointment_cancelled")),
        ("appointment.declined", N_("report.row.appointment_declined")))),
    (N_("report.section.satisfaction"), (
        ("satisfaction.helped", N_("report.row.satisfaction_helped")),
        ("satisfaction.so_so", N_("report.row.satisfaction_so_so")),
        ("satisfaction.not_helped", N_("report.row.satisfaction_not_helped")))),
    (N_("report.section.chats"), (
        ("chat.opened", N_("report.row.chat_opened")),
        ("chat.taken", N_("report.row.chat_taken")),
        ("chat.closed", N_("report.row.chat_closed")),
        ("chat.first_reply_minutes", N_("report.row.chat_first_reply")))),
    (N_("report.section.groups"), (
        ("group.meeting_held", N_("report.row.group_held")),
        ("group.meeting_cancelled", N_("report.row.group_cancelled")),
        ("group.rsvp_yes", N_("report.row.group_rsvp_yes")),
        ("group.rsvp_no", N_("report.row.group_rsvp_no")),
        ("group.attended", N_("report.row.group_attended")))),
    (N_("report.section.volunteers"), (
        ("volunteer.linked", N_("report.row.volunteer_linked")),
        ("volunteer.checkin_ok", N_("report.row.volunteer_checkin_ok")),
        ("volunteer.checkin_none", N_("report.row.volunteer_checkin_none")),
        ("volunteer.checkin_help", N_("report.row.volunteer_needs_support")))),
    (N_("report.section.reminders"), (
        ("reminder.sent", N_("report.row.reminder_sent")),
        ("reminder.went", N_("report.row.reminder_went")),
        ("reminder.not_yet", N_("report.row.reminder_not_yet")))),
)
# The chart: one bar per headline count, each the sum of some rows.
HEADLINES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("report.chart.contacts"), ("contact.self", "contact.family")),
    (N_("report.chart.questions"), tuple(w for w, _ in SECTIONS[1][1])),
    (N_("report.chart.crisis"), tuple(w for w, _ in SECTIONS[2][1] if w != "crisis.alert")),
    (N_("report.chart.sites"), tuple(w for w, _ in SECTIONS[3][1])),
    (N_("report.chart.appointments"), ("appointment.requested",)),
    (N_("report.chart.attended"), ("appointment.attended",)),
    (N_("report.chart.chats"), ("chat.opened",)),
    (N_("report.chart.group_visits"), ("group.attended",)),
    (N_("report.chart.checkins"), ("volunteer.checkin_ok", "volunteer.checkin_none", "volunteer.checkin_help")),
    (N_("report.chart.reminders"), ("reminder.sent",)),
)


@dataclass(frozen=True)
class Line:
    section: str
    label: str
    value: int | None  # None: not a count (the average wait), shown as `shown`
    shown: str


@dataclass(frozen=True)
class Report:
    title: str
    place: str  # the point's name, or the province
    period: Period
    period_label: str
    lines: tuple[Line, ...]
    chart: tuple[tuple[str, int, str], ...]  # (label, value, shown)
    empty: bool  # nothing at all was counted in the period
    backfilled: int  # how many of the counts came from the back-fill at upgrade
    note: str  # what the reader must know: small counts hidden, back-filled counts, no data


def shown(value: int, small: int, _: Translator) -> str:
    if 0 < value < small:
        return f"<{small}"
    return _.whole(value)


def build(totals: Iterable[TallyTotal], period: Period, place: str, _: Translator, small: int = SMALL_COUNT) -> Report:
    """The report of a period from the tally's totals (one point's, or every point's for the province).
    `small` 0 shows exact counts (the point's own staff on the web)."""
    sums: dict[str, int] = defaultdict(int)
    backfilled = 0
    for total in totals:
        sums[total.what] += total.n
        backfilled += total.backfilled
    taken = sums.get("chat.taken", 0)
    lines: list[Line] = []
    for section_key, rows in SECTIONS:
        section = _(section_key)
        for what, label_key in rows:
            if what == "chat.first_reply_minutes":
                if taken and taken >= small:
                    minutes = sums.get("chat.first_reply_seconds", 0) / 60 / taken
                    lines.append(Line(section, _(label_key), None, _.decimal(minutes)))
                else:
                    lines.append(Line(section, _(label_key), None, "—"))
                continue
            value = sums.get(what, 0)
            lines.append(Line(section, _(label_key), value, shown(value, small, _)))
    chart = []
    for label_key, whats in HEADLINES:
        value = sum(sums.get(w, 0) for w in whats)
        chart.append((_(label_key), value, shown(value, small, _)))
    empty = not any(sums.values())
    notes = []
    if empty:
        notes.append(_("report.note_empty"))
    if small:
        notes.append(_("report.note_small", small=small))
    if backfilled:
        notes.append(_("report.note_backfilled", count=_.whole(backfilled)))
    return Report(title=_("report.title"), place=place, period=period, period_label=period.label(_),
                  lines=tuple(lines), chart=tuple(chart), empty=empty, backfilled=backfilled, note=" ".join(notes))


def filename(report: Report, point_id: str | None, fmt: str) -> str:
    return f"baocao-{point_id or 'tinh'}-{report.period.code}.{fmt}"


def to_csv(report: Report, _: Translator) -> bytes:
    """UTF-8 with a byte-order mark, which spreadsheet programs need to read Vietnamese correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([report.title, report.place, report.period_label])
    writer.writerow([_("report.column_section"), _("report.column_item"), _("report.column_count")])
    for line in report.lines:
        writer.writerow([line.section, line.label, line.shown])
    if report.note:
        writer.writerow([report.note])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_png(report: Report, _: Translator) -> bytes:
    """A horizontal bar chart of the headline counts; a hidden small count is drawn as no bar, labelled
    "<5". matplotlib's Agg canvas, no pyplot: no display, and no state shared between reports."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    labels = [label for label, _value, _shown in report.chart][::-1]
    values = [value if text[:1] != "<" else 0 for _label, value, text in report.chart][::-1]
    texts = [text for _label, _value, text in report.chart][::-1]
    figure = Figure(figsize=(8, 5), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    bars = axes.barh(labels, values, color="#2a7f62")
    for bar, text in zip(bars, texts, strict=True):
        axes.annotate(text, (bar.get_width(), bar.get_y() + bar.get_height() / 2), xytext=(4, 0),
                      textcoords="offset points", va="center", fontsize=9)
    axes.set_title(f"{report.title}: {report.place}\n{report.period_label}", fontsize=11)
    axes.set_xlim(0, max([*values, 1]) * 1.15)
    axes.spines[["top", "right"]].set_visible(False)
    if report.note:
        figure.text(0.01, 0.01, report.note, fontsize=7, wrap=True, color="#555555")
    figure.tight_layout(rect=(0, 0.06, 1, 1))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def to_xlsx(report: Report, _: Translator) -> bytes:
    """One sheet: the title, the table, the note, and the chart beside the table."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet(report.period.code)
    bold = book.add_format({"bold": True})
    title = book.add_format({"bold": True, "font_size": 14})
    right = book.add_format({"align": "right"})
    sheet.write(0, 0, f"{report.title}: {report.place}", title)
    sheet.write(1, 0, report.period_label)
    sheet.write_row(3, 0, [_("report.column_section"), _("report.column_item"), _("report.column_count")], bold)
    row = 4
    for line in report.lines:
        sheet.write(row, 0, line.section)
        sheet.write(row, 1, line.label)
        if line.value is not None and line.shown[:1] != "<":
            sheet.write_number(row, 2, line.value)
        else:
            sheet.write(row, 2, line.shown, right)
        row += 1
    if report.note:
        sheet.write(row + 1, 0, report.note)
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 1, 46)
    sheet.set_column(2, 2, 10)
    sheet.insert_image(3, 4, "chart.png", {"image_data": io.BytesIO(to_png(report, _)), "x_scale": 0.8,
                                           "y_scale": 0.8})
    book.close()
    return buffer.getvalue()


RENDERERS = {"csv": to_csv, "png": to_png, "xlsx": to_xlsx}
MIME = {"csv": "text/csv", "png": "image/png",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
