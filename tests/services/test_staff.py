"""Staff from invites: counselors on duty get crisis alerts (never the message itself), and
`diemtuvan invite` makes the codes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tests.e2e.test_cli import run
from tests.rig import Rig, onboard


async def make_staff(rig: Rig, role: str, user: str, code: str, point: str = "point-1") -> None:
    """An invite for a point, redeemed by deep link, then the language."""
    async with rig.bot.store.unit_of_work() as uow:
        await uow.invites.add(code, role, point, rig.clock.now(), rig.clock.now() + timedelta(days=7))
        await uow.commit()
    await rig.say(f"/start {code}", user)
    await rig.say("1", user)  # the language; the welcome ends first contact


async def make_counselor(rig: Rig, user: str = "c1", code: str = "TVV2026") -> None:
    await make_staff(rig, "counselor", user, code)


async def test_a_crisis_alerts_the_counselors_on_duty_without_the_message(rig: Rig) -> None:
    await make_counselor(rig, "c1", "AAA22222")
    await make_counselor(rig, "c2", "BBB33333")
    texts = await rig.say("/truc", "c1")
    assert texts[0].startswith("Bạn đang trực")
    await onboard(rig, "p1")
    texts = await rig.say("ban toi bat tinh roi khong tho nua", "p1")
    assert "115" in texts[0]  # the person's crisis reply comes first, in the turn
    await rig.sender.drain()
    alerts = rig.texts("c1")
    assert len(alerts) == 1 and alerts[0].startswith("🚨 ")
    person = (await rig.bot.store.table_rows())["people"]
    alias = next(p["alias"] for p in person if p["channel_user_id"] == "p1")
    assert alias in alerts[0] and "sốc thuốc" in alerts[0]
    assert "bat tinh" not in alerts[0] and "bất tỉnh" not in alerts[0]  # never the message itself
    assert rig.texts("c2") == []  # not on duty
    # Someone who did not consent is "someone", not their alias.
    await onboard(rig, "p2", consent="2")
    await rig.say("toi muon chet", "p2")
    await rig.sender.drain()
    assert rig.texts("c1")[-1].startswith("🚨 Một người dùng")
    # Off duty: no more alerts.
    await rig.say("/truc", "c1")
    rig.clock.advance(timedelta(minutes=5))
    await rig.say("ban toi bat tinh", "p1")
    await rig.sender.drain()
    assert len(rig.texts("c1")) == 2


async def test_only_counselors_can_go_on_duty(rig: Rig) -> None:
    await onboard(rig, "p1")
    texts = await rig.say("/truc", "p1")
    assert texts[0].startswith("Lệnh này dành cho cán bộ")


def test_invite_cli_makes_a_code_for_a_known_point_only(tmp_path: Path) -> None:
    made = run(["invite", "counselor", "--point", "hcm-pham-ngu-lao-point"], tmp_path,
               TELEGRAM_BOT_USERNAME="diemtuvan_bot")
    assert made.returncode == 0, made.stderr
    code = made.stdout.split(": ")[1].split()[0]
    assert len(code) == 8 and f"https://t.me/diemtuvan_bot?start={code}" in made.stdout
    refused = run(["invite", "volunteer", "--point", "nowhere"], tmp_path)
    assert refused.returncode == 1 and "hcm-pham-ngu-lao-point" in refused.stderr


async def test_wrong_codes_are_throttled_per_chat(rig: Rig) -> None:
    async with rig.bot.store.unit_of_work() as uow:
        await uow.invites.add("GOOD2345", "counselor", "point-1", rig.clock.now(), rig.clock.now() + timedelta(days=7))
        await uow.commit()
    await onboard(rig, "g1")
    for n in range(5):
        texts = await rig.say(f"/start WRONG{n:03d}", "g1")
        assert texts[0].startswith("Mã này không đúng")
    texts = await rig.say("/start GOOD2345", "g1")  # even the right code waits: guesses are what is limited
    assert texts[0].startswith("Bạn đã thử nhiều mã chưa đúng") and "15 phút" in texts[0]
    texts = await rig.say("/lienket WRONG999", "g1")  # link codes count in the same window
    assert texts[0].startswith("Bạn đã thử nhiều mã chưa đúng")
    texts = await rig.say("/start WRONG999", "other")  # another chat is not held back
    rig.clock.advance(timedelta(minutes=15))
    texts = await rig.say("/start GOOD2345", "g1")
    assert "tư vấn viên của point-1" in texts[0]


async def test_the_counselor_welcome_offers_the_web_pages_only_where_they_are_served(rig: Rig) -> None:
    async with rig.bot.store.unit_of_work() as uow:
        await uow.invites.add("WEBLESS2", "counselor", "point-1", rig.clock.now(), rig.clock.now() + timedelta(days=7))
        await uow.commit()
    await rig.say("/start WEBLESS2", "c9")
    welcome = await rig.say("1", "c9")
    assert any("tư vấn viên" in text for text in welcome) and not any("/web" in text for text in welcome)


async def test_a_wish_to_die_told_of_someone_else_alerts_the_counselor_on_duty(rig: Rig) -> None:
    await make_counselor(rig, "c1", "CCC44444")
    await rig.say("/truc", "c1")
    await onboard(rig, "p1")
    texts = await rig.say("bạn em cứ nói muốn chết cho xong, em phải làm sao", "p1")
    assert texts[0].startswith("Cảm ơn bạn đã nói ra. Những lời như vậy") and "115" in texts[0]
    await rig.sender.drain()
    alerts = rig.texts("c1")
    assert len(alerts) == 1 and alerts[0].startswith("🚨 ") and "muốn chết" not in alerts[0]
