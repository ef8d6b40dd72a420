"""Which messages of the outside check sets have been read, and the FAQ ways of asking taken from them.

Each outside set (benchmarks/sets/outside_*.yaml) is split before anything is read: its odd-numbered
items (the first, third, …) are read for misses, its even-numbered ones stay unread, the held-out half
that says whether a change carries over (WRITERS.md tells each round's split). The sets of the first
rounds were read whole; a few unread items were shown once in a listing and count as read since.

The read messages that an FAQ entry answers are ways of asking written by people who never saw the
project: the FAQ's learned ranker alone learns from them (content/understanding/outside_read.yaml, marked
`learn: ranker`: the crisis model's alarms stay as its own sets made them, and the FAQ's word-for-word match
keeps to the entries' own ways of asking and the development sets'). The unread halves, the holdout and the
sets written after are what say whether that learning carries over. Usage, after a round reads new
halves (give the sets still fresh, never read, with --fresh):

    .venv/bin/python -m benchmarks.read_halves --fresh outside_crisis_gw outside_crisis_gx outside_general_df \
        outside_crisis_gy outside_crisis_gz outside_crisis_ha outside_crisis_hb outside_general_dg outside_general_dh
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import Any

import yaml

from bot.config import PROJECT_ROOT
from bot.yaml_text import parse_yaml

SETS = PROJECT_ROOT / "benchmarks" / "sets"
OUT = PROJECT_ROOT / "content" / "understanding" / "outside_read.yaml"
# Read whole in the rounds before the sets were split.
READ_WHOLE = frozenset({"outside_crisis_a", "outside_crisis_b", "outside_crisis_c", "outside_general_a",
                        "outside_general_b", "outside_general_c", "outside_crisis_g", "outside_crisis_h"})
# Items of the unread halves seen once (in a listing of a file's first lines, or printed by mistake),
# numbered from 0: read since (WRITERS.md).
SHOWN = {"outside_general_r": {1, 3, 5}, "outside_crisis_v": {1, 3}, "outside_crisis_x": {1},
         "outside_crisis_ao": {1, 3}, "outside_general_ac": {1, 3, 5, 7}, "outside_crisis_at": {1},
         "outside_crisis_az": {1, 3, 5, 71, 103}, "outside_crisis_eu": {1, 3}, "outside_crisis_ev": {1, 3},
         "outside_general_cf": {1, 3}}
# outside_crisis_q's first 72 items were shown in a review and read in the next round; the rest stay unread.
READ_FIRST = {"outside_crisis_q": 72}


def is_read(name: str, number: int) -> bool:
    """Whether item `number` (from 0) of the set has been read."""
    if name in READ_WHOLE:
        return True
    if name in READ_FIRST:
        return number < READ_FIRST[name]
    return number % 2 == 0 or number in SHOWN.get(name, set())


def read_items(fresh: frozenset[str] = frozenset()) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """(set, number, item) for every read item of every outside set but the fresh ones."""
    for path in sorted(SETS.glob("outside_*.yaml")):
        if path.stem in fresh:
            continue
        for number, item in enumerate(parse_yaml(path.read_text(encoding="utf-8"))):
            if is_read(path.stem, number):
                yield path.stem, number, item


def ways_of_asking(fresh: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """The read messages one FAQ entry answers, as labelled examples the FAQ ranker alone learns from. A
    message two entries answer teaches neither (crisis_model.faq_examples)."""
    out = []
    for name, number, item in read_items(fresh):
        entries = item.get("entries") or ([item["entry"]] if item.get("entry") else [])
        if len(entries) != 1 or item["expect"] == "crisis":
            continue
        out.append({"text": str(item["text"]), "expect": item["expect"], "entry": entries[0],
                    "lang": item.get("lang", "vi"), "learn": "ranker", "from": f"{name}:{number}"})
    return out


HEADER = """\
# Ways of asking from the outside check sets' read halves: each message an FAQ entry answers, as its
# writer labelled it, with the set and item it comes from (numbered from 0). Written by
# `python -m benchmarks.read_halves` (do not edit by hand; benchmarks/read_halves.py says which items are
# read). Marked `learn: ranker`: the FAQ's learned ranker learns from them; the word-for-word match and the
# crisis model do not. The unread halves, the holdout and the sets written later are never learned from.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", nargs="*", default=[], help="sets written but not read yet")
    args = parser.parse_args()
    examples = ways_of_asking(frozenset(args.fresh))
    OUT.write_text(HEADER + yaml.safe_dump(examples, allow_unicode=True, sort_keys=False, width=120),
                   encoding="utf-8")
    print(f"{len(examples)} ways of asking written to {OUT.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
