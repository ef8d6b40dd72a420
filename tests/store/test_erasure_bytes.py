"""Erased means erased, byte for byte: after /xoa nothing of the person is left in the database file,
its -wal or its -shm, read raw while the bot still runs (a backup or a crash at that moment copies
exactly these bytes). Rows are not enough: SQLite keeps old page images in the -wal, a deleted row's
bytes stay in its page unless secure_delete overwrites them, and a page SQLite rebuilt keeps old cells
in its unused space until the file itself is rebuilt."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.clock import FakeClock
from bot.config import check_data_dir
from bot.store.records import Person, Session
from bot.store.sqlite import SqliteStore
from scheduler.housekeeping import Retention, purge
from tests.conftest import TelegramHarness
from tests.e2e.conftest import Chat, make_counselor, onboard, outbox_sender

PERSON = 987650321
PHONE = "0912 345 678"
PERSON_TEXT = "tôi muốn hỏi riêng về liều buổi sáng"
COUNSELOR_TEXT = "Bạn cứ hỏi nhé, mình nghe đây"


def traces(data: bytes, needles: dict[str, str]) -> list[str]:
    """Which needles occur in the bytes, as UTF-8 or as JSON's ASCII escapes."""
    found = []
    for name, needle in needles.items():
        forms = {needle.encode("utf-8"), json.dumps(needle)[1:-1].encode("ascii")}
        if any(form in data for form in forms):
            found.append(name)
    return found


def database_bytes(path: Path) -> dict[str, bytes]:
    files = {suffix: Path(f"{path}{suffix}") for suffix in ("", "-wal", "-shm")}
    return {suffix or "main": file.read_bytes() for suffix, file in files.items() if file.exists()}


async def test_after_xoa_no_byte_of_the_person_is_left_in_the_files(telegram: TelegramHarness) -> None:
    assert telegram.bot is not None
    chat = Chat(telegram, PERSON)
    counselor = await make_counselor(chat, "WIPE2345", 1, "/gio T2-T7 8:00-17:00", "/truc")
    sender = outbox_sender(chat)
    await onboard(chat)
    # A chat with the counselor, both ways.
    await chat.say("noi chuyen voi tu van vien")
    await chat.say("1")
    await sender.drain()
    await counselor.say("1")
    await chat.say(PERSON_TEXT)
    await sender.drain()
    await counselor.say(COUNSELOR_TEXT)
    await sender.drain()
    await chat.say("/ketthuc")
    await sender.drain()
    # A phone meeting: the number goes into the appointment and into the counselor's notice.
    await chat.say("/menu")
    for line in ("dat lich tu van", "1", "goi dien", "chuyen khac", "mai 9h30"):
        await chat.say(line)
    said = await chat.say(PHONE)
    assert PHONE in said[0].text  # the summary repeats it
    said = await chat.say("có")
    assert said[0].text.startswith("Đã gửi yêu cầu đặt lịch")
    await sender.drain()
    assert PHONE in counselor.last().text
    store = telegram.bot.store
    async with store.unit_of_work() as uow:
        person = await uow.people.get("telegram", str(PERSON))
    assert person is not None
    needles = {"chat id": str(PERSON), "alias": person.alias, "phone": PHONE, "phone digits": PHONE.replace(" ", ""),
               "person's text": PERSON_TEXT, "counselor's text": COUNSELOR_TEXT}
    before = database_bytes(Path(store.path))
    written = set(traces(b"".join(before.values()), needles))
    assert written >= set(needles) - {"phone digits"}, "the scenario should have written all of them"

    await chat.say("/xoa")
    said = await chat.press("erase:yes")
    assert "Đã xóa" in said[0].text
    await sender.drain()
    # The erasing turn's reply held the chat id until sent; once it is marked sent, the file is rebuilt.
    await telegram.bot.core.flush_acknowledged()
    await store.wiped()

    for name, data in database_bytes(Path(store.path)).items():
        assert not traces(data, needles), f"{name} still holds the person's {traces(data, needles)}"


async def test_the_database_files_are_private_to_the_bots_user(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    check_data_dir(folder)
    store = SqliteStore(folder / "private.sqlite3")
    await store.open()
    try:
        async with store.unit_of_work() as uow:
            await uow.usage.add_sent("zalo", "2026-11", 1)
            await uow.commit()
        files = [folder / name for name in ("private.sqlite3", "private.sqlite3-wal", "private.sqlite3-shm")]
        assert all(file.exists() for file in files)
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert {file.name: stat.S_IMODE(file.stat().st_mode) for file in files} == {file.name: 0o600 for file in files}
    finally:
        await store.close()


async def test_an_existing_world_readable_file_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    first = SqliteStore(path)
    await first.open()
    await first.close()
    os.chmod(path, 0o644)
    again = SqliteStore(path)
    await again.open()
    try:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(os.stat(f"{path}-wal").st_mode) == 0o600
    finally:
        await again.close()


async def test_the_retention_purge_leaves_no_byte_of_an_inactive_person(tmp_path: Path) -> None:
    now = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    store = SqliteStore(tmp_path / "purge.sqlite3")
    await store.open()
    try:
        async with store.unit_of_work() as uow:
            gone = await uow.people.add(Person("telegram", str(PERSON), str(PERSON), "Suối 7311", "vi", now, now))
            assert gone.id is not None
            await uow.sessions.save(Session(person_id=gone.id, updated_at=now, flow="booking", step="summary",
                                            data={"phone": PHONE}))
            await uow.commit()
        needles = {"chat id": str(PERSON), "alias": "Suối 7311", "phone": PHONE}
        assert traces(b"".join(database_bytes(Path(store.path)).values()), needles)
        purged = await purge(store, FakeClock(now + timedelta(days=400)), Retention(60, 7, 365))
        assert purged.people == 1
        await store.wiped()
        for name, data in database_bytes(Path(store.path)).items():
            assert not traces(data, needles), f"{name} still holds the person's {traces(data, needles)}"
    finally:
        await store.close()
