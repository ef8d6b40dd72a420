"""The site list: checked row by row, searched by location and by a typed place (with former names)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.sites import SiteDirectory, SiteFileError, SiteKind, load_provinces, load_sites, parse_hours, read_sites
from tests.e2e.test_cli import run

HEADER = ("id,kind,name,province,commune,address,latitude,longitude,phone,hours,services,other_names,"
          "source,verified,sample\n")
# Test fixtures: invented places, marked sample, never shipped.
GOOD = HEADER + (
    "a,methadone_clinic,Cơ sở mẫu A,Hà Nội,Xã Mẫu,1 Đường Mẫu,21.03,105.85,024 0000 0000,"
    "mon-sat 06:00-10:00; sun 06:00-08:00,methadone,Huyện Cũ,test fixture,2026-11-01,true\n"
    "b,dispensing_point,Điểm cấp phát mẫu B,Hà Nội,Phường Mẫu,,21.10,105.90,,,methadone,,test fixture,2026-11-01,true\n"
    "c,counseling_point,Điểm tư vấn mẫu C,Hải Phòng,Xã Biển,,20.86,106.68,,,tư vấn,,test fixture,2026-11-01,true\n"
)


def test_hours_are_parsed_and_bad_hours_refused() -> None:
    openings = parse_hours("mon-sat 06:00-10:00; sun 06:00-08:00")
    assert len(openings) == 7 and openings[-1].weekday == 6
    for bad in ("mon-sat 25:00-26:00", "sat-mon 06:00-10:00", "daily 6h", "mon 10:00-09:00"):
        with pytest.raises(ValueError):
            parse_hours(bad)


def test_bad_rows_are_reported_by_line() -> None:
    text = HEADER + (
        "x,methadone_clinic,X,Hà Nội,,,,,,,,,src,2026-11-01,false\n"
        "y,clinic,Y,Hà Nội,,,,,,,,,src,2026-11-01,false\n"
        "z,hiv_service,Z,Hà Nội,,,51.5,-0.1,,,,,src,2026-11-01,false\n"
        "w,hiv_service,W,Hà Nội,,,,,not-a-phone,,,,src,2026-11-01,false\n"
        "v,hiv_service,V,Hà Nội,,,,,,25h,,,src,2026-11-01,false\n"
        "x,hiv_service,X again,Hà Nội,,,,,,,,,,2026-11-01,false\n"
    )
    with pytest.raises(SiteFileError) as caught:
        read_sites(text, "list.csv")
    problems = caught.value.problems
    assert problems[0].startswith("list.csv: line 3: kind 'clinic'")
    assert problems[1].startswith("list.csv: line 4:") and "not in Vietnam" in problems[1]
    assert "line 5: phone" in problems[2]
    assert "line 6: hours" in problems[3]
    assert "line 7: source is empty" in problems[4]


def test_nearest_by_location_with_distance_and_kind() -> None:
    directory = SiteDirectory(read_sites(GOOD))
    (first, km), (second, _km2) = directory.nearest(21.03, 105.85)[:2]
    assert (first.id, second.id) == ("a", "b") and km < 0.01
    assert [s.id for s, _ in directory.nearest(21.03, 105.85, frozenset({SiteKind.COUNSELING_POINT}))] == ["c"]


def test_search_by_typed_place_without_diacritics_and_by_former_name() -> None:
    directory = SiteDirectory(read_sites(GOOD))
    assert {s.id for s in directory.in_place("ha noi")} == {"a", "b"}
    assert [s.id for s in directory.in_place("huyen cu")] == ["a"]
    assert [s.id for s in directory.in_place("tỉnh Hải Phòng")] == ["c"]
    assert directory.in_place("xa") == [] and directory.in_place("Đà Nẵng") == []


def test_thanh_and_thi_are_part_of_a_name_unless_they_say_city_or_town() -> None:
    directory = SiteDirectory(read_sites(GOOD), {"Thanh Hóa": "Thanh Hóa", "Hà Tây": "Hà Nội"})
    assert directory.place_named_in("methadone ở Thanh Hóa") == "thanh hoa"
    assert directory.place_named_in("methadone o thanh pho ha noi") is not None
    assert {s.id for s in directory.in_place("thành phố Hà Nội")} == {"a", "b"}


def test_a_city_spelled_as_english_writes_it_is_its_place() -> None:
    """"Hanoi", "Haiphong" in one word, and "Saigon" or "HCMC" for Hồ Chí Minh: the names an English message uses."""
    directory = SiteDirectory(read_sites(GOOD))
    assert directory.place_named_in("where is the nearest methadone clinic in Hanoi") == "ha noi"
    assert [s.id for s in directory.in_place("Haiphong city")] == ["c"]
    assert directory.in_place("Saigon") == directory.in_place("Hồ Chí Minh")


def test_open_now_when_hours_are_known() -> None:
    site = read_sites(GOOD)[0]
    assert site.open_at(datetime(2026, 11, 23, 7, 0)) is True  # Monday
    assert site.open_at(datetime(2026, 11, 29, 9, 0)) is False  # Sunday after 08:00
    assert read_sites(GOOD)[1].open_at(datetime(2026, 11, 23, 7, 0)) is None
    assert site.map_link() is not None and read_sites(GOOD)[1].map_link() is not None


def test_the_shipped_list_has_sources_and_no_invented_details() -> None:
    sites = load_sites(PROJECT_ROOT / "content" / "sites" / "sites.csv")
    assert sites and all(s.source and not s.sample for s in sites)
    assert all(s.phone is None and not s.hours and s.latitude is None for s in sites)  # none in the sources


def test_sites_import_cli(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(HEADER + "y,clinic,Y,Hà Nội,,,,,,,,,src,2026-11-01,false\n", encoding="utf-8")
    refused = run(["sites", "import", str(bad)], tmp_path)
    assert refused.returncode == 1 and "line 2: kind 'clinic'" in refused.stderr
    assert not (tmp_path / "data" / "sites.csv").exists()
    accepted = run(["sites", "import", str(good)], tmp_path)
    assert accepted.returncode == 0 and "3 sites (3 marked sample)" in accepted.stdout
    assert (tmp_path / "data" / "sites.csv").read_text(encoding="utf-8") == GOOD


def test_the_bot_loads_an_imported_list_and_a_broken_one_stops_it(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "sites.csv").write_text(GOOD, encoding="utf-8")
    assert run(["content", "check"], tmp_path).returncode == 0
    started = run([], tmp_path, stdin="/start\n")
    assert started.returncode == 0, started.stderr
    (tmp_path / "data" / "sites.csv").write_text(HEADER + "y,clinic,Y,Hà Nội,,,,,,,,,src,2026-11-01,false\n",
                                                  encoding="utf-8")
    stopped = run([], tmp_path, stdin="/start\n")
    assert stopped.returncode == 2 and "sites.csv: line 2: kind 'clinic'" in stopped.stderr


def test_a_numbered_district_and_an_abbreviation_no_syllable_is_spelled_like_are_names() -> None:
    directory = SiteDirectory(load_sites(PROJECT_ROOT / "content" / "sites" / "sites.csv"))
    assert directory.place_named_in("tôi ở quận 8") == "quan 8"
    assert directory.place_named_in("điểm methadone tp hcm") == "hcm"
    assert directory.place_named_in("hoa quả ở chợ") is None  # one syllable alone is not a name


def test_a_numbered_district_said_in_english_or_short_is_that_district() -> None:
    directory = SiteDirectory(load_sites(PROJECT_ROOT / "content" / "sites" / "sites.csv"))
    for text in ("nearest methadone clinic in district 8", "methadone dist 8", "diem methadone q8", "methadone Q.8"):
        assert directory.place_named_in(text) == "quan 8", text
    assert directory.place_named_in("district office") is None


def test_a_district_named_with_its_province_is_looked_for_as_both() -> None:
    directory = SiteDirectory(load_sites(PROJECT_ROOT / "content" / "sites" / "sites.csv"))
    place = directory.place_asked_in("Hải Phòng, quận Lê Chân có điểm tư vấn không ạ")
    assert place is not None
    assert [site.id for site in directory.in_place(place)] == ["hp-le-chan-methadone"]
    assert directory.place_named_in("Hải Phòng, quận Lê Chân có điểm tư vấn không ạ") == "hai phong"
    assert directory.place_asked_in("methadone ở Hải Phòng") == "hai phong"


def test_words_typed_with_other_diacritics_are_not_a_place_that_folds_alike() -> None:
    """"Gia Lâm đóng cửa" folds to "lam dong"; "đóng" is no "Đồng". Typed without diacritics it may be."""
    directory = SiteDirectory(load_sites(PROJECT_ROOT / "content" / "sites" / "sites.csv"),
                              load_provinces(PROJECT_ROOT / "content" / "places" / "provinces-2025.csv"))
    assert directory.place_named_in("cơ sở methadone ở Gia Lâm đóng cửa rồi à") is None
    assert directory.place_named_in("methadone ở Lâm Đồng") == "lam dong"
    assert directory.place_named_in("methadone o lam dong") == "lam dong"
