"""The crisis replies: what to do right now, first. Nothing else in the turn comes before them.

A question about a danger gets its answer instead, with one line that says what to do if it is
happening now.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from bot.content import FaqEntry
from bot.dialogs import Handler, Step, Turn
from bot.i18n import N_
from bot.messages import Reply
from bot.normalize import asks, has_letters_or_digits, question_clause, question_of, words
from bot.services.crisis import EVENTS, CrisisKind, Tier, names_a_child
from bot.services.faq import Match
from handlers import understand
from handlers.faq import (
    ABOUT_LINES,
    QUESTION_CHARS,
    STORY_WHOLE_RANKER_AT,
    answer_of,
    answer_to,
    marked_question,
    on_question,
    sure_of_question,
    what_to_do_instead,
)

log = logging.getLogger(__name__)

_KEYS = {
    CrisisKind.OVERDOSE: N_("crisis.overdose"),
    CrisisKind.POISONING: N_("crisis.poisoning"),
    CrisisKind.SUICIDE: N_("crisis.suicide"),
    CrisisKind.CHILD: N_("crisis.child"),
    CrisisKind.VIOLENCE: N_("crisis.violence"),
}
# A question about a danger already says what it is about: the closest entry answers it from a
# lower score than an ordinary question needs, and the kind's own entry when none is that close.
ABOUT_ENTRY_AT = 0.2
# An answer to a question about a danger that neither the ranker's probability nor the word overlap reaches
# this is taken for a chance match (docs/knowledge.md).
ABOUT_UNSURE = 0.3
# How sure the ranker must be of the entry a story's last clause asks for, for the clause to be its question.
CLAUSE_RANKER_AT = 0.5
_FEATURES_AFTER_A_DANGER = frozenset({"book", "appointments", "talk", "groups", "reminder_set", "reminder_pause",
                                      "reminder_stop", "language_en", "language_vi", "erase"})
# Beside a danger told as over, the menu too is what the person wants next; after a story still going on, "what are
# my options" asks about the story.
_FEATURES_AFTER_A_DANGER_OVER = _FEATURES_AFTER_A_DANGER | {"menu"}
# The signals of a danger asked about, not only told: its answer comes first, whatever a later clause asks for.
_ASKED_ABOUT = frozenset({"question", "informational", "hypothetical", "deadly_question", "permission"})
# The entry that answers a question about each danger when the FAQ finds no closer one.
# An overdose's signs and first aid: what to do for someone who used too much, no answer to a blow.
_OVERDOSE_STEPS = frozenset({"overdose-signs", "overdose-first-aid"})
_ABOUT_ENTRIES = {
    CrisisKind.OVERDOSE: "overdose-signs",
    CrisisKind.POISONING: "methadone-swallowed-by-someone-else",
    CrisisKind.SUICIDE: "mental-health-line",
    CrisisKind.CHILD: "child-protection-111",
    CrisisKind.VIOLENCE: "emergency-numbers",
}

# The entry on doses kept at home, which says how to keep them from children.
_TAKE_HOME_ENTRY = "methadone-take-home"
# The entries about a danger itself, rather than one of its risks.
_DANGER_ITSELF = frozenset({*_ABOUT_ENTRIES.values(), "overdose-first-aid"})
# A question that ends on a word pointing back into the story ("can I get support for that?", "có được không vậy").
_POINTS_BACK = re.compile(r"(?<![a-z])(?:that|this|it|them|those|these|do|nay|kia|vay|the|vu nay|chuyen do)$")
# What can be done at home instead of calling ("tự xử lý ở nhà", "handle it at home"): the first steps are asked for.
_AT_HOME = re.compile(r"(?<![a-z])(?:tu xu ly|tu lo|xu ly o nha|lo o nha|o nha duoc|handle it at home|"
                      r"deal with it at home|at home instead)(?![a-z])")

# Which number to call, asked about a danger ("lỡ anh ấy lên cơn đập phá thì tôi nên gọi số nào", "who do I call if a
# kid is left alone"): the entry with that danger's numbers, whatever else the message shares words with.
# Words that ask anywhere in a message, without a "?" ("…, gia đình nên làm gì để giúp nó", "how do I help him now"):
# a question beside a danger taken back is still answered. `asks` looks only at how a sentence opens and ends.
_ASKS = re.compile(r"(?<![a-z])(?:lam gi|lam sao|the nao|ra sao|bao gio|may gio|o dau|cho nao|bao nhieu|co duoc|"
                   r"duoc khong|nen lam|co nen|how|what|when|where|why|which|should i|can i|could i|do i|is it|"
                   # Where something goes or is got, asked without "ở" ("kim tiêm vứt ở bãi thì gom bỏ đâu cho đúng")
                   r"bo dau|vut dau|de dau|mua dau|gom dau|kham dau)"
                   r"(?![a-z])")
_WHICH_NUMBER = re.compile(r"(?<![a-z])(?:goi so nao|so nao|goi so gi|so gi de goi|goi cho ai|goi ai"
                           r"|what number|which number|what s the number|who do i call|who should i call|who to call"
                           r"|who do i report|number to call)(?![a-z])")
# Whether to call for help, asked ("có cần gọi 115 không", "should I call an ambulance"): when it is an emergency, which
# the danger's own entry says; not which number.
_WHETHER_TO_CALL = re.compile(
    r"(?<![a-z])(?:(?:co can|co nen|co phai|can phai) goi (?:115|cap cuu|xe cap cuu|xe)"
    r"|(?:should i|do i need to|do i have to|is it worth) call(?:ing)? (?:115|an ambulance|911))(?![a-z0-9])")
# When to call, asked of someone who used too much ("lúc nào thì cần gọi cấp cứu nếu bạn chơi quá liều", "when do I
# call an ambulance if he took too much"): the signs that make it an emergency. Asked of nothing named ("lúc nào thì
# phải gọi 115"), the emergency numbers answer.
_WHEN_TO_CALL = re.compile(
    r"(?<![a-z])(?:(?:khi nao|luc nao)(?: thi)?(?: moi)? (?:phai|can|nen) goi(?: ngay)? (?:115|cap cuu|xe cap cuu)"
    r"|(?:when (?:do|should|must) (?:i|we|you)|when to) call (?:115|an ambulance|911))(?![a-z0-9])")
_TOO_MUCH = re.compile(r"(?<![a-z])(?:qua lieu|qua da|qua tay|soc thuoc|too much|overdos[a-z]*|od)(?![a-z])")
_NUMBER_ENTRIES = {
    CrisisKind.OVERDOSE: "emergency-numbers",
    CrisisKind.POISONING: "emergency-numbers",
    CrisisKind.SUICIDE: "mental-health-line",
    CrisisKind.CHILD: "child-protection-111",
    CrisisKind.VIOLENCE: "emergency-numbers",
}

# Small talk that says nothing new after a crisis reply: met by the calm line and the number again.
_BARE_AFTER_A_CRISIS = frozenset({"ack", "thanks", "bye"})
# The number said again after a crisis reply, by kind.
_NUMBERS_AGAIN = {
    CrisisKind.OVERDOSE: N_("crisis.number_115"),
    CrisisKind.POISONING: N_("crisis.number_115"),
    CrisisKind.SUICIDE: N_("crisis.number_115"),
    CrisisKind.CHILD: N_("crisis.number_child"),
    CrisisKind.VIOLENCE: N_("crisis.number_113"),
}

# Entries that already give the number to call for their danger.
_WITH_NUMBERS = frozenset({*_NUMBER_ENTRIES.values(), "overdose-first-aid", "methadone-swallowed-by-someone-else"})


def reply_for(kind: CrisisKind) -> Handler:
    async def crisis(turn: Turn) -> Step:
        signals = turn.crisis.signals if turn.crisis is not None else ()
        model = turn.crisis.model if turn.crisis is not None else None
        # Which concepts fired, by name, and how sure the model was; never the text: a counselor who asks
        # why can be told.
        check = turn.crisis is not None and turn.crisis.tier is Tier.CHECK
        await turn.uow.tally.add(None, "crisis.check" if check else f"crisis.reply_{kind.value}", turn.now)
        someone_else = kind is CrisisKind.SUICIDE and turn.crisis is not None and turn.crisis.someone_else
        log.info("crisis reply kind=%s tier=%s whose=%s signals=%s model=%s person=%s", kind.value,
                 "check" if check else "now", "someone_else" if someone_else else "writer", "+".join(signals),
                 f"{model:.2f}" if model is not None else "-", turn.person.id)
        if check:
            # Only the statistical reader heard a danger: ask, with the numbers, and alert nobody. A question
            # the FAQ answers with confidence ("con trai tôi 24 tuổi … gia đình nên làm gì?") is answered
            # too, after the question: asking plainly is no reason to leave a worried parent unanswered.
            offer = (turn.choice_of("m:talk", "menu.talk"),)
            answered = await on_question(turn)
            if answered is not None:
                return Step([Reply(turn._("crisis.check")), *(Reply(r.text, offer) for r in answered.replies)],
                            "crisis:check", kind.value)
            return Step([Reply(turn._("crisis.check"), offer)], "crisis:check", kind.value)
        await _alert(turn, kind)
        replies = [Reply(turn._("crisis.suicide_someone" if someone_else else _KEYS[kind]))]
        # Inside an open chat, the counselor reads what the person wrote, as they would any message.
        from handlers import talk

        if await talk.relay_from_person(turn):
            replies.append(Reply(turn._("crisis.counselor_sees")))
        return Step(replies, "crisis", kind.value)

    return crisis


async def _alert(turn: Turn, kind: CrisisKind) -> None:
    for listener in turn.services.crisis_listeners:
        await listener(turn.uow, turn.person, kind, turn.now)


async def after(turn: Turn, asked: Mapping[str, Any]) -> Step | None:
    """A bare answer right after a crisis reply, or after the plain question whether anyone is in danger.

    To the question, a yes ("có", "dạ", "không ổn") is a crisis told: every number, the support line and a
    counselor, and the counselor on duty is alerted as for any crisis reply; a no ("không, em ổn") is
    acknowledged gently. An "ok", a thanks or an emoji after either is met by the same calm line, with the number
    again: a cheerful "anything else?" would be no answer to a person who may still be in danger. Anything more
    is read as usual (None). Inside an open chat, the counselor reads it instead.
    """
    from handlers import talk

    if turn.session.flow == talk.FLOW and turn.session.step == "open":
        return None
    try:
        kind = CrisisKind(str(asked.get("kind")))
    except ValueError:
        return None
    offer = (turn.choice_of("m:talk", "menu.talk"),)
    said = turn.services.intents.yes_or_no(turn.text)
    if asked.get("tier") == "check" and said == "yes":
        await turn.uow.tally.add(None, f"crisis.reply_{kind.value}", turn.now)
        log.info("crisis reply kind=%s tier=now signals=check_answered_yes person=%s", kind.value, turn.person.id)
        await _alert(turn, kind)
        return Step([Reply(turn._("crisis.check_yes"), offer)], "crisis", kind.value)
    if asked.get("tier") == "check" and said == "no":
        log.info("crisis check answered no kind=%s person=%s", kind.value, turn.person.id)
        return Step([Reply(turn._("crisis.check_no"), offer)], "crisis:safe", kind.value)
    bare = said is not None or turn.services.intents.smalltalk(turn.text) in _BARE_AFTER_A_CRISIS \
        or (bool(turn.text.strip()) and not has_letters_or_digits(turn.text))
    if not bare:
        return None
    return Step([Reply(turn._("crisis.after", number=turn._(_NUMBERS_AGAIN[kind])), offer)], "crisis:after",
                kind.value)


async def bare_cry(turn: Turn) -> Step:
    """A cry for help that says nothing of what is happening ("cứu với", "sos", "help!!!"), in or out of a
    step: asked what is happening, with the number for each danger and a counselor offered. Nobody is
    alerted: there is nothing yet to tell them."""
    await turn.uow.tally.add(None, "crisis.check", turn.now)
    log.info("crisis reply kind=- tier=check signals=cry_only person=%s", turn.person.id)
    return Step([Reply(turn._("crisis.cry"), (turn.choice_of("m:talk", "menu.talk"),))], "crisis:check", "cry")


def _asked_apart(turn: Turn, whole: FaqEntry | None, kind: CrisisKind) -> bool:
    """A question in a sentence of its own that names no danger, after a sentence about one, when the whole
    message leans to the danger's own entry ("Em là sinh viên y, đang làm tiểu luận về sốc quá liều. Cho em hỏi
    methadone hoạt động như thế nào ạ?"): the danger is why the person writes, the question is what they ask, as
    after a danger told as past. An entry the whole message found that is not the danger's own ("… where can I get
    PEP?") keeps what the story says about it."""
    if whole is not None and whole.id != _ABOUT_ENTRIES[kind]:
        return False
    question = question_of(turn.text[:QUESTION_CHARS])
    return question is not None and turn.services.crisis.read(question) is None


