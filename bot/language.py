"""The language a message is written in, so that each message is answered in it, whatever the person's
setting (which changes only when they ask).

People here write Vietnamese, often without diacritics, or English, and mix them ("ok thanks, mai
em qua"). Unaccented Vietnamese is plain ASCII too, so "ASCII" says nothing; what tells the two apart
is the words. Each word is weighed:

- a word with a Vietnamese diacritic, or a common unaccented Vietnamese word or teencode ("ko", "dc"),
  is Vietnamese;
- a word from a list of a few hundred of the most common English words is English, strongly when it
  cannot be spelled as a Vietnamese syllable ("you", "what", "night", "please"), weakly when it can
  ("the" is also "thế", "on" is "ổn", "to" is "to", "can" is "cần");
- any other word counts a little: for Vietnamese when it is shaped like a Vietnamese syllable
  ("nghien", "thuoc"), for English when it cannot be one ("homework", "effects");
- words both languages use (methadone, heroin, HIV, ARV, ok, bot, menu…), single letters, numbers
  and words with digits in them ("7h", "GOOD2345"), and links say nothing; of a command only its name
  counts ("/delete", "/xoa", not the code after "/start").

A message is English when its English weight is the larger and it holds at least one listed English
word that is not also a Vietnamese syllable, or a listed one beside a word no Vietnamese syllable is
spelled like ("delete my data"), or holds only listed words and nothing Vietnamese ("hi", "got it");
Vietnamese when its Vietnamese weight is the larger; otherwise nothing is said ("ok", an emoji, a
number) and the person's setting decides. A Vietnamese writer mixing in a few
English words ("chồng em bị HIV, what should I do") stays Vietnamese.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.normalize import TEENCODE, fold

_WORD = re.compile(r"[^\W_]+(?:'[^\W\d_]+)?")
# Mentions and links are the same whatever the language.
_NOT_WORDS = re.compile(r"(?:^|(?<=\s))@\S*|https?://\S+|www\.\S+", re.IGNORECASE)
# A term in quotes, opened after a space and closed before one or a stop, of a few words at most.
_QUOTED_TERM = re.compile(r"(?:(?<=\s)|^)['\"“‘«]([^'\"”’»\n]{1,40})['\"”’»](?=[\s.,?!;:]|$)"
                          # Or glossed in brackets ("the counseling point (điểm tư vấn) do what exactly?").
                          r"|\(([^()\n]{1,40})\)")
# The words left around quoted terms that are enough to say the language.
_WORDS_AROUND_QUOTES = 5

# The shape of one Vietnamese syllable written without diacritics: an optional initial consonant, a
# vowel group and an optional final consonant. "iê", "yê", "uô" and "ươ" (ie, ye, uo unaccented) are
# always closed by a final ("tiền", "yên", "muốn"); open, they are spelled ia, ya, ua, ưa.
_INITIAL = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
_FINAL = r"(?:ch|ng|nh|[cmnpt])"
_CLOSED = r"(?:uye|ie|ye|uo)"
_OPEN_OR_CLOSED = r"(?:oa|oe|ua|ue|uy|oo|[aeiouy])"
_OPEN_ONLY = r"(?:ieu|yeu|uoi|uou|oai|oay|uay|uya|uyu|oeo|ai|ao|au|ay|eo|eu|ia|iu|oi|ui|uu)"
_SYLLABLE = re.compile(
    rf"{_INITIAL}(?:{_CLOSED}{_FINAL}|{_OPEN_OR_CLOSED}{_FINAL}?|{_OPEN_ONLY})")
_SYLLABLES = re.compile(rf"(?:{_SYLLABLE.pattern})+")


def could_be_vietnamese(word: str) -> bool:
    """True when an unaccented lower-case word is spelled like one Vietnamese syllable ("thuoc", "the",
    "on"); False for "you", "night", "data"."""
    return _SYLLABLE.fullmatch(word) is not None


# About four hundred of the most common English words (function words first, then everyday verbs,
# nouns and adjectives, and the words of a chat with a service: account, data, delete, message…). Not
# drawn from the bot's test messages: a general list, so any English sentence is likely to hold some.
ENGLISH = frozenset("""
    a about above after again against all almost alone along already also although always am among an
    and another any anybody anyone anything anyway are aren't around as ask asked asking at away back
    be became because become been before behind being below best better between both but by call called
    came can can't cannot could couldn't day days did didn't do does doesn't doing don't done down during
    each either else enough even ever every everyone everything few find first for found from get gets
    getting give given go goes going gone gonna good got great had hadn't has hasn't have haven't having he
    he's her here here's hers herself him himself his how how's however i i'd i'll i'm i've if in into is
    isn't it it's its itself just keep kind know known last least less let let's like little long look
    lot made make many may maybe me might mine more most much must my myself need needs never new next no
    nobody none nor not nothing now of off often oh old on once one only or other others our ours out
    over own please put quite rather really right said same say says see seem seen she she's should
    shouldn't since so some somebody someone something sometimes soon still such sure take taken tell than
    thank thanks that that's the their theirs them themselves then there there's these they they're
    thing things think this those though through thus to today together tomorrow tonight too under
    until up upon us very want wanted wants was wasn't way we we're well went were weren't what what's
    whatever when where where's whether which while who who's whom whose why will with within without
    won't would wouldn't yes yet you you'd you'll you're you've your yours yourself
    able actually add afraid again age ago agree allow answer anymore anywhere appointment arrive
    bad become bed believe big book born break bring brother buy bye care cancel change check child
    children close come coming cost could country course cry daughter dead delete die doctor dying
    early easy eat else end english evening everybody face family far father feel feeling fine finish
    follow food forget friend friends full fun girl girlfriend boyfriend give glad goodbye guy guys half
    happen happened happy hard hate health hear heard hello help hey hi high hold home hope hospital
    hour hours house hurt husband idea important job kid kids kill kind late later learn leave left
    life live lives living love mad man married matter mean meet men message mind minute miss money
    month morning mother mom mum dad move name near nearest never nice night nobody number okay once
    open pain parent parents pay people person phone place plan play police pregnant problem quick
    quit read ready reason remember remind reminder reply rest room run sad safe school see send sick
    side sister sleep slow small son sorry speak start started stay stop stopped story street strong
    study stuff sure talk talking teacher thought tired told town treatment true try trying turn under
    understand use used using wait wake walk wanna week weekend wife woman women word work worked
    working worry worried wrong year years young
    account address anonymous chat data information language messages personal privacy private
    question questions remove schedule settings switch vietnamese
    addiction addicted clinic counselor counsellor counseling counselling dose doses drug drugs effect
    effects insurance medicine medication overdose rehab support withdrawal
    alive alright beating blue breathing cops dumb free hit idiot im knife lips overdosed pm price pupils
    real report robot shall stupid time took useless woke would've
    show option options list watch water paper white black red green color colour two three four five six
    example begin began world city state question problem result system program service services team
    company group area office different large public example tell told ask
    write main weather movie film music song game homework joke translate ticket flight hotel poem
    foreign foreigner
    sign symptom warning danger dangerous neighbour neighbor difference between versus
    goodnight tysm gotta kinda yeah yep nope tmrw hiya understood gotcha noted pls plz
