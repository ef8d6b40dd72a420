"""Crisis by meaning: a message may say that someone is in danger now, ask about a danger, or merely
share its words.

A keyword list cannot tell "bạn tôi chơi xong nằm im không dậy" (an overdose, no drug word in it) from
"mệt muốn chết" (a figure of speech). So the reader composes concepts from content/crisis.yaml: signs
of overdose about someone, a substance swallowed by mistake or in excess, a wish to die said directly
or not, violence against a person, a child in danger; then places the message in one of three tiers:

- NOW: it is happening. The crisis reply interrupts any flow, and the counselor on duty is alerted.
- ABOUT: a question about a danger ("dấu hiệu sốc thuốc là gì"). It gets its answer, plus one line
  with the emergency number.
- neither (None): an everyday use of the words ("tôi bị sốc khi biết con dùng ma túy").

An animal in danger ("con chó nhà tôi ăn phải thuốc chuột") is none of these: it gets the vet, and 115
in case a person swallowed the same thing, without an alarm (Tier.ANIMAL).

Every reading carries the concepts that fired, so the log can say why by name (never the text) and a
counselor who asks "why did the bot send 115 to this person" gets an answer.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Set
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.language import ENGLISH, language_of
from bot.normalize import words
from bot.phrases import PhraseSet, Token, tokenize
from bot.run_together import Splitter
from bot.services.crisis_model import CrisisModel

if TYPE_CHECKING:
    from bot.content import CrisisSignals
    from bot.store.base import UnitOfWork
    from bot.store.records import Person


class CrisisKind(StrEnum):
    """In the order of how fast a reply must come when a message carries more than one."""

    OVERDOSE = "overdose"
    POISONING = "poisoning"
    SUICIDE = "suicide"
    CHILD = "child"
    VIOLENCE = "violence"


class Tier(StrEnum):
    NOW = "now"
    # Only the statistical reader thinks so, and the message has no word of a danger: the person is
    # asked, plainly, with the numbers, and no counselor is alerted.
    CHECK = "check"
    ABOUT = "about"
    # A danger to an animal, not a person: a vet, and 115 if a person swallowed it too. No alarm.
    ANIMAL = "animal"


@dataclass(frozen=True)
class CrisisReading:
    kind: CrisisKind
    tier: Tier
    signals: tuple[str, ...]  # the concepts that fired, for the log and for a counselor who asks why
    model: float | None = None  # the statistical reader's probability of a crisis now, when it was asked
    # A wish to die that is someone else's, told by a person worried for them ("my friend keeps saying
    # everyone would be better off without him"): the reply says how to help them.
    someone_else: bool = False


# Called inside the turn's transaction after a crisis reply is chosen, once per crisis message (a
# replayed message rolls the turn back, listeners' writes with it). The counselor-on-duty alert is
# one; the registry in bot/app.py lists them.
CrisisListener = Callable[["UnitOfWork", "Person", CrisisKind, datetime], Awaitable[None]]

REQUIRED_CONCEPTS = frozenset({
    "overdose_event", "sign_unresponsive", "sign_breathing", "sign_blue", "sign_pupils", "sign_seizure",
    "sign_cold", "ingest_accident", "ingest", "excess", "excess_amount", "substance", "child", "child_harm",
    "suicide", "violence", "out_of_control", "person", "now", "question", "first_person", "strong_now",
    "hypothetical", "informational", "deadly_question", "permission", "collapse", "used", "child_generic",
    "young_child", "carer_out", "habitual", "past", "animal", "weapon_only", "stockpile", "farewell_apology",
    "farewell_gone", "reported", "shock_word", "method", "cold_weather", "hyperbole_word", "death", "wish",
    "harm_verb", "fiction", "safe_now", "speaker_wish", "left_alone", "suicide_hint", "joking",
    "cry", "not_a_cry", "spiked", "long_ago", "everyday_leaving", "everyday_thing", "plan", "rest", "again",
    "bot_feature", "feature_talk", "soon", "household_poison", "set_aside", "not_habitual", "others_fear", "not_safe",
    "dosing_service", "false_alarm", "third_person", "helper_words", "reflexive", "posted", "medical_cause",
    "despair", "missed_dose", "mistake", "meaning_asked", "released", "ran_out", "separating", "asks_time",
    "daily_visit", "quit_wish", "dream", "going_away", "not_waking", "in_care", "feared_future", "heart_emergency",
    "not_again", "seeking_care", "duration_now", "nothing_happening", "polite_sorry", "tell_anyone", "not_about_me",
    "asking_wish", "sign_possible",
})
# Concepts that can start a reading; the others only place it (who, when, asked or told).
EVENTS = frozenset({
    "overdose_event", "sign_unresponsive", "sign_breathing", "sign_blue", "sign_pupils", "sign_seizure", "sign_cold",
    "collapse", "ingest_accident", "excess", "excess_amount", "suicide", "stockpile", "farewell_apology",
    "weapon_only", "violence", "child_harm", "carer_out", "ingest", "shock_word", "deadly_question", "method",
    "death", "spiked", "farewell_letter",
})
# Words of a danger, of any weight: without one, the model's alarm becomes a question to the person
# (Tier.CHECK), and a question about a danger only the model saw is an ordinary question.
EVIDENCE = EVENTS | {"death", "used", "harm_verb", "child", "young_child", "substance", "speaker_wish",
                     "weapon_only", "out_of_control", "left_alone", "suicide_hint", "farewell_gone", "plan",
                     "going_away"}
# Words of a farewell: no evidence of a danger when the person is leaving for an everyday reason
# ("tạm biệt mọi người, mai em đi du học").
FAREWELL_EVIDENCE = frozenset({"suicide_hint", "farewell_gone", "farewell_apology", "farewell_letter"})
SIGNS = ("sign_unresponsive", "sign_breathing", "sign_blue", "sign_pupils", "sign_seizure", "sign_cold")
# Thoughts of suicide denied or over, said right before them ("không có ý nghĩ tự tử gì đâu", "không còn nghĩ tới chuyện
# chết", "tôi từng nghĩ đến chuyện tự tử", "i don't have suicidal thoughts"): "không ai hiểu, em nghĩ đến tự tử" denies
# nothing of them.
_IDEATION_DENIED = re.compile(r"(?:^| )(?:khong|ko|k|chua|chang|cha|never|not|no longer|no more|dont|don t|didnt|"
                              r"didn t|tung|da tung|used to|once)"
                              r"(?: (?:con|co|he|hay|nghi|have|having|had|feel|feeling|get|getting|been))?$")
# How to help someone with such thoughts, asked ("làm sao để giúp người đang nghĩ đến tự tử", "what do i say to someone
# having suicidal thoughts"), folded.
_HELPING_ASKED = re.compile(r"(?<![a-z])(?:(?:lam sao|lam the nao|cach|how)(?: [a-z]+){0,3} "
                            r"(?:giup|help|noi chuyen|talk|support|ho tro)|what (?:do|should|can) (?:i|we) (?:say|do))"
                            r"(?![a-z])")
# Pronouns that may stand for an animal as well as a person ("con chó nhà tôi ... giờ nó nôn").
PRONOUNS = frozenset({"no", "he", "she", "him", "her", "his", "their"})
# Concepts whose phrases hide the named concepts' matches inside them.
SHADOWED = {
    "not_a_cry": frozenset({"now", "strong_now", "cry"}),
    "not_again": frozenset({"again"}),  # "I don't want that to happen again": no danger back
    "why_live": frozenset({"question", "informational", "permission"}),  # "why should i keep living": despair, no ask
    "missed_dose": frozenset({"excess"}),  # "quên mất 2 liều": doses not taken, counted
    "spilled": frozenset({"ingest_accident", "mistake"}),  # "lỡ tay làm đổ chai": the bottle's accident, not a body's
    "what_to_do": frozenset({"permission", "informational"}),  # "what should i do": no leave sought, nothing general
    "in_care": frozenset({"fiction"}),  # "truyền nước" (a drip) folds like "truyện" (a story)
    # "Mẹ con tôi" (my child and I, or my mother and I): the writer's household, harmed together, is violence at home,
    # whose reply has 111 as well, not a child's danger apart.
    "household": frozenset({"child"}),
    "device_dying": frozenset({"death", "suicide", "farewell_gone", "farewell_apology", "habitual"}),  # a phone's end
    "seeking_care": frozenset({"wish"}),  # the "going to" of "not worth going to hospital?" intends nothing
    # "nobody overdosed", "không ai uống": the event named is the one denied
    "nothing_happening": frozenset({"overdose_event", "shock_word", "ingest", "swallowed", "ingest_accident"}),
    "dose_prescribed": frozenset({"excess", "excess_amount"}),  # "bác sĩ tăng gấp đôi liều": a dose prescribed
    "polite_sorry": frozenset({"farewell_apology"}),  # "xin lỗi làm phiền", "sorry, dumb question": manners
    "asking_wish": frozenset({"speaker_wish", "wish"}),  # "em muốn hỏi": a question to ask, no wish about life
    "tell_anyone": frozenset({"informational", "question", "hypothetical"}),  # "dọa giết em nếu em báo ai"
    "released": frozenset({"now", "strong_now"}),  # "vừa ra trại": just released, not a danger just now
    # "got locked up", "vừa bị tạm giam": held by the police, no blow and no danger now
    "in_custody": frozenset({"child_harm", "harm_verb", "violence", "now", "strong_now"}),
    "heartbeat": frozenset({"harm_verb", "violence"}),  # "tim đập thình thịch": the heart beating, no blow struck
    "sincere": frozenset({"person"}),  # "nói thật chứ em …": said honestly; "chu em" there is no uncle
    # "… thì hôn mê, lúc trước có tiền sử tai biến": the history told is of then, not the signs told now
    "medical_history": frozenset({"past", "long_ago"}),
    "medicine_against": frozenset({"person"}),  # "thuốc chống loạn thần": "chong" here is "against", not a husband
    "duration_now": frozenset({"now", "strong_now"}),  # "on methadone 8 months now": a length of time, not now
    "clean_time": frozenset({"used", "now", "strong_now"}),  # "haven't used in 3 years": the use given up
    "habit_then": frozenset({"used"}),  # "I used to work nights": a habit of then, no drug used
    "now_and_then": frozenset({"now", "strong_now"}),  # "it happens now and then": a habit, no now
    "lingering": frozenset({"now", "strong_now"}),  # "it still freaks me out": a memory's feeling, no now
    "buildup": frozenset({"excess", "excess_amount"}),  # "could it build up too much?": what may happen, not taken
    "sport": frozenset({"harm_verb", "violence"}),  # the "đánh" of "đánh cờ tướng", the "đá" of "đá bóng": a game
    "used_item": frozenset({"now", "strong_now", "used"}),  # "kim tiêm xài rồi": a used needle, no now
    "no_drug": frozenset({"used", "substance"}),  # "không liên quan thuốc thang gì": the drug named is denied
    "animal": frozenset({"child", "young_child", "child_generic", "person"}),
    "size_word": frozenset({"child", "young_child", "child_generic"}),  # "đồng tử bé xíu": a size, not a child
    "child_generic": frozenset({"first_person"}),  # "em" in "trẻ em" (children) is not the writer
    "not_habitual": frozenset({"habitual"}),  # "thường" in "bình thường" (normal) tells no habit
    "safe_now": frozenset({"now", "strong_now"}),  # the "now" of "he's fine now" is safety's
    "merely": frozenset({"now", "strong_now"}),  # the "just" of "are they just asleep?" is "merely"
    # "methadone is poison that will kill me", "just slow suicide"
    "slow_harm": frozenset({"violence", "threat", "harm_verb", "death", "suicide"}),
    "not_safe": frozenset({"safe_now"}),  # "tỉnh rồi" in "bất tỉnh rồi", "ổn rồi" in "không ổn rồi"
    "dosing_service": frozenset({"used", "substance", "ingest"}),  # "điểm phát thuốc": handed out, not taken
    "tobacco": frozenset({"used", "substance"}),  # the "thuốc" of "thuốc lá" is no drug
    "used": frozenset({"harm_verb"}),  # the "đá" of "dùng đá", the "đập" of "đập đá": a drug used, no kick or blow
    "despair": frozenset({"person"}),  # the "no" of "no way out" is no "nó"
    "hypothetical": frozenset({"now", "strong_now"}),  # "just in case", "in case anyone ever": no now, no cry
    # the "thuốc" of "nhắc uống thuốc" is the reminder's
    # (nor is the "dụ" of "dữ liệu" a harm)
    "bot_feature": frozenset({"used", "substance", "ingest", "swallowed", "harm_verb"}),
    # "không phải muốn chết đâu", "ko nghĩ quẩn gì"
    "denied_wish": frozenset({"death", "suicide", "speaker_wish", "wish", "despair", "dark_thoughts"}),
    "reflexive": frozenset({"violence", "harm_verb", "child_harm"}),  # "nhốt mình": shut in by oneself, not another
    "informational": frozenset({"strong_now", "cry"}),  # the "ai giúp" of "gọi ai giúp": whom to call, asked
    "someone_word": frozenset({"question", "informational"}),  # "ai đó" of "với ai đó" is someone, not who
    "asks_time": frozenset({"now", "strong_now"}),  # "giờ" of "mấy giờ": what time, not now
    # "uống thuốc" of "đi uống thuốc": the daily dose taken at the dosing place, no swallowing of something
    # (a drug taken still, so a drowsiness after it is read)
    "daily_visit": frozenset({"ingest", "swallowed"}),
    "dream": frozenset({"wish", "speaker_wish"}),  # the "mộng" of "ác mộng" is no "mong" (to wish)
    # "hết chai" of "uống hết chai nước ngọt": a bottle of something everyday, neither an amount of a drug nor one
    "everyday_drink": frozenset({"substance", "excess_amount", "excess"}),
    # "ai cũng sống tốt hơn nếu không có anh ấy": the "sống tốt" and the "nếu" of "better off without" are no safety or
    # supposing
    "suicide_hint": frozenset({"safe_now", "hypothetical", "question"}),
}
# Where one sentence ends and the next begins, for the readings that turn on which sentence says what.
_SENTENCES = re.compile(r"(?<=[.!?…])\s+|\n+")
_CLAUSES = re.compile(r"[.!?…;,\n]+")
# A child named in any words, "con" and "bé" among them (they are also other words); in an English message "be" is the
# verb.
_A_CHILD = re.compile(r"(?<![a-z])(?:con|be|tre|chau|child|children|kid|kids|baby|son|daughter|toddler)(?![a-z])")
_A_CHILD_EN = re.compile(r"(?<![a-z])(?:child|children|kid|kids|baby|son|daughter|toddler|teen|teenager)(?![a-z])")


def names_a_child(text: str) -> bool:
    """Whether a message names a child in any words: enough for a question about a child's danger to be about one,
    and for the child line to answer a question about violence."""
    return bool((_A_CHILD_EN if language_of(text) == "en" else _A_CHILD).search(" ".join(words(text))))


_SWALLOWING = frozenset({"swallowed", "ingest", "ingest_accident"})
# Phrases a figure of speech's word may end and stay a figure: those that only say who feels ("em lo", "tôi sợ"), and a
# dose missed typed without marks ("lo mat", "lỡ mất"), which "lo mất ngủ muốn chết" also folds to. Not a person's name
# for someone ("thằng bạn"): "bạn" there folds like "bận" (busy), and "thằng bạn chết" is no figure.
_FIGURE_STAYS = frozenset({"helper_words", "missed_dose"})
# All of something swallowed: "uống hết", "the whole bottle", "all of them".
_ALL_OF_IT = re.compile(r"(?<![a-z])(?:het|ca lo|ca chai|ca vi|ca hop|all of (?:it|them)|all|whole|the lot)(?![a-z])")
# A longer message is read in its first and last parts: a crisis is said early or late, and reading
# a pasted novel in full would cost every other person's turn.
READ_CHARS = 4000
# Words that close a message to the person read ("ad", "ạ", "vậy"): a yes/no question ends just before them.
_ADDRESS_WORDS = frozenset("ad admin a oi vay z v nhe nha ban em anh chi ak ah mn mng".split())
# Words typed without spaces ("bantoibisocthuoc") are searched for these concepts' phrases.
RUN_TOGETHER = ("overdose_event", "sign_unresponsive", "sign_breathing", "sign_blue", "suicide", "violence",
                "ingest_accident", "substance")
# ... and these concepts' long single words too ("conuongnhammethadone"): a drug's name is one word.
RUN_TOGETHER_WORDS = ("substance",)
_AGE = re.compile(r"(?<![0-9a-z])([0-9]{1,2})(?: ?t| ?tuoi| year old| years old| ?yo| ?yr old| ?y o)(?![a-z])")
# A pupil writing to a teacher ("cô giáo ơi", "thầy ơi em không về nhà được"): the writer is a child.
_TO_A_TEACHER = re.compile(r"(?<![a-z])(?:thay|thay giao|co giao|co chu nhiem|thay chu nhiem) oi(?![a-z])")
# A child, or the writer as one, at home alone ("cháu ở nhà một mình", "con ở nhà 1 mình"), and the parents away ("bố đi
# cai", "mẹ đi làm xa chưa về", "bố mẹ không về được"), folded.
_CHILD_HOME_ALONE = re.compile(r"(?<![a-z])(?:chau|con|be)(?: (?:dang|da|phai|bi))? o nha (?:mot|1) minh(?![a-z])")
_PARENTS_AWAY = re.compile(r"(?<![a-z])(?:bo|me|ba|ma|bo me|ba me|ba ma)(?: [a-z]+){0,2} (?:di|chua ve|khong ve|ko ve|"
                           r"k ve|bi bat|vang)(?![a-z])")
# An age said of a child without "years old": "he's maybe 6", "she is only 4".
_AGE_SAID = re.compile(r"(?<![a-z])(?:he s|she s|he is|she is|(?:son|daughter|grandson|granddaughter|kid|child|boy|"
                       r"girl|baby|nephew|niece|brother|sister) is)(?: maybe| about| only| just| barely| like)? "
                       r"([0-9]{1,2})(?![0-9a-z])"
                       r"(?! (?:am|pm|h|o clock|minutes|mins|hours|days|weeks|months|times|feet|ft|kg|lbs))")
# The writer's own age ("I'm 15 and my stepdad hits me"): a child telling of a harm done to them.
_WRITER_AGE = re.compile(r"(?<![a-z])(?:i m|im|i am)(?: only| just)? ([0-9]{1,2})(?: years old| year old| yo)?"
                         r"(?![0-9a-z])(?! (?:am|pm|h|o clock|min|minutes|mins|hours|days|weeks|months|times|kg|lbs"
                         r"|km|miles|k|percent|dollars|bucks))|"
                         # "em 13 tuổi, bố em say là đánh em", "mình mới 14t": not "bé nhà em 5 tuổi".
                         r"(?<![a-z])(?<!nha )(?<!cua )(?<!chau )(?<!con )(?:em|toi|minh|tui|tao) "
                         r"(?:nam nay |nay |moi |chi moi |da |con )?([0-9]{1,2}) ?(?:tuoi|t)(?![a-z0-9])|"
                         # A school grade said instead ("em học lớp 7", "e lop 9", "i'm in 8th grade"): a child too.
                         r"(?<![a-z])(?<!nha )(?<!cua )(?<!chau )(?<!con )(?:em|toi|minh|tui|tao|con) (?:dang |moi )?"
                         r"(?:hoc |hoc sinh )?lop ([1-9])(?![0-9])|"
                         r"(?<![a-z])(?:i m|im|i am) in (?:grade ([1-9])|([1-9])(?:th|rd|nd|st) grade)(?![0-9])|"
                         # The age said as who is writing ("12 y/o here", "i'm a 13 year old").
                         r"(?<![a-z0-9])([0-9]{1,2}) ?(?:yo|y o|years old|year old) here(?![a-z])|"
                         r"(?<![a-z])(?:i m|im|i am) an? ([0-9]{1,2}) ?(?:yo|y o|years old|year old)(?![a-z])")
_MONTHS_OLD = re.compile(r"(?<![0-9])([0-9]{1,2}) (?:thang tuoi|thang|month old|months old)(?![a-z])")
# An age in months said as one ("8 tháng tuổi", "an 8 month old") or right after a child ("con 8 tháng",
# "bé nhà tôi 10 tháng"): a baby, whoever else the message names.
# An age in weeks or days said as one ("our 6 week old", "bé 10 ngày tuổi") is a newborn's.
_BABY_MONTHS = re.compile(r"(?<![0-9])(?:[0-9]{1,2} (?:thang tuoi|month old|mo old|week old|weeks old|wk old|"
                          r"tuan tuoi|ngay tuoi|day old|days old)|"
                          r"(?<![a-z])(?:con|be|chau|em be|dua be|baby)(?: (?:toi|em|minh|nha|nha toi|moi|nho|be|gai|"
                          r"trai|of|is|just))? [0-9]{1,2} (?:thang|months?)(?![a-z]))")
# The concepts of a child and of a harm done to one: a phrase of them ending where an animal's name begins is the
# animal's.
_CHILD_WORDS = frozenset({"child", "child_harm", "young_child", "child_generic"})
# Someone feared dead now ("i think my roommate is dead", "hình như anh ấy chết rồi", "không biết nó còn sống không"):
# found lifeless, the overdose reply's first steps; "my phone is dead" is set aside before as a false friend.
_FEARED_DEAD = re.compile(r"(?<![a-z])(?:(?:i think|i m scared|i m afraid|scared|afraid|i fear|looks like|i m worried)"
                          r"(?: [a-z]+){0,3} (?:is|s|might be|may be|could be|is already) dead|"
                          r"hinh nhu(?: [a-z]+){0,3} (?:chet roi|tat tho roi|het tho roi)|"
                          r"khong biet(?: [a-z]+){0,3} con song (?:khong|ko|k))(?![a-z])")
# A danger thought seen, then found to be none ("tưởng con bé uống thuốc của bố nó, hóa ra nó uống nước ngọt", "i
# thought he'd stopped breathing but it turned out …"), unless what turned out is that it was so.
_THOUGHT_BUT_NOT = re.compile(r"(?<![a-z])(?:tuong|i thought|we thought)(?: [^ ]+){1,15}? "
                              r"(?:hoa ra|turned out|but it was)"
                              r"(?! (?:[a-z0-9]+ ){0,3}(?:that|dung|dung la|really|actually|true)(?![a-z]))")
# What a cry or a scare turned out to be, when it was nothing ("hóa ra là nhờ vote", "turned out it was a prank").
_TURNED_OUT_NOTHING = re.compile(
    r"(?<![a-z])(?:hoa ra|thi ra|turned out|turns out)(?: (?:la|chi la|it was|it s|to be|that it was|they were))?"
    r"(?: just)? "
    r"(?:nho|xin|quang cao|ban hang|vote|binh chon|dua|dua thoi|gia|spam|lua dao|tro dua|choc|a joke|a prank|an ad|"
    r"spam|asking for|a scam|trolling|joking|kidding)(?![a-z])")
# A clause that only takes back what was said: "em nhầm", "nhầm rồi ạ", "my mistake", "i was wrong"; with what did not
# happen said beside it (_DENIED).
_TAKEN_BACK = re.compile(r"(?:^|(?<=, ))(?:(?:a|a khong|thoi|xin loi|sorry) ,? )?"
                         r"(?:(?:em|toi|tui|minh|anh|chi|con|to|tao) )?"
                         r"(?:nham|nham roi|nham mat roi)(?: (?:a|ah|ak|nha|nhe|roi))?(?= ,|$)|"
                         r"(?<![a-z])(?:my mistake|my bad|i was wrong|i got it wrong|i misread)(?= ,|$)")
# A message of the writer's own taken back, then the writer said to be fine ("lúc nãy em nhắn là muốn chết là vì đội em
# thua thôi, ad đừng lo, em ổn mà", "earlier I said I wanted to die, that was about the exam, I'm fine now"): the
# earlier words said, then the fine now after them. Not "đừng lo cho em" or "don't worry about me", a farewell's words.
_SAID_EARLIER = re.compile(
    r"(?<![a-z])(?:(?:luc nay|hoi nay|ban nay|khi nay|vua nay|hom qua|toi qua|dem qua)"
    r"(?: (?:em|minh|toi|tui|t|to|tao|con|anh|chi))? (?:co )?(?:nhan|noi|bao|viet|ghi)|"
    r"(?:earlier|last night|yesterday) i (?:said|wrote|texted|typed|messaged|sent)|"
    r"i (?:said|wrote|texted|typed|messaged|sent)(?: [a-z]+){0,6} (?:earlier|last night|yesterday))(?![a-z])")
_FINE_NOW = re.compile(
    r"(?<![a-z])(?:(?:em|minh|toi|tui|t|con) (?:on|van on|on roi|on ma|khong sao|ko sao|k sao|khoe)|"
    r"(?<!bao )(?<!noi )dung lo(?! cho)|i m (?:fine|ok|okay|alright|safe)|im (?:fine|ok|okay|alright|safe)|"
    r"don t worry(?! about me)|dont worry(?! about me)|no need to worry)(?![a-z])")
# What did not happen, said beside it ("không phải …", "nobody …"): a mistake alone ("em nhầm rồi, con em uống hết
# chai methadone") may be the danger's own slip.
_DENIED = re.compile(r"(?<![a-z])(?:khong phai|ko phai|k phai|hong phai|chang phai|dau phai|khong ai|ko ai|chua ai|"
                     r"khong co ai|not|nobody|no one|didn t|wasn t|isn t|never)(?![a-z])")
# Denials right before a blow ("chưa bao giờ đánh", "never hit", "didn't hit") or a faint ("wasn't passed out").
_DENIABLE_BLOWS = frozenset({"violence", "harm_verb"})
_BLOW_DENIED = re.compile(r"(?:^| )(?:chua bao gio|khong bao gio|chua tung|khong he|chang he|chua he|never|didn t|"
                          r"did not|doesn t|does not|hasn t|has not)$")
_DENIABLE_SIGNS = frozenset({"sign_unresponsive", "collapse", "overdose_event", "carer_out", "shock_word"})
_SIGN_WORDS_DENIABLE = frozenset({"passed", "unconscious", "unresponsive", "knocked", "collapsed", "overdosed",
                                  "overdosing", "od", "bat", "ngat", "overdose", "soc", "qua", "bi"})
# "chứ không phải sốc thuốc", "it wasn't an overdose": what it was not.
_SIGN_DENIED = re.compile(r"(?:^| )(?:wasn t|was not|isn t|is not|weren t|aren t|never|didn t|did not|khong he|"
                          r"chua he|s not|re not|(?:khong|ko|k|hong|kp) phai(?: la| bi)?|"
                          r"(?:wasn t|was not|isn t|is not|not) an?)$")
# Breathing that does not stop ("phải canh bao lâu mới chắc là họ không ngưng thở", "make sure he doesn't stop
# breathing"): the sign denied, what is watched for.
_BREATHING_NOT_STOPPED = re.compile(r"(?:^| )(?:khong|ko|k|hong|khg|kh|don t|doesn t|didn t|won t|not|never)$")
# Watched on a screen ("xem clip tiktok thấy mấy đứa … ngã lăn ra", "coi phim thấy cảnh …", "saw a video of a guy
# passing out"): the signs are the clip's.
_ON_SCREEN = re.compile(r"(?<![a-z])(?:(?:xem|coi) (?:clip|video|phim|tiktok|youtube)|"
                        r"(?:trong|tren) (?:clip|video|phim|tiktok|youtube|mang)|clip tiktok|video tiktok|"
                        r"(?:saw|watched|watching|seen) (?:a |the |this |that )?"
                        r"(?:video|clip|tiktok|film|movie)|in (?:a|the|this|that) (?:video|clip|film|movie)|on tiktok|"
                        r"on youtube)(?![a-z])")
# Somewhere safe, said as where the writer is now ("em đang ở nhà mẹ đẻ an toàn", "we're safe at my sister's"), not
# asked ("ở đây có an toàn không").
_SAFE_PLACE = re.compile(r"(?<![a-z])(?:(?:dang|da|gio|hien) o (?:[a-z]+ ){0,4}an toan"
                         r"(?! (?:khong|ko|k|chua|hong|ha)(?![a-z]))"
                         r"|(?:i m|we re|i am|we are) safe (?:at|with|now|here)(?![a-z]))")
_BUT = re.compile(r"(?<![a-z])(?:nhung|but|ma|tuy vay|however|except)(?![a-z])")
# The same, without "mà", which is also the "mà" of "may mà" (luckily).
_BUT_THEN = re.compile(r"(?<![a-z])(?:nhung|but|tuy vay|however)(?![a-z])")
# What turned out against what was thought ("ai dè", "hóa ra", "then suddenly").
_TURNED_OUT = re.compile(r"(?<![a-z])(?:ai de|hoa ra|ngo dau|then suddenly|turns out|turned out)(?![a-z])")
# Living with someone or somewhere ("sống chung", "to live with"): where to live, not whether to.
_LIVING_WITH = re.compile(r"(?<![a-z])(?:song (?:chung|cung)|live (?:with|in this|here)|living with)(?![a-z])")
# What, in a sentence that names a danger, tells it as happening rather than asks about it.
_TOLD_NOW = frozenset({"cry", "again", "strong_now", "swallowed", *SIGNS})
# The concepts that name too much of something, told or asked.
_EXCESS_NAMED = frozenset({"excess", "excess_amount"})
# How much of something is too much, asked: the excess is the question's ("on methadone, how much alcohol is too
# much?").
_HOW_MUCH_TOO_MUCH = re.compile(r"(?<![a-z])(?:how much (?:[a-z0-9]+ ){1,3}(?:is|s) too much"
                                r"|how many (?:[a-z0-9]+ ){1,3}(?:is|are|s) too many)(?![a-z])")
# "can laughing gas kill someone", "does mixing them kill you": whether a drug kills, asked with a few words
# between (a drug must be named too: "can he kill me" is no such question); "is my old dose gonna kill me", with
# the dose or the amount as what would kill ("my brother is high and going to kill us" is a threat).
_CAN_IT_KILL = re.compile(r"(?<![a-z])(?:(?:is|are) (?:[a-z0-9]+ ){0,3}"
                          r"(?:dose|doses|[0-9]+ ?mg|amount|methadone|it|that|this) (?:gonna|going to) kill"
                          r"|(?:can|could|does|do|will|would)(?: [a-z0-9]+){1,7} (?:kill|be deadly|be fatal"
                          r"|stop (?:your |my |his |her |their |the |someone s )?(?:breathing|heart)"
                          r"|(?:give|cause) (?:you |someone |a person |me |him |her )?(?:a )?"
                          r"(?:heart attack|stroke|seizure))"
                          # How much of a drug is too much ("how much ket is too much", "how many pills are too many").
                          r"|how much (?:[a-z0-9]+ ){1,3}(?:is|s) too much"
                          r"|how many (?:[a-z0-9]+ ){1,3}(?:is|are|s) too many)"
                          r"(?![a-z])")
# Days or more without the drug ("skipped methadone for a week", "nghỉ uống 5 hôm"), and the usual amount after it
# ("can i just take my usual dose", "uống lại liều cũ được không"): after a break the body no longer bears the old dose,
# so asking whether it may be taken asks about an overdose.
_A_BREAK = re.compile(
    r"(?<![a-z0-9])(?:(?:skipped|missed|stopped|quit|off|without|haven t (?:had|taken|been|dosed)|didn t (?:take|go))"
    r"(?: [a-z0-9]+){0,4} (?:for |in )?(?:a|one|two|three|four|five|six|[0-9]+|a few|few|several|a couple of|"
    r"couple of) (?:days?|weeks?|months?)|"
    r"(?:nghi|bo|ngung|dung|khong uong|chua uong|quen uong|khong di uong)(?: [a-z0-9]+){0,3} "
    r"(?:[0-9]+|mot|hai|ba|bon|nam|may|vai|nua) (?:ngay|hom|tuan|thang|bua))(?![a-z0-9])")
_USUAL_AMOUNT = re.compile(
    r"(?<![a-z0-9])(?:(?:usual|normal|regular|old|same|full) (?:dose|amount|dosage)|(?:lieu|luong) (?:cu|nhu cu|"
    r"nhu truoc|binh thuong|nhu moi khi|nhu moi lan|quen thuoc)|uong (?:lai )?nhu cu)(?![a-z0-9])")
# Whether something is deadly, asked in Vietnamese or in words _CAN_IT_KILL does not take ("cắt cơn tại nhà có nguy
# hiểm tới tính mạng không", "is stopping methadone suddenly life threatening", "có ai chết vì vật vã chưa").
_LIFE_THREATENING = re.compile(r"(?<![a-z])(?:nguy hiem (?:toi |den |cho )?(?:tinh mang|mang song)"
                               r"|(?:co|co the|de) (?:bi )?(?:chet|tu vong)(?: nguoi)? (?:khong|ko|k|hong|ha|chua)"
                               r"|chet nguoi (?:khong|ko|k|hong|ha)|co ai (?:bi )?chet vi|ai chet vi"
                               r"|life threatening|can (?:you|someone|people|a person) die|do people die"
                               r"|(?:anyone|people) (?:ever )?died (?:from|of))(?![a-z])")
# Stopping, or going without: withdrawal, whose danger is asked about with no drug named ("vật vã có chết không").
_GOING_WITHOUT = re.compile(r"(?<![a-z])(?:cat con|vat va|hoi chung cai|cai tai nha|tu cai|bo thuoc|ngung thuoc"
                            r"|ngung uong|bo uong|dung uong|withdrawal|withdrawals|detox|detoxing|cold turkey"
                            r"|stopping methadone|stop methadone|quit methadone|quitting methadone)(?![a-z])")
# The Vietnamese yes/no frame closing a clause ("người ngáo đá có thể tấn công người thân không, nhà em có ..."): a
# question, wherever in the message it is asked. "co" of a cramp ("co giật", "co rút") is no "có".
_YES_NO = re.compile(r"(?<![a-z0-9])co (?!giat|rut|quap|cung|lai)(?:[a-z0-9]+ ){1,8}(?:khong|k|hok|hong|khg|kg)"
                     r"(?: (?:a|ad|vay|z|v|nhi|ha|nhe|ban|ak|ah|mn|mng|moi nguoi|ca nha))*$")
# Many pills counted ("took 12 xanax", "nuốt 8 viên"), not a daily prescription ("6 viên mỗi ngày", "5 pills a day").
_MANY_PILLS = re.compile(r"(?<![0-9])([0-9]{1,3}) ?(?:vien(?: thuoc)?|pills|tablets|caps|capsules|xanax|valium|seduxen|"
                         r"oxys?|percs|bars|tramadol|paracetamol|panadol"
                         # Counted out of a supply ("took 8 of the tramadol", "swallowed 6 of them").
                         r"|of (?:the|my|his|her|their|those|these|them))(?![a-z])"
                         r"(?! ?(?:mot|moi|1|a|per|each|every|/) ?(?:ngay|day|lan|time|dose))")
# Several pills swallowed at once ("vừa nuốt 4 viên lắc 1 lúc"): too much at a time, whatever the count.
_PILLS_AT_ONCE = re.compile(r"(?<![0-9])(?:[2-9]|[1-9][0-9]) ?(?:vien|pills|tablets|caps|capsules)(?: [a-z]+){0,2} "
                            r"(?:mot luc|1 luc|cung luc|at once|all at once|at the same time)(?![a-z])"
                            # Not a daily regimen ("2 viên 1 lúc mỗi ngày").
                            r"(?! (?:moi|hang|each|every|a|per) (?:ngay|toi|sang|day|night|morning))")
# The writer, named as the one a harm is done to.
_WRITER_WORDS = frozenset({"me", "toi", "tui", "tao", "minh", "em", "tau", "myself", "con"})
# "X mà (lỡ) V … thì …": a supposition ("con em mà uống nhầm methadone thì em phải làm sao", "cháu 3 tuổi mà lỡ uống
# nhầm thuốc của ba nó thì có cần đi viện không"), with no word between that says it happened, is happening or was
# just done ("rồi", "vừa", "đã", "đang", "giờ").
# Read clause by clause: the one who is supposed to do it is named first, in a few words.
_SUPPOSED = re.compile(r"^(?:[a-z0-9]+ ){1,5}(?:ma lo|ma) (?:[a-z0-9]+ ){1,10}thi(?![a-z0-9])")
_DONE = re.compile(r"(?<![a-z0-9])(?:roi|vua|da|dang|gio|moi|luc nay|hoi nay)(?![a-z0-9])")
# The concepts of dying, a means or a farewell: what makes a sentence one about a wish to die.
_DYING_CONCEPTS = frozenset({"suicide", "death", "method", "stockpile", "wished_dead", "farewell_apology",
                             "farewell_gone", "suicide_hint"})
# Words that name what follows as an effect: "có gây ngừng thở", "dẫn đến hôn mê", "can it cause seizures".
_CAUSES = re.compile(r"(?<![a-z])(?:gay|gay ra|khien|dan den|dan toi|cause|causes|causing|lead to|leads to|result in)"
                     r"(?![a-z])")
_PILLS = re.compile(r"(?<![0-9])[0-9]{1,3} ?(?:vien|lieu|pills|tablets|mg)(?![a-z])")
# A dose taken twice or once more ("uống metadon 2 lần rồi do quên", "uống thêm lần nữa", "took my dose twice",
# "dosed at two clinics"): an excess, with the drug's name or other words between; not a schedule ("chia
# uống 2 lần mỗi ngày", "twice a day").
_TWICE = re.compile(r"(?<![a-z])(?:(?:uong|lay)(?: [a-z]+){0,3} (?:2|hai|them) (?:lan|lieu|cu|ly)"
                    r"|uong them (?:[0-9]+|mot|hai|ba|vai|may) (?:vien|lieu|chai|ly|lon)"
                    r"|(?:took|taken|had|drank|dosed)(?: [a-z0-9]+){0,3} (?:twice|again)"
                    r"|two doses|dosed at two|doses at two"
                    r"|(?:took|taken|had|drank|swallowed|downed)(?: a)? (?:double|triple)(?! check)"
                    r"|(?:doubled|tripled) (?:up )?(?:my|his|her|the)(?: [a-z]+)? (?:dose|methadone|meds|pills)"
                    r")(?![a-z])"
                    r"(?! (?:moi|mot|1) ngay| a day| per day| daily| each day| every day)")
# Laughter typed as faces or emoji ("=))", ":))", "😂", and the skull young people type for "I'm dying of laughter",
# "💀"): with the words of "joking", a figure of speech.
_LAUGHTER = re.compile(r"(?:[=:;]\)\)+|[=:;]d\b|\bk{3,}\b"
                       r"|[\U0001F602\U0001F923\U0001F606\U0001F639\U0001F605\U0001F480])", re.IGNORECASE)
# Whether a danger is likelier, asked ("có dễ bị sốc thuốc hơn không", "is it riskier", "more likely to overdose"),
# folded.
_RISK_ASKED = re.compile(r"(?<![a-z])(?:co de(?: bi)?(?: [a-z]+){0,5} (?:hon )?(?:khong|ko|k|ko a|khong a)|"
                         r"de bi(?: [a-z]+){0,5} hon (?:khong|ko|k)|"
                         r"(?:is it|is that|are they|am i) (?:more |even )?"
                         r"(?:riskier|more dangerous|more likely|likelier|easier to)|"
                         r"more likely to (?:overdose|od))(?![a-z])")
# A clause that tells what the writer feels ("thấy khó thở quá", "em đang bị tức ngực", "i feel like i can't breathe"),
# folded.
_FELT = re.compile(r"(?:(?:em|e|toi|minh|tui|tao|t|anh|chi|i) )?"
                   r"(?:thay|cam thay|dang thay|dang bi|bi|feel|feeling|am|m)(?![a-z])")
# A year named ("năm 2019", "hồi 2016", "back in 2015", "since 2019"), or a season or an event of one ("đợt lũ 2020",
# "mùa dịch 2021", "the floods of 2019"): what is told happened then.
_YEAR = re.compile(r"(?<![a-z0-9])(?:nam|hoi|tu|tet|in|since|from|back in|until|(?:dot|mua|tran|vu|nhung nam|of)"
                   r"(?: [a-z]+)?) (?:19[5-9][0-9]|20[01][0-9]|202[0-5])(?![0-9])")
# A blow to a body part of someone ("đập vỡ đầu tôi", "đá vào bụng tôi", "bóp cổ em"): violence, or self-harm
# after "tự". Folded verbs that are also everyday words ("đá"/"đã", "đâm"/"dám", "tát"/"tắt") count only
# followed by "vào".
_BLOW = re.compile(r"(?<![a-z0-9])(tu )?(?:(?:dap|chem|bop|siet|xiet|rach)(?: [a-z0-9]+){0,2}|"
                   r"(?:da|dam|tat|dap|dim|chem) vao) "
                   r"(?:dau|mat|bung|co|nguc|lung|dui|tay|chan|hong) (?:toi|tui|tao|em|minh|me|chi|anh|con|vo|"
                   r"chong|no|co ay|anh ay|chi ay|ba|bo|ong|ba ay|ong ay)(?![a-z0-9])")
# A rescue told, with when it was ("cứu con Na lúc nó bị sốc", "cứu bà ấy khi bà ngã").
_RESCUE_TOLD = re.compile(r"(?<![a-z])cuu (?:[a-z0-9]+ ){1,3}(?:luc|khi|hoi) (?:no|em|toi|minh|anh|chi|ong|ba|co|"
                          r"thang|con|be|ban|ho)(?![a-z])")
# Saved by someone, luckily ("may có người cứu", "may mà hàng xóm cứu kịp"): the "cứu" (group 1) of a rescue told. Not
# "nhờ ai cứu" or "có ai cứu", which ask for help.
_RESCUED_BY = re.compile(r"(?<![a-z])(?:may|may ma|may nho|nho co)(?: co)? (?:nguoi|hang xom|ban|bac si|ca nha|"
                         r"moi nguoi)(?: [a-z]+)? (cuu)(?![a-z])")
# The words for a grown-up struck, right after a blow ("đánh vợ", "đánh chị em", "hitting my sister"): not things ("đập
# đồ") and not a child ("đánh con"), whose harm is a concept of its own.
_GROWN_UPS = frozenset({"vo", "chong", "chi", "anh", "em", "me", "ma", "bo", "ba", "ong", "co", "di", "toi", "tui",
                        "minh", "tao", "her", "him", "my", "his", "mom", "mum", "dad", "wife", "husband", "sister",
                        "brother", "girlfriend", "boyfriend", "partner", "grandma", "grandpa"})
# Those of them that fold like other words count only as typed with the person's marks: "vợ" (not "vô", into: "nhốt vô
# chuồng"), "cô" (not "có"), "dì" (not "đi"), "chị" (not "chỉ"), "ông" (not "ong").
_GROWN_UP_MARKS = {"vo": "\u031b", "co": "\u0302", "di": "\u0300", "chi": "\u0323", "ong": "\u0302"}
# Voices heard urging the writer to die ("my voices keep telling me I should end it", "trong đầu cứ có tiếng bảo em
# chết đi"): a wish to die the writer is struggling with, in the words of a mind in trouble.
_VOICES_URGE = re.compile(
    r"(?<![a-z])(?:voices?|a voice)(?: in my head)?(?: [a-z]+){0,2} (?:tell|tells|telling|told|keeps telling|"
    r"keep telling) me (?:to|i should|i have to|i need to) (?:end it|end it all|kill myself|die|end my life|jump|"
    r"hurt myself)(?![a-z])|"
    r"(?<![a-z])(?:giong noi|tieng noi|co tieng|co giong|tieng nguoi|giong nguoi|tieng la|giong la)(?: [a-z]+){0,3} "
    r"(?:bao|keu|xui|bat|giuc)(?: (?:em|toi|minh|tao|tui|con|anh|chi|t))? "
    r"(?:chet di|di chet|tu tu|tu sat|nhay lau|ket lieu|ket thuc)(?![a-z])")
# Cuts made on one's own wrist, with words between ("rạch vài đường ở cổ tay", "cut a few lines on my wrist"): a harm to
# oneself, the suicide kind. "Rạch" is never an everyday cut; "cắt" needs the wrist, not the cuff ("cắt cổ tay áo").
_CUT_ON_SELF = re.compile(
    r"(?<![a-z0-9])(?:(?:rach|cat|cut|cuts|cutting|slit|slitting|slash|slashed|slashing|sliced|slicing)"
    r"(?: [a-z0-9]+){0,5} (?:co tay(?! ao)|wrists?)|(?<!bi )rach(?: [a-z0-9]+){0,3} (?:tay|dui|bung))(?![a-z0-9])")
# "hai năm trước", "cách đây ba năm", "5 years ago": a time long enough past that what is told of it is over.
# "ba năm trước" alone is left out: "ba nằm trước cửa" (dad lies at the door) folds the same.
_YEARS_AGO = re.compile(
    r"(?<![a-z0-9])(?:(?:cach day (?:hon |khoang )?(?:[0-9]{1,2}|hai|ba|bon|nam|vai|may|muoi) nam)|"
    r"(?:[0-9]{1,2}|hai|bon|sau|bay|tam|chin|muoi|vai|may) nam (?:truoc|ve truoc)|"
    r"(?:[0-9]{1,2}|two|three|four|five|six|ten|several|a few|many) years (?:ago|back))(?![a-z0-9])")
# Violence told in the English present ("is throwing plates at my mom", "he's hitting her", "keeps
# punching my mom"): a blow being struck now, at someone named by a pronoun or a relation.
_PROGRESSIVE = re.compile(
    r"(?<![a-z0-9])(?:is|are|he s|she s|they re|keeps|keep|started|just started|won t stop) "
    r"(?:hitting|punching|kicking|beating|choking|strangling|slapping|shoving|pushing|attacking|stabbing|"
    r"throwing (?:[a-z]+ ){0,2}at|hurling (?:[a-z]+ ){0,2}at|smashing (?:[a-z]+ ){0,2}(?:on|over)) "
    # "beating up a patient", "punching some guy": anyone, with "up" or "on" between or not; after "a", "the" or "some",
    # a word for a person ("hitting the road", "kicking the habit", "pushing a pram" strike nobody).
    r"(?:(?:up|on|into) )?"
    r"(?:me|her|him|us|them|my|his|our|their|mom|dad|mum|the kids|someone|somebody|people|everyone|"
    r"(?:a|an|the|some|this|that)(?: [a-z]+)? (?:guy|man|woman|girl|boy|kid|child|person|patient|lady|dude|stranger|"
    r"neighbor|neighbour|client|worker|nurse|staff|old man|old woman|homeless|student|teenager))(?![a-z0-9])"
    # A thing struck, not a person ("he keeps kicking my car"); a ball played is removed before (`_BALL_PLAYED`).
    r"(?! (?:[a-z]+ )?(?:door|doors|wall|car|bike|motorbike|tyres?|tires?|chair|table|toys?|stuff|things|shoes?|bag|"
    r"phone|can|cans|bottle|bottles|yard|fence|gate)(?![a-z0-9]))")
# Someone on the way to hurt the writer ("he's on his way with his mates to finish me", "coming round to do me
# in"): "finish me" is a threat only with someone coming, never "this job will finish me off".
_COMING_TO_HARM = re.compile(
    r"(?<![a-z0-9])(?:coming|on (?:his|her|their|the|my) way|heading (?:over|here|round)|sending (?:[a-z]+ ){0,2}"
    r"|sent (?:[a-z]+ ){0,2}|come|comes)(?: [a-z0-9]+){0,6} to (?:finish me|do me in|sort me out|get me|deal with me|"
    r"teach me a lesson|mess me up|rough me up|smash me|hurt me)(?![a-z0-9])(?! (?:from|at|after) )")
# Someone set out now to hurt another ("says he's going to stab the guy who sold him bad stuff, he's on his way there
# now", "nó đòi đi chém thằng kia, đang trên đường qua đó"): the harm promised and the going, both, make it a threat
# happening now to whoever is named; either alone is talk.
_SETTING_OUT = re.compile(
    r"(?<![a-z0-9])(?:(?:going to|gonna|about to|wants to|want to|will|ll|off to|out to|swears he ll|swore he d|"
    r"says he ll|said he d) (?:stab|kill|shoot|knife|cut|beat up|beat|smash|attack|murder|jump)"
    r"(?![a-z0-9])(?! (?:it|time|the (?:exam|test|game|show|interview|lights?|engine|vibe)|my (?:exam|test|diet)))"
    r"(?=.*(?<![a-z0-9])(?:on (?:his|her|their|the) way|heading (?:there|over|out|to)|"
    r"headed (?:there|over|out|to)|driving (?:there|over)|left (?:to|for) (?:go|find|get)|went (?:out|off) to))|"
    r"(?:doi|dinh|quyet|se|noi se|bao se|sap) (?:di |qua |sang |toi |den |xuong )?(?:dam|chem|giet|xu|bem|thit|"
    r"danh chet|dap chet)(?![a-z0-9])(?! (?:ly|li|thoi gian|thoi gio|con muoi|muoi|ruoi|gian)(?![a-z0-9]))"
    r"(?=.*(?<![a-z0-9])(?:dang tren duong|dang (?:di|chay|phong|qua|sang|toi|den|xuong|len)|da (?:di|qua|sang|chay) "
    r"(?:qua|sang|toi|den|tim)|cam (?:dao|ma tau|rua|kiem|sung|gay|tuyp) (?:di|chay|ra))(?![a-z0-9])))")
# Someone's own take-home dose drunk by another ("thằng bạn nó tự uống thuốc metadon của em", "uống mất liều của
# tôi"): the writer's medicine in someone it was not given to. "Cho" after it gives the dose away ("thuốc của em cho
# bé"), unless it says what it was drunk for ("cho đỡ vật").
_TOOK_MY_DOSE = re.compile(
    r"(?<![a-z0-9])(?:uong|nuot|tu(?! van)|xai)(?: (?!cua(?![a-z0-9]))[a-z0-9]+){0,3} (?:methadone|metadon|methadon|"
    r"thuoc|lieu|chai|lo|phan)(?: methadone| metadon| methadon)? cua (?:toi|em|e|minh|tui|tao|to|anh|chi|me|bo|ba|"
    r"ma|co)(?! (?:ke|da|bac si|bs)(?![a-z0-9]))(?! cho(?! do)(?![a-z0-9]))(?![a-z0-9])")
# Words before the drinking that make the dose the writer's own: reminded of, timed, forgotten, remembered, as usual,
# stopped, used, kept on ("nhắc lịch uống thuốc của em", "quên uống liều của mình").
_OWN_DOSE_CUES = frozenset({"nhac", "lich", "gio", "quen", "nho", "cu", "remind", "ngung", "dung", "tiep"})
# Someone named by their tie to the writer, before "tôi", "em" ("bạn tôi", "bố em", "chồng em").
_SOMEONE_OF_THE_WRITERS = frozenset({"ban", "bo", "me", "ba", "ma", "ong", "anh", "chi", "con", "chau", "chong", "vo",
                                     "ck", "vk", "em", "cau", "di", "co", "chu", "bac"})
# "Chết rồi" (oh no) opening a clause, before a slip of the writer's ("chết rồi, tôi quên mất", "chết thật, em nhầm");
# not after someone who died ("nó chết rồi, em quên mất số cấp cứu").
_OH_NO = re.compile(r"(?:^|(?<=, ))chet (?:roi|cha|that|thoi)(?: ,)? (?:(?:toi|em|minh|tui|anh|chi|to) )?(?:lai )?"
                    r"(?:quen|nham|lon|de quen|bo quen|lo tay)(?![a-z])")
# Minutes or hours since, counted ("mới uống 30p", "uống được nửa tiếng", "20 phút trước", "45 mins ago"): it is
# happening now, as "just" would say.
_MINUTES_AGO = re.compile(
    r"(?<![a-z0-9])(?:(?:moi|vua|duoc) (?:[a-z]+ ){0,2}(?:[0-9]{1,3} ?(?:p|ph|phut|tieng|h)|nua tieng|mot tieng)|"
    r"[0-9]{1,3} ?(?:p|ph|phut|tieng|h) (?:truoc|roi)|(?:[0-9]{1,3}|twenty|thirty|forty|ten|fifteen) ?"
    r"(?:mins?|minutes?|hrs?|hours?) ago|half an hour ago)(?![a-z0-9])")
# A weapon held up at people ("waving a broken bottle at us", "swinging a crowbar", "came at me with a knife",
# "vung mảnh chai", "cầm ống tuýp đuổi"): a blow about to be struck, whatever the weapon. Waved, swung, pointed or
# chased with, not merely held: "cầm" counts with what it is held for after it (to chase, threaten, rush at, strike).
_WEAPONS_EN = ("knife|knives|machete|cleaver|bat|hammer|pipe|axe|crowbar|broken bottle|broken glass|smashed bottle|"
               "iron bar|metal bar|bar|stick|brick|gun|pistol|screwdriver|scissors|sword|chain|wrench|shovel|chair|"
               "blade|razor")
_WEAPONS_VI = ("dao|ma tau|rua|bua|gay|ong tuyp|tuyp sat|tuyp|xa beng|thanh sat|kiem|sung|chai vo|manh chai|vo chai|"
               "chai|keo|gach|ghe|cuoc|xeng")
_AT_SOMEONE = "(?:me|us|her|him|them|my [a-z]+)"
_WIELDING = re.compile(
    rf"(?<![a-z0-9])(?:(?:waving|waved|swinging|swung|brandishing|brandished|wielding|pointing|pointed|"
    rf"(?:came|coming|comes|went|going|lunged|lunging|charged|charging) (?:at|for|after) {_AT_SOMEONE} with|"
    rf"chasing {_AT_SOMEONE}(?: around)? with|threatening {_AT_SOMEONE} with)"
    rf"(?: (?:a|an|the|his|her|their|some|this|that|my))?(?: [a-z]+)? (?:{_WEAPONS_EN})"
    # Not "chĩa" before the weapon: it folds like "chia" (to share), and "chia kẹo" folds like "chĩa kéo".
    rf"|(?:vung|vac|quo|khua|lam lam)(?: (?:cai|cay|thanh|mot|con|manh|ong))? (?:{_WEAPONS_VI})"
    rf"|cam(?: (?:cai|cay|thanh|mot|con|manh|ong))? (?:{_WEAPONS_VI})(?: [a-z]+){{0,2}} "
    rf"(?:duoi|doa|xong|lao vao|dap|chem|phang|nem|danh|dam|chia vao|di tim))(?![a-z0-9])")
# What to do now, asked in words ("giờ phải làm sao", "what do I do"), with no "?".
_WHAT_NOW = re.compile(r"(?<![a-z])(?:(?:phai|nen) lam (?:sao|gi)|lam (?:sao|gi) bay gio|what (?:should|do) i do)"
                       r"(?![a-z])")
# "When …, then should …": a time supposed and what to do then asked, which supposes as "if" does.
_WHEN_THEN_ASKS = re.compile(r"(?<![a-z0-9])(?:khi|luc|moi khi|mot khi)(?: [a-z0-9]+){1,12}? thi (?:nen|co nen|"
                             r"phai lam|lam gi|lam sao|xu ly|xu li|goi ai|goi so|bao ai)(?![a-z0-9])")
# What is supposed, from "nếu" (if) to its "thì" (then), across a comma or a phrase set aside as a false friend (read as
# a break): "lỡ nó bị ai cho uống gì rồi ngất thì …".
_IF_THEN = re.compile(r"(?<![a-z0-9])(?:neu|gia su|lo|nho|ngo)(?: (?:[a-z0-9]+|,)){1,14}? thi(?![a-z0-9])|"
                      # Or asked first, the "if" after it, to the end of the clause ("mình nên làm gì nếu bạn cùng phòng
                      # phê đá rồi đòi đánh người"): what is supposed, with no "thì" to close it.
                      r"(?<![a-z0-9])(?:lam gi|lam sao|the nao|ra sao|xu ly|xu li|xu tri|goi ai|goi so nao|bao ai) "
                      r"(?:neu|lo|nho|lo nhu|neu nhu)(?: [a-z0-9]+){1,12}|"
                      # Or in case of it ("lập kế hoạch an toàn phòng khi chồng phê rồi đánh mình"), to the clause's
                      # end.
                      r"(?<![a-z0-9])(?:phong khi|de phong khi|phong truong hop|trong truong hop|lo nhu|nho nhu|"
                      r"in case)(?: [a-z0-9]+){1,12}|"
                      # Or "when" with "then should" after it ("khi người nhà phê rồi đòi đánh mình thì nên khóa cửa
                      # hay chạy"): a time supposed, and what to do then asked.
                      + _WHEN_THEN_ASKS.pattern)
# Whether something said is true, asked ("có thật không", "is it true").
_IS_IT_TRUE = re.compile(r"(?<![a-z])(?:co (?:that|dung)(?: vay| the| nhu vay)? (?:khong|ko|k|hok|hong|khg)|"
                         r"(?:that|dung) (?:khong|ko|hok|hong)|is (?:it|that|this) (?:really )?true|"
                         r"is (?:it|that) (?:a )?(?:fact|myth)|true or (?:not|false))(?![a-z])")
# Whether something leads to a danger, asked to the clause's end ("uống chung có bị ngủ li bì rồi ngừng thở ko"): the
# "rồi" inside is "and then" of what is asked about, not "already".
_WHETHER_IT_LEADS_TO = re.compile(r"(?<![a-z0-9])co (?:bi|the bi|gay|lam|de bi|khien)(?: [a-z0-9]+){1,10} "
                                  r"(?:khong|ko|k|hong|khg|kg)(?= [,.?!]|$)")
# In case of it ("phòng khi anh ấy phê rồi đánh em, em nên chuẩn bị gì"): a time supposed and prepared for.
_IN_CASE = re.compile(r"(?<![a-z0-9])(?:phong khi|de phong khi|phong truong hop|de phong truong hop|in case)"
                      r"(?![a-z0-9])")
# A ball kicked, hit or thrown in play ("the kid keeps kicking his football into my yard"): no blow to anyone.
_BALL_PLAYED = re.compile(r"(?<![a-z0-9])(?:kick|kicks|kicking|kicked|hit|hits|hitting|throw|throws|throwing|threw)"
                          r"(?: (?:the|a|his|her|their|my|our))? (?:ball|balls|football|soccer ball|frisbee)"
                          r"(?![a-z0-9])")
# Following a parent or grandparent who has died ("con xuống với bố", "giờ con theo mẹ", "join my mother"):
# a wish to die said without a word of death, read only beside a word that the one followed is gone.
_FOLLOW = re.compile(
    r"(?<![a-z0-9])(?:di theo|theo|xuong voi|len voi|xuong duoi do voi|xuong duoi voi|di cung|gap lai|xuong gap|"
    r"len gap|sang voi|ve voi|join|be with) "
    r"(?:bo|ba|me|ma|cha|ong|ong ba|ba noi|ong noi|ba ngoai|ong ngoai|bo me|ba me|"
    r"my mom|my mother|my dad|my father|my mum|mom|dad|mum|my grandma|my grandpa|my parents)(?![a-z0-9])")
# The words a message opens with when it supposes: "nếu", "if", "giả sử", "lỡ".
_IF_WORDS = frozenset({"neu", "if", "gia", "lo"})
# A supposition followed by what to do about it ("nếu anh ấy dùng lại rồi bị sốc thuốc thì em phải sơ cứu ra sao", "what
# should i do if she …"): a question about a time to come. Not "if" as "whether" ("i don't know if she drank any"), a
# wish ("nếu mình không tỉnh dậy nữa thì tốt") or a threat ("nếu nói ra thì đốt nhà").
_SUPPOSED_THEN_ASKED = re.compile(
    r"(?<![a-z0-9])(?:(?:neu|gia su|lo nhu|lo ma|nho ma|nho nhu) (?:[a-z0-9]+ ){1,14}thi (?:[a-z0-9]+ ){0,4}"
    r"(?:phai )?(?:lam gi|lam sao|xu ly|so cuu|ra sao|the nao|sao|goi ai)"
    r"|(?:what (?:do|should|would|can) (?:i|we|you) do|how (?:do|should|can) (?:i|we) (?:help|handle|respond)) "
    r"(?:[a-z]+ ){0,3}(?:if|in case))(?![a-z0-9])")
# What happens to a body that a message may only suppose.
_SUPPOSABLE = frozenset({"overdose_event", "shock_word", "collapse", "swallowed", "ingest", "ingest_accident", "excess",
                         "excess_amount", "violence", "harm_verb", "child_harm", "suicide", "death", *SIGNS})
# Words that suppose inside a sentence, wherever they stand ("what do I do if …", "làm gì nếu …"). Not "lỡ", which
# folds like "lo" (to worry: "em lo nó không thở"), nor "when" and "khi", which also tell ("when I got home …").
_IF_WORDS_ANYWHERE = frozenset({"neu", "if"})
# A sign, or a collapse, which may be supposed as a sign is ("… rồi ngất thì xử lý sao").
_SIGNS_OR_COLLAPSE = frozenset({*SIGNS, "collapse"})
# Words of "when", which suppose only after a word that asks.
_WHEN_WORDS = frozenset({"khi", "when", "whenever"})


# A story heard from others ("nghe chuyện", "người ta kể", "i heard that"), and whether it is true, asked.
_HEARSAY = re.compile(r"(?<![a-z])(?:nghe (?:chuyen|ke|noi|bao|nguoi ta|dau do)|nguoi ta (?:ke|noi|bao|don)|"
                      r"(?:cu|hay|ai cung|moi nguoi|ong ba|hang xom) (?:bao|noi|don)|"
                      r"heard (?:a story|stories|that|of|about|people|someone)|someone told me|people say)(?![a-z])")
_TRUE_ASKED = re.compile(r"(?<![a-z])(?:(?:co )?(?:that|dung) (?:khong|ko|k|hong|hok|ha|vay|the)|"
                         r"is (?:that|it|this) (?:true|real)|true or not|does that really happen|"
                         r"can that really happen)(?![a-z])")
# A death told as having happened ("… and died", "… rồi chết", "đã tử vong"), not wished, feared or said as a figure.
_DIED = re.compile(r"(?<![a-z])(?:died|passed away|tu vong|qua doi|roi chet|xong chet|da chet|ma chet)(?![a-z])")


# A son or daughter said to be grown up by what they do ("con gái em đang học đại học", "my son is married"), not
# by age.
_GROWN_UP = re.compile(r"(?<![a-z])(?:con gai|con trai|con|daughter|son|kid|child)((?: [a-z0-9]+){0,6}?) "
                       r"(?:dai hoc|sinh vien|cao dang|university|college|uni student|grad school|"
                       r"da lay chong|da lay vo|da co gia dinh|da truong thanh|married|grown up|all grown)(?![a-z])")
# A needle named ("kim tiêm", "bơm kim tiêm", "needle"), beside which a passive "bị đâm" is a prick.
_NEEDLE = re.compile(r"(?<![a-z])(?:kim tiem|kim chich|bom kim tiem|ong tiem|needles?|syringes?)(?![a-z])")
_PRICKED = frozenset({"bi dam", "bi dam phai", "dam phai", "bi kim dam", "kim dam"})
# A son or daughter named, whom a later "con bé" or "thằng bé" may name again.
_SON_OR_DAUGHTER = re.compile(r"(?<![a-z])(?:con gai|con trai)(?![a-z])")
_IN_LAW = re.compile(r"(?<![a-z])(?:con re|son in law|son-in-law)(?![a-z])")
_GRANDCHILD = re.compile(r"(?<![a-z])(?:chau|grandson|granddaughter|grandchild|grandchildren|grandkids?|em be|con be|"
                         r"thang be|dua be|baby|toddler)"
                         r"(?![a-z])")
# Words between the son or daughter and what they do that make it someone else's ("my son is 5, his dad is at college").
_NOT_THEIRS = frozenset({"bo", "me", "chong", "vo", "dad", "mom", "mum", "father", "mother", "husband", "wife", "ong",
                         "ba", "anh", "chi", "boyfriend", "girlfriend", "uncle", "aunt", "brother", "sister"})


def _grown_up(folded: str) -> bool:
    """A son or daughter said to be grown up by what they do ("con gái em đang học đại học", "my son is married"),
    with no young age and nobody else's doing between."""
    for found in _GROWN_UP.finditer(folded):
        between = found.group(1).split()
        if not any(w in _NOT_THEIRS or (w.isdigit() and int(w) < 18) for w in between):
            return True
    # A son-in-law named ("con rể tôi đang đánh con gái tôi"): the daughter is married, unless a grandchild or a young
    # age is named too ("con rể đánh cháu tôi 5 tuổi").
    return bool(_IN_LAW.search(folded)) and not any(w.isdigit() and int(w) < 18 for w in folded.split()) \
        and all(_daughter_again(folded, young) for young in _GRANDCHILD.finditer(folded))


