"""The staff web view in a real browser: Debian's Chromium driven by Playwright, against the real tornado
server, store and catalogs, with the sign-in link taken from the bot's own reply to /web.

A counselor signs in by the link, sees today's agenda, marks attendance and downloads a report; a stale,
reused or forged link, a form without its XSRF token, another point's page, a tampered cookie and a
signed-out session are refused, and nothing changes. A province head edits the site list: a bad row is
refused with the row named, and the file stays as it was. With DIEMTUVAN_SCREENSHOTS=docs/web the test
also saves the screenshots the README shows.
"""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from bot.app import Bot, build, web_view
from bot.clock import FakeClock
from bot.messages import Incoming
from bot.reports import Period
from bot.services import groups as group_rules
from bot.store.records import Appointment, Group, Person
from bot.web import WebServer
from tests.conftest import make_settings

CHROMIUM = Path("/usr/bin/chromium")
POINT, OTHER_POINT = "hcm-pham-ngu-lao-point", "hn-hang-buom-point"
COUNSELOR, HEAD = "7001", "9001"
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Debian's chromium is not installed (.ci/run installs it)")
SHOTS = os.environ.get("DIEMTUVAN_SCREENSHOTS")


@dataclass
class Site:
    bot: Bot
    clock: FakeClock
    server: WebServer
    data_dir: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    async def link(self, user: str) -> str:
        """The sign-in link, as the bot replies to /web in the staff member's chat."""
        self.clock.advance(timedelta(seconds=1))
        outcome = await self.bot.core.handle(Incoming("telegram", user, user, f"web-{self.clock.now()}", text="/web"))
        found = re.search(r"http://\S+", outcome.replies[0].text)
        assert found, outcome.replies[0].text
        # The settings say where the proxy publishes it; this test's server listens on a free port.
        return found.group(0).replace("http://127.0.0.1:8445", self.base)

    async def rows(self, table: str) -> list[dict[str, object]]:
        return (await self.bot.store.table_rows())[table]


async def _person(bot: Bot, user: str, alias: str, role: str, clock: FakeClock) -> int:
    async with bot.store.unit_of_work() as uow:
        person = await uow.people.add(Person(channel="telegram", user_id=user, chat_id=user, alias=alias, locale="vi",
                                             role=role, onboarded=True, consent_at=clock.now(),
                                             created_at=clock.now(), last_seen_at=clock.now()))
        assert person.id is not None
        if role == "counselor":
            await uow.staff.join(person.id, "counselor", POINT, clock.now())
        await uow.commit()
    return person.id


@pytest.fixture
async def site(tmp_path: Path) -> AsyncIterator[Site]:
    clock = FakeClock()
    settings = make_settings(tmp_path, WEB_PORT="8445", ADMIN_IDS=HEAD, TELEGRAM_BOT_USERNAME="diemtuvan_test_bot")
    bot = await build(settings, clock=clock, deliver=False)
    counselor = await _person(bot, COUNSELOR, "Tư vấn Lan", "counselor", clock)
    await _person(bot, HEAD, "Lãnh đạo Hòa", "person", clock)
    member = await _person(bot, "7101", "Mây 1234", "person", clock)
    now = clock.now()
    async with bot.store.unit_of_work() as uow:
        await uow.appointments.book(Appointment(
            person_id=member, counselor_id=counselor, point_id=POINT, starts_at=now + timedelta(hours=2), minutes=45,
            kind="in_person", topic="methadone", status="confirmed", created_at=now))
        rule = group_rules.parse_schedule("thứ Bảy tuần thứ hai, 8:00")
        assert isinstance(rule, dict)
        group = await uow.groups.add(Group(name="Nhóm Bình Minh", rule=rule, place="Phòng 2", created_at=now,
                                           point_id=POINT, facilitator_id=counselor))
        assert group.id is not None
        await uow.groups.join(group.id, member, now)
        await uow.tally.add(POINT, "question.methadone", now, 23)
        await uow.tally.add(POINT, "appointment.requested", now, 9)
        await uow.tally.add(POINT, "appointment.attended", now, 4)
        await uow.commit()
    server = web_view(settings, bot, port=0)
    assert server is not None
    server.start()
    try:
        yield Site(bot, clock, server, settings.data_dir)
    finally:
        await server.stop()
        await bot.store.close()


