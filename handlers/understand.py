"""Free text that is not a question for the FAQ: a feature asked for in words, small talk, a place, a
story, or something outside what the bot covers. Each gets what the person would expect from a person
at the counseling point: the feature opened with what the message already says, a short warm reply
and the next step, or an honest "that is outside what I can help with" and what it can do.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.dialogs import Step, Turn
from bot.i18n import N_
from bot.messages import Choice, Reply
from bot.normalize import after_a_turn, asks, question_of, words
from bot.sites import SiteKind, place_near_in, place_said, says_only_where
from bot.timeparse import TimeProblem, parse_day, parse_days, parse_time_of_day
from handlers import groups, menu, privacy, reminders, sites, start

SMALLTALK_REPLIES = {
    "greeting": N_("smalltalk.greeting"),
    "thanks": N_("smalltalk.thanks"),
    "bye": N_("smalltalk.bye"),
    "ack": N_("smalltalk.ack"),
    "who_are_you": N_("smalltalk.who_are_you"),
    "is_human": N_("smalltalk.is_human"),
    "insult": N_("smalltalk.insult"),
    "how_are_you": N_("smalltalk.how_are_you"),
    "sad": N_("smalltalk.sad"),
}
# Small talk whose honest answer is already an FAQ entry, reviewed with its sources.
SMALLTALK_ENTRIES = {"is_police": "bot-not-police"}
FEATURE_OF_INTENT = {"book": "m:book", "appointments": "m:book", "talk": "m:talk", "reminder_set": "m:remind",
                     "reminder_pause": "m:remind"}
# A story rather than a question: acknowledged, and a counselor offered.
STORY_CHARS = 200


async def on_smalltalk(turn: Turn) -> Step | None:
    """"chào bạn", "cảm ơn nhé", "bạn là ai": a short warm reply and the next step."""
    kind = turn.services.intents.smalltalk(turn.text)
    if kind is None:
        return None
    entry = turn.services.faq.by_id.get(SMALLTALK_ENTRIES.get(kind, ""))
    if entry is not None:
        return Step([Reply(entry.answer.get(turn._.locale)), *menu.menu_unless_in_flow(turn)], "smalltalk", kind)
    return Step([Reply(turn._(SMALLTALK_REPLIES[kind])), *menu.menu_unless_in_flow(turn)], "smalltalk", kind)


# Where to get an HIV test, PrEP or ARV, asked as the site finder is; and words of the places the shipped
# list holds, which keep the finder.
_HIV_SERVICES = re.compile(r"(?<![a-z])(?:hiv|prep|pep|arv|xet nghiem|tested|testing)(?![a-z])")
_TREATMENT_SITES = re.compile(r"(?<![a-z])(?:methadone|metadon|cai nghien|tu van|rehab|counsel\w*)(?![a-z])")


# Features a message may ask for in a sentence of its own beside a question, which is answered first. Finding a
# place, the erasure and the groups only when that sentence asks for them: a place or a meeting told beside a question
# is often its background ("Em đang uống methadone ở Hà Nội. Có được mang thuốc về nhà không?", "… we want to cover it
# at the group meeting"). Never what is kept: "tên nó có bị lưu vào danh sách không" beside a question about
# registering with the police asks about the police's list, not the bot's.
_REQUESTS_BESIDE = frozenset({"book", "appointments", "talk", "reminder_set", "reminder_pause", "reminder_stop"})
_ASKED_FOR_BESIDE = frozenset({"sites", "erase", "groups"})
# A sentence ends at a stop, a line break or an emoji.
_EMOJI = "\U0001F300-\U0001FAFF\u2600-\u27BF"
_SENTENCE = re.compile(rf"[^.!?\n{_EMOJI}]+[.!?{_EMOJI}]*")


def parts_of(text: str, clauses: bool = True) -> list[str]:
    """A message's sentences of two words or more; with `clauses`, a single sentence's clauses instead."""
    sentences = [s.strip() for s in _SENTENCE.findall(text) if len(s.split()) >= 2]
    if len(sentences) >= 2 or not clauses:
        return sentences
    return [c.strip() for c in re.findall(r"[^,;]+[,;]*", text) if len(c.split()) >= 2]


# A wish or a need said for the feature ("muốn đăng ký nhóm tự lực", "em cần tìm cơ sở ở Biên Hòa", "i want to join a
# group"): as much a request as a question, where a statement ("em đang uống methadone ở Hà Nội") is not.
# The wish names what is to be done: "we want to cover it at the group meeting" asks for nothing.
_WANTS = re.compile(r"(?<![a-z])(?:(?:muon|mun|can|xin|want to|wanna|would like to|need to|d like to)(?: [a-z]+){0,2}? "
                    r"(?:tim|kiem|dang ky|dk|tham gia|vao|di|biet|hoi|xem|join|find|sign up|register|go to|attend|"
                    r"know|see)|looking for|sign me up)(?![a-z])")


def _wants(part: str) -> bool:
    return bool(_WANTS.search(" ".join(words(part))))


def request_apart(turn: Turn, parts: list[str], besides: Callable[[str], bool] | None = None) -> str | None:
    """The one part of a message that asks for a feature on its own, leaving out the parts `besides` says are
    something else; None if none or several."""
    if len(parts) < 2:
        return None

    def asks_for_a_feature(part: str, intent: str | None) -> bool:
        return (intent in _REQUESTS_BESIDE or (intent in _ASKED_FOR_BESIDE and (asks(part) or _wants(part)))) \
            and (besides is None or not besides(part))

    requests = []
    for part in parts:
        intent = turn.services.intents.intent(part)
        if asks_for_a_feature(part, intent):
            requests.append(part)
        elif intent is None:
            # A sentence that asks for nothing as a whole may in one clause ("Ngừng nhắc nhở luôn nhé, tôi chuyển sang
            # cơ sở khác."): the clause is the request.
            clauses = parts_of(part)
            if len(clauses) >= 2:
                requests.extend(clause for clause in clauses
                                if asks_for_a_feature(clause, turn.services.intents.intent(clause)))
    return requests[0] if len(requests) == 1 else None


def without(parts: list[str], request: str) -> str:
    """The message's other parts, with a request that was one clause of a sentence taken out of it."""
    return " ".join(part.replace(request, " ").strip(" ,;") if request in part else part
                    for part in parts if part != request)


