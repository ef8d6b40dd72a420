"""Vietnamese text as people type it on a phone, reduced to a form that can be compared.

People write with or without diacritics, in any case, with teencode ("ko", "dc") and with emoji. Every
matcher in the bot (typed choices, crisis signals, FAQ search) compares folded text, so "Tiếng Việt",
"tieng viet" and "TIẾNG VIỆT" are the same answer.
"""

from __future__ import annotations

import re
import sys
import unicodedata

_WORD = re.compile(r"[0-9a-z]+")
# After case folding and NFD: drop every combining mark (the diacritics), and fold đ and ð by hand,
# since they do not decompose. One table, applied by str.translate in C: a Python loop over the
# characters cost more than the rest of a turn's routing (docs/benchmarks.md). Every combining
# character lies below U+20000; the scan stops at the highest code point, whichever is lower.
_FOLD: dict[int, str | None] = {
    code: None for code in range(min(sys.maxunicode + 1, 0x20000)) if unicodedata.combining(chr(code))
}
_FOLD.update({ord("đ"): "d", ord("ð"): "d"})

# A small core of teencode (../shared/lexicon.md §2.1); the knowledge layer extends it. Single letters
# that fold together with a real word ("à", "ạ" → "a") are left alone: "a" is not always "anh".
TEENCODE: dict[str, str] = {
    "ko": "khong", "k": "khong", "kh": "khong", "khg": "khong", "hok": "khong", "hong": "khong",
    "khum": "khong", "kg": "khong", "dc": "duoc", "dk": "duoc", "dx": "duoc", "uh": "u", "uk": "u",
    "j": "gi", "gj": "gi", "z": "vay", "v": "vay", "ntn": "nhu the nao", "bn": "bao nhieu",
    "mk": "minh", "cx": "cung", "ms": "moi",
    # Spellings of treatment words (lexicon §1.8) and common abbreviations.
    # More of lexicon §2 that no Vietnamese word folds to.
    "ck": "chong", "vk": "vo", "ny": "nguoi yeu", "e": "em", "mn": "moi nguoi", "mng": "moi nguoi",
    "ng": "nguoi", "ngta": "nguoi ta", "r": "roi", "rui": "roi", "roy": "roi", "vs": "voi", "mun": "muon",
    "bik": "biet", "pik": "biet", "wa": "qua", "lm": "lam", "ns": "noi", "lun": "luon", "chx": "chua",
    "dag": "dang", "trc": "truoc", "hnay": "hom nay", "hqua": "hom qua", "nma": "nhung ma",
    "nhma": "nhung ma", "jup": "giup", "xl": "xin loi", "sdt": "so dien thoai", "dky": "dang ky",
    "dki": "dang ky", "bs": "bac si", "bv": "benh vien", "xn": "xet nghiem", "hem": "khong",
    "kb": "khong biet", "ksao": "khong sao", "ji": "gi", "bnhiu": "bao nhieu", "nhiu": "nhieu",
    "thui": "thoi", "hoy": "thoi", "thoy": "thoi", "ik": "di", "cg": "cung", "mik": "minh", "mh": "minh",
    "bjo": "bao gio", "bgio": "bay gio", "bme": "bo me", "tks": "cam on", "kp": "khong phai",
    "ntnao": "nhu the nao",
    "metadon": "methadone", "methadon": "methadone", "metadone": "methadone", "methdone": "methadone",
    "methadol": "methadone", "bupre": "buprenorphine", "bupe": "buprenorphine", "bhyt": "bao hiem y te",
    "tvv": "tu van vien",
    # English typed in chat: no apostrophe, short forms. None of them is a Vietnamese syllable.
    "cant": "can t", "dont": "don t", "wont": "won t", "didnt": "didn t", "doesnt": "doesn t",
    "isnt": "isn t", "wasnt": "wasn t", "ive": "i ve", "rn": "right now", "pls": "please", "plz": "please",
    "ur": "your", "hes": "he s", "shes": "she s", "theyre": "they re", "youre": "you re", "thats": "that s",
}

