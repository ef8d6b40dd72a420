"""Gettext catalogs (vi, en) compiled from content/locales at start-up, and Vietnamese date formats.

Message ids are stable keys ("menu.title"), not English sentences: a wording change in either language
is a catalog edit that leaves the code alone, and a key missing from a catalog is caught by
`check_catalogs` (run by the tests and by `diemtuvan content check`) instead of showing a key to a person.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Literal
from zoneinfo import ZoneInfo

from babel.dates import format_datetime, get_day_names
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

LOCALES = ("vi", "en")
DOMAIN = "messages"
CODE_DIRS = ("bot", "handlers", "scheduler")
_DATETIME_PATTERN = {"vi": "EEEE, dd/MM 'lúc' HH:mm", "en": "EEEE, dd/MM 'at' HH:mm"}
_WEEKDAY_WIDTH: dict[str, Literal["abbreviated", "short"]] = {"vi": "short", "en": "abbreviated"}


def N_(key: str) -> str:
    """Mark a key for the catalog check where the translation happens later (in a table, say)."""
    return key


class Translator:
    """Everything user-facing in one locale: catalog lookups and date formatting."""

    def __init__(self, locale: str, translations: Translations, timezone: ZoneInfo) -> None:
        self.locale = locale
        self._translations = translations
        self._timezone = timezone

    def __call__(self, key: str, **values: object) -> str:
        text = self._translations.gettext(key)
        return text.format(**values) if values else text

    def weekday(self, index: int) -> str:
        """Short weekday name, 0 = Monday: "T2" … "CN" in Vietnamese, "Mon" … "Sun" in English."""
        return str(get_day_names(_WEEKDAY_WIDTH[self.locale], locale=self.locale)[index])

    def decimal(self, number: float) -> str:
        """"1,2" in Vietnamese, "1.2" in English."""
        return format_decimal(number, format="#,##0.0", locale=self.locale)

    def whole(self, number: float) -> str:
        """"1.121" in Vietnamese, "1,121" in English: a rounded count or distance."""
        return format_decimal(round(number), format="#,##0", locale=self.locale)

    def local(self, moment: datetime) -> datetime:
        """The moment on the bot's wall clock (opening hours are written in it)."""
        return moment.astimezone(self._timezone)

    def datetime(self, moment: datetime) -> str:
        """"Thứ Hai, 23/11 lúc 07:30" in the bot's time zone."""
        return format_datetime(moment.astimezone(self._timezone), _DATETIME_PATTERN[self.locale], locale=self.locale)


class Catalogs:
    def __init__(self, locales_dir: Path, timezone: ZoneInfo) -> None:
        self._timezone = timezone
        # One translator per locale, shared: it holds no state, and what is derived from it (the main
        # menu's choices) can be kept per translator.
        self._by_locale = {
            locale: Translator(locale, _compile(locales_dir, locale), timezone) for locale in LOCALES
        }

    def translator(self, locale: str) -> Translator:
        return self._by_locale.get(locale) or self._by_locale[LOCALES[0]]


def _po_path(locales_dir: Path, locale: str) -> Path:
    return locales_dir / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def _compile(locales_dir: Path, locale: str) -> Translations:
    """Compile the .po file in memory: no build step to forget, and no stale .mo files on disk."""
    with _po_path(locales_dir, locale).open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


def negotiate(language_hint: str | None, default: str) -> str:
    """Pick vi or en from a platform's language code ("en-US" → en); anything else gets the default."""
    if language_hint:
        primary = language_hint.split("-")[0].split("_")[0].lower()
        if primary in LOCALES:
            return primary
    return default


@dataclass(frozen=True)
class CatalogProblem:
    file: str
    key: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}: {self.key}: {self.problem}"


def keys_in_code(root: Path, code_dirs: Iterable[str] = CODE_DIRS) -> dict[str, str]:
    """Every catalog key the code asks for, with the first file that asks (via Babel's extractor)."""
    found: dict[str, str] = {}
    for folder in code_dirs:
        directory = root / folder
        if not directory.is_dir():
            continue
        for filename, _lineno, message, _comments, _context in extract_from_dir(
            str(directory),
            method_map=[("**.py", "python"), ("**.html", "bot.i18n:extract_template")],
            keywords={"_": None, "N_": None, "choice_of": (2,)},
        ):
            if isinstance(message, str):
                found.setdefault(message, f"{folder}/{filename}")
    return found


_TEMPLATE_KEY = re.compile(r"""\b_\(\s*["']([a-z0-9_.]+)["']""")


def extract_template(fileobj: IO[bytes], keywords: object, comment_tags: object,
                     options: object) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel extractor for the web view's templates (bot/templates): each `_("key"...)` they call."""
    for lineno, line in enumerate(fileobj.read().decode("utf-8").splitlines(), start=1):
        for match in _TEMPLATE_KEY.finditer(line):
            yield lineno, "_", match.group(1), []


def check_catalogs(root: Path, locales_dir: Path) -> list[CatalogProblem]:
    """Catalogs and code agree: each key the code uses is translated in every locale, none is unused,
    and the {placeholders} of a key are the same in every locale."""
    used = keys_in_code(root)
    problems: list[CatalogProblem] = []
    placeholders: dict[str, tuple[str, set[str]]] = {}
    for locale in LOCALES:
        path = _po_path(locales_dir, locale)
        shown = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
        try:
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=locale)
        except (OSError, ValueError) as exc:
            problems.append(CatalogProblem(shown, "-", f"cannot be read: {exc}"))
            continue
        present = {m.id: m.string for m in catalog if m.id and isinstance(m.id, str)}
        for key, where in sorted(used.items()):
            text = present.get(key)
            if not text:
                problems.append(CatalogProblem(shown, key, f"missing translation (used in {where})"))
                continue
            names = _placeholders(str(text))
            if key in placeholders and placeholders[key][1] != names:
                first_locale, first_names = placeholders[key]
                problems.append(
                    CatalogProblem(shown, key, f"placeholders {sorted(names)} differ from {first_locale}'s "
                                   f"{sorted(first_names)}")
                )
            placeholders.setdefault(key, (locale, names))
        for key in sorted(set(present) - set(used)):
            problems.append(CatalogProblem(shown, key, "not used by the code (remove it, or mark it with N_)"))
    return problems


def _placeholders(text: str) -> set[str]:
    import string

    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}