async def then_the_feature(turn: Turn, answered: list[Reply], request: str) -> Step | None:
    """An answer already written, then the feature a part of the same message asks for, opened with what it says."""
    opened = await on_intent(turn, request)
    if opened is None:
        return None
    return Step([*answered, *opened.replies], opened.handler, opened.entry, then=opened.then, carried=opened.carried)


async def on_intent(turn: Turn, asked: str | None = None) -> Step | None:
    """A feature asked for in words: opened with what the message already says. `asked` is the part of the
    message that asks, when the caller knows it."""
    # A story asks for a feature in its question, not wherever a feature's words occur in what happened
    # ("…anh ấy ngại lên gặp bác sĩ" is no request to talk to someone).
    asked = asked or (question_of(turn.text) if len(turn.text) >= STORY_CHARS else None) or turn.text
    intent = turn.services.intents.intent(asked)
    if intent is None and (turned := after_a_turn(asked)) is not None:
        # An aside, then what the person came for ("nóng chết mất, điều hòa hỏng. anyway nhắc mình 6h30 sáng nhé").
        asked, intent = turned, turn.services.intents.intent(turned)
    if intent is None:
        return None
    if intent == "erase":
        return await privacy.on_erase(turn)
    if intent == "privacy":
        return await privacy.on_privacy(turn)
    if intent == "language":
        return await start.on_language(turn)
    if intent in ("language_en", "language_vi"):
        turn.set_locale(intent.removeprefix("language_"))
        return Step([Reply(turn._("start.language_set")), *menu.menu_unless_in_flow(turn)], "start", intent)
    if intent == "menu":
        return await menu.on_help(turn)
    if intent == "groups":
        turn.close_flow()
        return await groups.on_groups(turn)
    if intent == "sites":
        said = " ".join(words(asked))
        if _HIV_SERVICES.search(said) and not _TREATMENT_SITES.search(said) \
                and not turn.services.sites.has_kind(SiteKind.HIV_SERVICE):
            return None  # the list holds no place for an HIV test or PrEP: the FAQ says where to go
        # Something the site list does not hold, sought with a "where" ("gần đây có chỗ nào phát kim tiêm sạch không"),
        # with no kind of site named; or a question with no "where" and no place in it that only shares a request's
        # shape ("my son leaves the rehab centre in June, what can we do as a family"): the entry the ranker is all
        # but certain of answers.
        unlisted = not _TREATMENT_SITES.search(said) and sites.kinds_said(turn.text) is None
        no_where = not _SEEKING_A_PLACE.search(said) and place_said(turn.text) is None
        if (unlisted or no_where) and _faq_answers_instead(turn, asked, _PLACE_ENTRIES):
            return None
        found = _places(turn)
        if found is not None:
            return found
        # A place the list lacks, said as one ("em ở Long Biên, gần đây có chỗ nào cấp methadone không"): said so,
        # with the way to look by province; no place said: the kind of place already named is not asked again.
        place = place_said(turn.text)
        if place is not None:
            return unlisted_place(turn, place)
        return await sites.start(turn, sites.kind_named(turn.text))
    if intent == "reminder_set":
        parsed = parse_time_of_day(turn.text)
        if isinstance(parsed, TimeProblem) and turn.person.consented:
            turn.close_flow()
            return reminders.ask_time_again(turn, parsed)
        if parsed is not None and not isinstance(parsed, TimeProblem):
            turn.close_flow()
            if not turn.person.consented:
                return privacy.ask_consent_for(turn, "m:remind", {"at": f"{parsed.hour:02d}:{parsed.minute:02d}"})
            return await reminders.set_time(turn, parsed.hour, parsed.minute)
    if intent == "talk" and _another_day(turn, asked):
        # A talk with a counselor on a day to come ("maybe Saturday afternoon?") is an appointment.
        intent = "book"
    if intent == "book":
        turn.close_flow()
        return Step([], "understand", intent, then="m:book", carried=_when_said(turn, asked))
    if intent in ("reminder_stop", "reminder_pause") and not await reminders.has_reminder(turn):
        # Nothing to stop or pause: said plainly, with no consent asked for a reminder that does not exist.
        turn.close_flow()
        return reminders.none_to_change(turn)
    if intent == "reminder_stop":
        turn.close_flow()
        return await reminders.stop(turn)
    if intent == "reminder_pause":
        days = parse_days(" ".join(words(asked)))
        turn.close_flow()
        carried = {"pause_days": str(days)} if days is not None else {}
        return Step([], "understand", intent, then=FEATURE_OF_INTENT[intent], carried=carried)
    turn.close_flow()
    return Step([], "understand", intent, then=FEATURE_OF_INTENT[intent])


