"""The order in which a message is understood. The order is code, and tests pin it:

1. a crisis happening now, whatever else is open (design principle 2), and inside a step a bare cry for
   help ("cứu với"), asked plainly whether anyone is in danger; a question about a danger is answered,
   with one line saying what to do if it is happening now;
2. the open flow's next step;
3. a command or a choice (a pressed button, or a typed number or words matching an offered choice);
4. free text: an open chat, small talk, a feature asked for in words, a question, a place;
5. a kind reply for the rest: a bare cry asked about, outside what the bot covers, a story, or not
   understood.

Each message is answered in the language it is written in when that is clear (bot/language.py),
whatever the person's setting, which changes only when they ask.

Then two things are added: the open flow's question again if something else answered in its place, and
the first-contact greeting for a person who has not had it, after whatever answered first (unless
another flow, such as /xoa's confirmation, is waiting for an answer).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import lru_cache
from typing import Any

from bot.commands import CommandMenu
from bot.dialogs import Feature, Flow, Handler, MaybeHandler, Step, Turn
from bot.input_method import marks_typed_as_keys
from bot.keys import prefix_of
from bot.language import language_of
from bot.messages import Choice, Reply
from bot.normalize import fold, has_letters_or_digits, words
from bot.services.crisis import CrisisKind, Tier

DOUBLE_TAP_WINDOW = timedelta(seconds=10)
_KINDS = frozenset(kind.value for kind in CrisisKind)
# A message of a place and at most this many other words ("tôi đang ở", "i'm in") says where the person is.
PLACE_ONLY_WORDS = 3
# At most this many words may be a step's own answer ("chồng em", "cho mẹ tôi") rather than a message of their own.
STEP_ANSWER_WORDS = 3
# The signals of a reading only the statistical reader made, with no concept of the rules' in it.
MODEL_ONLY = frozenset({"model", "only_asked", "asked_in_general"})
# Features asked for in words a question about a danger does not use ("nhắc tôi", "book", "xóa"): asked for, they win
# over a question about a danger that only the statistical reader heard. Talking to someone, privacy and the sites
# are asked about in the words of such questions too ("how do I talk to someone who is depressed").
FEATURES_OVER_THE_MODEL = frozenset({"reminder_set", "reminder_pause", "reminder_stop", "book", "appointments",
                                     "erase", "language_en", "language_vi"})
AFTER_FIRST_CONTACT = "after_first_contact"  # the session data key of replies kept for after first contact
# The session data key, in a feature's flow opened during first contact, of where first contact had got to.
# Keys that start with "_" belong to the router: a flow never reads them as its own.
FIRST_CONTACT_PAUSED = "_first_contact"
GREETING_IS_ENOUGH = frozenset({"fallback", "no_words", "smalltalk", "understand:off_topic"})
SAYS_NOTHING_NEW = frozenset({"fallback", "no_words", "greeting", "ack"})  # handlers, and small-talk kinds
# The session data key of the crisis reply or plain question of safety just sent ({"tier", "kind"}): kept for the
# next message only, which may be a bare answer to it ("có", "không", "ok").
CRISIS_SENT = "_crisis_sent"
_CRISIS_TIERS = {"crisis": "now", "crisis:check": "check"}


@dataclass(frozen=True)
class Registry:
    """What handlers/ offers the router: built in handlers/__init__.py."""

    crisis: Mapping[CrisisKind, Handler]
    danger_question: Handler
    bare_cry: Handler  # "cứu với", "sos": a cry that says nothing of what is happening
    # A bare answer ("có", "không", "ok") right after a crisis reply or the plain question whether anyone is in
    # danger, given the kind and tier of what was sent; None for anything more.
    after_crisis: Callable[[Turn, Mapping[str, Any]], Awaitable[Step | None]]
    flows: Mapping[str, Flow]
    commands: Mapping[str, Handler]
    choices: Mapping[str, Handler]  # by key prefix, the part before ":"
    global_choice_prefixes: frozenset[str]
    question: MaybeHandler
    unknown_command: Handler
    stale_choice: Handler
    double_tap: Handler
    leave_step: Handler  # "thôi", "hủy", "never mind" inside a feature's steps: the feature stops there
    pick_one: Handler  # "có", "không" to a list that asks no yes-or-no: which one, asked with the same choices
    location: Handler
    unsupported: Handler
    no_words: Handler
    fallback: Handler
    first_contact: Handler
    first_contact_greeting: Callable[[Turn], Reply]  # who the bot is and is not, without the first question
    first_contact_flow: str
    relay_flow: str  # a counselor's side of a chat: what they type is for the person, not read for crisis
    always_offered: Callable[[Turn], tuple[Choice, ...]]
    # The menu as data: each item's key and what opens it; and how consent is asked before one that keeps
    # data (the consent flow's "yes" names the feature again, and the router opens it).
    menu: Mapping[str, Feature]
    ask_consent: Callable[[Turn, str, dict[str, str]], Step]
    command_menu: CommandMenu


# A bare yes or no, folded: to a list of choices that asks neither, which one is meant is asked ("có" to "Đổi lịch …",
# "Hủy lịch …", "Đặt lịch mới"). "ok", thanks and "help" are not among them: they are small talk, or a cry.
BARE_YES_OR_NO = frozenset({"co", "khong", "yes", "no", "vang", "da", "u", "dung", "co a", "khong a", "da co",
                            "da khong", "vang a", "yes please", "no thanks", "nope", "yep", "yeah", "uh", "co chu"})


def one_list(replies: list[Reply]) -> list[Reply]:
    """At most one list of choices per turn, the last: on Zalo each list is numbered from 1, so two lists
    in one turn would make a typed "1" ambiguous; and only the last list is remembered as offered."""
    last = max((i for i, r in enumerate(replies) if r.choices), default=None)
    return [r if i == last or not r.choices else replace(r, choices=()) for i, r in enumerate(replies)]


def parse_command(text: str) -> tuple[str, str] | None:
    """"/start abc" → ("start", "abc"); "/Menu@diemtuvan_bot" → ("menu", ""); other text → None."""
    stripped = text.strip()
    if not stripped.startswith("/") or len(stripped) < 2:
        return None
    head, _, rest = stripped[1:].partition(" ")
    name = head.split("@", 1)[0].lower()
    if not name or not name.replace("_", "").isalnum():
        return None
    return name, rest.strip()


def match_choice(text: str, offered: tuple[Choice, ...], by_number: bool = True) -> str | None:
    """The key of the offered choice a typed answer means: its number ("2", "2.", "số 2") or its words
    ("tieng viet" for "🇻🇳 Tiếng Việt"); None if it means none or more than one."""
    if not offered:
        return None
    typed = words(text, expand_teencode=False)
    if not typed:
        return None
    numbers = [w for w in typed if w.isdigit()]
    is_number = len(typed) <= 2 and len(numbers) == 1 and (len(typed) == 1 or typed[0] in ("so", "chon", "option"))
    if by_number and is_number:
        index = int(numbers[0]) - 1
        return offered[index].key if 0 <= index < len(offered) else None
    phrase = " ".join(typed)
    exact = [c.key for c in offered if _label_phrase(c.label) == phrase]
    if len(exact) == 1:
        return exact[0]
    # A typed answer that is contained in exactly one label ("viet", "nguoi nha") also counts, if it is
    # at least a whole word of that label and not a common word shared by several labels. Both are
    # words joined by single spaces, so padding them with a space on each side makes a substring test
    # a test for whole words in order.
    padded = f" {phrase} "
    # A common word alone does not: "bận" (folded "ban", as "bạn") is not "Tìm nơi gần bạn".
    partial = [c.key for c in offered if padded in f" {_label_phrase(c.label)} "] \
        if any(word not in COMMON_WORDS for word in typed) else []
    if partial:
        return partial[0] if len(partial) == 1 and len(fold(phrase)) >= 3 else None
    # A label said in a sentence: "có, tôi đồng ý", "dạ, tôi là người nhà ạ". The label's words, whole
    # and in order, with nothing around them but words of assent or address. Any other word means
    # something else: "không đồng ý" is a refusal, "đặt lịch có mất phí không" a question.
    said = [c.key for c in offered if _said_with_courtesies(typed, _label_words(c.label))]
    return said[0] if len(said) == 1 else None


# Words that wrap an answer without changing it (folded): assent, address, "I want", "choose". No
# negation ("khong", "ko", "k", "chua", "no", "not") and no question word is, or may ever be, here.
COURTESIES = frozenset({
    "co", "vang", "da", "u", "uh", "um", "ok", "oke", "okay", "yes", "yeah", "yep", "sure", "please",
    "toi", "minh", "em", "anh", "chi", "con", "chau", "i", "muon", "chon", "la", "thi", "roi", "nhe", "nha",
    "a", "ah", "luon", "di", "want", "choose", "duoc", "dc",
})


# Words too common to pick a choice by themselves: pronouns, particles, question words.
COMMON_WORDS = COURTESIES | frozenset("""
    ban cho gi nao co khong ko la cua o tai voi ve nhe vay sao nhu the thi ma va bi duoc mot cac nhung
    the a an of to do is are my me for in it on at you we he she they this that what how
