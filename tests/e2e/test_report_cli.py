"""`diemtuvan report` as the province's officer uses it (real subprocesses, a real database file)."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.store.records import Appointment, Person
from bot.store.sqlite import SqliteStore
from tests.e2e.test_cli import run

POINT = "hcm-pham-ngu-lao-point"  # a counseling point of the shipped site list
AT = datetime(2025, 8, 14, 3, 0, tzinfo=UTC)


async def _events(path: Path) -> None:
    store = SqliteStore(path)
    await store.open()
    try:
        async with store.unit_of_work() as uow:
            for number in range(7):
                person = await uow.people.add(Person(channel="telegram", user_id=str(number), chat_id=str(number),
                                                     alias=f"Mây {number}", locale="vi", created_at=AT,
                                                     last_seen_at=AT))
                assert person.id
                booked = await uow.appointments.book(Appointment(
                    person_id=person.id, counselor_id=None, point_id=POINT, starts_at=AT + timedelta(hours=number),
                    minutes=45, kind="phone", topic="t", status="requested", created_at=AT))
                assert booked.id
                if number < 2:
                    await uow.appointments.set_status(booked.id, "attended")
            await uow.commit()
        async with store.unit_of_work() as uow:  # erasure changes no past count
            await uow.people.erase(1)
            await uow.commit()
    finally:
        await store.close()


def test_a_quarter_as_csv_xlsx_and_png_with_small_counts_hidden(tmp_path: Path) -> None:
    assert run(["db", "upgrade"], tmp_path).returncode == 0
    asyncio.run(_events(tmp_path / "data" / "diemtuvan.sqlite3"))
    result = run(["report", "--point", POINT, "--period", "2025-Q3", "--format", "csv", "--out", "-"], tmp_path)
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows[0][2] == "Quý 3/2025"
    assert ["Lịch hẹn tư vấn", "Đã đặt", "7"] in rows and ["Lịch hẹn tư vấn", "Đã đến", "<5"] in rows
    for fmt, magic in (("xlsx", b"PK"), ("png", b"\x89PNG")):
        made = run(["report", "--point", POINT, "--period", "2025-Q3", "--format", fmt, "--lang", "en"], tmp_path)
        assert made.returncode == 0, made.stderr
        file = tmp_path / f"baocao-{POINT}-2025-Q3.{fmt}"
        assert file.read_bytes().startswith(magic) and file.name in made.stdout
    province = run(["report", "--province", "--period", "2025", "--format", "csv", "--out", "-", "--lang", "en"],
                   tmp_path)
    assert ["Counseling appointments", "Requested", "7"] in list(csv.reader(io.StringIO(
        province.stdout.lstrip("\ufeff"))))


def test_bad_input_gets_a_sentence_and_writes_nothing(tmp_path: Path) -> None:
    assert run(["db", "upgrade"], tmp_path).returncode == 0
    cases = {
        ("--point", POINT, "--period", "2025-Q5"): "2026-Q3 (quý)",
        ("--point", "no-such-point", "--period", "2025-Q3"): "không phải là một điểm tư vấn",
        ("--point", POINT, "--period", "2099"): "chưa bắt đầu",
        ("--point", POINT, "--period", "2025-Q3"): "chưa có số liệu nào trong Quý 3/2025",
    }
    for args, sentence in cases.items():
        result = run(["report", *args, "--format", "xlsx"], tmp_path)
        assert result.returncode == 1 and sentence in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert not list(tmp_path.glob("baocao-*"))