# How English is texted: read only in a message written in English, where "u" is "you", not the "ừ" of a
# Vietnamese yes, "r" is "are", not "rồi", and "im" is "I'm", not "im lặng".
ENGLISH_TEXTING: dict[str, str] = {
    "u": "you", "ya": "you", "yu": "you", "r": "are", "im": "i m", "k": "ok", "n": "and", "y": "why",
    "thru": "through", "wat": "what", "wut": "what", "cuz": "because", "coz": "because", "bc": "because",
    "abt": "about", "bout": "about", "ppl": "people", "smth": "something", "sth": "something",
    "idk": "i don t know", "dunno": "don t know", "tmr": "tomorrow", "tmrw": "tomorrow", "tmw": "tomorrow",
    "2moro": "tomorrow", "tonite": "tonight", "2nite": "tonight", "gonna": "going to", "wanna": "want to",
    "gotta": "got to", "msg": "message", "appt": "appointment", "b4": "before", "rly": "really",
    "ofc": "of course", "hrs": "hours", "mins": "minutes", "wks": "weeks", "yrs": "years", "nite": "night",
    "whats": "what s", "wats": "what s", "wheres": "where s", "hows": "how s", "lemme": "let me",
    "hav": "have", "msgs": "messages", "txt": "text", "txts": "texts", "thx": "thanks", "thnx": "thanks",
    "thanx": "thanks",
}
# "2" for "to" before a verb, a language or someone spoken to ("do i have 2 wear a tag", "switch 2 vietnamese", "talk 2
# me"); before anything else it is a number ("take 2 pills", "need 2 doses a day").
_TWO_AS_TO = re.compile(r"(?<=[a-z] )2 (?=(?:be|get|go|see|talk|speak|wear|stop|start|know|do|have|pay|come|find|book|"
                        r"change|switch|use|make|keep|tell|ask|call|meet|sleep|work|help|stay|reply|answer|english|"
                        r"vietnamese|me|you|u|him|her|us|them)(?![a-z0-9]))")
_ENGLISH_TEENCODE = {**TEENCODE, **ENGLISH_TEXTING}

# "L" and "n" swapped as many in the North say them ("nàm gì", "lói với", "cái lày"): typed with their marks, these are
# no words of their own, so they are read as the word meant.
SWAPPED_L_N: dict[str, str] = {"nàm": "làm", "lói": "nói", "lày": "này", "nuôn": "luôn"}
# Teencode typed with diacritics, which the crisis phrases compare as typed ("e mún chết", "chán lém rùi", "đc k" for
# "được không"): the word it stands for, with its own. Folded, they are "mun", "rui" and so on, which TEENCODE already
# expands. Left out: "hông" (also the hip), "bùn" (also mud), "mìn" (also a mine).
MARKED_TEENCODE: dict[str, str] = {"mún": "muốn", "chít": "chết", "rùi": "rồi", "lém": "lắm", "bít": "biết",
                                   "đc": "được", **SWAPPED_L_N}
_SWAPPED_WORD = re.compile(rf"(?<!\w)(?:{'|'.join(SWAPPED_L_N)})(?!\w)", re.IGNORECASE)


# Central and southern Vietnamese words that ask, typed with their marks ("ở Huế có điểm tư vấn mô không", "chừ khỏe
# rồi", "mạ tui", "làm răng", "methadone là cái chi rứa", "mi làm được chi", "có bị sao hông"): the common word.
# Folded, they are words of their own ("mở", "mơ", "răng" a tooth, "chi" a cost in "chi phí", "hông" the hip), so only
# the marked word is read, and most only where they ask: "mô tả" and "quy mô" describe, "đau răng" is a toothache.
_DIALECT = {"mô": "đâu", "chừ": "giờ", "mạ": "mẹ", "răng": "sao", "rứa": "vậy", "dzậy": "vậy", "chi": "gì",
            "mần": "làm", "hè": "nhỉ", "hông": "không", "hổng": "không", "mi": "bạn", "ni": "này", "nớ": "đó",
            "hỉ": "nhỉ"}
# Words before "răng" that make it the teeth ("đau răng", "đánh răng", "hại răng").
_TEETH = "".join(f"(?<!{word} )" for word in ("đau", "nhổ", "đánh", "sâu", "hàm", "mọc", "trám", "hại", "bọc", "cái",
                                              "gãy", "ê", "khám", "chân", "men", "hư", "mục", "vàng"))
