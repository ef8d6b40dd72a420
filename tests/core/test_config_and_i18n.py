"""Settings fail with a sentence; catalogs match the code; Vietnamese dates read the Vietnamese way."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT, ConfigError, check_data_dir, load_settings
from bot.i18n import Catalogs, check_catalogs, negotiate


@pytest.mark.parametrize(("env", "message"), [
    ({"TELEGRAM_BOT_TOKEN": "abc"}, "TELEGRAM_BOT_TOKEN does not look like a bot token"),
    ({"BOT_TIMEZONE": "Mars/Olympus"}, "BOT_TIMEZONE 'Mars/Olympus' is not a time zone"),
    ({"TELEGRAM_MODE": "webhook"}, "needs TELEGRAM_WEBHOOK_URL"),
    ({"TELEGRAM_MODE": "webhook", "TELEGRAM_WEBHOOK_URL": "https://x.org/t", "TELEGRAM_WEBHOOK_SECRET": "short"},
     "TELEGRAM_WEBHOOK_SECRET"),
    ({"ADMIN_IDS": "12,abc"}, "ADMIN_IDS must be numeric"),
    ({"DEFAULT_LOCALE": "fr"}, "DEFAULT_LOCALE"),
    ({"DATABASE_URL": "mysql://x"}, "DATABASE_URL"),
    ({"DATABASE_URL": "postgresql://bot@db/diemtuvan", "WEB_PORT": "8445"}, "WEB_PORT on PostgreSQL needs WEB_SECRET"),
])
def test_bad_settings_fail_with_one_sentence(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(env, env_file=None)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_defaults_need_nothing() -> None:
    settings = load_settings({}, env_file=None)
    assert settings.telegram_bot_token is None
    assert settings.sqlite_path == Path("data/diemtuvan.sqlite3")
    assert settings.bot_timezone == "Asia/Ho_Chi_Minh"


def test_env_file_is_read_and_the_environment_wins(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("BOT_TIMEZONE=Asia/Bangkok\nDEFAULT_LOCALE=en\n", encoding="utf-8")
    settings = load_settings({"DEFAULT_LOCALE": "vi"}, env_file=str(env_file))
    assert settings.bot_timezone == "Asia/Bangkok" and settings.default_locale == "vi"


def test_an_unwritable_data_folder_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError, match="Cannot write to the data folder"):
        check_data_dir(blocker / "data")


def test_catalogs_match_the_code() -> None:
    problems = check_catalogs(PROJECT_ROOT, PROJECT_ROOT / "content" / "locales")
    assert problems == [], "\n".join(map(str, problems))


def test_the_catalog_check_finds_a_missing_key(tmp_path: Path) -> None:
    (tmp_path / "bot").mkdir()
    (tmp_path / "bot" / "x.py").write_text('_("menu.title")\n_("nowhere.key")\n', encoding="utf-8")
    problems = [str(p) for p in check_catalogs(tmp_path, PROJECT_ROOT / "content" / "locales")]
    assert any("nowhere.key: missing translation" in p for p in problems)
    assert any("start.greeting: not used" in p for p in problems)


def test_vietnamese_dates() -> None:
    catalogs = Catalogs(PROJECT_ROOT / "content" / "locales", load_settings({}, env_file=None).timezone)
    moment = datetime(2026, 11, 23, 0, 30, tzinfo=UTC)  # 07:30 in Hà Nội
    assert catalogs.translator("vi").datetime(moment) == "Thứ Hai, 23/11 lúc 07:30"
    assert catalogs.translator("en").datetime(moment) == "Monday, 23/11 at 07:30"


def test_language_negotiation() -> None:
    assert negotiate("en-US", "vi") == "en"
    assert negotiate("vi", "en") == "vi"
    assert negotiate("fr", "vi") == "vi"
    assert negotiate(None, "vi") == "vi"
