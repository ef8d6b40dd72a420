"""Choice keys: packed and unpacked by one helper, refused when a platform could not carry them, and no
key split anywhere else."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import ClassVar

import pytest

from bot.config import PROJECT_ROOT
from bot.keys import ChoiceKey, from_stamp, prefix_of, stamp
from bot.messages import MAX_CHOICE_KEY_BYTES, Choice


@dataclass(frozen=True)
class Sample(ChoiceKey):
    prefix: ClassVar[str] = "smp"
    action: str
    item: int
    at: datetime | None = None


@dataclass(frozen=True)
class Tagged(ChoiceKey):
    prefix: ClassVar[str] = "smp"
    tag: ClassVar[str | None] = "t"
    name: str


def test_a_key_goes_out_and_comes_back_with_its_types() -> None:
    at = datetime(2026, 11, 23, 1, 30, tzinfo=UTC)
    assert Sample("ok", 12).pack() == "smp:ok:12"
    assert Sample("ok", 12, at).pack() == "smp:ok:12:202611230130"
    assert Sample.unpack("smp:ok:12:202611230130") == Sample("ok", 12, at)
    assert Sample.unpack("smp:ok:12") == Sample("ok", 12)
    assert Tagged("x").pack() == "smp:t:x" and Tagged.unpack("smp:t:x") == Tagged("x")
    assert prefix_of("smp:t:x") == "smp"


@pytest.mark.parametrize("key", [None, "", "smp", "smp:ok", "smp:ok:x", "other:ok:1", "smp:ok:1:2026", "smp:ok:1:2:3",
                                 "smp:ok:1:202613400000", "smp::1"])
def test_anything_else_is_not_a_key_of_that_kind(key: str | None) -> None:
    assert Sample.unpack(key) is None


def test_tags_tell_kinds_of_one_prefix_apart() -> None:
    assert Tagged.unpack("smp:ok:1") is None
    assert Sample.unpack("smp:t:x") is None


def test_a_key_a_platform_cannot_carry_is_refused_where_it_becomes_a_choice() -> None:
    fits = Tagged("x" * (MAX_CHOICE_KEY_BYTES - len("smp:t:")))
    assert Choice(fits.pack(), "ok").key == fits.pack()
    with pytest.raises(ValueError):
        Choice(Tagged("x" * MAX_CHOICE_KEY_BYTES).pack(), "too long")
    with pytest.raises(ValueError):
        Tagged("a:b").pack()  # a part may not hold the separator


def test_stamps_are_utc_minutes() -> None:
    at = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    assert stamp(at) == "202611230800" and from_stamp("202611230800") == at
    assert from_stamp("20261123080") is None and from_stamp("abcdefghijkl") is None


def test_no_code_outside_the_helper_splits_a_key() -> None:
    """Keys are read only through their kind's `unpack`: a split on ":" anywhere else is a second
    definition of a key's layout."""
    splitting = re.compile(r"""\.(?:r?split|r?partition)\(\s*["']:["']""")
    # Not keys: the crisis model's class labels ("crisis:overdose") are its own format.
    not_keys = {PROJECT_ROOT / "bot" / "keys.py", PROJECT_ROOT / "bot" / "services" / "crisis_model.py"}
    found = []
    for folder in ("bot", "handlers", "scheduler"):
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
            if path in not_keys:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if splitting.search(line):
                    found.append(f"{path.relative_to(PROJECT_ROOT)}:{number}: {line.strip()}")
    assert found == []
