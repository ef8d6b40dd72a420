"""Free-text questions answered from content/faq, or a "did you mean" when the match is not sure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from bot.content import FaqEntry
from bot.dialogs import Step, Turn
from bot.i18n import N_
from bot.keys import ChoiceKey
from bot.messages import Choice, Reply
from bot.normalize import after_a_turn, question_clause, question_of, with_its_subject, words
from bot.services.crisis import SIGNS, CrisisKind, Tier
from bot.services.faq import FaqIndex, Match
from handlers import understand
from handlers.menu import menu_unless_in_flow
from handlers.understand import STORY_CHARS

# What to do if the danger an answer is about is happening now.
ABOUT_LINES = {
    CrisisKind.OVERDOSE: N_("crisis.about_overdose"),
    CrisisKind.POISONING: N_("crisis.about_poisoning"),
    CrisisKind.SUICIDE: N_("crisis.about_suicide"),
    CrisisKind.CHILD: N_("crisis.about_child"),
    CrisisKind.VIOLENCE: N_("crisis.about_violence"),
}

# Long messages are read for crisis signals in full; a question is in its first lines.
QUESTION_CHARS = 1000
# From this long, a message the FAQ cannot answer as a whole is tried by its own question.
QUESTION_OF_CHARS = 60
# A listed question is offered in a "did you mean" only when it is genuinely close to the message.
DID_YOU_MEAN_AT = 0.25
# A story's own question is answered on its words only when the learned ranker gives that entry at least
# this much; otherwise the whole story decides (docs/knowledge.md).
STORY_QUESTION_RANKER_AT = 0.1
# A story as a whole is answered on the ranker alone only when it is this sure.
STORY_WHOLE_RANKER_AT = 0.8


async def on_question(turn: Turn) -> Step | None:
    """A question the FAQ answers with confidence, in the language it was asked in."""
    entry, candidates = answer_to(turn)
    entry = what_to_do_instead(turn, entry)
    if entry is None:
        return None
    # A match that is not close on the words themselves and shares no word of what the bot covers ("giá
    # vàng hôm nay" and the fees entry share "giá"; "what time is it in London" is shaped like a question
    # about dosing hours) is a coincidence, not an answer.
    # A question about the bot itself is within what it covers when it names the bot ("bot này của ai lập ra").
    folded = " ".join(words(turn.text))
    about_the_bot = entry.topic == "bot" and bool(_THE_BOT.search(folded)) \
        and (bool(_THE_BOT.search(_BOT_ADDRESSED.sub(" ", folded))) or bool(_YOU.search(folded)))
    if candidates[0].overlap < turn.services.faq.ANSWER_AT and not turn.services.intents.on_topic(turn.text) \
            and not about_the_bot:
        return None
    # An everyday errand's papers or fees ("mua xe máy trả góp cần những giấy tờ gì") are not treatment's.
    if turn.services.intents.an_errand(turn.text):
        return None
    await turn.uow.tally.add(None, f"question.{entry.topic}", turn.now)
    answered = [Reply(answer_of(turn, entry))]
    # A feature asked for in a sentence of its own beside the question ("mình muốn đổi lịch hẹn sang thứ 6. nhân
    # tiện, naloxone là gì"): the answer, then the feature.
    request = understand.request_apart(turn, understand.parts_of(turn.text[:QUESTION_CHARS], clauses=False))
    if request is not None:
        opened = await understand.then_the_feature(turn, answered, request)
        if opened is not None:
            return opened
    return Step(answered, "faq", entry.id)


# Words that say what follows is the question ("cho mình hỏi", "em muốn hỏi", "my question is").
_ASKING_MARK = re.compile(r"(?<![a-z])(?:cho (?:(?:em|minh|toi|tui|chau|anh|chi|con|hoi) )?hoi|"
                          r"(?:em|minh|toi|tui|chau) (?:muon|can|xin) hoi|xin hoi|my question is|quick question|"
                          # A question after another, said to be one ("next question:", "câu hỏi tiếp nè").
                          r"(?:next|another|one more|second|other|real) question|cau hoi (?:tiep|tiep theo|nua|khac)|"
                          r"hoi them (?:cau|cai|chut|xiu)|"
                          # "Em hỏi chút", "hỏi xíu": a little question, said before it.
                          r"(?:(?:em|minh|toi|tui|chau|con|anh|chi) )?hoi (?:chut|xiu|ti|ty|mot chut|mot xiu|1 chut)|"
                          r"i want to ask|i wanted to ask|can i ask|may i ask|"
                          # Or the wish to know or understand it ("I want to understand how methadone works").
                          r"(?:em|minh|toi|tui|chau) (?:muon|can) (?:biet|hieu|tim hieu)|"
                          r"i (?:want|d like|would like|need|wanna) to (?:know|understand|learn)|"
                          r"i m trying to understand)(?![a-z])")
# What a thing is, asked with "mà" and what made the person ask ("thuốc đó là cái gì mà ai cũng uống"), folded.
_WHAT_IS_THAT = re.compile(r"((?:[a-z0-9]+ ){1,5}la (?:cai )?gi) ma ")
# The bot named, in a question about who runs it, what it keeps or whether a person answers.
_THE_BOT = re.compile(r"(?<![a-z])(?:bot|chatbot)(?![a-z])")
# The bot called by name, first or last ("bot ơi mai có mưa không", "mai Hà Nội có mưa không bot"): an address, as "ad
# ơi" is, and no question about the bot, unless the question is put to it ("will you report me to the police, bot?").
# "Who runs this bot" names it.
_YOU = re.compile(r"(?<![a-z])(?:you|u|ur|your|ban|may|mi)(?![a-z])")
_BOT_ADDRESSED = re.compile(r"^(?:(?:hey|hi|hello|e|ei|oi) bot|bot (?:oi|a|nhe|nha))(?![a-z])|"
                            r"(?<![a-z])(?<!this )(?<!the )(?<!that )(?<!your )(?<!a )(?<!con )(?<!cai )"
                            r"bot(?: oi| a| nhe| nha| ha)?$")
# Asking what to do, not what it looks like: "nếu ai đó bị quá liều thì làm gì", "should you leave someone to
# sleep it off", "what should I have done". The signs entry says little of what to do; its first-aid entry does.
# "làm sao biết" and "what should I look out for" ask for the signs.
# "Có nên" before taking something ("có nên uống thêm thuốc an thần không") asks whether it may be taken, not what to
# do.
_WHAT_TO_DO = re.compile(r"(?<![a-z])(?:lam gi|phai lam|nen lam|xu tri|xu ly|so cuu|"
                         r"co nen(?! (?:uong|dung|chich|hut|xai|an|mua|tang|giam|ngung|bo|cai|tiep tuc)(?![a-z]))|"
                         r"nen de|"
                         r"what should (?:i|we|you) (?:do|have done)|what do (?:i|we|you) do|what to do|"
                         # "What signs should we list on the leaflet": the signs are asked for, not what to do.
                         r"(?<!what )(?<!how )(?<!where )(?<!when )(?<!which )(?<!signs )(?<!symptoms )"
                         r"should (?:i|you|we)(?! be )|"
                         r"how do i help|how can i help|first aid|to do if)(?![a-z])")
# How to tell, asked so as to know what to do ("làm sao biết 1 người đang bị sốc thuốc, để con biết mà xử lý", "how
# can I tell if someone is overdosing, so I know what to do"): what to do is why the signs are asked for.
_TO_TELL = re.compile(r"(?<![a-z])(?:(?:lam sao|lam the nao|cach)(?: de)? (?:biet|nhan biet|nhan ra)|"
                      r"how (?:do|can|would|will) (?:i|you|we) (?:tell|know|recogni[sz]e|spot)|"
                      r"how to (?:tell|recogni[sz]e|spot))(?![a-z])")
_SIGNS_NAMED_ASKED = re.compile(r"(?<![a-z])(?:dau hieu|bieu hien|what are the signs|what are the symptoms)"
                                r"(?: [a-z0-9]+){0,8} (?:la gi|la sao|nhu the nao|ra sao|the nao)(?![a-z])|"
                                r"(?<![a-z])what are the (?:signs|symptoms)(?![a-z])")
_SO_AS_TO_ACT = re.compile(r"(?<![a-z])(?:(?:de|ma)(?: [a-z]+){0,3} (?:xu ly|xu tri|lam gi|so cuu)|"
                           r"so (?:that )?(?:i|we) (?:know|can) (?:what to do|help|act))(?![a-z])")
# A medicine that undoes an overdose, asked for ("có thuốc nào giải sốc ma túy không", "what should families keep at
# home in case of an overdose"): the naloxone entry, not the signs or the first steps.
_ANTIDOTE = re.compile(r"(?<![a-z])(?:thuoc giai|giai soc|giai qua lieu|thuoc (?:nao |gi )?(?:giai|cuu)(?: duoc)?"
                       r"|antidote|reverses? (?:an |the |a )?(?:opioid |heroin |drug )?overdoses?|reversal"
                       r"|keep at home in case|keep in the house in case|de san trong nha|narcan)(?![a-z])")
# A clause that opens with now, after one of what happened ("…, giờ muốn cai", "…, now I want methadone"), folded.
_NOW_THEN = re.compile(r"(?:ma |nhung |and |but )?(?:gio|bay gio|gio thi|nay|hien gio|hien tai|now|right now)(?![a-z])")
# What to look out for, asked ("what should I be looking out for if my partner overdoses?", "cần để ý những gì"): the
# signs, not the first steps.
_WATCH_FOR = re.compile(r"(?<![a-z])(?:look(?:ing)? out for|watch(?:ing)? (?:out )?for|keep an eye out for|"
                        r"de y (?:nhung |cai )?(?:gi|dau hieu)|theo doi (?:nhung |cai )?(?:gi|dau hieu))(?![a-z])")
SIGNS_ENTRY = "overdose-signs"
# How a dose is kept out of reach, asked ("cất thuốc thế nào", "where should they keep it").
_KEEPING = re.compile(r"(?<![a-z])(?:cat (?:thuoc|giu|o dau|the nao|sao|kieu)|cat giu|cat di|de o dau|giu thuoc|"
                      r"khoa tu|tu khoa|keep it|keep them|store it|store them|stored|storing|lock (?:it|them) away|"
                      r"locked away|out of reach)(?![a-z])")
NALOXONE = "naloxone"
ANTIDOTE_INSTEAD = frozenset({"overdose-signs", "overdose-first-aid", "emergency-numbers"})
FIRST_AID = "overdose-first-aid"
FIRST_AID_INSTEAD = {"overdose-signs": FIRST_AID}
TAKE_HOME = "methadone-take-home"
SWALLOWED = "methadone-swallowed-by-someone-else"


def what_to_do_instead(turn: Turn, entry: FaqEntry | None) -> FaqEntry | None:
    """The entry that says what to do, when the message asks what to do ("làm gì", "có nên", "what should I
    have done") and the closest entry tells what a danger looks like, or someone shows a sign of overdose
    ("… passed out after pills and alcohol, what should I have done?", "người co giật có nên nhét gì vào
    miệng không"): first aid, whatever else the message names. And the other way: the signs, when what to
    look out for is asked and the closest entry is the first aid; the antidote when one is asked for; and a
    dose swallowed by someone else, when a child's swallowing is feared and the closest entry is taking
    doses home. The closest entries of a danger are near each other in words; what is asked tells them apart."""
    said = " ".join(words(turn.text))
    overdose = turn.crisis is not None and turn.crisis.kind is CrisisKind.OVERDOSE
    if entry is not None and (entry.id in ANTIDOTE_INSTEAD or overdose) and _ANTIDOTE.search(said):
        return turn.services.faq.by_id.get(NALOXONE, entry)
    # What to look out for, asked with nothing happening now: the signs.
    if entry is not None and entry.id == FIRST_AID and _WATCH_FOR.search(said) and not _WHAT_TO_DO.search(said) \
            and not (turn.crisis is not None and turn.crisis.tier is Tier.NOW):
        return turn.services.faq.by_id.get(SIGNS_ENTRY, entry)
    # A child swallowing someone's take-home dose by mistake, feared, and how to keep it asked ("tôi sợ con tôi lấy uống
    # nhầm, nên nhắc họ cất thuốc thế nào"): the entry on a dose swallowed by someone else, which says what to do then
    # and how to keep it away. Not whether doses may be taken home after a child once swallowed one ("năm ngoái con tôi
    # uống nhầm …, giờ còn được mang thuốc về không"): that is the take-home entry's.
    reading = turn.crisis
    if entry is not None and entry.id == TAKE_HOME and reading is not None \
            and reading.kind is CrisisKind.POISONING and "ingest_accident" in reading.signals \
            and {"child", "young_child"} & set(reading.signals) and "past" not in reading.signals \
            and _KEEPING.search(said):
        return turn.services.faq.by_id.get(SWALLOWED, entry)
    if entry is None or not _WHAT_TO_DO.search(said) or (_TO_TELL.search(said) and _SO_AS_TO_ACT.search(said)):
        return entry
    # The signs asked for by name, and what to do only after, as the reason for asking ("dấu hiệu người bị sốc thuốc là
    # gì, em muốn biết trước để lỡ khách có bị thì còn xử lý"): the signs.
    signs_asked = _SIGNS_NAMED_ASKED.search(said)
    if signs_asked is not None and not _WHAT_TO_DO.search(said[:signs_asked.end()]) and entry.id == SIGNS_ENTRY:
        return entry
    if entry.id in FIRST_AID_INSTEAD:
        return turn.services.faq.by_id.get(FIRST_AID_INSTEAD[entry.id], entry)
    # Not a sign of an illness that is over ("tháng trước bà em hôn mê vì đột quỵ, giờ tỉnh rồi … gia đình nên làm gì để
    # giúp em trai"), or of a collapse said to be over and dealt with ("… nhân viên xử lý xong, chị ấy tỉnh rồi, cho hỏi
    # thứ 7 có cấp thuốc không"): what to do is asked about something else, or not asked at all.
    if reading is not None and reading.kind is CrisisKind.OVERDOSE and set(reading.signals) & set(SIGNS) \
            and not {"medical_cause", "past"} <= set(reading.signals) and "safe_now" not in reading.signals:
        return turn.services.faq.by_id.get(FIRST_AID, entry)
    # An overdose supposed, and what the family should do then ("lỡ sau này e tái nghiện bị sốc thì người nhà phải làm
    # gì"): the first steps, not the entry on relapse the other words lean to.
    if reading is not None and reading.kind is CrisisKind.OVERDOSE and reading.tier is Tier.ABOUT \
            and {"overdose_event", "shock_word"} & set(reading.signals) and "hypothetical" in reading.signals \
            and "past" not in reading.signals and entry.id not in turn.services.content.crisis.danger_entries:
        return turn.services.faq.by_id.get(FIRST_AID, entry)
    # Someone swallowing a take-home dose by mistake, and what to do then ("lỡ sau này cháu nó uống nhầm thì xử lý
    # sao"): the entry on a dose swallowed by someone else, not the one on taking doses home.
    if reading is not None and reading.kind is CrisisKind.POISONING and "ingest_accident" in reading.signals \
            and entry.id == TAKE_HOME:
        return turn.services.faq.by_id.get(SWALLOWED, entry)
    return entry


def answer_to(turn: Turn, told_first: bool = False) -> tuple[FaqEntry | None, list[Match]]:
    """The answer to a long message's own question when the FAQ is sure of it, else to the whole message:
    a story's many words about what happened drown the few that ask. `told_first`: the message tells
    something before it asks, whatever its length ("I overdosed once in 2019 and survived. Can I still get
    methadone?"), so its question is tried first."""
    text = turn.text[:QUESTION_CHARS]
    faq = turn.services.faq
    what_is = _WHAT_IS_THAT.match(" ".join(words(text)))
    if what_is is not None:
        # "metadon là cái gì mà ông hàng xóm ngày nào cũng đi uống vậy": what a thing is, asked with why it is
        # asked; the words after "mà" pull towards what they tell (daily dosing).
        entry, candidates = faq.answer(what_is.group(1))
        if sure_of_question(faq, entry, candidates):
            return entry, candidates
    marked = marked_question(faq, text)
    if marked is not None:
        return marked
    question = question_of(text) if len(text) >= STORY_CHARS or told_first else None
    if question is not None:
        entry, candidates = faq.answer(question)
        if sure_of_question(faq, entry, candidates):
            return entry, candidates
        entry, candidates = _asked_of_its_subject(faq, text)
        if entry is not None:
            return entry, candidates
    entry, candidates = faq.answer(text)
    if (question is not None and entry is not None and candidates[0].overlap < faq.CLEAR_AT
            and candidates[0].probability < STORY_WHOLE_RANKER_AT):
        # A story whose question matched nothing is answered as a whole only when its words clearly agree
        # with a way of asking, or the ranker is all but certain: its everyday words ("không biết làm gì",
        # "nhà tôi") lean towards the entries about families whatever it tells.
        return None, candidates
    if entry is None and question is None and len(text) >= QUESTION_OF_CHARS:
        # Shorter than a story, a message of a few sentences that the FAQ cannot answer as a whole may be
        # answered by its own question ("I'm a nursing student, this week is exhausting. Off topic, what is
        # buprenorphine"): its first sentences pull away from what it asks. Only when sure of it. A single
        # sentence of clauses is tried by its clause that asks ("Chồng tôi hay đùa …, giờ anh ấy đi làm xa, có
        # chuyển điểm uống methadone theo được không").
        question = question_of(text) or question_clause(text)
        if question is not None:
            asked, asked_candidates = faq.answer(question)
            if sure_of_question(faq, asked, asked_candidates):
                return asked, asked_candidates
            asked, asked_candidates = _asked_of_its_subject(faq, text)
            if asked is not None:
                return asked, asked_candidates
    clauses = [clause for clause in re.split(r"[,;.]", text) if len(clause.split()) >= 2]
    if question is None and len(text) < QUESTION_OF_CHARS and len(clauses) >= 2 \
            and (entry is None or (candidates[0].overlap < faq.CLEAR_AT
                                   and candidates[0].probability < STORY_WHOLE_RANKER_AT
                                   and bool(_NOW_THEN.match(" ".join(words(clauses[-1])))))):
        # A few words of what happened, then what the person wants, in a clause of its own ("tung suyt chet vi he, nay
        # muon cai", "hồi trước suýt chết vì hàng trắng, giờ muốn cai"): what happened pulls away from what is wanted.
        # Against an answer to the whole, only a clause that says it is now.
        asked, asked_candidates = faq.answer(clauses[-1])
        if sure_of_question(faq, asked, asked_candidates):
            return asked, asked_candidates
    turned = after_a_turn(text) if entry is None else None
    if turned is not None:
        # An aside, then the question the person came for, which the whole message got no answer to ("the heat is
        # killing me, the fan broke. anyway what time do they dose on sunday"): the aside's words pull elsewhere.
        asked, asked_candidates = faq.answer(turned)
        if sure_of_question(faq, asked, asked_candidates):
            return asked, asked_candidates
    return entry, candidates


def marked_question(faq: FaqIndex, text: str) -> tuple[FaqEntry | None, list[Match]] | None:
    """The answer to a sentence that says it is the question ("… đang viết báo cáo về sốc quá liều heroin. Cho mình hỏi
    methadone có phải là ma túy không?"), after others that tell why, when the FAQ is sure of it, whatever the
    message's length: what the person tells pulls towards other entries ("báo cáo", a report, towards the figures)."""
    marked = question_of(text)
    if marked is None or not _ASKING_MARK.search(" ".join(words(marked))):
        return None
    entry, candidates = faq.answer(marked)
    return (entry, candidates) if sure_of_question(faq, entry, candidates) else None


def _asked_of_its_subject(faq: FaqIndex, text: str) -> tuple[FaqEntry | None, list[Match]]:
    """The answer to a question whose "it" is a treatment named before it, when the FAQ is sure of it."""
    resolved = with_its_subject(text)
    if resolved is None:
        return None, []
    entry, candidates = faq.answer(resolved)
    return (entry, candidates) if sure_of_question(faq, entry, candidates) else (None, [])


def sure_of_question(faq: FaqIndex, entry: FaqEntry | None, candidates: list[Match]) -> bool:
    """Whether the answer to a message's own question stands without the rest of the message. The ranker
    alone, sure of a few words that share none of an entry's ways of asking ("không biết phải làm gì tiếp
    theo"), is following a sentence's shape, not its question; and a few words shared with a way of asking
    that the ranker all but rules out ("nên làm sao, có phải khai là đang uống methadone không" and a
    question about hospital) are a coincidence the rest of the message can correct."""
    return entry is not None and candidates[0].overlap >= faq.SUGGEST_AT and (
        faq.model is None or candidates[0].probability >= STORY_QUESTION_RANKER_AT
        or candidates[0].overlap >= faq.ANSWER_AT)


def answer_of(turn: Turn, entry: FaqEntry) -> str:
    """The entry's answer; for an entry about a danger, with what to do if it is happening now."""
    answer = entry.answer.get(turn._.locale)
    kind = turn.services.content.crisis.danger_entries.get(entry.id)
    return f"{answer}\n\n{turn._(ABOUT_LINES[CrisisKind(kind)])}" if kind else answer


async def on_close_questions(turn: Turn) -> Step | None:
    """No confident answer, but listed questions close to it: "did you mean", with a counselor last. A
    story (handlers/understand.py) is acknowledged instead: a list of questions is no answer to it."""
    if len(turn.text) >= STORY_CHARS:
        return None
    _entry, candidates = turn.services.faq.answer(turn.text[:QUESTION_CHARS])
    close = [m for m in candidates if m.score >= DID_YOU_MEAN_AT]
    if not close or not turn.services.intents.on_topic(turn.text) or turn.services.intents.an_errand(turn.text):
        return None
    language = turn._.locale
    choices = [Choice(FaqKey(m.entry.id).pack(), _label(m.entry.questions.en[0] if language == "en"
                                                  else m.entry.questions.vi[0])) for m in close]
    choices.append(Choice("m:talk", turn._("faq.talk_instead")))
    return Step([Reply(turn._("faq.did_you_mean"), tuple(choices))], "faq:did_you_mean")


@dataclass(frozen=True)
class FaqKey(ChoiceKey):
    """faq:<entry>, a "did you mean" choice."""

    prefix: ClassVar[str] = "faq"
    entry: str


async def on_faq_choice(turn: Turn) -> Step:
    """A "did you mean" choice: show that entry."""
    key = FaqKey.unpack(turn.choice)
    entry = turn.services.faq.by_id.get(key.entry) if key is not None else None
    if entry is None:
        return Step([Reply(turn._("misc.stale_choice")), *menu_unless_in_flow(turn)], "stale_choice")
    await turn.uow.tally.add(None, f"question.{entry.topic}", turn.now)
    return Step([Reply(answer_of(turn, entry))], "faq", entry.id)


def _label(question: str) -> str:
    return question if len(question) <= 60 else question[:57].rstrip() + "…"
