"""What a free-text message asks the bot to do, when it is not a question for the FAQ: a feature
("đặt lịch chiều mai 3h", "dừng nhắc nhở", "switch to English"), small talk ("cảm ơn", "bạn là ai"),
or something outside what the bot covers ("giá vàng hôm nay").

The vocabulary is data (content/intents.yaml): patterns of alternatives, matched as whole words on
folded text, so each line covers its spelling with and without diacritics and in teencode. The
reader is pure; handlers/understand.py decides what each reading opens.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from bot.language import ENGLISH, language_of
from bot.normalize import common_words, words
from bot.run_together import Splitter
from bot.timeparse import DURATION
from bot.yaml_text import parse_yaml

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# The order in which intents are tried: the first that matches wins. A group's meetings come before the
# reminders ("nhắc em lịch họp nhóm tự lực mỗi tháng" is the groups' reminder, not the daily dose's).
# A counselor asked for by handing the chat over ("chuyển tôi sang cán bộ tư vấn trực tiếp trả lời") is the talk,
# before any booking word in it ("tư vấn trực tiếp").
INTENTS = ("erase", "privacy", "language_en", "language_vi", "language", "groups", "reminder_pause",
           "reminder_stop", "reminder_set", "appointments", "handover", "book", "talk", "sites", "menu")
# Intents that are another's way of being asked for.
SAME_AS = {"handover": "talk"}
# Requests that a worry about who reads the messages may follow, as their reason.
_REQUESTS_WITH_A_REASON = frozenset({"erase", "reminder_pause", "reminder_stop", "appointments", "talk"})
SMALLTALK = ("greeting", "thanks", "bye", "ack", "who_are_you", "is_human", "is_police", "insult", "how_are_you", "sad")
# Words that wrap small talk without adding a request ("chào bạn nhé", "ok cảm ơn ạ").
FILLER = frozenset("""
    a ah a oi ban minh em anh chi ad admin nhe nha nhen ne nhiu lam nhieu qua that ak vay the roi luon
    so much very you u lot all everyone moi nguoi bot ok oke va and that this it was really great nice
    helps helped helpful
