"""The Channel protocol every adapter implements, and the ways a send can fail: the person cannot be
reached, the send may succeed later, or the platform refused this message for good."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from bot.messages import Reply


@dataclass(frozen=True)
class Capabilities:
    buttons: bool
    location: bool
    max_text: int
    # Whether a discreet person's unrequested messages (the outbox: relays, notices, reminders) go as a
    # neutral notifying line and then the text without a notification (Reply.silent). True where the
    # platform can deliver silently (Telegram's disable_notification).
    discreet_notice: bool = True
    # Where every message notifies and shows on a lock screen (Zalo), such a message that could tell is
    # kept instead, behind a neutral line, until the person writes (scheduler/sender.py). The console,
    # which has no lock screen, does neither.
    keeps_unasked: bool = False
    # Whether a reply may carry a file (Reply.attachment: a report and its chart). Zalo's bot API sends
    # text only; its staff get a link to the web view instead.
    files: bool = False


@dataclass(frozen=True)
class PlatformSettings:
    """What every Bot-API-like platform adapter is configured with; each sets its own defaults."""

    token: str
    base_url: str
    mode: str = "polling"
    webhook_url: str | None = None
    webhook_secret: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    max_attempts: int = 0  # 0: keep retrying an unreachable API
    retry_base_seconds: float = 1.0
    poll_timeout_seconds: int = 10


class StartupFailed(Exception):
    """The platform refused the token, or could not be reached in the attempts allowed: the operator
    must fix a setting; the message says which."""


class ChatUnreachable(Exception):
    """The person blocked the bot or the chat is gone: stop sending, mark them unreachable."""


class DeliveryFailed(Exception):
    """A send failed for a reason that may pass (network, server error, rate limit): try again later."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class QuotaExceeded(DeliveryFailed):
    """The platform's usage allowance is spent for now: the channel pauses for `retry_after`, and a
    message refused this way QUOTA_ATTEMPTS times is given up rather than retried until it renews."""


QUOTA_ATTEMPTS = 3


class MessageRefused(Exception):
    """The platform refused this message and would refuse it again (malformed): it is not retried, and
    the person stays reachable."""


class Channel(Protocol):
    name: str
    capabilities: Capabilities

    async def send(self, chat_id: str, reply: Reply) -> None:
        """Deliver one reply, split as the platform needs, without a notification when `reply.silent`
        and the platform can; raise ChatUnreachable, DeliveryFailed or MessageRefused."""
        ...


@runtime_checkable
class CommandMenus(Protocol):
    """A channel whose app shows a command menu (Telegram's "/" list). The core gives it the menus,
    worded (bot/commands.py): the public list per language before it starts, and a staff member's own
    list for their chat when their role or language changes."""

    def use_commands(self, public: Mapping[str, tuple[tuple[str, str], ...]]) -> None:
        """The public list per language: (command, description) pairs, registered at start."""
        ...

    async def show_commands(self, chat_id: str, commands: tuple[tuple[str, str], ...] | None) -> None:
        """This chat's menu: the given commands, or with None (no role with commands of its own, or an
        erased person), back to the public list."""
        ...