""".split())


def _texted_english(short: str, long: str) -> bool:
    """Whether a short form of bot.normalize's teencode is English typed in chat ("pls", "dont", "ur"): no
    Vietnamese syllable is spelled like it, and it stands for English words none is spelled like either."""
    said = long.replace(" t", "'t").replace(" s", "'s").replace(" ve", "'ve").replace(" re", "'re").split()
    return not could_be_vietnamese(short) \
        and any(word in ENGLISH and not could_be_vietnamese(word.replace("'", "")) for word in said)


# Common unaccented Vietnamese words (and the teencode of bot.normalize) that no listed English word is
# spelled like; with these, "ok cam on" and "methadone la gi" stay Vietnamese.
VIETNAMESE = frozenset("""
    toi tui tao minh ban em anh chi khong ko hok dc duoc la gi cua nguoi nhu nay roi oi nhe nha voi cho
    lam sao bao nhieu muon uong thuoc di den tai nao day vay chua cai nghien con bi hay gio mai lich hen
    nhac chao cam xin thi ma va co ve o ra vao len xuong nua lai cung deu moi nhung neu khi vi nen phai
    can biet hieu noi hoi tra loi giup dung dang se da vua chong vo bo me ong ba chau tre truong duong
    thang nam ngay tuan sang trua chieu dem hom qua kia kho de nhanh cham lau luon on ak nek oy hix
    ma tuy xet nghiem tu van dieu tri benh vien phong kham cong an luat dau met buon vui thoi thui
""".split()) | frozenset(short for short, long in TEENCODE.items()
                         if short != "tks" and not _texted_english(short, long))

# Words that lean Vietnamese without saying it alone: the pronoun "e" (em) and "ad" (the admin addressed).
_LEANS_VIETNAMESE = frozenset({"e", "ad"})

# Words both languages use, and so say nothing on their own.
SHARED = frozenset("""
    methadone methadon metadon metadone methdone heroin hiv aids arv prep pep tb covid ok oke okie oki
    okay bot admin app zalo telegram facebook fb menu online offline test check link video clip sms
    email wifi internet ice meth ke bupre subutex suboxone buprenorphine naloxone narcan fentanyl
