"""The main menu, /menu and /help, and what each menu item leads to."""

from __future__ import annotations

from functools import lru_cache

from bot.dialogs import Step, Turn
from bot.i18n import N_, Translator
from bot.messages import Choice, Reply
from handlers import sites

# Items that keep something about the person (a booking, a reminder, a chat) need consent first;
# answering questions and finding a site keep nothing, so they never ask for it.
NEEDS_CONSENT = frozenset({"m:book", "m:remind", "m:talk"})


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


async def on_choice(turn: Turn) -> Step:
    """A menu item, pressed or typed."""
    from handlers import privacy

    key = turn.choice or ""
    if key == "m:privacy":
        return await privacy.on_privacy(turn)
    if key == "m:menu":
        return await on_menu(turn)
    if key == "m:sites":
        return await sites.start(turn)
    if key == "m:faq":
        turn.close_flow()
        return Step([Reply(turn._("menu.faq_prompt"))], "menu")
    if key not in NEEDS_CONSENT:
        # Not a menu item (a button from another version, or a key only the consent step may open).
        turn.close_flow()
        return Step([Reply(turn._("misc.stale_choice")), main_menu(turn)], "stale_choice")
    if not turn.person.consented:
        return privacy.ask_consent_for(turn, key)
    return await open_feature(turn, key)


async def open_feature(turn: Turn, key: str, carried: dict[str, str] | None = None) -> Step:
    """A feature that keeps data, once the person has consented, continued with what the person had
    already said before consent was asked (`carried`)."""
    if key == "m:remind":
        from handlers import reminders

        at = (carried or {}).get("at", "")
        if at[:2].isdigit() and at[3:5].isdigit():
            turn.close_flow()
            return await reminders.set_time(turn, int(at[:2]), int(at[3:5]))
        return await reminders.start(turn)
    if key == "m:talk":
        from handlers import talk

        turn.close_flow()
        return await talk.start(turn)
    if key == "m:book":
        from handlers import booking

        turn.close_flow()
        return await booking.start(turn)
    if key == "m:link":
        from handlers import volunteers

        turn.close_flow()
        return await volunteers.open_link(turn, (carried or {}).get("code", ""))
    if key == "m:groups":
        from handlers import groups

        turn.close_flow()
        return await groups.on_groups(turn)
    if key == "m:reports":
        from handlers import staff

        turn.close_flow()
        return await staff.toggle_reports(turn)
    turn.close_flow()  # a consent step's "then" this version no longer knows
    return Step([Reply(turn._("misc.stale_choice")), main_menu(turn)], "stale_choice")
