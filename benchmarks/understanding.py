"""How well the bot understands what people write, scored on the replies a person would read.

Each labelled message (tests/understanding/labelled/*.yaml, written from ../shared/lexicon.md
independently of the matchers) goes through the whole bot as `diemtuvan ask` sends it: a person past
first contact who has not yet agreed to the bot keeping data, on a fresh conversation. The replies'
text, never the handler's name, the entry id or a choice key, decides whether the answer was right:
the crisis reply of that kind in the language the person wrote in; the FAQ entry's answer; the line
that says what to do if a danger is happening now; the feature's own first message (or the consent
question that names it); the small-talk or off-topic reply. Usage:

    .venv/bin/python -m benchmarks.understanding --set dev [--misses]
    .venv/bin/python -m benchmarks.understanding --set holdout --json
    .venv/bin/python -m benchmarks.understanding --file benchmarks/sets/probe.yaml [--misses]
    .venv/bin/python -m benchmarks.understanding --set holdout --typed joined   # or slips

Tune on dev only. Holdout is scored, never read line by line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.config import PROJECT_ROOT, load_settings
from bot.i18n import Translator

# The development sets are what the statistical crisis reader learns from (content/understanding);
# the holdout is never learned from or tuned on.
SETS = {"holdout": PROJECT_ROOT / "tests" / "understanding" / "labelled" / "holdout.yaml",
        **{p.stem: p for p in sorted((PROJECT_ROOT / "content" / "understanding").glob("*.yaml"))}}
CRISIS_KINDS = ("overdose", "poisoning", "suicide", "child", "violence")


@dataclass(frozen=True)
class Scored:
    item: dict[str, Any]
    text: str  # all replies, joined
    right: bool
    alarm: str | None  # the crisis kind whose reply was sent, if one was
    checked: bool  # asked plainly whether in danger, with the numbers (the statistical reader alone)
    about: bool  # the "if this is happening now" line was sent
    read_as: str  # what the replies show the bot understood, for the confusion counts


def _stem(translated: str) -> str:
    """The fixed part of a catalog string: up to its first placeholder."""
    return translated.split("{", 1)[0].strip()[:60]


class ReplyReader:
    """Recognises, from reply text alone, what the bot did."""

    def __init__(self, catalogs: Any, faq: dict[str, Any]) -> None:
        self._t: dict[str, Translator] = {lang: catalogs.translator(lang) for lang in ("vi", "en")}
        self._faq = faq

    def says(self, text: str, key: str, lang: str) -> bool:
        return _stem(self._t[lang](key)) in text

    def crisis_kind(self, text: str, lang: str) -> str | None:
        for kind in CRISIS_KINDS:
            if self.says(text, f"crisis.{kind}", lang):
                return kind
        if self.says(text, "crisis.suicide_someone", lang):  # a wish to die told by someone worried for another
            return "suicide"
        return None

    def crisis_kind_any_language(self, text: str) -> str | None:
        return self.crisis_kind(text, "vi") or self.crisis_kind(text, "en")

    def checked(self, text: str) -> bool:
        """The person was asked plainly whether they are in danger, with the numbers."""
        return any(self.says(text, key, lang) for key in ("crisis.check", "crisis.cry") for lang in ("vi", "en"))

    def about(self, text: str, lang: str) -> bool:
        return any(self.says(text, f"crisis.about_{kind}", lang) for kind in CRISIS_KINDS)

    def entry(self, text: str, entry_id: str, lang: str) -> bool:
        entry = self._faq.get(entry_id)
        return entry is not None and entry.answer.get(lang)[:80] in text

    def intent(self, text: str, intent: str, lang: str) -> bool:
        says = lambda key: self.says(text, key, lang)  # noqa: E731 - a local shorthand
        consent_for = lambda label: says("privacy.consent_ask") and self._t[lang](label) in text  # noqa: E731
        checks: dict[str, Callable[[], bool]] = {
            "book": lambda: consent_for("menu.book") or says("booking.ask_point") or says("booking.no_points")
            or says("booking.yours"),
            "appointments": lambda: consent_for("menu.book") or says("booking.yours") or says("booking.ask_point")
            or says("booking.no_points"),
            "talk": lambda: consent_for("menu.talk") or says("talk.ask_point") or says("talk.no_points")
            or says("talk.still_open"),
            "groups": lambda: consent_for("groups.feature") or says("groups.none") or says("groups.none_listed"),
            "reminder_set": lambda: consent_for("menu.remind") or says("reminders.set_done")
            or says("reminders.none_yet") or says("reminders.ask_time"),
            "reminder_pause": lambda: consent_for("menu.remind") or says("reminders.none_yet")
            or says("reminders.paused"),
            # The person scored has no reminder yet: "you have none" is the right answer to stopping one.
            "reminder_stop": lambda: says("reminders.stopped") or says("reminders.none_yet"),
            # The finder's first question: what kind of place, or, with the kind already named, where.
            "sites": lambda: "📍" in text or says("sites.ask_kind") or says("sites.ask_where")
            or says("sites.ask_where_typed") or says("sites.none_there"),
            "privacy": lambda: says("privacy.full") or self.entry(text, "bot-what-is-stored", lang)
            or self.entry(text, "confidentiality", lang),
            "erase": lambda: says("privacy.erase_confirm"),
            "language_en": lambda: self.says(text, "start.language_set", "en"),
            "language_vi": lambda: self.says(text, "start.language_set", "vi"),
            "menu": lambda: says("menu.help"),
        }
        check = checks.get(intent)
        return check is not None and check()

    def smalltalk(self, text: str, kind: str, lang: str) -> bool:
        if kind == "is_police":
            return self.entry(text, "bot-not-police", lang)
        if kind == "emoji_only":  # crying faces get a gentler word than a smile
            return self.says(text, "misc.no_words", lang) or self.says(text, "misc.no_words_sad", lang)
        return self.says(text, f"smalltalk.{kind}", lang)

    def read_as(self, text: str, lang: str) -> str:
        kind = self.crisis_kind_any_language(text)
        if kind:
            return f"crisis:{kind}"
        for name in ("book", "talk", "groups", "reminder_set", "reminder_stop", "sites", "privacy", "erase",
                     "language_en", "language_vi", "menu"):
            if self.intent(text, name, lang):
                return f"intent:{name}"
        for kind in ("greeting", "thanks", "bye", "ack", "who_are_you", "is_human", "insult", "how_are_you",
                     "sad"):
            if self.says(text, f"smalltalk.{kind}", lang):
                return f"smalltalk:{kind}"
        if self.says(text, "understand.off_topic", lang):
            return "offtopic"
        if self.says(text, "faq.did_you_mean", lang):
            return "did_you_mean"
        if self.says(text, "misc.fallback", lang):
            return "fallback"
        for entry_id in self._faq:
            if self.entry(text, entry_id, lang):
                return f"faq:{entry_id}"
        return "other"


def score(reader: ReplyReader, item: dict[str, Any], text: str) -> Scored:
    lang = item.get("lang", "vi")
    expect = item["expect"]
    alarm = reader.crisis_kind_any_language(text)
    about = reader.about(text, lang)
    entries = item.get("entries") or ([item["entry"]] if item.get("entry") else [])
    answered = any(reader.entry(text, e, lang) for e in entries)
    if expect == "crisis":
        right = alarm == item["kind"] and reader.crisis_kind(text, lang) == alarm
    elif expect == "danger_question":
        right = alarm is None and about and (answered or not entries)
    elif expect == "not_crisis":
        right = alarm is None
        if right and entries:
            right = answered
        if right and item.get("intent"):
            right = reader.intent(text, item["intent"], lang)
    elif expect == "faq":
        right = alarm is None and answered
    elif expect == "intent":
        right = alarm is None and reader.intent(text, item["intent"], lang)
    elif expect == "smalltalk":
        right = alarm is None and reader.smalltalk(text, item["intent"], lang)
    elif expect == "offtopic":
        right = alarm is None and reader.says(text, "understand.off_topic", lang)
    else:
        raise ValueError(f"unknown expect {expect!r}")
    return Scored(item, text, right, alarm, reader.checked(text), about, reader.read_as(text, lang))


async def run(items: list[dict[str, Any]]) -> list[Scored]:
    from bot.app import ask, build

    with tempfile.TemporaryDirectory() as data_dir:
        # The shipped content and defaults, whatever this shell's environment or .env says.
        settings = load_settings({"DATA_DIR": data_dir, "CONTENT_DIR": str(PROJECT_ROOT / "content")},
                                 env_file=None)
        bot = await build(settings, store_path=":memory:", deliver=False)
        try:
            reader = ReplyReader(bot.catalogs, {entry.id: entry for entry in bot.content.faq})
            scored = []
            for number, item in enumerate(items, start=1):
                outcome = await ask(bot, str(item["text"]), "vi", number)
                text = "\n".join(reply.text for reply in outcome.replies)
                scored.append(score(reader, item, text))
            return scored
        finally:
            await bot.store.close()


def load_file(path: str) -> list[dict[str, Any]]:
    """Any labelled file in the same format as the sets (a list of items)."""
    items = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(items, list):
        sys.exit(f"{path}: expected a list of labelled items")
    return items


def load(name: str) -> list[dict[str, Any]]:
    names = tuple(SETS) if name == "all" else (name,)
    items: list[dict[str, Any]] = []
    for one in names:
        items.extend(yaml.safe_load(SETS[one].read_text(encoding="utf-8")))
    return items


# Letters next to each other on a phone's QWERTY keyboard: the slips of a hurried finger.
_NEIGHBOURS = dict(zip("qwertyuiopasdfghjklzxcvbnm", (
    "wa", "qeas", "wrds", "etdf", "ryfg", "tugh", "yihj", "uojk", "ipkl", "ol", "qwsz", "weadzx", "erfsxc", "rtgdcv",
    "tyhfvb", "yugjbn", "uihknm", "iojlm", "opk", "asx", "zcsd", "xvdf", "cbfg", "vngh", "bmhj", "njk"), strict=True))


def _slip(word: str, chance: random.Random) -> str:
    letters = [i for i, c in enumerate(word) if c.lower() in _NEIGHBOURS]
    if len(word) < 3 or not letters:
        return word
    i = chance.choice(letters)
    kind = chance.random()
    if kind < 0.5:
        return word[:i] + chance.choice(_NEIGHBOURS[word[i].lower()]) + word[i + 1:]
    return word[:i] + word[i + 1:] if kind < 0.75 else word[:i] + word[i] + word[i:]


def perturbed(items: list[dict[str, Any]], how: str, seed: int = 7) -> list[dict[str, Any]]:
    """The items as typed in a hurry, the same way on every run: `slips`, one word in six with a letter
    replaced by its keyboard neighbour, dropped or doubled; `joined`, three pairs of words in ten typed
    without the space between them. The labels stay: the message means what it meant."""
    chance = random.Random(seed)
    out = []
    for item in items:
        said = str(item["text"]).split()
        if how == "slips":
            for _ in range(max(1, len(said) // 6)):
                at = chance.randrange(len(said))
                said[at] = _slip(said[at], chance)
            text = " ".join(said)
        else:
            joined: list[str] = []
            i = 0
            while i < len(said):
                if i + 1 < len(said) and chance.random() < 0.3:
                    joined.append(said[i] + said[i + 1])
                    i += 2
                else:
                    joined.append(said[i])
                    i += 1
            text = " ".join(joined)
        out.append({**item, "text": text})
    return out


def report(scored: list[Scored]) -> dict[str, Any]:
    by_expect: dict[str, list[Scored]] = defaultdict(list)
    for s in scored:
        by_expect[s.item["expect"]].append(s)
    share = {e: round(sum(s.right for s in group) / len(group), 3) for e, group in sorted(by_expect.items())}
    crisis = by_expect.get("crisis", [])
    per_kind: dict[str, dict[str, float | int]] = {}
    for kind in CRISIS_KINDS:
        truth = [s for s in crisis if s.item["kind"] == kind]
        said = [s for s in scored if s.alarm == kind]
        right = [s for s in said if s.item["expect"] == "crisis" and s.item["kind"] == kind]
        per_kind[kind] = {
            "n": len(truth),
            "recall": round(len(right) / len(truth), 3) if truth else 0.0,
            "precision": round(len(right) / len(said), 3) if said else 0.0,
        }
    intents: dict[str, dict[str, float | int]] = {}
    labelled_intents = [s for s in scored if s.item["expect"] in ("intent", "smalltalk")]
    for name in sorted({s.item["intent"] for s in labelled_intents}):
        truth = [s for s in labelled_intents if s.item["intent"] == name]
        shown = [s for s in scored if s.read_as.split(":", 1)[-1] == name]
        right = [s for s in truth if s.right]
        intents[name] = {
            "n": len(truth),
            "recall": round(len(right) / len(truth), 3),
            "precision": round(len([s for s in shown if s.right and s.item.get("intent") == name]) / len(shown), 3)
            if shown else 0.0,
        }
    near = by_expect.get("not_crisis", [])
    general = [s for s in scored if s.item["expect"] in ("faq", "intent", "smalltalk", "offtopic")]
    return {
        "messages": len(scored),
        "right": round(sum(s.right for s in scored) / len(scored), 3),
        "general_right": round(sum(s.right for s in general) / len(general), 3) if general else 0.0,
        "crisis_caught": round(sum(s.alarm is not None for s in crisis) / len(crisis), 3) if crisis else 0.0,
        "crisis_caught_or_asked": round(sum(s.alarm is not None or s.checked for s in crisis) / len(crisis), 3)
        if crisis else 0.0,
        "near_miss_asked": f"{sum(s.checked for s in near)} of {len(near)}",
        "crisis_right_kind": share.get("crisis", 0.0),
        "near_miss_alarms": f"{sum(s.alarm is not None for s in near)} of {len(near)}",
        "danger_questions_answered": share.get("danger_question", 0.0),
        "by_expect": share,
        "crisis_kinds": per_kind,
        "intents": intents,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=(*SETS, "all"), default="dev")
    parser.add_argument("--file", metavar="PATH", help="score this labelled YAML file instead of a --set")
    parser.add_argument("--json", action="store_true", help="one JSON object")
    parser.add_argument("--misses", action="store_true", help="list the wrong answers (dev or --file only)")
    parser.add_argument("--typed", choices=("slips", "joined"),
                        help="score the messages as typed in a hurry: slips of the finger, or words run together")
    args = parser.parse_args()
    if args.file and args.set == "holdout":
        sys.exit("--file and --set holdout: give one of them")
    items = load_file(args.file) if args.file else load(args.set)
    scored = asyncio.run(run(perturbed(items, args.typed) if args.typed else items))
    summary = report(scored)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    if args.misses:
        if (args.set != "dev" and not args.file) or (
                args.file and Path(args.file).resolve() == SETS["holdout"].resolve()):
            sys.exit("misses are listed for the dev set only: the holdout is never read line by line")
        counts: Counter[str] = Counter()
        for s in scored:
            if not s.right:
                counts[s.item["expect"]] += 1
                label = s.item.get("kind") or s.item.get("intent") or s.item.get("entry") or s.item.get("entries") or ""
                print(f"MISS {s.item['expect']}:{label} -> {s.read_as} | {s.item['text'][:140]}")
        print(dict(counts))


if __name__ == "__main__":
    main()
