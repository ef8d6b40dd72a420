"""The "/" command menu a channel's app can show (Telegram's), as data the core hands to channels.

Which commands exist, and which a staff role adds in its own chat, is decided with the rest of the
registry (handlers/__init__.py); a channel only shows what it is given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.i18n import Catalogs

# (command name, catalog key of its description), in the order shown.
Listed = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class CommandMenu:
    public: Mapping[str, Listed]  # by language
    by_role: Mapping[str, Mapping[str, Listed]] = field(default_factory=dict)  # role → language → extra

    @property
    def roles(self) -> frozenset[str]:
        """The roles with commands of their own: a chat's menu changes when its person takes or leaves one."""
        return frozenset(self.by_role)

    def public_in(self, catalogs: Catalogs) -> dict[str, tuple[tuple[str, str], ...]]:
        """Every language's public commands with their descriptions, worded."""
        return {locale: _worded(catalogs, locale, listed) for locale, listed in self.public.items()}

    def for_chat(self, catalogs: Catalogs, role: str | None, locale: str) -> tuple[tuple[str, str], ...] | None:
        """A staff member's chat: the public commands and their role's, worded in their language; None
        for anyone else (their chat shows the public list)."""
        extra = self.by_role.get(role or "")
        if extra is None:
            return None
        language = locale if locale in self.public else next(iter(self.public))
        return _worded(catalogs, language, (*self.public[language], *extra.get(language, ())))


def _worded(catalogs: Catalogs, locale: str, listed: Listed) -> tuple[tuple[str, str], ...]:
    translate = catalogs.translator(locale)
    return tuple((name, translate(key)) for name, key in listed)
