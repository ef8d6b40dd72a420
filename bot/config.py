"""Settings, read once from the environment (or a .env file), typed, and checked before anything starts.

Every check fails with one sentence that names the variable and says what to do, because the person
reading it is usually a provincial IT officer setting the bot up, not the developer who wrote it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import dotenv_values
from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.setting_grammars import parse_appointment_reminders, parse_report_deadlines

PROJECT_ROOT = Path(__file__).resolve().parent.parent
_TOKEN = re.compile(r"^\d{5,12}:[A-Za-z0-9_-]{30,}$")
_ZALO_TOKEN = re.compile(r"^\d{3,25}:[A-Za-z0-9_-]{8,}$")


class ConfigError(Exception):
    """A setting is missing or wrong; the message is a sentence meant for the operator."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore")

    telegram_bot_token: str | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    telegram_mode: Literal["polling", "webhook"] = "polling"
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: str | None = None
    telegram_webhook_listen: str = "127.0.0.1"
    telegram_webhook_port: int = Field(default=8443, ge=1, le=65535)
    telegram_bot_username: str | None = None

    zalo_bot_token: str | None = None
    zalo_api_base_url: str = "https://bot-api.zaloplatforms.com"
    zalo_mode: Literal["polling", "webhook"] = "polling"
    zalo_webhook_url: str | None = None
    zalo_webhook_secret: str | None = None
    zalo_webhook_listen: str = "127.0.0.1"
    zalo_webhook_port: int = Field(default=8444, ge=1, le=65535)
    zalo_monthly_message_budget: int = Field(default=3000, ge=0, description="0 means not counted")

    data_dir: Path = Path("data")
    # Where the learned readers' weights are kept between starts (bot/services/linear_text.py); by
    # default DATA_DIR/models. Deleting it costs the next start about three seconds, nothing more.
    model_cache_dir: Path | None = None
    database_url: str | None = None
    content_dir: Path = PROJECT_ROOT / "content"

    bot_timezone: str = "Asia/Ho_Chi_Minh"
    default_locale: Literal["vi", "en"] = "vi"
    admin_ids: str = ""

    appointment_reminders: str = "default=3d,eve,morning"
    report_deadlines: str = "quarterly:03-15,06-15,09-15,12-15;half-year:05-20;year:11-15"
    # Counts under this are shown as "<5" in any report that leaves the point; 0 shows every count.
    report_small_count: int = Field(default=5, ge=0, le=100)
    # The staff web view (bot/webview.py), on the process's tornado server, when WEB_PORT is set (0, the
    # default, leaves it off). Loopback by default: the operator's TLS proxy publishes it at WEB_PUBLIC_URL.
    web_port: int = Field(default=0, ge=0, le=65535)  # e.g. 8445
    web_listen: str = "127.0.0.1"
    web_public_url: str | None = None
    # Signs the session cookies; without it a random one is made at start (sessions end at a restart).
    # Needed on PostgreSQL, the same on every process: each must accept the cookie another one signed.
    web_secret: str | None = Field(default=None, min_length=32)
    web_link_minutes: int = Field(default=10, ge=1, le=60)
    web_session_minutes: int = Field(default=120, ge=5, le=24 * 60)
    # The operator's endpoints (/healthz, /readyz, /metrics: bot/ops.py) on their own server, off by
    # default (a console session or a second bot on one machine never fights for a port); loopback by
    # default, because metrics and readiness are for the monitor beside the bot, not for the internet.
    health_port: int = Field(default=0, ge=0, le=65535)  # e.g. 8446
    health_listen: str = "127.0.0.1"
    # /readyz fails when more messages than this are due and unsent (25 a second clears 5,000 in 200 s),
    # or when the reminder tick (every 5 s) last succeeded longer ago than this many seconds.
    ready_max_backlog: int = Field(default=5000, ge=0)
    ready_max_tick_seconds: int = Field(default=60, ge=10)
    outbox_rate_per_second: float = Field(default=25.0, gt=0, le=1000)
    session_timeout_minutes: int = Field(default=60, ge=1)
    inbox_retention_days: int = Field(default=7, ge=1)
    chat_retention_days: int = Field(default=30, ge=1)
    person_retention_days: int = Field(default=365, ge=30)
    startup_max_attempts: int = Field(default=0, ge=0, description="0 means keep retrying")

    @field_validator("telegram_bot_token")
    @classmethod
    def _token_shape(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        if not _TOKEN.match(value):
            raise ValueError(
                "TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then 30 or more "
                "letters); copy it again from @BotFather"
            )
        return value

    @field_validator("zalo_bot_token")
    @classmethod
    def _zalo_token_shape(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        if not _ZALO_TOKEN.match(value):
            raise ValueError(
                "ZALO_BOT_TOKEN does not look like a Zalo bot token (digits, a colon, then letters); copy it "
                "again from the Zalo Bot Manager"
            )
        return value

    @field_validator("appointment_reminders")
    @classmethod
    def _appointment_reminders(cls, value: str) -> str:
        try:
            parse_appointment_reminders(value)
        except ValueError as exc:
            raise ValueError(f"APPOINTMENT_REMINDERS {exc}") from None
        return value

    @field_validator("report_deadlines")
    @classmethod
    def _deadlines(cls, value: str) -> str:
        try:
            parse_report_deadlines(value)
        except ValueError as exc:
            raise ValueError(f"REPORT_DEADLINES {exc}") from None
        return value

    @field_validator("bot_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"BOT_TIMEZONE {value!r} is not a time zone name such as Asia/Ho_Chi_Minh") from None
        return value

    @field_validator("admin_ids")
    @classmethod
    def _admin_ids(cls, value: str) -> str:
        for part in filter(None, (p.strip() for p in value.split(","))):
            if not part.isdigit():
                raise ValueError(f"ADMIN_IDS must be numeric Telegram user ids separated by commas, not {part!r}")
        return value

    @model_validator(mode="after")
    def _needs(self) -> Settings:
        if self.telegram_mode == "webhook":
            if not self.telegram_webhook_url:
                raise ValueError("TELEGRAM_MODE=webhook needs TELEGRAM_WEBHOOK_URL (the public https address)")
            secret = self.telegram_webhook_secret or ""
            if not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", secret):
                raise ValueError(
                    "TELEGRAM_MODE=webhook needs TELEGRAM_WEBHOOK_SECRET: 16 to 256 letters, digits, _ or -"
                )
        if self.zalo_mode == "webhook":
            if not self.zalo_webhook_url:
                raise ValueError("ZALO_MODE=webhook needs ZALO_WEBHOOK_URL (the public https address)")
            if not re.fullmatch(r"[A-Za-z0-9_-]{8,256}", self.zalo_webhook_secret or ""):
                raise ValueError("ZALO_MODE=webhook needs ZALO_WEBHOOK_SECRET: 8 to 256 letters, digits, _ or -")
        if self.web_port and self.uses_postgres and not self.web_secret:
            raise ValueError("WEB_PORT on PostgreSQL needs WEB_SECRET (32 or more characters, the same on every "
                             "process), so that a session signed in on one process is accepted on another")
        return self

    @property
    def admins(self) -> frozenset[str]:
        return frozenset(p.strip() for p in self.admin_ids.split(",") if p.strip())

    @property
    def web_address(self) -> str | None:
        """Where staff open the web view: the public address behind the proxy, else the loopback one."""
        if not self.web_port:
            return None
        return (self.web_public_url or f"http://{self.web_listen}:{self.web_port}").rstrip("/")

    @property
    def timezone(self) -> ZoneInfo:
        return ZoneInfo(self.bot_timezone)

    @property
    def models_dir(self) -> Path:
        return self.model_cache_dir if self.model_cache_dir is not None else self.data_dir / "models"

    @property
    def uses_postgres(self) -> bool:
        return (self.database_url or "").startswith(_POSTGRES_PREFIXES)

    @property
    def database(self) -> str | Path:
        """What the store opens: the PostgreSQL URL, or the SQLite file."""
        if self.uses_postgres:
            assert self.database_url is not None
            return self.database_url
        return self.sqlite_path

    @property
    def sqlite_path(self) -> Path:
        """The SQLite file: DATABASE_URL if it names one, else diemtuvan.sqlite3 in the data folder."""
        if self.database_url:
            url = self.database_url
            for prefix in ("sqlite+aiosqlite:///", "sqlite:///"):
                if url.startswith(prefix):
                    return Path(url[len(prefix):])
        return self.data_dir / "diemtuvan.sqlite3"


_SQLITE_PREFIXES = ("sqlite:///", "sqlite+aiosqlite:///")
_POSTGRES_PREFIXES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def load_settings(environ: Mapping[str, str] | None = None, env_file: str | None = ".env") -> Settings:
    """Read and check the settings; raise ConfigError with a sentence for the operator."""
    source: dict[str, str] = {}
    if env_file and Path(env_file).is_file():
        source.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    source.update(os.environ if environ is None else environ)
    keys = {name.upper() for name in Settings.model_fields}
    values = {k.lower(): v for k, v in source.items() if k.upper() in keys}
    try:
        # model_validate, not Settings(): only the values gathered here count, so a test's environ is
        # the whole truth.
        settings = Settings.model_validate(values)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]).upper()
        message = str(first["msg"]).removeprefix("Value error, ")
        raise ConfigError(f"{where}: {message}" if where and where not in message else message) from None
    if settings.database_url and not settings.database_url.startswith(_SQLITE_PREFIXES + _POSTGRES_PREFIXES):
        raise ConfigError(
            "DATABASE_URL: write it as sqlite:///path/to/file.sqlite3 or postgresql://user:password@host:5432/name"
        )
    if settings.uses_postgres:
        return settings
    check_database_path(settings)
    return settings


def check_database_path(settings: Settings) -> None:
    """The database setting must name a file: an empty path or a folder would only fail later, inside
    SQLite, with a message that names neither the setting nor the fix."""
    url = settings.database_url or ""
    named = next((url[len(p):] for p in ("sqlite+aiosqlite:///", "sqlite:///") if url.startswith(p)), None)
    if named is not None and not named.strip():
        raise ConfigError("DATABASE_URL names no file: write it as sqlite:///path/to/file.sqlite3, or leave it out "
                          "to use diemtuvan.sqlite3 in DATA_DIR")
    path = settings.sqlite_path
    if path.is_dir():
        where = "DATABASE_URL" if named is not None else "DATA_DIR"
        raise ConfigError(f"the database {str(path)!r} (from {where}) is a folder, not a file; set DATABASE_URL to "
                          "a file such as sqlite:///data/diemtuvan.sqlite3, or move the folder away")


def check_data_dir(path: Path) -> None:
    """Create the data folder if needed (for the bot's user only: it holds people's data) and prove it is
    writable, or raise ConfigError. An existing folder keeps its mode: it may be shared on purpose, and
    the database files in it are made private (bot/store/sqlite.py)."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        probe = path / ".write-test"
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
    except OSError as exc:
        raise ConfigError(
            f"Cannot write to the data folder {str(path)!r} ({exc.strerror or exc}); set DATA_DIR to a "
            "folder this user can write"
        ) from None
