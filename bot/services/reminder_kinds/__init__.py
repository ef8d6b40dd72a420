"""The kinds of reminder, one module each (dose, group, checkin, report; appointment reminders are
written with the booking). A module with a `KIND` is found here by itself: adding a kind is adding its
module and its catalog strings, and the claim (bot/services/reminders.py) needs no change.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import Any

from bot.services.reminder_kinds.base import Kind, Rule


@cache
def kinds() -> dict[str, Kind]:
    """Every kind, by the name stored in a reminder's `kind` column."""
    found: dict[str, Kind] = {}
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        kind: Kind | None = getattr(importlib.import_module(f"{__name__}.{module}"), "KIND", None)
        if kind is not None:
            found[kind.name] = kind
    return found


@cache
def _by_rule_type() -> dict[str, Kind]:
    return {kind.rule_type: kind for kind in kinds().values()}


def rule_of(data: dict[str, Any]) -> Rule:
    """A stored rule in its kind's typed form; ValueError for a rule no kind reads."""
    kind = _by_rule_type().get(str(data.get("type")))
    if kind is None:
        raise ValueError(f"unknown reminder rule {data!r}")
    return kind.rule(data)