""".split())
# Words that fold like a question word without asking: "lần đầu" (the first time), "bắt đầu" (to start).
# So do "nào cũng", "gì cũng", "đâu cũng" (every, anything, everywhere: "câu nào cũng trả lời như cái máy").
_NOT_ASKING = re.compile(r"(?<![a-z])(?:lan dau|ban dau|dau tien|bat dau|mo dau|hang dau|nao cung|gi cung|dau cung)"
                         r"(?![a-z])")
# "ngôn ngữ" (language) folds to end in "ngu", an insult said alone.
_LANGUAGE_WORD = re.compile(r"(?<![a-z])ngon ngu(?![a-z])")
_SLEEPING = re.compile(r"(?<![a-z])(muon|di|buon|mat|kho|chua|dang|de|can|giac|duoc|roi|lai|phai|se|nam|thieu|gio|"
                       r"hay|it|ngon|ngu ngon|dung|thuc) ngu(?![a-z])")
# "Mấy" of a number asked ("hôm nay là ngày mấy ạ", "mai thứ mấy hả") folds like "máy" (a machine): "ngày mấy ạ" is no
# "máy à?" of someone asking whether a machine answers.
_WHICH_NUMBER = re.compile(r"(?<![a-z])(ngay|thu|thang|nam|so|lop|tang|phong|lan|tuan|cau|bai|tap|gio|tuoi|"
                           r"chuyen|kiem|luc) may(?= (?:a|ha|vay|day|the|z)(?![a-z]))")
# A message of this many words or more is a story or a question, not small talk.
SMALLTALK_MAX_WORDS = 12
# A bare yes or no, the whole message, typed when no question is open ("có" once the reminder is set): acknowledged.
# Only as the whole message: "có" and "không" are in most questions, and "o" (ờ) is also "ở".
BARE_YES_OR_NO = frozenset({
    "co", "co a", "da co", "co nhe", "co nha", "co chu", "khong", "khong a", "da khong", "khong nhe", "khong nha",
    "chua", "chua a", "da chua", "no", "nope", "nah",
})
# The whole of a reply to a question of safety ("bạn hay ai đó có đang gặp nguy hiểm … không?"), read as a yes or a no.
# Saying one is not all right ("không ổn", "not ok"), or may be, answers it as a yes: the question asks whether anyone
# is in danger, and the cautious reading of a doubt is the one that gives the numbers and tells a counselor. A yes is
# read first, so "không, ổn" (whose comma the folding drops) counts as "không ổn".
_REPLY_PARTICLES = frozenset("a ad admin oi nhe nha nhen ne ma dau that".split())
_WHO = ("", "toi ", "minh ", "em ", "tao ", "anh ", "chi ", "con ", "chung toi ", "chung em ", "nha toi ")
# Words said around leaving a step that add nothing to it ("hủy nhé ad", "thôi bạn ơi", "cancel please"): a reply's
# particles, and whom it is said to. "Đâu" stays: "không cần đâu" is a way to leave, "không cần" an answer.
_LEAVE_PARTICLES = (_REPLY_PARTICLES - {"dau"}) | frozenset("ah ak vay nhi bot ban em minh please pls".split())
_SAYS_YES = frozenset({
    "co", "da co", "co chu", "co a", "vang", "da vang", "da", "u", "um", "dung", "dung roi", "dung vay", "dung the",
    "co le", "co le co", "chac vay", "hinh nhu co", "co mot chut", "co chut", "hoi hoi", "co nguy hiem",
    "dang nguy hiem", "nguy hiem", "khong on", "khong on chut nao", "khong on lam", "te lam", "cuu", "cuu voi",
    "giup voi", "giup em", "giup toi", "yes", "yeah", "yep", "yea", "ya", "yes i am", "i am", "yes please", "maybe",
    "sort of", "kind of", "a little", "i think so", "not ok", "not okay", "i m not ok", "i m not okay", "im not ok",
    "im not okay", "not fine", "i m not fine", "not really ok", "help", "help me", "please help",
    *(who + state for who in _WHO for state in ("khong on", "dang nguy hiem", "co")),
})
_SAYS_NO = frozenset({
    "khong", "da khong", "khong co", "khong co gi", "khong a", "khong phai", "no", "nope", "nah", "not really",
    "not at all", "no thanks",
    *(no + state for no in ("", "no ", "nope ", "nah ")
      for state in ("all good", "fine", "i m fine", "i m ok", "i m okay", "im fine", "im ok", "im okay", "i am fine",
                    "i am ok", "i am okay", "i m safe", "i am safe", "im safe", "we re ok", "we re fine", "we re safe",
                    "we are ok", "we are fine", "we are safe", "i m alright", "i m all right", "i m good")),
    *(no + who + state for no in ("", "khong ", "da khong ", "khong co ")
      for who in _WHO for state in ("on", "van on", "on het", "on ca", "khong sao", "khong sao ca", "khong sao het",
                                    "an toan", "van an toan", "binh thuong", "van binh thuong", "khong nguy hiem",
                                    "khong co gi")),
})
# ... except whether the bot is the police's, which is asked in up to this many.
POLICE_QUESTION_MAX_WORDS = 24
# A person or a machine, set against each other: what a longer question about who answers turns on.
_PERSON_OR_MACHINE = re.compile(r"(?<![a-z])(?:nguoi(?: that)? hay (?:la )?(?:cai )?"
                                r"(?:may|bot|robot|ai|chatgpt|tu dong)"
                                r"|(?:may|bot|robot) hay (?:la )?nguoi"
                                r"|(?:person|human) or (?:a )?(?:machine|bot|robot)|(?:machine|bot|robot) or (?:a )?"
                                r"(?:real )?(?:person|human))(?![a-z])")
# A word of assent beside more than this many other words closes a sentence of its own, not a reply to the bot.
ACK_MAX_EXTRA = 3
# A line to phone ("a line I can call", "hotline", "tổng đài"; not "tổng đài viên", an operator to talk to): a number,
# not the chat with a counselor here.
_PHONE_LINE = re.compile(r"(?<![a-z])(?:(?:a |any |some )?(?:line|number|hotline|helpline) (?:i|we|he|she|they) "
                         r"can call|hotline|helpline|crisis line|duong day nong|tong dai(?! vien))(?![a-z])")
# A test sought ("xét nghiệm HIV ở đâu", "where can I get tested for hep C"): the FAQ says where tests are done; the
# site list holds treatment places and counseling points, not testing sites.
_TEST_SOUGHT = re.compile(r"(?<![a-z])(?:xet nghiem|get tested|getting tested|be tested|test for|tested for|testing for"
                          r"|hiv test|hiv testing|hep c test|hepatitis test)(?![a-z])")
# Work sought ("mẹ cứ giục đi làm … có chỗ nào nhận người sau cai không"): a place that takes people on for work, which
# the FAQ on jobs and training answers, not a treatment place, unless one is named.
_WORK_SOUGHT = re.compile(r"(?<![a-z])(?:viec lam|tim viec|kiem viec|xin viec|nhan nguoi|nhan vao lam|tuyen nguoi|"
                          r"tuyen dung|hoc nghe|a job|jobs|hire|hiring|employer)(?![a-z])")
_PLACE_OF_TREATMENT = re.compile(r"(?<![a-z])(?:methadone|metadon|cai nghien|tu van|diem|co so|tram y te|phong kham|"
                                 r"benh vien|rehab|clinic|counsel\w*|hiv|prep|xet nghiem)(?![a-z])")
# Treatment begun or thought of ("if I start treatment, is my info kept private"), with nothing of this chat named:
# whether the treatment place keeps it secret, which the FAQ answers, not what the bot keeps.
_TREATMENT_NAMED = re.compile(r"(?<![a-z])(?:treatment|methadone|rehab|the clinic|dieu tri|cai nghien|co so)(?![a-z])")
_THIS_CHAT = re.compile(r"(?<![a-z])(?:bot|chatbot|chat|chats|here|this app|messages|o day|tin nhan|nhan tin|ad|admin)"
                        r"(?![a-z])")
# The words a yes/no question ends on ("… có mưa không").
_YES_NO_ENDINGS = frozenset({"khong", "ko", "k", "hong", "hok", "khg", "kg"})
# Words that ask something: beside small talk they make a question of it ("học tiếng Anh ở đâu tốt"
# ends with "tốt", "good", and asks where). Not "không" or "sao": "ok không sao" is an ok.
QUESTION_WORDS = frozenset("dau gi nao bao may what where how why when who which".split())
# The menu is asked for in a few words ("menu", "bạn giúp được gì cho tôi"); in a longer message its
# words are part of something else ("trợ giúp pháp lý khi bị công an bắt").
MENU_MAX_WORDS = 7
# What the bot can do, asked with a word for the bot ("what kind of things can this bot help with"), is
# a question of up to ten words; longer, it is part of a story or of another question.
ABOUT_THE_BOT_MAX_WORDS = 10
# A part of a pattern that stands for any length of time ("8 ngày", "a week"): no list of numbers could.
DURATION_PART = "{duration}"
# "gần 30 cây", "gần 2 tiếng": nearly so far or so long, not "near" (which asks for the site finder).
# So is "near" before what nearly happened ("a couple of near overdoses", "a near miss"), which is no place.
_NEARLY = re.compile(r"(?<![a-z])(?:gan (?=\d)|gan (?=(?:chet|xiu|dien|ngat|khoc|sang|het)(?![a-z]))|"
                     r"near (?=(?:overdos[a-z]*|ods?|deaths?|fatal|miss|misses)(?![a-z])))")
# "Giết người thật không" asks whether someone really kills people: no "người thật" (a real person) to talk to.
_PEOPLE_HARMED = re.compile(r"(?<![a-z])(giet|danh|hai|chem|dam|dap|ban) nguoi that(?![a-z])")
# "Có cho" (is it allowed to) typed with its marks, before what is allowed ("có cho mang thuốc về nhà không"): folded,
# it reads like "có chỗ" (is there a place), which asks for a site.
_ALLOWED_TO = re.compile(r"(?<!\w)có cho (?=\w)", re.IGNORECASE)
# Where a clause ends: the menu or a language may be asked for in a clause of its own, a reason given beside it.
# An emoji ends a clause as a stop does ("… làm nó 'chết đứng' 😂 thôi cho chị xem bot làm được những gì").
_CLAUSES = re.compile("[,.;:!?\n\U0001F300-\U0001FAFF\u2600-\u27BF]")
# Verbs of answering in a language, or a "please": "nói tiếng Việt giùm", "reply in English", "English please".
_SPEAK = re.compile(r"(?<![a-z])(?:noi|nhan|tra loi|viet|dung|doi|chuyen|speak|reply|answer|write|talk|text|use|"
                    r"switch|change|please|pls|plz)(?![a-z])")
# A word that turns to what is asked, opening a clause ("Anyway how do I switch you to Vietnamese", "à mà đổi sang
# tiếng Anh được không"): it leaves the request what it is.
_TURNING = re.compile(r"^(?:anyway|anyways|btw|by the way|oh and|and also|also|ok so|okay so|so|well|a ma|ma nay|"
                      r"nhan tien|tien the|tien day|a nhan tien) ")
# "bị nhắc nhở" is being reprimanded, not reminded ("cùng lắm bị nhắc nhở thôi").
_REPRIMANDED = re.compile(r"(?<![a-z])bi (?:nhac nho|nhac)(?![a-z])")
# Mentioned again ("ca tử vong năm 2019 được nhắc lại làm ví dụ"): no reminder.
_MENTIONED_AGAIN = re.compile(r"(?<![a-z])(?:duoc|bi|hay|thuong) nhac lai(?![a-z])")
# Mentioned, with a word before it that tells it ("bác sĩ có nhắc tới xơ gan", "cô ấy từng nhắc qua"): no reminder.
# Bare, "nhắc đến thứ 2" and "nhắc qua Tết" say until when reminders stop; "nhắc đến là sợ" (whenever it is
# mentioned) never does.
# Or named again and again by others ("bạn bè nhắc hoài", "mọi người cứ nhắc suốt"): talk heard, not a reminder asked.
_MENTIONED_IN_PASSING = re.compile(r"(?<![a-z])(?:(?:co|da|hay|tung|thuong|cung) nhac (?:den|qua)|nhac (?:den|toi) la|"
                                   r"(?:cu )?nhac (?:hoai|suot|hoai hoai|mai mai)"
                                   r"(?! (?:em|toi|minh|tui|con|chau|anh|chi)))(?![a-z])")
# Mentioned by the news, a paper or a programme ("thời sự tối qua … có nhắc luật mới"): told, not a reminder asked.
# A paper only as "bài báo", "trên báo", "đọc báo": "báo" alone also tells ("báo cho tôi, nhắc tôi 8h"), and "báo thức"
# reminds. A reminder asked of someone after watching ("xem tivi xong nhắc tôi uống thuốc") stays one.
_MENTIONED_BY = re.compile(r"(?<![a-z])(?P<who>(?:thoi su|ban tin|tin tuc|bao chi|bai bao|tren bao|doc bao|"
                           r"tivi|ti vi|tv|vtv|loa phuong|bai viet|video|clip|phong su|phim|chuong trinh|news)"
                           r"(?: [a-z0-9]+){0,12}? (?:co |da |cung |vua |moi |hay |thuong )?)nhac(?![a-z])"
                           r"(?! (?:em|toi|minh|tui|con|chau|anh|chi|me|bo|ba|ong|uong|di)(?![a-z]))")
# The writer's own role, said ("Tôi là tư vấn viên, muốn hỏi cho chắc …", "I'm a peer educator"): who asks, not whom
# they ask for.
_SELF_DESCRIBED = re.compile(
    r"(?<![a-z])(?:toi|em|minh|tui|chau|i m|im|i am) la (?:mot |1 )?(?:tu van vien|can bo tu van|can bo|"
    r"nhan vien(?: y te)?|dong dang vien|ddv|bac si|y ta|dieu duong|giao vien|co giao|thay giao|duoc si|counselor|"
    r"counsellor|peer educator|peer worker|outreach worker|volunteer|nurse|doctor|teacher|social worker|pharmacist|"
    # The leader of a group of volunteers ("tôi là trưởng nhóm tình nguyện chùa …"): who writes, not a group to join.
    r"truong nhom(?: tinh nguyen| thien nguyen)?|nhom truong|group leader)"
    r"(?![a-z])")
# Leave taken ("thôi tôi xin phép, hẹn dịp khác ạ"): a goodbye, whose "xin" and "hẹn" book nothing.
_LEAVE_TAKING = re.compile(r"(?<![a-z])(?:hen (?:dip|hom|luc|bua|khi) khac|xin phep)(?![a-z])")
# Someone else's wish to erase ("anh ấy muốn xóa hết dữ liệu trên bot thì làm sao", "my client wants to delete his
# data"): how it is done, which the FAQ says; the erasure here would be the writer's own.
_THEIR_WISH = re.compile(
    r"(?<![a-z])(?:anh ay|chi ay|co ay|ong ay|ba ay|chu ay|ban em|ban toi|ban minh|khach hang|than chu|nguoi ta|"
    r"he|she|they|my friend|my client|the client|my son|my daughter|my husband|my wife)"
    r"(?: cua (?:em|toi|minh|tui|chi|anh))?"
    r"(?: (?:cung|van|rat|dang|co|also|really))? (?:muon|want|wants|wanted|would like|wishes)(?![a-z])")
# "mấy giờ", "mấy ngày" (how many, what time) fold like "mày" (you): no word to the bot ("tối nay MU đá với ai vậy,
# mấy giờ" asks about football, not who the bot is).
_HOW_MANY = re.compile(r"(?<![a-z])may (?=(?:gio|h|tieng|ngay|hom|lan|phut|tuan|thang|nam|tuoi|dem|buoi|nguoi|dua|"
                       r"cai|con|tran|ban)(?![a-z]))")
# Deleted already ("tin nhắn cũ bị xóa hết", "lỡ xóa mất"): something that happened, not a request to erase.
_ERASED_ALREADY = re.compile(r"(?<![a-z])(?:bi|lo|lo tay|da bi|vo tinh|got|was|were|been|accidentally) "
                             r"(?:xoa|delete|deleted|erased|wiped)(?![a-z])")
# "người thật" inside "mọi người thật …" ("mn, thật k": everyone, really?) is nobody real to talk to.
_EVERYONE = re.compile(r"(?<![a-z])moi nguoi (?=that(?![a-z]))")
# "lúc nào cũng" (always: "đi làm về lúc nào cũng mệt") is no time for a reminder, and "bảo em" (told me) folds like
# "báo em" (let me know).
_ALWAYS = re.compile(r"(?<![a-z])luc nao cung(?![a-z])")
# "Keep" that goes on doing something ("if you keep staying up this late") keeps nothing of the person's.
_KEEP_DOING = re.compile(r"(?<![a-z])keeps? (?:on )?(?!storing|saving|recording|holding|logging|tracking)"
                         r"[a-z]+ing(?![a-z])")
# "Con ngươi" (the pupil of the eye), typed with its marks, folds like "con người" (a human to talk to).
_PUPIL = re.compile(r"con ngươi(?!\w)", re.IGNORECASE)
# "Lý lịch" (one's record, asked for by employers): no "lịch" (schedule) to book or move.
_RECORD = re.compile(r"(?<![a-z])ly lich(?![a-z])")
# "Khác … ở đâu", "khác … chỗ nào" (how it differs: "bupre khác methadone ở đâu", "điểm phát ở xã khác phòng khám huyện
# chỗ nào"): a difference asked, no place. Not "cơ sở khác ở đâu", "chỗ khác gần đây ở đâu" (another one, where): the
# thing compared is named between. The word left in its place is among the ways of asking about a thing
# (intents.yaml, asks_about), so no feature opens either.
_DIFFERS = re.compile(r"(?<![a-z])(khac(?! o(?![a-z]))"
                      r"(?: (?!(?:gan|day|nao|nua|the|cung|thi)(?![a-z]))[a-z0-9]+){1,9}) "
                      r"(?:o dau|o cho nao|cho nao|diem nao|o diem nao)(?![a-z])")
# "Where" after a story's name ("a thriller where the villain …", "the movie where he overdoses"): the story's scene,
# no place asked for.
_SCENE_WHERE = re.compile(r"(?<![a-z])(movie|film|thriller|show|episode|scene|story|series|book|novel|game|video|song|"
                          r"play|comic) where(?![a-z])")
# "Ở đâu cũng", "chỗ nào cũng" (everywhere: "xin việc ở đâu cũng đòi lý lịch"): no place asked for.
_EVERYWHERE = re.compile(r"(?<![a-z])(?:o dau|cho nao|noi nao|dau dau) cung(?![a-z])")
# "False alarm" ("false alarm, sorry, can i book a counselor"): a danger taken back, not an alarm clock to set.
_FALSE_ALARM = re.compile(r"(?<![a-z])(?:false alarms?|bao dong gia|bao dong nham)(?![a-z])")
# An appointment named as a time ("before my appointment tomorrow, …", "sau buổi hẹn hôm qua"): when something else
# happens, not a request about the appointment.
_AROUND_AN_APPOINTMENT = re.compile(
    r"(?<![a-z])(?:before|after|since|until|till|during|ahead of|on the way to|on my way to|truoc|sau|tu) "
    r"(?:my |the |our |his |her |this |that )?(?:appointment|session|counseling session|counselling session|buoi hen|"
    r"lich hen|cuoc hen|buoi tu van|buoi gap)(?: (?:today|tomorrow|tonight|yesterday|last week|next week|hom nay|"
    r"ngay mai|mai|hom qua|tuan truoc|tuan sau|toi nay))?(?![a-z])")
# Asking to move or cancel the appointment just named ("can i move it to 3pm", "dời nó sang chiều được không").
_MOVE_IT = re.compile(r"(?<![a-z])(?:(?:move|change|push|shift|cancel|reschedule|bring) (?:it|that|this)|reschedule|"
                      r"(?:doi|doi lai|hoan|huy|lui|chuyen) (?:no|lich|hen|buoi do|sang|qua))(?![a-z])")
# "đứng" (to stand) folds like "dừng" and "đừng" (stop, don't): "giật mình muốn đứng tim", "đứng chờ ngoài
# cổng" stop nothing.
_STANDING = re.compile(r"(?<![a-z])dung (?=(?:tim|day|im|yen|hinh|cho|doi|ngoai|truoc|xep hang|ca buoi)(?![a-z]))")
# Words that say whom "who is …" is about: the bot ("bạn là ai", "ai đang trả lời vậy bot"); without one
# a longer "… với ai vậy" asks about somebody else ("tối nay MU đá với ai vậy").
_ADDRESSED = frozenset("""
    ban em may bot ad admin you your chatbot day tra loi nhan thing app page account trang chatting talking speaking
