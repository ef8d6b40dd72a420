"""/privacy, consent, and /xoa (/delete): erase everything about the person after one confirmation."""

from __future__ import annotations

from bot.dialogs import Step, Turn
from bot.i18n import N_
from bot.messages import Reply
from bot.services.booking import tell_counselors_before_erasure
from bot.services.people import erase, give_consent, withdraw_consent
from handlers.menu import main_menu, menu_unless_in_flow

ERASE_FLOW = "erase"
CONSENT_FLOW = "consent"


async def on_privacy(turn: Turn) -> Step:
    """/privacy: what is stored, why, for how long, who sees it."""
    services = turn.services
    text = turn._(
        "privacy.full", alias=turn.person.alias, session_minutes=services.session_timeout_minutes,
        inbox_days=services.inbox_retention_days, person_days=services.person_retention_days,
    )
    choices = [turn.choice_of("erase:ask", "privacy.erase_button")]
    if turn.person.consented:
        choices.append(turn.choice_of("consent:withdraw", "privacy.withdraw_button"))
    choices.append(turn.choice_of("m:menu", "menu.back"))
    return Step([Reply(text, tuple(choices))], "privacy")


async def on_erase(turn: Turn) -> Step:
    """/xoa, /delete, or the erase button: ask once before deleting."""
    turn.open_flow(ERASE_FLOW, "confirm")
    return Step([_confirm(turn)], "privacy")


def _confirm(turn: Turn) -> Reply:
    return Reply(turn._("privacy.erase_confirm"), (
        turn.choice_of("erase:yes", "privacy.erase_yes"),
        turn.choice_of("erase:no", "privacy.erase_no"),
    ))


class Erase:
    name = ERASE_FLOW

    async def step(self, turn: Turn) -> Step | None:
        # The question is a yes-or-no one: "không", "thôi không xóa đâu", "có" answer it as well as a button.
        typed = turn.typed_yes_or_no()
        if turn.choice == "erase:yes" or typed is True:
            assert turn.person.id is not None
            await tell_counselors_before_erasure(turn.uow, turn.services.catalogs, turn.person.id, turn.now)
            await erase(turn.uow, turn.person)
            turn.erased = True
            return Step([Reply(turn._("privacy.erased"))], "privacy:erased")
        if turn.choice == "erase:no" or typed is False:
            turn.close_flow()
            return Step([Reply(turn._("privacy.erase_kept")), *menu_unless_in_flow(turn)], "privacy")
        return None

    def prompt(self, turn: Turn) -> Reply:
        return _confirm(turn)


# The feature a consent question is for, named at its top, so the person knows what they agree to.
FEATURE_NAMES = {"m:book": N_("menu.book"), "m:remind": N_("menu.remind"), "m:talk": N_("menu.talk"),
                 "m:groups": N_("groups.feature"), "m:reports": N_("deadlines.feature")}


def ask_consent_for(turn: Turn, feature: str, carried: dict[str, str] | None = None) -> Step:
    """Ask for consent before a feature that keeps data, then continue to it with what the person had
    already said (`carried`, such as the time of "nhắc tôi 8h tối mỗi ngày")."""
    turn.open_flow(CONSENT_FLOW, "ask", {"then": feature, **(carried or {})})
    return Step([_ask(turn)], "privacy:consent")


def _ask(turn: Turn) -> Reply:
    name = FEATURE_NAMES.get(str(turn.session.data.get("then", "")))
    text = turn._("privacy.consent_ask")
    if name is not None:
        text = f"{turn._(name)}\n{text}"
    return Reply(text, (
        turn.choice_of("consent:yes", "start.consent_yes"),
        turn.choice_of("consent:no", "privacy.consent_not_now"),
    ))


class Consent:
    name = CONSENT_FLOW

    async def step(self, turn: Turn) -> Step | None:
        # "Bạn đồng ý chứ?" is a yes-or-no question: "có", "ok", "không" answer it as well as a button.
        typed = turn.typed_yes_or_no()
        if turn.choice == "consent:yes" or typed is True:
            give_consent(turn.person, turn.now)
            carried = {k: str(v) for k, v in turn.session.data.items() if k != "then" and not k.startswith("_")}
            feature = str(turn.session.data.get("then", "m:menu"))
            return Step([Reply(turn._("start.consent_thanks"))], "privacy:consent", then=feature, carried=carried)
        if turn.choice == "consent:no" or typed is False:
            turn.close_flow()
            return Step([Reply(turn._("privacy.consent_not_given")), main_menu(turn)], "privacy:consent")
        return None

    def prompt(self, turn: Turn) -> Reply:
        return _ask(turn)


async def on_consent_choice(turn: Turn) -> Step:
    """consent:withdraw from the /privacy reply (consent:yes/no belong to the open flows)."""
    if turn.choice == "consent:withdraw":
        await withdraw_consent(turn.uow, turn.person)
        return Step([Reply(turn._("privacy.withdrawn")), *menu_unless_in_flow(turn)], "privacy")
    return Step([Reply(turn._("misc.stale_choice")), *menu_unless_in_flow(turn)], "stale_choice")

