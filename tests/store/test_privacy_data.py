"""docs/privacy.md against the data: what it says is kept is what the schema and the store keep.

The doc's table "Where it is stored" must name every table of the schema, every column that points at
a person, and what happens to those columns when the person is erased (deleted or emptied, as the
schema's ON DELETE says). Two of its promises are checked by running them: leaving a group takes the
member's RSVPs and attendance with it, and a sent crisis alert soon stops saying whom it was about."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.clock import FakeClock
from bot.config import PROJECT_ROOT
from bot.store.records import Group, Person
from bot.store.sqlite import SqliteStore
from scheduler.housekeeping import NOTICE_KEY_MINUTES, Retention, purge
from tests.conftest import TelegramHarness
from tests.e2e.conftest import Chat, make_counselor, onboard, outbox_sender

PRIVACY = PROJECT_ROOT / "docs" / "privacy.md"
# Columns that say who someone is or how to reach them, besides those pointing at people (id).
IDENTIFYING = {"channel_user_id", "chat_id", "alias", "phone"}
NOW = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def documented_tables() -> dict[str, tuple[set[str], str]]:
    """The doc's "Where it is stored" table: name → (the columns it names, what it says happens)."""
    text = PRIVACY.read_text(encoding="utf-8")
    section = text.split("## Where it is stored", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, tuple[set[str], str]] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and (name := re.fullmatch(r"`(\w+)`", cells[0])):
            rows[name.group(1)] = (set(re.findall(r"`(\w+)`", cells[1])), cells[2])
    return rows


async def schema(tmp_path: Path) -> dict[str, dict[str, object]]:
    """Each table: its columns, and its columns that point at people with their ON DELETE action."""
    store = SqliteStore(tmp_path / "schema.sqlite3")
    await store.open()
    try:
        tables: dict[str, dict[str, object]] = {}
        names = [r[0] for r in await store.db.execute_fetchall(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        for name in names:
            columns = {r[1] for r in await store.db.execute_fetchall(f'PRAGMA table_info("{name}")')}
            keys = {r[3]: r[6] for r in await store.db.execute_fetchall(f'PRAGMA foreign_key_list("{name}")')
                    if r[2] == "people"}
            tables[name] = {"columns": columns, "to_people": keys}
        return tables
    finally:
        await store.close()


async def test_the_privacy_doc_describes_every_table_and_every_column_about_a_person(tmp_path: Path) -> None:
    documented = documented_tables()
    tables = await schema(tmp_path)
    assert set(documented) == set(tables), "docs/privacy.md, 'Where it is stored', must list exactly the tables"
    for name, table in tables.items():
        named, fate = documented[name]
        columns, to_people = table["columns"], table["to_people"]
        assert isinstance(columns, set) and isinstance(to_people, dict)
        about_a_person = set(to_people) | (columns & IDENTIFYING) | ({"id"} if name == "people" else set())
        assert about_a_person <= named, f"{name}: the doc does not name {sorted(about_a_person - named)}"
        assert named <= columns, f"{name}: the doc names columns the table lacks: {sorted(named - columns)}"
        actions = set(to_people.values())
        if "CASCADE" in actions:
            assert "deleted" in fate, f"{name}: rows go with the person (ON DELETE CASCADE); the doc must say so"
        if "SET NULL" in actions:
            assert "emptied" in fate, f"{name}: ids are emptied (ON DELETE SET NULL); the doc must say so"
        if not about_a_person:
            assert named == set() and "no person" in fate, f"{name}: the doc must say it holds no person"


async def test_leaving_a_group_takes_the_members_rsvps_and_attendance(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "groups.sqlite3")
    await store.open()
    try:
        meeting = NOW + timedelta(days=3)
        async with store.unit_of_work() as uow:
            leaving = await uow.people.add(Person("telegram", "1", "1", "Mây 1111", "vi", NOW, NOW))
            staying = await uow.people.add(Person("telegram", "2", "2", "Gió 2222", "vi", NOW, NOW))
            group = await uow.groups.add(Group(point_id="p", name="Nhóm", rule={}, place="Phòng", facilitator_id=None,
                                               created_at=NOW))
            assert leaving.id and staying.id and group.id
            for member in (leaving.id, staying.id):
                await uow.groups.join(group.id, member, NOW)
                await uow.groups.rsvp(group.id, meeting, member, "yes")
                await uow.groups.attend(group.id, meeting - timedelta(days=30), member)
            await uow.groups.leave(group.id, leaving.id)
            await uow.commit()
        rows = await store.table_rows()
        assert {r["person_id"] for r in rows["group_attendance"]} == {staying.id}
        assert len(rows["group_attendance"]) == 2 and len(rows["group_meetings"]) == 2
        assert [r["person_id"] for r in rows["group_members"]] == [staying.id]
    finally:
        await store.close()


async def test_a_sent_crisis_alert_soon_forgets_whom_it_was_about(telegram: TelegramHarness,
                                                                  clock: FakeClock) -> None:
    assert telegram.bot is not None
    chat = Chat(telegram, 5001)
    counselor = await make_counselor(chat, "KEYS2345", 1, "/truc")
    await onboard(chat)
    await chat.say("ban toi bat tinh roi")
    assert await outbox_sender(chat).drain() == 1
    assert counselor.last().text.startswith("🚨 ")
    async with telegram.bot.store.unit_of_work() as uow:
        person = await uow.people.get("telegram", "5001")
    assert person is not None and person.id is not None

    def alerts(rows: dict[str, list[dict[str, object]]]) -> list[dict[str, object]]:
        return [r for r in rows["outbox"] if str(r["key"]).startswith(("crisis:", "done:"))]

    retention = Retention(60, 7, 365)
    clock.advance(timedelta(minutes=NOTICE_KEY_MINUTES - 1))
    await purge(telegram.bot.store, clock, retention)
    kept = alerts(await telegram.rows())  # still refuses a second alert for the same minute
    assert kept and all(str(r["key"]).startswith(f"crisis:{person.id}:") and r["about_id"] == person.id for r in kept)
    clock.advance(timedelta(minutes=2))
    await purge(telegram.bot.store, clock, retention)
    forgotten = alerts(await telegram.rows())
    assert len(forgotten) == len(kept)
    for row in forgotten:
        assert row["about_id"] is None and row["key"] == f"done:{row['id']}"
        assert row["status"] == "sent" and row["reply"] is None
