"""/baocao from a counselor's chat: on Telegram the report file (sendDocument) and its chart (sendPhoto)
as real multipart uploads to the fake Bot API; on Zalo, which cannot send files, the way to the web view.
Wrong periods and people who are not staff get a sentence, and nothing is sent as a file."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import timedelta
from pathlib import Path

from bot.clock import FakeClock
from tests.conftest import ZaloHarness
from tests.e2e.conftest import Chat, make_counselor, onboard
from tests.fakes.zalo_api import FakeZalo

POINT = "hcm-pham-ngu-lao-point"


async def test_baocao_sends_the_file_and_the_chart_or_the_web_way(chat: Chat) -> None:
    counselor = await make_counselor(chat, "TVVBAOCAO", 1)
    bot = chat.harness.bot
    assert bot is not None
    async with bot.store.unit_of_work() as uow:  # this quarter's counts so far
        await uow.tally.add(POINT, "appointment.requested", chat.harness.clock.now(), 12)
        await uow.tally.add(POINT, "appointment.attended", chat.harness.clock.now(), 3)
        await uow.commit()
    said = await counselor.say("/baocao")
    if chat.name == "zalo":
        assert "không gửi được tệp báo cáo" in said[0].text and said[0].options == ["🔔 Bật nhắc hạn báo cáo"]
        return
    fake = chat.harness.fake
    await fake.wait_calls("sendPhoto", 1)  # type: ignore[union-attr]
    files = fake.files(counselor.user)  # type: ignore[union-attr, arg-type]
    assert [method for method, _ in files] == ["sendDocument", "sendPhoto"]
    document, photo = files[0][1], files[1][1]
    assert document["document"]["filename"] == f"baocao-{POINT}-2026-Q4.xlsx"
    assert "Quý 4/2026" in document["caption"]
    with zipfile.ZipFile(io.BytesIO(document["document"]["data"])) as book:
        strings = book.read("xl/sharedStrings.xml").decode("utf-8")
    assert "Lịch hẹn tư vấn" in strings and "&lt;5" in strings  # 3 attended: a small count, hidden
    assert photo["photo"]["data"][:4] == b"\x89PNG"
    calls = [c for c in fake.calls if c.method in ("sendDocument", "sendPhoto")]  # type: ignore[union-attr]
    assert {c.body for c in calls} == {"multipart"}
    assert said[-1].options == ["🔔 Bật nhắc hạn báo cáo"]
    said = await counselor.press("rep:remind")
    assert said[0].text.startswith("Đã bật nhắc hạn báo cáo")


async def test_a_wrong_period_or_someone_not_staff_gets_a_sentence(chat: Chat) -> None:
    counselor = await make_counselor(chat, "TVVBAOCAO", 2)
    said = await counselor.say("/baocao 2026-Q5")
    assert "Mình không hiểu kỳ «2026-Q5»" in said[0].text
    said = await counselor.say("/baocao 2030")
    assert "chưa bắt đầu" in said[0].text
    said = await counselor.say("/baocao 2025-Q1")
    assert "chưa có số liệu nào trong Quý 1/2025" in said[0].text
    await onboard(chat)
    said = await chat.say("/baocao")
    assert said[0].text.startswith("Lệnh này dành cho cán bộ")
    if chat.name == "telegram":
        assert chat.harness.fake.files() == []  # type: ignore[union-attr]


async def test_on_zalo_baocao_brings_a_sign_in_link_to_the_report_page(tmp_path: Path, clock: FakeClock) -> None:
    fake = await FakeZalo().start()
    harness = ZaloHarness(fake, tmp_path, clock, WEB_PORT="8445", WEB_PUBLIC_URL="https://diemtuvan.example.vn")
    await harness.start()
    try:
        assert harness.bot is not None
        async with harness.bot.store.unit_of_work() as uow:
            await uow.invites.add("TVVZALO", "counselor", POINT, clock.now(), clock.now() + timedelta(days=1))
            await uow.commit()
        counselor = Chat(harness, "c0ffee0000000003")
        await counselor.say("/start TVVZALO")
        welcome = await counselor.say("1")
        # Where the staff pages are served, the welcome says how to reach them.
        assert any("gõ /web" in said.text for said in welcome), [said.text for said in welcome]
        async with harness.bot.store.unit_of_work() as uow:
            await uow.tally.add(POINT, "appointment.requested", clock.now(), 12)
            await uow.commit()
        said = await counselor.say("/baocao")
        assert "Zalo không gửi được tệp" in said[0].text
        assert re.search(r"https://diemtuvan\.example\.vn/web/login\?t=[\w-]{40,}&next=%2Fweb%2Freports%3Fperiod%3D"
                         r"2026-Q4$", said[0].text.splitlines()[-1])
    finally:
        await harness.stop()
        await fake.stop()
