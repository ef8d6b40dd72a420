"""The site finder as a conversation: kind, then a shared location or a typed place; results say
what the list does not know, label sample rows, and keep nothing about where the person is."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.app import Bot, build
from bot.clock import FakeClock
from bot.messages import Incoming, Location
from tests.conftest import make_settings
from tests.core.test_router_order import onboard

SAMPLE = Path(__file__).parent.parent / "data" / "sample_sites.csv"
N = iter(range(50_000, 60_000))


@pytest.fixture
async def site_bot(tmp_path: Path) -> AsyncIterator[Bot]:
    (tmp_path / "data").mkdir()
    shutil.copy(SAMPLE, tmp_path / "data" / "sites.csv")
    # Monday 23/11/2026 07:30 in Hà Nội: sample A (mon-sat 06:00-10:00) is open.
    clock = FakeClock(datetime(2026, 11, 23, 0, 30, tzinfo=UTC))
    instance = await build(make_settings(tmp_path), clock=clock, store_path=tmp_path / "core.sqlite3", deliver=False)
    yield instance
    await instance.store.close()


async def turn(bot: Bot, text: str | None = None, **more: object) -> tuple[str, str | None, list[str], list[str]]:
    incoming = Incoming("test", "u1", "u1", str(next(N)), text=text, **more)  # type: ignore[arg-type]
    outcome = await bot.core.handle(incoming)
    keys = [c.key for r in outcome.replies for c in r.choices]
    return outcome.handler, outcome.entry, [r.text for r in outcome.replies], keys


async def test_by_location_nearest_first_with_distance_hours_open_now_and_map(site_bot: Bot) -> None:
    await onboard(site_bot)
    handler, _, texts, keys = await turn(site_bot, "tim co so")  # the menu item, typed
    assert handler == "sites" and keys[0] == "site:methadone"
    handler, _, texts, _ = await turn(site_bot, "1")
    assert handler == "sites" and "không được lưu" in texts[0]
    handler, entry, texts, keys = await turn(site_bot, location=Location(21.031, 105.851))
    assert handler == "sites" and entry == "sample-a,sample-b"  # methadone: clinic and dispensing point
    first = texts[0]
    assert first.startswith("⚠️ DỮ LIỆU MẪU")
    assert "Cơ sở mẫu A" in first and "T2–T7 06:00–10:00; CN 06:00–08:00" in first
    assert "đang mở cửa" in first and "0,2 km" in first and "openstreetmap.org/?mlat=21.03000" in first
    assert "Điểm cấp phát mẫu B" in texts[1]
    assert "Danh sách chưa có " in texts[1] and "giờ mở cửa: hỏi trạm y tế" in texts[1]
    assert "Nguồn: " in texts[1]
    assert keys == ["m:sites", "m:menu"]


async def test_by_typed_place_with_a_former_name_and_a_kind_filter(site_bot: Bot) -> None:
    await onboard(site_bot)
    await turn(site_bot, "tim co so")
    await turn(site_bot, "diem tu van")
    handler, entry, texts, _ = await turn(site_bot, "huyen dao cu")  # a name from before the merger
    assert handler == "sites" and entry == "sample-c"
    assert "Danh sách chưa có địa chỉ" in texts[0] and "km" not in texts[0]


async def test_a_place_with_nothing_keeps_asking_and_a_question_is_still_answered(site_bot: Bot) -> None:
    await onboard(site_bot)
    await turn(site_bot, "tim co so")
    await turn(site_bot, "5")
    handler, _, texts, _ = await turn(site_bot, "Cà Mau")
    assert handler == "sites:none" and "«Cà Mau»" in texts[0]
    handler, _, texts, _ = await turn(site_bot, "methadone là gì")
    assert handler == "faq" and "vị trí" in texts[-1]  # answered, then "where?" again
    handler, entry, _, _ = await turn(site_bot, "ha noi")
    assert handler == "sites" and entry is not None and set(entry.split(",")) == {"sample-a", "sample-b", "sample-d"}


async def test_a_location_sent_without_asking_finds_every_kind_nearby(site_bot: Bot) -> None:
    await onboard(site_bot)
    handler, entry, _, _ = await turn(site_bot, location=Location(20.86, 106.68))
    assert handler == "sites" and entry is not None and entry.startswith("sample-c")


async def test_no_site_with_coordinates_says_so_and_nothing_about_the_location_is_kept(site_bot: Bot) -> None:
    await onboard(site_bot)
    await turn(site_bot, "tim co so")
    await turn(site_bot, "xet nghiem hiv")
    handler, _, texts, _ = await turn(site_bot, location=Location(21.0312, 105.8517))
    assert handler == "sites:none" and "tọa độ" in texts[0]
    dumped = repr(await site_bot.store.table_rows())
    assert "21.0312" not in dumped and "105.8517" not in dumped


async def test_a_location_far_from_every_site_says_how_far_and_offers_more(site_bot: Bot) -> None:
    await onboard(site_bot)
    # Hồ Chí Minh City, about 1,100 km from the sample sites around Hà Nội and Hải Phòng.
    handler, entry, texts, keys = await turn(site_bot, location=Location(10.776, 106.700))
    assert texts[0].startswith("Nơi gần nhất trong danh sách cách bạn khoảng 1.121 km (Hải Phòng)")
    assert handler == "sites" and entry == "sample-c" and len(texts) == 3  # the note, one short card, what next
    assert len(texts[1]) < 400
    assert keys == ["site:more", "m:sites", "m:menu"]
    handler, entry, texts, keys = await turn(site_bot, "xem them")  # typed: the rest, nearest first
    assert entry == "sample-a,sample-b" and keys == ["m:sites", "m:menu"]


async def test_further_results_are_let_go_when_the_person_moves_on(site_bot: Bot) -> None:
    await onboard(site_bot)
    await turn(site_bot, location=Location(10.776, 106.700))
    handler, _, texts, _ = await turn(site_bot, "methadone là gì")
    assert handler == "faq" and len(texts) == 1  # answered, and no "what next?" asked again
    handler, _, _, _ = await turn(site_bot, "xem them")
    assert handler != "sites"


async def test_a_kind_of_place_named_with_the_place_is_looked_for_by_that_kind(site_bot: Bot) -> None:
    """"Chỗ cai nghiện ở Hà Nội" asks for rehab, not the methadone clinics the list has there."""
    await onboard(site_bot)
    handler, entry, _, _ = await turn(site_bot, "methadone ở Hà Nội")
    assert handler == "sites" and entry is not None and set(entry.split(",")) == {"sample-a", "sample-b"}
    handler, _, texts, _ = await turn(site_bot, "cho em xin số điện thoại chỗ cai nghiện ở Hà Nội")
    assert handler == "sites:none" and "«Hà Nội»" in texts[-1], texts
    handler, entry, _, _ = await turn(site_bot, "ha noi co cho nao")
    assert handler == "sites" and entry is not None and set(entry.split(",")) == {"sample-a", "sample-b", "sample-d"}
