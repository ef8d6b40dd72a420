"""The crisis reader places what people in danger actually type, asks about, or merely say.

Phrasings from ../shared/lexicon.md §3 (what friends and family type), with and without diacritics,
in teencode, and in English. These pin the behaviour of each rule; how well the reader does on
messages written apart from it is measured by benchmarks/understanding.py on the labelled sets in
tests/understanding/labelled/ (tests/understanding/test_labelled_sets.py keeps the floor).
"""

from __future__ import annotations

import pytest

from bot.config import PROJECT_ROOT
from bot.content import load_content
from bot.services.crisis import CrisisKind, CrisisReader, Tier

CONTENT = load_content(PROJECT_ROOT / "content")
READER = CrisisReader(CONTENT.crisis)

NOW = {
    CrisisKind.OVERDOSE: [
        "bạn tôi bị sốc thuốc", "ban toi bi soc thuoc", "nó sốc ma túy rồi", "anh ấy quá liều", "qua lieu roi",
        "em trai tôi bất tỉnh", "bat tinh roi giup voi", "gọi không tỉnh", "goi ko tinh", "lay không dậy",
        "nó không thở", "ko tho nua", "ngừng thở rồi", "thở yếu lắm", "môi tím tái", "bị co giật",
        "sùi bọt mép", "hôn mê rồi", "my friend overdosed", "he OD'd", "bạn tôi bị od", "he is not breathing",
        "she passed out", "his lips are turning blue", "bạn tôi chơi xong nằm im không dậy",
        "chồng tôi thở rất chậm, đồng tử co lại", "cứuuuu bạn tôi không thở", "bantoibisocthuoc",
    ],
    CrisisKind.POISONING: [
        "con tôi 3 tuổi uống phải chai methadone của bố nó", "be nha em lo uong nuoc methadone, gio ngu li bi",
        "tôi lỡ uống 2 liều methadone", "my toddler drank some of my methadone",
    ],
    CrisisKind.SUICIDE: [
        "tôi muốn chết", "toi muon chet", "muốn chớt cho xong", "muon tret", "em không muốn sống nữa",
        "ko muon song nua", "muốn tự sát", "chắc tôi không sống nổi nữa", "tao chán sống lắm rồi",
        "biến mất thì tốt hơn", "một liều thật to để đi luôn", "có cách nào chết không đau không",
        "muốn kết thúc tất cả", "chết quách cho xong", "không ai cần em cả", "i want to die",
        "i will kill myself", "i don't want to live anymore", "ending it all tonight", "tôi muốn tự tử",
    ],
    CrisisKind.CHILD: [
        "con tôi bị xâm hại", "my child was abused", "con tôi bị bố nó bỏ đói mấy ngày rồi",
        "chồng tôi đang đánh con bằng dây điện",
    ],
    CrisisKind.VIOLENCE: [
        "chồng tôi bạo hành tôi", "bi danh dap hang ngay", "nó đòi đâm chém cả nhà", "bố dọa giết mẹ",
        "he hits me every night", "nó cầm dao dí cổ em", "my husband is beating me right now",
    ],
}
ABOUT = {
    CrisisKind.OVERDOSE: ["quá liều methadone là bao nhiêu mg?", "dấu hiệu sốc thuốc là gì",
                          "môi tím do lạnh có phải sốc thuốc không", "nếu bạn tôi bị sốc thuốc thì làm gì",
                          "what are the signs of an overdose", "uống methadone với rượu có chết không"],
    CrisisKind.POISONING: ["nếu con uống nhầm methadone thì phải làm gì"],
    CrisisKind.SUICIDE: ["dấu hiệu người muốn tự tử là gì"],
    CrisisKind.CHILD: ["phát hiện trẻ bị xâm hại thì báo ai"],
    CrisisKind.VIOLENCE: ["bạo lực gia đình là gì"],
}
# Composed from a blow to a body part of someone; after "tự", harm to oneself.
NOW[CrisisKind.VIOLENCE] += ["nó vừa đập vỡ đầu tôi bằng chai bia", "thằng đó đang đá vào bụng em"]
NOW[CrisisKind.SUICIDE] += ["anh tôi đang cầm dao tự dí vào cổ mình"]
# A year named, or a past that is over: told, not happening.
ABOUT[CrisisKind.OVERDOSE] += ["năm 2019 tôi từng bị sốc thuốc, giờ đã ổn định", "in 2017 i overdosed once"]
ABOUT[CrisisKind.SUICIDE] += ["hồi 2016 tôi có lần nghĩ tới chuyện tự tử, giờ tôi ổn rồi"]
# A question that opens with "if" asks about signs; it does not report them.
ABOUT[CrisisKind.OVERDOSE] += ["nếu bạn tôi bất tỉnh sau khi chơi thì có nên cạo gió không"]
ORDINARY = [
    # An everyday thing taken in excess, a goodbye for an everyday reason, first aid asked about.
    "hôm nay quá liều trà sữa, 3 ly rồi", "pretty sure i overdosed on netflix", "ăn Tết quá liều, lên 3 ký",
    "chào tạm biệt mọi người, mai em đi du học rồi", "my son got into a fight at school but he's fine",

    "cười chết mất", "nhục chết mất", "methadone là gì", "tím", "thở dài", "tôi buồn", "giờ mở cửa",
    "tu van", "tư vấn viên", "tôi muốn được tư vấn", "ngất ngây", "mệt muốn chết vì đi làm thủ tục",
    "tôi bị sốc khi biết con dùng ma túy", "giảm liều từ từ được không", "con tôi 16 tuổi có được uống methadone không",
    "tôi sắp đi xa 1 tuần thì uống thuốc sao", "tôi muốn kết thúc điều trị methadone", "I want to be left alone",
    "làm sao xóa dữ liệu của tôi", "đăng ký điều trị methadone cần giấy tờ gì", "chờ mình xíu nhé",
    "con trai tôi 25 tuổi đang uống methadone", "lúc nãy đọc tin có người chết vì sốc ma túy",
]


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in NOW.items() for t in texts])
def test_a_crisis_happening_now(kind: CrisisKind, text: str) -> None:
    reading = READER.read(text)
    assert reading is not None and (reading.kind, reading.tier) == (kind, Tier.NOW), reading


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in ABOUT.items() for t in texts])
def test_a_question_about_a_danger(kind: CrisisKind, text: str) -> None:
    reading = READER.read(text)
    assert reading is not None and (reading.kind, reading.tier) == (kind, Tier.ABOUT), reading


