"""Choice keys: what a button or a numbered choice carries back, as typed values.

A key is "<prefix>[:<tag>]:<field>:<field>…": the prefix picks the handler, a fixed tag (when the kind
has one) tells kinds of one prefix apart, the fields carry values. Each kind of key is a small frozen
dataclass (a `ChoiceKey`) defined once, with the feature that reads it back, so its parts are named once:
`AppointmentKey("ok", 12).pack()` is "apt:ok:12", and `AppointmentKey.unpack("apt:ok:12")` gives it back,
or None for anything that is not such a key (a forged or an old button is a kind "no longer valid", never
an exception). Only this module splits a key (a test greps for any other `split(":")`).

Telegram carries at most 64 bytes of callback data: a longer key is refused where it becomes a
`Choice` (bot/messages.py), the one place every key passes before a platform sees it.

Times in keys (and in outbox keys) are UTC minutes written as `stamp`: 202611230800.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from functools import cache
from typing import Any, ClassVar, Self

SEPARATOR = ":"
_STAMP = "%Y%m%d%H%M"


def stamp(moment: datetime) -> str:
    """A moment as a UTC minute, compact enough for a key: 202611230800."""
    return moment.astimezone(UTC).strftime(_STAMP)


def from_stamp(text: str) -> datetime | None:
    """The moment a `stamp` names, None for anything else."""
    if len(text) != 12 or not text.isdigit():
        return None
    try:
        return datetime.strptime(text, _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def prefix_of(key: str) -> str:
    """What decides which handler takes a key: the part before the first separator."""
    return key.split(SEPARATOR, 1)[0]


@dataclass(frozen=True)
class ChoiceKey:
    """A kind of key: subclasses set `prefix` (and `tag` when several kinds share a prefix) and declare
    their parts as fields of type str, int or datetime (written as a stamp). Trailing fields with
    defaults may be left out of a key."""

    prefix: ClassVar[str]
    tag: ClassVar[str | None] = None

    def pack(self) -> str:
        parts = [self.prefix] if self.tag is None else [self.prefix, self.tag]
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                break  # an optional part left out, and everything after it
            text = stamp(value) if isinstance(value, datetime) else str(value)
            if SEPARATOR in text:
                raise ValueError(f"{self.prefix} key: {f.name} may not hold {SEPARATOR!r}")
            parts.append(text)
        return SEPARATOR.join(parts)

    @classmethod
    def unpack(cls, key: str | None) -> Self | None:
        """The key as this kind, or None when it is not one (another prefix, a part missing or unreadable)."""
        if key is None:
            return None
        prefix, *parts = key.split(SEPARATOR)
        if cls.tag is not None:
            if not parts or parts[0] != cls.tag:
                return None
            parts = parts[1:]
        layout = _layout(cls)  # type: ignore[arg-type]  # a class is hashable
        if prefix != cls.prefix or len(parts) > len(layout) or len(parts) < sum(r for _n, _t, r in layout):
            return None
        values: dict[str, Any] = {}
        for (name, kind, _required), part in zip(layout, parts, strict=False):
            value = _read(kind, part)
            if value is None:
                return None
            values[name] = value
        return cls(**values)


@cache
def _layout(cls: type[ChoiceKey]) -> tuple[tuple[str, type, bool], ...]:
    """Each field's name, type and whether a key must carry it."""
    hints = typing.get_type_hints(cls)
    layout = []
    for f in fields(cls):
        kind = hints[f.name]
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        required = f.default is f.default_factory  # both MISSING: no default
        layout.append((f.name, args[0] if args else kind, required))
    return tuple(layout)


def _read(kind: type, part: str) -> object | None:
    if kind is int:
        return int(part) if part.isdigit() else None
    if kind is datetime:
        return from_stamp(part)
    return part if part else None
