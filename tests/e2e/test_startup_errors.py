"""Start-up failures as a supervisor and an operator see them: the real `diemtuvan` process exits
within seconds, with a non-zero code and one sentence on stderr that names what is wrong and what to
do, never a traceback and never a process that hangs on (real subprocesses, real files)."""

from __future__ import annotations

import asyncio
import os
import socket
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.store.records import Person
from bot.store.sqlite import SqliteStore
from tests.fakes.telegram_api import FakeTelegram

EXIT_CONFIG, EXIT_DATABASE = 2, 3
WITHIN_SECONDS = 20  # Python's start and the imports included; a hang is what this catches


def environment(tmp_path: Path, **env: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("TELEGRAM_", "ZALO_", "DATABASE_", "DATA_DIR", "LOG_LEVEL"))}
    return {**clean, "DATA_DIR": str(tmp_path / "data"), **env}


def start(tmp_path: Path, args: tuple[str, ...] = (), **env: str) -> subprocess.CompletedProcess[str]:
    began = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "bot", *args], stdin=subprocess.DEVNULL, capture_output=True,
                            text=True, timeout=WITHIN_SECONDS, cwd=tmp_path, env=environment(tmp_path, **env),
                            check=False)
    assert time.monotonic() - began < WITHIN_SECONDS
    return result


def one_sentence(result: subprocess.CompletedProcess[str]) -> str:
    """The whole of stderr, which must be a single line starting with the program's name."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("diemtuvan: "), result.stderr
    return lines[0]


def database(tmp_path: Path, people: int = 400) -> Path:
    """A real database file with some hundreds of people in it, closed."""
    path = tmp_path / "data" / "diemtuvan.sqlite3"

    async def fill() -> None:
        from datetime import UTC, datetime
        now = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
        store = SqliteStore(path)
        await store.open()
        async with store.unit_of_work() as uow:
            for n in range(people):
                await uow.people.add(Person("telegram", str(10_000 + n), str(10_000 + n), f"Mây {n}", "vi", now, now))
            await uow.commit()
        await store.close()

    path.parent.mkdir(parents=True, exist_ok=True)
    asyncio.run(fill())
    return path


def test_random_bytes_instead_of_a_database(tmp_path: Path) -> None:
    path = tmp_path / "data" / "diemtuvan.sqlite3"
    path.parent.mkdir(parents=True)
    path.write_bytes(os.urandom(64 * 1024))
    result = start(tmp_path)
    assert result.returncode == EXIT_DATABASE
    line = one_sentence(result)
    assert str(Path("data") / "diemtuvan.sqlite3") in line or str(path) in line
    assert "is damaged" in line and "restore it from a backup" in line


def test_a_truncated_database(tmp_path: Path) -> None:
    path = database(tmp_path)
    with path.open("r+b") as file:
        file.truncate(path.stat().st_size // 2)
    result = start(tmp_path)
    assert result.returncode == EXIT_DATABASE
    assert "is damaged" in one_sentence(result)


def test_a_database_with_flipped_bytes_that_opens_but_fails_queries(tmp_path: Path) -> None:
    path = database(tmp_path)
    with sqlite3.connect(path) as db:
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'people'").fetchone()[0]
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    start_of_page = (root - 1) * page_size
    for offset in range(12, 40):  # the table's root: its cell pointers, past the page header
        data[start_of_page + offset] ^= 0x5A
    path.write_bytes(bytes(data))
    with sqlite3.connect(path) as db:  # the damage: the file opens and its schema reads...
        assert db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        with pytest.raises(sqlite3.DatabaseError):  # ...but the people cannot be read
            db.execute("SELECT alias FROM people").fetchall()
    result = start(tmp_path)
    assert result.returncode == EXIT_DATABASE
    assert "is damaged" in one_sentence(result)


def test_a_database_from_a_newer_version(tmp_path: Path) -> None:
    path = database(tmp_path, people=1)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    result = start(tmp_path)
    assert result.returncode == EXIT_DATABASE
    line = one_sentence(result)
    assert "has schema 99, newer than this program's" in line and "restore a backup" in line


def test_an_empty_database_path(tmp_path: Path) -> None:
    result = start(tmp_path, DATABASE_URL="sqlite:///")
    assert result.returncode == EXIT_CONFIG
    assert one_sentence(result).startswith("diemtuvan: DATABASE_URL names no file")


def test_a_folder_as_the_database(tmp_path: Path) -> None:
    (tmp_path / "db.sqlite3").mkdir()
    result = start(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert result.returncode == EXIT_CONFIG
    line = one_sentence(result)
    assert "db.sqlite3" in line and "is a folder, not a file" in line


def test_no_token_and_no_input_ends_cleanly(tmp_path: Path) -> None:
    """The console at once at the end of its input (a service started without a token): it stops as
    it should, with nothing on stderr (the schedulers' stop is not an error)."""
    result = start(tmp_path)
    assert result.returncode == 0
    assert result.stderr == ""
    assert "console channel" in result.stdout
    # What it created is the bot's user's alone.
    data = tmp_path / "data"
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "diemtuvan.sqlite3").stat().st_mode) == 0o600


async def test_the_webhook_port_in_use(tmp_path: Path) -> None:
    fake = await FakeTelegram().start()
    busy = socket.socket()
    try:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = environment(tmp_path, TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url,
                          TELEGRAM_MODE="webhook", TELEGRAM_WEBHOOK_URL="https://bot.example.org/telegram",
                          TELEGRAM_WEBHOOK_SECRET="s3cret-s3cret-s3cret", TELEGRAM_WEBHOOK_PORT=str(port))
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=tmp_path, env=env, stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        try:
            _, stderr = await asyncio.wait_for(process.communicate(), WITHIN_SECONDS)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    finally:
        busy.close()
        await fake.stop()
    assert process.returncode == EXIT_CONFIG
    text = stderr.decode()
    assert "Traceback" not in text, text
    last = text.strip().splitlines()[-1]
    assert last.startswith(f"diemtuvan: cannot listen on 127.0.0.1:{port} for the Telegram webhook"), text
    assert "TELEGRAM_WEBHOOK_PORT" in last


def test_a_postgresql_url_with_a_database_that_does_not_exist(tmp_path: Path) -> None:
    from tests.pg import SERVER, why_unreachable

    if why_unreachable():
        pytest.skip(why_unreachable())
    result = start(tmp_path, DATABASE_URL=SERVER.rsplit("/", 1)[0] + "/no_such_database_here")
    assert result.returncode == EXIT_DATABASE
    line = one_sentence(result)
    assert line.startswith("diemtuvan: DATABASE_URL is refused by PostgreSQL") and "database name" in line


def test_postgresql_down_at_start_is_tried_again_then_ends_like_a_damaged_file(tmp_path: Path) -> None:
    """Nothing listens on the port: a warning per try (no text of anyone's), then one sentence, and the
    exit code of any other database that cannot be used."""
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    result = start(tmp_path, DATABASE_URL=f"postgresql://bot:secret@127.0.0.1:{port}/diemtuvan")
    assert result.returncode == EXIT_DATABASE
    assert "Traceback" not in result.stderr and "secret" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert sum("does not answer yet" in line for line in lines) == 4
    assert lines[-1].startswith(f"diemtuvan: PostgreSQL at 127.0.0.1:{port}/diemtuvan (DATABASE_URL) does not answer")