""".split())


@lru_cache(maxsize=4096)
def _label_words(label: str) -> tuple[str, ...]:
    return tuple(_label_phrase(label).split())


def _said_with_courtesies(typed: list[str], label: tuple[str, ...]) -> bool:
    if not label or len(typed) <= len(label) or label[0] not in typed:
        return False
    for start in range(len(typed) - len(label) + 1):
        if tuple(typed[start:start + len(label)]) == label:
            rest = typed[:start] + typed[start + len(label):]
            return all(word in COURTESIES for word in rest)
    return False


# Labels are the bot's own words, and few: folding them once, not on every message, halved the cost of
# routing a question (docs/benchmarks.md).
@lru_cache(maxsize=4096)
def _label_phrase(label: str) -> str:
    return " ".join(words(label, expand_teencode=False))


class Router:
    def __init__(self, registry: Registry) -> None:
        self._r = registry

    async def route(self, turn: Turn) -> Step:
        if turn.incoming.text and not (turn.person.role == "counselor" and turn.session.flow == self._r.relay_flow):
            # Typed with the input method off ("tooi muoons hoir"): every reader and step reads the words meant, and
            # a counselor in a chat gets them readable too.
            # And a slip of the finger that is no word, where the words around it say which word was meant.
            read = turn.services.slips.read(marks_typed_as_keys(turn.incoming.text))
            if read != turn.incoming.text:
                turn.incoming = replace(turn.incoming, text=read)
        sent = turn.session.data.pop(CRISIS_SENT, None)
        flow_before = (turn.session.flow, turn.session.step)
        data_before = dict(turn.session.data)
        paused = self._first_contact_paused(flow_before, data_before)
        step, by_flow, crisis = await self._understand(turn, sent if isinstance(sent, dict) else None)
        if step.then is not None:
            opened = await self.open_feature(turn, step.then, step.carried)
            step = Step([*step.replies, *opened.replies], opened.handler, step.entry)
        resumed = False
        greeted_first = False
        if (paused is None and flow_before[0] is None and not turn.person.onboarded and not turn.erased
                and turn.session.flow not in (None, self._r.first_contact_flow)):
            # A new person's first message opened a feature's steps ("đặt lịch tư vấn" from a poster): who the
            # bot is comes first, and first contact, from its language question, waits for the feature to end.
            paused, greeted_first = {"step": "lang", "data": {}}, True
        if paused is not None and not turn.person.onboarded and not turn.erased:
            # A feature asked for in words during first contact ("tắt nhắc nhở", "tìm cơ sở ở Đà Nẵng") is
            # answered at once; first contact waits in the feature's flow and goes on from the step it had
            # reached when that flow ends, not from the greeting again.
            if turn.session.flow is None:
                turn.open_flow(self._r.first_contact_flow, paused["step"], paused["data"])
                resumed = flow_before[0] != self._r.first_contact_flow
            elif turn.session.flow != self._r.first_contact_flow:
                turn.session.data[FIRST_CONTACT_PAUSED] = paused
        replies = [self._r.first_contact_greeting(turn), *step.replies] if greeted_first else list(step.replies)
        if not turn.person.onboarded and not turn.erased:
            # The menu comes at the end of first contact: before it, the step's question is the next one.
            menu = self._r.always_offered(turn)
            replies = [r for r in replies if r.choices != menu]
        if not turn.person.onboarded and step.handler in GREETING_IS_ENOUGH and (
                flow_before[0] != self._r.first_contact_flow or step.handler in SAYS_NOTHING_NEW
                or step.entry in SAYS_NOTHING_NEW):
            # "xin chào" or 👋 from someone new: the greeting is the answer, not "I did not understand".
            # Once first contact has begun, thanks, "who are you" or a question outside what the bot
            # covers get their own reply before the step's question; a greeting, an "ok" or words not
            # understood are answered by the question itself.
            replies = []
        if turn.person.onboarded and step.handler == "understand:off_topic" and flow_before[0] is not None \
                and turn.session.flow == flow_before[0] and len(words(turn.text)) <= STEP_ANSWER_WORDS:
            # A few words a step did not take ("7pm" to "do you agree?", "asdf" to "which point?"): an answer not
            # read, said so, and the step's question again; not "that is outside what I can help with".
            replies = [Reply(turn._("misc.answer_not_read"))]
        flow = self._r.flows.get(turn.session.flow or "")
        if (
            not turn.erased and not by_flow and not crisis and flow is not None
            and (turn.session.flow, turn.session.step) == flow_before
        ) or (resumed and flow is not None):
            replies.append(flow.prompt(turn))
        if not turn.erased and not turn.person.onboarded and turn.session.flow is None:
            greeting = (await self._r.first_contact(turn)).replies
            waiting = [r for r in replies if r.choices]
            if waiting:
                # A first message that needs a choice ("did you mean…", a story with its offers) waits
                # for the end of first contact: one list per turn, and the language question is the one
                # now. The bot's own replies are kept, never the person's words.
                turn.session.data[AFTER_FIRST_CONTACT] = [r.to_json() for r in waiting]
                replies = [r for r in replies if not r.choices] + [Reply(turn._("start.question_kept"))]
            replies.extend(greeting)
        if step.handler in _CRISIS_TIERS and step.entry in _KINDS and not turn.erased:
            turn.session.data[CRISIS_SENT] = {"tier": _CRISIS_TIERS[step.handler], "kind": step.entry}
        return Step(one_list(replies), step.handler, step.entry)

    def _first_contact_paused(self, flow_before: tuple[str | None, str | None],
                              data_before: dict[str, Any]) -> dict[str, Any] | None:
        """Where first contact had got to, if it is open or waiting in a feature's flow."""
        if flow_before[0] == self._r.first_contact_flow and flow_before[1] is not None:
            return {"step": flow_before[1], "data": data_before}
        waiting = data_before.get(FIRST_CONTACT_PAUSED) if flow_before[0] is not None else None
        return waiting if isinstance(waiting, dict) and waiting.get("step") else None

    async def open_feature(self, turn: Turn, key: str, carried: dict[str, str]) -> Step:
        """A menu item, or a feature a handler asked for: consent first when it keeps data."""
        feature = self._r.menu.get(key)
        if feature is None:  # a key from another version, or one this version no longer knows
            turn.close_flow()
            return await self._r.stale_choice(turn)
        if feature.needs_consent and not turn.person.consented:
            return self._r.ask_consent(turn, key, carried)
        return await feature.opens(turn, carried)

    @property
    def command_menu(self) -> CommandMenu:
        return self._r.command_menu

    async def _understand(self, turn: Turn, crisis_sent: Mapping[str, Any] | None) -> tuple[Step, bool, bool]:
        incoming = turn.incoming
        cry = False  # a cry for help that says nothing of what is happening ("cứu với", "sos")
        if incoming.text:
            language = language_of(incoming.text, turn.services.sites.place_named_in(incoming.text))
            if language is not None and language != turn._.locale:
                turn._ = turn.services.catalogs.translator(language)
            # A counselor's words in a chat are for the person they are helping ("nếu bạn ấy bất tỉnh,
            # gọi 115"), not a crisis of their own.
            relaying = turn.person.role == "counselor" and turn.session.flow == self._r.relay_flow
            turn.crisis = None if relaying else turn.services.crisis.read(incoming.text, turn.services.faq.certain)
            if (turn.crisis is not None and turn.crisis.tier is Tier.CHECK
                    and match_choice(incoming.text, turn.session.offered) is not None):
                # An answer to the question on screen ("tôi là người nhà") that the statistical reader
                # alone found worrying: the step's own answer wins over a plain "are you safe?".
                turn.crisis = None
            if (turn.crisis is not None and turn.crisis.tier is Tier.CHECK and turn.crisis.signals == ("model",)
                    and turn.services.sites.place_named_in(incoming.text) is not None
                    and len(turn.services.sites.words_besides_place(incoming.text)) <= PLACE_ONLY_WORDS):
                # A place said and little else ("tôi đang ở Cần Thơ"), in which only the statistical reader heard
                # a danger, and was not sure of it: the place, which the site finder answers.
                turn.crisis = None
            if (turn.crisis is not None and turn.crisis.tier in (Tier.ABOUT, Tier.CHECK)
                    and set(turn.crisis.signals) <= MODEL_ONLY
                    and turn.services.intents.intent(incoming.text) in FEATURES_OVER_THE_MODEL
                    and not turn.services.faq.certain(incoming.text)):
                # A feature asked for ("can you ping me every day at 6:45 so I don't miss my dose?", "mệt rã rời
                # … nhắc tôi uống thuốc lúc 2 giờ chiều"), in which only the statistical reader heard a danger, and
                # was not sure of it, and which no answer fits: the feature, not the emergency line or the check.
                turn.crisis = None
            flow = self._r.flows.get(turn.session.flow or "")
            if (turn.crisis is not None and turn.crisis.tier is Tier.CHECK and set(turn.crisis.signals) <= MODEL_ONLY
                    and flow is not None and len(words(incoming.text)) <= STEP_ANSWER_WORDS):
                # A few words the open step takes as its answer ("chồng em" to "who are you asking for?"), in which
                # only the statistical reader heard a danger, and was not sure of it: the step's answer. A step that
                # does not take them leaves the plain question to be asked.
                self._resolve(turn)
                answered = await flow.step(turn) if turn.command is None else None
                if answered is not None:
                    return answered, True, False
            if (turn.crisis is not None and turn.crisis.tier is Tier.CHECK and set(turn.crisis.signals) <= MODEL_ONLY
                    and flow is not None and flow.name != self._r.first_contact_flow
                    and turn.services.intents.leaves_the_step(incoming.text)):
                # "thôi không đặt nữa" inside a booking, in which only the statistical reader heard a danger ("không
                # … nữa"), and was not sure of it: the feature is left, not the plain question asked.
                turn.crisis = None
            if turn.crisis is not None and turn.crisis.tier in (Tier.NOW, Tier.CHECK):
                return await self._r.crisis[turn.crisis.kind](turn), False, True
            if crisis_sent is not None and turn.crisis is None and incoming.choice is None:
                # "có" to "is anyone in danger?", "ok" after the numbers: an answer to what is on screen, before
                # any step that was open when the danger was heard.
                answered = await self._r.after_crisis(turn, crisis_sent)
                if answered is not None:
                    return answered, False, answered.handler != "crisis:safe"
            cry = turn.crisis is None and not relaying and turn.services.crisis.only_a_cry(incoming.text) \
                and turn.services.intents.intent(incoming.text) != "menu" \
                and match_choice(incoming.text, turn.session.offered) is None
            if cry and turn.session.flow is not None:
                # A bare cry inside a step: the step's question again would be no answer to it.
                return await self._r.bare_cry(turn), False, True
        self._resolve(turn)
        if turn.choice is not None and self._is_double_tap(turn):
            if turn.choice.startswith("m:"):  # a menu item opens the same thing again: let it
                return await self._r.choices["m"](turn), False, False
            return await self._r.double_tap(turn), True, False
        flow = self._r.flows.get(turn.session.flow or "")
        if flow is not None and turn.command is None:
            step = await flow.step(turn)
            if step is not None:
                return step, True, False
            if turn.choice is None and flow.name != self._r.first_contact_flow \
                    and turn.services.intents.leaves_the_step(turn.text):
                # "thôi", "hủy", "never mind" in a step that did not take it: the feature stops there, said so,
                # rather than the step asked again (first contact goes on: it is how the menu is reached).
                return await self._r.leave_step(turn), True, False
        if turn.command is not None:
            handler = self._r.commands.get(turn.command, self._r.unknown_command)
            return await handler(turn), False, False
        if turn.choice is not None:
            prefix = prefix_of(turn.choice)
            by_prefix = self._r.choices.get(prefix)
            if by_prefix is not None:
                return await by_prefix(turn), False, False
            return await self._r.stale_choice(turn), False, False
        if incoming.choice is not None:
            return await self._r.stale_choice(turn), False, False
        if incoming.location is not None:
            return await self._r.location(turn), False, False
        if incoming.unsupported:
            return await self._r.unsupported(turn), False, False
        if not has_letters_or_digits(turn.text):
            return await self._r.no_words(turn), False, False
        if turn.crisis is not None:
            return await self._r.danger_question(turn), False, False
        offered = turn.session.offered
        if turn.session.flow is None and not cry and len(offered) > 1 and offered != self._r.always_offered(turn) \
                and " ".join(words(turn.text)) in BARE_YES_OR_NO:
            # "có", "không" to a list of choices that asks no yes-or-no ("Đổi lịch …", "Hủy lịch …", "Đặt lịch mới"):
            # which one is meant, asked, with the same choices, rather than a "dạ" and the menu in their place.
            return await self._r.pick_one(turn), False, False
        step = await self._r.question(turn)
        if step is not None and (step.replies or step.then is not None) \
                and not (cry and step.handler == "smalltalk"):
            # A cry beside a greeting ("có ai không, cứu em với, em sợ lắm") is the cry, not a hello.
            return step, False, False
        if cry:  # what the FAQ and the features do not answer ("job help?" is theirs)
            return await self._r.bare_cry(turn), False, True
        return await self._r.fallback(turn), False, False

    def _resolve(self, turn: Turn) -> None:
        """Turn what arrived into a command or a choice key, if it is one."""
        incoming = turn.incoming
        offered = turn.session.offered
        if incoming.choice is not None:
            key = incoming.choice
            prefix = prefix_of(key)
            if any(c.key == key for c in offered) or prefix in self._r.global_choice_prefixes:
                turn.choice = key
            return
        if incoming.text:
            command = parse_command(incoming.text)
            if command is not None:
                turn.command, turn.args = command
                return
            turn.choice = match_choice(incoming.text, offered)
            if turn.choice is None and turn.session.flow is None:
                # The main menu's items are understood by their words at any time, not only right after
                # the menu was shown ("dat lich tu van" after a site search); numbers mean the last list.
                turn.choice = match_choice(incoming.text, self._r.always_offered(turn), by_number=False)

    def _is_double_tap(self, turn: Turn) -> bool:
        """The same button pressed twice within seconds. Only presses count: a choice typed and then its
        button pressed are two requests, and both are answered."""
        session = turn.session
        if turn.incoming.choice is None:
            return False
        repeated = (
            session.last_choice == turn.choice
            and session.last_choice_at is not None
            and turn.now - session.last_choice_at < DOUBLE_TAP_WINDOW
        )
        session.last_choice, session.last_choice_at = turn.choice, turn.now
        return repeated
