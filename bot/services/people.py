"""Who is writing: a pseudonymous record per channel account, their language, role and consent.

Nothing here asks for or keeps a real name. The alias is what counselors will see.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from bot.messages import Incoming
from bot.store.base import UnitOfWork
from bot.store.records import Invite, Person

# Words from nature: neutral, easy to say over the phone, the same in both languages' replies.
_ALIAS_WORDS = ("Mây", "Sông", "Núi", "Lá", "Sao", "Gió", "Biển", "Trăng", "Nắng", "Mưa", "Suối", "Đồi",
                "Hoa", "Cỏ", "Tre", "Sen", "Rừng", "Hồ", "Đảo", "Ngàn")


def new_alias() -> str:
    return f"{secrets.choice(_ALIAS_WORDS)} {secrets.randbelow(9000) + 1000}"


def new_person(incoming: Incoming, locale: str, now: datetime) -> Person:
    return Person(
        channel=incoming.channel, user_id=incoming.user_id, chat_id=incoming.chat_id, alias=new_alias(),
        locale=locale, created_at=now, last_seen_at=now,
    )


def give_consent(person: Person, now: datetime) -> None:
    person.consent_at = now


async def withdraw_consent(uow: UnitOfWork, person: Person) -> None:
    """The person no longer agrees to the bot keeping data: the reminders kept under that consent go
    with it. The person row itself is saved with the turn."""
    person.consent_at = None
    if person.id is not None:
        for reminder in await uow.reminders.of_person(person.id):
            assert reminder.id is not None
            await uow.reminders.delete(reminder.id)


async def redeem_invite(uow: UnitOfWork, person: Person, code: str, now: datetime) -> Invite | None:
    """Make the person staff of a point if the code is valid, unused and not expired; else None."""
    assert person.id is not None
    invite = await uow.invites.redeem(code.strip().upper(), person.id, now)
    if invite is not None:
        person.role = invite.role
        await uow.staff.join(person.id, invite.role, invite.point_id, now)
    return invite


async def erase(uow: UnitOfWork, person: Person) -> None:
    """Delete the person and, through the schema's cascades, every row that refers to them."""
    assert person.id is not None
    await uow.people.erase(person.id)


class CodeAttempts:
    """Wrong invite and link codes, per chat, in a sliding window: a code is eight characters from a
    31-letter alphabet, safe against guessing only if guesses are few. After FAILURES_ALLOWED wrong
    codes in WINDOW, a chat waits until the oldest of them leaves the window. The failures are rows of
    the database, written with the turn, so the count is one for every process sharing it; the chat is
    kept as a digest of its channel and id, never the id. Time comes from the caller (the turn's clock)."""

    FAILURES_ALLOWED = 5
    WINDOW = timedelta(minutes=15)

    async def wait(self, uow: UnitOfWork, chat: tuple[str, str], now: datetime) -> timedelta | None:
        """How long this chat must wait before trying another code, or None if it may try now."""
        counting = await uow.code_failures.counting(_chat_digest(chat), now)
        if len(counting) < self.FAILURES_ALLOWED:
            return None
        return counting[-self.FAILURES_ALLOWED] - now

    async def failed(self, uow: UnitOfWork, chat: tuple[str, str], now: datetime) -> None:
        """Count a wrong code against the chat; failures that no longer count go now."""
        await uow.code_failures.purge(now)
        await uow.code_failures.add(_chat_digest(chat), now + self.WINDOW)


def _chat_digest(chat: tuple[str, str]) -> str:
    return hashlib.sha256(f"{chat[0]}:{chat[1]}".encode()).hexdigest()


async def mark_unreachable(uow: UnitOfWork, person_id: int, now: datetime) -> int:
    """The platform says the person can no longer be written to (blocked the bot, deleted the chat):
    they are marked unreachable, which pauses their reminders, and whatever is queued for them is
    dropped, since none of it can arrive. One rule for every path that learns it (a reply, a scheduled
    message, the platform's own event). Returns how many queued messages were dropped."""
    await uow.people.set_unreachable_by_id(person_id)
    return await uow.outbox.drop_person(person_id, now, "unreachable")
