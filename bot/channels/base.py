"""The Channel protocol every adapter implements, and the two ways a send can fail."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from bot.messages import Reply


@dataclass(frozen=True)
class Capabilities:
    buttons: bool
    location: bool
    max_text: int


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


class Channel(Protocol):
    name: str
    capabilities: Capabilities

    async def send(self, chat_id: str, reply: Reply) -> None:
        """Deliver one reply, split as the platform needs; raise ChatUnreachable or DeliveryFailed."""
        ...


@runtime_checkable
class CommandMenus(Protocol):
    """A channel whose app shows a command menu (Telegram's "/" list). Staff get their own commands in
    their chat's menu; everyone else sees the public list registered at start."""

    async def show_commands(self, chat_id: str, role: str | None, locale: str) -> None:
        """The menu for this chat: the role's commands added to the public ones, or, with no role that
        has commands of its own (or an erased person: None), back to the public list."""
        ...
