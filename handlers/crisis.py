"""The crisis replies: what to do right now, first. Nothing else in the turn comes before them."""

from __future__ import annotations

from bot.dialogs import Handler, Step, Turn
from bot.i18n import N_
from bot.messages import Reply
from bot.services.crisis import CrisisKind

_KEYS = {
    CrisisKind.OVERDOSE: N_("crisis.overdose"),
    CrisisKind.SUICIDE: N_("crisis.suicide"),
    CrisisKind.VIOLENCE: N_("crisis.violence"),
}


def reply_for(kind: CrisisKind) -> Handler:
    async def crisis(turn: Turn) -> Step:
        for listener in turn.services.crisis_listeners:
            await listener(turn.uow, turn.person, kind, turn.now)
        return Step([Reply(turn._(_KEYS[kind]))], "crisis", kind.value)

    return crisis