def _another_day(turn: Turn, text: str) -> bool:
    """Whether the message names a day after today."""
    day = parse_day(text, turn._.local(turn.now).date())
    return day is not None and not isinstance(day, TimeProblem) and day > turn._.local(turn.now).date()


def _when_said(turn: Turn, text: str) -> dict[str, str]:
    """The day and time of day a request says ("đặt lịch chiều mai 3h"), for the booking's time step; a
    problem with them (a past day, "25h") is left for that step to ask about."""
    day, at = parse_day(text, turn._.local(turn.now).date()), parse_time_of_day(text)
    said = {}
    if day is not None and not isinstance(day, TimeProblem):
        said["asked_day"] = day.isoformat()
    if at is not None and not isinstance(at, TimeProblem):
        said["asked_at"] = f"{at.hour:02d}:{at.minute:02d}"
    return said


# A place of some kind asked for, folded: "có điểm … nào", "có cơ sở … không", "ở đâu", "is there a clinic".
_SEEKING_A_PLACE = re.compile(
    r"(?<![a-z])(?:co (?:diem|co so|cho|noi|phong kham|tram|trung tam)(?: [a-z]+){0,5} (?:nao|khong|ko|k)|o dau|"
    r"cho nao|noi nao|where|is there|are there|any (?:clinics?|points?|cent(?:er|re)s?|sites?)|"
    # A kind of place near a landmark named ("cơ sở methadone gần bệnh viện Bạch Mai", "a clinic near the market"); not
    # "gần nhà", which moving a dose nearer home says.
    r"(?:co so|diem|phong kham|tram|trung tam|clinic|clinics|point|centre|center)(?: [a-z]+){0,3} "
    r"(?:gan|near|close to)(?: the)? (?:benh vien|cho|ben xe|ga|truong|sieu thi|cong vien|nga tu|hospital|market|"
    r"station|bus station|school|park))(?![a-z])")


