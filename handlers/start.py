"""First contact: who the bot is and is not, language, who is writing, privacy and consent, then the menu.

Every step can be answered by button or by typing ("1", "tieng viet", "nguoi nha"), because Zalo has
no buttons. A question asked before or during these steps is answered first; the step is asked again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from bot.dialogs import Step, Turn
from bot.i18n import N_
from bot.keys import ChoiceKey
from bot.language import language_of
from bot.messages import Choice, Reply
from bot.normalize import words
from bot.router import AFTER_FIRST_CONTACT
from bot.services.intents import QUESTION_WORDS
from bot.services.people import give_consent, redeem_invite
from bot.store.records import Invite
from handlers.menu import main_menu

FLOW = "onboarding"
@dataclass(frozen=True)
class LanguageKey(ChoiceKey):
    """lang:<locale>."""

    prefix: ClassVar[str] = "lang"
    locale: str


LANGUAGES = ((LanguageKey("vi").pack(), "Tiếng Việt"), (LanguageKey("en").pack(), "English"))
STAFF_WELCOME = {"counselor": N_("start.staff_counselor"), "volunteer": N_("start.staff_volunteer")}


def language_choices() -> tuple[Choice, ...]:
    # Each language is named in itself, so a person can find theirs whatever is on screen now.
    return tuple(Choice(key, label) for key, label in LANGUAGES)


async def greet(turn: Turn) -> Step:
    """Open first contact: the greeting and the first question."""
    turn.open_flow(FLOW, "lang")
    return Step([greeting(turn), _ask_language(turn)], "start")


def greeting(turn: Turn) -> Reply:
    """Who the bot is and is not: the first thing a new person reads, whatever their first message asked."""
    return Reply(turn._("start.greeting"))


async def on_start(turn: Turn) -> Step:
    """/start, with an optional deep-link payload (an invite code from `t.me/<bot>?start=CODE`)."""
    payload = turn.args.strip()
    if turn.person.onboarded:
        if payload and turn.person.role in ("person", "family"):
            return await _redeem(turn, payload, then_menu=True)
        turn.close_flow()
        return Step([Reply(turn._("start.welcome_back")), main_menu(turn)], "start")
    turn.open_flow(FLOW, "lang", {"payload": payload} if payload else None)
    return Step([greeting(turn), _ask_language(turn)], "start")


def _ask_language(turn: Turn) -> Reply:
    return Reply(turn._("start.ask_language"), language_choices())


def _ask_who(turn: Turn) -> Reply:
    return Reply(turn._("start.ask_who"), (
        turn.choice_of("who:self", "start.who_self"),
        turn.choice_of("who:family", "start.who_family"),
        turn.choice_of("who:staff", "start.who_staff"),
    ))


# After the who question has been asked again this many times beside answers, it is asked more softly: the person is
# asking questions, which need no answer to it, and the same demand after every answer reads as nagging.
WHO_ASKED_PLAINLY = 1


def _ask_who_again(turn: Turn) -> Reply:
    """The who question again after a message the step did not take, softly once it has been asked beside answers
    before: the choices stay, so a tap or "1" still answers it whenever the person likes."""
    asked = int(turn.session.data.get("who_asked", 0)) + 1
    turn.session.data["who_asked"] = asked
    if asked <= WHO_ASKED_PLAINLY:
        return _ask_who(turn)
    return Reply(turn._("start.ask_who_later"), _ask_who(turn).choices)


def _ask_code(turn: Turn) -> Reply:
    return Reply(turn._("start.ask_code"), (turn.choice_of("who:skip", "start.code_skip"),))


def _ask_consent(turn: Turn) -> Reply:
    return Reply(turn._("start.consent_notice"), (
        turn.choice_of("consent:yes", "start.consent_yes"),
        turn.choice_of("consent:no", "start.consent_no"),
    ))


# Who the person is asking for, typed in their own words ("for my brother", "cho con trai tôi", "bản thân
# em"): folded words, each set all present. A short answer only: a longer message is a question or a story,
# answered first, and the step is asked again.
_FOR_MYSELF = ({"myself"}, {"for", "me"}, {"ban", "than"}, {"chinh", "toi"}, {"chinh", "em"}, {"chinh", "minh"},
               {"cho", "toi"}, {"cho", "em"}, {"cho", "minh"}, {"me"}, {"toi"}, {"em"}, {"minh"}, {"tui"}, {"self"})
_FOR_SOMEONE = frozenset("""
    brother sister son daughter husband wife mother mom mum father dad friend partner boyfriend girlfriend family
    relative cousin uncle aunt nephew niece child kid kids grandson granddaughter
    chong vo con ba bo me anh chi em trai gai ban nha gia dinh chau co chu bac cau di
