"""Crisis signals: a message that may mean someone is in danger right now.

Checked before anything else, inside any open flow (design principle 2). Phrases come from
content/crisis.yaml and are matched as whole words on folded text, so "bat tinh" and "bất tỉnh" both
match and "tím" inside another word does not.
"""

from __future__ import annotations

import re
from enum import StrEnum

from bot.content import CrisisSignals
from bot.normalize import words


class CrisisKind(StrEnum):
    OVERDOSE = "overdose"
    SUICIDE = "suicide"
    VIOLENCE = "violence"


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
