"""Who may use the staff web view, and for how long: one-time sign-in links sent to a staff member's own
chat by /web, and the sessions they open.

No passwords: the chat is the proof of who someone is, as it already is for everything staff do. A link
is valid for WEB_LINK_MINUTES and once; a session for WEB_SESSION_MINUTES from sign-in, or until
sign-out. Both live in this process's memory only (a province runs one process): a restart signs
everyone out, and nothing about a session is ever written to disk. Only a hash of a link's token is
kept, so a memory dump does not hold usable links.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

MAX_PENDING = 1000  # links not yet used: a flood of /web cannot fill the memory


@dataclass(frozen=True)
class WebSession:
    sid: str
    person_id: int
    point_id: str | None  # None: a province head, who sees every point
    head: bool
    locale: str
    expires_at: datetime


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class WebAccess:
    def __init__(self, link_minutes: int = 10, session_minutes: int = 120) -> None:
        self.link_ttl = timedelta(minutes=link_minutes)
        self.session_ttl = timedelta(minutes=session_minutes)
        self._links: dict[str, tuple[int, datetime]] = {}
        self._sessions: dict[str, WebSession] = {}

    def issue_link(self, person_id: int, now: datetime) -> str:
        """A new one-time token for the person; their older unused ones stop working."""
        self._links = {h: (p, until) for h, (p, until) in self._links.items() if until > now and p != person_id}
        if len(self._links) >= MAX_PENDING:
            self._links.pop(next(iter(self._links)))
        token = secrets.token_urlsafe(32)
        self._links[_digest(token)] = (person_id, now + self.link_ttl)
        return token

    def is_valid(self, token: str, now: datetime) -> bool:
        """Whether a token would sign in now (shown before the person confirms; it is not used up)."""
        found = self._links.get(_digest(token))
        return found is not None and found[1] > now

    def redeem(self, token: str, now: datetime) -> int | None:
        """The person a token signs in, once; None for a token that is unknown, used or expired."""
        found = self._links.pop(_digest(token), None)
        if found is None or found[1] <= now:
            return None
        return found[0]

    def open_session(self, person_id: int, point_id: str | None, head: bool, locale: str, now: datetime) -> WebSession:
        self._sessions = {s: v for s, v in self._sessions.items() if v.expires_at > now}
        session = WebSession(secrets.token_urlsafe(32), person_id, point_id, head, locale, now + self.session_ttl)
        self._sessions[session.sid] = session
        return session

    def session(self, sid: str, now: datetime) -> WebSession | None:
        session = self._sessions.get(sid)
        if session is None:
            return None
        if session.expires_at <= now:
            del self._sessions[sid]
            return None
        return session

    def close(self, sid: str) -> None:
        self._sessions.pop(sid, None)

    def close_person(self, person_id: int) -> None:
        """A staff member removed or erased: their sessions and links end now."""
        self._sessions = {s: v for s, v in self._sessions.items() if v.person_id != person_id}
        self._links = {h: v for h, v in self._links.items() if v[0] != person_id}