""".split())


def has_vietnamese_letters(text: str) -> bool:
    """True when a letter carries a Vietnamese diacritic (or is đ)."""
    return any(_accented(ch) for ch in text)


def _accented(ch: str) -> bool:
    if ch in "đĐ":
        return True
    if ord(ch) > 127 and ch.isalpha():
        base = unicodedata.normalize("NFD", ch)
        return len(base) > 1 and base[0].isascii()
    return False


def _a_syllable_marked(word: str) -> bool:
    """A word with a diacritic that is Vietnamese: syllables, typed together or not ("khôngbiết"), with letters
    held ("khôngggg") read once; teencode ("wá" for "quá"); an abbreviation with "đ" or no vowel ("sđt", "đm")."""
    folded = fold(word)
    return "đ" in word or not any(letter in "aeiouy" for letter in folded) or folded in TEENCODE \
        or _SYLLABLES.fullmatch(re.sub(r"(.)\1+", r"\1", re.sub(r"^w", "qu", folded))) is not None


def _english_form(word: str) -> str | None:
    """The listed English word this one is, or an inflection of ("effects", "worked", "asking")."""
    if word in ENGLISH:
        return word
    for ending, back in (("'s", ""), ("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("ing", ""), ("ing", "e"), ("ly", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: len(word) - len(ending)] + back
            if stem in ENGLISH:
                return stem
    return None


def weigh(text: str, place: str | None = None) -> tuple[float, float, bool]:
    """(English weight, Vietnamese weight, whether a listed English word says "English" clearly). `place`
    is a place the message names, folded ("da nang"): a name says nothing of the language around it,
    with its diacritics ("methadone clinic in Đà Nẵng") or without."""
    english = vietnamese = 0.0
    strong = weak = foreign = only_vietnamese = 0
    if text.lstrip().startswith("/"):
        # A command: its name says the language ("/delete", "/xoa"); what follows is its argument (a
        # code). "/start" is sent by the app itself when someone opens the chat, and says nothing.
        name = text.lstrip()[1:].split(maxsplit=1)[0].split("@", 1)[0] if text.strip() != "/" else ""
        text = "" if name.casefold() in ("start", "") else name
    said = _WORD.findall(_NOT_WORDS.sub(" ", text.casefold().replace("’", "'")))
    # Words quoted are named, not spoken ("my mum keeps confusing 'tự nguyện' and 'bắt buộc' rehab"): when enough
    # words are left around them, those say the language.
    around = _WORD.findall(_NOT_WORDS.sub(" ", _QUOTED_TERM.sub(" ", text.casefold().replace("’", "'"))))
    if len(around) >= _WORDS_AROUND_QUOTES and len(around) < len(said):
        said = around
    if place:
        place_words = place.split()
        folded = [fold(word) for word in said]
        size = len(place_words)
        named = {i + k for i in range(len(said) - size + 1) if folded[i:i + size] == place_words for k in range(size)}
        said = [word for i, word in enumerate(said) if i not in named]
    for word in said:
        if any(ch.isdigit() for ch in word):
            continue  # a code, a time or a number ("GOOD2345", "7h", "g9")
        if any(_accented(ch) for ch in word):
            if not _a_syllable_marked(word):
                continue  # a mark slipped into another word ("gôdnight", typed "good" with Telex on): no Vietnamese
            vietnamese += 2  # a diacritic is the clearest sign there is
            only_vietnamese += 1
            continue
        if word in _LEANS_VIETNAMESE:
            vietnamese += 0.5  # "e" (em) and "ad" (admin, "ad ơi") are how Vietnamese chats address and say "I"
            only_vietnamese += 1
            continue
        if word in SHARED or len(word) == 1 or not word.isascii():
            continue  # a single letter is an abbreviation in both ("e" em, "r" rồi; "i", "u" you)
        listed = _english_form(word)
        if listed is not None:
            if word in VIETNAMESE or could_be_vietnamese(word):
                english += 0.5
                weak += 1
                if word in VIETNAMESE:
                    vietnamese += 0.5
            else:
                english += 1
                strong += 1
        elif word in VIETNAMESE:
            vietnamese += 1
            only_vietnamese += 1
        elif could_be_vietnamese(word):
            vietnamese += 0.5
            only_vietnamese += 1
        else:
            english += 0.5
            foreign += 1
    # Listed words alone, none of them common Vietnamese ("hi", "got it"), are English too; so are three or more
    # of them with no word that only Vietnamese has ("can a 16yo get on methadone": "cần", "ổn" make no sentence).
    clear = strong > 0 or (weak > 0 and foreign > 0) or (weak > 0 and vietnamese == 0 and english == weak / 2) \
        or (weak >= 3 and only_vietnamese == 0)
    return english, vietnamese, clear


@lru_cache(maxsize=1024)
def language_of(text: str, place: str | None = None) -> str | None:
    """"en" or "vi" when the message's words clearly belong to one language, else None; `place` is a place
    the message names, folded, which counts for neither. Kept for the last messages: the router and each
    reader that splits words ask it of the same message."""
    english, vietnamese, clear = weigh(text, place)
    if english > vietnamese and clear:
        return "en"
    if vietnamese > english:
        return "vi"
    return None