async def on_place(turn: Turn) -> Step | None:
    """"methadone ở Hải Phòng", "tôi ở Thủ Đức": a short message naming a place, about what the bot
    covers (or only the place), asking nothing else ("giá bao nhiêu"): a few words besides the place and
    the words of its kind ("Hải Phòng, quận Lê Chân có điểm tư vấn không" asks as little as "ở Lê Chân có
    điểm không")."""
    step = await _on_place_in(turn, turn.text)
    if step is not None:
        return step
    # An aside first, then the place asked in a sentence of its own ("con mèo nhà em ăn vụng gói chả lụa 😂 mà ad ơi
    # điểm tư vấn ở Thủ Đức nằm đâu"): the last sentence is the request, when nothing before it is about what the
    # bot covers.
    parts = parts_of(turn.text, clauses=False)
    if len(parts) >= 2 and not turn.services.intents.on_topic(" ".join(parts[:-1])):
        return await _on_place_in(turn, _TURNING_TO.sub("", parts[-1]))
    # The last sentence said to be all that is asked ("đọc báo thấy vụ … thương quá. e chỉ muốn hỏi điểm cấp phát
    # methadone ở Hải Phòng"), whatever the story before it is about.
    if len(parts) >= 2 and _ONLY_ASKING.match(parts[-1]):
        return await _on_place_in(turn, _ONLY_ASKING.sub("", parts[-1]))
    # A correction, what is meant said and what is not set aside ("à nhầm, ý em là điểm uống methadone ở Gò Vấp chứ
    # không phải bệnh viện"): the place asked is what is meant.
    meant = _NOT_THAT.sub("", _CORRECTING.sub("", turn.text)).strip()
    if meant and meant != turn.text.strip():
        return await _on_place_in(turn, meant)
    return None


# A correction's opening ("à nhầm,", "sorry, I meant", "ý em là") and what is not meant after it ("chứ không phải …",
# "not the …"), to the end of its sentence.
_CORRECTING = re.compile(r"^\s*(?:(?:à|a|ấy|ay|ủa|ua|oh|sorry)[\s,]+)?(?:(?:em|tôi|tui|mình|minh|toi)\s+)?"
                         r"(?:nhầm|nham|lộn|lon|my bad|my mistake|i meant|i mean)(?:\s+(?:rồi|roi|ạ|a))?[\s,.:]*"
                         r"(?:(?:ý|y)\s+(?:em|tôi|tui|mình|minh|toi)\s+là[\s,:]*)?", re.IGNORECASE)
_NOT_THAT = re.compile(r"[\s,]*(?:chứ|chu)\s+(?:không|ko|k|hông|đâu|dau|khong)\s+phải\b[^.?!]*|"
                       r"[\s,]*\b(?:not|rather than|instead of)\s+(?:the|a|an)\b[^.?!]*", re.IGNORECASE)


# "Em chỉ muốn hỏi", "i just want to ask about": what follows is the one thing asked.
_ONLY_ASKING = re.compile(r"^\s*(?:(?:e|em|tôi|toi|mình|minh|tui|chị|chi|anh|con|cháu|chau)\s+)?(?:chỉ|chi)\s+"
                          r"(?:muốn|muon|cần|can)\s+(?:hỏi|hoi)\s+(?:về\s+|ve\s+)?|"
                          r"^\s*(?:i\s+)?(?:just|only)\s+(?:want|wanted|need)\s+to\s+ask\s+(?:about\s+)?",
                          re.IGNORECASE)


# The words that turn from an aside to the request, and the call to the bot after them ("mà ad ơi", "à mà", "btw").
_TURNING_TO = re.compile(r"^\s*(?:(?:à|a)\s+)?(?:mà|ma(?!\s+t[uúùủũụ]y)|nhân tiện|nhan tien|btw|by the way|anyway|còn)?"
                         r"[\s,]*"
                         r"(?:(?:ad|admin|bot|bạn|ban|add)\s+(?:ơi|oi)[\s,]*)?", re.IGNORECASE)


async def place_asked_in(turn: Turn, sentence: str) -> Step | None:
    """The sites of a place a sentence asks for, as a short message naming it would get them ("e chỉ muốn hỏi điểm
    cấp phát methadone ở Hải Phòng"); None when it asks for no place."""
    return await _on_place_in(turn, _ONLY_ASKING.sub("", sentence))


