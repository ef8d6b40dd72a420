"""The language a message is written in, so that each message is answered in it, whatever the person's
setting (which changes only when they ask).

People here write Vietnamese, often without diacritics, or English, and mix them ("ok thanks, mai
em qua"). A message counts as English only when its words clearly are: English function words
outnumber Vietnamese ones, and no letter carries a Vietnamese diacritic. Anything unclear (a number,
an emoji, "ok", a place name) says nothing, and the person's setting decides.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Common English words that no unaccented Vietnamese word is spelled like.
ENGLISH = frozenset("""
    the is are am was were been be being i i'm im you you're he she it it's we they my your his her our their
    me him us them what how why when where who which can could would should will shall do does did don't
    doesn't didn't not no yes please help want need to of in on at for with about from this that these those
    there here have has had get got just like know think friend husband wife son daughter mother father mom
    dad brother sister boyfriend girlfriend hello hi hey thanks thank okay appointment book find clinic near
    nearest reminder remind stop english vietnamese speak talk someone somebody anyone really very much any
    some if then than but because so too also again now today tomorrow tonight morning evening week day
    time pm am take taking took dose drug drugs treatment rehab counselor counsellor methadone test tested
    where's what's how's there's isn't aren't wasn't won't can't cannot going gonna wanna would've
    overdose overdosed breathing wake won't woke lips blue pupils kill die dying dead life live alive
    anymore hurt hurting beating hits hit knife police report free cost price pay money doctor hospital
    sick pain sleep work job bye goodbye alright stupid useless idiot dumb cops real human person robot
    anymore sorry please thank thanks
""".split())
# Common unaccented Vietnamese words that no English word is spelled like.
VIETNAMESE = frozenset("""
    toi tui tao minh ban em anh chi khong ko hok dc duoc la gi cua nguoi nhu nay roi oi nhe nha voi cho lam
    sao bao nhieu muon uong thuoc di den tai nao day vay chua cai nghien con bi hay gio mai lich hen nhac
    chao cam xin thi ma va co ve o ra vao len xuong nua lai cung deu moi nhung neu khi vi nen phai can
    biet hieu noi hoi tra loi giup dung dang se da vua chong vo bo me ong ba chau tre nha truong duong
    thang nam ngay tuan sang trua chieu toi dem hom qua nay kia kho de nhanh cham lau luon ngay
    methadon metadon ma tuy xet nghiem tu van dieu tri benh vien phong kham cong an luat
""".split())


def has_vietnamese_letters(text: str) -> bool:
    """True when a letter carries a Vietnamese diacritic (or is đ)."""
    for ch in text:
        if ch in "đĐ":
            return True
        if ord(ch) > 127 and ch.isalpha():
            base = unicodedata.normalize("NFD", ch)
            if len(base) > 1 and base[0].isascii():
                return True
    return False


def language_of(text: str) -> str | None:
    """"en" or "vi" when the message's words clearly belong to one language, else None."""
    if has_vietnamese_letters(text):
        return "vi"
    said = _WORD.findall(text.casefold().replace("’", "'"))
    if not said:
        return None
    english = sum(1 for w in said if w in ENGLISH)
    vietnamese = sum(1 for w in said if w in VIETNAMESE)
    if english > vietnamese and (english >= 2 or len(said) == 1 or english >= len(said) / 2):
        return "en"
    if vietnamese > english:
        return "vi"
    return None
