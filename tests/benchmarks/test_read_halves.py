"""The ways of asking the FAQ ranker learns from the outside check sets come only from their read halves: the
unread halves stay what says whether a change carries over to messages nobody looked at."""

from __future__ import annotations

import functools
from typing import Any

from benchmarks.read_halves import OUT, SETS, is_read, ways_of_asking
from bot.yaml_text import parse_yaml


@functools.cache
def _learned() -> list[dict[str, Any]]:
    return list(parse_yaml(OUT.read_text(encoding="utf-8")))


def test_the_odd_numbered_items_are_read_and_the_first_rounds_sets_whole() -> None:
    assert is_read("outside_crisis_bg", 0) and not is_read("outside_crisis_bg", 1)
    assert is_read("outside_general_r", 3)  # seen once in a listing
    assert is_read("outside_crisis_g", 1) and is_read("outside_crisis_q", 71) and not is_read("outside_crisis_q", 72)


def test_every_learned_way_of_asking_is_a_read_item_of_its_set_as_its_writer_labelled_it() -> None:
    sets: dict[str, list[dict[str, Any]]] = {}
    for example in _learned():
        name, number = example["from"].split(":")
        if name not in sets:
            sets[name] = parse_yaml((SETS / f"{name}.yaml").read_text(encoding="utf-8"))
        item = sets[name][int(number)]
        assert is_read(name, int(number)), example
        assert (str(item["text"]), item.get("entry") or item["entries"][0]) == (example["text"], example["entry"])
        assert example["learn"] == "ranker" and item["expect"] != "crisis"


def test_the_file_is_what_the_script_writes_for_the_sets_it_names() -> None:
    learned = _learned()
    named = {example["from"].split(":")[0] for example in learned}
    fresh = frozenset(path.stem for path in SETS.glob("outside_*.yaml")) - named
    assert learned == ways_of_asking(fresh)
