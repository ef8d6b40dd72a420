"""Crisis signals: a message that may mean someone is in danger right now.

Checked before anything else, inside any open flow (design principle 2). Phrases come from
content/crisis.yaml and are matched as whole words on folded text, so "bat tinh" and "bất tỉnh" both
match and "tím" inside another word does not.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.content import CrisisSignals
from bot.normalize import words

if TYPE_CHECKING:
    from bot.store.base import UnitOfWork
    from bot.store.records import Person


class CrisisKind(StrEnum):
    OVERDOSE = "overdose"
    SUICIDE = "suicide"
    VIOLENCE = "violence"


# Called inside the turn's transaction after a crisis reply is chosen, once per crisis message (a
# replayed message rolls the turn back, listeners' writes with it). The counselor-on-duty alert (#4)
# is one; the registry in bot/app.py lists them.
CrisisListener = Callable[["UnitOfWork", "Person", CrisisKind, datetime], Awaitable[None]]


class CrisisDetector:
    def __init__(self, signals: CrisisSignals) -> None:
        # Order matters when a message carries two signals: the most time-critical reply comes first.
        self._patterns: list[tuple[CrisisKind, re.Pattern[str]]] = []
        for kind in (CrisisKind.OVERDOSE, CrisisKind.SUICIDE, CrisisKind.VIOLENCE):
            phrases = sorted({" ".join(words(p)) for p in getattr(signals, kind.value)}, key=len, reverse=True)
            alternatives = "|".join(re.escape(p) for p in phrases if p)
            self._patterns.append((kind, re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")))

    def detect(self, text: str) -> CrisisKind | None:
        folded = " ".join(words(text))
        for kind, pattern in self._patterns:
            if pattern.search(folded):
                return kind
        return None
