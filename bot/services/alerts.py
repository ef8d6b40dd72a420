"""Alerts to counselors, queued in the outbox inside the turn that caused them.

The crisis alert: when a message says a crisis is happening now, every counselor on duty gets a short
alert at crisis priority, after the person already has the crisis reply. The alert never quotes the
message. It names the person's alias only if they consented to the bot keeping data about them;
otherwise it says "someone".
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.i18n import N_, Catalogs
from bot.keys import stamp
from bot.messages import Reply
from bot.priorities import Priority
from bot.services.crisis import CrisisKind, CrisisListener
from bot.store.base import UnitOfWork
from bot.store.records import OutboxItem, Person

CRISIS_GRACE = timedelta(hours=1)
KIND_NAMES = {CrisisKind.OVERDOSE: N_("alerts.kind_overdose"), CrisisKind.POISONING: N_("alerts.kind_poisoning"),
              CrisisKind.SUICIDE: N_("alerts.kind_suicide"), CrisisKind.CHILD: N_("alerts.kind_child"),
              CrisisKind.VIOLENCE: N_("alerts.kind_violence")}


def crisis_alert(catalogs: Catalogs) -> CrisisListener:
    async def alert(uow: UnitOfWork, person: Person, kind: CrisisKind, at: datetime) -> None:
        if person.role == "counselor":
            return  # a counselor testing the bot, or quoting someone: not an alert
        items = []
        for counselor in await uow.staff.counselors(None, on_duty_only=True):
            _ = catalogs.translator(counselor.locale)
            who = person.alias if person.consented else _("alerts.someone")
            text = _("alerts.crisis", who=who, kind=_(KIND_NAMES[kind]), time=_.datetime(at))
            items.append(OutboxItem.to(counselor, key=f"crisis:{person.id}:{stamp(at)}:{counselor.person_id}",
                                       reply=Reply(text), priority=Priority.CRISIS, due_at=at,
                                       expires_at=at + CRISIS_GRACE, about_id=person.id))
        await uow.outbox.add_many(items)
        await uow.tally.add(None, "crisis.alert", at, min(len(items), 1))

    return alert
