"""Kind answers for everything the other handlers do not take: unknown commands, old buttons, stickers,
emoji, and text nobody understood."""

from __future__ import annotations

from bot.dialogs import Step, Turn
from bot.i18n import N_
from bot.messages import Reply
from handlers.menu import main_menu, menu_unless_in_flow


async def unknown_command(turn: Turn) -> Step:
    return Step([Reply(turn._("misc.unknown_command", command=turn.command or "")),
                 *menu_unless_in_flow(turn)], "unknown_command")


async def stale_choice(turn: Turn) -> Step:
    return Step([Reply(turn._("misc.stale_choice")), *menu_unless_in_flow(turn)], "stale_choice")


async def double_tap(turn: Turn) -> Step:
    """The same button (not a menu item) pressed twice within seconds: the first press was handled and
    its answer is on screen; the second is not acted on, and saying more would only repeat it."""
    return Step([], "double_tap")


async def leave_step(turn: Turn) -> Step:
    """"thôi", "hủy", "never mind" inside a feature's steps: the feature stops where it was, nothing half-done is
    kept, and the menu comes back, so the person is never left guessing whether the step still waits."""
    turn.close_flow()
    return Step([Reply(turn._("misc.step_left")), main_menu(turn)], "step_left")


async def pick_one(turn: Turn) -> Step:
    """A yes or a no to choices that ask neither (an appointment's change, cancel, a new booking): which one is
    meant, asked, with the same choices offered again, so a person on Zalo, without buttons, sees how to answer."""
    return Step([Reply(turn._("misc.pick_one"), turn.session.offered)], "pick_one")


async def unsupported(turn: Turn) -> Step:
    # Zalo passes on nothing from some accounts (children's, among others): say why, kindly.
    if turn.incoming.unsupported == "protected":
        text = turn._("misc.unsupported_protected")
    else:
        text = turn._("misc.unsupported")
    return Step([Reply(text), *menu_unless_in_flow(turn)], "unsupported")


# Faces and hearts of crying and sorrow: a message of them alone is someone upset, not a smile to return.
_SAD = frozenset("😭😢😥😿💔😞😔🥺😩😫😪😓☹🙁")


async def no_words(turn: Turn) -> Step:
    text = N_("misc.no_words_sad") if _SAD.intersection(turn.text) else N_("misc.no_words")
    return Step([Reply(turn._(text)), *menu_unless_in_flow(turn)], "no_words")


async def fallback(turn: Turn) -> Step:
    return Step([Reply(turn._("misc.fallback")), *menu_unless_in_flow(turn)], "fallback")