# The words "ni" ("này") and "nớ" ("đó") point back to: "thuốc ni", "bữa nớ" (not "ni cô", a nun).
_POINTED = r"(?:(?<=cái )|(?<=bữa )|(?<=chỗ )|(?<=người )|(?<=thuốc )|(?<=hôm )|(?<=ngày )|(?<=năm )|(?<=tháng )" \
           r"|(?<=lần )|(?<=đứa )|(?<=tuần )|(?<=nhà )|(?<=ông )|(?<=bà )|(?<=việc )|(?<=chuyện )|(?<=luật ))"
_ASKING_AFTER = r"(?=\s*(?:(?:không|ko|k|rứa|hè|hả|ạ|à|ri|ad|nhỉ|vậy)(?!\w)|\?|,|\.|!|$))"
# The words that make "chi" part of another ("chi phí", "chi tiết", "chi nhánh"): no question.
_CHI_COMPOUND = r"(?!\s+(?:phí|tiết|tiêu|trả|nhánh|hội|cục|bộ|viện|đoàn|phối|ra|dùng|tiền)(?!\w))"
_DIALECT_WORD = re.compile(
    rf"(?<!\w)(?:(?P<which>(?<=chỗ )mô|(?<=nơi )mô|(?<=bên )mô|(?<=cái )mô)|"
    rf"(?:(?<=ở )|(?<=đi )|(?<=về )|(?<=tới )|(?<=đến ))mô|(?P<where>mô){_ASKING_AFTER}|"
    # "răng?" asks, but not of the teeth ("methadone hại răng?", "đánh răng?").
    rf"{_TEETH}răng(?=\s*(?:(?:rứa|mà|hè|hả)(?!\w)|\?))|"
    r"(?:(?<=làm )|(?<=mần )|(?<=vì )|(?<=tại ))răng|chừ|mạ|rứa|dzậy|mần|"
    rf"(?:(?<=cái )|(?<=làm )|(?<=là )|(?<=được )|(?<=có )|(?<=vì )|(?<=để )|(?<=nói ))chi{_CHI_COMPOUND}|"
    rf"chi(?=\s*(?:rứa|hè|hả|ri)(?!\w))|"
    # "hè" is also summer ("mùa hè"): only as the particle closing a question ("có không hè").
    r"(?:(?<=không )|(?<=rứa )|(?<=vậy )|(?<=chưa )|(?<=gì )|(?<=chi )|(?<=nào )|(?<=mô )|(?<=đâu )|(?<=sao ))hè"
    r"(?=\s*(?:\?|!|\.|,|$))|"
    r"(?<!đau )(?<!xương )(?<!bên )(?<!eo )(?<!vòng )(?<!mông )hông(?=\s*(?:(?:ạ|à|ta|vậy|nhỉ|hả|nha|nhen)(?!\w)"
    r"|\?|!|\.|,|$)|\s+(?:có|biết|được|phải|hiểu|sao|cần|muốn|nhớ)(?!\w))|"
    r"hổng(?=\s+(?:có|biết|được|phải|hiểu|sao|cần|muốn|nhớ)(?!\w))|"
    rf"{_POINTED}(?:ni|nớ)|hỉ(?=\s*(?:\?|!|\.|,|$))|"
    # "mi" ("you") as the one asked to do something ("mi làm được chi"), not the eyelash ("lông mi").
    r"(?<!lông )mi(?=\s+(?:làm|biết|là|có|ơi|trả|giúp|nói|ở|đang)(?!\w)))(?!\w)",
    re.IGNORECASE | re.MULTILINE)
# Typed without marks, only "cái chi rứa" and its like are sure to ask ("methadone la cai chi rua").
_DIALECT_UNMARKED = re.compile(r"(?<![a-z])(?:(?<=cai )|(?<=lam )|(?<=la ))chi"
                               r"(?=\s+(?:rua|he|ha)(?![a-z])|\s*[?.!,]|\s*$)"
                               r"|(?:(?<=chi )|(?<=gi ))rua(?![a-z])", re.IGNORECASE | re.MULTILINE)