def _danger_asked_at_the_end(turn: Turn, kind: CrisisKind, entry: FaqEntry,
                             candidates: list[Match]) -> tuple[FaqEntry, list[Match]]:
    """A story about something else that ends by asking about the danger itself ("Em uống methadone được 2 tuần, liều
    đang tăng dần … Ad cho em biết dấu hiệu quá liều là gì để em tự để ý với ạ"): the story pulls towards its own
    subject, the question asks for the danger's entry. Its answer when the question, read alone, is a question about
    the same danger that the FAQ answers from an entry about the danger itself with confidence."""
    question = question_of(turn.text[:QUESTION_CHARS])
    if question is None:
        return entry, candidates
    reading = turn.services.crisis.read(question)
    # The question names the danger in its own words: "what would someone look like if they'd smoked one?" asks of
    # the thing the sentence before it names.
    if reading is None or reading.tier is not Tier.ABOUT or reading.kind is not kind \
            or not set(reading.signals) & EVENTS:
        return entry, candidates
    asked, asked_candidates = turn.services.faq.answer(question)
    # Only an entry about the danger itself (its signs, first aid, the numbers): an entry about one of its risks
    # (doses taken home, using after a break) may be what the story asks after all.
    if asked is None or asked.id not in _DANGER_ITSELF or not sure_of_question(turn.services.faq, asked,
                                                                               asked_candidates):
        return entry, candidates
    return asked, asked_candidates


