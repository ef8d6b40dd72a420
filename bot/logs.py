"""Logging for the running bot: what the operator reads, and nothing about the people it serves.

A log is copied, shipped and kept far longer than the data it describes, so it must not carry what
people write (message texts, phone numbers, aliases) nor the platform tokens that would let anyone
act as the bot. Two guards do that:

- The libraries' own loggers stay at WARNING whatever LOG_LEVEL says: at DEBUG python-telegram-bot
  logs whole updates, httpx and httpcore log request URLs (the Telegram token is part of the URL) and
  bodies, aiosqlite logs every statement with its parameters. Our own loggers name events, handlers
  and content entries only, so LOG_LEVEL=DEBUG stays useful without them.
- A filter on the handler rewrites every record that reaches it (message, arguments, traceback)
  with the tokens replaced, the configured ones by value and anything shaped like a Telegram or Zalo
  bot token by pattern, so an exception that quotes a request URL gives nothing away either.
"""

from __future__ import annotations

import asyncio
import logging
import re
import sys
from collections.abc import Iterable
from typing import TextIO

# The libraries whose DEBUG and INFO records carry updates, URLs or SQL parameters.
QUIET_LIBRARIES = ("telegram", "httpx", "httpcore", "hpack", "aiosqlite", "apscheduler", "tornado", "asyncio")
REDACTED = "[redacted]"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# A Telegram bot token (digits, a colon, 30 or more URL-safe characters) and a Zalo bot token (digits,
# a colon, eight or more), as config.py checks them; the Zalo shape also covers Telegram's. The part
# after the colon must hold a letter, so that an outbox key's "id:yyyymmddHHMM" stays readable.
_TOKEN_SHAPE = re.compile(r"(?<!\d)\d{3,25}:(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{8,}")


class Redactor(logging.Filter):
    """Replaces secrets in a record; installed on the handler, so it sees every logger's records."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets: set[str] = set()
        for secret in secrets:
            self.add(secret)

    def add(self, secret: str | None) -> None:
        """A value that must never be written, such as the configured token."""
        if secret and len(secret) >= 8:
            self._secrets.add(secret)

    def redact(self, text: str) -> str:
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, REDACTED)
        return _TOKEN_SHAPE.sub(REDACTED, text)

    def filter(self, record: logging.LogRecord) -> bool:
        if _cancelled_job(record):
            return False
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must still be logged, without its arguments
            message = str(record.msg)
        record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def _cancelled_job(record: logging.LogRecord) -> bool:
    """APScheduler 3 reports a job it cancels itself at shutdown as a job that raised: a stop is not an
    error, and its traceback would hide the real ones."""
    if not record.name.startswith("apscheduler") or not record.exc_info:
        return False
    return isinstance(record.exc_info[1], asyncio.CancelledError)


def configure(level: str | int = "INFO", stream: TextIO | None = None, secrets: Iterable[str] = ()) -> Redactor:
    """Log to `stream` (stderr) at `level` through a redacting handler; returns the redactor so that
    tokens read later (from the settings) can be added to it."""
    redactor = Redactor(secrets)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(redactor)
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "diemtuvan", False)]:
        root.removeHandler(old)
    handler.diemtuvan = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    set_level(level)
    return redactor


def set_level(level: str | int) -> None:
    """Our loggers at `level`; the libraries never below WARNING."""
    logging.getLogger().setLevel(_level(level))
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(max(logging.WARNING, _level(level)))


def _level(level: str | int) -> int:
    if isinstance(level, int):
        return level
    value = logging.getLevelName(level.strip().upper())
    return value if isinstance(value, int) else logging.INFO
