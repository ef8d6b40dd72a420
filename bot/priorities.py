"""The order in which messages go out: the outbox's sender takes them by priority, lowest first, and a
monthly message allowance running low holds the highest back first (bot/services/budget.py)."""

from __future__ import annotations

from enum import IntEnum


class Priority(IntEnum):
    """Lower goes first: an emergency before an answer, an answer before anything scheduled."""

    CRISIS = 0
    REPLY = 1
    APPOINTMENT = 2
    DOSE = 3
    ROUTINE = 4  # group meetings, volunteer check-ins, report deadlines
