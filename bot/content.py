"""Content is data: FAQ entries and crisis signals live in content/, are parsed into models when loaded,
and each fact carries its sources and a reviewed date. A broken file stops the bot at start-up with the
file and entry named, not in the middle of a conversation.

Besides the shape of each entry, `load_content` (and so `diemtuvan content check`) refuses:
- an answer longer than one phone screen (ANSWER_LIMIT characters, vi or en);
- a topic outside `Topic` (the English rule below depends on it, so a typo must not escape it);
- the same way of asking under two entries, compared folded (bot.normalize.fold, punctuation ignored):
  the matcher could only pick one of them at random;
- an English answer that calls rehab (cai nghiện) "treatment": see `treatment_problems`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from bot.normalize import fold
from bot.yaml_text import parse_yaml

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# One phone screen: about 600 characters of Vietnamese (15-17 lines of 35-40 characters on a 6-inch
# screen at the default font size, with the bullets' short lines). Counted in NFC code points, the
# way the text is sent. Far under Zalo's 2,000-character cap and Telegram's 4,096, so an answer is also
# always one message. Content that needs more is split into two entries.
ANSWER_LIMIT = 600

# What an entry is about. Closed, because the English-wording rule depends on it.
Topic = Literal[
    "methadone", "rehab", "law", "rights", "services", "family", "hiv", "harm-reduction", "emergency",
    "help", "basics", "privacy", "bot", "sites",
]
# Topics about rehab (cai nghiện) and the drug law: in English, every "treatment" must say which one.
REHAB_TOPICS = frozenset({"rehab", "law", "rights"})
# "<word> treatment" that names a treatment other than rehab, and so may appear in a rehab/law answer.
TREATMENT_QUALIFIERS = frozenset({
    "methadone", "substitution", "hiv", "arv", "hepatitis", "withdrawal", "buprenorphine", "tb",
})
# Wrong in any entry: each of these is rehab (cai nghiện) called "treatment".
TREATMENT_FOR_REHAB = ("voluntary treatment", "compulsory treatment", "post-treatment", "treatment centre",
                       "treatment center")
_TREATMENT = re.compile(r"\btreatments?\b", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^A-Za-z]*$")


class Localized(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    vi: NonEmpty
    en: NonEmpty

    def get(self, locale: str) -> str:
        return self.en if locale == "en" else self.vi


class Questions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    vi: list[NonEmpty] = Field(min_length=1)
    en: list[NonEmpty] = Field(min_length=1)


class FaqEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,60}$")]
    topic: Topic
    questions: Questions
    answer: Localized
    sources: list[NonEmpty] = Field(min_length=1)
    reviewed: date

    @field_validator("answer")
    @classmethod
    def _fits_a_phone_screen(cls, answer: Localized) -> Localized:
        for locale in ("vi", "en"):
            length = answer_length(answer.get(locale))
            if length > ANSWER_LIMIT:
                raise ValueError(f"the {locale} answer is {length} characters, over the {ANSWER_LIMIT} of one "
                                 "phone screen: shorten it or split the entry")
        return answer


def answer_length(text: str) -> int:
    """Characters as sent: NFC, so a Vietnamese letter with its diacritics counts once."""
    return len(unicodedata.normalize("NFC", text))


def treatment_problems(entry: FaqEntry) -> list[str]:
    """Where the English answer calls rehab (cai nghiện) "treatment". A person on methadone must never read
    the 24-month rehab term as theirs, so English says "rehab (cai nghiện)" for rehab and "methadone
    treatment" for methadone. Two rules:
    - in every entry, "voluntary/compulsory treatment", "post-treatment" and "treatment centre" are rehab;
    - in a rehab, law or rights entry, each "treatment" must follow a word that names another treatment
      (TREATMENT_QUALIFIERS: "methadone treatment", "substitution treatment", "HIV treatment", …)."""
    text = entry.answer.en
    found = [f"says {phrase!r} (write \"rehab (cai nghiện)\")" for phrase in TREATMENT_FOR_REHAB
             if phrase in text.lower()]
    if entry.topic in REHAB_TOPICS:
        for match in _TREATMENT.finditer(text):
            before = _WORD_BEFORE.search(text[:match.start()])
            if before is None or before.group(1).lower() not in TREATMENT_QUALIFIERS:
                found.append(f"uses bare {match.group(0)!r} at character {match.start()} (a {entry.topic} "
                             "entry: say \"rehab (cai nghiện)\", or which treatment, e.g. \"methadone treatment\")")
    return found


def _asked_the_same(text: str) -> str:
    return " ".join(re.findall(r"[0-9a-z]+", fold(text)))


class FaqFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    entries: list[FaqEntry]


class CrisisSignals(BaseModel):
    """Concepts the crisis reader composes (bot/services/crisis.py), each a list of phrases matched on
    folded text, so one entry covers the spelling with and without diacritics; and the everyday phrases
    that share a crisis word ("mệt muốn chết"), removed before reading."""

    model_config = ConfigDict(extra="forbid")
    concepts: dict[str, list[NonEmpty]]
    false_friends: list[NonEmpty] = Field(default_factory=list)
    # FAQ entries about a danger, by the kind of crisis: their answer always ends with what to do if it
    # is happening now, however the question was worded.
    danger_entries: dict[str, Literal["overdose", "poisoning", "suicide", "child", "violence"]] = Field(
        default_factory=dict)
    sources: list[NonEmpty] = Field(min_length=1)
    reviewed: date


class ContentError(Exception):
    """One or more content files are broken; `problems` lists each with file and entry."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Content:
    faq: tuple[FaqEntry, ...]
    crisis: CrisisSignals


