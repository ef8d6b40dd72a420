"""Rendering shared by channels: splitting long text at a platform's limit, and choices as a numbered
list for channels without buttons (the core matches a typed "2" or the label's words)."""

from __future__ import annotations

from bot.messages import Reply


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters, cut at a paragraph, then a line, then a space if possible."""
    if limit < 1:
        raise ValueError("limit must be positive")
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit + 1]
        cut = -1
        for separator in ("\n\n", "\n", " "):
            cut = window.rfind(separator)
            if cut > limit // 4:
                break
        if cut <= 0:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces or [""]


def numbered_choices(reply: Reply) -> str:
    """The reply's text with its choices as "1. …" lines."""
    lines = [reply.text]
    if reply.choices:
        lines.append("")
        lines.extend(f"{number}. {choice.label}" for number, choice in enumerate(reply.choices, start=1))
    return "\n".join(lines)