def _overdose_step_asked_at_the_end(turn: Turn, entry: FaqEntry,
                                    candidates: list[Match]) -> tuple[FaqEntry, list[Match]]:
    """An overdose's signs and its first aid are near each other in words: a message about overdoses that ends by
    asking for one of them ("we're making a leaflet about heroin overdoses. What signs should we list?") gets the one
    its own question asks for, when the FAQ is sure of it, rather than the one the whole message leans to."""
    question = question_of(turn.text[:QUESTION_CHARS])
    if entry.id not in _OVERDOSE_STEPS or question is None:
        return entry, candidates
    asked, asked_candidates = turn.services.faq.answer(question)
    if asked is not None and asked.id in _OVERDOSE_STEPS and asked.id != entry.id \
            and sure_of_question(turn.services.faq, asked, asked_candidates):
        return asked, asked_candidates
    return entry, candidates


def _about_the_danger(turn: Turn, entry: FaqEntry | None) -> bool:
    """No entry, or one about a danger itself: what a story of a danger pulls towards, whatever it asks."""
    return entry is None or entry.id in _ABOUT_ENTRIES.values() \
        or entry.id in turn.services.content.crisis.danger_entries


async def about(turn: Turn) -> Step:
    """A question about a danger: its answer, then what to do if it is happening now. A danger to an
    animal gets the vet, and 115 in case a person swallowed the same thing: the human crisis reply, its
    alarm and its numbers would not help the animal."""
    assert turn.crisis is not None
    kind = turn.crisis.kind
    if turn.crisis.tier is Tier.ANIMAL:
        log.info("animal danger signals=%s", "+".join(turn.crisis.signals))
        return Step([Reply(turn._("crisis.animal"))], "crisis:animal", kind.value)
    log.info("danger question kind=%s signals=%s", kind.value, "+".join(turn.crisis.signals))
    # A danger told as past or said to be over, beside a feature asked for ("hồi đó anh ấy đánh tôi, giờ tôi muốn đặt
    # lịch tư vấn"): the feature opens, after the line of what to do if it is happening now. Finding a place or
    # saying what is kept is left to the answer, which may be what was asked ("chuyển cơ sở ở Đà Nẵng"); an erasure
    # asked for opens ("hồi đó bị đánh nhập viện, giờ chỉ muốn xóa hết dữ liệu của tôi").
    # So does a feature asked for in the message's last sentence, after a danger told and not asked about, when
    # that sentence names no danger ("we had an overdose response training today. when's the next group
    # meeting?", "My boss will kill me if I'm late again. Can I move tomorrow's appointment?").
    # In a single sentence that asks nothing about the danger, its last clause stands apart in the same way ("our
    # group wants to do something for overdose awareness day, when's the next group meeting?").
    # An emoji ends a sentence as a stop does ("… still talking about it 😂 when's the next meeting btw").
    sentences = understand.parts_of(turn.text, clauses=not set(turn.crisis.signals) & _ASKED_ABOUT)
    last = sentences[-1] if len(sentences) >= 2 else None
    # A sentence before it that asks, with a "?" or in words ("ra trại rồi dùng lại có dễ bị sốc ko a."), asks about the
    # danger: its answer comes first, below.
    asked_before = any("?" in sentence or asks(sentence) for sentence in sentences[:-1])
    asked_apart = last is not None \
        and turn.services.intents.intent(last) in _FEATURES_AFTER_A_DANGER and turn.services.crisis.read(last) is None \
        and not asked_before
    # Said to be over and not asked about ("… công an đến giải quyết xong rồi, giờ em muốn nói chuyện với tư vấn viên"):
    # as a danger told as past. One said to be over and asked about keeps its answer first.
    over = "past" in turn.crisis.signals \
        or ("safe_now" in turn.crisis.signals and not set(turn.crisis.signals) & _ASKED_ABOUT)
    if (over and turn.services.intents.intent(turn.text) in _FEATURES_AFTER_A_DANGER_OVER) \
            or asked_apart:
        opened = await understand.on_intent(turn, last if asked_apart else None)
        if opened is not None:
            return Step([Reply(turn._(ABOUT_LINES[kind])), *opened.replies], opened.handler, opened.entry,
                        then=opened.then, carried=opened.carried)
    # A place asked for in the last sentence, after a danger told as past ("đọc báo thấy vụ bé ở Hải Phòng uống nhầm
    # methadone, thương quá. e chỉ muốn hỏi điểm cấp phát methadone ở Hải Phòng cho ông anh"): the sites there, after
    # the line. A question asked before it is answered first, below.
    if "past" in turn.crisis.signals and last is not None and not asked_before \
            and turn.services.crisis.read(last) is None:
        found = await understand.place_asked_in(turn, last)
        if found is not None:
            return Step([Reply(turn._(ABOUT_LINES[kind])), *found.replies], found.handler, found.entry,
                        then=found.then, carried=found.carried)
    # A question about a danger and a feature asked for, each in a sentence or clause of its own ("đặt giúp em lịch
    # tư vấn chiều mai, tiện hỏi luôn nếu lỡ uống gấp đôi liều thì có nguy hiểm không", "what are the signs of an
    # overdose? and where is the nearest clinic"): the answer to the rest of the message, then the feature.
    # The crisis reader reads the parts only once a part asks for a feature.
    parts = understand.parts_of(turn.text)
    told_danger = lambda part: turn.services.crisis.read(part) is not None  # noqa: E731 - a local shorthand
    request = understand.request_apart(turn, parts, besides=told_danger)
    # The danger may be told across the other parts ("… what are the signs he's taken too much? He's 70 and on
    # methadone."): read together, as well as one by one.
    question = understand.without(parts, request) if request is not None else ""
    if request is not None and (any(told_danger(part) for part in parts if part != request) or told_danger(question)):
        answered = await about(replace(turn, incoming=replace(turn.incoming, text=question)))
        opened = await understand.then_the_feature(turn, answered.replies, request)
        if opened is not None:
            return opened
    marked = marked_question(turn.services.faq, turn.text[:QUESTION_CHARS])
    entry, candidates = marked if marked is not None else turn.services.faq.answer(turn.text)
    whole, whole_candidates = entry, candidates
    # Going without a drug asked about ("bỏ thuốc đột ngột có nguy hiểm tính mạng không") is no overdose: the danger's
    # own entry would answer another question.
    read_by_rules = turn.crisis.signals != ("model",) and "past" not in turn.crisis.signals \
        and "going_without" not in turn.crisis.signals
    if candidates and (entry is None or candidates[0].entry is entry) and read_by_rules \
            and candidates[0].probability < ABOUT_UNSURE and candidates[0].overlap < ABOUT_UNSURE:
        # Neither the ranker nor the words are sure of an entry ("can you die from methadone" shares a few words
        # with a question about fees): the danger's own entry answers better than a chance match. A danger told
        # as past is followed by a question of its own, which is read below; one only the model heard may be
        # no danger at all ("có thể cho người nhà lĩnh thuốc hộ không").
        entry, candidates = None, [m for m in candidates if m.entry.id == _ABOUT_ENTRIES[kind]]
    if entry is not None and not _about_the_danger(turn, entry) and "past" not in turn.crisis.signals:
        entry, candidates = _danger_asked_at_the_end(turn, kind, entry, candidates)
    # A match too unsure to answer, set aside above for the danger's own entry, is the message leaning to that entry.
    leaning = None if entry is None else whole
    if "past" in turn.crisis.signals or _asked_apart(turn, leaning, kind):
        # A danger told as past, then a question ("năm ngoái em bị sốc thuốc, giờ muốn đăng ký methadone thì
        # cần giấy tờ gì"): the story pulls towards the danger's entry or its own words ("nằm viện mất 1 tuần"
        # and the entry about hospital), the question is what is asked.
        # Only a question clearly about something else: one about the danger itself, or a vague one
        # ("có thuốc đó không?"), is answered better by the whole message.
        asked, asked_candidates = answer_to(turn, told_first=True)
        ranker_sure = bool(whole_candidates) and whole_candidates[0].probability >= STORY_WHOLE_RANKER_AT
        if _about_the_danger(turn, asked) and not ranker_sure:
            # The story told in one sentence, its clauses joined by commas ("Em trai tôi bị quá liều hồi tháng
            # trước, giờ đã khỏe, gia đình nên làm gì để giúp nó?"), pulling towards the danger's entries, which the
            # ranker is not sure of: its question is its last clause that asks.
            clause = question_clause(turn.text[:QUESTION_CHARS])
            clause_entry, clause_candidates = turn.services.faq.answer(clause) if clause is not None else (None, [])
            # A clause is a few words: those of a way of asking are a coincidence unless the ranker agrees or, when
            # they are too few for the ranker (every probability 0), they match a way of asking well.
            ranked = any(match.probability > 0 for match in clause_candidates)
            if clause_entry is not None and (clause_candidates[0].probability >= CLAUSE_RANKER_AT if ranked
                                             else clause_candidates[0].overlap >= turn.services.faq.ANSWER_AT):
                asked, asked_candidates = clause_entry, clause_candidates
        # The question's entry shares enough of its words, or the ranker is as sure of it as of a story's last clause
        # and the question names what it asks about ("my uncle died of an overdose back in 2015. i'm finally ready to
        # get help myself, how do i start methadone"); not one that points back into the story ("Can I get support
        # for that?"), whose ranking is a guess.
        own_question = question_of(turn.text[:QUESTION_CHARS])
        named = own_question is not None and not _POINTS_BACK.search(" ".join(words(own_question)))
        if asked is not None and (asked_candidates[0].overlap >= turn.services.faq.CLEAR_AT
                                  or (asked_candidates[0].probability >= CLAUSE_RANKER_AT and named)) \
                and not _about_the_danger(turn, asked):
            entry, candidates = asked, asked_candidates
    if entry is None and candidates and candidates[0].score >= ABOUT_ENTRY_AT:
        entry = candidates[0].entry
    if entry is not None and kind is CrisisKind.OVERDOSE and "past" not in turn.crisis.signals:
        entry, candidates = _overdose_step_asked_at_the_end(turn, entry, candidates)
    folded = " ".join(words(turn.text))
    # Taken back, with nothing asked ("lúc nãy em nhắn là muốn chết là do bị sếp mắng thôi, đừng lo, em ổn"): the
    # words' own entries are chance matches; the danger's own entry keeps the numbers at hand.
    if "false_alarm" in turn.crisis.signals and marked is None and "?" not in turn.text \
            and not _ASKS.search(folded):
        entry = turn.services.faq.by_id.get(_ABOUT_ENTRIES[kind], entry)
    if "dark_thoughts" in turn.crisis.signals:
        # "nghĩ quẩn" folds like "nghĩ quản" (management): the words' own entries are chance matches.
        entry = turn.services.faq.by_id.get(_ABOUT_ENTRIES[kind], entry)
    if entry is None:
        entry = turn.services.faq.by_id.get(_ABOUT_ENTRIES[kind])
    if _WHICH_NUMBER.search(folded) and "past" not in turn.crisis.signals \
            and (entry is None or entry.id not in _WITH_NUMBERS):
        entry = turn.services.faq.by_id.get(_NUMBER_ENTRIES[kind], entry)
    entry = what_to_do_instead(turn, entry)
    # Violence asked about, with no child named ("ai bị bạo hành gia đình thì gọi số nào"): the child line's entry
    # shares its words of abuse, but 111 is for children; the emergency numbers answer (113).
    if entry is not None and kind is CrisisKind.VIOLENCE and entry.id == _ABOUT_ENTRIES[CrisisKind.CHILD] \
            and not names_a_child(turn.text):
        entry = turn.services.faq.by_id.get(_ABOUT_ENTRIES[CrisisKind.VIOLENCE], entry)
    # A child's swallowing asked about ("trẻ nhỏ uống phải methadone thì bao nhiêu ml là nguy hiểm"), or whether to
    # call for help over an overdose or a swallowing ("có cần gọi 115 nếu bạn chỉ hơi lơ mơ sau khi dùng không"): the
    # danger's own entry, which says when to call and that any amount a child swallows is an emergency, rather than the
    # amounts of a dose or the list of numbers the words share. Not a question about keeping doses at home, or one asked
    # after a swallowing told as past ("năm ngoái con tôi uống nhầm …, giờ có được mang thuốc về không"): those are
    # answered by their own entries.
    if kind is CrisisKind.POISONING and (entry is None or entry.id not in _DANGER_ITSELF | {_TAKE_HOME_ENTRY}) \
            and "ingest_accident" in turn.crisis.signals and "past" not in turn.crisis.signals \
            and names_a_child(turn.text):
        entry = turn.services.faq.by_id.get(_ABOUT_ENTRIES[kind], entry)
    # When to call, asked of too much taken, is answered by the signs whichever of the numbers or the first steps
    # the words lean to: the first steps begin once the call is made. Asked against what can be done at home ("… chứ
    # không tự xử lý ở nhà được"), the first steps answer that.
    first_aid_asked = _AT_HOME.search(folded) is not None
    if kind in (CrisisKind.OVERDOSE, CrisisKind.POISONING) and entry is not None \
            and ((entry.id == _NUMBER_ENTRIES[kind] and _WHETHER_TO_CALL.search(folded))
                 or ((entry.id == _NUMBER_ENTRIES[kind] or (entry.id == "overdose-first-aid" and not first_aid_asked))
                     and _WHEN_TO_CALL.search(folded) and _TOO_MUCH.search(folded))):
        entry = turn.services.faq.by_id.get(_ABOUT_ENTRIES[kind], entry)
    # Violence asked about in words an overdose's signs or first aid share ("mình nên làm gì nếu đứa bạn cùng phòng phê
    # đá rồi đòi đánh người" and the first aid for an overdose): those steps and 115 answer another danger; the
    # emergency numbers say whom to call (113). Entries about the drug's other dangers, or about the mind ("ngáo đá"),
    # still answer.
    if kind is CrisisKind.VIOLENCE and entry is not None and entry.id in _OVERDOSE_STEPS:
        entry = turn.services.faq.by_id.get(_ABOUT_ENTRIES[kind], entry)
    if entry is not None and entry.id in turn.services.content.crisis.danger_entries:
        return Step([Reply(answer_of(turn, entry))], "crisis:about", entry.id)  # it says what to do now
    answer = entry.answer.get(turn._.locale) + "\n\n" if entry is not None else ""
    return Step([Reply(answer + turn._(ABOUT_LINES[kind]))], "crisis:about",
                entry.id if entry is not None else kind.value)
