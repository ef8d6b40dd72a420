"""What the staff web view and the invite codes remember, in the database (migration 0011), on SQLite
and PostgreSQL alike: a sign-in link works once and for its minutes, a session ends on time, at
sign-out and when its staff member is removed or erased, wrong codes are counted per chat in a window.
Two stores on one database stand for two processes: a link issued through one signs in through the
other, a session opened on one is valid and signed out on the other, and wrong codes are one count."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import FakeClock
from bot.services import web_access
from bot.services.people import CodeAttempts
from bot.services.web_access import WebAccess
from bot.store.base import Store
from bot.store.records import Person
from scheduler.housekeeping import Retention, purge

NOW = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
CHAT = ("telegram", "4242")


async def people(store: Store, count: int) -> list[int]:
    ids = []
    async with store.unit_of_work() as uow:
        for n in range(count):
            added = await uow.people.add(Person(channel="telegram", user_id=f"s{n}", chat_id=f"s{n}",
                                                alias=f"Mây {n}", locale="vi", created_at=NOW, last_seen_at=NOW))
            assert added.id is not None
            ids.append(added.id)
        await uow.commit()
    return ids


async def issue(store: Store, access: WebAccess, person_id: int, now: datetime = NOW) -> str:
    async with store.unit_of_work() as uow:
        token = await access.issue_link(uow, person_id, now)
        await uow.commit()
    return token


async def redeem(store: Store, access: WebAccess, token: str, now: datetime = NOW) -> int | None:
    async with store.unit_of_work() as uow:
        found = await access.redeem(uow, token, now)
        await uow.commit()
    return found


async def is_valid(store: Store, access: WebAccess, token: str, now: datetime = NOW) -> bool:
    async with store.reading() as uow:
        return await access.is_valid(uow, token, now)


async def open_session(store: Store, access: WebAccess, person_id: int, now: datetime = NOW) -> str:
    async with store.unit_of_work() as uow:
        token, session = await access.open_session(uow, person_id, "p1", False, "vi", now)
        assert (session.person_id, session.point_id, session.expires_at) == (person_id, "p1", now + access.session_ttl)
        await uow.commit()
    return token


async def signed_in(store: Store, access: WebAccess, token: str, now: datetime = NOW) -> int | None:
    async with store.reading() as uow:  # as a page asks
        session = await access.session(uow, token, now)
    return session.person_id if session else None


async def close(store: Store, access: WebAccess, token: str) -> None:
    async with store.unit_of_work() as uow:
        await access.close(uow, token)
        await uow.commit()


async def test_a_link_signs_in_once_and_only_for_its_minutes(store: Store) -> None:
    access = WebAccess(link_minutes=10, session_minutes=120)
    seven, eight = await people(store, 2)
    token = await issue(store, access, seven)
    assert await is_valid(store, access, token) and await is_valid(store, access, token)  # looking does not use it up
    assert not await is_valid(store, access, token, NOW + timedelta(minutes=10))
    assert await redeem(store, access, token, NOW + timedelta(minutes=9)) == seven
    assert await redeem(store, access, token, NOW + timedelta(minutes=9)) is None  # used
    late = await issue(store, access, seven)
    assert await redeem(store, access, late, NOW + timedelta(minutes=10)) is None  # expired
    assert await redeem(store, access, "forged") is None
    first, second = await issue(store, access, eight), await issue(store, access, eight)
    assert await redeem(store, access, first) is None and await redeem(store, access, second) == eight  # newest only
    assert (await store.table_rows())["web_links"] == []  # used and expired links are gone


async def test_only_a_digest_of_a_token_is_stored(store: Store) -> None:
    access = WebAccess()
    (someone,) = await people(store, 1)
    link = await issue(store, access, someone)
    session = await open_session(store, access, someone)
    rows = await store.table_rows()
    stored = repr(rows["web_links"]) + repr(rows["web_sessions"])
    assert link not in stored and session not in stored
    assert [len(row["digest"]) for row in rows["web_links"] + rows["web_sessions"]] == [64, 64]


async def test_sessions_end_on_time_at_sign_out_and_when_staff_are_removed_or_erased(store: Store) -> None:
    access = WebAccess(link_minutes=10, session_minutes=120)
    seven, eight = await people(store, 2)
    session = await open_session(store, access, seven)
    assert await signed_in(store, access, session, NOW + timedelta(minutes=119)) == seven
    assert await signed_in(store, access, session, NOW + timedelta(minutes=120)) is None
    again = await open_session(store, access, seven)
    await close(store, access, again)
    assert await signed_in(store, access, again) is None
    third = await open_session(store, access, seven)
    pending = await issue(store, access, seven)
    async with store.unit_of_work() as uow:
        await access.close_person(uow, seven)
        await uow.commit()
    assert await signed_in(store, access, third) is None and await redeem(store, access, pending) is None
    erased = await open_session(store, access, eight)
    link = await issue(store, access, eight)
    async with store.unit_of_work() as uow:
        await uow.people.erase(eight)
        await uow.commit()
    rows = await store.table_rows()
    assert rows["web_sessions"] == [] and rows["web_links"] == []  # the schema's cascade
    assert await signed_in(store, access, erased) is None and await redeem(store, access, link) is None


async def test_expired_rows_go_at_sign_in_and_at_the_housekeeping_purge(store: Store) -> None:
    access = WebAccess(link_minutes=10, session_minutes=120)
    seven, eight = await people(store, 2)
    await open_session(store, access, seven)
    await issue(store, access, seven)
    await open_session(store, access, eight, NOW + timedelta(minutes=121))  # the other's session has expired
    rows = await store.table_rows()
    assert [r["person_id"] for r in rows["web_sessions"]] == [eight] and rows["web_links"] == []
    async with store.unit_of_work() as uow:
        await CodeAttempts().failed(uow, CHAT, NOW)
        await uow.commit()
    purged = await purge(store, FakeClock(NOW + timedelta(hours=5)), Retention(60, 7, 365))
    rows = await store.table_rows()
    assert rows["web_sessions"] == [] and rows["code_failures"] == [] and purged.other == 2


async def test_a_flood_of_links_is_bounded(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web_access, "MAX_PENDING", 5)
    access = WebAccess()
    staff = await people(store, 8)
    tokens = [await issue(store, access, person_id, NOW + timedelta(seconds=n)) for n, person_id in enumerate(staff)]
    assert len((await store.table_rows())["web_links"]) == 5
    assert await redeem(store, access, tokens[-1]) == staff[-1]
    assert await redeem(store, access, tokens[0]) is None  # the oldest made way


async def test_wrong_codes_are_counted_per_chat_in_a_sliding_window(store: Store) -> None:
    attempts = CodeAttempts()

    async def fail(chat: tuple[str, str], at: datetime) -> None:
        async with store.unit_of_work() as uow:
            await attempts.failed(uow, chat, at)
            await uow.commit()

    async def wait(chat: tuple[str, str], at: datetime) -> timedelta | None:
        async with store.unit_of_work() as uow:
            return await attempts.wait(uow, chat, at)

    for minute in range(5):
        assert await wait(CHAT, NOW + timedelta(minutes=minute)) is None
        await fail(CHAT, NOW + timedelta(minutes=minute))
    assert await wait(CHAT, NOW + timedelta(minutes=5)) == timedelta(minutes=10)  # until the first leaves
    assert await wait(("zalo", "4242"), NOW + timedelta(minutes=5)) is None  # another chat is not held back
    assert await wait(CHAT, NOW + timedelta(minutes=15)) is None
    assert "4242" not in repr((await store.table_rows())["code_failures"])  # a digest, not the chat's id


async def test_a_link_issued_by_one_process_signs_in_on_another_once(two_stores: tuple[Store, Store]) -> None:
    one, other = two_stores
    access = WebAccess(link_minutes=10, session_minutes=120)
    (someone,) = await people(one, 1)
    token = await issue(one, access, someone)
    assert await is_valid(other, access, token)
    assert await redeem(other, access, token) == someone
    assert await redeem(one, access, token) is None and not await is_valid(one, access, token)  # used everywhere
    stale = await issue(other, access, someone)
    assert await redeem(one, access, stale, NOW + timedelta(minutes=10)) is None  # expiry holds on both


async def test_a_session_opened_on_one_process_is_valid_and_ends_on_another(two_stores: tuple[Store, Store]) -> None:
    one, other = two_stores
    access = WebAccess(link_minutes=10, session_minutes=120)
    (someone,) = await people(one, 1)
    session = await open_session(one, access, someone)
    assert await signed_in(other, access, session) == someone
    assert await signed_in(other, access, session, NOW + timedelta(minutes=120)) is None  # expiry
    await close(other, access, session)
    assert await signed_in(one, access, session) is None  # signed out on every process
    removed = await open_session(other, access, someone)
    async with one.unit_of_work() as uow:
        await access.close_person(uow, someone)
        await uow.commit()
    assert await signed_in(other, access, removed) is None


async def test_wrong_codes_are_one_count_for_every_process(two_stores: tuple[Store, Store]) -> None:
    attempts = CodeAttempts()
    for n in range(5):
        async with two_stores[n % 2].unit_of_work() as uow:  # the chat's messages land on either process
            assert await attempts.wait(uow, CHAT, NOW) is None
            await attempts.failed(uow, CHAT, NOW + timedelta(seconds=n))
            await uow.commit()
    for store in two_stores:
        async with store.unit_of_work() as uow:
            assert await attempts.wait(uow, CHAT, NOW + timedelta(minutes=1)) == timedelta(minutes=14)