def common_words(text: str) -> str:
    """The text with dialect words that ask in their common form, for matching questions and requests.
    The crisis reader reads words as typed: its phrases and model know them that way."""
    if text.isascii():
        return _DIALECT_UNMARKED.sub(lambda m: "gi" if m.group(0).lower() == "chi" else "vay", text)
    text = unicodedata.normalize("NFC", text)
    text = _SWAPPED_WORD.sub(lambda m: SWAPPED_L_N[m.group(0).lower()], text)
    # "có điểm tư vấn mô không": "mô" alone asks "ở đâu", where "ở mô" is "ở đâu" already; "chỗ mô" is "chỗ nào".
    return _DIALECT_WORD.sub(lambda m: "ở đâu" if m.group("where") else "nào" if m.group("which")
                             else _DIALECT[m.group(0).lower()], text)


def fold(text: str) -> str:
    """Lower case, no diacritics, whitespace collapsed: "Đi  Cai NGHIỆN" → "di cai nghien"."""
    if text.isascii():  # typed without diacritics, as many people do: nothing to decompose
        return " ".join(text.lower().split())
    return " ".join(unicodedata.normalize("NFD", text.casefold()).translate(_FOLD).split())


# A letter typed three or more times in a row ("cứuuuu", "helppp") is one letter; "uu" stays two,
# since Vietnamese spells "cứu" and "hữu" with it.
_REPEATED = re.compile(r"([a-z])\1{2,}")


def _squeeze(word: str) -> str:
    return _REPEATED.sub(lambda m: "uu" if m.group(1) == "u" else m.group(1), word)


# An age written short, as people do in chats: "con 15t", "thằng bé 8t".
_AGE = re.compile(r"\d{1,2}t")


def words(text: str, expand_teencode: bool = True, english: bool = False) -> list[str]:
    """Folded words (letters and digits only), teencode expanded: "ko dc à?" → ["khong", "duoc", "a"]; in a
    message written in English (`english`), English as texted too: "can u" → ["can", "you"]."""
    result: list[str] = []
    table = _ENGLISH_TEENCODE if english else TEENCODE
    folded = _TWO_AS_TO.sub("to ", fold(text)) if english else fold(text)
    for word in _WORD.findall(folded):
        if len(word) > 2 and word[-1] == word[-2]:
            word = _squeeze(word)
        if expand_teencode and word in table:
            result.extend(table[word].split())
        elif expand_teencode and _AGE.fullmatch(word):  # "15t": an age, as "15 tuổi"
            result.extend((word[:-1], "tuoi"))
        else:
            result.append(word)
    return result


def has_letters_or_digits(text: str) -> bool:
    """False for an emoji-only, punctuation-only or empty message."""
    return any(ch.isalnum() for ch in text)


# Short answers to a yes-or-no question, folded, teencode expanded. A word of refusal anywhere makes
# it a "no" ("không, thôi"), so "có" inside "không có" never counts as assent.
_YES = frozenset("co vang da u um ok oke okay yes yeah yep sure dong y duoc chot dat di luon nhe nha roi "
                 "lam book it please go ahead fine good tot toi minh em anh chi lich a ah".split())
_NO = frozenset("khong thoi chua huy no not nope cancel dung de sau later never".split())
# Words that may stand beside a refusal without making it something else ("thôi, không đặt nữa ạ",
# "không xóa đâu, giữ lại").
_NO_COMPANIONS = frozenset("dat lich nua a ah nhe nha minh toi em anh chi thanks cam on di vay khoi xoa dau giu lai"
                           .split())
_YES_NEEDS = frozenset("co vang da u ok oke okay yes yeah yep sure dong y duoc chot dat book go fine tot".split())


def yes_or_no(text: str) -> bool | None:
    """True for a short assent ("có", "ok đặt đi", "dạ đồng ý", "yes please"), False for a short refusal
    ("không", "thôi", "ko đặt nữa", "no"), None for anything longer or else: a question is not an answer."""
    said = words(text)
    if not said or len(said) > 6:
        return None
    if any(w in _NO for w in said):
        rest = [w for w in said if w not in _NO]
        return False if all(w in _YES or w in _NO_COMPANIONS for w in rest) else None
    if all(w in _YES for w in said) and any(w in _YES_NEEDS for w in said):
        return True
    return None


