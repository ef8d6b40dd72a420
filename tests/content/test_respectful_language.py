"""The bot's own words never use the stigmatising terms the domain brief (§6.1) lists: not in any FAQ
answer, not in any catalog string. People may type them (the lexicon is input vocabulary); the bot
does not say them back."""

from __future__ import annotations

import re

from babel.messages.pofile import read_po

from bot.config import PROJECT_ROOT
from bot.content import load_content
from bot.normalize import fold

# Folded, matched as whole words: "doi tuong" would also catch "đối tượng" with any diacritics.
AVOID = ("con nghien", "nghien ngap", "xi ke", "ngao da", "doi tuong", "junkie", "addict", "addicts", "drug abuser")


def _bot_texts() -> list[tuple[str, str]]:
    texts = []
    for entry in load_content(PROJECT_ROOT / "content").faq:
        texts += [(f"faq {entry.id} (vi)", entry.answer.vi), (f"faq {entry.id} (en)", entry.answer.en)]
    for locale in ("vi", "en"):
        path = PROJECT_ROOT / "content" / "locales" / locale / "LC_MESSAGES" / "messages.po"
        with path.open("rb") as handle:
            for message in read_po(handle):
                if message.id and isinstance(message.string, str):
                    texts.append((f"{locale} {message.id}", message.string))
    return texts


def test_no_stigmatising_word_in_what_the_bot_says() -> None:
    found = []
    for where, text in _bot_texts():
        folded = fold(text)
        for term in AVOID:
            if re.search(rf"\b{re.escape(term)}\b", folded):
                found.append(f"{where}: {term!r}")
    assert found == []


def test_the_check_would_catch_one() -> None:
    assert re.search(r"\bcon nghien\b", fold("Hỗ trợ con nghiện"))