@pytest.mark.parametrize("text", ORDINARY)
def test_everyday_words_raise_no_alarm(text: str) -> None:
    assert READER.detect(text) is None


def test_each_reading_names_the_concepts_that_fired() -> None:
    reading = READER.read("bạn tôi chơi xong nằm im không dậy")
    assert reading is not None and "sign_unresponsive" in reading.signals


def test_no_faq_question_is_taken_for_a_crisis_happening_now() -> None:
    questions = [q for e in CONTENT.faq for q in (*e.questions.vi, *e.questions.en)]
    assert [q for q in questions if READER.detect(q)] == []


def test_a_long_message_is_read_at_both_ends() -> None:
    assert READER.detect("hôm nay " * 1200 + " bạn tôi bất tỉnh rồi") is CrisisKind.OVERDOSE
    assert READER.detect("bạn tôi bất tỉnh rồi " + "hôm nay " * 1200) is CrisisKind.OVERDOSE


@pytest.mark.parametrize("text", ["con chó nhà tôi ăn phải thuốc chuột, giờ nó nôn",
                                  "my dog ate my pills and is shaking", "bé cún nhà mình uống nhầm nước tẩy"])
def test_an_animal_in_danger_is_no_human_crisis(text: str) -> None:
    reading = READER.read(text)
    assert reading is not None and reading.tier is Tier.ANIMAL, reading


def test_an_animal_word_that_folds_into_a_child_counts_only_with_its_diacritics() -> None:
    # "con bo" is "con bỏ" (a child abandoned) as much as "con bò" (a cow).
    assert READER.detect("thằng bé hàng xóm bị bố mẹ bỏ đói, con bo vo ngoai duong") is CrisisKind.CHILD


def test_first_aid_asked_about_is_no_cry_for_help() -> None:
    reading = READER.read("trẻ em uống nhầm thuốc người lớn thì sơ cứu thế nào")
    assert reading is not None and reading.tier is Tier.ABOUT and "now" not in reading.signals