def question_of(story: str) -> str | None:
    """The question a long message asks, as its writer put it: the last sentence that ends with "?", or
    else, when the last sentence does not ask, the later of the two before it that asks in words ("... co
    cach nao giup con toi khong. no van di lam."), or else the last sentence; with the sentence before it
    when it is only a few words ("Có sao không ạ?"). Closing courtesies ("Tôi cảm ơn nhiều", "mong được
    giúp đỡ") are not the question. A family's story spends most of its words on what happened, and those
    words pull towards entries about families or feelings; the question itself is usually the last thing
    asked, and many write without a "?"."""
    sentences = [s.strip() for s in re.findall(r"[^.!?\n]+[.!?]*", story) if len(s.split()) >= 2]
    while sentences and _is_courtesy(sentences[-1]):
        sentences.pop()
    if len(sentences) < 2:
        return None
    asked = [number for number, sentence in enumerate(sentences) if sentence.endswith("?")]
    if not asked and not _asks(sentences[-1]):
        # "... thuốc lao có làm giảm tác dụng methadone không. Anh ấy lo lắm. Em cũng lo." One of the last
        # three sentences, never the first: "tôi không biết bắt đầu từ đâu" opens a story, not its question.
        asked = [number for number in range(max(1, len(sentences) - 3), len(sentences) - 1)
                 if _asks(sentences[number])]
    last = asked[-1] if asked else len(sentences) - 1
    # A short question that names the treatment it asks about ("so what is methadone anyway") needs no sentence before
    # it.
    whole = _asks(sentences[last]) and bool(_SUBJECT.search(" ".join(words(sentences[last]))))
    first = last - 1 if len(sentences[last].split()) < QUESTION_MIN_WORDS and last > 0 and not whole else last
    return " ".join(sentences[first:last + 1])


# Words that turn from an aside to what the person came for ("the AC broke. anyway can you remind me at 6:30", "xem
# phim thấy sợ thật. mà thôi, ad chỉ em cơ sở methadone gần quận 8").
_TURN = re.compile(r"(?<![\w])(?:anyway|anyways|anyhow|by the way|btw|back to my question|"
                   r"nhân tiện|nhan tien|tiện thể|tien the|mà thôi|ma thoi|à mà|ngoài lề|ngoai le)(?![\w])",
                   re.IGNORECASE)


def after_a_turn(text: str) -> str | None:
    """What follows the last word that turns from an aside to a request or question, when something comes
    before it and at least two words after: the aside's words pull elsewhere ("the heatwave is killing me")."""
    turns = list(_TURN.finditer(text))
    if not turns or not words(text[:turns[-1].start()]):
        return None
    rest = text[turns[-1].end():].strip(" ,.:;-–")
    return rest if len(rest.split()) >= 2 else None


def question_clause(sentence: str) -> str | None:
    """The question of a story told in one sentence, its clauses joined by commas ("Em trai tôi bị quá liều hồi
    tháng trước, giờ đã khỏe, gia đình nên làm gì để giúp nó?"): the last clause after the first that asks, in
    words or with a "?", with the clause before it when it is only a few words. None when no later clause asks."""
    clauses = [c.strip() for c in re.split(r"[,;]", sentence) if len(c.split()) >= 2]
    asked = [number for number, clause in enumerate(clauses) if number > 0 and (clause.endswith("?") or _asks(clause))]
    if not asked:
        return None
    last = asked[-1]
    first = last - 1 if len(clauses[last].split()) < QUESTION_MIN_WORDS else last
    question = " ".join(clauses[first:last + 1])
    return question if len(question.split()) >= QUESTION_MIN_WORDS else None  # "có đúng không, vì sao?" asks of what?