async def _on_place_in(turn: Turn, text: str) -> Step | None:
    said = words(text)
    besides = turn.services.sites.words_besides_place(text)
    # Whether there is such a place, asked ("Hà Nội có điểm tư vấn cai nghiện nào không"): the words that name
    # the kind of place say nothing more about it.
    seeking = bool(_SEEKING_A_PLACE.search(" ".join(said)))
    if seeking:
        besides = sites.without_site_words(besides)
    if len(besides) > 8 or turn.services.intents.asks_about(text):
        return None
    if sites.kinds_said(text) is None and _faq_answers_instead(turn, text):
        return None
    # Off topic, a message is about where to find things only when it says nothing but the place and where it is or
    # what is sought there ("tôi ở Thủ Đức", "Hải Phòng chỗ nào"): "whats the weather in hanoi" asks about the weather.
    if not turn.services.intents.on_topic(text) and (len(said) > 5 or not says_only_where(besides)):
        return None
    step = _places(turn, text)
    # A test or PrEP sought where the list has no HIV service ("where can he get an hiv test near ca mau"): said so,
    # then the FAQ's entry, which says where such tests are done.
    if step is not None and step.handler == "sites:none" and sites.kinds_said(text) == _HIV_ONLY \
            and _faq_answers_instead(turn, text):
        entry, _candidates = turn.services.faq.answer(text)
        assert entry is not None
        return Step([*step.replies, Reply(entry.answer.get(turn._.locale))], step.handler, entry.id)
    if step is None and (seeking or sites.kinds_said(text) is not None):
        # A place the list lacks ("Quận Hai Bà Trưng có điểm tư vấn nào không", "điểm methadone ở Cầu Giấy"): said so,
        # with the way to look by province, rather than what such a place does. With no seeking said, only a name right
        # after "ở", "tại", "in": "sợ đi uống methadone thì xã biết" names no place.
        place = place_said(text) if seeking else place_near_in(text)
        if place is not None:
            return unlisted_place(turn, place)
    return step


# A thing sought in a place ("where can i get clean needles in hanoi", "condoms in da nang") is answered by the FAQ
# entry the ranker is all but certain of, which says where to get it, instead of the sites there. The entry on finding
# a site is the site finder's own subject.
_SITE_FINDER_ENTRY = "find-a-site"
# The entries that tell what the kinds of site are: a request the sites intent reads, which the ranker is sure is about
# them, is still a request for the sites.
_PLACE_ENTRIES = frozenset({_SITE_FINDER_ENTRY, "methadone-clinic-vs-dispensing", "counseling-point-services"})


def _faq_answers_instead(turn: Turn, text: str, sites_own: frozenset[str] = frozenset({_SITE_FINDER_ENTRY})) -> bool:
    """A thing the FAQ tells where to get, sought in a place with no kind of site named: its entry answers, unless
    it is one of `sites_own`, the entries whose subject is the sites themselves."""
    faq = turn.services.faq
    if not faq.certain(text):
        return False
    entry, _candidates = faq.answer(text)
    return entry is not None and entry.id not in sites_own


_HIV_ONLY = frozenset({SiteKind.HIV_SERVICE})


def _places(turn: Turn, text: str | None = None) -> Step | None:
    text = turn.text if text is None else text
    step = sites.in_place(turn, text, sites.kinds_said(text), whole=False)
    if step is not None:
        turn.close_flow()
    return step


def unlisted_place(turn: Turn, place: str) -> Step:
    """"tôi ở Bình Thạnh", "quận Long Biên": the sites there if the list knows the name, otherwise said
    plainly that the list has nothing there yet, with the way to look by province or city."""
    found = sites.in_place(turn, place, None)
    if found is not None:
        turn.close_flow()
        return found
    turn.close_flow()
    choices = (turn.choice_of("m:sites", "sites.search_again"), turn.choice_of("m:menu", "menu.back"))
    return Step([Reply(turn._("sites.none_there", place=place)), Reply(turn._("sites.try_province"), choices)],
                "sites:none")


async def on_unknown(turn: Turn) -> Step:
    """Nothing understood: outside what the bot covers, a story to acknowledge, or close questions to
    offer; never a bare "I did not understand" when something better can be said."""
    _ = turn._
    place = place_said(turn.text)
    if place is not None:
        return unlisted_place(turn, place)
    offer_talk = Choice("m:talk", _("faq.talk_instead"))
    if len(turn.text) >= STORY_CHARS:
        return Step([Reply(_("understand.story"), (turn.choice_of("m:book", "menu.book"), offer_talk))],
                    "understand:story")
    if not turn.services.intents.on_topic(turn.text) or turn.services.intents.an_errand(turn.text):
        return Step([Reply(_("understand.off_topic")), *menu.menu_unless_in_flow(turn)], "understand:off_topic")
    return Step([Reply(_("misc.fallback")), *menu.menu_unless_in_flow(turn)], "fallback")