def _daughter_again(folded: str, young: re.Match[str]) -> bool:
    """"Con bé" or "thằng bé" after a daughter or son is named is that daughter or son again ("nó đuổi đánh con gái
    tôi khắp xóm, con bé vừa chạy sang nhà tôi"), not a young child."""
    return young.group(0) in ("con be", "thang be") and bool(_SON_OR_DAUGHTER.search(folded[:young.start()]))


def _clauses(text: str) -> list[str]:
    """The message cut after each stop, comma or line break, each piece with words in it."""
    return [clause for clause in re.split(r"(?<=[.!?…;,\n])", text) if clause.strip()]


def _opens_with_if(text: str) -> bool:
    return bool(_IF_WORDS.intersection(words(text[:20])[:1]))


# Words that tell a thing as done: "rồi", "luôn", "xong", "vừa", "just", "already".
_DONE_WORDS = re.compile(r"(?<![a-z0-9])(?:roi|luon|xong|vua|just|already)(?![a-z0-9])")
# An animal's death, said right after it is named.
_PET_DEATH = re.compile(r"^(?:[a-z]+ )?(?:chet|mat|qua doi|died|passed|passed away|was put down|got put down|"
                        r"had to be put down|got run over|was run over|bi xe can|bi can)(?![a-z0-9])")
# A word of dying, looked for first: the bereavement pattern is long, and most messages name no death.
_DYING_WORD = re.compile(r"(?<![a-z0-9])(?:chet|mat|qua doi|died|passed|killed)(?![a-z0-9])")
# Going to someone, said where a death is told ("tối nay mình sẽ đi theo vợ", "i just want to be with her now").
_JOIN = re.compile(r"(?<![a-z0-9])(?:di theo|xuong voi|len voi|xuong gap|len gap|gap lai|sang voi|ve voi|doan tu voi|"
                   r"be with|join) [a-z]+")
_GONE = re.compile(
    r"(?<![a-z0-9])(?:mat roi|da mat|qua doi|gio dau|ngay gio|dam gio|vieng mo|ra mo|cho con voi|cho con nhe|"
    r"cho con nha|doi con|cho chau voi|doi chau|tren troi|duoi do|died|passed away|"
    r"(?:mom|dad|mum|mother|father|grandma|grandpa|she|he) passed|in heaven|up there|"
    r"lost my (?:mom|dad|mum|mother|father|parents|grandma|grandpa)|"
    r"since (?:mom|dad|my mom|my dad|my mother|my father) (?:died|passed))(?![a-z0-9])")
# Breathing said to be slow or weak, with the words people put between ("his breathing is super slow", "breaths
# are really shallow", "thở rất yếu", "thở yếu xìu").
_BREATHING_WEAK = re.compile(
    r"(?<![a-z0-9])(?:(?:breathing|breaths?|breathes)(?: is| s| are| has| have| seems| looks| sounds| got| gotten|"
    r" went| getting| gone)*(?: (?:really|super|so|very|too|real|mad|way|kinda|kind of|pretty|quite|extremely|"
    r"weirdly|scary|scarily|dead|crazy|insanely|like|all|barely|hardly))+ (?:slow|shallow|slowed|weak|faint|rattly|"
    r"raspy|noisy|gurgly|irregular|few)|(?:barely|hardly|only just|not really) (?:breathing|breathes)|"
    r"tho (?:rat|qua|hoi|that|cuc|sieu|it|yeu|cham|thoi thop)(?: (?:la|lam|qua|xiu|lam luon))* "
    r"(?:cham|yeu|nhe|it|thoi thop|khe khe|kho khe)|tho thoi thop|thoi thop)(?![a-z0-9])")
# Going "to be done with it", at the end of what is said ("muốn bỏ hẳn tất cả, đi cho xong", "thôi em đi cho
# rồi"): leaving life, said at the clause's start or after the one who leaves or wishes. Not going to get something
# done ("đi cho xong thủ tục"), going tomorrow ("mai đi cho xong"), or "đi" after a verb ("tắt nhắc đi cho xong").
_GONE_FOR_GOOD = re.compile(r"(?:^|(?<![a-z0-9])(?:muon|thoi|chac|hay la|em|toi|tui|tao|minh|anh|chi|con|bo|me) )"
                            r"di (?:luon )?cho (?:xong|roi|khoe)(?: (?:luon|di|a|nha|thoi|nhi|het))*$")