@pytest.fixture
async def browser() -> AsyncIterator[object]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                                    args=["--no-sandbox", "--disable-dev-shm-usage"])
        try:
            yield chromium
        finally:
            await chromium.close()


async def _shot(page: object, name: str) -> None:
    if SHOTS:  # playwright creates the folder
        await page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


async def test_a_counselor_signs_in_marks_attendance_and_downloads_a_report(site: Site, browser: object) -> None:
    context = await browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)  # type: ignore[attr-defined]
    page = await context.new_page()
    link = await site.link(COUNSELOR)
    response = await page.goto(link)
    assert response.status == 200
    await _shot(page, "sign-in")
    await page.click("#sign-in")
    await page.wait_for_url(f"{site.base}/web")
    agenda = await page.inner_text("#agenda")
    assert "Mây 1234" in agenda and "Gặp trực tiếp" in agenda and "Đã xác nhận" in agenda
    assert "Nhóm Bình Minh" in await page.inner_text("#next-meeting")
    assert [r["what"] for r in await site.rows("audit")] == ["web:today"]  # the alias shown is audited
    await _shot(page, "today")

    # Attendance of the meeting that has begun, saved once.
    await page.click("#nav-groups")
    await page.check("input[name=present]")
    await _shot(page, "groups")
    await page.click("button.save")
    assert "1 người có mặt" in await page.inner_text("#saved")
    attended = [r for r in await site.rows("group_attendance") if r["attended"]]
    assert len(attended) == 1
    assert sum(r["n"] for r in await site.rows("tally") if r["what"] == "group.attended") == 1

    # The report of the quarter: on screen exact (this is the point's own staff), the file hides small counts.
    quarter = Period.containing("quarter", site.clock.now().date()).code
    await page.goto(f"{site.base}/web/reports?period={quarter}")
    table = await page.inner_text("#report")
    assert "23" in table and "\t4" in table
    await _shot(page, "reports")
    async with page.expect_download() as waiting:
        await page.click("#download-xlsx")
    download = await waiting.value
    assert download.suggested_filename == f"baocao-{POINT}-{quarter}.xlsx"
    saved = await download.path()
    with open(saved, "rb") as workbook:  # noqa: ASYNC230 - two bytes of a local file
        assert workbook.read(2) == b"PK"
    chart = await page.request.get(f"{site.base}/web/reports/file?period={quarter}&format=png")
    assert (await chart.body())[:4] == b"\x89PNG"

    # English, then the week and the staff pages.
    await page.goto(f"{site.base}/web/week?lang=en")
    assert "In person" in await page.inner_text("#week")
    await page.goto(f"{site.base}/web/staff")
    assert "Tư vấn Lan" in await page.inner_text("#staff")
    await page.click("#invite-button")
    invite = await page.inner_text("#invite")
    assert "t.me/diemtuvan_test_bot?start=" in invite
    assert len(await site.rows("invites")) == 1
    await context.close()