""".split())
_FOR_SOMEONE_LEADS = ({"my"}, {"for"}, {"about"}, {"cho"}, {"ho"}, {"giup"}, {"dum"}, {"tui"}, {"toi"}, {"minh"},
                      {"em"}, {"cua"})
ASKING_FOR_MAX_WORDS = 6
_COURTESY_WORDS = frozenset("a ah da vang nha nhe la".split())


def _asking_for(text: str) -> str | None:
    said = words(text)
    # "tôi muốn hỏi methadone là gì" names the writer but asks a question: answered first, like a longer one.
    if not said or len(said) > ASKING_FOR_MAX_WORDS or "?" in text or QUESTION_WORDS.intersection(said):
        return None
    present = set(said)
    if any(s <= present for s in ({"nguoi", "nha"}, {"nguoi", "than"}, {"gia", "dinh"}, {"family"}, {"relative"})):
        return "who:family"
    # "me" is the writer unless typed "mẹ" (mother) or in a Vietnamese message ("me em").
    mother = "mẹ" in text.lower() or language_of(text) == "vi"
    relation = [w for w in said if w in _FOR_SOMEONE and w not in ("em", "anh", "chi", "ban")
                and (w != "me" or mother)]
    # A relation named, or said with nothing but family words and courtesies ("anh trai", "vợ ạ").
    if relation and (any(s <= present for s in _FOR_SOMEONE_LEADS) or present <= _FOR_SOMEONE | _COURTESY_WORDS):
        return "who:family"
    if any(s <= present for s in _FOR_MYSELF) and not relation:
        return "who:self"
    return None


class Onboarding:
    name = FLOW

    async def step(self, turn: Turn) -> Step | None:
        current = turn.session.step
        choice = turn.choice or ""
        language = LanguageKey.unpack(choice)
        if current == "lang" and language is not None:
            turn.set_locale(language.locale)
            payload = turn.session.data.get("payload")
            if payload:
                turn.goto("code")
                return await self._code(turn, payload)
            turn.goto("who")
            return Step([_ask_who(turn)], "start")
        if current == "who" and turn.choice is None and turn.incoming.choice is None:
            choice = _asking_for(turn.text) or ""
        if current == "who" and choice in ("who:self", "who:family"):
            turn.person.role = "person" if choice == "who:self" else "family"
            await turn.uow.tally.add(None, f"contact.{choice.removeprefix('who:')}", turn.now)
            if turn.person.consented:  # agreed already, to a feature asked for during first contact
                return _finish(turn, consented=True)
            turn.goto("consent")
            return Step([_ask_consent(turn)], "start")
        if current == "who" and choice == "who:staff":
            turn.goto("code")
            return Step([_ask_code(turn)], "start")
        if current == "code":
            if choice == "who:skip":
                turn.goto("who")
                return Step([_ask_who(turn)], "start")
            if turn.choice is None and turn.text.strip():
                return await self._code(turn, turn.text)
        if current == "consent" and choice in ("consent:yes", "consent:no"):
            return _finish(turn, consented=choice == "consent:yes")
        if current == "consent":
            # The question asks "do you agree?": "có", "ok", "không", "no thanks" answer it as well as a button.
            typed = turn.typed_yes_or_no()
            if typed is not None:
                return _finish(turn, consented=typed)
        return None

    async def _code(self, turn: Turn, code: str) -> Step:
        waiting = await turn.code_wait()
        if waiting is not None:
            return Step([waiting, _ask_code(turn)], "start:code_wait")
        invite = await redeem_invite(turn.uow, turn.person, code, turn.now)
        if invite is None:
            await turn.code_failed()
            return Step([Reply(turn._("start.code_invalid")), _ask_code(turn)], "start")
        # Staff are not asked the consent meant for people seeking help: the welcome says what is kept
        # about them for the role, and how to erase it.
        give_consent(turn.person, turn.now)
        turn.person.onboarded = True
        turn.close_flow()
        return Step([_staff_welcome(turn, invite)], "start:staff")

    def prompt(self, turn: Turn) -> Reply:
        """The step's question again, after a message the step did not take. At the language step, a
        message written in one language, when the question had already been asked, answers it: the
        person uses that language, and asking a third time would only be in their way."""
        typed = turn.incoming.text
        if turn.session.step == "lang" and typed and turn.incoming.choice is None and turn.command is None:
            language = language_of(typed, turn.services.sites.place_named_in(typed))
            if language is not None:
                turn.set_locale(language)
                taken = turn._("start.language_taken")
                payload = turn.session.data.get("payload")
                turn.goto("code" if payload else "who")
                following = _ask_code(turn) if payload else _ask_who(turn)
                return Reply(f"{taken}\n\n{following.text}", following.choices)
        return {"lang": _ask_language, "who": _ask_who_again, "code": _ask_code, "consent": _ask_consent}.get(
            turn.session.step or "lang", _ask_language
        )(turn)


async def _redeem(turn: Turn, code: str, then_menu: bool) -> Step:
    waiting = await turn.code_wait()
    invite = await redeem_invite(turn.uow, turn.person, code, turn.now) if waiting is None else None
    if invite is not None:
        return Step([_staff_welcome(turn, invite)], "start:staff")
    if waiting is None:
        await turn.code_failed()
    replies = [waiting or Reply(turn._("start.code_invalid"))]
    if then_menu:
        replies.append(main_menu(turn))
    return Step(replies, "start")


def _staff_welcome(turn: Turn, invite: Invite) -> Reply:
    """Which point, what to do first, and the commands: a new counselor who has not set their hours
    cannot be booked, so that comes first."""
    point = next((s.short_name for s in turn.services.sites.all() if s.id == invite.point_id), invite.point_id or "")
    text = turn._(STAFF_WELCOME[invite.role], point=point)
    if invite.role == "counselor" and turn.services.web is not None and turn.services.web_url is not None:
        text += "\n" + turn._("start.staff_web")  # only where the staff pages are served
    return Reply(text)


def _finish(turn: Turn, consented: bool) -> Step:
    if consented:
        give_consent(turn.person, turn.now)
    turn.person.onboarded = True
    kept = [Reply.from_json(r) for r in turn.session.data.get(AFTER_FIRST_CONTACT, [])]
    turn.close_flow()
    thanks = turn._("start.consent_thanks") if consented else turn._("start.consent_declined")
    if kept:
        # Back to the first message, which needed a choice: its list, not the menu, is the one now.
        return Step([Reply(thanks), Reply(turn._("start.back_to_first")), *kept], "start")
    return Step([Reply(thanks), main_menu(turn)], "start")


async def on_language(turn: Turn) -> Step:
    """/language, /ngonngu: choose the language again."""
    return Step([_ask_language(turn)], "start")


async def on_language_choice(turn: Turn) -> Step:
    """A language chosen outside first contact (from /language, or an old message's button)."""
    language = LanguageKey.unpack(turn.choice)
    turn.set_locale(language.locale if language is not None else "vi")
    replies = [Reply(turn._("start.language_set"))]
    if turn.person.onboarded and not turn.session.flow:
        replies.append(main_menu(turn))
    return Step(replies, "start")
