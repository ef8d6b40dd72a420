"""A platform outage, end to end: the real core and outbox sender against the fake Bot API, whose fault
switch answers 502 for a while measured on the fake clock. The waiting replies and outbox messages go
out within seconds of the platform's return, crisis first, and while it is down the bot probes it with
getMe instead of sending into it."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.clock import FakeClock
from bot.messages import Reply
from bot.priorities import Priority
from bot.store.records import OutboxItem
from scheduler import sender as sender_module
from tests.conftest import TelegramHarness
from tests.e2e.conftest import Chat, make_counselor, onboard, outbox_sender
from tests.fakes.telegram_api import FakeTelegram

OUTAGE = timedelta(seconds=200)
PERSON, OTHER = 5001, 5002


async def test_after_a_200_second_outage_waiting_messages_go_within_seconds_crisis_first(
    fake_telegram: FakeTelegram, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One send on its way at a time, so the order the platform sees is the order the sender took its
    # slots in; with several in flight, two sends to different chats may reach it either way round
    # (tests/scheduler/test_sender.py checks the slots' order with several in flight).
    monkeypatch.setattr(sender_module, "SENDS_IN_FLIGHT", 1)
    harness = TelegramHarness(fake_telegram, tmp_path, clock)
    await harness.start()
    try:
        person, other = Chat(harness, PERSON), Chat(harness, OTHER)
        counselor = await make_counselor(person, "DUTY2345", 2, "/truc")
        await onboard(person)
        await onboard(other)
        bot = harness.bot
        assert bot is not None
        sender = outbox_sender(person)

        down_until = clock.now() + OUTAGE
        accepted: list[tuple[int, str, datetime]] = []
        refused: list[str] = []

        def outage(method: str, params: dict[str, Any]) -> bool:
            if method not in ("sendMessage", "getMe"):
                return False  # updates still arrive: what is measured here is delivery
            if clock.now() < down_until:
                refused.append(method)
                return True
            if method == "sendMessage":
                accepted.append((int(params["chat_id"]), str(params["text"]), clock.now()))
            return False

        fake_telegram.intercept = outage
        # During the outage: a crisis, an ordinary question, and a routine outbox message.
        assert await person.say("ban toi bat tinh roi") == []
        assert await other.say("methadone la gi") == []
        async with bot.store.unit_of_work() as uow:
            address = await uow.people.address(await _person_id(harness, OTHER))
            assert address is not None
            await uow.outbox.add_many([OutboxItem.to(address, "routine:1", Reply("Lời nhắn thường lệ."),
                                                     Priority.ROUTINE, clock.now())])
            await uow.commit()
        failed_sends = refused.count("sendMessage")

        # The sender's loop, a fake second at a time, until a few seconds after the platform is back.
        while clock.now() < down_until + timedelta(seconds=8):
            await sender.drain()
            clock.advance(timedelta(seconds=1))

        await bot.core.wait_released()
        returned = down_until
        # Everything went within seconds of the return, not at the next step of a backoff.
        assert accepted and all(at - returned <= timedelta(seconds=6) for _chat, _text, at in accepted)
        # While it was down, only the probe went to the platform: no send was tried after the first ones.
        assert refused.count("sendMessage") == failed_sends <= 3
        assert 10 <= refused.count("getMe") <= OUTAGE.total_seconds() / 5 + 5
        # Crisis first: the person's crisis reply leads the core's replies, the alert leads the outbox.
        to_person = [text for chat, text, _at in accepted if chat == PERSON]
        assert "115" in to_person[0]
        assert any("thuốc thay thế" in text for chat, text, _at in accepted if chat == OTHER)
        assert [text for chat, text, _at in accepted if chat == counselor.user][-1].startswith("🚨")
        outbox_order = [text for _chat, text, _at in accepted if text.startswith(("🚨", "Lời nhắn thường lệ"))]
        assert outbox_order[0].startswith("🚨") and outbox_order[-1] == "Lời nhắn thường lệ."
        rows = await harness.rows()
        assert all(r["replies"] is None for r in rows["inbox"])
        assert {r["status"] for r in rows["outbox"]} == {"sent"}
    finally:
        fake_telegram.intercept = None
        await harness.stop()


async def _person_id(harness: TelegramHarness, user: int) -> int:
    assert harness.bot is not None
    async with harness.bot.store.unit_of_work() as uow:
        found = await uow.people.get("telegram", str(user))
    assert found is not None and found.id is not None
    return found.id