_GOING_TO_BE_DONE = re.compile(r"(?<![a-z0-9])di (?:luon )?cho (?:xong|roi|khoe)(?![a-z0-9])")
_SOME_OTHER_DAY = re.compile(r"(?<![a-z0-9])(?:mai|tuan sau|hom khac|lan sau|thang sau)(?![a-z0-9])")
# Dying wished for looking back, with nobody else named between ("giá mà hôm đó em chết luôn", "phải chi lúc đó
# mình chết quách", "giá mà hôm đó sốc thuốc chết luôn"): the writer's own passive wish to die. Not someone else
# wished dead ("giá mà thằng chồng chết quách đi"): anger at them, which the words between name.
_WISHED_DEAD = re.compile(
    r"(?<![a-z0-9])(?:gia ma|gia nhu|uoc gi|phai chi|if only)"
    r"((?: (?:hom|do|luc|ay|khi|nam|ngoai|truoc|dem|toi|em|e|minh|tao|tui|t|con|chau|da|duoc|that|night|day|i|had|"
    r"d|cu|cho|roi|lan|bi|soc|thuoc|qua|lieu|od|overdosed|and|just)){0,6}) (?:chet|died|been dead)(?![a-z0-9])")
# The world, the family, everyone better off without the writer ("thế giới sẽ tốt hơn nếu tôi biến mất",
# "everyone would be happier if I wasn't around"): better said beside the writer's absence.
_BETTER = re.compile(r"(?<![a-z0-9])(?:tot hon|nhe nhom hon|yen on hon|vui hon|de tho hon|do kho|do phai lo|"
                     r"nhe no|better|happier|easier)(?![a-z0-9])")
_WITHOUT_ME = re.compile(
    r"(?<![a-z0-9])(?:without me|if i (?:just )?(?:disappeared|was gone|were gone|wasn t around|weren t around|"
    r"wasn t here|weren t here|was not here|died)|(?:khong co|khong con|vang|thieu) (?:toi|em|con|minh|tao|tui|chau)|"
    r"(?:toi|em|con|minh|tao|tui|chau) (?:bien mat|di roi|khong con|chet di|bien di))(?![a-z0-9])")
# The words of dying a figure of speech ends on ("đắng chết được", "mệt muốn chết mất").
_DYING = frozenset({"chet", "chit", "tret", "chot", "chec"})
# A faint said as a figure ("nóng quá chắc ngất mất"): like dying said as one, the model hears the collapse in it.
_FAINTING = frozenset({"ngat", "xiu"})
# "Suicide", "kill" or "dying" inside a false friend ("that exam was suicide", "killing time", "dying to know"): said
# of a thing, a figure of speech. The false friends with "chết" in them stay only words set aside: "chết mất thôi" may
# be a person's own despair.
_FIGURE_DYING = frozenset({"suicide", "kill", "killing", "dying"})
# What the bot keeps made to disappear ("muốn cuộc trò chuyện này biến mất hết", "make this chat disappear"): a
# request to erase, not a wish to vanish. Only words that say whose or which thing stand between ("chat xong em
# muốn biến mất", "tin nhắn cuối rồi biến mất", "delete my messages and disappear" stay the writer's own wish).
_VANISHING = re.compile(
    r"(?<![a-z0-9])(?:(?:tin nhan|cuoc tro chuyen|doan chat|doan hoi thoai|lich su chat|du lieu|thong tin ve"
    r"|ho so|tai khoan)(?: (?:nay|o|day|cua|em|e|toi|minh|tui|voi|bot|trong|tren|cu|het|da|luu|ve|giua|chung))"
    r"{0,4} bien mat"
    r"|(?:conversation|chat|chats|messages|data|history|account|records)(?: to| all| to all| to just)? "
    r"(?:disappear|vanish))(?![a-z0-9])")
# Shut in by oneself ("nhốt mình trong toilet", "locked herself in"), read before "nhốt mình" is set aside as no harm
# done by another.
_SHUT_IN = re.compile(
    r"(?<![a-z])(?:(?:tu )?(?:nhot|khoa|giam) minh|locked (?:herself|himself|themselves|myself) in)(?![a-z])")
# Drawn again and again to look down from a height ("i keep looking down from my balcony … 12 floors", "cứ đứng ở ban
# công nhìn xuống mãi"): the height weighed, which a person at the edge of ending their life tells. A look down at
# something ("looking down from the balcony at the fireworks") is only a view: the look must be kept up or the
# height measured, and a height must be named.
_LOOKING_DOWN = re.compile(
    r"(?<![a-z])(?:(?:keep|kept|keep on|been|cant stop|can t stop|couldnt stop|couldn t stop) "
    r"(?:looking|staring|peering|gazing) (?:down|over the edge)|"
    r"cu (?:dung |ngoi |dung o |ngoi o )?(?:nhin|ngo) xuong|"
    r"(?:nhin|ngo) xuong (?:duoi )?(?:mai|hoai|hoai hoai|lau lam)|"
    r"how (?:far|high) (?:down|up) it is|how far (?:the|a) fall|bao (?:xa|cao) (?:xuong|nhi)|cao bao nhieu met)"
    r"(?![a-z])")
_A_HEIGHT = re.compile(
    r"(?<![a-z])(?:balcony|rooftop|roof|ledge|bridge|window|[0-9]+ ?(?:floors|storeys|stories|tang)|"
    r"(?:floor|tang) [0-9]+|[0-9]+(?:st|nd|rd|th) floor|ban cong|san thuong|tang thuong|lan can|thanh cau)(?![a-z])")
# A last word, which a farewell to life is said with, and a last message before the phone goes off too.
_LAST_WORDS = frozenset({"tin nhan cuoi", "tin nhan cuoi cung", "nhan lan cuoi", "loi cuoi"})
# Gone from a chat, a group or social media for shame ("muốn biến mất khỏi nhóm chat này vì lỡ gửi nhầm ảnh",
# "i want to disappear from this group chat"): leaving a place online, not life. Never "khỏi thế giới này".
_GONE_FROM_A_CHAT = re.compile(
    r"(?<![a-z0-9])(?:(?:bien mat|lan mat|tron) khoi (?:(?:cai|nhom|group|doan|lop) )?(?:nhom chat|nhom|group|chat|"
    r"facebook|fb|zalo|mang xa hoi|mxh|lop|cuoc tro chuyen)"
    r"|(?:disappear|vanish) (?:from|off) (?:this |the |that )?(?:group chat|group|chat|internet|social media|class)"
    r")(?![a-z0-9])")
# The signs of something asked for ("… thường có dấu hiệu gì", "dấu hiệu nào", "what are the signs"): a question for
# what to look out for, which a wish to die is not told as.
_ASKS_SIGNS = re.compile(r"(?<![a-z])(?:dau hieu (?:gi|nao|la gi|ra sao|the nao|nhu the nao)|bieu hien (?:gi|nao|la gi|"
                         r"ra sao|the nao)|what (?:are|r) the (?:warning )?signs|what signs|which signs|"
                         # The danger named between ("dấu hiệu quá liều là gì"), or the signs asked to be told ("em
                         # muốn biết dấu hiệu quá liều").
                         r"(?:dau hieu|bieu hien)(?: [a-z]+){1,3}? (?:la gi|ra sao|the nao|nhu the nao|gom nhung gi)|"
                         r"(?:muon biet|can biet|cho (?:em|toi|minh|tui|chau|con) biet"
                         r"|chi (?:em|toi|minh|tui|chau|con)) (?:cac |nhung |them )?(?:dau hieu|bieu hien))(?![a-z])")
# Asking how to tell whether a danger has come ("what are the signs he's taken too much", "how do I know if she's
# overdosing", "làm sao biết nó bị sốc"): the danger named after it is the one whose signs are asked.
_ASKS_HOW_TO_TELL = re.compile(
    _ASKS_SIGNS.pattern + r"|(?<![a-z])(?:what (?:are|r) signs|signs that|how (?:do|can|would|will) (?:i|we|you) "
    r"(?:know|tell)|how to (?:know|tell)|lam sao (?:de )?biet|lam the nao (?:de )?biet|sao biet|"
    r"dau hieu (?:nao cho biet|de biet|cho thay)|nhan biet|phan biet|(?:the )?diff(?:erence)? between|"
    r"tell the difference)(?![a-z])")
# A reminder of the daily dose asked for ("nhắc lịch uống thuốc", "remind him to take his methadone"): the dose is the
# reminder's, not something swallowed.
_REMINDED_DOSE = re.compile(
    r"(?<![a-z0-9])(?:nhac|remind|reminds|reminding)(?: [a-z0-9]+){0,3}? (?:uong|to take|to drink|take|drink)"
    r"(?: [a-z0-9]+){0,2}? (?:thuoc|methadone|metadon|methadon|dose|doses|meds|medicine|medication)(?![a-z0-9])")
# What to watch for, asked ("what changes in his breathing should worry me?", "khi nào thì phải gọi cấp cứu", "cần để ý
# những gì"): the signs asked about ahead, not seen.
_ASKS_WHAT_TO_WATCH = re.compile(
    r"(?<![a-z])(?:should (?:worry|scare|alarm) (?:me|us|you)|should i (?:be )?(?:worry|worried|look out for|look for|"
    r"watch for|watch out for)|(?:what|which) (?:[a-z]+ ){0,3}(?:to|should i|do i) (?:look out for|look for|"
    r"watch for|watch out for|worry about)|when (?:should i|do i|to) (?:worry|call|get help|panic)|warning signs|"
    r"red flags|(?:can|phai|nen) (?:de y|chu y|theo doi|coi chung) (?:nhung )?(?:gi|dieu gi|dau hieu nao)|"
    r"khi nao (?:thi )?(?:phai|nen|can|moi|la) (?:lo|goi|di vien|dua di)|luc nao (?:thi )?(?:phai|nen|can|moi) "
    r"(?:lo|goi|di vien|dua di)|the nao (?:thi|la) (?:dang lo|nguy hiem|phai lo))(?![a-z])")
_ASKS_MEANING = re.compile(r"(?<![a-z])(?:nghia la gi|co nghia gi|y la gi|co y gi|y gi|mean|means|meaning)(?![a-z])")


def _remove(tokens: list[Token], pattern: re.Pattern[str] | list[re.Match[str]]) -> list[Token]:
    """The tokens with every match of a pattern over their folded words (or the matches given) replaced by a
    break."""
    folded = " ".join(t.folded for t in tokens)
    out = list(tokens)
    for match in pattern.finditer(folded) if isinstance(pattern, re.Pattern) else pattern:
        first = folded.count(" ", 0, match.start())
        last = folded.count(" ", 0, match.end())
        for i in range(first, last + 1):
            out[i] = Token(",", None)
    return out


# How the concept rules and the statistical reader decide together (thresholds chosen on the fourth
# development set with the model learned from the other sets; docs/knowledge.md): a rule's alarm always
# stands (the model doubted real overdoses as often as figures of speech); the model alone raises the
# alarm when it is this sure of a crisis now ...
# Concepts that say who and when, and nothing of what: a message with only these says no danger in words.
BARE_WORDS = frozenset({"now", "strong_now", "person", "first_person", "writer_speaks", "third_person"})
# Up to this many words, a message that says no danger in words is not alarmed on by the model alone.
BARE_MAX_WORDS = 6
MODEL_NOW = 0.6
# ... and from this when it hears a wish to die in a message with words of a farewell or of arranging one's
# going ("nhờ chị nuôi giùm con mèo", "the will is in the blue folder"). At 0.45 in an earlier round this
# alarmed more near-misses on a check set; with a past that is over, rest and everyday leaving kept from
# the model, 0.5 caught one crisis more on crisis_check2 and three on dev7 held out, with no near-miss
# alarm more on any check set (0.4 added three; docs/knowledge.md).
MODEL_NOW_FAREWELL = 0.5
# Without a word of a danger in the message, the model's alarm is a plain question to the person below
# this, and the alarm itself from it.
MODEL_SURE = 0.85
# A question about a danger the rules did not see, with a word of a danger in it, when the model is this
# sure (at 25%, "methadone" and a typo got the overdose line); asked as a question without such a word,
# when it is surer.
MODEL_ABOUT = 0.35
MODEL_ABOUT_ASKED = 0.6
# The model's kind of crisis over the rules' when this share of its crisis probability is that kind.
MODEL_KIND = 0.6
# A rule's alarm the model all but rules out is answered as a question about a danger (the answer and
# the emergency line) unless the person cries for help, words run together (which the model cannot
# read) or a plan is named: figures of speech, past events and questions are what the rules take
# literally and the model does not.
MODEL_DOUBT = 0.1
# ... and so is a rule's alarm on a message that asks, when the model is this sure it is a question about a
# danger and gives a danger now less than half of that.
MODEL_ABOUT_SURE = 0.6
# A cry for help in this many words or fewer, with no word of what is happening, is only a cry.
CRY_MAX_WORDS = 5
# What keeps a rule's alarm whatever the model says.
UNDOUBTED = frozenset({"cry", "run_together", "stockpile", "method", "plan", "feared_dead", "wished_dead",
                       "death_preferred"})


# Words quoted: opened after a space or at the start, closed before a space, a stop or the end (the "'" of
# "I'm" is neither).
_QUOTED = re.compile(r"""(?:^|(?<=[\s(:]))["“'‘][^"”“‘’]*?(?:["”]|['’](?=[\s,.!?;:)]|$))""")


# The stems of English contractions: the "t" after them is "isn't", "don't", not the writer's "t" ("tao").
_CONTRACTED = frozenset("isn don can won didn doesn wasn aren couldn shouldn wouldn ain haven hasn weren".split())


def _owner(tokens: list[Token], at: int) -> bool:
    """The first person at `at` owns something named just before ("chai methadone của em", "a sip of mine"):
    the writer is not the one who did it. "cửa" (a door) folds like "của" and keeps its horn."""
    before = tokens[at - 1] if at > 0 else None
    return before is not None and (before.folded == "of"
                                   or (before.folded == "cua" and before.marks in (None, "\u0309")))


def _writer_is_subject(kept: list[tuple[str, int, int]], tokens: list[Token]) -> bool:
    """A first person, "t" or "e" (how the writer says "tao" and "em" in a hurry) outside a person named, the
    words of one who helps or a reflexive "mình", and not just before the words of one who helps; nor the owner
    of a thing ("của em"), nor the "t" of an English "isn't"."""
    covering = [(start, end) for name, start, end in kept
                if name in ("person", "child", "young_child", "helper_words", "reflexive")]
    helper_starts = {start for name, start, _ in kept if name == "helper_words"}
    writer = [(start, end) for name, start, end in kept if name == "first_person"] \
        + [(i, i + 1) for i, t in enumerate(tokens)
           if t.folded == "e" or (t.folded == "t" and not (i > 0 and tokens[i - 1].folded in _CONTRACTED))]
    return any(not any(cs <= start and end <= ce for cs, ce in covering) and end not in helper_starts
               and not _owner(tokens, start)
               for start, end in writer)


def _harm_done_to_another(kept: list[tuple[str, int, int]], tokens: list[Token]) -> bool:
    """Every harm named is done to someone named within two words after it who is not the writer ("đang đánh mẹ em",
    "hitting my mom"), and the writer is not named among those harmed ("hitting my mum and me", "hits me when he's
    using"): a word for the writer within four words after the harm, not inside a person's name ("mẹ em")."""
    harms = [end for name, _start, end in kept if name == "harm_verb"]
    people = [(start, end) for name, start, end in kept if name == "person"]
    others = [start for start, _end in people
              if not any(name == "first_person" and s <= start < e for name, s, e in kept)]
    writer = [i for i, token in enumerate(tokens) if token.folded in _WRITER_WORDS
              and not any(s <= i < e for s, e in people)]
    return bool(harms) and all(any(end <= start <= end + 2 for start in others)
                               and not any(end <= i < end + 4 for i in writer) for end in harms)


def _going_on_after(kept: list[tuple[str, int, int]], told: str, dangers: set[str]) -> bool:
    """Whether one of the dangers and a word of now both come after what `told` names: the scene the message goes on
    to, not the one it set aside."""
    ends = [end for name, _, end in kept if name == told]
    if not ends:
        return False
    after = {name for name, start, _ in kept if start >= min(ends)}
    return bool(after & dangers) and bool(after & {"now", "strong_now"})


def _someone_elses_wish(c: set[str]) -> bool:
    """The wish to die is someone else's: a person or a child is named, their words are reported or they
    are named by a pronoun ("bạn em cứ nói muốn chết", "my brother said he wants to kill himself"), and
    the writer states no wish of their own ("tôi muốn" inside "bạn tôi muốn" is the friend's) and speaks of
    themselves only as the one who helps ("em phải làm sao"). When in doubt, the reply is the writer's own."""
    return bool(c & {"person", "child", "young_child"}) and bool(c & {"their_words", "third_person", "others_wish"}) \
        and ("speaker_wish" not in c or "others_wish" in c) and "writer_speaks" not in c


