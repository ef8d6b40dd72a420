"""The Channel protocol every adapter implements, and the two ways a send can fail."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.messages import Reply


@dataclass(frozen=True)
class Capabilities:
    buttons: bool
    location: bool
    max_text: int


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