def _read_yaml(path: Path, problems: list[str]) -> object:
    try:
        return parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        problems.append(f"{path}: cannot be read: {exc}")
        return None


def _describe(path: Path, exc: ValidationError, data: object) -> list[str]:
    lines = []
    for error in exc.errors():
        loc = list(error["loc"])
        where = ".".join(str(p) for p in loc)
        if loc[:1] == ["entries"] and len(loc) > 1 and isinstance(data, dict):
            index = loc[1]
            entries = data.get("entries") or []
            if isinstance(index, int) and index < len(entries) and isinstance(entries[index], dict):
                where = f"entry {entries[index].get('id', index)!s}: " + ".".join(str(p) for p in loc[2:])
        lines.append(f"{path}: {where}: {error['msg']}")
    return lines


def load_content(content_dir: Path) -> Content:
    """Read and check every content file; raise ContentError listing all problems at once."""
    problems: list[str] = []
    entries: list[FaqEntry] = []
    faq_dir = content_dir / "faq"
    files = sorted(faq_dir.glob("*.yaml")) if faq_dir.is_dir() else []
    if not files:
        problems.append(f"{faq_dir}: no FAQ files (*.yaml)")
    for path in files:
        data = _read_yaml(path, problems)
        if data is None:
            continue
        try:
            entries.extend(FaqFile.model_validate(data).entries)
        except ValidationError as exc:
            problems.extend(_describe(path, exc, data))
    seen: dict[str, str] = {}
    for entry in entries:
        if entry.id in seen:
            problems.append(f"{faq_dir}: entry {entry.id}: id used twice")
        seen[entry.id] = entry.id
    asked: dict[str, str] = {}
    for entry in entries:
        for question in dict.fromkeys(_asked_the_same(q) for q in (*entry.questions.vi, *entry.questions.en)):
            other = asked.setdefault(question, entry.id)
            if other != entry.id:
                problems.append(f"{faq_dir}: entry {entry.id}: question {question!r} is also asked under {other}")
        problems.extend(f"{faq_dir}: entry {entry.id}: the English answer {problem}"
                        for problem in treatment_problems(entry))
    crisis_path = content_dir / "crisis.yaml"
    crisis = None
    data = _read_yaml(crisis_path, problems)
    if data is not None:
        try:
            crisis = CrisisSignals.model_validate(data)
        except ValidationError as exc:
            problems.extend(_describe(crisis_path, exc, data))
    if crisis is not None:
        from bot.services.crisis import REQUIRED_CONCEPTS

        for missing in sorted(REQUIRED_CONCEPTS - crisis.concepts.keys()):
            problems.append(f"{crisis_path}: concepts: {missing!r} is missing")
        for concept, phrases in crisis.concepts.items():
            for phrase in phrases:
                if not fold(phrase.removeprefix("=")).strip():
                    problems.append(f"{crisis_path}: {concept}: {phrase!r} has no letters")
        known = {entry.id for entry in entries}
        for entry_id in sorted(crisis.danger_entries.keys() - known):
            problems.append(f"{crisis_path}: danger_entries: {entry_id!r} is not an FAQ entry")
    if problems or crisis is None:
        raise ContentError(problems)
    return Content(faq=tuple(entries), crisis=crisis)