class CrisisReader:
    def __init__(self, signals: CrisisSignals, model: CrisisModel | None = None) -> None:
        self._model = model
        self._last_read: tuple[str, tuple[set[str], bool]] | None = None
        self._sentences_read: tuple[str, list[tuple[set[str], bool]]] | None = None
        self._concept_phrases = PhraseSet(signals.concepts)
        self._false_friends = PhraseSet({"false_friend": signals.false_friends})
        self._run_together: list[tuple[str, str, str]] = []  # (concept, phrase without spaces, phrase)
        vocabulary: set[str] = set()
        for concept, phrases in signals.concepts.items():
            for phrase in (" ".join(words(p.removeprefix("="))) for p in phrases):
                vocabulary.update(phrase.split())
                joined = phrase.replace(" ", "")
                if concept in RUN_TOGETHER and len(joined) >= 7 and (" " in phrase or concept in RUN_TOGETHER_WORDS):
                    self._run_together.append((concept, joined, phrase))
        self._vocabulary = frozenset(vocabulary)
        # Words typed together are split back only against the model's words: the concepts' own words
        # alone are too few to tell a word from two ("bot/run_together.py").
        self._splitter = Splitter(self._vocabulary | model.known_words | ENGLISH, model.word_frequency) \
            if model is not None and model.known_words else None
        # Swallowing said of a substance, within a few words: "uống phải chai methadone", not "điểm
        # uống ... methadone" or "uống thuốc" said somewhere and "con" somewhere else.
        ingest = "|".join(re.escape(" ".join(words(p))) for p in signals.concepts.get("ingest", []))
        substance = "|".join(re.escape(" ".join(words(p))) for p in signals.concepts.get("substance", []))
        # Or the substance first, then what was done with it ("found grandma's oxy and chewed a couple", "lấy
        # chai methadone rồi uống").
        # Or the substance, whose it is, then drunk to the last drop ("lấy lọ methadone của mẹ nó uống cạn").
        self._swallowed = re.compile(
            rf"(?<![a-z0-9])(?:(?:{ingest})(?: [a-z0-9]+){{0,4}} (?:{substance})|"
            rf"(?:{substance})(?: [a-z0-9]+){{0,1}} (?:and|then|roi|xong|va) (?:{ingest})|"
            rf"(?:{substance})(?: [a-z0-9]+){{0,4}} (?:{ingest}) (?:sach|sach tron|can|het sach|het ca))(?![a-z0-9])") \
            if ingest and substance else None
        alternatives = {name: "|".join(re.escape(" ".join(words(p))) for p in signals.concepts.get(name, [])
                                       if not p.startswith("=")) for name in REQUIRED_CONCEPTS}
        # "mệt muốn chết", "nóng chết mất", "đói muốn xỉu": a figure of speech, removed before reading.
        self._figure_words = PhraseSet({"figure": [*signals.concepts.get("hyperbole_word", []), "thèm", "nhớ", "khóc",
                                                   "chờ", "chắc", "làm"]})
        self._hyperbole = re.compile(
            rf"(?<![a-z0-9])(?:{alternatives['hyperbole_word']})(?: qua| lam| that| vl| vcl)? (?:muon |gan |suyt )?"
            rf"(?:chet|chit|tret|chot|chec|xiu|(?<!lanh )ngat)(?: mat| di duoc| duoc| luon| thoi| roi)?(?![a-z0-9])|"
            # Crying "to death" at a film or a song ("xem phim khóc muốn chết luôn"): said with "luôn" or "mất"
            # after it, and no "cho rồi", "cho xong" after that, which make it a wish.
            r"(?<![a-z0-9])khoc(?: qua| lam| that)? (?:muon |gan )?chet (?:luon|mat)(?![a-z0-9])(?! cho(?![a-z0-9]))|"
            # Craving or missing something, named between ("thèm thuốc lá muốn chết", "nhớ con muốn chết"):
            # never life itself, oneself or a purpose ("cho", "để").
            r"(?<![a-z0-9])(?:them|nho)(?: (?!doi|song|ban than|minh|cho|de|thuoc ngu)[a-z0-9]+){1,3} "
            r"(?:muon chet|chet mat|chet di duoc)(?![a-z0-9])|"
            # Work that is hard "to death" ("nói làm bên đó cực muốn chết", "làm phụ hồ cực gần chết"): the toil. Not
            # what something does to someone ("chuyện này làm tôi cực muốn chết" is a wish).
            r"(?<![a-z0-9])lam(?: (?!toi|em|minh|tui|tao|t|to|con|anh|chi|me|bo|nguoi|ai)[a-z0-9]+){0,3} "
            r"cuc(?: qua| lam| that)? (?:muon |gan )?chet(?: mat| luon)?"
            r"(?![a-z0-9])|"
            # Waiting "to death" ("sáng nào cũng tới sớm rồi chờ muốn chết"): said with "muốn", and not "cho … chết"
            # of a wish ("cho em chết đi").
            r"(?<![a-z0-9])cho(?: lau| qua| mai| hoai)? muon chet(?: luon| mat| di duoc)?(?![a-z0-9])"
            r"(?! cho(?![a-z0-9]))|"
            # A faint the writer foresees for themselves ("ngồi lớp không quạt chắc t ngất mất", "chắc em xỉu mất
            # thôi"): the heat or the queue, not a collapse. "Chắc nó ngất mất rồi" (he must have fainted) is told.
            r"(?<![a-z0-9])chac (?:(?:t|tao|toi|tui|em|minh|anh|chi|con) )?(?:ngat|xiu|ngat xiu) mat(?: thoi| luon)?"
            r"(?![a-z0-9])(?! roi)")
        # "quá liều trà sữa", "ăn Tết quá liều", "overdosed on netflix": an excess of something everyday,
        # named right next to it ("quá liều trong giờ học" stays an overdose).
        excess_words = r"(?:qua lieu|overdosed on|overdose on|overdosing on|od on|od d on|ods on|oded on|od ing on)"
        self._everyday_excess = re.compile(
            rf"(?<![a-z0-9])(?:{excess_words}(?: [a-z0-9]+)? (?:{alternatives['everyday_thing']})|"
            rf"(?:{alternatives['everyday_thing']}) qua lieu)(?![a-z0-9])")
        # "sốc khi biết", "hơi sốc": surprise, not an overdose.
        self._surprise = re.compile(
            # "sốc khi chơi" (an overdose while using) is no surprise.
            r"(?<![a-z0-9])(?:(?:hoi|rat|qua|cu|that) soc|soc (?:khi(?! (?:choi|dung|chich|hit|xai))|vi|truoc|voi|lam|"
            r"qua(?! lieu)|that|nang|toan tap|luon|ngang|ghe|the|vay|ha|van|tam ly|van hoa|gia))(?![a-z0-9])")
        # A child named right next to a harm done to them: "đánh thằng bé", "con bé bị bỏ đói".
        # A child's age counts as a child's word ("he locked my 6 year old in the bathroom").
        child_words = "|".join(a for a in (alternatives["child"], alternatives["young_child"],
                                           alternatives["child_generic"],
                                           r"(?:[1-9]|1[0-5]) ?(?:tuoi|year old|years old|yo)") if a)
        # A son or daughter who holds the weapon or threatens a grown-up of the family ("thằng con tôi đang cầm dao dọa
        # giết bố nó"): the harm is done by the child, to a grown-up: violence at home, not a child's danger.
        self._child_does_harm = re.compile(
            rf"(?<![a-z0-9])(?:{alternatives['child']})(?: (?!bi |duoc |was |got )[a-z0-9]+){{0,5}} "
            rf"(?:doa giet|doi giet|doa danh|doi danh|doa chem|doi chem|danh|dap|chem|dam)(?: [a-z0-9]+){{0,1}} "
            rf"(?:bo|me|ba|ma|ong|ba noi|chong|vo|ca nha)(?![a-z0-9])") if alternatives["child"] else None
        # Someone named who died, of a cause or at a time said ("bố em chết vì sốc thuốc năm ngoái", "my son died
        # of an overdose 6 months ago", "chồng chị mất 2 năm rồi"): a death that is over, told by the bereaved.
        # Not one that is coming ("bạn em sắp chết vì quá liều"), feared ("tôi sợ nó chết") or just now ("my brother
        # just died of an overdose": 115 may still save him).
        people = "|".join(a for a in (alternatives["person"], alternatives["child"]) if a)
        self._someone_died = re.compile(
            rf"(?<![a-z0-9])(?:{people})(?: (?!(?:sap|dang|gan|suyt|muon|se|so|co the|vua|moi|might|is|s|going|about|"
            rf"could|will|almost|nearly|want|wants|wanna|may|just)(?![a-z0-9]))[a-z0-9]+){{0,2}} "
            rf"(?:chet|mat|qua doi|died|passed away|passed|was killed|got killed)(?: duoc)?"
            rf"(?: (?:[0-9]+|mot|hai|ba|bon|vai|may|a|two|three|four|five|six|few|several))? "
            rf"(?:vi|do|of|from|nam|thang|tuan|hoi|ago|last|in|years?|months?|weeks?)(?![a-z0-9])") if people else None
        # "Trói" (tie up) folds as "trời" (the sky) does: "trời ơi con em …" is an exclamation, not a child tied up.
        # "Đá" (kick) folds as "đã" (already) does: "tôi đã lục phòng con gái" searched a room. A kick reaches the
        # child at once, or "vào" them or a part of their body ("đá vào bụng con bé").
        kicked_at = r"(?:(?:vao|vo|trung)(?: (?:bung|mat|dau|nguoi|lung|chan|tay|mong|nguc|suon|hong|co))? )?"
        harm_first = "|".join(f"{verb}(?! (?:oi|a|dat|ui|mua|nang|toi|sang|lanh|ret|ma))" if verb == "troi"
                              else rf"da(?= {kicked_at}(?:{child_words})(?![a-z0-9]))" if verb == "da"
                              else verb
                              for verb in alternatives["harm_verb"].split("|"))
        self._harmed_child = re.compile(
            rf"(?<![a-z0-9])(?:(?:{harm_first})(?: [a-z0-9]+){{0,2}} (?:{child_words})|"
            rf"(?:{child_words})(?: [a-z0-9]+){{0,3}} (?:bi|was|is being|got|gets) (?:[a-z0-9]+ ){{0,2}}"
            rf"(?:{alternatives['harm_verb']}))(?![a-z0-9])")

    def detect(self, text: str) -> CrisisKind | None:
        """The kind of a crisis happening now, if the message says one is."""
        reading = self.read(text)
        return reading.kind if reading is not None and reading.tier in (Tier.NOW, Tier.CHECK) else None

    def read(self, text: str, answered: Callable[[str], bool] | None = None) -> CrisisReading | None:
        """`answered`, when given, says whether the FAQ is all but certain what a question asks: a plain
        question it answers, in which only the model hears a danger, is asked about plainly rather than
        alarmed on."""
        if len(text) > 2 * READ_CHARS:
            text = text[:READ_CHARS] + "\n" + text[-READ_CHARS:]
        found = self._concepts(text)
        reading = self._reading(text, found, answered)
        # A wish to die taken back ("I said I wanted to die earlier, I was just being dramatic, I'm fine now"): no
        # alarm, but the line with the numbers still comes, in case it comes back.
        if reading is None and "false_alarm" in found[0] and "death" in found[0] \
                and found[0] & {"wish", "speaker_wish", "suicide"}:
            return CrisisReading(CrisisKind.SUICIDE, Tier.ABOUT, ("false_alarm", "death"))
        # Taken back or turned out to be nothing, and so only asked about: the reply says so with the line alone, not
        # with an entry the words happen to share ("bị sếp mắng thôi" and the entry on drug tests at work).
        if reading is not None and reading.tier is Tier.ABOUT and "false_alarm" in found[0] \
                and "false_alarm" not in reading.signals:
            return replace(reading, signals=(*reading.signals, "false_alarm"))
        # Said to be over and well again ("… nhân viên y tế xử lý xong, chị ấy tỉnh rồi"): the answer that follows is
        # for what is asked next, not the steps of what is over (handlers/faq.py).
        if reading is not None and reading.tier is Tier.ABOUT and "safe_now" in found[0] \
                and not found[0] & {"strong_now", "cry", "again", "not_safe"} and "safe_now" not in reading.signals:
            return replace(reading, signals=(*reading.signals, "safe_now"))
        if reading is not None and reading.kind is CrisisKind.SUICIDE and reading.tier is Tier.NOW \
                and _someone_elses_wish(found[0]):
            return replace(reading, someone_else=True)
        return reading

    def only_a_cry(self, text: str) -> bool:
        """A cry for help and little else ("cứu với", "help!!!", "sos"): nothing says what the danger is,
        so the person is asked plainly, with the numbers, rather than told it is outside what the bot does."""
        said = words(text)
        if not said or len(said) > 2 * CRY_MAX_WORDS:
            return False
        concepts, _asked = self._concepts(text)
        # Fear said beside it, or a call for anyone there ("có ai không, cứu em với, em sợ lắm"), is still the cry.
        if len(said) > CRY_MAX_WORDS and "alone_afraid" not in concepts:
            return False
        return "cry" in concepts and not concepts & (EVIDENCE | {"not_a_cry", "bot_feature"})

    def _reading(self, text: str, found: tuple[set[str], bool],
                 answered: Callable[[str], bool] | None = None) -> CrisisReading | None:
        reading = self._by_rules(text, found)
        c = found[0]
        # Whom to tell of a child's danger, asked of a time to come ("nếu còn gặp lần nữa thì em gọi ai"), with nothing
        # happening now and no cry: the question, answered with the child protection line and the emergency line. Asked
        # of children in danger now ("mấy đứa nhỏ nhà bên bị bỏ đói, em gọi ai"), it stays the alarm. Asked of a
        # neglect that keeps happening ("who do you report to when the neighbour's kids keep getting left alone"), with
        # no "now", it is the same question: whom to tell, not a child in danger this minute.
        children_left = bool(c & {"child", "child_generic", "young_child"}) \
            and bool(c & {"left_alone", "carer_out", "child_harm"})
        # So is one said in so many words not to be urgent ("the children upstairs go hungry, it's not urgent, whom do
        # I tell").
        if "asks_whom" in c and not c & {"strong_now", "now", "cry", "again", "not_safe", *SIGNS} \
                and (reading is None or reading.kind is CrisisKind.CHILD) and bool(c & {"habitual", "not_a_cry"}) \
                and children_left:
            return CrisisReading(CrisisKind.CHILD, Tier.ABOUT, ("asks_whom", "habitual"))
        # Whom to tell of children left alone or with a carer out of it right now ("the kids have been alone since
        # yesterday, is that something i should report?"): they are in danger now, and the child's reply says whom.
        if "asks_whom" in c and reading is None and children_left and bool(c & {"left_alone", "carer_out"}) \
                and "strong_now" in c \
                and not c & {"past", "long_ago", "hypothetical", "habitual", "fiction", "safe_now", "joking", "dream"}:
            return CrisisReading(CrisisKind.CHILD, Tier.NOW, ("asks_whom", "left_alone", "strong_now"))
        if "asks_whom" in c and reading is not None and reading.kind is CrisisKind.CHILD and "hypothetical" in c \
                and not c & {"strong_now", "cry", "again", "not_safe", *SIGNS}:
            return CrisisReading(CrisisKind.CHILD, Tier.ABOUT, ("asks_whom",))
        # Violence or a collapse said laughing, not asked, with nothing swallowed, seen, planned or cried
        # for ("this exam will kill me lol", "sếp giết em mất =))"): a figure of speech, answered as an
        # ordinary message, without the emergency line. Death wished laughing still gets the line with the
        # Ngày Mai number: a joke about dying is the one a person may mean.
        if reading is not None and reading.tier is Tier.ABOUT and reading.kind is not CrisisKind.SUICIDE \
                and "joking" in c and not found[1] \
                and not c & {"strong_now", "cry", "swallowed", "question", "informational", "deadly_question",
                             "permission", "hypothetical", *SIGNS, *UNDOUBTED}:
            return None
        # A sign with its medical cause, long past and said to be well ("my mum had a seizure years ago from epilepsy,
        # she's fine now. can family members join the group?"): nothing to warn about, only the question to answer.
        if reading is not None and reading.tier is Tier.ABOUT and reading.kind is CrisisKind.OVERDOSE \
                and {"medical_cause", "long_ago", "safe_now"} <= c \
                and not c & {"now", "strong_now", "cry", "again", "not_safe", "swallowed", "overdose_event", "excess",
                             "excess_amount", "ingest_accident"}:
            return None
        animal_only = "animal" in c and not c & {"person", "child", "young_child"}
        # A danger to the animal itself; words of a farewell beside a pet are someone arranging their going.
        if animal_only and reading is None and c & (EVENTS - FAREWELL_EVIDENCE) \
                and not c & {"safe_now", "past", "long_ago"}:
            return CrisisReading(CrisisKind.POISONING, Tier.ANIMAL, ("animal",))
        if self._model is None:
            return reading
        model = self._model.read(text, self._splitter)
        # A dose of a drug taken twice, told and not asked ("hôm nay uống metadon 2 lần rồi do quên"), is a
        # thing done, not a figure of speech: the model, which learned many questions about doubled doses,
        # does not undo it.
        taken = reading is not None and reading.kind is CrisisKind.POISONING and {"excess", "substance"} <= c \
            and bool(c & {"swallowed", "ingest"}) and bool(c & {"now", "strong_now"}) and not found[1] \
            and not c & {"question", "informational", "permission", "hypothetical", "past", "joking"}
        # A dose taken by mistake today, and the person asking whether it is all right ("lỡ uống 2 lần methadone
        # hôm nay rồi, có sao không"): the excess is done, and the question is the one the poisoning reply answers.
        taken = taken or (reading is not None and reading.kind is CrisisKind.POISONING
                          and "ingest_accident" in c and bool(c & {"excess", "excess_amount"})
                          and bool(c & {"now", "strong_now"})
                          and not c & {"informational", "permission", "hypothetical", "past", "long_ago", "joking",
                                       "safe_now"})
        # Something swallowed by mistake just now ("con em vừa uống nhầm methadone, làm sao để tránh ngộ độc"): what
        # is asked after it is what to do, and the model, hearing a question about prevention, does not undo it.
        taken = taken or (reading is not None and reading.kind is CrisisKind.POISONING
                          and {"ingest_accident", "swallowed", "strong_now"} <= c
                          and not _opens_with_if(text)
                          and not c & {"permission", "past", "long_ago", "joking", "safe_now", "fiction"})
        # A child's swallowing by mistake told as done ("bé uống nhầm methadone rồi, giờ làm sao"): what is asked after
        # it is what to do, and the model, hearing a question, does not undo it.
        taken = taken or (reading is not None and reading.kind is CrisisKind.POISONING
                          and {"ingest_accident", "swallowed", "now"} <= c and bool(c & {"child", "young_child"})
                          and not _opens_with_if(text)
                          and not c & {"hypothetical", "permission", "past", "long_ago", "joking", "safe_now",
                                       "fiction", "dream"})
        # Many pills counted, swallowed by the writer and told, not asked ("i took 12 xanax cause i couldnt sleep"):
        # the model, weak in English, hears little in it; the count is the danger.
        taken = taken or (reading is not None and reading.kind is CrisisKind.POISONING and "excess_amount" in c
                          and "writer_speaks" in c and bool(c & {"swallowed", "ingest"}) and not found[1]
                          and not c & {"informational", "permission", "hypothetical", "past", "long_ago", "joking",
                                       "safe_now", "deadly_question"})
        # More taken by the writer, told as done, then asked whether it is dangerous ("… lại mua thêm hai viên subutex
        # ngậm luôn, giờ mới thấy lo. Có nguy hiểm gì không"): the model hears the question.
        taken = taken or (reading is not None and reading.kind is CrisisKind.POISONING and reading.tier is Tier.NOW
                          and {"excess", "writer_speaks"} <= c and bool(c & {"now", "strong_now"})
                          and not c & {"hypothetical", "permission", "informational", "past", "long_ago", "joking",
                                       "safe_now", "fiction", "habitual"}
                          and self._excess_done(text))
        # A swallowing supposed, then said to have happened to the writer just now: the model hears the question.
        taken = taken or (reading is not None and reading.kind is CrisisKind.POISONING and reading.tier is Tier.NOW
                          and "it_happened" in c and bool(c & {"now", "strong_now"}))
        # All of it swallowed after asking whether it kills ("… có chết không, em vừa uống hết rồi"): told, not asked.
        taken = taken or (reading is not None and reading.kind is CrisisKind.POISONING
                          and "deadly_question" in reading.signals and reading.tier is Tier.NOW)
        # A wish to die told plainly of someone named ("my friend wants to kill himself"): the model, weak in
        # English and taught many questions about friends, does not undo it.
        told_of_someone = reading is not None and reading.kind is CrisisKind.SUICIDE and "suicide" in c \
            and _someone_elses_wish(c) and not found[1] \
            and not c & {"question", "informational", "hypothetical", "past", "fiction", "safe_now", "joking"}
        # A wish to die come back now ("sáng còn ổn, giờ lại muốn chết"), told and not asked: the model, taught many
        # wishes taken back, hears the fine said before it.
        come_back = reading is not None and reading.kind is CrisisKind.SUICIDE and {"again", "now", "wish"} <= c \
            and bool(c & {"suicide", "speaker_wish"}) and not found[1] \
            and not c & {"question", "informational", "hypothetical", "past", "long_ago", "fiction", "safe_now",
                         "joking", "dream", "false_alarm"}
        # Thoughts of suicide told, not asked, of now ("dạo này em hay có ý nghĩ tự tử", "i've been having suicidal
        # thoughts"): the model, taught such words from many questions about them, hears a question.
        ideation_told = (reading is None or reading.kind is CrisisKind.SUICIDE) and "ideation" in c \
            and not found[1] and not _HELPING_ASKED.search(" ".join(words(text))) \
            and not c & {"question", "informational", "hypothetical", "permission", "past", "long_ago", "safe_now",
                         "fiction", "joking", "false_alarm", "dream", "meaning_asked", "asks_whom", "what_to_do"}
        if reading is None and ideation_told:
            # Typed without marks the rules may not read "tự tử" in it ("tu tu" is also "từ từ"); the phrase is whole.
            reading = CrisisReading(CrisisKind.SUICIDE, Tier.NOW, ("ideation",))
        if reading is not None and reading.tier is Tier.NOW and model.crisis < MODEL_DOUBT \
                and not found[0] & UNDOUBTED and not taken and not told_of_someone and not come_back \
                and not ideation_told:
            return CrisisReading(reading.kind, Tier.ABOUT, (*reading.signals, "model_doubt"), model.crisis)
        # Asked, and the model all but sure it is a question about the danger rather than the danger ("what do
        # pinpoint pupils mean in an overdose? I'm preparing the slides", "nếu gặp người ngáy khò khè sau khi
        # chích thì phải làm gì"): the answer, with the emergency line.
        asked_about = found[1] or bool(c & {"question", "informational", "permission", "hypothetical"})
        if reading is not None and reading.tier is Tier.NOW and asked_about and model.about >= MODEL_ABOUT_SURE \
                and model.crisis < model.about / 2 and not c & {"strong_now", "cry", "again", *UNDOUBTED} \
                and "struck_now" not in reading.signals and not taken \
                and not (reading.kind is CrisisKind.SUICIDE and self._dying_told(text)) \
                and not self._signs_seen_then_supposed(c, text) \
                and not (reading.kind is CrisisKind.OVERDOSE and self._signs_told_in_a_clause(text, "used" in c)):
            return CrisisReading(reading.kind, Tier.ABOUT, (*reading.signals, "model_about"), model.crisis)
        if reading is not None and reading.tier is Tier.NOW:
            # Which crisis it is, the rules and the model can see differently (pills swallowed to die,
            # a child beaten beside their mother): the model's kind, when it is this sure of it, was
            # right more often on a development set it never learned from (docs/knowledge.md).
            # A child the rules saw harmed stays a child's danger: the child's reply has 113 and 115 too, and 111.
            # The model's kind needs the message's own words for it: a child or a harm done to a child named for
            # a child's danger, the writer for a wish to die where the rules saw violence ("my uncle is kicking
            # my aunt"). Measured against no such need on the check sets and dev7 held out (docs/knowledge.md).
            child_seen = reading.kind is CrisisKind.CHILD and "child_harm" in c
            # So does a swallowing by mistake the rules read: its reply has the overdose steps as well.
            swallowed_seen = reading.kind is CrisisKind.POISONING and "ingest_accident" in c \
                and model.crisis_kind == CrisisKind.OVERDOSE
            # And a young child who swallowed or took too much is a poisoning whatever else the message says
            # ("đặt lịch cho bố ... vừa nãy bé cầm lọ methadone uống mất nửa lọ"): its reply has 115 and 111.
            swallowed_seen = swallowed_seen or (reading.kind is CrisisKind.POISONING and "young_child" in c
                                                and "child_harm" not in c
                                                and bool(c & {"swallowed", "excess", "excess_amount",
                                                              "ingest_accident"}))
            # ... and too much taken ("uống gấp đôi", "took his brother's methadone on top of his own") with none of an
            # overdose's signs seen: a poisoning, whose reply says what to tell 115 (what, how much, when).
            excess_unseen = reading.kind is CrisisKind.POISONING and model.crisis_kind == CrisisKind.OVERDOSE \
                and bool(c & {"excess", "excess_amount"}) \
                and not c & {"overdose_event", "shock_word", "collapse", "feared_dead", "run_together", *SIGNS}
            no_child = model.crisis_kind == CrisisKind.CHILD \
                and not c & {"child", "child_generic", "young_child", "child_harm"}
            # ... and a wish to die needs a word of dying or of the writer's own wish: a threat followed home is
            # violence, whoever is afraid.
            # A harm the writer fears they will do to someone named ("i'm scared i'll hurt my husband tonight, i have
            # a knife") is violence: the writer's wish there is to hurt, not to die.
            dying = {"suicide", "death", "method", "stockpile", "plan", *FAREWELL_EVIDENCE}
            harm_to_another = "person" in c and "violence" in c and not c & dying
            not_the_writer = model.crisis_kind == CrisisKind.SUICIDE and reading.kind is CrisisKind.VIOLENCE \
                and (not c & {"first_person", "speaker_wish"} or not c & (dying | {"speaker_wish"}) or harm_to_another)
            # ... and a poisoning, something taken: being followed from the dosing place is no poisoning.
            # So is a child left alone the rules read, beside a request to the bot, with nothing swallowed ("nhắc em giờ
            # uống thuốc nhé … con em 5 tuổi ở nhà 1 mình"): the dose of a reminder is the model's poisoning.
            # ... and violence, a blow, a threat or a weapon: something swallowed the rules read, with none of them, is
            # the poisoning ("my mate drank another guy's methadone outside the clinic an hour ago").
            no_blow = model.crisis_kind == CrisisKind.VIOLENCE and reading.kind is CrisisKind.POISONING \
                and bool(c & {"swallowed", "ingest_accident", "excess", "excess_amount"}) \
                and not c & {"violence", "threat", "harm_verb", "weapon_only", "out_of_control", "child_harm"}
            nothing_taken = model.crisis_kind == CrisisKind.POISONING \
                and ((reading.kind is CrisisKind.VIOLENCE
                      and not c & {"ingest", "swallowed", "ingest_accident", "excess", "excess_amount", "spiked"})
                     or (reading.kind is CrisisKind.CHILD and "bot_feature" in c
                         and not c & {"swallowed", "ingest_accident", "excess", "excess_amount", "spiked"}))
            # ... and violence, a blow or a threat at someone: a knife held by someone who says they want to kill
            # themself ("voices tell him to kill himself, he's holding a knife") is a danger to themself.
            own_harm = model.crisis_kind == CrisisKind.VIOLENCE and reading.kind is CrisisKind.SUICIDE \
                and "suicide" in c and "threat" not in c
            # ... and a wish to die, a blow or a threat at someone: a blade held by someone who has shut themself in
            # ("con gái 14 tuổi nhốt mình trong toilet, nhắn là đang cầm dao rọc giấy và không muốn ra nữa"), with
            # nobody threatened or struck, is the model's danger to themself.
            shut_in_armed = model.crisis_kind == CrisisKind.SUICIDE and reading.kind is CrisisKind.VIOLENCE \
                and {"shut_in", "weapon_only"} <= c and not c & {"threat", "harm_verb", "child_harm", "out_of_control"}
            # ... and a wish to die, a word of dying or of a farewell where the rules saw signs of an overdose (not a
            # mere collapse, which a wish to die may end in) or a child in danger ("anh tôi ngáy to mà gọi mãi không
            # dậy", "để con 1 tuổi bò ra sát mép ao"). Pills swallowed by the strip are a means the model may rightly
            # read as a wish to die.
            signs_seen = reading.kind is CrisisKind.OVERDOSE and bool(c & set(SIGNS))
            # So is something swallowed by mistake ("uống nhầm", "by accident"), or by someone other than the writer
            # ("my nephew got into my dad's pills"), or taken by someone else to try it or for a high ("bạn tôi vừa tu
            # hết chai methadone của người khác để thử cho biết"): a mistake or a dare is no means. The writer's own
            # swallowing may be one; their own excess said to be a mistake ("i think i overdid it tonight") is not.
            # Someone named who took it, with no word of dying, despair or a wish ("ba già tui … lấy uống một lúc hết
            # nguyên vỉ thuốc an thần"), is taken to be as told: the writer's worry, not a means.
            taken_by_mistake = reading.kind is CrisisKind.POISONING \
                and (bool(c & {"mistake", "spiked"}) or ("ingest_accident" in c and "writer_speaks" not in c)
                     or ("ingest_accident" in c and "person" in c
                         and not c & (dying | {"speaker_wish", "despair", "suicide_hint", "wish"}))
                     or (bool(c & {"person", "child", "young_child"}) and "for_kicks" in c
                         and "writer_speaks" not in c)
                     # Told of someone else by name or pronoun ("he drank his roommate's methadone"), with no word of
                     # dying, despair or a wish: what was taken, as told.
                     or ({"person", "third_person"} <= c and bool(c & {"swallowed", "ingest"})
                         and not c & (dying | {"speaker_wish", "despair", "suicide_hint", "wish", "death"}))
                     or ({"for_kicks", "writer_speaks", "everyday_purpose"} <= c))
            no_dying = model.crisis_kind == CrisisKind.SUICIDE \
                and (signs_seen or reading.kind is CrisisKind.CHILD or taken_by_mistake or "mistake" in c
                     # ("wish" alone is "going to", "gonna": "this is gonna sound dumb, … i drank another one")
                     or (reading.kind is CrisisKind.POISONING and "excess" in c
                         and not c & {"despair", "speaker_wish"})
                     # Too much taken for a reason said, to sleep or for the pain ("nuốt hết cả vỉ thuốc ngủ cho dễ
                     # ngủ, giờ có sao ko"): the reason is no wish to die.
                     or (reading.kind is CrisisKind.POISONING and bool(c & {"everyday_purpose", "denied_wish"})
                         and bool(c & {"excess", "excess_amount"}) and not c & {"despair", "wish"})) \
                and not c & dying
            # ... and a child's danger, a harm done to a child: a child who tells of a blow struck at someone else
            # ("em 13 tuổi, bố em say đang đánh mẹ em") sees violence, and its reply has 111 as well.
            child_sees = model.crisis_kind == CrisisKind.CHILD and reading.kind is CrisisKind.VIOLENCE \
                and "child_sees" in c and not c & {"child_harm", "young_child", "carer_out", "left_alone"}
            # ... and a poisoning asked about, then told as done ("2 lọ có chết không, em vừa uống hết rồi"), with no
            # word of despair, a wish or a plan: the question is whether it kills, which the poisoning reply answers.
            asked_then_taken = reading.kind is CrisisKind.POISONING and "deadly_question" in reading.signals \
                and not c & {"despair", "speaker_wish", "wish", "suicide", "method", "plan", "stockpile",
                             *FAREWELL_EVIDENCE}
            # ... and an overdose, something taken or signs seen: suicide named in words, with neither, is a wish to
            # die.
            no_overdose = model.crisis_kind == CrisisKind.OVERDOSE and reading.kind is CrisisKind.SUICIDE \
                and "suicide" in c and not c & {"overdose_event", "shock_word", "used", "swallowed", "ingest", "excess",
                                                "excess_amount", "collapse", *SIGNS}
            # ... and a blow struck at the writer a moment ago, with no wish of their own ("partner just choked me …,
            # said when he's back I'm dead"): the "dead" is his threat, and the violence reply has 113 and 115.
            blow_struck = model.crisis_kind == CrisisKind.SUICIDE and reading.kind is CrisisKind.VIOLENCE \
                and "struck_now" in reading.signals and "harm_verb" in c \
                and not c & {"suicide", "despair", "speaker_wish", "wish", "method", "plan", "stockpile",
                             *FAREWELL_EVIDENCE}
            # ... and violence, a blow or a threat: an overdose's signs the rules read, in someone who uses, with none
            # of them ("my brother uses and he's snoring really loud right now"), stay the overdose's.
            signs_no_blow = model.crisis_kind == CrisisKind.VIOLENCE and reading.kind is CrisisKind.OVERDOSE \
                and bool(c & set(SIGNS)) \
                and not c & {"violence", "threat", "harm_verb", "weapon_only", "out_of_control", "child_harm"}
            # ... and an overdose, signs seen: a blow being struck now, in a house where the one striking uses ("chồng
            # đánh vợ rất kinh, vợ kêu cứu, thằng chồng hay hút đá"), or a fight with a knife drawn ("vật nhau trên
            # giàn giáo, một ông rút dao ra rồi"), with no sign of an overdose, stays the blow's.
            blow_no_signs = model.crisis_kind == CrisisKind.OVERDOSE and reading.kind is CrisisKind.VIOLENCE \
                and ("struck_now" in reading.signals or "violence" in c) \
                and bool(c & {"harm_verb", "threat", "weapon_only", "violence"}) \
                and not c & {"overdose_event", "shock_word", "collapse", "swallowed", "excess", "excess_amount",
                             "sign_possible", *SIGNS}
            # ... and a child's danger, a child named: a grown-up struck with a belt ("beating my girlfriend with a
            # belt"), with no child named, is violence.
            grown_up_struck = model.crisis_kind == CrisisKind.CHILD and reading.kind is CrisisKind.VIOLENCE \
                and not c & {"child", "child_generic", "young_child"} and self._blow_at_someone(text)
            # ... and an overdose where the rules read a baby beside a carer using or gone, with no sign of an
            # overdose in anyone ("bố đang chích trong phòng, để em bé nằm cạnh kim tiêm"): the baby's danger.
            baby_unwatched = model.crisis_kind == CrisisKind.OVERDOSE and reading.kind is CrisisKind.CHILD \
                and "young_child" in c and bool(c & {"carer_out", "left_alone", "child_harm"}) \
                and not c & {"overdose_event", "shock_word", "collapse", "sign_possible", *SIGNS}
            # ... and a child's danger: breathing failing or lips gone blue, which the rules read as an overdose,
            # beside a child unharmed ("the dad is slumped on the sofa, lips grey, hardly breathing, baby crying in the
            # cot"): the overdose's reply is the one that keeps someone breathing. Someone who only will not wake,
            # beside a child in a danger of its own (on a balcony, in the street), stays the child's.
            signs_beside_child = model.crisis_kind == CrisisKind.CHILD and reading.kind is CrisisKind.OVERDOSE \
                and bool(c & {"sign_breathing", "sign_blue"}) and "child_harm" not in c
            # ... and violence, a blow, a threat or a weapon: children left hungry or alone beside a carer using ("im 12
            # my mom and her friend are using in the kitchen … my baby brother is hungry") are the children's danger.
            child_no_blow = model.crisis_kind == CrisisKind.VIOLENCE and reading.kind is CrisisKind.CHILD \
                and bool(c & {"carer_out", "left_alone", "child_harm"}) \
                and not c & {"violence", "threat", "harm_verb", "weapon_only", "out_of_control"}
            model_kind = model.kind_share >= MODEL_KIND and not no_overdose and not signs_beside_child \
                and not (asked_then_taken or child_seen or swallowed_seen or excess_unseen or no_child
                         or (not_the_writer and not shut_in_armed) or nothing_taken or own_harm or no_dying
                         or child_sees or no_blow or blow_struck or signs_no_blow or grown_up_struck or baby_unwatched
                         or blow_no_signs or child_no_blow)
            kind = CrisisKind(model.crisis_kind) if model_kind else reading.kind
            signals = reading.signals if kind is reading.kind else (*reading.signals, "model_kind")
            return CrisisReading(kind, reading.tier, signals, model.crisis)
        # The model learned people, not pets; a year or a childhood named is a story of then; and what is
        # said laughing, with nothing swallowed or seen, is said as a joke (as the rules read it).
        calm = not c & {"strong_now", "cry", "again"}
        long_ago = "long_ago" in c and calm
        laughing = bool(c & {"joking", "laughed"}) and calm and not c & {"swallowed", *SIGNS}
        # Told as past and said to be over ("tuần trước ... đã cấp cứu xong rồi", "clean for 8 months now",
        # "he's fine now, but what should I have done?"),
        # or tiredness with tomorrow planned ("ngủ một giấc cho hết mệt rồi mai đi làm"): the model learned
        # such words from crises and would alarm on them; what is feared again now says so in words of a
        # danger the rules read.
        # So is a sleeper woken at last, with no sign seen ("chồng em say rượu ngủ say, gọi mãi mới dậy đi làm").
        over = (bool(c & {"past", "long_ago"} or "false_alarm" in c) and "safe_now" in c and not c & {"cry", "again"}) \
            or ("false_alarm" in c and not c & {"cry", "again", "strong_now", *SIGNS})
        # Or well again, said after signs or a wish to die the rules read as over ("ban nay ck e ngat xiu xong tinh lai
        # roi", "he overdosed an hour ago but … he's awake and talking now"), with nothing swallowed and no "just now":
        # the model, short of sure, hears the signs. A swallowing "seems fine" is no safety: methadone acts for hours.
        over = over or (reading is not None and reading.tier is Tier.ABOUT and "safe_now" in c
                        and model.crisis < MODEL_SURE
                        and not c & {"cry", "again", "strong_now", "not_safe", "swallowed", "ingest_accident", "excess",
                                     "excess_amount", "plan", "stockpile", "method", *FAREWELL_EVIDENCE})
        # Or well again and dealt with, then a question of another thing in a sentence of its own ("sáng nay có anh
        # ngất ở điểm uống thuốc, nhân viên xử lý xong, anh ấy tỉnh rồi. chủ nhật điểm có mở không"): the writer has
        # moved on, however sure the model is of the collapse.
        over = over or (reading is not None and reading.tier is Tier.ABOUT and "safe_now" in c
                        and not c & {"cry", "again", "strong_now", "not_safe", "swallowed", "ingest_accident", "excess",
                                     "excess_amount", "plan", "stockpile", "method", *FAREWELL_EVIDENCE}
                        and self._moved_on(text))
        # Or a death that is over, told by the one who lost them ("my friend died of an overdose last winter, walked
        # past today and it hit me"), with nothing of a danger now and no wish of the writer's own.
        # Not beside a blow or a threat: "dọa đánh chết vì em nợ tiền" reads like a death of a cause.
        over = over or (reading is not None and reading.tier is Tier.ABOUT and {"bereaved", "past"} <= c
                        and not c & {"cry", "again", "strong_now", "not_safe", "swallowed", "suicide", "speaker_wish",
                                     "plan", "stockpile", "method", "violence", "threat", "harm_verb", "weapon_only",
                                     *SIGNS, *FAREWELL_EVIDENCE})
        # Or a danger of long ago, and time clean since ("last summer my son ended up in the ER after a bad trip. he's
        # been clean 8 months now"), with no danger named now: the model hears the ER, the words say it is over.
        over = over or (reading is None and "clean_time" in c and bool(c & {"past", "long_ago"}) and calm
                        and not c & (EVENTS | FAREWELL_EVIDENCE | {"not_safe", "despair", "speaker_wish", "swallowed",
                                                                   "left_alone", "out_of_control", *SIGNS}))
        resting = "rest" in c and calm and not c & (EVENTS | FAREWELL_EVIDENCE | {"substance", "used", "swallowed"})
        # Not wanting the bot's reminders, notices or stored data any more ("i don't want reminders
        # anymore", "không muốn bot giữ gì về tôi nữa", "erase everything about me from your system, now"):
        # a request to the bot, which the rules would have read as a danger had it named one.
        about_the_bot = "bot_feature" in c and not c & {"cry", "again"} \
            and not c & (EVENTS | FAREWELL_EVIDENCE | {"substance", "used", "swallowed", "plan"}) \
            and self._says_nothing_else(self._without_requests_to_the_bot(text))
        # Not wanting to live with someone or somewhere any more, with no word of dying: the model hears "không
        # muốn sống … nữa", the words say where to live.
        living_elsewhere = model.crisis_kind == CrisisKind.SUICIDE \
            and bool(_LIVING_WITH.search(" ".join(words(text)))) \
            and not c & {"suicide", "death", "method", "plan", "stockpile", "cry", *FAREWELL_EVIDENCE}
        # An animal vetoes the model's alarm for the animal's own danger, not for a pet given away by someone
        # arranging their going ("con chó nhờ cô hàng xóm nuôi giùm").
        # Nor does the model hear a child where only an animal is named ("ông hàng xóm đánh con chó").
        animal_danger = (animal_only and model.crisis_kind != CrisisKind.SUICIDE) \
            or ("animal" in c and model.crisis_kind == CrisisKind.CHILD and not c & _CHILD_WORDS)
        # A worry before the fact, asked ("để trong tủ lạnh được không, sợ tụi nhỏ uống nhầm"), which the
        # rules read as a question about a danger, with nothing seen and nobody crying for help. Asked in
        # so many words or with "?": "if" alone is among the question words, and a harm that comes "if he
        # cries" is no question. So is one the rules did not read ("who do I call if I ever see a kid left
        # alone"), unless the model hears a wish to die in it ("nếu sáng mai em không nhắn thì báo mẹ em").
        worry_asked = ((reading is not None and reading.tier is Tier.ABOUT)
                       or (reading is None and model.crisis_kind != CrisisKind.SUICIDE)) and "hypothetical" in c \
            and bool(found[1] or c & {"permission", "informational", "asks_then", "asks_whom"}) \
            and not c & {"cry", "again", *SIGNS} \
            and (not c & {"strong_now"} or self._now_apart(text))
        # Asked whether something can kill ("can sleeping pills and methadone together stop your breathing?"),
        # with nothing swallowed or seen and nobody crying for help: the question the rules read, not an alarm.
        # A time said in it ("my roommate asked to taste my methadone tonight, is that dangerous for him?") does not
        # make it a wish to die the model alone hears, with no word of dying.
        # The most that may be taken, asked ("uống tối đa mấy viên một đêm thì còn an toàn"), swallows nothing.
        deadly_asked = reading is not None and reading.tier is Tier.ABOUT and "deadly_question" in c \
            and not c & {"cry", "again", *SIGNS} and ("swallowed" not in c or "max_asked" in c) \
            and ("strong_now" not in c
                 or (model.crisis_kind == CrisisKind.SUICIDE
                     and not c & {"suicide", "death", "despair", "method", "plan", "stockpile", "speaker_wish",
                                  *FAREWELL_EVIDENCE}))
        # Whether more of a dose may be taken, asked ("would it be safe to take a double dose tomorrow since I can't
        # make it today?"), with nothing taken yet and no word of dying: a question about doses, in which the model,
        # taught little English, hears "I can't" as a wish to die.
        excess_asked = reading is not None and reading.tier is Tier.ABOUT and reading.kind is CrisisKind.POISONING \
            and "permission" in c and found[1] and bool(c & {"excess", "excess_amount"}) \
            and not c & {"cry", "again", "swallowed", "strong_now", "ingest_accident", "suicide", "death", "despair",
                         "method", "plan", "stockpile", *SIGNS, *FAREWELL_EVIDENCE}
        # A figure of speech the rules set aside ("thuốc này đắng chết được"), with no other word of a danger:
        # the model reads the whole message and hears the dying in it. When the model is all but sure, the
        # figure may be a wish to die in words that fold the same ("thối chết" and "thôi chết cho xong").
        # A story, song or film named as such ("the song Overdose by EXO has been stuck in my head all day"), with
        # nothing swallowed, seen, planned or farewelled, and no wish of the writer's own: the model hears the
        # danger's words, the message says where they come from.
        # Nobody is named and nothing is now: "video", "clip", "posted" are also how a danger to someone is seen.
        # A story said in so many words to be made up ("trong truyện ngắn tôi đang viết, nhân vật chính bị chồng
        # đánh ... chỉ là truyện thôi") may name its people and its now.
        # So may its signs: the character's ("a screenplay where a character finds her brother unconscious").
        # Its own "tonight" may be the made-up story's or the band's ("the band Overdose is playing tonight").
        # A school paper said not to be about the writer ("writing a paper on overdose deaths, it's not about me"), or
        # a story, a band or a children's game named as such, is the topic's, however sure the model is of the danger
        # in its words.
        # A hint of dying in a story said to be made up ("the main character stands on the bridge thinking about
        # jumping") is its character's, as long as no wish of the writer's own is said.
        said_to_be_made_up = bool(c & {"only_fiction", "not_about_me"})
        hints = FAREWELL_EVIDENCE - {"suicide_hint"} if said_to_be_made_up else FAREWELL_EVIDENCE
        told_in_fiction = "fiction" in c and (model.crisis < MODEL_SURE or said_to_be_made_up) \
            and (calm or (said_to_be_made_up and not c & {"cry", "again"})) \
            and not c & {"swallowed", "plan", "stockpile", "speaker_wish", "method", *hints} \
            and (said_to_be_made_up
                 or not c & {"person", "child", "young_child", "child_generic", "now", "first_person", *SIGNS})
        # Signs played at ("my sister is pretending to be passed out so she doesn't have to do the dishes"), which the
        # rules read as acted: the model hears a collapse, the words say it is a game. Not a blow or a wish to die.
        acted = "pretended" in c and calm and reading is not None and reading.tier is Tier.ABOUT \
            and reading.kind is CrisisKind.OVERDOSE and model.crisis_kind in (CrisisKind.OVERDOSE, CrisisKind.CHILD) \
            and not c & {"swallowed", "violence", "harm_verb", "child_harm", "suicide", "plan", "method", "stockpile",
                         *FAREWELL_EVIDENCE}
        # What a saying means, asked, with nobody named, nothing now and no wish of the writer's: sure as the model
        # may be of the dying in the saying, the message asks what words mean. A saying named as one ("tục ngữ",
        # "câu này"): "sống thế này còn nghĩa là gì nữa" asks what life is worth.
        meaning = "meaning_asked" in c and "fiction" in c and calm and not c & {
            "person", "child", "young_child", "now", "speaker_wish", "despair", "swallowed", "plan", "method",
            "stockpile", *SIGNS, *FAREWELL_EVIDENCE}
        # Something other than a life that ends, with no word of dying, despair, a means or a farewell and nothing
        # swallowed: medicine run out of ("thuốc em không còn nữa, mai phải lên trạm lấy thêm"), a partner one wants
        # to leave ("tôi không chịu nổi ông chồng nghiện nữa, muốn ly hôn"), drugs one wants to stop using ("em không
        # muốn dùng ma túy nữa"). The model hears a wish to die in "không còn … nữa"; the words say what ends.
        other_ending = reading is None and bool(c & {"ran_out", "separating", "quit_wish"}) \
            and model.crisis_kind == CrisisKind.SUICIDE \
            and not c & {"suicide", "death", "despair", "method", "plan", "stockpile", "cry", "swallowed", "excess",
                         "excess_amount", *FAREWELL_EVIDENCE}
        # A sign whose medical cause is named, with no drug, blow or wish to die ("ông ngoại em hôn mê sâu vì đột quỵ,
        # đang nằm viện"): the rules' worry to answer stands where the model hears someone harmed or a wish to die.
        # Not where it hears the signs themselves: someone not breathing now needs 115 whatever the cause.
        medical = reading is not None and reading.tier is Tier.ABOUT and "medical_cause" in c and calm \
            and model.crisis_kind not in (CrisisKind.OVERDOSE, CrisisKind.POISONING) \
            and not c & {"used", "overdose_event", "swallowed", "ingest", "excess", "excess_amount", "spiked",
                         "violence", "threat", "harm_verb", "weapon_only", "child_harm", "suicide", "speaker_wish",
                         *FAREWELL_EVIDENCE}
        # An illness told of someone named, with nothing else ("my mum has liver cancer and it's terminal, I'm scared of
        # losing her"): the model hears someone in danger and the fear; the words say an illness, and a loss feared.
        illness_told = reading is None and "grave_illness" in c and calm \
            and not c & (EVENTS | FAREWELL_EVIDENCE | _CHILD_WORDS
                         | {"despair", "speaker_wish", "wish", "swallowed", "harm_verb", "threat", "out_of_control",
                            "left_alone", "carer_out", "used", *SIGNS})
        # The daily visit to the dosing place, or the hour of a dose asked, with no other word of a danger ("trạm mở
        # cửa mấy giờ để uống thuốc vậy"): the model, sure as it may be, hears a swallowing in "uống thuốc".
        dosing_visit = reading is None and bool(c & {"dosing_service", "daily_visit", "asks_time"}) \
            and model.crisis_kind in (CrisisKind.POISONING, CrisisKind.OVERDOSE) \
            and not c & ((EVENTS - {"ingest"}) | FAREWELL_EVIDENCE
                         | {"cry", "again", "strong_now", "child", "young_child", "despair", "speaker_wish",
                            "left_alone", "out_of_control", "excess", "excess_amount", "ingest_accident", *SIGNS})
        # A dream told ("em nằm mơ thấy mẹ mất, giờ sợ quá", "i dreamt my brother OD'd and wouldn't wake up"), each
        # danger said in the sentence that tells the dream, and nothing cried for, swallowed, planned or wished: the
        # model hears the dream's danger, the words say it was dreamt.
        dreamt = "dream" in c and calm \
            and not c & {"swallowed", "plan", "stockpile", "speaker_wish", "method", *FAREWELL_EVIDENCE} \
            and all("dream" in found for found, _asked in self._by_sentence(text) if found & (EVENTS | EVIDENCE))
        # A danger read of in the news or a post, as past ("thấy trên fb vụ bé 2 tuổi uống nhầm methadone năm ngoái mà
        # rùng mình"), with no now, no cry and no word of the writer's own wish: the model hears the child and the
        # swallowing; the words say where and when they were.
        news_then = reading is not None and reading.tier is Tier.ABOUT and "fiction" in c \
            and bool(c & {"past", "long_ago"}) and calm \
            and not c & {"now", "not_safe", "speaker_wish", "despair", "method", "plan", "stockpile",
                         *FAREWELL_EVIDENCE}
        # The news of a danger somewhere, then a question of the writer's own about treatment ("báo đưa tin một bé uống
        # nhầm methadone mang về, vậy giờ còn được cấp thuốc mang về không"): the danger is the news's, and "giờ" the
        # question's.
        news_asked = (reading is None or reading.tier is Tier.ABOUT) and {"fiction", "past"} <= c and calm \
            and bool(found[1] or c & {"question", "informational", "yes_no"}) \
            and not c & {"not_safe", "speaker_wish", "despair", "method", "plan", "stockpile", *SIGNS,
                         *FAREWELL_EVIDENCE} \
            and ("swallowed" not in c or self._moved_on(text))
        # A blow told as past beside a question about what to do if it comes again now ("last year i got beaten up
        # … what should i do if they come after me now?"): the rules' question, whatever the model hears in the blow.
        blow_then = reading is not None and reading.tier is Tier.ABOUT and reading.kind is CrisisKind.VIOLENCE \
            and bool(c & {"past", "long_ago"}) and not c & {"cry", "again"} and self._violence_then(text)
        # Signs supposed after an "if" in every sentence that names them, asked ("What should I do if I find my partner
        # not breathing after he uses? He lives with me"): the model hears the signs and the partner, not the "if".
        signs_supposed = reading is not None and reading.tier is Tier.ABOUT and reading.kind is CrisisKind.OVERDOSE \
            and calm and bool(c & set(SIGNS)) and ("now" not in c or "feared_future" in c) \
            and not c & {"stockpile", "plan", "method", "suicide", *FAREWELL_EVIDENCE} \
            and self._signs_supposed(text)
        # Signs asked about in sentences that name nobody and no now, beside a sentence of the writer's about something
        # else ("Người ta bảo chích xong mà ngáy to là sắp sốc, đúng không ạ? Em cần tìm cơ sở methadone ở Biên Hòa"):
        # the model hears the signs and the writer; no sentence sees them in anyone.
        signs_asked_alone = reading is not None and reading.tier is Tier.ABOUT and reading.kind is CrisisKind.OVERDOSE \
            and calm and bool(c & set(SIGNS)) and model.crisis < MODEL_SURE \
            and not c & {"stockpile", "plan", "method", "suicide", "swallowed", *FAREWELL_EVIDENCE} \
            and self._signs_asked_alone(text)
        # Signs named only as what people say, and whether it is true asked ("… hiện giờ anh ấy vẫn khỏe. e đọc thấy
        # người ta bảo uống methadone với rượu có thể ngừng thở. có thật ko"): a claim checked, however sure the model
        # is.
        signs_heard = reading is not None and reading.tier is Tier.ABOUT and reading.kind is CrisisKind.OVERDOSE \
            and calm and not c & {"stockpile", "plan", "method", "suicide", "excess", "excess_amount",
                                  "ingest_accident", *FAREWELL_EVIDENCE} \
            and self._signs_only_heard(text)
        # An overdose named only in sentences that tell what is said or read of it, and ask ("… giờ đang ở nhà. Tôi đọc
        # thấy người ta bảo mới ra trại mà dùng lại rất dễ sốc thuốc. Gia đình nên làm gì"): the model hears the person
        # and the now of the other sentences beside the danger; no sentence tells it of anyone.
        # A death heard of in someone's story and asked about ("my friend told me a guy took double his dose and died,
        # is double dangerous?"): the model hears the dose and the dying; the words say whose they were.
        death_heard_of = reading is not None and reading.tier is Tier.ABOUT and bool(found[1] or c & {
            "question", "informational", "deadly_question", "yes_no"}) and self._death_heard_of(text, c)
        heard_of = reading is not None and reading.tier is Tier.ABOUT and reading.kind is CrisisKind.OVERDOSE \
            and not c & {"cry", "again", "swallowed", "excess", "excess_amount", "collapse", "suicide", "method",
                         "plan", "stockpile", *SIGNS, *FAREWELL_EVIDENCE} \
            and self._overdose_only_asked_about(text)
        # A story heard, asked whether it is true ("em từng nghe chuyện người uống thêm thuốc an thần rồi ngủ luôn không
        # dậy nữa, chuyện đó có thật không"): the danger is the story's, and the question is whether such things happen.
        said = " ".join(words(text))
        heard_asked_true = (reading is None or reading.tier is Tier.ABOUT) \
            and bool(_HEARSAY.search(said)) and bool(_TRUE_ASKED.search(said)) \
            and not c & {"cry", "again", "strong_now", "not_safe", "speaker_wish", "plan", "stockpile", "method",
                         *FAREWELL_EVIDENCE}
        # The signs of an overdose asked for, in every sentence that names it ("em muốn biết dấu hiệu quá liều là gì để
        # còn theo dõi cho anh ấy"), with nothing seen, taken or cried for and no word of dying: the model hears the
        # person and the watching; the words ask what to watch for.
        signs_of_it_asked = reading is not None and reading.tier is Tier.ABOUT and reading.kind is CrisisKind.OVERDOSE \
            and not c & {"cry", "again", "swallowed", "excess", "excess_amount", "collapse", "suicide", "death",
                         "despair", "method", "plan", "stockpile", *SIGNS, *FAREWELL_EVIDENCE} \
            and self._only_asked(text, {"overdose_event", "shock_word"}, _ASKS_HOW_TO_TELL)
        longing = "longing" in c and not c & {"wish", "speaker_wish", "despair"}
        figure = "figure_of_speech" in c and calm and (model.crisis < MODEL_SURE or longing) \
            and not c & (EVENTS | {"swallowed", "plan", *FAREWELL_EVIDENCE})
        # A figure of speech the rules set aside, then a plain question ("đề khó muốn chết mà đậu rồi. Đang uống
        # methadone thì em có được tự lái xe không"), with no other word of dying, despair or a plan: the model, which
        # hears a wish to die in the rest as well, is answered by the question.
        figure_asked = reading is None and "figure_of_speech" in c and model.crisis_kind == CrisisKind.SUICIDE \
            and bool(found[1] or c & {"question", "permission", "informational", "yes_no"}) \
            and not c & {"suicide", "death", "despair", "method", "plan", "stockpile", "speaker_wish", "cry", "again",
                         "excess", "excess_amount", "ingest_accident", "suicide_hint", *SIGNS, *FAREWELL_EVIDENCE}
        # Well again after an illness named, and asking whether a treatment may go on ("ba e nam vien vi dot quy, gio on
        # r, ba co dc uong methadone trong vien ko"): the dose asked about is no swallowing the model should alarm on.
        well_and_asking = reading is not None and reading.tier is Tier.ABOUT and "safe_now" in c \
            and "permission" in c and model.crisis < MODEL_SURE \
            and not c & {"cry", "again", "strong_now", "not_safe", "ingest_accident", "excess", "excess_amount", "plan",
                         "stockpile", "method", "suicide", *SIGNS, *FAREWELL_EVIDENCE}
        # Nobody hurt, said in so many words, and the danger asked about ahead ("nobody is hurt tonight, asking for
        # future reference: what do i do if a friend won't wake up?"): the words say what the model, weak in English,
        # does not hear.
        nothing_asked = reading is not None and reading.tier is Tier.ABOUT and "nothing_happening" in c \
            and not c & {"cry", "again", "swallowed", "excess", "excess_amount", "ingest_accident", "plan", "stockpile",
                         "method", *FAREWELL_EVIDENCE}
        # Someone else's fear for the writer ("vợ tôi lo tôi sẽ tái nghiện rồi chết"), with nothing seen, planned
        # or cried for: the model hears the dying, the words say whose worry it is.
        feared = "others_fear" in c and calm \
            and not c & {"suicide", "method", "plan", "stockpile", "swallowed", *SIGNS}
        # A question about people in general ("người ta nói ngáo đá có thể giết người, có thật không"), with
        # nobody in it, nothing seen and nobody crying for help: the model hears the danger, not a person in it.
        # Not a question about dying ("làm sao để chết không đau?"): that one a person may be asking for themselves.
        # What a medicine is, asked ("thuốc nước xanh uống ở trạm là thuốc gì vậy"): its drinking is no swallowing.
        asked_in_general = reading is None and model.crisis_kind != CrisisKind.SUICIDE \
            and bool(found[1] or c & {"question", "informational", "deadly_question", "permission",
                                      "asks_what_it_is"}) \
            and not c & {"person", "child", "young_child", "first_person", "speaker_wish", "cry", "strong_now",
                         "now", "again", *SIGNS} \
            and ("swallowed" not in c or "asks_what_it_is" in c)
        # A question in which the rules read no danger at all ("can i take sleeping pills with my methadone", "how
        # long can i keep my take-home dose in the fridge?"), with nobody named, nothing happening now, nothing seen,
        # swallowed or planned: the model, weak in English, hears a danger in the words of many questions; the
        # answer comes, with the line. Not for a wish to die the model hears: a farewell or a means asked about
        # ("how many of my pills would it take to not wake up") is asked in the words of a question too.
        asked_plainly = bool(found[1] or c & {"question", "informational", "permission"})
        only_asked = reading is None and model.crisis_kind != CrisisKind.SUICIDE and asked_plainly \
            and not c & (EVENTS | FAREWELL_EVIDENCE | {"cry", "now", "strong_now", "again", "swallowed", "plan",
                                                       "stockpile", "left_alone", "out_of_control", "child",
                                                       "child_generic", "young_child", "soon"})
        # The same for a wish to die the model alone hears in a question asked in English, when the message has no
        # word of dying, a means, a plan, a farewell, despair or a cry ("is it safe to drink on methadone? i really
        # want to go to my friend's wedding"): the model learned English from far fewer messages, and hears a wish to
        # die in the words of ordinary English questions. A bare "if" is no question here ("nobody would notice if I
        # disappeared"); nor is anything beside a pet: who will keep it is how a going is arranged.
        # So is one asked as "what if" in Vietnamese ("nếu em không còn đi uống thuốc nữa thì sao"): it opens with the
        # "if" and ends asking (not "nếu mai em không nhắn thì báo mẹ em nhé", which says what to do after).
        ending = [w for w in words(text[-40:]) if w not in _ADDRESS_WORDS][-1:]
        ends_asking = bool(found[1]) \
            or ending in (["sao"], ["khong"], ["ko"], ["k"], ["hok"], ["hong"], ["chua"], ["gi"])
        opens_with_if = _opens_with_if(text) and "hypothetical" in c and ends_asking
        # So is a time to come supposed and asked about ("tôi lo mai mốt già yếu, không tự đi uống thuốc được nữa
        # thì làm sao?"): what then, asked, with no word of dying.
        # Not when the model is all but sure of a wish to die ("lỡ mai em không còn nữa thì con em ai lo?").
        supposed_asked = opens_with_if or ("hypothetical" in c and ends_asking and "now" not in c
                                           and model.crisis < MODEL_SURE)
        only_asked = only_asked or (
            reading is None and model.crisis_kind == CrisisKind.SUICIDE
            and (language_of(text) == "en" or supposed_asked or bool(_ASKS_SIGNS.search(" ".join(words(text)))))
            and bool(found[1] or c & {"informational", "permission"} or ("question" in c and "hypothetical" not in c)
                     or supposed_asked)
            and not c & (FAREWELL_EVIDENCE | {"suicide", "death", "method", "stockpile", "plan", "despair", "cry",
                                              "again", "soon", "swallowed", "left_alone", "excess",
                                              "excess_amount", "ingest", "ingest_accident", "violence",
                                              "child_harm", "animal"})
            and ("strong_now" not in c or self._now_only_reported(text) or "infection_prevention" in c))
        # Just out of prison or rehab and asking about using again ("I just got out of prison, people say using again
        # would be riskier for me now, why?"): the risk after a break in tolerance, asked. The model hears the using
        # and the now; nothing is seen, swallowed, wished or cried for.
        # Too much supposed ("if he uses again after a year off, would his old amount be too much?") is the question.
        # Or whether the old amount is too much now, asked with a "?" after the release ("just out of detention after a
        # year, would my old amount be too much now?"), which the rules read as a question: the risk after a break.
        released_asked = (reading is None or reading.tier is Tier.ABOUT) and "released" in c and asked_plainly \
            and not c & (FAREWELL_EVIDENCE | {"cry", "swallowed", "suicide", "death", "despair", "method", "plan",
                                              "stockpile", "speaker_wish", *SIGNS}) \
            and ("hypothetical" in c or found[1] or not c & {"excess", "excess_amount"})
        if released_asked and c & {"used", "substance", "excess"} and model.crisis >= MODEL_NOW:
            return CrisisReading(CrisisKind.OVERDOSE, Tier.ABOUT, ("released", "model"), model.crisis)
        # And for a child's danger the model alone hears in a question about what often happens, naming no harm, no
        # carer out of it and nobody left alone ("bé nhà em 5 tuổi hay bị té, có sao không"): a parent's everyday
        # worry. (A child lost or waiting for food is told without a word of harm: the question alone is not enough.)
        only_asked = only_asked or (
            reading is None and model.crisis_kind == CrisisKind.CHILD and "habitual" in c and "now" not in c
            and asked_plainly
            and not c & (FAREWELL_EVIDENCE | {"child_harm", "harm_verb", "carer_out", "left_alone", "violence",
                                              "out_of_control", "used", "cry", "strong_now", "again", "swallowed",
                                              "excess", "excess_amount", "ingest", "ingest_accident", "suicide",
                                              "death", "weapon_only", *SIGNS}))
        # A small everyday hurt ("my kid fell off his bike and scraped his knee"), with no sign, nothing taken, no
        # blow and no cry: the model hears a child hurt, the words say how little.
        small_hurt = reading is None and "minor_injury" in c \
            and not c & {"used", "substance", "swallowed", "ingest", "violence", "child_harm", "harm_verb", "cry",
                         "strong_now", "again", "collapse", *SIGNS, *FAREWELL_EVIDENCE}
        # Everyday food or drink swallowed ("con em vừa uống hết hộp sữa", "my son drank a glass of milk"), with no
        # drug, nothing by mistake, no sign and no cry: the model hears a whole bottle swallowed, the words say of what.
        everyday_swallowed = reading is None and "everyday_drink" in c and bool(c & {"ingest", "swallowed"}) \
            and model.crisis_kind in (CrisisKind.POISONING, CrisisKind.OVERDOSE, CrisisKind.SUICIDE) \
            and not c & {"substance", "used", "household_poison", "mistake", "ingest_accident", "excess", "cry",
                         "spiked", "collapse", "suicide", "death", "despair", "method", "plan", "speaker_wish",
                         "violence", "child_harm", *SIGNS, *FAREWELL_EVIDENCE}
        # Leaving the chat ("Thôi tôi đi đây, chào nhé", "ok mình đi đây, bye"), with no apology, no hint of dying,
        # nothing taken and no cry: the model hears a farewell, the words sign off.
        signing_off = reading is None and "signing_off" in c and c & FAREWELL_EVIDENCE == {"farewell_gone"} \
            and model.crisis < MODEL_SURE \
            and not c & {"suicide", "death", "despair", "method", "plan", "stockpile", "swallowed", "cry", "again",
                         "speaker_wish", "strong_now", *SIGNS}
        # Withdrawal told, or a dose that does not hold ("sáng nào tầm 5h là run tay, ngáp liên tục, chảy nước mắt trước
        # giờ uống", "yawning, runny nose and sweats before my dose"), with no sign of an overdose, nothing taken to
        # excess or by mistake, no poison, no child and no word of dying: the model hears a body in trouble and a dose.
        # Sweating and shaking alone are also a poisoning's ("phun thuốc trừ sâu về thì run tay"): the dose says which.
        # Withdrawal explains a dose heard as too much, not a blow or a wish to die.
        withdrawing = reading is None and "dose_not_holding" in c \
            and model.crisis_kind in (CrisisKind.POISONING, CrisisKind.OVERDOSE) \
            and not c & {"excess", "excess_amount", "ingest_accident", "swallowed", "overdose_event", "collapse",
                         "household_poison", "tobacco", "spiked", "child", "young_child", "harm_verb", "threat",
                         "out_of_control", "weapon_only", "violence", "child_harm", "suicide", "death", "despair",
                         "method", "plan", "stockpile", "cry", *SIGNS, *FAREWELL_EVIDENCE} \
            and ("strong_now" not in c or bool(found[1] or c & {"question", "informational"}))
        # Lips or skin blue from the cold, said of oneself or with the cold named as the cause ("blue lips from the cold
        # lol, waiting in line for my dose outside"), with no other sign, nothing taken to excess and no cry: the model
        # hears the sign and the dose, the words say the weather.
        cold_told = reading is None and bool(c & {"cold_weather", "makeup"}) and bool(c & set(SIGNS)) \
            and c & set(SIGNS) <= {"sign_blue", "sign_cold"} \
            and not c & {"overdose_event", "swallowed", "excess", "excess_amount", "ingest_accident", "collapse", "cry",
                         "again", "suicide", "death", "method", "plan", *FAREWELL_EVIDENCE}
        # A dose spilled or dropped and nobody said to have drunk it ("lỡ tay làm đổ lọ methadone ra sàn, không ai uống
        # cả"), with no sign and no child or animal said to have got at it: the model hears a bottle and a mistake, the
        # words say the floor.
        spilled_told = reading is None and {"spilled", "nothing_happening"} <= c \
            and not c & {"swallowed", "ingest_accident", "excess", "excess_amount", "collapse", "cry", "again",
                         "suicide", "death", "method", "plan", *SIGNS, *FAREWELL_EVIDENCE}
        # A phone or a battery dying ("my phone keeps dying, sorry if I disappear mid chat"), with no other word of
        # dying, despair or a means: the model hears a farewell.
        device_told = reading is None and "device_dying" in c \
            and not c & {"suicide", "death", "despair", "method", "plan", "stockpile", "cry", "speaker_wish", *SIGNS}
        # An everyday errand told, and nothing else ("mẹ con tôi đang đi chợ", "em đang nấu cơm"): the model, which
        # learned how often "đang" and "đi" come in crises, hears one; the words say where the writer is.
        errand_only = reading is None and "everyday_errand" in c \
            and not c - BARE_WORDS - {"everyday_errand", "household"}
        # A danger feared for a day to come, and what to do then asked ("… có lần anh ấy tím tái, lay mãi mới tỉnh, hồi
        # tháng trước. Em sợ lỡ một ngày em là người gặp anh ấy như vậy. Lúc đó em phải làm gì"), which the rules read
        # as a question, with nothing happening now, nothing swallowed and no word of dying: however sure the model is
        # of the signs told, they are a past time's or a feared one's.
        # Or feared with nothing of it now, beside what the writer asks the bot for ("cháu tôi 10 tuổi, sợ mai này bị
        # rủ rê dùng thử, cho tôi hẹn gặp tư vấn viên"): the fear is why they write, whatever the model hears.
        feared_asked = (reading is None or reading.tier is Tier.ABOUT) and "feared_future" in c \
            and bool((reading is not None and (found[1] or c & {"question", "informational", "asks_whom", "asks_then"}))
                     or not c & {"now", *SIGNS}) \
            and not c & {"cry", "again", "strong_now", "not_safe", "swallowed", "suicide", "method", "plan",
                         "stockpile", *FAREWELL_EVIDENCE}
        # A night out drinking ("tối nay đi nhậu sinh nhật thằng bạn, uống mấy chai là vừa"), with no word of dying,
        # despair, a means or a farewell, nothing taken to excess or by mistake and no sign: the model hears bottles
        # swallowed tonight; the words say they are beers with friends.
        # A heart pounding or breath short after it ("cắn 4 viên kẹo ở đám cưới, giờ tim đập thình thịch") is what was
        # taken acting now.
        night_out = reading is None and "night_out" in c \
            and model.crisis_kind in (CrisisKind.POISONING, CrisisKind.OVERDOSE, CrisisKind.SUICIDE) \
            and not c & {"suicide", "death", "despair", "method", "plan", "stockpile", "speaker_wish", "cry", "again",
                         "excess", "excess_amount", "ingest_accident", "mistake", "spiked", "collapse", "violence",
                         "child_harm", "heartbeat", "short_of_breath", "heart_emergency", *SIGNS, *FAREWELL_EVIDENCE}
        # A danger told as past, then asked about for next time ("hôm trước thằng bạn bị sốc ở quán net, may có người
        # gọi cấp cứu. lần sau gặp cảnh đó e phải làm gì"), with no now, no cry and no word of dying: the rules'
        # question about it, whatever the model hears in the story.
        told_then_asked = reading is not None and reading.tier is Tier.ABOUT and {"past", "hypothetical"} <= c \
            and bool(found[1] or c & {"question", "informational"}) and model.crisis < MODEL_SURE \
            and not c & {"now", "strong_now", "cry", "again", "not_safe", "swallowed", "suicide", "method", "plan",
                         "stockpile", *FAREWELL_EVIDENCE}
        # Withdrawal told, and help to get through it asked ("lần trước tự cắt ở nhà vật vã quá, giờ cắt cơn thì đi đâu
        # có người giúp"), with no word of dying, despair, a means or a farewell and nothing taken: the model hears a
        # wish to die in "tự cắt"; the words say what is cut is the craving.
        detox_told = reading is None and "dose_not_holding" in c and model.crisis_kind == CrisisKind.SUICIDE \
            and model.crisis < MODEL_SURE \
            and not c & {"suicide", "death", "despair", "method", "plan", "stockpile", "cry", "again", "strong_now",
                         "swallowed", "excess", "excess_amount", "weapon_only", "harm_verb", *SIGNS,
                         *FAREWELL_EVIDENCE}
        # A pet's death told ("my dog died last night and i can't stop crying"), with no word of the writer's own dying:
        # grief for an animal, which the model, taught people, hears as despair.
        pet_died = reading is None and "animal" in c and "pet_died" in c \
            and not c & {"suicide", "death", "despair", "method", "plan", "stockpile", "cry", "again", "soon",
                         "swallowed", "suicide_hint", "farewell_gone", *SIGNS}
        # What to watch for asked ahead ("when I stay over after he's used, what changes in his breathing should worry
        # me?"), with nothing seen, taken to excess or swallowed and nobody crying for help: the model hears the
        # person and the drug; the words ask for the signs.
        watch_asked = (reading is None or reading.tier is Tier.ABOUT) \
            and bool(found[1] or c & {"question", "informational"}) \
            and bool(_ASKS_WHAT_TO_WATCH.search(" ".join(words(text)))) \
            and not c & {"cry", "strong_now", "again", "swallowed", "excess", "excess_amount", "ingest_accident",
                         "collapse", "suicide", "method", "plan", "stockpile", *SIGNS, *FAREWELL_EVIDENCE}
        if watch_asked and model.crisis >= MODEL_NOW and model.crisis > model.about:
            signals = (*(reading.signals if reading is not None else ()), "model", "watch_asked")
            return CrisisReading(CrisisKind(model.crisis_kind), Tier.ABOUT, signals, model.crisis)
        # A match asked about or told ("tối nay MU đá với ai vậy mn"), with no word of a danger: "đá" is a kick, and
        # the model hears ice taken tonight.
        sport = reading is None and "sport" in c \
            and not c & (EVIDENCE | FAREWELL_EVIDENCE | {"cry", "again", "despair", "speaker_wish", "wish", "suicide",
                                                         "swallowed", "excess", "excess_amount", *SIGNS})
        # A habit kicked or an addiction beaten ("my brother is kicking the habit, he's on methadone now"), with no word
        # of a blow, a threat or a weapon: quitting, which the model hears as violence.
        habit_kicked = reading is None and "quit_habit" in c and model.crisis_kind == CrisisKind.VIOLENCE \
            and not c & {"violence", "threat", "weapon_only", "out_of_control", "child_harm", "cry", "not_safe",
                         "alone_afraid", "death", "suicide", "again", *SIGNS}
        # Nothing happening, said in so many words ("… nothing's happening now, just want the number saved"), with no
        # danger the rules read and no word of dying, a cry or anything seen or swallowed: the model hears the danger
        # the question is about.
        nothing_said = reading is None and "nothing_happening" in c \
            and not c & {"cry", "again", "strong_now", "suicide", "death", "speaker_wish", "despair", "method", "plan",
                         "stockpile", "swallowed", "excess", "excess_amount", *SIGNS, *FAREWELL_EVIDENCE}
        # A known illness's attack told as over, the writer awake again ("bị động kinh bẩm sinh, sáng nay lên cơn, giờ
        # tỉnh táo rồi"), with no drug, nothing swallowed and no sign now: the model hears the attack; the words say its
        # cause and its end.
        medical_over = reading is None and {"medical_cause", "safe_now"} <= c \
            and not c & {"cry", "again", "not_safe", "used", "substance", "swallowed", "ingest", "ingest_accident",
                         "excess", "excess_amount", "overdose_event", "violence", "threat", "child_harm", "suicide",
                         "speaker_wish", "despair", "method", "plan", "stockpile", *SIGNS, *FAREWELL_EVIDENCE}
        # A disability named of a son or daughter beside a question about someone else's use ("my daughter is autistic
        # and her brother smokes ice, how do people quit?"), with no harm, nobody left alone and no cry: the model hears
        # a child in danger; the words say who the child is.
        disability_told = reading is None and "disability" in c and model.crisis_kind == CrisisKind.CHILD \
            and bool(found[1] or c & {"question", "informational"}) \
            and not c & {"child_harm", "left_alone", "young_child", "cry", "strong_now", "again", "not_safe",
                         "violence", "threat", "swallowed", "ingest_accident", *SIGNS}
        # A teenager of an age to be in treatment, caught using, and how to help them stop asked ("thằng em 17 tuổi bị
        # phát hiện chơi đá ở trường, giờ cho nó cai thế nào"), with no harm done to them, nobody left alone and no cry:
        # the model hears a child in danger; the words say a family's question.
        teen_asked = reading is None and "teen_age" in c and model.crisis_kind == CrisisKind.CHILD \
            and bool(found[1] or c & {"question", "informational"}) \
            and not c & {"child_harm", "left_alone", "carer_out", "young_child", "cry", "strong_now", "again",
                         "not_safe", "violence", "threat", "harm_verb", "swallowed", "ingest_accident", "suicide",
                         "death", "despair", *SIGNS, *FAREWELL_EVIDENCE}
        # A stranger's body seen or heard of by a passer-by ("chạy xe qua cầu thấy người ta vớt xác, nghe đâu tự tử"),
        # with nobody of the writer's named and no word of the writer's own wish: the model hears the dying.
        stranger_died = "stranger_death" in c and calm \
            and not c & {"person", "child", "young_child", "speaker_wish", "despair", "method", "plan", "stockpile",
                         "swallowed", *SIGNS, *FAREWELL_EVIDENCE}
        # A danger told as past, then something asked of the bot itself ("năm ngoái chồng e đập e gãy tay lúc phê, giờ
        # nó đi cai bắt buộc rồi. e muốn xóa hết dữ liệu của e trên bot này"), with no cry, nothing now of the danger
        # and nothing swallowed: the request, after the line; the model, short of sure, hears the blow of then.
        # However sure the model, when the request comes first and the past is its reason ("delete all my data please. I
        # told you about my friend's overdose last week").
        past_then_bot = reading is not None and reading.tier is Tier.ABOUT and bool(c & {"past", "long_ago"}) \
            and "bot_feature" in c and (model.crisis < MODEL_SURE or self._asks_the_bot_first(text)) \
            and not c & {"cry", "again", "strong_now", "not_safe", "swallowed", "ingest_accident", "excess",
                         "excess_amount", "suicide", "death", "despair", "plan", "method", "stockpile", *SIGNS,
                         *FAREWELL_EVIDENCE}
        # A scare told with relief ("té xuống mương uống nước sình một bụng, vớt lên liền rồi, … hú hồn"), with no drug,
        # sign, blow or word of dying and nothing by mistake: the model hears something swallowed; the words say the
        # scare is over.
        relieved = reading is None and "relief" in c and calm \
            and not c & ((EVENTS - {"ingest"}) | FAREWELL_EVIDENCE
                         | {"substance", "used", "swallowed", "mistake", "not_safe", "despair", "speaker_wish",
                            "left_alone", "out_of_control", "harm_verb", "threat", *SIGNS})
        # A game played on a screen, its deaths and losses told ("trận vừa rồi bị gank chết 12 lần, muốn gỡ game luôn"),
        # with no wish, despair, means or farewell of the writer's and nothing taken: the model hears the dying and the
        # wanting; the words say whose they are.
        game_told = reading is None and "video_game" in c \
            and not c & (FAREWELL_EVIDENCE | {"suicide", "speaker_wish", "despair", "method", "plan", "stockpile",
                                              "cry", "swallowed", "ingest", "excess", "excess_amount", "substance",
                                              "used", "violence", "threat", "child_harm", *SIGNS})
        # Who is there, asked in a word or two ("ai đấy"): the bot is asked who it is; the model, which learned short
        # cries, hears one.
        who_asked = reading is None and "asks_who" in c and len(words(text)) <= 4 \
            and not c & (EVIDENCE | FAREWELL_EVIDENCE | {"cry", "despair", "again"})
        # A danger supposed after an "if" in every sentence that names it, and what to do asked ("Tết này bạn trai em
        # về, anh ấy đang cai, nếu anh ấy dùng lại rồi bị sốc thuốc thì em phải sơ cứu ra sao"): the model, sure of the
        # overdose, hears it; the words say it has not happened.
        supposed_asked = reading is not None and reading.tier is Tier.ABOUT and "hypothetical" in c \
            and bool(found[1] or c & {"question", "informational", "what_to_do"}) \
            and not c & {"cry", "again", "strong_now", "not_safe"} \
            and self._only_asked(text, _SUPPOSABLE, _SUPPOSED_THEN_ASKED, told=frozenset())
        farewell = bool(c & FAREWELL_EVIDENCE) and "everyday_leaving" not in c \
            and model.crisis_kind == CrisisKind.SUICIDE
        threshold = MODEL_NOW_FAREWELL if farewell else MODEL_NOW
        if model.crisis >= threshold and model.crisis > model.about \
                and not (animal_danger or long_ago or laughing or over or resting or about_the_bot or worry_asked
                         or deadly_asked or excess_asked or asked_in_general or only_asked or living_elsewhere or feared
                         or figure
                         or told_in_fiction or acted or small_hurt or signing_off or meaning or other_ending or medical
                         or dosing_visit or illness_told or dreamt or news_then or blow_then or released_asked
                         or everyday_swallowed or signs_supposed or withdrawing or pet_died or signs_asked_alone
                         or heard_of or death_heard_of or heard_asked_true or news_asked
                         or signs_of_it_asked or figure_asked or well_and_asking or nothing_asked or sport
                         or detox_told or told_then_asked or habit_kicked or night_out or feared_asked
                         or signs_heard or cold_told or spilled_told or errand_only or device_told or nothing_said
                         or stranger_died or medical_over or disability_told or teen_asked or relieved
                         or past_then_bot or game_told or who_asked or supposed_asked):
            # A danger the rules read only as asked about or past, which the model hears now, is the model's
            # kind when it is sure of it ("giá mà hôm sốc thuốc năm ngoái em chết luôn cho rồi" is a wish to die).
            kind = reading.kind if reading is not None and model.kind_share < MODEL_KIND \
                else CrisisKind(model.crisis_kind)
            if kind is CrisisKind.CHILD and "adult_age" in c:
                kind = CrisisKind.VIOLENCE  # a grown son or daughter harmed: 113, not the child line
            # A child's danger the model alone hears where no child is named and a plan, a means or a word of dying is
            # ("my sister says she has a plan and the pills are in her drawer"): a wish to die.
            if kind is CrisisKind.CHILD and not c & _CHILD_WORDS \
                    and c & {"plan", "stockpile", "method", "suicide", "death", *FAREWELL_EVIDENCE}:
                kind = CrisisKind.SUICIDE
            # Violence the model alone hears where no blow, threat or weapon is named but a farewell is ("my sister
            # locked herself in the bathroom and said goodbye to me through the door"): a wish to die.
            if kind is CrisisKind.VIOLENCE and reading is None and c & FAREWELL_EVIDENCE \
                    and not c & {"violence", "harm_verb", "threat", "weapon_only", "everyday_leaving"}:
                kind = CrisisKind.SUICIDE
            # So is an overdose the model alone hears where nothing is taken or seen but a going to the dead is said
            # ("tối nay là lúc tôi lên đó ngồi cạnh anh"): a wish to die.
            if kind is CrisisKind.OVERDOSE and reading is None and "suicide_hint" in c \
                    and not c & {"overdose_event", "shock_word", "collapse", "used", "substance", "swallowed", "ingest",
                                 "excess", "excess_amount", "everyday_leaving", *SIGNS}:
                kind = CrisisKind.SUICIDE
            # And a wish to die the model hears where the rules read children harmed, told by one of them or of them,
            # with no word of dying ("I'm 12 … we ate the last rice yesterday"): the children's danger.
            # Or where a child left alone without food tells it, in words the rules read as no child's ("cháu ở nhà một
            # mình 3 ngày rồi … nhà hết sạch đồ ăn").
            if kind is CrisisKind.SUICIDE and "child_harm" in c \
                    and ((reading is not None and reading.kind is CrisisKind.CHILD)
                         or (reading is None and "left_alone" in c)) \
                    and not c & {"suicide", "death", "despair", "speaker_wish", "method", "plan", "stockpile",
                                 *FAREWELL_EVIDENCE}:
                kind = CrisisKind.CHILD
            # A young child who just swallowed something, with no word of dying ("my son just ate like six of the
            # caffeine pills I keep in the truck, he's 7"): a poisoning, which the model hears as a means.
            if kind is CrisisKind.SUICIDE and reading is None and "young_child" in c and "strong_now" in c \
                    and {"ingest", "substance"} <= c \
                    and not c & {"suicide", "death", "despair", "speaker_wish", "wish", "method", "plan", "stockpile",
                                 *FAREWELL_EVIDENCE}:
                kind = CrisisKind.POISONING
            # And where something was swallowed instead ("my buddy drank someone's methadone outside the clinic an hour
            # ago"): a poisoning.
            if kind is CrisisKind.VIOLENCE and reading is None and {"swallowed", "substance"} <= c \
                    and not c & {"violence", "harm_verb", "threat", "weapon_only", "out_of_control", "child_harm"}:
                kind = CrisisKind.POISONING
            # Too much swallowed just now, said in an amount ("vừa nuốt 1 lúc 3 viên kẹo …, giờ người nóng ran"), with
            # no sign of an overdose seen and no collapse: the poisoning's reply (call 115 even if they seem well) fits;
            # the overdose's is for someone who will not wake or breathe. One pill taken and signs after it ("took a
            # pill at the festival and now she's burning up") stay the overdose.
            if kind is CrisisKind.OVERDOSE and reading is None and {"swallowed", "strong_now"} <= c \
                    and not c & {"overdose_event", "shock_word", "collapse", "not_waking", *SIGNS} \
                    and (bool(c & {"excess", "excess_amount"})
                         or ((many := _MANY_PILLS.search(said)) is not None and int(many.group(1)) >= 2)):
                kind = CrisisKind.POISONING
            signals = (*(reading.signals if reading is not None else ()), "model")
            words_of_danger = c - FAREWELL_EVIDENCE if "everyday_leaving" in c else c
            # Going far with a trip or a coming back named ("tối nay em đi xa, mai về ạ") is a journey.
            if "trip" in c:
                words_of_danger = words_of_danger - {"going_away"}
            # A household product named with nothing swallowed or taken ("xăng lại tăng giá nữa rồi, chết mất thôi"):
            # the price of petrol, not a poison.
            # Got beside despair ("bought rat poison on the way home. i don't see the point anymore"), it is a means at
            # hand.
            if "household_poison" in c and c & {"despair", "speaker_wish"}:
                words_of_danger = words_of_danger | {"substance"}
            elif "household_poison" in c and not c & {"ingest", "swallowed", "ingest_accident", "excess",
                                                      "excess_amount", "used", "spiked", "method", "plan", "stockpile"}:
                words_of_danger = words_of_danger - {"substance", "household_poison"}
            # Alone, said of the writer with nobody else named ("tối nay ở nhà một mình chán quá"): being alone is a
            # child's danger, or a risk beside a wish to die the words tell; by itself it is a lonely evening. "Mình"
            # of "một mình" also reads as the writer's own "I" ("mình chán").
            if "left_alone" in c and not c & {"child", "young_child", "child_generic", "person", "third_person"}:
                words_of_danger = words_of_danger - {"left_alone", "speaker_wish"}
            evidence = reading is not None or bool(words_of_danger & EVIDENCE)
            # A family's question about how to help someone, with no word of dying in it ("dạo này nó bỏ
            # việc, nhốt mình trong phòng … gia đình nên làm gì?"): the model hears despair; asking plainly,
            # with the answer, fits better than the alarm.
            worried_for_someone = reading is None and model.crisis_kind == CrisisKind.SUICIDE \
                and bool(found[1] or c & {"question", "informational"}) and "person" in c \
                and not c & {"death", "suicide", "speaker_wish", "wish", "cry", "strong_now", "method", "stockpile",
                             "plan", *FAREWELL_EVIDENCE}
            # A plain question the FAQ is all but certain of ("Mai em lên trạm xin vào chương trình uống thuốc nước,
            # em cần cầm theo những gì?", "… muốn cho nó đi cai, có chỗ nào nhận trẻ con ko"), asked in words, with "?"
            # or with a yes-or-no ending, and with no word of dying, despair, a plan, a cry, too much taken or anything
            # seen: the model alone hears a danger in the words of many questions. Asked plainly, and answered. Not
            # a poisoning or an overdose the model hears: a swallowing asked about as a question may be happening.
            # Nor a wish to die the model is sure of: it is the danger a person may put in an FAQ's words ("uống
            # thuốc ngủ với methadone có sao không"), and the FAQ's certainty says what is asked, not why.
            answered_plainly = reading is None and answered is not None \
                and model.crisis_kind not in (CrisisKind.POISONING, CrisisKind.OVERDOSE) \
                and not (model.crisis_kind in (CrisisKind.SUICIDE, CrisisKind.CHILD) and model.crisis >= MODEL_SURE) \
                and bool(found[1] or c & {"question", "informational", "permission", "yes_no"}) \
                and not c & (FAREWELL_EVIDENCE | {"suicide", "death", "method", "plan", "stockpile", "despair", "cry",
                                                  "strong_now", "again", "soon", "excess", "excess_amount",
                                                  "ingest_accident", "violence", "threat", "child_harm", "left_alone",
                                                  "out_of_control", *SIGNS}) \
                and answered(text)
            # A death of someone close, told as over, in which only the model hears a wish to die ("my best friend
            # passed from fentanyl last spring and i still think about it every day"): grief, asked about plainly.
            grieving = reading is None and model.crisis_kind == CrisisKind.SUICIDE and "bereaved" in c \
                and not c & (FAREWELL_EVIDENCE | {"suicide", "death", "method", "plan", "stockpile", "cry", "again",
                                                  "speaker_wish", "soon"})
            # Violence the model alone hears in a question that names no blow, threat, weapon or fear ("chồng tôi đang
            # dùng ma túy, là vợ tôi nên làm gì để giúp anh ấy?"): the model learned the people of many violent
            # messages; the words are a family's question. Asked plainly, and answered.
            violence_unsaid = reading is None and kind is CrisisKind.VIOLENCE \
                and bool(found[1] or c & {"question", "informational"}) \
                and not c & {"violence", "threat", "harm_verb", "weapon_only", "out_of_control", "child_harm", "cry",
                             "strong_now", "left_alone", "death", "suicide", "not_safe", "alone_afraid", *SIGNS}
            # An overdose the model alone hears in a question asked in so many words, with no sign seen, no collapse,
            # nothing swallowed or taken to excess and no cry ("Làm sao để bỏ đá hả mn? … giờ ngày nào cũng phê"): a
            # habit asked about in the words of overdoses. Asked plainly, with the numbers.
            # Or asked what to do in words with no "?" ("bị anh em rủ dùng lại, giờ phải làm sao").
            overdose_unseen = reading is None and kind is CrisisKind.OVERDOSE \
                and bool(found[1] or _WHAT_NOW.search(said)) \
                and model.crisis < MODEL_SURE \
                and not c & {"overdose_event", "shock_word", "collapse", "swallowed", "ingest", "ingest_accident",
                             "excess", "excess_amount", "cry", "strong_now", "again", "not_safe", *SIGNS}
            # A danger the model alone hears, told as already in others' hands ("the kids were taken into care", "xe
            # cấp cứu chở đi rồi"), with no cry, no sign seen and nothing said to be happening still: what it was, and
            # what to do if it happens, not the alarm.
            in_hand = reading is None and "in_care" in c \
                and not c & {"cry", "again", "strong_now", "not_safe", "speaker_wish", "suicide", "method", *SIGNS}
            if in_hand:
                return CrisisReading(kind, Tier.ABOUT, ("model", "in_care"), model.crisis)
            # A danger heard of and asked about, with nobody named ("nghe nói bây giờ hàng có pha fentanyl, làm sao
            # nhận ra?", "people say the stuff going round is stronger, how can you tell?"): a rumour, with no one in it
            # to be in danger now; the model, short of sure, hears the drug. Asked about, with the line.
            rumour_asked = reading is None and "reported" in c and model.crisis < MODEL_SURE \
                and bool(found[1] or c & {"question", "informational", "yes_no"}) \
                and not c & (FAREWELL_EVIDENCE | _CHILD_WORDS | {
                    "person", "first_person", "third_person", "cry", "again", "not_safe", "swallowed", "ingest",
                    "ingest_accident", "excess", "excess_amount", "suicide", "death", "speaker_wish", "despair",
                    "method", "plan", "stockpile", "violence", "threat", "harm_verb", "weapon_only", *SIGNS})
            if rumour_asked:
                return CrisisReading(kind, Tier.ABOUT, ("model", "reported"), model.crisis)
            # Violence the model alone hears in a worry for someone, with no word of a blow, a threat, a weapon, fear or
            # anyone out of control ("em đang rất lo cho chồng em"): the model learned violent messages' people; asked
            # plainly, however sure it is. Without the worry said, the model's violence stands: it alone reads many
            # blows told in words the rules lack ("swinging a crowbar at people", "đang đạp cửa phòng").
            violence_unnamed = reading is None and kind is CrisisKind.VIOLENCE and "worried_for" in c \
                and not c & {"violence", "threat", "harm_verb", "weapon_only", "out_of_control", "child_harm", "cry",
                             "not_safe", "alone_afraid", "left_alone", "death", "suicide", "used", "strong_now",
                             "again", *SIGNS}
            # A few words with no word of any danger in them ("em đang ở nhà", "anh đang ngủ"), in which the model alone
            # hears a blow, a collapse or a child's danger: asked plainly, with the numbers, rather than alarmed on. A
            # wish to die is left to the model: it is the danger people put in the fewest and plainest words ("có lẽ
            # nên dừng lại ở đây").
            bare = not c - BARE_WORDS and len(words(text)) <= BARE_MAX_WORDS and kind is not CrisisKind.SUICIDE
            sure = (evidence or model.crisis >= MODEL_SURE) and not worried_for_someone and not answered_plainly \
                and not grieving and not violence_unsaid and not overdose_unseen and not violence_unnamed and not bare
            return CrisisReading(kind, Tier.NOW if sure else Tier.CHECK, signals, model.crisis)
        # A question about a danger the rules did not see, when it has words of a danger at all (the
        # model alone would add the emergency line to questions about fees or papers).
        # So is one asked as a question, with no word of a danger the rules know ("what do i say to a friend
        # who wants to disappear"), when the model is sure it is a question about a danger; not a request to the
        # bot ("can you wipe everything, like nuke my whole history with you").
        asked = found[1] or bool(found[0] & {"question", "informational", "deadly_question", "permission",
                                             "hypothetical"})
        # So is a worry before the fact the rules did not read ("what do I do if my toddler ever gets into the
        # bottle?"): the danger the model hears is the one supposed, and its answer comes with the line.
        supposed_unread = worry_asked and reading is None
        # A wish to die feared for a time to come, and help for then asked ("có đường dây nào để con tôi gọi nếu sau này
        # nó thấy bế tắc, muốn tìm đến cái chết không?"): the question, with the line, whatever the model hears.
        if reading is None and feared_asked and (found[1] or c & {"question", "informational", "asks_whom"}) \
                and ("suicide" in c or "despair" in c or {"death", "wish"} <= c):
            return CrisisReading(CrisisKind.SUICIDE, Tier.ABOUT, ("feared_future",), model.crisis)
        if (asked_in_general or only_asked or supposed_unread) and model.crisis >= threshold \
                and model.crisis > model.about and not about_the_bot:
            kind = CrisisKind(model.crisis_kind)
            if kind is CrisisKind.CHILD and "adult_age" in c:
                kind = CrisisKind.VIOLENCE  # a grown son or daughter harmed: 113, not the child line
            why = "asked_in_general" if asked_in_general else "only_asked" if only_asked else "worry_asked"
            return CrisisReading(kind, Tier.ABOUT, ("model", why), model.crisis)
        # A sign of a wish to die (a height, a means, a farewell word) with nothing else ("đứng ở ban công tầng 12 được
        # nửa tiếng rồi"), told, not asked, of now, in which the model hears a wish to die short of sure: asked plainly,
        # with the numbers; nobody is alerted. Not beside a goodbye to the chat, sleep, a feature or an errand ("thôi em
        # đi ngủ đây, tạm biệt", "tắt nhắc đi, em ko cần nữa"), where the same words close a chat.
        if reading is None and {"suicide_hint", "now"} <= c and model.crisis_kind == CrisisKind.SUICIDE \
                and model.crisis >= MODEL_ABOUT and not found[1] \
                and not c & {"question", "informational", "hypothetical", "permission", "past", "long_ago", "fiction",
                             "joking", "reported", "safe_now", "dream", "false_alarm", "everyday_leaving", "trip",
                             "asks_whom", "what_to_do", "meaning_asked", "signing_off", "bot_feature", "feature_talk",
                             "everyday_errand", "everyday_thing", "rest"}:
            return CrisisReading(CrisisKind.SUICIDE, Tier.CHECK, ("suicide_hint", "model"), model.crisis)
        # Despair in the writer's own words ("em bế tắc quá", "I feel so hopeless"), which no rule reads as a danger
        # and the model is not sure of: asked plainly, with the numbers; nobody is alerted.
        # Whoever else is named is the one despaired of; with nobody named, the despair is the writer's ("there is no
        # way out for me").
        if reading is None and "despair" in c \
                and not c & {"fiction", "past", "long_ago", "joking", "reported", "safe_now", "informational",
                             "hypothetical", "person", "child", "young_child", "third_person"}:
            return CrisisReading(CrisisKind.SUICIDE, Tier.CHECK, ("despair",), model.crisis)
        # Someone else's dark thoughts, told by a person worried for them ("bạn em đang nghĩ quẩn, em phải làm sao"):
        # how to help them, with the line.
        if reading is None and "dark_thoughts" in c and c & {"person", "third_person"} \
                and not c & {"fiction", "past", "long_ago", "joking", "safe_now"}:
            return CrisisReading(CrisisKind.SUICIDE, Tier.ABOUT, ("dark_thoughts",), model.crisis)
        # A question about a child's danger needs a child in it: "is it illegal to use drugs in vietnam now" is about
        # the law, and the child line would answer nothing asked.
        about_no_child = model.about_kind == CrisisKind.CHILD and not c & _CHILD_WORDS \
            and not names_a_child(text)
        # Someone else's dying said laughing, in their words ("Thằng con tôi bảo bắt nó bỏ điện thoại thì nó chết mất
        # 😂"): a figure of speech retold, with no wish, despair or means of the writer's; the model hears the dying.
        laughed_off = model.about_kind == CrisisKind.SUICIDE and "joking" in c \
            and bool(c & {"reported", "their_words"}) \
            and not c & {"speaker_wish", "suicide", "despair", "method", "plan", "stockpile", "cry", *FAREWELL_EVIDENCE}
        if reading is None and not about_no_child and not laughed_off \
                and ((model.about >= MODEL_ABOUT and found[0] & EVIDENCE)
                     or (asked and model.about >= MODEL_ABOUT_ASKED and model.about > model.crisis)):
            return CrisisReading(CrisisKind(model.about_kind), Tier.ABOUT, ("model",), model.crisis)
        return reading

    def _by_rules(self, text: str, found: tuple[set[str], bool] | None = None) -> CrisisReading | None:
        reading = self._read(text, found)
        if reading is None or reading.tier is not Tier.NOW:
            return reading
        # A crisis phrase quoted in a question about what it means ("'chơi quá tay' nghĩa là gì") is
        # a question about a danger, unless the words around the quote say a crisis too.
        quoted = _QUOTED.findall(text)
        if quoted and _ASKS_MEANING.search(" ".join(words(_QUOTED.sub(" ", text)))):
            outside = self._read(_QUOTED.sub(" ", text))
            if outside is None or outside.tier is not Tier.NOW:
                return CrisisReading(reading.kind, Tier.ABOUT, (*reading.signals, "quoted"))
        return reading

    def _without_requests_to_the_bot(self, text: str) -> str:
        """The message without what it asks of the bot: each of its words for a feature and the three words
        before it ("don't want reminders", "không muốn bot", "cancel my reminders"), and the words people add
        about a feature ("permanently", "I don't want them anymore"). What is left is what the person says
        besides: "i dont want to wake up tomorrow" in "..., cancel my reminders"."""
        tokens = tokenize(text)
        matches = self._concept_phrases.matches(tokens)
        dropped: set[int] = set()
        for name, start, end in matches:
            if name == "bot_feature":
                dropped.update(range(max(0, start - 3), end))
        if dropped:
            # And the use said to be given up ("không còn chơi nữa, chỉ muốn xóa hết dữ liệu"): a life, not its end.
            for name, start, end in matches:
                if name in ("feature_talk", "clean_time"):
                    dropped.update(range(start, end))
        return " ".join(t.folded for i, t in enumerate(tokens) if i not in dropped)

    def _says_nothing_else(self, rest: str) -> bool:
        """What is left beside the requests to the bot is a word or two ("i ... anymore"), or nothing the
        model alarms on by itself."""
        assert self._model is not None
        return len(rest.split()) < 3 or self._model.read(rest, self._splitter).crisis < MODEL_NOW_FAREWELL

    def _figures(self, tokens: list[Token]) -> list[re.Match[str]]:
        """The figures of speech ("mệt muốn chết", "đói quá muốn xỉu"), each starting at a word typed as the
        figure's own: "đời" folds like "đói", and "chán đời quá muốn chết" is no hunger."""
        folded = " ".join(t.folded for t in tokens)
        starts = {start for _, start, _ in self._figure_words.matches(tokens)}
        found = [m for m in self._hyperbole.finditer(folded) if folded.count(" ", 0, m.start()) in starts]
        if not found:
            return found
        # Nor is a figure's word the end of a longer phrase ("chan doi qua muon chet": "chán đời", weary of life).
        # A phrase that only says who feels it ("em lo", "tôi sợ") leaves the figure as it is: "mẹ em lo muốn chết".
        spans = [(start, end) for name, start, end in self._concept_phrases.matches(tokens)
                 if end - start > 1 and name not in _FIGURE_STAYS]
        return [m for m in found if not any(start < folded.count(" ", 0, m.start()) < end for start, end in spans)]

    def _repaired(self, tokens: list[Token], english: bool = False) -> list[Token]:
        """The tokens, a word typed together with the next split back into both ("nằmim"), a slip read as
        the word meant (bot/run_together.py); in a message in English (`english`), as English words ("my brpther
        jusg drank my methadone")."""
        if self._splitter is None:
            return tokens
        repairs = self._splitter.repairs([token.folded for token in tokens], english=english)
        return [new for token, pieces in zip(tokens, repairs, strict=True)
                for new in ((token,) if pieces is None else tuple(Token(word, None) for word in pieces))]

    @staticmethod
    def _denied(name: str, tokens: list[Token], start: int) -> bool:
        """Whether the concept's words right after a denial are what the denial says did not happen: a blow
        never struck, a faint that was not one. Signs whose own words are a "not" ("không tỉnh", "won't wake")
        stay signs."""
        before = " ".join(t.folded for t in tokens[max(0, start - 3):start])
        if name in _DENIABLE_BLOWS:
            return bool(_BLOW_DENIED.search(before))
        if name in _DENIABLE_SIGNS and tokens[start].folded in _SIGN_WORDS_DENIABLE:
            return bool(_SIGN_DENIED.search(before))
        if name == "sign_breathing" and tokens[start].folded in ("ngung", "ngat", "stop", "stops", "stopped"):
            return bool(_BREATHING_NOT_STOPPED.search(before))
        if name == "ideation":
            return bool(_IDEATION_DENIED.search(before))
        return False

    def _concepts(self, text: str) -> tuple[set[str], bool]:
        """The concepts a message fires, and whether it has a "?". The router asks whether a message is a
        danger, then whether it is a bare cry: the second question reads the same message, so the last one
        read is kept (nobody changes what is returned)."""
        if self._last_read is not None and self._last_read[0] == text:
            return self._last_read[1]
        found = self._find_concepts(text)
        self._last_read = (text, found)
        return found

    def _find_concepts(self, text: str) -> tuple[set[str], bool]:
        as_typed = tokenize(text)
        typed = " ".join(t.folded for t in as_typed)
        repaired = self._repaired(as_typed, english=language_of(text) == "en")
        before = self._concept_phrases.matches(repaired) if self._false_friends.matches(repaired) else []
        inside = [(start, end) for _, start, end in before]
        # Sport is read before the false friends take its kick out ("đá với", "đá bóng").
        sport = any(name == "sport" for name, _, _ in before)
        tokens = self._false_friends.remove(repaired, inside)
        figures = self._figures(tokens)
        # The words the false friends took out.
        taken_out = {token.folded for token, kept in zip(repaired, tokens, strict=True) if kept is not token}
        # A figure of speech with dying in it, set aside by the hyperbole's pattern or as a false friend ("that exam
        # was suicide", "going out in this storm would be suicide").
        # Or a death thought near in a fright, taken out as a false friend ("tưởng chết tới nơi"): not a death.
        figure = any((_DYING | _FAINTING) & set(m.group(0).split()) for m in figures) \
            or bool(taken_out & _FIGURE_DYING) or ("tuong" in taken_out and bool(taken_out & _DYING))
        # Missing someone or craving something "to death" ("nhớ anh ấy muốn chết"): the longing is the figure's whole
        # meaning, which the model, taught the dying in it, may be sure is a wish.
        # So is "dying to" or "dying for" something ("I'm dying to get take-home doses").
        longing = any(m.group(0).split()[0] in ("nho", "them") and _DYING & set(m.group(0).split()) for m in figures) \
            or "dying" in taken_out
        vanishing = bool(_VANISHING.search(" ".join(t.folded for t in tokens)))
        # Laughing said as a figure ("chết cười", "cười muốn chết"), set aside by the hyperbole's pattern or as a false
        # friend: said laughing, which sets aside what only the model hears (not a wish or a danger the rules read).
        laughed = any("cuoi" in m.group(0).split() for m in figures) \
            or ("cuoi" in taken_out and bool(taken_out & _DYING))
        tokens = _remove(tokens, figures)
        for everyday in (self._surprise, self._everyday_excess, _VANISHING, _BALL_PLAYED, _GONE_FROM_A_CHAT):
            tokens = _remove(tokens, everyday)
        folded = " ".join(t.folded for t in tokens)
        matches = self._concept_phrases.matches(tokens)
        # A word inside a longer phrase that means something else is not itself: "cứu" in "sơ cứu" or
        # "được cứu" is no cry for help, "bé" in "bé cún" no child, "em" in "trẻ em" not the writer.
        shadows = [(start, end, SHADOWED[name]) for name, start, end in matches if name in SHADOWED]
        kept = [(name, start, end) for name, start, end in matches
                if not any(s <= start and end <= e and name in hidden for s, e, hidden in shadows)]
        # A harm whose last word begins an animal's name ("đánh con" in "đánh con chó") is done to the animal.
        animals = [(start, end) for name, start, end in kept if name == "animal"]
        if animals:
            kept = [(name, start, end) for name, start, end in kept
                    if not (name in _CHILD_WORDS and any(s <= end - 1 < e for s, e in animals))]
        # The writer's "muốn" that begins a wish to quit ("giờ mình muốn bỏ hẳn thì bắt đầu từ đâu") wishes for the drug
        # to end, not a life, whatever deaths of others the message tells; one that begins a wish to ask or to be
        # tested ("giờ tui muốn xét nghiệm") wishes for that, and so does one for proper sleep ("chỉ muốn ngủ một giấc
        # cho đã"), unless a way of not waking or dying follows ("… rồi không dậy nữa").
        sleep_only = not any(name in ("not_waking", "death", "suicide", "method") for name, _, _ in kept)
        quits = [(start, end) for name, start, end in kept if name in ("quit_wish", "asking_wish")
                 or (name == "everyday_purpose" and sleep_only)]
        if quits:
            kept = [(name, start, end) for name, start, end in kept
                    if not (name in ("speaker_wish", "wish") and any(s <= end - 1 < e for s, e in quits))]
        # A harm aimed at a writer who names their own child ("đòi đánh gãy chân tôi vì con tôi nợ"): the writer is the
        # one threatened, a parent, and the child named is not the one harmed. A blow that goes on to the child ("đánh
        # tôi và con") stays violence at home, whose reply has 111 as well.
        writer_at = [start for name, start, _ in kept if name == "first_person"]
        if any(name == "child" and any(start <= w < end for w in writer_at) for name, start, end in kept):
            others = [start for name, start, _ in kept if name in ("child", "young_child", "child_generic", "person")]
            kept = [(name, start, end) for name, start, end in kept
                    if not (name == "child_harm" and any(end <= w <= end + 2 and not any(end <= o <= w for o in others)
                                                         for w in writer_at))]
        # "Rồi" between "nếu" and "thì" ("nếu bố em say rượu rồi đánh người thì gọi số nào"), or after an "if" that
        # follows the question, is "and then" of what is supposed, not "already"; "đang", "vừa" there are the
        # supposed scene's ("nếu thấy bạn đang phê mà tự nhiên co giật thì làm gì"), not the writer's now.
        supposed = [(folded.count(" ", 0, m.start()), folded.count(" ", 0, m.end()))
                     for pattern in (_IF_THEN, _WHETHER_IT_LEADS_TO) for m in pattern.finditer(folded)]
        if supposed:
            kept = [(name, start, end) for name, start, end in kept
                    if not (name in ("now", "strong_now") and end == start + 1
                            and tokens[start].folded in ("roi", "dang", "vua", "moi")
                            and any(s < start < e for s, e in supposed))]
            # "Again" inside what is supposed ("in case he ever feels like ending things again", "nếu nó lại đánh thì
            # …") is the supposed time's, not a danger come back now.
            kept = [(name, start, end) for name, start, end in kept
                    if not (name == "again" and any(s < start and end <= e + 1 for s, e in supposed))]
            # A "now" of the writer's state before the supposition ("em đang bị quản lý, nếu bạn em bị sốc thì …"),
            # where every word of a danger is inside what is supposed: the now is the state's, not the danger's.
            dangers = [(start, end) for name, start, end in kept if name in _SUPPOSABLE]
            if dangers and all(any(s <= start and end <= e for s, e in supposed) for start, end in dangers):
                first = min(s for s, _ in supposed)
                kept = [(name, start, end) for name, start, end in kept
                        if not (name in ("now", "strong_now") and end <= first)]
        # "Cứu" told of a rescue, with when it was after it ("tuần trước anh cứu con Na lúc nó bị sốc"), or by whom,
        # luckily ("may có người cứu"): saved, not a cry. "Cứu em với khi …" keeps its cry in "cứu em".
        rescued = {folded.count(" ", 0, m.start()) for m in _RESCUE_TOLD.finditer(folded)} \
            | {folded.count(" ", 0, m.start(1)) for m in _RESCUED_BY.finditer(folded)}
        if rescued:
            kept = [(name, start, end) for name, start, end in kept
                    if not (name in ("cry", "strong_now") and start in rescued and end == start + 1)]
        # "Chết rồi" before a slip told ("chết rồi, tôi quên mất cách đặt") is "oh no", no death.
        oh_no = {folded.count(" ", 0, m.start()) for m in _OH_NO.finditer(folded)}
        if oh_no:
            kept = [(name, start, end) for name, start, end in kept
                    if not (name in ("death", "suicide") and start in oh_no)]
        # "Vừa … vừa …" is "both … and …" ("vừa uống methadone vừa uống rượu"), not "just now".
        both = {i for i, token in enumerate(tokens) if token.folded == "vua"
                and any(later.folded == "vua" for later in tokens[i + 2:i + 7])}
        both |= {j for i in both for j in range(i + 2, min(i + 7, len(tokens))) if tokens[j].folded == "vua"}
        if both:
            kept = [(name, start, end) for name, start, end in kept
                    if not (name in ("now", "strong_now") and start in both and end == start + 1)]
        # A blow or a collapse said not to have happened ("chồng em chưa bao giờ đánh em", "he didn't hit me", "wasn't
        # passed out"): the words deny it.
        kept = [(name, start, end) for name, start, end in kept if not self._denied(name, tokens, start)]
        # Pricked, where a used needle is named and nobody who does it ("kim tiêm dùng rồi vứt đâu, sợ người khác bị
        # đâm"): a needle-stick, which the FAQ answers (PEP), not a stabbing.
        if _NEEDLE.search(folded):
            pricks = [(name, start, end) for name, start, end in kept if name == "violence"
                      and " ".join(t.folded for t in tokens[start:end]) in _PRICKED]
            if pricks and len(pricks) == sum(name == "violence" for name, _, _ in kept) \
                    and not any(name in ("weapon_only", "harm_verb", "threat", "person") for name, _, _ in kept):
                kept = [match for match in kept if match not in pricks]
        fired = {name for name, _, _ in kept} | ({"sport"} if sport else set())
        # The only child named is the one in the writer's arms ("em đang bế con 3 tháng"), not one who swallowed.
        carried = [(start, end) for name, start, end in kept if name == "carried_child"]
        if carried and all(any(s <= start and end <= e for s, e in carried)
                           for name, start, end in kept if name in ("child", "young_child")):
            fired.add("only_carried")
        if laughed:
            fired.add("laughed")
        if "only_fiction" in fired:
            fired.add("fiction")  # said to be made up, a band's or a song's name: a story or a name first of all
        if _WHEN_THEN_ASKS.search(folded):
            fired.update(("hypothetical", "question", "asks_then"))
        elif _IN_CASE.search(folded):
            fired.update(("hypothetical", "asks_then"))
        # Beside a request to the bot, what people add about the feature ("tắt hẳn luôn, e ko cần nữa") is about
        # the feature, not a hint of leaving life.
        talk = [(start, end) for name, start, end in kept if name == "feature_talk"]
        if "bot_feature" in fired and all(any(ts <= start and end <= te for ts, te in talk)
                                          for name, start, end in kept if name == "suicide_hint"):
            fired.discard("suicide_hint")
        # "tôi muốn" inside "bạn tôi muốn …": the wish is the friend's, named just before it.
        people = [(start, end) for name, start, end in kept if name in ("person", "child", "young_child")]
        wishes = [start for name, start, _ in kept if name == "speaker_wish"]
        if wishes and all(any(ps < w < pe for ps, pe in people) for w in wishes):
            fired.add("others_wish")
        # The writer as the subject of something ("tôi uống hết chai thuốc", "giờ mình ra sông"), not as the
        # owner of someone named ("bạn tôi"), the one who helps ("em phải làm sao", "texted me") or a "mình"
        # that is the other's own self ("nhốt mình trong phòng"); nor inside the words of someone else quoted
        # ("my dad texted 'I'm sorry for everything'").
        writer_speaks = _writer_is_subject(kept, tokens)
        if writer_speaks and people and _QUOTED.search(text):
            unquoted = tokenize(_QUOTED.sub(" , ", text))
            writer_speaks = _writer_is_subject(self._concept_phrases.matches(unquoted), unquoted)
        if writer_speaks:
            fired.add("writer_speaks")
        # Words said by someone named just before, in the same clause ("bạn em cứ nói …", "my friend keeps
        # saying …"; not "… cho em trai, nhờ chị nói với nó").
        # Or said in the next clause with the same subject left out ("con trai tôi nhốt mình trong phòng, nói
        # vọng ra là …"): a comma just before the word, and no other punctuation since the name.
        # Only words of speech: a stop reads like a comma here, and "…, my phone to my sister. wrote it all down"
        # is the writer who wrote.
        if any((0 <= start - pe <= 3 and all(t.folded.isalnum() for t in tokens[pe:start]))
               or (name == "reported" and 0 < start - pe <= 8 and tokens[start - 1].folded == ","
                   and all(t.folded.isalnum() for t in tokens[pe:start - 1]))
               for name, start, _ in kept if name in ("reported", "posted") for _ps, pe in people):
            fired.add("their_words")
        # An animal spoken of as "nó" is no person: "con chó nhà tôi ăn phải thuốc chuột, giờ nó nôn".
        if "animal" in fired and all(" ".join(t.folded for t in tokens[start:end]) in PRONOUNS
                                     for name, start, end in kept if name == "person"):
            fired.discard("person")
        if _YEAR.search(folded) or _YEARS_AGO.search(folded):
            fired.update(("past", "long_ago"))
        if "long_ago" in fired:
            fired.add("past")
            # "five years ago ... now he's a counselor": the now of a story long past is its contrast.
            if not fired & {"again", "cry"}:
                fired.discard("strong_now")
        # In a story said to be made up, "em muốn" wishes what it is followed by: to write it well ("em đang viết
        # truyện ngắn có nhân vật tự tử, em muốn viết cho đúng") is no wish to die unless dying follows the wish.
        if "only_fiction" in fired and "speaker_wish" in fired and not any(
                name in ("death", "suicide", "method", "despair") and 0 <= start - wish_end <= 4
                for name, start, _ in kept for wish, _s, wish_end in kept if wish == "speaker_wish"):
            fired.discard("speaker_wish")
        # Out of a facility is over ("hồi mới ra trại …"), unless a sign or a collapse is seen, or a drug is taken now:
        # just out and using again is when an overdose is likeliest. Nor does a release make safe a blow, a weapon or
        # a child harmed that the message tells as going on ("vừa ra trại, đang cầm gậy đánh mẹ").
        if "released" in fired and not fired & {*SIGNS, "collapse", "overdose_event", "cry"} \
                and not ("strong_now" in fired and fired & {"used", "again", "ingest", "swallowed"}) \
                and not _going_on_after(kept, "released", {"violence", "weapon_only", "child_harm", "left_alone"}):
            fired.add("safe_now")
        if "in_care" in fired:
            fired.add("safe_now")
        safe_place = _SAFE_PLACE.search(folded)
        if safe_place and not _BUT.search(folded[safe_place.end():]):  # "… an toàn, nhưng nó đang đứng ngoài cổng"
            fired.add("safe_now")
        thought = _THOUGHT_BUT_NOT.search(folded)
        # What turned out is no danger itself ("… hóa ra nó không thở" is one).
        if thought and not self._find_concepts(folded[thought.end():])[0] \
                & ((EVENTS - {"ingest"}) | {"used", "substance", "cry", "not_waking", *SIGNS}):
            fired.add("false_alarm")
        # A cry posted or passed on that turned out to be nothing ("trên nhóm có người đăng 'cứu với!!!', hóa ra là nhờ
        # vote cho con thi ảnh"): the cry was the post's, and what it was is said.
        if _TURNED_OUT_NOTHING.search(folded):
            fired.add("false_alarm")
            if "posted" in fired or _QUOTED.search(text):
                fired.difference_update(("cry", "strong_now"))
        # What was told taken back as the writer's own mistake, in a clause of its own ("không phải con em uống đâu, em
        # nhầm, ...", "sorry, my mistake"): not "em nhầm thuốc", a mistake that is the danger.
        if _TAKEN_BACK.search(folded) and _DENIED.search(folded):
            fired.add("false_alarm")
        # The fine in a clause of its own after what was said, with no "but" after it: "yesterday I told mum I'm fine,
        # but I want to die" says the fine was the mask.
        said_earlier = _SAID_EARLIER.search(folded)
        fine = _FINE_NOW.search(folded, said_earlier.end()) if said_earlier else None
        if said_earlier and fine and " , " in folded[said_earlier.end():fine.start() + 1] \
                and not _BUT_THEN.search(folded, fine.end()) \
                and not fired & {"despair", "cry", "again", "strong_now", "method", "plan", "stockpile", "not_safe",
                                 *FAREWELL_EVIDENCE}:
            fired.add("false_alarm")
        if "false_alarm" in fired and not fired & {"cry", "again", "strong_now"}:
            fired.add("safe_now")  # what turned out to be nothing is over
        # Saved or fine then, but a sign, a collapse, a wish to die or a blow told after a "but" ("may mà có người thấy,
        # nhưng giờ nó lại nằm im không thở", "giờ em ổn rồi nhưng tối nay vẫn muốn chết"): what is told last is now.
        turns = list(_BUT_THEN.finditer(folded)) if "safe_now" in fired else []
        if turns:
            told_last = self._find_concepts(folded[turns[-1].end():])[0]
            if (told_last & {*SIGNS, "collapse", "overdose_event", "not_waking", "cry", "suicide", "method", "plan",
                             "stockpile", "violence", "threat", "child_harm"} or {"death", "wish"} <= told_last) \
                    and "safe_now" not in told_last:
                fired.discard("safe_now")
        if "others_fear" in fired:
            fired.add("reported")  # what they fear is said in their words, not the writer's wish
        if "set_aside" in fired and fired & {"now", "strong_now"}:
            fired.difference_update(("informational", "question"))
        if _BREATHING_WEAK.search(folded):
            fired.add("sign_breathing")
        took = _TOOK_MY_DOSE.search(folded)
        # Not one's own dose drunk by oneself ("em uống thuốc của em"), reminded of, forgotten or timed ("nhắc lịch uống
        # thuốc của em").
        said_before = folded[:took.start()].split()[-2:] if took else []
        # "Em" right before is the writer drinking; "bạn em", "bố tôi" before it are someone else.
        by_the_writer = took is not None and took.group(0).split()[-1] in said_before[-1:] \
            and not (len(said_before) == 2 and said_before[0] in _SOMEONE_OF_THE_WRITERS)
        if took and not by_the_writer and not _OWN_DOSE_CUES.intersection(said_before):
            fired.update(("ingest_accident", "substance"))
        if _MINUTES_AGO.search(folded) and fired & {"ingest", "ingest_accident", "swallowed", "used"}:
            fired.add("now")
        if (_COMING_TO_HARM.search(folded) or _SETTING_OUT.search(folded)) \
                and fired & {"person", "third_person", "reported"}:
            fired.add("threat")
        # A weapon wielded is read as typed too: a knife for the kitchen held to chase someone ("cầm dao thái thịt
        # đuổi theo vợ") is no kitchen knife, though the false friends take "cầm dao thái" out.
        if _PROGRESSIVE.search(folded) or "threat" in fired or _WIELDING.search(folded) or _WIELDING.search(typed):
            fired.add("violence")
        # Both are said by the writer of themselves, whatever "if" or "would" frames them.
        if _FOLLOW.search(folded) and _GONE.search(folded):
            fired.update(("suicide", "speaker_wish"))
        if _BETTER.search(folded) and _WITHOUT_ME.search(folded):
            fired.update(("suicide", "speaker_wish"))
        if _GOING_TO_BE_DONE.search(folded) and any(
                _GONE_FOR_GOOD.search(clause) and not _SOME_OTHER_DAY.search(clause)
                for clause in (" ".join(words(part)) for part in _CLAUSES.split(text))):
            fired.add("suicide")
        if _WISHED_DEAD.search(folded):
            fired.update(("suicide", "speaker_wish", "wished_dead"))
            fired.difference_update(("hypothetical", "question"))  # "if only" wishes, it supposes and asks nothing
        # A last message before the phone goes off ("đây là tin nhắn cuối trước khi điện thoại sập nguồn nha"): an
        # everyday leaving, with no other word of dying.
        if "everyday_leaving" in fired and "suicide" in fired and all(
                " ".join(t.folded for t in tokens[start:end]) in _LAST_WORDS
                for name, start, end in kept if name == "suicide"):
            fired.discard("suicide")
        if _SHUT_IN.search(typed):
            fired.add("shut_in")
        if _LOOKING_DOWN.search(folded) and _A_HEIGHT.search(folded):
            fired.add("suicide")
        if _CUT_ON_SELF.search(folded):
            fired.add("suicide")
        # The writer's medicine found by someone else and taken ("my nephew found my subutex and took three"): got at.
        if "found_mine" in fired and fired & {"ingest", "swallowed"}:
            fired.add("ingest_accident")
        # Nobody hurt, said in so many words, or the question said to be asked ahead ("ko ai bi sao het, e hoi de
        # biet"): what the message supposes is not happening, unless a cry, a blow or a danger back says otherwise, or
        # signs seen after a "but" ("không có ai quá liều, nhưng giờ anh ấy không thở", "tưởng không ai sao, ai dè …").
        if "nothing_happening" in fired \
                and not fired & {"cry", "again", "violence", "threat", "weapon_only", "suicide"} \
                and not (fired & set(SIGNS) and (_BUT_THEN.search(folded) or _TURNED_OUT.search(folded))):
            fired.update(("safe_now", "hypothetical"))
            fired.discard("strong_now")
        for blow in _BLOW.finditer(folded):
            fired.add("suicide" if blow.group(1) else "violence")
        if _VOICES_URGE.search(folded):
            fired.update(("suicide", "death", "speaker_wish"))
        if vanishing:
            fired.add("bot_feature")  # the thing made to disappear is the bot's
        # A harm done to an animal named with a child's word ("đánh con chó"): "con" there is the animal's.
        beside_animals = " ".join("," if any(start <= i < end for start, end in animals) else t.folded
                                  for i, t in enumerate(tokens)) if animals else folded
        if self._harmed_child.search(beside_animals):
            fired.add("child_harm")
        if self._child_does_harm is not None and self._child_does_harm.search(folded) \
                and fired & {"violence", "threat", "weapon_only"}:
            fired.discard("child_harm")
            fired.add("child_does_harm")
        if self._someone_died is not None and not fired & {"cry", "again", *SIGNS} and _DYING_WORD.search(folded) \
                and self._someone_died.search(folded):
            # The death told is someone else's and over: its "chết" is no wish of the writer's, unless the writer
            # names dying again elsewhere ("... em cũng muốn chết theo").
            fired.update(("bereaved", "past"))
            rest = tokenize(self._someone_died.sub(" , ", folded))
            if "death" not in {name for name, _, _ in self._concept_phrases.matches(rest)}:
                fired.discard("death")
            if _JOIN.search(folded):
                fired.update(("suicide", "speaker_wish"))  # to join the one who died
        if "short_of_breath" in fired and fired & {"used", "swallowed", "ingest", "ingest_accident", "overdose_event"} \
                and "medical_cause" not in fired:
            fired.add("sign_breathing")
        # An animal named, then its death within a few words ("my dog died last night", "con mèo nhà em chết rồi").
        if any(_PET_DEATH.search(" ".join(t.folded for t in tokens[end:end + 4])) for start, end in animals):
            fired.add("pet_died")
        # Not waking up wished for ("thinking of drinking it all at once and not waking up", "i keep thinking about
        # not waking up") or supposed of the writer ("what if i took everything and just didn't wake up"): a way of
        # dying the writer names a few words after, with nobody else named between, not a sign seen in someone ("my
        # dad did not wake up").
        wished = [end for name, _start, end in kept if name in ("wish", "speaker_wish")]
        writer = [end for name, _start, end in kept if name == "first_person"]
        named = [(start, end) for name, start, end in kept if name in ("person", "child", "young_child")]

        def after(start: int, by: list[int], within: int) -> bool:
            return any(0 <= start - w <= within and not any(w <= o < start for o, _e in named) for w in by)

        not_waking = [(start, end) for name, start, end in kept if name == "not_waking"]
        # Someone named right before it did not wake up: a sign, whatever the writer wants after ("my son did not wake
        # up this morning and I want help").
        named_before = [(start, end) for start, end in not_waking if any(0 <= start - e <= 2 for _s, e in named)]
        if named_before and all(any(s <= start and end <= e for s, e in named_before)
                                for name, start, end in kept if name == "death"):
            fired.discard("death")
        wished_dying = [(start, end) for start, end in not_waking if after(start, wished, 10)]
        supposed_dying = [(start, end) for start, end in not_waking if after(start, writer, 5)]
        if wished_dying or supposed_dying:
            fired.add("death")
            if wished_dying:
                fired.add("suicide")
            if supposed_dying and (wished_dying or "hypothetical" in fired):
                fired.add("speaker_wish")  # the writer's own
            dying = wished_dying + supposed_dying
            if all(any(s <= start and end <= e for s, e in dying)
                   for name, start, end in kept if name == "sign_unresponsive"):
                fired.discard("sign_unresponsive")
        if "dark_thoughts" in fired:
            fired.add("despair")  # asked plainly whether they are in danger: the words are a euphemism
        if _FEARED_DEAD.search(folded):
            fired.update(("sign_unresponsive", "feared_dead"))
        for token in typed.split():
            if len(token) >= 9 and token not in self._vocabulary:
                run_together = {concept for concept, joined, _ in self._run_together if joined in token}
                if run_together:
                    fired.update(run_together)
                    fired.add("run_together")
        ages = [int(age) for age in (*_AGE.findall(folded), *_AGE_SAID.findall(folded))]
        writer_is_a_child = any(int(age) < 16 for match in _WRITER_AGE.finditer(folded) for age in match.groups()
                                if age) or bool(_TO_A_TEACHER.search(folded))
        # Or a child at home alone, the parents away ("chú ơi cháu ở nhà một mình 3 ngày rồi, bố đi cai, mẹ đi làm xa").
        writer_is_a_child = writer_is_a_child or ("left_alone" in fired and bool(_CHILD_HOME_ALONE.search(folded))
                                                  and bool(_PARENTS_AWAY.search(folded)))
        if writer_is_a_child:
            fired.update(("child", "child_writes"))
            # The harm is done to the writer, who is a child; not one done to someone named right after it ("he's
            # hitting my mom right now, I'm 15"), which is violence the child sees.
            if "harm_verb" in fired and _harm_done_to_another(kept, tokens):
                fired.add("child_sees")
            elif "harm_verb" in fired:
                fired.add("child_harm")
        if any(age < 16 for age in ages):
            fired.add("child")
        elif ages and min(ages) >= 16 and max(ages) < 18:
            fired.add("teen_age")  # "con trai tôi 17 tuổi": of an age to be in treatment, not a child who gets at it
        elif ((ages and min(ages) >= 18) or (not ages and _grown_up(folded))) \
                and ("young_child" not in fired or (_IN_LAW.search(folded) and not ages)) and not writer_is_a_child:
            # "con trai tôi năm nay 24 tuổi", "my daughter is at university": a grown son or daughter is no child in
            # danger; nor is a married daughter called "con bé" ("thằng con rể … đánh con gái tôi, con bé vừa chạy …").
            fired.difference_update(("child", "child_harm", "young_child"))
            fired.add("adult_age")
        months = [int(m) for m in _MONTHS_OLD.findall(folded)]
        if _BABY_MONTHS.search(folded):
            fired.update(("child", "young_child"))
        # "18 tháng" is a baby's age only when a child is named ("bé 18 tháng"); else a duration.
        # "mang thai 3 tháng": how far along a pregnancy is, not a baby's age.
        if any(age < 12 for age in ages) or (fired & {"child", "young_child"} and any(m <= 36 for m in months)
                                             and "pregnant" not in fired):
            fired.update(("child", "young_child"))
        # Every sign named as what something causes ("uống methadone có gây ngừng thở lúc ngủ không"): an effect asked
        # about, not a sign seen.
        signs_at = [start for name, start, _ in kept if name in SIGNS]
        if signs_at and all(_CAUSES.search(" ".join(t.folded for t in tokens[max(0, at - 3):at]))
                            for at in signs_at):
            fired.add("sign_as_effect")
        if any(_YES_NO.search(clause.strip()) for clause in folded.split(",")):
            fired.add("yes_no")  # asks, for the rules; not the plain question that lets a question set the model aside
        if " ma " in f" {folded} " and any(self._supposed(clause) for clause in re.split(r"[,.?!;]", folded)):
            fired.add("hypothetical")
        if _PILLS.search(folded):
            fired.add("substance")
        if fired & {"ingest", "swallowed"} and (any(int(n) >= 5 for n in _MANY_PILLS.findall(folded))
                                                or (_PILLS_AT_ONCE.search(folded) and "dose_prescribed" not in fired)):
            fired.add("excess_amount")
        if fired & {"substance", "ingest", "used"} and _TWICE.search(folded) and "dose_prescribed" not in fired:
            fired.add("excess")
        if fired & {"used", "substance"} and _CAN_IT_KILL.search(folded):
            fired.add("deadly_question")
        if fired & {"used", "substance"} and fired & {"question", "permission", "yes_no"} \
                and _A_BREAK.search(folded) and _USUAL_AMOUNT.search(folded):
            fired.add("deadly_question")
        going_without = bool(_GOING_WITHOUT.search(typed))
        if (fired & {"used", "substance"} or going_without) and _LIFE_THREATENING.search(typed):
            fired.add("deadly_question")
            if going_without:
                fired.update(("used", "going_without"))  # the drug whose going without is asked about, unnamed
        if _LAUGHTER.search(text):
            fired.add("joking")
        if figure:
            fired.add("figure_of_speech")
        if longing:
            fired.add("longing")
        # What is swallowed at the dosing place ("mai còn đi uống thuốc") is the treatment, taken as prescribed.
        dosing = [(start, end) for name, start, end in kept if name in ("dosing_service", "daily_visit")]
        swallowing = " ".join("," if any(s <= i < e for s, e in dosing) else t.folded for i, t in enumerate(tokens)) \
            if dosing else folded
        if _REMINDED_DOSE.search(swallowing):
            fired.add("bot_feature")  # a reminder asked of the bot
            swallowing = _REMINDED_DOSE.sub(" , ", swallowing)
        if self._swallowed is not None and self._swallowed.search(swallowing):
            fired.add("swallowed")
        return fired, "?" in text

    def _by_sentence(self, text: str) -> list[tuple[set[str], bool]]:
        """The concepts of each sentence, and whether it has a "?": read only for a reading that turns on which
        sentence says what, and once per message however many of those ask."""
        if self._sentences_read is None or self._sentences_read[0] != text:
            self._sentences_read = (text, [self._find_concepts(sentence) for sentence in _SENTENCES.split(text)])
        return self._sentences_read[1]

    def _moved_on(self, text: str) -> bool:
        """The last of several sentences asks something and tells no danger: what the writer asks after a story."""
        sentences = [sentence for sentence in self._sentences(text) if sentence[0]]
        if len(sentences) < 2:
            return False
        folded, concepts, question_mark = sentences[-1]
        ending = folded.split()[-1:]
        asked = question_mark or bool(concepts & {"question", "informational", "yes_no", "permission"}) \
            or ending in (["khong"], ["ko"], ["k"], ["chua"], ["hong"])
        return asked and not concepts & (EVENTS | {"cry", "strong_now", "not_safe", "swallowed", *SIGNS})

    def _asks_the_bot_first(self, text: str) -> bool:
        """The first sentence asks something of the bot itself and tells no danger: what the writer wants, before
        why."""
        sentences = [sentence for sentence in self._sentences(text) if sentence[0]]
        if len(sentences) < 2:
            return False
        concepts = sentences[0][1]
        return "bot_feature" in concepts and not concepts & (EVENTS | {"cry", "strong_now", "not_safe", "swallowed",
                                                                       "death", "suicide", *SIGNS})

    def _sentences(self, text: str) -> list[tuple[str, set[str], bool]]:
        """Each sentence's folded words beside its concepts and whether it has a "?"."""
        return [(" ".join(words(sentence)), *found)
                for sentence, found in zip(_SENTENCES.split(text), self._by_sentence(text), strict=True)]

    def _only_asked(self, text: str, names: Set[str], question: re.Pattern[str], after_too: bool = False,
                    told: Set[str] = _TOLD_NOW) -> bool:
        """Every sentence that names the danger asks about it by `question`, with none of `told` in it (by default
        nothing seen, nobody crying for help, nothing told as happening), and the danger not told beside the question
        (before it; with `after_too` after it as well): the danger is the one asked about, whoever is named. Asked how
        to tell: "Also, what are the signs he's taken too much? He's 70 and on methadone" (but "he took too much, how
        do I know if he's ok" tells it). Asked how much: "my husband drinks on his leave days. on methadone, how much
        alcohol is too much?". Supposed, then what to do asked, where the signs are the supposition's own: "nếu anh ấy
        dùng lại rồi bị sốc thuốc thì em phải sơ cứu ra sao" (not "nó uống methadone rồi, nếu ngất thì làm sao")."""
        named = [(folded, found) for folded, found, _asked in self._sentences(text) if found & names]
        if not named:
            return False
        for folded, found in named:
            asked = question.search(folded)
            if asked is None or found & told:
                return False
            beside = f"{folded[:asked.start()]} , {folded[asked.end():]}" if after_too else folded[:asked.start()]
            if self._find_concepts(beside)[0] & names:
                return False
        return True

    def _child_swallowing_told(self, text: str) -> bool:
        """A clause names a child and tells a swallowing by mistake, supposing, asking and dating nothing ("my toddler
        drank some of my methadone, …")."""
        for clause in _clauses(text):
            found = self._find_concepts(clause)[0]
            if "ingest_accident" in found and found & {"child", "young_child"} and "?" not in clause \
                    and not found & {"hypothetical", "question", "informational", "permission", "past", "long_ago",
                                     "joking", "fiction", "dream", "feared_future", "safe_now"}:
                return True
        return False

    def _signs_of_swallowing_asked(self, text: str) -> bool:
        """Every sentence that names a swallowing by mistake asks first how to tell it has happened ("Dấu hiệu nào cho
        thấy trẻ nhỏ đã uống phải methadone? Tôi trông cháu cho con gái đang điều trị"), with nothing seen, nobody
        crying for help and no "just now": the swallowing is the one whose signs are asked. Told first ("con vừa uống
        phải methadone, dấu hiệu nào cho thấy nó bị ngộ độc?"), it is now."""
        named = [(folded, found) for folded, found, _asked in self._sentences(text) if "ingest_accident" in found]
        if not named:
            return False
        for folded, found in named:
            ask = _ASKS_HOW_TO_TELL.search(folded)
            if ask is None or found & {"cry", "again", "strong_now", *SIGNS}:
                return False
            if "ingest_accident" in self._find_concepts(folded[:ask.start()])[0]:
                return False
        return True

    def _overdose_only_asked_about(self, text: str) -> bool:
        """In a message of several sentences, every sentence that names an overdose tells what is said or asks
        about it, and names nobody, no now and nothing taken ("Cô có thằng con út …, giờ đang đi làm thợ hồ. Cô nghe
        người ta nói cai xong mà dùng lại là dễ sốc thuốc chết lắm. Có đúng vậy không cháu"): the person and the now
        of the other sentences are the story around the question."""
        sentences = self._sentences(text)
        named = [(folded, found) for folded, found, _asked in sentences if found & {"overdose_event", "shock_word"}]
        told = {"person", "child", "young_child", "third_person", "strong_now", "cry", "again", "swallowed", "excess",
                "excess_amount", "collapse", *SIGNS}
        # Or asked whether it is likelier, with nobody named ("Người nghỉ lâu rồi mà dùng lại có dễ bị sốc thuốc hơn
        # không ạ?"): the "rồi" of such a question is no now.
        return len(sentences) > 1 and bool(named) and all(
            ("informational" in found and not found & (told | {"now"}))
            or (_RISK_ASKED.search(folded) is not None and not found & told)
            for folded, found in named)

    def _signs_asked_alone(self, text: str) -> bool:
        """Every sentence that names a sign asks about it and names nobody, no now and no cry ("Người ta bảo chích xong
        mà ngáy to là sắp sốc, đúng không ạ? Em cần tìm cơ sở methadone ở Biên Hòa nữa."): the writer another
        sentence names asks for something else."""
        sentences = self._sentences(text)
        named = [(found, asked) for _folded, found, asked in sentences if found & set(SIGNS)]
        someone_now = any(found & {"person", "child", "young_child", "third_person"} and found & {"now", "strong_now"}
                          for _folded, found, _asked in sentences)  # "… chồng em đang ngáy": the sign may be his
        return bool(named) and not someone_now and all(
            (asked or bool(found & {"question", "informational", "yes_no"}))
            and not found & {"person", "child", "young_child", "third_person", "first_person", "now", "strong_now",
                             "cry", "again", "swallowed"}
            for found, asked in named)

    def _signs_only_heard(self, text: str) -> bool:
        """Every sentence that names a sign tells what people say or what was read, with no now, nobody else named
        and no cry ("e doc thay nguoi ta bao vua uong methadone vua uong ruou co the ngung tho"), and the message asks
        whether it is true: a claim checked, whoever else the message is about."""
        sentences = self._sentences(text)
        named = [found for _folded, found, _asked in sentences if found & set(SIGNS)]
        return bool(named) and bool(_IS_IT_TRUE.search(" ".join(words(text)))) and all(
            "reported" in found and not found & {"now", "strong_now", "cry", "again", "third_person"}
            for found in named)

    def _now_only_reported(self, text: str) -> bool:
        """Every sentence that says "now" in so many words ("right now", "now") tells what someone else says ("my
        mother-in-law says I have to stop right now for the baby"): the now is their demand, not the writer's danger."""
        timed = [found for _folded, found, _asked in self._sentences(text) if "strong_now" in found]
        return bool(timed) and all("reported" in found and found & {"person", "third_person"}
                                   and not found & {"cry", "again", "despair", "suicide", "death"} for found in timed)

    def _now_apart(self, text: str) -> bool:
        """Every sentence that says "now" names nobody and no danger ("I get take-home doses now. … what do I do if my
        toddler ever gets into the bottle?"): its now is the writer's everyday, not the danger's. Or it says someone
        is well, and nothing else ("… in case he ever feels like ending things again? he's doing ok right now"): its
        now is the safety's."""
        timed = [found for _folded, found, _asked in self._sentences(text) if found & {"now", "strong_now"}]
        return bool(timed) and all(
            not found & (EVENTS | {"person", "child", "young_child", "child_generic", "third_person", "cry", "again",
                                   "swallowed", "hypothetical", "left_alone", "carer_out", *SIGNS})
            or ("safe_now" in found
                and not found & (EVENTS | {"cry", "again", "swallowed", "not_safe", "hypothetical", "left_alone",
                                           "carer_out", "despair", "speaker_wish", *SIGNS}))
            for found in timed)

    @staticmethod
    def _death_heard_of(text: str, c: set[str]) -> bool:
        """A death told as someone's story ("bạn em kể có người … rồi chết", "my friend told me a guy … and died"),
        with nothing happening now: what the writer heard, not what they see."""
        return "reported" in c and bool(_DIED.search(" ".join(words(text)))) \
            and not c & {"strong_now", "cry", "again", "not_safe", "wish", "speaker_wish", "suicide", "despair", "plan",
                         "method", "stockpile", *SIGNS, *FAREWELL_EVIDENCE}

    def _swallowing_supposed(self, text: str) -> bool:
        """Every sentence that swallows something supposes it ("what happens if a toddler drinks methadone? asking
        because I just started getting take-home doses"): the "now" of another sentence is not the swallowing's."""
        swallowing = [found for found, _asked in self._by_sentence(text) if found & _SWALLOWING]
        told = {"now", "strong_now", "cry", "past", *SIGNS}
        if not swallowing or not all("hypothetical" in found and not found & told for found in swallowing):
            return False
        # The "if" must be the swallowing's own clause's: "my toddler drank some of my methadone, how can i tell if he
        # is ok" tells the swallowing, then asks.
        clauses = [self._find_concepts(clause)[0] for clause in _clauses(text)]
        return all("hypothetical" in found for found in clauses if found & _SWALLOWING)

    def _signs_supposed(self, text: str) -> bool:
        """Every sentence that names a sign supposes it before naming it, and asks ("What's the first thing you
        should do if you find someone not breathing after they've used? My brother lives with us"): the sign is
        the one supposed, and whoever another sentence names is not seen in it. A sign named before the "if" ("he's
        not breathing, what do I do if the ambulance is late") is seen. The "if" itself asks nothing: "nếu mình ko
        tỉnh dậy nữa thì tốt" wishes."""
        placed = self._signs_and_ifs(text)
        return bool(placed) and all(
            asks and first_if is not None and first_if < first_sign for first_sign, first_if, asks in placed)

    def _signs_seen_then_supposed(self, c: set[str], text: str) -> bool:
        """Signs told of someone named, and an "if" only after them in the same sentence ("chồng em tím tái thở chậm,
        nếu xe cấp cứu lâu thì em làm gì"): the signs are seen, and what is supposed is what comes next. The model,
        hearing the question, would take it for one about the danger."""
        if not c & set(SIGNS) or not c & {"person", "child", "young_child"} or "informational" in c:
            return False
        placed = self._signs_and_ifs(text)
        return any(first_if is not None and first_sign < first_if for first_sign, first_if, _asks in placed) \
            and not any(first_if is not None and first_if < first_sign for first_sign, first_if, _asks in placed)

    def _signs_and_ifs(self, text: str) -> list[tuple[int, int | None, bool]]:
        """For each sentence that names a sign: where its first sign is, where its first "if" is, and whether it asks
        with nothing now, past or cried for (a "?" or a word that asks; "if" is also a word of a question, and is
        not counted here)."""
        placed = []
        english = language_of(text) == "en"
        for sentence, (found, asked) in zip(_SENTENCES.split(text), self._by_sentence(text), strict=True):
            if not found & _SIGNS_OR_COLLAPSE:
                continue
            # Read as the concepts were: a word run together or slipped is repaired first ("collapses" as "collapse").
            tokens = self._repaired(tokenize(sentence), english=english)
            matches = self._concept_phrases.matches(tokens)
            first_sign = min((start for name, start, _end in matches if name in _SIGNS_OR_COLLAPSE
                              or (name == "short_of_breath" and "sign_breathing" in found)), default=0)
            first_if = next((i for i, token in enumerate(tokens) if token.folded in _IF_WORDS_ANYWHERE), None)
            # "Lỡ …  thì", "giả sử … thì" ("lỡ sau này nó hít bóng cười rồi ngất thì xử lý sao") suppose as "nếu" does.
            folded = " ".join(token.folded for token in tokens)
            if_then = _IF_THEN.search(folded)
            if if_then is not None:
                at = folded.count(" ", 0, if_then.start())
                first_if = at if first_if is None else min(first_if, at)
            # "When" after a word that asks supposes too ("có cách nào tự cứu khi mình chơi một mình mà thấy khó thở",
            # "what do you do when someone won't wake up"); told, it tells ("when I got home he wasn't breathing").
            asked_at = [start for name, start, _end in matches if name in ("question", "informational")
                        and tokens[start].folded not in _IF_WORDS_ANYWHERE]
            first_when = next((i for i, token in enumerate(tokens) if token.folded in _WHEN_WORDS
                               and any(at < i for at in asked_at)), None)
            if first_when is not None and (first_if is None or first_when < first_if):
                first_if = first_when
            asks = asked or bool(found & {"informational", "permission"}) or any(
                name == "question" and tokens[start].folded not in _IF_WORDS_ANYWHERE for name, start, _end in matches)
            placed.append((first_sign, first_if,
                           asks and not found & {"now", "strong_now", "cry", "past", "again", "safe_now"}))
        return placed

    def _swallowing_told(self, text: str) -> bool:
        """A sentence of a message of several tells a swallowing now, supposing and asking nothing ("… she just
        drank some!")."""
        sentences = self._by_sentence(text)
        return len(sentences) > 1 and any(
            found & _SWALLOWING and found & {"now", "strong_now"} and not asked
            and not found & {"hypothetical", "question", "informational", "permission", "past", "joking", "fiction"}
            for found, asked in sentences)

    def _excess_told_in_a_clause(self, text: str, excess_named: bool) -> bool:
        """A clause after the first tells the writer's swallowing of it all now, asking nothing ("…, em vừa uống hết
        rồi", "… i just drank my whole take-home"), or of the amount the message named. The day's dose taken ("em vừa
        uống methadone sáng nay") is no excess."""
        clauses = _clauses(text)
        for clause in clauses[1:]:
            found, asked = self._find_concepts(clause)
            all_of_it = excess_named or bool(found & {"excess", "excess_amount"}) \
                or bool(_ALL_OF_IT.search(" ".join(words(clause))))
            if not asked and found & _SWALLOWING and found & {"now", "strong_now"} and all_of_it \
                    and not found & {"hypothetical", "informational", "permission", "deadly_question", "past",
                                     "long_ago", "joking", "fiction", "yes_no", "daily_visit", "dosing_service"}:
                return True
        return False

    def _excess_told_apart(self, text: str) -> bool:
        """A sentence of a message of several tells too much taken now, asking and supposing nothing, beside one that
        asks something else ("cho em hỏi đăng ký nhắc giờ uống thuốc được không. Với lại sáng nay uống ở điểm cấp phát
        xong về lại uống tiếp chai mang về, giờ thấy lâng lâng"): what is asked is not whether it may be taken."""
        sentences = self._by_sentence(text)
        # One sentence of clauses ("took two extra doses, is it safe to sleep now?"): the clause that tells it
        # stands apart from the one that asks leave.
        parts = sentences if len(sentences) > 1 else [self._find_concepts(clause) for clause in _clauses(text)]
        leave_apart = len(sentences) > 1 or any("permission" in found for found, _asked in parts)
        return len(parts) > 1 and leave_apart and any(
            found & {"excess", "excess_amount"} and found & _SWALLOWING and found & {"now", "strong_now"} and not asked
            and not found & {"hypothetical", "question", "informational", "permission", "deadly_question", "past",
                             "long_ago", "joking", "fiction", "habitual", "yes_no"}
            for found, asked in parts)

    def _excess_done(self, text: str) -> bool:
        """A clause tells more taken by the writer as done ("… lại mua thêm hai viên subutex ngậm luôn", "ngậm thêm
        2 viên rồi"), asking and supposing nothing: what is asked after it is whether it is dangerous now."""
        for clause in _clauses(text):
            found, asked = self._find_concepts(clause)
            if not asked and "excess" in found and found & _SWALLOWING and _DONE_WORDS.search(" ".join(words(clause))) \
                    and not found & {"hypothetical", "informational", "permission", "deadly_question", "question",
                                     "past", "long_ago", "joking", "fiction", "habitual", "yes_no"}:
                return True
        return False

    def _sign_told(self, text: str) -> bool:
        """A sentence of a message of several tells a sign seen now, supposing, asking and looking back on nothing
        ("He's on the couch now and I can't wake him")."""
        sentences = self._by_sentence(text)
        return len(sentences) > 1 and any(
            found & set(SIGNS) and found & {"now", "strong_now"} and not asked
            and not found & {"hypothetical", "question", "informational", "permission", "past", "long_ago", "joking",
                             "fiction", "safe_now", "habitual", "medical_cause"}
            for found, asked in sentences)

    def _signs_told_in_a_clause(self, text: str, used: bool) -> bool:
        """A clause of its own tells signs of someone named, now, and asks nothing ("ko bik co phai qua lieu ko, ck e
        tim tai het roi ma ngay to lam"): what the rest asks is what to call it, and the signs are seen. `used`: the
        message says a drug was used, with which the writer's own signs count too."""
        for clause in _clauses(text):
            found, asked = self._concepts(clause)
            # Or felt by the writer, after using ("tối nay em dùng lại rồi, thấy khó thở quá, …").
            if found & {*SIGNS, "short_of_breath"} and not asked \
                    and ((found & {"person", "child", "young_child", "third_person"} and found & {"now", "strong_now"}
                          and found & set(SIGNS))
                         or (used and _FELT.match(" ".join(words(clause))) is not None)) \
                    and not found & {"question", "informational", "permission", "hypothetical", "yes_no", "past",
                                     "long_ago", "joking", "fiction", "dream", "safe_now", "habitual", "medical_cause"}:
                return True
        return False

    def _supposed(self, clause: str) -> bool:
        """"X mà (lỡ) V … thì …" supposes V of X when X only names who ("con em mà uống nhầm methadone thì …"), not
        when X already tells what happened ("bé uống nhầm methadone mà em không biết gọi ai thì …")."""
        clause = clause.strip()
        if not _SUPPOSED.search(clause) or _DONE.search(clause):
            return False
        who = tokenize(clause.split(" ma ", 1)[0])
        return not {name for name, _s, _e in self._concept_phrases.matches(who)} & (EVENTS | _SWALLOWING | {"used"})

    def _dying_asked_of_anyone(self, text: str) -> bool:
        """In a message of several sentences, every sentence that names dying asks about people in general, naming
        nobody and no now: whoever the other sentences name is the one worried about."""
        sentences = self._by_sentence(text)
        dying = [(found, asked) for found, asked in sentences if found & _DYING_CONCEPTS]
        return len(sentences) > 1 and bool(dying) and all(
            (asked or found & {"question", "informational"})
            and not found & {"person", "child", "young_child", "first_person", "speaker_wish", "now", "strong_now",
                             "cry", "plan", "stockpile", "method", "again", *FAREWELL_EVIDENCE}
            for found, asked in dying)

    def _dying_told(self, text: str) -> bool:
        """A sentence of a message of several tells of someone named dying or wishing to, now, supposing, asking and
        looking back on nothing ("… My brother just texted me he wants to die.")."""
        sentences = self._by_sentence(text)
        # The writer's own despair said to last ("dạo này e bế tắc lắm, … nghĩ chết quách cho xong.") is told too.
        return len(sentences) > 1 and any(
            found & _DYING_CONCEPTS and found & {"person", "first_person"} and not asked
            and not found & {"question", "informational", "hypothetical", "permission", "past", "long_ago",
                             "joking", "fiction", "dream", "safe_now", "bereaved", "denied_wish", "others_fear",
                             "crowd"}
            and ("habitual" not in found or {"first_person", "despair", "suicide"} <= found)
            for found, asked in sentences)

    def _violence_then(self, text: str) -> bool:
        """Every sentence with a blow tells it as past, with no now, and every sentence with a now asks or supposes
        ("last year I got beaten up at a checkpoint. what are my rights if they stop me now?")."""
        sentences = self._by_sentence(text)
        blows = [(found, asked) for found, asked in sentences if found & {"violence", "threat", "harm_verb"}]
        then = [found for found, _asked in blows
                if found & {"past", "long_ago"} and not found & {"now", "strong_now", "again", "cry", "threat"}]
        # A blow feared and supposed in the question ("what should i do if they come after me now?") is asked about.
        supposed = [found for found, asked in blows
                    if "hypothetical" in found and (asked or found & {"question", "informational"})
                    and not found & {"again", "cry", "past", "long_ago"}]
        return len(sentences) > 1 and bool(then) and len(then) + len(supposed) == len(blows) and all(
            asked or found & {"question", "informational", "hypothetical"}
            for found, asked in sentences if found & {"now", "strong_now"})

    def _overdose_then(self, text: str) -> bool:
        """Every clause that names an overdose tells it as past ("overdosed last year"), with no now in it, and every
        clause with a now names no overdose, sign or cry ("… he survived and is on methadone now")."""
        clauses = [self._find_concepts(clause)[0] for clause in _CLAUSES.split(text) if clause.strip()]
        events = [found for found in clauses if found & {"overdose_event", "shock_word"}]
        return bool(events) and all(
            found & {"past", "long_ago"} and not found & {"now", "strong_now", "again", "cry", "collapse", *SIGNS}
            for found in events) and all(
            not found & {"overdose_event", "shock_word", "collapse", "cry", "again", "swallowed", *SIGNS}
            for found in clauses if found & {"now", "strong_now"})

    def _blow_at_someone(self, text: str) -> bool:
        """A blow's words with a person named right after them ("đánh vợ nó", "hitting my sister"), not things ("đập
        đồ")."""
        tokens = self._repaired(tokenize(text))
        return any(token.folded in _GROWN_UPS and (token.folded not in _GROWN_UP_MARKS
                                                   or _GROWN_UP_MARKS[token.folded] in (token.marks or ""))
                   for name, start, end in self._concept_phrases.matches(tokens) if name in ("violence", "harm_verb")
                   for token in tokens[start + 1:end + 1])

    def _foreseen_in_each_clause(self, text: str) -> bool:
        """Every clause that names a sign also names a day to come feared for it."""
        clauses = [self._find_concepts(clause)[0] for clause in _CLAUSES.split(text) if clause.strip()]
        with_signs = [found for found in clauses if found & set(SIGNS)]
        return bool(with_signs) and all("feared_future" in found for found in with_signs)

    def _cause_in_its_sentence(self, text: str, drug_words: set[str]) -> bool:
        """Every sentence with a sign names its medical cause and no drug; or, read clause by clause, every clause
        with a sign does ("ba em bị đột quỵ hôn mê ở bệnh viện, methadone của ba thì sao": the methadone is asked
        about in a clause of its own). Read only for a sign with a cause named beside a drug, which is rare."""
        with_signs = [found for found, _asked in self._by_sentence(text) if found & set(SIGNS)]
        if bool(with_signs) and all("medical_cause" in found and not found & drug_words for found in with_signs):
            return True
        clauses = [self._find_concepts(clause)[0] for clause in _CLAUSES.split(text) if clause.strip()]
        with_signs = [found for found in clauses if found & set(SIGNS)]
        return len(clauses) > 1 and bool(with_signs) \
            and all("medical_cause" in found and not found & drug_words for found in with_signs)

    def _read(self, text: str, found: tuple[set[str], bool] | None = None) -> CrisisReading | None:
        c, question_mark = found if found is not None else self._concepts(text)
        ending = words(text[-60:])
        while ending and ending[-1] in _ADDRESS_WORDS:
            ending.pop()  # "... có sao không ad", "... ko vậy ạ": the question word comes before
        # What the treatment may do to a baby not yet born, asked ("ba bau uong methadone, be sinh ra co bi ngung tho
        # ko"): the answer, with the line, whatever signs the baby is supposed to show; nothing happens to anyone now.
        if "pregnancy_risk" in c and c & {"substance", "used"} \
                and (question_mark or c & {"question", "informational", "permission", "yes_no", "deadly_question"}) \
                and not c & {"cry", "again", "strong_now", "not_safe", "ingest_accident", "excess", "excess_amount",
                             "violence", "threat", "harm_verb", "weapon_only", "child_harm", "suicide", "death",
                             "despair", "method", "plan", "stockpile", *FAREWELL_EVIDENCE}:
            return CrisisReading(CrisisKind.OVERDOSE, Tier.ABOUT, ("pregnancy_risk",))
        if not c & EVENTS and not ("unreachable" in c and c & {"suicide_hint", "despair"}) \
                and not ("going_away" in c and c & {"farewell_apology", "signing_off", "despair"}) \
                and "found_after" not in c and not ("heart_emergency" in c and c & {"used", "substance"}) \
                and not ({"child_taken", "out_of_control"} <= c and c & {"child", "child_generic", "young_child"}):
            return None
        now = bool(c & {"now", "strong_now"})
        # What was supposed, then said to have happened to the writer just now ("if a second nurse gave you your dose
        # again by mistake, how long before it hits? cos that literally happened to me an hour ago"): told, not asked.
        happened = "it_happened" in c and now and not c & {"fiction", "dream", "safe_now", "past", "long_ago"}
        if happened:
            c = (c - {"hypothetical"}) | {"strong_now"}
        strong = "strong_now" in c
        # A question: its words, a question mark, or the Vietnamese yes/no ending ("... có sao không").
        asks = bool(c & {"question", "informational", "deadly_question", "permission", "yes_no"}) or question_mark \
            or ending[-1:] in (["khong"], ["ko"], ["k"], ["hok"], ["hong"], ["khg"], ["kg"], ["chua"], ["ha"], ["nhi"])
        someone = bool(c & {"person", "child", "young_child"})
        specific = bool(c & {"person", "child", "first_person"})  # a particular person, not people in general
        # "Nếu ai đó đang ...": a message that opens with "if" is a hypothetical, whatever follows.
        opens_with_if = _opens_with_if(text) and "hypothetical" in c and not happened
        # Said laughing ("kill me now lol", "muốn chết =))"), with nothing seen or swallowed: a joke.
        joking = "joking" in c
        # What happened then and is happening again is now ("năm ngoái nó đánh em, giờ nó lại đang ...").
        again = "again" in c
        # A danger feared some day ("sợ một ngày nào đó nó ngáo đá rồi làm hại cả nhà") is not now, whatever "rồi" says.
        feared = "feared_future" in c and not strong and not c & {"cry", "again", "not_safe"}
        not_now = ("hypothetical" in c and not now) or ("past" in c and not strong and not again) \
            or ("habitual" in c and asks) or feared \
            or opens_with_if or joking or bool(c & {"fiction", "safe_now", "dream"})
        animal_only = "animal" in c and not someone
        readings: list[CrisisReading] = []

        def add(kind: CrisisKind, tier: Tier, *names: str) -> None:
            readings.append(CrisisReading(kind, tier, tuple(sorted(n for n in c if n in names)) or names))

        signs = [s for s in SIGNS if s in c]
        # A collapse told as a habit ("dạo này về là ngồi lờ đờ") is a worry to answer, not an emergency.
        collapse = "collapse" in c and not ("habitual" in c and not strong)
        observed = bool(signs) or (collapse and bool(c & {"used", "person", "child", "young_child"}))
        # Signs named only as what something causes, asked about with nobody named and no now: an effect asked about.
        effect_asked = "sign_as_effect" in c and asks and not someone and not now and "collapse" not in c
        if effect_asked:
            observed = False
        # Or asked of using again after a time inside ("ra trại rồi dùng lại có dễ bị sốc ko"): the risk after a break.
        shock = "shock_word" in c and (bool(c & {"used", "person", "strong_now"}) or observed
                                       or ("released" in c and asks))
        # Blue lips from the cold, with no drug said, are the cold; lying still after a long day, said by the
        # writer with nobody else and no drug named ("đi ca đêm về nằm im như chết, mai còn đi làm"), is rest.
        if "cold_weather" in c and "used" not in c and "overdose_event" not in c:
            observed = shock = False
        # Lips painted blue ("drag show tonight, blue lips and all", "son môi xanh"): a colour worn, not a sign.
        if "makeup" in c and set(signs) <= {"sign_blue"} and not c & {
                "used", "overdose_event", "swallowed", "ingest", "collapse", "cry"}:
            observed = False
        # Snoring told as the person's habit, with no drug named ("chồng tôi ngủ ngáy to như sấm, đêm nào cũng vậy, ông
        # ấy chẳng dùng gì cả"): a complaint about sleep, not a breath that is failing.
        if signs == ["sign_breathing"] and "habitual" in c and not strong and not c & {
                "used", "substance", "overdose_event", "swallowed", "ingest", "excess", "cry", "again", "collapse"}:
            observed = False
        if "rest" in c and not c & {"used", "substance", "person", "child", "young_child", "cry", "overdose_event",
                                    "swallowed", "ingest", "strong_now"}:
            observed = shock = False
        # A dose slept or fainted through, told by the one who missed it: they are awake and asking about the dose.
        if "missed_dose" in c and not c & {"person", "child", "young_child", "third_person", "cry",
                                            "overdose_event", "swallowed", "ingest", "excess"} \
                and set(signs) <= {"sign_unresponsive"}:
            observed = shock = False
        if ("overdose_event" in c or observed or shock or effect_asked) and not animal_only:
            # Signs seen stand against "if" or a joke, not against a time long past or a habit asked about
            # ("chồng tôi đêm nào cũng ngáy to, có mẹo gì không").
            told_as_habit = "habitual" in c and asks and not strong
            # ... nor against a question that opens with "if" ("nếu bạn tôi bất tỉnh thì có nên cạo gió không").
            # ... nor against signs supposed after an "if" in every sentence that names them, which asks ("What's the
            # first thing to do if you find someone not breathing? My brother lives with us, I want to be ready just in
            # case"): the person another sentence names is not seen with them.
            # A "now" in any sentence may be the signs' own ("What do I do if his lips are blue? He's lying there now").
            # A time to come named ("going to a festival next month … what should i do if he collapses?") makes a weak
            # "now" elsewhere ("he's never done anything") no sign's own.
            supposed = bool(signs or "collapse" in c) and asks \
                and (not now or ("feared_future" in c and not strong)) and not happened \
                and not c & {"cry", "again", "stockpile", "plan", "method", "suicide", *FAREWELL_EVIDENCE} \
                and self._signs_supposed(text)
            asked_if = (opens_with_if or supposed) and asks and not strong
            # A sign with its cause named and no drug ("co giật do sốt cao", "hôn mê ở viện vì tai biến"): a worry to
            # answer, with the line.
            # The drug may be named in a sentence of its own, about something else ("Ông ngoại tôi bị hôn mê do đột
            # quỵ, đang nằm viện. … có được uống methadone tạm ở chỗ khác không?"): the sentence of the sign says its
            # cause.
            drug_words = {"used", "overdose_event", "swallowed", "ingest", "excess", "spiked"}
            other_cause = "medical_cause" in c and bool(signs) \
                and (not c & drug_words or self._cause_in_its_sentence(text, drug_words)) \
                and not ("collapse" in c and (strong or "not_safe" in c))  # a faint that lasts ("vẫn chưa tỉnh")
            # A death from it told as over by the bereaved ("my uncle died of an overdose back then ... how to help
            # my cousin now") is over, whatever else is now.
            # ... nor against a story said to be one ("I'm writing a screenplay where a character finds her brother
            # unconscious"): its signs are the character's.
            made_up = "only_fiction" in c and not strong
            # ... nor against signs watched on a screen ("xem clip tiktok thấy mấy đứa hít bóng cười rồi ngã lăn ra"):
            # they are the clip's.
            made_up = made_up or ("fiction" in c and not strong and not c & {"cry", "again"}
                                  and bool(_ON_SCREEN.search(" ".join(words(text)))))
            # ... nor against signs played at ("em trai giả vờ bất tỉnh để khỏi đi học"): acted, not seen; each sign in
            # the sentence that says so ("hôm qua nó giả vờ ngủ. Giờ nó không thở" is now).
            made_up = made_up or ("pretended" in c and not strong and not c & {"cry", "again", "swallowed"}
                                  and all("pretended" in found for found, _asked in self._by_sentence(text)
                                          if found & {*SIGNS, "collapse"}))
            # ... nor against a dream told ("nằm mơ thấy anh trai sốc thuốc gọi không tỉnh"): each sign in the sentence
            # that tells the dream. A sign told in a sentence of its own after it ("… tỉnh dậy thấy chồng không thở")
            # is now.
            dreamt = "dream" in c and not c & {"strong_now", "cry", "again"} \
                and all("dream" in found for found, _asked in self._by_sentence(text) if found & set(SIGNS))
            # A story of then and of how well it went, and a sentence of its own that tells a sign now ("… we all
            # thought things were fine. He's on the couch now and I can't wake him"): that sentence is now.
            # ... nor against a sign asked as a possibility ("uống methadone rồi nhậu thì có thể ngừng thở không?").
            possible = "sign_possible" in c and asks and not c & {"strong_now", "cry"}
            # ... nor against signs foreseen in the clause that names them ("vợ tôi hay bảo 'có ngày anh phê quá không
            # tỉnh lại'. người dùng lâu năm có dễ bị sốc không"): a warning of a day to come. A clause of its own that
            # tells a sign ("…, giờ nó nằm im không thở") is now.
            foreseen = feared and self._foreseen_in_each_clause(text)
            # ... nor against an overdose told in a clause of its own as past, the now of the rest being the
            # treatment's ("my ex overdosed last year, he survived and is on methadone in Hai Phong now"), with nothing
            # seen: it is over.
            then = bool(c & {"past", "long_ago"}) and not observed and not c & {"cry", "again", "collapse"} \
                and self._overdose_then(text)
            if other_cause or "bereaved" in c or made_up or dreamt or supposed or possible or foreseen or then \
                    or (not_now and not (observed and "past" not in c and "safe_now" not in c
                                         and not told_as_habit and not asked_if)
                        and not (observed and self._sign_told(text))):
                tier = Tier.ABOUT
            elif observed:
                # Signs asked about with nobody named: a question, unless "now" says they are seen; in a belief
                # checked ("người ta bảo thở khò khè là đang ngủ ngon, đúng không") "now" is part of the claim.
                seen_now = now and "informational" not in c
                # The writer named only as the one who asks "just in case" ("em hỏi đề phòng thôi") sees nothing.
                writer_asks_ahead = "hypothetical" in c and not now
                tier = Tier.ABOUT if (asks and not someone and not seen_now
                                      and ("first_person" not in c or writer_asks_ahead)) \
                    or (asks and not c & {"cry", "again"} and self._signs_asked_alone(text)) else Tier.NOW
            elif asks and not c & {"cry", "again"} \
                    and self._only_asked(text, {"overdose_event", "shock_word"}, _ASKS_HOW_TO_TELL):
                tier = Tier.ABOUT  # "how do I know if my son is overdosing?": its signs asked
            elif asks and not c & {"cry", "again"} and self._overdose_only_asked_about(text):
                tier = Tier.ABOUT
            elif (someone and (now or not asks)) or (now and not asks) or (not asks and "habitual" not in c):
                tier = Tier.NOW
            else:
                tier = Tier.ABOUT
            add(CrisisKind.OVERDOSE, tier, "overdose_event", "shock_word", *signs, "collapse", "used", "person", "now",
                "question", "hypothetical", "past", *(("medical_cause",) if other_cause else ()))
        elif "deadly_question" in c and c & {"used", "substance", "dose_not_holding"} and not animal_only:
            # "uống methadone rồi nhậu có sao không", "cai khô ở nhà có chết được không": asks whether something can
            # kill. Asked, then told as done by the writer ("2 lọ methadone có chết không, em vừa uống hết rồi", "is
            # 200mg deadly? i just drank it"): the swallowing is now, and the question is the one the poisoning reply
            # answers.
            if "writer_speaks" in c and not c & {"past", "long_ago", "joking", "fiction", "hypothetical", "safe_now"} \
                    and self._excess_told_in_a_clause(text, bool(c & {"excess", "excess_amount"})):
                add(CrisisKind.POISONING, Tier.NOW, "deadly_question", "swallowed", "ingest", "now", "strong_now")
            # Whether someone out of it can go as far as stabbing family ("người ngáo đá có thể nguy hiểm tới mức đâm
            # chém người nhà không"): a danger of violence asked about, answered with 113, not an overdose's line.
            elif c & {"out_of_control", "used"} and c & {"violence", "harm_verb", "threat"} \
                    and not c & {"overdose_event", "shock_word", "swallowed", "excess", "excess_amount", *SIGNS}:
                add(CrisisKind.VIOLENCE, Tier.ABOUT, "deadly_question", "out_of_control", "violence", "harm_verb")
            else:
                add(CrisisKind.OVERDOSE, Tier.ABOUT, "deadly_question", "used", "substance", "going_without")

        # The heart giving way, asked of a drug ("does meth cause heart attacks in young people"): a danger asked about.
        # Someone's own heart condition beside a question about treatment ("bố tôi bị đau tim, uống methadone được
        # không") asks about the treatment.
        if "heart_emergency" in c and c & {"used", "substance"} and asks and not specific and not readings \
                and not animal_only and not c & {"strong_now", "cry", "again"}:
            add(CrisisKind.OVERDOSE, Tier.ABOUT, "heart_emergency", "used", "substance", "question")

        # A drug of use drunk by a grown-up ("drank from a bottle of happy water at the club"), now with signs: an
        # overdose, whose reply is the one for what is seen.
        drug_with_signs = "used" in c and observed and not c & {"child", "young_child", "child_generic", "mistake"}
        accident = ("ingest_accident" in c and bool(c & {"substance", "child", "young_child"})
                    and not drug_with_signs) or "spiked" in c
        # A drug of use drunk by mistake for something else ("uống nhầm ly nước vui vì tưởng nước ngọt"): taken
        # without knowing, as a spiked drink is.
        accident = accident or {"ingest_accident", "mistake", "used", "ingest"} <= c
        # Someone swallowed a poison, or a medicine that is no drug of use, and now shows signs: a poisoning,
        # whoever it is. Methadone or sleeping pills an adult took on top of their dose, with signs, are an
        # overdose (its reply has the same 115 and the breathing steps).
        accident = accident or ("swallowed" in c and observed and specific
                                and ("used" not in c or "household_poison" in c))
        # Someone else took the writer's drug to try it ("my mate isn't on methadone and took a sip of mine to try
        # it"): a dose meant for a person used to it, in someone who is not.
        # Told, not asked, unless it is just now ("vừa"): "bạn bè hít bóng cho vui, rồi uống mấy gói bột, có hại gì
        # không?" asks about a night out. The writer may tell it beside their own worry ("… uống thử cho đỡ vật … ổng
        # bảo không sao mà tôi thấy lo"), with the one who took it named as "he". Or the writer took another's dose
        # just now ("took my mate's dose just now, never been on methadone"), told and not asked.
        accident = accident or ("for_kicks" in c and bool(c & {"ingest", "swallowed"}) and "substance" in c
                                and ((bool(c & {"person", "child", "young_child"})
                                      and ("writer_speaks" not in c or "third_person" in c)
                                      and (not asks or "strong_now" in c))
                                     or ("writer_speaks" in c and "strong_now" in c and not asks)))
        excess = bool(c & {"excess", "excess_amount"}) and bool(c & {"ingest", "substance"})
        # The baby of a pregnant writer ("đang mang thai mà uống methadone thì em bé có sao không") swallowed
        # nothing: what the mother takes is her treatment.
        child_swallowed = "young_child" in c and "swallowed" in c and "permission" not in c \
            and ("pregnant" not in c or "ingest_accident" in c) \
            and not ({"only_carried", "person"} <= c and "ingest_accident" not in c)
        # A child who might get at it, asked about ("what happens if she drinks some?"): a question about a poisoning.
        child_might = bool(c & {"child", "young_child"}) and {"ingest", "substance", "hypothetical"} <= c and asks \
            and not c & {"ingest_accident", "strong_now", "cry", "teen_age"}
        if child_might and not (accident or excess or child_swallowed) and not animal_only:
            add(CrisisKind.POISONING, Tier.ABOUT, "child", "young_child", "substance", "hypothetical", "question")
        if (accident or excess or child_swallowed) and not animal_only:
            general = asks and not (specific or now)
            # Something swallowed stands even when laughed about.
            # "Should I …" beside what the body is doing now ("took too much, my heart is racing, what should i
            # do") asks what to do in the danger, not whether it is one.
            # Taken just now, and said to be fine only in the words of the one who took it ("vừa tu hết chai …, giờ nó
            # cười cười bảo ko sao"): the drug has not yet done what it does.
            fine_they_say = "safe_now" in c and "strong_now" in c and bool(c & {"their_words", "reported"}) \
                and not c & {"past", "long_ago", "hypothetical", "fiction", "habitual"}
            # Supposed first, then told ("if my kid drinks my methadone what do i do? she just drank some!"): the
            # sentence that tells it is now.
            # A death heard of in someone's story, then asked about ("bạn em kể có người uống methadone xong chích thêm
            # rồi chết, vậy … có chết không"): the excess is the story's, and the question is the writer's.
            death_heard_of = self._death_heard_of(text, c) and asks
            about = (not_now and not joking and not fine_they_say and not self._swallowing_told(text)) or general \
                or death_heard_of \
                or (self._swallowing_supposed(text) and not happened) \
                or (excess and not accident and not child_swallowed
                    and (self._only_asked(text, _EXCESS_NAMED, _ASKS_HOW_TO_TELL)
                         or self._only_asked(text, _EXCESS_NAMED, _HOW_MUCH_TOO_MUCH, after_too=True))) \
                or (accident and asks and self._signs_of_swallowing_asked(text)) \
                or ("permission" in c and not accident and not (strong and specific)
                    and not (excess and self._excess_told_apart(text)))
            # A child's swallowing told in a clause of its own, then asked about ("my toddler drank some of my
            # methadone, how can i tell if he is ok"): told, whatever the question after it supposes.
            if about and accident and c & {"child", "young_child"} \
                    and not c & {"teen_age", "adult_age", "past", "long_ago", "safe_now", "bereaved"} \
                    and self._child_swallowing_told(text):
                about = False
            tier = Tier.ABOUT if about else Tier.NOW
            add(CrisisKind.POISONING, tier, "ingest_accident", "excess", "excess_amount", "substance", "child",
                "young_child", "now", "question", "hypothetical", "permission", "past")

        # A weapon held up at someone ("pulled a knife on another client") is a threat to them, whoever they are.
        weapon_alone = "weapon_only" in c and not (c & {"person", "child", "young_child", "threat"})
        # Said with what it is for ("been saving doses to end it"), the stockpile is the writer's, subject or not.
        plan = ("stockpile" in c and bool(c & {"substance", "excess", "excess_amount", "ingest"})
                and bool(c & {"first_person", "now", "person", "death", "suicide"})) \
            or ("suicide" in c and "soon" in c and bool(c & {"first_person", "speaker_wish"}) and "reported" not in c)
        # A parting, then out of reach: an apology and a going, or thanks for everything and a phone turned off.
        # Or a letter left beside things given away ("gave away my stuff today, wrote my mum a letter").
        # Or despair, then out of reach today ("bạn em bảo chán đời, cả ngày nay không nghe máy"), not as a habit or
        # going to sleep ("dạo này chồng em chán đời, hay tắt máy").
        despair_then_gone = "despair" in c and "unreachable" in c \
            and not c & {"habitual", "rest", "safe_now", "past", "long_ago", "hypothetical"}
        farewell = (("farewell_apology" in c and "farewell_gone" in c)
                    or ("suicide_hint" in c and "unreachable" in c) or despair_then_gone
                    or ("going_away" in c and bool(c & {"farewell_apology", "signing_off", "despair"})
                        and "trip" not in c)
                    # A letter left for the family, then thanks, an apology, a going, despair or silence.
                    or ("farewell_letter" in c and bool(c & {"signing_off", "farewell_apology", "going_away",
                                                             "despair", "unreachable", "suicide_hint"}))
                    # Being found afterwards, by the writer of themself ("… when they find me").
                    or ("found_after" in c and not c & {"fiction", "joking", "dream", "hypothetical"})) \
            and "everyday_leaving" not in c
        # The writer's own wish to die, in any words: "em chỉ muốn biến mất", "tôi định đi theo bố".
        # Not a plan of friends named, beside a question whether something kills ("nấm thần có gây chết người ko,
        # tụi bạn em định thử"): the wish is theirs, to try it, and the dying is asked about.
        wish_to_die = "death" in c and "speaker_wish" in c and "reported" not in c \
            and not ({"others_wish", "deadly_question"} <= c)
        # An animal that ate rat poison is taken to a vet: the means named is not a person's. Words of a person's
        # wish to die ("không ai cần mình nữa, đêm nay mình đi") beside a pet given away stay the person's.
        animal_means = animal_only and "speaker_wish" not in c
        if "suicide" in c or farewell or wish_to_die \
                or ((plan or weapon_alone or "method" in c) and not animal_means):
            # Dying named only in a question about people in general ("what are the warning signs that someone might
            # be thinking about suicide? my brother has been really quiet since rehab and I want to know"): the person
            # named elsewhere is the one worried about, and the writer's wish there is to know.
            asked_of_anyone = asks and self._dying_asked_of_anyone(text)
            speaker = "speaker_wish" in c and "reported" not in c and not asked_of_anyone
            # "I might kms tonight": the writer's own "might", with a time that is now and nothing asked, is a
            # danger they name, not a question about one.
            doubted = {"informational", "hypothetical", "past", "fiction", "safe_now", "dream", "crowd"}
            if "first_person" in c and "strong_now" in c and not asks and not opens_with_if:
                doubted.discard("hypothetical")
            # A wish of long ago and the same wish again now ("từng muốn tự tử hồi 2018 nhưng tối nay lại muốn chết"):
            # the past is the first time, not this one.
            wished_again = "again" in c
            if wished_again:
                doubted.discard("past")
            # A blade held now by someone who says they will cut themself if something happens ("đang cầm dao lam, bảo
            # sẽ rạch tay nếu bố còn la"): the "if" is an ultimatum's, and the danger is now.
            if {"weapon_only", "suicide"} <= c and now and not opens_with_if and "threat" not in c:
                doubted.discard("hypothetical")
            # A way asked for by a writer who says it is decided ("có cách nào ra đi nhẹ nhàng không, em quyết định
            # rồi"): the question is how, not whether.
            decided = "plan" in c and "first_person" in c and not asked_of_anyone
            # A question about the signs beside a sentence of its own that tells someone's wish to die now ("what are
            # signs someone is suicidal? my brother just texted me he wants to die"): the question is asked because
            # of it. A laugh beside the means ("lol im fine just gonna take all my meds at once and sleep forever") is
            # no joke.
            # A laugh beside a wish said to be meant ("haha, nói thật chứ giờ em chán sống thật sự, muốn chết") is no
            # joke either.
            laughed_off = joking and "sincere" not in c
            general = ((bool(c & doubted) or laughed_off or asked_of_anyone
                        or (asks and not specific) or (asks and "habitual" in c))
                       and not speaker and not plan and not decided and not farewell and "method" not in c
                       and not self._dying_told(text)) \
                or (laughed_off and not plan and "method" not in c and not c & {"excess_amount", "stockpile"}) \
                or ({"past", "safe_now"} <= c and not plan and not farewell and "method" not in c
                    and not wished_again) \
                or (opens_with_if and not plan and not farewell and "method" not in c)
            # Words of dying set in quotation marks beside a song, a film or a headline ("có câu hát 'chết đi cho nhẹ
            # lòng'"): the song's words, quoted, with nothing of the writer's own wish, plan or cry.
            general = general or ("fiction" in c and bool(_QUOTED.search(text)) and not speaker and not plan
                                  and not farewell
                                  and not c & {"cry", "strong_now", "again", "stockpile", "swallowed", "despair"}
                                  and not self._concepts(_QUOTED.sub(" , ", text))[0]
                                  & {"suicide", "death", "method", "plan", "stockpile", "speaker_wish"})
            add(CrisisKind.SUICIDE, Tier.ABOUT if general else Tier.NOW, "suicide", "death", "wish", "method",
                "stockpile", "farewell_apology", "farewell_gone", "farewell_letter", "going_away", "signing_off",
                "weapon_only", "informational", "hypothetical", "first_person", "strong_now", "past")

        any_child = bool(c & {"child", "child_generic", "young_child"})
        # A child who writes of the grown-up in charge out of it, and of fear ("12 y/o here, stepdad wasted, scared"):
        # the child is the one in danger.
        # A blow the child sees struck at someone else is violence, whose reply has 111 as well.
        child_afraid = "child_writes" in c and "carer_out" in c and bool(c & {"alone_afraid", "cry", "strong_now"}) \
            and not c & {"violence", "threat", "child_sees"}
        # A carer out of it taking a child with them ("showed up wasted and wants to drive her son home", "say khướt mà
        # đòi chở con bé về", "came back super drunk and wants to take the 3 year old out on his motorbike"): the child
        # is the one in danger, whatever their age.
        child_taken = any_child and "child_taken" in c and bool(c & {"carer_out", "out_of_control"})
        if ((any_child and "child_harm" in c) or ("young_child" in c and c & {"carer_out", "left_alone"})
                or child_afraid or child_taken) and not animal_only:
            general = not_now or ("informational" in c and not strong) or (asks and not now and "person" not in c)
            # A faint played at ("my little cousin is pretending to be passed out to skip homework"): nobody is out.
            general = general or ("pretended" in c and "carer_out" in c and not strong
                                  and not c & {"child_harm", "left_alone", "cry", "again"})
            # A child who writes of the harm and asks how to get out of it ("im 12, mom is high again, no food, she
            # locked us in. how do we get out"): the question is asked from inside the danger.
            general = general and not ("child_writes" in c and bool(c & {"child_harm", "carer_out"})
                                       and not c & {"past", "long_ago", "fiction", "hypothetical", "joking",
                                                    "safe_now", "dream"})
            add(CrisisKind.CHILD, Tier.ABOUT if general else Tier.NOW, "child", "child_generic", "young_child",
                "child_harm", "carer_out", "question", "hypothetical", "past")
        # What to do if a child's carer comes out of it, supposed and asked ("nếu phụ huynh đến đón con mà đang phê
        # thuốc thì tôi nên làm gì"), with nothing happening now: a child's danger asked about, with the child's line.
        elif any_child and {"carer_out", "hypothetical"} <= c and asks and not animal_only \
                and ("now" not in c or opens_with_if) \
                and not c & {"strong_now", "past", "long_ago", "cry", "violence", "harm_verb", "threat", "swallowed",
                             "excess", "excess_amount", *SIGNS}:
            add(CrisisKind.CHILD, Tier.ABOUT, "child", "child_generic", "carer_out", "hypothetical", "question")

        if "violence" in c and not weapon_alone and not animal_only:
            # A harm promised to the writer stands against the "if" it comes with ("... if I show up").
            # Its "if" is no question ("if" is among the question words, for "what do I do if ...").
            threatened = "threat" in c and not question_mark and not joking \
                and not c & {"informational", "deadly_question", "permission", "past", "fiction", "safe_now"}
            # A blow being struck now at someone named ("anh rể say đang đánh chị tôi, gọi số nào") is happening,
            # whatever the writer asks about it.
            violence_then = bool(c & {"past", "long_ago"}) and self._violence_then(text)
            # The signs of a blow to come, asked ("what are the warning signs he's about to turn violent, so I can get
            # out in time?"): what to watch for, not a blow struck now.
            signs_asked = not strong and "cry" not in c and bool(_ASKS_SIGNS.search(" ".join(words(text))))
            if "now" in c and specific and not not_now and not violence_then and not signs_asked:
                c = c | {"struck_now"}
            # Struck a moment ago ("partner just choked me … said when he's back I'm dead"): a "when he's back" or a
            # question after it does not make it a habit asked about.
            if strong and specific and not violence_then \
                    and not c & {"past", "long_ago", "fiction", "joking", "dream", "hypothetical", "safe_now"}:
                c = c | {"struck_now"}
            general = not threatened and "struck_now" not in c \
                and (not_now or (asks and not now) or ("informational" in c and not strong)
                     or violence_then or signs_asked)
            add(CrisisKind.VIOLENCE, Tier.ABOUT if general else Tier.NOW, "violence", "out_of_control",
                "person", "first_person", "now", "question", "hypothetical", "struck_now", "past")

        # Whether someone out of control can kill or hurt people, asked ("người ngáo đá có thể giết người thật không"),
        # with no blow struck or threatened: a question about violence, answered with 113.
        if "deadly_question" in c and "out_of_control" in c and "harm_verb" in c and "violence" not in c \
                and not animal_only and not readings:
            add(CrisisKind.VIOLENCE, Tier.ABOUT, "deadly_question", "out_of_control", "harm_verb")
        # A weapon someone takes up when out of control, told as what happens at times and asked about for next time
        # ("my partner sometimes gets paranoid on ice and grabs knives. what's a good safety plan?"): a danger to plan
        # for, answered with the line; taken up now ("đang cầm dao"), it is violence happening.
        if {"weapon_only", "out_of_control"} <= c and someone and asks and bool(c & {"habitual", "hypothetical"}) \
                and not c & {"now", "strong_now", "cry", "again", "not_safe", "violence", "threat"} \
                and not animal_only and not readings:
            add(CrisisKind.VIOLENCE, Tier.ABOUT, "weapon_only", "out_of_control", "habitual", "question")

        if not readings:
            return None
        order = list(CrisisKind)
        now_readings = [r for r in readings if r.tier is Tier.NOW]
        if now_readings:
            kinds = {r.kind for r in now_readings}
            # Swallowing something to die is answered as a wish to die: that reply starts with 115.
            if CrisisKind.SUICIDE in kinds and CrisisKind.POISONING in kinds:
                return next(r for r in now_readings if r.kind is CrisisKind.SUICIDE)
            # A wish to die and then no answer ("she said she's done with life and now she's not answering her
            # phone"), with no sign seen and nothing taken: the silence is the wish's, not an overdose's.
            if CrisisKind.SUICIDE in kinds and CrisisKind.OVERDOSE in kinds \
                    and not c & {"overdose_event", "used", "substance", "swallowed", "ingest", *SIGNS}:
                return next(r for r in now_readings if r.kind is CrisisKind.SUICIDE)
            # Signs after swallowing something by mistake: the poisoning reply has the overdose steps.
            if CrisisKind.POISONING in kinds and (accident or child_swallowed):
                return next(r for r in now_readings if r.kind is CrisisKind.POISONING)
            # A young child left with carers who are out of it: the child is the one to help first. Unless a blow is
            # being struck at a grown-up named there ("phê thuốc đang đánh vợ nó, con bé mới sinh"): the violence reply
            # has 113 first, and 111 for the child as well. Things smashed with the baby in the arms of the one
            # smashing them stay the child's danger.
            if CrisisKind.CHILD in kinds and "carer_out" in c and "young_child" in c:
                struck = next((r for r in now_readings if r.kind is CrisisKind.VIOLENCE and "struck_now" in r.signals),
                              None)
                if struck is not None and "child_harm" not in c and self._blow_at_someone(text):
                    return struck
                return next(r for r in now_readings if r.kind is CrisisKind.CHILD)
            # A breath that fails under a blow, with no drug named ("pinned her by the throat, she can't breathe"): the
            # blow is the danger, and the violence reply has 115 for the injured as well as 113.
            if CrisisKind.VIOLENCE in kinds and CrisisKind.OVERDOSE in kinds \
                    and not c & {"overdose_event", "shock_word", "used", "substance", "swallowed", "ingest", "excess",
                                 "excess_amount"}:
                return next(r for r in now_readings if r.kind is CrisisKind.VIOLENCE)
            return min(now_readings, key=lambda r: order.index(r.kind))
        return min(readings, key=lambda r: order.index(r.kind))

