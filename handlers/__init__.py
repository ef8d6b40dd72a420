"""The registry the router consults. Which handler takes what is decided here, in one place."""

from __future__ import annotations

from bot.dialogs import MaybeHandler, Step, Turn
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


def build_registry() -> Registry:
    onboarding = start.Onboarding()
    return Registry(
        crisis={kind: crisis.reply_for(kind) for kind in CrisisKind},
        danger_question=crisis.about,
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
            "m": menu.on_choice,
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
        location=sites.on_location,
        unsupported=misc.unsupported,
        no_words=misc.no_words,
        fallback=understand.on_unknown,
        first_contact=start.greet,
        first_contact_flow=start.FLOW,
        relay_flow=talk.RELAY_FLOW,
        always_offered=menu.main_choices,
    )
