"""The main menu, /menu and /help. What each item opens is data in the registry (handlers/__init__.py)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from bot.dialogs import Feature, Handler, Step, Turn
from bot.i18n import N_, Translator
from bot.messages import Choice, Reply

ITEMS = (("m:faq", N_("menu.faq")), ("m:sites", N_("menu.sites")), ("m:book", N_("menu.book")),
         ("m:remind", N_("menu.remind")), ("m:talk", N_("menu.talk")), ("m:privacy", N_("menu.privacy")))


def main_menu(turn: Turn) -> Reply:
    return Reply(turn._("menu.title"), main_choices(turn))


def main_choices(turn: Turn) -> tuple[Choice, ...]:
    """The main menu's items, which the router also matches typed words against on every message."""
    return _choices_in(turn._)


@lru_cache(maxsize=8)
def _choices_in(translate: Translator) -> tuple[Choice, ...]:  # one per locale: translators are shared
    return tuple(Choice(key, translate(label)) for key, label in ITEMS)


def menu_unless_in_flow(turn: Turn) -> list[Reply]:
    """The menu, unless a flow is open (the router asks its question again instead) or the person is
    new (the router greets them instead)."""
    return [] if turn.session.flow or not turn.person.onboarded else [main_menu(turn)]


async def on_menu(turn: Turn) -> Step:
    """/menu: leave whatever was open and show the menu. During first contact the menu comes after its
    last question: the step stays, and is asked again, so a number typed next answers that question."""
    if not turn.person.onboarded and turn.session.flow is not None:
        return Step([Reply(turn._("menu.after_first_contact"))], "menu:first_contact")
    turn.close_flow()
    return Step([main_menu(turn)], "menu")


async def on_help(turn: Turn) -> Step:
    """/help: what the bot can do, and the commands."""
    return Step([Reply(turn._("menu.help")), *menu_unless_in_flow(turn)], "menu")


def on_choice(features: Mapping[str, Feature]) -> Handler:
    """A menu item, pressed or typed: the router opens it (asking for consent first where the feature
    keeps data). A key that is not an item of this menu (a button from another version, or a feature
    only consent opens) is a stale choice."""
    async def chosen(turn: Turn) -> Step:
        key = turn.choice or ""
        feature = features.get(key)
        if feature is None or not feature.on_menu:
            turn.close_flow()
            return Step([Reply(turn._("misc.stale_choice")), main_menu(turn)], "stale_choice")
        return Step([], "menu", then=key)

    return chosen


async def faq_prompt(turn: Turn, carried: dict[str, str]) -> Step:
    """The menu's "ask a question": say so; the next message is read as a question."""
    turn.close_flow()
    return Step([Reply(turn._("menu.faq_prompt"))], "menu")