async def test_links_forms_points_and_sessions_are_refused_when_they_should_be(site: Site, browser: object) -> None:
    context = await browser.new_context()  # type: ignore[attr-defined]
    page = await context.new_page()
    link = await site.link(COUNSELOR)
    await page.goto(link)
    await page.click("#sign-in")
    await page.wait_for_url(f"{site.base}/web")

    # A link may open a page of the web view, and no other place.
    await page.goto(await site.link(COUNSELOR) + "&next=%2Fweb%2Freports%3Fperiod%3D2026-Q4")
    await page.click("#sign-in")
    await page.wait_for_url(f"{site.base}/web/reports?period=2026-Q4")
    await page.goto(await site.link(COUNSELOR) + "&next=%2F%2Fevil.example%2Fweb")
    await page.click("#sign-in")
    await page.wait_for_url(f"{site.base}/web")
    # A used link does not sign in again; nor does a forged one.
    for address in (link, f"{site.base}/web/login?t=forged-token-0123456789"):
        response = await page.goto(address)
        assert response.status == 403 and "đã hết hạn, đã được dùng" in await page.inner_text("#message")
    # A stale one: valid ten minutes.
    stale = await site.link(COUNSELOR)
    site.clock.advance(timedelta(minutes=11))
    response = await page.goto(stale)
    assert response.status == 403
    # Another point's page.
    response = await page.goto(f"{site.base}/web/week?point={OTHER_POINT}")
    assert response.status == 403 and "một điểm khác" in await page.inner_text("#message")
    # A form sent without its XSRF token changes nothing.
    before = await site.rows("group_attendance")
    response = await page.request.post(f"{site.base}/web/groups/1/attendance", form={"present": "3"})
    assert response.status == 403 and "mã bảo vệ" in await response.text()
    assert await site.rows("group_attendance") == before
    # A tampered session cookie is no session.
    cookies = await context.cookies()
    session = next(c for c in cookies if c["name"] == "dtv_session")
    await context.add_cookies([{**session, "value": session["value"][:-3] + "AAA"}])
    response = await page.goto(f"{site.base}/web")
    assert response.status == 401 and "Gõ /web" in await page.inner_text("#message")
    # Signed out: the old cookie, put back, opens nothing.
    await context.add_cookies([session])
    await page.goto(f"{site.base}/web")
    await page.click("#sign-out")
    assert "Bạn đã đăng xuất" in await page.inner_text("#message")
    await context.add_cookies([session])
    response = await page.goto(f"{site.base}/web")
    assert response.status == 401
    # An expired session: a new sign-in, then the clock passes its two hours.
    await page.goto(await site.link(COUNSELOR))
    await page.click("#sign-in")
    site.clock.advance(timedelta(minutes=121))
    response = await page.goto(f"{site.base}/web/reports")
    assert response.status == 401
    await context.close()


async def test_bad_input_gets_a_clear_message_and_changes_nothing(site: Site, browser: object) -> None:
    context = await browser.new_context()  # type: ignore[attr-defined]
    page = await context.new_page()
    await page.goto(await site.link(HEAD))  # a province head (ADMIN_IDS) sees every point
    await page.click("#sign-in")
    await page.wait_for_url(f"{site.base}/web")

    response = await page.goto(f"{site.base}/web/reports?period=2026-Q5")
    assert response.status == 400 and "Mình không hiểu kỳ «2026-Q5»" in await page.inner_text("#problem")
    await page.goto(f"{site.base}/web/reports?period=2026-Q3&point={OTHER_POINT}")
    assert "chưa có số liệu nào trong Quý 3/2026" in await page.inner_text("#empty")
    await page.goto(f"{site.base}/web/reports?period=2026-Q4&point={POINT}")
    assert "<5" in await page.inner_text("#report")  # the province sees small counts hidden

    await page.goto(f"{site.base}/web/sites")
    await _shot(page, "sites")
    text = await page.input_value("#csv")
    broken = text.replace("hcm-pham-ngu-lao-point,counseling_point", "hcm-pham-ngu-lao-point,no_such_kind", 1)
    await page.fill("#csv", broken)
    await page.click("#save-sites")
    problems = await page.inner_text("#problems")
    assert "1 dòng lỗi" in problems and "line 3" in problems
    assert not (site.data_dir / "sites.csv").exists()  # nothing changed
    await page.fill("#csv", text.replace("(sample)", "(mẫu)"))
    await page.click("#save-sites")
    assert "Đã lưu danh sách" in await page.inner_text("#saved")
    assert (site.data_dir / "sites.csv").read_text(encoding="utf-8") == text.replace("(sample)", "(mẫu)")

    await page.goto(f"{site.base}/web/staff?point={POINT}")
    await _shot(page, "staff")
    await page.click("#staff button.quiet")  # remove the counselor
    assert "Tư vấn Lan" not in await page.inner_text("#staff")
    assert [r["role"] for r in await site.rows("people") if r["channel_user_id"] == COUNSELOR] == ["person"]
    await context.close()
