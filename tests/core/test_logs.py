"""The log's two guards (bot/logs.py): the libraries stay at WARNING whatever the level, and every
record that reaches the handler has its tokens replaced, in the message, its arguments and its
traceback."""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Iterator

import pytest

from bot import logs

TOKEN = "7412589630:AAH-very-secret-part-of-the-token_0123456789"
ZALO_TOKEN = "3219876543210:ZaloSecretABCdef"


@pytest.fixture
def stream() -> Iterator[io.StringIO]:
    """Our handler on the root logger for one test; the levels and handlers are put back after."""
    root = logging.getLogger()
    saved = (root.level, list(root.handlers), {n: logging.getLogger(n).level for n in logs.QUIET_LIBRARIES})
    captured = io.StringIO()
    logs.configure("DEBUG", stream=captured)
    yield captured
    level, handlers, library_levels = saved
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, library_level in library_levels.items():
        logging.getLogger(name).setLevel(library_level)


def test_the_libraries_stay_at_warning_when_ours_are_at_debug(stream: io.StringIO) -> None:
    for name in ("telegram.ext.Updater", "httpx", "httpcore.http11", "aiosqlite", "apscheduler.scheduler",
                 "tornado.access"):
        logging.getLogger(name).debug("%s: update text with 0912345678", name)
        logging.getLogger(name).info("%s: update text with 0912345678", name)
    logging.getLogger("bot.core").debug("handled event=1")
    logging.getLogger("httpx").warning("a warning still shows")
    text = stream.getvalue()
    assert "0912345678" not in text
    assert "handled event=1" in text and "a warning still shows" in text


def test_tokens_are_replaced_in_the_message_the_arguments_and_the_traceback(stream: io.StringIO) -> None:
    log = logging.getLogger("bot.channels.telegram")
    log.warning(f"calling https://api.telegram.org/bot{TOKEN}/getUpdates")
    log.warning("polling error: %s", f"https://api.telegram.org/bot{TOKEN}/getMe failed")
    log.warning("zalo: %s", f"https://bot-api.zaloplatforms.com/bot{ZALO_TOKEN}/sendMessage")
    try:
        raise ConnectionError(f"cannot reach /bot{TOKEN}/sendMessage")
    except ConnectionError:
        log.exception("send failed")
    text = stream.getvalue()
    assert TOKEN not in text and TOKEN.split(":")[1] not in text and ZALO_TOKEN not in text
    assert text.count(logs.REDACTED) == 4 and "ConnectionError: cannot reach /bot[redacted]/sendMessage" in text


def test_a_configured_token_of_any_shape_is_replaced(stream: io.StringIO) -> None:
    redactor = next(f for h in logging.getLogger().handlers for f in h.filters if isinstance(f, logs.Redactor))
    redactor.add("odd-token-without-digits")
    logging.getLogger("bot").error("token odd-token-without-digits refused")
    assert "odd-token" not in stream.getvalue()


def test_ids_and_times_are_left_readable(stream: io.StringIO) -> None:
    logging.getLogger("scheduler.sender").info("outbox: %s dropped", "crisis:12345:202611230100:7")
    logging.getLogger("bot.web").info("webhook server listening on %s:%d", "127.0.0.1", 8443)
    text = stream.getvalue()
    assert "crisis:12345:202611230100:7" in text and "127.0.0.1:8443" in text


def test_a_job_the_scheduler_cancels_at_stop_is_not_an_error(stream: io.StringIO) -> None:
    executor = logging.getLogger("apscheduler.executors.default")
    try:
        raise asyncio.CancelledError
    except asyncio.CancelledError:
        executor.exception('Job "claim" raised an exception')
    try:
        raise RuntimeError("a real failure")
    except RuntimeError:
        executor.exception('Job "purge" raised an exception')
    text = stream.getvalue()
    assert '"claim"' not in text and '"purge"' in text and "a real failure" in text
