"""Who may use the staff web view, and for how long: one-time sign-in links sent to a staff member's own
chat by /web, and the sessions they open.

No passwords: the chat is the proof of who someone is, as it already is for everything staff do. A link
is valid for WEB_LINK_MINUTES and once; a session for WEB_SESSION_MINUTES from sign-in, or until
sign-out. Both are rows of the database (migration 0011), so every process that shares it honours
them: a link sent by one process's reply signs in on another, and a sign-out on one ends the session
on all. The database keeps only the SHA-256 digest of a token; the token itself exists in the staff
member's chat and cookie, so a copy of the database signs no one in.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from bot.store.base import UnitOfWork
from bot.store.records import WebSession

__all__ = ["MAX_PENDING", "WebAccess", "WebSession"]

MAX_PENDING = 1000  # links not yet used: a flood of /web cannot fill the database


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class WebAccess:
    """The rules of sign-in links and sessions; the rows go through the caller's unit of work, which
    commits them (a link with the /web turn that sends it, a session with the sign-in)."""

    def __init__(self, link_minutes: int = 10, session_minutes: int = 120) -> None:
        self.link_ttl = timedelta(minutes=link_minutes)
        self.session_ttl = timedelta(minutes=session_minutes)

    async def issue_link(self, uow: UnitOfWork, person_id: int, now: datetime) -> str:
        """A new one-time token for the person; their older unused ones stop working. Expired links go,
        and past MAX_PENDING the oldest pending ones."""
        await uow.web.purge(now)
        await uow.web.drop_links(person_id)
        await uow.web.trim_links(MAX_PENDING - 1)
        token = secrets.token_urlsafe(32)
        await uow.web.add_link(_digest(token), person_id, now + self.link_ttl)
        return token

    async def is_valid(self, uow: UnitOfWork, token: str, now: datetime) -> bool:
        """Whether a token would sign in now (shown before the person confirms; it is not used up), so a
        reading unit of work does."""
        found = await uow.web.link(_digest(token))
        return found is not None and found[1] > now

    async def redeem(self, uow: UnitOfWork, token: str, now: datetime) -> int | None:
        """The person a token signs in, once; None for a token that is unknown, used or expired (an
        expired one is deleted all the same)."""
        found = await uow.web.take_link(_digest(token))
        if found is None or found[1] <= now:
            return None
        return found[0]

    async def open_session(self, uow: UnitOfWork, person_id: int, point_id: str | None, head: bool, locale: str,
                           now: datetime) -> tuple[str, WebSession]:
        """A new session, and the token for its cookie. Expired links and sessions go first."""
        await uow.web.purge(now)
        token = secrets.token_urlsafe(32)
        session = WebSession(person_id, point_id, head, locale, now + self.session_ttl)
        await uow.web.add_session(_digest(token), session)
        return token, session

    async def session(self, uow: UnitOfWork, token: str, now: datetime) -> WebSession | None:
        """The session a cookie's token names, while it lasts. Only reads, so a page asks it through a
        reading unit of work; an expired row is left to the next sign-in or the housekeeping purge."""
        found = await uow.web.session(_digest(token))
        if found is None or found.expires_at <= now:
            return None
        return found

    async def close(self, uow: UnitOfWork, token: str) -> None:
        """Sign-out: the session ends for every process at the commit."""
        await uow.web.end_session(_digest(token))

    async def close_person(self, uow: UnitOfWork, person_id: int) -> None:
        """A staff member removed or erased: their sessions and links end with the unit's commit."""
        await uow.web.end_person(person_id)