""".split())
# "nếu tôi xóa dữ liệu thì …", "if I delete my data …": a question about what would follow, not the
# request itself. "nếu được thì …", "nếu có thể thì …" ("if you can, …") are polite ways to ask, and stay
# requests.
# A clause that supposes, whatever follows it: "nếu em xóa dữ liệu", "if I cancel", "giả sử em đặt lịch".
_SUPPOSING = re.compile(r"(?<![a-z])(?:neu|if|gia su|suppose|supposing|whether|lieu)(?![a-z])")
# "nhắc tới" (to mention) folds like "nhắc tôi" (remind me): with its marks it is read as "nhắc đến", which it means
# ("PEP là thuốc gì, nghe bác sĩ nhắc tới").
_MENTIONED = re.compile(r"(nh[aắ]c)\s+t[ớơ]i(?!\w)", re.IGNORECASE)
# "What is this" before a thing named ("what is this addiction assessment thing the police keep mentioning?") asks
# what the thing is, not who the bot is; before a word for the bot ("what is this bot", "what is this app") it does.
_NOT_A_THING = _ADDRESSED | FILLER | {"exactly", "even", "actually", "for", "about", "service", "chat", "channel",
                                      "number", "site", "place", "conversation"}
_THIS_THING = re.compile(r"(?<![a-z])((?:what|who) is) this (?=[a-z])(?!(?:" + "|".join(sorted(_NOT_A_THING))
                         + r")(?![a-z]))")
_CONDITIONAL = re.compile(r"(?<![a-z])(?:neu (?!duoc |co the |tien )(?:[a-z0-9]+ ){1,10}?thi|if (?:i|we))(?![a-z])")


class LanguageWords(BaseModel):
    """The words of asking to be answered in a language (content/intents.yaml, `languages`)."""

    model_config = ConfigDict(extra="forbid")
    english: list[NonEmpty] = Field(min_length=1)
    vietnamese: list[NonEmpty] = Field(min_length=1)
    switch: list[NonEmpty] = Field(min_length=1)
    request_words: list[NonEmpty] = Field(min_length=1)
    cannot_read: list[NonEmpty] = Field(min_length=1)
    # Right after a language name: the language is a subject ("go back to english class"), not one to answer in.
    subjects: list[NonEmpty] = Field(default_factory=list)
    # Right after a language name, or after a pronoun that follows it: the person cannot read it ("tiếng Anh mình đọc
    # không hiểu").
    cannot_read_after: list[NonEmpty] = Field(default_factory=list)


class IntentFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    intents: dict[str, list[NonEmpty]]
    languages: LanguageWords
    asks_about: list[NonEmpty] = Field(min_length=1)
    smalltalk: dict[str, list[NonEmpty]]
    topic_words: list[NonEmpty] = Field(min_length=1)
    elsewhere: list[NonEmpty] = Field(min_length=1)
    # The small words that may stand between a verb and its object in a pattern part written "A ~ B".
    between: list[NonEmpty] = []
    # Asking for the menu in so many words that no longer message makes them something else ("mới vô chưa
    # biết bấm gì, có danh sách các chức năng không"): the menu whatever the message's length.
    menu_in_any_message: list[NonEmpty] = []
    # Asking for help and nothing else, calmly ("help", "hướng dẫn", "i need help"): the menu, which ends
    # with the emergency numbers. Said with "!" it is a cry, which the crisis replies ask about.
    menu_whole_message: list[NonEmpty] = []
    # Asking the bot to compose something ("write me a birthday poem for my wife", "viết giùm bài văn tả mẹ"):
    # the people it is for are no topic of the bot's, so with only them named the message is outside it.
    tasks: list[NonEmpty] = []
    people_it_is_for: list[NonEmpty] = []
    # Away for a while or moving, asking where to dose ("về quê ăn tết 2 tuần thì uống methadone ở đâu"): the clinic
    # one is treated at arranges the dose elsewhere, which the FAQ says; a list of sites does not. Unless a place is
    # asked for in so many words (`find_words`: "tìm giúp cơ sở ở Đà Nẵng").
    away: list[NonEmpty] = []
    find_words: list[NonEmpty] = []
    # A place's hours asked ("the clinic near me … is it even open? what time can I get my dose"): the FAQ says what is
    # known of opening hours and to ask the place; a list of sites has none. Unless a place is asked for in so many
    # words (`find_words`).
    hours: list[NonEmpty] = []
    # Leaving the step one is in, said as the whole message ("thôi", "hủy", "cancel", "never mind"): inside a feature's
    # steps, the feature stops there; elsewhere these are small talk.
    leave: list[NonEmpty] = []
    # Everyday words that fold like a topic word and are typed here with their own marks ("cái" like "cai", "thêm"
    # like "thèm"): typed so, they are the everyday word, and put no message inside what the bot covers.
    everyday_marked: list[NonEmpty] = []
    # Topic words that everyday errands share ("giấy tờ", "phí"): beside a thing of elsewhere ("mua xe máy trả góp
    # cần giấy tờ gì") and no other word of what the bot covers, the message is about the errand.
    errand_words: list[NonEmpty] = []


@dataclass(frozen=True)
class Reading:
    kind: str  # "intent", "smalltalk"
    name: str


def _folded(phrase: str) -> str:
    return " ".join(words(phrase))


def _vocabulary(data: IntentFile) -> set[str]:
    """Every word the file's patterns and phrases use."""
    texts = [*(line for lines in data.intents.values() for line in lines), *data.asks_about, *data.topic_words,
             *data.elsewhere, *data.menu_in_any_message, *data.menu_whole_message, *data.tasks,
             *data.people_it_is_for,
             *(p for phrases in data.smalltalk.values() for p in phrases),
             *data.languages.english, *data.languages.vietnamese, *data.languages.switch]
    return {word for text in texts
            for word in words(text.replace(DURATION_PART, " ").replace("|", " ").replace("+", " ").replace("~", " "))}


