"""The `diemtuvan` command as a newcomer and a content author use it (real subprocesses)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from bot.config import PROJECT_ROOT
from bot.store.sqlite import migrations

# A guard against a process that hangs, not a measure of speed: a start learns two models (the crisis
# reader's and the FAQ ranker's), which takes seconds on a quiet machine and far longer when the machine
# runs several test suites at once.
HANG_GUARD_S = 180


def run(args: list[str], tmp_path: Path, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_", "DATA_DIR"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True, timeout=HANG_GUARD_S,
        cwd=tmp_path, env={**clean, "DATA_DIR": str(tmp_path / "data"), **env}, check=False,
    )


def test_without_a_token_the_console_runs_a_piped_conversation(tmp_path: Path) -> None:
    result = run([], tmp_path, stdin="/start\n1\ntoi la nguoi nha\ndong y\nmethadone la gi\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "console channel" in out and str(tmp_path / "data" / "diemtuvan.sqlite3") in out
    assert "1. Tiếng Việt" in out and "2. Tôi là người nhà" in out
    assert "6. 🔒 Quyền riêng tư" in out
    assert "thuốc thay thế" in out
    assert (tmp_path / "data" / "diemtuvan.sqlite3").exists()
    # The state is durable: a second run continues as the same, already-greeted person.
    again = run([], tmp_path, stdin="/start\n")
    assert "Chào bạn quay lại" in again.stdout


def test_console_location_and_a_malformed_one(tmp_path: Path) -> None:
    result = run([], tmp_path, stdin="/start\n/loc 21.03,105.85\n/loc abc\n")
    assert result.returncode == 0, result.stderr
    assert "tọa độ" in result.stdout and "/loc needs two numbers" in result.stdout


def test_ask_prints_one_reply(tmp_path: Path) -> None:
    result = run(["ask", "methadone là gì"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Methadone là thuốc")
    assert "Chào bạn" not in result.stdout  # as someone already past first contact


def test_ask_json_reads_one_message_per_line(tmp_path: Path) -> None:
    result = run(["ask", "--json"], tmp_path, stdin="methadone la gi\nban toi bat tinh\nxyz qwe\n")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(d["handler"], d["entry"]) for d in lines] == [
        ("faq", "methadone-what"), ("crisis", "overdose"), ("understand:off_topic", None)]
    assert lines[2]["replies"][1]["choices"][0] == ["m:faq", "❓ Hỏi đáp"]


def test_ask_in_english(tmp_path: Path) -> None:
    result = run(["ask", "--lang", "en", "what is methadone"], tmp_path)
    assert result.stdout.startswith("Methadone is a medicine")


def test_content_check_passes_on_the_shipped_content(tmp_path: Path) -> None:
    result = run(["content", "check"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "content check: ok" in result.stdout


def test_content_check_names_file_and_entry(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(PROJECT_ROOT / "content", content)
    broken = content / "faq" / "core.yaml"
    text = broken.read_text(encoding="utf-8")
    first_reviewed = re.search(r"reviewed: \d{4}-\d{2}-\d{2}", text)
    assert first_reviewed is not None
    broken.write_text(text.replace(first_reviewed.group(0), "reviewed: soon", 1), encoding="utf-8")
    (content / "faq" / "bad.yaml").write_text("entries:\n  - id: Bad Id\n", encoding="utf-8")
    result = run(["content", "check"], tmp_path, CONTENT_DIR=str(content))
    assert result.returncode == 1
    assert "core.yaml: entry methadone-what: reviewed" in result.stderr
    assert "bad.yaml: entry Bad Id: id" in result.stderr


def test_a_bad_setting_exits_2_with_a_sentence(tmp_path: Path) -> None:
    result = run([], tmp_path, TELEGRAM_BOT_TOKEN="not-a-token")
    assert result.returncode == 2
    assert result.stderr.strip().startswith("diemtuvan: TELEGRAM_BOT_TOKEN does not look like a bot token")
    assert "Traceback" not in result.stderr


def test_an_unwritable_data_folder_exits_2(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = run([], tmp_path, DATA_DIR=str(tmp_path / "file" / "data"))
    assert result.returncode == 2 and "Cannot write to the data folder" in result.stderr


def test_db_upgrade_and_help(tmp_path: Path) -> None:
    result = run(["db", "upgrade"], tmp_path)
    latest = migrations()[-1][0]
    assert result.returncode == 0 and f"schema {latest}" in result.stdout
    assert "up to date" in run(["db", "upgrade"], tmp_path).stdout
    helped = run(["--help"], tmp_path)
    assert "console" in helped.stdout and "ask" in helped.stdout


def test_stats_counts_from_the_tally_and_survives_erasure(tmp_path: Path) -> None:
    """`diemtuvan stats` reads the counts that last: a person erased after their appointment still
    counts in what the point did."""
    import asyncio
    from datetime import UTC, datetime

    from bot.store.records import Appointment, Person
    from bot.store.sqlite import SqliteStore

    (tmp_path / "data").mkdir()
    assert "no appointments yet" in run(["stats"], tmp_path).stdout
    at = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)

    async def one_attended_then_erased() -> None:
        store = SqliteStore(tmp_path / "data" / "diemtuvan.sqlite3")
        await store.open()
        async with store.unit_of_work() as uow:
            person = await uow.people.add(Person(channel="telegram", user_id="1", chat_id="1", alias="Mây 1001",
                                                 locale="vi", created_at=at, last_seen_at=at))
            assert person.id is not None
            booked = await uow.appointments.book(Appointment(
                person_id=person.id, counselor_id=None, point_id="p-1", starts_at=at, minutes=30,
                kind="in_person", topic="general", status="requested", created_at=at))
            assert booked.id is not None
            await uow.appointments.set_status(booked.id, "attended")
            await uow.appointments.rate(booked.id, 3)
            await uow.people.erase(person.id)
            await uow.commit()
        await store.close()

    asyncio.run(one_attended_then_erased())
    done = run(["stats"], tmp_path)
    assert done.returncode == 0, done.stderr
    line = done.stdout.strip()
    assert line.startswith("p-1: requested 1, confirmed 0, attended 1,") and "helped 1" in line, line
