"""Content is data: FAQ entries and crisis signals live in content/, are parsed into models when loaded,
and each fact carries its sources and a reviewed date. A broken file stops the bot at start-up with the
file and entry named, not in the middle of a conversation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from bot.normalize import fold

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# Zalo caps a message at 2,000 characters; an answer that fits there fits a phone screen and Telegram.
ANSWER_LIMIT = 2000


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
    topic: NonEmpty
    questions: Questions
    answer: Localized
    sources: list[NonEmpty] = Field(min_length=1)
    reviewed: date

    @field_validator("answer")
    @classmethod
    def _fits_a_message(cls, answer: Localized) -> Localized:
        for locale in ("vi", "en"):
            if len(answer.get(locale)) > ANSWER_LIMIT:
                raise ValueError(f"the {locale} answer is over {ANSWER_LIMIT} characters (Zalo's limit)")
        return answer


class FaqFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    entries: list[FaqEntry]


class CrisisSignals(BaseModel):
    """Phrases that mean someone may be in danger now. Matched on folded text, so one entry covers the
    spelling with and without diacritics."""

    model_config = ConfigDict(extra="forbid")
    overdose: list[NonEmpty] = Field(min_length=1)
    suicide: list[NonEmpty] = Field(min_length=1)
    violence: list[NonEmpty] = Field(min_length=1)
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
        return yaml.safe_load(path.read_text(encoding="utf-8"))
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
    crisis_path = content_dir / "crisis.yaml"
    crisis = None
    data = _read_yaml(crisis_path, problems)
    if data is not None:
        try:
            crisis = CrisisSignals.model_validate(data)
        except ValidationError as exc:
            problems.extend(_describe(crisis_path, exc, data))
    if crisis is not None:
        for kind in ("overdose", "suicide", "violence"):
            for phrase in getattr(crisis, kind):
                if not fold(phrase):
                    problems.append(f"{crisis_path}: {kind}: {phrase!r} has no letters")
    if problems or crisis is None:
        raise ContentError(problems)
    return Content(faq=tuple(entries), crisis=crisis)
