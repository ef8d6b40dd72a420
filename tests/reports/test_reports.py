"""Period reports: which periods exist, what the table holds, small counts hidden, and the three files
(CSV, XLSX, PNG) read back as what they claim to be."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date

import pytest

from bot.config import PROJECT_ROOT
from bot.i18n import Catalogs
from bot.reports import Period, PeriodError, build, to_csv, to_png, to_xlsx
from bot.store.records import TallyTotal
from bot.store.sqlite import DEFAULT_TIMEZONE

CATALOGS = Catalogs(PROJECT_ROOT / "content" / "locales", DEFAULT_TIMEZONE)
VI, EN = CATALOGS.translator("vi"), CATALOGS.translator("en")
TOTALS = [TallyTotal("p1", "appointment.requested", 12, 2), TallyTotal("p1", "appointment.attended", 3),
          TallyTotal("p1", "chat.taken", 6), TallyTotal("p1", "chat.first_reply_seconds", 6 * 90),
          TallyTotal("p1", "question.methadone", 40), TallyTotal("p1", "group.attended", 0)]


@pytest.mark.parametrize(("text", "kind", "first", "last"), [
    ("2026-08", "month", date(2026, 8, 1), date(2026, 8, 31)),
    ("2026-02", "month", date(2026, 2, 1), date(2026, 2, 28)),
    ("2026-Q3", "quarter", date(2026, 7, 1), date(2026, 9, 30)),
    ("2026-q4", "quarter", date(2026, 10, 1), date(2026, 12, 31)),
    ("2026-H1", "half", date(2026, 1, 1), date(2026, 6, 30)),
    (" 2026 ", "year", date(2026, 1, 1), date(2026, 12, 31)),
])
def test_the_periods_of_the_reporting_duties(text: str, kind: str, first: date, last: date) -> None:
    period = Period.parse(text)
    assert (period.kind, period.first, period.last) == (kind, first, last)
    assert Period.parse(period.code) == period


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-H3", "quý 3", "", "26-Q3",
                                  "1999", "2026-Q3-extra"])
def test_a_period_that_does_not_exist_is_named_in_a_clear_message(text: str) -> None:
    with pytest.raises(PeriodError) as caught:
        Period.parse(text)
    message = VI(caught.value.key, **caught.value.values)
    assert "2026-Q3 (quý)" in message and text.strip()[:20] in message


def test_a_period_not_yet_begun_is_refused() -> None:
    with pytest.raises(PeriodError, match="future"):
        Period.parse("2027-Q1").check_begun(date(2026, 11, 30))
    Period.parse("2026-Q4").check_begun(date(2026, 11, 30))  # under way: a draft


def test_deadline_days_fall_in_the_period_they_report() -> None:
    assert Period.containing("quarter", date(2026, 9, 15)).code == "2026-Q3"
    assert Period.containing("half", date(2026, 5, 20)).code == "2026-H1"
    assert Period.containing("year", date(2026, 11, 15)).code == "2026"


def test_counts_under_five_are_hidden_and_the_average_wait_needs_five_chats() -> None:
    report = build(TOTALS, Period.parse("2026-Q3"), "Điểm A", VI)
    by_label = {line.label: line.shown for line in report.lines}
    assert by_label["Đã đặt"] == "12" and by_label["Đã đến"] == "<5" and by_label["Methadone"] == "40"
    assert by_label["Lượt người tham dự"] == "0"
    assert by_label["Thời gian chờ trung bình (phút)"] == "1,5"
    assert "«<5»" in report.note and "2 số liệu được đếm lại" in report.note
    exact = build(TOTALS, Period.parse("2026-Q3"), "Điểm A", VI, small=0)
    assert {line.label: line.shown for line in exact.lines}["Đã đến"] == "3"
    few = build([TallyTotal("p1", "chat.taken", 2), TallyTotal("p1", "chat.first_reply_seconds", 60)],
                Period.parse("2026-Q3"), "Điểm A", VI)
    assert {line.label: line.shown for line in few.lines}["Thời gian chờ trung bình (phút)"] == "—"
    empty = build([], Period.parse("2026-Q3"), "Điểm A", EN)
    assert empty.empty and "Nothing was counted" in empty.note


def test_csv_reads_back_in_a_spreadsheet_with_vietnamese_intact() -> None:
    data = to_csv(build(TOTALS, Period.parse("2026-Q3"), "Điểm A", VI), VI)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["Báo cáo hoạt động", "Điểm A", "Quý 3/2026"]
    assert ["Lịch hẹn tư vấn", "Đã đến", "<5"] in rows and ["Lịch hẹn tư vấn", "Đã đặt", "12"] in rows
    english = list(csv.reader(io.StringIO(to_csv(build(TOTALS, Period.parse("2026-Q3"), "Point A", EN), EN)
                                          .decode("utf-8-sig"))))
    assert ["Counseling appointments", "Attended", "<5"] in english


def test_xlsx_is_a_workbook_with_the_table_and_the_chart() -> None:
    data = to_xlsx(build(TOTALS, Period.parse("2026-Q3"), "Điểm A", VI), VI)
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        names = book.namelist()
        strings = book.read("xl/sharedStrings.xml").decode("utf-8")
        sheet = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert any(name.startswith("xl/media/") and name.endswith(".png") for name in names)
    assert "Báo cáo hoạt động: Điểm A" in strings and "Lịch hẹn tư vấn" in strings and "&lt;5" in strings
    assert "<v>12</v>" in sheet  # a real number, which a spreadsheet can add up


def test_png_is_a_chart_image() -> None:
    data = to_png(build(TOTALS, Period.parse("2026-Q3"), "Điểm A", VI), VI)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (800, 500)