def with_its_subject(story: str) -> str | None:
    """A message's question with the treatment or drug that its "it" stands for, named in a sentence before
    it ("Says methadone turned his life around. Does it cost him anything?" asks whether methadone costs
    anything): the sentence before brings its own words, which pull elsewhere ("turned his life around"),
    while the thing it names is all the question needs. None when the question names its own subject, has
    no "it", or the sentences before it name none or more than one."""
    question = question_of(story)
    if question is None:
        return None
    sentences = [s.strip() for s in re.findall(r"[^.!?\n]+[.!?]*", question) if s.strip()]
    asked = " ".join(words(sentences[-1]))
    if _SUBJECT.search(asked) or not _IT.search(asked):
        return None
    before = " ".join(words(story[:story.rfind(sentences[-1])]))
    named = {_SUBJECT_ALIASES.get(m.group(0), m.group(0)) for m in _SUBJECT.finditer(before)}
    if len(named) != 1:
        return None
    return _IT.sub(named.pop(), asked, count=1)


# The treatments and drugs a question's "it" may stand for, folded, and the name each is asked by.
_SUBJECT = re.compile(r"(?<![a-z0-9])(?:methadone|methadon|metadon|buprenorphine|suboxone|subutex|naloxone|narcan|"
                      r"prep|pep|arv|rehab|detox)(?![a-z0-9])")
_SUBJECT_ALIASES = {"methadon": "methadone", "metadon": "methadone"}
# "It" as a question's subject or object, and the Vietnamese "that medicine" ("thuốc đó", "thuốc này").
_IT = re.compile(r"(?<![a-z0-9])(?:it|thuoc do|thuoc nay|thuoc ay)(?![a-z0-9])")


# A question of fewer words than this is read with the sentence before it: it refers to it.
QUESTION_MIN_WORDS = 6
# How a sentence asks without a "?", folded: Vietnamese ends a question with its question word ("... co
# duoc khong", "... lam sao", "... tien gi") or says one of a few phrases anywhere in it; English opens
# with its question word. "khong" inside a sentence is a negation ("no noi khong duoc"), not a question.
_ENDS_ASKING = frozenset("khong ko chua sao gi nao dau".split())
_TRAILING_PARTICLES = frozenset("a ah ha nhe nha nhi vay the ta ad oi chi anh em ban".split())
# Words that join a sentence to the one before it, said before its own first word.
_JOINING = frozenset("and also but so oh btw plus then".split())
_OPENS_ASKING = frozenset("how what where when why which who can could should is are do does will would".split())
_ASKING_PHRASES = ("the nao", "lam sao", "bao nhieu", "bao lau", "co nen", "o dau", "cach nao", "muon biet",
                   "muon hoi", "cho hoi", "xin hoi", "tai sao", "vi sao", "co phai", "i want to know",
                   "i wonder", "please tell")
# A sentence that only thanks or asks for help in general closes a message; it is not its question.
_COURTESY_OPENINGS = ("cam on", "xin cam on", "toi cam on", "em cam on", "minh cam on", "con cam on",
                      "thank", "thanks", "mong", "rat mong", "hy vong", "hi vong", "chuc", "xin loi", "sorry",
                      "please help", "giup toi voi", "giup em voi", "giup minh voi")


def asks(sentence: str) -> bool:
    """Whether a sentence asks, with a "?" or in words."""
    return sentence.rstrip().endswith("?") or _asks(sentence)


def _asks(sentence: str) -> bool:
    """Whether a sentence asks in words, with or without its "?"."""
    said = words(sentence)
    while len(said) > 1 and said[0] in _JOINING:
        said = said[1:]  # "and where is the nearest clinic", "also, can I ..."
    if not said:
        return False
    if said[0] in _OPENS_ASKING:
        return True
    ending = list(said)
    while len(ending) > 1 and ending[-1] in _TRAILING_PARTICLES:
        ending.pop()
    phrase = f" {' '.join(said)} "
    return ending[-1] in _ENDS_ASKING or any(f" {p} " in phrase for p in _ASKING_PHRASES)


def _is_courtesy(sentence: str) -> bool:
    """"Tôi cảm ơn nhiều.", "Mong ad giúp đỡ", "thanks in advance": at most eight words that open with
    thanks, a hope or a wish and ask nothing."""
    said = words(sentence)
    phrase = " ".join(said)
    # "cảm ơn, cho hỏi methadone là gì" opens with thanks and still asks.
    return len(said) <= 8 and any(phrase.startswith(o) for o in _COURTESY_OPENINGS) and not _asks(sentence)
