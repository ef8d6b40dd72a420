"""The registry the router consults. Which handler takes what is decided here, in one place: flows,
commands, choice keys, the menu and the "/" command menu channels show. The feature modules never import
each other's entry points through this module; what one opens of another goes through `Step.then`."""

from __future__ import annotations

from bot.commands import CommandMenu
from bot.dialogs import Feature, Handler, MaybeHandler, Step, Turn
from bot.i18n import N_
from bot.router import Registry
from bot.services.crisis import CrisisKind
from handlers import (
    booking,
    crisis,
    faq,
    groups,
    menu,
    misc,
    privacy,
    reminders,
    sites,
    staff,
    start,
    talk,
    understand,
    volunteers,
)


def first_answer(*handlers: MaybeHandler) -> MaybeHandler:
    """Free text tried by each handler in turn: "nhắc tôi 7h mỗi ngày" sets a reminder, anything else is
    a question for the FAQ."""
    async def answer(turn: Turn) -> Step | None:
        for handler in handlers:
            step = await handler(turn)
            if step is not None:
                return step
        return None

    return answer


def _plain(handler: Handler, closes_flow: bool = False) -> Feature:
    async def opens(turn: Turn, carried: dict[str, str]) -> Step:
        if closes_flow:
            turn.close_flow()
        return await handler(turn)

    return Feature(opens)


def _keeping_data(feature: Feature, on_menu: bool = True) -> Feature:
    """Keeps something about the person (a booking, a reminder, a chat): consent is asked first."""
    return Feature(feature.opens, needs_consent=True, on_menu=on_menu)


# The menu as data: each key and what opens it. Answering questions and finding a site keep nothing, so
# they never ask for consent; the last three are reached only through the consent question of their
# command or button, never pressed as menu items.
MENU = {
    "m:faq": Feature(menu.faq_prompt),
    "m:sites": _plain(sites.start),
    "m:privacy": _plain(privacy.on_privacy),
    "m:menu": _plain(menu.on_menu),
    "m:book": _keeping_data(Feature(booking.open_from_menu)),
    "m:remind": _keeping_data(Feature(reminders.open_from_menu)),
    "m:talk": _keeping_data(_plain(talk.start, closes_flow=True)),
    "m:link": _keeping_data(Feature(volunteers.open_after_consent), on_menu=False),
    "m:groups": _keeping_data(_plain(groups.on_groups, closes_flow=True), on_menu=False),
    "m:reports": _keeping_data(_plain(staff.toggle_reports, closes_flow=True), on_menu=False),
}

# The "/" menu of a channel that shows one (Telegram): command names per language (a-z, 0-9 and _), each
# with its catalog description; a staff role's own commands are added in that person's chat only.
COMMAND_MENU = CommandMenu(
    public={
        "vi": (("start", N_("cmd.start")), ("menu", N_("cmd.menu")), ("trogiup", N_("cmd.help")),
               ("riengtu", N_("cmd.privacy")), ("xoa", N_("cmd.delete")), ("ngonngu", N_("cmd.language"))),
        "en": (("start", N_("cmd.start")), ("menu", N_("cmd.menu")), ("help", N_("cmd.help")),
               ("privacy", N_("cmd.privacy")), ("delete", N_("cmd.delete")), ("language", N_("cmd.language"))),
    },
    by_role={
        "counselor": {
            "vi": (("truc", N_("cmd.duty")), ("lichhen", N_("cmd.agenda")), ("gio", N_("cmd.hours")),
                   ("nghi", N_("cmd.day_off")), ("nhom", N_("cmd.groups")), ("baocao", N_("cmd.reports")),
                   ("web", N_("cmd.web")), ("ketthuc", N_("cmd.end_chat"))),
            "en": (("duty", N_("cmd.duty")), ("agenda", N_("cmd.agenda")), ("hours", N_("cmd.hours")),
                   ("dayoff", N_("cmd.day_off")), ("groups", N_("cmd.groups")), ("reports", N_("cmd.reports")),
                   ("web", N_("cmd.web")), ("end", N_("cmd.end_chat"))),
        },
        "volunteer": {"vi": (("lienket", N_("cmd.link")),), "en": (("link", N_("cmd.link")),)},
    },
)


def build_registry() -> Registry:
    onboarding = start.Onboarding()
    return Registry(
        crisis={kind: crisis.reply_for(kind) for kind in CrisisKind},
        danger_question=crisis.about,
        bare_cry=crisis.bare_cry,
        after_crisis=crisis.after,
        flows={f.name: f for f in (onboarding, privacy.Erase(), privacy.Consent(), sites.Finder(),
                                   reminders.RemindersFlow(), volunteers.LinkFlow(), volunteers.NoteFlow(),
                                   groups.NewGroup(), groups.Reschedule(), booking.BookFlow(),
                                   booking.DeclineFlow(), talk.TalkFlow(), talk.RelayFlow())},
        commands={
            "start": start.on_start,
            "menu": menu.on_menu,
            "help": menu.on_help,
            "trogiup": menu.on_help,
            "privacy": privacy.on_privacy,
            "riengtu": privacy.on_privacy,
            "xoa": privacy.on_erase,
            "delete": privacy.on_erase,
            "language": start.on_language,
            "ngonngu": start.on_language,
            "baocao": staff.on_reports,
            "reports": staff.on_reports,
            "truc": staff.on_duty,
            "ketthuc": talk.end,
            "end": talk.end,
            "lichhen": booking.on_agenda,
            "agenda": booking.on_agenda,
            "gio": booking.on_hours,
            "hours": booking.on_hours,
            "nghi": booking.on_day_off,
            "dayoff": booking.on_day_off,
            "nhom": groups.on_groups,
            "groups": groups.on_groups,
            "lienket": volunteers.on_link,
            "link": volunteers.on_link,
            "duty": staff.on_duty,
            "web": staff.on_web,
        },
        choices={
            "m": menu.on_choice(MENU),
            "lang": start.on_language_choice,
            "erase": privacy.on_erase,  # erase:ask, from the /privacy reply
            "consent": privacy.on_consent_choice,
            "faq": faq.on_faq_choice,
            "dose": reminders.on_answer,
            "ci": volunteers.on_checkin,
            "link": volunteers.on_link_choice,
            "grp": groups.on_group_choice,
            "apt": booking.on_appointment_choice,
            "chat": talk.on_chat_choice,
            "rep": staff.on_report_choice,
        },
        # Keys that stay valid outside the choices last offered: the menu, the language, and the
        # answers to reminders and check-ins (sent by the outbox, not in reply to a message).
        global_choice_prefixes=frozenset({"m", "lang", "dose", "ci", "grp", "apt", "chat", "rep"}),
        question=first_answer(talk.on_text, understand.on_smalltalk, reminders.on_text, understand.on_intent,
                              understand.on_place, faq.on_question, faq.on_close_questions),
        unknown_command=misc.unknown_command,
        stale_choice=misc.stale_choice,
        double_tap=misc.double_tap,
        leave_step=misc.leave_step,
        pick_one=misc.pick_one,
        location=sites.on_location,
        unsupported=misc.unsupported,
        no_words=misc.no_words,
        fallback=understand.on_unknown,
        first_contact=start.greet,
        first_contact_greeting=start.greeting,
        first_contact_flow=start.FLOW,
        relay_flow=talk.RELAY_FLOW,
        always_offered=menu.main_choices,
        menu=MENU,
        ask_consent=privacy.ask_consent_for,
        command_menu=COMMAND_MENU,
    )