def _alternatives(phrases: list[str], plurals: bool = False) -> re.Pattern[str]:
    """Whole words of any of the phrases; with `plurals`, an English plural too ("vapes", "clinics")."""
    alternatives = sorted({_folded(p) for p in phrases if _folded(p)}, key=len, reverse=True)
    ending = r"(?:s|es)?" if plurals else ""
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(p) for p in alternatives) + r")" + ending
                      + r"(?![a-z0-9])")


def _followed(part: str, between: list[str]) -> re.Pattern[str]:
    """"A | B ~ C | D": one of the first alternatives, then one of the second, with at most three of the
    small words people put between a verb and its object ("tắt giúp em cái nhắc nhở", "stop all the
    reminders"). Words anywhere in the message are not enough when a verb folds like another word: "bỏ"
    like "bố", "dừng" like "dùng", "tắt" like "tất", "thôi" like "thời", "nghỉ" like "nghĩ"."""
    verbs, objects = (_alternatives(side.split("|")).pattern for side in part.split("~", 1))
    gap = "|".join(re.escape(w) for w in sorted({_folded(w) for w in between if _folded(w)}, key=len, reverse=True))
    return re.compile(rf"{verbs}(?: (?:{gap})){{0,3}} {objects}")


class IntentReader:
    def __init__(self, data: IntentFile, word_counts: Mapping[str, float] | None = None) -> None:
        """`word_counts` are more words a message may be made of (the FAQ's), with how often each is used:
        with the file's own, a word typed together with the next is split back into them ("dặtlịch",
        "nhactoi"), and a slip of the finger read as the word meant, before matching."""
        counts = dict.fromkeys(ENGLISH, 1.0) | dict.fromkeys(_vocabulary(data), 1.0) | dict(word_counts or {})
        self._splitter = Splitter(counts, counts)
        self._intents: list[tuple[str, list[list[re.Pattern[str]]]]] = []
        for name in INTENTS:
            patterns = []
            for line in data.intents.get(name, []):
                patterns.append([DURATION if part.strip() == DURATION_PART
                                 else _followed(part, data.between) if "~" in part
                                 else _alternatives(part.split("|"))
                                 for part in line.split("+")])
            self._intents.append((name, patterns))
        # The menu's first pattern: what the bot can do, asked with a word for the bot.
        self._about_the_bot = dict(self._intents)["menu"][:1]
        self._privacy = dict(self._intents)["privacy"]
        self._smalltalk = {name: frozenset(_folded(p) for p in data.smalltalk.get(name, [])) for name in SMALLTALK}
        # Phrases as people write them, for the word pairs a slip is read by (bot/slips_in_context.py).
        self.phrases = (*(p for phrases in data.smalltalk.values() for p in phrases), *data.topic_words)
        self._smalltalk_words = {name: _alternatives(list(phrases)) for name, phrases in self._smalltalk.items()
                                 if phrases}
        self._topic = _alternatives(data.topic_words, plurals=True)
        self._elsewhere = _alternatives(data.elsewhere)
        self._tasks = _alternatives(data.tasks) if data.tasks else None
        self._people_it_is_for = _alternatives(data.people_it_is_for, plurals=True) if data.people_it_is_for else None
        self._menu_in_any_message = _alternatives(data.menu_in_any_message) if data.menu_in_any_message else None
        self._menu_whole_message = frozenset(_folded(p) for p in data.menu_whole_message)
        self._asks_about = _alternatives([p for line in data.asks_about for p in line.split("|")])
        self._away = _alternatives(data.away) if data.away else None
        self._leave = frozenset(_folded(p) for p in data.leave)
        self._find_words = _alternatives(data.find_words) if data.find_words else None
        self._hours = _alternatives(data.hours) if data.hours else None
        self._errand_words = frozenset(_folded(w) for w in data.errand_words)
        self._everyday_marked = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(unicodedata.normalize("NFC", w)) for w in data.everyday_marked)
            + r")(?!\w)", re.IGNORECASE) if data.everyday_marked else None
        languages = data.languages
        self._language_names = {"en": _alternatives(languages.english), "vi": _alternatives(languages.vietnamese)}
        any_name = "|".join(p.pattern for p in self._language_names.values())
        subject = rf"(?! {_alternatives(languages.subjects).pattern})" if languages.subjects else ""
        self._switch_to = re.compile(_alternatives(languages.switch).pattern + r" (?:" + any_name + ")" + subject)
        self._request_words = _alternatives(languages.request_words)
        self._cannot_read = re.compile(_alternatives(languages.cannot_read).pattern + r" (?:" + any_name + ")")
        # Only a pronoun between ("tiếng Anh mình đọc không hiểu"): "tiếng Việt đi, tôi không đọc được tiếng Anh" asks
        # for the first language and cannot read the second.
        self._cannot_read_after = re.compile(r"(?:" + any_name + r")(?: (?:em|e|minh|toi|tui|anh|chi|con|chau))? "
                                             + _alternatives(languages.cannot_read_after).pattern) \
            if languages.cannot_read_after else None

    @classmethod
    def from_file(cls, path: Path, word_counts: Mapping[str, float] | None = None) -> IntentReader:
        return cls(IntentFile.model_validate(parse_yaml(path.read_text(encoding="utf-8"))), word_counts)

    def _folded(self, text: str) -> str:
        english = language_of(text) == "en"
        text = _MENTIONED.sub(r"\1 đến", common_words(text))
        return _PEOPLE_HARMED.sub(r"\1 nguoi thuc", " ".join(self._splitter.words(words(text, english=english),
                                                                                english=english)))

    def asks_about(self, text: str) -> bool:
        """A question about a thing ("đặt lịch có mất phí không", "nếu xóa dữ liệu thì sao", "xóa rồi có
        lấy lại được không", "tư vấn viên làm những gì"), not a request for it."""
        return self._asks(self._folded(text))

    def _asks(self, folded: str) -> bool:
        return bool(self._asks_about.search(folded) or _CONDITIONAL.search(folded))

    def intent(self, text: str) -> str | None:
        """The feature a message asks for, if it asks for one."""
        folded = self._prepared(text)
        # The whole message when it is short, else each of its clauses.
        if len(folded.split()) <= ABOUT_THE_BOT_MAX_WORDS:
            clauses = [folded]
        else:
            clauses = [self._folded(clause) for clause in _CLAUSES.split(text)] if _CLAUSES.search(text) else []
        # What is done with the person's data is asked in the menu's words too ("what do you do with my
        # information"): not the menu, but what the words about data say (privacy, or the erasure). Looked at
        # only when the menu's words are there.
        if any(0 < len(clause.split()) <= ABOUT_THE_BOT_MAX_WORDS
               and any(all(part.search(clause) for part in pattern) for pattern in self._about_the_bot)
               for clause in clauses) \
                and not any(all(part.search(folded) for part in pattern) for pattern in self._privacy):
            # "bot này làm được những gì", "what can this bot help with": the menu says it, even when
            # worded like a question about a thing, and with a clause beside it ("…, mình mới dùng lần đầu").
            return "menu"
        if self._menu_in_any_message is not None and self._menu_in_any_message.search(folded):
            return "menu"
        if "!" not in text and " ".join(w for w in folded.split() if w not in FILLER) in self._menu_whole_message:
            return "menu"
        said = [folded]
        if self._asks_about.search(folded):
            return None
        if _CONDITIONAL.search(folded):
            # A request in a sentence of its own beside a story that supposes ("… she said she'd come with me if I see
            # someone. can we book a time with a counselor together?") is still a request; a clause that supposes it
            # ("nếu em xóa dữ liệu, thì có lấy lại được không") is not.
            clauses = [self._folded(clause) for clause in _CLAUSES.split(text)]
            said = [clause for clause in clauses
                    if clause and not self._asks(clause) and not _SUPPOSING.search(clause)]
            if len(said) == len([clause for clause in clauses if clause]):
                return None
        if self._elsewhere.search(folded) and not self._topic.search(folded) and self.language_request(text) is None:
            # "book a flight", "đặt bàn nhà hàng 7h": booked or set somewhere else, not here. A language asked for
            # beside such a thing ("… proofreading a novel. anyway, english please") is still asked for.
            return None
        found = self._first_feature(text, folded, said)
        if found == "sites" and any(words is not None and words.search(folded) for words in (self._away, self._hours)) \
                and not (self._find_words is not None and self._find_words.search(folded)):
            return None
        if found == "sites" and _TEST_SOUGHT.search(folded):
            return None
        if found == "sites" and _WORK_SOUGHT.search(folded) and not _PLACE_OF_TREATMENT.search(folded):
            return None
        if found == "erase" and _THEIR_WISH.search(folded):
            return None
        if found == "talk" and _PHONE_LINE.search(folded):
            # A line to phone, asked for ("is there a line I can call just to talk to someone at night"): a number
            # the FAQ gives, not a chat with the counselor on duty here.
            return None
        if found == "privacy" and _TREATMENT_NAMED.search(folded) and not _THIS_CHAT.search(folded):
            return None
        if found == "privacy" and _CLAUSES.search(text):
            # A request in the first clause, and why in the next ("tắt hẳn nhắc nhở đi ad, bố em đọc được tin nhắn
            # là toi"): who might read the messages is the reason for the request, not a question about privacy.
            first = next((self._prepared(clause) for clause in _CLAUSES.split(text) if clause.strip()), "")
            asked_first = self._first_feature(text, folded, [first])
            if asked_first in _REQUESTS_WITH_A_REASON:
                return asked_first
        return found

    def _prepared(self, text: str) -> str:
        """Folded, with the phrases that look like a request and are not one set apart ("bị xóa hết" is no erasure)."""
        folded = self._folded(_ALLOWED_TO.sub("được phép ", _PUPIL.sub("đồng tử", unicodedata.normalize("NFC", text))))
        folded = _NEARLY.sub("khoang ", _ERASED_ALREADY.sub("bimat", _KEEP_DOING.sub("tieptuc", folded)))
        folded = _STANDING.sub("dungyen ", _REPRIMANDED.sub("bi canh cao", folded))
        folded = _SELF_DESCRIBED.sub("toi la nguoi hoi", _MENTIONED_AGAIN.sub("duoc ke lai", folded))
        folded = _MENTIONED_BY.sub(r"\g<who>de cap", _MENTIONED_IN_PASSING.sub("de cap", folded))
        folded = _LEAVE_TAKING.sub("tambiet", _FALSE_ALARM.sub("baonham", folded))
        # An appointment named as a time stays the appointment when the message asks to move it ("killing time before my
        # appointment. can i move it to 3pm instead?").
        if not _MOVE_IT.search(folded):
            folded = _AROUND_AN_APPOINTMENT.sub("hoiay", folded)
        folded = _DIFFERS.sub(r"\1 khacbiet", _EVERYWHERE.sub("khapnoi", _RECORD.sub("lylich", folded)))
        folded = _SCENE_WHERE.sub(r"\1 trong do", folded)
        return _ALWAYS.sub("luonluon", _EVERYONE.sub("moinguoi ", folded))

    def _first_feature(self, text: str, folded: str, said: list[str]) -> str | None:
        for name, patterns in self._intents:
            if name == "language_en":
                language = self.language_request(text)
                if language is not None:
                    return f"language_{language}"
                continue
            if name == "menu" and len([w for w in folded.split() if w not in FILLER]) > MENU_MAX_WORDS:
                continue
            if any(all(part.search(clause) for part in pattern) for pattern in patterns for clause in said):
                return SAME_AS.get(name, name)
        return None

    def language_request(self, text: str) -> str | None:
        """"en" or "vi" when the message asks to be answered in that language: as a whole ("english",
        "English please", "đổi sang tiếng Anh", "tiếng việt nhé", "i don't read vietnamese"), or in a
        clause that asks for it in so many words ("…, đổi sang English được ko"). None for a language
        named inside a sentence about something else ("english homework", "tiếng việt lớp 5")."""
        folded = _TURNING.sub("", self._folded(text))
        named = sorted((match.start(), match.end(), language) for language, pattern in self._language_names.items()
                       for match in pattern.finditer(folded))
        if not named:
            return None
        rest = folded
        for pattern in (*self._language_names.values(), self._request_words):
            rest = pattern.sub(" ", rest)
        if rest.split() and not self._switch_to.search(folded):
            # Asked for in a clause of its own, the rest saying why ("Vietnamese please, this is for my mother",
            # "can you speak english? I don't read Vietnamese well", "nãy giờ toàn tiếng Anh mình đọc không hiểu,
            # bạn nói tiếng Việt giùm"): the last clause that asks.
            # A later clause asks only with a verb of speaking or writing, or a "please" ("…. English please"): "I'm
            # Vietnamese, english not good" says what the person reads, not how to answer.
            clauses = [clause for clause in _CLAUSES.split(text) if clause.strip()]
            if len(clauses) < 2:
                return None
            asked_for = [self.language_request(clause) for number, clause in enumerate(clauses)
                         if number == 0 or _SPEAK.search(self._folded(clause))]
            return next((language for language in reversed(asked_for) if language is not None), None)
        # The language wanted: the last one named that the person does not say they cannot read
        # ("không hiểu tiếng Anh, nói tiếng Việt giùm"); if they only say which one they cannot read
        # ("i don't read vietnamese"), the other.
        cannot = {language for start, end, language in named
                  if any(m.end() == end for m in self._cannot_read.finditer(folded))
                  or (self._cannot_read_after is not None
                      and any(m.start() == start for m in self._cannot_read_after.finditer(folded)))}
        # One asked for in so many words wins over one only mentioned ("reply in English? my Vietnamese
        # reading isn't great").
        asked = [language for _start, end, language in named
                 if any(m.end() == end for m in self._switch_to.finditer(folded))]
        wanted = [language for language in asked if language not in cannot] or \
            [language for _start, _end, language in named if language not in cannot]
        if wanted:
            return wanted[-1]
        return "vi" if cannot == {"en"} else "en" if cannot == {"vi"} else None

    def yes_or_no(self, text: str) -> str | None:
        """"yes" or "no" when the whole message answers a yes-or-no question of safety ("có", "dạ không, em ổn",
        "not really", "i'm not ok"); None when it says anything more. Not `bot.normalize.yes_or_no`, which reads
        the confirmation of a feature: there "ok" is a yes and "không ổn" a no, and here neither may be."""
        said = " ".join(word for word in words(text) if word not in _REPLY_PARTICLES)
        return "yes" if said in _SAYS_YES else "no" if said in _SAYS_NO else None

    def leaves_the_step(self, text: str) -> bool:
        """Whether the whole message says to stop the feature's steps ("thôi", "hủy nhé", "cancel", "never mind",
        "thôi không đặt nữa"), with nothing else asked."""
        said = " ".join(w for w in self._folded(text).split() if w not in _LEAVE_PARTICLES)
        return bool(said) and said in self._leave

    def smalltalk(self, text: str) -> str | None:
        """The kind of small talk, when the message is little more: "chào bạn nhé", "ok cảm ơn",
        "cảm ơn vì đã trả lời lúc nửa đêm"; None when it also asks for something."""
        folded = _LANGUAGE_WORD.sub("ngonngu", self._folded(text))
        said = folded.split()
        if not said:
            return None
        if " ".join(said) in BARE_YES_OR_NO:
            return "ack"
        if len(said) > SMALLTALK_MAX_WORDS:
            # Whether the bot reports to the police is asked with the fear that makes it asked ("tôi kể chuyện dùng
            # ma túy ở đây thì bạn có báo công an không?"): the answer is the same.
            # Asked first, with someone to chat to named after it ("are you cops? someone in my group chat swears these
            # bots report people"), which reads as a chat asked for: the question is still whether the bot reports. A
            # chat asked for first ("mình muốn nói chuyện với tư vấn viên, bot có báo công an không") is the chat.
            police = self._smalltalk_words.get("is_police")
            asked = police.search(folded) if police is not None else None
            if len(said) <= POLICE_QUESTION_MAX_WORDS and asked is not None:
                wanted = self.intent(text)
                if wanted is None or (wanted == "talk"
                                      and all(word in FILLER for word in folded[:asked.start()].split())):
                    return "is_police"
            # So is whether a person or a machine is answering, asked with whom it answers ("Đang trả lời bà là người
            # thật hay cái máy tự động hả cháu?"): the answer says what the bot is and offers a counselor.
            human = self._smalltalk_words.get("is_human")
            if len(said) <= POLICE_QUESTION_MAX_WORDS and human is not None \
                    and human.search(_WHICH_NUMBER.sub(r"\1 mayy", folded)) and _PERSON_OR_MACHINE.search(folded) \
                    and self.intent(text) in (None, "talk"):
                return "is_human"
            return None
        found: list[str] = []
        rest = folded
        # Longest kinds of phrase first, so "có người thật không" is not read as "có" + "người".
        for name in ("is_police", "is_human", "who_are_you", "how_are_you", "sad", "thanks", "bye", "greeting",
                     "insult", "ack"):
            pattern = self._smalltalk_words.get(name)
            # "ngủ" (sleep) folds like "ngu" (stupid): after a word that goes with sleeping ("muốn ngủ", "đi ngủ",
            # "buồn ngủ", "mất ngủ") it is no insult.
            said_as = _SLEEPING.sub(r"\1 zzz", rest) if name == "insult" \
                else _THIS_THING.sub(r"\1 the ", rest) if name == "who_are_you" \
                else _WHICH_NUMBER.sub(r"\1 mayy", rest) if name == "is_human" else rest
            if pattern is not None and pattern.search(said_as):
                found.append(name)
                rest = pattern.sub(" ", rest)
        if not found:
            return None
        extra = [word for word in rest.split() if word not in FILLER]
        # A call alone ("bot ơi", "ad ơi") greets; before a request ("bot ơi kể chuyện cười đi") it is the request's.
        if found == ["greeting"] and extra \
                and all(match.group(0).endswith(" oi") for match in self._smalltalk_words["greeting"].finditer(folded)):
            return None
        if found[0] == "who_are_you" and extra and not _ADDRESSED.intersection(_HOW_MANY.sub("", folded).split()):
            return None
        # "Hôm nay thế nào" after something named ("tỷ giá đô la hôm nay thế nào", "thời tiết dạo này thế nào") asks
        # how that thing is, not how the bot is.
        asked_how = self._smalltalk_words["how_are_you"].search(folded) if found[0] == "how_are_you" else None
        if asked_how is not None and extra and not _ADDRESSED.intersection(said):
            # Named in two words or more ("tỷ giá", "thời tiết"): one word before may be a name for the bot typed in a
            # hurry ("bnạ ơi").
            before = self._smalltalk_words["greeting"].sub(" ", folded[:asked_how.start()])
            if len([word for word in before.split() if word not in FILLER]) >= 2:
                return None
        if found[0] == "who_are_you" and self.intent(text) == "menu":
            return None  # "các chức năng của bot là gì": what it can do, which the menu shows
        about_the_bot = found[0] in ("is_police", "is_human", "who_are_you")
        # Only a word of assent, after a sentence: "rồi", "thôi", "ok" closing a clause of its own ("làm hộ em bài
        # văn với, mai nộp rồi") is a particle of that sentence, not an answer to the bot ("ok, để em hỏi lại mẹ").
        if found == ["ack"] and len(extra) > ACK_MAX_EXTRA \
                and not any(all(word in FILLER for word in folded[:match.start()].split())
                            for match in self._smalltalk_words["ack"].finditer(folded)):
            return None
        # Words beyond small talk: still small talk if it opens or closes the message and the rest asks
        # nothing of the bot ("chào em, chị mới vào", "cảm ơn vì đã trả lời lúc nửa đêm"), not when it
        # does ("ok đặt lịch đi", "chào bạn, methadone là gì") or when the word is another one in the
        # middle of a sentence ("giá vàng hôm nay": "vàng" folds like "vâng"). Only the words beyond it are
        # looked at for what the bot covers: "cái máy" of "trả lời như cái máy" folds like "cai" (to quit).
        if extra and not about_the_bot:
            asking = set(_NOT_ASKING.sub(" ", " ".join(extra)).split())
            if self.on_topic(rest) or self.intent(text) is not None or QUESTION_WORDS.intersection(asking):
                return None
            # Asked whether something is so ("thời tiết hà nội mai có mưa ko": "thời" folds like "thôi"): a question
            # of its own, ending in the yes/no word, with "có" before it.
            if extra[-1] in _YES_NO_ENDINGS and "co" in extra[:-1]:
                return None
            # At an edge once the wrapping words are set aside: "thôi em đi ngủ đây, bye ad", "how are you today".
            def at_an_edge(match: re.Match[str]) -> bool:
                return all(word in FILLER for word in folded[:match.start()].split()) \
                    or all(word in FILLER for word in folded[match.end():].split())

            # Or an insult said of the bot, wherever it stands ("this bot is as useless as a youtube comment section").
            def of_the_bot(name: str, match: re.Match[str]) -> bool:
                return name == "insult" and bool({"bot", "chatbot", "app"} & set(folded[:match.start()].split()[-3:]))

            if not any(at_an_edge(match) or of_the_bot(name, match)
                       for name in found for match in self._smalltalk_words[name].finditer(folded)):
                return None
        for name in ("is_police", "is_human", "who_are_you", "how_are_you", "sad", "insult", "thanks", "bye",
                     "greeting"):
            if name in found:
                return name
        return "ack"

    def an_errand(self, text: str) -> bool:
        """A thing of elsewhere asked about with only the words everyday errands share ("mua xe máy trả góp cần những
        giấy tờ gì", "how much is the fee for a passport"): outside what the bot covers, however close a question
        about its own papers or fees is in shape."""
        folded = self._folded(text)
        if not self._errand_words or not self._elsewhere.search(folded):
            return False
        return all(found.group(0) in self._errand_words for found in self._topic.finditer(folded))

    def on_topic(self, text: str) -> bool:
        """Whether the message says anything within what the bot covers."""
        if self._everyday_marked is not None:
            text = self._everyday_marked.sub(" ", unicodedata.normalize("NFC", text))
        folded = self._folded(text)
        if self._tasks is not None and self._tasks.search(folded) and self._people_it_is_for is not None:
            folded = self._people_it_is_for.sub(" ", folded)
        return bool(self._topic.search(folded))
